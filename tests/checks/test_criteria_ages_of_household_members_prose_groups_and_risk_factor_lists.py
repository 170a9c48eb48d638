"""Phrases of contradictions.criteria_age_differs: an age said of another person than the participants (a member of
their household, people counted among others: "at least one person <18 years of age", "with at least a cohabitant
aged between 4 and 16"), an age of one of two groups that prose sentences admit ("Health system participants will be
eligible if ... Patient participants will be eligible if ... age 50 years or older"), and an age among a list's items
that a lead-in or a later sentence offers as alternatives ("Risk factors:", "who may not fit into the above inclusion
criteria") are no limit for everyone; the participants' own age that differs still is, in a list of required
items too."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings
from tests.checks import harness


def bulleted(*items: str) -> str:
    """Legacy-bulleted criteria of `items` (tests.checks.harness)."""
    return harness.legacy_bulleted_criteria(*items, exclusion="Pregnancy")


def numbered(*items: str) -> str:
    """Criteria as legacy records write them: a numbered inclusion list, then an exclusion list."""
    body = "\n\n".join(f"  {n}. {item}" for n, item in enumerate(items, 1))
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  1. Pregnancy"


def prose(*sentences: str) -> str:
    """Inclusion criteria written as paragraphs, one sentence or more each."""
    body = "\n\n".join(sentences)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\nPregnancy."


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


RISK_FACTORS = ("Residents in a nursing home or long-term care facility", "Chronic lung disease", "Cancer",
                "Hypertension", "Obesity (BMI greater than or equal to 30 kg/m^2)")

# (criteria text, minimum age, maximum age): the participants' own age, which the record's ages do not give.
FIRES = [
    (bulleted("Adults aged 18-65 years", "Diagnosis of moderate asthma"), "12 Years", None),
    (bulleted("At least 18 years of age", "Living in a household with at least one child"), "16 Years", None),
    (bulleted("Participants aged 65 or older", *RISK_FACTORS), "18 Years", None),
    (bulleted("Household contacts aged 12 years or older of a confirmed case", "Willing to take the study drug"),
     "2 Years", None),
    (bulleted("Women aged 20-45 years who have at least one child", "Able to read English"), "18 Years", None),
    # another person's age apart from the participants' ("at least one person aged 70" beside "aged 18-60")
    (bulleted("Adults aged 18-60 years", "Adults who care for a relative with dementia at home and share it with at "
              "least one person aged 70 years or older"), "18 Years", None),
    (prose("Participants will be eligible if they have type 2 diabetes; age 40 to 75 years; and speak English."),
     "18 Years", None),
    (prose("Patients will be eligible if they have type 2 diabetes; age 40 to 75 years.",
           "Subjects will be included if they can attend the clinic."), "18 Years", None),
    (f"Inclusion Criteria:\n\n  All of the following risk factors:\n\n    -  Age greater than or equal to 65\n\n"
     f"    -  Hypertension\n\nExclusion Criteria:\n\n  -  Pregnancy", "18 Years", None),
    (bulleted("Age greater than or equal to 65", *RISK_FACTORS, "Participants must meet all of the above criteria"),
     "18 Years", None),
]

# (criteria text, minimum age, maximum age): the age is another person's, one group's, or one option's.
QUIET = [
    # a household's criteria: its members' ages
    (bulleted("household with one or more members registered as patient(s) in the University Hospital",
              "at least one person <18 years of age", "at least one household member who has or had an infection",
              "informed consent"), None, None),
    (bulleted("At least one adult aged 18 years or older present",
              "Adult is a usual resident who slept in the sampled household on the night before the survey"),
     None, None),
    (bulleted("Households with two or more members aged 65 years or older", "Informed consent"), None, None),
    (bulleted("Living with a household member aged 70 years or older", "Able to use a telephone"), "18 Years",
     None),
    (bulleted("One or more children under 5 years of age in the home", "Owns a mobile phone"), "18 Years", None),
    # children and the adults they live with, each item its own group: the cohabitant's age is the children's
    (numbered("Children and young adults aged between 4 and 16 years old with at least a Sars-Cov-2 positive\n"
              "     cohabitant",
              "Adults who previously tested positive to SARS-CoV-2 with at least a cohabitant aged\n"
              "     between 4 and 16 y.o."), "4 Years", "99 Years"),
    (bulleted("Children aged 2 to 11 years", "Adults living with at least one child aged 2 to 11 years"),
     "2 Years", None),
    # two groups admitted in prose
    (prose("Health system participants will be eligible if they are employed by one of our partnered healthcare\n"
           "systems.",
           "Patient participants will be eligible if they have had a primary care visit during the past\n"
           "24 months; age 50 years or older; speaks English; and accessible by phone."), "18 Years", None),
    (prose("Caregivers will be eligible if they provide care at home for at least 10 hours a week.",
           "Patients are eligible if they are diagnosed with dementia; aged 65 or older."), "18 Years", None),
    # an age among alternatives: the list's lead-in, or a sentence after it
    (bulleted("Age greater than or equal to 65", *RISK_FACTORS).replace(
        "\n\nExclusion", "\n\nWe are also interested in including a vital population to protect, considered"
        "\nessential workers who may not fit into the above inclusion criteria:\n\n  -  Health care professionals"
        " and firefighters.\n\nExclusion"), "18 Years", None),
    (bulleted("Age 60 years or older", "Diabetes", "Chronic kidney disease",
              "Patients must present at least one of the above risk factors"), "18 Years", None),
    (f"Inclusion Criteria:\n\n  Risk factors for severe disease:\n\n    -  Age greater than or equal to 65\n\n"
     f"    -  Hypertension\n\n    -  Diabetes\n\nExclusion Criteria:\n\n  -  Pregnancy", "18 Years", None),
    (f"Inclusion Criteria:\n\n  -  Positive test for SARS-CoV-2\n\n  -  At high risk of severe COVID-19, defined "
     f"as:\n\n       -  Age 65 years or older\n\n       -  Obesity\n\nExclusion Criteria:\n\n  -  Pregnancy",
     "18 Years", None),
    (f"Inclusion Criteria:\n\n  Presence of any of these:\n\n    -  Age over 70 years\n\n    -  Heart failure\n\n"
     f"Exclusion Criteria:\n\n  -  Pregnancy", "18 Years", None),
    # a parent's child (read before: a child the participant has)
    (numbered("Must be willing to consent", "Has a child between the ages of 5-13 years who has been diagnosed "
              "with ASD"), "18 Years", None),
]


def _case_id(case: tuple) -> str:
    text, minimum, maximum = case
    body = " ".join(text.split("Exclusion Criteria")[0].split()[2:])
    return f"{body[:90]} ({minimum} to {maximum})"


@pytest.mark.parametrize("case", FIRES, ids=[_case_id(c) for c in FIRES])
def test_the_participants_own_age_that_differs_fires(case):
    assert _fires(*case)


@pytest.mark.parametrize("case", QUIET, ids=[_case_id(c) for c in QUIET])
def test_another_persons_one_groups_or_one_options_age_stays_quiet(case):
    assert not _fires(*case)
