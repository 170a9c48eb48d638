"""Parse doses in free text: amount (or range), unit, per-body-size and frequency; never raises.

A dose is what a participant takes at once: a unit strength ("50 mg/capsule") is not a dose
unless a count multiplies it ("two tablets (alendronate 10 mg)" is 20 mg). Each dose keeps
the regimen phase it belongs to (loading, maintenance, induction...) and whether its text
describes doses that vary by design (escalation cohorts, titration).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checks.dose_context import (
    TIMES_BEFORE, bolus, ceiling, count_after, count_before, divided_after, equivalent_between, floor,
    frequency_tie, later_schedule, may_be_tied, of_the_element, only_taken_between, per_site, period_total_before,
    phase_named_between, phase_of, role_after, route_of, unit_strength, variable_dosing, whole_amount,
)

_DIGIT = re.compile(r"\d")
# An amount: "1,000", "10 000" (a group of thousands after a space starts with 0: "Day 1 100 mg" stays 100),
# "1.000.000", "0.5", "25", and a decimal comma as European records write it ("0,5 mg/kg", "2,5 mg", "1,25 mg"): a
# comma after 0, or before one digit, or before two ending in 5, that no other number follows ("1,5,10 mg" is a list).
_NUM = (r"\d{1,3}(?:[ \u00a0\u202f]0\d\d)+(?!\d)(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
        r"|(?:0,\d{1,3}|[1-9]\d{0,2},\d|[1-9],\d5)(?!,?\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d*\.\d+|\d+")
# "5.000 IU", "2.400 mg/m2": a period may part thousands as well as decimals; either reading is the amount.
_PERIOD_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
# Units as records write them, misspelt too ("40 mgs", "50 mcgs", "5000 I.U."); a capital "U" is a unit ("10 U",
# "80 U/kg"), not the "U" of "U.S.".
_UNIT = r"mgs?|mcgs?|µg|μg|ug|ng|gm|g|iu|i\.u\.?|units?|(?-i:U)(?!\.S\b)|ml|mmol|micrograms?|milligrams?|grams?"
# The most amounts of a fixed combination read from one ratio ("150/150/200/10 mg").
MAX_PARTS = 4
# Where an amount may start: not inside a number or a code ("AZD9291", "CD20"), but right after a drug's name written
# on to it in lower case ("Bevacizumab15mg/kg", "Sintilimab200mg"), as records typed without the space word it.
_AMOUNT_START = r"(?=[\d.])(?:(?<![\w.,/])|(?<=(?-i:[a-z]{4})))"
_DOSE = re.compile(
    # A fixed combination's amounts written as a ratio before one unit ("400/100 mg"): `ratio` holds the later ones.
    rf"{_AMOUNT_START}(?P<low>{_NUM})(?P<ratio>(?:\s*/\s*(?:{_NUM})){{1,{MAX_PARTS - 1}}}(?=\s*(?:{_UNIT})\b))?"
    rf"\s*(?:(?P<low_unit>{_UNIT})\s*)?(?:(?:-|–|to)\s*(?P<high>{_NUM})\s*)?"
    rf"(?P<unit>{_UNIT})(?:\b|(?<=\.))(?!\s*/\s*(?:dl|l|ml|mmol)\b)"
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
         "mmol": ("mmol", 1.0), "microgram": ("mg", 0.001), "mgs": ("mg", 1.0), "mcgs": ("mg", 0.001),
         "i.u": ("iu", 1.0), "i.u.": ("iu", 1.0), "u": ("iu", 1.0), "micrograms": ("mg", 0.001),
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
    # "q.o.d.", "QOD": every other day (its "o.d." is no once daily).
    (r"\bq\.?o\.?d\b", 1, 2, False),
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
            r"|\bq(?P<q_weeks>\d)\s?(?:w|wks?|weeks?)\b")
# Words that state a frequency two ways ("bi-weekly": every two weeks or twice a week): none is read.
_AMBIGUOUS_FREQUENCY = r"\bbi-?(?:weekly|monthly)\b"
# Days of a week the amount is given on ("5 days per week", "three days a week"): the days, not the times a day, so
# no frequency is read (and "per week" after them is not once weekly).
_DAYS_A_WEEK = (r"\b(?:\d|one|two|three|four|five|six|seven)\s+days?\s*(?:(?:a|per|each|every|in\s+a)\s+|/\s*)"
               r"(?:week|wk)\b")
# Every way of stating a frequency, one named group each, in the order that decides between two found at one place:
# a search finds the first stated.
_FREQUENCY_GROUPS = ([("times_per", _TIMES_PER)] + [(f"f{i}", p) for i, (p, *_) in enumerate(_FREQUENCIES)]
                     + [("every_hours", _EVERY_HOURS), ("every_n", _EVERY_N), ("ambiguous", _AMBIGUOUS_FREQUENCY),
                        ("days_a_week", _DAYS_A_WEEK)])
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
# A sentence's end; not the last stop of an abbreviation written with stops ("10 mg p.o. q.d.", "200 mg i.v. every 3
# weeks", "s.c. Q2W") where the sentence goes on in lower case or with another abbreviation ("p.o. Clopidogrel ..."
# starts another sentence).
_SENTENCE_END = re.compile(r";(?:\s|$)|(?<!\.[A-Za-z])\.(?:\s|$)"
                           r"|(?<=\.[A-Za-z])\.(?:$|\s(?!\s*(?:[a-z\d]|[A-Z][A-Z\d]+\b|[A-Z]\.)))")


@dataclass(frozen=True)
class Dose:
    """One stated dose: low..high in `unit` (mg, iu, ml, mmol, '%', 'AUC'; '/kg' or '/m2' appended), given `per_day`
    times a day (None when the text states no frequency; NO_SCHEDULE for a concentration, which no schedule changes
    and which is no unit strength even in a product's name: "Timolol 0.5%").

    `strength` marks a unit strength (not a dose), `phase` the regimen phase ('loading',
    'maintenance', 'induction'...), `variable` a text whose doses vary by design, `route` the route
    stated with the amount ('oral', 'intravenous'...), `single` the amount of one administration
    (low, high) when an "N x amount" count may mean N administrations rather than one dose, and `per_time`
    that the amount itself is a total per day or week ("24 g per day", "140 mg/day", "1200 mg daily in three divided
    doses"), `per_site` an amount given at each of several sites ("20 mL on each side"), `whole` an amount that is
    the whole of several administrations or sites ("1500 mg in total"), and `readings` other amounts (low, high)
    the text may mean ("5.000 IU" may be 5000 IU; "43.4 mg atorvastatin calcium, equivalent to 40 mg atorvastatin").
    `parts` are the amounts as stated of a fixed combination written as a ratio ("400/100 mg", "400 mg/100 mg"),
    the first of them being low..high before any count; `part` the index of the one drug's amount this dose is
    when the drugs of the combination are named ("lopinavir/ritonavir 400/100 mg": 400 mg lopinavir, part 0);
    `form` the product form stated with a concentration in percent ('cream', 'eye', 'gel'...) or with an amount
    ('patch', 'gum', 'inhaler', 'tablet'...), `ceiling` an amount that is the most that may be given ("up to 10 mg",
    "maximum 40 IU"), which any dose within it agrees with, and `bolus` an amount given as a bolus.
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
    parts: tuple[float, ...] = ()
    part: int | None = None
    form: str | None = None
    ceiling: bool = False
    bolus: bool = False

    @property
    def label(self) -> str:
        """The dose as the text gives it, with its frequency: '2mg once daily', '1200 mg a day', '140 mg/day'."""
        text = f"up to {self.text}" if self.ceiling else self.text
        if not self.per_day:
            return text
        if self.per_time:
            return text if _PERIOD_STATED.search(self.text) else f"{text} {_period_label(self.per_day)}"
        return f"{text} {frequency_label(self.per_day)}"

    def comparable(self, other: "Dose") -> bool:
        """Whether two doses can contradict: same unit, phase (a rate's when both name one) and route (when both
        state one), neither a strength nor varied by design."""
        if self.strength or other.strength or self.variable or other.variable:
            return False
        if self.route and other.route and self.route != other.route:
            return False
        if self.form and other.form and self.form != other.form:
            return False  # "1% gel" and "2% cream" are two products, and so are "21 mg patch" and "4 mg gum"
        if (self.form or other.form) and not (self._given_as(other) and other._given_as(self)):
            return False  # "estradiol patch 50 mcg/day" and "estradiol 2 mg orally"
        if self.unit != other.unit:
            return False
        # an infusion's rate after a bolus ("1 mcg/kg, then 0.4 mcg/kg/h") is the rate another text gives alone, and a
        # bolus before it ("0.15 mg/kg bolus, then 0.1 mg/kg/h") is a bolus another text gives alone
        return self.phase == other.phase or self.unit.endswith(RATES) and None in (self.phase, other.phase) \
            or self.bolus and other.bolus and {self.phase, other.phase} == {None, LOADING}

    def _given_as(self, other: "Dose") -> bool:
        """Whether this dose's product may be given by the other's route (when both are stated)."""
        routes = FORM_ROUTES.get(self.form) if self.form and other.route else None
        return routes is None or other.route in routes

    @property
    def inhaled(self) -> bool:
        """Whether the dose is said to be inhaled: its amount may be the metered or the delivered dose."""
        return self.form in INHALERS or self.route == INHALED

    def matches(self, other: "Dose") -> bool:
        """Same unit, overlapping amounts (in any reading, or one administration of an "N x amount" count), and the
        same frequency when both give one."""
        if self.unit != other.unit:
            return False
        if self.single is None and other.single is None and not self.readings and not other.readings \
                and not self.parts and not other.parts:
            return self._agrees((self.low, self.high), other, (other.low, other.high))
        return any(self._agrees(amount, other, other_amount)
                   for amount in self._amounts() for other_amount in other._amounts())

    def _stated(self) -> tuple[tuple[float, float], ...]:
        """The amount as read, and one administration of an "N x amount" count."""
        return ((self.low, self.high),) if self.single is None else ((self.low, self.high), self.single)

    def _agrees(self, amount: tuple[float, float], other: "Dose", other_amount: tuple[float, float]) -> bool:
        """Whether this dose read as `amount` states what `other` read as `other_amount` does. A ceiling agrees with
        any dose within it ("up to 10 mg" and "2 mg"); two ceilings are compared as amounts."""
        if self.ceiling != other.ceiling:
            if self.ceiling:
                amount = (0.0, amount[1])
            else:
                other_amount = (0.0, other_amount[1])
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
        if not (_near(amount, other_amount) if self.inhaled or other.inhaled else _overlap(amount, other_amount)):
            return False
        return self.per_day is None or other.per_day is None or _same_frequency(self.per_day, other.per_day)

    def _amounts(self) -> tuple[tuple[float, float], ...]:
        """Every amount the dose may state: as read, one administration of a count, the other readings, and a
        ratio's other amounts and their sum ("2/4 mg" may be either dose; "875/125 mg" is 1 g in all)."""
        stated = self._stated()
        if len(self.parts) < 2 or not self.parts[0]:
            return (*stated, *self.readings)
        others = []
        for low, _ in stated:
            scale = low / self.parts[0]
            others += [(p * scale, p * scale) for p in self.parts[1:]]
            others.append((sum(self.parts) * scale, sum(self.parts) * scale))
        return (*stated, *self.readings, *others)


# The units of an infusion's rate, and the regimen phase of a loading dose.
RATES = ("/h", "/min")
LOADING = "loading"


# The most sites an amount given at each of them ("per injection site", "per lesion"), or administrations making
# up a whole ("1500 mg in total"), is counted up to: botulinum toxin is injected at up to 39 sites ("155 U" as
# "5 U per site").
MAX_SITES = 40


# Intervals of this many days or more are one schedule when they differ by a tenth at most: "every 3 months" and
# "every 12 weeks", "monthly" and "every 4 weeks" are written for one another.
LONG_INTERVAL_DAYS, LONG_INTERVAL_SLACK = 14, 1.1


def _same_frequency(a: float, b: float) -> bool:
    """Whether two frequencies (administrations a day) state one schedule."""
    if abs(a - b) < 1e-6:
        return True
    longer, shorter = 1 / min(a, b), 1 / max(a, b)
    return shorter >= LONG_INTERVAL_DAYS and longer <= shorter * LONG_INTERVAL_SLACK


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two ranges of amounts overlap, allowing for rounding."""
    return a[0] <= b[1] * 1.0001 and b[0] <= a[1] * 1.0001


# An inhaler's dose is written as the metered dose or as the smaller delivered one (budesonide/formoterol "200/6 mcg"
# is "160/4.5 mcg" delivered, tiotropium "18 mcg" is "10 mcg"): the least share of the metered dose delivered.
DELIVERED_SHARE = 0.55
INHALERS, INHALED = frozenset({"inhaler", "nebulizer"}), "inhaled"


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two ranges of an inhaled amount may state one dose, one metered and one delivered."""
    return a[0] * DELIVERED_SHARE <= b[1] * 1.0001 and b[0] * DELIVERED_SHARE <= a[1] * 1.0001


# A decimal comma ("0,5", "2,5", "1,25", "0,500"): one comma, not before a group of three digits, or after 0.
_DECIMAL_COMMA = re.compile(r"0,\d+|\d+,(?:\d{1,2}|\d{4,})")


def _number(text: str) -> float:
    """An amount as written: "1,000", "10 000" and "1.000.000" part thousands; "0,5" and "2,5" are decimals."""
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    text = text.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    return float(text.replace(".", "") if text.count(".") > 1 else text)


# Amounts written as a list with commas and no spaces ("100,200 mg", "50,100,150 mg", as "10,20 mg" is) that read as
# thousands too: groups after the first of three digits, none opening with 0, rising from a first group of two or
# three digits to at most ten times it. Thousands open with one digit ("1,250 mg/m2", "1,440 mg"), hold a group
# opening with 0 ("25,000 IU", "1,050 mg") or grow more than tenfold ("12,500 IU"): a list's doses rarely do.
_LIST_OR_THOUSANDS = re.compile(r"[1-9]\d{1,2}(?:,[1-9]\d\d)+")
_MOST_TIMES_LISTED = 10


def _listed_or_thousands(number: str) -> bool:
    """Whether an amount with commas ("100,200") may as well be a list of amounts as one amount in thousands: it is
    read as neither."""
    if not _LIST_OR_THOUSANDS.fullmatch(number):
        return False
    groups = [int(g) for g in number.split(",")]
    return all(a < b for a, b in zip(groups, groups[1:])) and groups[-1] <= _MOST_TIMES_LISTED * groups[0]


# A frequency that is the most times the amount may be given: "up to three times daily", "maximum 4 times a day",
# "no more than every 4 hours".
_MOST_TIMES_BEFORE = re.compile(
    r"(?:\bup\s+to|\bmax(?:imum)?\.?|\b(?:no|not)\s+more\s+(?:than|often\s+than)|\bat\s+most)\s*(?:of\s+)?$", re.I)
_MOST_WORDS = ("up", "max", "more", "most")
# "or" before another frequency right after the first ("40 mg weekly or every other week", "300 mg Q2W or Q4W",
# "10 mg daily (or every other day)"): either schedule may be given, so none is read.
_OR_AFTER = re.compile(r"\s*[,(]?\s*or\s+", re.I)


# Several days of a cycle the amount is given on ("on days 1, 8 and 15", "D1,8", "days 1-3", "day 1 and day 8"):
# a weekly or longer interval after them is the cycle's length, not the amount's frequency.
_CYCLE_DAYS = re.compile(r"\b(?:days?|d)\s*\d{1,2}\s*(?:(?:,|&|\+|-|–|\band\b|\bto\b|\bthrough\b)\s*(?:days?\s*|d\s*)?"
                         r"\d{1,2}\b)+", re.I)
# The ways a cycle's length is also written (every N days or weeks, weekly, monthly): an interval of a week or more.
CYCLE_DAYS_LEAST = 7
_CYCLE_FREQUENCIES = frozenset({"every_n"} | {f"f{i}" for i, (_, _, days, _) in enumerate(_FREQUENCIES)
                                               if days >= CYCLE_DAYS_LEAST})


# "OD" is also the right eye (oculus dexter): in a text about an eye's treatment it is no frequency ("0.5 mg
# intravitreal injection OD every 4 weeks", "2 mg IVT in the study eye (OD or OS) monthly").
_RIGHT_EYE = re.compile(r"o\.?d\.?", re.I)
_EYE_TEXT = re.compile(r"\b(?:eyes?|ocular|intra-?vitreal\w*|ivt|intra-?cameral\w*|sub-?conjunctival\w*|sub-?tenon\w*"
                       r"|peri-?ocular|retro-?bulbar|ophthalm\w*|retina\w*|macula\w*|(?-i:O\.?[SU]\.?))(?![\w-])", re.I)


def _frequency(window: str, text: str = "") -> tuple[float | None, bool]:
    """Administrations per day stated first in `window` (None when none is, or a range or a word read two ways is),
    and whether the amount before it is the day's total ("1200 mg daily"); `text`, the whole text the window is of,
    tells whether an "OD" is the right eye."""
    lower = window.lower()
    rare = any(word in lower for word in _RARE_FREQUENCY_WORDS)
    pattern = _FREQUENCY if rare else _USUAL_FREQUENCY
    m = pattern.search(window)
    while m is not None and _RIGHT_EYE.fullmatch(m.group(0)) and _EYE_TEXT.search(text):
        m = pattern.search(window, m.end())
    if m is None or any(word in lower for word in _MOST_WORDS) and _MOST_TIMES_BEFORE.search(window, 0, m.start()):
        return None, False  # none, or the most times it may be given ("up to three times daily as needed")
    found = m.lastgroup
    if found in _CYCLE_FREQUENCIES and "d" in lower and _CYCLE_DAYS.search(window, 0, m.start()):
        return None, False  # "on days 1, 8 and 15 every 4 weeks": the cycle's length, given on several of its days
    if (alternative := _OR_AFTER.match(window, m.end())) and _FREQUENCY.match(window, alternative.end()):
        return None, False  # "weekly or every other week": two schedules, either of which may be given
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
    if found in ("ambiguous", "days_a_week"):
        return None, False
    _, times, days, total = _FREQUENCIES[int(found[1:])]
    return times / days, total


# How far before an amount a frequency tied to it may start ("orally twice daily with food at a dose of 300 mg").
LEAD_WINDOW = 70
# A part of every frequency _FREQUENCY reads but "x" ("2x daily" says "daily"): most texts before an amount have none.
_FREQUENCY_HINT = re.compile(r"da[iy]|week|wk|month|every|time|twice|thrice|night|bedtime|alternate|q\.?\d|q\.?[dow]\b"
                             r"|q\.?o\.?d|[bt]\.?i\.?d|q\.?i\.?d|o\.?d\b|q\d|\d\s*(?:h|hrs?|hours?)\b", re.I)


@dataclass(frozen=True)
class Lead:
    """A frequency stated before an amount and tied to it ("once daily at 150 mg"): where it starts,
    administrations a day, and whether the amount is the day's total ("daily (150 mg)")."""

    start: int
    per_day: float
    total: bool


def _lead(text: str, start: int, previous_end: int) -> Lead | None:
    """The frequency stated before the amount at `start` and tied to it ("Olaparib given orally twice daily at a dose
    of 300 mg", "Bevacizumab IV Q3W at 15 mg/kg", "Osimertinib daily (150 mg)"), in its sentence after the amount
    before (ending at `previous_end`); None where none is, where the frequency is the amount before's ("100 mg orally
    once daily at ...", and any before a parenthesis or a comma: "900 mg of the drug daily (300 mg three times
    daily)"), one of two ("weekly or every other week at") or the most times it may be given."""
    if not may_be_tied(text, start):
        return None
    low = max(previous_end, start - LEAD_WINDOW)
    if not _FREQUENCY_HINT.search(text, low, start):
        return None
    for sentence_end in _SENTENCE_END.finditer(text, low, start):
        low = sentence_end.end()
    lower = text[low:start].lower()
    pattern = _FREQUENCY if any(word in lower for word in _RARE_FREQUENCY_WORDS) else _USUAL_FREQUENCY
    found = earlier = None
    for m in pattern.finditer(text, low, start):
        earlier, found = found, m
    if found is None or (tie := frequency_tie(text, found.end(), start)) is None:
        return None
    if earlier is not None and _OR_AFTER.fullmatch(text, earlier.end(), found.start()):
        return None  # "weekly or every other week at 40 mg": either schedule may be given
    if previous_end and _SENTENCE_END.search(text, previous_end, found.start()) is None \
            and (tie != "at" or only_taken_between(text, previous_end, found.start())):
        return None
    if _MOST_TIMES_BEFORE.search(text[max(low, found.start() - 20):found.start()]):
        return None  # "up to three times daily at 400 mg"
    per_day, total = _frequency(text[found.start():start], text)
    return None if per_day is None else Lead(found.start(), per_day, total)


# A needle's or cannula's gauge written as "25 G" or "25G": no amount.
_GAUGE_BEFORE = re.compile(r"\b(?:needles?|cannula[es]?|catheters?)\b[^.;]{0,30}$", re.I)
_GAUGE_AFTER = re.compile(r"\s*\)?\s*(?:needles?|cannula[es]?|catheters?|gauge)\b", re.I)


def _dose(m: re.Match, text: str, parts: tuple[float, ...], end: int, window_end: int) -> Dose | None:
    """The dose of one amount as written (ending at `end`, past a ratio's amounts `parts`), with the frequency
    stated after it before `window_end`."""
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
        per_day, total = _frequency(text[end:window_end], text)
    readings = ()
    if not m.group("high") and not parts and _PERIOD_THOUSANDS.fullmatch(m.group("low")):
        readings = ((low * 1000, low * 1000),)
    return Dose(min(low, high), max(low, high), unit, per_day, m.start(), end, text[m.start():end].strip(),
                per_time=total, readings=readings, parts=parts)


# A second amount after a slash: "2 mg/4 mg", "400 mg/100 mg" (not a concentration: "4 mg/100 mL" differs in unit;
# not an amount per body size: "2 mg/4 mg/kg").
_PAIRED_AFTER = re.compile(rf"\s*/\s*(?P<amount>{_NUM})\s*(?P<unit>{_UNIT})\b(?!\s*/\s*[^\d\s])", re.I)
# A ratio's amounts in a volume ("400/57 mg per 5 mL", "125/31.25 mg/5 mL"): a suspension's concentration.
_PER_VOLUME = re.compile(r"\s*(?:/|per\s+)\s*(?:\d+(?:\.\d+)?\s*)?(?:ml|l|dl|cc)\b", re.I)


def _ratio(m: re.Match, text: str) -> tuple[tuple[float, ...], int] | None:
    """A fixed combination's amounts as stated ("400/100 mg", "400 mg/100 mg": (400.0, 100.0)) and where they end,
    ((), the amount's end) for a single amount, or None for a ratio that is no dose: per body size or a rate
    ("2/4 mg/kg"), a range ("2/4-6 mg") or a concentration ("400/57 mg per 5 mL")."""
    base, factor = _BASE.get(m.group("unit").lower(), (None, 0.0))
    if m.group("ratio"):
        if m.group("per") or m.group("rate") or m.group("high") or _PER_VOLUME.match(text, m.end()):
            return None
        return tuple(_number(n) * factor for n in (m.group("low"), *_RATIO_AMOUNT.findall(m.group("ratio")))), m.end()
    slash = "/" in text[m.end():m.end() + 3]
    if not slash or m.group("high") or m.group("per") or m.group("per_time") or m.group("rate"):
        return (), m.end()
    parts, end = [_number(m.group("low")) * factor], m.end()
    while len(parts) < MAX_PARTS and (paired := _PAIRED_AFTER.match(text, end)):
        paired_base, paired_factor = _BASE.get(paired.group("unit").lower(), (None, 0.0))
        if paired_base != base:
            break
        parts.append(_number(paired.group("amount")) * paired_factor)
        end = paired.end()
    if len(parts) < 2:
        return (), m.end()
    return None if _PER_VOLUME.match(text, end) else (tuple(parts), end)


_RATIO_AMOUNT = re.compile(_NUM)


def _changed(dose: Dose, **changes) -> Dose:
    """The dose with `changes`, as dataclasses.replace makes it but without running every field through __init__
    again: every amount of every text is changed at least once as its context is read."""
    changed = object.__new__(Dose)
    changed.__dict__.update(dose.__dict__)
    changed.__dict__.update(changes)
    return changed


def _in_context(text: str, dose: Dose, variable: bool, route: str | None, limit: int, form: str | None) -> Dose:
    """The dose read with its neighbours (up to `limit`, the next amount or the sentence's end): times a count, a
    unit strength, its regimen phase, route and product form, a total over a period or of several administrations,
    and a schedule that changes later."""
    unit = f"{dose.unit} {ELEMENT}" if of_the_element(text, dose.start, dose.end) else dose.unit
    phase = phase_of(text, dose.start, dose.end) or role_after(text, dose.end, limit)
    changes = {"unit": unit, "phase": phase, "variable": variable or floor(text, dose.start), "route": route,
               "form": form, "bolus": bolus(text, dose.start, dose.end),
               "per_site": per_site(text, dose.end), "ceiling": ceiling(text, dose.start, dose.end),
               **_over_time(text, dose, limit)}
    counted = count_before(text, dose.start, dose.end)
    if counted:
        n, start = counted
        # "3 x 100 µg in three weeks" may be three administrations of 100 µg: one of them is kept too.
        single = (dose.low, dose.high) if TIMES_BEFORE.match(text, start) else None
        return _changed(dose, low=dose.low * n, high=dose.high * n, start=start, text=text[start:dose.end],
                       single=single, readings=(), **changes)
    counted = count_after(text, dose.end)
    if counted:
        n, end, multiplies = counted
        amounts = (dose.low * n, dose.high * n)
        if multiplies:  # "(150 mg) x 2": 300 mg, or 150 mg given twice
            return _changed(dose, low=amounts[0], high=amounts[1], end=end, text=text[dose.start:end].strip(),
                           single=(dose.low, dose.high), readings=(), **changes)
        return _changed(dose, readings=dose.readings + (amounts,), **changes)  # "100 µg, 2 puffs": 100 or 200 µg
    return _changed(dose, strength=unit_strength(text, dose.start, dose.end), **changes)


# The product an amount is of, named with it: a drug's products ("nicotine patch 21 mg", "nicotine gum 4 mg",
# "testosterone gel 50 mg", "1000 mg injection") are different administrations, whose amounts are not compared.
AMOUNT_FORMS = (
    ("patch", r"patch(?:es)?|plasters?|transdermal\s+system"),
    ("gum", r"(?:chewing\s+)?gums?"),
    ("lozenge", r"lozenges?|pastilles?|troches?"),
    ("inhaler", r"inhalers?|puffs?|inhalations?|actuations?|turbuhaler|diskus|ellipta|handihaler|respimat|breezhaler"
                r"|genuair|(?-i:p?MDI|DPI|HFA)"),
    ("nebulizer", r"nebuli[sz](?:er|ed|ation)s?|nebules?"),
    ("spray", r"sprays?"),
    ("gel", r"gels?"),
    ("cream", r"creams?"),
    ("ointment", r"ointments?"),
    ("suppository", r"suppositor(?:y|ies)"),
    ("enema", r"enemas?"),
    ("implant", r"implants?"),
    ("injection", r"injections?|injectable|depot"),
    ("tablet", r"tablets?|capsules?|pills?|softgels?|caplets?"),
)
_FORM_GROUPS = "|".join(f"(?P<{name}>{words})" for name, words in AMOUNT_FORMS)
# Right after the amount, at most two words on ("21 mg patch", "4 mg nicotine gum", "160/4.5 mcg, 2 inhalations"),
# none of them one that starts another item ("21 mg and nicotine gum 4 mg").
_FORM_RIGHT_AFTER = re.compile(
    r"\s*[,(]?\s*(?:(?:\d{1,2}|one|two|three|four)\s+)?(?:(?!(?:and|or|plus|with|then|vs|versus|followed)\b)"
    rf"[a-z][\w-]*\s+){{0,2}}?(?:{_FORM_GROUPS})(?![\w-])", re.I)
# ... or before it in its item, after the amount before ("Nicotine patch 21 mg", "Testosterone gel 50 mg").
_FORM_BEFORE = re.compile(rf"(?<![\w-])(?:{_FORM_GROUPS})(?![\w-])", re.I)
_FORM_ITEM_START = re.compile(r"[,;(\n]|[.:]\s")
# How far before an amount its product may be named, and after it (two words and a count on).
PRODUCT_BEFORE, PRODUCT_AFTER = 40, 40
# A part of every word AMOUNT_FORMS reads.
_FORM_PARTS = ("patch", "plaster", "transdermal", "gum", "lozeng", "pastille", "troche", "inhal", "puff", "actuation",
               "haler", "diskus", "ellipta", "respimat", "genuair", "mdi", "dpi", "hfa", "nebul", "spray", "gel",
               "cream", "ointment", "suppositor", "enema", "implant", "inject", "depot", "tablet", "capsule", "pill",
               "softgel", "caplet")
# The routes each product is given by: an amount of one product and an amount by a route it is not given by are
# different administrations ("estradiol patch 50 mcg/day" and "estradiol 2 mg orally").
FORM_ROUTES = {
    "patch": frozenset({"transdermal", "topical"}),
    "gum": frozenset({"buccal", "oral", "sublingual"}),
    "lozenge": frozenset({"buccal", "oral", "sublingual"}),
    "inhaler": frozenset({"inhaled", "intranasal"}),
    "nebulizer": frozenset({"inhaled"}),
    "spray": frozenset({"intranasal", "sublingual", "buccal", "topical", "inhaled"}),
    "gel": frozenset({"topical", "transdermal", "vaginal", "rectal", "intranasal"}),
    "cream": frozenset({"topical", "vaginal", "rectal"}),
    "ointment": frozenset({"topical", "rectal"}),
    "suppository": frozenset({"rectal", "vaginal"}),
    "enema": frozenset({"rectal"}),
    "implant": frozenset({"subcutaneous", "intravitreal", "intradermal", "vaginal"}),
    "injection": frozenset({"intravenous", "subcutaneous", "intramuscular", "intrathecal", "intravitreal",
                            "intraperitoneal", "intra-arterial", "intratumoral", "intradermal", "intravesical"}),
    "tablet": frozenset({"oral", "sublingual", "buccal", "vaginal"}),
}


def _product_form(text: str, start: int, end: int, previous_end: int) -> str | None:
    """The product the amount at start..end is said to be of ('patch', 'gum', 'inhaler', 'tablet'...), named right
    after it or before it in its item (after the amount before, `previous_end`), or None."""
    before_start = max(previous_end, start - PRODUCT_BEFORE, 0)
    near = text[before_start:end + PRODUCT_AFTER].lower()
    if not any(part in near for part in _FORM_PARTS):  # most amounts name no product
        return None
    after = _FORM_RIGHT_AFTER.match(text, end)
    if after:
        return after.lastgroup
    cuts = list(_FORM_ITEM_START.finditer(text, before_start, start))
    found = list(_FORM_BEFORE.finditer(text, cuts[-1].end() if cuts else before_start, start))
    return found[-1].lastgroup if found else None


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


# A concentration in percent: "0.5%", "0.25-0.5 %", "1% to 2%". It is compared only with concentrations in percent
# (w/w and w/v are not told apart): "1% lidocaine 5 mL" and "lidocaine 50 mg" state no two concentrations.
_PERCENT = re.compile(r"(?<![\w.,/])(?P<low>\d*\.\d+|\d+)(?:\s*%?\s*(?:-|–|to)\s*(?P<high>\d*\.\d+|\d+))?\s*%", re.I)
# A share, not a concentration: "50% of the dose", "a 25% reduction", "80% or more", "reduced by 30%", "SpO2 > 92%".
_SHARE_AFTER = re.compile(
    r"\s*(?:of\b|or\s+(?:more|less|greater|higher|lower|above|below|over|under)\b|and\s+(?:above|below|over)\b"
    r"|(?:reductions?|decreases?|increases?|improvements?|changes?|inhibition|response|responders?|power"
    r"|confidence|ci|probability|chance|rates?|risk|saturation|predicted|weight|body|t?bsa|fio2|oxygen|o2"
    r"|patients|participants|subjects|lower|higher|more|less|greater|above|below|margin|level|significance"
    r"|relative|absolute|dose)\b)", re.I)
_SHARE_BEFORE = re.compile(
    r"(?:\b(?:by|than|over|under|above|below|least|most|within|fio2|spo2|sao2|saturation|hba1c|a1c|ci|p)\s*[:=]?"
    r"|[<>≤≥=±~]|\+/-)\s*$", re.I)
MAX_PERCENT = 100.0
# The frequency of a concentration: none applies ("0.05% cream twice daily" and "0.05% cream once daily" agree).
NO_SCHEDULE = 0.0
# The product form a concentration is stated with, in the order that decides between two at one place.
PERCENT_FORMS = (
    ("eye", r"eye[\s-]*drops?|ophthalmic|ophthalmological|collyri\w*"),
    ("ear", r"ear[\s-]*drops?|otic"),
    ("nasal", r"nasal|nose[\s-]*drops?"),
    ("mouthwash", r"mouth[\s-]*wash\w*|mouth[\s-]*rinses?|oral[\s-]+rinses?|gargles?"),
    ("cream", r"creams?"),
    ("ointment", r"ointments?"),
    ("gel", r"gels?|jelly"),
    ("lotion", r"lotions?"),
    ("foam", r"foams?"),
    ("shampoo", r"shampoos?"),
    ("patch", r"patch(?:es)?|plasters?"),
    ("wipe", r"wipes?|cloths?|bath(?:ing)?|scrubs?|swabs?"),
    ("vaginal", r"vaginal|pessar(?:y|ies)"),
    ("varnish", r"varnish(?:es)?"),
    ("spray", r"sprays?"),
    ("skin", r"skin|cutaneous|surgical\s+prep\w*|antisep\w*"),
)
_PERCENT_FORM = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{words})" for name, words in PERCENT_FORMS) + r")\b",
                           re.I)
