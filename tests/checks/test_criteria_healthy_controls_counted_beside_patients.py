"""contradictions.criteria_healthy_volunteers_differs on a criterion that takes in a group of healthy controls or
volunteers beside the patients, counted or matched, wherever in the criterion it is named: "The study will include 45
adult patients complaining of CholU as well as 45 healthy controls." against Healthy Volunteers 'No'. Healthy skin or
organs, uncounted and unmatched healthy controls, controls not included, published controls, healthy people who are no
controls or volunteers, and Healthy Volunteers 'Yes' or absent stay quiet.
"""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_healthy_findings
from tests.checks.cases_criteria_sex import JSON, XML, listed

FIRES = [
    "The study will include 45 adult patients complaining of CholU as well as 45 healthy controls.",
    "40 patients with psoriasis and 40 age- and sex-matched healthy volunteers",
    "Patients with chronic urticaria along with an equal number of healthy controls",
    "Thirty patients with vitiligo plus 30 healthy controls",
    "Patients with acne and age-matched healthy controls",
]

QUIET = [
    "Patients with psoriasis and healthy skin on the forearm",
    "Patients with psoriasis; 40 healthy controls will not be included",
    "Patients with psoriasis compared with published data from healthy controls",
    "Patients with psoriasis and healthy controls' samples from the biobank",
    "Patients with eczema and 2 healthy siblings",
    "45 patients with chronic urticaria",
]


@pytest.mark.parametrize("layout", (JSON, XML))
@pytest.mark.parametrize("item", FIRES, ids=[item[:50] for item in FIRES])
def test_healthy_controls_counted_or_matched_beside_patients_fire(item, layout):
    found = list(study_healthy_findings("NCT0", listed(item, layout=layout), False))
    assert len(found) == 1 and "healthy_volunteers=false" in found[0].evidence, item


@pytest.mark.parametrize("item", QUIET, ids=[item[:50] for item in QUIET])
def test_healthy_words_that_take_in_no_group_stay_quiet(item):
    assert not list(study_healthy_findings("NCT0", listed(item), False)), item


@pytest.mark.parametrize("healthy", (True, None))
def test_healthy_volunteers_yes_or_absent_stays_quiet(healthy):
    assert not list(study_healthy_findings("NCT0", listed(FIRES[0]), healthy))
