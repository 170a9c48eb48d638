"""The time point a primary outcome's time frame gives: its named visits ("Week 52") and lengths ("12 months"),
how each is counted (from the participant's start, back from an event, or from something else), and the latest one
every participant reaches, less the visit window the time frame states."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checks.time_frame_words import NUMBER, UNIT, UNIT_DAYS, no_time_point_said, unit_of, unspelled

# What a time counted "after", "post", "from" or "since" may be counted from: the participant's entry into the
# study or something the study does to them later (randomization, the first dose, surgery, vaccination).
_ANCHORS = re.compile(r"""(?x)^(?:randomi|baseline|enrol|inclusion|screen|start|initiat|commence|entry|entering
  |dose|dosing|postdose|administ|treat|tx\b|therap|interven|surg|operat|op\b|procedure|implant|insertion|placement
  |vaccin|immuni|inject|infusion|application|study|day\b|week\b|visit|randomized|allocation|assignment)""")
_AFTER = re.compile(r"[\s-]*\(?(after|post|following|from|since)\b[\s-]*((?:(?:the|a|an|his|her|their|"
                    r"\d+(?:st|nd|rd|th))\s+)*)([a-z0-9]+)(?:[\s-]+([a-z0-9]+))?(?:[\s-]+([a-z0-9]+))?")
_JOINED_POST = re.compile(r"[\s-]*(post)-?([a-z]+)")
# A time counted back from an event ("4-6 weeks prior to surgery", "5 years before diagnosis", "the 12-month period
# before enrollment", "a 6-month window preceding randomisation") is no time point.
_BEFORE = re.compile(r"[\s-]*(?:(?:period|interval|window|span|time[\s-]?frame)s?[\s-]*)?\(?"
                     r"(?:before|prior|pre\b|pre-|preceding|earlier|ago|leading\s+up)")
# A visit window stated with the time point ("6 weeks (± 2 weeks)", "month 3 (±15 days)") is allowed on top.
_TOLERANCE = re.compile(rf"(?:±|\+/-|\+-)\s*({NUMBER})\s*({UNIT})", re.I)

# A named visit: "Week 52", "Day 28", "Month 12", "Year 2", "Weeks 20-27" (its first), "days 1,14" (its last).
_VISIT = re.compile(rf"\b(week|wk|day|month|year)s?\s*({NUMBER})((?:\s*(?:,|&|and)\s*{NUMBER})*)\b(?!\s*{UNIT})",
                    re.I)
# A named visit's word right before a number ("day 28 to 12 months").
_VISIT_WORD_BEFORE = re.compile(r"\b(?:week|wk|day|month|year)s?\s*\Z", re.I)
# An ordinal visit: "8th week", "12th month".
_ORDINAL = re.compile(rf"\b(\d+)(?:st|nd|rd|th)\s+({UNIT})", re.I)
# A length: "52 weeks", "24-month", "3, 6 and 12 months" (its last), "6- and 12- month", "6-9 months" (its first:
# a window), "0-730 days" (a period from the start: its last). A negative length ("-14 days") is before the start.
_LENGTH = re.compile(rf"(?<![\w.])(?<![\s(]-)(?<!^-)({NUMBER})((?:-?\s*(?:,|&|and)\s*{NUMBER})*)"
                     rf"(?:\s*(?:-|–|to)\s*({NUMBER}))?\s*-?\s*({UNIT})", re.I)
# A product's code joins its number to letters by hyphens on both sides ("SK&F-105517-D", "ABC-2301-D"): the letter
# after the number is part of the code, not a unit.
_CODE = re.compile(rf"[a-z&]-{NUMBER}-[a-z]\b", re.I)


# Two numbers joined by a comma with no space, the second a 5 ("1,5 years", "0,5 years", "2,5 months"), are as often
# a half written with a decimal comma, as records from countries that write 1.5 so give it.
_DECIMAL_COMMA = re.compile(r",5")


@dataclass(frozen=True)
class TimePoint:
    """The latest fixed time point a time frame gives: its length in days and how a person says it."""

    days: float
    said: str


def _latest_of(first: str, joined: str) -> float:
    """The latest of the numbers a list joins ('3', ', 6 and 12' -> 12); where the list may be a half written with a
    decimal comma ('1', ',5' in '1,5 years': 1.5, or 1 and 5), the smaller reading, so a time point is never read
    later than the record may mean."""
    latest = max([float(first)] + [float(v) for v in re.findall(NUMBER, joined)])
    if "." not in first and _DECIMAL_COMMA.fullmatch(joined):
        return min(latest, float(f"{first}.{joined[1:]}"))
    return latest


def _shown(value: float) -> str:
    """A number as a time frame says it: '52', '2.5'."""
    return f"{value:g}"


# How a time is counted: from the participant's start or what the study does to them (or not said), back from an
# event, or from something else.
FROM_START, COUNTED_BACK, FROM_ELSEWHERE = "start", "back", "elsewhere"


def _counted(text: str, end: int) -> str:
    """How the time ending at `end` is counted: back from an event ('4 weeks prior to surgery'), from something
    that may come before the participant's start or is not theirs ('12 months from diagnosis', '15 days after the
    embryo transfer': unknown), or from the start (unsaid, or 'after randomization', 'postoperatively')."""
    rest = text[end:end + 60]
    if _BEFORE.match(rest):
        return COUNTED_BACK
    joined = _JOINED_POST.match(rest)
    if joined:
        return FROM_START if _ANCHORS.match(joined.group(2)) else FROM_ELSEWHERE
    after = _AFTER.match(rest)
    if after is None:
        return FROM_START
    words = [w for w in after.group(3, 4, 5) if w]
    return FROM_START if any(_ANCHORS.match(word) for word in words) else FROM_ELSEWHERE