# How far after and before a concentration its form may stand (within its clause, before another amount).
FORM_AFTER, FORM_BEFORE = 30, 30
_FORM_STOP = re.compile(r"[.;,(:\d]")


def _percents(text: str, variable: bool) -> list[Dose]:
    """The concentrations in percent of a text, each with its regimen phase, route and product form. A
    concentration has no frequency ("0.05% cream twice daily" and "0.05% cream once daily" state one) and no
    count multiplies it ("two drops of 0.5%")."""
    found = [m for m in _PERCENT.finditer(text) if _concentration(text, m)]
    doses = []
    for i, m in enumerate(found):
        low, high = float(m.group("low")), float(m.group("high") or m.group("low"))
        previous_end = found[i - 1].end() if i else 0
        next_start = found[i + 1].start() if i + 1 < len(found) else len(text)
        doses.append(Dose(min(low, high), max(low, high), "%", NO_SCHEDULE, m.start(), m.end(), m.group(0).strip(),
                          phase=phase_of(text, m.start(), m.end()), form=_form_of(text, m.start(), m.end()),
                          route=route_of(text, m.start(), m.end(), previous_end, next_start), variable=variable))
    return doses


# A carboplatin dose as the target area under the curve ("AUC 5", "AUC=6 mg/mL/min", "target AUC of 2", "AUC5", "(AUC)
# 5", "AUC 5 or 6"): compared only with another target, not a pharmacokinetic measure ("AUC0-24", "AUC 0-24 h").
AUC = "AUC"
_TARGET_AUC = re.compile(r"\bAUC\)?(?:\s*[=:]\s*|\s+(?:of\s+)?|(?=[1-9]))(?P<low>\d+(?:\.\d+)?)"
                         r"(?:\s*(?:-|–|to|or|/)\s*(?P<high>\d+(?:\.\d+)?))?"
                         r"(?!\s*(?:-|–)\s*\d)(?!\s*(?:-|–)?\s*(?:h|hrs?|hours?|inf|∞|t|last|tau|d|days?)\b)"
                         r"(?![\d.])")
