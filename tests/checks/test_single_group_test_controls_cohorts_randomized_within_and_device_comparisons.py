"""Single groups whose arms or randomization are not groups compared: the arm-count rules on them.

contradictions.single_group_several_arms: the positive and negative controls of a skin-prick or patch test, given to
every participant beside the product tested ("Histamine Positive Skin Test Control", "Aqueous Negative Control"), are
no groups; people called controls are. A legacy record's dose cohorts, each randomized within itself to drug or
placebo ("Subjects in Cohort 1 will be randomized to receive 5 mg of drug X or placebo"), are cohorts still: info
before the registry offered SEQUENTIAL, as cohorts not randomized are; cohorts randomized between stay a warning.

contradictions.randomized_single_group: a diagnostic or screening study of devices or tests only whose titles or brief
summary compare them ("Comparison of Swab Types for Specimen Collection", "Correlation Study of the new monitor and
its predicate") may use each on every participant in an order at random: info. A treatment study, a study that lists
a drug, or one whose words compare nothing stays a warning.

Every shape is one study of one warehouse, built once for the module.
"""
from __future__ import annotations

from datetime import date

import pytest

from checks import all_rules
from tests.checks import harness

RULES = {rule.id: rule for rule in all_rules()}
SEVERAL_ARMS = "contradictions.single_group_several_arms"
RANDOMIZED_SINGLE = "contradictions.randomized_single_group"
LEGACY = date(2007, 6, 29)
FINAL_RULE_ERA = date(2019, 12, 2)
DOSED = "Drug X 10 mg orally once daily"


def _study(arms: list[tuple[str, str]], allocation: str = "NON_RANDOMIZED", posted: date = FINAL_RULE_ERA,
           purpose: str = "TREATMENT", interventions: tuple[tuple[str, str], ...] = (("DRUG", "Drug X"),),
           title: str = "A Study of Drug X", summary: str = "A study of drug X.") -> tuple:
    """A single-group study of this allocation and purpose listing arms (title, description) and interventions (type,
    name), first posted on `posted`, with this official title and brief summary."""
    design = {**harness.clean_study()["designs"][0], "allocation": allocation, "intervention_model": "SINGLE_GROUP",
              "primary_purpose": purpose}
    groups = [{"group_type": "EXPERIMENTAL", "title": arm, "description": described} for arm, described in arms]
    listed = [{"intervention_type": kind, "name": name, "description": None} for kind, name in interventions]
    return ({"study_first_posted_date": posted, "official_title": title, "brief_title": title},
            {"designs": [design], "design_groups": groups, "design_group_interventions": [], "interventions": listed,
             "brief_summaries": [{"description": summary}],
             "detailed_descriptions": [{"description": "Participants receive what the protocol gives."}]})


SKIN = dict(purpose="BASIC_SCIENCE", interventions=(("DEVICE", "Test article"), ("OTHER", "Positive control")))


def _cohorts(said: str, **given) -> tuple:
    """Three dose cohorts of a randomized single group, each described by `said` with its number."""
    return _study([(f"Cohort {n}", said.format(n=n)) for n in (1, 2, 3)], allocation="RANDOMIZED", **given)


WITHIN = "Subjects in Cohort {n} will be randomized to receive 5 mg of drug X or placebo along with simvastatin."
DIAGNOSTIC = dict(purpose="DIAGNOSTIC", interventions=(("DEVICE", "Swab specimen collection"),))
DEVICES_EACH = "a diagnostic study that compares devices or tests may use each on every participant"
NOTHING = "a single group leaves nothing to randomize participants between"

