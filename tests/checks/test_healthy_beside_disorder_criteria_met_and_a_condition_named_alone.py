"""Two more kinds of a condition each participant must have, for both healthy-volunteer rules: a disorder's criteria
met after a word of obligation or "who" ("Patients must fulfill Diagnostic and Statistical Manual (DSM-IV) criteria for
OCD", "Subjects will meet DSM-IV criteria for current alcohol dependence", "Meeting criteria for a current major
depressive episode"), read by both; and a condition named alone as the whole criterion ("Lactation insufficiency
postpartum"), read by contradictions.criteria_healthy_volunteers_differs only. Beside either, "healthy" is the
patients' general health. Quiet for both: criteria not met, criteria for no disorder, for discharge or of a registry,
an alternative without the disorder; a bare name stays unread by contradictions.healthy_volunteers_yes_patients_only.
Healthy volunteers beside a condition are a group of their own and still fire."""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import study_patients_only_findings
from checks.criteria_sex import study_healthy_findings
from tests.checks import harness

# (healthy people the criteria admit, the criterion beside them, whether Healthy Volunteers 'No' is flagged)
HEALTHY_DIFFERS = {
    # NCT00181610
    "healthy women beside a condition named alone with its time of life": (
        "Healthy women, aged 18-45 years", "Lactation insufficiency postpartum", False),
    # NCT01172873
    "physically healthy patients beside a manual's criteria they must fulfil": (
        "Patients must be physically healthy males or non-pregnant females",
        "Patients must fulfill Diagnostic and Statistical Manual (DSM-IV) criteria for OCD, and OCD must be the "
        "primary disorder", False),
    # NCT00360269
    "healthy men and women beside a manual's criteria met": (
        "Healthy men and women, 18 to 65 years of age", "Meet DSM-IV criteria for marijuana dependence", False),
    "healthy adults beside criteria they will meet": (
        "Healthy adults aged 18 to 65", "Subjects will meet DSM-IV criteria for current alcohol dependence", False),
    "healthy adults beside criteria for an episode": (
        "Healthy adults aged 18 to 65", "Meeting criteria for a current major depressive episode", False),
    "healthy participant beside criteria those who take part fulfil": (
        "Participant is healthy on the basis of a physical examination",
        "Participants who fulfil the ICD-10 criteria for alcohol dependence", False),
    "healthy women beside a deficiency named alone": ("Healthy women aged 18 to 45", "Iron deficiency anaemia", False),
    "healthy men beside a dysfunction named alone with its abbreviation": (
        "Healthy men aged 40 to 70", "Erectile dysfunction (ED)", False),
    "healthy volunteers beside a condition named alone": (
        "Healthy volunteers aged 18 to 45", "Lactation insufficiency postpartum", True),
    "healthy adults beside criteria not met": (
        "Healthy adults aged 18 to 65", "Must not meet DSM-IV criteria for major depression", True),
    "healthy adults beside criteria for no disorder": (
        "Healthy adults aged 18 to 65", "Meet DSM-IV criteria for no current Axis I disorder", True),
    "healthy adults beside a registry's criteria": (
        "Healthy adults aged 18 to 65", "Meet the inclusion criteria of the asthma registry", True),
    "healthy adults beside criteria for discharge": (
        "Healthy adults aged 18 to 65", "Meets criteria for discharge from the emergency department", True),
    "healthy adults beside criteria met or no illness": (
        "Healthy adults aged 18 to 65", "Meet DSM-IV criteria for major depression or no psychiatric illness", True),
    "healthy women beside no deficiency": ("Healthy women aged 18 to 45", "No iron deficiency", True),
    "healthy women beside a deficiency or normal stores": (
        "Healthy women aged 18 to 45", "Iron deficiency anaemia or normal iron stores", True),
    "healthy adults beside a vaccination against an illness": (
        "Healthy adults aged 18 to 65", "Vaccination against influenza", True),
    "healthy women beside a time of life alone": ("Healthy women aged 45 to 65", "Postmenopausal", True),
}

# (inclusion criterion, whether Healthy Volunteers 'Yes' beside it alone is flagged)
PATIENTS_ONLY = {
    "a manual's criteria the patients must fulfil": (
        "Patients must fulfill Diagnostic and Statistical Manual (DSM-IV) criteria for OCD, and OCD must be the "
        "primary disorder", True),
    # NCT00302133
    "a manual's criteria the subjects will meet": (
        "Subjects will meet Diagnostic and Statistical Manual-IV (DSM-IV) criteria for current alcohol dependence "
        "and a concurrent bipolar disorder", True),
    # NCT00377299
    "criteria met for an episode": ("Meeting criteria for a current major depressive episode", True),
    # NCT01055171
    "a manual's criteria the participants must meet": (
        "Participants must meet DSM-IV criteria for current alcohol dependence", True),
    # NCT01071044
    "a consensus's criteria for a syndrome": ("Subjects must meet consensus criteria for chronic fatigue syndrome.",
                                              True),
    "a manual's criteria the patients who take part fulfil": (
        "Patients who fulfil the ICD-10 criteria for alcohol dependence", True),
    "a condition named alone with its time of life": ("Lactation insufficiency postpartum", False),
    "a dysfunction named alone with its abbreviation": ("Erectile dysfunction (ED)", False),
    "a deficiency named alone": ("Iron deficiency anaemia", False),
    "criteria not met": ("Must not meet DSM-IV criteria for major depression", False),
    "a registry's criteria": ("Subjects must meet the inclusion criteria of the asthma registry", False),
    "criteria met or no illness": ("Subjects must meet DSM-IV criteria for major depression or no psychiatric illness",
                                   False),
    "controls' criteria for no disorder": ("Controls must meet DSM-IV criteria for no current psychiatric disorder",
                                           False),
    "a parent study's criteria": ("Subjects must meet all eligibility criteria for the parent study of asthma", False),
    "a parent study's diagnostic criteria": (
        "Subjects must meet the DSM-IV diagnostic criteria for the parent study", False),
    "healthy subjects' criteria for normal sleep": ("Healthy subjects who meet the criteria for normal sleep", False),
}


@pytest.mark.parametrize("name", HEALTHY_DIFFERS)
def test_healthy_beside_criteria_met_or_a_condition_named_alone_is_the_patients_general_health(name):
    healthy, criterion, fires = HEALTHY_DIFFERS[name]
    criteria = harness.legacy_bulleted_criteria(healthy, criterion, "Signed informed consent")
    assert bool(list(study_healthy_findings("NCT0", criteria, False))) is fires


@pytest.mark.parametrize("name", PATIENTS_ONLY)
def test_healthy_volunteers_yes_beside_criteria_met_but_not_a_condition_named_alone(name):
    criterion, fires = PATIENTS_ONLY[name]
    criteria = harness.legacy_bulleted_criteria("Age 18 years or older", criterion, "Signed informed consent")
    assert bool(list(study_patients_only_findings("NCT0", criteria, True))) is fires