# The greatest target AUC given (mg/mL·min); a greater number is no target.
MAX_TARGET_AUC = 10.0


def _target_aucs(text: str, variable: bool) -> list[Dose]:
    """The target AUCs of a text, each with the frequency stated after it, its regimen phase and route."""
    doses = []
    for m in _TARGET_AUC.finditer(text):
        low, high = float(m.group("low")), float(m.group("high") or m.group("low"))  # "AUC 5 or 6": either
        if low > MAX_TARGET_AUC or not low:
            continue
        sentence_end = _SENTENCE_END.search(text, m.end())
        window_end = min(sentence_end.start() if sentence_end else len(text), m.end() + FREQUENCY_WINDOW)
        window = _AUC_UNIT.sub("", text[m.end():window_end], count=1)
        if next_amount := _DOSE.search(window):  # "AUC 5 and paclitaxel 175 mg/m2 every 3 weeks": the other's
            window = window[:next_amount.start()]
        per_day, _ = _frequency(window)
        high = low if high > MAX_TARGET_AUC else high
        doses.append(Dose(min(low, high), max(low, high), AUC, per_day, m.start(), m.end(), m.group(0).strip(),
                          phase=phase_of(text, m.start(), m.end()), variable=variable,
                          route=route_of(text, m.start(), m.end(), 0, window_end)))
    return doses


