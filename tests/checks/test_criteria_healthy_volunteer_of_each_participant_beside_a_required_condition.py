"""contradictions.criteria_healthy_volunteers_differs where "healthy" is said of each participant ("Participant is a
healthy, ambulatory male or female volunteer 18 to 55 years of age") and another inclusion criterion requires of each
a condition: a history of a lasting one ("Participant has a history of Seasonal Allergic Rhinitis due to ragweed"), a
sensitisation by a skin test, or a diagnosis. Every participant has the condition studied, so Healthy Volunteers 'No'
is right. Healthy volunteers named as a group ("Healthy male and female volunteers aged 18-65") are a group of their
own and still fire beside such a criterion, as does "healthy" of each beside patients named as a group, a history
denied, a past infection or a negative test.
"""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_healthy_findings
from tests.checks.cases_criteria_sex import JSON, XML, listed

EACH = "Participant is a healthy, ambulatory male or female volunteer 18 to 55 years of age."

QUIET = [
    (EACH, "Participant has a history of Seasonal Allergic Rhinitis due to ragweed for the last two consecutive "
           "ragweed seasons."),
    (EACH, "Participant has a positive response (wheal diameter greater than or equal to 3 mm larger than diluent "
           "control) to a skin prick test to short ragweed allergen at screening."),
    ("Subjects must be healthy volunteers aged 18-45", "A positive skin prick test to cat dander"),
    ("Be a healthy adult aged 18 to 60 years", "Documented history of peanut allergy"),
    ("Subject is a healthy male volunteer", "Diagnosis of mild persistent asthma"),
    ("Subjects are healthy men and women aged 18-50", "Subjects have a history of allergic rhinoconjunctivitis"),
]
FIRES = [
    (EACH,),
    ("Healthy male and female volunteers aged 18-65", "Has a history of seasonal allergic rhinitis"),
    (EACH, "Patients with a history of asthma"),
    (EACH, "No history of allergic rhinitis"),
    (EACH, "History of chickenpox infection"),
    (EACH, "A negative skin prick test to cat dander"),
    (EACH, "Willing to undergo a skin prick test"),
]


@pytest.mark.parametrize("layout", (JSON, XML))
@pytest.mark.parametrize("items", QUIET, ids=[" | ".join(item[:25] for item in items) for items in QUIET])
def test_healthy_said_of_each_beside_a_condition_required_of_each_stays_quiet(items, layout):
    assert list(study_healthy_findings("NCT0", listed(*items, layout=layout), False)) == []


@pytest.mark.parametrize("items", FIRES, ids=[" | ".join(item[:25] for item in items) for items in FIRES])
def test_a_healthy_group_or_healthy_beside_no_such_requirement_still_fires(items):
    [found] = study_healthy_findings("NCT0", listed(*items), False)
    assert "healthy" in found.message.lower()
