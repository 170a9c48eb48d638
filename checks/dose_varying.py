"""Amounts that state no one fixed dose: text whose doses vary by design (escalation, titration, cohorts), but for
another drug's one amount beside the drug it escalates, the most that may be given ("up to 10 mg") and the least
("at least 150 mg")."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from checks.drug_names import stem_drugs

# Text whose doses differ by design: escalation cohorts, titration, tapering, dose levels.
VARIABLE_DOSING = (
    r"\bescalat\w*", r"\bde-?escalat\w*", r"\btitrat\w*", r"\bup-?titrat\w*", r"\btaper\w*",
    r"\bdose[\s-]+levels?\b", r"\bcohorts?\b", r"\b(?:increased?|decreased?|reduced?|raised?|adjusted)\s+"
    r"(?:\w+\s+){0,3}to\b", r"\bstep[\s-]?(?:up|down|wise)\b", r"\bramp[\s-]?up\b",
    r"\bdose[\s-]+ascen\w*", r"\bascending[\s-]+(?:\w+[\s-]+)?doses?\b", r"\b3\s*\+\s*3\b",
    r"\b(?:starting|started|start)\s+(?:from|at)\s+(?:a\s+dose\s+of\s+)?[\d.]+\s*(?:mg|mcg|µg|μg|g|iu|units?)\b",
    r"\b(?:increas|decreas|reduc)\w*\s+by\s+[\d.]+\s*(?:mg|mcg|µg|μg|g|iu|units?)\b",
    r"\buntil\s+(?:the\s+)?(?:final\s+|maximum\s+)?target\s+dose\b",
)
_VARIABLE = re.compile("|".join(VARIABLE_DOSING), re.I)
# A part of every word or sign VARIABLE_DOSING reads: a text with none of them is read no further.
_VARIABLE_PARTS = ("escalat", "titrat", "taper", "level", "cohort", "increas", "decreas", "reduc", "raise",
                   "adjust", "step", "ramp", "ascen", "+", "start", "target")


# The most that may be given, not the dose ("up to 10 mg", "maximum of 40 IU", "max. 4 g/day", "not to exceed
# 2 g", "no more than 8 mg", "≤ 10 mg", "<0.1 mg", "titrated to a maximum of 8 mg", "a maximum daily dose of 4 g"):
# any dose within it agrees with it (titration, as-needed dosing, a ceiling).
_DOSE_WORD = r"(?:(?:tolerated|total|daily|cumulative|single|weekly|recommended|allowed|permitted)\s+)*"
CEILING_BEFORE = re.compile(
    r"(?:\bup\s+to(?:\s+(?:a\s+)?max(?:imum|imal)?\.?)?|\b(?:max(?:imum|imal)?|max\.)|\bnot\s+to\s+exceed"
    r"|\bnot\s+exceeding|\b(?:no|not)\s+more\s+than|\bat\s+(?:the\s+)?most|\btitrated\s+(?:up\s+)?to"
    r"|≤|<=|=<|<)"
    rf"\s*{_DOSE_WORD}(?:(?:doses?|dosages?|amount)\s*)?(?:\s(?:of|is|was|will\s+be)\b)?\s*[:=]?\s*\(?\s*$", re.I)
# ... or after it: "10 mg maximum", "4 g/day (max)", but not "2 mg (maximum 10 mg)", whose maximum is the next amount.
CEILING_AFTER = re.compile(r"\s*[(,]?\s*(?:max(?:imum|imal)?\b|max\.)(?![^\d.;)]{0,25}\d)", re.I)
_CEILING_WORDS = ("up to", "max", "exceed", "more than", "most", "titrated", "≤", "<")
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


@lru_cache(maxsize=8192)  # a text's dose reading and the choice of the drug names it is read with both ask
def variable_dosing(text: str) -> bool:
    """Whether a text describes doses that vary by design (escalation, titration, cohorts)."""
    lower = text.lower()
    return any(part in lower for part in _VARIABLE_PARTS) and _VARIABLE.search(text) is not None


# A drug's name as a text writes it: a word or a code ("olaparib", "ABC-123", "MK-3475").
_NAME = r"([a-z][\w-]*\w)"
# An investigational product's code: letters then digits ("ABC-123", "MK-3475", "BAY1895344", "AZD1775").
_CODE = re.compile(r"[a-z]{2,6}-?\d{2,}[a-z\d-]*")
# Words that may follow "and" or a comma after a drug's name but name no second drug: who is dosed, a unit, a verb.
_NOT_NAMES = frozenset({
    "patients", "participants", "subjects", "doses", "dose", "dosing", "cohort", "cohorts", "level", "levels", "then",
    "will", "be", "is", "are", "was", "were", "following", "using", "per", "given", "administered", "taken", "the",
    "a", "an", "of", "with", "to", "at", "in", "on", "by", "for", "from", "as", "mg", "mcg", "ug", "g", "kg", "iu",
    "once", "twice", "daily", "weekly", "orally", "oral", "iv", "sc", "intravenous", "intravenously",
    "subcutaneous", "subcutaneously", "tablets", "capsules", "thereafter", "until", "every", "each", "up",
})


def _drug_word(word: str, names: Mapping[str, str]) -> bool:
    """Whether a word read where a drug's name stands is one: a word of the study's drugs' names (`names`), or one
    that carries a drug's INN stem or is a product's code (a verb, a body or a design word standing there is none:
    "patients will receive escalating doses")."""
    lower = word.lower()
    if lower in _NOT_NAMES:
        return False
    return lower in names or _CODE.fullmatch(lower) is not None or lower in stem_drugs(lower)


def names_change_escalation(words: list[str], names: Mapping[str, str]) -> bool:
    """Whether the study's drug words a varying text writes (`names` maps them to their drugs' names) change which
    drug it escalates and which amounts are another drug's: one of them is a drug's name by the study alone (no INN
    stem, no code: "lenalidomide", "insulin"), or two name one drug ("MEDI4736", "durvalumab")."""
    return any(not _drug_word(word, {}) for word in words) or len({names[word] for word in words}) < len(words)


def _coordinated(word: str, drug: str, names: Mapping[str, str]) -> bool:
    """Whether a word coordinated with the drug `drug` names a second drug: not a word of who is dosed or how, nor
    another of the drug's own names ("escalating doses of MEDI4736/durvalumab" in a study of "Durvalumab
    (MEDI4736)")."""
    lower = word.lower()
    return lower not in _NOT_NAMES and names.get(lower, lower) != names.get(drug, drug)


