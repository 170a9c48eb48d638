"""An age among a criterion's options: an item of a list whose lead-in offers its items as options, or the
alternative a statement offers to adults of any age."""
from __future__ import annotations

import re

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
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def among_options(lowered: str, statement: Statement, start: int) -> bool:
    """Whether the statement is an item of a list whose lead-in (the line above it with less indentation, or without
    a list mark above a marked item, from lowered[start:] on) offers its items as options (`_OPTIONS_LEAD`)."""
    line_start = max(start, lowered.rfind("\n", start, statement.start) + 1)
    line_end = lowered.find("\n", statement.start)
    item = lowered[line_start:line_end if line_end >= 0 else len(lowered)]
    marked = _LIST_ITEM.match(item) is not None
    at = line_start - 1  # the line break before the line read next, upwards
    while at > start:
        above = max(start, lowered.rfind("\n", start, at) + 1)
        line, at = lowered[above:at], above - 1
        if not line.strip() or _indent(line) > _indent(item):
            continue  # a blank line, or a wrapped line of an item above
        if _indent(line) < _indent(item) or marked and _LIST_ITEM.match(line) is None:
            return _OPTIONS_LEAD.search(line) is not None
    return False


# The statement's own criterion offering its age as the alternative to adults of any age ("are adults (or children
# 18-21 years old)", "Adults or adolescents 16-17 years"): the range is one option's. Searched in the text's lower case.
ADULTS_OR_AGED = re.compile(r"\badults?[ \t]*\(?[ \t]*or[ \t]+(?:[a-z'-]+[ \t]+){0,2}?"
                            r"\d{1,3}[ \t]*(?:-|to)[ \t]*\d{1,3}")
