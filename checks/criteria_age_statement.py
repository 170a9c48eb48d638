"""The one age limit for all participants the inclusion criteria state: the criteria cut into pieces, the one piece
that states an age, or a legacy record's "PATIENT CHARACTERISTICS:" block and its "Age:" value."""
from __future__ import annotations

import re
from typing import Callable, Iterator

from checks.criteria_age_bounds import Bound, Statement
from checks.criteria_age_criterion import CRITERION_WIDTH, criterion_statement
from checks.criteria_age_groups import for_groups
from checks.criteria_age_words import age_words
from checks.criteria_flattened_lists import flattened_items
from checks.criteria_inclusion import inclusion_lists
from checks.criteria_text import text_sections

# A criterion ends at a blank line, before a line a list mark opens, at a semicolon, or at a sentence's end (a full
# stop before a capital, not that of "i.e." or "e.g."): a hard-wrapped criterion's lines stay together. Each way
# opens with its character (the full stop's "i.e." is looked behind from after it), so a search skips to a line
# break, a semicolon or a full stop rather than trying the pattern at every character.
_CRITERION_END = re.compile(r"\n[ \t]*(?=\n|[-*\u2022]|\(?\d{1,2}[.)]|\(?[a-z][.)]\s)|;"
                            r"|\.(?<!i\.e\.)(?<!e\.g\.)(?=\s+[A-Z(])")

# A criterion that is so far only the word for age after its list mark, and a number after it.
_AGE_WORD_ONLY = re.compile(r"[ \t\-*\u2022]*(?:\(?\d{1,2}[.)][ \t]*)?(?i:ages?)[ \t]*")
_DIGIT_AFTER = re.compile(r"[ \t]*\d")


