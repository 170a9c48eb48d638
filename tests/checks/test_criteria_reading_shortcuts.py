"""The shortcuts of the criteria reading give what the plain reading gives, phrase by phrase and on generated texts.

- headings are tried only on lines that say "criteria" (plain: on every line);
- in-line list numbers are found from their point or bracket (plain: `_INLINE_MARKER` from a digit);
- a text's list numbers are read in one pass and shared out to its sections (plain: section by section);
- the repeat screen's first test tells most texts apart by their cuts' last words alone (plain: by every key), and
  its second walks back from cuts that end alike (plain: forward from starts that begin alike);
- the repeat screen reads the text backwards from its cuts, never splitting it into words (`_repeat_back`;
  plain: `may_repeat_by_words`, from every word of the text);
- whether a text is hard-wrapped is told from its longest line first (plain: every line stripped).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, chain

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checks import criteria_list_numbers
from checks.criteria_items import MIN_ITEM_WORDS
from checks.criteria_list_numbers import _INLINE_BRACKET, _INLINE_MARKER, _INLINE_POINT, LINE_MARKER
from checks.criteria_repeat_screen import (
    _LOWERS_TO_ASCII, _WORDS_AND_LINES, _cut_word_counts, _ends_meet as _screen_ends_meet, _repeat_back, may_repeat,
    may_repeat_by_words, word_bytes,
)
from checks.criteria_repeats import repeated_items, repeats_in_items
from checks.criteria_sections import HEADING, _headings, _inline_headings, line_starts, sections
from checks.criteria_text import Reading

TB = "Subjects at risk for tuberculosis with a history of active TB within the last 3 years"


def _plain_headings(text: str) -> list[tuple[int, int]]:
    """Every line's heading, or the headings that stand inside it."""
    found = []
    for line_start in line_starts(text):
        m = HEADING.match(text, line_start)
        if m:
            found.append(m.span())
            continue
        line_end = text.find("\n", line_start)
        found += [h.span() for h in _inline_headings(text, line_start, len(text) if line_end < 0 else line_end)]
    return found


def _plain_inline(text: str) -> list[tuple[int, str]]:
    return [(m.start(1), m[1]) for m in _INLINE_MARKER.finditer(text)]


def _inline(text: str) -> list[tuple[int, str]]:
    found = chain(_INLINE_POINT.finditer(text), _INLINE_BRACKET.finditer(text))
    return sorted((m.start(m.lastindex), m[m.lastindex]) for m in found)


def _plain_candidates(text: str, section) -> list[tuple[int, int, bool]]:
    """The list numbers of one section read alone: its lines' numbers, then the others inside lines."""
    wrapped = criteria_list_numbers._hard_wrapped(text)
    chunk, base = text[section.start:section.end], section.start
    line = {base + m.start(1): (int(m[1]), base + m.start(1),
                                criteria_list_numbers._opens_item(text, base + m.start(), wrapped))
            for m in LINE_MARKER.finditer(chunk)}
    inline = [(int(m[1]), base + m.start(1), False)
              for m in _INLINE_MARKER.finditer(chunk) if base + m.start(1) not in line]
    return sorted(list(line.values()) + inline, key=lambda mk: mk[1])


def _plain_hard_wrapped(text: str) -> bool:
    long_lines = [len(line) for line in text.split("\n") if len(line.strip()) >= 60]
    return len(long_lines) >= 3 and max(long_lines) <= 105


def _plain_cut_word_counts(lines: list[bytes], words_of_lines: list[list[bytes]], marker_starts: list[int]) -> set[int]:
    before_line = list(accumulate(map(len, words_of_lines), initial=0))
    counts = set(before_line)
    line_starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    for at in marker_starts:
        i = bisect_right(line_starts, at) - 1
        if at > line_starts[i]:
            counts.add(before_line[i] + len(lines[i][:at - line_starts[i]].split()))
    return counts


