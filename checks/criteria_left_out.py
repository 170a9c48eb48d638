"""The list numbers a record says it leaves out on purpose: lists that name only some of the protocol's criteria
("Key Inclusion Criteria", "Other protocol-defined inclusion/exclusion criteria may apply") and numbers deleted or
not applied ("Criterion 3 was deleted in Amendment 1", "criteria 4-5: N/A", "5-7. [Deleted]")."""
from __future__ import annotations

import re
from typing import Iterator

from checks.criteria_text import Reading

# A heading that names its list a selection of the protocol's criteria, numbered as the protocol numbers them ("Key
# Inclusion Criteria", "Main exclusion criteria", "Selected Inclusion Criteria", "Inclusion criteria (abbreviated)").
# (Not "Main Study Inclusion Criteria" nor "Inclusion Criteria (Main Study)", which name a part of the study.)
_SELECTION_HEADING = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?[*_]*(?:key|main|major|principal|selected|summary[ \t]+of(?:[ \t]+the)?|abbreviated)"
    r"[ \t]+(?:inclusion|exclusion|non[ \t-]?inclusion)[ \t]+criteria\b"
    r"|[^\n]*\((?:key|selected|abbreviated|summary|summarized|partial)\b", re.I)
# A record's word that its lists name only some of the protocol's criteria: "Other protocol-defined inclusion/exclusion
# criteria may apply", "Additional eligibility criteria apply", "Not all exclusion criteria are listed". Found from
# "criteria" (`_CRITERIA_APPLY`, which a search finds fast), then the words before it in its sentence
# (`_OTHERS_BEFORE`, up to `OTHERS_REACH` characters).
_CRITERIA_APPLY = re.compile(r"\bcriteria\b(?:[^.\n]{0,40}?\bappl(?:y|ies)\b|[ \t]+(?P<listed>(?:are|have[ \t]+been)"
                             r"[ \t]+(?:listed|shown|included|presented))\b)", re.I)
_OTHERS_BEFORE = re.compile(r"\b(?:other|additional|further|more)\b[^.\n]*\Z", re.I)
_NOT_ALL_BEFORE = re.compile(r"\bnot[ \t]+all\b[^.\n]*\Z", re.I)
OTHERS_REACH = 60


def _criteria_apply(text: str, lowered: str) -> Iterator[re.Match]:
    """What `_CRITERIA_APPLY.finditer(text)` finds, tried only where the lower-cased text says "criteria" (a
    case-blind search scans every character; when lower-casing changes the length, or the text holds the dotless
    i, which the pattern takes for an i, it does)."""
    if len(lowered) != len(text) or "\u0131" in text:
        yield from _CRITERIA_APPLY.finditer(text)
        return
    tried, at = 0, lowered.find("criteria")
    while at >= 0:
        m = _CRITERIA_APPLY.match(text, at) if at >= tried else None
        if m is not None:
            tried = m.end()
            yield m
        at = lowered.find("criteria", at + 8)


def selected_lists(read: Reading) -> set[str]:
    """The names of the sections whose lists the record says name only some of the protocol's criteria: under a
    heading that says so (`_SELECTION_HEADING`), or all of one name when the text says others apply
    (`_CRITERIA_APPLY`: inclusion, exclusion, or both when it names neither or both). Their numbers are the
    protocol's, and a number skipped there is a criterion left out on purpose, not lost."""
    text = read.text
    named = set()
    for section in read.sections:
        if section.name != "criteria":
            heading = text[text.rfind("\n", 0, section.start) + 1:section.start]
            if _SELECTION_HEADING.match(heading):
                named.add(section.name)
    for m in _criteria_apply(text, read.lowered):
        before = _OTHERS_BEFORE if m["listed"] is None else _NOT_ALL_BEFORE
        said = before.search(text, max(0, m.start() - OTHERS_REACH), m.start())
        if said is None:
            continue
        said = text[said.start():m.end()].lower()
        lists = {name for name in ("inclusion", "exclusion") if name in said}
        named |= lists if len(lists) == 1 else {"inclusion", "exclusion", "criteria"}
    return named


