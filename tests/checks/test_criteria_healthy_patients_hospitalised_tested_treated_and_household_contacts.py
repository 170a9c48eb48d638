"""Phrases of contradictions.criteria_healthy_volunteers_differs and healthy_volunteers_yes_patients_only.

"Healthy" beside a criterion that requires the condition is the patients' general health (Healthy Volunteers 'No'
agrees): a stay in hospital for it ("Hospitalization because of an acute exacerbation of schizophrenia"), a positive
test for an infection ("Positive test for COVID-19 by RT-PCR"), a diagnosis "as having" it, a history of it required
of each volunteer ("Healthy volunteers must be 18 years or older" beside "Participants must have a documented history
of allergic rhinitis"), and healthy women "who seek treatment for" it. Healthy volunteers beside patients as a group,
a negative test and a hospital stay denied still fire. Household contacts of the patients need not have the condition
(Healthy Volunteers 'Yes' agrees)."""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import study_patients_only_findings
from checks.criteria_sex import study_healthy_findings
from tests.checks import harness


def bulleted(*items: str) -> str:
    """Legacy-bulleted criteria of `items` (tests.checks.harness)."""
    return harness.legacy_bulleted_criteria(*items)


def numbered(*items: str) -> str:
    """Criteria as legacy records write them: a numbered inclusion list, then an exclusion list."""
    body = "\n\n".join(f"  {n}. {item}" for n, item in enumerate(items, 1))
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  1. Pregnancy"


# (name, criteria text, whether the healthy-volunteer rule fires on Healthy Volunteers 'No')
HEALTHY_NO = {
    # NCT00563706
    "generally healthy beside a hospital stay for the condition": (
        bulleted("Generally healthy, men and women, aged 18 to 65.", "Hospitalization because of an acute "
                 "exacerbation of schizophrenia with a diagnosis of schizophrenia"), False),
    # NCT04482686
    "healthy subjects beside a positive test for an infection": (
        numbered("Healthy male or female subjects 18 to 75 years", "Signed informed consent",
                 "Able to swallow tablets", "Positive test for COVID-19 by RT-PCR at screening"), False),
    # NCT01270841
    "healthy males diagnosed as having the condition": (
        numbered("Healthy males between the ages of 21 and 65", "Previously or concurrently diagnosed as having "
                 "secondary hypogonadism and confirmed morning testosterone <250ng/dL"), False),
    # NCT00976209
    "healthy volunteers who must have a history of the condition": (
        numbered("Healthy male or female volunteers must be 18 years or older", "Participants must have a documented "
                 "history of allergic rhinitis caused by ragweed"), False),
    # NCT01080300
    "healthy women who seek treatment for the condition": (
        bulleted("Generally healthy, postmenopausal women who seek treatment for hot flashes", "Age 40 to 65"), False),
    # still healthy volunteers
    "healthy volunteers beside a negative test": (
        numbered("Healthy male or female subjects 18 to 75 years", "Negative test for COVID-19 by RT-PCR at screening"),
        True),
    "healthy volunteers beside a hospital stay denied": (
        bulleted("Healthy men and women aged 18 to 65", "No hospitalization for any reason in the past year"), True),
    "healthy volunteers as a group beside patients with the condition": (
        numbered("Healthy volunteers aged 18 to 65", "Patients must have a documented history of allergic rhinitis"),
        True),
    "healthy volunteers who must be adults, nothing required": (
        numbered("Healthy volunteers must be 18 years or older", "Body mass index 18 to 30"), True),
}

HOUSEHOLD = ("Inclusion/exclusion criteria for INDEX CASES:\n\nInclusion criteria\n\n  1. Diagnosis of COVID-19 "
             "infection within 72 hours of testing.\n\nExclusion criteria\n\n"
             "  1. Known current pregnancy.\n\nInclusion/exclusion criteria for {}:\n\nInclusion criteria:\n\n"
             "  1. Persons aged 18 years or older who {} the index case.\n\nExclusion criteria:\n\n"
             "  1. Known current pregnancy.")
# (name, criteria text, whether the patients-only rule fires on Healthy Volunteers 'Yes')
HEALTHY_YES = {
    # NCT04536298
    "household contacts of the index cases": (
        HOUSEHOLD.format("HOUSEHOLD CONTACTS", "live in the same household as"), False),
    "people who live with the index cases": (
        HOUSEHOLD.format("THE SECOND GROUP", "live in the same household as"), False),
    # still patients only
    "a second group who also have the condition": (
        HOUSEHOLD.format("THE SECOND GROUP", "were diagnosed at the same clinic as"), True),
}


@pytest.mark.parametrize("name", HEALTHY_NO)
def test_healthy_patients_of_a_required_condition(name):
    text, fires = HEALTHY_NO[name]
    assert bool(list(study_healthy_findings("NCT0", text, False))) is fires


@pytest.mark.parametrize("name", HEALTHY_YES)
def test_household_contacts_need_not_have_the_condition(name):
    text, fires = HEALTHY_YES[name]
    assert bool(list(study_patients_only_findings("NCT0", text, True))) is fires
