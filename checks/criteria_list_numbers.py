"""Where a criteria text's list numbers stand (`Marker`): a number that opens a line ("3.", "(3)", "3\\.", "3．"),
one that opens a section after a heading inside a line, or one inside a line ("...Friction Rub 6.Age >= 18 years");
and whether a hard-wrapped line's number opens an item or goes on the sentence above."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from checks.criteria_sections import Section, heading_line

# A list number opening a line: "3.", "3)", "(3)", "3\\." or "3\\)" (markdown escapes the point or the bracket after a
# number, as the registry writes them), or with the full-width point or bracket or the ideographic full stop of
# Chinese, Japanese and Korean text ("3．", "（3）", "3）", "3。").
FULL_WIDTH_MARKS = "．。）"
_LINE_NUMBER = rf"[(（]?(\d{{1,2}})[ \t]?(?:\\?[.)]|[{FULL_WIDTH_MARKS}])(?!\d)"
LINE_MARKER = re.compile(rf"^[ \t]*(?:[-*•][ \t]*)?{_LINE_NUMBER}", re.M)
# The same after a line break: a search for a line break is fast, trying `^` at every character is not.
_NEXT_LINE_MARKER = re.compile(rf"\n[ \t]*(?:[-*•][ \t]*)?{_LINE_NUMBER}")
# The same at the start of a section inside a line, after a heading that stands there ("Inclusion Criteria: 1. Age").
_SECTION_NUMBER = re.compile(rf"[ \t]*(?:[-*•][ \t]*)?{_LINE_NUMBER}")
# A number in brackets at the end of a hard-wrapped line, its criterion on the next ("... testosterone (2)\nAt least
# 2 weeks since ...", NCT00003394). (A bare "2)" or "2." there more often ends a sentence: "grade 0 to 2.") Never
# before a line that opens with what opens a heading: a section's list numbers are read within its bounds.
_NOT_A_HEADING = r"(?![ \t]*(?:[-*•][ \t]*)?(?:(?i:key|main)[ \t]+)?(?i:inclusion|exclusion)[ \t]+(?i:criteria)\b)"
_NEXT_LINE_TEXT = rf"(?=[ \t]*\n{_NOT_A_HEADING}[ \t]*[A-Za-z(\[])"
_WRAPPED_AFTER = rf"(?<=\(\d\)){_NEXT_LINE_TEXT}|(?<=\(\d\d\)){_NEXT_LINE_TEXT}"
# A number and its point at the end of a hard-wrapped line right after a sentence's full stop or a semicolon, its
# criterion opening the next line with a capital ("... <1,500/microliter. 15.\nThrombocytopenia defined as ..."):
# after a sentence it numbers the next one, where a bare "2." alone ends a quantity ("grade 0 to 2.\n").
_NEXT_LINE_CAPITAL = rf"(?=[ \t]*\n{_NOT_A_HEADING}[ \t]*[A-Z])"
_AFTER_SENTENCE = rf"(?:(?<=[.;] \d\.)|(?<=[.;] \d\d\.)){_NEXT_LINE_CAPITAL}"
# The same of a number in a bracket, after a full stop, a semicolon or a full-width stop ("... ≤80%。 6)\nSubject
# provides written informed consent", NCT04594460).
_BRACKET_AFTER_SENTENCE = rf"(?:(?<=[.;。] \d\))|(?<=[.;。] \d\d\))){_NEXT_LINE_CAPITAL}"
# What follows a list number inside a line: its criterion's word or bracket, a number, or a sign of comparison that
# opens it ("... or dexamethasone 3. ≥ Grade 3 rash during prior therapy 4. Subjects unable", NCT02011113).
_AFTER_INLINE = r"(?=[ \t]*[A-Za-z(\[]|[ \t]+[\d<>\u2264\u2265])"
# The age a number after a word and a space is glued to, the age its criterion opens with ("5. Able to perform study
# procedures 6.21-45 years of age 7.Blood glucose", NCT01395784): read as a decimal, it is a list's number only
# where it goes on an open list (`criteria_list_walk`), as every number inside a line is; a value glued so ("HbA1c
# 6.5-10%") is not.
_GLUED_AGE = r"(?=\d{1,3}(?:[ \t]*[-\u2013][ \t]*\d{1,3})?[ \t]*(?:years?|yrs?|months?)\b)"
# A number after white space or ;,( (the digit is matched first, so the search skips to digits), before a point (or
# an escaped one, "3\\."), a bracket, or the full-width point ("ACEI 3．With severe ..."), or glued to an age.
_INLINE_MARKER = re.compile(r"(\d(?<=[\s;,(]\d)\d?)(?:(?:\\?\.|\)|．)(?:" + _AFTER_INLINE + "|"
                            + _WRAPPED_AFTER + "|" + _AFTER_SENTENCE + "|" + _BRACKET_AFTER_SENTENCE + ")"
                            + r"|\.(?:(?<=[a-z] \d\.)|(?<=[a-z] \d\d\.))" + _GLUED_AGE + ")")
_GLUED_TO_AN_AGE = r"(?:(?<=[a-z] (\d)\.)|(?<=[a-z] (\d\d)\.))" + _GLUED_AGE
# The same matches found from their point or bracket: a search for one character is fast, trying a
# digit test at every character is not. At most one look-behind holds at a point (the character two
# before a one-digit number is its digit's neighbour in a two-digit one), and its group is the number.
_INLINE_POINT = re.compile(r"[.．](?:(?:(?<=[\s;,(](\d)[.．])|(?<=[\s;,(](\d\d)[.．])|(?<=[\s;,(](\d)\\\.)|"
                           r"(?<=[\s;,(](\d\d)\\\.))" + _AFTER_INLINE
                           + r"|(?:(?<=[.;] (\d)\.)|(?<=[.;] (\d\d)\.))" + _NEXT_LINE_CAPITAL
                           + "|" + _GLUED_TO_AN_AGE + ")")
_INLINE_BRACKET = re.compile(r"\)(?:(?<=[\s;,(](\d)\))|(?<=[\s;,(](\d\d)\)))(?:"
                             + _AFTER_INLINE + "|" + _WRAPPED_AFTER + "|" + _BRACKET_AFTER_SENTENCE + ")")
# The same, but for the numbers right after a line break, which are lines' numbers (`_NEXT_LINE_MARKER` finds each of
# them): what is left to look for inside lines.
_IN_LINE = r"(?:[^\S\n]|[;,(])"
# A number glued to the full stop of the sentence before it and to its criterion's capital, or a space before it
# ("... if he/she takes part in the study.4.History of psychosis", NCT00601523; "... during the screening
# period.20. Patients who have been treated", NCT01152450): a word's full stop, then the number, its point and a word.
_GLUED_AFTER_SENTENCE = r"(?:(?<=[a-z]\.(\d)\.)|(?<=[a-z]\.(\d\d)\.))(?=[ \t]?[A-Z][a-z])"
IN_LINE_POINT = re.compile(rf"[.．](?:(?:(?<={_IN_LINE}(\d)[.．])|(?<={_IN_LINE}(\d\d)[.．])|"
                            rf"(?<={_IN_LINE}(\d)\\\.)|(?<={_IN_LINE}(\d\d)\\\.)){_AFTER_INLINE}"
                            rf"|(?:(?<=[.;] (\d)\.)|(?<=[.;] (\d\d)\.)){_NEXT_LINE_CAPITAL}|{_GLUED_AFTER_SENTENCE}"
                            rf"|{_GLUED_TO_AN_AGE})")
IN_LINE_BRACKET = re.compile(rf"\)(?:(?<={_IN_LINE}(\d)\))|(?<={_IN_LINE}(\d\d)\)))(?:"
                              + _AFTER_INLINE + "|" + _WRAPPED_AFTER + "|" + _BRACKET_AFTER_SENTENCE + ")")


# Every list number is a digit before a point or a bracket ("3.", "3 )", "3\\."), in both patterns
# above: a text without one has no list number, so it has no sections worth reading.
_MAY_NUMBER = re.compile(r"\d[ \t]?\\?[.)]")
# The same matches found from their point or bracket (a search for one character is fast, trying a digit
# at every character is not): one look-behind for each way the digit may stand before it.
_MAY_NUMBER_POINT = re.compile(r"\.(?:(?<=\d\.)|(?<=\d[ \t]\.)|(?<=\d\\\.)|(?<=\d[ \t]\\\.))")
_MAY_NUMBER_BRACKET = re.compile(r"\)(?:(?<=\d\))|(?<=\d[ \t]\))|(?<=\d\\\))|(?<=\d[ \t]\\\)))")


# Legacy records are hard-wrapped at about 100 columns: a shorter line ends its item.
WRAP_WIDTH = 80


class Marker(NamedTuple):
    """A list number in the text (3 in '3.', '3)', '(3)'); `opens_item` when it starts an item.

    A named tuple: a text's markers are made by the dozen for every criteria text, and a tuple is
    made ~4x faster than a frozen dataclass; markers are only read, never compared or hashed."""

    number: int
    start: int
    opens_item: bool


# A reading keeps its list numbers as plain tuples (number, start, opens_item) and makes them `Marker`s when asked: a
# reading is kept for every criteria text of a run's scope (in a StudyText's memo), and Python's collector stops
# watching a plain tuple of numbers, never a named tuple, so a scope's many list numbers do not lengthen each of its
# full collections. The numbers, their order and their fields are the same either way (`text_sections` keeps the
# sections of a text without a reading alike).
AS_MARKER = partial(tuple.__new__, Marker)


_START = itemgetter(1)  # where a list number, kept as (number, start, opens_item), stands


# A line of 60 characters or more: the text's first, or one after a line break (found from the line break).
_FIRST_LONG_LINE = re.compile(r"[^\n]{60,}")
_NEXT_LONG_LINE = re.compile(r"\n([^\n]{60,})")


def _hard_wrapped(text: str) -> bool:
    """Whether three lines or more are long (60 characters or more, stripped) and none of those runs past 105.

    Only the lines of 60 characters or more are read (a search skips the others), without splitting the text: only
    they are copied to be stripped, and most texts end at their first line past 105 (one item on one line).
    """
    first = _FIRST_LONG_LINE.match(text)
    lines = chain((first[0],) if first is not None else (), (m[1] for m in _NEXT_LONG_LINE.finditer(text)))
    long_lines = 0
    for line in lines:
        if len(line.strip()) >= 60:
            if len(line) > 105:
                return False
            long_lines += 1
    return long_lines >= 3


def _opens_item(text: str, at: int, wrapped: bool) -> bool:
    """Whether the line at `at` starts an item rather than continuing a wrapped sentence."""
    if not wrapped:
        return True
    end = at - trailing(text, at, " \t")
    line_end = end - trailing(text, end, "\n")
    previous = text[text.rfind("\n", 0, line_end) + 1:line_end]
    if not previous.strip() or text.endswith("\n\n", 0, end) or heading_line(previous):
        return True
    return previous.rstrip()[-1] in ".;:!?)]" or len(previous) < WRAP_WIDTH and not previous.rstrip().endswith(",")


def trailing(text: str, end: int, chars: str) -> int:
    """How many of `chars` stand just before `end`."""
    start = end
    while start > 0 and text[start - 1] in chars:
        start -= 1
    return end - start


def markers_in(text: str, section: Section) -> list[Marker]:
    """The list numbers in one section, in order: a line's number, and any other number inside a line."""
    return list(map(AS_MARKER, candidate_rows(text, [section])))