# The unit written after a target AUC ("mg/mL/min", "mg/ml x min", "mg·min/mL"), read past for the frequency.
_AUC_UNIT = re.compile(r"^\s*mg\s*(?:[/.·*×x]|per)\s*(?:ml|min)\w*(?:\s*(?:[/.·*×x]|per)\s*(?:ml|min)\w*)?", re.I)


def _concentration(text: str, m: re.Match) -> bool:
    """Whether the percentage is a concentration: at most 100, not a share of something ("50% of the dose",
    "reduced by 30%")."""
    if float(m.group("high") or m.group("low")) > MAX_PERCENT:
        return False
    return not _SHARE_AFTER.match(text, m.end()) and not _SHARE_BEFORE.search(text, max(0, m.start() - 12), m.start())


def _form_of(text: str, start: int, end: int) -> str | None:
    """The product form named right after a concentration ("0.5% eye drops"), else right before it in its
    clause ("tacrolimus ointment 0.1%"), or None."""
    stop = _FORM_STOP.search(text, end, end + FORM_AFTER)
    after = _PERCENT_FORM.search(text, end, stop.start() if stop else end + FORM_AFTER)
    if after:
        return after.lastgroup
    window = text[max(0, start - FORM_BEFORE):start]
    cuts = list(_FORM_STOP.finditer(window))
    found = list(_PERCENT_FORM.finditer(window, cuts[-1].end() if cuts else 0))
    return found[-1].lastgroup if found else None


