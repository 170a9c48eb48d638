"""The inclusion and exclusion sections of a criteria text and the headings that open them: on a line of their own,
or inside a line where one-line and flattened criteria carry them ("Inclusion Criteria: Adults aged 18-65; ...
Exclusion Criteria: Type 1 diabetes; ..."), and the first list number a heading line holds."""
from __future__ import annotations

import re
from itertools import accumulate
from typing import Iterator, NamedTuple

from checks.criteria_headings import HEADING_OPENING, HEADING_QUALIFIER

# A heading line: its mark and qualifiers (checks.criteria_headings), then "inclusion" or "exclusion" ("non-inclusion"
# is exclusion, as French records say it) and "criteria", or "Criteria for inclusion" (an underscore after it is a
# bold mark: "__Exclusion Criteria__").
HEADING = re.compile(
    rf"^[ \t]*{HEADING_OPENING}(?:(non[ \t-]?)?(inclusion|exclusion)[ \t]+criteria|criteria[ \t]+for[ \t]+"
    r"(inclusion|exclusion))(?![^\W_])[^\n]{0,60}$",
    re.I | re.M,
)
# A heading that stands inside a line, before its first criterion (`_inline_headings`): the heading's words (as
# `HEADING`'s, the same groups), then what ends a heading there: a colon, also after "include" or "are as follows"
# ("Exclusion criteria include: ..."), a full stop before a capital or a list mark ("Study Exclusion Criteria. History
# of ..."), a dash ("EXCLUSION CRITERIA - Patients with ..."), or a list mark after ("Exclusion Criteria • ...").
# A sentence that names the criteria goes on otherwise ("Further exclusion criteria apply.", "exclusion criteria 3.2",
# "exclusion criteria are present:", "Exclusion criteria for part B:").
_HEADING_WORDS = (r"(?:(non[ \t-]?)?(inclusion|exclusion)[ \t]+criteria|criteria[ \t]+for[ \t]+(inclusion|exclusion))"
                  r"(?![^\W_])")
_INLINE_END = (r"(?:[ \t]*(?:\*\*|__))?"
               r"(?:[ \t]*[:\uff1a]|[ \t]+(?:includes?|are(?:[ \t]+as[ \t]+follows)?)[ \t]*[:\uff1a]"
               r"|\.(?=[ \t]*(?:(?-i:[A-Z])|[-*\u2022]|\(?\d{1,2}[.)]))"
               r"|[ \t]+[-\u2013\u2014](?=[ \t])"
               r"|(?=[ \t]*[*\u2022]))")
# The heading at the start of a line that goes on with its first criterion ("Inclusion Criteria: Adults aged 18-65;
# HbA1c ..."), too long for `HEADING`; and one inside a line, from its first (capitalised) word: at most three words
# that qualify it ("Key", "Study"), then its words.
_LINE_HEADING = re.compile(rf"[ \t]*{HEADING_OPENING}{_HEADING_WORDS}{_INLINE_END}", re.I)
# Inside a line, a heading may also end its line bare (group "bare"), as a flattened list item that runs on into it
# writes it ("-  Age 18-30 Exclusion Criteria" before the line "-  Smokers"): `_closes_list_item` says when.
# A group's heading may end its line so too, with the group it is for ("... instructions Inclusion criteria for
# able-bodied" then the line "subjects").
_MID_HEADING = re.compile(rf"(?:{HEADING_QUALIFIER}[ \t]+){{0,3}}?{_HEADING_WORDS}"
                          rf"(?:{_INLINE_END}|(?P<bare>\.?(?=[ \t\r]*$)|[ \t]+for(?:[ \t]+[\w/-]+){{0,2}}"
                          r"(?=[ \t\r]*$)))", re.I)
