"""How an amount is written in free text: its number ("1,000", "0,5", "100,200" read as neither list nor thousands,
"14.5 5 g" split by a space), unit, body size, period and rate, a fixed combination's ratio ("400/100 mg"), and the
dose one amount states with the frequency stated after it; a content per mass or volume ("260.53ug/g") is none."""
from __future__ import annotations

import re

from checks.dose_agreement import Dose
from checks.dose_context import FORMS, UNIT_QUALIFIER
from checks.dose_frequency import frequency

# An amount: "1,000", "10 000" (a group of thousands after a space starts with 0: "Day 1 100 mg" stays 100),
# "1.000.000", "0.5", "25", and a decimal comma as European records write it ("0,5 mg/kg", "2,5 mg", "1,25 mg"): a
# comma after 0, or before one digit, or before two ending in 5, that no other number follows ("1,5,10 mg" is a list).
NUM = (r"\d{1,3}(?:[ \u00a0\u202f]0\d\d)+(?!\d)(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
       r"|(?:0,\d{1,3}|[1-9]\d{0,2},\d|[1-9],\d5)(?!,?\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d*\.\d+|\d+")
# "5.000 IU", "2.400 mg/m2": a period may part thousands as well as decimals; either reading is the amount.
_PERIOD_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
# Units as records write them, misspelt too ("40 mgs", "50 mcgs", "5000 I.U."); a capital "U" is a unit ("10 U",
# "80 U/kg"), not the "U" of "U.S.".
_UNIT = r"mgs?|mcgs?|µg|μg|ug|ng|gm|g|iu|i\.u\.?|units?|(?-i:U)(?!\.S\b)|ml|mmol|micrograms?|milligrams?|grams?"
# The most amounts of a fixed combination read from one ratio ("150/150/200/10 mg").
MAX_PARTS = 4
# What follows an amount in a mass or volume of the product, its content or concentration and no dose: "260.53ug/g" of
# a constituent, "80 mg per gram", "20 mg per mL", "10 mg/dL", "98.66ug.g" (typed for ug/g), "80 mg ginsenosides per
# g", "mg/mmol" of a urine ratio. A number before the mass or volume ("4 mg/100 mL", a bag's) leaves the amount a dose.
_CONTENT_PER = (r"\s*(?:/|per\s+)\s*(?:dl|l|ml|lit(?:er|re)s?|mmol|g|gm|grams?)\b"
                r"|(?:\s+[a-z][\w-]*){1,2}\s+per\s+(?:ml|g|gm|grams?)\b|(?-i:[.\u00b7]gm?)(?![\w.])")
# Where an amount may start: not inside a number or a code ("AZD9291", "CD20"), but right after a drug's name written
# on to it in lower case ("Bevacizumab15mg/kg", "Sintilimab200mg"), as records typed without the space word it.
_AMOUNT_START = r"(?=[\d.])(?:(?<![\w.,/])|(?<=(?-i:[a-z]{4})))"
DOSE = re.compile(
    # A fixed combination's amounts written as a ratio before one unit ("400/100 mg"): `ratio` holds the later ones.
    rf"{_AMOUNT_START}(?P<low>{NUM})(?P<ratio>(?:\s*/\s*(?:{NUM})){{1,{MAX_PARTS - 1}}}(?=\s*(?:{_UNIT})\b))?"
    rf"\s*(?:(?P<low_unit>{_UNIT})\s*)?(?:(?:-|–|to)\s*(?P<high>{NUM})\s*)?"
    rf"(?P<unit>{_UNIT})(?:\b|(?<=\.))(?!{_CONTENT_PER})"
    r"(?P<per>\s*(?:/|per\s+)\s*(?:kg|kilograms?|m2|m²|m\^2|sq\.?\s?m|square\s+met(?:er|re)s?"
    r"|met(?:er|re)s?\s+squared)\b)?"
    r"(?P<per_time>\s*(?:/|per\s+)\s*(?:d|day|24\s*h|wk|week)\b)?"
    # A rate of infusion ("0.5 mcg/kg/h", "2 mg per hour", "0.1 mcg/kg/min") is compared with rates only.
    r"(?P<rate>\s*(?:/|per\s+)\s*(?:h|hrs?|hours?|min|minutes?)\b)?",
    re.I,
)
# Multipliers to one base unit per kind of unit.
BASE = {"mg": ("mg", 1.0), "g": ("mg", 1000.0), "gm": ("mg", 1000.0), "mcg": ("mg", 0.001),
        "µg": ("mg", 0.001), "μg": ("mg", 0.001), "ug": ("mg", 0.001), "ng": ("mg", 1e-6),
        "iu": ("iu", 1.0), "unit": ("iu", 1.0), "units": ("iu", 1.0), "ml": ("ml", 1.0),
        "mmol": ("mmol", 1.0), "microgram": ("mg", 0.001), "mgs": ("mg", 1.0), "mcgs": ("mg", 0.001),
        "i.u": ("iu", 1.0), "i.u.": ("iu", 1.0), "u": ("iu", 1.0), "micrograms": ("mg", 0.001),
        "milligram": ("mg", 1.0), "milligrams": ("mg", 1.0), "gram": ("mg", 1000.0), "grams": ("mg", 1000.0)}