@lru_cache(maxsize=8192)  # the same intervention text is read for every arm that receives it
def parse_doses(text: str | None) -> tuple[Dose, ...]:
    """Every dose stated in a text, in order; () for None or text without doses."""
    if not text or not _DIGIT.search(text):  # every dose has an amount in digits
        return ()
    read = _amounts_read(text)
    if not read and "%" not in text and "AUC" not in text:
        return ()
    variable = variable_dosing(text)
    # concentrations and target AUCs, each compared only with its like
    apart = (_percents(text, variable) if "%" in text else []) + (_target_aucs(text, variable) if "AUC" in text else [])
    leads = [_lead(text, m.start(), read[i - 1][2] if i else 0) for i, (m, _, _) in enumerate(read)]
    doses = []
    for i, (m, parts, amount_end) in enumerate(read):
        next_start = read[i + 1][0].start() if i + 1 < len(read) else len(text)
        sentence_end = _SENTENCE_END.search(text, amount_end)
        end = sentence_end.start() if sentence_end else len(text)
        dose = _dose(m, text, parts, amount_end, _window_end(read, leads, i, end))
        if dose is not None and leads[i] and dose.per_day is None and not dose.unit.endswith(RATES) \
                and _lead_is_own(text, read, leads, i, end):
            dose = _changed(dose, per_day=leads[i].per_day, per_time=leads[i].total)
        if dose is not None:
            previous_end = read[i - 1][2] if i else 0
            route = route_of(text, m.start(), amount_end, previous_end, next_start)
            form = _product_form(text, m.start(), amount_end, previous_end)
            dose = _in_context(text, dose, variable, route, min(next_start, end), form)
            doses.extend(_listed_before(text, dose))
            doses.append(dose)
    doses = _with_equivalents(text, doses)
    if any(d.unit.endswith(RATES) for d in doses):
        doses = _infusions_loaded(text, doses)
    if apart:
        # "AUC=5 mg.min/ml": the target's number is no amount in mg
        doses = sorted([d for d in doses if not any(a.start <= d.start < a.end for a in apart)] + apart,
                       key=lambda d: d.start)
    return tuple(doses)


