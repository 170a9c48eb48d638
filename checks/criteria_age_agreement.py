"""The record's Minimum and Maximum Age ('18 Years', '6 Months', 'N/A') against a criterion's age bounds, compared
as calendar lengths."""
from __future__ import annotations

import re
from functools import lru_cache

from checks.criteria_age_bounds import UNIT_DAYS, Age, Bound

NO_LIMIT = ("n/a", "")


# A structured age as the registry writes it: a number and a unit ('18 Years', '6 Months').
_STRUCTURED_AGE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+?)s?\s*")


@lru_cache(maxsize=4096)
def structured_age(value: str | None, registry: bool) -> Age | None | bool:
    """A structured age ('18 Years') as an Age; False when the record sets no limit ('N/A', or none given in a
    registry record or on a clincosm page beside the other age: `registry`); None when unknown (a page that may not
    show it, or a value that is no age). Kept for each value: records write a few ages ('18 Years', '65 Years',
    'N/A') over and over, and an Age is never changed."""
    if value is None or value.strip().lower() in NO_LIMIT:
        return False if registry else None
    m = _STRUCTURED_AGE.fullmatch(value)
    if m is None or m.group(2).lower() not in UNIT_DAYS:
        return None
    return Age(float(m.group(1)), m.group(2).lower())


# An upper age no participant reaches states no maximum: PDQ writes any age as "Age: 0-120", as sponsors write 100,
# 110 or 120 years where they set no upper limit. Centenarians are under one in a thousand people in every country,
# and no one recorded has lived past 122: an upper age of 100 years or more, in the criteria or as the record's
# maximum, agrees with no maximum and with another such age.
NO_ONE_REACHES = Age(100.0, "year").days


# A lower age of 0 is from birth: no minimum, or the first day of life, as records write a minimum meaning birth
# ('1 Day', '24 Hours', '5 Minutes'); a later minimum ('7 Days', '28 Days') leaves some newborns out.
FROM_BIRTH = Age(1.0, "day")


def _between(age: Age, low: Age, high: Age) -> bool:
    """Whether `age` lies from `low` to `high` as calendar lengths."""
    return low.days - low.slack - age.slack <= age.days <= high.days + high.slack + age.slack


def agrees(bound: Bound, limit: Age | bool | None) -> bool:
    """Whether the structured limit fits the criterion's bound: the same age, or the next whole age where the words
    may mean it ('under 18': 17 or 18; 'older than 18': 18 or 19; the end of '18 to 65': 64 to 66)."""
    if limit is None:
        return True
    age = bound.age
    if bound.side == "upper" and age.days >= NO_ONE_REACHES:  # "Age: 0-120": no maximum
        return limit is False or limit.days >= NO_ONE_REACHES
    if bound.side == "lower" and age.number == 0 and (limit is False or limit.days <= FROM_BIRTH.days):
        return True  # "aged 0-6 months": from birth, no minimum
    if limit is False:
        return False
    if bound.side == "lower":
        return _between(limit, age, age.shifted(1) if bound.kind == "strict" else age)
    if bound.kind == "strict":
        return _between(limit, age.shifted(-1), age)
    return _between(limit, age.shifted(-1), age.shifted(1))


def _exclusive_between(bounds: tuple[Bound, ...], limits: dict[str, Age | bool | None]) -> bool:
    """Whether the record's ages are the ends of "between 18 and 65" both left out: '19 Years' and '64 Years'."""
    ends = {b.side: b.age for b in bounds if b.kind == "between"}
    low, high = limits["lower"], limits["upper"]
    if len(ends) != 2 or not isinstance(low, Age) or not isinstance(high, Age):
        return False
    above, below = ends["lower"].shifted(1), ends["upper"].shifted(-1)
    return _between(low, above, above) and _between(high, below, below)


def disagreeing(bounds: tuple[Bound, ...], limits: dict[str, Age | bool | None]) -> list[Bound]:
    """The criterion's bounds the record's limits ({'lower': ..., 'upper': ...}, as `structured_age` gives them) do
    not fit (`agrees`), none where they are both ends of "between 18 and 65" left out."""
    wrong = [b for b in bounds if not agrees(b, limits[b.side])]
    return [] if wrong and _exclusive_between(bounds, limits) else wrong
