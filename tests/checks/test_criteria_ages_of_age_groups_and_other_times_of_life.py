"""Phrases of contradictions.criteria_age_differs: "Age group 20-45 years", with neither "of" nor a colon, is the
age of everyone as "Age group of 20-45 years" is, not a group's number; and healthy volunteers' or controls' age
beside a criterion that opens with people of another time of life ("Cognitively normal elderly who ...", "Older
adults ...") is one group's, while a criterion that names no such people, or people of the same time of life, leaves
it everyone's."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"


def spaced(*items: str) -> str:
    """Criteria as legacy records write them: items marked "-", each a paragraph of its own."""
    body = "\n\n".join(f"  -  {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  -  serious disorder"


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


YOUNG_CONTROLS = "Healthy young controls who are 20 - 30 years old and have no memory complaints"

# (criteria text, minimum age, maximum age): an age limit for everyone that the record's ages contradict.
FIRES = [
    (listed("Age group 20-45 years"), "20 Years", "40 Years"),
    (listed("Age group 20 to 45 years"), "20 Years", "40 Years"),
    (listed("Age group 18 years and above"), "20 Years", None),
    (listed("Age group 18 - 65", "Both male and females"), "18 Years", "60 Years"),
    # no other people: a criterion about the same people, or one that names no people by their time of life
    (spaced(YOUNG_CONTROLS, "Cognitively normal on neuropsychological testing"), "20 Years", "80 Years"),
    (spaced(YOUNG_CONTROLS, "Young adults with a normal MRI"), "20 Years", "80 Years"),
    (spaced("Healthy elderly volunteers aged 65-75 years", "Elderly subjects living independently"), "60 Years",
     "80 Years"),
    # a sentence about them, not a group of its own
    (spaced(YOUNG_CONTROLS, "Elderly subjects must be excluded if frail"), "20 Years", "80 Years"),
    (spaced(YOUNG_CONTROLS, "Adolescent volunteers must have a parent present"), "20 Years", "80 Years"),
    # an age that names no group of its own beside people of another time of life
    (spaced("Age 20-30 years", "Cognitively normal elderly who have a Clinical Dementia Rating of 0"), "20 Years",
     "80 Years"),
]

# (criteria text, minimum age, maximum age): no age limit for everyone that differs.
QUIET = [
    # the ages agree
    (listed("Age group 20-45 years"), "20 Years", "45 Years"),
    # a group's number, not an age
    (listed("Age group 2", "Weight of at least 20 kg"), "20 Years", "40 Years"),
    ("Inclusion Criteria:\n\nAge group 1 (12 to 17 years):\n1. Weight of at least 40 kg\nAge group 2 (6 to 11 "
     "years):\n1. Weight of at least 20 kg\n\nExclusion Criteria:\n\n1. Pregnancy", "6 Years", "17 Years"),
    (listed("Age groups 1-3 as the protocol numbers them", "Age 20-45 years"), "20 Years", "40 Years"),
    # healthy people's age beside people of another time of life: the age is one group's
    (spaced(YOUNG_CONTROLS, "Cognitively normal elderly who have Clinical Dementia Rating score of 0"), "20 Years",
     "80 Years"),
    (spaced(YOUNG_CONTROLS, "Cognitively normal elderly who have Clinical Dementia Rating score of 0",
            "Alzheimer's disease (AD) patients who met the criteria for probable AD"), "20 Years", "80 Years"),
    (spaced("Healthy volunteers aged 20-30 years", "Older adults with normal cognition"), "20 Years", "80 Years"),
    (spaced("Healthy young adults (20-30 years old)", "Healthy older adults without memory complaints"), "20 Years",
     "80 Years"),
    (spaced("Normal volunteers 20 to 30 years of age", "Children who are able to swallow tablets"), "6 Years",
     "30 Years"),
    (listed("Healthy adult volunteers aged 18-45 years", "Seniors living in the community"), "18 Years", "85 Years"),
]


def _case_id(case: tuple) -> str:
    text, minimum, maximum = case
    items = [line.strip(" -*") for line in text.split("Exclusion")[0].splitlines()[1:] if line.strip()]
    return f"{' / '.join(items[:2])} ({minimum} to {maximum})"


@pytest.mark.parametrize("case", FIRES, ids=[_case_id(c) for c in FIRES])
def test_an_age_for_everyone_that_differs_fires(case):
    assert _fires(*case)


@pytest.mark.parametrize("case", QUIET, ids=[_case_id(c) for c in QUIET])
def test_an_age_of_one_group_or_no_age_is_quiet(case):
    assert not _fires(*case)
