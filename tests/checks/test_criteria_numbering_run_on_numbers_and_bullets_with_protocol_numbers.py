"""Phrases of contradictions.criteria_numbering_gap: a list number run on after a criterion's last word, at the end of
a hard-wrapped line ("... transplantation 10.\\n Received radiotherapy", "... whooping); 5.\\n who had household
contact") or inside a line with a letter ("... at screening 3A. Have had"), numbers its criterion; a bulleted list whose
later bullets keep a protocol's numbers ("- 10. Reasonable control of blood glucose" below nine bullets) loses none. A
value after a quantity word ("grade 0 to 10.") and a numbered list that starts after 1 still have gaps."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

_ITEMS = "".join(f"  {n}. Participated in other clinical intervention trials, item {n}\n\n" for n in range(1, 9))
_BULLETS = "".join(f"  -  {criterion}.\n\n" for criterion in (
    "Signed informed consent", "Age 18 years and older", "Women of child-bearing potential must not be pregnant",
    "Post-menopausal is defined as no period in the previous 12 months", "Willing to make all required study visits",
    "Able to follow instructions", "Have a diabetic foot ulcer on the plantar surface of the foot",
    "Target ulcer present for at least 28 days", "Target ulcer area between 2 and 15 cm2, post debridement"))


def _gap(section: str, found: int, missing: str) -> list[str]:
    verb = "are" if " and " in missing or " to " in missing else "is"
    return [f"The numbered {section} criteria jump to {found}, so {missing} {verb} missing."]


# (name, criteria text, the rule's messages)
CASES = {
    # NCT04268537
    "a number after a word ending a wrapped line": (
        "Exclusion Criteria:\n\n" + _ITEMS + "  9. Transplantation 10.\n     Received radiotherapy within 6 months\n\n"
        "11.HIV infected patients\n12. Pregnancy", []),
    # NCT00381615: every item opens in lower case
    "a number after a semicolon ending a wrapped line, its item in lower case": (
        "Exclusion Criteria:\n\n1. whose parents refuse; 2. who had a vaccine; 3. who had a disease;\n"
        "4. who had pertussis; 5.\n who had household contact;\n6. who had a history of anaphylaxis; 7. who had fever",
        []),
    # NCT00961350
    "a number with a letter inside a line": (
        "Exclusion criteria:\n\n  1. Baseline endoscopy showing any ulcer\n\n"
        "  2. Positive H. pylori at screening 3A. Have had a revascularization\n\n4. Unstable hypertension\n"
        "5. Uncontrolled diabetes", []),
    # NCT01143714
    "a bulleted list whose later bullets keep a protocol's numbers": (
        "Inclusion Criteria:\n\n" + _BULLETS + "  -  10. Reasonable control of blood glucose\n\n"
        "  -  11.Acceptable state of health\n\nExclusion Criteria:\n\n  -  Pregnancy", []),
    "the same with one criterion run into a bullet": (
        "Inclusion Criteria:\n\n" + _BULLETS.replace("debridement.", "debridement. 9- Adequate arterial flow", 1)
        .replace("  -  Signed informed consent.\n\n", "", 1)
        + "  -  10. Reasonable control of blood glucose\n\n  -  11.Acceptable state of health", []),
    # still read as gaps
    "a value after a quantity word ending a wrapped line": (
        "Exclusion Criteria:\n\n" + _ITEMS + "  9. Pain score of 0 to 10.\n     Patients with a higher score\n\n"
        "11.HIV infected patients\n12. Pregnancy", _gap("exclusion", 11, "criterion 10")),
    "a number after a word that is not the one missing": (
        "Exclusion Criteria:\n\n" + _ITEMS + "  9. Transplantation 12.\n     Received radiotherapy within 6 months\n\n"
        "11.HIV infected patients\n12. Pregnancy", _gap("exclusion", 11, "criterion 10")),
    "a grade with a letter inside a line": (
        "Exclusion criteria:\n\n  1. Baseline endoscopy showing any ulcer\n\n"
        "  2. Follicular lymphoma of grade 3A. Patients with it are excluded\n\n4. Unstable hypertension\n"
        "5. Uncontrolled diabetes", _gap("exclusion", 4, "criterion 3")),
    "a numbered list that starts after 1 below a few bullets": (
        "Inclusion Criteria:\n\n  -  Age 18 years\n\n  -  10. Reasonable control of blood glucose\n\n"
        "  -  11.Acceptable state of health", ["The numbered inclusion criteria start at 10, so criteria 1 to 9 are "
                                                "missing."]),
    "a numbered list that starts after 1 without bullets": (
        "Inclusion Criteria:\n\n10. Reasonable control of blood glucose\n11. Acceptable state of health",
        ["The numbered inclusion criteria start at 10, so criteria 1 to 9 are missing."]),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of CASES."""
    texts = {name: text for name, (text, _) in CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, texts)


@pytest.mark.parametrize("name", CASES)
def test_a_run_on_number_or_a_protocol_number_among_bullets_accounts_for_its_criterion(gap_messages, name):
    assert gap_messages[name] == CASES[name][1]
