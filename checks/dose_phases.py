"""The regimen phase an amount belongs to (loading, maintenance, induction...), named before it or right after it,
the role named later in its clause (induction, conditioning, post-transplant...), and an amount given as a
bolus."""
from __future__ import annotations

import re

from checks.dose_context import clause_before

# The regimen phase an amount belongs to, named before it in its clause ...
PHASES = (
    ("loading", r"loading|load|starting|initial(?:ly)?|priming|first\s+(?:dose|infusion|injection)|day\s*1"),
    ("maintenance", r"maintenance|maintain(?:ed)?|then|followed\s+by|thereafter|subsequently|afterwards"
                    r"|continu(?:e|ed|ing|ation)|subsequent"),
    ("induction", r"induction|re-?induction"),
    ("consolidation", r"consolidation|intensification"),
    ("conditioning", r"conditioning|myeloablat\w*|lymphodeplet\w*"),
    ("mobilization", r"mobili[sz]ation|mobili[sz]ing"),
    ("booster", r"boost(?:er)?"),
)
# ... and the role of a dose given after a graft (as GVHD prophylaxis), apart from the same drug's conditioning dose
# ("post-transplant cyclophosphamide 50 mg/kg" against "cyclophosphamide 14.5 mg/kg" of a conditioning regimen).
POST_TRANSPLANT = "post_transplant"
_POST_TRANSPLANT_WORDS = r"post[\s-]?(?:transplant(?:ation)?|hct|hsct|sct|asct|bmt|grafting)|ptcy|pt[\s-]cy"
_PHASE_BEFORE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{words})" for name, words in (*PHASES, (POST_TRANSPLANT, _POST_TRANSPLANT_WORDS)))
    + r")\b", re.I)
# ... or right after it as a kind of dose: "400 mg loading dose", "200 mg as maintenance".
PHASES_AFTER = (
    ("loading", r"loading|load|starting|initial|priming"),
    ("maintenance", r"maintenance"),
    ("induction", r"induction"),
    ("consolidation", r"consolidation"),
    ("conditioning", r"conditioning"),
    ("mobilization", r"mobili[sz]ation"),
    ("booster", r"booster"),
)
_PHASE_AFTER = re.compile(
    r"\s*(?:(?:as|for|during)\s+(?:a|an|the)?\s*)?(?:" + "|".join(
        f"(?P<{name}>{words})" for name, words in PHASES_AFTER) + r")\b", re.I)


# An amount given as a bolus: "0.5 mg/kg bolus", "1 mcg/kg IV bolus", "as a bolus", "a bolus of 80 U/kg", "bolus
# dose: 10 mg/kg". Before an infusion's rate it is the infusion's loading dose.
_BOLUS_WAY = r"(?:(?:iv|i\.v\.?|intravenous(?:ly)?|single)\s+)?"
BOLUS_AFTER = re.compile(rf"\s*{_BOLUS_WAY}(?:as\s+an?\s+)?{_BOLUS_WAY}bolus\b", re.I)
BOLUS_BEFORE = re.compile(r"\bbolus(?:\s+(?:dose|injection))?\s*(?:of|:|=)?\s*(?:(?:iv|intravenous)\s+)?$", re.I)