def candidate_rows(text: str, parts: list[Section],
                    in_line: list[int] | None = None) -> list[tuple[int, int, bool]]:
    """The list numbers of the sections (in order, sections not overlapping; each as (number, start, opens_item), a
    `Marker`'s fields), found in one pass over the text; `in_line`, when given, gets where the numbers inside lines
    of the sections stand, in order (not those of a heading's line, "Inclusion criteria: 1. Age", which bound no
    item).

    No list number reaches across a section's bounds (a section starts at the end of a heading line, after a
    heading that stands inline, or at 0, and ends at the start of a line, at an inline heading or at the end), so the
    text's numbers inside a section's bounds are the numbers of the section read alone.
    """
    first = LINE_MARKER.match(text)
    next_lines = list(_NEXT_LINE_MARKER.finditer(text))
    # the number that opens a section inside a line, after a heading that stands there, as a line's number opens it
    heads = [(m, part.start) for part in parts if 0 < part.start < len(text) and text[part.start - 1] != "\n"
             for m in (_SECTION_NUMBER.match(text, part.start),) if m]
    # whether a line's number opens an item is read from the lines above it only in a hard-wrapped text (read only
    # when a line opens with a number)
    wrapped = (first is not None or bool(next_lines) or bool(heads)) and _hard_wrapped(text)
    if wrapped:
        found = [(int(m[1]), m.start(1), _opens_item(text, m.start() + 1, True)) for m in next_lines]
    else:
        found = [(int(m[1]), m.start(1), True) for m in next_lines]
    if first:
        found.insert(0, (int(first[1]), first.start(1), not wrapped or _opens_item(text, 0, True)))
    if heads:
        found.extend((int(m[1]), m.start(1), not wrapped or _opens_item(text, at, True)) for m, at in heads)
        found.sort(key=_START)
    lines = len(found)
    inside_lines = [(int(m[m.lastindex]), m.start(m.lastindex), False)  # as _INLINE_MARKER's
                    for m in chain(IN_LINE_POINT.finditer(text), IN_LINE_BRACKET.finditer(text))
                    if not _spelled_before(text, int(m[m.lastindex]), m.start(m.lastindex))]
    if inside_lines:
        taken = {row[1] for row in found}  # a line's number that the in-line patterns find too is the line's
        taken.update(_numbers_ending(text, parts, [row[1] for row in inside_lines]))
        found.extend(row for row in inside_lines if row[1] not in taken)
    if len(found) > lines:
        if in_line is not None:
            inside = sorted(row[1] for row in found[lines:])
            for section in parts:
                in_line.extend(inside[bisect_left(inside, section.start):bisect_left(inside, section.end)])
        found.sort(key=_START)
    starts = [row[1] for row in found]
    return [row for section in parts
            for row in found[bisect_left(starts, section.start):bisect_left(starts, section.end)]]