def _plain_screen(text: str, marker_starts: list[int], tail: int) -> tuple[bool, bool]:
    """(whether two cuts end in the same `tail` words after words ending in the same letter, whether two equal starts run to cuts alike), from
    every word of the text: cuts are line breaks, the ends and list numbers; starts one or two words after a cut."""
    lines = text.lower().encode("ascii", "replace").translate(_WORDS_AND_LINES).split(b"\n")
    words_of_lines = list(map(bytes.split, lines))
    tokens = list(chain.from_iterable(words_of_lines))
    cuts = _plain_cut_word_counts(lines, words_of_lines, marker_starts)
    ends = [j for j in cuts if j > tail]
    # The word before a key's last `tail` words is read by its last letter (a key's first word may be cut).
    meet = len({(tokens[j - tail - 1][-1], *tokens[j - tail:j]) for j in ends}) != len(ends)
    starts = sorted({q for k in cuts for q in (k + 1, k + 2) if q <= len(tokens) - tail})
    groups: dict[tuple, list[int]] = {}
    for q in starts:
        groups.setdefault((tokens[q - 1][-1], *tokens[q:q + tail]), []).append(q)
    for group in groups.values():
        for i, qa in enumerate(group):
            for qb in group[i + 1:]:
                length = 0
                while qb + length < len(tokens) and tokens[qa + length] == tokens[qb + length]:
                    length += 1
                    if length >= tail and qa + length in cuts and qb + length in cuts:
                        return meet, True
    return meet, False


def _ends_meet(words: bytes, marker_starts: list[int], tail: int) -> bool:
    """The screen's first test on a text's word bytes, its words and cuts read as `may_repeat` reads them."""
    tokens = words.split()
    return _screen_ends_meet(tokens, _cut_word_counts(words, marker_starts), tail)


def _plain_ends_meet(text: str, marker_starts: list[int], tail: int) -> bool:
    return _plain_screen(text, marker_starts, tail)[0]


def _plain_may_repeat(text: str, marker_starts: list[int], min_words: int) -> bool:
    if len(text.lower()) != len(text):
        return True
    meet, run = _plain_screen(text, marker_starts, min_words - 1)
    return meet and run and len(text.lower().encode("ascii", "replace").translate(_WORDS_AND_LINES).split()) >= 2 * min_words


def _same_back(text: str, numbers: list[int]) -> None:
    """The backward reading of the repeat screen says what the word-by-word reading says, for keys of any length."""
    words = word_bytes(text)
    if words is not None:
        for min_words in (2, 3, MIN_ITEM_WORDS, 8):
            assert _repeat_back(words, numbers, min_words - 1) == may_repeat_by_words(words, numbers, min_words)


def _same_reading(text: str) -> None:
    assert criteria_list_numbers._hard_wrapped(text) == _plain_hard_wrapped(text)
    assert [m.span() for m in _headings(text, text.lower())] == _plain_headings(text)
    assert _inline(text) == _plain_inline(text)
    read = Reading(text)
    assert read.sections == sections(text)
    for section in read.sections:
        assert [tuple(mk) for mk in read.candidates(section)] == _plain_candidates(text, section)
    numbers = read.list_numbers()
    assert numbers == [mk.start for s in read.sections for mk in read.candidates(s)]
    assert may_repeat(text, numbers, MIN_ITEM_WORDS) == _plain_may_repeat(text, numbers, MIN_ITEM_WORDS)
    _same_back(text, numbers)
    if len(text.lower()) == len(text):
        assert _ends_meet(read.lowered.encode("ascii", "replace").translate(_WORDS_AND_LINES), numbers,
                          MIN_ITEM_WORDS - 1) == _plain_ends_meet(text, numbers, MIN_ITEM_WORDS - 1)
    assert repeated_items(text) == repeats_in_items(text)