# The drug an escalation names after its words: "dose escalation of olaparib", "escalating doses of oral ABC-123",
# "titration of the metformin", "ascending doses of MK-3475"; not "dose escalation with pembrolizumab", the drug
# the escalated one is combined with.
_NAMED_AFTER = re.compile(rf"\s+(?:(?:doses?|dosing|levels?)\s+)?of\s+(?:(?:the|oral|iv|intravenous|"
                          rf"subcutaneous|sc)\s+)*{_NAME}", re.I)
# A word of varying doses that may stand between the drug and the words read ("olaparib dose-escalation cohorts").
_VARYING_WORD = r"(?:dose[\s-])?(?:de-?)?(?:escalat|titrat|taper|ascen)\w*"
# ... or before them: "olaparib dose escalation", "ABC-123 will be escalated", "olaparib at escalating doses", "olaparib
# in ascending doses", "olaparib (dose levels 1-4", "olaparib, starting at 100 mg"; not "pembrolizumab in the dose
# escalation part", a part of the study the drug is given in.
_NAMED_BEFORE = re.compile(rf"(?<![\w-]){_NAME}\s*(?:[(,]\s*)?(?:(?:will|shall|may|can|is|are|was|were|be|being|been"
                           rf"|then|at|doses?|dosing|dose-|{_VARYING_WORD})\s*)*(in\s+)?$", re.I)
# What follows "in" that ties a drug to its varying doses ("olaparib in escalating doses", "in ascending doses").
_IN_VARYING = re.compile(r"escalat|ascen", re.I)
# A second drug coordinated with the escalated one, which escalates too: "escalating doses of olaparib and
# durvalumab", "olaparib/durvalumab dose escalation", "Olaparib and durvalumab will be titrated".
_COORDINATED_AFTER = re.compile(rf"\s*(?:,|/|&|\band\b|\bor\b)\s*{_NAME}", re.I)
_COORDINATED_BEFORE = re.compile(rf"(?<![\w-]){_NAME}\s*(?:,|/|&|\band\b|\bor\b)\s*$", re.I)
# How far before an escalation's words its drug may be named ("Olaparib will then be escalated").
_NAMED_WINDOW = 60


def escalated_drug(text: str, names: Mapping[str, str] | None = None) -> str | None:
    """The one drug every word of varying doses in a text names ("Dose escalation of olaparib ... olaparib will be
    escalated"): its name where `names` (the study's drug words and their drugs' names) holds its word, else the
    lower-case word; None when one of them names no drug, they name different drugs, or the escalated drug is
    coordinated with another ("escalating doses of olaparib and durvalumab")."""
    names = names or {}
    named = set()
    for m in _VARIABLE.finditer(text):
        word = _named_by(text, m.start(), m.end(), names)
        if word is None:
            return None
        named.add(names.get(word, word))
    return named.pop() if len(named) == 1 else None