def bolus(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is said to be given as a bolus."""
    if "olus" not in text:
        return False
    return BOLUS_AFTER.match(text, end) is not None or BOLUS_BEFORE.search(clause_before(text, start)) is not None


# A role named later in the amount's clause, before the next amount or step: "at weeks 0, 2 and 6 (induction)",
# "every 8 weeks as maintenance therapy", "on days 3 and 4 post-transplant", or the days counted from a graft's day 0
# ("on days +3 and +4" after it; "on days -6 and -5" before it, the conditioning, though not "from day -3", where a
# dose given on goes on past the graft). The induction of anaesthesia or of labour is no role.
ROLES_AFTER = (
    ("loading", r"loading"),
    ("maintenance", r"maintenance"),
    ("induction", r"(?<!labor\s)(?<!labour\s)(?:re-?)?induction(?!\s+of\b)"),
    ("consolidation", r"consolidation|intensification"),
    ("conditioning", r"(?<!ischemic\s)(?<!ischaemic\s)conditioning|myeloablat\w*|lymphodeplet\w*"
                     r"|pre[\s-]?transplant(?:ation)?|preparative"
                     r"|days?\s+[-−–]\s*\d"),
    ("mobilization", r"mobili[sz]ation"),
    (POST_TRANSPLANT, _POST_TRANSPLANT_WORDS + r"|days?\s*\+\s*\d"
                      r"|after\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:transplant(?:ation)?|hct|hsct|sct|bmt)"),
)
_ROLE_AFTER = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<{name}>{words})" for name, words in ROLES_AFTER)
                         + r")(?![\w-])", re.I)
# The words that start the next step of a regimen: a role after them is that step's. So is a role on the next line
# that opens a list item or a paragraph ("Erlotinib 225mg D8-21 q3wks\n* Maintenance phase: Erlotinib 150mg").
_NEXT_STEP = re.compile(r"\b(?:then|followed\s+by|thereafter|subsequently|afterwards)\b|;"
                        r"|\n\s*(?:[*•·▪-]|\d{1,2}[.)]\s|\n)", re.I)
# Days counted on from before a graft ("from day -3", "starting on day -1"): the dose goes on past it, unless it ends
# before the graft ("from day -6 to day -2") or its conditioning is named.
_DAYS_ON_FROM = re.compile(r"\b(?:from|start\w*|begin\w*)\s+(?:on\s+)?days?\s+[-−–]\s*\d+"
                           r"(?!\s*(?:-|–|to|through|thru|until)\s*(?:days?\s*)?[-−–]\s*\d)", re.I)
# A role named as a time, not as the amount's ("0.15 mg/kg IV bolus at induction" of anaesthesia, "10 mg daily after
# induction", "until full mobilization"): the amount is not that role's dose.
_TIME_OF_ROLE = re.compile(r"\b(?:at|after|before|upon|until|till|following|prior\s+to|post|pre)\s+(?:[a-z]+\s+){0,2}$",
                           re.I)
_NAMED_CONDITIONING = re.compile(r"conditioning|myeloablat|lymphodeplet|pre[\s-]?transplant|preparative", re.I)
# A part of every word ROLES_AFTER reads, and how far after the amount its role may stand.
_ROLE_PARTS = ("loading", "mainten", "induc", "consolid", "intensif", "condition", "myeloabl", "lymphodepl", "transpl",
               "prepar", "mobili", "day", "ptcy", "pt-cy", "pt cy", "hct", "sct", "bmt", "graft")
ROLE_WINDOW = 60


def role_after(text: str, end: int, limit: int) -> str | None:
    """The regimen role named after the amount ending at `end` in its clause (before `limit`, the next amount or the
    sentence's end, and before the regimen's next step), or None where none is, or two are ("(induction and
    maintenance)")."""
    window = text[end:min(limit, end + ROLE_WINDOW)]
    lower = window.lower()
    if not any(part in lower for part in _ROLE_PARTS):
        return None
    step = _NEXT_STEP.search(window)
    window = window[:step.start()] if step else window
    roles = {m.lastgroup for m in _ROLE_AFTER.finditer(window) if not _TIME_OF_ROLE.search(window, 0, m.start())}
    if "conditioning" in roles and _DAYS_ON_FROM.search(window) and not _NAMED_CONDITIONING.search(window):
        roles.discard("conditioning")
    return roles.pop() if len(roles) == 1 else None


def phase_named_between(text: str, start: int, end: int) -> bool:
    """Whether a regimen phase is named between two amounts ("4 g IV, then 1 g/h")."""
    return _PHASE_BEFORE.search(text, start, end) is not None


def phase_of(text: str, start: int, end: int) -> str | None:
    """The regimen phase named for the amount at start..end ('loading', 'induction'...), or None."""
    after = _PHASE_AFTER.match(text, end)
    if after:
        return after.lastgroup
    found = list(_PHASE_BEFORE.finditer(clause_before(text, start)))
    return found[-1].lastgroup if found else None
