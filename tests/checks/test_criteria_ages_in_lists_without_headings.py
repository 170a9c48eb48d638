"""contradictions.criteria_age_differs on criteria written with no heading at all, as many legacy records of the NIH
Clinical Center write them: a list whose first item states the age ("Age 21-80.", "Patients must be at least 18 years
of age.") is the inclusion list. A list that opens with anything else, names its groups on lines of their own, or
states a second age, is not read so.
"""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def unheaded(*items: str) -> str:
    """Criteria as those records write them: one item a line, hard-wrapped, no heading."""
    return "\n\n".join(items)


def _found(text: str, minimum: str | None, maximum: str | None) -> list[str]:
    return [f.message for f in study_age_findings("NCT00000001", text, minimum, maximum, True)]


# (criteria, minimum, maximum): the first item's age, which the record's ages contradict
FIRES = [
    (unheaded("Age 21-80.", "Diagnosis of head and neck cancer.", "No allergy to shellfish."), "N/A", "N/A"),
    (unheaded("Patients must be at least 18 years of age.", "Patients newly diagnosed with eosinophilia and myalgia,\n"
              "and who ingested L-5-HTP."), "N/A", "N/A"),
    (unheaded("Males and females between the ages of 30-80.", "Carry the diagnosis of idiopathic Parkinson's "
              "disease.", "No presence or history of any medical condition."), "21 Years", "N/A"),
]

# (criteria, minimum, maximum): no age for everyone in the first item, or not one limit
QUIET = [
    (unheaded("NORMAL VOLUNTEERS:", "Age between 18 and 90 years.", "No past or current medical condition."),
     "N/A", "N/A"),
    (unheaded("Diagnosis of Wegener's granulomatosis.", "Age between 18 to 65 years.", "No change in therapy."),
     "N/A", "N/A"),
    (unheaded("Age 18-65.", "PATIENTS:", "Diagnosis of lupus.", "CONTROLS:", "No medical illnesses."), "N/A", "N/A"),
    (unheaded("Age 18-65.", "Children aged 5-17 with asthma may also take part."), "N/A", "N/A"),
    (unheaded("Age 21-80.", "Diagnosis of head and neck cancer."), "21 Years", "80 Years"),
    ("DISEASE CHARACTERISTICS: Breast cancer PATIENT CHARACTERISTICS: Age: Any age Sex: Female", "N/A", "N/A"),
]


@pytest.mark.parametrize("criteria, minimum, maximum", FIRES, ids=lambda v: str(v)[:40])
def test_the_age_a_list_without_headings_opens_with_is_compared(criteria, minimum, maximum):
    [message] = _found(criteria, minimum, maximum)
    assert message.startswith("The criteria (a list without headings that opens with the age) state")


@pytest.mark.parametrize("criteria, minimum, maximum", QUIET, ids=lambda v: str(v)[:40])
def test_a_list_without_headings_that_opens_otherwise_is_not_read(criteria, minimum, maximum):
    assert _found(criteria, minimum, maximum) == []
