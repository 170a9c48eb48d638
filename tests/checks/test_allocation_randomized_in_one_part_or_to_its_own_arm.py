"""contradictions.allocation_text_randomized on randomization said of one part of a non-randomized study ("For the
dose optimization (... arm only), patients will be equally randomized to the two selected dose levels", NCT05838768)
and on an arm's participants said to be randomized to it in a record of one arm ("Patients randomized to this arm of
the study will interact with the BT-001 software", NCT05094401, the wording of the randomized trial it was written
for). Randomization in every part, or between groups the text names, still contradicts the allocation.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import RANDOMIZED_RULE

NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED", "intervention_model": "SEQUENTIAL"}
NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}

# NCT05838768's masking description.
_DOSE_OPTIMIZATION_RECORD = (
    "This is an open label study. Treatment will be open to patients, Investigator staff, persons performing the "
    "assessments and the Sponsor clinical trial team.\n\nFor the dose escalation and dose expansion, no randomization "
    "will be performed. For the dose optimization (HRO761 single agent arm only), patients will be equally randomized "
    "to the two selected HRO761 single agent treatment dose levels.")
# NCT05094401's arm, the only one of its record.
_OWN_ARM_RECORD = (
    "BT-001 is a software program used with physician guidance, being investigated to improve glycemic control. "
    "Patients randomized to this arm of the study will interact with the BT-001 software program in addition to "
    "receiving Standard of Care for type 2 diabetes")
# NCT06365307's design description: its participants are randomized between the record's two arms.
_BETWEEN_ARMS_RECORD = (
    "During independent sequential randomization in a 1:1 ratio, patients in each of these groups are divided into "
    "clinical (A) and control (B) groups.")

# (design, arms listed, field, text, fires)
CASES = [
    # NON_RANDOMIZED, randomized in one part only: quiet.
    (NON_RANDOMIZED, 3, "masking_description", _DOSE_OPTIMIZATION_RECORD, False),
    (NON_RANDOMIZED, 3, "model_description", "In Part B, participants will be randomized 1:1 to drug X or placebo.",
     False),
    (NON_RANDOMIZED, 3, "model_description", "During the dose expansion phase, patients are randomized to two dose "
                                             "levels.", False),
    (NON_RANDOMIZED, 3, "model_description", "In Stage 2, up to 70 patients are randomized to the two doses.", False),
    (NON_RANDOMIZED, 3, "masking_description", "For the optimization part (arm A only), patients will be randomized "
                                               "to 200 mg or 400 mg.", False),
    # NON_RANDOMIZED, randomized in every part, between the arms, or with no part named: fires.
    (NON_RANDOMIZED, 3, "model_description", "Within each cohort, patients will be randomized 3:1 to drug X or "
                                             "placebo.", True),
    (NON_RANDOMIZED, 3, "model_description", "In both arms, participants are randomized to morning or evening "
                                             "dosing.", True),
    (NON_RANDOMIZED, 3, "model_description", "In the two arms, patients will be randomized 1:1.", True),
    (NON_RANDOMIZED, 2, "model_description", _BETWEEN_ARMS_RECORD, True),
    (NON_RANDOMIZED, 3, "model_description", "Patients will be randomized to two dose levels.", True),
    (NON_RANDOMIZED, 3, "model_description", "In this study, patients will be randomized 1:1 to drug X or placebo.",
     True),
    # NA: a part randomized is still a randomization the single group does not show.
    (NOT_ALLOCATED, 1, "model_description", "In Part B, participants will be randomized 1:1 to drug X or placebo.",
     True),
    # One arm, its participants randomized to it: quiet.
    (NOT_ALLOCATED, 1, "arm_description", _OWN_ARM_RECORD, False),
    (NOT_ALLOCATED, 1, "arm_description", "Subjects randomized into this group received methylphenidate.", False),
    (NOT_ALLOCATED, 1, "arm_description", "Children randomised to this experimental arm stop taking cotrimoxazole "
                                          "prophylaxis.", False),
    (NON_RANDOMIZED, 1, "arm_description", "Patients randomized to this treatment group receive drug X daily.",
     False),
    # One arm, randomization between groups it names: fires.
    (NOT_ALLOCATED, 1, "arm_description", "Patients will be randomized 1:1 to BT-001 or standard of care.", True),
    (NOT_ALLOCATED, 1, "arm_description", "Patients randomized to this arm or to the control arm will use the app.",
     True),
    (NOT_ALLOCATED, 1, "arm_description", "Participants in this arm will be randomized to dose A or dose B.", True),
    # Several arms, participants randomized to this one: randomized between them, fires.
    (NOT_ALLOCATED, 2, "arm_description", _OWN_ARM_RECORD, True),
    (NON_RANDOMIZED, 2, "arm_description", "Patients randomized to this arm will receive their normal medical care.",
     True),
]
_IDS = harness.numbered_cases([(RANDOMIZED_RULE, *case) for case in CASES])


def _study(case: tuple) -> dict:
    """The case's study: its design and text, and the first `arms` of three arms listed (the text, if an arm's, in
    the first)."""
    _rule, design, arms, field, text, _fires = case
    study = harness.design_text_study(design, [(field, text)])
    extra = {"group_type": "EXPERIMENTAL", "title": "Baricitinib 8 mg", "description": "Baricitinib 8 mg once daily"}
    study["design_groups"] = (study["design_groups"] + [extra])[:arms]
    return study


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies the rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("randomized_in_one_part"), _IDS, _study)


def _case_id(case: tuple) -> str:
    _rule, design, arms, _field, text, fires = case
    return f"{design['allocation']}:{arms} arms:{'fires' if fires else 'quiet'}:{text[-60:]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_randomization_of_one_part_or_of_the_only_arm(flagged, nct_id):
    _rule, _design, _arms, _field, text, fires = _IDS[nct_id]
    assert (nct_id in flagged[RANDOMIZED_RULE]) is fires, text