def criteria_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The criteria of the section text[start:end] as spans: each ends at a line break, a semicolon or a sentence's
    end, and a flattened list's items ("- Age 6 to 12 years - Diagnosis of autism") are each one."""
    pieces = _pieces(text, start, end)
    return flattened_items(text, (start, end), pieces) if text.find(" - ", start, end) >= 0 else pieces


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The criteria of text[start:end] as spans, cut at `_CRITERION_END`."""
    at = start
    for m in _CRITERION_END.finditer(text, start, end):
        if m.group() == ";" and _AGE_WORD_ONLY.fullmatch(text, at, m.start()) and _DIGIT_AFTER.match(text, m.end()):
            continue  # a stray semicolon between the age's word and its value ("2. Age ;20-60 years")
        if m.start() > at:
            yield at, m.start()
        at = m.end()
    if end > at:
        yield at, end


def stated_ages(text: str, lowered: str | None = None, memo: dict | None = None) -> Statement | None:
    """The one age limit for all participants the inclusion criteria state, or None when they state none or it
    cannot be read as one (several groups, several limits, a qualified or conditional one). `lowered`: text.lower(),
    and `memo`: the text's readings by other rules (a StudyText's), if at hand."""
    lowered = text.lower() if lowered is None else lowered
    found = one_statement(text, lowered, memo)
    if found is None or found[1] is not None and for_groups(text, lowered, *found[1], found[0]):
        return None
    return found[0]


Settled = Callable[[tuple[Bound, ...]], bool]


def one_statement(text: str, lowered: str, memo: dict | None,
                   settled: Settled | None = None) -> tuple[Statement, tuple[int, int] | None] | None:
    """`stated_ages` but for the groups the criteria may be of (`for_groups`, asked last as it reads the most):
    the statement and its inclusion section's span (None for a PDQ block's age: `_patient_characteristics`; the
    whole text for a list without headings: `_opening_item`).
    `settled(bounds)`: whether a statement of these bounds leaves nothing to find whatever else the criteria state
    (it agrees with the record): the rest is then not read."""
    parts = text_sections(text, lowered, memo)
    inclusion = inclusion_lists(text, lowered, parts)
    if not inclusion and not any(s.name == "exclusion" for s in parts):
        statement = _patient_characteristics(text, lowered)
        if statement is not None:
            return statement, None
        return None if _PDQ_HEADING.search(lowered) else _opening_item(text, lowered, settled)
    if len(inclusion) != 1:
        return None  # none, or one list for each group ("Patient Inclusion Criteria", "Donor Inclusion Criteria")
    section = inclusion[0]
    found = _statements(text, lowered, section.start, section.end, settled)
    if found is None or len(found) != 1:
        return None
    return found[0], (section.start, section.end)


def _statements(text: str, lowered: str, start: int, end: int, settled: Settled | None) -> list[Statement] | None:
    """The age statements of the criteria text[start:end], or None where one is no limit for everyone or one is
    `settled`."""
    # Only the criteria with a word that can make a number an age are read: most have none.
    places = age_words(lowered, start, end)
    found: list[Statement] = []
    at = 0
    for piece_start, piece_end in criteria_pieces(text, start, end) if places else ():
        while at < len(places) and places[at] < piece_start:
            at += 1
        if at == len(places):
            break
        if places[at] >= min(piece_end, piece_start + CRITERION_WIDTH):
            continue
        bounds = criterion_statement(text[piece_start:min(piece_end, piece_start + CRITERION_WIDTH)])
        if bounds is None:
            return None
        if bounds:
            if settled is not None and settled(bounds):
                return None  # one statement that agrees, or two: nothing to find either way
            found.append(Statement(bounds, piece_start, piece_end))
    return found


# Criteria with no heading at all, as many records of the NIH Clinical Center write them ("Age 21-80.", "Patients
# must be at least 18 years of age.", then the other criteria): a list whose first item states the age is the
# inclusion list, each item a criterion every participant meets. Read as one where no other item states an age;
# a label of a group in it ("NORMAL VOLUNTEERS:") leaves it unread (`for_groups`).
_OPENING_ITEM_SOURCE = "criteria (a list without headings that opens with the age)"


def _opening_item(text: str, lowered: str, settled: Settled | None) -> tuple[Statement, tuple[int, int]] | None:
    """The age a criteria text without headings states in its first item, and the whole text as its span."""
    first = next((span for span in criteria_pieces(text, 0, len(text)) if text[span[0]:span[1]].strip()), None)
    end = None if first is None else min(first[1], first[0] + CRITERION_WIDTH)
    if end is None or not age_words(lowered, first[0], end) or not criterion_statement(text[first[0]:end]):
        return None  # most such lists open otherwise: the rest is not read
    found = _statements(text, lowered, 0, len(text), settled)
    if not found or len(found) != 1 or found[0].start != first[0]:
        return None
    return found[0]._replace(source=_OPENING_ITEM_SOURCE), (0, len(text))


# A legacy record's criteria in the PDQ's form: "PATIENT CHARACTERISTICS:" then labels and their values, the age's
# among them ("Age: 18 and over", or "Age:" above a bullet "-  18 to 65"), for every participant; each value runs to
# the next label ("Performance status:", "Sex:"), wrapped or not. The heading and the age's label open a word
# (looked behind from after their first letter, so a search skips to that letter rather than trying the look-behind
# at every character): "Age:", not "Dosage:" nor "Non-age:".
_PDQ_HEADING = re.compile(r"p(?<!\wp)atient characteristics\b")
_PDQ_AGE = re.compile(r"a(?<![\w-]a)ge\s*:")
_PDQ_NEXT_LABEL = re.compile(r"(?<=\s)(?=[A-Z][A-Za-z]+(?:[ /-][A-Za-z]+){0,3}\s*:)|\n[ \t]*[A-Z][A-Z /-]{3,}:")
_PDQ_BULLET = re.compile(r"(?:^|\n)[ \t]*[-*\u2022][ \t]+")
PDQ_AGE_WIDTH = 120
# An age value for some of the patients or one part of the study only ("75 and under for patients electing
# participation in the nodal vs. no nodal irradiation portion of the study"), not "for all patients".
_PDQ_AGE_FOR_SOME = re.compile(
    r"\bfor\s+(?:patients?|participants?|subjects?|those|women|men|children|adults)\b"
    r"|\bfor\s+(?:the\s+)?(?:[\w.-]+\s+){0,6}(?:portion|part|arm|group|cohort|stratum|randomi[sz]ation)\b")


def _patient_characteristics(text: str, lowered: str) -> Statement | None:
    """The one age limit a PDQ block's "Age:" gives ("PATIENT CHARACTERISTICS: Age: 18 to 65 Performance status:
    ..."), or None where the text has no such block, several, several ages, or an age that is no one limit ("Any
    age", "Children", "5 and over (cystic fibrosis); under 18 (all others)")."""
    if lowered.count("patient characteristics") != 1:
        return None
    heading = _PDQ_HEADING.search(lowered)
    ages = list(_PDQ_AGE.finditer(lowered, heading.end()))
    if len(ages) != 1:
        return None
    start = ages[0].end()
    label = _PDQ_NEXT_LABEL.search(text, start + 1, start + PDQ_AGE_WIDTH)
    end = label.start() if label else min(len(text), start + PDQ_AGE_WIDTH)
    value = " ".join(_PDQ_BULLET.sub(" ", text[start:end]).split())
    bounds = criterion_statement(f"Age: {value}") if value and not _PDQ_AGE_FOR_SOME.search(value.lower()) else ()
    if not bounds:
        return None
    return Statement(bounds, ages[0].start(), end, "criteria's patient characteristics")
