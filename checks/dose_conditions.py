"""A dose or a schedule that holds for some participants only ("3 g for patients weighing 120 kg or more", "15-24 kg:
2 tablets", "2.5 mg if ...; otherwise 5 mg") or for a while only ("every 4 weeks for 5 doses, then every 8
weeks")."""
from __future__ import annotations

import re

from checks.dose_context import clause_before

# A schedule that changes later with no new amount ("2 mg every 4 weeks for 5 doses, then every 8 weeks", "0.5 mg
# monthly for 3 months, then as needed"): the amount is given at more than one frequency.
LATER_SCHEDULE = re.compile(
    r"\b(?:then|thereafter|followed\s+by|afterwards)\b[\s,]*(?:(?:given|administered|dosed|injected|continued"
    r"|extended|reduced)\s+(?:to\s+)?)?(?:every|each|weekly|monthly|daily|twice|once|q\d|as\s+needed|prn"
    r"|on\s+demand|bi-?weekly)\b", re.I)


_LATER_WORDS = ("then", "thereafter", "followed", "afterwards")
# How far after the amount its later schedule may stand.
LATER_WINDOW = 120


def later_schedule(text: str, end: int, limit: int) -> bool:
    """Whether the schedule of the amount ending at `end` changes later in its sentence (before `limit`), or
    another is given to some participants ("0.5 mg once daily (twice daily if weight > 75 kg)")."""
    after = text[end:min(limit, end + LATER_WINDOW)].lower()
    if any(word in after for word in _LATER_WORDS) and LATER_SCHEDULE.search(after) is not None:
        return True
    return any(word in after for word in _IF_WORDS) and OTHER_SCHEDULE_IF.search(after) is not None



# A dose for some participants only ("3 g for patients weighing 120 kg or more", "2 mg if eGFR < 60", "weight < 50
# kg: 15 mg/kg"): other participants may get another dose, so it contradicts nothing, though it may agree.
_WHO = r"(?:patients|participants|subjects|children|adults|those|women|men|infants|neonates|people|individuals)"
_MEASURE = (r"(?:weight|body\s*weight|bw|e?gfr|crcl|creatinine\s+clearance|age|bmi|bsa|platelets?|anc|renal"
            r"|hepatic|kidney|liver)")
_COMPARED = r"(?:[<>≤≥]|=<|>=|<=|(?:less|more|greater|lower|higher)\s+than|under|over|above|below|at\s+least)"
CONDITION_AFTER = re.compile(
    rf"\s*[(,;]?\s*(?:[\w.]+\s+){{0,2}}?(?:(?:for|in)\s+{_WHO}\s+(?:weighing|aged|older|younger|{_COMPARED}"
    rf"|with\s+(?:an?\s+)?(?:{_MEASURE}|moderate|severe|mild)\b)|(?:if|when|where|for)\s+(?:the\s+)?{_MEASURE}\b"
    rf"|(?:if|when)\s+{_WHO}\s+(?:weigh|are|is)\b"
    # "2.5 mg twice daily in patients meeting 2 of 3 dose-reduction criteria, otherwise 5 mg twice daily"
    rf"|(?:for|in)\s+{_WHO}\s+(?:who\s+)?(?:meet|meets|meeting|fulfil\w*|satisf\w*)\b[^.;]{{0,40}}?"
    r"\b(?:reduction|adjustment|modification)\b)", re.I)
# An amount given only where something holds, another otherwise, in its sentence: "2.5 mg if 2 of: age >= 80,
# creatinine >= 1.5; otherwise 5 mg" (a decimal point ends no sentence).
OTHERWISE_AFTER = re.compile(r"(?:[^.]|(?<=\d)\.(?=\d)){0,100}?[,;(]\s*otherwise\b", re.I)
OTHERWISE_WINDOW = 120
# Before the amount, a weight or an organ's function that sets it apart ("if eGFR < 60, 2 mg", "patients weighing
# 120 kg or more: 3 g"); an age or a BMI there is more often the arm's whole population ("Patients with BMI >= 30
# receive 2.4 mg").
_SETS_APART = r"(?:weight|body\s*weight|bw|e?gfr|crcl|creatinine\s+clearance|renal|hepatic|kidney|liver)"
CONDITION_BEFORE = re.compile(
    rf"(?:\b(?:if|when|for)\s+(?:the\s+)?{_MEASURE}\b|\b{_WHO}\s+(?:weighing|with\s+(?:an?\s+)?{_SETS_APART}\b)"
    rf"|\b{_SETS_APART}\s*{_COMPARED})[^.;]*$", re.I)