def _named_by(text: str, start: int, end: int, names: Mapping[str, str]) -> str | None:
    """The drug word the varying-dose words at start..end name, after them or before them, or whose parenthesis they
    stand in ("olaparib (cohort 1: 100 mg"); None if none or two."""
    after = _NAMED_AFTER.match(text, end)
    if after and _drug_word(after.group(1), names):
        drug = after.group(1).lower()
        following = _COORDINATED_AFTER.match(text, after.end())
        return None if following and _coordinated(following.group(1), drug, names) else drug
    window = max(0, start - _NAMED_WINDOW)
    opened = text.rfind("(", window, start)
    if opened >= 0 and ")" not in text[opened:start]:
        start = opened  # the words stand in a parenthesis: its drug is named right before it
    before = _NAMED_BEFORE.search(text, window, start)
    if before is None or not _drug_word(before.group(1), names) \
            or before.group(2) and not _IN_VARYING.match(text, start):
        return None
    drug = before.group(1).lower()
    leading = _COORDINATED_BEFORE.search(text, max(0, before.start() - _NAMED_WINDOW), before.start())
    return None if leading and _coordinated(leading.group(1), drug, names) else drug


# Another drug named right before its amount, the first of its clause or after a word that joins it to the escalated
# one: "in combination with pembrolizumab 200 mg", "plus nivolumab (480 mg", "; durvalumab 1500 mg", "+ fixed-dose
# nivolumab at a dose of 480 mg", "Arm A: pembrolizumab 200 mg"; `first`, the words before the last of a name of
# several ("plus abiraterone acetate 1000 mg").
_OTHER_BEFORE = re.compile(
    rf"(?:^|[.;:\n]\s*|\b(?:plus|with|and)\s+|[+&]\s*)(?:(?:the|standard|fixed|flat|standard-dose|fixed-dose|flat-dose"
    rf"|oral|iv|intravenous|subcutaneous|sc)\s+)*(?P<first>(?:(?!(?:plus|with|and)\b)[a-z][\w-]*\w\s+){{0,2}}?)"
    rf"(?P<name>[a-z][\w-]*\w)"
    rf"(?:\s*[(:,]\s*|\s+)(?:(?:at|a|an|the|fixed|flat|dose|doses|of|oral|orally|iv|i\.v\.|intravenous|intravenously"
    rf"|subcutaneous|subcutaneously|sc|po|given|administered|infused)\s*)*$", re.I)
# What ends the other drug's part of the text before the next amount: a sentence or clause, or a drug joined on.
_PART_END = re.compile(r"[.;]\s|[;\n]|\b(?:plus|with|and)\s+[a-z]|[+&]\s*[a-z]", re.I)
# How far before its amount the other drug may be named ("in combination with pembrolizumab at a fixed dose of").
_OTHER_WINDOW = 80


def fixed_amounts(text: str, amounts: list[tuple[int, int]], names: Mapping[str, str] | None = None) -> frozenset[int]:
    """The indexes of the amounts (start, end) of a varying text that are each the one amount of a drug other than
    the one it escalates, named right before it ("Escalating doses of ABC-123 plus nivolumab 480 mg Q4W": 480 mg is
    nivolumab's, given at one dose); none when the text does not name one escalated drug (`escalated_drug`). `names`
    maps the study's drug words to its drugs' names: a word of one is a drug's name, and two words of one drug ("Dose
    escalation of MEDI4736 ...; durvalumab 1500 mg") name no other drug."""
    names = names or {}
    others = {}
    for i, (start, end) in enumerate(amounts):
        next_start = amounts[i + 1][0] if i + 1 < len(amounts) else len(text)
        other = _OTHER_BEFORE.search(text, max(0, start - _OTHER_WINDOW), start)
        if other and _named_other(other, names) and (next_start == len(text)
                                                     or _PART_END.search(text, end, next_start) is not None):
            word = other.group("name").lower()
            others[i] = names.get(word, word)
    if not others:  # most varying texts: no other drug's amount, the escalated drug is not looked for
        return frozenset()
    escalated = escalated_drug(text, names)
    return frozenset(i for i, other in others.items() if escalated and other != escalated)


def _named_other(other: re.Match, names: Mapping[str, str]) -> bool:
    """Whether the words read before another drug's amount name a drug: its one word, or the words of one of the
    study's drugs' names ("abiraterone acetate")."""
    word = other.group("name").lower()
    if not _drug_word(word, names):
        return False
    first = other.group("first").split()
    return not first or word in names and all(names.get(w.lower()) == names[word] for w in first)
