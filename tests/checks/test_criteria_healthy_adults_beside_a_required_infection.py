"""Healthy adults beside a criterion that requires an infection (contradictions.criteria_healthy_volunteers_differs).

"Healthy adult male aged 18 or older" above "Screening plasma HIV-1 RNA greater than or equal to 5,000 copies/mL" or
"Documented HIV-1 infection" admits infected patients in otherwise good health, as a record that answers Healthy
Volunteers 'No' says. Healthy volunteers or controls beside it, and healthy adults beside a viral load that must be
low or an infection denied, still fire."""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_healthy_findings


def numbered(*items: str) -> str:
    """Criteria as legacy records of the era write them: a numbered inclusion list, then an exclusion list."""
    body = "\n".join(f"{number}. {item}" for number, item in enumerate(items, 1))
    return f"INCLUSION CRITERIA:\n\n{body}\n\nEXCLUSION CRITERIA:\n\n1. Chronic diarrhea"


ADULTS = ("Healthy adult male aged 18 or older OR Healthy adult female aged 18 or older, of non-childbearing "
          "potential.")
UNTREATED = "Not taken any antiretroviral therapy for the preceding 3 months."

QUIET = [
    numbered(ADULTS, "Screening plasma HIV-1 RNA greater than or equal to 5,000 copies/mL.", UNTREATED),
    numbered(ADULTS, "Documented HIV-1 infection.", UNTREATED),
    numbered(ADULTS, "Confirmed chronic hepatitis B infection."),
    numbered("Healthy men and women aged 18-65", "HCV RNA > 10,000 IU/mL at screening"),
    numbered(ADULTS, "Baseline HIV-1 RNA at least 1,000 copies/mL."),
]
FIRES = [
    numbered("Healthy adult volunteers aged 18 or older", "Documented HIV-1 infection."),
    numbered("Healthy controls aged 18-65", "Screening plasma HIV-1 RNA greater than 5,000 copies/mL."),
    numbered(ADULTS, "Negative test for HIV-1 infection."),
    numbered(ADULTS, "No documented infection in the past month."),
    numbered(ADULTS, UNTREATED),
]


@pytest.mark.parametrize("criteria", QUIET, ids=lambda text: text.split("\n")[3][3:40])
def test_healthy_adults_beside_a_required_infection_are_patients(criteria):
    assert list(study_healthy_findings("NCT0", criteria, False)) == []


@pytest.mark.parametrize("criteria", FIRES, ids=lambda text: text.split("\n")[2][3:40] + text.split("\n")[3][3:30])
def test_healthy_people_without_a_required_infection_still_fire(criteria):
    [found] = study_healthy_findings("NCT0", criteria, False)
    assert "healthy" in found.message.lower()
