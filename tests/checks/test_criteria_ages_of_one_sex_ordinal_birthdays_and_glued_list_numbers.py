"""Phrases of contradictions.criteria_age_differs: an age the criterion states of one sex in a record whose Sex admits
another ("- Women > 50 years old" in a trial of both sexes) is that sex's, not everyone's; a birthday counted by its
ordinal that ends a range ("2 months to 12th birth date") is an age in years; and the next criterion's number glued
to its age ("5. Able to perform study procedures 6.21-45 years of age") is no decimal age. An age of both sexes, of
the record's own sex or of a record whose Sex is unknown, an age in months beside a birthday, a birthday that
restates a bound, and a real decimal age still fire."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings

EXCLUSION = "\n\nExclusion Criteria:\n\n  -  Pregnancy"


def criteria(*lines: str) -> str:
    """An inclusion list of these lines as written (marks included), then an exclusion list."""
    return "Inclusion Criteria:\n\n" + "\n".join(lines) + EXCLUSION


def myeloma(age_line: str) -> str:
    """A bulleted list of a trial's criteria with `age_line` among them (NCT00972959)."""
    return criteria("  -  Patients with Multiple Myeloma receiving therapy", f"  -  {age_line}",
                    "  -  Measurable disease")


def _said(text: str, minimum: str | None, maximum: str | None, sex: str | None) -> list[str]:
    return [f.message for f in study_age_findings("NCT00000001", text, minimum, maximum, True, sex=sex)]


# (criteria text, minimum age, maximum age, the record's Sex): no age limit for everyone that differs.
QUIET = [
    # an age of one sex in a record of both sexes, or of the other sex
    (myeloma("Women > 50 years old"), "18 Years", None, "ALL"),  # NCT00972959
    (myeloma("Postmenopausal women aged 50 to 75 years"), "18 Years", None, "ALL"),
    (myeloma("Female patients aged 45 years or older"), "18 Years", "80 Years", "ALL"),
    (myeloma("Men aged 40-70 years"), "18 Years", None, "ALL"),
    (myeloma("Males >= 50 years of age"), "18 Years", None, "FEMALE"),
    # a birthday counted by its ordinal: years, whatever the unit of the age before it
    (criteria("  1. Males or females age 2 months to 12th birth date"), "2 Months", "12 Years", "ALL"),  # NCT01285713
    (criteria("  1. Males or females age 2 months to 12th birthday"), "2 Months", "11 Years", "ALL"),
    (criteria("  1. Age 6 months up to their 18th birthday"), "6 Months", "17 Years", "ALL"),
    (criteria("  1. Children aged 6 months through 5th birthday"), "6 Months", "5 Years", "ALL"),
    # the next criterion's number glued to its age (NCT01395784)
    (criteria("  5. Able to perform study procedures 6.21-45 years of age", "", "7.Blood glucose below 145 mg/dl"),
     "21 Years", "45 Years", "ALL"),
    (criteria("  2. Signed consent 3.18 years of age or older", "", "4.Body mass index below 30"),
     "18 Years", None, "ALL"),
    # the record agrees
    (myeloma("Women > 50 years old"), "50 Years", None, "FEMALE"),
    (criteria("  1. Age 2 months to 12 years"), "2 Months", "12 Years", "ALL"),
]

# (criteria text, minimum age, maximum age, the record's Sex): one age limit for everyone that the record contradicts.
FIRES = [
    # an age of the record's own sex, of both sexes, or of a record whose Sex is unknown
    (myeloma("Women > 50 years old"), "18 Years", None, "FEMALE"),
    (myeloma("Men aged 40-70 years"), "18 Years", None, "MALE"),
    (myeloma("Men and women > 50 years old"), "18 Years", None, "ALL"),
    (myeloma("Male or female, aged 50 to 75 years"), "18 Years", None, "ALL"),
    (myeloma("Women > 50 years old"), "18 Years", None, None),
    (myeloma("Patients > 50 years old"), "18 Years", None, "ALL"),
    # an age in months, and a birthday the record's maximum is far from
    (criteria("  1. Males or females age 2 months to 12 months"), "2 Months", "12 Years", "ALL"),
    (criteria("  1. Males or females age 2 months to 12th birth date"), "2 Months", "18 Years", "ALL"),
    # a birthday that restates the bound, not at a range's end, is no later age that leaves it unread (NCT00039741)
    (criteria("  -  Older than 30 days and younger than 18 years of age (may enroll up to the day before",
              "     their 18th birthday)"), None, "18 Years", "ALL"),
    # a decimal age that is no list's number: the criterion's own number, or none
    (criteria("  5. Able to perform study procedures 21-45 years of age"), "18 Years", "45 Years", "ALL"),
    (criteria("  5. Age 2.5-12 years"), "6 Years", "12 Years", "ALL"),
    (criteria("  Age 6.5-12 years"), "2 Years", "12 Years", "ALL"),
]


@pytest.mark.parametrize("text, minimum, maximum, sex", QUIET, ids=[f"quiet-{i}" for i in range(len(QUIET))])
def test_an_age_of_one_sex_a_birthday_or_a_glued_list_number_stays_quiet(text, minimum, maximum, sex):
    assert _said(text, minimum, maximum, sex) == []


@pytest.mark.parametrize("text, minimum, maximum, sex", FIRES, ids=[f"fires-{i}" for i in range(len(FIRES))])
def test_an_age_for_everyone_that_the_record_contradicts_fires(text, minimum, maximum, sex):
    assert len(_said(text, minimum, maximum, sex)) == 1


def test_a_birthday_is_said_in_years():
    [message] = _said(criteria("  1. Age 2 months to 12th birthday"), "2 Months", "18 Years", "ALL")
    assert "2 months to 12 years" in message
