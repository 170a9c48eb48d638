"""Whether a text withdraws the masking of a party it names, or the blinded design it states: blinded only "in
theory", or blinded and then denied in the same or the next sentence ("However, it is not possible to blind
completely")."""
from __future__ import annotations

import re

from checks.design_hyphens import hyphens_wide
from checks.design_text import Claim, sentence_at

# A hedge that leaves a party's masking unmade: "The participants are in theory blinded to which group",
# "In principle, outcome assessors will be blinded", "nominally double-blind".
_HEDGE = r"\b(?:in\s+theory|in\s+principle|theoretically|nominally)\b"
_HEDGE_IN = re.compile(_HEDGE, re.I)
# The hedge a few words before the claim, in its clause ("Treatment is in theory open, but outcome assessors are
# blinded" hedges the open treatment only).
_HEDGE_BEFORE = re.compile(_HEDGE + r",?\s+(?:[\w-]+,?\s+){0,5}$", re.I)
# Blinding denied as impossible or not kept: "is not possible", "is therefore not feasible", "was impossible",
# "cannot be maintained", "could not be guaranteed".
_NOT_KEPT = (r"(?:(?:is|are|was|were|will\s+be|would\s+be)\s+(?:(?:therefore|thus|also|however)\s+)?"
             r"(?:not\s+(?:\w+\s+)?(?:possible|feasible|practical)|impossible|unfeasible|infeasible|impractical)"
             r"|(?:cannot|can\s*not|can't|could\s+not|couldn't|will\s+not|won't)\s+be\s+(?:\w+\s+)?"
             r"(?:maintained|guaranteed|ensured|assured|kept|achieved|done|possible|complete))\b")
# A denial of blinding, each naming whom it denies where it names anyone: "it is not possible to blind completely",
# "it is not feasible to blind the surgeons", "blinding of participants and personnel is not possible", "blinding is
# not possible for the surgeons", "blinding could not be maintained", "the participants cannot be blinded", "they
# cannot be fully masked".
_DENIAL = re.compile(hyphens_wide(
    r"\bit\s+(?:is|was|will\s+be|would\s+be)\s+(?:(?:therefore|thus|also)\s+)?(?:not\s+(?:\w+\s+)?(?:possible"
    r"|feasible|practical)|impossible|unfeasible|infeasible|impractical)\s+to\s+(?:fully\s+|completely\s+)?"
    r"(?:blind|mask)\b(?:\s+(?:fully|completely|totally)\b)?(?:\s+(?:the\s+|all\s+)?[\w-]+(?:\s+and\s+[\w-]+)?)?"
    r"|\b(?:blinding|masking|the\s+blind)\b(?:\s+[\w-]+){0,4}?\s+" + _NOT_KEPT
    + r"(?:\s+(?:for|of)\s+(?:the\s+|all\s+)?[\w-]+(?:\s+and\s+[\w-]+)?)?"
    r"|\b[\w-]+\s+(?:cannot|can\s*not|can't|could\s+not|couldn't|will\s+not|won't|are\s+not\s+able\s+to)\s+be\s+"
    r"(?:\w+\s+)?(?:blinded|masked)\b"), re.I)
# The parties a masking names, by the side of the study they are on: those given the intervention, those who give
# it, and those who assess its outcomes (an assessor stays masked where the others cannot be: "Outcome assessors are
# blinded; the participants cannot be blinded").
_PARTIES = tuple((side, re.compile(hyphens_wide(pattern), re.I)) for side, pattern in (
    ("given", r"\b(?:participants?|patients?|subjects?|volunteers?|children|parents?|families|women|men|infants"
              r"|individuals?|persons?|people)\b"),
    ("giving", r"\b(?:investigators?|care[\s-]*(?:givers?|providers?)|providers?|surgeons?|physicians?|clinicians?"
               r"|doctors?|(?:physio)?therapists?|nurses?|dentists?|an(?:a?e)sthe(?:tists?|siologists?)"
               r"|assistants?|staff|personnel|team|researchers?|instructors?|trainers?|operators?"
               r"|interventionists?|sites?)\b"),
    ("assessing", r"\b(?:assess\w*|evaluat\w*|raters?|ratings?|examiners?|observers?|readers?|readings?|adjudicat\w*"
                  r"|scor(?:ing|ed|ers?)|end[\s-]?points?|outcomes?|radiologists?|pathologists?|sonographers?"
                  r"|review\w*|(?-i:BICR|BIRC|PROBE))\b"),
))
_PRONOUN = re.compile(r"\b(?:they|them)\b", re.I)
# Those a denial that names no one withdraws: the people given or giving the intervention, who may see it. They are
# also whom a blinded design names no one of masks ("a double-blind study"): a denial of them withdraws it.
SEEING = frozenset({"given", "giving"})
# The clause before a claim: from the last semicolon, colon or "but" before it.
_CLAUSE_START = re.compile(r".*(?:[;:]|\bbut\b|\bwhereas\b|\bhowever\b)", re.I | re.S)


def _sides(text: str) -> frozenset[str]:
    """The sides of the study (`_PARTIES`) of the parties a text names."""
    return frozenset(side for side, pattern in _PARTIES if pattern.search(text))


def _claim_sides(claim: Claim, clause: str, unnamed: frozenset[str]) -> frozenset[str]:
    """The sides of the parties a claim says are masked: those its words name, else those of its clause before,
    else `unnamed`."""
    return _sides(claim.phrase) or _sides(clause) or unnamed


def _denied_sides(denial: str, claimed: frozenset[str]) -> frozenset[str]:
    """The sides a denial of blinding withdraws: those it names ("they": the claim's), or, naming no one, the people
    given or giving the intervention."""
    named = _sides(denial)
    if named:
        return named
    return claimed if _PRONOUN.search(denial) else SEEING


def withdrawn(claim: Claim, unnamed: frozenset[str] = frozenset()) -> bool:
    """Whether the text withdraws the masking the claim names: hedged as "in theory", "in principle" or "nominally"
    in its words or just before them, or denied after them in the same or the next sentence ("However, it is not
    possible to blind completely", "blinding could not be maintained") of every party it names, or, naming none, of
    the sides `unnamed` (SEEING for a blinded design: "a double-blind study"). An assessor stays masked where only the
    people given or giving the intervention are denied."""
    text = claim.source.text
    s_start, s_end = sentence_at(text, claim.start)
    before = text[s_start:claim.start]
    cut = _CLAUSE_START.match(before)
    clause = before[cut.end():] if cut else before
    if _HEDGE_BEFORE.search(clause) or _HEDGE_IN.search(claim.phrase):
        return True
    claimed = _claim_sides(claim, clause, unnamed)
    if not claimed:
        return False
    after = len(text) - len(text[s_end:].lstrip())
    reach = sentence_at(text, after)[1] if after < len(text) else s_end
    denied: set[str] = set()
    for m in _DENIAL.finditer(text, claim.end, reach):
        denied |= _denied_sides(m.group(), claimed)
    return claimed <= denied
