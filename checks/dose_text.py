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
    TIMES_BEFORE, count_after, count_before, divided_after, equivalent_between, later_schedule,
    of_the_element, per_site, period_total_before, phase_of, route_of, unit_strength, variable_dosing, whole_amount,
)

_DIGIT = re.compile(r"\d")
# An amount: "1,000", "10 000" (a group of thousands after a space starts with 0: "Day 1 100 mg" stays 100),
# "1.000.000", "0.5", "25".
_NUM = (r"\d{1,3}(?:[ \u00a0\u202f]0\d\d)+(?!\d)(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?!\d)"
        r"|\d*\.\d+|\d+")
# "5.000 IU", "2.400 mg/m2": a period may part thousands as well as decimals; either reading is the amount.
_PERIOD_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_UNIT = r"mg|mcg|µg|μg|ug|ng|gm|g|iu|units?|ml|mmol|micrograms?|milligrams?|grams?"
_DOSE = re.compile(
    rf"(?<![\w.,/])(?P<low>{_NUM})\s*(?:(?P<low_unit>{_UNIT})\s*)?(?:(?:-|–|to)\s*(?P<high>{_NUM})\s*)?"
    rf"(?P<unit>{_UNIT})\b(?!\s*/\s*(?:dl|l|ml|mmol)\b)"
    r"(?P<per>\s*(?:/|per\s+)\s*(?:kg|kilograms?|m2|m²|m\^2|sq\.?\s?m|square\s+met(?:er|re)s?"
    r"|met(?:er|re)s?\s+squared)\b)?"
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
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "other": 2, "twice": 2, "thrice": 3}
# (pattern, times per period, period in days, whether the amount is the period's total); the first that matches after
# a dose wins. "1200 mg daily" states a day's amount (given as 400 mg three times daily or at once); "once daily",
# "qd" and "at bedtime" state one administration.
_FREQUENCIES = (
    (r"\b(?:twice|two\s+times)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bb\.?i\.?d\b", 2, 1, False),
    (r"\b(?:three\s+times|thrice)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bt\.?i\.?d\b", 3, 1, False),
    (r"\bfour\s+times\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bq\.?i\.?d\b", 4, 1, False),
    (r"\bonce\s+(?:a|per|every|each)\s+week\b|\b(?:once[\s-]+)?weekly\b|\bevery\s+week\b|\bper\s+week\b|\bqw\b",
     1, 7, False),
    (r"\b(?:once[\s-]+)?monthly\b|\bonce\s+a\s+month\b|\bevery\s+month\b", 1, 30, False),
    (r"\b(?:once|one\s+time)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bq\.?d\b|\bo\.?d\b|\bnightly\b"
     r"|\bat\s+bedtime\b", 1, 1, False),
    (r"\bdaily\b|\bevery\s*day\b|\bper\s+day\b|\ba\s+day\b|\beach\s+day\b", 1, 1, True),
    (r"\b(?:on\s+)?alternate\s+days\b", 1, 2, False),
)
_PERIOD_DAYS = {"d": 1, "w": 7, "m": 30, "2": 1}
# "3 times a day", "2x daily", "twice weekly", "3 times per week", "2x/week"; "3-4 times a day" states no one number.
_TIMES_PER = (
    r"\b(?:(?P<word>twice|thrice)|(?P<n>\d{1,2}|one|two|three|four|five|six)\s*(?:times?|x|×))"
    r"[\s-]*(?:(?:a|per|each|every|in\s+a)[\s-]+|/\s*)?(?P<period>day|daily|d|24\s*h|week|weekly|wk|month|monthly)\b")
_RANGE_BEFORE = re.compile(r"(?:\d{1,2}|one|two|three|four|five|six)\s*(?:-|–|to|or)\s*$", re.I)
# "every 8 hours", "q12h": 24 / N administrations a day.
_EVERY_HOURS = r"\bevery\s+(?P<hours>\d{1,2})\s*(?:hours?|hrs?|h)\b|\bq\.?\s?(?P<q_hours>\d{1,2})\s?(?:hours?|hrs?|h)\b"
_EVERY_N = (r"\bevery\s+(?P<every>\d+|two|three|four|six|other)\s+(?P<every_unit>day|week|wk|month)s?\b"
            r"|\bq(?P<q_weeks>\d)w\b")
