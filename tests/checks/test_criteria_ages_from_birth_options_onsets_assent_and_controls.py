"""Phrases of contradictions.criteria_age_differs: ages in legacy records that are no limit for everyone.

A lower age of 0 beside a minimum of the first day of life, ages in hours written "h", a patients' age beside a
control group or relatives named by another criterion, a healthy group's age with a qualifier before it or patients
named after it, a PDQ age qualified in brackets or followed by an alternative after "OR", a lower age some people
"can be", an age from which assent is asked, an age of the people "excluded", an age at onset, a term infant's weeks
of gestation and an age among a list's options ("at least 3 risk factors"). Each wording fires where the age is one
limit for everyone that the record's ages contradict.
"""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"


def legacy(*items: str, heading: str = "INCLUSION CRITERIA:") -> str:
    """Criteria as legacy XML records of the NIH Clinical Center write them: paragraphs under upper-case headings."""
    return f"{heading}\n\n" + "\n\n".join(items) + "\n\nEXCLUSION CRITERIA:\n\nPregnancy."


def pdq(age: str) -> str:
    """A legacy record's PDQ block with the "Age:" value written as a bullet under its label."""
    return (f"DISEASE CHARACTERISTICS:\n  - Relapsed non-Hodgkin's lymphoma\n\nPATIENT CHARACTERISTICS:\n\nAge:\n\n"
            f"  - {age}\n\nPerformance status:\n\n  - ECOG 0-2\n\nLife expectancy:\n\n  - Not specified")


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


_BIRTH_LIST = ("Inclusion Criteria\n\nA child may be eligible for this study if he/she:\n\n  -  Is 0 - 18 years "
               "old.\n\n  -  Is healthy.\n\nExclusion Criteria\n\n  -  Is pregnant.")
_TURNER = ("Patients will include girls and women ages 5-50 yr with the diagnosis of Turner syndrome\nbased on absence "
           "of all or part of one of the X chromosomes.")
_COUNTRIES = ("Inclusion Criteria\n\nPatients may be eligible for this study if they:\n\n  -  Are at least 18 years "
              "old. Patients living in USA, Puerto Rico, Australia, Brazil,\n     Singapore, and Thailand can be at "
              "least 12 years old (need consent of parent or\n     guardian if under 18).\n\n  -  Have a viral load of "
              "at least 2,000 copies/ml.\n\nExclusion Criteria\n\n  -  Are pregnant.")
_PARAPLEGIA = ("Inclusion Criteria:\n\n  -  post-pubescent (age 14 or older) onset of paraplegia,\n\n  -  at least 5 "
               "years duration with spinal cord injury, current age between 19 and 75,\n\nExclusion Criteria:\n\n"
               "  -  hospitalization within the last month")
_RISK_FACTORS = ("Inclusion Criteria:\n\nPatients with at least 3 risk factors for postoperative lung edema\n\n"
                 "  -  age > 60 yrs\n\n  -  history of chronic alcohol consumption (>60g/day)\n\n  -  prior radiation "
                 "or chemotherapy\n\nExclusion Criteria:\n\n  -  pneumonectomy")

