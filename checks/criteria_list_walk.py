"""Which list numbers of a section number its items: the lists they open and go on, nested as a stack ("5. one of
the following: 1)... 4)... 6.Age"), and the numbers a list skips (`NumberingGap`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.criteria_list_numbers import FULL_WIDTH_MARKS, Marker, indent, markers_in, trailing
from checks.criteria_quantities import bare_at_end, ends_list, goes_on_sentence, skips_in_run_in
from checks.criteria_sections import COLONS, Section
from checks.criteria_text import Reading

# How many lists stay open inside one another: criteria nest three or four deep; a text that opens a list at every
# line ("1. ... 1. ... 1. ...") keeps no more, so each number is read against a few lists, not all of them.
MAX_NESTING = 8


@dataclass(frozen=True)
class NumberingGap:
    """Numbers missing from a list: `expected` was due where `found` stands."""

    section: str
    expected: int
    found: int
    at: int


def _continues(runs: list[list[int]], number: int) -> bool:
    """Append `number` to the innermost open list it continues, closing lists nested after it."""
    for i in range(len(runs) - 1, -1, -1):
        if runs[i][-1] == number - 1:
            del runs[i + 1:]
            runs[i].append(number)
            return True
    return False


# A group's lettered label that opens a line and runs on into the group's first numbered criterion there ("B)
# Concomitant Medication 1. Patients who are taking nitrates"): a capital letter before a bracket or a point, or any
# letter in brackets, then a few words that end no sentence, the first capitalised.
_LETTERED_LABEL = re.compile(r"[ \t]*(?:[-*\u2022][ \t]*)?(?:[A-Z][.)]|\([A-Za-z]\))[ \t]+[A-Z][A-Za-z'/&-]*"
                             r"(?:[ \t]+[A-Za-z'/&-]+){0,7}[ \t]+\(?")


def _opens_list(text: str, mk: Marker) -> bool:
    """Whether the number 1 inside a line opens a list there: after a colon or a semicolon ("following: 1) ..."), or
    after a group's lettered label that opens the line (`_LETTERED_LABEL`)."""
    if mk.number != 1:
        return False
    end = mk.start - trailing(text, mk.start, " \t(")
    if text.endswith(COLONS + (";",), 0, end):
        return True
    return _LETTERED_LABEL.fullmatch(text, text.rfind("\n", 0, mk.start) + 1, mk.start) is not None


def walk(text: str, section: Section, carried: tuple[int, ...] = (),
         read: Reading | None = None) -> tuple[list[Marker], list[NumberingGap], tuple[int, ...]]:
    """The markers that number items of one section, the gaps between them, and the last number of each list still
    open at the section's end (outer lists first). `carried`: the lists a section before left open; this section's
    list may go on from any of them (exclusions numbered on from the inclusions' outer list or a nested one)."""
    found = read.candidates(section) if read is not None else markers_in(text, section)
    accepted, gaps, runs = [], [], []
    for i, mk in enumerate(found):
        if _continues(runs, mk.number) or (not runs and mk.number - 1 in carried):
            runs = runs or [[mk.number]]
        elif not mk.opens_item and accepted and runs and runs[-1][-1] == accepted[-1].number and \
                skips_in_run_in(text, found, i, accepted[-1]):
            gaps.append(NumberingGap(section.name, accepted[-1].number + 1, mk.number, mk.start))
            runs[-1].append(mk.number)  # a run-in list skips a number ("... 2. ECOG 0-1 4. Adequate organ function")
        elif not (mk.opens_item or _opens_list(text, mk)) or _goes_back_full_width(text, runs, mk):
            continue
        elif mk.number <= 1 or (runs and mk.number <= runs[-1][-1]):
            runs.append([mk.number])  # a new or a nested list (or a number written twice: "2. ... 2. ...")
            if len(runs) > MAX_NESTING:
                del runs[1]  # lists nest a few deep: the outer list and the latest nested ones stay open
        elif not runs and any(m.number == mk.number - 1 for m in found[:i]):
            runs.append([mk.number])  # the list began inside a line ("...present 3. 12-lead ECG")
        elif goes_on_sentence(text, mk.start) or bare_at_end(text, mk, section.end):
            continue  # a quantity wrapped to the start of a line ("an ECOG status of\n2. or less", "aged 18 and\n65.")
        elif accepted and _lists_values(text, accepted[-1], mk):
            runs.append([mk.number])  # a scale's values, numbered as the scale numbers them
        elif _stood_for_skipped(runs, mk.number):
            del runs[-1]  # "3. ... 3. ... 5.": the number written twice stood for the one skipped
            runs[-1].append(mk.number)
        else:
            level = _level_gone_on(text, runs, accepted, mk)
            expected = runs[level][-1] + 1 if runs else max((n for n in carried if n < mk.number), default=0) + 1
            if runs and _resumed(found[i + 1:], expected):
                continue  # one item misnumbered ("7. ... 19) ... 8) ..."): the list goes on at the number expected
            if accepted and _among_bullets(text, accepted[-1], mk):
                continue  # a number among bullets after a sub-list closed: it goes on no numbered list
            later = [m.number for m in found[i + 1:] if m.opens_item or m.number == mk.number + 1]
            confirmed = later[:1] == [mk.number + 1] or (bool(runs) and not later) or \
                bool(runs) and later[:1] == [1] and ends_list(text, mk, expected)
            gaps += [NumberingGap(section.name, expected, mk.number, mk.start)] if confirmed else []
            del runs[level + 1:]
            runs = runs or [[]]
            runs[-1].append(mk.number)
        accepted.append(mk)
    return accepted, gaps, tuple(run[-1] for run in runs if run)


