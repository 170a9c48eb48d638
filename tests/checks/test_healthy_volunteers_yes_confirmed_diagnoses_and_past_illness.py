"""contradictions.healthy_volunteers_yes_patients_only on an illness stated as the participant's own without "patients
with": a diagnosis after any qualifier of it, an illness confirmed by a test, a positive test for an infection, a
named disorder standing alone, recovery from an illness, a stay in hospital for it, its survivors, its signs and a
symptom after it. Quiet: someone else's illness, a negative or pending test, a test or vaccination without a result,
an illness after a preposition ("tested for", "isolating due to"), an alternative without the illness, and criteria
or records that admit others (contacts, people without the illness, the patients' infants, professionals caring for
them, a cohort of its own).
"""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import study_patients_only_findings
from tests.checks.cases_criteria_sex import JSON, XML, listed

FIRES = [
    "Recent diagnosis of anterior uveitis",
    "Physician diagnosis of chronic obstructive pulmonary disease for at least one year",
    "Laboratory-confirmed influenza infection",
    "Laboratory or clinically confirmed positive SARS-CoV-2 RT-PCR test within 5 days",
    "Confirmed or suspected COVID-19",
    "Have confirmed COVID-19 pneumonia",
    "Culture-proven urinary tract infection",
    "SARS-CoV-2 RT-PCR positivity",
    "Nasopharyngeal swab positive for SARS-CoV-2",
    "Influenza test results to be positive",
    "Positive for polymerase chain reaction (PCR) SARS-CoV-2",
    "Alcohol use disorder",
    "Active tuberculosis infection confirmed by sputum culture",
    "Chronic low back pain lasting at least 3 months",
    "Recovered from COVID-19 infection",
    "Previous influenza hospitalization",
    "Hospitalized for community-acquired pneumonia",
    "Sepsis survivors after discharge from intensive care",
    "Clinical signs of acute bronchiolitis",
    "Fatigue following COVID-19 infection",
]

QUIET = [
    "No diagnosis of diabetes",
    "Parental diagnosis of asthma",
    "Confirmed negative SARS-CoV-2 PCR test",
    "Documented COVID-19 vaccination",
    "Tested for COVID-19 in the last week",
    "Currently isolating due to COVID-19",
    "Born from COVID-19 positive mothers",
    "Have interacted with a COVID-19 positive individual",
    "If confirmed case of COVID-19: a positive RT-PCR",
    "Positive or negative COVID-19 test result",
    "COVID-19 test positive or negative",
    "Influenza vaccine received this season",
    "Positive SARS-CoV-2 antibody test after vaccination",
    "Coeliac disease or normal small bowel biopsy",
    "Cardiovascular disease risk factors",
    "Positive pregnancy test",
]


def _fires(criteria: str, described: tuple[str, ...] = (), purpose: str = "TREATMENT") -> bool:
    return bool(list(study_patients_only_findings("NCT0", criteria, True, described, purpose)))


@pytest.mark.parametrize("layout", (JSON, XML))
@pytest.mark.parametrize("item", FIRES, ids=[item[:50] for item in FIRES])
def test_an_illness_confirmed_tested_named_or_recovered_from_fires(item, layout):
    assert _fires(listed("Age 18 years or older", item, layout=layout)), item


@pytest.mark.parametrize("item", QUIET, ids=[item[:50] for item in QUIET])
def test_someone_elses_illness_a_negative_test_or_an_alternative_stays_quiet(item):
    assert not _fires(listed("Age 18 years or older", item)), item


OTHERS_ADMITTED = [
    listed("COVID-19 PCR positive", "COVID-19 PCR negative", "COVID-19 PCR pending"),
    listed("Positive cohort only: a positive COVID-19 test in the last 5 days"),
    listed("A recent diagnosis of COVID-19 proven by PCR (for groups 1 and 2)"),
    listed("If contact case: people identified as a risk contact", "Laboratory confirmed COVID-19"),
    listed("Laboratory confirmed COVID-19", "Known exposure to a COVID-19 case"),
    "Inclusion criteria (residents):\n* Be diagnosed with urinary incontinence\n\nInclusion criteria "
    "(professionals):\n* Caring for older people with incontinence\n\nExclusion Criteria:\n* Coma",
]


@pytest.mark.parametrize("criteria", OTHERS_ADMITTED, ids=range(len(OTHERS_ADMITTED)))
def test_criteria_that_admit_the_untested_a_cohort_contacts_or_carers_stay_quiet(criteria):
    assert not _fires(criteria)


OTHERS_DESCRIBED = [
    "Pregnant women without COVID-19 infection",
    "Participants without heart disease",
    "Adults who tested positive or have been in close contact with someone known to be positive",
    "50 lactating parents with COVID-19, and their infants",
    "Asymptomatic women (positive or negative serology)",
    "Pharmacokinetics in Subjects With Normal and Impaired Hepatic Function",
]


@pytest.mark.parametrize("described", OTHERS_DESCRIBED, ids=[text[:40] for text in OTHERS_DESCRIBED])
def test_a_record_that_describes_people_without_the_illness_stays_quiet(described):
    criteria = listed("Laboratory confirmed COVID-19")
    assert _fires(criteria)
    assert not _fires(criteria, (described,))


def test_a_negative_test_for_another_infection_keeps_the_finding():
    assert _fires(listed("Chronic hepatitis C infection", "HIV negative"))
    assert not _fires(listed("Positive SARS-CoV-2 PCR", "Negative SARS-CoV-2 PCR"))


def test_a_named_disorder_in_a_prevention_study_stays_quiet():
    assert not _fires(listed("Alcohol use disorder"), purpose="PREVENTION")


def test_a_diagnosis_under_a_groups_inclusion_criteria_heading_stays_quiet():
    grouped = ("Inclusion Criteria:\n\n\\- Group 1 inclusion criteria.\n\n* Individuals naive to beekeeping\n"
               "* No history of anaphylaxis to stings. Group 2 inclusion criteria.\n"
               "* Beekeepers with diagnosis of anaphylaxis to bee venom\n\nExclusion Criteria:\n\n* Pregnancy")
    assert not _fires(grouped)
    assert _fires(listed("Beekeepers with diagnosis of anaphylaxis to bee venom"))
