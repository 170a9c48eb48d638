"""Which bounds of a criterion are ages: the words before or after a bound that make its number an age ("Age",
"years old", "Adults (≥ 18 years)", "Edad"), the first such bound of a criterion, and where such words stand."""
from __future__ import annotations

import re

from checks.criteria_age_bounds import BOUND, unit_of

# The words that can make a number an age (`_AGE_BEFORE`, `_AGE_AFTER`, `_SELF_AGED`), in lower case: a criterion
# without one (nor an age group's word before a bracket, `_AGE_GROUP_OPENING`) states no age. "age" opens a word, "yo"
# ends one ("18yo"); found by str.find, faster than a pattern.
AGE_WORDS = ("age", "old", "younger", "yo", "y/o", "edad", "idade", "\u00e2ge", "et\u00e0", "leeftijd", "alter")


# The age word right before a bound: "Age", "aged", "Age range:", "Age at entry:", "must be aged between", and the
# words that name its span ("Age group of 20-45 years", "Age bracket 20-45 years", "age band of"); a stray semicolon
# between them is read as a colon ("Age ;20-60 years").
_AGE_BEFORE = re.compile(r"\bage[sd]?\b(?:[\s:,(]*(?:is|of|range|group|bracket|band|at|entry|screening|enrol?ment|"
                         r"inclusion|the|time|limits?|must|be|should|eligible|participants?|patients?|subjects?)\b)*"
                         r"[\s:;,(]*\Z")
# What says the bound is an age when it follows it: "years old", "years of age", "-year-old", "y/o".
# The word for age in Spanish, Portuguese, French, Italian, Dutch and German right before a bound ("Edad ≥ 18 años",
# "Alter: 18-65 Jahre"): read only with the bound's unit, as "alter" is an English verb too ("drugs that alter").
_LOCAL_AGE_BEFORE = re.compile(r"\b(?:edad|idade|\u00e2ge|et\u00e0|leeftijd|alter)\b[\s:,(]*\Z")
_AGE_AFTER = re.compile(r"\s*(?:-?\s*(?:years?|yrs?)\s*-?\s*old|old\b|of\s+age\b|y/?o\b)")
_SELF_AGED = re.compile(r"\bold|\bages?\b|\byounger\b|\bolder\b")
# An age group's word right before a bound in brackets: "Adults (≥ 18 years)", "Children (2 to 11 years)".
_AGE_GROUP = r"\b(?:adults?|adolescents?|child(?:ren)?|minors?|elderly|infants?|teen(?:ager)?s?)\s*\("
_AGE_GROUP_BEFORE = re.compile(_AGE_GROUP + r"\s*\Z")
# The same ending at the bracket it opens, in the text's lower case, searched for in the few characters before each
# bracket (a search for one character is fast, trying the words at every character is not).
_AGE_GROUP_OPENING = re.compile(_AGE_GROUP + r"\Z")
AGE_GROUP_REACH = 16


# How far before a bound its age word may stand ("Age at screening: "), and how long a bound is at most.
AGE_WORD_REACH = 60
BOUND_WIDTH = 120


def _aged(text: str, m: re.Match) -> bool:
    """Whether the bound `m` is an age: an age word before it ("Age", "aged between"), "old" or "of age" after it,
    or its own words say so ("18 years or older", "between the ages of"), an age group's word before it in brackets
    ("Adults (≥ 18 years)"), or the word for age in another language before a bound with its unit ("Edad ≥ 18
    años")."""
    return (_AGE_BEFORE.search(text, max(0, m.start() - AGE_WORD_REACH), m.start()) is not None
            or _AGE_AFTER.match(text, m.end()) is not None or _SELF_AGED.search(m.group(0)) is not None
            or _AGE_GROUP_BEFORE.search(text, max(0, m.start() - AGE_WORD_REACH), m.start()) is not None
            or _LOCAL_AGE_BEFORE.search(text, max(0, m.start() - AGE_WORD_REACH), m.start()) is not None
            and any(unit_of(word) for word in m.groups() if word))


def first_age_bound(text: str, reach: int) -> re.Match | None:
    """The first bound of the criterion `text` (spelled) that starts by `reach` and is an age (`_aged`). Bounds are
    found in order: once one starts past `reach`, so does every later one, and the search stops there."""
    for m in BOUND.finditer(text, 0, reach + BOUND_WIDTH):
        if m.start() > reach:
            return None
        if _aged(text, m):
            return m
    return None


def age_words(lowered: str, start: int, end: int) -> list[int]:
    """Where the words that can make a number an age stand in lowered[start:end], in order."""
    places = []
    for word in AGE_WORDS:
        at = lowered.find(word, start, end)
        while at >= 0:
            if word in ("age", "old") and at and lowered[at - 1].isalpha():
                pass  # "stage", "page", "dosage"; "threshold", "hold", "bold"
            elif word == "yo" and lowered[at + 2:at + 3].isalpha():
                pass  # "your", "beyond"
            else:
                places.append(at)
            at = lowered.find(word, at + 1, end)
    at = lowered.find("(", start, end)
    while at >= 0:
        m = _AGE_GROUP_OPENING.search(lowered, max(start, at - AGE_GROUP_REACH), at + 1)
        if m is not None:
            places.append(m.start())
        at = lowered.find("(", at + 1, end)
    return sorted(places)
