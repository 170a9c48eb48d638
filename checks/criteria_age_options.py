"""An age among a criterion's options: an item of a list whose lead-in offers its items as options or that a sentence
after it takes as alternatives, an item that an "or" ending one of them joins to another, one of several groups the
items say are eligible, the alternative a statement offers to adults of any age, or an age in a list of exclusions an
inclusion item runs inline."""
from __future__ import annotations

import re
from typing import Iterator

from checks.criteria_age_bounds import Statement

# A lead-in that offers its items as options, some of which each participant meets: "Patients with at least 3 risk
# factors for postoperative lung edema", "At least two of the following:", "One or more of the following risk
# factors", "Any one of the following". An age among its items is one option, not a limit ("- age > 60 yrs").
# "All 3 of the following" offers none. Searched in the text's lower case.
_COUNT = r"(?:\d|one|two|three|four|five)"
_OPTIONS_LEAD = re.compile(
    rf"(?<!all\s)(?:\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of)\s+|\u2265\s*|\b){_COUNT}\s+(?:or\s+more\s+)?"
    r"(?:of\s+the\s+following|(?:[a-z-]+\s+){0,2}?(?:risk\s+factors?|criteria|features|characteristics|conditions))\b"
    r"|\b(?:any|either)\s+(?:one\s+)?of\s+the\s+following\b")
# So does a lead-in that names the items risk factors without a count ("Risk factors for severe disease:", "High-risk
# conditions such as:"), or says the participants are at high risk by one of them ("At high risk of severe COVID-19,
# defined as:"), or offers "any of" or "one of" them ("Any of:", "One of these:"), unless it asks for all of them
# (`_EVERY_ITEM`).
_OPTIONS_NAMED = re.compile(
    r"\brisk\s+factors?\b|\b(?:high|increased|elevated)[\s-]+risk\s+(?:factors?|features?|conditions?|groups?)\b"
    r"|\bat\s+(?:high|higher|increased|elevated)\s+risk\b[^:\n]{0,80}?(?:\bdefined\b|\bdue\s+to\b|\bbecause\s+of\b|"
    r"\bbased\s+on\b|\bby\s+(?:having|the\s+presence)\b)"
    r"|\b(?:any|one|either)\s+(?:or\s+more\s+)?of\s*(?::|these\b)")
# A lead-in that asks for every item: "all of the following", "each of these criteria", "both of".
_EVERY_ITEM = re.compile(r"\b(?:all|each|every|both)\s+(?:of\s+)?(?:the\s+|these\s+)?"
                         r"(?:following|criteria|below|items?)\b")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]")
# A list's items joined as alternatives by an "or" that ends one of them ("1. Women over 65 years of age OR", "- Knee
# pain and osteophytes on radiographs OR"): the age of either is one option's.
_ENDS_WITH_OR = re.compile(r"\bor[ \t]*[,;:]?[ \t]*\Z")
# How many items of one list are read upwards for the lead-in of a list whose items all stand as far in as it does
# (its line breaks kept, its nesting lost: "- At least two of the three following additional criteria:" then "- Age
# greater than or equal to 60 years").
_SIBLINGS_READ = 4
# How many lines a lead-in wrapped over is read as ("- Should be hospitalized and exhibit at least one of the
# following predictors of" / "mortality").
_LEAD_LINES = 3


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _lines_above(lowered: str, at: int, start: int) -> Iterator[tuple[int, str]]:
    """The lines of lowered[start:at] from the last one upwards, each with where it starts."""
    while at > start:
        above = max(start, lowered.rfind("\n", start, at) + 1)
        yield above, lowered[above:at]
        at = above - 1


def _item_text(lowered: str, line_start: int, end: int) -> str:
    """The text of the list item whose mark opens the line at `line_start`: that line and its wrapped lines, up to a
    blank line or the next marked line (or `end`)."""
    lines = [lowered[line_start:_line_end(lowered, line_start, end)]]
    at = _line_end(lowered, line_start, end) + 1
    while at < end:
        line = lowered[at:_line_end(lowered, at, end)]
        if not line.strip() or _LIST_ITEM.match(line):
            break
        lines.append(line)
        at += len(line) + 1
    return " ".join(line.strip() for line in lines)


def _line_end(lowered: str, at: int, end: int) -> int:
    found = lowered.find("\n", at, end)
    return found if found >= 0 else end


def _lead_in(lowered: str, line_start: int, line: str, start: int) -> str:
    """The lead-in a line less indented than an item belongs to: the line, and where it is a wrapped one (no list
    mark), the lines above it as far as the marked line it wraps."""
    lines = [line]
    for above, text in _lines_above(lowered, line_start - 1, start):
        if len(lines) == _LEAD_LINES or _LIST_ITEM.match(lines[0]) or not text.strip() \
                or _indent(text) > _indent(lines[0]):
            break
        lines.insert(0, text)
    return " ".join(text.strip() for text in lines)


def _offers_options(lead_in: str) -> bool:
    """Whether a list's lead-in offers its items as options (`_OPTIONS_LEAD`, or `_OPTIONS_NAMED` where it does not
    ask for all of them)."""
    return (_OPTIONS_LEAD.search(lead_in) is not None
            or _OPTIONS_NAMED.search(lead_in) is not None and _EVERY_ITEM.search(lead_in) is None)


