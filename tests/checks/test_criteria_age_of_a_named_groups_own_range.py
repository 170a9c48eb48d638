"""Phrases of contradictions.criteria_age_differs: a second sentence in the criteria that gives a named group its own
age range ("For Alzheimer's Disease patients, the age range is going to be 18 to 70 years"), wrapped over two lines or
not, makes the one age a criterion states no limit for everyone; a range said for everyone ("For all patients"), or
a group's sentence that gives no age, leaves it everyone's."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def numbered(*items: str) -> str:
    """Criteria as legacy records write them: a numbered inclusion list, hard-wrapped, then an exclusion list."""
    body = "\n\n".join(f"  {n}. {item}" for n, item in enumerate(items, 1))
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  1. Claustrophobia\n\n  2. Pregnancy"


def bulleted(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* Pregnancy"


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


STATED = "Male and female subjects age 18 to 60 years."
# (criteria text, minimum age, maximum age): the one age stated is everyone's and the record's ages differ.
FIRES = [
    (numbered(STATED, "Subjects willing to undergo PET and MRI imaging"), "18 Years", "70 Years"),
    (numbered(f"{STATED} For Alzheimer's Disease patients, the diagnosis is made by a\n     neurologist."),
     "18 Years", "70 Years"),
    (numbered(f"{STATED} For each participant, the age is\n     confirmed from an identity document 2 times."),
     "18 Years", "70 Years"),
    (bulleted("Adults aged 18 to 65 years", "For controls, a normal MRI is required"), "18 Years", "80 Years"),
]

# (criteria text, minimum age, maximum age): the stated age is one group's beside another group's own range.
QUIET = [
    # the range that misfired, wrapped as the legacy record writes it
    (numbered(f"{STATED} For Alzheimer's Disease patients, the age\n     range is going to be 18 to 70 years.",
              "Subjects willing to undergo PET and MRI imaging"), "18 Years", "70 Years"),
    (numbered(f"{STATED} For Alzheimer's Disease patients, the age range is going to be 18 to 70 years."),
     "18 Years", "70 Years"),
    (numbered(f"{STATED} For patients with early Alzheimer's disease, the age range is 18 to 70 years."),
     "18 Years", "70 Years"),
    (bulleted("Adults aged 18 to 65 years", "For the control group the age limit is 50 to 80 years"), "18 Years",
     "80 Years"),
    (bulleted("Patients aged 40 to 75 years", "For healthy volunteers, the age range will be from 20 to 75 years"),
     "20 Years", "75 Years"),
    (bulleted("For cohort B participants, ages are between 12 and 17 years", "Adults aged 18 to 65 years"),
     "12 Years", "65 Years"),
]


def _case_id(case: tuple) -> str:
    text, minimum, maximum = case
    body = " ".join(text.split("Exclusion")[0].split()[2:])
    return f"{body[:90]} ({minimum} to {maximum})"


@pytest.mark.parametrize("case", FIRES, ids=[_case_id(c) for c in FIRES])
def test_an_age_for_everyone_that_differs_fires(case):
    assert _fires(*case)


@pytest.mark.parametrize("case", QUIET, ids=[_case_id(c) for c in QUIET])
def test_a_named_groups_own_range_makes_the_age_one_groups(case):
    assert not _fires(*case)