# Phrases that fire: one item stated twice, numbered or bulleted in each way a list is written.
FIRES = [
    f"Exclusion Criteria:\n1. {TB}\n2. Pregnancy\n3. {TB}",
    f"Exclusion Criteria:\n1) {TB}\n2) Pregnancy\n3) {TB}",
    f"Exclusion Criteria:\n(1) {TB}\n(2) Pregnancy\n(3) {TB}",
    f"Exclusion Criteria:\n* 1\\. {TB}\n* 2\\. Pregnancy\n* 3\\. {TB}",
    f"Exclusion Criteria:\n• {TB}\n• Pregnancy or breastfeeding\n• {TB}",
    f"Exclusion Criteria:\n- {TB}\n- Pregnancy or breastfeeding\n- {TB.upper()}",
    f"Exclusion Criteria:\n- {TB}\n- Pregnancy or breastfeeding\n-   {TB.replace(' ', '  ')}.",
    f"Exclusion Criteria:\n- {TB};\n- Pregnancy or breastfeeding\n- {TB.replace('with a', 'with, a')}",
    f"Exclusion Criteria:\n1. Patients ≥ 18 years with café-au-lait spots on the skin\n2. Pregnancy\n"
    f"3. PATIENTS ≥ 18 YEARS WITH CAFÉ-AU-LAIT SPOTS ON THE SKIN",
    f"Inclusion Criteria:\n1. Age between 18 and 75 years 2. {TB} 3. {TB} 4. Able to walk",
    f"Inclusion Criteria:\n1. Age between 18 and 75 years 2) {TB}; 3) {TB}; 4) Able to walk",
    "Exclusion Criteria:\n1. Adults with a confirmed diagnosis of the disease who have been treated for at least\n"
    "   three months before screening\n2. Pregnancy\n3. Adults with a confirmed diagnosis of the disease who have "
    "been treated for at least three months before screening",
]
# Phrases that stay quiet: shared endings or beginnings, repeats across sections or lists, short items.
QUIET = [
    "Exclusion Criteria:\n1. Allergy to any drug given before the first dose of study treatment\n"
    "2. Any vaccine within 4 weeks before the first dose of study treatment",
    "Exclusion Criteria:\n- Patients with a history of active tuberculosis are excluded\n"
    "- Patients with a history of active tuberculosis and HIV",
    f"Inclusion Criteria:\n1. {TB}\nExclusion Criteria:\n1. {TB}",
    f"Exclusion Criteria:\nCohort A:\n1. {TB}\nCohort B:\n1. {TB}",
    "Exclusion Criteria:\n1. Pregnancy\n2. Age under 18 years\n3. Pregnancy",
    "Exclusion Criteria:\n(a) Pregnancy or breast feeding\n(b) Age under 18 years\n(c) pregnancy OR breast-feeding",
    f"Exclusion Criteria:\n1) {TB}\n2) {TB} or HIV\n3) Any {TB}",
    "Inclusion Criteria:\n\n\n\n\n1. Age 18 years or older at the time of consent\n\n\n\n",
    # Letters and roman numerals are no list numbers: the mark stays in the item's words, so they differ.
    f"Exclusion Criteria:\n(a) {TB}\n\n(b) Pregnancy\n\n(c) {TB}",
    f"Exclusion Criteria:\ni. {TB}\n\nii. Pregnancy\n\niii. {TB}",
]
# Texts where a shortcut could slip: headings in other cases or letters, CR LF, numbers at the ends.
ODD = [
    "INCLUSION CRITERIA:\r\n1. Age\r\n\r\nEXCLUSION CRITERIA\r\n(1) Pregnancy 2) Cancer",
    "Inclusion crıteria:\n1. Age\nExclusion Criteria:\n2. Pregnancy",  # dotless i: the pattern reads an i
    "İnclusion Criteria:\n1. Age\nExclusion Criteria:\n2. Pregnancy",  # İ lower-cases to two characters
    "The inclusion criteria of the main study apply.\nExclusion criteria:\n1. Pregnancy 2. Cancer",
    "  Key Inclusion Criteria (all parts): 1. Age\n\tMain exclusion criteria\n1. x 2. y",
    "1. First item of a list without a heading 2. Second one\n3. Third\n",
    "Criteria\ncriteria criteria\n- inclusion   criteria\n",
    " ٣. Arabic-Indic three (2) bracketed 12\\. escaped 123. too long 4 ) spaced 5\\) escaped bracket",
    "a;1. b,2) c(3. d\t4. 5 6. 7.8 9.",
    "",
    "\n",
    "5.",
    # Beyond ASCII: the words are read without lower-casing the text, but for the Kelvin sign and İ.
    "Inclusion Criteria \u2013 \u201cadults\u201d \u2265 18:\n1. Age \u2265 18 years\n2. BMI \u2264 30 kg/m\u00b2",
    "\u212aey Inclusion Criteria:\n1. \u212aidney disease\n2. kidney disease of any \u212aind at all\n",
    "Exclusion CRİTERİA:\n1. ΣΑΣ level \u2265 2 \u00d7 ULN\n2. Σ ς σ café ſ ı\n",
    "Exclusion Criteria:\n1. Not blinded; single\u2010blind \u2018open label\u2019\n2. Open\u2011label\n",
]