def _level_gone_on(text: str, runs: list[list[int]], accepted: list[Marker], mk: Marker) -> int:
    """The open list a number that goes on none of them goes on after a gap: the innermost, unless its items stand
    further in than the number, which then goes on the list of its own depth ("6. B:" "   1. a" "   3. c" then "8.":
    the outer list skips 7, not the sub-list 4 to 7); -1 when no list is open."""
    level, depth = len(runs) - 1, _line_indent(text, mk.start)
    while level > 0:
        last = next((a for a in reversed(accepted) if a.number == runs[level][-1]), None)
        if last is None or _line_indent(text, last.start) <= depth or runs[level - 1][-1] >= mk.number:
            break
        level -= 1
    return level


# A list number written with a full-width point or bracket or the ideographic full stop ("3．", "（3）", "3。").
_FULL_WIDTH_NUMBER = re.compile(rf"\d{{1,2}}[ \t]?[{FULL_WIDTH_MARKS}]")


def _goes_back_full_width(text: str, runs: list[list[int]], mk: Marker) -> bool:
    """Whether the list number `mk`, which goes on no open list, is written full-width and goes back to a number of
    the innermost list or below it, other than 1 ("1. 年龄" "2. ECOG" "2．签署知情同意书" "4. ..."): a number written
    otherwise than its list's, that neither opens a list nor goes on one, is not read as one of its numbers (a
    full-width "（1）" opens a list below an item as "(1)" does)."""
    return mk.number > 1 and bool(runs) and mk.number <= runs[-1][-1] and \
        (text.startswith("（", mk.start - 1) or _FULL_WIDTH_NUMBER.match(text, mk.start) is not None)


# A line that opens with a bullet ("* ", "- ", "• "; not a bold mark, "**Part B**").
_BULLET_LINE = re.compile(r"^([ \t]*)(?:[-\u2022]|\*(?!\*))[ \t]", re.M)


def _among_bullets(text: str, above: Marker, mk: Marker) -> bool:
    """Whether a bullet stands between the list number `above` and `mk`, less indented than `above` and no further
    than `mk`: the list of `above` was a sub-list of a bulleted item and closed there, and `mk`, standing among the
    bullets, goes on no numbered list of its level ("* Treatment with any of:" then "  1. ..." "  2. ..." then "*
    Severe infections" then "  18\\. Vaccination": the bullets stand for the numbers the list's writer counted)."""
    above_indent, mk_indent = _line_indent(text, above.start), _line_indent(text, mk.start)
    line_end = text.find("\n", above.start)
    return 0 <= line_end < mk.start and any(len(m[1]) < above_indent and len(m[1]) <= mk_indent
                                             for m in _BULLET_LINE.finditer(text, line_end + 1, mk.start))


def _line_indent(text: str, at: int) -> int:
    """How far the line holding offset `at` is indented."""
    line_start = text.rfind("\n", 0, at) + 1
    return indent(text[line_start:at + 1])


def _lists_values(text: str, above: Marker, mk: Marker) -> bool:
    """Whether the list number `mk` opens a list indented below the item `above`, after a colon: the values of a
    scale, numbered as the scale numbers them ("Pre-stroke mRS score of:\n   3. Moderate disability\n   4. ...";
    "Hoehn and Yahr stage:\n   2. Bilateral involvement"), which may start at any number."""
    line_start = text.rfind("\n", 0, mk.start) + 1
    return mk.opens_item and text.endswith(COLONS, 0, line_start - trailing(text, line_start, " \t\r\n")) and \
        _line_indent(text, mk.start) > _line_indent(text, above.start)


def _stood_for_skipped(runs: list[list[int]], number: int) -> bool:
    """Whether the open list holds a number written twice ("3. ... 3.", read as a nested list of one item) and
    `number` skips one number after it: the list has as many items as its numbers say, and none is missing."""
    return len(runs) > 1 and runs[-1] == [runs[-2][-1]] and number == runs[-1][-1] + 2


def _resumed(later: list[Marker], expected: int) -> bool:
    """Whether the list goes on later at the number `expected` and the one after it, before any new list starts at 1:
    the number that skipped them is one item's typo ("19)" between "7." and "8) ... 9)", NCT00002644), and no
    criterion is missing. (A lone number that happens to be the one expected resumes nothing.)"""
    wanted = expected
    for mk in later:
        if mk.number == 1:
            return False
        if mk.number == wanted:
            if wanted > expected:
                return True
            wanted += 1
    return False
