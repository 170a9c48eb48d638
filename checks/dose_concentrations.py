"""Concentrations in percent ("0.5% eye drops", "1% to 2%"), not shares ("50% of the dose", "reduced by 30%"), each
with its regimen phase, route and product form: compared only with concentrations."""
from __future__ import annotations

import re

from checks.dose_agreement import Dose
from checks.dose_phases import phase_of
from checks.dose_routes import route_of

# A concentration in percent: "0.5%", "0.25-0.5 %", "1% to 2%". It is compared only with concentrations in percent
# (w/w and w/v are not told apart): "1% lidocaine 5 mL" and "lidocaine 50 mg" state no two concentrations.
_PERCENT = re.compile(r"(?<![\w.,/])(?P<low>\d*\.\d+|\d+)(?:\s*%?\s*(?:-|–|to)\s*(?P<high>\d*\.\d+|\d+))?\s*%", re.I)
# A share, not a concentration: "50% of the dose", "a 25% reduction", "80% or more", "reduced by 30%", "SpO2 > 92%".
_SHARE_AFTER = re.compile(
    r"\s*(?:of\b|or\s+(?:more|less|greater|higher|lower|above|below|over|under)\b|and\s+(?:above|below|over)\b"
    r"|(?:reductions?|decreases?|increases?|improvements?|changes?|inhibition|response|responders?|power"
    r"|confidence|ci|probability|chance|rates?|risk|saturation|predicted|weight|body|t?bsa|fio2|oxygen|o2"
    r"|patients|participants|subjects|lower|higher|more|less|greater|above|below|margin|level|significance"
    r"|relative|absolute|dose)\b)", re.I)
_SHARE_BEFORE = re.compile(
    r"(?:\b(?:by|than|over|under|above|below|least|most|within|fio2|spo2|sao2|saturation|hba1c|a1c|ci|p)\s*[:=]?"
    r"|[<>≤≥=±~]|\+/-)\s*$", re.I)
MAX_PERCENT = 100.0
# The frequency of a concentration: none applies ("0.05% cream twice daily" and "0.05% cream once daily" agree).
NO_SCHEDULE = 0.0
# The product form a concentration is stated with, in the order that decides between two at one place.
PERCENT_FORMS = (
    ("eye", r"eye[\s-]*drops?|ophthalmic|ophthalmological|collyri\w*"),
    ("ear", r"ear[\s-]*drops?|otic"),
    ("nasal", r"nasal|nose[\s-]*drops?"),
    ("mouthwash", r"mouth[\s-]*wash\w*|mouth[\s-]*rinses?|oral[\s-]+rinses?|gargles?"),
    ("cream", r"creams?"),
    ("ointment", r"ointments?"),
    ("gel", r"gels?|jelly"),
    ("lotion", r"lotions?"),
    ("foam", r"foams?"),
    ("shampoo", r"shampoos?"),
    ("patch", r"patch(?:es)?|plasters?"),
    ("wipe", r"wipes?|cloths?|bath(?:ing)?|scrubs?|swabs?"),
    ("vaginal", r"vaginal|pessar(?:y|ies)"),
    ("varnish", r"varnish(?:es)?"),
    ("spray", r"sprays?"),
    ("skin", r"skin|cutaneous|surgical\s+prep\w*|antisep\w*"),
)
_PERCENT_FORM = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{words})" for name, words in PERCENT_FORMS) + r")\b",
                           re.I)
# How far after and before a concentration its form may stand (within its clause, before another amount).
FORM_AFTER, FORM_BEFORE = 30, 30
_FORM_STOP = re.compile(r"[.;,(:\d]")


def percents(text: str, variable: bool) -> list[Dose]:
    """The concentrations in percent of a text, each with its regimen phase, route and product form. A
    concentration has no frequency ("0.05% cream twice daily" and "0.05% cream once daily" state one) and no
    count multiplies it ("two drops of 0.5%")."""
    found = [m for m in _PERCENT.finditer(text) if _concentration(text, m)]
    doses = []
    for i, m in enumerate(found):
        low, high = float(m.group("low")), float(m.group("high") or m.group("low"))
        previous_end = found[i - 1].end() if i else 0
        next_start = found[i + 1].start() if i + 1 < len(found) else len(text)
        doses.append(Dose(min(low, high), max(low, high), "%", NO_SCHEDULE, m.start(), m.end(), m.group(0).strip(),
                          phase=phase_of(text, m.start(), m.end()), form=_form_of(text, m.start(), m.end()),
                          route=route_of(text, m.start(), m.end(), previous_end, next_start), variable=variable))
    return doses


def _concentration(text: str, m: re.Match) -> bool:
    """Whether the percentage is a concentration: at most 100, not a share of something ("50% of the dose",
    "reduced by 30%")."""
    if float(m.group("high") or m.group("low")) > MAX_PERCENT:
        return False
    return not _SHARE_AFTER.match(text, m.end()) and not _SHARE_BEFORE.search(text, max(0, m.start() - 12), m.start())


def _form_of(text: str, start: int, end: int) -> str | None:
    """The product form named right after a concentration ("0.5% eye drops"), else right before it in its
    clause ("tacrolimus ointment 0.1%"), or None."""
    stop = _FORM_STOP.search(text, end, end + FORM_AFTER)
    after = _PERCENT_FORM.search(text, end, stop.start() if stop else end + FORM_AFTER)
    if after:
        return after.lastgroup
    window = text[max(0, start - FORM_BEFORE):start]
    cuts = list(_FORM_STOP.finditer(window))
    found = list(_PERCENT_FORM.finditer(window, cuts[-1].end() if cuts else 0))
    return found[-1].lastgroup if found else None