# The words of the numbers a text spells out before writing them again in brackets ("at least two (2) orthogonal
# views", "six (6) months").
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


def _spelled_before(text: str, number: int, at: int) -> bool:
    """Whether the bracketed number at `at` repeats the word just before it ("two (2) orthogonal views"): a count
    written twice, not a list's number."""
    if number >= len(_NUMBER_WORDS) or not text.startswith("(", at - 1):
        return False
    word = _NUMBER_WORDS[number]
    return re.search(rf"(?<![A-Za-z-]){word}[ \t]*\Z", text[max(0, at - len(word) - 4):at - 1], re.I) is not None


# A number and its point or bracket that end a section inside a line, before the heading that stands there.
_NUMBER_ENDING = re.compile(r"(?<!\d)\d{1,2}\\?[.)][ \t]*\Z")


def _numbers_ending(text: str, parts: list[Section], inside: list[int]) -> set[int]:
    """Where the numbers stand that end a section: inside a line, right before a heading that stands there ("... 2.
    Consent 3. Exclusion Criteria: ..."), the heading's; on its last line, those of `inside` (the in-line numbers'
    starts) found only for the next line, which is the next section's heading. No criterion follows them in their
    section read alone."""
    found = set()
    for part in parts:
        if not 0 < part.end < len(text):
            continue
        if text[part.end - 1] != "\n":
            m = _NUMBER_ENDING.search(text, max(part.start, part.end - 8), part.end)
            if m is not None:
                found.add(m.start())
            continue
        line_start = text.rfind("\n", part.start, part.end - 1) + 1
        near = [at for at in inside if line_start <= at < part.end]
        if near:
            read_alone = {m.start(m.lastindex) for pattern in (IN_LINE_POINT, IN_LINE_BRACKET)
                          for m in pattern.finditer(text, line_start, part.end)}
            found.update(at for at in near if at not in read_alone)
    return found


def indent(line: str) -> int:
    """How many spaces and tabs open the line."""
    return len(line) - len(line.lstrip(" \t"))


def may_number(text: str) -> bool:
    """Whether the text has a digit before a point or a bracket (`_MAY_NUMBER`), looked for from the point
    or the bracket."""
    return _MAY_NUMBER_POINT.search(text) is not None or _MAY_NUMBER_BRACKET.search(text) is not None
