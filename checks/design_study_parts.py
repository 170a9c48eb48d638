"""A design term said of a part of the study or a study beside it, not of the study itself: a listed part ("Part A:
open label ..."), an observational study joined to the trial, an RCT this study leads to, a later part or the drugs
given beside the masked ones ("open-label rescue medication")."""
from __future__ import annotations

import re

from checks.design_allocation_terms import OBSERVATIONAL, RCT, SINGLE_ARM
from checks.design_masking_terms import OPEN_LABEL

# A term named as one of a study's listed parts ("4 periods: Screening, open label, randomized withdrawal"; "Part A:
# open label dose escalation") is that part's, as "an open-label period" is: the study has other parts. ("Phase 3:
# open-label study of ..." names the trial's phase, not a part.) So is a term said of a part ("The second period of
# this study will be open-label", "Period 2 is open label") or of what the study turns into ("the study continues as
# an open-label study").
_PART = r"(?:periods?|phases|phase(?!\s+(?:[0-4]|i{1,3}|iv)\b)|parts?|stages?|segments?|epochs?)"
_LISTED_PART_BEFORE = re.compile(
    rf"\b{_PART}\b[^.;:\n]{{0,24}}:\s*(?:[^.;:,\n]{{1,60}},\s*(?:(?:and|or)\s+)?)*(?:(?:and|or)\s+)?$"
    rf"|\b(?:{_PART}|extension|portion)(?:\s+[\w-]+)?(?:\s+of\s+(?:this|the|our)\s+(?:[\w-]+\s+)?(?:study|trial))?\s+"
    r"(?:will\s+(?:be|become|remain)|is|are|was|were|becomes?|remains?)\s+(?:an?\s+)?$"
    r"|\b(?:continues?|continued|becomes?|became|switch(?:es|ed)?|converts?|converted)\s+(?:as|to|into)?\s*"
    r"(?:an?\s+)?$",
    re.I)


# An RCT that this study is made for or leads to, not this one: "Feasibility Study for an RCT of Drug X", "a pilot
# to inform a future RCT", "participants of the RCT ABC-301".
_RCT_FOR_BEFORE = re.compile(r"\b(?:for|to|towards|before|into|of|from|prior\s+to|ahead\s+of)\s+(?:an?|the)\s+"
                             r"(?:[\w,-]+\s+){0,4}$", re.I)


# A part of the study said to be single-arm ("Part A is a single-arm, open-label study", "Cohort 2 will be a single-arm
# study", "The run-in is a single-arm trial"): the other parts may be randomized.
_SINGLE_ARM_PART_BEFORE = re.compile(
    _LISTED_PART_BEFORE.pattern + r"|\b(?:cohorts?|arms?|groups?|run[\s-]?in|lead[\s-]?in|sub-?stud(?:y|ies))"
    r"(?:\s+[\w-]+)?\s+(?:will\s+be|is|are|was|were)\s+(?:an?\s+)?$", re.I)


# A study beside this one: "... and an observational cohort study in the low-risk group", "a nested observational
# cohort study", "This trial will be followed by a long-term observational study", "A Randomized Trial and
# Observational Follow-up Study", "Interventional and Observational Study", "patients who decline randomisation will
# be invited to join an observational cohort study", "this trial includes an observational study of untreated
# siblings", "this trial will be followed by an observational extension study", "participants of the observational
# study XYZ".
_BESIDE_BEFORE = re.compile(
    r"(?:(?:\b(?:and|with|plus)|&)\s+an?"
    r"|\b(?:trial|study|treatment|intervention|interventional)\s+(?:and|plus|&)(?:\s+an?)?"
    r"|\b(?:alongside|includ(?:es?|ing)|join(?:s|ing)?|enter(?:s|ing)?|into|(?:nested|embedded)\s+(?:in|within)"
    r"|followed\s+by|(?:patients|participants|subjects|people|individuals|members)\s+(?:of|from|in))"
    r"(?:\s+(?:an?|the))?"
    # "A nested observational cohort study will follow patients who decline randomization"; not "This is a nested
    # observational study", which is this study.
    r"|(?<!\bis\s)(?<!\bwas\s)(?<!\bbe\s)\b(?:an?|the)(?=\s+(?:nested|embedded|ancillary|companion)\s))\s+"
    r"(?:(?:separate|parallel|additional|prospective|companion|ongoing|nested|embedded|ancillary|long[\s-]term"
    r"|extended|subsequent|\d+[\s-](?:years?|months?))\s+){0,2}$", re.I)
# Each pattern with what, right before a match, makes it name a part of the study or a study beside it: an
# "open label" listed as one of the study's parts, an observational study joined to the trial.
_PART_BEFORE = {OPEN_LABEL: _LISTED_PART_BEFORE, OBSERVATIONAL: _BESIDE_BEFORE, RCT: _RCT_FOR_BEFORE,
                SINGLE_ARM: _SINGLE_ARM_PART_BEFORE}


