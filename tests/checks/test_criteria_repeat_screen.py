"""The repeat screen is exact: with it, `repeated_items` finds what walking every item finds, on any text."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checks.criteria_gaps import numbering_gaps
from checks.criteria_items import MIN_ITEM_WORDS
from checks.criteria_repeat_screen import may_repeat
from checks.criteria_repeats import repeated_items, repeats_in_items
from checks.criteria_text import _list_numbers, reading
from tests.shared_corpus import CORPUS, needs_corpus


def _screen(text: str) -> bool:
    read = reading(text)
    return may_repeat(text, [mk.start for s in read.sections for mk in read.candidates(s)], MIN_ITEM_WORDS)


# Item marks that cut a word ("- 12abc": the mark takes "12"), a mark that takes a whole word ("- 12 abc"),
# numbers inside lines, sub-headings, and letters whose lower case is ASCII (Kelvin sign) or two characters.
_PIECES = (
    "Inclusion Criteria:", "Exclusion Criteria:", "Key Exclusion Criteria:1.", "* Exclusion criteria:",
    "Cohort A:", "1. ", "2. ", "3) ", "(4) ", "* 5\\. ", "- ", "• ", "  - ", "12", "12abc ", "1st ", "6.",
    "history ", "of ", "active ", "tb ", "within ", "the ", "last ", "year ", "abc ", "3 ", "10 ", "dose ",
    "İnr ", "\u212a ", "≥ ", "٣", "; ", ", ", "(", ". ", ": ", "\n", "\n\n", "\n  ", " 2. ", " 3.", " 4) ",
)
_LINES = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join)


@st.composite
def criteria_texts(draw) -> str:
    """Texts of a few lines, some lines stated again, so that items often repeat."""
    lines = draw(st.lists(_LINES, min_size=1, max_size=10))
    for _ in range(draw(st.integers(0, 4))):
        lines.insert(draw(st.integers(0, len(lines))), lines[draw(st.integers(0, len(lines) - 1))])
    return "".join(line + draw(st.sampled_from(("\n", "\n\n", " ", "\n- ", "\n3. "))) for line in lines)


HOLE = ("Exclusion Criteria:\n- 12abc active tuberculosis within the last\n- Pregnancy or breastfeeding women\n"
        "- abc active tuberculosis within the last")

# Items numbered inside one line: the second one ends where "3." begins.
INLINE = ("Inclusion Criteria:\n1. Age between 18 and 75 years 2. Signed informed consent form before any study "
          "procedure 3. Signed informed consent form before any study procedure 4. Able to walk")


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(criteria_texts())
@example(HOLE)
@example(INLINE)
def test_screen_keeps_every_repeat_of_generated_texts(text):
    assert repeated_items(text) == repeats_in_items(text)


@settings(max_examples=400, deadline=None)
@given(criteria_texts())
@example("Inclusion Criteria:\n- Age 18 or over\n- ECOG 0 to 2\n3 Consent")
def test_only_texts_without_a_digit_before_a_point_skip_the_reading(text):
    read = reading(text)
    assert _list_numbers(text, None) == [mk.start for s in read.sections for mk in read.candidates(s)]


def test_a_text_without_list_numbers_is_not_read_for_numbering():
    memo: dict = {}
    assert numbering_gaps("Inclusion Criteria:\n- Age 18 or over\n- ECOG 0 to 2\n3 Consent", memo) == []
    assert memo == {}


def test_a_six_word_item_whose_mark_cuts_its_first_word_is_found():
    # "- 12abc ...": the item mark takes "12", so the key starts "abc" as the other item's does.
    assert [(a.key, b.key) for a, b in repeated_items(HOLE)] == [("abc active tuberculosis within the last",) * 2]


QUIET = [
    "Exclusion Criteria:\n1. Patients with a history of active tuberculosis are excluded\n"
    "2. Relatives of patients with a history of active tuberculosis",
    "Exclusion Criteria:\n- Allergy to any drug given before the first dose of study treatment\n"
    "- Any vaccine within 4 weeks before the first dose of study treatment",
    "Inclusion Criteria:\n- Adults aged 18 to 75 years old\n- Adults aged 18 to 75 years old at screening",
]


def test_screen_passes_over_shared_phrases_that_are_no_repeated_item():
    assert [_screen(text) for text in QUIET] == [False, False, False]


def test_screen_passes_texts_whose_items_repeat():
    tb = "Subjects at risk for tuberculosis with a history of active TB within the last 3 years"
    assert _screen(f"Exclusion Criteria:\n1. {tb}\n2. Pregnancy\n3. {tb}")
    assert _screen(f"Exclusion Criteria:\n- {tb}\n- Pregnancy or breastfeeding\n- {tb.upper()}")


@needs_corpus
def test_screen_keeps_every_repeat_of_the_real_corpus():
    texts = []
    for path in sorted((CORPUS / "json_v2").glob("*.json")):
        module = json.loads(path.read_bytes()).get("protocolSection", {}).get("eligibilityModule", {})
        texts += [module["eligibilityCriteria"]] if module.get("eligibilityCriteria") else []
    assert len(texts) > 100
    assert [repeated_items(t) for t in texts] == [repeats_in_items(t) for t in texts]