def _window_end(read: list, leads: list[Lead | None], i: int, sentence_end: int) -> int:
    """Where the frequency of the i-th amount read may end: before the next amount or the frequency tied to it
    ("Pembrolizumab 200 mg and lenvatinib once daily at 20 mg": "once daily" is lenvatinib's), its sentence's end,
    and FREQUENCY_WINDOW on."""
    end = min(sentence_end, read[i][2] + FREQUENCY_WINDOW)
    if i + 1 < len(read):
        end = min(end, leads[i + 1].start if leads[i + 1] else read[i + 1][0].start())
    return end


def _lead_is_own(text: str, read: list, leads: list[Lead | None], i: int, sentence_end: int) -> bool:
    """Whether the frequency tied to the i-th amount is its own, not shared with the amounts after it in its
    sentence that state none ("weekly at 150 mg/m2 on day 1 and 100 mg/m2 on day 8", "once daily at 2 mg/kg or
    4 mg/kg", "once daily (100 mg d1, 200 mg d2, 400 mg d3-28)"), nor a cycle's given on several of its days ("every
    3 weeks at 75 mg/m2 on days 1 and 8")."""
    amount_end = read[i][2]
    if 1 / leads[i].per_day >= CYCLE_DAYS_LEAST and _CYCLE_DAYS.search(text, amount_end, sentence_end):
        return False
    j = i + 1
    if j == len(read) or read[j][0].start() >= sentence_end or leads[j]:
        return True
    if read[j][0].group("per_time"):
        return True
    following_end = _SENTENCE_END.search(text, read[j][2])
    window_end = _window_end(read, leads, j, following_end.start() if following_end else len(text))
    return _frequency(text[read[j][2]:window_end], text)[0] is not None