PART_BEFORE_BY_KEY = {(p.pattern, p.flags): before for p, before in _PART_BEFORE.items()}


# An "open label" sentence about a later part of the study ("From week 24 the study will be open-label", "drug X
# will be given open label after unblinding"), or about the drugs given beside the masked ones ("Open-label rescue
# medication is allowed", "Background therapy with methotrexate, open label"), unless it names the study itself
# open label ("an open-label study").
_LATER_PART = re.compile(
    r"\b(?:from|after|beyond|following|starting\s+(?:at|from)|as\s+of)\s+(?:study\s+)?(?:week|month|day|visit|year"
    r"|cycle)s?\s+\d+"
    r"|\b(?:after|following|upon|once|on)\s+(?:the\s+)?(?:unblinding|database\s+lock|primary\s+(?:endpoint|analysis)"
    r"|study\s+completion|completion\s+of\s+(?:the\s+)?(?:study|trial|treatment))\b|\bthereafter\b"
    # "Drug X will be given open-label to all participants in the follow-up period"
    r"|\b(?:in|during)\s+the\s+(?:[\w-]+\s+){0,2}?(?:follow[\s-]?up|extension|post[\s-]?trial|long[\s-]?term"
    r"|maintenance)\s+(?:period|phase|part|stage|portion)\b"
    # "Participants will then receive open label MK-0954A (L100/H12.5) orally, once daily for 44 weeks (extension)",
    # NCT01307033
    r"|\((?:open[\s-]*label\s+)?extension(?:\s+(?:period|phase|part|stage))?\)", re.I)
# The part left open named in brackets after the design's partial blind ("Randomized, Partially Blind (Open Label
# Warfarin), Active-Controlled (Warfarin)", NCT00787150).
_PARTLY_BLIND_BEFORE = re.compile(r"\bpartial(?:ly)?[\s-]+(?:blind|mask)\w*,?\s*\(\s*$", re.I)
_AFTER_COMPLETING_BEFORE = re.compile(
    r"\b(?:who|that)\s+(?:have\s+)?(?:complete[sd]?|finish(?:ed)?)\s+(?:the\s+)?(?:study|trial|treatment"
    r"|[\w-]*\s*(?:week|month)|double[\s-]*blind|blinded|core|main|randomi[sz]ed)\b", re.I)
_DRUGS_BESIDE = re.compile(
    r"\b(?:rescue|background|concomitant|standard[\s-]+of[\s-]+care|add-on|pre-?medication|co-?medication"
    r"|supportive)\b", re.I)
_NAMES_THE_STUDY_AFTER = re.compile(r"(?:,?\s+[\w-]+){0,3}?,?\s+(?:study|trial|design)\b", re.I)
# A drug given open label only as needed, beside the study's treatment ("Open-label amlodipine may be given", an arm of
# a double-blind trial, NCT00744237; "open-label metformin can be added", "patients may receive open-label drug X"):
# an add-on or rescue drug, not the study's label.
_MAY_BE_GIVEN_AFTER = re.compile(
    r"(?:[\s-]+[\w-]+){1,3}?\s+(?:may|can|could|might)\s+(?:also\s+|then\s+|still\s+)?be\s+(?:given|added|used|taken"
    r"|administered|prescribed|allowed|permitted|offered|started|continued|titrated)\b", re.I)
_MAY_RECEIVE_BEFORE = re.compile(
    r"\b(?:may|can|could|might)\s+(?:also\s+|then\s+|still\s+)?(?:receive|be\s+given|be\s+offered|be\s+prescribed"
    r"|take|add|use|start)\s+(?:an?\s+|the\s+)?$", re.I)


def open_label_of_another_part(sentence: str, start: int, end: int) -> bool:
    """Whether "open label" at sentence[start:end] is said of a later part of the study (after week 24, after
    unblinding, for participants who completed the treatment, an extension in brackets), of the part a partial blind
    leaves open ("Partially Blind (Open Label Warfarin)") or of drugs given beside the masked ones (rescue or
    background medication, a drug that "may be given"), not of the study itself ("an open-label study")."""
    if _AFTER_COMPLETING_BEFORE.search(sentence, 0, start) or _PARTLY_BLIND_BEFORE.search(sentence, 0, start):
        return True
    if _NAMES_THE_STUDY_AFTER.match(sentence, end):
        return False
    if _MAY_BE_GIVEN_AFTER.match(sentence, end) or _MAY_RECEIVE_BEFORE.search(sentence, max(0, start - 40), start):
        return True
    return bool(_LATER_PART.search(sentence) or _DRUGS_BESIDE.search(sentence))