# What may follow "criteria" where a heading that stands inline ends (`_INLINE_END`) or goes on ("Criteria for
# inclusion"): only there are a line's inline headings looked for.
_MAY_END_HEADING = re.compile(r"[ \t]*(?:[:\uff1a.\-\u2013\u2014*\u2022_\r\n]|(?i:includes?|are|for)\b)")
# The words of a heading, in any case, where `_inline_headings` looks for one.
_HEADING_WORDS_ANY_CASE = re.compile(
    r"(?:non[ \t-]?)?(?:in|ex)clusion[ \t]+criteria|criteria[ \t]+for[ \t]+(?:in|ex)clusion", re.I)
# How far before a heading's words its qualifiers may start; a capital that opens a word (where one may start).
QUALIFIER_REACH = 60
_CAPITAL = re.compile(r"(?<!\w)[A-Z]")
# What ends a criterion before a heading inside its line: a sentence's end, a bracket, a colon, a list mark.
_ITEM_END = ".;!?)]:*\u2022\uff1a\u3002"
# The last word of a sentence that goes on into the words of a heading: they name the criteria ("meet the following
# Inclusion Criteria:", "as per Exclusion Criteria: ...").
_LAST_WORD = re.compile(r"(?<!\w)\w+$")
WORD_REACH = 40
_GOES_ON = frozenset((
    "a", "an", "the", "this", "these", "those", "following", "all", "any", "each", "either", "neither", "no", "none",
    "of", "per", "to", "for", "in", "on", "under", "by", "with", "without", "from", "and", "or", "nor", "as", "than",
    "that", "which", "is", "are", "be", "been", "not", "see", "meet", "meets", "met", "meeting", "fulfil", "fulfils",
    "fulfill", "fulfills", "fulfilled", "fulfilling", "satisfy", "satisfies", "satisfied", "satisfying", "listed",
    "our", "their", "his", "her", "its", "same", "both", "remaining", "specified", "defined", "protocol"))
# A list mark after a heading (its first criterion's).
_MARK_AFTER = re.compile(r"[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])")
# A line that opens a list item ("  -  Smokers", "3. Pregnancy"); and the next line with words, which opens one.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])[ \t]+\S")
_NEXT_LIST_ITEM = re.compile(r"\s*?\n[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])[ \t]+\S")
# The same after the rest of a group's heading wrapped onto a line of its own ("     subjects").
_NEXT_LIST_ITEM_AFTER_WRAP = re.compile(r"[ \t\r]*\n[ \t]+[\w/-]+(?:[ \t]+[\w/-]+)?[ \t\r]*\n"
                                        r"\s*?\n?[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])[ \t]+\S")
# A heading line that writes "criteria" in lower case ("Inclusion criteria"): the text's other headings may be so too.
_LOWER_CASE_HEADING_LINE = re.compile(
    r"^[ \t]*(?:Inclusion|Exclusion|INCLUSION|EXCLUSION)[ \t]+criteria[ \t]*:?[ \t\r]*$", re.M)
# An item's last sentence run on into a heading whose words a hard wrap parts ("... sign informed consent. Exclusion"
# then the line "     criteria"): groups as `HEADING`'s (the third never takes part).
_WRAPPED_HEADING = re.compile(r"(?<=[.;!?)][ \t])[ \t]*((?i:non)[ \t-]?)?(Inclusion|Exclusion|INCLUSION|EXCLUSION)"
                              r"[ \t]*\r?\n[ \t]+(?i:criteria)((?!))?[ \t]*[:\uff1a]?(?=[ \t\r]*$)", re.M)
_CRITERIA_WORD = re.compile(r"criteria", re.I)
# A line that goes on with the list item above it, as legacy records wrap an item: indented, with words; and how many
# lines above it its item's mark may stand.
_CONTINUED = re.compile(r"[ \t]+\S")
ITEM_LINES = 8
# The colon that ends a heading or a group's label: the ASCII one, or the full-width one of Chinese, Japanese and
# Korean text ("入选标准：", "Cohort A："), which the same records' lines end in as others end in ":".
COLONS = (":", "\uff1a")


