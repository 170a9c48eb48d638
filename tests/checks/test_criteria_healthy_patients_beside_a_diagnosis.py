"""Healthy people named beside a criterion that requires a diagnosis (contradictions.criteria_healthy_volunteers_differs).

"Healthy male and female subjects 18 to 65 years of age ... in good health" above "SCID-based DSM-5 diagnosis of
schizophrenia" admits patients in good general health, as a record that answers Healthy Volunteers 'No' says: a
diagnosis that names nobody is every participant's. Healthy volunteers or controls are a group of their own and still
fire beside it, as do healthy subjects beside patients named as a group ("Patients with ..."), which may be one of two
groups, and healthy subjects beside a diagnosis denied."""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_healthy_findings


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Key Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* Known hypersensitivity to the study drug"


SUBJECTS = ("Healthy male and female subjects 18 to 65 years of age, inclusive, and in good health as determined by "
            "medical history, physical examination, and vital signs at screening")

QUIET = [
    listed(SUBJECTS, "SCID-based DSM-5 diagnosis of schizophrenia and a total PANSS score > 60"),
    listed("Diagnosis of schizophrenia", "Healthy male and female subjects 18 to 65 years of age"),
    listed("Confirmed diagnosis of COPD", "Healthy adults aged 40-75 apart from their lung disease"),
    listed("Current DSM-5 diagnosis of major depressive disorder", "Healthy men and women aged 18-65"),
    listed("A clinical diagnosis of Parkinson's disease", "Healthy participants in good general health"),
    listed("Healthy subjects aged 18-65", "Diagnosed with type 2 diabetes for at least 6 months"),
    listed("ICD-10 diagnosis of bipolar disorder", "Healthy, as determined by medical history"),
]
FIRES = [
    listed(SUBJECTS),
    listed("Healthy male and female volunteers aged 18-65", "Diagnosis of schizophrenia"),
    listed("Diagnosis of Parkinson's disease", "Healthy controls aged 50-80"),
    listed("Healthy normal subjects aged 18-45", "Diagnosis of asthma"),
    listed("Patients with mild Alzheimer's disease", "Healthy elderly subjects"),
    listed(SUBJECTS, "No diagnosis of a psychiatric disorder"),
    listed(SUBJECTS, "History of diagnosis of migraine in a first-degree relative"),
    listed(SUBJECTS, "Willing to undergo a diagnostic MRI"),
]


@pytest.mark.parametrize("criteria", QUIET, ids=lambda text: " | ".join(part.strip()[:30] for part in text.split("* ")[1:3]))
def test_healthy_subjects_beside_a_diagnosis_every_participant_has_are_patients(criteria):
    assert list(study_healthy_findings("NCT0", criteria, False)) == []


@pytest.mark.parametrize("criteria", FIRES, ids=lambda text: " | ".join(part.strip()[:30] for part in text.split("* ")[1:-1]))
def test_healthy_volunteers_controls_or_subjects_without_such_a_diagnosis_still_fire(criteria):
    [found] = study_healthy_findings("NCT0", criteria, False)
    assert "healthy" in found.message.lower()
