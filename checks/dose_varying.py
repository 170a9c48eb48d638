"""Amounts that state no one fixed dose: text whose doses vary by design (escalation, titration, cohorts), the most
that may be given ("up to 10 mg") and the least ("at least 150 mg")."""
from __future__ import annotations

import re

# Text whose doses differ by design: escalation cohorts, titration, tapering, dose levels.
VARIABLE_DOSING = (
    r"\bescalat\w*", r"\bde-?escalat\w*", r"\btitrat\w*", r"\bup-?titrat\w*", r"\btaper\w*",
    r"\bdose[\s-]+levels?\b", r"\bcohorts?\b", r"\b(?:increased?|decreased?|reduced?|raised?|adjusted)\s+"
    r"(?:\w+\s+){0,3}to\b", r"\bstep[\s-]?(?:up|down|wise)\b", r"\bramp[\s-]?up\b",
    r"\bdose[\s-]+ascen\w*", r"\bascending[\s-]+(?:\w+[\s-]+)?doses?\b", r"\b3\s*\+\s*3\b",
    r"\bstarting\s+(?:from|at)\s+(?:a\s+dose\s+of\s+)?[\d.]+\s*(?:mg|mcg|µg|μg|g|iu|units?)\b",
)
_VARIABLE = re.compile("|".join(VARIABLE_DOSING), re.I)
# A part of every word or sign VARIABLE_DOSING reads: a text with none of them is read no further.
_VARIABLE_PARTS = ("escalat", "titrat", "taper", "level", "cohort", "increas", "decreas", "reduc", "raise",
                   "adjust", "step", "ramp", "ascen", "+", "starting")


# The most that may be given, not the dose ("up to 10 mg", "maximum of 40 IU", "max. 4 g/day", "not to exceed
# 2 g", "no more than 8 mg", "≤ 10 mg", "titrated to a maximum of 8 mg", "a maximum daily dose of 4 g"): any dose
# within it agrees with it (titration, as-needed dosing, a ceiling).
_DOSE_WORD = r"(?:(?:tolerated|total|daily|cumulative|single|weekly|recommended|allowed|permitted)\s+)*"
CEILING_BEFORE = re.compile(
    r"(?:\bup\s+to(?:\s+(?:a\s+)?max(?:imum|imal)?\.?)?|\b(?:max(?:imum|imal)?|max\.)|\bnot\s+to\s+exceed"
    r"|\bnot\s+exceeding|\b(?:no|not)\s+more\s+than|\bat\s+(?:the\s+)?most|\btitrated\s+(?:up\s+)?to"
    r"|≤|<=|=<)"
    rf"\s*{_DOSE_WORD}(?:(?:doses?|dosages?|amount)\s*)?(?:\s(?:of|is|was|will\s+be)\b)?\s*[:=]?\s*\(?\s*$", re.I)
# ... or after it: "10 mg maximum", "4 g/day (max)", but not "2 mg (maximum 10 mg)", whose maximum is the next amount.
CEILING_AFTER = re.compile(r"\s*[(,]?\s*(?:max(?:imum|imal)?\b|max\.)(?![^\d.;)]{0,25}\d)", re.I)
_CEILING_WORDS = ("up to", "max", "exceed", "more than", "most", "titrated", "≤", "<=", "=<")
# How far before an amount its ceiling's words may start ("up to a maximum total daily dose of").
CEILING_BEFORE_WINDOW = 60


def ceiling(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is the most that may be given rather than the dose."""
    after = text[end:end + 12].lower()
    if "max" in after and CEILING_AFTER.match(text, end):
        return True
    before = text[max(0, start - CEILING_BEFORE_WINDOW):start]
    lower = before.lower()
    return any(word in lower for word in _CEILING_WORDS) and CEILING_BEFORE.search(before) is not None


# The least that is given, not the dose ("at least 150 mg", "a minimum of 2 g", "no less than 10 mg", "≥ 5 mg"): it
# states no amount another dose could contradict.
FLOOR_BEFORE = re.compile(r"(?:\bat\s+least|\bminimum|\bmin\.|\b(?:no|not)\s+(?:less|fewer)\s+than|≥|>=)"
                          r"\s*(?:(?:dose|of)\s*)*[:=]?\s*$", re.I)
_FLOOR_WORDS = ("least", "minim", "min.", "less than", "fewer than", "≥", ">=")


def floor(text: str, start: int) -> bool:
    """Whether the amount at `start` is the least that is given rather than the dose."""
    before = text[max(0, start - CEILING_BEFORE_WINDOW):start]
    lower = before.lower()
    return any(word in lower for word in _FLOOR_WORDS) and FLOOR_BEFORE.search(before) is not None


def variable_dosing(text: str) -> bool:
    """Whether a text describes doses that vary by design (escalation, titration, cohorts)."""
    lower = text.lower()
    return any(part in lower for part in _VARIABLE_PARTS) and _VARIABLE.search(text) is not None
