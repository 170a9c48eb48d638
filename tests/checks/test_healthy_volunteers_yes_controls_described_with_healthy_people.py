"""contradictions.healthy_volunteers_yes_patients_only: a brief summary or a detailed description that names healthy
people among the study's controls ("compared to control patients (patients with COVID-19 without respiratory distress
and healthy volunteers)", "Controls: healthy volunteers", "Healthy volunteers will serve as controls") names the
study's own people without the condition, though its criteria speak only of patients: Healthy Volunteers 'Yes' fits.
Controls described as patients, a control group of usual care and healthy people of the background still fire."""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import study_patients_only_findings
from tests.checks.cases_criteria_sex import JSON, listed

COVID = ("Patient under invasive mechanical ventilation", "PCR SARS-CoV-2 positive in a pharyngeal or respiratory "
         "sample")

# (brief summary or detailed description, whether the rule fires)
CASES = {
    # NCT04369820
    "healthy volunteers among the controls in brackets": (
        "To show an overexpression of the C5a receptor in patients with ARDS secondary to COVID-19 compared to control "
        "patients (patients with COVID-19\n      without respiratory distress and healthy volunteers).", False),
    "controls named after a colon": ("Controls: healthy volunteers matched for age and sex.", False),
    "healthy people serving as controls": ("Healthy volunteers will serve as controls for the assay.", False),
    # still fires
    "controls who have the condition": (
        "Compared to control patients (patients with COVID-19 without respiratory distress).", True),
    "a control group of usual care": ("The control group (usual care) receives standard oxygen therapy.", True),
    "healthy people of the background": (
        "C5a receptor expression is higher in patients with ARDS than in healthy subjects, as shown before.", True),
}


@pytest.mark.parametrize("name", CASES)
def test_healthy_people_among_the_described_controls_are_the_study_s(name):
    summary, fires = CASES[name]
    found = study_patients_only_findings("NCT0", listed(*COVID, layout=JSON), True, (), "OTHER", summaries=(summary,))
    assert bool(list(found)) is fires
