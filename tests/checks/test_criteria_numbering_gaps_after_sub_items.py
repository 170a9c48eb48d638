"""Phrases of contradictions.criteria_numbering_gap: a number that skips one after an item's own sub-list, standing
as far out as the items, is counted from the item's list, not from the sub-list ("6. B:" "   1. a" "   3. c" then
"8\\. C": criterion 7 is missing, not 4 to 7); a sub-list that skips a number, and one written as far out as its item,
are read as before."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

INCLUSION = "Inclusion Criteria:\n\n"
EXCLUSION = "\n\nExclusion Criteria:\n\n1. Pregnancy\n2. Smoking\n"


def _gap(found: int, missing: str) -> list[str]:
    verb = "are" if " and " in missing else "is"
    return [f"The numbered inclusion criteria jump to {found}, so {missing} {verb} missing."]


# (name, criteria text, the numbering gap rule's messages)
CASES = {
    # NCT04670068
    "a skip after a sub-list, counted from the item's list": (
        INCLUSION + "5. A:\n   1. x\n   2. y\n6. B:\n   1. a\n   2. b\n   3. c\n\n8\\. C\n", _gap(8, "criterion 7")),
    "a whole list with sub-lists": (
        INCLUSION + "1. Adults\n2. ECOG 0-1\n3. Disease defined as:\n\n   1. Progressed on platinum OR\n   2. Recurred "
        "within 6 months\n4. Measurable disease\n6. Able to comply\n7. Consent" + EXCLUSION, _gap(6, "criterion 5")),
    "two numbers skipped after a sub-list": (
        INCLUSION + "1. Adults\n2. Disease defined as:\n    1. a\n    2. b\n    3. c\n5. Consent\n6. Able to comply",
        _gap(5, "criteria 3 and 4")),
    "a skip after a sub-list numbered with brackets": (
        INCLUSION + "1. Adults\n2. Organ function:\n   1) Bilirubin normal\n   2) AST normal\n   3) Creatinine "
        "normal\n5. Imaging within 90 days\n6. Consent", _gap(5, "criteria 3 and 4")),
    # read as before
    "the list goes on after a sub-list": (
        INCLUSION + "5. A:\n   1. x\n   2. y\n6. B:\n   1. a\n   2. b\n   3. c\n\n7\\. C\n", []),
    "a sub-list that skips a number": (
        INCLUSION + "1. Adults\n2. Organ function:\n   1. Bilirubin normal\n   2. AST normal\n   4. LVEF over 40%\n"
        "   5. Creatinine normal\n3. Consent" + EXCLUSION, _gap(4, "criterion 3")),
    "a sub-list written as far out as its item": (
        INCLUSION + "1. Adults\n2. Organ function:\n1. Bilirubin normal\n2. AST normal\n3. Creatinine normal\n"
        "5. Consent\n6. Able to comply", _gap(5, "criterion 4")),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of CASES."""
    texts = {name: text for name, (text, _) in CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, texts)


@pytest.mark.parametrize("name", CASES)
def test_a_skip_after_a_sub_list_is_counted_from_its_list(gap_messages, name):
    assert gap_messages[name] == CASES[name][1]
