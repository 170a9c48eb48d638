"""Trial-summary page, a list of names one a line (its conditions): a line's bullet, or its number in a list
numbered 1, 2, 3..., is no part of the name, read as on every layout (flows.parsers.list_marks).

A list of one name numbered '1.' ('1. Episodic Cluster Headache') keeps its number, as on every layout: the number
may be the list's or the name's, which the page cannot tell. The name is loaded as shown and named as a problem."""
from __future__ import annotations

import re

from flows.parsers.list_marks import list_names
from flows.parsers.page_text import nonblank
from flows.parsers.printed_pages import broken_before

__all__ = ["list_names", "lone_numbers", "filled_lines"]

# The number a list of one item starts with ('1.', '1)'), before its name.
_FIRST_NUMBER = re.compile(r"1[.)]\s+\S")


def lone_numbers(names: list[str]) -> list[str]:
    """The problem of a list of one name that starts with a list's first number: whether the number is the list's
    or part of the name cannot be told (none for any other list)."""
    if len(names) == 1 and _FIRST_NUMBER.match(names[0]):
        return [f"the only condition '{names[0]}' starts with '{names[0][:2]}': whether that is a list's number or "
                "part of the name cannot be told (loaded as shown)"]
    return []


def filled_lines(lines: list[str], width: int | None) -> list[str]:
    """The problem of a list of names one a line on a page saved wrapped at `width` (see title.wrap_width) whose
    line is too full to have held the next line's first word: the line below is the name's wrapped rest or the next
    name ('Unspecified Childhood Solid Tumor, Protocol' / 'Specific'), which the page cannot tell (each line is
    loaded as a name, as shown)."""
    if width is None:
        return []
    shown = nonblank(lines)
    full = sum(1 for line, below in zip(shown, shown[1:]) if broken_before(line, below, width))
    return [f"{full} condition line(s) fill the page's width ({width}): whether the line below each is its wrapped "
            "rest or another condition cannot be told (each line loaded as a condition)"] if full else []
