"""The design-vs-text rules on a part of the study named as its first ("Patients assigned to the experimental group in
the first part of the study (RCT) will continue OIT"), a title that follows up the patients of a trial it names
("Long-term Follow-up of Patients From the RCT <title>, NCT06261554"), and a blinded or randomized phase participants
complete before they are entered into a study ("Patients completing the double-blind phase will be entered into Study
01409"); and an observational study's title that calls it a controlled trial of people compared with matched
controls ("Prospective Controlled Trial ... in Male Cyclists Compared to Age Matched Controls"). A part of this study
said to be randomized or blinded, with no other study named, and a randomized or placebo-controlled trial, still
contradict the design.

Every rule case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import pytest

from checks.design_parent_study import EXTENSION_TITLE
from tests.checks import harness
from tests.checks.harness import BLINDED_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, TRIAL_RULE

NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
NOT_ALLOCATED = {"allocation": "NA"}
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
OBSERVATIONAL = harness.OBSERVATIONAL_DESIGN

FOLLOW_UP_TITLE = ("official_title", "Evaluation of Sustained Unresponsiveness - Long-term Follow-up of Patients From "
                                     "the RCT Efficacy and Safety of Low-dose Sesame Oral Immunotherapy, NCT06261554.")
EXTENSION = ("official_title", "An Open-label Extension Study of Drug X")
OPEN_LABEL_LONG_TERM = ("official_title", "Open-Label Phase 3 Study to Evaluate the Long-Term Safety and Efficacy of "
                                          "Udenafil Tablets in Male Subjects With Erectile Dysfunction")
FIRST_PART_RCT = ("arm_description", "Patients assigned to the experimental group in the first part of the study (RCT) "
                                     "will continue OIT with the maintenance dose of sesame protein.")
COMPLETED_BLINDED = ("detail", "Patients completing the double-blind phase will be entered into Study 01409 at the "
                               "intermediate dose.")

# (rule, design, texts, fires)
CASES = [
    # NON_RANDOMIZED: randomized in the first part only, said in parentheses or after the claim.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [FIRST_PART_RCT], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [FOLLOW_UP_TITLE, FIRST_PART_RCT], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("model_description", "Patients will be randomized 1:1 to drug X or placebo in "
                                                             "the first phase of the study.")], False),
    # NA: in an extension, the first part (RCT) is the part done before.
    (RANDOMIZED_RULE, NOT_ALLOCATED, [EXTENSION, FIRST_PART_RCT], False),
    # a randomized period completed before entering this study
    (RANDOMIZED_RULE, NOT_ALLOCATED, [("detail", "Subjects who completed the randomized period are eligible to enroll "
                                                 "in this study.")], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("summary", "Participants completing the randomized treatment period of study "
                                                   "ABC-301 will be enrolled into this study.")], False),
    # NA: a follow-up of a named trial's participants, by its title or its summary, is an extension.
    (RANDOMIZED_RULE, NOT_ALLOCATED, [FOLLOW_UP_TITLE, FIRST_PART_RCT], False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, [("summary", "This study is a long-term follow-up of participants from the "
                                                  "randomized controlled trial (RCT) X, NCT06261554."), FIRST_PART_RCT],
     False),
    (BLINDED_RULE, NO_MASKING, [FOLLOW_UP_TITLE, ("arm_description", "Patients assigned to placebo in the first part "
                                                                     "of the study (double-blind) will receive drug "
                                                                     "X.")], False),
    (BLINDED_RULE, NO_MASKING, [("summary", "Participants will have follow-up visits for 12 months."),
                                ("arm_description", "Patients assigned to placebo in the first part of the study "
                                                    "(double-blind) will receive drug X.")], True),
    # NA, no extension: a first part randomized is still a randomization the single group does not show.
    (RANDOMIZED_RULE, NOT_ALLOCATED, [FIRST_PART_RCT], True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, [("detail", "Patients completing the randomized phase will be entered into the "
                                                 "open-label phase.")], True),
    # NON_RANDOMIZED: randomization of the study itself, its first part named only after "and".
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("model_description", "Patients will be randomized and in the first part of the "
                                                             "study receive drug X.")], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "Patients completing the screening phase will be randomized to drug "
                                                  "X or placebo.")], True),
    # Masking NONE: a blinded phase completed before entering a study.
    (BLINDED_RULE, NO_MASKING, [OPEN_LABEL_LONG_TERM, COMPLETED_BLINDED], False),
    (BLINDED_RULE, NO_MASKING, [COMPLETED_BLINDED], False),
    (BLINDED_RULE, NO_MASKING, [("detail", "Subjects who completed the double-blind period are eligible to enroll in "
                                           "this open-label study.")], False),
    (BLINDED_RULE, NO_MASKING, [EXTENSION, ("arm_description", "Patients assigned to placebo in the first part of "
                                                               "the study (double-blind) will receive drug X.")],
     False),
    # Masking NONE: a blinded phase of this study, entered after or given in.
    (BLINDED_RULE, NO_MASKING, [("detail", "Patients completing the double-blind phase will be entered into the "
                                           "open-label phase.")], True),
    (BLINDED_RULE, NO_MASKING, [("detail", "Patients completing the double-blind phase will receive drug X for 12 "
                                           "weeks.")], True),
    (BLINDED_RULE, NO_MASKING, [("arm_description", "Patients assigned to placebo in the first part of the study "
                                                    "(double-blind) will receive drug X.")], True),
    # Masked: a follow-up of a named trial keeps its parent study's blind, as an extension does.
    (OPEN_LABEL_RULE, DOUBLE, [FOLLOW_UP_TITLE, ("detail", "Treatment in this study is open-label; the blind of the "
                                                           "RCT is kept until it ends.")], False),
    (OPEN_LABEL_RULE, DOUBLE, [("official_title", "Low-dose Sesame Oral Immunotherapy in Pediatric Patients, an RCT"),
                               ("detail", "Treatment in this study is open-label; the blind of the RCT is kept until "
                                          "it ends.")], True),
    # Observational: a controlled trial and no more, of people compared with matched or healthy controls.
    (TRIAL_RULE, OBSERVATIONAL, [("official_title", "Prospective Controlled Trial to Evaluate Erectile Function, "
                                                    "Fertility and Sperm Count in Male Cyclists Compared to Age "
                                                    "Matched Controls")], False),
    (TRIAL_RULE, OBSERVATIONAL, [("summary", "A controlled trial of lung function in miners versus sex- and "
                                             "age-matched healthy controls.")], False),
    # Observational: a randomized controlled trial, or controls in another sentence, or none named.
    (TRIAL_RULE, OBSERVATIONAL, [("official_title", "Prospective Randomized Controlled Trial in Male Cyclists "
                                                    "Compared to Age Matched Controls")], True),
    (TRIAL_RULE, OBSERVATIONAL, [("summary", "A controlled trial of saddle design in cyclists. Results are compared "
                                             "with matched controls.")], True),
    (TRIAL_RULE, OBSERVATIONAL, [("official_title", "Prospective Controlled Trial of Saddle Design in Male "
                                                    "Cyclists")], True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule of the cases flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("first_parts_and_follow_ups"), _IDS,
                                        lambda case: harness.design_text_study(case[1], case[2]))


def _case_id(case: tuple) -> str:
    rule, _design, texts, fires = case
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{texts[-1][1][:70]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_each_case_fires_only_on_a_plain_contradiction(flagged, nct_id):
    rule, _design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts


# (title, follows up a named trial's participants)
TITLES = [
    (FOLLOW_UP_TITLE[1], True),
    ("Follow-up Study of Participants Who Completed Study ABC-301", True),
    ("Long-term Follow-up of Children Treated in the XYZ Trial", True),
    ("Follow up of patients enrolled in NCT01234567", True),
    ("Follow-up of Patients With Asthma After Discharge", False),
    ("A Randomized Trial With Long-term Follow-up of Participants", False),
    ("Follow-up of participants in the trial of drug X", False),
]


@pytest.mark.parametrize(("title", "follows_up"), TITLES)
def test_a_title_following_up_a_named_trial_reads_as_an_extension(title, follows_up):
    assert (EXTENSION_TITLE.search(title) is not None) is follows_up
