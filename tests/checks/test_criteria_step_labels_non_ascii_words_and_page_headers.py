"""Criteria texts in shapes that stated no criterion twice, though the duplicate-criterion rule said so.

The same criterion under a line that names other people ("* Caregivers", "* Donors", "**Mothers**") or another step or
period of the study ("* STEP 2 RANDOMIZATION", "* PRE-REGISTRATION ELIGIBILITY CRITERIA", "* Expansion cohort only",
"Inclusion Criteria for Retreatment") is stated once for each list. Two criteria that differ only in words beyond
ASCII ("HBsAg阳性" and "HBsAg阴性") are two criteria; the same last piece of two criteria that a blank line cut from
their first lines is no criterion stated twice, and neither is a protocol page's header pasted at each page break.
Nearby texts still fire: a criterion written twice in one list, in any script, under a heading written again.
A list number written with a full-width point or bracket ("3．", "（3）"), as Chinese text writes it, loses no criterion.
"""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_headings import names_another_list
from tests.checks import harness

CONSENT = "Able to understand and willing to sign a written informed consent document"
ECOG = "ECOG performance status of 0 or 1 at screening"
TAIL = "effective contraception during the study and for 90 days after the last dose"
HEADER = "Protocol ABC-123 Amendment 3 CONFIDENTIAL and proprietary information"


def _between(line: str) -> str:
    """A bulleted inclusion list that states CONSENT above and below `line`."""
    return f"Inclusion Criteria:\n\n* {CONSENT}\n* {ECOG}\n{line}\n* {CONSENT}\n* Measurable disease"


# (name, criteria text): no criterion is stated twice.
QUIET = {
    "patients and caregivers": _between("* Caregivers"),
    "family caregivers": _between("* Family caregivers"),
    "carers only": _between("* Carers only"),
    "donors": _between("* Sibling donors"),
    "recipients, counted": _between("* Recipients (n = 20)"),
    "mothers in bold": _between("**Mothers**"),
    "partners": _between("* Partners"),
    "household contacts": _between("* Household contacts"),
    "index patients": _between("* Index patients"),
    "patients, bulleted": _between("* Patients"),
    "a registration step": _between("* STEP 2 RANDOMIZATION"),
    "a registration step with a colon inside": _between("* STEP 2: RANDOMIZATION"),
    "a step's criteria": _between("* PRE-REGISTRATION ELIGIBILITY CRITERIA"),
    "registration to a step": _between("* REGISTRATION TO STEP 2"),
    "a step with its purpose in brackets": _between("* Step 2 (randomization)"),
    "an expansion cohort": _between("* Expansion cohort only"),
    "retreatment": _between("* Retreatment"),
    "a heading for retreatment": _between("Inclusion Criteria for Retreatment"),
    "a heading for a stage": _between("Inclusion Criteria for Stage 2"),
    "a randomization heading": _between("Randomization Inclusion Criteria"),
    "a heading naming a step": _between("Inclusion Criteria (Step 2)"),
    "a heading for an extension": _between("Inclusion Criteria for the Extension Study"),
    "a marker positive and negative in Chinese": "Exclusion Criteria:\n1. HBsAg阳性且HBV DNA>2000 IU/mL 的患者\n"
                                                 "2. 妊娠期或哺乳期妇女\n3. HBsAg阴性且HBV DNA>2000 IU/mL 的患者",
    "men and women in Russian": "Критерии включения:\n1. Женщины от 18 до 65 лет, ИМТ 18 5 30 кг м2 ECOG 0 1\n"
                                "2. Подписанное согласие\n3. Мужчины от 18 до 65 лет, ИМТ 18 5 30 кг м2 ECOG 0 1",
    "two criteria's last pieces cut by blank lines": (
        f"Inclusion Criteria:\n\n* Women of childbearing potential must agree to use\n\n{TAIL}\n* Age 18 or older\n"
        f"* Men with partners of childbearing potential must agree to use\n\n{TAIL}\n* Consent"),
    "a page's header at each page break": (
        f"Inclusion Criteria:\n\n* {CONSENT}\n* {ECOG}\n\n{HEADER}\n\n* Age 18 or older\n* Adequate organ function\n\n"
        f"{HEADER}\n\n* Measurable disease per RECIST 1.1"),
    "a page's footer with its version": (
        "Exclusion Criteria:\n\n- Pregnancy\n\nClinical Study Protocol Version 4.0 dated 12 March 2021 Page 12\n\n"
        "- HIV infection\n\nClinical Study Protocol Version 4.0 dated 12 March 2021 Page 12\n\n- HBV infection"),
}

