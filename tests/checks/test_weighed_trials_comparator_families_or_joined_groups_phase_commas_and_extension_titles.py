"""Prose the design, criteria and title rules read as records word it: the trial a pilot is to decide on ("pilot study
to determine if a randomized placebo controlled trial is warranted") is no claim of this study's placebo control; a
comparator family "none of the members with chilblains" is people without the condition beside Healthy Volunteers
'Yes'; two groups' criteria lists joined by an "OR" ending a criterion share criteria without repeating them; "Phase II
,III" names phases 2 and 3; and a title "<parent code> - Extension <the parent's title>" gives the parent's model, not
this study's.
"""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_patients_only import study_patients_only_findings
from checks.design_model_words import PARALLEL_DESIGN, model_claims
from checks.design_placebo_claims import placebo_claims
from checks.study_text import StudyText
from checks.title_phase_written import phases_written, read_phases
from tests.checks import harness

SUMMARY = "brief_summaries.description"

# (brief summary, whether it calls this study placebo-controlled)
PLACEBO_CLAIMS = [
    ("The purpose of this research protocol is pilot study to\ndetermine if a randomized placebo controlled trial is "
     "warranted.", False),
    ("This pilot study will determine whether a placebo-controlled trial is needed.", False),
    ("This pilot will show if a double-blind, placebo-controlled trial would be justified.", False),
    ("We will learn whether a placebo-controlled trial is necessary in this population.", False),
    ("This is a randomized placebo controlled trial of ranibizumab.", True),
    ("This randomized placebo controlled trial is warranted by earlier results.", True),
    ("This randomized placebo controlled pilot trial will determine if ranibizumab is warranted.", True),
]


@pytest.mark.parametrize("text, claimed", PLACEBO_CLAIMS, ids=[t[:60] for t, _ in PLACEBO_CLAIMS])
def test_a_trial_a_pilot_is_to_decide_on_is_no_claim_of_this_study(text, claimed):
    assert bool(placebo_claims([StudyText(SUMMARY, text)])) == claimed


CHILBLAINS = ("Inclusion Criteria:\n\n  -  \"case family\" - at least one of the members with chilblains\n\n"
              "  -  diagnosis of chilblains by a dermatologist\n\n  -  {other}\n\nExclusion Criteria:\n\n"
              "  -  refusal to participate")
# (criteria, whether Healthy Volunteers 'Yes' beside them fires)
PATIENTS_ONLY = [
    (CHILBLAINS.format(other="\"comparator family\" - none of the members with chilblains - one member matched "
                             "on age (+/- 1 year) to a patient with chilblains"), False),
    (CHILBLAINS.format(other="comparator families: none of the members with chilblains"), False),
    (CHILBLAINS.format(other="one member matched on age to a patient with chilblains"), False),
    (CHILBLAINS.format(other="lesions present for at least one week"), True),
    (CHILBLAINS.format(other="members of the same comparator arm receive the cream"), True),
]


@pytest.mark.parametrize("criteria, fires", PATIENTS_ONLY, ids=[f"case-{i}" for i in range(len(PATIENTS_ONLY))])
def test_a_comparator_family_without_the_condition_is_people_without_it(criteria, fires):
    found = list(study_patients_only_findings("NCT0", criteria, True, (), "TREATMENT"))
    assert bool(found) == fires


def _legacy(*items: str) -> str:
    return "Inclusion Criteria:\n\n" + "\n\n".join(f"  -  {item}" for item in items) + \
        "\n\nExclusion Criteria:\n\n  -  No venous access"


SHARED = ("Hemodynamically stable with a systolic BP >90 mm Hg", "At least one reactive pupil",
          "A negative pregnancy test in females")
# name: (criteria, how many findings the duplicate rule gives)
JOINED_GROUPS = {
    "two groups' lists joined by an OR ending the first (NCT00618436)": (_legacy(
        "Subjects with traumatic brain injury", *SHARED,
        "Signed informed consent and HIPAA authorization for research form OR",
        "Subjects with subarachnoid hemorrhage (SAH)", "SAH documented by CT scan", *SHARED), 0),
    "an OR wrapped onto the criterion's next line": (_legacy(
        "Subjects with traumatic brain injury", *SHARED, "Signed informed consent and HIPAA authorization\n     OR",
        "Subjects with subarachnoid hemorrhage (SAH)", "SAH documented by CT scan", *SHARED), 0),
    "the block written again with no OR between": (_legacy(
        "Subjects with traumatic brain injury", *SHARED, "Signed informed consent",
        "SAH documented by CT scan", *SHARED), 1),
    "a small or ending a criterion's sub-item (NCT01950533)": (_legacy(
        "Subjects with traumatic brain injury", *SHARED, "Use of steroid medications in the following manners:\n\n"
        "       -  daily oral steroid dosing for >1 month or\n\n       -  a steroid burst in the past 3 months",
        "SAH documented by CT scan", *SHARED), 1),
    "an OR inside a criterion, not ending it": (_legacy(
        "Subjects with traumatic brain injury", *SHARED, "Signed consent by the patient OR\n     a relative",
        "SAH documented by CT scan", *SHARED), 1),
}


@pytest.fixture(scope="module")
def duplicate_messages() -> dict[str, list[str]]:
    return harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion,
                                          {name: text for name, (text, _) in JOINED_GROUPS.items()})


@pytest.mark.parametrize("name", JOINED_GROUPS)
def test_two_groups_lists_joined_by_or_repeat_no_block(duplicate_messages, name):
    assert len(duplicate_messages[name]) == JOINED_GROUPS[name][1]


# (title, the phases each mention names)
PHASE_TITLES = [
    ("Phase II ,III Randomized Double Blind Parallel Arms Clinical Trial of Gum Arabic", [[2, 3]]),
    ("Phase II, III Trial of Gum Arabic", [[2, 3]]),
    ("A Phase 2, 3 Study of Gum Arabic", [[2, 3]]),
    ("A Phase 3, 1 Year Study of Gum Arabic", [[3]]),
    ("Phase 3, 4-Week Study of Gum Arabic", [[3]]),
    ("Phase III, Randomized Trial of Gum Arabic", [[3]]),
    ("Phase Two, Three Arms Trial", [[2]]),
]


@pytest.mark.parametrize("title, phases", PHASE_TITLES, ids=[t[:50] for t, _ in PHASE_TITLES])
def test_phases_joined_by_a_comma_are_both_named(title, phases):
    assert [sorted(read_phases(m)[0]) for m in phases_written(title)] == phases


AZA = ("A Multicenter, Randomized, Open-label, Parallel-group, Phase 3 Trial of Subcutaneous Azacitidine Plus Best "
       "Supportive Care Versus Conventional Care Regimens")
# (official title, whether it calls this study parallel-group)
EXTENSION_TITLES = [
    (f"AZA PH GL 2003 CL 001 - Extension {AZA}", False),
    (f"AZA PH GL 2003 CL 001: Extension - {AZA}", False),
    (f"Study 001 \u2013 Extension of the {AZA}", False),
    (AZA, True),
    (f"Extension {AZA}", True),
    (f"{AZA} - With an Extension Phase", True),
]


@pytest.mark.parametrize("title, claimed", EXTENSION_TITLES, ids=[t[:50] for t, _ in EXTENSION_TITLES])
def test_a_parents_title_after_its_code_and_extension_gives_no_model_of_this_study(title, claimed):
    assert bool(model_claims([StudyText("studies.official_title", title)], PARALLEL_DESIGN)) == claimed
