"""A title that names the participants as both sexes against a Sex of one sex (contradictions.title_sex_differs).

"in Men and Women", "Healthy Male and Female Volunteers", "Boys and Girls", "Women vs. Men" and "Both Sexes" while Sex
is 'MALE' or 'FEMALE' is a warning with its own message. Words of a sex that name no people ("Female and Male
Condoms", "Female Versus Male Surgeons"), a name ("Men and Women's Health Study"), other people (partners, mothers
and infants, couples, caregivers), gender identity ("Men Who Have Sex With Men and Transgender Women"), a Sex of
'ALL', and sexes compared in words the title does not join ("Women Compared With Men") stay quiet.
"""
from __future__ import annotations

import pytest

from checks.title_sex import study_title_sex_findings

BRIEF = "studies.brief_title"


def _found(title: str, gender: str | None, official: str | None = None) -> list:
    return list(study_title_sex_findings("NCT0", [(BRIEF, title), ("studies.official_title", official)], gender))


# (title, Sex, the words quoted): participants of both sexes named together, against one sex.
FIRES = [
    ("Effects of Sex Hormones on Circadian Rhythm in Men and Women", "FEMALE", "Men and Women"),
    ("Dietary Treatment of Hyperlipidemia in Women vs. Men", "MALE", "Women vs. Men"),
    ("Pharmacokinetics of Drug X in Healthy Male and Female Volunteers", "FEMALE", "Male and Female Volunteers"),
    ("Growth Hormone in Boys and Girls With Idiopathic Short Stature", "MALE", "Boys and Girls"),
    ("Drug X in Men and Postmenopausal Women With Osteoporosis", "MALE", "Men and Postmenopausal Women"),
    ("Bone Density in Females and Males With Anorexia Nervosa", "FEMALE", "Females and Males"),
    ("Drug X in Healthy Adults of Both Sexes", "MALE", "Both Sexes"),
    ("Drug X in Men/Women With Hypertension", "FEMALE", "Men/Women"),
    ("Drug X in Healthy Male or Female Japanese Subjects", "MALE", "Male or Female Japanese Subjects"),
]

# (title, Sex): beside a title that fires, kept quiet by whom the words of a sex name, by a name, or by the Sex.
QUIET = [
    ("Effects of Sex Hormones on Circadian Rhythm in Men and Women", "ALL"),
    ("Pharmacokinetics of Drug X in Healthy Male and Female Volunteers", "ALL"),
    ("Acceptability of Female and Male Condoms in Kenya", "FEMALE"),
    ("Surgical Outcomes of Female Versus Male Surgeons", "FEMALE"),
    ("Male and Female Infertility: A Registry", "MALE"),
    ("Drug X in Women Compared With Men", "FEMALE"),
    ("Men and Women's Health Study of Drug X", "MALE"),
    ("Vardenafil in Males With Erectile Dysfunction and Their Female Partners", "MALE"),
    ("HIV Testing for Pregnant Women and Their Male Partners", "FEMALE"),
    ("Zidovudine for Mothers and Infants, Boys and Girls", "FEMALE"),
    ("Couples Counselling for Men and Women", "MALE"),
    ("PrEP Among Men Who Have Sex With Men and Transgender Women", "MALE"),
    ("Caregivers, Men and Women, of People With Dementia", "FEMALE"),
    ("Drug X in Men With Hypertension", "MALE"),
]


@pytest.mark.parametrize("title, gender, words", FIRES, ids=[f"{c[1]}:{c[0][:50]}" for c in FIRES])
def test_a_title_of_both_sexes_against_one_sex_fires(title, gender, words):
    found = _found(title, gender)
    assert [f.severity for f in found] == ["warning"]
    assert found[0].message == (f"The brief title names participants of both sexes ('{words}'), while the record's "
                                f"Sex is '{gender}': the Sex or the title is wrong.")


@pytest.mark.parametrize("title, gender", QUIET, ids=[f"{c[1]}:{c[0][:50]}" for c in QUIET])
def test_words_of_sex_that_name_no_participants_of_both_sexes_stay_quiet(title, gender):
    assert _found(title, gender) == []


def test_the_official_title_is_read_and_quoted():
    found = _found("Dietary Treatment of Hyperlipidemia", "MALE", official="Diet in Hyperlipidemic Women and Men")
    assert [(f.message, f.evidence) for f in found] == [(
        "The official title names participants of both sexes ('Women and Men'), while the record's Sex is 'MALE': "
        "the Sex or the title is wrong.",
        "studies.official_title: 'Diet in Hyperlipidemic Women and Men'; eligibilities.gender='MALE'")]


def test_gender_based_and_withheld_records_are_not_compared():
    titles = [(BRIEF, "Drug X in Men and Women"), ("studies.official_title", None)]
    assert list(study_title_sex_findings("NCT0", titles, "MALE", True)) == []
    assert list(study_title_sex_findings("NCT0", titles, "MALE", None, "WITHHELD")) == []