_HEADING_NUMBER = re.compile(r"[:\uff1a\s](\d{1,2})\\?[.)]\s*$")
# The first item written on the heading line itself ("Exclusion Criteria: 1. Pregnancy", "Inclusion criteria: (1) Age"):
# the list of the lines below goes on from it.
HEADING_FIRST_ITEM = re.compile(r"criteria\b[ \t]*(?:[:\uff1a.\-\u2013][ \t]*)?\(?(\d{1,2})[ \t]?(?:\\?\.|\))(?!\d)",
                                 re.I)


_PLUS_ONE = (1).__add__


class Section(NamedTuple):
    """Inclusion, exclusion, or the whole text when it has no headings.

    A named tuple, as `Marker`: made for every criteria text and a key of its list numbers, it is made and
    hashed faster than a frozen dataclass (no two sections of a text share a start, so none are equal)."""

    name: str
    start: int
    end: int
    opened: int = 0  # the item number its heading line holds ("Exclusion Criteria:1.", "Exclusion Criteria: 1. HIV")


def line_starts(text: str) -> list[int]:
    """Where each line starts: 0 and every offset after a newline."""
    starts = list(accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))
    starts.pop()  # the offset past the last line
    return starts


def sections(text: str, lowered: str | bytes | None = None) -> list[Section]:
    """The inclusion/exclusion sections of a criteria text, in order (`lowered`: text.lower(), or the
    text's `word_bytes`, if at hand). A section starts after its heading: at the end of a heading line, or right
    after a heading that stands inside a line (`_inline_headings`)."""
    heads = _without_stray_headings(list(_headings(text, text.lower() if lowered is None else lowered)))
    if not heads:
        return [Section("criteria", 0, len(text))]
    found = [Section("criteria", 0, heads[0].start())] if text[: heads[0].start()].strip() else []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        number = HEADING_FIRST_ITEM.search(m.group(0)) or _HEADING_NUMBER.search(m.group(0))
        found.append(Section(_heading_name(m), m.end(), end, int(number.group(1)) if number else 0))
    return found


def _indent(heading: re.Match) -> int | None:
    """How far a heading that is a line of its own (`HEADING`) is indented; None for one inside a line."""
    return len(heading.group(0)) - len(heading.group(0).lstrip(" \t")) if heading.re is HEADING else None


def _without_stray_headings(heads: list[re.Match]) -> list[re.Match]:
    """The headings but an exclusion heading line that stands inside the inclusion list: below an inclusion heading,
    more indented than the exclusion heading line that follows it with no inclusion heading between (NCT04280705:
    "5. ... as documented by either of the following:", "1. PCR positive ...; OR", the indented "Exclusion Criteria:",
    "2. PCR positive ...", "6. Illness ...", then "Exclusion Criteria:" at the margin). The list goes on through it."""
    stray = set()
    for i in range(1, len(heads) - 1):
        indent = _indent(heads[i])
        if not indent or _heading_name(heads[i]) != "exclusion" or _heading_name(heads[i - 1]) != "inclusion":
            continue
        later = heads[i + 1]
        if _heading_name(later) == "exclusion" and (_indent(later) if _indent(later) is not None else indent) < indent:
            stray.add(i)
    return [m for i, m in enumerate(heads) if i not in stray] if stray else heads


def _heading_name(heading: re.Match) -> str:
    """The list a heading line opens: "inclusion" or "exclusion" (a non-inclusion criterion excludes)."""
    if heading.group(1):
        return "exclusion"
    return (heading.group(2) or heading.group(3)).lower()


