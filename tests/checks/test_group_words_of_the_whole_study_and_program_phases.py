"""Defects the criteria and title rules read as records word them: a group's letter is no short English word, and a
study word makes a phase before "Program" this study's.

An inclusion list that asks participants to "take part in the study", speaks of "all parts of the study" or of
"either arm of the trial" names no cohort, part or arm of its own: its one age limit is everyone's (criteria_ages'
GROUP_WORDS, which the sex rule reads too). "A Phase 3 Trial of Program to Assess ..." names this trial's phase, as
"Phase 1 and 2 Studies" names other studies'.
"""
from __future__ import annotations

import pytest

from checks.criteria_age_groups import GROUP_WORDS
from checks.criteria_ages import study_age_findings
from checks.title_phase_disagreement import title_phase


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* Known hypersensitivity to the study drug"


def numbered(*items: str) -> str:
    """Criteria with numbered items, as many sponsors write them."""
    body = "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
    return f"Inclusion Criteria:\n{body}\n\nExclusion Criteria:\n1. Pregnancy or breast-feeding"


# (criteria text, minimum age, maximum age, whether the age rule fires)
AGES = [
    # a short English word after part, arm or group names no group: the one age limit is everyone's
    (listed("Aged 18 to 65 years", "Willing and able to take part in the study"), "40 Years", "75 Years", True),
    (listed("Participants in all parts of the study must have:", "Age 18-65 years", "Measurable disease"),
     "40 Years", "75 Years", True),
    (numbered("Male or female, 18 to 65 years old (inclusive)", "Randomised to either arm of the trial"),
     "40 Years", "75 Years", True),
    (numbered("Adults aged >= 18 years", "Accept to take part on this research and sign the consent"),
     "21 Years", None, True),
    (listed("Patients between the ages of 18 and 65", "Agree to be part of the study until its end"),
     "40 Years", "75 Years", True),
    (listed("Age 50-80 yrs", "Belonging to groups at high risk of falls"), "18 Years", None, True),
    (listed("18 years of age or older", "Able to attend every session of the group as planned"), "16 Years", None,
     True),
    # guards: a cohort's, part's or arm's own letter or number still makes the criteria several groups'
    (listed("Aged 18 to 65 years", "Part A: healthy volunteers", "Part B: patients with asthma"),
     "40 Years", "75 Years", False),
    (listed("Age 18-65 years", "Cohort 2 only: prior treatment with a PD-1 inhibitor"), "40 Years", "75 Years", False),
    (numbered("Aged 18 to 65 years", "Parts A and B: ECOG 0-1"), "40 Years", "75 Years", False),
    (listed("Age 18-65 years", "Arm B: eligible for cisplatin"), "40 Years", "75 Years", False),
    (listed("Age 18-65 years", "Group II: age 66-80 years"), "40 Years", "75 Years", False),
    (listed("Aged 18 to 65 years", "Willing to take part in the study"), "18 Years", "65 Years", False),
    # guards: another group's ages stated without an age word, after a history, leave the one limit no one's
    ("INCLUSION CRITERIA:\n\nBoys and girls 9 to 13 years of age.\n\nChildren off medication as a part of a "
     "different study may enrol.\n\nAdult men with a history of ADHD between 18 and 30 years and healthy "
     "age-matched volunteers.\n\nEXCLUSION CRITERIA:\n\nSeizures.", "N/A", "N/A", False),
    (listed("Girls aged 12-17 years", "Mothers with a history of asthma between 25 and 50 years old"), "10 Years",
     "19 Years", False),
]


@pytest.mark.parametrize("text, minimum, maximum, fires", AGES, ids=[f"{c[0][22:80]}-{c[1]}" for c in AGES])
def test_a_short_word_after_part_arm_or_group_names_no_group(text, minimum, maximum, fires):
    assert bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True))) is fires, text


@pytest.mark.parametrize("words, group", [
    ("take part in the study", False), ("in all parts of the study", False), ("either arm of the trial", False),
    ("groups at risk", False), ("to be part of it", False), ("part a", True), ("cohort b", True),
    ("parts a and b", True), ("group 2", True), ("arm ii", True), ("part 1a", True), ("stratum c", True)])
def test_group_words_read_a_groups_own_letter(words, group):
    assert (GROUP_WORDS.search(words) is not None) is group, words


# (title, the record's phases, the phase the title names as this study's, or None)
TITLES = [
    ("A Randomized, Open-Label, Phase 3 Trial of Program to Assess Adverse Events of Oral Upadacitinib", {1}, {3}),
    ("Phase II Study Comparing Programs for Smoking Cessation in Primary Care", {3}, {2}),
    ("A Phase 3 trial of programmes to reduce falls in care homes", {2}, {3}),
    ("Phase III Study of Protocols for Early Mobilisation After Hip Fracture", {2}, {3}),
    # guards: other studies' or a programme's phase
    ("Long-term Follow-up of Participants From Phase 1 and 2 Studies of Drug X", {3}, None),
    ("Phase 2 Clinical Trials Program Participants: A Long-term Follow-up", {3}, None),
    ("A Registry of Phase 1 Trials in Children", {2}, None),
]


@pytest.mark.parametrize("title, given, named", TITLES, ids=[c[0][:60] for c in TITLES])
def test_a_study_word_makes_the_phase_before_a_program_this_studys(title, given, named):
    found = title_phase(title, frozenset(given))
    assert (found.phases if found is not None else None) == (frozenset(named) if named else None), title
