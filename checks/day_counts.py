"""The days between two partial dates as a message says them, and whether a date column is given to the day."""
from __future__ import annotations

from checks.partial_dates import PartialDate, days_after


def to_the_day(*names: str) -> str:
    """SQL: each of the `studies s` date columns `names` is given to the day (a NULL precision counts as 'day')."""
    return " AND ".join(f"coalesce(s.{name}_precision, 'day') = 'day'" for name in names)


def days_text(later: PartialDate, earlier: PartialDate, exact_days: str) -> str:
    """SQL text of the days from `earlier` to `later`: '284', or 'at least 284' where `exact_days` (SQL) does not
    hold. A date given to the month or year may mean any day of it, and the count is the fewest its readings give:
    a start of 2025-02 lay 284 to 311 days before 2025-12-09."""
    return f"concat(CASE WHEN {exact_days} THEN '' ELSE 'at least ' END, {days_after(later, earlier)})"