def _headings(text: str, lowered: str | bytes) -> Iterator[re.Match]:
    """The heading lines of the text: `HEADING` tried only on lines where the lower-cased text says "criteria"
    and "clusion" (of "inclusion", "exclusion").

    Every heading holds both in any case; lower-casing keeps them at their place unless the text
    holds a letter that lower-cases to two characters (then the lengths differ), the dotless i or
    the long s, which the pattern takes for an i and an s but lower-casing keeps (the only other it
    takes for an ASCII letter, the Kelvin sign, is in neither word). Those texts try every line.
    """
    if len(lowered) != len(text) or "\u0131" in text or "\u017f" in text:
        inline = _HEADING_WORDS_ANY_CASE.search(text) is not None
        for line_start in line_starts(text):
            m = HEADING.match(text, line_start)
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            if m:
                yield m  # it ends its line
            elif (wrapped := _wrapped_heading(text, line_start, line_end)) is not None:
                yield wrapped
            elif inline:
                yield from _inline_headings(text, line_start, line_end)
        return
    # the text's words hold the same letters and line breaks at the same places
    needle, also, line_break = ("criteria", "clusion", "\n") if isinstance(lowered, str) else \
        (b"criteria", b"clusion", b"\n")
    tried, done, at = -1, -1, lowered.find(needle)
    line_start = line_end = 0
    while at >= 0:
        if at > done:  # `done`: the end of the last line read whole
            line_start = text.rfind("\n", 0, at) + 1
            if line_start > tried:  # a heading ends its line, so no later line start is passed over
                tried = line_start
                line_end = lowered.find(line_break, at)
                line_end = len(lowered) if line_end < 0 else line_end
                if lowered.find(also, line_start, line_end) < 0:
                    done = line_end  # no heading's words on the line
                    wrapped = _wrapped_heading(text, line_start, line_end)
                    if wrapped is not None:
                        yield wrapped
                else:
                    m = HEADING.match(text, line_start)
                    if m is not None:
                        done = line_end
                        yield m
            if at > done and _MAY_END_HEADING.match(text, at + 8):
                yield from _inline_headings(text, line_start, line_end)  # the line's every heading, found at once
                done = line_end
        at = lowered.find(needle, at + 8)