# Words that state a frequency two ways ("bi-weekly": every two weeks or twice a week): none is read.
_AMBIGUOUS_FREQUENCY = r"\bbi-?(?:weekly|monthly)\b"
# Every way of stating a frequency, one named group each, in the order that decides between two found at one place:
# a search finds the first stated.
_FREQUENCY_GROUPS = ([("times_per", _TIMES_PER)] + [(f"f{i}", p) for i, (p, *_) in enumerate(_FREQUENCIES)]
                     + [("every_hours", _EVERY_HOURS), ("every_n", _EVERY_N), ("ambiguous", _AMBIGUOUS_FREQUENCY)])
_FREQUENCY = re.compile("|".join(f"(?P<{name}>{p})" for name, p in _FREQUENCY_GROUPS), re.I)
# The ways that need a word most windows lack ("3 times", "2x", "twice", "alternate", "bi-weekly"), and the search
# of the others for a window without one.
_RARE_FREQUENCIES = frozenset({"times_per", f"f{len(_FREQUENCIES) - 1}", "ambiguous"})
_RARE_FREQUENCY_WORDS = ("time", "x", "×", "twice", "thrice", "alternate", "biw", "bi-w", "bim", "bi-m")
_USUAL_FREQUENCY = re.compile("|".join(f"(?P<{name}>{p})" for name, p in _FREQUENCY_GROUPS
                                       if name not in _RARE_FREQUENCIES), re.I)
FREQUENCY_WINDOW = 45
# The unit's mark on an amount of the element a salt carries ("65 mg elemental iron"): compared only with its like.
ELEMENT = "elemental"
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")


@dataclass(frozen=True)
class Dose:
    """One stated dose: low..high in `unit` (mg, iu, ml, mmol; '/kg' or '/m2' appended).

    `strength` marks a unit strength (not a dose), `phase` the regimen phase ('loading',
    'maintenance', 'induction'...), `variable` a text whose doses vary by design, `route` the route
    stated with the amount ('oral', 'intravenous'...), `single` the amount of one administration
    (low, high) when an "N x amount" count may mean N administrations rather than one dose, and `per_time`
    that the amount itself is a total per day or week ("24 g per day", "140 mg/day", "1200 mg daily in three divided
    doses"), `per_site` an amount given at each of several sites ("20 mL on each side"), `whole` an amount that is
    the whole of several administrations or sites ("1500 mg in total"), and `readings` other amounts (low, high)
    the text may mean ("5.000 IU" may be 5000 IU; "43.4 mg atorvastatin calcium, equivalent to 40 mg atorvastatin").
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
    whole: bool = False
    readings: tuple[tuple[float, float], ...] = ()

    @property
    def label(self) -> str:
        """The dose as the text gives it, with its frequency: '2mg once daily', '1200 mg a day', '140 mg/day'."""
        if not self.per_day:
            return self.text
        if self.per_time:
            return self.text if _PERIOD_STATED.search(self.text) else f"{self.text} {_period_label(self.per_day)}"
        return f"{self.text} {frequency_label(self.per_day)}"

    def comparable(self, other: "Dose") -> bool:
        """Whether two doses can contradict: same unit, phase and route (when both state one), neither a
        strength nor varied by design."""
        if self.strength or other.strength or self.variable or other.variable:
            return False
        if self.route and other.route and self.route != other.route:
            return False
        return self.unit == other.unit and self.phase == other.phase

    def matches(self, other: "Dose") -> bool:
        """Same unit, overlapping amounts (in any reading, or one administration of an "N x amount" count), and the
        same frequency when both give one."""
        if self.unit != other.unit:
            return False
        if self.single is None and other.single is None and not self.readings and not other.readings:
            return self._agrees((self.low, self.high), other, (other.low, other.high))
        return any(self._agrees(amount, other, other_amount)
                   for amount in self._amounts() for other_amount in other._amounts())

    def _agrees(self, amount: tuple[float, float], other: "Dose", other_amount: tuple[float, float]) -> bool:
        """Whether this dose read as `amount` states what `other` read as `other_amount` does."""
        if self.per_time != other.per_time and self.per_day and other.per_day:
            # "100 mg/day" against "50 mg twice daily": the amounts given over the period agree or not.
            (total, total_dose), (given, given_dose) = ((amount, self), (other_amount, other)) if self.per_time \
                else ((other_amount, other), (amount, self))
            times = given_dose.per_day / total_dose.per_day
            return _overlap(total, (given[0] * times, given[1] * times))
        if self.per_site != other.per_site or self.whole != other.whole:
            # "20 mL on each side" against "40 mL in total": a whole number of sites or administrations.
            part, whole = (amount, other_amount) if self.per_site or other.whole else (other_amount, amount)
            return any(_overlap((part[0] * n, part[1] * n), whole) for n in range(1, MAX_SITES + 1))
        if not _overlap(amount, other_amount):
            return False
        return self.per_day is None or other.per_day is None or abs(self.per_day - other.per_day) < 1e-6

    def _amounts(self) -> tuple[tuple[float, float], ...]:
        """Every amount the dose may state: as read, one administration of a count, and the other readings."""
        single = () if self.single is None else (self.single,)
        return ((self.low, self.high), *single, *self.readings)


# The most sites an amount given at each of them ("per injection site", "per lesion"), or administrations making
# up a whole ("1500 mg in total"), is counted up to.
MAX_SITES = 12


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two ranges of amounts overlap, allowing for rounding."""
    return a[0] <= b[1] * 1.0001 and b[0] <= a[1] * 1.0001


