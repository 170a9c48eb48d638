"""A regimen's steps against a dose the other text states: the step a regimen goes on at, an opening amount given
at the same numbered weeks or days, and administrations that together make up the other text's one amount."""
from __future__ import annotations

import re
from dataclasses import replace

from checks.arm_dose_agreement import ROUNDING
from checks.arm_loading_doses import times_after
from checks.arm_stated_doses import StatedDose
from checks.arm_strengths import single_amount
from checks.dose_agreement import LOADING
from checks.dose_text import parse_doses
from checks.dose_product_phrases import serving_parts

MAINTENANCE = "maintenance"


def goes_on_at(step: StatedDose, regular: StatedDose, steps: list[StatedDose], regulars: list[StatedDose]) -> bool:
    """Whether a regimen's later step ("160 mg at week 0, 80 mg at week 2, then 40 mg every other week", "600 mg
    loading dose followed by 75 mg daily") is compared with a dose the other text gives at a frequency and in no
    named role ("40 mg every week", "150 mg daily"): a regimen given in full goes on at its later step, and a text
    naming no role gives the dose its drug goes on at. Not where the step's text names no earlier role of the drug
    ("20 mg daily (maintenance)" alone), as a text naming no role may give the induction then."""
    if step.dose.phase != MAINTENANCE or regular.dose.phase is not None or not step.dose.per_day \
            or not regular.dose.per_day or not step.dose.comparable(replace(regular.dose, phase=MAINTENANCE)):
        return False
    if any(d.dose.phase is not None for d in regulars if d.text == regular.text):
        return False
    return any(d.dose.phase not in (None, MAINTENANCE) and d.dose.start < step.dose.start
               for d in steps if d.text == step.text)


def steps_up_to(step: StatedDose, other: StatedDose) -> bool:
    """Whether an amount in no named role is an earlier step of a regimen its text goes on from to the dose the
    other text gives ("4mg tablet once daily for 3 days followed by 8mg tablet once daily for 3 days" against
    "fesoterodine 8mg"): the other text names the dose the titration reaches. The later step is read from the
    text itself, as an amount its intervention's name states too is left out of its doses."""
    if step.dose.phase is not None:
        return False
    return any(d.phase == MAINTENANCE and d.start > step.dose.start
               and replace(d, phase=other.dose.phase).matches(other.dose) for d in parse_doses(step.text))


def at_same_times(a: StatedDose, b: StatedDose) -> bool:
    """Whether a regimen's opening amount and an amount the other text names in no role are given at the same
    numbered weeks or days ("600 mg IV at weeks 0, 4 and 8, then 360 mg SC" against "1200 mg IV at weeks 0, 4
    and 8"): they are one administration's."""
    if {a.dose.phase, b.dose.phase} != {LOADING, None} or a.dose.per_day is not None or b.dose.per_day is not None \
            or not a.dose.comparable(replace(b.dose, phase=a.dose.phase)):
        return False
    times = times_after(a.text, a.dose, len(a.text))
    return times is not None and times[:2] == (times_after(b.text, b.dose, len(b.text)) or ())[:2]


# The most administrations stated with no frequency that an amount of the other text may be split into.
MAX_SPLIT = 4


def split_whole(part: StatedDose, whole: StatedDose, parts: list[StatedDose]) -> bool:
    """Whether an amount given with no frequency is one of the administrations its text states with none that
    together make the other text's one amount ("1 g IV over 10 minutes, then 1 g over 8 hours" against "2 g IV"),
    or one of a serving's parts that together make it (`serving_whole`)."""
    if serving_whole(part, whole):
        return True
    if part.dose.per_day is not None or whole.dose.per_day is not None or whole.dose.low != whole.dose.high:
        return False
    given = [p for p in parts if p.text == part.text and p.dose.unit == part.dose.unit and p.dose.per_day is None]
    if not 2 <= len(given) <= MAX_SPLIT or len({p.dose.end for p in given}) < len(given) \
            or not all(single_amount(p.dose) and p.dose.low == p.dose.high for p in given):
        return False  # amounts listed as alternatives ("15 or 30 mg") share their end
    given.sort(key=lambda p: p.dose.start)
    if not all(_ONE_AFTER_ANOTHER.search(part.text, a.dose.end, b.dose.start) for a, b in zip(given, given[1:])):
        return False  # "10 mg, 20 mg": levels of a dose, not its administrations
    return abs(sum(p.dose.low for p in given) - whole.dose.low) <= whole.dose.low * (ROUNDING - 1)


def serving_whole(part: StatedDose, whole: StatedDose) -> bool:
    """Whether the amount is one of a serving's parts, products of one noun listed together, that make the other
    text's one amount ("5 grams wheat pasta and 33 grams gluten-free pasta" against "a serving of 38 grams wheat-
    containing pasta"), both texts giving it at one frequency or one of them at none."""
    if whole.dose.low != whole.dose.high or part.dose.per_day and whole.dose.per_day \
            and part.dose.per_day != whole.dose.per_day:
        return False
    parts = serving_parts(part.text, part.dose)
    return bool(parts) and all(p.unit == whole.dose.unit for p in parts) \
        and abs(sum(p.low for p in parts) - whole.dose.low) <= whole.dose.low * (ROUNDING - 1)


# What joins administrations given one after another ("1 g over 10 minutes, then 1 g over 8 hours", "50 mcg at
# induction and 50 mcg at incision"), not alternatives ("15 or 30 mg").
_ONE_AFTER_ANOTHER = re.compile(r"\b(?:then|followed\s+by|and|plus|thereafter|subsequently)\b(?![^\d]*\bor\b)", re.I)
