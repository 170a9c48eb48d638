"""Phrases of contradictions.criteria_age_differs: ages in hours, ages for some countries or some people stated beside
the one age the criteria open with, an index case's age, and lines that only name other people ("* Caregivers", "Sibling
donors", "**Mothers**") above the criteria that are theirs (criteria_group_labels' GROUP_LABEL).
"""
from __future__ import annotations

import pytest

from checks.criteria_age_statement import stated_ages
from checks.criteria_ages import study_age_findings
from checks.criteria_group_labels import GROUP_LABEL


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


# (criteria text, minimum age, maximum age): one clear age limit for everyone that the record's ages contradict.
FIRES = [
    (listed("Age ≤ 72 hours at randomization"), "0 Days", "28 Days"),
    (listed("Over 18 years of age"), "16 Years", None),
    (listed("18 years or older at the time of consent"), "16 Years", None),
    (listed("Between 18 and 65 years of age, inclusive"), "18 Years", "75 Years"),
    (listed("Age 6 to 11 years (inclusive) at the time of consent"), "6 Years", "17 Years"),
    (listed("Age 28 days to 17 years"), "18 Years", None),
    # a duration of the disease, and other people named in another criterion, leave the participants' age one limit
    (listed("Age 18-75 years", "Adults with type 2 diabetes for 1 to 10 years"), "18 Years", "80 Years"),
    (listed("Children aged 2-12 years", "Parent or legal guardian willing to provide consent"), "2 Years", "17 Years"),
    # a label that names the participants themselves is no other group's
    ("Inclusion Criteria:\n\n* Patients\n  * Aged 18 years or older\n  * Diagnosis of COPD\n\nExclusion Criteria:\n\n"
     "* None", "21 Years", None),
]

# (criteria text, minimum age, maximum age): each fired before; none states one age limit for everyone that differs.
QUIET = [
    # an age in hours is read in hours, not in years
    (listed("Age ≤ 48 hours at enrollment"), "0 Days", "2 Days"),
    (listed("Age between 24 and 72 hours"), "1 Day", "3 Days"),
    # the index case's age is not the contacts'
    (listed("Index case aged 18 years or older"), "0 Years", None),
    (listed("Index patients aged 18 years or older with TB", "Household contacts of any age"), "0 Years", None),
    # another age for some countries, in another criterion or after a semicolon
    (listed("Age ≥ 18 years; ≥ 20 years in Japan"), "20 Years", None),
    (listed("Age ≥ 18 years\n  * For Japan: ≥ 20 years"), "20 Years", None),
    (listed("Age ≥ 18 years", "Taiwan only: 20 years and above"), "20 Years", None),
    # some people's ages written without an age word
    (listed("Age ≥ 18 years. (Patients who are 16 or 17 years of age may be enrolled at sites in the US)"),
     "16 Years", None),
    (listed("Age ≥ 18 years. Adolescents 12 to 17 years may be enrolled once the DSMB has reviewed safety."),
     "12 Years", None),
    (listed("Age ≥ 18 years", "Adolescents 12 to 17 years weighing at least 40 kg"), "12 Years", None),
    # lines that only name other people head those people's criteria
    ("Inclusion Criteria:\n\n* Children with asthma\n* Caregivers\n  * Aged 18 years or older\n  * Able to read "
     "English\n\nExclusion Criteria:\n\n* None", "2 Years", "12 Years"),
    ("Inclusion Criteria:\n\n* Diagnosis of leukemia\n\nSibling donors\n\n* Age 18-60 years\n\nExclusion Criteria:"
     "\n\n* None", "1 Year", "21 Years"),
    ("Inclusion Criteria:\n\nPatients\n\n* Diagnosis of dementia\n\nCaregivers\n\n* Aged 21 years or older\n"
     "* Lives with the patient\n\nExclusion Criteria:\n\n* None", "50 Years", None),
    ("Inclusion Criteria:\n\n* Term infants with jaundice\n\n**Mothers**\n\n* Aged 18 years or older\n\n"
     "Exclusion Criteria:\n\n* None", "0 Days", "28 Days"),
    ("Inclusion Criteria:\n\n* Children with ADHD\n\n* Parents/guardians\n  * Aged 18 years or older\n\n"
     "Exclusion Criteria:\n\n* None", "6 Years", "12 Years"),
]


@pytest.mark.parametrize("text, minimum, maximum", FIRES, ids=[c[0][22:82] for c in FIRES])
def test_one_age_limit_for_everyone_that_the_ages_contradict_fires(text, minimum, maximum):
    assert _fires(text, minimum, maximum), (text, minimum, maximum)


@pytest.mark.parametrize("text, minimum, maximum", QUIET, ids=[c[0][22:82] for c in QUIET])
def test_other_peoples_or_places_ages_and_ages_in_hours_stay_quiet(text, minimum, maximum):
    assert not _fires(text, minimum, maximum), (text, minimum, maximum)


def test_an_age_in_hours_is_read_in_hours():
    [bound] = stated_ages(listed("Newborns < 72 hours of age")).bounds
    assert (bound.side, bound.age.number, bound.age.unit, bound.kind) == ("upper", 72.0, "hour", "strict")


@pytest.mark.parametrize("line", ["* Caregivers", "Sibling donors", "**Mothers**", "Caregivers:", "* Study partners",
                                  "* Parents/guardians", "HLA-matched donors (Cohort 2)", "Index cases"])
def test_a_line_naming_only_other_people_is_a_groups_label(line):
    assert GROUP_LABEL.fullmatch(line) is not None, line


@pytest.mark.parametrize("line", ["* Has a study partner who can attend visits", "* Caregivers must sign consent",
                                  "* Donor aged 18-60 years", "* Parent willing to complete diaries"])
def test_a_criterion_about_other_people_is_no_label(line):
    assert GROUP_LABEL.fullmatch(line) is None, line