def _visits(text: str) -> Iterator[tuple[float, str] | None]:
    """The named and ordinal visits ('Week 52', 'days 28, 56', '8th week'): None for one counted from elsewhere
    ('Day 100 after transplant'). 'Pre-dose' after a visit is its time of day, not a look-back."""
    for m in _VISIT.finditer(text):
        unit = unit_of(m.group(1))
        value = _latest_of(m.group(2), m.group(3))
        if _counted(text, m.end()) == FROM_ELSEWHERE:
            yield None
        else:
            yield value * UNIT_DAYS[unit], f"{unit.capitalize()} {_shown(value)}"
    for m in _ORDINAL.finditer(text):
        unit, value = unit_of(m.group(2)), float(m.group(1))
        if _counted(text, m.end()) == FROM_ELSEWHERE:
            yield None
        else:
            yield value * UNIT_DAYS[unit], f"{unit.capitalize()} {_shown(value)}"


def _in_code(text: str, length: re.Match) -> bool:
    """Whether a length read is a product's code ('105517-d' in 'sk&f-105517-d')."""
    code = _CODE.match(text, length.start() - 2) if length.start() >= 2 else None
    return code is not None and code.end() == length.end()


def _lengths(text: str) -> Iterator[tuple[float, str] | None]:
    """The lengths ('52 weeks', '3, 6 and 12 months', '6-9 months'): None for one counted from elsewhere; one
    counted back ('4-6 weeks prior to surgery') is left out."""
    for m in _LENGTH.finditer(text):
        if _in_code(text, m):
            continue
        unit, first = unit_of(m.group(4)), float(m.group(1))
        if m.group(3) is not None:
            # a range of one unit: a window ('6-9 months') is reached at its first, a period from the start at its end,
            # and so is a period from a named visit ('day 28 to 12 months': its first number is the visit's)
            value = float(m.group(3)) if first == 0 or _VISIT_WORD_BEFORE.search(text, 0, m.start()) else first
        else:
            value = _latest_of(m.group(1), m.group(2))
        counted = _counted(text, m.end())
        if counted == FROM_ELSEWHERE:
            yield None
        elif counted == FROM_START:
            yield value * UNIT_DAYS[unit], f"{_shown(value)} {unit}{'' if value == 1 else 's'}"


def time_point(time_frame: str | None) -> TimePoint | None:
    """The latest fixed time point that every participant reaches for this outcome, less any visit window the time
    frame states; None where the time frame gives none (a cap, an event, an average, a repeated or open period, an
    age, a calendar date, a time counted from something unknown) or gives no time at all."""
    if not time_frame:
        return None
    text = unspelled(time_frame.replace("\\", " ")).lower()
    if no_time_point_said(text):
        return None
    tolerance = max((float(n) * UNIT_DAYS[unit_of(u)] for n, u in _TOLERANCE.findall(text)), default=0.0)
    text = _TOLERANCE.sub(" ", text)
    points = [*_visits(text), *_lengths(text)]
    if not points or None in points:
        return None
    days, said = max(points, key=lambda p: p[0])
    if days - tolerance <= 0:
        return None
    return TimePoint(days - tolerance, said)
