"""Phrase by phrase: criteria headings, item numbers, numbering gaps and criteria stated twice."""
from __future__ import annotations

import re

import pytest

from checks import criteria_list_numbers
from checks.criteria_gaps import numbering_gaps
from checks.criteria_items import _BULLET, words_of
from checks.criteria_list_breaks import _SUBHEADING
from checks.criteria_list_numbers import LINE_MARKER
from checks.criteria_repeats import repeated_items
from checks.criteria_sections import HEADING, line_starts, sections


@pytest.mark.parametrize("heading, name", [
    ("Inclusion Criteria:", "inclusion"),
    ("Key Inclusion Criteria", "inclusion"),
    ("* Exclusion criteria:", "exclusion"),
    ("Main exclusion criteria (all cohorts):", "exclusion"),
])
def test_headings(heading, name):
    text = f"{heading}\n1. Age over 18 years"
    assert [s.name for s in sections(text)] == [name]


@pytest.mark.parametrize("text", [
    "Patients who meet the inclusion criteria of the main study may enrol.",
    "1. Age over 18 years\n2. Signed consent",
])
def test_text_without_headings_is_one_section(text):
    assert [s.name for s in sections(text)] == ["criteria"]


# (criteria text, (expected, found) of each gap)
GAPS = [
    ("Exclusion Criteria:\n1. Pregnancy\n2. Cancer\n4. Active infection\n5. Prior transplant", [(3, 4)]),
    ("Inclusion Criteria:\n2. Age over 18 years\n3. Signed consent", [(1, 2)]),
    ("Exclusion Criteria:\n1. Pregnancy\n2. Cancer\n5. HIV infection\n6. Hepatitis B", [(3, 5)]),
    ("Inclusion Criteria:\n1. Adults aged 18 or more\n2. Signed consent form given\n3. Body weight over 50 kg\n"
     "5. No prior grade 4) toxicity of any kind\n6. Able to swallow tablets", [(4, 5)]),
    ("Exclusion Criteria:\n1. Pregnancy\n2. Cancer\n4. Active infection\n5. Prior transplant\n\nCohort B:\n"
     "1) Pregnancy 2) Cancer 3) Asthma 4) Gout", [(3, 4)]),
]
QUIET = [
    ("Inclusion Criteria:\n1. Age over 18\n2. Consent\nExclusion Criteria:\n1. Pregnancy\n2. Cancer",
     "numbering restarts per section"),
    ("Inclusion Criteria:\n1. Age over 18\n2. Consent\nExclusion Criteria:\n3. Pregnancy\n4. Cancer",
     "numbering carries on across sections"),
    ("Inclusion Criteria:\n1. Age over 18\n2. One of the following:\n1) fever\n2) cough\n3. Consent",
     "nested list"),
    ("Inclusion Criteria:\n1. Platelets of at least 3. 100 x 10^9/L are required\n2. Consent",
     "a number inside a sentence"),
    ("Inclusion Criteria:\n* 1\\. Diagnosis of diffuse cutaneous systemic sclerosis\n\n2\\. Disease duration under 5 "
     "years 3. mRSS score of 10 or more", "markdown escapes and items sharing a line"),
    ("Exclusion Criteria:\n- Pregnancy\n- HbA1c above 10%\n- eGFR below 30", "bullets without numbers"),
    ("Exclusion Criteria:1.\n\n* Not in a cluster headache bout\n* 2\\. Need for steroids\n* 3\\. Prior surgery",
     "item 1 numbered on the heading line"),
    ("Exclusion Criteria:\n  1. Active psychotic disorder\n  2. Active substance abuse 3 Serious\n     developmental "
     "disorder\n4) If on psychotropic medication", "the missing number written without its point"),
    ("Inclusion Criteria:\n\n  1. Lobular carcinoma in situ\n\n  2. Atypical ductal hyperplasia in a benign lesion\n\n"
     "19)Women at high risk who do not fit into the above categories\n\nAge 40-44 years 3) Two or more relatives "
     "who developed breast cancer 4) First degree relative with bilateral breast cancer",
     "one item misnumbered, the list going on at the number expected (NCT00002644)"),
    ("DISEASE CHARACTERISTICS: must meet ALL of the following criteria: (1) Disease progression despite primary\n"
     "hormone treatment, evidenced by rising PSA despite castrate levels of testosterone (2)\nAt least 2 weeks since "
     "change in hormone therapy\n(3) Continuation on treatments to maintain castrate levels of testosterone",
     "a number in brackets at the end of a hard-wrapped line (NCT00003394)"),
]


@pytest.mark.parametrize("text, gaps", GAPS)
def test_numbering_gaps(text, gaps):
    assert [(g.expected, g.found) for g in numbering_gaps(text)] == gaps


@pytest.mark.parametrize("text, note", QUIET, ids=[n for _, n in QUIET])
def test_numbering_without_gaps(text, note):
    assert numbering_gaps(text) == []


