"""meddatax compact pages: which limit one bare age is. A compact page gives the minimum age, then the maximum, each
only when the record sets it: one age alone may be either. The criteria text decides when it states that age as a
lower bound ('Age >= 18 years', '18 years or older') or as an upper one ('up to 65 years'); else it is undecided."""
from __future__ import annotations

import re
from functools import lru_cache

# Phrases that state the age {n} as the lowest allowed ({u}: its unit, optional), and as the highest; {any}: another
# age, {to}: the words of a range ('18-65 years', 'between 12 and 17 years').
_LOWER = (r"(?:\u2265|>=|=>)\s*{n}{u}", r"{n}{u}\s*(?:of age\s*)?(?:or|and)\s*(?:older|over|above|more)",
          r"{n}{u}\s*\+", r"at least\s*{n}{u}", r"(?:over|above)\s*(?:the age of\s*)?{n}{u}",
          r"minimum age\s*(?:of|is|:)?\s*{n}{u}", r"(?:aged?|from|between)\s*{n}{to}{any}{u}")
_UPPER = (r"(?:\u2264|<=|=<)\s*{n}{u}", r"{n}{u}\s*(?:of age\s*)?(?:or|and)\s*(?:younger|under|below|less)",
          r"(?:up to|not older than|no older than|not exceeding)\s*(?:the age of\s*)?{n}{u}",
          r"maximum age\s*(?:of|is|:)?\s*{n}{u}", r"{any}{to}{n}{u}")
# Phrases that state the limit by the next age ('younger than 18 years': 17 at most; 'older than 17': 18 at least):
# {above} is the age after the limit, {below} the age before it.
_LOWER_STRICT = (r"(?:>|older than|more than|over)\s*{below}{u}",)
_UPPER_STRICT = (r"(?:<|younger than|less than|under|below)\s*(?:the age of\s*)?{above}{u}",)
_RANGE = {"any": r"\d+", "to": r"(?:\s*[a-z]+)?\s*(?:-|\u2013|to|and)\s*"}
_UNITS = {"year": "(?:years?|yrs?|y)", "month": "(?:months?|mos?)", "week": "(?:weeks?|wks?)", "day": "days?",
          "hour": "(?:hours?|hrs?)", "minute": "(?:minutes?|mins?)"}
_BARE_AGE = re.compile(r"^(\d+)\s+([a-z]+?)s?$")
# A number right before or after the age's is another number ('118 years', '18.5').
_ALONE_BEFORE, _ALONE_AFTER = r"(?<![\d.])", r"(?![\d.])"
UNDECIDED_AGE = "unreadable value: one age, minimum or maximum undecided"


@lru_cache(maxsize=16)  # a page asks twice: reading its ages, and saying whether one is undecided
def which_limit(age: str, criteria: str | None) -> str | None:
    """'minimum_age' or 'maximum_age' for a bare age ('18 Years') that the criteria text states as that limit
    alone; None when it states it as neither or as both."""
    match = _BARE_AGE.match(age.strip().casefold())
    if match is None or match.group(2) not in _UNITS or not criteria:
        return None
    number = int(match.group(1))
    if not any(str(number + step) in criteria for step in (0, 1, -1)):
        return None  # the text states no age next to this one
    lines = criteria.casefold().split("\n")
    included, excluded = _parts_by_heading("\n".join(" ".join(line.split()) for line in lines))
    lower, upper = (any(_states_age(pattern, included) for pattern in _patterns(side, number, match.group(2)))
                    or any(_states_age(pattern, excluded)
                           for pattern in _patterns(1 - side, number, match.group(2), excluded=True))
                    for side in (0, 1))
    return None if lower == upper else "minimum_age" if lower else "maximum_age"


# The heading of the criteria that exclude (the text is compared in lower case): an age these state as a bound is
# the other bound of the ages allowed ('Exclusion Criteria: Age <= 18 years' allows ages above 18 only). A heading of
# both ('INCLUSION/EXCLUSION CRITERIA', 'Inclusion and exclusion criteria vary with ...') starts no excluded part.
_EXCLUSION_HEADING = re.compile(r"(?<!inclusion/)(?<!inclusion / )(?<!inclusion and )(?<!inclusion & )"
                                r"(?<!inclusion or )(?<!inclusion, )\bexclusion criteria")


# The heading of a further list of criteria that include, after criteria that exclude ('Inclusion Criteria for
# Healthy Volunteers:', '2. Inclusion criteria (controls):'): at the start of a line (after a number or a mark),
# ending at a colon within a few words; 'inclusion criteria' within a sentence starts no part.
_INCLUSION_HEADING = re.compile(r"(?m)^(?:[\d.)*\-\u2022]+ )?(?:key |main )?inclusion criteria\b[^:\n]{0,48}:")


def _parts_by_heading(text: str) -> tuple[str, str]:
    """The criteria text (in lower case, its lines kept) that includes and the text that excludes, each part judged
    by its own heading: the text before any heading includes, the text after an exclusion heading excludes up to the
    next inclusion heading (a page may list criteria for patients, then exclusions, then criteria for healthy
    volunteers)."""
    headings = sorted([(found.start(), found.end(), False) for found in _EXCLUSION_HEADING.finditer(text)]
                      + [(found.start(), found.end(), True) for found in _INCLUSION_HEADING.finditer(text)])
    parts: tuple[list[str], list[str]] = ([], [])
    at, including = 0, True
    for start, end, inclusion in headings:
        if start < at:
            continue  # a heading inside the one before it
        parts[not including].append(text[at:start])
        at, including = end, inclusion
    parts[not including].append(text[at:])
    return " ".join(" ".join(parts[0]).split()), " ".join(" ".join(parts[1]).split())


@lru_cache(maxsize=256)
def _patterns(side: int, number: int, unit_name: str, excluded: bool = False) -> tuple[re.Pattern, ...]:
    """The phrases stating `number` of `unit_name` as the lowest allowed age (side 0) or the highest (side 1); for
    the excluded ages (`excluded`) a strict bound is at the number itself ('Age < 18' excluded: 18 is the lowest)."""
    numbers = {key: _ALONE_BEFORE + str(number + (0 if excluded else step)) + _ALONE_AFTER
               for key, step in (("n", 0), ("above", 1), ("below", -1))}
    unit = f"(?P<unit>\\s*{_UNITS[unit_name]}\\b)?"
    phrases = (_LOWER + _LOWER_STRICT, _UPPER + _UPPER_STRICT)[side]
    return tuple(re.compile(phrase.format(**numbers, **_RANGE, u=unit)) for phrase in phrases)


# The words before a number without a unit that make it an age ('Age >= 18', 'aged 18 or older').
_AGE_WORD = re.compile(r"\bage[ds]?\b")
_AGE_WORD_REACH = 24


def _states_age(phrase: re.Pattern, text: str) -> bool:
    """Whether the phrase states the age: with its unit, or right after the word 'age' ('BMI >= 18' is no age)."""
    return any(found.group("unit") or _AGE_WORD.search(text, max(0, found.start() - _AGE_WORD_REACH), found.end())
               for found in phrase.finditer(text))
