"""Registry dates as they appear in every layout, parsed with their precision kept."""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")


class PartialDate(NamedTuple):
    """A date with the precision its source gave: 'year', 'month' or 'day'.

    `value` is the first day of the period, so a month-precision date is never
    silently turned into a specific day: its precision travels beside it.
    """

    value: date
    precision: str


def parse_date(text: str | None) -> PartialDate | None:
    """Parse '2020-01-16', '2000-03', 'Jan 16, 2020', 'March 2000'...; None if not a date."""
    if not text:
        return None
    text = text.strip()
    try:
        if m := _ISO.match(text):
            year, month, day = m.group(1), m.group(2), m.group(3)
            if day:
                return PartialDate(date(int(year), int(month), int(day)), "day")
            if month:
                return PartialDate(date(int(year), int(month), 1), "month")
            return PartialDate(date(int(year), 1, 1), "year")
        if m := _MONTH_DAY_YEAR.match(text):
            month = _MONTHS.get(m.group(1).lower())
            return PartialDate(date(int(m.group(3)), month, int(m.group(2))), "day") if month else None
        if m := _DAY_MONTH_YEAR.match(text):
            month = _MONTHS.get(m.group(2).lower())
            return PartialDate(date(int(m.group(3)), month, int(m.group(1))), "day") if month else None
        if m := _MONTH_YEAR.match(text):
            month = _MONTHS.get(m.group(1).lower())
            return PartialDate(date(int(m.group(2)), month, 1), "month") if month else None
    except ValueError:  # e.g. 2021-02-30: not a date, reported by the caller as missing
        return None
    return None


def date_columns(prefix: str, text: str | None, date_type: str | None = None) -> dict[str, object]:
    """The `<prefix>`, `<prefix>_precision` (and `<prefix>_type`) columns for one source date."""
    parsed = parse_date(text)
    columns: dict[str, object] = {
        prefix: parsed.value if parsed else None,
        f"{prefix}_precision": parsed.precision if parsed else None,
    }
    if date_type is not None or prefix in TYPED_DATES:
        columns[f"{prefix}_type"] = date_type if parsed else None
    return columns


# The study dates that carry ACTUAL/ESTIMATED beside them.
TYPED_DATES = ("start_date", "primary_completion_date", "completion_date")
