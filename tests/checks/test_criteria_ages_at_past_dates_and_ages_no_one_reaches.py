"""contradictions.criteria_age_differs on two ways criteria write an age that is no limit now: an age at a past date
("Age 30-60 in 1988": a cohort's age when it was recruited, while the record's ages span the years it was followed),
and an upper age no participant reaches ("Age: 0-120", PDQ's way of writing any age), which states no maximum."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def _fires(criteria: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", criteria, minimum, maximum, True)))


def legacy(*items: str) -> str:
    """Criteria as legacy records write them: dashed items under "Inclusion criteria:", then an exclusion list."""
    body = "\n\n".join(f"  -  {item}" for item in items)
    return f"Inclusion criteria:\n\n{body}\n\nExclusion criteria:\n\n  -  Current pregnancy"


def pdq(age: str) -> str:
    """A legacy record's PDQ criteria with `age` as its "Age:" value."""
    return (f"DISEASE CHARACTERISTICS:\n\nPrimary CNS lymphoma\n\nPATIENT CHARACTERISTICS:\n\nAge: {age}\n\n"
            f"Performance status: ECOG 0-2\n\nLife expectancy: At least 2 months")


# (criterion, minimum age, maximum age): the age a cohort had at a past date, beside the record's ages of the cohort
# as it aged (NCT00005557: "Age 30-60 in 1988", 30 Years to 95 Years).
AGE_AT_A_DATE_QUIET = [
    ("Age 30-60 in 1988", "30 Years", "95 Years"),
    ("Aged 30-60 at enrollment in 1988", "30 Years", "95 Years"),
    ("aged 45-64 at baseline in 1987", "45 Years", "84 Years"),
    ("Ages 40-69 at enrolment in 1993", "40 Years", "95 Years"),
    ("Men aged 40-59 years in 1967", "40 Years", "95 Years"),
    ("Age 18-30 as of December 31, 1985", "18 Years", "60 Years"),
    ("Aged 65 years or older on 1 January 2015", "70 Years", None),
    ("Age 50 to 79 in the year 1994", "50 Years", "100 Years"),
    ("Age 20-45 in mid 1990", "20 Years", "80 Years"),
    ("Aged 50-75 as of Sept. 1, 1992", "50 Years", "99 Years"),
]
# (criterion, minimum age, maximum age): an age limit now, whatever words follow it.
AGE_NOW_FIRES = [
    ("Age 30-60", "30 Years", "95 Years"),
    ("Aged 30-60 at enrollment", "30 Years", "95 Years"),
    ("Age 18-65 years in otherwise good health", "18 Years", None),
    ("Age 40-70 in men and women", "40 Years", "95 Years"),
    ("Age 18 to 65 years, inclusive", "21 Years", "65 Years"),
    ("Aged 18-55 years in a panel of 1990 volunteers", "18 Years", None),
]


@pytest.mark.parametrize("criterion, minimum, maximum", AGE_AT_A_DATE_QUIET, ids=[c[0] for c in AGE_AT_A_DATE_QUIET])
def test_an_age_at_a_past_date_is_no_limit_now(criterion, minimum, maximum):
    assert not _fires(legacy("Employee of one of the 4 Wisconsin state agencies", criterion), minimum, maximum)


@pytest.mark.parametrize("criterion, minimum, maximum", AGE_NOW_FIRES, ids=[c[0] for c in AGE_NOW_FIRES])
def test_an_age_without_a_date_is_still_compared(criterion, minimum, maximum):
    assert _fires(legacy("Employee of one of the 4 Wisconsin state agencies", criterion), minimum, maximum)


# (criteria, minimum age, maximum age): an upper age of 100 years or more states no maximum (NCT00003929: PDQ's
# "Age: 0-120" with N/A and N/A).
NO_ONE_REACHES_QUIET = [
    (pdq("0-120"), "N/A", "N/A"),
    (pdq("0-120"), None, None),
    (pdq("0 to 120"), "N/A", "N/A"),
    (pdq("Any age (0-120)"), "N/A", "N/A"),
    (pdq("18-120"), "18 Years", "N/A"),
    (pdq("18-120"), "18 Years", "100 Years"),
    (legacy("Age 18-120 years"), "18 Years", "N/A"),
    (legacy("Aged 18 to 100 years"), "18 Years", None),
    (legacy("Age 18-110 years"), "18 Years", "120 Years"),
]
# (criteria, minimum age, maximum age): the other end is still compared, and an upper age under 100 is a maximum.
NO_ONE_REACHES_FIRES = [
    (pdq("18-120"), "N/A", "N/A"),
    (pdq("0-17"), "N/A", "N/A"),
    (pdq("0-120"), "N/A", "65 Years"),
    (legacy("Age 18-120 years"), "21 Years", "N/A"),
    (legacy("Age 18-120 years"), "18 Years", "65 Years"),
    (legacy("Age 18-99 years"), "18 Years", "N/A"),
]


def _case_id(case: tuple) -> str:
    """The case's age words and the record's ages: "Age: 0-120 | N/A | N/A"."""
    criteria, minimum, maximum = case
    age = criteria[criteria.index("Age"):].split("\n")[0]
    return f"{age} | {minimum} | {maximum}"


@pytest.mark.parametrize("criteria, minimum, maximum", NO_ONE_REACHES_QUIET, ids=map(_case_id, NO_ONE_REACHES_QUIET))
def test_an_upper_age_no_one_reaches_states_no_maximum(criteria, minimum, maximum):
    assert not _fires(criteria, minimum, maximum)


@pytest.mark.parametrize("criteria, minimum, maximum", NO_ONE_REACHES_FIRES, ids=map(_case_id, NO_ONE_REACHES_FIRES))
def test_the_other_end_and_an_upper_age_under_100_are_still_compared(criteria, minimum, maximum):
    assert _fires(criteria, minimum, maximum)


def test_a_pdq_any_age_disagreeing_on_its_lower_end_names_the_minimum():
    [finding] = study_age_findings("NCT00000001", pdq("18-120"), "N/A", "N/A", True)
    assert "disagrees with the record's minimum age" in finding.message


@pytest.mark.parametrize("item", [
    "Age 18-65 years and diagnosed in 2015",
    "Age 18-65 years, diagnosed with diabetes in 2015",
    "Aged 18 to 65 years with symptoms since 2019",
])
def test_a_year_further_on_in_the_criterion_is_another_things(item):
    criteria = f"Inclusion criteria:\n- {item}\n"
    assert len(list(study_age_findings("NCT0", criteria, "30 Years", "95 Years", True))) == 1
