"""Phrases of the numbering gap rule: a bulleted list number run into a criterion that opens with a value ("*
3.50×10^9/L≤platelet count", "- 3.5 <= HbA1c") is that number, as it is in a list without bullets, not a decimal; a
list that skips a number is still read as skipping it, a value written elsewhere in it or not."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

INCLUSION = "Inclusion Criteria:\n\n"
GAP_3 = ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]

# (name, criteria text, the numbering gap rule's messages)
CASES = {
    # a bulleted number run into a value
    "a count run into its number": (
        INCLUSION + "* 1\\. Male and female subjects ≥18 years of age；\n* 2.Patients prepared to receive hepatectomy；\n"
        "* 3.50×10\\^9/L≤platelet count≤80×10\\^9/L；\n* 4.Child-Pugh score A\n", []),
    "an age run into its number": (
        INCLUSION + "* 1.Adults\n* 2.Hepatectomy planned\n* 3.50 years or older\n* 4.Child-Pugh A\n", []),
    "a bound run into its number": (
        INCLUSION + "* 1. Adults\n* 2. Type 2 diabetes\n* 3.5 <= HbA1c <= 9\n* 4. BMI under 40\n", []),
    "a dash's number run into a value": (
        INCLUSION + "- 1. Adults\n- 2. Type 2 diabetes\n- 3.5 <= HbA1c <= 9\n- 4. BMI under 40\n", []),
    "an escaped point run into a value": (
        INCLUSION + "* 1\\. Adults\n* 2\\. Type 2 diabetes\n* 3\\.5 <= HbA1c <= 9\n* 4\\. BMI under 40\n", []),
    "no bullets": (
        INCLUSION + "1.Adults\n2.Hepatectomy planned\n3.50 years or older\n4.Child-Pugh A\n", []),
    "a criterion that opens with a word": (
        INCLUSION + "* 1.Adults\n* 2.Hepatectomy planned\n* 3.Platelets ≥50×10^9/L\n* 4.Child-Pugh A\n", []),
    # numbers still missing
    "a bulleted list that skips a number": (
        INCLUSION + "* 1. Adults\n* 2. Hepatectomy planned\n* 4. Child-Pugh A\n* 5. ECOG 0-1\n", GAP_3),
    "a value inside a line of a list that skips a number": (
        INCLUSION + "* 1. Adults\n* 2. Hepatectomy planned\n* 4. Creatinine below 3.5 mg/dL\n* 5. ECOG 0-1\n", GAP_3),
    "a value that opens a later line of a list that skips a number": (
        INCLUSION + "* 1. Adults\n* 2. Hepatectomy planned\n* 4. Child-Pugh A\n* 5. ECOG 0-1\n* 6.3.5 <= HbA1c\n",
        GAP_3),
    "another number run into a value": (
        INCLUSION + "* 1. Adults\n* 2. Hepatectomy planned\n* 2.5 <= HbA1c <= 9\n* 4. Child-Pugh A\n", GAP_3),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of CASES."""
    texts = {name: text for name, (text, _) in CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, texts)


@pytest.mark.parametrize("name", CASES)
def test_a_bulleted_number_run_into_a_value(gap_messages, name):
    assert gap_messages[name] == CASES[name][1]