def _infusions_loaded(text: str, doses: list[Dose]) -> list[Dose]:
    """The doses, an amount before an infusion's rate in its sentence read as the infusion's load: a bolus ("0.5 mg/kg
    bolus then 0.1 mg/kg/h") is its loading dose, and the rate after a loading dose ("loading dose 0.5 mg/kg,
    infusion 0.2 mg/kg/h") is not, unless a phase is named again before it."""
    for i in range(len(doses) - 1):
        load, rate = doses[i], doses[i + 1]
        if load.unit.endswith(RATES) or not rate.unit.endswith(RATES) or _SENTENCE_END.search(text, load.end,
                                                                                                 rate.start):
            continue
        if load.phase is None and load.bolus:
            doses[i] = load = _changed(load, phase=LOADING)
        if load.phase == rate.phase == LOADING and not phase_named_between(text, load.end, rate.start):
            doses[i + 1] = _changed(rate, phase=None)
    return doses


def _amounts_read(text: str) -> list[tuple[re.Match, tuple[float, ...], int]]:
    """Each amount of the text with its ratio's amounts and where it ends; an amount inside another's ratio
    ("400 mg / 100 mg") and a ratio that is no dose are left out."""
    read, covered = [], 0
    for m in _DOSE.finditer(text):
        if m.start() < covered or "," in m.group("low") and _listed_or_thousands(m.group("low")):
            continue
        ratio = _ratio(m, text)
        if ratio is not None:
            read.append((m, *ratio))
            covered = ratio[1]
    return read


