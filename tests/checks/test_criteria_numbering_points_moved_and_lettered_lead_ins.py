"""Phrases of contradictions.criteria_numbering_gap: a list number run on after a sentence's end with its point moved
onto its criterion ("components. 5 .Use of any") numbers that criterion; a first criterion written without its number
as a lead-in ending in a colon with sub-items lettered A, B, C ("presenting:" then "A. ...", "OR", "B. ...") above a
list that starts at 2 loses nothing. The same number after a quantity, a lead-in without its colon, letters out of
order and a list that starts at 3 still have gaps."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

_ITEMS = ("Exclusion Criteria:\n\n  1. Mechanical ventilation\n\n  2. History of pulmonary alveolar proteinosis.\n\n"
          "  3. Women who are pregnant or breastfeeding.\n\n")
_LETTERED = ("\n\nA. Persistent dry cough with temperature > 37.7 Celsius;\n\nOR\n\n"
             "B. Recent onset of flu-like respiratory symptoms\n\nOR\n\n"
             "C. Tomographic image compatible with COVID 19;\n\n")
_LIST_AT_TWO = "2. Men and women aged > 50 years\n\n3. Ability to provide informed consent.\n"


def _gap(section: str, verb: str, found: int, missing: str) -> list[str]:
    are = "are" if " and " in missing else "is"
    return [f"The numbered {section} criteria {verb} {found}, so {missing} {are} missing."]


# (name, criteria text, the rule's messages)
CASES = {
    # NCT04534725
    "a number after a sentence's end with its point moved onto the criterion": (
        _ITEMS + "  4. Known hypersensitivity to lenzilumab or any of its components. 5 .Use of any\n"
        "     FDA-approved anti-IL-6 therapy\n\n  6. Use of GM-CSF agents", []),
    "the same after a semicolon": (
        _ITEMS + "  4. Known hypersensitivity to lenzilumab; 5 .Use of any anti-IL-6 therapy\n\n"
        "  6. Use of GM-CSF", []),
    # NCT04403100
    "a lead-in with lettered sub-items above a list that starts at 2": (
        "Inclusion Criteria:\n\nPatients with RT-PCR diagnosis of COVID-19 and respiratory symptoms,\npresenting:"
        + _LETTERED + _LIST_AT_TWO, []),
    # still read as gaps
    "a value with a point after it, not after a sentence's end": (
        _ITEMS + "  4. Platelets below 5 .Use of any anti-IL-6 therapy\n\n  6. Use of GM-CSF",
        _gap("exclusion", "jump to", 6, "criterion 5")),
    "a lead-in without its colon above lettered items": (
        "Inclusion Criteria:\n\nPatients with RT-PCR diagnosis of COVID-19 presenting" + _LETTERED + _LIST_AT_TWO,
        _gap("inclusion", "start at", 2, "criterion 1")),
    "lettered items out of order": (
        "Inclusion Criteria:\n\nPatients with COVID-19 presenting:"
        + _LETTERED.replace("A. Persistent", "D. Persistent") + _LIST_AT_TWO,
        _gap("inclusion", "start at", 2, "criterion 1")),
    "a lead-in with lettered sub-items above a list that starts at 3": (
        "Inclusion Criteria:\n\nPatients with COVID-19 presenting:" + _LETTERED
        + "3. Men and women aged > 50 years\n\n4. Ability to provide informed consent.\n",
        _gap("inclusion", "start at", 3, "criteria 1 and 2")),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of CASES."""
    texts = {name: text for name, (text, _) in CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, texts)


@pytest.mark.parametrize("name", CASES)
def test_a_moved_point_or_a_lettered_lead_in_accounts_for_its_criterion(gap_messages, name):
    assert gap_messages[name] == CASES[name][1]
