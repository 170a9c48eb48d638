"""A randomized allocation under a single-group model that lists at most one arm assigned an intervention.

Shapes from real records: parallel trials of two or three groups registered as a single group with no arms
(NCT00563511, NCT00000402) or one arm that holds every group ("XmAb7195 or Placebo", NCT02148744); a randomized
single group beside a historical control or a run-in; the same arm titled twice. Where the text places what is
randomized within each participant (one eye randomly assigned to laser, NCT00000167; the opposite side of the body as
control, NCT00494351; the order of treatments of a crossover), info. Around them, words that look alike but randomize
between participants (side effects, half the patients, a crossover at progression, "either early").

Every shape is one study of one warehouse, built once for the module.
"""
from __future__ import annotations

from datetime import date

import pytest

from checks import all_rules
from tests.checks import harness

RULES = {rule.id: rule for rule in all_rules()}
RANDOMIZED_SINGLE = "contradictions.randomized_single_group"
SEVERAL_ARMS = "contradictions.single_group_several_arms"
LEGACY = date(2007, 11, 26)
FINAL_RULE_ERA = date(2019, 12, 2)


def _study(arms: list[str], allocation: str = "RANDOMIZED", model: str = "SINGLE_GROUP", posted: date = LEGACY,
           summary: str = "A study of drug X.", detail: str = "Participants receive drug X.",
           layout: str = "ctgov_json_v2", **tables) -> tuple:
    """A study of this allocation and model listing arms of these titles, first posted on `posted`, with these texts
    (and other tables replacing the clean study's), from a record of `layout`."""
    design = {**harness.clean_study()["designs"][0], "allocation": allocation, "intervention_model": model}
    groups = [{"group_type": "EXPERIMENTAL", "title": title, "description": "Drug X 10 mg orally once daily"}
              for title in arms]
    return ({"study_first_posted_date": posted, "source_layout": layout},
            {"designs": [design], "design_groups": groups, "design_group_interventions": [],
             "brief_summaries": [{"description": summary}], "detailed_descriptions": [{"description": detail}],
             **tables})


def _texts(*texts: str, arms: tuple[str, ...] = ()) -> tuple:
    """A randomized single group listing `arms` whose detailed description is the texts."""
    return _study(list(arms), detail=" ".join(texts))


def _field_selected() -> dict:
    """The load problem that marks the study's version a field-selected extract of its record."""
    tables: dict = {}
    harness.field_selected()(tables)
    return tables


NOTHING = "a single group leaves nothing to randomize participants between."
WITHIN = "its text places what is randomized within each participant"
CLUSTERS = "its text randomizes when each cluster (a site, a ward) starts the intervention"