# Another schedule for some participants, after the amount's: "(twice daily if weight > 75 kg)", "or every 48 hours
# in patients with CrCl < 30", "(once daily for eGFR < 30)".
OTHER_SCHEDULE_IF = re.compile(
    r"(?:\(|\bor\b)\s*(?:once|twice|thrice|three\s+times|four\s+times|\d+\s*(?:times|x)|every|q\.?\d+\s*h|bid|tid"
    rf"|qid|daily|weekly)\b[^.;)]{{0,50}}?\b(?:(?:if|when)\b|(?:for|in)\s+(?:{_WHO}|(?:the\s+)?{_MEASURE})\b)", re.I)
_IF_WORDS = ("if ", "when ", "for ", "in ")


# A band of body weight, as pediatric doses are given by weight: "20 to <25 kg", "5-<15 kg", "≥ 40 kg", "40 kg or
# more" (not an amount per kg: "15 mg/kg").
_KG = r"\d+(?:\.\d+)?\s*kg\b"
_WEIGHT_BAND = (rf"(?:(?:[<>≤≥]|=<|>=|<=)\s*{_KG}|\d+(?:\.\d+)?\s*(?:kg\s*)?(?:-|–|to)\s*(?:[<>≤≥]|<=)?\s*{_KG}"
                rf"|{_KG}\s+(?:or|and)\s+(?:more|above|over|less|below|under)\b)(?!\s*/)")
# The band after the amount: "25 mg once daily for children 20 to <25 kg", "75 mg twice daily (14 to < 25 kg)".
WEIGHT_BAND_AFTER = re.compile(
    rf"[^.;\d]{{0,30}}?(?:\(|\b(?:for|in)\s+(?:{_WHO}\s+)?(?:weighing\s+)?|\b(?:weight|body\s*weight|bw|wt)\s*:?)\s*"
    rf"(?:weight|body\s*weight|bw|wt)?\s*:?\s*{_WEIGHT_BAND}", re.I)
# ... or before it in its clause: "15-24 kg: 2 tablets", "Weight 14 to <20 kg: abacavir 300 mg".
WEIGHT_BAND_BEFORE = re.compile(rf"{_WEIGHT_BAND}\s*\)?\s*[:=,]?[^.;:]*$", re.I)


# A dose some participants may be moved to later, at a choice ("may have been switched to belimumab 10 mg/kg at the
# investigator's discretion", "could be escalated to 20 mg", "optionally increased to 40 mg"): the others stay on
# the dose they were given.
OPTIONAL_SWITCH_BEFORE = re.compile(
    r"\b(?:may|might|could|can|optionally|(?:is|are|was|were)\s+allowed\s+to)\s+"
    r"(?:also\s+)?(?:have\s+been\s+|be\s+)?(?:switch(?:ed)?|chang(?:e|ed)|escalat(?:e|ed)|increas(?:e|ed)"
    r"|mov(?:e|ed)|cross(?:ed)?\s+over|up-?titrat(?:e|ed))\s+(?:up\s+)?to\s+(?:[\w-]+\s+){0,3}$", re.I)
DISCRETION_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:at\s+the\s+(?:treating\s+)?(?:investigator|physician|doctor|clinician)(?:s|[’']s|s[’'])?"
    r"\s+discretion"
    r"|at\s+the\s+discretion\s+of\b|if\s+(?:the\s+)?(?:investigator|physician)\s+(?:decides|chooses|judges))", re.I)
# How far after the amount the choice that gives it may be told.
DISCRETION_WINDOW = 80
_CHOICE_WORDS = ("discretion", "decides", "chooses", "judges")


def optional_switch(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is one some participants may be moved to at a choice, not the dose given."""
    if OPTIONAL_SWITCH_BEFORE.search(clause_before(text, start)):
        return True
    after = text[end:end + DISCRETION_WINDOW].lower()
    return any(word in after for word in _CHOICE_WORDS) and DISCRETION_AFTER.match(text, end) is not None


def conditional(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is given only to participants of some weight, age or organ function, or of
    a band of body weight ("25 mg for children 20 to <25 kg", "15-24 kg: 2 tablets"), or one some may be moved to
    at a choice (`optional_switch`)."""
    if CONDITION_AFTER.match(text, end) or optional_switch(text, start, end):
        return True
    if "otherwise" in text[end:end + OTHERWISE_WINDOW].lower() and OTHERWISE_AFTER.match(text, end):
        return True
    before = clause_before(text, start)
    if CONDITION_BEFORE.search(before) is not None:
        return True
    if "kg" not in text:
        return False
    return WEIGHT_BAND_AFTER.match(text, end) is not None or WEIGHT_BAND_BEFORE.search(before) is not None
