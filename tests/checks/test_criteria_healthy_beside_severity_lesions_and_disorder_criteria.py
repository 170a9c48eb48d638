"""Phrases of contradictions.criteria_healthy_volunteers_differs: "healthy" beside a condition the same inclusion list
requires of each participant is the patients' general health: a condition's severity ("Moderate to severe acne"), a
lesion each must have ("Subjects must have hypertrophic (raised) breast scars"), a disorder's criteria met ("Patients
who meet the criteria of ADHD"), healthy said of each with an adverb ("Are generally healthy men and women") beside a
medical history required. Healthy volunteers beside such a condition, a lesion ruled out, criteria for healthy people
and healthy people beside no condition still fire."""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_healthy_findings
from tests.checks import harness


def bulleted(*items: str) -> str:
    """Legacy-bulleted criteria of `items` (tests.checks.harness)."""
    return harness.legacy_bulleted_criteria(*items)


def _fires(text: str) -> bool:
    return bool(list(study_healthy_findings("NCT0", text, False)))


# (criteria text, whether the rule fires against Healthy Volunteers 'No')
CASES = {
    # NCT01323192
    "healthy beside the criteria of a disorder met": (bulleted(
        "Patients who meet the criteria of ADHD (predominantly inattentive type) of DSM-IV-TR",
        "Healthy on the basis of physical examination, medical history, vital signs, 12-lead ECG"), False),
    # NCT01138514
    "healthy men or women beside a condition's severity": (bulleted(
        "Healthy men or women, 12 to 65 years of age", "Willing to participate and sign provide written consent",
        "Moderate to severe acne"), False),
    # NCT01730339
    "subjects must be healthy beside a lesion each must have": (bulleted(
        "Subjects must have hypertrophic (raised) breast scars from previous surgery", "Subjects must be healthy"),
        False),
    # NCT01677936
    "generally healthy men and women beside a medical history required": (bulleted(
        "Are generally healthy men and women older than 18 years of age",
        "Are willing and able to undergo an informed consent process",
        "Have medical history of Type 2 Diabetes Mellitus"), False),
    "mild to moderate psoriasis beside healthy adults": (bulleted(
        "Healthy adults aged 18 to 65", "Mild-to-moderate plaque psoriasis"), False),
    # still admissions of healthy people
    "healthy volunteers beside a condition's severity": (bulleted(
        "Healthy volunteers aged 18 to 65", "Moderate to severe acne"), True),
    "a lesion ruled out": (bulleted("Subjects must have no scars on the forearms", "Subjects must be healthy"), True),
    "criteria for healthy people met": (bulleted(
        "Subjects who meet the criteria for healthy volunteers", "Healthy adult subjects aged 18-45"), True),
    "generally healthy men and women beside no condition": (bulleted(
        "Are generally healthy men and women older than 18 years of age", "Are willing to fast before study visits"),
        True),
}


@pytest.mark.parametrize("name", CASES)
def test_healthy_beside_a_condition_of_each_is_no_healthy_volunteer(name):
    text, fires = CASES[name]
    assert _fires(text) is fires