def _number(text: str) -> float:
    """An amount as written: "1,000", "10 000" and "1.000.000" part thousands."""
    text = text.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    return float(text.replace(".", "") if text.count(".") > 1 else text)


def _frequency(window: str) -> tuple[float | None, bool]:
    """Administrations per day stated first in `window` (None when none is, or a range or a word read two ways is),
    and whether the amount before it is the day's total ("1200 mg daily")."""
    lower = window.lower()
    rare = any(word in lower for word in _RARE_FREQUENCY_WORDS)
    m = (_FREQUENCY if rare else _USUAL_FREQUENCY).search(window)
    if m is None:
        return None, False
    found = m.lastgroup
    if found == "times_per":
        times = _WORD_NUMBERS.get((m.group("word") or m.group("n")).lower()) or int(m.group("n"))
        if _RANGE_BEFORE.search(window, 0, m.start()):
            return None, False
        return times / _PERIOD_DAYS[m.group("period")[0].lower()], False
    if found == "every_hours":
        hours = int(m.group("hours") or m.group("q_hours"))
        return (24 / hours if hours else None), False
    if found == "every_n":
        n = m.group("every") or m.group("q_weeks")
        days = (_WORD_NUMBERS.get(n.lower()) or int(n)) * _PERIOD_DAYS.get((m.group("every_unit") or "w")[0].lower(), 1)
        return (1 / days if days else None), False
    if found == "ambiguous":
        return None, False
    _, times, days, total = _FREQUENCIES[int(found[1:])]
    return times / days, total


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
    total = bool(per_time)
    if rate:
        per_day = None  # a rate is given for as long as the infusion runs
    elif per_time:
        per_day = 1 / 7 if "w" in per_time else 1.0
    else:
        per_day, total = _frequency(text[m.end():window_end])
    readings = ()
    if not m.group("high") and _PERIOD_THOUSANDS.fullmatch(m.group("low")):
        readings = ((low * 1000, low * 1000),)
    return Dose(min(low, high), max(low, high), unit, per_day, m.start(), m.end(), m.group(0).strip(),
                per_time=total, readings=readings)


def _in_context(text: str, dose: Dose, variable: bool, route: str | None, limit: int) -> Dose:
    """The dose read with its neighbours (up to `limit`, the next amount or the sentence's end): times a count, a
    unit strength, its regimen phase and route, a total over a period or of several administrations, and a
    schedule that changes later."""
    unit = f"{dose.unit} {ELEMENT}" if of_the_element(text, dose.start, dose.end) else dose.unit
    changes = {"unit": unit, "phase": phase_of(text, dose.start, dose.end), "variable": variable, "route": route,
               "per_site": per_site(text, dose.end), **_over_time(text, dose, limit)}
    counted = count_before(text, dose.start, dose.end)
    if counted:
        n, start = counted
        # "3 x 100 µg in three weeks" may be three administrations of 100 µg: one of them is kept too.
        single = (dose.low, dose.high) if TIMES_BEFORE.match(text, start) else None
        return replace(dose, low=dose.low * n, high=dose.high * n, start=start, text=text[start:dose.end],
                       single=single, readings=(), **changes)
    counted = count_after(text, dose.end)
    if counted:
        n, end, multiplies = counted
        amounts = (dose.low * n, dose.high * n)
        if multiplies:  # "(150 mg) x 2": 300 mg, or 150 mg given twice
            return replace(dose, low=amounts[0], high=amounts[1], end=end, text=text[dose.start:end].strip(),
                           single=(dose.low, dose.high), readings=(), **changes)
        return replace(dose, readings=dose.readings + (amounts,), **changes)  # "100 µg, 2 puffs": 100 or 200 µg
    return replace(dose, strength=unit_strength(text, dose.start, dose.end), **changes)