@pytest.mark.parametrize("text", FIRES)
def test_repeats_found_through_the_shortcuts_are_those_of_the_plain_walk(text):
    _same_reading(text)
    assert repeated_items(text)


@pytest.mark.parametrize("text", QUIET)
def test_quiet_texts_stay_quiet_through_the_shortcuts(text):
    _same_reading(text)
    assert repeated_items(text) == []


@pytest.mark.parametrize("text", ODD)
def test_odd_texts_read_alike_through_the_shortcuts(text):
    _same_reading(text)


def test_a_dotless_i_heading_is_still_a_heading():
    assert [s.name for s in sections(ODD[1])] == ["inclusion", "exclusion"]


def test_numbers_inside_lines_are_found_from_their_point_or_bracket():
    # Not "123." (three digits), "4 )" (a space before the bracket) nor "5\\)" (an escaped bracket).
    assert _inline(ODD[7]) == [(1, "٣"), (24, "2"), (37, "12")]
    assert _inline("a;1. b,2) c(3. d\t4. 5 6. 7.8 9.") == [(2, "1"), (7, "2"), (12, "3"), (17, "4"), (22, "6")]


def test_the_line_end_screen_says_no_only_when_no_two_cuts_end_alike():
    # Two lines end in the same five words after a word ending in the same letter: the screen passes the text
    # on (a repeat is not ruled out: "e" could end an item mark's cut word "12the").
    text = "Exclusion Criteria:\n1. Allergy to the first dose of study treatment\n2. Delay of the first dose of study treatment"
    assert may_repeat(text, Reading(text).list_numbers(), MIN_ITEM_WORDS) is False  # their beginnings differ
    assert _plain_ends_meet(text, Reading(text).list_numbers(), MIN_ITEM_WORDS - 1)
    words = text.lower().encode("ascii", "replace").translate(_WORDS_AND_LINES)
    assert _ends_meet(words, Reading(text).list_numbers(), MIN_ITEM_WORDS - 1)
    # The same five words after words ending in other letters ("of", "to"): no key can be shared, said at once.
    for text in ("Exclusion Criteria:\n1. Allergy prior to first dose of study treatment\n"
                 "2. Any vaccine within 4 weeks of first dose of study treatment",
                 "Exclusion Criteria:\n- Allergy prior to first dose of study treatment\n- Pregnancy\n"
                 "- Any vaccine within 4 weeks of first dose of study treatment"):
        numbers = Reading(text).list_numbers()
        words = text.lower().encode("ascii", "replace").translate(_WORDS_AND_LINES)
        assert not _ends_meet(words, numbers, MIN_ITEM_WORDS - 1)
        assert not _plain_ends_meet(text, numbers, MIN_ITEM_WORDS - 1)
        assert repeated_items(text) == repeats_in_items(text) == []
    # A key whose first word is cut by its mark ("12the" after "- "): the word before the last five ends in the
    # same letter, so the line-end screen passes the text and the repeat is found.
    text = ("Exclusion Criteria:\n- 12the first dose of study treatment\n- Pregnancy or breastfeeding\n"
            "- the first dose of study treatment")
    assert _ends_meet(text.lower().encode("ascii", "replace").translate(_WORDS_AND_LINES),
                      Reading(text).list_numbers(), MIN_ITEM_WORDS - 1)
    assert [(a.key, b.key) for a, b in repeated_items(text)] == [("the first dose of study treatment",) * 2]


