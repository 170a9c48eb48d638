"""Parse doses in free text: amount (or range), unit, per-body-size and frequency; never raises.

A dose is what a participant takes at once: a unit strength ("50 mg/capsule") is not a dose
unless a count multiplies it ("two tablets (alendronate 10 mg)" is 20 mg). Each dose keeps
the regimen phase it belongs to (loading, maintenance, induction...) and whether its text
describes doses that vary by design (escalation cohorts, titration).

How each part of a dose is read is in the modules beside this one: `dose_amounts` (an amount as written and the
dose it states), `dose_frequency` (the frequency after an amount, and its words), `dose_frequency_before` (a
frequency before an amount and tied to it), `dose_frequency_before_name` (a frequency right before the drug's
name before an amount), `dose_agreement` (the `Dose` and whether two agree), `dose_products`
(the product an amount is of), `dose_concentrations` (concentrations in percent) and `dose_target_aucs` (a target
AUC). What the words around an amount say is read in `dose_context` and the modules its docstring names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checks.dose_agreement import LOADING, PERIOD_STATED, RATES, Dose
from checks.dose_amounts import BASE, NUM, amounts_read, dose_of, number_of
from checks.dose_concentrations import percents
from checks.dose_conditions import later_schedule
from checks.dose_counts import TIMES_BEFORE, count_after, count_before
from checks.dose_frequency import SENTENCE_END, frequency_label
from checks.dose_frequency_before import frequency_window_end, lead_is_own
from checks.dose_frequency_before_name import leads_read
from checks.dose_phases import bolus, phase_named_between, phase_of, role_after
from checks.dose_products import product_form
from checks.dose_routes import route_of
from checks.dose_salts import equivalent_between, of_the_element
from checks.dose_strengths import unit_strength
from checks.dose_target_aucs import target_aucs
from checks.dose_totals import divided_after, per_site, period_total_before, whole_amount
from checks.dose_varying import ceiling, fixed_amounts, floor, variable_dosing

_DIGIT = re.compile(r"\d")


# The unit's mark on an amount of the element a salt carries ("65 mg elemental iron"): compared only with its like.
ELEMENT = "elemental"


@lru_cache(maxsize=8192)  # the same intervention text is read for every arm that receives it
def parse_doses(text: str | None, names: frozenset[tuple[str, str]] = frozenset()) -> tuple[Dose, ...]:
    """Every dose stated in a text, in order; () for None or text without doses. `names` are the study's drug words
    the text writes, each with its drug's name (`names_read_with`), where the reading needs them: a frequency right
    before a drug's name ("weekly paclitaxel at 50 mg/m2") and the drug a text escalates."""
    if not text or not _DIGIT.search(text):  # every dose has an amount in digits
        return ()
    read = amounts_read(text)
    if not read and "%" not in text and "AUC" not in text:
        return ()
    variable = variable_dosing(text)
    drugs = dict(names)
    # another drug's one amount beside the drug a text escalates, compared as a fixed dose
    fixed = fixed_amounts(text, [(m.start(), amount_end) for m, _, amount_end in read], drugs) if variable \
        else frozenset()
    # concentrations and target AUCs, each compared only with its like
    apart = (percents(text, variable) if "%" in text else []) + (target_aucs(text, variable) if "AUC" in text else [])
    leads = leads_read(text, read, drugs)
    doses = []
    for i, (m, parts, amount_end) in enumerate(read):
        next_start = read[i + 1][0].start() if i + 1 < len(read) else len(text)
        sentence_end = SENTENCE_END.search(text, amount_end)
        end = sentence_end.start() if sentence_end else len(text)
        dose = dose_of(m, text, parts, amount_end, frequency_window_end(read, leads, i, end))
        if dose is not None and leads[i] and dose.per_day is None and not dose.unit.endswith(RATES) \
                and lead_is_own(text, read, leads, i, end, drugs):
            dose = _changed(dose, per_day=leads[i].per_day, per_time=leads[i].total)
        if dose is not None:
            previous_end = read[i - 1][2] if i else 0
            route = route_of(text, m.start(), amount_end, previous_end, next_start)
            form = product_form(text, m.start(), amount_end, previous_end)
            dose = _in_context(text, dose, variable and i not in fixed, route, min(next_start, end), form)
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
    if dose.per_time and PERIOD_STATED.search(dose.text) \
            and _CONTAINED.search(text, max(0, dose.start - CONTAINED_LOOKBACK), dose.start):
        # "2 capsules containing 750 mg/d": units said to contain an amount a day make up that day's total
        return _changed(dose, **changes)
    counted = count_before(text, dose.start, dose.end)
    if counted and not counted[2]:  # "10 drops daily (4000 IU)": 4000 IU, or 4000 IU a drop
        return _changed(dose, readings=dose.readings + ((dose.low * counted[0], dose.high * counted[0]),), **changes)
    if counted:
        n, start, _ = counted
        # "3 x 100 µg in three weeks" may be three administrations of 100 µg: one of them is kept too.
        single = (dose.low, dose.high) if TIMES_BEFORE.match(text, start) else None
        # a bound before the count bounds the units' total: "up to three 0.58 mg injections"
        changes["ceiling"] = changes["ceiling"] or ceiling(text, start, dose.end)
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


