"""One primary outcome measure's words as versions of a study are compared: without case, accents, a list number, a
bracketed abbreviation of the words before it or 'from baseline' after 'change', with one spelling of each comparison
and unit, and in American spelling; and its marks that change what it means."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Marks that change what a measure means ('HbA1c < 7%' is not 'HbA1c > 7%'); other punctuation (hyphens,
# quotes, commas, brackets, API v2's markdown escapes such as '\\<') is how a measure is written, not what it is.
_MEANING_MARKS = re.compile(r"[<>≤≥=%+]")
WORD = re.compile(r"[^\W_]+")
# A list number or letter that opens a measure ("1. Overall survival", "(2) Response rate", "a) Safety"): where the
# measure stood in a list, not what it measures. A number that counts something ("12-month survival", "1.5 mg") is
# followed by no closing bracket nor a full stop other than a decimal point, and a letter with a full stop may
# abbreviate a genus ("A. fumigatus").
_LIST_MARK = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z])\)|\d{1,2}\.(?!\d))\s*", re.I)
# One comparison written two ways: '≥ 7%' and '>= 7%', '=<' and '<='.
_COMPARISONS = (("≥", ">="), ("≤", "<="), ("=>", ">="), ("=<", "<="))
# One unit written several ways (in the measure's folded text, where 'kg/m²' already reads 'kg/m2' and 'µg' 'μg'): a
# power written with a caret ('kg/m^2', 'cells/mm^3', '10^9/L'), millimetres of mercury and centimetres of water with
# or without a space ('mm Hg', 'cm H2O'), and a percentage as its sign or in words ('%', 'percent', 'per cent',
# 'percentage'). 'mg/dL' and 'mg/dl' fold alike with the case.
_UNIT_SPELLINGS = ((re.compile(r"(?<=[^\W_])\s*\^\s*(?=\d)"), ""), (re.compile(r"\bmm[\s-]*hg\b"), "mmhg"),
                   (re.compile(r"\bcm[\s-]*h2o\b"), "cmh2o"),
                   (re.compile(r"%|\bper\s*cent(?:age)?s?\b"), " percent "))
_MAYBE_UNIT = re.compile(r"[\^%]|hg|h2o|per")
# Micrograms, micromoles and microlitres as the micro sign or its Latin stand-in writes them ('μg', 'ug', 'mcg').
_MICRO_WORDS = {"μg": "mcg", "ug": "mcg", "μmol": "umol", "μl": "ul"}
# An abbreviation in brackets after the words it abbreviates ('Overall Survival (OS)', 'Dose-Limiting Toxicities
# (DLTs)'): it restates them, so a version that adds or drops it measures the same.
_ABBREVIATION = re.compile(r"\(\s*([^\W\d_]{2,8})\s*\)")


# British spellings of medical words, as their American spelling ('haemoglobin', 'tumour', 'randomised'): the same
# measure. Only word parts that spell nothing else are folded ('hour' and 'four' keep their 'our').
_BRITISH = ((re.compile(r"aem(?=i|o|at)"), "em"), (re.compile(r"anaesth"), "anesth"), (re.compile(r"paed"), "ped"),
            (re.compile(r"o(?=e(?:dem|soph|strog|strad))"), ""), (re.compile(r"(?<=[nr])(h?)oea$"), r"\1ea"),
            (re.compile(r"^foet"), "fet"), (re.compile(r"gynaec"), "gynec"), (re.compile(r"^coeliac"), "celiac"),
            (re.compile(r"^(tum|behavi|col|fav|lab|od|vap)our"), r"\1or"),
            (re.compile(r"^((?:centi|milli|kilo)?met|lit|cent|fib)re(s?)$"), r"\1er\2"),
            (re.compile(r"^(randomi|hospitali|immuni|stabili|normali|characteri|minimi|optimi|utili|organi|recogni|"
                        r"sensiti|visuali|mobili|standardi|categori|personali|metaboli|revasculari|vasculari|"
                        r"analy)s(?=e|ing|ation)"), r"\1z"),
            (re.compile(r"^sulph"), "sulf"), (re.compile(r"^programme(s?)$"), r"program\1"))
# 'Change from baseline in' says what 'Change in' means: a change is from baseline unless another time is named.
_FROM_BASELINE = ("from", "baseline")
_CHANGE = frozenset({"change", "changes"})

# Letters every British spelling of _BRITISH holds: a word without them is spelt alike on both sides of the Atlantic.
_MAYBE_BRITISH = re.compile(r"ae|oe|our|re|is|ys|sulph|programme")


@lru_cache(maxsize=65536)
def american(word: str) -> str:
    """The word in American spelling (the British spellings of _BRITISH folded)."""
    if not _MAYBE_BRITISH.search(word):
        return word
    for pattern, spelling in _BRITISH:
        word = pattern.sub(spelling, word)
    return word


def _without_from_baseline(words: list[str]) -> list[str]:
    """The words without 'from baseline' between 'change' and 'in' or 'of'."""
    if "baseline" not in words:
        return words
    kept: list[str] = []
    index = 0
    while index < len(words):
        if (kept and kept[-1] in _CHANGE and tuple(words[index:index + 2]) == _FROM_BASELINE
                and index + 2 < len(words) and words[index + 2] in ("in", "of")):
            index += 2
            continue
        kept.append(words[index])
        index += 1
    return kept


def restated(text: str, match: re.Match) -> bool:
    """The bracketed abbreviation is the initials of the words just before it (a plural 's' aside)."""
    letters = match.group(1).casefold()
    words = WORD.findall(text[:match.start()])
    readings = (letters, letters[:-1]) if letters.endswith("s") and len(letters) > 2 else (letters,)
    return any(len(words) >= len(r) and "".join(word[0] for word in words[-len(r):]) == r for r in readings)


def _without_abbreviations(text: str) -> str:
    """The measure without the bracketed abbreviations that restate the words before them."""
    return _ABBREVIATION.sub(lambda m: " " if restated(text, m) else m.group(0), text)


def wording(measure: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A measure as compared between versions: its words (without case or accents, nor a list number that opens it,
    nor a bracketed abbreviation of the words before it, nor 'from baseline' after 'change', in American spelling) and
    its meaning marks (one comparison written one way)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", measure) if not unicodedata.combining(c)).casefold()
    text = _without_abbreviations(_LIST_MARK.sub("", text, count=1))
    for written, meant in _COMPARISONS:
        text = text.replace(written, meant)
    if _MAYBE_UNIT.search(text):
        for spelling, unit in _UNIT_SPELLINGS:
            text = spelling.sub(unit, text)
    words = _without_from_baseline([_MICRO_WORDS.get(word) or american(word) for word in WORD.findall(text)])
    return tuple(words), tuple(_MEANING_MARKS.findall(text))