# A decimal comma ("0,5", "2,5", "1,25", "0,500"): one comma, not before a group of three digits, or after 0.
_DECIMAL_COMMA = re.compile(r"0,\d+|\d+,(?:\d{1,2}|\d{4,})")


def number_of(text: str) -> float:
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


# A needle's or cannula's gauge written as "25 G" or "25G": no amount.
_GAUGE_BEFORE = re.compile(r"\b(?:needles?|cannula[es]?|catheters?)\b[^.;]{0,30}$", re.I)
_GAUGE_AFTER = re.compile(r"\s*\)?\s*(?:needles?|cannula[es]?|catheters?|gauge)\b", re.I)


def dose_of(m: re.Match, text: str, parts: tuple[float, ...], end: int, window_end: int) -> Dose | None:
    """The dose of one amount as written (ending at `end`, past a ratio's amounts `parts`), with the frequency
    stated after it before `window_end`."""
    base, factor = BASE.get(m.group("unit").lower(), (None, 0.0))
    if base is None:
        return None
    if m.group("unit") == "G" and (_GAUGE_BEFORE.search(text, max(0, m.start() - 40), m.start())
                                   or _GAUGE_AFTER.match(text, m.end())):
        return None  # "the needle (25 G) or cannula (25 G)" (NCT05691049)
    low_factor = BASE.get((m.group("low_unit") or m.group("unit")).lower(), (base, factor))[1]
    low = number_of(m.group("low")) * low_factor
    high = number_of(m.group("high")) * factor if m.group("high") else low
    single = None
    if m.group("high") and (units := _units_counted(m, text, low, high)):
        low, high, single = units * high, units * high, (high, high)
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
        per_day, total = frequency(text[end:window_end], text)
    readings, start = (), m.start()
    if not m.group("high") and not parts and _PERIOD_THOUSANDS.fullmatch(m.group("low")):
        readings = ((low * 1000, low * 1000),)
    elif not m.group("high") and not parts and (split := _split_number(m, text)):
        start, joined = split
        readings = ((joined * low_factor, joined * low_factor),)
    return Dose(min(low, high), max(low, high), unit, per_day, start, end, text[start:end].strip(),
                per_time=total, readings=readings, parts=parts, single=single)


# A count of units joined to their strength by a dash and a space, the units named after it ("200 mg (2- 100 mg oral
# tablets)", NCT00094757): two tablets of 100 mg, not a range from 2 to 100 mg. A range's low end is rarely a tenth of
# its high end or less and written so.
_COUNT_DASH = re.compile(r"(?:[2-9]|10)-\s+")
_UNITS_AFTER = re.compile(rf"\s*(?:{UNIT_QUALIFIER}\s+)?(?=[a-z]+s\b){FORMS}", re.I)
_LEAST_STRENGTH_PER_COUNT = 10


