"""Parse doses in free text: amount (or range), unit, per-body-size and frequency; never raises.

A dose is what a participant takes at once: a unit strength ("50 mg/capsule") is not a dose
unless a count multiplies it ("two tablets (alendronate 10 mg)" is 20 mg). Each dose keeps
the regimen phase it belongs to (loading, maintenance, induction...) and whether its text
describes doses that vary by design (escalation cohorts, titration).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from checks.dose_context import (
    TIMES_BEFORE, count_before, per_site, phase_of, route_of, unit_strength, variable_dosing,
)

_DIGIT = re.compile(r"\d")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+"
_UNIT = r"mg|mcg|µg|μg|ug|ng|gm|g|iu|units?|ml|mmol|micrograms?|milligrams?|grams?"
_DOSE = re.compile(
    rf"(?<![\w.,/])(?P<low>{_NUM})\s*(?:(?P<low_unit>{_UNIT})\s*)?(?:(?:-|–|to)\s*(?P<high>{_NUM})\s*)?"
    rf"(?P<unit>{_UNIT})\b(?!\s*/\s*(?:dl|l|ml|mmol)\b)"
    r"(?P<per>\s*(?:/|per\s+)\s*(?:kg|kilograms?|m2|m²|m\^2|square\s+met(?:er|re)s?|met(?:er|re)s?\s+squared)\b)?"
    r"(?P<per_time>\s*(?:/|per\s+)\s*(?:d|day|24\s*h|wk|week)\b)?"
    # A rate of infusion ("0.5 mcg/kg/h", "2 mg per hour", "0.1 mcg/kg/min") is compared with rates only.
    r"(?P<rate>\s*(?:/|per\s+)\s*(?:h|hrs?|hours?|min|minutes?)\b)?",
    re.I,
)
# Multipliers to one base unit per kind of unit.
_BASE = {"mg": ("mg", 1.0), "g": ("mg", 1000.0), "gm": ("mg", 1000.0), "mcg": ("mg", 0.001),
         "µg": ("mg", 0.001), "μg": ("mg", 0.001), "ug": ("mg", 0.001), "ng": ("mg", 1e-6),
         "iu": ("iu", 1.0), "unit": ("iu", 1.0), "units": ("iu", 1.0), "ml": ("ml", 1.0),
         "mmol": ("mmol", 1.0), "microgram": ("mg", 0.001), "micrograms": ("mg", 0.001),
         "milligram": ("mg", 1.0), "milligrams": ("mg", 1.0), "gram": ("mg", 1000.0), "grams": ("mg", 1000.0)}
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "other": 2}
# (pattern, times per period, period in days); the first that matches after a dose wins.
_FREQUENCIES = (
    (r"\b(?:twice|two\s+times)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bb\.?i\.?d\b", 2, 1),
    (r"\b(?:three\s+times|thrice)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bt\.?i\.?d\b", 3, 1),
    (r"\bfour\s+times\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bq\.?i\.?d\b", 4, 1),
    (r"\bonce\s+(?:a|per|every|each)\s+week\b|\b(?:once[\s-]+)?weekly\b|\bevery\s+week\b|\bper\s+week\b|\bqw\b", 1, 7),
    (r"\b(?:once[\s-]+)?monthly\b|\bonce\s+a\s+month\b|\bevery\s+month\b", 1, 30),
    (r"\b(?:once|one\s+time)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bdaily\b|\bevery\s*day\b|\bper\s+day\b"
     r"|\ba\s+day\b|\bq\.?d\b|\bo\.?d\b|\bnightly\b|\bat\s+bedtime\b", 1, 1),
)
_FREQUENCY_PATTERNS = tuple((re.compile(p, re.I), times, days) for p, times, days in _FREQUENCIES)
_EVERY_N = re.compile(r"\bevery\s+(\d+|two|three|four|other)\s+(day|week)s?\b|\bq(\d)w\b|\bbiweekly\b", re.I)
# "every 8 hours", "q12h": 24 / N administrations a day.
_EVERY_HOURS = re.compile(r"\bevery\s+(\d{1,2})\s*(?:hours?|hrs?|h)\b|\bq\.?\s?(\d{1,2})\s?(?:hours?|hrs?|h)\b", re.I)
FREQUENCY_WINDOW = 45
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")


@dataclass(frozen=True)
class Dose:
    """One stated dose: low..high in `unit` (mg, iu, ml, mmol; '/kg' or '/m2' appended).

    `strength` marks a unit strength (not a dose), `phase` the regimen phase ('loading',
    'maintenance', 'induction'...), `variable` a text whose doses vary by design, `route` the route
    stated with the amount ('oral', 'intravenous'...), `single` the amount of one administration
    (low, high) when an "N x amount" count may mean N administrations rather than one dose, and `per_time`
    that the amount itself is a total per day or week ("24 g per day", "140 mg/day"), `per_site` an amount given
    at each of several sites ("20 mL on each side").
    """

    low: float
    high: float
    unit: str
    per_day: float | None
    start: int
    end: int
    text: str
    strength: bool = False
    phase: str | None = None
    variable: bool = False
    route: str | None = None
    single: tuple[float, float] | None = None
    per_time: bool = False
    per_site: bool = False

    @property
    def label(self) -> str:
        """The dose as the text gives it, with its frequency: '2mg once daily'."""
        return self.text + (f" {frequency_label(self.per_day)}" if self.per_day else "")

    def comparable(self, other: "Dose") -> bool:
        """Whether two doses can contradict: same unit, phase and route (when both state one), neither a
        strength nor varied by design."""
        if self.strength or other.strength or self.variable or other.variable:
            return False
        if self.route and other.route and self.route != other.route:
            return False
        return self.unit == other.unit and self.phase == other.phase

    def matches(self, other: "Dose") -> bool:
        """Same unit, overlapping amounts (or one administration of an "N x amount" count), and the same
        frequency when both give one."""
        if self.unit != other.unit:
            return False
        if self.per_time != other.per_time and self.per_day and other.per_day:
            # "100 mg/day" against "50 mg twice daily": the amounts given over the period agree or not.
            total, given = (self, other) if self.per_time else (other, self)
            low, high = given.over_days(1 / total.per_day)
            return _overlap((total.low, total.high), (low, high))
        if self.per_site != other.per_site:
            # "20 mL on each side" against "40 mL in total": a whole number of sites.
            site, whole = (self, other) if self.per_site else (other, self)
            return any(_overlap((site.low * n, site.high * n), (whole.low, whole.high))
                       for n in range(1, MAX_SITES + 1))
        if self.single is None and other.single is None:
            overlap = self.low <= other.high * 1.0001 and other.low <= self.high * 1.0001
        else:
            overlap = any(low <= other_high * 1.0001 and other_low <= high * 1.0001
                          for low, high in self._amounts() for other_low, other_high in other._amounts())
        if self.per_day is None or other.per_day is None:
            return overlap
        return overlap and abs(self.per_day - other.per_day) < 1e-6

    def over_days(self, days: float) -> tuple[float, float]:
        """The amounts (low, high) given over `days` days at the dose's frequency."""
        times = (self.per_day or 0.0) * days
        return self.low * times, self.high * times

    def _amounts(self) -> tuple[tuple[float, float], ...]:
        return ((self.low, self.high),) if self.single is None else ((self.low, self.high), self.single)


