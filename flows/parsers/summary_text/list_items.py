"""Trial-summary page, a list of names one a line (its conditions): a line's bullet, or its number in a list
numbered 1, 2, 3..., is no part of the name, read as on every layout (flows.parsers.list_marks).

A list of one name numbered '1.' ('1. Episodic Cluster Headache') keeps its number, as on every layout: the number
may be the list's or the name's, which the page cannot tell. The name is loaded as shown and named as a problem."""
from __future__ import annotations

import re

from flows.parsers.list_marks import list_names
from flows.parsers.page_text import NONE_SAID, no_value, nonblank
from flows.parsers.printed_pages import broken_before

__all__ = ["list_names", "lone_numbers", "filled_lines", "bracketed_wraps", "named"]

# The number a list of one item starts with ('1.', '1)'), before its name.
_FIRST_NUMBER = re.compile(r"1[.)]\s+\S")

# The sentences a page says an empty list with, in place of its only name, beside the page's words for no value
# ('None provided.', 'Not specified': page_text.no_value): a list's 'Not applicable' is no phase's 'Not Applicable'.
_NONE_SAID = frozenset({"none given", "none reported", "not applicable"})


def named(names: list[str]) -> list[str]:
    """The names a list gives: a page's word for no value ('N/A', 'Not Provided') is none, and a list whose only line
    says it names none ('None provided.', 'Not specified') gives none."""
    # a sentence for an empty list ('Not specified') says so only alone: among names it may be one
    kept = [name for name in names if not no_value(name) or _spelt(name) in NONE_SAID]
    if len(kept) == 1 and (no_value(kept[0]) or _spelt(kept[0]) in _NONE_SAID):
        return []
    return kept


def _spelt(name: str) -> str:
    """A name in lower case, its spacing as single spaces, without a final full stop."""
    return " ".join(name.rstrip(".").split()).casefold()


def lone_numbers(names: list[str]) -> list[str]:
    """The problem of a list of one name that starts with a list's first number: whether the number is the list's
    or part of the name cannot be told (none for any other list)."""
    if len(names) == 1 and _FIRST_NUMBER.match(names[0]):
        return [f"the only condition '{names[0]}' starts with '{names[0][:2]}': whether that is a list's number or "
                "part of the name cannot be told (loaded as shown)"]
    return []


def bracketed_wraps(lines: list[str], width: int | None) -> list[str]:
    """The lines of a list of names one a line on a page saved wrapped at `width` (see title.wrap_width), a name a
    wrap broke inside its brackets one line again ('Lymphoblastic Lymphoma (Precursor B-Lymphoblastic' /
    'Lymphoma/Leukaemia) Recurrent'): a line whose bracket is still open, too full to have held the next line's first
    word, goes on in that line, as no name ends inside its brackets. Other lines as shown."""
    if width is None:
        return lines
    kept: list[str] = []
    for line, joins in zip(lines, _bracket_joins(lines, width)):
        if joins:
            kept[-1] = f"{kept[-1].rstrip()} {line.strip()}"
        else:
            kept.append(line)
    return kept


def _bracket_joins(lines: list[str], width: int) -> list[bool]:
    """For each line, whether it goes on the name above it inside that name's open bracket (see bracketed_wraps)."""
    joins: list[bool] = []
    name = above = ""  # the name so far, and its last line as the page shows it
    for line in lines:
        goes_on = name.count("(") > name.count(")") and bool(line.strip()) and broken_before(above, line, width)
        joins.append(goes_on)
        name, above = (f"{name} {line.strip()}" if goes_on else line), line
    return joins


def filled_lines(lines: list[str], width: int | None) -> list[str]:
    """The problem of a list of names one a line on a page saved wrapped at `width` (see title.wrap_width) whose
    line is too full to have held the next line's first word: the line below is the name's wrapped rest or the next
    name ('Unspecified Childhood Solid Tumor, Protocol' / 'Specific'), which the page cannot tell (each line is
    loaded as a name, as shown). A line that goes on inside a name's open bracket (see bracketed_wraps) is told."""
    if width is None:
        return []
    shown = nonblank(lines)
    joined = {at for at, joins in enumerate(_bracket_joins(shown, width)) if joins}
    full = sum(1 for at, (line, below) in enumerate(zip(shown, shown[1:]), 1)
               if at not in joined and broken_before(line, below, width))
    return [f"{full} condition line(s) fill the page's width ({width}): whether the line below each is its wrapped "
            "rest or another condition cannot be told (each line loaded as a condition)"] if full else []
