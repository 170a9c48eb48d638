"""Whether two criteria stand in one list: a heading, a group's label, a paragraph or a parent item between them
starts another ("1. Patients with AML" then "- Age 18"; "Patients with type 2 diabetes" between two list lines)."""
from __future__ import annotations

import re
from itertools import chain

from checks.criteria_group_labels import (GROUP_WORD, group_heading_between, group_label_inline, separates,
                                          separator_between)
from checks.criteria_items import ITEM_MARK_AT, Item
from checks.criteria_list_numbers import FULL_WIDTH_MARKS, LINE_MARKER, WRAP_WIDTH, indent
from checks.criteria_quantities import SENTENCE_GOES_ON_BEFORE
from checks.criteria_sections import HEADING

# A line that opens with a bullet or a list number (not a bold line, "**Part B**").
LIST_LINE = re.compile(rf"[ \t]*(?:[-•]|\*(?!\*)|[(（]?\d{{1,2}}[ \t]?(?:\\?[.)]|[{FULL_WIDTH_MARKS}]))")
# A line's list number and how it is written ("3.", "(3)", "3)"; escaped, "3\\." as "3." and "3\\)" as "3)"; or
# full-width: "3．" as "3.", "（3）" as "(3)"): a parent item above criteria marked otherwise (bulleted, or numbered "1)"
# under "1."), as lists are written flat.
_NUMBERED_LINE = re.compile(rf"[ \t]*(?:[-*•][ \t]*)?([(（]?)\d{{1,2}}[ \t]?(\\?\.(?!\d)|\\?\)|[{FULL_WIDTH_MARKS}])")


# A list's first item ("1.", "(1)", "1)"): a line of text right above it heads a new list ("Group B: meet any of 1 to
# 3" then "1. Diagnosed with..."), though no blank line or colon sets it apart.
_FIRST_ITEM = re.compile(rf"[ \t]*[(（]?1[ \t]?(?:\\?\.(?!\d)|\\?\)|[{FULL_WIDTH_MARKS}])")
# A sub-heading ("Prior Medication:", "Cohort 2 Inclusion Criteria:") starts a new list.
_SUBHEADING = re.compile(r"^[^\n]{0,100}[:\uff1a][ \t]*$", re.M)


def new_list_between(text: str, first: Item, repeat: Item) -> bool:
    """Whether a heading, a group's label, a paragraph or a parent item stands between two items: a less-indented
    item, or a numbered one above criteria marked otherwise ("1. Patients with AML" then "- Age 18"; "2. Dose level
    2, defined as:" then "1) Hemoglobin ...", as flat lists write a parent and its criteria). A line ending in a
    colon is a heading, unless it is an item of the two items' own numbered list (`_sibling`)."""
    line_start = text.rfind("\n", 0, repeat.start) + 1
    depth = indent(text[line_start:repeat.start])
    if group_label_inline(text, first.end, repeat.start) or group_heading_between(text, first.end, repeat.start) \
            or any(not _sibling(m[0], first, repeat, depth) and not _nested_parent(text, m, first, depth)
                   for m in chain(_SUBHEADING.finditer(text, first.end, repeat.start),
                                  _PARENT_LINE.finditer(text, text.rfind("\n", 0, first.end) + 1, repeat.start))):
        return True
    # How the repeat's list is marked, to tell a parent marked otherwise: its list number's way ("." or ")"), None
    # for a bulleted or unmarked criterion after another, "" when no parent is told so.
    if repeat.number is not None:
        marked = _mark_of(text[line_start:repeat.end])
    else:
        marked = None if first.number is None and not text[line_start:repeat.start].strip(" \t-*•") else ""
    # From the start of the line where the first item ends: a bullet's marker belongs to the next item.
    begin = text.rfind("\n", 0, first.end) + 1
    lo = begin if begin > first.start else first.end
    lines = text[lo:line_start].split("\n")
    if separator_between(text, lo, line_start) if lo == begin else \
            separates(lines[0]) or separator_between(text, lo + 1, line_start):
        return True  # a group's label or "OR" (the first item may end inside a line: the rest of it, then below)
    # the line below each (the text ends with a line break, the last line is empty): the repeat's own line below it
    below = lines[1:-1] + [text[line_start:repeat.end], ""]
    for previous, line, next_line in zip([""] + lines, lines, below):
        if not line.strip():
            continue
        listed = bool(LIST_LINE.match(line))
        if listed and (indent(line) < depth or marked != "" and indent(line) <= depth and
                       _mark_of(line) not in ("", marked)):
            return True
        if not listed and (not previous.strip() or _FIRST_ITEM.match(next_line) or
                           _labels_below(previous, line, next_line, depth)):
            return True
    return False


