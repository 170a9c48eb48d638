"""An amount given once at numbered weeks or days that opens a regimen of one drug in its sentence, read as its loading
dose: "Adalimumab 160 mg at week 0, 80 mg at week 2, then 40 mg every other week" starts at 160 mg and 80 mg."""
from __future__ import annotations

import re
from dataclasses import replace

from checks.dose_agreement import LOADING, Dose

# The numbered weeks or days an amount is given at, right after it ("160 mg at week 0", "390 mg IV on day 1",
# "80 mg (week 2)", "at weeks 0 and 2").
# A number of them is no amount that follows ("at week 0 and 100 mg at week 2").
_TIME = r"\d{1,3}(?![\d.])(?!\s*(?:mg|mcg|µg|μg|ug|g|iu|units?|u|ml)\b)"
_AT_TIMES = re.compile(r"\s*(?:[a-z.]+\s+){0,2}?[(,]?\s*(?:(?:at|on|in)\s+)?(?:the\s+)?(?P<kind>weeks?|wks?|days?)"
                       rf"\s*(?P<numbers>{_TIME}(?:\s*(?:,|and|&)\s*{_TIME})*)", re.I)
# What starts a regimen's next step ("then 40 mg every other week", "followed by 75 mg daily").
_NEXT_STEP = re.compile(r"\b(?:then|followed\s+by|thereafter|subsequently|afterwards)\b", re.I)
_SENTENCE_END = re.compile(r"[.;](?:\s|$)|\n")
# A part of every word _AT_TIMES reads a time by.
_TIME_WORDS = ("week", "wk", "day")
_TIME_NUMBER = re.compile(r"\d+")


def opening_doses(text: str | None, doses: list[Dose]) -> list[Dose]:
    """The doses of one drug in a text, an amount given once at numbered weeks or days that opens a sequence of the
    drug's amounts in its sentence read as a loading dose: "Adalimumab 160 mg at week 0, 80 mg at week 2, then
    40 mg every other week" starts at 160 mg and 80 mg, and 40 mg is the dose it goes on at. An amount is a step
    of such a sequence when another amount of the drug follows it in its sentence after a next step ("then",
    "followed by") or at later weeks or days, or one precedes it at earlier ones; an amount given at a frequency of
    its own, or again at the same amount ("100 mg on day 1 and 100 mg on day 8"), opens no sequence."""
    if len(doses) < 2 or not any(d.phase is None and d.per_day is None for d in doses) \
            or not any(word in text.lower() for word in _TIME_WORDS):
        return doses
    times = [times_after(text, d, doses[i + 1].start if i + 1 < len(doses) else len(text))
             for i, d in enumerate(doses)]
    opened = list(doses)
    for i, (dose, time) in enumerate(zip(doses, times)):
        if time is None or dose.phase is not None or dose.per_day is not None:
            continue
        sentence = _sentence_of(text, dose)
        later = [(d, t) for d, t in zip(doses[i + 1:], times[i + 1:]) if d.start < sentence[1] and _other(d, dose)]
        earlier = [(d, t) for d, t in zip(doses[:i], times[:i]) if d.start >= sentence[0] and _other(d, dose)]
        if any(_NEXT_STEP.search(text, time[2], d.start) for d, _ in later) \
                or any(t and t[0] == time[0] and min(t[1]) > max(time[1]) for _, t in later) \
                or any(t and t[0] == time[0] and max(t[1]) < min(time[1]) for _, t in earlier):
            opened[i] = replace(dose, phase=LOADING)
    return opened


def _other(dose: Dose, step: Dose) -> bool:
    """Whether a dose is another amount in the same unit than a step's: a regimen that goes on at the same amount
    ("100 mg on day 1 and 100 mg on day 8") starts with no loading dose."""
    return dose.unit == step.unit and (dose.low, dose.high) != (step.low, step.high)


def times_after(text: str, dose: Dose, limit: int) -> tuple[str, tuple[int, ...], int] | None:
    """(weeks or days, their numbers, where they end) an amount is given at, named right after it before `limit`."""
    m = _AT_TIMES.match(text, dose.end, limit)
    if m is None:
        return None
    kind = "week" if m.group("kind").lower().startswith("w") else "day"
    return kind, tuple(int(n) for n in _TIME_NUMBER.findall(m.group("numbers"))), m.end()


def _sentence_of(text: str, dose: Dose) -> tuple[int, int]:
    """Where the sentence holding the dose starts and ends (a decimal point ends none)."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, dose.start)]
    end = _SENTENCE_END.search(text, dose.end)
    return (starts[-1] if starts else 0), (end.start() if end else len(text))
