"""A title that names the participants as one sex against the record's Sex (contradictions.title_sex_differs).

A title of women, girls, pregnant or postmenopausal women, or of male volunteers, men or boys, while Sex admits only
the other sex, is a warning; a title that names people of one sex while Sex is 'ALL' is info. Titles that name both
sexes against 'ALL' (against one sex: tests/checks/test_title_both_sexes_against_one_sex.py), other people (partners,
mothers and infants, caregivers, clinicians, sons of women), gender identity, a sex in a name or a product ("Women's
Health Initiative", "Female Condom", "Stiff-Man Syndrome", "MEN-10755"), and records whose eligibility is based on
gender identity, that are withheld or give no Sex, stay quiet. The records' cases
(tests/checks/cases_title_sex.py) are run by tests/checks/test_rule_cases.py.
"""
from __future__ import annotations

import pytest

from checks.title_sex import RULES, study_title_sex_findings

BRIEF = "studies.brief_title"


def _severity(title: str, gender: str | None, criteria: str | None = None, official: str | None = None,
              gender_based: bool | None = None, status: str | None = None) -> str | None:
    titles = [(BRIEF, title), ("studies.official_title", official)]
    found = list(study_title_sex_findings("NCT0", titles, gender, gender_based, status, criteria))
    return found[0].severity if found else None


# (title, Sex, severity): the participants a title names, of one sex, against a Sex of the other sex (warning) or
# of all (info).
FIRES = [
    ("Alendronate in Postmenopausal Women With Osteoporosis", "MALE", "warning"),
    ("Pharmacokinetics of Drug X in Healthy Male Volunteers", "FEMALE", "warning"),
    ("Tadalafil Once Daily in Men With Erectile Dysfunction", "FEMALE", "warning"),
    ("Influenza Vaccine in Pregnant Women", "MALE", "warning"),
    ("Growth Hormone in Girls With Turner Syndrome", "MALE", "warning"),
    ("Renin and Prorenin in Pregnancy", "MALE", "warning"),
    ("Sustaining Women's Smoking Cessation Postpartum", "MALE", "warning"),
    ("Exercise Training in Adolescent Boys With Obesity", "FEMALE", "warning"),
    ("HIV Prevention for Female Sex Workers in Kenya", "MALE", "warning"),
    ("Postmenopausal Progestins, MI and Stroke", "MALE", "warning"),
    ("Sperm Quality in Males Exposed to Pesticides", "FEMALE", "warning"),
    ("Paclitaxel in Treating Women With Recurrent Solid Tumors", "ALL", "info"),
    ("ANDRO 2002: DHEA or Testosterone Versus Placebo in Men With Sexual Dysfunction", "ALL", "info"),
    ("Drug X in Healthy Female Subjects", "ALL", "info"),
    ("Iron Supplements for Pregnant Adolescents", "ALL", "info"),
    ("Low Cholesterol and Mortality in Blacks and Women", "MALE", "warning"),
    ("Angiotensinogen Variants and Adverse Pregnancy Outcomes", "MALE", "warning"),
    ("Hypertensive and Normal Pregnancy--Calcium Metabolism and Renin-Angiotensin", "MALE", "warning"),
    ("Pregnancy Registry of Drug X Exposure", "MALE", "warning"),
    ("Outcomes of Twin Pregnancies After Cerclage", "MALE", "warning"),
    ("Prevention of Preeclampsia in Pregnancy With Aspirin", "MALE", "warning"),
]

# (title, Sex): each beside a title that fires, kept quiet by what it says of the people, by a name, or by the Sex.
QUIET = [
    ("Alendronate in Postmenopausal Women With Osteoporosis", "FEMALE"),
    ("Pharmacokinetics of Drug X in Healthy Male Volunteers", "MALE"),
    ("Zidovudine in HIV-Infected Pregnant Women and Their Infants", "ALL"),
    ("Infants Born to HIV-Infected Women: Safety of Zidovudine", "MALE"),
    ("Couples Counselling for Women and Their Partners", "ALL"),
    ("Male Partners of Pregnant Women: HIV Testing Uptake", "MALE"),
    ("Coping Intervention for Wives of Men With Prostate Cancer", "FEMALE"),
    ("Genetic Counselling for Sons of Women With Breast Cancer", "MALE"),
    ("Caregiver Training for Women With Dementia", "ALL"),
    ("Training Providers to Screen Women for Intimate Violence", "ALL"),
    ("Women's Health Initiative Memory Study", "MALE"),
    ("Sleep Apnoea Screening at Brigham and Women's Hospital", "MALE"),
    ("Acceptability of the Female Condom in Kenya", "MALE"),
    ("Female Condom Use Among Men Who Inject Drugs", "MALE"),
    ("Estradiol in Transgender Women", "MALE"),
    ("Outcomes of Male-to-Female Vaginoplasty in Women", "MALE"),
    ("PrEP Uptake Among Men Who Have Sex With Men", "ALL"),
    ("First-in-Man Study of Drug X in Healthy Subjects", "FEMALE"),
    ("Intravenous Immunoglobulin for Stiff-Man Syndrome", "FEMALE"),
    ("MEN-10755 in Treating Adults With Recurrent Solid Tumors", "FEMALE"),
    ("Vandetanib in MEN 2A Medullary Thyroid Cancer", "FEMALE"),
    ("Postmenopausal Osteoporosis Registry", "ALL"),
    ("Women's Experiences of Cancer Care", "ALL"),
    ("Drug X in Healthy Participants and Drug Y in Healthy Female Participants", "ALL"),
    ("Drug X in Men and Women With Hypertension", "ALL"),
    ("Pharmacokinetics of Drug X in Healthy Male and Female Volunteers", "ALL"),
    ("Paternal Smoking and Pregnancy Outcomes", "MALE"),
    ("Hormonal Gel for Pregnancy Prevention", "MALE"),
    ("Angiotensinogen Variants and Adverse Pregnancy Outcomes", "ALL"),
    ("Angiotensinogen Variants and Adverse Pregnancy Outcomes", "FEMALE"),
    ("Paternal Age and Adverse Pregnancy Outcomes", "MALE"),
    ("Fathers' Support During Pregnancy", "MALE"),
    ("Partners' Attendance at Pregnancy Check-ups", "MALE"),
    ("Male Partners of Pregnant Women: HIV Testing", "MALE"),
    ("Men's Involvement in Pregnancy and Birth", "MALE"),
    ("Teen Pregnancy Prevention Among Young Men", "MALE"),
    ("Preventing Unintended Pregnancy: A Text Message Programme", "MALE"),
    ("Testosterone Undecanoate Injections as a Contraceptive to Prevent Pregnancy", "MALE"),
    ("Sperm DNA Fragmentation and Pregnancy Rates After IVF", "MALE"),
    ("Varicocelectomy and Spontaneous Pregnancy", "MALE"),
]