# What units are said to hold, right before an amount ("containing", "contain a total of").
_CONTAINED = re.compile(r"\bcontain(?:s|ing)?\s+(?:(?:a\s+)?total\s+(?:of\s+)?)?$", re.I)
CONTAINED_LOOKBACK = 30


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


def _infusions_loaded(text: str, doses: list[Dose]) -> list[Dose]:
    """The doses, an amount before an infusion's rate in its sentence read as the infusion's load: a bolus ("0.5 mg/kg
    bolus then 0.1 mg/kg/h") is its loading dose, and the rate after a loading dose ("loading dose 0.5 mg/kg,
    infusion 0.2 mg/kg/h") is not, unless a phase is named again before it."""
    for i in range(len(doses) - 1):
        load, rate = doses[i], doses[i + 1]
        if load.unit.endswith(RATES) or not rate.unit.endswith(RATES) or SENTENCE_END.search(text, load.end,
                                                                                                rate.start):
            continue
        if load.phase is None and load.bolus:
            doses[i] = load = _changed(load, phase=LOADING)
        if load.phase == rate.phase == LOADING and not phase_named_between(text, load.end, rate.start):
            doses[i + 1] = _changed(rate, phase=None)
    return doses


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
    rf"(?<![\w.,/])((?:(?:{NUM})\s*(?:,\s*(?:or\s+|and\s+|&\s*)?|\s+or\s+|\s+and\s+|\s*&\s*))+)$", re.I)


# What numbers days, weeks or cycles ("on day 1, 80 mg on days 2 and 3", "at week 0 and 80 mg at week 2", "on day
# +1 and 10 mg/m2"): the numbers after it are no amounts listed before a dose.
_TIME_NUMBERED = re.compile(r"\b(?:days?|d|weeks?|wks?|months?|cycles?|visits?)\s*[+-]?\s*$", re.I)


def _listed_before(text: str, dose: Dose) -> list[Dose]:
    """The amounts listed right before a dose's own ("10, 20 or 40 mg"), each a dose of its unit; none before a dose
    counted in words ("Cohort 3, two tablets of 5 mg": the 3 is no amount of its tablets)."""
    stated = re.match(NUM, dose.text)
    if dose.low != dose.high or dose.parts or stated is None:
        return []
    m = _LIST_BEFORE.search(text[max(0, dose.start - 40):dose.start])
    if not m:
        return []
    start = dose.start - len(m.group(1))
    if _TIME_NUMBERED.search(text, max(0, start - 12), start):
        return []
    stated = number_of(stated.group(0))
    factor = dose.low / stated if stated else BASE.get(dose.unit.split("/")[0], ("", 1.0))[1]
    amounts = [number_of(n) * factor for n in re.findall(NUM, m.group(1))]
    return [_changed(dose, low=a, high=a, start=start, text=text[start:dose.end], readings=()) for a in amounts]


def describe(dose: Dose) -> str:
    """A dose as text: '2 mg once daily', '10-15 mg daily'."""
    amount = f"{dose.low:g}" if dose.low == dose.high else f"{dose.low:g}-{dose.high:g}"
    if len(dose.parts) > 1 and dose.parts[0]:  # a ratio, a count multiplying each of its amounts
        amount = "/".join(f"{p * dose.low / dose.parts[0]:g}" for p in dose.parts)
    return f"{amount} {dose.unit}" + (f" {frequency_label(dose.per_day)}" if dose.per_day else "")
