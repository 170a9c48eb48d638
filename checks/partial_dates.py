"""Partial dates in rule SQL: a date kept to the year or month is the period it may mean.

A date is stored as AACT stores it, the last day of its period (month end; 12-31 for a year),
with `<date>_precision` ('year', 'month', 'day'; NULL counts as 'day'). That stored day is a
convention, never an exact day: rules read the whole period. Read as the interval [lo, hi], "a is after b" holds only when
every reading agrees (a.lo > b.hi), which is the same as comparing both at the coarser of
the two precisions: a month-precision 2021-03 is not after 2021-03-25.
"""
from __future__ import annotations

from dataclasses import dataclass

# Mean days per month, as clincosm uses for its header duration (434 days -> 14.3 months).
DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class PartialDate:
    """SQL expressions for one partial date: its first day, its last day, and its display text."""

    lo: str
    hi: str
    text: str


def column(name: str, alias: str = "s") -> PartialDate:
    """The partial date in `<alias>.<name>`, with precision from `<alias>.<name>_precision`."""
    col = f"{alias}.{name}"
    prec = f"coalesce({alias}.{name}_precision, 'day')"
    lo = (f"(CASE {prec} WHEN 'year' THEN make_date(year({col}), 1, 1) "
          f"WHEN 'month' THEN make_date(year({col}), month({col}), 1) ELSE {col} END)")
    hi = (f"(CASE {prec} WHEN 'year' THEN make_date(year({col}), 12, 31) "
          f"WHEN 'month' THEN last_day({col}) ELSE {col} END)")
    text = (f"(CASE {prec} WHEN 'year' THEN strftime({col}, '%Y') "
            f"WHEN 'month' THEN strftime({col}, '%Y-%m') ELSE strftime({col}, '%Y-%m-%d') END)")
    return PartialDate(lo, hi, text)


def exact(expr: str) -> PartialDate:
    """A date known to the day, such as the run's `$as_of` or a fixed limit."""
    day = f"CAST({expr} AS DATE)"
    return PartialDate(day, day, f"strftime({day}, '%Y-%m-%d')")


AS_OF = exact("$as_of")


def after(a: PartialDate, b: PartialDate, days: int = 0) -> str:
    """SQL condition: `a` lies more than `days` days after `b` under every reading of both."""
    return f"(({a.lo}) - ({b.hi}) > {days})"


def typed_text(date: PartialDate, type_column: str) -> str:
    """SQL text of a date followed by its type when known: '2024-09-20 (ESTIMATED)'."""
    return f"({date.text} || coalesce(' (' || {type_column} || ')', ''))"


def months_between_range(start: PartialDate, end: PartialDate) -> tuple[str, str]:
    """SQL for the fewest and the most months that may lie between two partial dates."""
    return (f"(({end.lo}) - ({start.hi})) / {DAYS_PER_MONTH}",
            f"(({end.hi}) - ({start.lo})) / {DAYS_PER_MONTH}")