# A line of any length that leads in the criteria below it: it ends in a colon or in the words that open a list
# ("Male participants with a partner of childbearing potential must agree that the partner uses one of the following
# highly effective methods of contraception until 90 days after the last dose:", "..., including" above a list
# line; not a hard-wrapped criterion's line that ends in "including"). The same criterion below two such lines of a
# flat list is stated once under each.
_PARENT_LINE = re.compile(r"^[^\n]*(?:[:\uff1a][ \t]*$|\b(?:including|such as|as follows|"
                          r"(?:one|any|all|each|either) of the following)[ \t]*"
                          r"(?=\n[ \t]*(?:[-*\u2022]|\(?\d{1,2}[ \t]?(?:\\?\.|\)))))", re.M | re.I)


def _labels_below(previous: str, line: str, next_line: str, depth: int) -> bool:
    """Whether an unmarked line between two list items names the criteria below it ("- Age 18 to 65" then "Patients
    with type 2 diabetes" then "- Signed consent"): short, opening with a capital and ending with no punctuation,
    indented no further than the list, after a short item that ends its sentence (not a wrapped item's next line).
    A criteria heading written again ("Inclusion Criteria (continued)") goes on with the list above."""
    stripped, above = line.strip(), previous.rstrip()
    return len(stripped) <= LABEL_LINE and HEADING.match(line) is None and stripped[0].isupper() and \
        stripped[-1] not in ".,;-/&(" and indent(line) <= depth and len(previous) < WRAP_WIDTH and \
        LIST_LINE.match(previous) is not None and LIST_LINE.match(next_line) is not None and \
        not above.endswith((",", "-", "/", "(")) and not any(p.search(above) for p in SENTENCE_GOES_ON_BEFORE) and \
        _ENDS_IN_JOIN.search(above) is None


# A short line between list items is a label (`_labels_below`) when it is at most this long.
LABEL_LINE = 60
# A line that ends in a word joining it to the next ("and", "or", "including") goes on below.
_ENDS_IN_JOIN = re.compile(r"(?<!\S)(?:and|or|nor|including|such as|e\.g\.|i\.e\.|as|if|unless|that|which|who)[ \t]*$",
                           re.I)


# A full-width point, bracket or ideographic full stop read as the ASCII mark it stands for.
_AS_ASCII_MARK = str.maketrans("．。（）", "..()")


def _mark_of(line: str) -> str:
    """How the line's list number is written ("()" for "(3)" or "（3）", "." for "3.", "3\\." or "3．", ")" for "3)"), or
    "" for a line that opens with no list number."""
    m = _NUMBERED_LINE.match(line)
    return "" if m is None else (m[1] + m[2][-1]).translate(_AS_ASCII_MARK)


def _sibling(line: str, first: Item, repeat: Item, depth: int) -> bool:
    """Whether a line ending in a colon between two numbered items is an item of their list, numbered between them
    at the repeat's depth and naming no group ("6. Adequate organ function:" between criteria 3 and 9): the two
    stand in one list."""
    mark = LINE_MARKER.match(line)
    return mark is not None and first.number is not None and repeat.number is not None and \
        first.number < int(mark[1]) < repeat.number and indent(line) == depth and GROUP_WORD.search(line) is None


def _nested_parent(text: str, line: re.Match, first: Item, depth: int) -> bool:
    """Whether a list line that leads in criteria (`line`, between two items at the repeat's `depth`) is an item of
    their list with its own criteria indented below it, naming no group: the first item stands at that depth too,
    and the list goes on there after its criteria ("* Adequate liver function:" then "  * Bilirubin <= 1.5 x ULN"
    then "* Signed informed consent"). A flat list, its criteria written at the parent's depth, is read as before."""
    below = NEXT_TEXT_LINE.search(text, line.end())
    first_line = text.rfind("\n", 0, ITEM_MARK_AT.match(text, first.start, first.end).end()) + 1
    return LIST_LINE.match(line[0]) is not None and indent(line[0]) == depth and \
        indent(text[first_line:first.end]) == depth and below is not None and indent(below[1]) > depth and \
        GROUP_WORD.search(line[0]) is None


# The next line that holds more than white space (from after an item).
NEXT_TEXT_LINE = re.compile(r"^([ \t]*\S[^\n]*)", re.M)