# (name, criteria text): one criterion stated twice.
FIRES = {
    "a Chinese criterion twice": "Exclusion Criteria:\n1. HBsAg阳性且HBV DNA>2000 IU/mL 的患者\n2. 妊娠期或哺乳期妇女\n"
                                 "3. HBsAg阳性且HBV DNA>2000 IU/mL 的患者",
    "a criterion cut by a blank line, twice": (
        f"Inclusion Criteria:\n\n* Women of childbearing potential must agree to use\n\n{TAIL}\n* Age 18 or older\n"
        f"* Women of childbearing potential must agree to use\n\n{TAIL}"),
    "a criterion twice around its German translation": (
        "Inclusion Criteria:\n\n* Age 18 years or older at the time of signing consent\n"
        "* Alter 18 Jahre oder älter zum Zeitpunkt der Einwilligung\n* Age 18 years or older at the time of signing "
        "consent"),
    "a heading written again": _between("Inclusion Criteria (continued)"),
    "other criteria of one population": _between("Other Inclusion Criteria"),
    "a criterion between": _between("* Patients who are pregnant or breastfeeding"),
    "a wrapped criterion's last line in lower case": _between("patients"),
    "a listed criterion that says confidential": (
        "Inclusion Criteria:\n\n* Agrees to keep all study information confidential throughout the study\n"
        "* Age 18 or older\n* Agrees to keep all study information confidential throughout the study"),
}


# (name, criteria text): no number is skipped.
GAPS_QUIET = {
    "a full-width point": "入选标准：\n1. 年龄18-75岁\n2. ECOG评分0-1分\n3．签署知情同意书\n4. 预计生存期≥3个月",
    "full-width brackets": "Inclusion Criteria:\n(1) Age 18-75 years\n(2) ECOG 0-1\n（3）Signed informed consent\n"
                           "(4) Life expectancy of at least 3 months",
    "a full-width closing bracket": "Inclusion Criteria:\n1) Age 18-75 years\n2) ECOG 0-1\n3）签署知情同意书\n"
                                    "4) Life expectancy of at least 3 months",
}
# (name, criteria text): a number is skipped.
GAPS_FIRE = {
    "a Chinese list that skips 3": "入选标准：\n1. 年龄18-75岁\n2. ECOG评分0-1分\n4. 预计生存期≥3个月",
    "a full-width number written for another": "入选标准：\n1. 年龄18-75岁\n2. ECOG评分0-1分\n2．签署知情同意书\n"
                                               "4. 预计生存期≥3个月",
}


def _messages(rule, texts: dict[str, str]) -> dict[str, list[str]]:
    """The rule's messages for each text, each text one study of one evaluation."""
    return harness.criteria_rule_messages(rule, texts)


@pytest.fixture(scope="module")
def found() -> dict[str, list[str]]:
    """The duplicate rule's messages for every text above."""
    return _messages(contradictions_criteria.duplicate_criterion, {**QUIET, **FIRES})


@pytest.fixture(scope="module")
def gaps() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text above."""
    return _messages(contradictions_criteria.criteria_numbering_gap, {**GAPS_QUIET, **GAPS_FIRE})


@pytest.mark.parametrize("name", QUIET)
def test_no_criterion_stated_twice(found, name):
    assert found[name] == []


@pytest.mark.parametrize("name", FIRES)
def test_a_criterion_stated_twice(found, name):
    assert len(found[name]) == 1


def test_messages_keep_their_words(found):
    assert found["a Chinese criterion twice"] == ["Exclusion criterion 3 repeats exclusion criterion 1 word for word."]
    assert found["a heading written again"] == ["One inclusion criterion appears twice."]


@pytest.mark.parametrize("line, names", [
    ("* Caregivers", True), ("**Donors**", True), ("* For caregivers:", True), ("Recipients", True),
    ("* STEP 1 REGISTRATION", True), ("* RANDOMIZATION ELIGIBILITY CRITERIA", True),
    ("Inclusion Criteria for Retreatment", True), ("Inclusion Criteria (Step 2)", True),
    ("     patients", False), ("* Patients with COPD", False), ("* Stage IV", False),
    ("Patients with the following are excluded:", False), ("Other Inclusion Criteria", False),
    ("Inclusion Criteria (continued)", False), ("* Able to perform flexion/extension of the knee", False),
    ("Exclusion Criteria for Caregivers", True), ("Other Exclusion Criteria for All Patients", False),
])
def test_lines_that_name_another_list(line, names):
    assert names_another_list(line) is names


@pytest.mark.parametrize("name", GAPS_QUIET)
def test_numbers_written_full_width_lose_no_criterion(gaps, name):
    assert gaps[name] == []


def test_a_number_skipped_beside_full_width_text_still_found(gaps):
    assert gaps["a Chinese list that skips 3"] == ["The numbered criteria jump to 4, so criterion 3 is missing."]
    assert gaps["a full-width number written for another"] == [
        "The numbered criteria jump to 4, so criterion 3 is missing."]