# (criteria text, minimum age, maximum age): each fired before; none states one age limit that differs.
QUIET = [
    # a lower age of 0 and a minimum of the first day of life both say "from birth"
    (_BIRTH_LIST, "1 Day", "18 Years"),
    (listed("Age 0-17 years"), "24 Hours", "17 Years"),
    (listed("Aged 0 to 12 weeks"), "1 Day", "12 Weeks"),
    # "h" is hours
    (listed("prematurity (birth weight 500 - 1500 g)", "postnatal age <= 72 h"), "5 Hours", "3 Days"),
    (listed("Age < 48 h at randomisation"), "0 Days", "2 Days"),
    (listed("Postnatal age 6-72 h"), "6 Hours", "72 Hours"),
    # the patients' age, while another criterion names a control group or relatives who may take part
    (legacy(_TURNER, "Control subjects must be within +/- 2SD for height and weight.",
            "Biological parents (both male and female) of TS subjects may be included in this study."), "N/A", "N/A"),
    (legacy("Patients aged 18-55 years with a diagnosis of schizophrenia.",
            "Age-matched control subjects with no psychiatric history."), "N/A", "N/A"),
    (listed("Patients aged 6-17 years diagnosed with ADHD", "Siblings of the patients may also be included"),
     "N/A", "N/A"),
    (listed("Patients 18 years or older", "Three subjects who are normal volunteers below age 40 will be recruited"),
     "N/A", "N/A"),
    # a parent held to a criterion beside the participant takes part too
    (listed("Subjects must be between the ages of 11 and 21 years",
            "The adolescent and mother must be able to provide informed consent"), "N/A", "N/A"),
    (listed("Aged 8 to 12 years", "Children and their parents must speak English"), "6 Years", "12 Years"),
    # a healthy group's age with a qualifier before it, or with patients named after it
    (legacy("Right handed normal volunteers (18-65 years old).", "Patients with Parkinson's disease off medication.",
            "Patients with cerebellar deficits.", heading="INCLUSION CRITERIA"), "N/A", "N/A"),
    (listed("Age-matched healthy controls aged 50-80 years", "Patients with Parkinson's disease"), "30 Years", None),
    (legacy("Healthy males and females between 20-100 years old and volunteers with AD.",
            "AD volunteers must meet the NINCDS-ADRDA criteria."), "N/A", "N/A"),
    # a PDQ age that a bracket stretches for some
    (pdq("15 to 60 (physically fit patients up to age 70 may be considered)"), "15 Years", "70 Years"),
    (pdq("15 to 60 (selected patients up to age 70 may be eligible)"), "15 Years", "70 Years"),
    (pdq("18 to 65 (patients over 65 considered case by case)"), "18 Years", "75 Years"),
    # an alternative to the age after "OR"
    ("PATIENT CHARACTERISTICS: Age: 65 and over OR Postmenopausal and ineligible/inappropriate\nfor or declined other "
     "active node positive adjuvant studies Sex: Female Performance status: Not specified", "N/A", "N/A"),
    (listed("Aged 60 years or older, or younger with two of the risk factors below"), "18 Years", None),
    (legacy("Age 18-70 years or postmenopausal.", "Biopsy-proven breast cancer."), "N/A", "N/A"),
    # a lower age some participants "can be", in another sentence or criterion
    (_COUNTRIES, "12 Years", "N/A"),
    (listed("Age ≥ 18 years. Subjects at US sites may be as young as 16 years."), "16 Years", None),
    (listed("Aged 18 years or older", "In Germany, participants can be enrolled from 16 years of age"),
     "16 Years", None),
    (listed("Males and females, ages 18 and over", "On rare occasions we may study children as young as 10 years"),
     "10 Years", None),
    # the age from which assent is asked
    (legacy("Diagnosis of sarcoma.", "Must be able to understand and sign consent. Written assent will be obtained "
            "from all minors\nage 12 years or older.", heading="- INCLUSION CRITERIA:"), "7 Years", "N/A"),
    (listed("Assent will be sought from children aged 7 years and older"), "2 Years", "17 Years"),
    (listed("Verbal assent of children 6 years and older"), "3 Years", "12 Years"),
    # the age of the people left out
    ("- INCLUSION CRITERIA:\n\n  1. Corneal and external diseases.\n\n  3. Infants under the age of 2 years are "
     "excluded. Children greater than or equal to\n     age of 2 years willing to provide assent are eligible to "
     "participate.\n\nEXCLUSION CRITERIA:\n\n  1. Unwilling to cooperate.", "2 Years", "N/A"),
    (listed("Children younger than 5 years will be excluded"), "5 Years", None),
    (listed("Patients under 18 years of age are not eligible"), "18 Years", None),
    # an age at onset, the event right after it
    (_PARAPLEGIA, "19 Years", "75 Years"),
    (listed("Adult (≥ 18 years) onset of asthma"), "12 Years", None),
    (listed("Post-pubertal (age 16 or older) onset of psychosis"), "12 Years", None),
    # a term infant's or a pregnancy's weeks
    (listed("Term infant (>= 37 weeks by 1st or second trimester sonogram),", "In utero opiate exposure"),
     "N/A", "1 Day"),
    (listed("Full-term infants (37 to 42 weeks)"), None, "28 Days"),
    (listed("Infants (≥ 35 weeks by first trimester ultrasound)"), None, "28 Days"),
    # an age among options, some of which each participant meets
    (_RISK_FACTORS, "N/A", "N/A"),
    ("Inclusion Criteria:\n\n* At least two of the following:\n  * Age ≥ 65 years\n  * Diabetes mellitus\n"
     "  * Prior stroke\n\nExclusion Criteria:\n\n* Pregnancy", "18 Years", None),
    ("Inclusion Criteria:\n\nOne or more of the following risk factors:\n\n  -  age over 70 years\n\n  -  current "
     "smoking\n\nExclusion Criteria:\n\n  -  dementia", "N/A", "N/A"),
]