# (rule, shape, the severity it must be flagged with or None, a part of the message or evidence it must say).
CASES = [
    # A skin test's positive and negative controls beside the product tested: no groups.
    (SEVERAL_ARMS, _study([("Test article", "Collagen matrix"), ("Histamine Positive Skin Test Control", "Histamine"),
                           ("Aqueous Negative Control", "Saline")], **SKIN), None, ""),
    (SEVERAL_ARMS, _study([("Cream X", "Patch"), ("Negative control", "Petrolatum"),
                           ("Positive control", "Sodium lauryl sulfate")], **SKIN), None, ""),
    (SEVERAL_ARMS, _study([("Allergen extract", "Prick"), ("Positive skin prick test control", "Histamine")],
                          **SKIN), None, ""),
    # People called controls, or a second product: groups.
    (SEVERAL_ARMS, _study([("Test article", "Collagen matrix"), ("Negative control group", "Healthy volunteers")],
                          **SKIN), "warning", "2 different arms"),
    (SEVERAL_ARMS, _study([("Drug X", DOSED), ("Healthy volunteers as negative controls", "No treatment")]),
     "warning", "2 different arms"),
    (SEVERAL_ARMS, _study([("Vaccine X", DOSED), ("HPV-negative controls", "Vaccine X")]), "warning",
     "2 different arms"),
    (SEVERAL_ARMS, _study([("Test article", "Collagen matrix"), ("Control article", "Saline"),
                           ("Positive Control", "Histamine")], **SKIN), "warning", "3 different arms"),
    # Legacy dose cohorts randomized within each: info, as unrandomized cohorts are; in the Final Rule's era, a warning.
    (SEVERAL_ARMS, _cohorts(WITHIN, posted=LEGACY), "info", "randomizes its own participants"),
    (SEVERAL_ARMS, _cohorts("Participants in Cohort {n} are randomized (3:1) between drug X and placebo, or drug X "
                            "with food.", posted=LEGACY), "info", "before the registry offered SEQUENTIAL"),
    (SEVERAL_ARMS, _cohorts(WITHIN), "warning", "randomizes its own participants"),
    # Randomized between the arms, or only some arms randomized within: a warning in any year.
    (SEVERAL_ARMS, _cohorts("Drug X {n}0 mg daily.", posted=LEGACY), "warning", "designs.allocation = 'RANDOMIZED'"),
    (SEVERAL_ARMS, _study([("Cohort 1", WITHIN.format(n=1)), ("Cohort 2", DOSED)], allocation="RANDOMIZED",
                          posted=LEGACY), "warning", "designs.allocation = 'RANDOMIZED'"),
    (SEVERAL_ARMS, _cohorts("Patients randomized to this arm receive drug X {n}0 mg or drug Y as chosen.",
                            posted=LEGACY), "warning", "designs.allocation = 'RANDOMIZED'"),
    # A diagnostic study comparing devices or tests: info.
    (RANDOMIZED_SINGLE, _study([], allocation="RANDOMIZED", title="Comparison of Swab Types for Specimen Collection",
                               **DIAGNOSTIC), "info", DEVICES_EACH),
    (RANDOMIZED_SINGLE, _study([], allocation="RANDOMIZED", title="Influenza Test Field Trial", summary="The new "
                               "monitor's readings are correlated with those of its predicate device.",
                               purpose="DIAGNOSTIC", interventions=(("DEVICE", "Monitor"),
                                                                    ("DIAGNOSTIC_TEST", "Cardiac output"))),
     "info", "brief_summaries.description: 'The new monitor's readings are correlated"),
    (RANDOMIZED_SINGLE, _study([("Screening", "Both tests")], allocation="RANDOMIZED", purpose="SCREENING",
                               title="Stool DNA Test Versus FIT", interventions=(("DIAGNOSTIC_TEST", "sDNA"),)),
     "info", DEVICES_EACH),
    # Not a diagnostic study of devices or tests, or comparing nothing: a warning.
    (RANDOMIZED_SINGLE, _study([], allocation="RANDOMIZED", title="Comparison of Swab Types", purpose="TREATMENT",
                               interventions=(("DEVICE", "Swab"),)), "warning", NOTHING),
    (RANDOMIZED_SINGLE, _study([], allocation="RANDOMIZED", title="Comparison of Contrast Agents for Imaging",
                               purpose="DIAGNOSTIC", interventions=(("DEVICE", "MRI"), ("DRUG", "Gadobutrol"))),
     "warning", NOTHING),
    (RANDOMIZED_SINGLE, _study([], allocation="RANDOMIZED", title="Influenza Rapid Test Field Trial", **DIAGNOSTIC),
     "warning", NOTHING),
    (RANDOMIZED_SINGLE, _study([], allocation="RANDOMIZED", title="Swab Field Trial", summary="Swabs are collected.",
                               purpose="DIAGNOSTIC", interventions=()), "warning", NOTHING),
]
SHAPES = {str(n): (f"NCT0{n:07d}", *shape) for n, (_rule, shape, _severity, _said) in enumerate(CASES, start=1)}


def _case_id(n: int, case: tuple) -> str:
    rule, (values, tables), severity, _said = case
    arms = [g["title"] for g in tables["design_groups"]]
    return f"{n}-{rule.split('.')[1]}-{severity or 'quiet'}-{arms or values['official_title']}"


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each shape's findings of the two single-group rules: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("single_group_controls"), SHAPES,
                                  [RULES[SEVERAL_ARMS], RULES[RANDOMIZED_SINGLE]])


@pytest.mark.parametrize("n", range(1, len(CASES) + 1), ids=[_case_id(n, c) for n, c in enumerate(CASES, start=1)])
def test_a_single_groups_test_controls_cohorts_and_device_comparisons(found, n):
    rule, _shape, severity, said = CASES[n - 1]
    flagged = [(s, f"{m} {e}") for r, s, m, e in found[str(n)] if r == rule]
    assert [s for s, _said in flagged] == ([severity] if severity else []), found[str(n)]
    assert all(said in text for _s, text in flagged), flagged
