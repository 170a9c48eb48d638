"""One stated dose (`Dose`) and whether two doses state the same: unit, regimen phase, route and product, amounts
(a ceiling, a total over a period, a whole of several sites, an inhaler's metered or delivered dose) and
frequency."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.dose_frequency import frequency_label
from checks.dose_products import FORM_ROUTES


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
            return text if PERIOD_STATED.search(self.text) else f"{text} {_period_label(self.per_day)}"
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


# A total's period written in the amount ("140 mg/day", "15 mg per week").
PERIOD_STATED = re.compile(r"(?:/|per\s+)\s*(?:d|day|24\s*h|wk|week)\s*$", re.I)


def _period_label(per_day: float) -> str:
    """The period a total is given over: 'a day', 'a week' or 'every N days'."""
    return {1.0: "a day", 1 / 7: "a week"}.get(per_day, f"every {round(1 / per_day)} days")
