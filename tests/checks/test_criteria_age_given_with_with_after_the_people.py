"""Phrases of contradictions.criteria_age_differs: the participants named, then their age given with "with" ("Subjects
with age between 20 to 65 years old (inclusive).", NCT03632291, against a maximum of 75 Years; "Patients with an age
of 18 to 70 years"), read as "Subjects aged between 20 and 65 years" is; and the same words where the ages agree,
where "age" opens another word ("with age-related macular degeneration"), where the age is another person's or at an
event, a sub-group's, a parent study's or qualified, or where a condition stands between the people and "with age",
quiet.
"""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"


def _found(text: str, minimum: str | None, maximum: str | None) -> list[str]:
    return [f.message for f in study_age_findings("NCT00000001", text, minimum, maximum, True)]


def _case_id(case: tuple) -> str:
    text, minimum, maximum = case[:3]
    return f"{text.split(chr(10) * 2)[1].split(chr(10))[0]} ({minimum} to {maximum})"


# (criteria text, minimum age, maximum age, the criteria's ages as the message says them).
FIRES = [
    # NCT03632291
    (listed("Subjects with age between 20 to 65 years old (inclusive)."), "20 Years", "75 Years",
     "20 years to 65 years"),
    (listed("Subjects with age 20 to 65 years"), "18 Years", "65 Years", "20 years to 65 years"),
    (listed("Patients with an age of 18 to 70 years"), "18 Years", "75 Years", "18 years to 70 years"),
    (listed("Women with ages from 20 to 45 years"), "18 Years", "45 Years", "20 years to 45 years"),
    (listed("Healthy male volunteers with age between 20 and 45 years"), "18 Years", "45 Years",
     "20 years to 45 years"),
    (listed("Male or female patients with age \u2265 20 years"), "18 Years", None, "at least 20 years"),
    (listed("Persons with age of 20 years or older"), "18 Years", None, "at least 20 years"),
    (listed("Participants with age over 20 years"), "18 Years", None, "over 20 years"),
    ("Inclusion Criteria:\n\n1. Children with age 6 to 12 years\n2. Asthma for at least 1 year\n\nExclusion "
     "Criteria:\n\n1. Smoking", "5 Years", "12 Years", "6 years to 12 years"),
]

# (criteria text, minimum age, maximum age): no age limit for everyone that differs.
QUIET = [
    # the ages agree
    (listed("Subjects with age between 20 to 65 years old (inclusive)."), "20 Years", "65 Years"),
    (listed("Patients with an age of 18 to 70 years"), "18 Years", "70 Years"),
    # "age" opens another word, or names no bound
    (listed("Patients with age-related macular degeneration aged 50 to 80 years"), "50 Years", "90 Years"),
    (listed("Patients with age-related macular degeneration", "Visual acuity 20/40 to 20/200"), "50 Years", None),
    (listed("Subjects with aged parents living at home for 5 years"), "18 Years", None),
    # another person's age, or an age at an event
    (listed("Parents of children with age 2 to 5 years"), "18 Years", None),
    (listed("Patients with age at diagnosis under 18 years"), "18 Years", None),
    # a sub-group's range, several groups' ages, a parent study's ages
    (listed("Adults (patients with age 18 to 65 years) and adolescents (patients with age 12 to 17 years)"),
     "12 Years", "75 Years"),
    (listed("Subjects with age 20 to 65 years", "Healthy volunteers with age 20 to 40 years"), "18 Years",
     "75 Years"),
    (listed("Subjects enrolled in the parent study with age 20 to 65 years"), "18 Years", "75 Years"),
    (listed("Subjects with age 20 to 65 years at the time of enrolment in the parent study"), "18 Years",
     "75 Years"),
    # a qualified age
    (listed("Subjects with age 20 to 65 years, or 18 to 19 years with parental consent"), "18 Years", "65 Years"),
    (listed("Patients with age 20 to 65 years in Japan"), "18 Years", "75 Years"),
    # a condition between the people and "with age": the age is not read after "with"
    (listed("Patients with COPD with age between 40 and 80 years"), "18 Years", None),
]


@pytest.mark.parametrize("text, minimum, maximum, ages", FIRES, ids=[_case_id(c) for c in FIRES])
def test_the_age_given_with_with_after_the_people_is_read(text, minimum, maximum, ages):
    found = _found(text, minimum, maximum)
    assert len(found) == 1 and f"state the participants' ages as {ages}," in found[0]


@pytest.mark.parametrize("text, minimum, maximum", QUIET, ids=[_case_id(c) for c in QUIET])
def test_with_age_where_the_ages_agree_or_are_no_limit_for_everyone_stays_quiet(text, minimum, maximum):
    assert _found(text, minimum, maximum) == []