def _units_counted(m: re.Match, text: str, low: float, high: float) -> int | None:
    """The number of units when an amount read as a range is a count of units of its high end's strength."""
    if m.group("low_unit") or not _COUNT_DASH.fullmatch(text, m.start(), m.start("high")) \
            or high < low * _LEAST_STRENGTH_PER_COUNT or not _UNITS_AFTER.match(text, m.end()):
        return None
    return int(number_of(m.group("low")))


# A decimal number standing bare, one space before an amount of one or two digits: "14.5 5 g" typed for 14.55 g; not
# one listed after another amount ("10, 14.5 5 g").
_SPLIT_BEFORE = re.compile(r"(?<![\w.,/\-–])(?<!,\s)(?<!\bor\s)(?<!\band\s)(?<!&\s)(?<!\bto\s)(\d+\.\d+) $", re.I)
_SPLIT_DIGITS = re.compile(r"\d{1,2}")


def _split_number(m: re.Match, text: str) -> tuple[int, float] | None:
    """Where a number split by a space starts and the number its digits make ("14.5 5 g": 14.55), when the amount's
    digits follow a bare decimal number by one space; the amount as written may be either."""
    if not _SPLIT_DIGITS.fullmatch(m.group("low")):
        return None
    split = _SPLIT_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return (split.start(), float(split.group(1) + m.group("low"))) if split else None


# A second amount after a slash: "2 mg/4 mg", "400 mg/100 mg" (not a concentration: "4 mg/100 mL" differs in unit;
# not an amount per body size: "2 mg/4 mg/kg").
_PAIRED_AFTER = re.compile(rf"\s*/\s*(?P<amount>{NUM})\s*(?P<unit>{_UNIT})\b(?!\s*/\s*[^\d\s])", re.I)
# A ratio's amounts in a volume ("400/57 mg per 5 mL", "125/31.25 mg/5 mL"): a suspension's concentration.
_PER_VOLUME = re.compile(r"\s*(?:/|per\s+)\s*(?:\d+(?:\.\d+)?\s*)?(?:ml|l|dl|cc)\b", re.I)


def _ratio(m: re.Match, text: str) -> tuple[tuple[float, ...], int] | None:
    """A fixed combination's amounts as stated ("400/100 mg", "400 mg/100 mg": (400.0, 100.0)) and where they end,
    ((), the amount's end) for a single amount, or None for a ratio that is no dose: per body size or a rate
    ("2/4 mg/kg"), a range ("2/4-6 mg") or a concentration ("400/57 mg per 5 mL")."""
    base, factor = BASE.get(m.group("unit").lower(), (None, 0.0))
    if m.group("ratio"):
        if m.group("per") or m.group("rate") or m.group("high") or _PER_VOLUME.match(text, m.end()):
            return None
        return tuple(number_of(n) * factor for n in (m.group("low"), *_RATIO_AMOUNT.findall(m.group("ratio")))), m.end()
    slash = "/" in text[m.end():m.end() + 3]
    if not slash or m.group("high") or m.group("per") or m.group("per_time") or m.group("rate"):
        return (), m.end()
    parts, end = [number_of(m.group("low")) * factor], m.end()
    while len(parts) < MAX_PARTS and (paired := _PAIRED_AFTER.match(text, end)):
        paired_base, paired_factor = BASE.get(paired.group("unit").lower(), (None, 0.0))
        if paired_base != base:
            break
        parts.append(number_of(paired.group("amount")) * paired_factor)
        end = paired.end()
    if len(parts) < 2:
        return (), m.end()
    return None if _PER_VOLUME.match(text, end) else (tuple(parts), end)


_RATIO_AMOUNT = re.compile(NUM)


def amounts_read(text: str) -> list[tuple[re.Match, tuple[float, ...], int]]:
    """Each amount of the text with its ratio's amounts and where it ends; an amount inside another's ratio
    ("400 mg / 100 mg") and a ratio that is no dose are left out."""
    read, covered = [], 0
    for m in DOSE.finditer(text):
        if m.start() < covered or "," in m.group("low") and _listed_or_thousands(m.group("low")):
            continue
        ratio = _ratio(m, text)
        if ratio is not None:
            read.append((m, *ratio))
            covered = ratio[1]
    return read
