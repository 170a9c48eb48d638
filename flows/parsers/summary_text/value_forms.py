"""Trial-summary page, how its values are written: counts with their type, dates with ordinals or a month's
abbreviation between dashes, and the words a page shows for a value it does not give."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.dates import parse_date

# '50 (Anticipated)', 'June 30, 2024 (Actual)': a value with its type in brackets.
_TYPED_VALUE = re.compile(r"^(.*?)\s*\((Actual|Anticipated|Estimated|Expected)\)\s*$", re.IGNORECASE)
# 'Estimated: 60', or '(Estimated) 60' where the page puts the type beside its label: the type before the value;
# 'Estimated June 30, 2028', the type alone before a count or a date ('Expected soon' is no such value).
_DATE_TYPES = "Actual|Anticipated|Estimated|Expected"
_TYPE_FIRST = re.compile(rf"^(?:\((?P<bracketed>{_DATE_TYPES})\)|(?P<colon>{_DATE_TYPES})\s*:|(?P<word>{_DATE_TYPES})"
                         r"(?=\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)))"
                         r"\s*(?P<value>.+)$", re.IGNORECASE)
# A count's type in brackets between the count and its unit: '40 (Anticipated) participants'.
_TYPE_BEFORE_UNIT = re.compile(r"^(\d[\d,]*)\s*\((Actual|Anticipated|Estimated|Expected)\)\s+([^\W\d_]+)$",
                               re.IGNORECASE)
# A day with its ordinal ending: 'April 2nd, 2020', '2nd April 2020'.
_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
# Day, the month's name and the year parted by dashes, slashes or dots: '02-Apr-2020', '2/April/2020'.
_DAY_MONTH_NAME_YEAR = re.compile(r"^(\d{1,2})[-/. ]([A-Za-z]{3,9})\.?[-/. ](\d{4})$")
# 'of' between a day and its month, as a date is written out: '15th of March 2021', 'the 2nd of April 2020'.
_DAY_OF_MONTH = re.compile(r"^(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?)\s+of\s+(?=[A-Za-z])", re.IGNORECASE)
# A day's date after its weekday, as a long written date gives it: 'Monday, March 15, 2021', 'Mon 15 March 2021'.
_WEEKDAY_FIRST = re.compile(r"^(?P<weekday>[A-Za-z]{3,9})\.?,?\s+(?P<date>\S.*)$")
# The weekdays' names and abbreviations -> date.weekday() of each.
_WEEKDAYS = {name: index for index, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for name in names}
# A date's or the enrollment's type before its label: 'Estimated enrollment 40', 'Actual Study Start: 2020-04-02'.
# The type is capitalised as a label is, and a count or date follows ('expected enrollment not reached', a
# reason's wrapped rest, is no such line).
_TYPE_BEFORE_LABEL = re.compile(r"^(Actual|Anticipated|Estimated|Expected)\s+(?i:(enrollment|(?:study\s+)?start"
                                r"(?:\s+date)?|primary\s+completion(?:\s+date)?|(?:study\s+)?completion(?:\s+date)?))"
                                r"(?:\s*:\s*|\s+)((?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)).*)$")
_TYPED_LABELS = {"enrollment": "Enrollment", "start": "Start date", "primary": "Primary completion date",
                 "completion": "Completion date"}


def type_after_label(line: str) -> str:
    """'Estimated enrollment 40' -> 'Enrollment (Estimated) 40', the type beside its label as the page's other
    typed lines put it; any other line unchanged."""
    match = _TYPE_BEFORE_LABEL.match(line)
    if match is None:
        return line
    words = match.group(2).lower().split()
    label = _TYPED_LABELS[words[1] if words[0] == "study" else words[0]]
    return f"{label} ({match.group(1)}) {match.group(3)}"


def typed(value: str | None) -> tuple[str | None, str | None]:
    """'50 (Anticipated)', 'Anticipated: 50' or '(Anticipated) 50' -> ('50', 'ESTIMATED'); a value without a type
    -> (value, None)."""
    if not value:
        return None, None
    match = _TYPED_VALUE.match(value) or _TYPE_FIRST.match(value)
    if not match:
        return value, None
    if match.re is _TYPE_FIRST:
        shown_type = match.group("bracketed") or match.group("colon") or match.group("word")
        return match.group("value").strip(), labels.lookup("date_type", shown_type)
    return match.group(1) or None, labels.lookup("date_type", match.group(2))


def typed_count(value: str | None) -> tuple[str | None, str | None]:
    """'40 (Anticipated) participants' -> ('40 participants', 'ESTIMATED'); any other value unchanged, no type."""
    match = _TYPE_BEFORE_UNIT.match((value or "").strip())
    if match is None:
        return value, None
    return f"{match.group(1)} {match.group(3)}", labels.lookup("enrollment_type", match.group(2))


def date_text(text: str | None) -> str | None:
    """The date in a form the registry's date reader reads: 'April 2nd, 2020' -> 'April 2, 2020',
    '02-Apr-2020' -> '02 Apr 2020', '15th of March 2021' -> '15 March 2021', 'Monday, March 15, 2021' ->
    'March 15, 2021' (only when March 15, 2021 is a Monday: a weekday the day is not leaves the text as shown);
    other text unchanged."""
    if not text:
        return text
    plain = _day_form(_ORDINAL_DAY.sub(r"\1", _DAY_OF_MONTH.sub(r"\1 ", text.strip())))
    if (match := _WEEKDAY_FIRST.match(plain)) and match.group("weekday").lower() in _WEEKDAYS:
        read = parse_date(_day_form(match.group("date")))
        if read is not None and read.precision == "day" and \
                read.value.weekday() == _WEEKDAYS[match.group("weekday").lower()]:
            plain = _day_form(match.group("date"))
    return plain if plain != text.strip() else text


def _day_form(text: str) -> str:
    """'02-Apr-2020' -> '02 Apr 2020' (day, the month's name and the year parted by spaces); other text as given."""
    match = _DAY_MONTH_NAME_YEAR.match(text)
    return " ".join(match.groups()) if match else text
