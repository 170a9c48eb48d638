"""One reading of a condition each participant must have (`criteria_required_conditions.condition_of_each`), as both
healthy-volunteer rules use it: contradictions.healthy_volunteers_yes_patients_only fires on Healthy Volunteers 'Yes'
beside it, and contradictions.criteria_healthy_volunteers_differs reads "healthy" beside it as the patients' general
health. The kinds: a history of a lasting disorder ("history of primary infertility", "A history of alcohol dependence
based on DSM IV criteria"), a disorder named bare ("Stress urinary incontinence (SUI) as evidenced by ...", "opiate
dependence"), an indication for a procedure that names its condition, patients who come to a place of care with it, a
lesion imaging or a procedure showed ("Tear of the medial meniscus on MRI"), a lesion's size, a diagnosis after the
manual that defines it, treatment sought, and an illness stated as the participant's own ("Participant diagnosed with
schizophrenia"). Quiet: no history, a relative's history, an alternative without the condition, an indication that
names no condition, people who come to a place of care for a procedure or with no history, a lesion ruled out, and a
state of health shown by evidence."""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import study_patients_only_findings
from checks.criteria_sex import study_healthy_findings
from tests.checks import harness

# (inclusion criterion, whether Healthy Volunteers 'Yes' beside it alone is flagged)
PATIENTS_ONLY = {
    # NCT00325039
    "a disorder shown by evidence": ("Stress urinary incontinence (SUI) as evidenced by all of the following:", True),
    # NCT01390038
    "an indication for a procedure that names its condition": (
        "Clinical indication for total shoulder replacement due to primary diagnosis of arthritis", True),
    # NCT01851876
    "a history of infertility": ("history of primary infertility", True),
    # NCT01092702
    "a history of a dependence by the manual's criteria": (
        "A history of alcohol dependence based on DSM IV criteria as assessed by the physician", True),
    # NCT00574067
    "a history of a dependence run on": ("history of heroin dependence(meeting DSM-IV criteria of heroin dependence",
                                         True),
    # NCT00590317
    "patients presenting to the emergency department with symptoms": (
        "Patients presenting to the ED with at least one of the following", True),
    # NCT00549172
    "a tear imaging showed": ("Tear of the medial meniscus on MRI.", True),
    "a rupture an arthroscopy confirmed": ("Degenerative rupture of the medial meniscus confirmed at arthroscopy.",
                                           True),
    # NCT00475878
    "a dependence named bare": ("opiate dependence", True),
    # NCT00862745
    "an incontinence named bare": ("Urge Urinary Incontinence (subject-reported) for 3 months or more", True),
    # NCT00617201
    "treatment sought for a dependence": ("Seeking treatment for cocaine dependence", True),
    # NCT00532493
    "a diagnosis after the manual": (
        "Diagnostic and Statistical Manual of Mental Disorders (DSM)-IV diagnosis of PTSD derived from the CAPS.",
        True),
    # NCT01077050
    "a lesion's size": ("Lesion \u2265 2 mm in diameter and \u2264 20 mm in diameter", True),
    "no history of a dependence": ("No history of alcohol dependence", False),
    "a relative's history": ("History of migraine in a first-degree relative", False),
    "a family history": ("Family history of alcohol dependence", False),
    "an alternative without the condition": ("Stress urinary incontinence or no urinary symptoms at all", False),
    "a history as one of two alternatives": ("History of alcohol dependence or no lifetime alcohol use", False),
    "an indication that names no condition": ("Clinical indication for colonoscopy", False),
    "patients presenting for a procedure": ("Patients presenting to the ED for procedural sedation", False),
    "patients presenting with no history": ("Patients presenting to the clinic with no history of asthma", False),
    "a tear ruled out": ("No tear of the medial meniscus on MRI", False),
    "good health shown by evidence": ("Good general health as evidenced by medical history", False),
    "a dependence's treatment as a topic": ("Dependence treatment programmes in the region", False),
}

# (healthy people the criteria admit, the criterion beside them, whether Healthy Volunteers 'No' is flagged)
HEALTHY_DIFFERS = {
    # NCT00128401
    "medically healthy beside a diagnosis stated of the subjects": (
        "Subjects medically healthy", "Subjects diagnosed with DSM IV symptoms of social phobia", False),
    # NCT01662648
    "healthy participant beside a diagnosis stated of the participant": (
        "Participant is healthy on the basis of a physical examination and vital signs",
        "Participant diagnosed with schizophrenia", False),
    "healthy women beside a history of infertility": ("Healthy women aged 18 to 38", "history of primary infertility",
                                                      False),
    "healthy adults beside a tear imaging showed": (
        "Healthy adults aged 35 to 65", "Tear of the medial meniscus on MRI", False),
    "healthy children beside a condition confirmed": ("Healthy children age 4-17", "Chronic sinusitis confirmed by CT",
                                                      False),
    "healthy volunteers beside a history of infertility": (
        "Healthy volunteers aged 18 to 38", "history of primary infertility", True),
    "healthy adults beside a relative's history": (
        "Healthy adults aged 18 to 65", "History of migraine in a first-degree relative", True),
    "healthy adults beside no history": ("Healthy adults aged 18 to 65", "No history of alcohol dependence", True),
    "healthy adults beside an alternative without the condition": (
        "Healthy adults aged 18 to 65", "Type 2 diabetes or normal glucose tolerance", True),
}


@pytest.mark.parametrize("name", PATIENTS_ONLY)
def test_healthy_volunteers_yes_beside_a_condition_of_each(name):
    criterion, fires = PATIENTS_ONLY[name]
    criteria = harness.legacy_bulleted_criteria("Age 18 years or older", criterion, "Signed informed consent")
    assert bool(list(study_patients_only_findings("NCT0", criteria, True))) is fires


@pytest.mark.parametrize("name", HEALTHY_DIFFERS)
def test_healthy_beside_a_condition_of_each_is_the_patients_general_health(name):
    healthy, criterion, fires = HEALTHY_DIFFERS[name]
    criteria = harness.legacy_bulleted_criteria(healthy, criterion, "Signed informed consent")
    assert bool(list(study_healthy_findings("NCT0", criteria, False))) is fires
