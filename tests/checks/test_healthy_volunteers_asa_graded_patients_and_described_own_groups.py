"""Healthy people in the criteria and in the descriptions, read as the study's participants or not.

contradictions.criteria_healthy_volunteers_differs: healthy people that inclusion criteria grade by the ASA physical
status ("Healthy women (ASA 2)" of a cesarean-delivery trial) are patients about to be anaesthetised, in good health;
volunteers or controls so graded are healthy volunteers still.

contradictions.healthy_volunteers_yes_patients_only: a brief summary or a detailed description that names the study's
own group of people without the condition ("and 20 healthy control subjects", "as well as in HIV-negative volunteers",
"a third control group comprising normal blood donors") keeps Healthy Volunteers 'Yes' right; healthy people of the
background ("compared to healthy subjects") and volunteers or a control group who have the condition do not. A
criterion that opens with "Has a current diagnosis of" or names patients by their disease ("Psoriasis patients")
requires the condition.
"""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import study_patients_only_findings
from checks.criteria_sex import study_healthy_findings
from tests.checks.cases_criteria_sex import JSON, XML, listed

ASA_QUIET = [
    ("Healthy women (ASA 2)", "Between 18 and 45 years old", "Scheduled or non-labor cesarean delivery"),
    ("Healthy adults, ASA I-II", "Age 18 to 65 years"),
    ("Healthy male subjects, ASA physical status <= 2", "Elective inguinal hernia repair"),
    ("Healthy children aged 2 to 6 years", "American Society of Anesthesiologists physical status I or II"),
    ("Healthy women", "ASA physical status II", "Singleton term pregnancy"),
]
ASA_FIRES = [
    ("Healthy volunteers (ASA I)", "Age 18 to 40 years"),
    ("Healthy controls, ASA I-II", "Age 18 to 65 years"),
    ("Healthy women", "Between 18 and 45 years old"),
    ("Healthy men", "Not taking ASA or other antiplatelet drugs"),
]


@pytest.mark.parametrize("layout", (JSON, XML))
@pytest.mark.parametrize("items", ASA_QUIET, ids=[c[0][:40] for c in ASA_QUIET])
def test_healthy_patients_graded_by_asa_status_are_no_healthy_volunteers(items, layout):
    assert list(study_healthy_findings("NCT0", listed(*items, layout=layout), False)) == []


@pytest.mark.parametrize("items", ASA_FIRES, ids=[c[0][:40] for c in ASA_FIRES])
def test_healthy_volunteers_controls_or_ungraded_people_still_fire(items):
    [found] = study_healthy_findings("NCT0", listed(*items), False)
    assert "healthy" in found.message.lower()


SCHIZOPHRENIA = ("meet DSM-IV criteria for schizophrenia", "able to give informed consent")
HIV = ("HIV-1 infected men and women", "Suitable venous access")
CEREBRAL_PALSY = ("clinical diagnosis of spastic hemiplegic cerebral palsy", "age between 8 and 18 years")

# (criteria items, brief summary or detailed description)
OWN_GROUP_QUIET = [
    (SCHIZOPHRENIA, "This study will include 70 patients diagnosed with schizophrenia, taking either risperidone, "
                    "olanzapine or haloperidol, and 20 healthy control subjects."),
    (HIV, "To determine the safety of stem cell harvesting in patients at various stages of HIV-1 infection as well "
          "as in HIV-negative volunteers."),
    (HIV, "Patients and volunteers receive seven daily subcutaneous injections of G-CSF."),
    (CEREBRAL_PALSY, "Data are also compared with those of an healthy control group."),
    (HIV, "These will be compared to two control groups with monoinfection by HIV or by HCV, in addition to a third "
          "control group comprising normal blood donors."),
    (CEREBRAL_PALSY, "Twelve age-matched typically developing children and ten healthy adults will also be tested."),
]
OWN_GROUP_FIRES = [
    (SCHIZOPHRENIA, "Type 2 diabetes can occur more commonly in individuals with schizophrenia compared to healthy "
                    "subjects and subjects with other psychiatric conditions."),
    (HIV, "40 volunteers with HIV infection will be randomized to two doses."),
    (CEREBRAL_PALSY, "The control group receives usual physiotherapy."),
    (SCHIZOPHRENIA, "20 non-responders to clozapine will be enrolled."),
    (HIV, "Ten healthy volunteers with HIV infection on stable therapy."),
    (CEREBRAL_PALSY, "Differences between patients and healthy controls have been described."),
]


def _fires(items: tuple[str, ...], summaries: tuple[str, ...] = (), layout: str = JSON) -> bool:
    return bool(list(study_patients_only_findings("NCT0", listed(*items, layout=layout), True, (), "TREATMENT",
                                                  summaries=summaries)))


@pytest.mark.parametrize(("items", "summary"), OWN_GROUP_QUIET, ids=[c[1][:40] for c in OWN_GROUP_QUIET])
def test_a_description_naming_the_studys_own_healthy_group_stays_quiet(items, summary):
    assert _fires(items), items
    assert not _fires(items, (summary,)), summary


@pytest.mark.parametrize(("items", "summary"), OWN_GROUP_FIRES, ids=[c[1][:40] for c in OWN_GROUP_FIRES])
def test_background_healthy_people_or_patients_called_controls_still_fire(items, summary):
    assert _fires(items, (summary,)), summary


REQUIRED = [
    "Has a current diagnosis of major depressive disorder",
    "Have a confirmed diagnosis of COPD",
    "Psoriasis patients with mild to moderate lesions",
    "Breast cancer patients receiving adjuvant chemotherapy",
    "Type 2 diabetes patients on metformin",
]
NOT_REQUIRED = [
    "Has a telephone",
    "Has a family history of breast cancer",
    "Must have a history of diabetes, hypertension, hyperlipidemia and/or a history of tobacco use",
    "Non-cancer patients attending the clinic",
    "Pain-free patients attending the dental clinic",
    "Healthy patients with a normal ECG",
]


@pytest.mark.parametrize("layout", (JSON, XML))
@pytest.mark.parametrize("item", REQUIRED, ids=[c[:40] for c in REQUIRED])
def test_has_a_diagnosis_or_disease_patients_require_the_condition(item, layout):
    assert _fires(("Speaks and reads English", item), layout=layout), item


@pytest.mark.parametrize("item", NOT_REQUIRED, ids=[c[:40] for c in NOT_REQUIRED])
def test_has_without_a_condition_or_patients_free_of_it_stay_quiet(item):
    assert not _fires(("Speaks and reads English", item)), item


def test_a_community_clinic_is_a_place_of_care_not_other_people():
    clinic = "Has a primary care physician at the university or one of a number of approved community clinics"
    assert _fires(("Has a current diagnosis of major depressive disorder", clinic))
    assert _fires(("Diagnosis of type 2 diabetes", "Followed at a community health centre"))
    assert not _fires(("Diagnosis of type 2 diabetes", "Community members who attend the health fair"))


def test_a_caregiver_who_takes_part_is_another_participant():
    assert not _fires(("have confirmed diagnosis of ASD", "have a caregiver/parent who can complete assessments"))
    assert not _fires(("Diagnosis of probable Alzheimer's disease", "Has a study partner who will participate"))
    assert _fires(("Must have a clinical diagnosis of Alzheimer's Disease", "Must have a reliable caregiver"))
