"""The design-vs-text rules on the parent study's design, named where an extension says who enters it or where an
arm came from: "Subjects who have completed the 28-week double-blind phase or who have experienced a protocol-defined
relapse event during the double-blind phase of study D1050238 will have the option to participate in this study"
(NCT01566162), and an extension's arm "Pegloticase every 2 wk arm of Randomized Controlled Trial (RCT), continued to
receive pegloticase ... in Open Label Extension (OLE) study", titled "q2 RCT", whose summary calls it "an open-label
extension phase of two double-blind, placebo-controled Phase 3 protocols" (NCT01356498). Beside them, this study's
own design still fires: "this double-blind study", a double-blind phase entered later in the same study, a
double-blind extension, participants randomized in this extension, and an arm of a randomized trial in a record that
is no extension.

Every case is one study of one warehouse, built once for the module.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import BLINDED_RULE, RANDOMIZED_RULE

NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
EXTENSION = ("official_title", "An Open-label Extension Study of Drug X")
STUDY = ("official_title", "A Study of Drug X in Schizophrenia")
CONTINUED = ("Drug X every 2 wk arm of Randomized Controlled Trial (RCT), continued to receive drug X every 2 weeks in "
             "Open Label Extension (OLE) study")

# (rule, design, texts, fires)
CASES = [
    # The parent study's phase, in the clause that names the participants a study enters.
    (BLINDED_RULE, NO_MASKING, [("detail", "Subjects who have completed the 28-week double-blind phase or who have "
                                           "experienced a protocol-defined relapse event during the double-blind "
                                           "phase of study D1050238 will have the option to participate in this "
                                           "study."), EXTENSION], False),
    (BLINDED_RULE, NO_MASKING, [("summary", "Patients who completed the double-blind phase of Study 301 will have the "
                                            "opportunity to enter this study."), STUDY], False),
    (BLINDED_RULE, NO_MASKING, [("detail", "Participants who experienced a relapse during the double-blind period of "
                                           "study ABC-12 are eligible to enroll in this study."), STUDY], False),
    (BLINDED_RULE, NO_MASKING, [("summary", "Subjects who have finished the double-blind treatment period of the core "
                                            "trial, or who withdrew early, may be offered participation in this "
                                            "study."), EXTENSION], False),
    # The randomized trial an extension's arm came from.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("arm_description", CONTINUED), EXTENSION], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("arm_description", "Placebo arm in Randomized Controlled Trial (RCT), received "
                                                           "drug X every 2 weeks in OLE"), EXTENSION], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("arm_description", "Patients from the randomized controlled trial continue "
                                                           "open-label drug X every 4 weeks"), EXTENSION], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("arm_title", "q2 RCT"), EXTENSION], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("arm_title", "Placebo in RCT"), EXTENSION], False),
    # The parent studies an extension is of, two of them.
    (BLINDED_RULE, NO_MASKING, [("summary", "This is an open-label extension phase of two double-blind, "
                                            "placebo-controlled Phase 3 protocols evaluating drug X."), STUDY], False),
    (BLINDED_RULE, NO_MASKING, [("summary", "An open-label extension of both double-blind studies of drug X."), STUDY],
     False),
    # This study's own design.
    (BLINDED_RULE, NO_MASKING, [("summary", "This is a double-blind extension of two open-label studies of drug X."),
                                STUDY], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("arm_title", "q2 RCT"), STUDY], True),
    (BLINDED_RULE, NO_MASKING, [("detail", "Patients who have completed screening will enter this double-blind study "
                                           "and will be enrolled at one of ten sites."), STUDY], True),
    (BLINDED_RULE, NO_MASKING, [("detail", "Subjects who complete the double-blind phase will be entered into the "
                                           "open-label phase."), STUDY], True),
    (BLINDED_RULE, NO_MASKING, [("detail", "Subjects who have completed screening will be randomized to double-blind "
                                           "treatment with drug X or placebo."), STUDY], True),
    (BLINDED_RULE, NO_MASKING, [("summary", "This is a double-blind study. Subjects who have completed it will have "
                                            "the option to participate in an extension."), STUDY], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("arm_description", "Participants will be randomized to drug X 10 mg or 20 mg "
                                                           "in this open-label extension"), EXTENSION], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("arm_description", CONTINUED), STUDY], True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """The design rules' findings on every case, by study."""
    return harness.design_rule_findings(tmp_path_factory.mktemp("parent_trial"), _IDS, {BLINDED_RULE, RANDOMIZED_RULE})


def _case_id(case: tuple) -> str:
    return f"{case[0].split('.')[1]}:{'fires' if case[-1] else 'quiet'}:{case[2][0][1][:70]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_the_parent_trial_of_those_entered_or_of_an_arm_is_not_this_studys_design(found, nct_id):
    harness.design_case_found(found, nct_id, _IDS[nct_id])
