"""Trial-summary page, dates written in numbers: '03/15/2021', '15.03.2021', '2021/03/15', '03/2021'.

A page writes all its dates one way. A date whose day and month could be read either way ('03/04/2021') takes
the order that the page's other dates fix ('03/15/2021' fixes month first); where none fixes it, or they
disagree, the date is not read (a load problem), never guessed."""
from __future__ import annotations

import re
from datetime import date

# Day and month in either order, then the year: '03/15/2021', '15.03.2021'.
_DAY_AND_MONTH = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
# The year first, then month and day, as ISO orders them: '2021/03/15', '2021.03.15'.
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
# Month and year: '03/2021', '3.2021'.
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.](\d{4})$")
MONTH_FIRST, DAY_FIRST = "month first", "day first"


def readings(text: str | None) -> dict[str, str]:
    """{order: 'YYYY-MM-DD'} for each order of day and month in which a 'dd/mm/yyyy' text is a date."""
    match = _DAY_AND_MONTH.match((text or "").strip())
    if match is None:
        return {}
    first, second, year = map(int, match.groups())
    found = {order: _iso(year, month, day) for order, (month, day) in
             ((MONTH_FIRST, (first, second)), (DAY_FIRST, (second, first)))}
    return {order: text for order, text in found.items() if text is not None}


def page_order(texts: list[str | None]) -> str | None:
    """The order of day and month that the page's dates fix: the one order of every date that reads only one
    way; None when no date fixes it or two disagree."""
    fixed = {next(iter(found)) for found in map(readings, texts) if len(found) == 1}
    return fixed.pop() if len(fixed) == 1 else None


def numeric_date(text: str | None, order: str | None = None) -> str | None:
    """The date as ISO text ('2021-03-15', or '2021-03' for a month) when it reads one way, or two ways of which
    `order` picks one; any other text as given (a date two ways is not read: see undecided)."""
    stripped = (text or "").strip()
    if match := _YEAR_FIRST.match(stripped):
        return _iso(*map(int, match.groups())) or text
    if (match := _MONTH_YEAR.match(stripped)) and 1 <= int(match.group(1)) <= 12:
        return "%s-%02d" % (match.group(2), int(match.group(1)))
    found = readings(stripped)
    if len(set(found.values())) == 1:  # one order, or both alike ('05/05/2021')
        return next(iter(found.values()))
    return found.get(order, text) if found else text


def undecided(text: str | None, order: str | None) -> bool:
    """Whether the text is a date in two readings (day and month both 12 or less, and unlike) that the page's
    order does not decide."""
    return len(set(readings(text).values())) == 2 and order is None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