# (shape, the severity it must be flagged with, or None for none, a part of the message it must say).
CASES = [
    # A parallel trial registered as a single group, its arms left out or folded into one.
    (_study([], summary="The purpose of this RCT is to test the effectiveness of smoking cessation intervention.",
            interventions=[{"intervention_type": "PROCEDURE", "name": name, "description": None}
                           for name in ("adherence intervention", "intervention without adherence advice",
                                        "control")]), "warning", "lists no arms: " + NOTHING),
    (_texts("We have been giving calcium to one group of participants and a placebo to the other group."),
     "warning", "lists no arms"),
    (_study(["XmAb7195 or Placebo"], posted=date(2014, 5, 28)), "warning", "lists one arm: " + NOTHING),
    (_study(["Drug X"], posted=FINAL_RULE_ERA), "warning", "lists one arm"),
    # A trial summary shows no arms: how many the study lists is not known, and it is not judged.
    (_study([], layout="summary_text"), None, ""),
    (_study(["Arm A", "Arm A:"]), "warning", "lists one arm"),
    # Beside the one group, groups no intervention is assigned to.
    (_study(["Drug X", "Historical control"]), "warning", "lists only one arm assigned an intervention"),
    (_study(["Placebo run-in", "Drug X 10 mg"]), "warning", "lists only one arm assigned an intervention"),
    (_study(["All participants", "Historical control"]), "warning", "lists no arm assigned an intervention"),
    # Words like a within-participant design's that randomize between participants.
    (_texts("Each group's side effects will be recorded after randomization."), "warning", NOTHING),
    (_texts("Half of the patients are randomized to drug X; the other half will be assigned to a control group."),
     "warning", NOTHING),
    (_texts("Patients randomized to placebo may cross over to drug X at progression."), "warning", NOTHING),
    (_texts("The risk of contralateral breast cancer in patients versus controls after randomization."), "warning",
     NOTHING),
    (_texts("Infants were randomized to receive either early iNO or simulated initiation of iNO (control)."),
     "warning", NOTHING),
    (_texts("A one-sided test at the 5% level compares the randomized groups."), "warning", NOTHING),
    # What is randomized lies within each participant.
    (_texts("Participants had one eye randomly assigned to laser treatment. The other eye was not treated."),
     "info", WITHIN),
    (_texts("We treat patients on one side of the body with the laser.", "The control is the patient's opposite "
            "symmetrical side of the body."), "info", WITHIN),
    (_texts("A split-mouth design compares the two gels."), "info", WITHIN),
    (_texts("One side of the mouth is randomly assigned to the laser, the other side to sham."), "info", WITHIN),
    (_texts("The fellow eye will serve as the control."), "info", WITHIN),
    (_texts("Subjects will serve as their own control."), "info", WITHIN),
    (_texts("Each subject will receive both treatments in random order."), "info", WITHIN),
    (_texts("Subjects are randomized to one of two treatment sequences."), "info", WITHIN),
    (_texts("The order of the two infusions will be randomized."), "info", WITHIN),
    (_texts("Conditions are randomized and counter-balanced to order."), "info", WITHIN),
    (_texts("This is a randomized, double-blind, placebo-controlled, two-period crossover study."), "info", WITHIN),
    (_texts("A Cross-over, Placebo Controlled Pilot Study of drug X."), "info", WITHIN),
    (_texts("Subjects will then cross over to the other study drug."), "info", WITHIN),
    (_study(["All participants"], detail="Participants receive drug X.",
            designs=[{**harness.clean_study()["designs"][0], "allocation": "RANDOMIZED",
                      "intervention_model": "SINGLE_GROUP", "intervention_model_description":
                      "Intra-individual comparison of the two creams"}]), "info", WITHIN),
    # Not this rule's: several arms assigned an intervention, another allocation or model.
    (_study(["Drug X", "Placebo"]), None, ""),
    (_study(["Cohort 1", "Cohort 2", "Historical control"]), None, ""),
    (_study(["Drug X"], allocation="NA"), None, ""),
    (_study([], allocation="NON_RANDOMIZED"), None, ""),
    (_study([], allocation=None), None, ""),
    (_study([], model="PARALLEL"), None, ""),
    (_study(["All participants"], model="CROSSOVER"), None, ""),
    # A field-selected extract may leave out the arms the record has.
    (_study([], **_field_selected()), None, ""),
    # A stepped wedge randomizes when each cluster starts the intervention; participants randomized to groups do not.
    (_texts("Cluster-randomized trial with a stepped-wedge initiation of the intervention at each site."), "info",
     CLUSTERS),
    (_texts("Ten sites take part, with cluster-randomization of the order of initiation for the intervention."), "info",
     CLUSTERS),
    (_texts("Randomization of the participants to two groups will be stratified by site."), "warning", NOTHING),
]
SHAPES = {str(n): (f"NCT0{n:07d}", *shape) for n, (shape, _severity, _said) in enumerate(CASES, start=1)}


def _case_id(n: int, case: tuple) -> str:
    (values, tables), severity, _said = case
    shown = [g["title"] for g in tables["design_groups"]] or tables["detailed_descriptions"][0]["description"][:50]
    return f"{n}-{severity or 'quiet'}-{tables['designs'][0]['allocation']}-{shown}"


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each shape's findings of the two single-group rules: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("randomized_single"), SHAPES,
                                  [RULES[RANDOMIZED_SINGLE], RULES[SEVERAL_ARMS]])


@pytest.mark.parametrize("n", range(1, len(CASES) + 1), ids=[_case_id(n, c) for n, c in enumerate(CASES, start=1)])
def test_a_randomized_single_group_is_flagged_unless_its_text_randomizes_within_each_participant(found, n):
    _shape, severity, said = CASES[n - 1]
    flagged = [(s, m) for r, s, m, _e in found[str(n)] if r == RANDOMIZED_SINGLE]
    assert [s for s, _m in flagged] == ([severity] if severity else [])
    assert all(said in m for _s, m in flagged)


def test_every_randomized_single_group_gets_one_of_the_two_findings(found):
    for n, ((_values, tables), _severity, _said) in enumerate(CASES, start=1):
        design = tables["designs"][0]
        randomized_single = (design["allocation"], design["intervention_model"]) == ("RANDOMIZED", "SINGLE_GROUP")
        if randomized_single and "meta.load_problems" not in tables and _values["source_layout"] != "summary_text":
            assert len({r for r, _s, _m, _e in found[str(n)]}) == 1, n


def test_the_evidence_quotes_the_arms_and_the_words_that_place_randomization_within_each_participant(found):
    [(_r, _s, _m, none_listed)] = found["1"]
    assert none_listed == "designs.allocation = 'RANDOMIZED'; designs.intervention_model = 'SINGLE_GROUP'; " \
                          "design_groups: none"
    [(_r, _s, message, eye)] = found["16"]
    assert message == ("Allocation is RANDOMIZED but the intervention model is SINGLE_GROUP and the study lists no "
                       "arms; its text places what is randomized within each participant (a part of the body, or the "
                       "order of treatments each takes), not between groups.")
    assert eye == ("designs.allocation = 'RANDOMIZED'; designs.intervention_model = 'SINGLE_GROUP'; design_groups: "
                   "none; detailed_descriptions.description: 'Participants had one eye randomly assigned to laser "
                   "treatment'")
    [(_r, _s, _m, folded)] = found["3"]
    assert folded.endswith("design_groups.title: XmAb7195 or Placebo")

