"""Amounts that make up a total stated right after them ("4 tablets (1 x 0.5 mg + 2 x 1 mg + 1 x 5 mg) totaling
7.5 mg"): each is a unit's or a part's, and the total is the dose."""
from __future__ import annotations

import math
import re

from checks.dose_agreement import Dose

# What joins the parts of a make-up ("1 x 0.5 mg + 2 x 1 mg"), and what leads from its last part to the total they
# sum ("+ 1 x 5 mg) totaling 7.5 mg", "= 7.5 mg", ", for a total of 7.5 mg", "making 7.5 mg").
_PLUS = re.compile(r"\s*\+\s*")
_TOTAL_LEAD = re.compile(
    r"\s*\)?\s*[,:;]?\s*(?:(?:(?:for|in|to|with)\s+)?(?:an?\s+)?(?:total(?:l?ing|l?ed|s)?|sum(?:ming)?)"
    r"(?:\s+(?:dose\s+)?(?:of|to))?|=|equals?|equal\s+to|making|giving)\s*", re.I)
# The slack allowed when the parts' sum is compared with the total, for rounding.
SUM_SLACK = 1e-4


# A total stated right before its make-up in brackets: "TMC278 150 mg (1 X 50 mg + 1 X 100 mg) tablets".
_BRACKET_OPENS = re.compile(r"\s*[(\[]\s*")
_BRACKET_CLOSES = re.compile(r"\s*[)\]]")


def make_up_parts(text: str, doses: tuple[Dose, ...]) -> frozenset[tuple[int, int]]:
    """The spans (start, end) of amounts joined by '+' whose sum a total stated right after them gives, or a total
    right before them whose bracket they fill: each is a unit's or a part's, not a dose of its own."""
    parts: set[tuple[int, int]] = set()
    run: list[Dose] = []
    for i, dose in enumerate(doses):
        if run and _PLUS.fullmatch(text, run[-1].end, dose.start):
            run.append(dose)
            continue
        if len(run) > 1 and _TOTAL_LEAD.fullmatch(text, run[-1].end, dose.start) and _sum_of(run, dose):
            parts.update((d.start, d.end) for d in run)
        if _bracketed_after_total(text, doses, i - len(run), run):
            parts.update((d.start, d.end) for d in run)
        run = [dose]
    if _bracketed_after_total(text, doses, len(doses) - len(run), run):
        parts.update((d.start, d.end) for d in run)
    return frozenset(parts)


def _bracketed_after_total(text: str, doses: tuple[Dose, ...], first: int, run: list[Dose]) -> bool:
    """Whether a run of amounts joined by '+' fills the bracket right after the amount before it, which they sum."""
    if len(run) < 2 or first < 1:
        return False
    total = doses[first - 1]
    return _BRACKET_OPENS.fullmatch(text, total.end, run[0].start) is not None \
        and _BRACKET_CLOSES.match(text, run[-1].end) is not None and _sum_of(run, total)


def _sum_of(parts: list[Dose], total: Dose) -> bool:
    """Whether amounts of one unit sum to a total."""
    if any(d.unit != total.unit for d in parts):
        return False
    return math.isclose(sum(d.low for d in parts), total.low, rel_tol=SUM_SLACK) \
        and math.isclose(sum(d.high for d in parts), total.high, rel_tol=SUM_SLACK)
