"""A summary or description whose own cohort is of both sexes, or of the other sex, against a Sex of one
(contradictions.description_sex_differs).

A counted cohort ("a cohort of 795 men and women", "Five hundred men and 500 women were recruited", "A total of 148
overweight women were recruited" under Sex 'MALE'), people of both sexes named as the participants' kind ("healthy
adult male and female subjects") and a brief summary's opening purpose ("To determine ... among men and women") fire
against Sex 'MALE' or 'FEMALE'. Background sentences (other studies, earlier findings), relatives of the participants,
numbers that are ages, years or percentages, men and women named without a count, and a Sex of 'ALL' stay quiet.
"""
from __future__ import annotations

import pytest

from checks.description_sex import study_description_sex_findings

BRIEF, DETAILED = "brief_summaries.description", "detailed_descriptions.description"


def _found(text: str, gender: str | None, field: str = DETAILED, **given) -> list:
    return list(study_description_sex_findings("NCT0", [(field, text)], gender, **given))


# (field, text, Sex, the words quoted): the study's own cohort of both sexes or of the other sex, against one sex.
FIRES = [
    (BRIEF, "To evaluate factors associated with cardiovascular morbidity and mortality in a cohort of 795 men and "
            "women aged 75 years or older.", "MALE", "795 men and women"),
    (DETAILED, "The study analyzes data from the INTERMAP study, a population study of 4,706 men and women ages "
               "40-59.", "MALE", "4,706 men and women"),
    (DETAILED, "The NHEFS is a prospective cohort study being conducted in 14,407 United States men and women aged 25 "
               "to 74 years.", "MALE", "14,407 United States men and women"),
    (DETAILED, "Five hundred men and 500 women were recruited from households in neighborhood blocks.", "MALE",
     "Five hundred men and 500 women"),
    (DETAILED, "One hundred and fifty (150) men and 150 women, between age 20 and age 44, took part.", "MALE",
     "One hundred and fifty (150) men and 150 women"),
    (DETAILED, "The study was renewed to re-examine the 1,429 respondents (571 men, 912 women).", "MALE",
     "571 men, 912 women"),
    (DETAILED, "The project analyzed data collected on 1,548 Black and white men and women in Edgecombe County.",
     "MALE", "1,548 Black and white men and women"),
    (DETAILED, "A total of 148 overweight women were recruited and randomized to one of three treatments.", "MALE",
     "148 overweight women"),
    (DETAILED, "This will be a randomized, 3-arm parallel trial on 60 males with erectile dysfunction.", "FEMALE",
     "60 males"),
    (DETAILED, "Risk factor data were surveyed on over 4500 girls and women.", "MALE", "4500 girls and women"),
    (DETAILED, "African American males and females (N=352, aged 21-75 years) with high normal BP took part.", "MALE",
     "males and females"),
    (DETAILED, "The study was conducted with 180 subjects divided equally between men and women.", "FEMALE",
     "divided equally between men and women"),
    (DETAILED, "Probands were ages 45-55 and equally divided between males and females.", "MALE",
     "equally divided between males and females"),
    (DETAILED, "The study evaluates the bioavailability of drug X in healthy adult male and female subjects.", "MALE",
     "male and female subjects"),
    (BRIEF, "Participation in the study will be offered to all patients, men and women, of the sleep unit.", "MALE",
     "men and women"),
    (BRIEF, "To determine the prevalence of sleep apnea among men and women and its associations.", "MALE",
     "men and women"),
    (BRIEF, "To examine the role of dietary antioxidants in atherosclerosis in both sexes.", "MALE", "both sexes"),
]

# (field, text, Sex): background, relatives, numbers that count no one, uncounted mentions, or the Sex.
QUIET = [
    (DETAILED, "Another study showed that the decline of ischemic heart disease in both white men and women has been "
               "greater.", "MALE"),
    (DETAILED, "Patients with the disease were compared to healthy men and women in earlier work.", "MALE"),
    (DETAILED, "The largest of these was an epidemiological survey involving 3,800 men and women in Gubbio, Italy.",
     "MALE"),
    (DETAILED, "Now, a study of Black Impact in 340 Black men is ongoing.", "FEMALE"),
    (DETAILED, "They established the prevalence of sleep apnea in men based on approximately 1,000 men.", "FEMALE"),
    (DETAILED, "Previously published data from 4,364 men were compared.", "FEMALE"),
    (DETAILED, "The 300 men and their wives were interviewed at home.", "MALE"),
    (DETAILED, "Mothers of the 120 boys enrolled completed a questionnaire.", "FEMALE"),
    (DETAILED, "The spouses, 200 women, answered a survey about the patients.", "MALE"),
    (DETAILED, "Early deaths were defined as before age 55 in men and before age 65 in women.", "MALE"),
    (DETAILED, "Approximately 50 percent of the sample was Black and 56 percent women.", "MALE"),
    (DETAILED, "The investigators had power to detect a relative risk of 1.45 in women alone.", "MALE"),
    (DETAILED, "In 1985 women were first admitted to the programme, which enrolled 400 men.", "MALE"),
    (DETAILED, "Lifestyle advice is intended for men and women with hypertension.", "MALE"),
    (DETAILED, "A cohort of 795 men and women aged 75 years or older was examined.", "ALL"),
    (DETAILED, "A cohort of 795 men and women aged 75 years or older was examined.", None),
    (DETAILED, "A total of 148 overweight women were recruited.", "FEMALE"),
    (DETAILED, "The trial enrolls 40 transgender women and 40 cisgender men.", "MALE"),
    (DETAILED, "To determine the prevalence of sleep apnea among men and women.", "MALE"),
]


@pytest.mark.parametrize("field, text, gender, words", FIRES, ids=[f"{c[2]}:{c[1][:50]}" for c in FIRES])
def test_a_cohort_of_both_sexes_or_the_other_sex_fires(field, text, gender, words):
    found = _found(text, gender, field)
    assert [f.severity for f in found] == [None]
    assert f"('{words}')" in found[0].message
    assert found[0].message.endswith(f"while the record's Sex is '{gender}': the Sex or the text is wrong.")
    assert found[0].evidence.endswith(f"eligibilities.gender='{gender}'")


@pytest.mark.parametrize("field, text, gender", QUIET, ids=[f"{c[2]}:{c[1][:50]}" for c in QUIET])
def test_background_relatives_and_uncounted_mentions_stay_quiet(field, text, gender):
    assert _found(text, gender, field) == []


def test_the_message_says_whether_the_cohort_is_of_both_sexes_or_of_the_other():
    (both,) = _found("Five hundred men and 500 women were recruited.", "MALE")
    (other,) = _found("A total of 148 overweight women were recruited.", "MALE")
    assert "counts the study's participants of both sexes" in both.message
    assert "counts female participants ('" in other.message


def test_a_sentence_of_background_does_not_hide_the_next_sentence_of_the_cohort():
    text = ("Another study showed that heart disease declined in 3,000 men and women. "
            "In this study, 795 men and women aged 75 years or older were examined.")
    (found,) = _found(text, "MALE")
    assert "('795 men and women')" in found.message


def test_eligibility_based_on_gender_and_a_withheld_record_stay_quiet():
    text = "A cohort of 795 men and women aged 75 years or older was examined."
    assert _found(text, "MALE", gender_based=True) == []
    assert _found(text, "MALE", status="WITHHELD") == []
