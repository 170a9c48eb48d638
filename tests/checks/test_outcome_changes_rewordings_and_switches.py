"""Outcome switching between two registered versions of a study, on rewordings that keep the outcome (which must stay
quiet) and on switches that look like rewordings (which must fire). A rewording: case, punctuation, spacing, 'Change
from baseline in' added, an abbreviation spelt out or written for the words it abbreviates ('AEs' for 'adverse events',
'HbA1c' for 'glycated haemoglobin (HbA1c)'), the statistic a results table counts it by added ('Number of participants
with'), a time frame moved into the measure at its end or its start ('Week 24 HbA1c', '28-day mortality'), outcomes
reordered. A switch: another outcome, a threshold reversed, a count for a percentage, a grade dropped, an outcome added
beside the kept one or moved to the secondaries. Every case is one study with two versions in one warehouse; cases
marked "new" were judged otherwise before."""
from __future__ import annotations

import pytest

from checks import outcome_changes
from tests.checks import harness
from tests.checks.cases_outcome_changes import versions

RULE = "outcome_changes.primary_outcome_changed"

# (older measures, newer measures, older time frames or None, newer time frames or None, fires, note)
QUIET = [
    (["Change in HbA1c"], ["Change in glycated haemoglobin (HbA1c)"], None, None, "new: a term for the words"),
    (["Change in glycated hemoglobin (HbA1c)"], ["Change in HbA1c"], None, None, "new: the words for a term"),
    (["Overall response rate"], ["ORR"], None, None, "new: an abbreviation for the whole measure"),
    (["Rate of pCR"], ["Rate of pathological complete response"], None, None, "new: pCR spelt out"),
    (["Incidence of AEs"], ["Incidence of adverse events"], None, None, "new: AEs spelt out"),
    (["Number of DLTs"], ["Number of dose-limiting toxicities"], None, None, "new: DLTs spelt out"),
    (["Incidence of DLTs"], ["Incidence of Dose Limiting Toxicities (DLTs)"], None, None, "new: spelt out, bracketed"),
    (["Quality of life"], ["QoL"], None, None, "new: QoL"),
    (["Health-related quality of life"], ["HRQoL"], None, None, "new: HRQoL"),
    (["Serious adverse events"], ["SAEs"], None, None, "new: a plural abbreviation"),
    (["Rate of CR"], ["Rate of complete remission"], None, None, "new: CR spelt out"),
    (["Adverse events"], ["Number of participants with adverse events"], None, None, "new: a count added"),
    (["Number of Participants With Treatment-Emergent Adverse Events"], ["Treatment-emergent adverse events (TEAEs)"],
     None, None, "new: a count dropped, an abbreviation added"),
    (["Clinical remission"], ["Percentage of patients who achieved clinical remission"], None, None,
     "new: a percentage of patients who achieved it"),
    (["ACR20 response"], ["Percentage of Participants With ACR20 Response"], None, None,
     "new: a results table's title"),
    (["HbA1c < 7%"], ["% of patients with HbA1c < 7%"], None, None, "new: a percent sign opening it"),
    (["Mean change in HbA1c"], ["Change in HbA1c"], None, None, "new: 'mean' dropped"),
    (["Median PFS"], ["PFS"], None, None, "new: 'median' dropped"),
    (["Mean change from baseline in FEV1 at week 12"], ["Change in FEV1"], ["Week 12"], ["Week 12"],
     "new: mean, from baseline and the time dropped"),
    (["Week 24 HbA1c"], ["HbA1c"], ["Week 24"], ["Week 24"], "new: a time opening the measure"),
    (["24-week change in HbA1c"], ["Change in HbA1c"], ["24 weeks"], ["24 weeks"], "new: '24-week' opening it"),
    (["Change in HbA1c from baseline to week 24"], ["Change in HbA1c"], ["Baseline to week 24"],
     ["Baseline to week 24"], "new: 'from baseline to week 24' ending it"),
    (["28-day mortality"], ["Mortality"], ["28 days"], ["Day 28"], "new: '28-day' and a frame of Day 28"),
    (["Day 28 all-cause mortality"], ["All-cause mortality"], ["Day 28"], ["Day 28"], "new: 'Day 28' opening it"),
    (["Overall survival at 2 years"], ["2-year overall survival"], ["2 years"], ["2 years"],
     "new: the time moved from the end to the start"),
    (["Time to first relapse up to week 52"], ["Time to first relapse"], ["Up to 52 weeks"], ["Up to 52 weeks"],
     "new: 'up to week 52' ending it"),
    (["12-month overall survival"], ["Overall survival"], ["1 year"], ["12 months"], "new: 12 months for 1 year"),
    (["HbA1c at 24 weeks"], ["HbA1c"], ["24 weeks"], ["24 weeks"], "'at 24 weeks' ending it"),
    (["Change from Baseline in HbA1c"], ["Change in HbA1c"], None, None, "'from baseline' added"),
    (["Overall Survival"], ["overall survival (OS)"], None, None, "its own abbreviation bracketed"),
    (["OVERALL SURVIVAL."], ["Overall  survival"], None, None, "case, spacing and a full stop"),
    (["Progression-free survival", "Overall survival"], ["Overall survival", "Progression free survival"], None, None,
     "reordered, a hyphen for a space"),
    (["Haemoglobin level"], ["Hemoglobin level"], None, None, "British spelling"),
    (["Number of participants with AEs"], ["Number of participants with adverse events"], None, None,
     "new: AEs spelt out after a count"),
]
FIRES = [
    (["Overall survival"], ["Progression-free survival"], None, None, "another survival"),
    (["Percentage of participants with HbA1c < 7%"], ["Number of participants with HbA1c < 7%"], None, None,
     "a percentage became a count"),
    (["Percentage of participants with HbA1c < 7%"], ["Percentage of participants with HbA1c > 7%"], None, None,
     "a threshold reversed"),
    (["12-month overall survival"], ["12-month progression-free survival"], ["12 months"], ["12 months"],
     "another outcome after the same time"),
    (["Adverse events (grade 3 or higher)"], ["Adverse events"], None, None, "a grade dropped"),
    (["Pain (VAS)"], ["Pain (NRS)"], None, None, "another scale"),
    (["Objective response rate"], ["Overall response rate"], None, None, "two readings of ORR"),
    (["Complete response rate"], ["Cardiac remodelling rate"], None, None, "the same initials, other words"),
    (["Overall survival"], ["Overall survival (PFS)"], None, None, "a bracket that names another outcome"),
    (["Change in HbA1c"], ["Change in fasting plasma glucose (FPG)"], None, None, "another glycaemic outcome"),
    (["Incidence of AEs"], ["Incidence of SAEs"], None, None, "serious ones only"),
    (["Incidence of AEs"], ["Incidence of serious adverse events"], None, None, "serious ones only, spelt out"),
    (["Number of participants with adverse events"], ["Number of adverse events"], None, None,
     "participants became events"),
    (["Mean change in HbA1c"], ["Mean change in body weight"], None, None, "another change"),
    (["Overall survival", "Progression-free survival"], ["Overall survival"], None, None,
     "one primary moved to the secondaries"),
    (["Overall survival"], ["Overall survival", "Quality of life"], None, None, "one added beside the kept one"),
    (["Time to relapse"], ["Time to first relapse"], None, None, "a word added"),
    (["Proportion with HbA1c < 7%"], ["Proportion with HbA1c <= 7%"], None, None, "a bound's strictness"),
    (["Median PFS"], ["Median OS"], None, None, "another median"),
    (["Percentage of patients in remission at week 8"], ["Percentage of patients in response at week 8"], ["Week 8"],
     ["Week 8"], "remission became response"),
    (["ORR"], ["Disease control rate"], None, None, "another rate"),
    (["Rate of pCR"], ["Rate of pathological partial response"], None, None, "other initials"),
    (["Change in LDL-C"], ["Change in HDL-C"], None, None, "another cholesterol"),
    (["Adverse events"], ["Number of participants with serious adverse events"], None, None,
     "a count of serious ones only"),
    (["Week 12 response"], ["Week 12 remission"], ["Week 12"], ["Week 12"], "another outcome at the same week"),
    (["Change from baseline in HbA1c"], ["Change from baseline in fasting glucose"], None, None, "another change"),
    (["Number of patients who died"], ["Number of patients who were hospitalised"], None, None, "death became "
     "hospitalisation"),
    (["Week 24 HbA1c", "Weight"], ["HbA1c"], ["Week 24", "Week 24"], ["Week 24"], "the weight dropped"),
]
CASES = [(*case[:4], False, case[4]) for case in QUIET] + [(*case[:4], True, case[4]) for case in FIRES]


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> set[str]:
    """The cases whose study the rule flags: every case's study in one warehouse."""
    shapes = {}
    for n, (old, new, old_frames, new_frames, _fires, note) in enumerate(CASES, 1):
        tables: dict = {}
        versions(old, new, old_frames, new_frames)(tables)
        shapes[note] = (f"NCT0{n:07d}", {}, tables)
    found = harness.shape_findings(tmp_path_factory.mktemp("outcome_changes"), shapes, outcome_changes.RULES)
    return {note for note, findings in found.items() if findings}


@pytest.mark.parametrize("case", CASES, ids=[f"{'fires' if c[4] else 'quiet'}:{c[5]}" for c in CASES])
def test_a_primary_outcome_reworded_or_switched(flagged, case):
    old, new, _old_frames, _new_frames, fires, note = case
    assert (note in flagged) is fires, (old, new)
