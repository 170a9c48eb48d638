"""Phrases of three criteria rules: a list number glued to the full stop before it and to its criterion ("... in the
study.4.History of psychosis") is there (contradictions.criteria_numbering_gap); "healthy" beside a criterion that
requires a lesion of a given size, a condition's adjective, a diagnosis named after the DSM or treatment sought for a
condition is a patient's general health (contradictions.criteria_healthy_volunteers_differs); the same criterion in
two lists, the second below a group's count run on into the list before ("... High-risk group (n= 10)" then "1."),
is each group's (contradictions.duplicate_criterion)."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_sex import study_healthy_findings
from tests.checks import harness

EXCLUSION = "Exclusion Criteria:\n\n1. Age under 18\n\n2. Pregnant\n\n"

# (name, criteria text, the numbering gap rule's messages)
GAP_CASES = {
    # NCT00601523
    "a number glued after a full stop": (
        EXCLUSION + "3. Any disorder that puts the patient at risk if he takes part in the study.4.History of "
        "psychosis.\n\n5. Clinically significant ECG\n", []),
    "two-digit number glued after a full stop": (
        EXCLUSION + "3. Asthma\n4. Gout\n5. Lupus\n6. Gastritis\n7. Migraine\n8. Acne\n9. Anaemia needing care.10.Any "
        "cancer.\n\n11. Clinically significant ECG\n", []),
    "no number before the criterion": (
        EXCLUSION + "3. Any disorder that puts the patient at risk if he takes part in the study. History of "
        "psychosis.\n\n5. Clinically significant ECG\n",
        ["The numbered exclusion criteria jump to 5, so criterion 4 is missing."]),
    "a decimal after a full stop, not a list number": (
        EXCLUSION + "3. Any disorder that puts the patient at risk.4.5 Points on the scale.\n\n5. Clinically "
        "significant ECG\n", ["The numbered exclusion criteria jump to 5, so criterion 4 is missing."]),
}


def listed(*items: str) -> str:
    """Criteria as legacy records write them: a dashed inclusion list with the items, then an exclusion list."""
    body = "\n\n".join(f"  -  {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  -  Known hypersensitivity to the study drug"


HEALTHY_QUIET = [
    # NCT00825916
    listed("keloid scar between 1 and 3 cm long, less than 1 cm at its widest point",
           "willing to undergo keloid scar removal surgery", "healthy adult male or non-pregnant female"),
    listed("Venous leg ulcer of at least 2 cm in diameter", "Healthy adults aged 40-80"),
    # NCT00715676
    listed("Postmenopausal female subjects", "Body Mass Index of 18 to 35", "Osteopenic", "Generally healthy"),
    listed("Hypertensive", "Healthy as determined by medical history"),
    # NCT01048944
    listed("Diagnostic and Statistical Manual of the American Psychiatric Association (DSM-IV)\n     diagnosis of "
           "nicotine dependence", "Medically healthy on the basis of physical examination and medical history"),
    listed("Smokes at least 10 cigarettes per day", "Currently seeking treatment for nicotine dependence",
           "Medically healthy on the basis of physical examination"),
]
HEALTHY_FIRES = [
    listed("No scar of more than 1 cm on the forearm", "healthy adult male or non-pregnant female"),
    listed("non-diabetic", "Body Mass Index in the range of 18-35", "healthy adult male or non-pregnant female"),
    listed("Healthy adult male or female", "Body Mass Index of 18 to 30", "Non-smoker", "Informed consent"),
    listed("Smokes at least 10 cigarettes per day", "Medically healthy on the basis of physical examination"),
    listed("Willing to undergo two skin biopsies", "Generally healthy"),
    listed("Osteopenic", "Healthy volunteers aged 50-70"),
]


def named(text: str) -> str:
    """A case's name: the start of its first two criteria."""
    return " | ".join(part.strip()[:28] for part in text.split("-  ")[1:3])


GROUP_LISTS = ("Inclusion Criteria:\n\n  -  1. Inclusion Criteria Nondiabetic controls High-risk (n=5)\n\n"
               "       1. Completed visit 6yr f/u CACTI Trial\n\n       2. No history of previous MI, "
               "revascularization or angina\n\n       3. CAC > 100\n\n       4. Stratified random sample to reflect "
               "age-sex- distribution of the high risk\n          diabetic group T1Diabetic subjects High-risk group "
               "(n= 10)\n\n       1. Completed visit 6yr f/u CACTI Trial\n\n       2. No history of previous MI, "
               "revascularization or angina\n\n       3. CAC > 100\n\n       4. preferably MPR of > 1.5 T1Diabetic "
               "subjects Lower-risk group (n= 10)\n\n       1. Completed visit 1.A and 1.B CACTI Trial\n\n"
               "       2. No history of previous MI, revascularization or angina\n\n       3. CAC < 100\n\n"
               "Exclusion Criteria:\n\n  1. Pregnant\n\n  2. Claustrophobia\n")
ONE_LIST_TWICE = ("Inclusion Criteria:\n\n1. Completed the six-year visit of the parent trial\n\n2. No history of "
                  "previous MI, revascularization or angina\n\n3. Coronary calcium score above 100\n\n4. Stratified "
                  "random sample to reflect the age and sex of the high risk group\n\n1. Completed the six-year visit "
                  "of the parent trial\n\n2. No history of previous MI, revascularization or angina\n\n"
                  "Exclusion Criteria:\n\n1. Pregnant\n")
# (name, criteria text, how many duplicate findings)
DUPLICATE_CASES = {
    # NCT01019486
    "each group's list below its count": (GROUP_LISTS, 0),
    "one list written twice": (ONE_LIST_TWICE, 1),
    "a count inside a criterion, not above a list": (
        ONE_LIST_TWICE.replace("high risk group\n", "high risk group (n= 10) at visit 4\n"), 1),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of GAP_CASES."""
    texts = {name: text for name, (text, _) in GAP_CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, texts)


@pytest.fixture(scope="module")
def duplicate_messages() -> dict[str, list[str]]:
    """The duplicate criterion rule's messages for every text of DUPLICATE_CASES."""
    texts = {name: text for name, (text, _) in DUPLICATE_CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion, texts)


@pytest.mark.parametrize("name", GAP_CASES)
def test_a_number_glued_after_a_full_stop_is_read(gap_messages, name):
    assert gap_messages[name] == GAP_CASES[name][1]


@pytest.mark.parametrize("criteria", HEALTHY_QUIET, ids=named)
def test_healthy_beside_a_lesion_an_adjective_a_dsm_diagnosis_or_treatment_sought_is_general_health(criteria):
    assert list(study_healthy_findings("NCT0", criteria, False)) == []


@pytest.mark.parametrize("criteria", HEALTHY_FIRES, ids=named)
def test_healthy_beside_what_healthy_people_meet_still_fires(criteria):
    [found] = study_healthy_findings("NCT0", criteria, False)
    assert "healthy" in found.message.lower()


@pytest.mark.parametrize("name", DUPLICATE_CASES)
def test_the_same_criterion_in_each_counted_groups_list_is_no_duplicate(duplicate_messages, name):
    assert len(duplicate_messages[name]) == DUPLICATE_CASES[name][1]
