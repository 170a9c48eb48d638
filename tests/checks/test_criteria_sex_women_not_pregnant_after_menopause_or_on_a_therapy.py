"""Phrases of contradictions.criteria_sex_differs: a criterion that says which women may join is no statement that
only women may: a woman's state before the noun that rules out pregnancy or nursing ("Non-pregnant females"), a
menopausal state alone below other criteria ("post-menopausal females"), and women on a therapy said to keep to it
("Female patients receiving non-cyclical hormone therapy have maintained a stable dose"). A population of one sex that
opens the list ("Postmenopausal women"), one with more said of it, and women on a therapy admitted by a relative
clause still fire."""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_sex_findings
from tests.checks import harness


def bulleted(*items: str) -> str:
    """Legacy-bulleted criteria of `items` (tests.checks.harness)."""
    return harness.legacy_bulleted_criteria(*items)


def _fires(text: str, gender: str) -> bool:
    return bool(list(study_sex_findings("NCT0", text, gender, None)))


# (name, criteria text, the record's Sex, whether the rule fires)
CASES = {
    # NCT04395911
    "non-pregnant females among criteria for everyone": (
        bulleted("Informed consent obtained", "Positive COVID-19 test", "Non-pregnant females",
                 "Platelet count >30,000/mm3 at Screening"), "ALL", False),
    "non-lactating women": (bulleted("Positive COVID-19 test", "Non-lactating women"), "ALL", False),
    # NCT00703391
    "post-menopausal females below other criteria": (
        bulleted("Mild to moderate COPD", "Smokers or ex-smokers", "post-menopausal females"), "ALL", False),
    # NCT01154036
    "women on a therapy said to keep to it": (
        bulleted("Patient is willing to maintain a cholesterol lowering diet during the study",
                 "Female patients receiving non-cyclical hormone therapy have maintained a stable dose and regimen for "
                 "at least 8 weeks"), "ALL", False),
    # still statements of who is admitted
    "postmenopausal women opening the list": (
        bulleted("Postmenopausal women", "Osteoporosis of the lumbar spine"), "ALL", True),
    "post-menopausal women below another criterion, with an age": (
        bulleted("Osteoporosis of the lumbar spine", "Post-menopausal women aged 50 to 75 years"), "ALL", True),
    "postmenopausal women only below other criteria": (
        bulleted("45-89 years old", "All minorities", "Postmenopausal females only."), "ALL", True),
    "women on a therapy admitted by a relative clause": (
        bulleted("Female patients receiving hormone therapy who have breast cancer", "ECOG 0-1"), "ALL", True),
    "women receiving a therapy": (
        bulleted("Women receiving chemotherapy for breast cancer", "Age 18 to 70"), "ALL", True),
    "pregnant women": (bulleted("Pregnant women at 24 to 28 weeks of gestation", "Singleton pregnancy"), "ALL", True),
}


@pytest.mark.parametrize("name", CASES)
def test_which_women_may_join_is_no_statement_of_one_sex(name):
    text, gender, fires = CASES[name]
    assert _fires(text, gender) is fires
