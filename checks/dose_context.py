"""What the words around a stated amount say about it: the clause before it, and the unit forms and counts its
words name. Tables of small patterns.

Each thing the words say is read in a module beside this one: `dose_counts` (a count of units), `dose_strengths`
(a unit strength), `dose_phases` (the regimen phase or role, a bolus), `dose_varying` (doses that vary by design,
the most or the least given), `dose_totals` (a total over a period, a whole, an amount per site),
`dose_conditions` (a dose for some participants, a schedule that changes later), `dose_salts` (the element a salt
carries, the same amount said again) and `dose_routes` (the route).
"""
from __future__ import annotations

import re
from functools import lru_cache

FORMS = (r"(?:tablets?|tabs?|capsules?|caps?|pills?|softgels?|caplets?|sachets?|vials?|ampoules?"
         r"|puffs?|inhalations?|sprays?|drops?|patch(?:es)?|suppositor(?:y|ies)|injections?|lozenges?"
         r"|films?(?![\w-]))")
# What a unit form's name may say of it between a count or an amount and the form: its route or release ("two 5 mg
# oral tablets", "2 Oral Capsules", "three film-coated tablets").
UNIT_QUALIFIER = (r"(?:oral|film[\s-]?coated|enteric[\s-]?coated|coated|hard|soft|chewable|dispersible"
                  r"|(?:extended|modified|delayed|prolonged|sustained|controlled|immediate)[\s-]release)")
COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "single": 1}
COUNT = r"(?P<n>\d{1,2}|" + "|".join(COUNT_WORDS) + r")"
# How far back a count or a strength phrase may stand from the amount it qualifies.
LOOKBACK = 60


_CLAUSE_END = re.compile(r"[.;]\s|\n")


@lru_cache(maxsize=256)  # each amount's clause is read for its count, strength, phase, condition and totals
def clause_before(text: str, start: int) -> str:
    """The words before `start` in its clause (at most LOOKBACK characters)."""
    before = text[max(0, start - LOOKBACK):start]
    cuts = list(_CLAUSE_END.finditer(before))
    return before[cuts[-1].end():] if cuts else before


def count(n: str) -> int:
    """The number a count's word or digits say ("two" -> 2, "3" -> 3)."""
    return COUNT_WORDS.get(n.lower()) or int(n)