TB = "Subjects at risk for tuberculosis with a history of active TB within the last 3 years"


@pytest.mark.parametrize("text, repeated", [
    (f"Exclusion Criteria:\n1. {TB}\n2. Pregnancy\n3. {TB}", True),
    (f"Exclusion Criteria:\n- {TB}\n- Pregnancy or breastfeeding\n- {TB.upper()}", True),
    (f"Exclusion Criteria:\nCohort A:\n1. {TB}\nCohort B:\n1. {TB}", False),
    ("Exclusion Criteria:\n1. Pregnancy\n2. Age under 18 years\n3. Pregnancy", False),
    (f"Inclusion Criteria:\n1. {TB}\nExclusion Criteria:\n1. Pregnancy", False),
])
def test_repeated_items(text, repeated):
    assert bool(repeated_items(text)) is repeated


# Texts whose numbers, bullets, headings and words sit where a shortcut could miss them.
UNUSUAL = [
    f"Inclusion Criteria:\n\n  * 1\\. {TB}\n  * 2\\. Age ≥ 18 years\n\nExclusion Criteria:3.\n- {TB}\n\n-  {TB}",
    f"Key inclusion criteria (all parts):\n1) Signed consent 2) {TB} 4) Pregnancy;5. {TB}\n\t-\t{TB}",
    f"EXCLUSION CRITERIA\r\n(1) {TB}\r\n(3) {TB.replace('k', 'K')}\n\n\nPrior Medication:\n 12. x",
    f"{TB}. 3. {TB}\n•{TB}\n• {TB}",
]


@pytest.mark.parametrize("text", UNUSUAL)
def test_a_shared_reading_answers_as_a_fresh_one(text):
    memo = {}
    assert repeated_items(text, memo) == repeated_items(text)
    assert numbering_gaps(text, memo) == numbering_gaps(text)
    assert len(memo) == 1  # one reading of the text served both questions


def matches_at(pattern, text: str, places: list[int]):
    """What `pattern.finditer(text)` finds when each match (never empty) starts at one of `places`: the reading
    of a pattern tried only at line starts or breaks, as the criteria reading tries its patterns."""
    tried = 0
    for at in places:
        if at >= tried:
            m = pattern.match(text, at)
            tried = m.end() if m else at + 1
            if m:
                yield m


def _every_match(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", UNUSUAL)
def test_patterns_tried_at_line_starts_find_every_match(text):
    starts = line_starts(text)
    for pattern in (HEADING, LINE_MARKER, _SUBHEADING):
        assert [m.span() for m in matches_at(pattern, text, starts)] == _every_match(pattern, text)
    breaks = sorted(set(starts) | {at - 1 for at in starts[1:]})
    assert [m.span() for m in matches_at(_BULLET, text, breaks)] == _every_match(_BULLET, text)


@pytest.mark.parametrize("text", UNUSUAL + ["Kelvin K İnclusion ß ≥18 café"])
def test_words_are_the_runs_of_letters_and_digits_after_lower_casing(text):
    assert [w.decode() for w in words_of(text)] == re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


WRAPPED = ("Inclusion Criteria:\n"
           + "1. Adults with a confirmed diagnosis of the disease who have been treated for at least\n"
           + "3. months before screening and who agree to use contraception during the study period.\n"
           + "2. Patients able to give written informed consent before any study procedure begins.\n"
           + "3) Body weight of at least 40 kg at screening 4. No prior treatment with the drug;\n")


@pytest.mark.parametrize("text", UNUSUAL + [WRAPPED, WRAPPED.replace("\n", "\n\n")])
def test_candidates_are_every_line_number_and_the_other_inline_numbers_in_order(text):
    # The list numbers of each section as read one by one: a line's number opens an item unless it
    # continues a hard-wrapped sentence; an in-line number never does, and a line's number is not
    # read again as an in-line one.
    wrapped = criteria_list_numbers._hard_wrapped(text)
    for section in sections(text):
        chunk, base = text[section.start:section.end], section.start
        line = {base + m.start(1): (int(m.group(1)), base + m.start(1),
                                    criteria_list_numbers._opens_item(text, base + m.start(), wrapped))
                for m in LINE_MARKER.finditer(chunk)}
        inline = [(int(m.group(1)), base + m.start(1), False)
                  for m in criteria_list_numbers._INLINE_MARKER.finditer(chunk) if base + m.start(1) not in line]
        expected = sorted(list(line.values()) + inline, key=lambda mk: mk[1])
        assert [(mk.number, mk.start, mk.opens_item)
                for mk in criteria_list_numbers.markers_in(text, section)] == expected


def test_a_line_number_inside_a_wrapped_sentence_opens_no_item():
    (section,) = sections(WRAPPED)
    assert criteria_list_numbers._hard_wrapped(WRAPPED)
    read = [(mk.number, mk.opens_item) for mk in criteria_list_numbers.markers_in(WRAPPED, section)]
    assert read == [(1, True), (3, False), (2, True), (3, True), (4, False)]
