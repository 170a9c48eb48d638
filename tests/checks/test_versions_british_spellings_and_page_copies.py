"""Versions and copies of one study, as the registry and republishing sites really word them.

Every case's study sits in one warehouse, and each rule runs once over it.
"""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from tests.checks import harness
from tests.checks.cases_cross_source import PAGE, REGISTRY
from tests.checks.cases_outcome_changes import NEW, OLD
from tests.checks.cases_outcome_changes import versions as outcome_versions

RULES = {rule.id: rule for rule in checks.all_rules()}
OUTCOME = "outcome_changes.primary_outcome_changed"
SAME = "cross_source.same_update_disagrees"
OUTDATED = "cross_source.republished_page_outdated"
PAGE_STATUS = "cross_source.republished_status_differs"
# The study started on 2021-06-15: the older version (2021-03-01) was posted before, the newer (2022-03-01) after.
STARTED = {"start_date": d(2021, 6, 15), "start_date_precision": "day"}


def sources(*rows: dict):
    """The study's current source files: the registry's record and the pages, each of its own content."""
    return lambda s: s.__setitem__("meta.source_records", [{**r, "sha256": f"{i + 1:x}" * 64}
                                                           for i, r in enumerate(rows)])


def changed(old_measures, new_measures, old_frames=None, new_frames=None, **new_values):
    """Two versions of a study that started on 2021-06-15, the newer one with `new_values`."""
    return outcome_versions(old_measures, new_measures, old_frames, new_frames, old={**OLD, **STARTED},
                            new={**NEW, **STARTED, **new_values})