def _with_equivalents(text: str, doses: list[Dose]) -> list[Dose]:
    """The doses, each said to be equivalent to the next ("43.4 mg atorvastatin calcium, equivalent to 40 mg
    atorvastatin") read as that amount too; a salt's amount is also read as the element's given after it
    ("325 mg (65 mg elemental iron)")."""
    for i, first in enumerate(doses):
        second = doses[i + 1] if i + 1 < len(doses) else None
        if second and (first.unit == second.unit and equivalent_between(text, first.end, second.start)
                       or second.unit == f"{first.unit} {ELEMENT}" and _ELEMENT_BETWEEN.fullmatch(text, first.end,
                                                                                                 second.start)):
            doses[i] = first = _changed(first, readings=first.readings + ((second.low, second.high),))
    return doses


# What stands between a salt's amount and its element's: "325 mg (65 mg elemental iron)", "220 mg, providing 50 mg".
_ELEMENT_BETWEEN = re.compile(r"\s*[(,]\s*(?:=\s*|equivalent\s+to\s+|containing\s+|providing\s+|i\.e\.\s*)?", re.I)


# "0, 15 or 30 mg", "25, 100 & 400 mcg": amounts listed before the one that carries the unit.
_LIST_BEFORE = re.compile(
    rf"(?<![\w.,/])((?:(?:{_NUM})\s*(?:,\s*(?:or\s+|and\s+|&\s*)?|\s+or\s+|\s+and\s+|\s*&\s*))+)$", re.I)


# What numbers days, weeks or cycles ("on day 1, 80 mg on days 2 and 3", "at week 0 and 80 mg at week 2", "on day
# +1 and 10 mg/m2"): the numbers after it are no amounts listed before a dose.
_TIME_NUMBERED = re.compile(r"\b(?:days?|d|weeks?|wks?|months?|cycles?|visits?)\s*[+-]?\s*$", re.I)


def _listed_before(text: str, dose: Dose) -> list[Dose]:
    if dose.low != dose.high or dose.parts:
        return []
    m = _LIST_BEFORE.search(text[max(0, dose.start - 40):dose.start])
    if not m:
        return []
    start = dose.start - len(m.group(1))
    if _TIME_NUMBERED.search(text, max(0, start - 12), start):
        return []
    stated = _number(re.match(_NUM, dose.text).group(0))
    factor = dose.low / stated if stated else _BASE.get(dose.unit.split("/")[0], ("", 1.0))[1]
    amounts = [_number(n) * factor for n in re.findall(_NUM, m.group(1))]
    return [_changed(dose, low=a, high=a, start=start, text=text[start:dose.end], readings=()) for a in amounts]


# A total's period written in the amount ("140 mg/day", "15 mg per week").
_PERIOD_STATED = re.compile(r"(?:/|per\s+)\s*(?:d|day|24\s*h|wk|week)\s*$", re.I)


def _period_label(per_day: float) -> str:
    """The period a total is given over: 'a day', 'a week' or 'every N days'."""
    return {1.0: "a day", 1 / 7: "a week"}.get(per_day, f"every {round(1 / per_day)} days")


def describe(dose: Dose) -> str:
    """A dose as text: '2 mg once daily', '10-15 mg daily'."""
    amount = f"{dose.low:g}" if dose.low == dose.high else f"{dose.low:g}-{dose.high:g}"
    if len(dose.parts) > 1 and dose.parts[0]:  # a ratio, a count multiplying each of its amounts
        amount = "/".join(f"{p * dose.low / dose.parts[0]:g}" for p in dose.parts)
    return f"{amount} {dose.unit}" + (f" {frequency_label(dose.per_day)}" if dose.per_day else "")


def frequency_label(per_day: float) -> str:
    """'once daily', 'twice daily', 'once weekly', 'three times weekly' or 'every N days'."""
    labels = {1.0: "once daily", 2.0: "twice daily", 3.0: "three times daily", 4.0: "four times daily"}
    if per_day in labels:
        return labels[per_day]
    if per_day > 1:  # "every 4 hours", "5 times daily"
        hours = 24 / per_day
        return f"every {hours:g} hours" if abs(hours - round(hours)) < 1e-6 else f"{per_day:g} times daily"
    weekly = per_day * 7
    if 1 < weekly < 7 and abs(weekly - round(weekly)) < 1e-6:
        return {2: "twice weekly", 3: "three times weekly"}.get(round(weekly), f"{round(weekly)} times weekly")
    days = round(1 / per_day)
    return {7: "once weekly", 14: "every 2 weeks", 30: "monthly"}.get(days, f"every {days} days")
