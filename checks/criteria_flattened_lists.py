"""The items of a flattened list: a dashed list whose line breaks were lost, its items joined by " - " on one line
("Inclusion Criteria: - Age 6 to 12 years - Diagnosis of autism - IQ above 70"), as legacy records often carry it.
Each item is cut out where its dash stands, so that a criterion inside the line is read as a line of its own.

A dash inside the line marks an item only where a criterion may end before it and open after it: spaced, after a
character that is no dash ("- -" marks nothing), before a capital or a digit. It marks none in a range ("18 - 65
years", "ECOG 0 - 2", "ASA class I - III", "C1 - T2", "Grade 1 - Grade 3"), in a word joined by a spaced hyphen
("non - smoker", "Non - Hodgkin lymphoma"), nor before a word that carries the sentence on ("- Or 16 years with
parental consent", "- Including those ..."). A line holds a flattened list only where it opens with a dash, at
its start or right after a heading that stands inside it (or the heading ends with a dash: "Inclusion criteria -
Adults ... - Age 18 to 65 years"), and a criterion of it (read to a sentence's end or a semicolon) holds another item
mark; one that holds a single such dash ("- Performance status - ECOG 0 or 1") in a list whose other items open
lines of their own stays whole.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

# A dash with spaces either side, after a character that is no space nor dash, before a capital or a digit; group 1
# is the dash, where the item it marks starts.
_INNER_MARK = re.compile(r"(?<=[^\s-]) +(-) +(?=[A-Z0-9])")
# The dash that opens a flattened list's line, and the dashes a heading that stands inside a line may end with
# (checks.criteria_sections: "INCLUSION CRITERIA - All patients ...").
_OPENING_MARK = re.compile(r"[ \t]*- +\S")
_HEADING_DASHES = "-\u2013\u2014"
# A line of the same list that opens with a dash: the list kept its line breaks.
_DASHED_LINE = re.compile(r"\n[ \t]*- ")
# The word after a dash and the word before it.
_WORD_AFTER = re.compile(r"[A-Za-z0-9]+")
_WORD_BEFORE = re.compile(r"([A-Za-z0-9]+)[.)]?\Z")
# Words that carry a sentence on after a dash rather than open a criterion: a conjunction, a relative pronoun, a
# preposition that ties what follows to what came before ("- Or 16 years with parental consent").
_GOES_ON = frozenset((
    "or", "and", "nor", "but", "except", "excluding", "including", "unless", "if", "whether", "with", "without",
    "who", "whom", "whose", "which", "that", "than", "as", "such", "ie", "eg", "to", "of", "for", "in", "on", "at",
    "by", "from", "vs", "versus", "plus", "then", "where", "when", "while", "is", "are", "was", "were", "be", "not"))
# Word parts a hyphen joins to the next word, written spaced ("non - smoker", "Non - Hodgkin", "Anti - TNF").
_PREFIXES = frozenset((
    "non", "anti", "pre", "post", "peri", "co", "self", "semi", "multi", "sub", "inter", "intra", "extra", "ex",
    "re", "un", "mid", "well", "half", "full", "part", "over", "under", "up", "in", "out", "cross", "follow"))
# The end of a range: a number, a Roman numeral or a code of letters and a number ("0", "III", "C1", "T2a"); two
# such ends about a dash, or a code after the dash and the word before the first end again ("Grade 1 - Grade 3"),
# make a range.
_RANGE_END = re.compile(r"(?:\d+(?:[.,]\d+)?|[IVX]{1,4}|[A-Z]{1,3}\d{1,3}[a-z]?)\Z")
_RANGE_START = re.compile(r"(?:(\d+(?:[.,]\d+)?|[IVX]{1,4}|[A-Z]{1,3}\d{1,3}[a-z]?)|([A-Za-z]+) +"
                          r"(?:\d+(?:[.,]\d+)?|[IVX]{1,4}|[A-Z]{1,3}\d{1,3}[a-z]?))\b")
_WORD_AND_END = re.compile(r"([A-Za-z]+) +\S+\Z")
# How far before a dash a number makes a digit after it the range's other end ("18 years - 65 years"), and how much
# of the text before a dash is read for the word and the range's end there.
RANGE_REACH = 12
REACH_BEFORE = 30


def inner_marks(text: str, start: int, end: int) -> list[int]:
    """Where the items marked inside lines of text[start:end] start: at each dash that marks an item
    (`_marks_item`), in order. Only the places of " - " are tried (a search for a string is fast, trying the pattern
    at every character is not)."""
    marks = []
    at = text.find(" - ", start, end)
    while at >= 0:
        lead = at
        while lead > start and text[lead - 1] == " ":
            lead -= 1
        mark = _INNER_MARK.match(text, lead, end)
        if mark is not None and _marks_item(text, mark):
            marks.append(mark.start(1))
        at = text.find(" - ", at + 2, end)
    return marks


def _marks_item(text: str, mark: re.Match) -> bool:
    """Whether a spaced dash inside a line marks an item: not a range's, a joined word's, nor one before a word that
    carries the sentence on."""
    after = _WORD_AFTER.match(text, mark.end())
    if after is None or after.group(0).lower() in _GOES_ON:
        return False
    before_text = text[max(0, mark.start() - REACH_BEFORE):mark.start()]
    before = _WORD_BEFORE.search(before_text)
    if before is not None and before.group(1).lower() in _PREFIXES:
        return False
    if text[mark.end()].isdigit():
        return not any(c.isdigit() for c in before_text[-RANGE_REACH:])  # "18 years - 65 years"
    return not _range(before_text, text, mark.end())


def _range(before_text: str, text: str, after: int) -> bool:
    """Whether the words about a dash are a range's two ends ("I - III", "C1 - T2", "Grade 1 - Grade 3")."""
    if _RANGE_END.search(before_text) is None:
        return False
    other = _RANGE_START.match(text, after)
    if other is None:
        return False
    if other.group(1) is not None:
        return True
    named = _WORD_AND_END.search(before_text)
    return named is not None and named.group(1).lower() == other.group(2).lower()


