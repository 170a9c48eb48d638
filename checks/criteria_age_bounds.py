"""How inclusion criteria write an age bound ("≥ 18 years", "aged 18-65", "between 18 and 65", "6-24 meses"): the
units, the signs written one way, the forms of bound, and the Age, Bound and Statement they are read into."""
from __future__ import annotations

import re
from typing import NamedTuple

# Mean length in days of each unit the registry writes ages in (as the SQL macro age_in_days), and how far one such
# age may lie from its mean as a calendar length (a month is 28 to 31 days, a year 365 or 366).
UNIT_DAYS = {"year": 365.25, "month": 30.4375, "week": 7.0, "day": 1.0, "hour": 1 / 24, "minute": 1 / 1440}
UNIT_SLACK = {"year": 0.75, "month": 2.5}
# How the criteria write each unit (lower case), and what they mean: in English, and as records written in or
# translated from Spanish, Portuguese, French, German, Italian and Dutch keep them ("6-24 meses", "1-12 Monate").
_UNIT_WORDS = {"y": "year", "yr": "year", "yrs": "year", "year": "year", "years": "year", "month": "month",
               "months": "month", "mo": "month", "mos": "month", "mth": "month", "mths": "month", "week": "week",
               "weeks": "week", "wk": "week", "wks": "week", "day": "day", "days": "day", "hour": "hour",
               "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour", "minute": "minute", "minutes": "minute",
               "min": "minute", "mins": "minute"}
_LOCAL_UNIT_WORDS = {"year": ("años", "año", "anos", "ano", "ans", "jahre", "jahren", "jahr", "anni", "jaar"),
                     "month": ("meses", "mes", "mois", "monate", "monaten", "monat", "mesi", "maanden"),
                     "week": ("semanas", "semana", "semaines", "semaine", "wochen", "woche", "settimane", "weken"),
                     "day": ("días", "dias", "día", "dia", "jours", "jour", "tage", "tagen", "giorni", "dagen")}
_UNIT_WORDS.update({word: unit for unit, words in _LOCAL_UNIT_WORDS.items() for word in words})


# The signs and words of bounds, written one way (markdown escapes "\<", symbols ">/=", "=<", dashes).
_SPELLINGS = ((re.compile(r"\\([<>=\-])"), r"\1"), (re.compile(r">\s*/?\s*=|=>|\u2267|\uff1e="), "\u2265"),
              (re.compile(r"<\s*/?\s*=|=<|\u2266|\uff1c="), "\u2264"), (re.compile(r"[\u2013\u2014~\uff5e]"), "-"),
              (re.compile(r"\uff1e"), ">"), (re.compile(r"\uff1c"), "<"))
# Every character a pattern of `_SPELLINGS` opens with: a criterion that holds none is written one way already.
_SPELLING_SIGN = re.compile(r"[\\<>=~\u2013\u2014\u2266\u2267\uff1c\uff1e\uff5e]")
# A number of one to three digits, not part of a longer number or a decimal's fraction: the character before its
# first digit is looked behind from after that digit, so a search tries the look-behind only at digits.
_NUM = r"(\d(?<![\d.,]\d)\d{0,2}(?:\.\d{1,2})?)(?!\d|[.,]\d)"
_LOCAL_UNIT = "|".join(word for words in _LOCAL_UNIT_WORDS.values() for word in words)
_UNIT = (rf"(?:\s*-?(years?|yrs?|y|months?|mos?|mths?|weeks?|wks?|days?|hours?|hrs?|h|minutes?|mins?|{_LOCAL_UNIT})"
         r"\b\.?)?")
