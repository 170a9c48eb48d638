"""A criterion that only says the participant is healthy, beside one that states the study's condition without the
word "diagnosis" (contradictions.criteria_healthy_volunteers_differs).

"Is HIV-positive", "Type 2 diabetes, not tightly controlled", "Participant meets the DSM-IV criteria for
schizophrenia" require a condition just as "Diagnosis of ..." does: "generally healthy" beside them is a patient's
general health. Criteria that healthy people meet ("HIV-negative", "No history of diabetes", "Non-smoker", "Chronic
smokers") state no condition, and healthy volunteers or controls beside a stated condition are a group of their own."""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_healthy_findings


def listed(*items: str) -> str:
    """Criteria as legacy records write them: a dashed inclusion list with the items, then an exclusion list."""
    body = "\n\n".join(f"  -  {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  -  Known hypersensitivity to the study drug"


QUIET = [
    listed("Is HIV-positive.", "Is generally healthy."),
    listed("Type 2 diabetes, not tightly controlled at present", "Overweight, but generally healthy"),
    listed("Participant meets the DSM-IV criteria for schizophrenia",
           "Participant is healthy on the basis of a physical examination and vital signs at screening"),
    listed("HIV-1 infected men and women", "Healthy, as determined by medical history"),
    listed("Chronic hepatitis C, genotype 1", "Generally healthy as determined by physical examination"),
    listed("Stage III-IV ovarian cancer in first remission", "Healthy, as determined by medical history"),
    listed("Is positive for hepatitis B surface antigen", "Is generally healthy."),
    listed("Meets the ACR criteria for rheumatoid arthritis", "Healthy as determined by the investigator"),
    listed("Participant meets the Diagnostic and Statistical Manual of Mental Disorders (Edition\n     4) criteria for "
           "schizophrenia", "Participant is healthy on the basis of a physical examination"),
]
FIRES = [
    listed("Is HIV-negative.", "Is generally healthy."),
    listed("No history of type 2 diabetes", "Healthy, as determined by medical history"),
    listed("Non-smoker", "Generally healthy as determined by physical examination"),
    listed("Chronic smokers of at least 10 cigarettes a day", "Healthy, as determined by medical history"),
    listed("Meets the criteria for healthy volunteers", "Healthy as determined by the investigator"),
    listed("Meets all criteria for participation in the study", "Healthy, as determined by medical history"),
    listed("Type 2 diabetes", "Healthy controls aged 40-70"),
    listed("Is HIV-positive.", "Healthy volunteers aged 18-50"),
]


def named(text: str) -> str:
    """A case's name: the start of its first two criteria."""
    return " | ".join(part.strip()[:28] for part in text.split("-  ")[1:3])


@pytest.mark.parametrize("criteria", QUIET, ids=named)
def test_healthy_beside_a_stated_condition_is_a_patients_general_health(criteria):
    assert list(study_healthy_findings("NCT0", criteria, False)) == []


@pytest.mark.parametrize("criteria", FIRES, ids=named)
def test_healthy_beside_what_healthy_people_meet_or_as_a_group_still_fires(criteria):
    [found] = study_healthy_findings("NCT0", criteria, False)
    assert "healthy" in found.message.lower()
