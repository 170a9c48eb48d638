"""Sentences that speak of this study without naming it: the investigators conducting it ("We will conduct a
randomized trial"), a narrative's sentence headed as the design, listing the study's parts, naming a part with its
design, saying what a study named by its acronym is, or placing what participants will do in a study of a design."""
from __future__ import annotations

import re

from checks.design_hyphens import hyphens_wide
from checks.design_masking_terms import DESIGN_WORDS_BETWEEN
from checks.study_text import OTHER_STUDY

# The investigators saying they run the study the record describes ("We will conduct a randomized trial of drug X",
# "The investigators will conduct a double-blind study", "We are conducting a randomised trial", "We propose to
# conduct a randomised trial comparing A and B", a grant's summary of the study it funds): a trial "to conduct"
# is read as one to prepare (checks.study_context OTHER_STUDY), but here the subject is the investigators and the time
# now. Not a trial to follow ("If feasible, we will then conduct a randomized trial"), nor where the sentence names a
# second study ("We will conduct a pilot study to inform a randomized trial").
_WE_CONDUCT = re.compile(
    r"\b(?:we|the\s+(?:investigators|researchers|study\s+team|research\s+team))\s+(?:will|shall"
    r"|are(?:\s+going\s+to)?|plan\s+to|intend\s+to|aim\s+to|propose\s+to)\s+"
    r"(?:conduct|perform|carry\s+out|run|undertake)(?:ing)?"
    r"\s+(?:a|an)\s+(?:[\w-]+,?\s+){0,4}?(?:study|trial)\b", re.I)
_CONDUCT_WORDS = ("conduct", "perform", "carry", "run", "undertak")
_STUDY_NOUN = re.compile(r"\b(?:stud(?:y|ies)|trials?|rcts?|protocols?|pilots?|sub-?stud(?:y|ies))\b", re.I)
_TO_PREPARE = dict(OTHER_STUDY)["a study to prepare"]
# Words that put the trial after this one, or make it one supposed ("then", "next", "if", "once", "later").
_LATER_OR_SUPPOSED = re.compile(r"\b(?:if|once|when|whether|should|unless|after|afterwards|then|next|subsequent(?:ly)?"
                                r"|later|eventual(?:ly)?|future|upcoming|further|larger|definitive)\b", re.I)


def we_conduct_it(sentence: str) -> bool:
    """Whether the sentence says the investigators conduct this study ("We will conduct a randomized trial") and
    points at no other study: it names no study (nor a pilot) but the one it conducts, its only other-study reading is
    that trial, and nothing puts the trial later."""
    lowered = sentence.lower()
    if not any(word in lowered for word in _CONDUCT_WORDS) or _LATER_OR_SUPPOSED.search(sentence):
        return False
    ours = [m.span() for m in _WE_CONDUCT.finditer(sentence)]
    if not ours or any(not any(start <= m.start() < end for start, end in ours)
                       for m in _STUDY_NOUN.finditer(sentence)):
        return False
    if any(name != "a study to prepare" and pattern.search(sentence) for name, pattern in OTHER_STUDY):
        return False
    return all(any(start <= m.start() < end for start, end in ours) for m in _TO_PREPARE.finditer(sentence))


# A narrative's sentence headed as the study's design ("DESIGN: Prospective, randomized, single-blinded study."):
# about this study unless it points at another.
DESIGN_HEADING = re.compile(r"\s*(?:(?:study|trial)\s+)?design\s*[:\u2013-]", re.I)
# A part of a study by its noun; not a trial's phase ("a phase 2 study").
_PART_NOUN = r"(?:period|phase(?!\s+(?:[0-4]|i{1,3}|iv)\b)|part|stage|segment|epoch|portion)"
# A narrative's sentence that opens by listing the study's parts ("The study consists of a 12-week double-blind period
# and an open-label extension", "The trial is divided into three periods"): about this study unless it points at
# another.
PARTS_OPENING = re.compile(
    r"\s*the\s+(?:study|trial)\s+(?:will\s+)?(?:consists?\s+of|comprises?|(?:is|will\s+be)\s+(?:divided|split"
    r"|composed|made\s+up)\s+(?:in|into|of)|(?:has|have|includes?)\s+(?:two|three|four|five|[2-5])\s+"
    r"(?:[\w-]+\s+)?(?:periods|phases|parts|stages|segments)"
    # One part named with its design ("The study includes a 24-week double-blind phase and a 52-week open-label
    # extension", "The trial has a double-blind period followed by ...").
    r"|(?:has|have|includes?|contains?)\s+an?\s+(?:[\w,-]+\s+){0,4}?" + _PART_NOUN + r")\b", re.I)