# A letter after an age that may be a unit but says not which ("0-6 m", "18 d", "12 w"): the age is not read.
UNREAD_UNIT = re.compile(r"\s*-?(?:m|d|w)\b")
_OF_AGE = r"(?:\s*(?:old|of\s+age))?"
_THE_AGE_OF = r"(?:the\s+age\s+of\s+)?"
# Each form of bound: (name, pattern); the groups are number, unit (and again for a range). The order is the order
# they are tried at one place: the longer words first.
_BOUND_FORMS = (
    ("range between", rf"between\s+(?:the\s+ages?\s+of\s+)?{_NUM}{_UNIT}{_OF_AGE}\s*(?:and|-|to|&)\s*{_NUM}{_UNIT}"),
    ("lower", rf"(?:\u2265|at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|not\s+(?:less|younger)\s+than"
              rf"|no\s+(?:less|younger)\s+than|(?:greater|older|more)\s+than\s+or\s+equal\s+to"
              rf"|equal\s+to\s+or\s+(?:greater|older|more)\s+than)\s*(?:\(\s*\u2265\s*\)\s*)?{_THE_AGE_OF}"
              rf"{_NUM}{_UNIT}"),
    ("upper", rf"(?:\u2264|up\s+to|a\s+maximum\s+of|maximum(?:\s+of)?|not\s+(?:older|more)\s+than"
              rf"|no\s+(?:older|more)\s+than|not\s+exceeding|(?:less|younger)\s+than\s+or\s+equal\s+to"
              rf"|equal\s+to\s+or\s+(?:less|younger)\s+than)\s*(?:\(\s*\u2264\s*\)\s*)?{_THE_AGE_OF}"
              rf"{_NUM}{_UNIT}"),
    ("lower", rf"{_NUM}{_UNIT}{_OF_AGE}\s*(?:or|and)\s+(?:older|over|above|more|upwards?)\b"),
    ("lower", rf"{_NUM}\s*\+{_UNIT}"),  # "aged 18+", "18+ years old"
    ("upper", rf"{_NUM}{_UNIT}{_OF_AGE}\s*(?:or|and)\s+(?:younger|under|below)\b"),
    ("range strict", rf"(?:from\s+)?{_NUM}{_UNIT}{_OF_AGE}\s*(?:-|to)\s*(?:<|under|less\s+than|younger\s+than)\s*"
                     rf"{_NUM}{_UNIT}"),
    ("range inclusive", rf"(?:from\s+)?{_NUM}{_UNIT}{_OF_AGE}\s*(?:-|to)\s*\u2264\s*{_NUM}{_UNIT}"),
    ("range", rf"(?:from\s+)?{_NUM}{_UNIT}{_OF_AGE}\s*(?:-|to|until|through|thru)\s*{_NUM}{_UNIT}"),
    ("lower strict", rf"(?:>|over|above|older\s+than|more\s+than|greater\s+than)\s*{_THE_AGE_OF}{_NUM}{_UNIT}"),
    ("upper strict", rf"(?:<|under|below|younger\s+than|less\s+than)\s*{_THE_AGE_OF}{_NUM}{_UNIT}"),
)
# Every character a form of bound opens with: a digit, a sign, or the first letter of its words ("between", "from",
# "at least", "minimum", "not", "no", "greater", "older", "more", "equal", "up to", "less", "younger", "over", "above",
# "under", "below"). Looked ahead for first, it lets a search pass over every other character at once, where the
# forms (each a group, which the search cannot look into) would each be tried there.
_BOUND_OPENS = r"(?=[\dbfamngoeuly\u2265\u2264<>])"
BOUND = re.compile(_BOUND_OPENS + "(?:" + "|".join(f"(?P<f{i}>{pattern})" for i, (_, pattern)
                                                    in enumerate(_BOUND_FORMS)) + ")")


class Age(NamedTuple):
    """An age: a number and its unit ('year', 'month', ...)."""

    number: float
    unit: str

    @property
    def days(self) -> float:
        return self.number * UNIT_DAYS[self.unit]

    @property
    def slack(self) -> float:
        return UNIT_SLACK.get(self.unit, 0.0)

    def shifted(self, step: int) -> "Age":
        """The age `step` whole units later (or earlier)."""
        return Age(self.number + step, self.unit)


class Bound(NamedTuple):
    """One side of the ages a criterion allows: 'lower' or 'upper', the age, and how it is written ('inclusive',
    'strict' for "under 18" / "older than 18", 'range' for the end of "18 to 65", 'between' for either end of
    "between 18 and 65", which may be meant to leave both ends out)."""

    side: str
    age: Age
    kind: str


class Statement(NamedTuple):
    """The participants' ages one criterion states: its bounds, where the criterion stands in the text, and what
    part of the criteria states it."""

    bounds: tuple[Bound, ...]
    start: int
    end: int
    source: str = "inclusion criteria"


# A birthday counted by its ordinal at the end of a range, an age in whole years ("age 2 months to 12th birth date",
# NCT01285713; "6 months up to their 18th birthday"): the years it names, which the unit of the age before it does not
# change. Elsewhere it stays unread ("younger than 18 years of age (may enroll up to the day before their 18th
# birthday)" restates the bound, NCT00039741).
_ORDINAL_BIRTHDAY = re.compile(r"((?<![\w-])(?:to|until|through|thru)\s+|-\s*)(?:(?:the|their|his|her)\s+)?"
                               r"(\d{1,3})(?:st|nd|rd|th)\s+birth[\s-]?(?:day|date)s?\b")


def spelled(piece: str) -> str:
    """The criterion in lower case with its signs and dashes written one way (as it is when it holds none of the
    characters `_SPELLINGS` rewrite, as most criteria hold none), and a birthday counted by its ordinal that ends a
    range written as its years."""
    piece = piece.lower()
    if "birth" in piece:
        piece = _ORDINAL_BIRTHDAY.sub(r"\1\2 years", piece)
    if _SPELLING_SIGN.search(piece) is None:
        return piece
    for pattern, written in _SPELLINGS:
        piece = pattern.sub(written, piece)
    return piece


def unit_of(word: str | None) -> str | None:
    """The age unit a word names ("yrs." -> "year"), or None."""
    return _UNIT_WORDS.get(word.rstrip(".")) if word else None


def bounds_of(match: re.Match, following_unit: str | None) -> list[Bound]:
    """The bounds of one matched form; an age without its unit takes the unit written after it, else years."""
    form = match.lastgroup  # the form's group encloses every other group of its match, so it closes last
    name = _BOUND_FORMS[int(form[1:])][0]
    values = match.groups()[match.re.groupindex[form]:][:5]
    if name.startswith("range"):
        lo_n, lo_u, hi_n, hi_u = values[:4]
        hi_unit = unit_of(hi_u) or unit_of(lo_u) or following_unit or "year"
        kind = name.partition(" ")[2]
        lower_kind = "between" if kind == "between" else "inclusive"
        return [Bound("lower", Age(float(lo_n), unit_of(lo_u) or hi_unit), lower_kind),
                Bound("upper", Age(float(hi_n), hi_unit), kind or "range")]
    number, unit = values[:2]
    side, _, strict = name.partition(" ")
    return [Bound(side, Age(float(number), unit_of(unit) or following_unit or "year"),
                  "strict" if strict else "inclusive")]
