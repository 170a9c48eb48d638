"""contradictions.healthy_volunteers_yes_patients_only on requirements of a condition in three more forms at a
criterion's opening: patients with it after their sex, age or setting ("male patients with ED defined by an IIEF-5
score of <= 21", the condition's abbreviation as good as its name), patients named by their condition ("Severe
asthmatics seen in the Asthma Clinic") and a disease named with its cause ("erectile dysfunction associated with
Peyronie's disease"). A bare disease name stays unread, as the rule chooses; so do a risk, a history or a negation
before a cause, a state of health after qualified patients, people who are no patients, and any of them in a record
that names others.
"""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import study_patients_only_findings
from tests.checks.cases_criteria_sex import JSON, XML, listed

FIRES = [
    "male patients with ED defined by an IIEF-5 score of ≤ 21",
    "Adult patients with chronic spontaneous urticaria",
    "Female patients diagnosed with endometriosis",
    "Consecutive hospitalized patients with acute heart failure",
    "Severe asthmatics seen in the Asthma Clinic of the university hospital",
    "Mild to moderate asthmatics on inhaled corticosteroids",
    "Diabetic patients treated with insulin",
    "erectile dysfunction associated with Peyroni's disease",
    "erectile dysfunction associated with Peyroni's diseas",
    "Anemia due to chronic kidney disease",
    "Pain secondary to knee osteoarthritis",
    "Neuropathic pain caused by spinal cord injury",
]

QUIET = [
    "Erectile dysfunction",
    "Risk factors related to cardiovascular disease",
    "No pain due to knee osteoarthritis",
    "History of stroke due to atrial fibrillation",
    "Absence of erectile dysfunction associated with Peyronie's disease",
    "Adult patients with the ability to give consent",
    "Male patients with normal renal function",
    "Non-asthmatics aged 18-65",
    "Asthmatics that undergo lung function testing",
    "Diabetic patients must bring their glucose meter",
    "Diabetic diet followed for 3 months",
    "Women willing to attend visits due to the study schedule",
    "Male or female related to a patient with Alzheimer's disease",
]


def _fires(criteria: str, described: tuple[str, ...] = ()) -> bool:
    return bool(list(study_patients_only_findings("NCT0", criteria, True, described, "TREATMENT")))


@pytest.mark.parametrize("layout", (JSON, XML))
@pytest.mark.parametrize("item", FIRES, ids=[item[:50] for item in FIRES])
def test_a_qualified_patient_a_patient_noun_or_a_caused_disease_fires(item, layout):
    assert _fires(listed("Age 18 years or older", item, layout=layout)), item


@pytest.mark.parametrize("item", QUIET, ids=[item[:50] for item in QUIET])
def test_a_bare_disease_a_risk_a_negation_or_a_state_of_health_stays_quiet(item):
    assert not _fires(listed("Age 18 years or older", item)), item


@pytest.mark.parametrize("item", FIRES[::3], ids=[item[:50] for item in FIRES[::3]])
def test_the_same_beside_healthy_controls_stays_quiet(item):
    assert not _fires(listed(item, "Healthy controls matched for age")), item
    assert not _fires(listed(item), ("Erectile Function in Patients and Healthy Volunteers",)), item
