"""Registry dates as they appear in every layout, parsed with their precision kept.

A date given only to the month (or year) is stored as AACT stores it: the last day of that
month (12-31 for a year), with its precision beside it and, for the four dates AACT keeps so,
its text in a `*_month_year` column ('2006-11'). Rules compare such a date as the whole period.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
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
# AACT's text column beside each date that the registry may give to the month only.
MONTH_YEAR_COLUMNS = {
    "start_date": "start_month_year",
    "primary_completion_date": "primary_completion_month_year",
    "completion_date": "completion_month_year",
    "verification_date": "verification_month_year",
}
# The study dates that carry ACTUAL/ESTIMATED beside them.
TYPED_DATES = ("start_date", "primary_completion_date", "completion_date")
_TEXT_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


class PartialDate(NamedTuple):
    """A date with the precision its source gave: 'year', 'month' or 'day'.

    `value` is AACT's date for it: the day itself, or the last day of the month or year.
    """

    value: date
    precision: str

    @property
    def text(self) -> str:
        """The date as API v2 writes it at its precision: '2006', '2006-11' or '2006-11-15'."""
        return self.value.strftime(_TEXT_FORMATS[self.precision])


def period_end(year: int, month: int | None = None) -> date:
    """The last day of a month, or of a year when `month` is None (raises ValueError if invalid)."""
    if month is None:
        return date(year, 12, 31)
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_date(text: str | None) -> PartialDate | None:
    """Parse '2020-01-16', '2000-03', 'Jan 16, 2020', 'March 2000'...; None if not a date."""
    if not text:
        return None
    text = text.strip()
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":  # the registry's usual YYYY-MM-DD
            return PartialDate(date.fromisoformat(text), "day")
        if m := _ISO.match(text):
            year, month, day = m.group(1), m.group(2), m.group(3)
            if day:
                return PartialDate(date(int(year), int(month), int(day)), "day")
            if month:
                return PartialDate(period_end(int(year), int(month)), "month")
            return PartialDate(period_end(int(year)), "year")
        return _named_month(text)
    except ValueError:  # e.g. 2021-02-30: not a date; date_columns keeps the text for validation
        return None


def _named_month(text: str) -> PartialDate | None:
    """'Jan 16, 2020', '16 January 2020' or 'March 2000'."""
    if m := _MONTH_DAY_YEAR.match(text):
        month = _MONTHS.get(m.group(1).lower())
        return PartialDate(date(int(m.group(3)), month, int(m.group(2))), "day") if month else None
    if m := _DAY_MONTH_YEAR.match(text):
        month = _MONTHS.get(m.group(2).lower())
        return PartialDate(date(int(m.group(3)), month, int(m.group(1))), "day") if month else None
    if m := _MONTH_YEAR.match(text):
        month = _MONTHS.get(m.group(1).lower())
        return PartialDate(period_end(int(m.group(2)), month), "month") if month else None
    return None


def date_columns(prefix: str, text: str | None, date_type: str | None = None) -> dict[str, object]:
    """The `<prefix>`, `<prefix>_precision` (`<prefix>_type`, AACT's `*_month_year`) columns of one date.

    Text that is no date stays in the date column as given, so that validation refuses it,
    keeps it raw and raises an invalid_value issue, rather than the date vanishing silently.
    """
    value, precision, as_text = _reading(text) if text else _NO_DATE
    names = _column_names(prefix)
    columns: dict[str, object] = {prefix: value, names[0]: precision}
    if date_type is not None or names[1] is not None:
        columns[f"{prefix}_type"] = date_type if value is not None else None
    if names[2] is not None:
        columns[names[2]] = as_text
    return columns


def day_date(column: str, text: str | None) -> dict[str, object]:
    """One date column without a precision column (submitted, QC, snapshot dates); text that is
    no date is kept for validation to refuse."""
    return {column: _reading(text)[0] if text else None}


def day_value(text: str | None) -> object:
    """The value of a day_date column: the date, the text that is no date, or None."""
    return _reading(text)[0] if text else None


# What the registry writes for a date it does not know: legacy XML's date type (public.xsd variable_date_type) is
# 'Unknown' or a date, and its pending results give a canceled submission as <submission_canceled>Unknown<...>.
# It is the record's own statement that there is no date, not a malformed date.
UNKNOWN_DAY = frozenset({"unknown"})


def said_unknown(text: str | None) -> bool:
    """Whether a date's text is the registry's word for a date it does not know ('Unknown')."""
    return text is not None and text.strip().lower() in UNKNOWN_DAY


def event_day(text: str | None) -> object:
    """A registry date without a precision column (an event's day, a submission date), as day_value reads it; None
    where the registry says the day is unknown (an event keeps the word in its description, as AACT keeps it)."""
    return None if said_unknown(text) else day_value(text)


def registry_date_columns(prefix: str, text: str | None, date_type: str | None = None) -> dict[str, object]:
    """date_columns of a registry record's date; for the registry's 'Unknown' no date, precision nor type, and the
    word kept in AACT's *_month_year where the date has one (AACT keeps the registry's text there)."""
    if not said_unknown(text):
        return date_columns(prefix, text, date_type)
    columns = date_columns(prefix, None)
    if prefix in MONTH_YEAR_COLUMNS:
        columns[MONTH_YEAR_COLUMNS[prefix]] = text.strip()
    return columns


_NO_DATE = (None, None, None)
# How API v2 writes a date at each precision.
WRITTEN_FORMS = {"year": "YYYY", "month": "YYYY-MM", "day": "YYYY-MM-DD"}


def as_api_writes(text: str | None) -> tuple[str, str] | None:
    """(the text API v2 writes for a date, its form: 'YYYY-MM') of a date text at its precision ('Jan 2020' ->
    ('2020-01', 'YYYY-MM')); None for text that is no date."""
    _, precision, as_text = _reading(text) if text else _NO_DATE
    return None if as_text is None else (as_text, WRITTEN_FORMS[precision])


def as_day(text: str | None) -> str | None:
    """The day a date text is stored as where a column holds a day only ('2020-01' -> '2020-01-31', the month's
    last day, as AACT stores a month); None for text that is no date."""
    value = _reading(text)[0] if text else None
    return value.isoformat() if isinstance(value, date) else None


@lru_cache(maxsize=8192)
def _reading(text: str) -> tuple[object, str | None, str | None]:
    """(date column value, precision, text at its precision) of a non-empty date text; text that is
    no date gives (the stripped text or None, None, None). Registry dates repeat: reads are shared."""
    parsed = parse_date(text)
    if parsed:
        return parsed.value, parsed.precision, parsed.text
    return text.strip() or None, None, None


@lru_cache(maxsize=None)
def _column_names(prefix: str) -> tuple[str, str | None, str | None]:
    """(precision column, type column when always written, *_month_year column) of a date prefix."""
    typed = f"{prefix}_type" if prefix in TYPED_DATES else None
    return f"{prefix}_precision", typed, MONTH_YEAR_COLUMNS.get(prefix)


def to_month(columns: dict[str, object], prefix: str) -> dict[str, object]:
    """The same date columns read at month precision (a page that prints a month as its 1st day)."""
    value = columns.get(prefix)
    if columns.get(f"{prefix}_precision") != "day" or not isinstance(value, date):
        return columns
    month = _month_of(value.year, value.month)
    columns = {**columns, prefix: month.value, f"{prefix}_precision": "month"}
    if prefix in MONTH_YEAR_COLUMNS:
        columns[MONTH_YEAR_COLUMNS[prefix]] = month.text
    return columns


@lru_cache(maxsize=4096)
def _month_of(year: int, month: int) -> "_MonthReading":
    """A month read at month precision: its AACT date and its text ('2021-06'); months repeat, reads are shared."""
    reading = PartialDate(period_end(year, month), "month")
    return _MonthReading(reading.value, reading.text)


class _MonthReading(NamedTuple):
    value: date
    text: str
