"""Phrases of the numbering gap rule: list numbers written otherwise than "3." or "3)", and a number among bullets.

A number before an escaped bracket opening a line ("3\\)", as the registry escapes a list number's bracket as it does
its point) is a list number. A list number that opens a line with a comma, a colon or bold marks ("3, first study
drug ...") is there however long its criterion, up to the gap after it. A full-width point inside a line ("ACEI
3．With severe ...") marks a list number as "3." inside a line does, and a number typed with its point or bracket and
a comma inside a line ("gel. 18,. Any history", "outcomes 2), plans to move") is that number, mistyped, unless it
closes a bracket ("(grade 1 or 2), or"). A number among bullets, after a sub-list below a bulleted item closed, goes
on no numbered list (a bullet "Treatment with any of:", its sub-list 1 and 2, more bullets, then an indented "18\\.
Vaccination ..."). The numbers a list skips in each of these ways of writing it are still missing.
"""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

# A criterion long enough that its number stands far above the next one (about 500 characters).
LONG = "less than three weeks or five half-lives from previous antineoplastic therapy, including chemotherapy, " * 5

# (name, criteria text, the numbering gap rule's messages)
CASES = {
    # an escaped bracket after the number
    "escaped brackets among plain ones": (
        "Inclusion Criteria:\n\n* 1)Age 18-70 years;\n* 2)At least one lesion;\n* 3\\) Tissue available for testing;\n"
        "* 4\\) Karnofsky score of 60 or more;\n* 5)Life expectancy over 3 months;", []),
    "escaped brackets opening the list": (
        "Exclusion Criteria:\n\n1\\) Pregnant or lactating women;\n2\\) Organ failure;\n3) Second primary tumour;\n"
        "4) Active hepatitis B", []),
    "an indented escaped bracket": (
        "Inclusion Criteria:\n\n  1) Adults aged 18 to 65\n  2\\) Signed informed consent\n"
        "  3) Able to swallow tablets", []),
    "escaped brackets that skip a number": (
        "Inclusion Criteria:\n\n* 1)Age 18-70 years;\n* 2)At least one lesion;\n* 3\\) Tissue available;\n"
        "* 5\\) Life expectancy over 3 months;\n* 6)Normal organ function;",
        ["The numbered inclusion criteria jump to 5, so criterion 4 is missing."]),
    "escaped brackets only, skipping a number": (
        "Exclusion Criteria:\n\n1\\) Pregnancy;\n2\\) Organ failure;\n4\\) Active hepatitis B;\n5\\) Prior transplant",
        ["The numbered exclusion criteria jump to 4, so criterion 3 is missing."]),
    # a number written otherwise opening a line, above a long criterion
    "a comma for the point, a long criterion": (
        "Exclusion Criteria:\n\n1. Prior anti-TIGIT antibody;\n2. Other anti-tumor therapy;\n\n"
        f"3, {LONG};\n\n4\\. Other investigational drugs within 4 weeks;\n\n5\\. Pregnant women;", []),
    "a colon for the point, a long criterion": (
        f"Inclusion Criteria:\n1. Age 18 to 75 years\n2. ECOG 0-1\n3: {LONG}\n4. Signed informed consent", []),
    "a bold number, a long criterion": (
        f"Inclusion Criteria:\n\n1. Age 18 to 75 years\n2. ECOG 0-1\n**3.** {LONG}\n4. Signed informed consent", []),
    "a long criterion and no number for the next": (
        f"Exclusion Criteria:\n\n1. Prior anti-TIGIT antibody;\n2. {LONG};\n\n4. Other investigational drugs;\n\n"
        "5. Pregnant women;", ["The numbered exclusion criteria jump to 4, so criterion 3 is missing."]),
    "a long criterion with the number inside a line": (
        f"Exclusion Criteria:\n\n1. Prior anti-TIGIT antibody;\n2. Toxicity of grade 3, {LONG};\n\n"
        "4. Other investigational drugs;\n\n5. Pregnant women;",
        ["The numbered exclusion criteria jump to 4, so criterion 3 is missing."]),
    # a full-width point inside a line
    "a full-width point run on after a criterion": (
        "Exclusion Criteria:\n\n1. Uncontrolled asthma.\n2. Currently receiving beta blockers 3．With severe medical "
        "conditions.\n\n4．Pregnant or planning pregnancy.", []),
    "a full-width point after a semicolon": (
        "Inclusion Criteria:\n1. Age 18 to 75 years; 2．Confirmed diagnosis of asthma\n3. Signed informed consent", []),
    "full-width points on lines and inside one": (
        "Exclusion Criteria:\n1. Pregnancy\n2．Severe heart disease (NYHA III-IV) 3．Known allergy to the drug\n"
        "4．Participation in another trial", []),
    "a full-width point run on, then a number skipped": (
        "Exclusion Criteria:\n\n1. Uncontrolled asthma.\n2. Currently receiving beta blockers 3．With severe medical "
        "conditions.\n\n5．Pregnant or planning pregnancy.",
        ["The numbered exclusion criteria jump to 5, so criterion 4 is missing."]),
    # a comma and a point after a number inside a line
    "a comma and a point after a sentence": (
        "Exclusion Criteria:\n\n1. Prior pelvic surgery.\n2. Known allergy to ultrasound gel. 3,. Any history of "
        "psychiatric disease.\n4. Partners who are nursing.", []),
    "a point and a comma after a semicolon": (
        "Exclusion Criteria:\n\n1. Prior pelvic surgery.\n2. Active infection; 3., Known hypersensitivity to the drug"
        "\n4. Partners who are nursing.", []),
    "a comma and a point before a long criterion": (
        f"Exclusion Criteria:\n\n1. Prior pelvic surgery.\n2. Known allergy to ultrasound gel. 3,. Any {LONG}\n"
        "4. Partners who are nursing.", []),
    "a bracket and a comma inside a line": (
        "Exclusion Criteria:\n\nChild: 1) severe cardiac disease that may influence the outcomes 2), plans to move "
        "away within nine months.\n\n3\\) Non-willingness to participate, 4) More than two foetuses", []),
    "a bracket and a comma after a criterion's end": (
        "Exclusion Criteria:\n1) Pregnancy; 2), Known allergy to the drug\n3) Prior transplant", []),
    "a bracket and a comma closing a bracket": (
        "Exclusion Criteria:\n\n1) Severe cardiac disease (grade 1 or 2), or any other serious disease.\n\n"
        "3) Non-willingness to participate\n4) More than two foetuses",
        ["The numbered exclusion criteria jump to 3, so criterion 2 is missing."]),
    "a comma and a point standing for one number of two": (
        "Exclusion Criteria:\n\n1. Prior pelvic surgery.\n2. Known allergy to ultrasound gel. 4,. Any history of "
        "psychiatric disease.\n5. Partners who are nursing.",
        ["The numbered exclusion criteria jump to 5, so criteria 3 and 4 are missing."]),
    # a number among bullets after a sub-list below a bulleted item
    "an indented number among bullets": (
        "Exclusion Criteria:\n\n* Treatment with any of the following:\n\n  1. Chemotherapy within 14 days\n"
        "  2. Radiotherapy within 2 weeks\n* History of other primary malignancies.\n* Severe infections.\n\n"
        "  18\\. Vaccination within 4 weeks\n* Hypersensitivity to the drug.", []),
    "an indented number among dashes": (
        "Exclusion Criteria:\n\n- Prior therapy, any of:\n    1. Anti-PD-1 antibody\n    2. Anti-CTLA-4 antibody\n"
        "- Active autoimmune disease\n    12. Live vaccine within 30 days\n- Known HIV infection", []),
    "a number at the bullets' depth": (
        "Exclusion Criteria:\n\n* Treatment with any of the following:\n  1. Chemotherapy\n  2. Radiotherapy\n"
        "* History of other primary malignancies\n7. Vaccination within 4 weeks\n* Hypersensitivity to the drug", []),
    "a sub-list below a bullet that skips a number": (
        "Exclusion Criteria:\n\n* Treatment with any of the following:\n  1. Chemotherapy\n  2. Radiotherapy\n"
        "  4. Major surgery\n* Hypersensitivity to the drug", [
            "The numbered exclusion criteria jump to 4, so criterion 3 is missing."]),
    "bullets below an item, then a number skipped": (
        "Inclusion Criteria:\n\n1. Age 18 to 75 years\n2. Adequate organ function:\n   * ANC above 1.5 x 10^9/L\n"
        "   * Platelets above 100 x 10^9/L\n4. Signed informed consent",
        ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]),
    "a bullet between numbers at one depth": (
        "Inclusion Criteria:\n\n1. Age 18 to 75 years\n2. ECOG 0-1\n* Life expectancy over 3 months\n"
        "4. Signed informed consent\n5. Able to swallow tablets",
        ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of CASES."""
    texts = {name: text for name, (text, _) in CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, texts)


@pytest.mark.parametrize("name", CASES)
def test_list_numbers_written_otherwise_and_numbers_among_bullets(gap_messages, name):
    assert gap_messages[name] == CASES[name][1]
