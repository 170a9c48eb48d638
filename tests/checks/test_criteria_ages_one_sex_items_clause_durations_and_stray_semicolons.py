"""Phrases of contradictions.criteria_age_differs: a list item that names one sex alone ("* Men", "* Male patient")
among the other items is a criterion, not a group's label; a clause after the age that says how long a state has
lasted ("with stable marital relationship (6 months)", "with diabetes for at least 1 year") leaves the age one
limit; and a stray semicolon between the word for age and its value ("Age ;20-60 years") parts neither. Lines that
do label a group's own list ("* Females:", "* Men" above items further in, "* Healthy volunteers") still do."""
from __future__ import annotations

import pytest

from checks.criteria_age_statement import stated_ages
from checks.criteria_ages import study_age_findings

EXCLUSION = "\n\nExclusion Criteria:\n\n* Pregnancy"


def criteria(*lines: str) -> str:
    """An inclusion list of these lines as written (marks included), then an exclusion list."""
    return "Inclusion Criteria:\n\n" + "\n".join(lines) + EXCLUSION


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


# (criteria text, minimum age, maximum age): one age limit for everyone that the record's ages contradict.
FIRES = [
    # one sex named as an item among the others (NCT06397625, NCT02284659)
    (criteria("* Men", "* Ages 18-60 years old", "* Active sex life"), "18 Years", "65 Years"),
    (criteria("* Men", "* Age 18-60 years old"), "18 Years", "65 Years"),
    (criteria("* Male patient", "* 40 to 65 years of age", "* Diagnosis of erectile dysfunction"),
     "40 Years", "70 Years"),
    (criteria("* Females only", "* Aged 18-45 years"), "18 Years", "50 Years"),
    (criteria("- Women", "", "- Aged 18-45 years"), "18 Years", "50 Years"),
    # a clause's own duration after the age (NCT02284659)
    (criteria("* Male patient", "* 40 to 65 years of age, with stable marital relationship (6 months)"),
     "40 Years", "70 Years"),
    (criteria("* 40 to 65 years of age, with stable marital relationship (12 months)"), "40 Years", "70 Years"),
    (criteria("* Aged 18 to 60 years, with type 2 diabetes for at least 1 year"), "18 Years", "65 Years"),
    (criteria("* 18-60 years old, who have lived in the area for at least 2 years"), "18 Years", "65 Years"),
    # a stray semicolon after the word for age (NCT05828563)
    (criteria("1. pesticide applicators", "2. Age ;20-60 years", "3. Exposure to pesticides for more than 3 months"),
     "18 Years", "65 Years"),
    (criteria("* Age; 20-60 years"), "18 Years", "65 Years"),
]

# (criteria text, minimum age, maximum age): no one age limit for everyone that differs.
QUIET = [
    # a line labelling a group's own list: with a colon, above items further in, or of healthy volunteers
    (criteria("* Females:", "* Aged 18-45 years"), "18 Years", "65 Years"),
    (criteria("* Men", "  * Aged 18-60 years", "  * Active sex life"), "18 Years", "65 Years"),
    (criteria("Men", "* Aged 18-60 years"), "18 Years", "65 Years"),
    (criteria("* Healthy volunteers", "* Aged 18-45 years"), "18 Years", "65 Years"),
    (criteria("* Men", "* Ages 18-60 years old", "* Women", "* Ages 18-50 years old"), "18 Years", "65 Years"),
    # an age or another number in the clause after the age
    (criteria("* 40 to 65 years of age, with a child (2 years)"), "40 Years", "70 Years"),
    (criteria("* 40 to 65 years of age, with a partner aged 18 or older"), "40 Years", "70 Years"),
    (criteria("* Aged 18 to 60 years, with HIV for at least 6 months and CD4 < 200"), "18 Years", "65 Years"),
    (criteria("* 18 to 60 years of age (6 months)"), "18 Years", "65 Years"),
    # a semicolon after an age word that ends a criterion
    (criteria("* Any age; 20 or more skin lesions"), "0 Years", None),
    # the record agrees
    (criteria("* Men", "* Ages 18-60 years old"), "18 Years", "60 Years"),
    (criteria("* Age ;20-60 years"), "20 Years", "60 Years"),
]


@pytest.mark.parametrize("text, minimum, maximum", FIRES, ids=[c[0][22:90] for c in FIRES])
def test_one_age_limit_the_record_contradicts_fires(text, minimum, maximum):
    assert _fires(text, minimum, maximum)


@pytest.mark.parametrize("text, minimum, maximum", QUIET, ids=[c[0][22:90] for c in QUIET])
def test_group_labels_other_ages_and_agreeing_records_stay_quiet(text, minimum, maximum):
    assert not _fires(text, minimum, maximum)


@pytest.mark.parametrize("text, bounds", [
    (criteria("* Men", "* Ages 18-60 years old"), (18, 60)),
    (criteria("* 40 to 65 years of age, with stable marital relationship (6 months)"), (40, 65)),
    (criteria("2. Age ;20-60 years"), (20, 60)),
    (criteria("* Women", "  * Aged 18-45 years"), None),
])
def test_the_age_read(text, bounds):
    found = stated_ages(text)
    assert (None if found is None else tuple(b.age.number for b in found.bounds)) == bounds
