"""An age the criteria state for one group or one part of the study only (contradictions.criteria_age_differs).

Healthy volunteers' ages beside patients named without one ("- Healthy volunteers: People age 18 or older" after
"- Patients with neurological disorders ... OR"), and a PDQ "Age:" value for the patients of one randomization only
("75 and under for patients electing participation in the nodal ... portion of the study"), are not the record's
ages. Healthy volunteers as the only group, or beside a sentence about patients ("Patients will be eligible if ..."),
and a PDQ age for all patients, still fire."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings

PDQ = ("DISEASE CHARACTERISTICS: Histologically confirmed squamous cell cancer of the head and neck\n\n"
       "PATIENT CHARACTERISTICS: Age: {age} Performance status: Karnofsky 60-100%")

QUIET = [
    ("INCLUSION CRITERIA:\n\n  -  Patients with neurological disorders and subjects with a family history of\n"
     "     neurological conditions OR\n\n  -  Healthy volunteers: People age 18 or older who are generally in good "
     "health.\n\nEXCLUSION CRITERIA:\n\n  -  Patients <2 years old.", "2 Years", "N/A"),
    ("INCLUSION CRITERIA\n\nHealthy Normal Volunteers between the ages of 18 and 80 years\n\n"
     "Certain Chronic Pain Patients\n\nEXCLUSION CRITERIA\n\nMetallic Surgical Implants", "N/A", "N/A"),
    ("Inclusion Criteria:\n\n  -  Healthy controls aged 20 to 40 years\n\n  -  Patients with type 1 diabetes\n\n"
     "Exclusion Criteria:\n\n  -  Pregnancy", "12 Years", "N/A"),
    (PDQ.format(age="75 and under for patients electing participation in the nodal vs. no nodal irradiation "
                    "portion of the study"), "18 Years", "N/A"),
    (PDQ.format(age="18 to 70 for the maintenance randomization"), "18 Years", "N/A"),
    (PDQ.format(age="Any age (5 to 55 to be eligible for randomization)"), "N/A", "N/A"),
]
FIRES = [
    (PDQ.format(age="75 and under"), "18 Years", "N/A"),
    (PDQ.format(age="18 and over for all patients"), "21 Years", "N/A"),
    ("Inclusion Criteria:\n\n  -  Healthy volunteers aged 18 to 55 years\n\n  -  Non-smokers\n\n"
     "Exclusion Criteria:\n\n  -  Pregnancy", "18 Years", "65 Years"),
    ("INCLUSION CRITERIA:\n\nHealthy volunteers between the ages of 18-65 years.\n\nPatients will be eligible for "
     "this study if the two mandibular molars are impacted.\n\nEXCLUSION CRITERIA:\n\nPregnancy", "N/A", "N/A"),
    ("Inclusion Criteria:\n\n  -  Healthy volunteers: People age 18 or older who are in good health.\n\n"
     "  -  Willing to give blood samples\n\nExclusion Criteria:\n\n  -  Patients with anemia", "2 Years", "N/A"),
]


@pytest.mark.parametrize("criteria, minimum, maximum", QUIET, ids=lambda v: str(v)[:40])
def test_an_age_of_one_group_or_part_is_not_the_records(criteria, minimum, maximum):
    assert list(study_age_findings("NCT0", criteria, minimum, maximum, True)) == []


@pytest.mark.parametrize("criteria, minimum, maximum", FIRES, ids=lambda v: str(v)[:40])
def test_an_age_for_everyone_that_disagrees_still_fires(criteria, minimum, maximum):
    [found] = study_age_findings("NCT0", criteria, minimum, maximum, True)
    assert "age" in found.message