def among_options(lowered: str, statement: Statement, start: int) -> bool:
    """Whether the statement is an item of a list whose lead-in (the line above it with less indentation, wrapped or
    not, or without a list mark above a marked item, or a marked item as far in above it that ends with a colon,
    from lowered[start:] on) offers its items as options (`_OPTIONS_LEAD`), or an "or" ending its item or the item
    above joins them as alternatives (`_ENDS_WITH_OR`)."""
    line_start = max(start, lowered.rfind("\n", start, statement.start) + 1)
    line_end = _line_end(lowered, statement.start, len(lowered))
    item = lowered[line_start:line_end]
    marked = _LIST_ITEM.match(item) is not None
    if marked and _ENDS_WITH_OR.search(_item_text(lowered, line_start, len(lowered))):
        return True
    siblings, nested = 0, False
    for above, line in _lines_above(lowered, line_start - 1, start):
        if not line.strip() or _indent(line) > _indent(item):
            nested = nested or _LIST_ITEM.match(line) is not None and _indent(line) > _indent(item)
            continue  # a blank line, or a wrapped line or a nested item of an item above
        if _indent(line) < _indent(item) or marked and _LIST_ITEM.match(line) is None:
            return _offers_options(_lead_in(lowered, above, line, start))
        if marked:  # an item of the same list, as far in
            sibling = _item_text(lowered, above, line_start)
            if siblings == 0 and _ENDS_WITH_OR.search(sibling):
                return True
            if sibling.rstrip().endswith(":"):
                # a lead-in whose options stand further in below it offers those, not the items after them
                return not nested and _offers_options(sibling)
            siblings += 1
            if siblings == _SIBLINGS_READ:
                return False
    return False


# A sentence after a list that takes its items as alternatives: "at least one of the above", "any of the above risk
# factors", "essential workers who may not fit into the above inclusion criteria" (others admitted who meet none of
# them). An age among the list's items is then one option, not a limit. Searched in the text's lower case.
_ALTERNATIVES_ABOVE = re.compile(
    r"\b(?:any|one|either)\s+(?:or\s+more\s+)?of\s+(?:the|these)\s+(?:above|preceding|previous|listed)\b"
    r"|\b(?:may|might|do|does|did|would)\s+not\s+(?:fit|meet|fulfil+|satisfy|qualify)\s+(?:into\s+|under\s+|for\s+)?"
    r"(?:any\s+of\s+)?the\s+(?:above|preceding|previous)\b")


def among_alternatives_above(lowered: str, statement: Statement, end: int) -> bool:
    """Whether the statement is an item of a list that a sentence after it, in lowered[:end], takes as alternatives
    (`_ALTERNATIVES_ABOVE`)."""
    line_start = lowered.rfind("\n", 0, statement.start) + 1
    return (_LIST_ITEM.match(lowered, line_start) is not None
            and _ALTERNATIVES_ABOVE.search(lowered, statement.end, end) is not None)


# An item that names a group of patients who "are eligible" ("Elderly patients ≥ 60 years of age, previously
# untreated, ... are eligible for this trial"), beside another item that names another such group ("Patients with
# relapsed APL who ... are eligible for this trial"): each group is one the study admits, its age that group's.
_GROUP_ELIGIBLE = re.compile(r"\b(?:are|is)\s+(?:also\s+)?eligible\b")


def among_groups_eligible(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the statement's item names a group that "is eligible" while another item of the inclusion criteria
    lowered[start:end] names another (`_GROUP_ELIGIBLE`)."""
    line_start = max(start, lowered.rfind("\n", start, statement.start) + 1)
    own = _item_text(lowered, line_start, end)
    return _GROUP_ELIGIBLE.search(own) is not None and len(_GROUP_ELIGIBLE.findall(lowered, start, end)) >= 2


# A list's mark that opens an item of the criteria (not a letter, which may open an inline list's item).
_ITEM_MARK = re.compile(r"[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])[ \t]")
# A list of exclusions an inclusion item runs inline, after its lead-in ("... will be eligible, with the exception of
# those demonstrating the following exclusion criteria: a) a witnessed aspiration; ... g) children under the age of
# 18 years"): an age in it is of those left out. Searched in the text's lower case.
_INLINE_EXCLUSIONS = re.compile(
    r"\b(?:exclusion\s+criteri(?:a|on)|exclusions)\s*:|\b(?:with\s+the\s+exception\s+of|except\s+(?:for\s+)?)"
    r"(?:the\s+following|those|patients|subjects|participants)\b[^.:]{0,80}:")


def in_inline_exclusions(lowered: str, statement: Statement, start: int) -> bool:
    """Whether the statement stands in a list of exclusions its inclusion item runs inline, after the lead-in
    (`_INLINE_EXCLUSIONS`) in that item's text before it (from its list mark, or the blank line above it)."""
    item_start = start
    for above, line in _lines_above(lowered, _line_end(lowered, statement.start, len(lowered)), start):
        if not line.strip():
            item_start = above + len(line) + 1
            break
        if _ITEM_MARK.match(line):
            item_start = above
            break
    return _INLINE_EXCLUSIONS.search(lowered, item_start, statement.start) is not None


# The statement's own criterion offering its age as the alternative to adults of any age ("are adults (or children
# 18-21 years old)", "Adults or adolescents 16-17 years"): the range is one option's. Searched in the text's lower case.
ADULTS_OR_AGED = re.compile(r"\badults?[ \t]*\(?[ \t]*or[ \t]+(?:[a-z'-]+[ \t]+){0,2}?"
                            r"\d{1,3}[ \t]*(?:-|to)[ \t]*\d{1,3}")