_PIECES = (
    "Inclusion Criteria:", "Exclusion Criteria:", "EXCLUSION CRITERIA", "Key inclusion criteria:2.", "crıteria ",
    "criteria ", "* Exclusion criteria:", "Cohort A:", "1. ", "2. ", "3) ", "(4) ", "* 5\\. ", "6\\) ", "- ",
    "• ", "  - ", "\t", "12", "12abc ", "1st ", "6.", "7.8 ", "123. ", "٣. ", "(a) ", "i. ", "history ", "of ",
    "active ", "tb ", "within ", "the ", "last ", "year ", "abc ", "3 ", "10 ", "dose ", "İnr ", "\u212a ", "≥ ",
    "; ", ", ", ";", ",", "(", ". ", ": ", "\n", "\r\n", "\n\n", "\n  ", " 2. ", " 3.", " 4) ", "4 )",
)
_LINES = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join)


@st.composite
def criteria_texts(draw) -> str:
    """Texts of a few lines, some lines stated again (in another case at times), so that items often repeat."""
    lines = draw(st.lists(_LINES, min_size=1, max_size=10))
    for _ in range(draw(st.integers(0, 4))):
        again = lines[draw(st.integers(0, len(lines) - 1))]
        lines.insert(draw(st.integers(0, len(lines))), again.upper() if draw(st.booleans()) else again)
    return "".join(line + draw(st.sampled_from(("\n", "\n\n", " ", "\n- ", "\n3. ", " 4. ", "; 5) "))) for line in lines)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(criteria_texts())
@example(FIRES[11])
@example("Inclusion Criteria:\nInclusion Criteria:\nInclusion Criteria:\n3. ٣. 1. Inclusion Criteria:\n")  # ٣ is no word
def test_generated_texts_read_alike_through_the_shortcuts(text):
    _same_reading(text)


@settings(max_examples=600, deadline=None)
@given(st.text(st.sampled_from("0123456789٣.)(\\ \t\n;,aZ[-•"), max_size=40))
def test_numbers_inside_lines_are_those_the_plain_pattern_finds(text):
    assert _inline(text) == _plain_inline(text)
    assert [m.span() for m in _headings(text, text.lower())] == _plain_headings(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 120), st.integers(0, 50)), max_size=8))
@example([(0, 60, 0)] * 3)
@example([(0, 60, 0)] * 3 + [(50, 56, 0)])
@example([(0, 60, 0)] * 3 + [(0, 106, 0)])
@example([(0, 60, 0)] * 2 + [(10, 96, 0)])
def test_hard_wrapped_texts_are_told_apart_as_line_by_line(lines):
    # (leading spaces, letters, trailing tabs) of each line: long lines, lines past 105, indented lines.
    text = "\n".join(" " * lead + "x" * size + "\t" * trail for lead, size, trail in lines)
    assert criteria_list_numbers._hard_wrapped(text) == _plain_hard_wrapped(text)