@pytest.mark.parametrize("title, gender, severity", FIRES, ids=[f"{c[1]}:{c[0][:50]}" for c in FIRES])
def test_a_title_of_one_sex_against_the_sex_fires(title, gender, severity):
    assert _severity(title, gender) == severity


@pytest.mark.parametrize("title, gender", QUIET, ids=[f"{c[1]}:{c[0][:50]}" for c in QUIET])
def test_both_sexes_other_people_names_and_gender_identity_stay_quiet(title, gender):
    assert _severity(title, gender) is None


def test_the_other_title_is_read_for_both_sexes_and_other_people():
    women = "Dietary Treatment of Hyperlipidemia in Women"
    assert _severity(women, "ALL") == "info"
    assert _severity(women, "ALL", official=women + " and Men") is None
    assert _severity(women, "MALE", official=women + " and Their Partners") is None


def test_the_criteria_admitting_other_people_quiet_a_title_against_all_only():
    girls = "Growth Hormone in Girls With Turner Syndrome"
    parents = "Inclusion Criteria:\n* Girls aged 5-17 with Turner syndrome\n* Biological parents of the girls"
    controls = "Inclusion Criteria:\n* Girls aged 5-17\n\nControl subjects must be age-matched."
    plain = "Inclusion Criteria:\n* Girls aged 5-17 with Turner syndrome\n\nExclusion Criteria:\n* Birth control pills"
    assert _severity(girls, "ALL", parents) is None
    assert _severity(girls, "ALL", controls) is None
    assert _severity(girls, "ALL", plain) == "info"
    assert _severity(girls, "MALE", parents) == "warning"


# (condition, Sex, severity) beside a title of women with breast cancer: a condition of the other sex shows the
# record means both, against 'ALL' only.
CONDITIONS = [
    ("Male Breast Cancer", "ALL", None),
    ("Breast Cancer in Men", "ALL", None),
    ("Stage IV Breast Cancer", "ALL", "info"),
    ("Breast Cancer in Women", "ALL", "info"),
    ("Pregnancy-associated Breast Cancer", "ALL", "info"),
    ("Male Breast Cancer", "MALE", "warning"),
]


@pytest.mark.parametrize("condition, gender, severity", CONDITIONS, ids=[f"{c[1]}:{c[0]}" for c in CONDITIONS])
def test_a_condition_of_the_other_sex_quiets_a_title_against_all_only(condition, gender, severity):
    title = "Drug X in Treating Women With Stage IV Breast Cancer"
    titles = [(BRIEF, title), ("studies.official_title", "Drug X in Advanced Breast Cancer")]
    found = list(study_title_sex_findings("NCT0", titles, gender, conditions=("Recurrent Breast Cancer", condition)))
    assert (found[0].severity if found else None) == severity


@pytest.mark.parametrize("gender_based, status, gender", [(True, None, "MALE"), (None, "WITHHELD", "MALE"),
                                                         (None, None, None), (None, None, "UNKNOWN")])
def test_gender_based_withheld_and_absent_sexes_are_not_compared(gender_based, status, gender):
    title = "Alendronate in Postmenopausal Women With Osteoporosis"
    assert _severity(title, "MALE") == "warning"
    assert _severity(title, gender, gender_based=gender_based, status=status) is None


def test_the_message_quotes_the_titles_words_and_the_sex():
    found = list(study_title_sex_findings("NCT0", [(BRIEF, "Exercise in Hispanic Women"), ("studies.official_title",
                                                                                           None)], "MALE"))
    assert [f.message for f in found] == ["The brief title names the participants as female ('Women'), while the "
                                          "record's Sex is 'MALE': the Sex or the title is wrong."]
    assert found[0].evidence == "studies.brief_title: 'Exercise in Hispanic Women'; eligibilities.gender='MALE'"
    assert found[0].fields == (BRIEF, "eligibilities.gender")


def test_the_rule_is_a_warning_that_reads_both_titles_and_the_sex():
    assert [(r.severity, r.fields) for r in RULES] == [
        ("warning", ("studies.brief_title", "studies.official_title", "eligibilities.gender"))]