# (rule, expected severity or None for quiet, change of the study, note)
CASES = [
    # Reworded, not switched.
    (OUTCOME, None, changed(["Change in HbA1c"], ["Change from baseline in HbA1c"]), "'from baseline' added"),
    (OUTCOME, None, changed(["Change From Baseline in Systolic Blood Pressure"], ["Change in systolic blood pressure"]),
     "'from baseline' dropped"),
    (OUTCOME, None, changed(["Haemoglobin level"], ["Hemoglobin level"]), "British 'haemoglobin'"),
    (OUTCOME, None, changed(["Objective tumour response"], ["Objective tumor response"]), "British 'tumour'"),
    (OUTCOME, None, changed(["Randomised participants' oedema"], ["Randomized participants' edema"]),
     "British 'randomised', 'oedema'"),
    (OUTCOME, None, changed(["Paediatric anaesthesia emergence delirium"], ["Pediatric anesthesia emergence delirium"]),
     "British 'paediatric', 'anaesthesia'"),
    (OUTCOME, None, changed(["Overall survival at 5 years"], ["Overall survival"], ["5 years"], ["5 years"]),
     "a time moved from the title into the time frame"),
    (OUTCOME, None, changed(["HbA1c"], ["HbA1c at Week 24."], ["Baseline, Week 24"], ["Baseline and Week 24"]),
     "a time frame repeated in the title"),
    (OUTCOME, None, changed(["ORR"], ["Objective Response Rate (ORR)"]), "an abbreviation spelt out"),
    (OUTCOME, None, changed(["Dose-Limiting Toxicities (DLTs)"], ["DLT"]), "a plural abbreviation alone"),
    # Changed before the study started: the protocol was still being written.
    (OUTCOME, None, outcome_versions(["Change in HbA1c"], ["Time to first hypoglycaemic event"],
                                     old={**OLD, **STARTED}, new={**NEW, "start_date": d(2022, 5, 1),
                                                                  "start_date_precision": "day"}),
     "switched before the study started"),
    (OUTCOME, None, outcome_versions(["Change in HbA1c"], ["Time to first hypoglycaemic event"],
                                     old={**OLD, **STARTED}, new={**NEW, "start_date": d(2022, 4, 1),
                                                                  "start_date_precision": "month"}),
     "switched before a start given to the month"),
    # Switched after the start.
    (OUTCOME, "warning", changed(["Change in HbA1c"], ["Time to first hypoglycaemic event"]),
     "switched after the start"),
    (OUTCOME, "warning", outcome_versions(["Change in HbA1c"], ["Time to first hypoglycaemic event"],
                                          new={**NEW, "start_date": d(2022, 3, 1), "start_date_precision": "month"}),
     "switched in the start's month"),
    (OUTCOME, "warning", changed(["Change from baseline in HbA1c"], ["HbA1c"]), "a change score became a level"),
    (OUTCOME, "warning", changed(["Tumour response"], ["Tumour size"]), "British spelling, another measure"),
    (OUTCOME, "warning", changed(["Change in HbA1c"], ["Change from week 12 in HbA1c"]), "another reference time"),
    (OUTCOME, "warning", changed(["Change in systolic blood pressure"], ["Change in diastolic blood pressure"]),
     "systolic became diastolic"),
    (OUTCOME, "warning", changed(["Overall survival"], ["Overall survival", "Quality of life (EQ-5D)"]),
     "a second primary outcome added"),
    (OUTCOME, "warning", changed(["ORR"], ["Overall survival (OS)"]), "an abbreviation of another measure"),
    (OUTCOME, "warning", changed(["Objective response rate (ORR) at week 24"], ["ORR"]),
     "an abbreviation of a measure with more words"),
    (OUTCOME, "warning", changed(["Overall survival at 5 years"], ["Progression-free survival"], ["5 years"],
                                 ["5 years"]), "a time moved, and another measure"),
    (OUTCOME, "warning", changed(["Pain at week 12"], ["Pain at week 12 and week 24"], ["Week 12"], ["Week 12"]),
     "a second time point added to the title"),
    (OUTCOME, "warning", changed(["Haemoglobin A1c"], ["Haematocrit"]), "British spelling, both switched"),
    # Pages against the registry's record.
    (SAME, "error", sources(REGISTRY, {**PAGE, "completion_date": d(2021, 10, 1),
                                       "completion_date_precision": "month"}), "another month"),
    (SAME, "error", sources(REGISTRY, {**PAGE, "overall_status": "ACTIVE_NOT_RECRUITING"}), "another status"),
    (SAME, "error", sources({**PAGE, "overall_status": None}, {**PAGE, "enrollment": 42}),
     "two pages, another enrollment"),
    # A page gives no time zone: one dated a day before the registry's record may copy that version.
    (OUTDATED, None, sources(REGISTRY, {**PAGE, "last_update_posted_date": d(2026, 1, 26)}), "a day older"),
    (PAGE_STATUS, None, sources({**REGISTRY, "overall_status": "UNKNOWN"},
                                {**PAGE, "last_update_posted_date": None, "overall_status": "RECRUITING"}),
     "an undated page's open status the registry now shows as UNKNOWN"),
    (PAGE_STATUS, "warning", sources({**REGISTRY, "overall_status": "RECRUITING"},
                                     {**PAGE, "last_update_posted_date": None, "overall_status": "COMPLETED"}),
     "an undated page's other status"),
    (PAGE_STATUS, "warning", sources({**REGISTRY, "overall_status": "UNKNOWN"},
                                     {**PAGE, "last_update_posted_date": None, "overall_status": "COMPLETED"}),
     "an undated page's closed status against UNKNOWN"),
]


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """(severity, message) of each case's rule's findings on its study, by case index."""
    studies, owners = {}, {}
    for index, (_rule, _severity, change, _note) in enumerate(CASES):
        nct_id = f"NCT0{index + 1:07d}"
        study = harness.clean_study()
        change(study)
        studies[nct_id] = study
        owners[nct_id] = index
    return harness.findings_of_cases(tmp_path_factory.mktemp("versions"), studies, RULES, owners,
                                     [case[0] for case in CASES])


@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: f"{CASES[i][0].split('.')[1]}:{CASES[i][3]}")
def test_case(found, index):
    _rule, severity, _change, _note = CASES[index]
    assert [s for s, _ in found[index]] == ([severity] if severity else []), found[index]