def _over_time(text: str, dose: Dose, limit: int) -> dict:
    """What the text says of the dose over time, as changes to it: a total over a day or week ("a daily dose of
    1200 mg", "900 mg in two divided doses"), a whole of several administrations ("1500 mg in total"), or a
    frequency that changes later (none is kept)."""
    if dose.unit.endswith(("/h", "/min")):
        return {}
    per_day = period_total_before(text, dose.start)
    if per_day is not None:
        return {"per_day": per_day, "per_time": True}
    if not dose.per_time and divided_after(text, dose.end, limit):
        return {"per_day": dose.per_day or 1.0, "per_time": dose.per_day is None or dose.per_day == 1.0}
    changes = {"whole": True} if not dose.per_time and whole_amount(text, dose.start, dose.end) else {}
    if dose.per_day is not None and not dose.per_time and later_schedule(text, dose.end, limit):
        changes["per_day"] = None
    return changes


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
            route = route_of(text, m.start(), m.end(), previous_end, next_start)
            dose = _in_context(text, dose, variable, route, min(next_start, end))
            doses.extend(_listed_before(text, dose))
            doses.append(dose)
    return tuple(_with_equivalents(text, doses))


def _with_equivalents(text: str, doses: list[Dose]) -> list[Dose]:
    """The doses, each said to be equivalent to the next ("43.4 mg atorvastatin calcium, equivalent to 40 mg
    atorvastatin") read as that amount too, and each paired with another amount by a slash ("2 mg/4 mg": either;
    "400 mg/100 mg": a combination's) read as either; a salt's amount is also read as the element's given after it
    ("325 mg (65 mg elemental iron)")."""
    for i, first in enumerate(doses):
        second = doses[i + 1] if i + 1 < len(doses) else None
        if second and (first.unit == second.unit and equivalent_between(text, first.end, second.start)
                       or second.unit == f"{first.unit} {ELEMENT}" and _ELEMENT_BETWEEN.fullmatch(text, first.end,
                                                                                                 second.start)):
            doses[i] = first = replace(first, readings=first.readings + ((second.low, second.high),))
        if "/" in text[first.end:first.end + 3] and (paired := _PAIRED_AFTER.match(text, first.end)):
            base, factor = _BASE.get(paired.group("unit").lower(), (None, 0.0))
            if base == first.unit:
                amount = _number(paired.group("amount")) * factor
                doses[i] = replace(first, readings=first.readings + ((amount, amount),))
    return doses


# What stands between a salt's amount and its element's: "325 mg (65 mg elemental iron)", "220 mg, providing 50 mg".
_ELEMENT_BETWEEN = re.compile(r"\s*[(,]\s*(?:=\s*|equivalent\s+to\s+|containing\s+|providing\s+|i\.e\.\s*)?", re.I)
# A second amount after a slash: "2 mg/4 mg", "400 mg/100 mg" (not a concentration: "4 mg/100 mL" differs in unit).
_PAIRED_AFTER = re.compile(rf"\s*/\s*(?P<amount>{_NUM})\s*(?P<unit>{_UNIT})\b(?!\s*/)", re.I)


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
    return [replace(dose, low=a, high=a, start=start, text=text[start:dose.end], readings=()) for a in amounts]


# A total's period written in the amount ("140 mg/day", "15 mg per week").
_PERIOD_STATED = re.compile(r"(?:/|per\s+)\s*(?:d|day|24\s*h|wk|week)\s*$", re.I)


def _period_label(per_day: float) -> str:
    """The period a total is given over: 'a day', 'a week' or 'every N days'."""
    return {1.0: "a day", 1 / 7: "a week"}.get(per_day, f"every {round(1 / per_day)} days")


def describe(dose: Dose) -> str:
    """A dose as text: '2 mg once daily', '10-15 mg daily'."""
    amount = f"{dose.low:g}" if dose.low == dose.high else f"{dose.low:g}-{dose.high:g}"
    return f"{amount} {dose.unit}" + (f" {frequency_label(dose.per_day)}" if dose.per_day else "")


def frequency_label(per_day: float) -> str:
    """'once daily', 'twice daily', 'once weekly', 'three times weekly' or 'every N days'."""
    labels = {1.0: "once daily", 2.0: "twice daily", 3.0: "three times daily", 4.0: "four times daily"}
    if per_day in labels:
        return labels[per_day]
    weekly = per_day * 7
    if 1 < weekly < 7 and abs(weekly - round(weekly)) < 1e-6:
        return {2: "twice weekly", 3: "three times weekly"}.get(round(weekly), f"{round(weekly)} times weekly")
    days = round(1 / per_day)
    return {7: "once weekly", 14: "every 2 weeks", 30: "monthly"}.get(days, f"every {days} days")
