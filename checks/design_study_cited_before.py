"""A sentence that goes on, in the past, about the one study the sentence before it cited with its finding ("A clinical
study applied on 1166 patients thorough phase III trial (NCI #I91-0001) ... demonstrated that ... In this study
Patients were randomly assigned to receive a placebo or the retinoid isotretinoin ... in a double-blind fashion",
NCT04577378): "this study" is the one cited, and the design the sentence gives is not this study's."""
from __future__ import annotations

import re

# A sentence opening "In this study" or "In that trial" whose verb is in the past ("were randomly assigned", "received",
# "was conducted"): what a registry writes of a study cited, where this study's own design is given as planned.
IN_THIS_STUDY_IN_THE_PAST_OPENING = re.compile(
    r"\s*in\s+(?:this|that|the\s+same)\s+(?:[\w-]+\s+){0,2}?(?:study|trial)\b,?"
    r"(?=[^.;]*\b(?:was|were|had\s+been|received|enrolled|included|recruited)\b)", re.I)
# One study cited by a sentence: "A" or "An" opens it, its noun follows within a few words, and a past verb of
# finding follows further on ("A clinical study ... demonstrated that", "An observational trial of 120 patients
# showed").
_ONE_STUDY_CITED = re.compile(
    r"^\s*(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?:study|trial)\b[^.;]*?\b(?:demonstrated|showed|found|revealed|reported"
    r"|indicated|suggested|concluded|observed)\b", re.I)
# What the cited study's sentence says of it that no sentence about this study says: its size ("on 1166 patients",
# "(n=131)"), its code ("NCI #I91-0001", "NCT00000000") or where it was done ("at a National Cancer Institute").
_CITED_WITH = re.compile(
    r"\b(?:on|of|in|with|enrolled|included)\s+\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:patients|participants|subjects"
    r"|people|persons|women|men|children|adults|cases|volunteers)\b|\(\s*n\s*=\s*\d|#\s*[\w-]*\d|\bNCT\d{8}\b"
    r"|\bat\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:institute|centre|center|hospital|university)\b", re.I)
_THIS_STUDY = re.compile(r"\b(?:this|our|the\s+(?:present|current|proposed))\s+(?:[\w-]+\s+){0,2}?(?:study|trial)\b",
                         re.I)


def goes_on_about_the_study_cited(previous: str) -> bool:
    """Whether `previous`, the sentence before one that opens "In this study" in the past
    (IN_THIS_STUDY_IN_THE_PAST_OPENING), cites one study with its finding and its size, code or place, and names this
    study nowhere: the sentence after it goes on about that study."""
    return bool(_ONE_STUDY_CITED.search(previous) and _CITED_WITH.search(previous) and not _THIS_STUDY.search(previous))
