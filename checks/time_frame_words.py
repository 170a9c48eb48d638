"""The words of a primary outcome's time frame: its units of time and their days, its numbers (spelled ones written as
digits), and the words that say it gives no time point every participant reaches (a cap, an event, an average, an
age, a look-back)."""
from __future__ import annotations

import re

from checks.partial_dates import DAYS_PER_MONTH

# Days in each unit a time frame counts in (a month as the mean month, a year as the mean year).
UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": DAYS_PER_MONTH, "year": 365.25}

_UNIT_WORDS = (
    ("year", r"years?|yrs?"),
    ("month", r"months?|monthes|mos?|mths?|mnths?"),
    ("week", r"weeks?|wks?"),
    ("day", r"days?|d"),
    ("hour", r"hours?|hrs?|h"),
    ("minute", r"minutes?|mins?"),
)
UNIT = "(?:" + "|".join(words for _, words in _UNIT_WORDS) + r")\b"
NUMBER = r"\d+(?:\.\d+)?"
# Spelled numbers that time frames use ("Twelve months", "one-year", "six weeks").
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
SPELLED_NUMBER = (rf"\b(?:({'|'.join(_TENS)})(?:[\s-]({'|'.join(_ONES)}))?|({'|'.join({**_ONES, **_TEENS})}))")
_SPELLED = re.compile(rf"{SPELLED_NUMBER}(?=[\s-]*(?:{UNIT}))", re.I)
# Every spelled number read is below this: the SQL screen counts a spelled number as this many.
SPELLED_BOUND = 100

# Words that make a time frame a cap, an event, an average or an approximation ("around 12 months", "ca. 12 months",
# "cca 12 months", "not more than 6 months"), a window ("between 6 and 12 months", "Anytime in the period of 10
# years"), a repeated or open period, a study-level period or date ("3 years (total study period)", "enrollment
# period", "36 months (data cut-off)", "database lock"), a season or school year, a study-level or unknown anchor, an
# age (a corrected or postmenstrual one, "18 months CA", a gestational one, "36 weeks GA", "34 weeks of amenorrhea", or
# the age of the participants a time frame names: "Day 28 (infants 6-11 months)", "Day 28 (adults 18-64 years)",
# "participants ≥65 years", "65 years and older"), an open-label or long-term extension's visit ("Week 52 (OLE)",
# counted from another study's start), a horizon ("10-year risk"), a look-back ("past 12 months", "retrospective
# review") or a look-back at another study: no time point every participant reaches can be read from it. Whole words,
# words that begin so, and phrases (a word test is many times cheaper than one pattern of them all).
_NOT_A_TIME_POINT_WORDS = frozenset((
    "until", "till", "whichever", "maximum", "max", "median", "average", "mean", "about", "minimum", "estimated",
    "expected", "or", "within", "during", "throughout", "death", "died", "event", "events", "completion",
    "duration", "length", "every", "each", "yearly", "monthly", "weekly", "thereafter", "cycle", "cycles",
    "course", "courses", "intake", "accrual", "last", "enrolled", "age", "aged", "old", "born", "delivery", "onset",
    "parent", "extension", "upto", "between", "less", "around", "roughly", "nearly", "almost", "circa", "past",
    "previous", "preceding", "corrected", "pma", "risk", "ole", "lte", "cca", "appr", "dco", "older", "younger",
    "yoa"))
_NOT_A_TIME_POINT_STEMS = (
    "aprox", "approx", "washout", "progress", "surviv", "relapse", "recurren", "occurrence", "discharge", "annual",
    "recruit", "birth", "postpartum", "gestation", "pregnan", "diagnos", "transplant", "menopaus", "injur", "symptom",
    "feeder", "retrospectiv", "postmenstrual", "season", "semester", "academic", "school", "infant", "child",
    "toddler", "newborn", "neonat", "adolescen", "amenorrh")
_NOT_A_TIME_POINT = re.compile(r"""(?x)
    \bup\s*to\b(?!\s+(?:and\s+including\s+)?(?:the\s+)?(?:week|wk|day|month)\s*\d) | ~ | \bend\s+of\b
  | \bfirst\s+(?:patient|participant|subject|person)s?\b | \bprimary\s+end | \bof\s+life\b | \bpost-partum
  | \bcore\s+study | \b(?:previous|prior|original|preceding)\s+(?:study|trial) | \b(?:19|20)\d\d\b
  | \bnot?\s+(?:more|longer|later)\s+than\b | \b(?:total|entire|whole|overall)\s+(?:study|trial|follow)
  | \b(?:study|trial|enrol+ment|recruitment)\s+(?:period|duration|length)\b
  | \b(?:months?|mos?|weeks?|wks?|days?)(?:\s*\+\s*\d+\s*d(?:ays?)?)?\W{0,2}\s*(?:of\s+)?(?:c?ga|wga|gw|ca)\b
  | \b(?:c?ga|wga|gw)\s*(?:of\s+)?\d | \bca\.\s*\d
  | \bany\s*time\b | \bin\s+the\s+period\s+of\b
  | \bdata\s+cut[\s-]?off | \bcut[\s-]?off\s+date | \bdatabase\s+lock
  | [<>≥≤]\s*=?\s*\d+\s*(?:years?|yrs?)\b | \d+\s*\+\s*(?:years?|yrs?)\b
  | \b(?:adults?|elderly|participants?|patients?|subjects?|people|persons?|women|men|volunteers?|individuals?)\s+
    (?:of\s+)?(?:(?:over|above|under|below|from|between)\s+\d+|\d+\s*(?:-|–|to|and)\s*\d+)\s*(?:years?|yrs?)\b""")
_WORDS = re.compile(r"[a-z]+")


def no_time_point_said(text: str) -> bool:
    """Whether the lower-case time frame says a cap, an event, an average, a repeated or open period, an unknown
    anchor, an age or a calendar date."""
    for word in _WORDS.findall(text):
        if word in _NOT_A_TIME_POINT_WORDS or word.startswith(_NOT_A_TIME_POINT_STEMS):
            return True
    return _NOT_A_TIME_POINT.search(text) is not None


def unit_of(word: str) -> str:
    """The unit a time frame's word names ('wks' -> 'week')."""
    word = word.lower()
    for unit, words in _UNIT_WORDS:
        if re.fullmatch(words, word):
            return unit
    raise ValueError(f"not a unit of time: {word!r}")


def unspelled(text: str) -> str:
    """The time frame with spelled numbers before a unit written as digits ('Twelve months' -> '12 months')."""
    def digits(m: re.Match) -> str:
        if m.group(3):
            return str({**_ONES, **_TEENS}[m.group(3).lower()])
        return str(_TENS[m.group(1).lower()] + (_ONES[m.group(2).lower()] if m.group(2) else 0))
    return _SPELLED.sub(digits, text)
