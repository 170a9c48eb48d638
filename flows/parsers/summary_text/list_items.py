"""Trial-summary page, a list of names one a line (its conditions): a line's bullet, or its number in a list
numbered 1, 2, 3..., is no part of the name."""
from __future__ import annotations

import re

from flows.parsers.page_text import nonblank

# Bullets a saved or copied list keeps before each item: signs no name starts with, the space after them optional.
_SIGNS = "\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u25b8\u25ba\u25a0\u25a1\u25cf\u25cb\u25fe\u2043\u2219"
# Marks a name may hold first ('-ILD'): a bullet only before a space ('- Myositis').
_MARKS = "-\u2013\u2014*+"
_BULLET = re.compile(rf"^(?:[{_SIGNS}]\s*|[{re.escape(_MARKS)}]\s+)(?=\S)")
# An item of a numbered list: '1. Dermatomyositis', '2) Myositis'.
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")


def list_names(lines: list[str]) -> list[str]:
    """The names of a list, one a line, without their bullets; a list whose every line is numbered in order from 1
    is read without its numbers (a line alone numbered otherwise keeps its number: it may be part of the name)."""
    items = [_BULLET.sub("", line) for line in nonblank(lines)]
    numbers = [_NUMBERED.match(item) for item in items]
    if items and all(numbers) and [int(match.group(1)) for match in numbers] == list(range(1, len(items) + 1)):
        return [item[match.end():] for item, match in zip(items, numbers)]
    return items
