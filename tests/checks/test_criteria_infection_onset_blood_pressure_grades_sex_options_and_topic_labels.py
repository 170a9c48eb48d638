"""Criteria phrases read by the healthy-volunteer and sex rules, and an exclusion heading inside an inclusion item.

- criteria_healthy_volunteers_differs: "healthy adult nonsmokers" beside "onset of acute, viral upper respiratory
  tract infection (common cold) within 72 hours" (NCT02062710), and "Healthy adult male and females" beside "Category
  2--Grade 1 hypertensive SBP 140-159" (NCT01405898), are patients in good general health. Healthy volunteers beside
  them, a denied infection and a blood pressure with no grade still fire.
- criteria_sex_differs: "Female Sex" as one of the options below "Patient must have 1 FACTOR to qualify" (NCT00659737)
  admits nobody by sex; "Males <85 years of age" stays everyone's statement below labels of a topic or a condition
  ("- After primary radiotherapy:", "- Serum PSA levels:", "Miscellaneous:", NCT00558363), while a group's label
  ("Cohort A:", "Healthy volunteers:") still makes it one group's.
- An indented "Exclusion Criteria:" inside an inclusion item, above the inclusion list's next numbers and a second
  "Exclusion Criteria:" at the margin (NCT04280705), opens no section: the inclusion list reads through it.
"""
from __future__ import annotations

import pytest

from checks.criteria_sections import sections
from checks.criteria_sex import study_healthy_findings, study_sex_findings


def legacy(*items: str, exclusion: str = "Prior pelvic radiotherapy") -> str:
    """A legacy XML record's hard-wrapped, indented dash list, then an exclusion list."""
    body = "\n\n".join(f"          -  {item}" for item in items)
    return f"\n        Inclusion Criteria:\n\n{body}\n\n        Exclusion Criteria:\n\n          -  {exclusion}\n      "


_COLD = ("onset of acute, viral upper respiratory tract infection (common cold) within 72\n"
         "             hours of enrollment")
_GRADE = "Category 2--\u2010Grade 1 hypertensive SBP 140--\u2010159 or DBP 90--\u201099 on no antihypertensives"
# (criteria, whether criteria_healthy_volunteers_differs fires against Healthy Volunteers 'No')
HEALTHY = [
    (legacy("healthy adult nonsmokers", _COLD), False),
    (legacy("Healthy adult male and females between 18 and 85 years of age, inclusive.",
            "Body mass index (BMI) between 18 and 40 kg/m2", _GRADE), False),
    (legacy("Healthy adult male and females aged 18 to 85", "Stage 1 hypertension, untreated"), False),
    (legacy("healthy adult volunteers", _COLD), True),
    (legacy("healthy adult nonsmokers", "no upper respiratory tract infection within 72 hours"), True),
    (legacy("Healthy adult male and females aged 18 to 85", "Systolic blood pressure 130-139 mmHg"), True),
]


@pytest.mark.parametrize("criteria, fires", HEALTHY, ids=[f"{i}-{c.split('-  ')[2][:30]}" for i, (c, _) in
                                                                  enumerate(HEALTHY)])
def test_healthy_adults_beside_an_infections_onset_or_a_blood_pressure_grade(criteria, fires):
    assert bool(list(study_healthy_findings("NCT0", criteria, False))) is fires


_APFEL = ("Patient must have 1 FACTOR to qualify\n\n               -  Female Sex\n\n               -  History of PONV"
          "\n\n               -  Motion Sickness\n\n               -  Non-Smoker")
_PSA = ("Patients with asymptomatic PSA failure following radical therapy. PSA failure is defined as:\n\n"
        "          -  After primary radiotherapy:\n\n          -  3 rises in PSA levels from nadir PSA\n\n"
        "          -  Serum PSA levels:\n\n          -  \u22652 ng/mL and \u226420ng/mL\n\n        Miscellaneous:\n\n"
        "          -  Able to swallow and retain oral medication")
_FEMALE_ONLY = "The inclusion criteria admit female participants only, which disagrees with the record's Sex 'ALL'."
_MALE_ONLY = "The inclusion criteria admit male participants only, which disagrees with the record's Sex 'ALL'."
# (criteria, the sex rule's messages against Sex 'ALL')
SEX = [
    (legacy("Patient must be between 18 and 65 years of age.", _APFEL), []),
    (legacy("Patient must be between 18 and 65 years of age.", _APFEL.replace("1 FACTOR to qualify", "all of these:")),
     [_FEMALE_ONLY]),
    (legacy("Males <85 years of age", _PSA), [_MALE_ONLY]),
    (legacy("Males <85 years of age", _PSA.replace("After primary radiotherapy:", "Cohort A:")), []),
    (legacy("Males <85 years of age", _PSA.replace("Miscellaneous:", "Healthy volunteers:")), []),
]


@pytest.mark.parametrize("criteria, messages", SEX,
                         ids=[f"{i}-{c.split('-  ')[1][:20]}" for i, (c, _) in enumerate(SEX)])
def test_a_sex_among_options_and_a_sex_below_labels_of_a_topic(criteria, messages):
    assert [f.message for f in study_sex_findings("NCT0", criteria, "ALL", False)] == messages


_ITEM_FIVE = ("5. Has laboratory-confirmed SARS-CoV-2 infection, as documented by either of the following:\n\n"
              "   1. PCR positive in sample collected < 72 hours prior to randomization; OR\n\n")
_AFTER = ("   2. PCR positive in sample collected >/= 72 hours prior to randomization.\n6. Illness of any duration.\n"
          "7. Women of childbearing potential must agree to contraception.\n\n")
# (criteria, the names of its sections)
HEADINGS = [
    ("Inclusion Criteria:\n\n1. Admitted to a hospital.\n" + _ITEM_FIVE + "      Exclusion Criteria:\n" + _AFTER
     + "Exclusion Criteria:\n\n1. ALT > 5 times the upper limit of normal.", ["inclusion", "exclusion"]),
    ("Inclusion Criteria:\n\n1. Admitted to a hospital.\n" + _ITEM_FIVE + "Exclusion Criteria:\n" + _AFTER
     + "Exclusion Criteria:\n\n1. ALT > 5 times the upper limit of normal.", ["inclusion", "exclusion", "exclusion"]),
    ("Inclusion Criteria:\n\n1. Admitted to a hospital.\n" + _ITEM_FIVE + "      Exclusion Criteria:\n" + _AFTER,
     ["inclusion", "exclusion"]),
    ("  Part A\n  Inclusion Criteria:\n  1. Adults\n    Exclusion Criteria:\n  1. Pregnancy\nInclusion Criteria:\n"
     "1. Children\nExclusion Criteria:\n1. Asthma", ["criteria", "inclusion", "exclusion", "inclusion", "exclusion"]),
]


@pytest.mark.parametrize("criteria, names", HEADINGS, ids=range(len(HEADINGS)))
def test_an_exclusion_heading_inside_an_inclusion_item(criteria, names):
    assert [s.name for s in sections(criteria)] == names
