"""A carboplatin dose as the target area under the curve ("AUC 5", "AUC=6 mg/mL/min"), not a pharmacokinetic
measure ("AUC0-24"): compared only with another target."""
from __future__ import annotations

import re

from checks.dose_agreement import Dose
from checks.dose_amounts import DOSE
from checks.dose_frequency import FREQUENCY_WINDOW, SENTENCE_END, frequency
from checks.dose_phases import phase_of
from checks.dose_routes import route_of

# A carboplatin dose as the target area under the curve ("AUC 5", "AUC=6 mg/mL/min", "target AUC of 2", "AUC5", "(AUC)
# 5", "AUC 5 or 6"): compared only with another target, not a pharmacokinetic measure ("AUC0-24", "AUC 0-24 h").
AUC = "AUC"
_TARGET_AUC = re.compile(r"\bAUC\)?(?:\s*[=:]\s*|\s+(?:of\s+)?|(?=[1-9]))(?P<low>\d+(?:\.\d+)?)"
                         r"(?:\s*(?:-|–|to|or|/)\s*(?P<high>\d+(?:\.\d+)?))?"
                         r"(?!\s*(?:-|–)\s*\d)(?!\s*(?:-|–)?\s*(?:h|hrs?|hours?|inf|∞|t|last|tau|d|days?)\b)"
                         r"(?![\d.])")
# The greatest target AUC given (mg/mL·min); a greater number is no target.
MAX_TARGET_AUC = 10.0


def target_aucs(text: str, variable: bool) -> list[Dose]:
    """The target AUCs of a text, each with the frequency stated after it, its regimen phase and route."""
    doses = []
    for m in _TARGET_AUC.finditer(text):
        low, high = float(m.group("low")), float(m.group("high") or m.group("low"))  # "AUC 5 or 6": either
        if low > MAX_TARGET_AUC or not low:
            continue
        sentence_end = SENTENCE_END.search(text, m.end())
        window_end = min(sentence_end.start() if sentence_end else len(text), m.end() + FREQUENCY_WINDOW)
        window = _AUC_UNIT.sub("", text[m.end():window_end], count=1)
        if next_amount := DOSE.search(window):  # "AUC 5 and paclitaxel 175 mg/m2 every 3 weeks": the other's
            window = window[:next_amount.start()]
        per_day, _ = frequency(window)
        high = low if high > MAX_TARGET_AUC else high
        doses.append(Dose(min(low, high), max(low, high), AUC, per_day, m.start(), m.end(), m.group(0).strip(),
                          phase=phase_of(text, m.start(), m.end()), variable=variable,
                          route=route_of(text, m.start(), m.end(), 0, window_end)))
    return doses


# The unit written after a target AUC ("mg/mL/min", "mg/ml x min", "mg·min/mL"), read past for the frequency.
_AUC_UNIT = re.compile(r"^\s*mg\s*(?:[/.·*×x]|per)\s*(?:ml|min)\w*(?:\s*(?:[/.·*×x]|per)\s*(?:ml|min)\w*)?", re.I)
