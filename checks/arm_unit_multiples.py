"""An amount that is one unit's strength against the other text's dose of several units: a count of units before it
in its sentence ("2 tablets of Advil PM (ibuprofen 200 mg and diphenhydramine citrate 38 mg)" against "Ibuprofen
400 mg / Diphenhydramine citrate 76 mg"; "4 actuations (two per nostril) of 80 µg" against "320 micrograms per day"),
or units listed after it with no count ("Metformin 250 mg, tablets, orally, twice or three times daily" against
"Metformin 500mg BID or 750mg TID")."""
from __future__ import annotations

import re

from checks.arm_stated_doses import StatedDose
from checks.dose_context import COUNT, FORMS, UNIT_QUALIFIER, count

# A count of units, an aside in brackets allowed after them, before what they hold: "2 tablets of", "4 actuations
# (two per nostril) of", "two capsules containing".
_UNITS_COUNTED = re.compile(rf"(?<![\w.,/]){COUNT}\s+(?:{UNIT_QUALIFIER}\s+)?(?:{FORMS}|actuations?)"
                            rf"(?:\s*\([^()]{{1,30}}\))?\s+(?:of|containing|each)\b", re.I)
# ... or counted in brackets right before the amount ("Tablets (n=5), 150 mg", NCT01336738), or a number right before
# the amount, the product's name between, with the units named after it ("4 Dynacirc CR 5mg tablets", NCT00909545;
# "2 40mg tablets"), not a day's, a week's or a group's number ("Day 4 5mg tablets").
_UNITS_NUMBERED = re.compile(rf"{FORMS}\s*\(\s*n\s*=\s*(?P<n>\d{{1,2}})\s*\)\s*,?\s*$", re.I)
_NUMBER_AND_NAME = re.compile(r"(?<![\w.,/])(?<!\+)(?P<n>\d{1,2})\s+(?:[a-z][\w-]*\s+){0,3}$", re.I)
_NUMBERED_TIME = re.compile(r"\b(?:days?|d|weeks?|wks?|months?|cycles?|visits?|groups?|arms?|cohorts?|parts?|steps?"
                            r"|periods?|phases?|levels?)\s*$", re.I)
_SENTENCE_BREAK = re.compile(r"[.;](?:\s|$)|\n")
# Units listed after an amount as a label lists its product's strength, form and route, with no count ("Metformin 250
# mg, tablets, orally, twice or three times daily", NCT01318109), or named right after it where the text gives no
# frequency ("apricoxib: 100mg tablets, given orally", NCT00709826). Units named right after the amount with a
# frequency ("2.5 mg film-coated tablets twice daily") give the dose itself.
_UNITS_LISTED_AFTER = re.compile(rf"\s*,\s*(?:{UNIT_QUALIFIER}\s+)?(?=[a-z]+s\b){FORMS}\s*,", re.I)
_UNITS_AFTER = re.compile(rf"\s*(?:{UNIT_QUALIFIER}\s+)?(?=[a-z]+s\b){FORMS}\b", re.I)
# How many units of a strength listed with no count a dose may be taken as.
UNITS_TAKEN = (2, 3, 4)
ROUNDING = 1.01


def _counted_units(stated: StatedDose) -> int | None:
    """The count of units stated before the amount in its sentence, when the amount was not read with one."""
    if stated.dose.single is not None:
        return None
    before = stated.text[:stated.dose.start]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    sentence = before[breaks[-1].end():] if breaks else before
    if m := _UNITS_NUMBERED.search(sentence):
        return int(m.group("n"))
    m = _NUMBER_AND_NAME.search(sentence)
    if m and _UNITS_AFTER.match(stated.text, stated.dose.end) and not _NUMBERED_TIME.search(sentence, 0, m.start()):
        return int(m.group("n"))
    counted = list(_UNITS_COUNTED.finditer(sentence))
    return count(counted[-1].group("n")) if counted else None


def _times(unit: StatedDose, whole: StatedDose, counts: tuple[int, ...]) -> bool:
    """Whether the whole's amount is one of the counts times the unit's."""
    x, y = unit.dose, whole.dose
    if x.unit != y.unit or x.low <= 0:
        return False
    return any(abs(y.low / (x.low * n) - 1) <= ROUNDING - 1 and abs(y.high / (x.high * n) - 1) <= ROUNDING - 1
               for n in counts)


def units_of(unit: StatedDose, whole: StatedDose) -> bool:
    """Whether `unit`'s amount is one unit's strength and `whole`'s the dose of several: counted units at the same
    frequency (or one text stating none), or units in the plural with no count, listed ("250 mg, tablets, orally") or
    named where no frequency is ("100mg tablets, given orally"), and a dose of two to four of them."""
    x, y = unit.dose, whole.dose
    if (units := _counted_units(unit)) and units > 1:
        same_times = x.per_day is None or y.per_day is None or abs(x.per_day - y.per_day) < 1e-6
        return same_times and _times(unit, whole, (units,))
    listed = _UNITS_LISTED_AFTER.match(unit.text, x.end) or x.per_day is None and _UNITS_AFTER.match(unit.text, x.end)
    return x.single is None and bool(listed) and _times(unit, whole, UNITS_TAKEN)
