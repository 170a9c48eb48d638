"""A criteria text's words are read once (`Reading.words`) for the repeat screen and every item's key.

The plain path reads each piece's words alone (`criteria_items.words_of` of the piece after its mark) and the
screen lower-cases and encodes the text itself; both must give what the shared bytes give, on phrases that
fire and that stay quiet and on letters whose lower case depends on the text around them (Σ) or changes
the length (İ), and on non-ASCII letters that lower-case to ASCII (the Kelvin sign).
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks import criteria_sections, criteria_text
from checks.criteria_items import MIN_ITEM_WORDS, items
from checks.criteria_repeat_screen import _WORDS_AND_LINES, may_repeat, word_bytes
from checks.criteria_repeats import repeated_items
from checks.criteria_text import Reading

TB = "Subjects at risk for tuberculosis with a history of active TB within the last 3 years"


def _plain_items(text: str) -> list:
    """The items with each key read from its own piece (the shared words switched off)."""
    read = criteria_text.Reading(text)
    read._words = None
    return list(items(text, {criteria_text.Reading: read}))


def _same(text: str) -> None:
    assert list(items(text)) == _plain_items(text)
    read = Reading(text)
    numbers = read.list_numbers()
    assert may_repeat(text, numbers, MIN_ITEM_WORDS) == (
        True if read.words is None else may_repeat(text, numbers, MIN_ITEM_WORDS, words=read.words))
    assert read.words == word_bytes(text)


FIRES = [
    f"Exclusion Criteria:\n1. {TB}\n2. Pregnancy\n3. {TB}",
    f"Exclusion Criteria:\n- {TB}\n- Pregnancy or breastfeeding\n- {TB.upper()}",
    "Exclusion Criteria:\n1. ΟΔΥΣ Patients with ΣΑΣ history of active disease in ΣΑΣΣ years\n2. Pregnancy\n"
    "3. ΟΔΥΣ Patients with ΣΑΣ history of active disease in ΣΑΣΣ years",
    "Exclusion Criteria:\n1. \u212aelvin scale temperature above forty degrees at screening\n2. x\n"
    "3. \u212aelvin scale temperature above forty degrees at screening",
]
QUIET = [
    "Exclusion Criteria:\n1. Pregnancy\n2. Age under 18 years\n3. Pregnancy",
    f"Inclusion Criteria:\n1. {TB}\nExclusion Criteria:\n1. {TB}",
    "Exclusion Criteria:\n1. ΟΔΥΣ Patients with ΣΑΣ history of active disease\n2. ΟΔΥΣ Patients with ΣΑΣ "
    "history of other disease",
    "İnclusion Criteria:\n1. İstanbul patients with a history of active disease\n2. İstanbul patients with a "
    "history of active illness",
]


def test_phrases_that_fire_read_alike_and_fire():
    for text in FIRES:
        _same(text)
        assert repeated_items(text)


def test_phrases_that_stay_quiet_read_alike_and_stay_quiet():
    for text in QUIET:
        _same(text)
        assert repeated_items(text) == []


def test_a_letter_lower_cased_to_two_characters_reads_each_piece_alone():
    assert Reading(QUIET[3]).words is None
    assert [i.key for i in items(QUIET[3])] == [i.key for i in _plain_items(QUIET[3])]


_PIECES = ("Exclusion Criteria:", "1. ", "2) ", "- ", "• ", "\n", "\n\n", "Σ", "ΣΑ ", "ς", "İ", "\u212a", "ß ",
           "ſ", "history ", "of ", "active ", "tb ", "within ", "the ", "last ", "year ", "ΟΔΥΣ. ", ": ", "; ")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_generated_texts_read_alike(text):
    _same(text + "\n" + text)  # stated twice, so items repeat


# Whether a text may hold a list number, looked for from its point or bracket instead of from a digit.
from checks.criteria_list_numbers import _MAY_NUMBER, may_number  # noqa: E402


def test_a_list_number_is_found_from_its_point_or_bracket_on_phrases():
    for text, found in [("1. Age", True), ("age 3 )", True), ("* 2\\. x", True), ("(4\\) y", True), ("7\t.", True),
                        ("no numbers here.", False), ("3 years (adults)", False), ("1  . two spaces", False),
                        ("٣. Arabic-Indic", True), ("x.1", False), ("", False)]:
        assert may_number(text) is found, text
        assert bool(_MAY_NUMBER.search(text)) is found, text


@settings(max_examples=2000, deadline=None)
@given(st.text(st.sampled_from("1٣a .)\\\t\n9x("), max_size=12))
def test_a_list_number_is_found_from_its_point_or_bracket_as_from_its_digit(text):
    assert may_number(text) == bool(_MAY_NUMBER.search(text))


def test_the_screen_groups_cuts_by_their_last_word_first():
    # Two items end in the same word but not the same five words: no group; in the same five: a group.
    quiet = ("Exclusion Criteria:\n1. Allergy to any part of the study drug given as treatment\n"
             "2. Prior exposure within five years to another unrelated treatment")
    fires = ("Exclusion Criteria:\n1. Allergy to any part of the study drug given as treatment\n"
             "2. Pregnancy\n3. Allergy to any part of the study drug given as treatment")
    for text, found in ((quiet, False), (fires, True)):
        read = Reading(text)
        assert may_repeat(text, read.list_numbers(), MIN_ITEM_WORDS) is found
        assert bool(repeated_items(text)) is found


def test_ascii_text_is_read_without_lower_casing_as_lower_cased():
    # Every ASCII character alone and in a text: the words and the headings as from the lower-cased text.
    every = "".join(map(chr, range(128)))
    for text in (every, every.upper(), "INCLUSION CRITERIA:\n1. AGE\nExclusion Criteria\n2. X", "CrItErIa\ncriteria"):
        assert word_bytes(text) == text.lower().encode("ascii", "replace").translate(_WORDS_AND_LINES)
        assert Reading(text).sections == criteria_sections.sections(text) == \
            criteria_sections.sections(text, text.lower())


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("Criteria Inclusion EXCLUSION: 1. 2) - *\n\t\\iıİK\u212a"), max_size=80))
def test_headings_found_in_the_words_are_those_found_in_the_lower_case(text):
    assert Reading(text).sections == criteria_sections.sections(text, text.lower())
    if text.isascii():
        assert Reading(text).words == text.lower().encode("ascii").translate(_WORDS_AND_LINES)


from checks.criteria_items import _ITEM_MARK, ITEM_MARK_AT  # noqa: E402


@settings(max_examples=2000, deadline=None)
@given(st.text(st.sampled_from(" \t\n\\*•-(12).x٣"), max_size=14), st.integers(0, 14), st.integers(0, 14))
def test_an_item_mark_tried_inside_the_text_is_the_pieces_mark(text, start, end):
    start, end = min(start, len(text)), min(max(start, end), len(text))
    assert ITEM_MARK_AT.match(text, start, end).end() - start == _ITEM_MARK.match(text[start:end]).end()
