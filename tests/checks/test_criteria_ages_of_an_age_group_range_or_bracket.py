"""Phrases of contradictions.criteria_age_differs: an age written with the word for its span, "Age group of 20-45
years" (NCT05915845, against a maximum of 40 Years), "Age bracket 20-45 years", "Age band of", read as "Age 20-45
years" is; and the same words where the ages agree, are a group's or are no limit for everyone, quiet.
"""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


def _case_id(case: tuple) -> str:
    text, minimum, maximum = case
    first = text.split("\n\n")[1].split("\n")[0]
    return f"{first} ({minimum} to {maximum})"


# (criteria text, minimum age, maximum age): an age limit for everyone that the record's ages contradict.
FIRES = [
    # NCT05915845
    ("Inclusion Criteria:\n\n* Age group of 20-45 years\n* Both male and females\n\nExclusion Criteria:\n\n"
     "* Pregnancy", "20 Years", "40 Years"),
    (listed("Age group of 20-45 years"), "20 Years", "40 Years"),
    (listed("Age group: 20-45 years"), "20 Years", "40 Years"),
    (listed("Age group of 18 years and above"), "20 Years", None),
    (listed("Age bracket 20-45 years"), "20 Years", "40 Years"),
    (listed("Age bracket of 20 to 45 years"), "20 Years", "40 Years"),
    (listed("Age band of 20-45 years"), "20 Years", "40 Years"),
    # "Age range of" was read already, and "Age" alone
    (listed("Age range of 20-45 years"), "20 Years", "40 Years"),
    (listed("Age 20-45 years"), "20 Years", "40 Years"),
]

# (criteria text, minimum age, maximum age): no age limit for everyone that differs.
QUIET = [
    # the ages agree
    (listed("Age group of 20-45 years"), "20 Years", "45 Years"),
    (listed("Age bracket 20 to 45 years"), "20 Years", "45 Years"),
    (listed("Age group of 18 years and above"), "18 Years", None),
    # a group's label or number after the words, not an age
    (listed("Age group 2", "Weight of at least 20 kg"), "20 Years", "40 Years"),
    ("Inclusion Criteria:\n\nAge group 1 (12 to 17 years):\n1. Weight of at least 40 kg\nAge group 2 (6 to 11 "
     "years):\n1. Weight of at least 20 kg\n\nExclusion Criteria:\n\n1. Pregnancy", "6 Years", "17 Years"),
    # an alternative age for some, as after "Age"
    (listed("Age group of 20-45 years, or 18-19 years with parental consent"), "18 Years", "45 Years"),
    # other words with "group" or "band" that name no age
    (listed("Group of 20-45 patients per site"), "20 Years", "40 Years"),
    (listed("Stage group of 2-3"), "20 Years", "40 Years"),
    (listed("Age group of patients with 2-4 risk factors"), "20 Years", "40 Years"),
    (listed("Gestational age group of 28-32 weeks"), None, "1 Year"),
]


@pytest.mark.parametrize("text, minimum, maximum", FIRES, ids=[_case_id(c) for c in FIRES])
def test_an_age_with_the_word_for_its_span_is_read(text, minimum, maximum):
    assert _fires(text, minimum, maximum)


@pytest.mark.parametrize("text, minimum, maximum", QUIET, ids=[_case_id(c) for c in QUIET])
def test_the_words_for_a_span_where_the_ages_agree_or_name_no_age_stay_quiet(text, minimum, maximum):
    assert not _fires(text, minimum, maximum)
