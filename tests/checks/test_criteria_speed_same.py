"""The criteria rules' faster reads give what the plain reads give.

A criterion's end and the word "healthy" are found by patterns that open with their first character (a search then
skips to it); a text without list numbers has its sections kept for the age, sex and healthy-volunteer rules; a
reading keeps its list numbers as plain tuples; a criterion without a sign is not rewritten; the first age bound is
looked for no further than it may start; the sex rule leaves unread what cannot change a finding (a statement that
agrees with the record's Sex, the words after the first statement), as the age rule does. Each is checked here
against the plain read on phrases as registry criteria write them, on generated texts and on the shared corpus.
The sex rule's plain read is the full reading with the record's Sex: against one sex, a label of the other that opens
the list ("* Female patients" with Sex 'MALE') is a statement, so the reading without a Sex is no longer the same.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import (criteria_age_agreement, criteria_age_bounds, criteria_age_criterion, criteria_age_statement,
                    criteria_age_words, criteria_healthy_volunteers, criteria_sections)
from checks.criteria_age_bounds import BOUND, spelled
from checks.criteria_age_statement import stated_ages
from checks.criteria_age_words import _aged, first_age_bound
from checks.criteria_ages import study_age_findings
from checks.criteria_gaps import numbering_gaps
from checks.criteria_list_numbers import Marker, candidate_rows, markers_in
from checks.criteria_repeats import repeated_items, repeats_in_items
from checks.criteria_sections import sections
from checks.criteria_sex import study_sex_findings
from checks.criteria_sex_admitted import Admitted, admitted_sex
from checks.criteria_text import Reading, reading, text_sections
from tests.checks.cases_criteria_sex import SEX_FIRES, SEX_QUIET, listed
from tests.shared_corpus import criteria_texts, needs_corpus

# The patterns as they were written before their first character was put first.
_PLAIN_CRITERION_END = re.compile(r"\n[ \t]*(?=\n|[-*\u2022]|\(?\d{1,2}[.)]|\(?[a-z][.)]\s)|;"
                                  r"|(?<!i\.e)(?<!e\.g)\.(?=\s+[A-Z(])")
_PLAIN_HEALTHY_WORD = re.compile(r"\b(?:healthy|normal\s+(?:volunteers?|controls?|subjects?))\b")
_PLAIN_BOUND = re.compile(BOUND.pattern.replace(criteria_age_bounds._NUM,
                                                r"(?<![\d.,])(\d{1,3}(?:\.\d{1,2})?)(?!\d|[.,]\d)"))

_CRITERIA = (
    "Inclusion Criteria:\n\n* Age 18-65 years; male or female\n* Signed informed consent, i.e. Written consent. "
    "Also e.g. Blood tests.\n* (a) ECOG 0-1\n1. Histologically confirmed disease\n\nExclusion Criteria:\n\n"
    "* Pregnant or breast-feeding women\n- Prior therapy. Within 4 weeks",
    "INCLUSION CRITERIA:\n\n  1. Healthy male or female volunteers aged 18 to 45 years\n  2. Body mass index of "
    "18.5 to 30 kg/m2\n\nEXCLUSION CRITERIA:\n\n  1. Unhealthy lifestyle; non-healthy diet\n  2. Normal subjects "
    "with asthma",
    "Inclusion Criteria:\n\n- Women aged 40 years or older\n- Postmenopausal\n\nExclusion Criteria:\n\n- Men",
    "PATIENT CHARACTERISTICS:\n\nAge:\n\n  - 18 and over\n\nSex:\n\n  - Women only\n\nPerformance status:\n\n  - "
    "ECOG 0-2",
    "Inclusion criteria: 1. Age \u2265 18 years 2. ECOG 0-1 4. Adequate organ function\nExclusion criteria: none",
    "Key Inclusion Criteria:\n\n1. Male or female \\> 12 years of age\n2. Healthy volunteers \u2264 65 years\n"
    "3. Weight \uff1e= 50 kg \u2013 100 kg; ~5 visits",
)

_PIECES = ("\n", "\n\n", "\n  ", "\n- ", "\n* ", "\n1. ", "\n(2) ", "\n a) ", "; ", ". ", "i.e. ", "e.g. ", "Age ",
           "healthy ", "Healthy ", "unhealthy ", "_healthy ", "\u00e9healthy ", "2healthy ", "normal  volunteers ",
           "normal subjects", "abnormal controls ", "Normal control", "women ", "Men ", "male or female ",
           "Inclusion Criteria:\n", "Exclusion Criteria:\n", "\u2265 18 years", "18 to 65 years", "(Cohort B)")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_a_criterion_ends_and_healthy_is_found_where_the_plain_patterns_find_them(text):
    assert [m.span() for m in criteria_age_statement._CRITERION_END.finditer(text)] == \
        [m.span() for m in _PLAIN_CRITERION_END.finditer(text)]
    lowered = text.lower()
    assert [m.span() for m in criteria_healthy_volunteers._HEALTHY_WORD.finditer(lowered)] == \
        [m.span() for m in _PLAIN_HEALTHY_WORD.finditer(lowered)]


@pytest.mark.parametrize("text", _CRITERIA)
def test_phrases_end_and_say_healthy_where_the_plain_patterns_find_them(text):
    pieces = _plain_pieces(text)
    assert len(pieces) > 2 and list(criteria_age_statement.criteria_pieces(text, 0, len(text))) == pieces
    lowered = text.lower()
    assert [m.span() for m in criteria_healthy_volunteers._HEALTHY_WORD.finditer(lowered)] == \
        [m.span() for m in _PLAIN_HEALTHY_WORD.finditer(lowered)]


def _plain_pieces(text: str) -> list[tuple[int, int]]:
    pieces, at = [], 0
    for m in _PLAIN_CRITERION_END.finditer(text):
        if m.start() > at:
            pieces.append((at, m.start()))
        at = m.end()
    return pieces + ([(at, len(text))] if len(text) > at else [])


@pytest.mark.parametrize("text", _CRITERIA)
def test_the_sections_kept_for_a_text_are_its_sections(text):
    memo: dict = {}
    lowered = text.lower()
    assert text_sections(text, lowered, memo) == text_sections(text, lowered, memo) == sections(text, lowered)
    assert all(type(s) is criteria_sections.Section for s in text_sections(text, lowered, memo))
    read = reading(text, memo)
    assert text_sections(text, lowered, memo) is read.sections


@pytest.mark.parametrize("text", _CRITERIA)
def test_a_reading_gives_its_list_numbers_as_markers(text):
    read = Reading(text)
    for section in read.sections + [criteria_sections.Section("criteria", 0, len(text))]:
        found = read.candidates(section)
        assert all(type(mk) is Marker for mk in found)
        assert [tuple(mk) for mk in found] == [tuple(mk) for mk in markers_in(text, section)]
    assert read.list_numbers() == [row[1] for row in candidate_rows(text, read.sections)]
    assert read.numbers_inside_lines() == read.numbers_inside_lines()
    assert repeated_items(text, {}) == repeats_in_items(text)


def test_a_text_keeps_one_reading_and_one_answer_for_both_rules():
    text = _CRITERIA[4]
    memo: dict = {}
    gaps = numbering_gaps(text, memo)
    assert memo[Reading].numbered is True and len(memo) == 1
    assert numbering_gaps(text, memo) == gaps == numbering_gaps(text)
    assert [(gap.expected, gap.found) for gap in gaps] == [(3, 4)]
    plain: dict = {}
    assert numbering_gaps("No numbered list here", plain) == [] and plain == {}


_SIGNED = ("Age \\>= 18 years", "age >/= 18", "age => 18", "age =< 65", "age \u2267 18", "age \uff1e= 18",
           "age 18 \u2013 65", "age 18\u201465", "age 18~65", "age \uff1e18", "age \uff1c 65", "age < 65",
           "Age 18 to 65 years", "AGE: 18 YEARS OR OLDER")


@pytest.mark.parametrize("piece", _SIGNED)
def test_a_criterion_is_spelled_as_every_rewrite_spells_it(piece):
    plain = piece.lower()
    for pattern, written in criteria_age_bounds._SPELLINGS:
        plain = pattern.sub(written, plain)
    assert spelled(piece) == plain


@pytest.mark.parametrize("piece", _SIGNED + ("Patients aged 18-75 with at least 1 measurable lesion per RECIST 1.1",
                                             "BMI 18 to 30, aged 20 to 45 years", "ECOG 0-1 and age over 70"))
def test_the_first_age_bound_is_the_first_the_plain_search_finds(piece):
    text = spelled(piece)
    mark = criteria_age_criterion.LIST_MARK.match(text).end()
    reach = mark + criteria_age_criterion.OPENING_REACH
    plain = next((m for m in BOUND.finditer(text, 0, reach + criteria_age_words.BOUND_WIDTH)
                  if m.start() <= reach and _aged(text, m)), None)
    found = first_age_bound(text, reach)
    assert (found and found.span()) == (plain and plain.span())


_AGED = ("age 18-65 years", "aged 5.5 to 12 years", "between 18 and 65", "\u2265 18 years", "18 years or older",
         "under 18", "from 2 to < 12 years", "at least 18", "12 to \u2264 17 years", "older than 65", "1,200 mg",
         "version 1.25 of 18", "grade 3.18 to 65", "65 years and younger", "aged 100-120", "age 1234 to 12",
         "18yo", "18 y/o", "weight 18.123 kg", "more than 5 or 6", "a maximum of 75 years of age")


@pytest.mark.parametrize("text", _AGED)
def test_bounds_are_read_as_the_plain_number_reads_them(text):
    assert _PLAIN_BOUND.pattern != BOUND.pattern
    assert [(m.span(), m.lastgroup, m.groups()) for m in BOUND.finditer(text)] == \
        [(m.span(), m.lastgroup, m.groups()) for m in _PLAIN_BOUND.finditer(text)]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(_AGED + (" ", ".", ",", "1", "22", "333", "4.5", " to ", "-", " years", "aged ")),
                max_size=12).map("".join))
def test_generated_bounds_are_read_as_the_plain_number_reads_them(text):
    assert [(m.span(), m.lastgroup, m.groups()) for m in BOUND.finditer(text)] == \
        [(m.span(), m.lastgroup, m.groups()) for m in _PLAIN_BOUND.finditer(text)]


@pytest.mark.parametrize("value", ("18 Years", "18 years", " 6 Months ", "N/A", "", None, "12 Weeks", "Child"))
def test_a_structured_age_read_again_is_the_same(value):
    assert criteria_age_agreement.structured_age(value, True) == criteria_age_agreement.structured_age(value, True)
    assert criteria_age_agreement.structured_age(value, False) == \
        criteria_age_agreement.structured_age.__wrapped__(value, False)


def test_ages_both_unknown_leave_nothing_to_find_as_before():
    text = "Inclusion Criteria:\n\n* Age 12 to 17 years\n\nExclusion Criteria:\n\n* Pregnancy"
    assert stated_ages(text) is not None
    assert list(study_age_findings("NCT0", text, None, None, False)) == []
    assert len(list(study_age_findings("NCT0", text, "18 Years", None, False))) == 1


def _sex_texts() -> list[str]:
    """Inclusion criteria that admit one sex or both, or name a sex otherwise."""
    return [listed(item, layout=layout) for item, _, layout in SEX_FIRES] + [text for text, _, _ in SEX_QUIET] + \
        list(_CRITERIA)


def _reads_alike(full: Admitted | None, settled: Admitted | None, gender: str) -> bool:
    """Whether the shortcut's reading gives the full reading's finding: the same disagreeing statement, or none."""
    if full is not None and full.sex != gender:
        return settled == full
    return settled is None or settled.sex == gender


@pytest.mark.parametrize("gender", ("ALL", "FEMALE", "MALE"))
def test_a_statement_that_agrees_with_sex_leaves_the_same_findings(gender):
    texts = _sex_texts()
    assert len(texts) > 10
    for text in texts:
        full = admitted_sex(text, settled=gender, shortcut=False)
        assert _reads_alike(full, admitted_sex(text, settled=gender), gender), (text, gender)
        found = list(study_sex_findings("NCT0", text, gender, None))
        assert (found != []) == (full is not None and full.sex != gender), (text, gender)


@pytest.mark.parametrize("gender", ("ALL", "FEMALE", "MALE"))
def test_the_reading_with_sex_is_the_plain_one_but_for_a_label_of_the_other_sex(gender):
    """Against 'ALL' the record's Sex changes no reading; against one sex, only where the list opens with a label of
    the other ("* Female patients" with 'MALE'), which is then the statement found."""
    changed = []
    for text in _sex_texts():
        full, plain = admitted_sex(text, settled=gender, shortcut=False), admitted_sex(text)
        if full != plain:
            assert gender != "ALL" and full is not None and full.sex not in (gender, "ALL"), (text, gender)
            assert plain is None or plain.start > full.start, text  # the label stands above what was read
            changed.append(text)
    assert (changed != []) is (gender != "ALL")  # the label texts are read here, not left out


@needs_corpus
def test_the_corpus_reads_alike_by_every_faster_read():
    texts = criteria_texts()
    assert len(texts) > 100
    for text in texts:
        lowered = text.lower()
        assert [m.span() for m in criteria_age_statement._CRITERION_END.finditer(text)] == \
            [m.span() for m in _PLAIN_CRITERION_END.finditer(text)]
        assert [m.span() for m in criteria_healthy_volunteers._HEALTHY_WORD.finditer(lowered)] == \
            [m.span() for m in _PLAIN_HEALTHY_WORD.finditer(lowered)]
        assert text_sections(text, lowered, {}) == sections(text, lowered)
        for gender in ("ALL", "FEMALE", "MALE"):
            full = admitted_sex(text, lowered, {}, gender, shortcut=False)
            assert _reads_alike(full, admitted_sex(text, lowered, {}, gender), gender), (text, gender)
            assert gender != "ALL" or full == admitted_sex(text, lowered), text
