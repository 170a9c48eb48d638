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


def make_up_parts(text: str, doses: tuple[Dose, ...]) -> frozenset[tuple[int, int]]:
    """The spans (start, end) of amounts joined by '+' whose sum a total stated right after them gives: each is a
    unit's or a part's, not a dose of its own."""
    parts: set[tuple[int, int]] = set()
    run: list[Dose] = []
    for dose in doses:
        if run and _PLUS.fullmatch(text, run[-1].end, dose.start):
            run.append(dose)
            continue
        if len(run) > 1 and _TOTAL_LEAD.fullmatch(text, run[-1].end, dose.start) and _sum_of(run, dose):
            parts.update((d.start, d.end) for d in run)
        run = [dose]
    return frozenset(parts)


def _sum_of(parts: list[Dose], total: Dose) -> bool:
    """Whether amounts of one unit sum to a total."""
    if any(d.unit != total.unit for d in parts):
        return False
    return math.isclose(sum(d.low for d in parts), total.low, rel_tol=SUM_SLACK) \
        and math.isclose(sum(d.high for d in parts), total.high, rel_tol=SUM_SLACK)
