"""A time a primary outcome measure's title repeats from its time frame ('Overall survival at 5 years' beside '5
years', 'Week 24 HbA1c' beside 'Week 24', in the same unit or another surely the same): a version that moves it
between the two measures the same."""
from __future__ import annotations

import re

# A time a measure's title ends with ('Overall survival at 5 years', 'HbA1c at week 24', 'Change in HbA1c from baseline
# to week 24', 'Pain up to day 7'): where its time frame says the same, the title repeats the time frame, and a version
# that moves it there measures the same.
_TIME_AT_END = re.compile(r"[\s,;:-]*\b(?:from\s+baseline\s+)?(?:at|after|to|through|by|until|up\s+to|over|within)"
                          r"\s+(?:the\s+)?(?:(?P<unit>week|month|day|year)\s+(?P<number>\d+)"
                          r"|(?P<count>\d+)\s+(?P<units>week|month|day|year)s?)\s*\.?\s*$", re.I)
_DIGIT = re.compile(r"\d")
# The most characters such a time at the end takes ('  from baseline up to the week 1234.'), so only they are read.
TIME_AT_END_CHARS = 48
# A time a measure's title opens with ('Week 24 HbA1c', '12-month overall survival', '28-day mortality'): the same.
_TIME_AT_START = re.compile(r"^\s*(?:(?P<unit>week|month|day|year)\s+(?P<number>\d+)"
                            r"|(?P<count>\d+)[\s-]*(?P<units>week|month|day|year)s?)\b[\s,:-]*", re.I)


# A time a time frame names, in its unit's words ('Day 30', '4 weeks', '12-month', 'Week 52'); a figure with a decimal
# point or a range's other end ('1.5 years') is no such time.
_FRAME_TIME = re.compile(r"(?<![\d.])(?:(?P<count>\d{1,4})(?:\s*-\s*|\s+)(?P<units>day|week|month|year)s?"
                         r"|(?P<unit>day|week|month|year)\s+(?P<number>\d{1,4}))(?![\d.])", re.I)
# The days a time in each unit may mean in a trial's schedule: a day and a week are exact, a month is four weeks (28
# days, as a schedule of 4-week cycles counts it) to a calendar month (31 days), a year 52 weeks (364 days) to a leap
# year (366). Two times are surely the same only where these spans meet: 'Day 30' and 'Week 4' are each one month's
# visit, 28 days are 4 weeks, and 12 months and 52 weeks are a year; but 'Week 48' is no year, nor 'Day 30' 4 weeks.
_DAYS = {"day": (1, 1), "week": (7, 7), "month": (28, 31), "year": (364, 366)}


def _days(count: str, unit: str) -> tuple[int, int]:
    """The fewest and the most days `count` of `unit` may mean in a trial's schedule."""
    fewest, most = _DAYS[unit.casefold()]
    return int(count) * fewest, int(count) * most


def _names_time(frame: str, number: str, unit: str) -> bool:
    """The time frame names the time `number` `unit`: the same number and unit, or a time in another unit surely the
    same ('Day 30' for 1 month, '1 year' for 52 weeks)."""
    if re.search(rf"(?<![\d.]){number}(?![\d.])", frame) and unit.casefold() in frame:
        return True
    fewest, most = _days(number, unit)
    for time in _FRAME_TIME.finditer(frame):
        low, high = _days(time.group("count") or time.group("number"), time.group("units") or time.group("unit"))
        if low <= most and fewest <= high:
            return True
    return False


def _repeats_frame(match: re.Match | None, time_frame: str) -> bool:
    """The time `match` found in a measure is one its time frame names (in the same or another unit)."""
    if not match:
        return False
    number, unit = match.group("number") or match.group("count"), (match.group("unit") or match.group("units"))
    return _names_time(time_frame.casefold(), number, unit)


def without_repeated_time(measure: str, time_frame: str | None) -> str:
    """The measure without the time it ends or opens with, where its time frame names the same time (in the same or
    another unit)."""
    if not time_frame or not _DIGIT.search(measure):  # every time a measure gives has a number
        return measure
    end = _TIME_AT_END.search(measure, max(0, len(measure) - TIME_AT_END_CHARS))
    if end and end.start() > 0 and _repeats_frame(end, time_frame):
        measure = measure[:end.start()]
    start = _TIME_AT_START.match(measure)
    if start and start.end() < len(measure.rstrip(" .")) and _repeats_frame(start, time_frame):
        measure = measure[start.end():]
    return measure
