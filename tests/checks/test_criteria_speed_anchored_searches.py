"""The criteria rules' faster reads give what the plain reads give, and the rules' findings on phrases stay the same.

A search skips to a character it can start at: an age bound's first character is looked ahead for; the PDQ form's
"Age:", "Sex:" and "PATIENT CHARACTERISTICS" labels are looked behind from after their first letter; a hard-wrapped
text's long lines, a section's bullets, blank lines and sub-headings are found from their line break or their colon;
a group's heading between two criteria is looked for only where the text says "criteria". Each is checked here
against the plain read (the pattern or the loop as written before) on phrases as registry criteria write them, on
generated texts and on the shared corpus.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import (contradictions_criteria, criteria_age_bounds, criteria_age_statement, criteria_group_labels,
                    criteria_sex_admitted)
from checks.criteria_ages import study_age_findings
from checks.criteria_group_labels import group_heading_between
from checks.criteria_items import _BULLET, _cuts
from checks.criteria_list_breaks import _SUBHEADING
from checks.criteria_list_numbers import _hard_wrapped
from checks.criteria_repeated_sections import repeated_sections
from checks.criteria_sections import HEADING, line_starts, sections
from checks.criteria_sex import study_sex_findings
from tests.checks.harness import criteria_rule_messages
from tests.checks.test_criteria_text_phrases import matches_at
from tests.shared_corpus import criteria_texts

# The patterns as they were written before a search could skip to their first character.
_PLAIN_BOUND = re.compile("|".join(f"(?P<f{i}>{pattern})"
                                   for i, (_, pattern) in enumerate(criteria_age_bounds._BOUND_FORMS)))
_PLAIN_PDQ_HEADING = re.compile(r"\bpatient characteristics\b")
_PLAIN_PDQ_AGE = re.compile(r"(?<![\w-])age\s*:")
_PLAIN_PDQ_SEX = re.compile(r"(?<![\w-])sex\s*:\s*(?:[-*\u2022]\s+)?")


def _plain_hard_wrapped(text: str) -> bool:
    """Three lines or more of 60 characters or more (stripped), none of them past 105: read line by line."""
    long_lines = 0
    for line in text.split("\n"):
        if len(line) >= 60 and len(line.strip()) >= 60:
            if len(line) > 105:
                return False
            long_lines += 1
    return long_lines >= 3


def _plain_cuts(chunk: str) -> set[int]:
    """The ends of `_BULLET`'s matches and the starts of `_SUBHEADING`'s, each pattern tried at every character."""
    return {m.end() for m in _BULLET.finditer(chunk)} | {m.start() for m in _SUBHEADING.finditer(chunk)}


def _plain_group_heading_between(text: str, start: int, end: int) -> bool:
    return any(criteria_group_labels.GROUP_WORD.search(m[0]) is not None or
               criteria_group_labels._PEOPLE_WORD.search(m[0]) is not None
               for m in HEADING.finditer(text, start, end))


def _bounds(pattern: re.Pattern, text: str) -> list[tuple]:
    return [(m.span(), m.groups(), m.lastgroup) for m in pattern.finditer(text)]


_CRITERIA = (
    "Inclusion Criteria:\n\n* Age 18-65 years; male or female\n* Signed informed consent\n\nExclusion Criteria:\n\n"
    "* Pregnant or breast-feeding women\n- Prior therapy within 4 weeks",
    "INCLUSION CRITERIA:\n\n  1. Healthy male or female volunteers aged 18 to 45 years\n  2. Body mass index of "
    "18.5 to 30 kg/m2\n\nEXCLUSION CRITERIA:\n\n  1. Unhealthy lifestyle; non-healthy diet",
    "DISEASE CHARACTERISTICS:\n\n  -  Histologically confirmed adenocarcinoma of the breast\n\nPATIENT "
    "CHARACTERISTICS:\n\nAge:\n\n  -  18 and over\n\nSex:\n\n  -  Women only\n\nPerformance status:\n\n  -  ECOG 0-2"
    "\n\nDosage:\n\n  -  Not specified",
    "Inclusion criteria:\n- Cohort A: adults >= 18 yrs, <= 75 yrs\n- Part B (dose expansion): aged 12 to < 18 years\n"
    "Prior Medication:\nExcluded within 30 days:\n    -  Systemic corticosteroids at a dose above 10 mg daily\n"
    "Criteria for Inclusion in the Sub-study：\n  1) Written informed consent obtained before any procedure",
    "Key Inclusion Criteria\n\n1. Male or female \\> 12 years of age, not older than 65 years\n2. Greater than or "
    "equal to 50 kg body weight; up to 100 kg\n\nExclusion criteria (Caregivers)\n\n1. Between the ages of 18 and 21\n"
    "2. Minimum of 3 months of prior therapy; maximum 2 lines",
    # a hard-wrapped legacy record: lines of 60 to 105 characters
    "Inclusion Criteria:\n\n  1. Patients with histologically or cytologically confirmed metastatic colorectal\n"
    "     adenocarcinoma who have received at least one prior line of chemotherapy for\n     advanced disease, "
    "including oxaliplatin or irinotecan based regimens given in\n2. combination with biological agents\n"
    "  3. Adequate bone marrow, liver and renal function as assessed by the laboratory",
    "Critères d'inclusion / Inclusion Criteria:\n* Âge ≥ 18 ans\n* Edad: 18-65 años\n* Alter: 18 bis 65 Jahre\n"
    "İnclusion Criteria for cohort B\n* Female, post-menopausal",
)

_PIECES = ("\n", "\n\n", "\n  ", "\n- ", "\n* ", "\n\u2022 ", "\n-\t", "\n1. ", "\n(2) ", "  ", "\t", ":", "\uff1a",
           ": ", "Age", "age:", "Dosage:", "non-age:", "_age :", "Sex:", "sex :", "Unisex:", "PATIENT "
           "CHARACTERISTICS", "patient characteristics:", "outpatient characteristics", "between ", "from ",
           "at least ", "up to ", "no less than ", "over ", "under ", "older than ", "\u2265", "\u2264", "<", ">",
           "18", "6.5", "65", " years", " months", " or older", " to ", "-", "+", "Cohort B", "Inclusion Criteria",
           "EXCLUSION CRITERIA", "criteria for inclusion", "Caregivers", "\u0130nclusion", "x" * 61, "y" * 110,
           "Prior Medication:")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_generated_texts_are_read_as_the_plain_reads_read_them(text):
    _assert_read_alike(text)


@pytest.mark.parametrize("text", _CRITERIA)
def test_phrases_are_read_as_the_plain_reads_read_them(text):
    _assert_read_alike(text)


def test_the_corpus_criteria_are_read_as_the_plain_reads_read_them():
    texts = criteria_texts()
    assert len(texts) > 100  # the shared corpus is read
    for text in texts:
        _assert_read_alike(text, every=12)


def _assert_read_alike(text: str, every: int = 3) -> None:
    """The fast reads against the plain ones; a group's heading between offsets is asked from every `every`-th line
    on."""
    spelled = criteria_age_bounds.spelled(text)
    assert _bounds(criteria_age_bounds.BOUND, spelled) == _bounds(_PLAIN_BOUND, spelled)
    lowered = text.lower()
    for fast, plain in ((criteria_age_statement._PDQ_HEADING, _PLAIN_PDQ_HEADING),
                        (criteria_age_statement._PDQ_AGE, _PLAIN_PDQ_AGE),
                        (criteria_sex_admitted._PDQ_SEX, _PLAIN_PDQ_SEX)):
        assert [m.span() for m in fast.finditer(lowered)] == [m.span() for m in plain.finditer(lowered)]
    assert _hard_wrapped(text) == _plain_hard_wrapped(text)
    parts = sections(text)
    for part in parts:
        chunk = text[part.start:part.end]
        assert _cuts(chunk) == _plain_cuts(chunk)
    assert group_heading_between(text, 0, len(text)) == _plain_group_heading_between(text, 0, len(text))
    for start in [part.start for part in parts] + line_starts(text)[1::every]:
        ends = [start, text.find("\n", start + 1), text.find("\n", text.find("\n", start + 1) + 1)]
        for end in ends:
            if end >= start:  # the next lines, the start of a line past them (-1: none)
                assert group_heading_between(text, start, end) == _plain_group_heading_between(text, start, end)
    assert repeated_sections(text, {}, lowered) == repeated_sections(text, {}) == repeated_sections(text)


def test_the_cuts_are_those_of_the_patterns_tried_at_line_starts():
    """The patterns open at a line's start: tried only there (as the items were once cut), they find what `_cuts`
    finds."""
    for text in _CRITERIA:
        starts = line_starts(text)
        breaks = sorted(set(starts) | {at - 1 for at in starts[1:]})
        tried = {m.end() for m in matches_at(_BULLET, text, breaks)} | \
            {m.start() for m in matches_at(_SUBHEADING, text, starts)}
        assert _cuts(text) == tried


# (criteria, minimum, maximum, the message's start or None): the PDQ form's age against the record's ages.
_PDQ = ("DISEASE CHARACTERISTICS:\n\n  -  Adenocarcinoma of the prostate\n\nPATIENT CHARACTERISTICS:\n\n{}\n\n"
        "Performance status:\n\n  -  ECOG 0-2")
_AGE_CASES = (
    (_PDQ.format("Age:\n\n  -  18 and over"), "21 Years", "N/A", "The criteria's patient characteristics state"),
    (_PDQ.format("Age: 65 and under"), "18 Years", "75 Years", "The criteria's patient characteristics state"),
    (_PDQ.format("Age:\n\n  -  18 and over"), "18 Years", "N/A", None),
    # "Dosage:" and "Non-age:" are no age's label
    (_PDQ.format("Dosage:\n\n  -  18 to 65 mg"), "21 Years", "N/A", None),
    (_PDQ.format("Non-age: 18 and over"), "21 Years", "N/A", None),
    ("Inclusion Criteria:\n\n  * Male or female aged between 18 and 65 years\n  * Signed consent", "21 Years",
     "65 Years", "The inclusion criteria state the participants' ages as 18 years to 65 years"),
    ("Inclusion Criteria:\n\n  * Adults (\u2265 18 years)\n  * Signed consent", "18 Years", "N/A", None),
    ("Inclusion Criteria:\n\n  * Aged over 40 years\n  * BMI 18 to 30", "18 Years", "N/A",
     "The inclusion criteria state the participants' ages as over 40 years"),
    ("Inclusion Criteria:\n\n  * Age: 18 years or older; at least 50 kg", "18 Years", "N/A", None),
)


@pytest.mark.parametrize("criteria, minimum, maximum, said", _AGE_CASES)
def test_the_age_rule_reads_phrases_as_before(criteria, minimum, maximum, said):
    found = [f.message for f in study_age_findings("NCT00000001", criteria, minimum, maximum, True)]
    assert [m[:len(said)] for m in found] == ([said] if said else [])


# (criteria, Sex, fires): the PDQ form's "Sex:" against the record's Sex.
_SEX_CASES = (
    (_PDQ.format("Sex:\n\n  -  Women only"), "ALL", True),
    (_PDQ.format("Sex: Male"), "FEMALE", True),
    (_PDQ.format("Sex:\n\n  -  Women only"), "FEMALE", False),
    (_PDQ.format("Unisex: Male"), "FEMALE", False),
    (_PDQ.format("Sex: Male or female"), "MALE", False),
)


@pytest.mark.parametrize("criteria, gender, fires", _SEX_CASES)
def test_the_sex_rule_reads_phrases_as_before(criteria, gender, fires):
    assert bool(list(study_sex_findings("NCT00000001", criteria, gender, False))) is fires


_REPEATS = {
    # bullets and blank lines cut the items: the same criterion twice in one list
    "bulleted": "Exclusion Criteria:\n\n- Known hypersensitivity to any component of the study drug\n\n- Pregnancy\n"
                "-\tKnown hypersensitivity to any component of the study drug",
    # a sub-heading ending in a full-width colon starts a new list: a criterion under each is stated once for each
    "under two sub-headings": "Exclusion Criteria:\n\nCohort A：\n* Known hypersensitivity to any component of the "
                              "study drug\n\nCohort B：\n* Known hypersensitivity to any component of the study drug",
    # a heading that names a group between two criteria: each group's own
    "group heading between": "Inclusion Criteria:\n\n* Able to give written informed consent before any procedure\n\n"
                             "Inclusion Criteria for Caregivers:\n\n* Able to give written informed consent before "
                             "any procedure",
    # the same, written in capitals
    "group heading in capitals": "INCLUSION CRITERIA:\n\n* Able to give written informed consent before any "
                                 "procedure\n\nINCLUSION CRITERIA FOR CAREGIVERS:\n\n* Able to give written informed "
                                 "consent before any procedure",
    # a lead-in longer than a sub-heading, ending in a colon, still heads the criteria below it: each stated once
    "long line with a colon": "Exclusion Criteria:\n\n* Known hypersensitivity to any component of the study drug\n"
                              + "Participants who have any of the following conditions at the time of the screening "
                                "visit or at baseline:\n"
                              + "* Known hypersensitivity to any component of the study drug",
    "one list, no repeat": "Inclusion Criteria:\n\n* Age 18 years or older at the time of consent\n"
                           "* Able to give written informed consent before any procedure",
}
_REPEATED = {"bulleted": ["One exclusion criterion appears twice."], "long line with a colon": []}


def test_the_duplicate_rule_reads_phrases_as_before():
    found = criteria_rule_messages(contradictions_criteria.duplicate_criterion, _REPEATS)
    assert found == {name: _REPEATED.get(name, []) for name in _REPEATS}


_GAPS = {
    "hard-wrapped, one missing": "Inclusion Criteria:\n\n  1. Patients with histologically or cytologically confirmed "
                                 "metastatic colorectal\n     adenocarcinoma who have received at least one prior "
                                 "line of chemotherapy for\n     advanced disease, including oxaliplatin or "
                                 "irinotecan based regimens given.\n  2. Adequate bone marrow, liver and renal "
                                 "function as assessed by the laboratory.\n  4. Life expectancy of at least twelve "
                                 "weeks",
    "hard-wrapped, a quantity wrapped": "Inclusion Criteria:\n\n  1. Patients with histologically or cytologically "
                                        "confirmed metastatic colorectal\n     adenocarcinoma who have received an "
                                        "ECOG performance status of 0 to\n2. or less within the last weeks before the "
                                        "first dose of study treatment\n  2. Adequate bone marrow, liver and renal "
                                        "function",
}


def test_the_numbering_rule_reads_phrases_as_before():
    found = criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, _GAPS)
    assert found == {"hard-wrapped, one missing": ["The numbered inclusion criteria jump to 4, so criterion 3 is "
                                                   "missing."],
                     "hard-wrapped, a quantity wrapped": []}
