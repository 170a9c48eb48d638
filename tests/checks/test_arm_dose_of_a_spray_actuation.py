"""Phrases of contradictions.arm_dose_differs: what one actuation of a spray holds ("Each 100 ul actuation contains
27 mg THC and 25 mg CBD") is the unit's make-up, every amount of it, not a dose to set against a day's maximum. An
actuation's amounts the sentence goes on to give, and doses stated outright, are still compared."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.dose_text import parse_doses

_SPRAY = ("Sativex®", "Containing THC 27 mg/ml and CBD 25 mg/ml as extract of Cannabis sativa L. Subjects received "
          "study medication delivered in 100 µl actuations. Maximum permitted dose was 48 actuations "
          "(THC 130 mg:CBD 120 mg) in 24 hours")


def _fires(arm_text: str, intervention: tuple[str, str] = _SPRAY) -> bool:
    arms = [("Sativex", arm_text)]
    return bool(list(study_dose_findings("NCT0", arms, [intervention], [("Sativex", intervention[0])])))


# (arm's text, the intervention (name, text), whether the rule fires)
CASES = {
    # NCT00678795
    "an actuation's two amounts beside a day's maximum": (
        "Each 100 ul actuation contains 27 mg delta-9-tetrahydrocannabinol (THC) and 25 mg cannabidiol (CBD). A "
        "maximum of 48 actuations (130 mg of THC and 120 mg of CBD) was permitted in any 24 hour period.", _SPRAY,
        False),
    "an actuation's volume in microlitres spelt with a micro sign": (
        "Each 50 \u00b5l actuation contains 13 mg THC and 12 mg sativex.", _SPRAY, False),
    "a spray's make-up beside a count of sprays": (
        "Each spray contains 10 mg sativex and 5 mg excipient; up to 12 sprays a day.", _SPRAY, False),
    # still compared
    "a day's dose stated outright against another day's dose": (
        "Sativex 60 mg per day", ("Sativex®", "Sativex 130 mg per day"), True),
    "a day's dose in the sentence after an actuation's make-up": (
        "Each 100 ul actuation contains 27 mg THC and 25 mg CBD. Patients took sativex 60 mg once daily.",
        ("Sativex®", "Sativex 130 mg once daily"), True),
}


@pytest.mark.parametrize("name", CASES)
def test_an_actuation_s_make_up_is_no_dose(name):
    arm_text, intervention, fires = CASES[name]
    assert _fires(arm_text, intervention) is fires


# (text, whether each amount in mg is read as a unit's strength, in order)
STRENGTHS = {
    "both amounts of one actuation": ("Each 100 ul actuation contains 27 mg THC and 25 mg CBD", [True, True]),
    "a volume in mL before the actuation": ("Each 0.1 mL actuation contains 2.7 mg THC and 2.5 mg CBD", [True, True]),
    "amounts given after the actuation's": ("Each actuation contains 2.7 mg THC, administered as 10.8 mg daily",
                                            [True, False]),
}


@pytest.mark.parametrize("name", STRENGTHS)
def test_an_actuation_s_amounts_are_its_strength(name):
    text, strengths = STRENGTHS[name]
    assert [dose.strength for dose in parse_doses(text) if dose.unit == "mg"] == strengths