# (criteria text, minimum age, maximum age): one age limit for everyone that the record's ages contradict.
FIRES = [
    (listed("Age 0-17 years"), "28 Days", "17 Years"),
    (listed("Aged 0 to 12 weeks"), "7 Days", "12 Weeks"),
    (listed("Postnatal age ≤ 72 h"), None, "7 Days"),
    (listed("Age ≤ 48 h at randomisation"), "0 Days", "28 Days"),
    (legacy(_TURNER), "N/A", "N/A"),
    (legacy("Patients aged 18-55 years with a diagnosis of schizophrenia.",
            "Blood pressure under control."), "N/A", "N/A"),
    (legacy("Patients and healthy controls aged 18-55 years.", "Control subjects: no psychiatric history."),
     "N/A", "N/A"),
    (legacy("Healthy volunteers and patients aged 20-80 years.", "No diabetes."), "N/A", "N/A"),
    (listed("Otherwise healthy adults aged 18-65 years", "Patients with mild asthma"), "12 Years", None),
    (listed("Patients aged 18-65 years with hypertension", "Blood pressure under normal control"), "N/A", "N/A"),
    (listed("Children aged 5-12 years", "The child's parent must sign the consent form"), "2 Years", "17 Years"),
    (listed("Age 18 years or older", "Tumour as small as 1 cm"), "16 Years", None),
    (pdq("15 to 60"), "15 Years", "70 Years"),
    (pdq("15 to 60 (physically fit patients only)"), "15 Years", "70 Years"),
    ("PATIENT CHARACTERISTICS: Age: 65 and over Sex: Female Performance status: Not specified", "N/A", "N/A"),
    (listed("Age 18 years or older"), "21 Years", None),
    (listed("Aged 18 or over, male or female"), "16 Years", None),
    (listed("Aged 18 years or older", "Symptoms may be present for at least 2 years"), "16 Years", None),
    (listed("Aged 7 years and older", "Able to give assent"), "5 Years", None),
    (listed("Children younger than 5 years"), "5 Years", None),
    (listed("Age ≥ 18 years, not eligible for intensive chemotherapy"), "16 Years", None),
    (listed("Patients aged 18 to 75 years may be eligible"), "18 Years", "65 Years"),
    (listed("Age 18 years or older", "Onset of symptoms within 6 months"), "16 Years", None),
    (listed("Adults (≥ 18 years) with asthma onset in childhood"), "12 Years", None),
    (listed("Term infants aged 0-3 days"), None, "28 Days"),
    (listed("Infants (4 to 12 weeks)"), "4 Weeks", "8 Weeks"),
    ("Inclusion Criteria:\n\n  -  age > 60 yrs\n\n  -  history of chronic alcohol consumption (>60g/day)\n\n"
     "Exclusion Criteria:\n\n  -  pneumonectomy", "N/A", "N/A"),
    ("Inclusion Criteria:\n\nAll of the following:\n\n  -  age over 70 years\n\n  -  current smoking\n\n"
     "Exclusion Criteria:\n\n  -  dementia", "N/A", "N/A"),
]


@pytest.mark.parametrize("criteria, minimum, maximum", QUIET, ids=lambda v: str(v)[:40])
def test_an_age_that_is_no_limit_for_everyone_is_not_compared(criteria, minimum, maximum):
    assert not _fires(criteria, minimum, maximum)


@pytest.mark.parametrize("criteria, minimum, maximum", FIRES, ids=lambda v: str(v)[:40])
def test_one_age_limit_for_everyone_that_differs_fires(criteria, minimum, maximum):
    assert _fires(criteria, minimum, maximum)