_L60, _L105, _L106 = "x" * 60, "y" * 105, "z" * 106
WRAPPING = [
    "", "\n", _L60, f"{_L60}\n{_L60}\n{_L60}", f"{_L60}\n{_L60}\n{_L60}\n", f"{_L105}\n{_L60}\n{_L105}",
    f"{_L60}\n{_L60}\n{_L60}\n{_L106}", f"{_L106}\n{_L60}\n{_L60}\n{_L60}",  # one line past 105: not wrapped
    f"{_L60}\n{_L60}\n{' ' * 50 + _L60[:59]}\n\n",  # long unstripped, short stripped
    f"{' ' * 110}\n{_L60}\n{_L60}\n{_L60}",  # past 105 but blank: no long line
    f"{_L60}\r\n{_L60}\r\n{_L60}\r\n",  # CR LF: the CR is stripped
    f"{_L60}\u2003\n\u00a0{_L60}\n{_L60}\u2028{_L60}",  # other white space; U+2028 is no line break here
    "\t" * 70 + "\n" + _L60 * 2,
]


@pytest.mark.parametrize("text", WRAPPING)
def test_hard_wrapped_edge_lines_are_told_apart_as_line_by_line(text):
    assert criteria_list_numbers._hard_wrapped(text) == _plain_hard_wrapped(text)


def test_hard_wrapped_phrases():
    assert criteria_list_numbers._hard_wrapped(WRAPPING[3]) and not criteria_list_numbers._hard_wrapped(WRAPPING[6])
    assert not criteria_list_numbers._hard_wrapped(WRAPPING[7]) and criteria_list_numbers._hard_wrapped(WRAPPING[5])


def test_only_two_characters_beyond_ascii_lower_case_to_an_ascii_letter():
    # word_bytes reads any other text's words without lower-casing it: its other characters are spaces either way.
    found = [c for c in map(chr, range(0x80, 0x110000)) if any(ord(x) < 0x80 for x in c.lower())]
    assert found == sorted(_LOWERS_TO_ASCII)
    assert [c for c in map(chr, range(0x80, 0x110000)) if len(c.lower()) != 1] == ["\u0130"]


@pytest.mark.parametrize("text", ODD + FIRES + QUIET + [
    "≥ 18 \u212a", "\u212a", "\u0130", "İ\u212a", "café \u2014 ‘x’ “y” ≤ 3", "ΣΑΣ ς", "ſ ı ﬁ ß", "A\r\nB\u2028C"])
def test_words_are_those_of_the_lower_cased_text(text):
    lowered = text.lower()
    plain = lowered.encode("ascii", "replace").translate(_WORDS_AND_LINES) if len(lowered) == len(text) else None
    assert word_bytes(text) == plain
    assert word_bytes(text, lowered) == plain


# Cuts that end in the same words: the backward reading must find the same starts as the forward one, at a line's
# start, after a list number inside a line, after a mark that takes a whole word, at the text's start, and across
# blank lines and runs of punctuation (which are no words either way).
BACK_FIRES = [
    f"{TB}\n- Pregnancy or breastfeeding\n- {TB}",
    f"Exclusion Criteria:\n1. Age 18 2. {TB} 3. {TB}",
    f"Exclusion Criteria:\n- 12 {TB}\n\n\n- Pregnancy\n- 7 {TB.replace(' ', ' -- ')}",
    f"Exclusion Criteria:\n- 12the first dose of study treatment\n- Pregnancy or breastfeeding\n"
    "- the first dose of study treatment",
]
BACK_QUIET = [
    "Exclusion Criteria:\n1. Allergy prior to first dose of study treatment\n"
    "2. Any vaccine within 4 weeks of first dose of study treatment",
    "Exclusion Criteria:\n1. Allergy to the first dose of study treatment\n"
    "2. Delay of the first dose of study treatment",
    f"Exclusion Criteria:\n1. Age 18 2. Has {TB} 3. Had {TB}",
    f"Exclusion Criteria:\n- Adult patients: {TB}\n- Young children: {TB}",
    "one two three four five six seven eight nine ten eleven",
]


