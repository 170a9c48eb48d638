"""A design term that is this study's whatever else its sentence says: qualified by "this" ("this double-blind
extension"), "re-randomized", or among the design words that open the study's title."""
from __future__ import annotations

import re

from checks.design_hyphens import HYPHENS, hyphens_wide
from checks.design_other_trials import BEFORE_REACH, holds_any
from checks.study_text import StudyText

# The words that may stand between "this" and a design term of this study ("this 52-week, randomized, double-blind
# extension", "This is a phase 3, multicenter, double-blind study"): numbers, hyphenated words and design words.
_DESIGN_FILLER = hyphens_wide(
    rf"(?:\d[\w{HYPHENS}]*|[a-z]+[\s-]?(?:week|month|year|day)|[a-z]+[{HYPHENS}][\w{HYPHENS}]+"
    r"|phase|i{1,3}|iv|randomi[sz]ed|controlled|blinded|masked|prospective|multi-?cent(?:er|re|ric)"
    r"|multi-?national|international|pilot|exploratory|parallel|cross-?over|open|label|single|double|triple"
    r"|blind|extension|clinical|interventional|placebo|active|sham|comparative)")
# A term that qualifies this study by name ("This double-blind extension study", "In this randomized extension",
# "This is a randomized, double-blind, placebo-controlled extension of study ABC-123"): this study's design, though
# the sentence names the study participants came from. Not "our" study that this one is likened to ("will be the same
# as our parallel study which is investigating ...", NCT00082329): a companion study; nor "our" study whose results
# are cited ("The results of our observational study indicate that ...", NCT01449708), which may be an earlier one.
_THIS_STUDY_NAMED_BEFORE = re.compile(
    r"(?:\b(?:this|the\s+present|the\s+current|(?<!\bsame\sas\s)(?<!\bsimilar\sto\s)(?<!\blike\s)"
    r"(?<!\bresults\sof\s)(?<!\bfindings\sof\s)(?<!\bresults\sfrom\s)our)"
    rf"|^\s*this\s+(?:(?:study|trial|extension)\s+)?"
    rf"(?:is|was|will\s+be)\s+(?:a|an))\s+(?:{_DESIGN_FILLER},?\s+(?:and\s+)?){{0,5}}$", re.I)
_THIS_WORDS = ("this", "present", "current", "our")


def named_this_study(sentence: str, start: int, lowered: str | None) -> bool:
    """Whether the term at sentence[start:] qualifies this study by name ("this double-blind extension") or says
    participants are randomized again ("re-randomized"), which makes it this study's design whatever other trial the
    sentence names."""
    if _AGAIN_BEFORE.search(sentence, max(0, start - 4), start):
        return True
    near = max(0, start - BEFORE_REACH)
    if lowered is not None and not holds_any(lowered[near:start], _THIS_WORDS):
        return False
    return _THIS_STUDY_NAMED_BEFORE.search(sentence, near, start) is not None


# Where a study gives its name: a design term leading a title is this study's own design.
TITLE_FIELDS = ("studies.official_title", "studies.brief_title")
# Words that are no design word of the title's study: what ties a term to something else ("of", "for", "vs", "in"),
# and the words that name a study participants came from ("Former Open-label Study Participants"), or the sub-study
# the title's study is of another ("Substudy-A Phase IIIB Multicenter, Randomized, Double-Blind, Double-Dummy Study",
# NCT01844895).
_NOT_THE_TITLES_DESIGN = (r"(?!(?:of|in|for|to|with|vs|versus|on|at|by|from|after|before|among|between|comparing"
                          r"|towards?|or|the|a|an|who|whom|that|which|where|when|if|whether|previous(?:ly)?|prior"
                          r"|parent|former(?:ly)?|original(?:ly)?|initially|earlier|preceding|core|feeder|post"
                          r"|sub-?stud(?:y|ies)[\w-]*)\b)")
# A word of a title, any hyphen in it ("Open\u2010label", "Placebo-controlled").
_TITLE_WORD = f"[\\w{HYPHENS}]+"
# A title's segment (from its start, or after a colon or a dash: "Drug X in Myeloma: an Open-label, Single-arm Phase 3
# Trial") opening with design words up to the term ("An Open Label, Multicenter, Phase IV", "A Phase 3, Randomized,").
_TITLE_LEAD_BEFORE = re.compile(hyphens_wide(
    r"(?:^|[:\u2013\u2014]|\s-\s)\s*(?:(?:an?|the)\s+)?"
    r"(?:" + _NOT_THE_TITLES_DESIGN + _TITLE_WORD + r"[,/]?\s+(?:and\s+)?){0,6}$"), re.I)
# The rest of that lead, up to the study it qualifies ("..., Multicenter, Phase IV Study", "Extension Study", "Trial").
_TITLE_LEAD_AFTER = re.compile(hyphens_wide(
    r"(?:[,/]?\s+(?:and\s+)?" + _NOT_THE_TITLES_DESIGN + _TITLE_WORD + r"){0,6}?[,/]?\s+"
    r"(?:study|trial|rct|extension|investigation)\b"), re.I)
# A term that itself ends with the study it qualifies ("Single-arm, Phase 2 Study").
_TITLE_HEAD_ENDS = re.compile(r"\b(?:study|trial|rct|extension|investigation)$", re.I)


def opens_the_title(title: str, at: int) -> bool:
    """Whether only design words stand before offset `at` in its segment of the title (from the title's start, or
    after a colon or dash), with an article: "An Open Label, Multicenter, " before "Phase IV Study"."""
    return _TITLE_LEAD_BEFORE.search(title, 0, at) is not None


# A title that, past its lead, calls the study an extension, rollover or follow-up of another ("Double-Blind Study
# ABC-301 Open-Label Extension"): its lead may name the parent study.
_EXTENSION_LATER = re.compile(r"\b(?:extension|roll-?over|continuation|follow-?up)\b", re.I)


def leads_the_title(source: StudyText, sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] of a title is among the design words that open the title (or its
    part after a colon or dash) and qualify the study it names ("An Open Label, Multicenter, Phase IV Study of Drug X
    in Participants Who Have Demonstrated Disease Progression"): this study's design, whatever the rest of the title
    says of earlier treatment, other studies or findings."""
    if source.field not in TITLE_FIELDS or not opens_the_title(sentence, start):
        return False
    if _TITLE_HEAD_ENDS.search(sentence, start, end):
        lead_end = end
    elif lead := _TITLE_LEAD_AFTER.match(sentence, end):
        lead_end = lead.end()
    else:
        return False
    return _EXTENSION_LATER.search(sentence, lead_end) is None


# "re-randomized": participants randomized again, in this study.
_AGAIN_BEFORE = re.compile(hyphens_wide(r"\bre[\s-]$"), re.I)
