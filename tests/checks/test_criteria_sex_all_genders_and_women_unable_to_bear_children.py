"""Phrases of contradictions.criteria_sex_differs: a criterion that admits both sexes in words of its own ("All
genders", "Both sexes", "Regardless of gender") makes a one-sex statement elsewhere in the criteria no statement for
everyone, and a woman's state that rules out childbearing before the sex ("Postmenopausal or surgically sterile
females only") says which women may join, not that only women may; a population of one sex ("Postmenopausal women
only", "Women aged 18-45") and words that admit neither sex alone still fire."""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_sex_findings


def numbered(*items: str) -> str:
    """Criteria as legacy records write them: a numbered inclusion list, then an exclusion list."""
    body = "\n\n".join(f"  {n}. {item}" for n, item in enumerate(items, 1))
    return f"Inclusion Criteria for all subjects:\n\n{body}\n\nExclusion Criteria:\n\n  1. Pregnancy or breastfeeding"


def bulleted(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* Active infection"


def _fires(text: str, gender: str) -> bool:
    return bool(list(study_sex_findings("NCT0", text, gender, None)))


def _case_id(case: tuple) -> str:
    text, gender = case
    return f"{' '.join(text.split('Exclusion')[0].split()[2:])[:100]} (Sex {gender})"


# (criteria text, the record's Sex): the criteria admit one sex for everyone, which the Sex contradicts.
FIRES = [
    (numbered("45-89 years old", "All minorities", "Postmenopausal females only."), "ALL"),
    (numbered("45-89 years old", "Postmenopausal women only", "English speakers"), "ALL"),
    (bulleted("Women aged 18 to 45 years", "All ethnicities"), "ALL"),
    (bulleted("Female patients only", "All stages of disease"), "ALL"),
    (bulleted("Men aged 40 and older", "All ethnic groups"), "FEMALE"),
    (bulleted("Men aged 40 and older", "All patients with genders recorded in the chart"), "ALL"),
    # a state that rules out childbearing in another criterion than the statement
    (bulleted("Women aged 18 to 45 years", "Not surgically sterile"), "ALL"),
]

# (criteria text, the record's Sex): no one-sex statement for everyone that differs.
QUIET = [
    # the record that misfired: "All genders" beside a qualified "females only"
    (numbered("45-89 years old", "All genders", "All minorities", "English, Spanish, or multilingual speakers",
              "Postmenopausal or surgically sterile females only."), "ALL"),
    # both sexes admitted in words of their own, before or after the one-sex statement
    (numbered("45-89 years old", "All genders", "Postmenopausal females only."), "ALL"),
    (bulleted("Women aged 18 to 45 years", "Both sexes are eligible"), "ALL"),
    (bulleted("Female patients aged 18-65", "Patients are included regardless of gender"), "ALL"),
    (bulleted("Adults of either sex", "Women aged 50 years or older"), "ALL"),
    # a state that rules out childbearing says which women may join
    (numbered("45-89 years old", "Postmenopausal or surgically sterile females only."), "ALL"),
    (bulleted("Adults aged 18-55 years", "Surgically sterile or postmenopausal women only"), "ALL"),
    (bulleted("Adults aged 18-55 years", "Non-childbearing women only"), "ALL"),
    # the statement agrees with the record
    (numbered("45-89 years old", "Postmenopausal females only."), "FEMALE"),
]


@pytest.mark.parametrize("text, gender", FIRES, ids=[_case_id(c) for c in FIRES])
def test_one_sex_for_everyone_that_differs_fires(text, gender):
    assert _fires(text, gender)


@pytest.mark.parametrize("text, gender", QUIET, ids=[_case_id(c) for c in QUIET])
def test_both_sexes_admitted_or_which_women_may_join_stays_quiet(text, gender):
    assert not _fires(text, gender)
