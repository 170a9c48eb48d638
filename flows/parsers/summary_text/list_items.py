"""Trial-summary page, a list of names one a line (its conditions): a line's bullet, or its number in a list
numbered 1, 2, 3..., is no part of the name, read as on every layout (flows.parsers.list_marks).

A list of one name numbered '1.' ('1. Episodic Cluster Headache') keeps its number, as on every layout: the number
may be the list's or the name's, which the page cannot tell. The name is loaded as shown and named as a problem."""
from __future__ import annotations

import re

from flows.parsers.list_marks import bracketed_wraps, filled_lines, list_names
from flows.parsers.page_values import NONE_SAID, no_value

__all__ = ["list_names", "lone_numbers", "filled_lines", "bracketed_wraps", "named"]

# The number a list of one item starts with ('1.', '1)'), before its name.
_FIRST_NUMBER = re.compile(r"1[.)]\s+\S")

# The sentences a page says an empty list with, in place of its only name, beside the page's words for no value
# ('None provided.', 'Not specified': page_values.no_value): a list's 'Not applicable' is no phase's 'Not Applicable'.
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