# The most sites an amount given at each of them ("per injection site", "per lesion") is counted up to.
MAX_SITES = 12


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two ranges of amounts overlap, allowing for rounding."""
    return a[0] <= b[1] * 1.0001 and b[0] <= a[1] * 1.0001


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _frequency(window: str) -> float | None:
    """Administrations per day stated at the start of `window`, or None."""
    first: tuple[int, float] | None = None
    for pattern, times, days in _FREQUENCY_PATTERNS:
        m = pattern.search(window)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), times / days)
    m = _EVERY_HOURS.search(window)
    if m and int(m.group(1) or m.group(2)) and (first is None or m.start() < first[0]):
        first = (m.start(), 24 / int(m.group(1) or m.group(2)))
    m = _EVERY_N.search(window)
    if m and (first is None or m.start() < first[0]):
        if m.group(0).lower() == "biweekly":
            return 1 / 14
        n = m.group(1) or m.group(3)
        count = _WORD_NUMBERS.get(n.lower()) or int(n)
        days = count * (7 if (m.group(2) or "w").lower().startswith("w") else 1)
        return 1 / days if days else None
    return first[1] if first else None


# A needle's or cannula's gauge written as "25 G" or "25G": no amount.
_GAUGE_BEFORE = re.compile(r"\b(?:needles?|cannula[es]?|catheters?)\b[^.;]{0,30}$", re.I)
_GAUGE_AFTER = re.compile(r"\s*\)?\s*(?:needles?|cannula[es]?|catheters?|gauge)\b", re.I)


def _dose(m: re.Match, text: str, window_end: int) -> Dose | None:
    base, factor = _BASE.get(m.group("unit").lower(), (None, 0.0))
    if base is None:
        return None
    if m.group("unit") == "G" and (_GAUGE_BEFORE.search(text, max(0, m.start() - 40), m.start())
                                   or _GAUGE_AFTER.match(text, m.end())):
        return None  # "the needle (25 G) or cannula (25 G)" (NCT05691049)
    low_factor = _BASE.get((m.group("low_unit") or m.group("unit")).lower(), (base, factor))[1]
    low = _number(m.group("low")) * low_factor
    high = _number(m.group("high")) * factor if m.group("high") else low
    per = m.group("per")
    unit = base + ("/" + ("kg" if "k" in per.lower() else "m2") if per else "")
    rate = (m.group("rate") or "").lower()
    if rate:
        unit += "/min" if "min" in rate else "/h"
    per_time = (m.group("per_time") or "").lower()
    if rate:
        per_day = None  # a rate is given for as long as the infusion runs
    elif per_time:
        per_day = 1 / 7 if "w" in per_time else 1.0
    else:
        per_day = _frequency(text[m.end():window_end])
    return Dose(min(low, high), max(low, high), unit, per_day, m.start(), m.end(), m.group(0).strip(),
                per_time=bool(per_time))


def _in_context(text: str, dose: Dose, variable: bool, route: str | None) -> Dose:
    """The dose read with its neighbours: times a count, a unit strength, its regimen phase and route."""
    phase = phase_of(text, dose.start, dose.end)
    counted = count_before(text, dose.start, dose.end)
    if counted:
        n, start = counted
        # "3 x 100 µg in three weeks" may be three administrations of 100 µg: one of them is kept too.
        single = (dose.low, dose.high) if TIMES_BEFORE.match(text, start) else None
        return replace(dose, low=dose.low * n, high=dose.high * n, start=start, text=text[start:dose.end],
                       phase=phase, variable=variable, route=route, single=single, per_site=per_site(text, dose.end))
    return replace(dose, strength=unit_strength(text, dose.start, dose.end), phase=phase, variable=variable,
                   route=route, per_site=per_site(text, dose.end))


@lru_cache(maxsize=8192)  # the same intervention text is read for every arm that receives it
def parse_doses(text: str | None) -> tuple[Dose, ...]:
    """Every dose stated in a text, in order; () for None or text without doses."""
    if not text or not _DIGIT.search(text):  # every dose has an amount in digits
        return ()
    matches = list(_DOSE.finditer(text))
    if not matches:
        return ()
    variable = variable_dosing(text)
    doses = []
    for i, m in enumerate(matches):
        next_start = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        sentence_end = _SENTENCE_END.search(text, m.end())
        end = sentence_end.start() if sentence_end else len(text)
        dose = _dose(m, text, min(next_start, end, m.end() + FREQUENCY_WINDOW))
        if dose is not None:
            previous_end = matches[i - 1].end() if i else 0
            dose = _in_context(text, dose, variable, route_of(text, m.start(), m.end(), previous_end, next_start))
            doses.extend(_listed_before(text, dose))
            doses.append(dose)
    return tuple(doses)


# "0, 15 or 30 mg", "25, 100 & 400 mcg": amounts listed before the one that carries the unit.
_LIST_BEFORE = re.compile(
    rf"(?<![\w.,/])((?:(?:{_NUM})\s*(?:,\s*(?:or\s+|and\s+|&\s*)?|\s+or\s+|\s+and\s+|\s*&\s*))+)$", re.I)


def _listed_before(text: str, dose: Dose) -> list[Dose]:
    m = _LIST_BEFORE.search(text[max(0, dose.start - 40):dose.start])
    if not m or dose.low != dose.high:
        return []
    start = dose.start - len(m.group(1))
    stated = _number(re.match(_NUM, dose.text).group(0))
    factor = dose.low / stated if stated else _BASE.get(dose.unit.split("/")[0], ("", 1.0))[1]
    amounts = [_number(n) * factor for n in re.findall(_NUM, m.group(1))]
    return [replace(dose, low=a, high=a, start=start, text=text[start:dose.end]) for a in amounts]


def describe(dose: Dose) -> str:
    """A dose as text: '2 mg once daily', '10-15 mg daily'."""
    amount = f"{dose.low:g}" if dose.low == dose.high else f"{dose.low:g}-{dose.high:g}"
    return f"{amount} {dose.unit}" + (f" {frequency_label(dose.per_day)}" if dose.per_day else "")


def frequency_label(per_day: float) -> str:
    """'once daily', 'twice daily', 'once weekly' or 'every N days'."""
    labels = {1.0: "once daily", 2.0: "twice daily", 3.0: "three times daily", 4.0: "four times daily"}
    if per_day in labels:
        return labels[per_day]
    days = round(1 / per_day)
    return {7: "once weekly", 14: "every 2 weeks", 30: "monthly"}.get(days, f"every {days} days")
