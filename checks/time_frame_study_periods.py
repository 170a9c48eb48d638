"""A primary outcome's bare duration that is the study's period, not a time point each participant reaches.

A time frame that is only a length ("2 years", "Two years", "12 months": no "after", "at", "follow-up", visit or
participant in it) is often the period the whole study runs, written where the registry asks when the outcome is
assessed. It is read so where the record says as much:

- every outcome of the study gives the same bare number of years (a study's run, a grant's, is said in whole
  years; a schedule of visits every measure shares, "14 months", is counted in months or weeks), and the primary
  completion comes at least half of them after the start;
- the duration, in years, is about the study's own span from its start to its completion (within the visit window
  and the slack of month-only dates; "6 months" about a six-month study may be each participant's time);
- the outcome's description gives only times of minutes, hours or days for each participant ("30-day freedom from
  major adverse events", "at 24 hours"), none past a quarter of the duration.

Only where the study's dates give it a run of at least half the duration: a study ends sooner than planned, but not
on the day it starts, so a period its dates do not come near is a time point they cannot reach.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.time_frame_words import NUMBER, UNIT, UNIT_DAYS, unit_of, unspelled

# A bare duration: a number and a unit, nothing else but punctuation ("2 years", "Two years.", "12-month").
_BARE = re.compile(rf"\s*({NUMBER})\s*-?\s*({UNIT})\W*", re.I)
# A time each participant reaches that an outcome's description gives: at, after or within a length ("at 24 hours",
# "within 48 hours", "in the next 24 hours"), a length counted from the participant's step ("2 hours after"), a length
# that names an endpoint ("30-day freedom", "24-hour urine") or a visit ("Day 7", "hour 24").
_DESCRIBED_TIME = re.compile(rf"""(?ix)
    \b(?:at|after|within|until|till|by|through|to|for|next|first)\s+(?:the\s+)?(?:first\s+|next\s+)?
      (?P<n1>{NUMBER}|½)\s*-?\s*(?P<u1>{UNIT})
  | (?<![\w.])(?P<n2>{NUMBER}|½)\s*-?\s*(?P<u2>{UNIT})\s+(?:after|post|following|later|from)\b
  | (?<![\w.])(?P<n3>{NUMBER}|½)-(?P<u3>{UNIT})
  | \b(?P<u4>hour|day|week|month|year)s?\s*(?P<n4>{NUMBER})\b""")
# A longer time the description gives (a length or a visit of weeks, months or years, "6 months", "Week 12") or a
# follow-up or repeated period: the participant's time is then not only hours or days.
_LONGER_TIME = re.compile(rf"""(?ix)
    (?<![\w.]){NUMBER}\s*-?\s*(?:weeks?|wks?|months?|monthes|mos?|mths?|years?|yrs?)\b
  | \b(?:week|wk|month|year)s?\s*{NUMBER}\b
  | \bfollow[\s-]?up | \blong[\s-]term | \b(?:annual|yearly|monthly|weekly|quarterly)""")
# A study's run of at least this share of a duration lets the duration be its period.
RUN_SHARE = 0.5
# A description's times of hours or days contradict a duration they stay within this share of.
SHORT_SHARE = 0.25


@dataclass(frozen=True)
class StudyRun:
    """What tells a study's period from a participant's time point: the fewest and the most days the dates allow from
    the start to the study's completion (None where the record gives no completion) and whether every outcome of the
    study (two or more) gives the same time frame."""

    shortest_days: int | None
    longest_days: int | None
    one_time_frame: bool


def bare_duration(time_frame: str | None) -> tuple[float, str] | None:
    """The days and the unit of a time frame that is only a length ('Two years' -> 730.5, 'year'), else None."""
    if not time_frame:
        return None
    m = _BARE.fullmatch(unspelled(time_frame))
    if m is None:
        return None
    unit = unit_of(m.group(2))
    return float(m.group(1)) * UNIT_DAYS[unit], unit


def _described_days(description: str) -> list[float]:
    """The times of hours or days each participant reaches that the description gives, in days."""
    days = []
    for m in _DESCRIBED_TIME.finditer(description):
        number = next(g for g in m.group("n1", "n2", "n3", "n4") if g)
        unit = unit_of(next(g for g in m.group("u1", "u2", "u3", "u4") if g))
        days.append((0.5 if number == "½" else float(number)) * UNIT_DAYS[unit])
    return days


def short_times_described(description: str | None, duration_days: float) -> bool:
    """Whether the outcome's description gives only times of minutes, hours or days for each participant, none past
    a quarter of the duration ('30-day freedom from major adverse events' beside '12 months')."""
    if not description:
        return False
    text = unspelled(description)
    if _LONGER_TIME.search(text):
        return False
    days = _described_days(text)
    return bool(days) and max(days) <= SHORT_SHARE * duration_days


def study_period(time_frame: str | None, description: str | None, run: StudyRun, window_days: float,
                 primary_days: int) -> bool:
    """Whether the primary outcome's time frame is a bare duration that is the study's period: the same years on
    every outcome, where the primary completion too comes at least half of them after the start (`primary_days`: the
    longest its dates allow; a primary completion weeks after the start of a study that runs three times the years
    leaves a per-participant year unreached), or years about the study's span from its start to its completion, or a
    length the outcome's description contradicts with times of hours or days. Only where the study ran at least
    half of it."""
    bare = bare_duration(time_frame)
    if bare is None or run.shortest_days is None or run.longest_days is None:
        return False
    days, unit = bare
    if run.longest_days < RUN_SHARE * days:
        return False
    if unit == "year" and run.one_time_frame and primary_days >= RUN_SHARE * days:
        return True
    if unit == "year" and run.shortest_days - window_days <= days <= run.longest_days + window_days:
        return True
    return short_times_described(description, days)