def flattened_items(text: str, section: tuple[int, int],
                    pieces: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The criteria `pieces` of a section (its span: `section`) with each flattened list cut into its items at the
    item marks inside it (`inner_marks`); other pieces as they are. A piece of a list that kept its line breaks
    opens at its own dash, so only the dashes inside its lines are looked at."""
    for start, end in pieces:
        marks = inner_marks(text, start, end) if text.find(" - ", start, end) >= 0 else None
        if marks and not text[start:marks[0]].strip(" \t-"):
            marks.pop(0)  # the dash that opens the piece, after a heading inside its line
        if not marks or not _opens_flattened(text, section, start, end, len(marks)):
            yield start, end
            continue
        for item_start, item_end in zip([start] + marks, marks + [end]):
            while item_end > item_start and text[item_end - 1] == " ":
                item_end -= 1
            yield item_start, item_end


def _opens_flattened(text: str, section: tuple[int, int], start: int, end: int, inner: int) -> bool:
    """Whether the piece text[start:end], holding `inner` item marks inside it, stands in a flattened list: its line
    opens with a dash (at its start, or right after its section's heading, or the heading ends with one: "Inclusion
    criteria - Adults ... - Age 18 to 65"), and it holds two item marks inside it or more, or one while no other line
    of its section opens with a dash."""
    line_start = max(text.rfind("\n", 0, start) + 1, section[0])
    if _OPENING_MARK.match(text, line_start) is None and \
            not (line_start == section[0] > 0 and text[section[0] - 1] in _HEADING_DASHES):
        return False
    return inner >= 2 or _DASHED_LINE.search(text, section[0], line_start) is None and \
        _DASHED_LINE.search(text, end, section[1]) is None
