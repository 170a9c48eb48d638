"""Claims read over a study's texts as some rules need them: the affirmed ones, those in sentences that point at no
other study, and whether a pattern matches anywhere."""
from __future__ import annotations

import re

from checks.design_folding import folded, may_mention, mentions_any
from checks.design_hyphens import ascii_hyphens
from checks.design_study_openings import we_conduct_it
from checks.design_text import NEEDLES_BY_KEY, Claim, claims, phrases
from checks.study_text import StudyText, other_study


def affirmed(texts: list[StudyText], pattern) -> list[Claim]:
    return [c for c in claims(texts, pattern) if not c.negated]


def claims_not_elsewhere(sources: list[StudyText], pattern: re.Pattern) -> list[Claim]:
    """Every match of `pattern` in sentences that point at no other study, marked negated or not. A narrative's
    sentence on how the study is run ("The evaluator is masked", "An individual blinded to intervention assignment
    will collect measures") need not name this study to be about it: only a sentence that points at another (a
    previous trial, a citation, a study to come) is not."""
    needles = NEEDLES_BY_KEY.get((pattern.pattern, pattern.flags))
    found = []
    for source in sources:
        if not may_mention(source, needles):
            continue
        for m, s_start, s_end, negated, own in phrases(source, pattern):
            sentence = ascii_hyphens(source.text[s_start:s_end])
            if own or other_study(sentence) is None or we_conduct_it(sentence):
                found.append(Claim(source, m.start(), m.end(), negated))
    return found


def mentions(sources: list[StudyText], pattern: re.Pattern) -> bool:
    """Whether any of the texts matches `pattern` anywhere (no context rules)."""
    needles = NEEDLES_BY_KEY.get((pattern.pattern, pattern.flags))
    return any(pattern.search(source.text) for source in sources
               if not needles or (lowered := folded(source)) is None or mentions_any(lowered, needles))
