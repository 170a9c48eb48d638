"""Whether an arm's and an intervention's doses agree, and whether doses that agree leave a disagreement unsure: the
slack for rounding, a daily total's parts, ceilings, regimen phases and units that tell kinds of dose apart."""
from __future__ import annotations

from dataclasses import replace

from checks.arm_stated_doses import StatedDose
from checks.dose_agreement import Dose


def _part_of_total(single: Dose, total: Dose) -> bool:
    """Whether an amount given with no frequency ("12 g Vitamin C will be infused") may be one of several
    administrations making up a daily total stated elsewhere ("24 g per day", NCT05694975): a whole part of it."""
    if single.per_day is not None or not total.per_time or total.per_day != 1.0 or single.low <= 0:
        return False
    times = total.low / single.low
    return total.low == total.high and single.low == single.high and 2 <= round(times) <= 12 \
        and abs(times - round(times)) < 1e-6


def _day_of(amount: Dose, given: Dose) -> bool:
    """Whether an amount named with no frequency ("800mg LM11A-31-BHS") is the day's total of a dose given several
    times a day ("400 mg twice daily"): an arm's or a product's dose level is often named by its day's amount."""
    if amount.unit != given.unit or amount.per_day is not None or amount.single is not None or amount.parts \
            or amount.whole or amount.ceiling or amount.per_site:
        return False
    if not given.per_day or given.per_time or given.per_day < 2 or given.per_day != round(given.per_day):
        return False
    day = (given.low * given.per_day, given.high * given.per_day)
    return day[0] <= amount.high * ROUNDING and amount.low <= day[1] * ROUNDING


def agreeing_doses(arm_doses: list[StatedDose], iv_doses: list[StatedDose]) -> list[tuple[Dose, Dose]]:
    """The arm's and the intervention's doses that agree; a dose within a ceiling that caps its own text's dose
    ("30 mg every 6 hours, max 120 mg/day") agrees with the ceiling only, not with that text's dose."""
    agreeing = [(a.dose, i.dose) for a in arm_doses for i in iv_doses
                if _may_agree(a.dose, i.dose) and agree(a.dose, i.dose)]
    if any(a.ceiling != i.ceiling for a, i in agreeing):
        agreeing = [(a, i) for a, i in agreeing
                    if a.ceiling == i.ceiling or not _caps_own_dose(a, arm_doses) and not _caps_own_dose(i, iv_doses)]
    return agreeing


def _caps_own_dose(ceiling: Dose, doses: list[StatedDose]) -> bool:
    """Whether a ceiling is the day's or the course's most of its own text's dose ("30 mg every 6 hours, max
    120 mg/day"): the dose is the text's, and a dose within the ceiling agrees with no more than the ceiling. A
    ceiling above the text's dose ("500 mg once daily up to 2000 mg daily") is where titration may take it."""
    if not ceiling.ceiling:
        return False
    as_amount = replace(ceiling, ceiling=False)
    return any(not d.dose.ceiling and d.dose.unit == ceiling.unit and as_amount.matches(d.dose) for d in doses)


def agree(a: Dose, b: Dose) -> bool:
    """Whether two doses state the same dose, or one is a whole part of the other's daily total or, named with no
    frequency, the day's total of the other's administrations."""
    return a.matches(b) or _part_of_total(a, b) or _part_of_total(b, a) or _day_of(a, b) or _day_of(b, a)


# The slack allowed when amounts are compared, for rounding.
ROUNDING = 1.0001


def _below(dose: Dose, other: Dose) -> bool:
    """Whether a dose is less than another: over a day when both state a frequency ("15 mg every 6 hours" is 60 mg
    a day, "120 mg/day" 120 mg), else as amounts."""
    if dose.per_day and other.per_day:
        return dose.high * dose.per_day * ROUNDING < other.low * other.per_day
    return dose.high * ROUNDING < other.low


# The unit of a volume given with no amount per body size or time ("20 mL", "in 500 mL").
VOLUME = "ml"


def hides(agreed: tuple[Dose, Dose], differing: tuple[Dose, Dose], both_ceilings: bool) -> bool:
    """Whether doses that agree leave a disagreement unsure: they may be the same kind of dose said otherwise. The
    texts tell kinds apart by unit (an infusion's rate, an amount per kg or m2, a flat amount: "4 g loading dose,
    then 1 g/h" against "4 g load, then 2 g/h"), by a regimen phase all four doses name ("800 mg loading, then
    400 mg" against "800 mg loading, then 600 mg"), by a total over a day beside administrations on both sides,
    and, when both texts state a ceiling, by whether each dose is
    one ("2 mg, maximum 10 mg" against "4 mg, maximum 10 mg"). A volume is not a kind of its own: beside an amount
    that agrees it may be a diluent's ("1 g in 100 mL" against "1 g diluted in 250 mL")."""
    if agreed[0].unit != differing[0].unit and differing[0].unit != VOLUME:
        return False
    if (agreed[0].per_time or agreed[1].per_time) and not (agreed[0].ceiling or agreed[1].ceiling) \
            and not (differing[0].per_time or differing[1].per_time) and differing[0].per_day and differing[1].per_day:
        return False  # daily totals that agree, administrations that differ ("200 mg twice daily (400 mg/day)")
    phases = {agreed[0].phase, agreed[1].phase}
    if None not in phases and differing[0].phase is not None and differing[0].phase not in phases:
        return False
    if agreed[0].ceiling != agreed[1].ceiling and not differing[0].ceiling and not differing[1].ceiling:
        # "40 mg/day; max. 60 mg/day" against "20 mg daily": a dose within the ceiling but below the text's own
        # dose is no step of a titration from that dose
        own, other = differing if agreed[0].ceiling else differing[::-1]
        if _below(other, own):
            return False
    return not both_ceilings or (agreed[0].ceiling, agreed[1].ceiling) == (differing[0].ceiling, differing[1].ceiling)


def _may_agree(a: Dose, b: Dose) -> bool:
    """Whether two doses may state the same dose: comparable, or so but for a regimen phase only one of them names
    (an arm's "10 mg twice daily for 7 days, then 5 mg twice daily" against an intervention's "5 mg twice daily")."""
    return a.comparable(b) or (None in (a.phase, b.phase) and a.comparable(replace(b, phase=a.phase)))