# Numbers as a record names them: "3", "3a", "#3", "3 and 4", "5-7", "5 to 7", "criteria 5 through 7".
_NUMBERS = r"#?\d{1,2}[a-z]?(?:[ \t]*(?:,|and|&|or|-|\u2013|to|through|thru)[ \t]*#?\d{1,2}[a-z]?)*"
_REMOVED = r"(?:deleted|removed|omitted|withdrawn|retired|eliminated|struck|intentionally|no longer|not used)"
# What a record says of a numbered criterion that applies elsewhere or nowhere: "(criterion 2 applies to the
# pediatric cohort only)", "inclusion criterion 3 is not applicable in this country", "criteria 4-5: N/A".
_NOT_APPLIED = r"(?:not[ \t]+applicable|n/a\b|do(?:es)?[ \t]+not[ \t]+apply|appl(?:y|ies)\b[^.\n]{0,50}?\bonly)"
# Where a record says numbered criteria were taken out: "(Criterion 3 was deleted in Amendment 1)", "Note: exclusion
# criteria 5 to 7 have been removed", "Deleted: item #4", or an item for several numbers: "5-7. [Deleted]".
_SAID_REMOVED = re.compile(
    rf"(?:criteri(?:on|a)|items?|numbers?|nos?\.)[ \t]*(?P<named>{_NUMBERS})\b[^.\n]{{0,60}}?\b"
    rf"(?:{_REMOVED}|{_NOT_APPLIED})"
    rf"|\b{_REMOVED}[ \t]*[:\-]?[ \t]*(?:(?:inclusion|exclusion)[ \t]+)?(?:criteri(?:on|a)|items?|numbers?|nos?\.)"
    rf"[ \t]*(?P<after>{_NUMBERS})"
    rf"|^[ \t]*(?:[-*•][ \t]*)?(?P<marked>\d{{1,2}}[ \t]*(?:-|\u2013|to)[ \t]*\d{{1,2}})[ \t]*\\?[.)][ \t]*"
    rf"[\[(]?[ \t]*{_REMOVED}",
    re.I | re.M,
)
_REMOVED_WORDS = ("delet", "remov", "omit", "withdr", "retir", "elimin", "struck", "intention", "no longer", "not used",
                  "appl", "n/a")
_DIGIT = re.compile(r"\d")
_NUMBER_OR_RANGE = re.compile(r"(\d{1,2})(?:[ \t]*(?:-|\u2013|to|through|thru)[ \t]*#?(\d{1,2}))?", re.I)


def said_removed(text: str, lowered: str | None = None) -> set[int]:
    """The list numbers the record says were deleted or removed (by an amendment), or apply elsewhere or nowhere: a
    gap at those numbers loses no criterion the record does not account for (`lowered`: text.lower(), if at hand)."""
    removed: set[int] = set()
    for start, end in _lines_saying_removed(text, text.lower() if lowered is None else lowered):
        if _DIGIT.search(text, start, end) is None:
            continue  # every statement names a number
        for m in _SAID_REMOVED.finditer(text, start, end):
            for number in _NUMBER_OR_RANGE.finditer(m["named"] or m["after"] or m["marked"]):
                low = int(number[1])
                removed.update(range(low, int(number[2] or low) + 1))
    return removed


def _lines_saying_removed(text: str, lowered: str) -> list[tuple[int, int]]:
    """The spans of the lines that hold a word of removal (`_REMOVED_WORDS`, in any case), where every statement of
    `_SAID_REMOVED` stands (each holds one, and none runs across a line break); most texts have none. The whole
    text when lower-casing (`lowered`) changes its length."""
    if len(lowered) != len(text):
        return [(0, len(text))]
    lines = set()
    for word in _REMOVED_WORDS:
        at = lowered.find(word)
        while at >= 0:
            end = lowered.find("\n", at)
            lines.add((lowered.rfind("\n", 0, at) + 1, len(lowered) if end < 0 else end))
            at = lowered.find(word, at + 1)
    return sorted(lines)
