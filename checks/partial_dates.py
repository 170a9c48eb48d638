"""Partial dates in rule SQL: a date kept to the year or month is the period it may mean.

A date has its precision in `<date>_precision` ('year', 'month', 'day'; NULL counts as 'day').
The DuckDB macros date_lo / date_hi / date_shown (warehouse/ddl/135_rule_macros.sql) give the
first and last day of that period and its text, whichever day of the period was stored.
"a is after b" holds only when every reading agrees (a.lo > b.hi), which is the same as
comparing both at the coarser of the two precisions: a month-precision 2021-03 is not after
2021-03-25, and a filled-in day is never taken as exact.
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
    args = f"{alias}.{name}, {alias}.{name}_precision"
    return PartialDate(f"date_lo({args})", f"date_hi({args})", f"date_shown({args})")


def day_column(name: str, alias: str = "s") -> PartialDate:
    """A date the registry always gives to the day and that has no precision column."""
    return exact(f"{alias}.{name}")


def exact(expr: str) -> PartialDate:
    """A date known to the day, such as the run's `$as_of` or a fixed limit."""
    day = f"CAST({expr} AS DATE)"
    return PartialDate(day, day, f"strftime({day}, '%Y-%m-%d')")


# The day a record of `studies s` is judged on: the earlier of the run's as_of and the day
# the record was taken from the registry (macro record_today).
_TODAY = "record_today($as_of, s.snapshot_date)"
RECORD_TODAY = PartialDate(_TODAY, _TODAY, f"strftime({_TODAY}, '%Y-%m-%d')")


def after(a: PartialDate, b: PartialDate, days: int | str = 0) -> str:
    """SQL condition: `a` lies more than `days` days after `b` under every reading of both."""
    return f"({a.lo} - {b.hi} > {days})"


def days_after(a: PartialDate, b: PartialDate) -> str:
    """SQL: the fewest days by which `a` may lie after `b`."""
    return f"({a.lo} - {b.hi})"


def typed_text(name: str, alias: str = "s") -> str:
    """SQL text of a typed date column followed by its type when known: '2024-09 (ESTIMATED)'."""
    return f"date_typed({alias}.{name}, {alias}.{name}_precision, {alias}.{name}_type)"


def months_between_range(start: PartialDate, end: PartialDate) -> tuple[str, str]:
    """SQL for the fewest and the most months that may lie between two partial dates."""
    return (f"({end.lo} - {start.hi}) / {DAYS_PER_MONTH}",
            f"({end.hi} - {start.lo}) / {DAYS_PER_MONTH}")