# The design words a study or one of its parts is named with ("a blinded, randomized, controlled study", "a 12-week
# double-blind, placebo-controlled treatment period").
_DESIGN_NAMING = hyphens_wide(
    r"(?:" + DESIGN_WORDS_BETWEEN + r"|(?:single|double|triple|quadruple)[\s-]*(?:blind(?:ed)?|mask(?:ed)?)|blinded"
    r"|masked|open[\s-]*label(?:l?ed)?|\d+[\s-]*(?:days?|weeks?|months?|years?))")
# A narrative's sentence that opens by naming a part of the study with its design, as a title's design words do
# ("Double-blind treatment period of 12 weeks followed by an open extension.", "A 24-week double-blind,
# placebo-controlled phase, then a 52-week open-label extension", "- 12-week randomised treatment period"): about this
# study, unless it points at another study, follows a sentence that does, speaks of the part in the past ("The
# double-blind phase was completed in 2019") or of this study as what follows the part ("The double-blind period is
# followed by this open-label extension": an extension's parent study).
PART_OPENING = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:(?:an?|the)\s+)?(?:" + _DESIGN_NAMING + r",?\s+(?:and\s+)?){1,5}"
    r"(?:(?:treatment|therapy|dosing|core|main|efficacy|intervention)\s+)?" + _PART_NOUN + r"\b", re.I)
PART_IN_THE_PAST = re.compile(r"\b(?:was|were|had|did)\b", re.I)
THIS_STUDY_FOLLOWS = re.compile(
    r"\b(?:this|the\s+present|the\s+current)\s+(?:[\w-]+\s+){0,3}?(?:extension|roll-?over|continuation|follow-?up)\b",
    re.I)
# The words of PART_OPENING's design one of which its match holds (folded).
PART_DESIGN_WORDS = ("blind", "mask", "random", "controlled", "label")


# A narrative's sentence that opens by saying what a study, named by its acronym or code and its noun, is or will be
# ("The BEL-LIFT (effect of Bempedoic acid on Liver fat content) trial is an investigator initiated, open label,
# randomized clinical study", "The PROTECT-2 study will be a double-blind trial"), as "BARI-SS is a randomized trial"
# does (checks.study_context): about this study unless it points at another, or follows a sentence that does. Not
# another trial named so ("Another Phase 3 trial is a ...", "A previous ABC trial is ..."), nor in the past ("The
# ABC trial was a double-blind trial"), which often describes a trial the text cites.
_NAME_WORD = r"(?!(?:another|an?|one|each|every|any|no|some|that|those|these|such|previous|prior|earlier|parent)\b)" \
             r"(?-i:(?=[\w-]*[A-Z0-9])[\w-]+)"
NAMED_STUDY_OPENING = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:the\s+)?(?:" + _NAME_WORD + r"\s+){1,3}(?:\([^()]{1,120}\)\s+)?(?:study|trial)\s+"
    r"(?:is|will\s+be)\s+(?:(?:designed|conducted|planned)\s+as\s+)?an?\s+(?:[\w,()/-]+\s+){0,12}?"
    r"(?:study|trial|rct)\b", re.I)


# A sentence that opens by placing what participants will do in a study of a design ("In a blinded, randomized,
# controlled study, current smokers motivated to quit will use an app for 8 weeks", "In a randomised, double-blind
# trial, 120 patients will receive drug X or placebo"): this study, which the future tense makes the one to be run.
# Not a study reported ("In a randomized study, smokers quit more often"), one cited or done before ("In a previous
# randomized study, ...", "In a randomized study by Smith et al., ..."), nor one to come ("In a future randomized
# trial, patients will ...").
_IN_A_STUDY_WILL = re.compile(
    r"\s*in\s+an?\s+(?:" + _DESIGN_NAMING + r",?\s+(?:and\s+)?){1,6}(?:study|trial|rct)\s*,\s*"
    r"(?:[\w'-]+\s+){1,10}?(?:will|shall)\s+(?!be\s+(?:needed|required|warranted|necessary)\b)", re.I)
_A_STUDY_ELSEWHERE = "a study elsewhere"


def in_a_study_to_come(sentence: str) -> bool:
    """Whether the sentence opens by saying what participants will do in a study of a design (`_IN_A_STUDY_WILL`)
    and points at no other study but by that opening "In a ... study"."""
    if sentence.lstrip()[:3].lower() != "in " or _IN_A_STUDY_WILL.match(sentence) is None:
        return False
    return all(name == _A_STUDY_ELSEWHERE or not pattern.search(sentence) for name, pattern in OTHER_STUDY)
