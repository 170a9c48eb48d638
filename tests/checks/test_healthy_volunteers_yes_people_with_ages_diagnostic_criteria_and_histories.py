"""contradictions.healthy_volunteers_yes_patients_only on requirements of a condition in the forms allergy and atopy
records use: people named with their ages or sexes before "with" a condition ("Children between 1 and 18 years of age
with mild to moderate AD"), people who are diagnosed with it, a criterion that opens with "With" or "Having" a
condition, a diagnosis by named criteria ("Meeting the CRS diagnostic criteria", "Atopy by Hanifin & Rajka diagnostic
criteria") and a history of a lasting condition ("Having positive histories of cow's milk allergy"). Quiet: people
named by someone else's condition, a measure, an ability, a negation, a past infection or a habit, criteria of
entry, healthy people, a bare disease name, a family history, a risk, a procedure, and any of them in a record that
names others (under a group's label, as non-allergic people or a gene's carriers, or in its study population) or in a
prevention study.
"""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import study_patients_only_findings
from tests.checks.cases_criteria_sex import JSON, XML, listed

FIRES = [
    "Children between 1 and 18 years of age with mild to moderate AD, affecting at least 5% of total body surface area",
    "Individuals of both sexes from 18 years with a diagnosis of COPD or Bronchial Asthma;",
    "Adults aged 18-65 years with moderate to severe plaque psoriasis",
    "Women aged 40 to 70 who were diagnosed with type 2 diabetes",
    "Subjects who are diagnosed with atopic condition",
    "With mild to severe atopic symptoms: SCORAD ≥ 20 (at V0b).",
    "Having positive histories of cow's milk allergy presenting by dermal, gastrointestinal or respiratory signs.",
    "A documented history of peanut allergy",
    "Suspicion or history of food allergy based on medical history, positive skin prick test, and/or serum IgE.",
    "(1) Meeting the CRS diagnostic criteria in the Chinese Guidelines for the Diagnosis of Chronic Sinusitis (2018)",
    "meet the EULAR/PRINTO/PRES for the diagnosis of HSP",
    "Fulfilling the ACR classification criteria for rheumatoid arthritis",
    "Atopy by Hanifin \\& Rajka diagnostic criteria",
    "Asthma according to GINA diagnostic criteria",
    "Subjects with histologically confirmed low risk to moderate stage prostate cancer (Gleason 6 - 7)",
    "Male sex presenting with mild to severe erectile dysfunction for at least six months",
    "Having a diagnosis of Type 2 Diabetes Mellitus,",
]

QUIET = [
    "Children of parents with a diagnosis of asthma",
    "Adults whose child has a diagnosis of autism",
    "Children between 1 and 18 years of age with a BMI above the 85th percentile",
    "Individuals aged 18 years or older with the ability to give consent",
    "Subjects who are able to give informed consent",
    "Women aged 18-45 years with a negative pregnancy test",
    "Adults aged 18-65 with well-controlled asthma",
    "Subjects with a family history of asthma",
    "No history of food allergy",
    "History of chickenpox infection",
    "History of smoking for at least 10 years",
    "Meets the inclusion criteria of the parent study",
    "Eligible according to the study's entry criteria",
    "Erectile dysfunction for more than 6 months",
    "Healthy children aged 2-5 years",
    "Participants aged 18 or older with and without asthma",
    "Adults aged 18-65 years who are at risk of asthma",
    "Children aged 6-17 years undergoing tonsillectomy",
]


def _fires(criteria: str, described: tuple[str, ...] = (), purpose: str = "TREATMENT") -> bool:
    return bool(list(study_patients_only_findings("NCT0", criteria, True, described, purpose)))


@pytest.mark.parametrize("layout", (JSON, XML))
@pytest.mark.parametrize("item", FIRES, ids=[item[:50] for item in FIRES])
def test_people_with_a_condition_a_diagnosis_by_criteria_or_a_history_of_one_fires(item, layout):
    assert _fires(listed("Signed informed consent", item, layout=layout)), item


@pytest.mark.parametrize("item", QUIET, ids=[item[:50] for item in QUIET])
def test_another_persons_condition_a_measure_an_ability_or_a_past_event_stays_quiet(item):
    assert not _fires(listed("Signed informed consent", item)), item


@pytest.mark.parametrize("item", FIRES[::2], ids=[item[:50] for item in FIRES[::2]])
def test_the_same_beside_other_people_or_in_a_prevention_study_stays_quiet(item):
    assert not _fires(listed(item, "Healthy controls matched for age")), item
    assert not _fires(listed(item), ("Food Allergy in Patients and Healthy Volunteers",)), item
    assert not _fires(listed(item), purpose="PREVENTION"), item


HISTORY = "History of intermittent allergic rhinoconjunctivitis to birch pollen for at least ten years"
OTHERS_NAMED = [
    (listed("Age 60 years or older", "Group 2 (former allergy):", HISTORY, "Group 3 (never allergy):",
            "No history of allergic rhinoconjunctivitis"), ()),
    (listed("(Allergic Rhinitics):", HISTORY, "(Non-allergic):", "Negative skin prick tests to aeroallergens"), ()),
    (listed("Individuals of all ages who are diagnosed with severe alpha-1 antitrypsin deficiency or the carrier state"),
     ()),
    (listed("Age 60 years or older", HISTORY), ("Patients aged 60 years or more with or without current or former "
                                                "allergy",)),
]


@pytest.mark.parametrize("criteria, described", OTHERS_NAMED, ids=range(len(OTHERS_NAMED)))
def test_a_requirement_of_one_labelled_group_or_beside_carriers_or_a_mixed_population_stays_quiet(criteria, described):
    assert not _fires(criteria, described)
    assert _fires(listed("Age 60 years or older", HISTORY))


def test_a_requirement_above_the_cohorts_labels_is_everyones_and_fires():
    criteria = listed("Histologically confirmed, previously untreated stage II-III NSCLC",
                      "Cohort 1: Subjects with resectable NSCLC", "Cohort 2: Subjects with unresectable NSCLC")
    assert _fires(criteria)
