"""An amount said of the element or free base a salt carries ("325 mg (65 mg elemental iron)", "40 mg free base"),
and the same amount said again of the active part ("43.4 mg atorvastatin calcium, equivalent to 40 mg
atorvastatin")."""
from __future__ import annotations

import re

from checks.dose_context import clause_before

# An amount of the element a salt carries, or of a salt's free base: "325 mg (65 mg elemental iron)", "500 mg
# elemental calcium", "40 mg free base". It is compared only with amounts stated the same way.
ELEMENT_AFTER = re.compile(r"\s*(?:of\s+)?(?:elemental|free[\s-]+base)\b", re.I)
ELEMENT_BEFORE = re.compile(r"\belemental\s+[a-z]+\s*[:=,]?\s*(?:of\s+)?$", re.I)


def of_the_element(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is said of the element or free base a salt carries."""
    after = text[end:end + 20].lower()
    if ("elemental" in after or "base" in after) and ELEMENT_AFTER.match(text, end):
        return True
    before = clause_before(text, start)
    return "lemental" in before.lower() and ELEMENT_BEFORE.search(before) is not None


# The same amount said again of the active part ("43.4 mg atorvastatin calcium, equivalent to 40 mg atorvastatin",
# "5.33 mg zoledronic acid monohydrate equals 5 mg zoledronic acid"), or in brackets after "or" as it is given
# another way ("90 mg (or 63 mg after filtration)"): the second amount is another reading of the first.
EQUIVALENT_BETWEEN = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}\s*[(,]?\s*(?:which\s+is\s+|i\.e\.\s*)?(?:(?:equivalent|equiv\.?|corresponding|equal)"
    r"\s+(?:to|of|with)|equals|corresponds\s+to)\s+(?:about\s+|approximately\s+|~\s*)?|\s*\(\s*or\s+", re.I)


_EQUIVALENT_WORDS = ("quiv", "orrespond", "qual", "(")


def equivalent_between(text: str, end: int, start: int) -> bool:
    """Whether the amount ending at `end` is said to be equivalent to the amount starting at `start`."""
    return any(text.find(word, end, start) >= 0 for word in _EQUIVALENT_WORDS) \
        and EQUIVALENT_BETWEEN.fullmatch(text, end, start) is not None