def _inline_headings(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The headings that stand inside the line text[start:end], which is no heading line (`HEADING`): at its start
    before the first criterion ("Inclusion Criteria: Adults aged 18-65; HbA1c 7-10%; ..."), or after a criterion that
    ends on the line (`_ends_criterion`: "... complications. Exclusion Criteria: - Child ...", "... Board (MAB)
    Exclusion Criteria:\u2022 Patient ...", "- Diagnosis of autism Exclusion Criteria: - Diagnosis of ..."), as
    flattened and one-line criteria write them; each is a match of the same groups as `HEADING`'s."""
    found_end = start
    for words in _HEADING_WORDS_ANY_CASE.finditer(text, start, end):
        if words.start() < found_end:
            continue
        heading = _LINE_HEADING.match(text, start, end) if found_end == start else None
        if heading is None or heading.end() <= words.start():
            heading = _mid_heading(text, start, end, words.start())
        if heading is not None:
            found_end = heading.end()
            yield heading


def _mid_heading(text: str, line_start: int, end: int, at: int) -> re.Match | None:
    """The heading whose words start at `at` inside a line (from `line_start` to `end`), opened by a capital: with
    the words that qualify it before them, or alone, after the end of a criterion. Read from its first word: a
    sentence that goes on into its qualifier ("meet the General Exclusion Criteria:") goes on into the rest."""
    for capital in _CAPITAL.finditer(text, max(line_start, at - QUALIFIER_REACH), at + 1):
        heading = _MID_HEADING.match(text, capital.start(), end)
        if heading is not None and heading.end() > at:
            if heading.group("bare") is not None:
                return heading if _closes_list_item(text, line_start, end, heading) else None
            return heading if _ends_criterion(text, line_start, heading) else None
    return None


def _ends_criterion(text: str, line_start: int, heading: re.Match) -> bool:
    """Whether a criterion ends before the heading inside its line: the line's text before it ends with a sentence's
    end, a bracket, a colon or a list mark; or, in a flattened list, with a criterion's last word, when the heading
    is capitalised ("Exclusion Criteria", "EXCLUSION CRITERIA") and a colon or a list mark ends it. Not a sentence
    that goes on into it ("meet the following Inclusion Criteria:", "Inclusion/Exclusion Criteria:")."""
    before = text[line_start:heading.start()].rstrip(" \t")
    if not before:
        return True
    if before[-1] in _ITEM_END or before[-1] == "-" and before[-2:-1].isspace():
        return True
    if not before[-1].isalnum():
        return False  # a comma, a slash, an opening bracket: the sentence goes on
    last = _LAST_WORD.search(before, max(0, len(before) - WORD_REACH))  # None: a word longer than any of `_GOES_ON`
    named = heading.start(2) if heading.start(2) >= 0 else heading.start(3)
    return (last is None or last.group(0).lower() not in _GOES_ON) and text[named].isupper() and \
        (text.endswith(COLONS, heading.start(), heading.end()) or _MARK_AFTER.match(text, heading.end()) is not None)


def _wrapped_heading(text: str, line_start: int, line_end: int) -> re.Match | None:
    """The heading whose words a hard wrap parts, ending on the line from `line_start` to `line_end` ("     criteria")
    after the last sentence of a list item on the line above ("  -  ... sign informed consent. Exclusion"), when the
    next line with words opens a list item (`_WRAPPED_HEADING`)."""
    if line_start < 2 or _NEXT_LIST_ITEM.match(text, line_end) is None:
        return None
    above = text.rfind("\n", 0, line_start - 1) + 1
    words = _list_item_words(text, above)
    heading = _WRAPPED_HEADING.search(text, above, line_end)
    return heading if heading is not None and 0 <= words < heading.start() else None


def _closes_list_item(text: str, line_start: int, line_end: int, heading: re.Match) -> bool:
    """Whether a heading without a colon that ends its line closes a list item run on into it: the line opens a
    list item, a criterion's last word or end stands before the heading, its words are capitalised ("Exclusion
    Criteria", "EXCLUSION CRITERIA"; "Exclusion criteria" in a text whose heading lines write it so), and the next
    line with words opens a list item (after the rest of a group's heading: "for able-bodied" then "subjects"). Not
    a sentence that goes on into it ("- Patients who meet the Exclusion Criteria")."""
    words = _list_item_words(text, line_start)
    group = (heading.group("bare") or "").strip(" \t.") != ""  # "for able-bodied", its group wrapped below
    if words < 0 or words >= heading.start() or _NEXT_LIST_ITEM.match(text, line_end) is None and not (
            group and _NEXT_LIST_ITEM_AFTER_WRAP.match(text, line_end)):
        return False
    named = heading.start(2) if heading.start(2) >= 0 else heading.start(3)
    criteria = _CRITERIA_WORD.search(text, heading.start(), heading.end())
    if not (text[named].isupper() and criteria is not None and (
            text[criteria.start()].isupper() or _LOWER_CASE_HEADING_LINE.search(text) is not None)):
        return False
    before = text[line_start:heading.start()].rstrip(" \t")
    if before and before[-1] in _ITEM_END:
        return before[-1] not in COLONS  # after a colon the heading is what a sentence introduces
    last = _LAST_WORD.search(before, max(0, len(before) - WORD_REACH))
    return before[-1:].isalnum() and (last is None or last.group(0).lower() not in _GOES_ON)


def _list_item_words(text: str, line_start: int) -> int:
    """Where the words of a list item start on the line at `line_start`: after the line's list mark, or at its first
    word where it goes on with the item above it (indented, no blank line between); -1 where the line is in no item."""
    item = _LIST_ITEM.match(text, line_start)
    if item is not None:
        return item.end() - 1
    continued = _CONTINUED.match(text, line_start)
    start = line_start
    for _ in range(ITEM_LINES):
        if start == 0 or _CONTINUED.match(text, start) is None:
            return -1
        start = text.rfind("\n", 0, start - 1) + 1
        if _LIST_ITEM.match(text, start) is not None:
            return continued.end() - 1
    return -1


def heading_line(line: str) -> bool:
    """Whether the line is a criteria heading (`HEADING`), tried only on a line that says "criteria" in any case
    (or holds a letter beyond ASCII, which the pattern may take for one of its letters)."""
    return ("criteria" in line.lower() or not line.isascii()) and HEADING.fullmatch(line) is not None
