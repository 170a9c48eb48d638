"""Phrases of contradictions.criteria_numbering_gap: a list number that ends a hard-wrapped line right after a
sentence's full stop, its criterion opening the next line ("... <1,500/microliter. 15.\\n Thrombocytopenia ..."), and
one inside a line after a full stop ("... <100/microliter. 16. Current bleeding ..."), number their criteria: no
criterion is missing. A quantity that ends a line ("grade 0 to 2.") is no list number, and a list that skips a number
still has a gap."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

# A hard-wrapped legacy exclusion list, lines of about 90 characters, items 1 to 13 before the text that ends it.
HEAD = ("Inclusion Criteria:\n\n     1. Probable Alzheimer's disease by the NIA-Alzheimer's Association core clinical\n"
        "     criteria.\n\n     2. Age between 50 and 90 years, inclusive, at the screening visit of the study.\n\n"
        "     Exclusion Criteria:\n\n"
        + "".join(f"     {n}. Any significant systemic illness or unstable medical condition which could\n"
                  f"     lead to difficulty complying with the protocol, item {n}.\n\n" for n in range(1, 14)))


def _gap(section: str, found: int, missing: str) -> list[str]:
    verb = "are" if " and " in missing or " to " in missing else "is"
    return [f"The numbered {section} criteria jump to {found}, so {missing} {verb} missing."]


# (name, criteria text, the rule's messages)
CASES = {
    # NCT01864655, as the legacy record wraps it
    "a number ending a wrapped line, then one after a full stop": (
        HEAD + "     14. Neutropenia defined as absolute neutrophils count of <1,500/microliter. 15.\n"
        "     Thrombocytopenia defined as platelet count <100x103/microliter. 16. Current blood\n"
        "     clotting or bleeding disorder, or significantly abnormal PT or PTT at screening.\n\n"
        "     17. Clinically significant abnormalities in screening laboratories, including AST\n"
        "     above 1.5 times ULN.\n\n     18. History of interstitial lung disease.", []),
    "a number ending a wrapped line after a semicolon": (
        HEAD + "     14. Neutropenia defined as absolute neutrophils count of <1,500/microliter; 15.\n"
        "     Thrombocytopenia defined as platelet count below 100 x 10^9 per liter in screening.\n\n"
        "     16. History of interstitial lung disease.", []),
    "short criteria, unwrapped": (
        "Exclusion Criteria:\n\n1. Pregnancy\n2. Neutropenia <1,500/microliter. 3.\nThrombocytopenia "
        "<100/microliter. 4. Bleeding disorder.\n\n5. Abnormal laboratories.", []),
    # still read as before
    "a quantity that ends a line is no list number": (
        HEAD + "     14. Performance status by the Eastern Cooperative Oncology Group of grade 0 to 2.\n"
        "     Patients with a grade of 3 or more are excluded from the study at screening.\n\n"
        "     16. History of interstitial lung disease.\n\n     17. Prior radiotherapy.",
        _gap("exclusion", 16, "criterion 15")),
    "a number ending a line after a full stop, then a skip": (
        HEAD + "     14. Neutropenia defined as absolute neutrophils count of <1,500/microliter. 15.\n"
        "     Thrombocytopenia defined as platelet count below 100 x 10^9 per liter in screening.\n\n"
        "     17. History of interstitial lung disease.\n\n     18. Prior radiotherapy.",
        _gap("exclusion", 17, "criterion 16")),
    "a list that skips two numbers": (
        HEAD + "     14. Neutropenia defined as absolute neutrophils count of <1,500/microliter.\n\n"
        "     17. History of interstitial lung disease.\n\n     18. Prior radiotherapy.",
        _gap("exclusion", 17, "criteria 15 and 16")),
    "a number ending a line before a heading is not the list's": (
        "Inclusion Criteria:\n\n1. Adults aged 18 years or older. 2.\nExclusion Criteria:\n\n1. Pregnancy\n"
        "2. Smoking\n4. Drug abuse", _gap("exclusion", 4, "criterion 3")),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of CASES."""
    texts = {name: text for name, (text, _) in CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, texts)


@pytest.mark.parametrize("name", CASES)
def test_a_number_ending_a_wrapped_line_numbers_its_criterion(gap_messages, name):
    assert gap_messages[name] == CASES[name][1]
