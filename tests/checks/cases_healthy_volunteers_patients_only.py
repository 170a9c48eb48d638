"""Cases of contradictions.healthy_volunteers_yes_patients_only: Healthy Volunteers 'Yes' beside inclusion criteria
that admit only people with a condition (tests/checks/test_rule_cases.py runs them)."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.healthy_volunteers_yes_patients_only"


def given(criteria: str, healthy: bool | None = True):
    """A change that sets the study's criteria and Healthy Volunteers."""
    return lambda s: s["eligibilities"][0].update(criteria=criteria, healthy_volunteers=healthy)


CASES = [
    Case(RULE, True, given("Inclusion Criteria:\n* Diagnosis of plaque psoriasis\n* Age 18-65 years\n\n"
                           "Exclusion Criteria:\n* Pregnancy"), note="a diagnosis required, Healthy Volunteers Yes"),
    Case(RULE, False, given("Inclusion Criteria:\n* Diagnosis of plaque psoriasis\n* Age 18-65 years", False),
         note="Healthy Volunteers No"),
    Case(RULE, False, given("Inclusion Criteria:\n* Diagnosis of plaque psoriasis\n* Healthy controls aged 18-65"),
         note="healthy controls admitted too"),
    Case(RULE, False, given("Inclusion Criteria:\n* Patients scheduled for elective knee surgery\n* Age 18-65"),
         note="admitted for a procedure"),
    Case(RULE, False, given("Inclusion Criteria:\n* Patients with a family history of breast cancer\n* Age 18-65"),
         note="a family history: at risk, without the condition"),
    Case(RULE, False, given("Inclusion Criteria:\n* Patients with good oral hygiene\n* Age 18-65"),
         note="a state of health, no condition"),
    Case(RULE, True, given("Inclusion Criteria:\n* Patients with suspected primary immunodeficiency\n* Age 1-18"),
         note="a condition suspected by its signs"),
]
