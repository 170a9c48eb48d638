"""The same sub-list under two parent criteria: a criterion that counts the items below it ("Patients aged > 65
years with comorbidities and any 1 out of 4 of:", "Patients under 65 years with any 3 out of 4 of:") and its own
list of signs, then another such criterion with the same signs below it. Each list is its parent's, not a criterion
written twice; the same list below the same parent written again still is."""
from __future__ import annotations

import re

from checks.criteria_items import Item

# A parent criterion's count of the items below it: "any 1 out of 4", "at least 2 of the following", "one of these",
# "two or more of the below"; not "any of the following", which a heading of excluded people writes too ("Volunteers
# with any of the following are excluded:"). Searched in the text's lower case.
_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_COUNT_OF_ITEMS = re.compile(
    rf"\b{_NUMBER}\s+(?:\(\d{{1,2}}\)\s+)?(?:or\s+more\s+)?(?:out\s+)?of\s+"
    rf"(?:the\s+)?(?:{_NUMBER}\b|following|these|those|below|listed)")
# How far above an item its parent's count may stand (the parent's words, and the list's items before it).
PARENT_REACH = 600
# Where a parent criterion's paragraph starts: after a blank line.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _parent(lowered: str, start: int, end: int) -> str | None:
    """The words of the last parent criterion whose count stands in lowered[start:end], from its paragraph's start
    to the count, or None where no count stands there."""
    counts = list(_COUNT_OF_ITEMS.finditer(lowered, start, end))
    if not counts:
        return None
    last = counts[-1]
    opening = max((m.end() for m in _BLANK_LINE.finditer(lowered, max(0, last.start() - PARENT_REACH),
                                                           last.start())), default=max(0, last.start() - PARENT_REACH))
    return " ".join(lowered[opening:last.end()].split())


def under_two_parents(text: str, first: Item, repeat: Item) -> bool:
    """Whether two items with one key each stand in the sub-list of its own parent criterion: a count of the items
    below (`_COUNT_OF_ITEMS`) stands above the first, another stands between the two, and the two parents differ."""
    lowered = text.lower()
    if _COUNT_OF_ITEMS.search(lowered, first.end, repeat.start) is None:
        return False  # most repeats: no parent's count between them
    above = _parent(lowered, max(0, first.start - PARENT_REACH), first.start)
    between = _parent(lowered, max(first.end, repeat.start - PARENT_REACH), repeat.start)
    return above is not None and between is not None and above != between