@pytest.mark.parametrize("text", BACK_FIRES)
def test_the_backward_screen_passes_texts_whose_cuts_run_back_alike(text):
    numbers = Reading(text).list_numbers()
    assert _repeat_back(word_bytes(text), numbers, MIN_ITEM_WORDS - 1) is True
    _same_back(text, numbers)
    assert repeated_items(text)


def test_the_backward_screen_compares_the_last_letters_of_the_words_before_a_key():
    # Keys of one word ("criteria") after "inclusion" and "exclusion": both end in "n", so a start may be cut from
    # each; backwards, a word's last letter is its first byte.
    text = "Inclusion Criteria:\n\n* \\>18 years\n\nExclusion Criteria:\n\n* no written informed consent"
    assert _repeat_back(word_bytes(text), [], 1) is True
    assert _repeat_back(word_bytes(text.replace("Exclusion", "Excluded")), [], 1) is False
    _same_back(text, [])


@pytest.mark.parametrize("text", BACK_QUIET)
def test_the_backward_screen_says_no_where_the_words_say_no(text):
    numbers = Reading(text).list_numbers()
    assert _repeat_back(word_bytes(text), numbers, MIN_ITEM_WORDS - 1) is False
    _same_back(text, numbers)
    assert repeated_items(text) == []


def test_a_list_number_inside_a_word_is_left_to_the_word_by_word_reading():
    text = f"Exclusion Criteria:\n- {TB}\n- {TB}"
    inside = text.index("tuberculosis") + 3
    assert _repeat_back(word_bytes(text), [inside], MIN_ITEM_WORDS - 1) is None
    assert may_repeat(text, [inside], MIN_ITEM_WORDS) == may_repeat_by_words(word_bytes(text), [inside], MIN_ITEM_WORDS)


def test_the_screen_compares_items_of_sections_of_one_name_only():
    # The same item under Inclusion and under Exclusion is no repeat: told by the screen, without the items' walk.
    across = f"Inclusion Criteria:\n- {TB}\n- Pregnancy\nExclusion Criteria:\n- {TB}"
    read = Reading(across)
    assert may_repeat(across, read.list_numbers(), MIN_ITEM_WORDS) is True
    assert may_repeat(across, read.list_numbers(), MIN_ITEM_WORDS, parts=lambda: read.sections) is False
    assert repeated_items(across) == repeats_in_items(across) == []
    # Two sections of one name (the heading written again) are still compared.
    again = f"Inclusion Criteria\n- {TB}\n- Age 18\nInclusion Criteria (continued)\n- {TB}"
    read = Reading(again)
    assert may_repeat(again, read.list_numbers(), MIN_ITEM_WORDS, parts=lambda: read.sections) is True
    assert [(a.section, b.section) for a, b in repeated_items(again)] == [("inclusion", "inclusion")]
    assert repeated_items(again) == repeats_in_items(again)
    # A second cohort's inclusion criteria are the screen's to compare, and that cohort's own criteria.
    cohorts = f"Inclusion Criteria\n- {TB}\n- Age 18\nInclusion criteria for cohort B\n- {TB}"
    read = Reading(cohorts)
    assert may_repeat(cohorts, read.list_numbers(), MIN_ITEM_WORDS, parts=lambda: read.sections) is True
    assert repeated_items(cohorts) == repeats_in_items(cohorts) == []
    # A heading line (in no section) ends no item: its words, which a later item repeats, are never compared.
    heading = ("Inclusion Criteria:\n- Age 18 or over\n"
               "Exclusion Criteria: all adults with active disease in the study\n"
               "- Criteria: all adults with active disease in the study\n- Pregnancy")
    read = Reading(heading)
    assert may_repeat(heading, read.list_numbers(), MIN_ITEM_WORDS) is True
    assert may_repeat(heading, read.list_numbers(), MIN_ITEM_WORDS, parts=lambda: read.sections) is False
    assert repeated_items(heading) == repeats_in_items(heading) == []
