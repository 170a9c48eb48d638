"""An amount that is a total or a part: a day's or a week's total ("a total daily dose of 1200 mg", "900 mg in two
divided doses"), the whole of several administrations or sites ("1500 mg in total", "per cycle"), or an amount
given at each of several sites ("20 mL on each side")."""
from __future__ import annotations

import re

from checks.dose_context import clause_before

# The amount is a day's or a week's total, said before it ("a total daily dose of 1200 mg", "at daily doses of
# 2 µg/kg", "weekly dose of 15 mg") or after it ("900mg in two divided doses", "400 mg divided into two doses").
PERIOD_TOTAL_BEFORE = re.compile(
    r"\b(?P<period>daily|weekly)\s+(?:oral\s+|total\s+)?(?:doses?|dosages?|amount)\s*(?:of|:|=|is|was|will\s+be)?\s*$",
    re.I)
DIVIDED_AFTER = re.compile(
    r"[^.;\d]{0,30}?\b(?:(?:in|as|into)\s+(?:\w+\s+){0,2}?(?:divided|split|separate|equal)\s+doses"
    r"|(?:divided|split)\s+(?:in|into)\s+(?:\w+\s+)?doses)\b", re.I)


# The words one of which DIVIDED_AFTER reads ("Divided", "split"...), and how far after the amount it may stand.
_DIVIDED_WORDS = ("ivided", "plit", "eparate", "qual")
DIVIDED_WINDOW = 90


def period_total_before(text: str, start: int) -> float | None:
    """Administrations a day of the period whose total the amount at `start` is said to be (1 daily, 1/7 weekly)."""
    before = clause_before(text, start)
    lower = before.lower()
    m = PERIOD_TOTAL_BEFORE.search(before) if "daily" in lower or "weekly" in lower else None
    if m is None:
        return None
    return 1.0 if m.group("period").lower() == "daily" else 1 / 7


def divided_after(text: str, end: int, limit: int) -> bool:
    """Whether the amount ending at `end` is said to be given in divided doses (before `limit`)."""
    after = text[end:min(limit, end + DIVIDED_WINDOW)]
    return any(word in after for word in _DIVIDED_WORDS) and DIVIDED_AFTER.match(text, end, limit) is not None


# The whole of several administrations or sites: "1500 mg in total", "total dose: 1500 mg", "a cumulative dose of",
# and a cycle's or a course's amount ("100 mg/m2 per cycle", "per course"), given on one or several of its days.
WHOLE_AFTER = re.compile(r"\s*\(?\s*(?:(?:in\s+)?total\b|(?:per|each|/)\s*(?:treatment\s+)?(?:cycle|course)\b)", re.I)
# A part of each word WHOLE_AFTER reads a whole by ("total", "cycle", "course"): most amounts have none after them.
_WHOLE_AFTER_PARTS = ("otal", "ycle", "ourse")
# How far after an amount the words of its whole end ("per treatment cycle").
WHOLE_AFTER_WINDOW = 28
_WHOLE_WORDS = ("total", "cumulative", "overall")
WHOLE_BEFORE = re.compile(
    r"\b(?:total|cumulative|overall)\s*(?:dose|amount|volume)?\s*(?:of|:|=)?\s*(?:up\s+to\s+)?$", re.I)


def whole_amount(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is a whole made of several administrations or sites."""
    after = text[end:end + WHOLE_AFTER_WINDOW]
    if any(part in after for part in _WHOLE_AFTER_PARTS) and WHOLE_AFTER.match(text, end):
        return True
    before = clause_before(text, start).lower()
    return any(word in before for word in _WHOLE_WORDS) and WHOLE_BEFORE.search(before) is not None


# An amount given at each of several sites ("20 mL on each side", "0.5 mL per eye", "2 units per injection site"):
# the whole dose is a number of them, its frequency may stand between ("50mcg BID to each nostril"). ("per arm" is not
# read: an arm is also a study arm.)
PER_SITE_AFTER = re.compile(
    r"\s*(?:(?:b\.?i\.?d|t\.?i\.?d|q\.?i\.?d|q\.?d|o\.?d|once|twice)\.?(?:\s+(?:daily|a\s+day))?\s+)?"
    r"\s*[(,]?\s*(?:(?:on|in|into|to|at|for|of)\s+)?(?:each|per|every|either)\s+(?:injection\s+|treated\s+)?"
    r"(?:sides?|eyes?|nostrils?|nares|sites?|points?|lesions?|knees?|joints?|breasts?|limbs?|legs?|feet|foot"
    r"|hands?|quadrants?|muscles?|ears?|teeth|tooth|blocks?)\b", re.I)


def per_site(text: str, end: int) -> bool:
    """Whether the amount ending at `end` is given at each of several sites."""
    return PER_SITE_AFTER.match(text, end) is not None
