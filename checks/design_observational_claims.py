"""A claim that calls this study observational, not another observational study, a part of this one, or a method,
a visit or a period."""
from __future__ import annotations

import re

from checks.design_allocation_terms import OBSERVATIONAL
from checks.design_claims import affirmed
from checks.design_text import Claim, first_affirmed, sentence_at
from checks.design_this_study import TITLE_FIELDS
from checks.study_text import StudyText
from checks.trial_text import trial_claim

# An observational study a trial's text names as another: one its people are put in or come from ("Patients who do not
# consent to randomization will be included in the observational registry study", "Ineligible patients will be
# registered in an observational cohort study"), one its controls or data come from or that it is compared with
# ("Historical controls will be taken from an observational study", "compared with an external observational cohort
# study", "compared with those of an observational study conducted in 2015"), or one that hosts the trial ("a
# randomized trial within an observational cohort study", "This trial uses the infrastructure of an observational
# cohort study", "will be conducted as part of a larger, on-going observational study", "nested in the parent
# observational cohort"). Not "this observational study", which is the study itself.
_OTHER_OBSERVATIONAL_BEFORE = re.compile(
    r"\b(?:within|from|(?:as|is|are|was|were|be|being|forms?|formed)\s+(?:an?\s+)?part\s+of"
    r"|(?:compared|comparison)\s+(?:with|to)(?:\s+(?:those|data|results|findings|outcomes|patients"
    r"|participants)\s+(?:of|from|in))?|(?:included|enrolled|registered|recruited|followed"
    r"|entered|conducted|performed|embedded|nested|participat(?:e|es|ing|ion)|take\s+part|taking\s+part"
    r"|enrol(?:l)?ment|infrastructure|framework|platform|setting)\s+(?:in|within|into|of))\s+(?:an?|the)\s+"
    r"(?:[\w-]+,?\s+){0,3}?$",
    re.I)
# An observational study done before this one ("We conducted a preliminary observational study of hospitalized
# patients", "A recent prospective observational study of early prone positioning", "in our previous observational
# study"), or an aim the trial adds and studies observationally ("Furthermore, in an observational design the benefit
# of CCTA is evaluated"): not this study's design.
_EARLIER_OR_ADDED_BEFORE = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|recent(?:ly)?|former)\s+(?:[\w-]+,?\s+){0,3}?$"
    r"|\bwe\s+(?:have\s+)?(?:already\s+)?(?:conducted|performed|carried\s+out|completed|did|ran|undertook)\s+"
    r"(?:an?|our)\s+(?:first\s+)?(?:preliminary|pilot|small|previous|prior|earlier)\s+(?:[\w-]+,?\s+){0,2}?$"
    r"|\b(?:furthermore|moreover|additionally|in\s+addition|secondly|secondarily)\s*,?\s+(?:in|by|with|through"
    r"|using)\s+(?:an?\s+)?$", re.I)
# A part of the study named right before the term ("Stage 1 (observational study): patients are followed for 3 months",
# "Part 1 Observational Study and Part 2 Randomized Trial of Drug X", "Cohort B: observational study of untreated
# patients"): that part's design, beside the interventional one. Not a trial's phase ("Phase II: Observational Study
# of Drug X", "This is a Phase 4, observational study"), which is the study's, nor a part that is this study ("This
# Part 2 observational study follows patients from Part 1").
_PART_NAMED_BEFORE = re.compile(
    r"(?<!\bthis\s)\b(?:part|stage|step|period|cohort|arm|group|module|component|sub-?study)\s+"
    r"(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three)\s*(?:[(:,\u2013-]\s*|(?:is|will\s+be)\s+)?(?:an?\s+)?$"
    # "The second part of the study will be an observational study of 12 months"
    r"|\b(?:first|second|third|final|last|later|subsequent)\s+(?:part|stage|phase|period|step)\s+"
    r"(?:of\s+(?:the|this)\s+(?:study|trial)\s+)?(?:is|will\s+be|consists\s+of)\s+(?:an?\s+)?$", re.I)
# A sentence that opens with a part of the study named ("Stage (1): It will be a case control study ...", "Part 1 will
# be a prospective observational study", "Cohort A - a retrospective cohort study of untreated patients", "In Part 2,
# a cross-sectional survey ...", "In the first stage, an observational study ..."): what it says is that part's
# design, beside the other parts'. Not a trial's phase ("Phase II: Observational Study of Drug X"), nor a disease's
# stage ("Stage II-III colon cancer patients will join this prospective cohort study", "Stage 4 melanoma: a
# retrospective cohort study").
PART_LABEL = (r"(?:part|stage|step|period|cohort|arm|group|module|component|sub-?study)\s*"
               r"(?:\(\s*(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three)\s*\)|(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three)\b)")
PART_OPENS = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:"
    rf"(?:in|during|for)\s+(?:the\s+)?{PART_LABEL}\s*,"
    rf"|(?:the\s+)?{PART_LABEL}(?=\s*[:)]|\s+[\u2013-]\s|\s+(?:is|will|was|consists|comprises|includes|involves)\b)"
    r"|(?:(?:in|during|for)\s+)?the\s+(?:first|second|third|final|last|initial|later)\s+(?:part|stage|phase|period"
    r"|step)\b)", re.I)
# The term joined by "and" to a randomized or interventional design, before or after it ("Pakistan Randomized and
# Observational Trial to Evaluate Coronavirus Treatment", NCT04338698, whose randomized arms have an observational
# cohort beside them; "a randomised controlled trial and an observational cohort study", "an observational and
# interventional study"): the study has both parts, and the observational one is not the whole study's design. Not a
# non-randomized design ("non-randomized and observational"), nor words joined by a comma alone.
_DESIGN_BESIDE = (r"(?<![\w-])(?<!non\s)(?:randomi[sz]ed|interventional|experimental)"
                  r"(?:\s+(?:controlled\s+)?(?:clinical\s+)?(?:trial|study|part|component))?")
_BESIDE_A_TRIAL_BEFORE = re.compile(_DESIGN_BESIDE + r",?\s+(?:and|&|plus)\s+(?:an?\s+)?(?:[\w-]+\s+){0,1}?$", re.I)
_BESIDE_A_TRIAL_AFTER = re.compile(r"\s+(?:and|&|plus)\s+(?:an?\s+)?" + _DESIGN_BESIDE + r"\b", re.I)
_OBSERVATIONAL_AND_BEFORE_THE_NOUN = re.compile(r"\bobservational\s+(?:and|&|plus)\s+" + _DESIGN_BESIDE + r"\b",
                                                re.I)
# What follows the term when the term only qualifies it ("observational study visits every 3 months after the treatment
# period", "assessed using observational research methods", "The observational study data will be compared with trial
# data", "Observational study participants are asked to complete surveys"): a method, a visit, a period, another
# study's data or one group of the study, not this study's design.
_QUALIFIED_AFTER = re.compile(
    r"\s+(?:visits?|methods?|methodolog(?:y|ies)|techniques?|tools?|instruments?|data|period|phase|stage"
    r"|follow[\s-]?up|participants|subjects|group|arm)\b", re.I)
# This study named right before the term ("This observational study period lasts 12 months"): its own design.
_THIS_STUDY_BEFORE = re.compile(r"\b(?:this|our|the\s+present|the\s+current)\s+(?:[\w-]+,?\s+){0,3}?$", re.I)
# This study named as the clause's subject right after the term ("Based on the doses ... in observational study, this
# trial should enroll 98 patients", NCT04467086): the observational study is another, set against this one. Not a
# clause that opens with "as" ("As an observational study, this study assigns no treatment"), which says what it is.
_THIS_STUDY_AFTER = re.compile(r",\s+(?:this|the\s+present|the\s+current|our)\s+(?:trial|study)\b", re.I)
_AS_BEFORE = re.compile(r"\bas\s+(?:an?\s+)?(?:[\w-]+,?\s+){0,3}?$", re.I)
# How far before a term the words that make it another study's or a part's are looked for.
_OBSERVATIONAL_REACH = 80


def _another_observational_study(claim: Claim) -> bool:
    """Whether the 'observational study' claim names another study (one the trial's people are put in, its controls
    or data come from, it is compared with, that hosts it, one done before, or one this study is set against right
    after it), an aim the trial adds, a part of the study named right before it or opening its sentence, or only
    qualifies a method, a visit, a period or a group not said to be this study's, rather than calling this study
    observational."""
    text, before = claim.source.text, max(0, claim.start - _OBSERVATIONAL_REACH)
    return (_beside_a_trial(text, claim.start, claim.end)
            or _OTHER_OBSERVATIONAL_BEFORE.search(text, before, claim.start) is not None
            or _EARLIER_OR_ADDED_BEFORE.search(text, before, claim.start) is not None
            or _PART_NAMED_BEFORE.search(text, before, claim.start) is not None
            or PART_OPENS.match(text, sentence_at(text, claim.start)[0]) is not None
            or _QUALIFIED_AFTER.match(text, claim.end) is not None
            and _THIS_STUDY_BEFORE.search(text, before, claim.start) is None
            or _THIS_STUDY_AFTER.match(text, claim.end) is not None
            and _AS_BEFORE.search(text, before, claim.start) is None)


def _beside_a_trial(text: str, start: int, end: int) -> bool:
    """Whether the term at text[start:end] is joined by "and" to a randomized or interventional design, before it,
    after it, or inside it ("observational and interventional study")."""
    return (_BESIDE_A_TRIAL_BEFORE.search(text, max(0, start - _OBSERVATIONAL_REACH), start) is not None
            or _BESIDE_A_TRIAL_AFTER.match(text, end) is not None
            or _OBSERVATIONAL_AND_BEFORE_THE_NOUN.match(text, start) is not None)


# The term named again after its text named another observational study: "this", "that", "the", "said" or "such"
# right before it, with at most two words between ("... conducted as part of a larger, on-going observational study
# ... Eligible adult participants in this observational study will be invited to undergo the skin testing"): the
# other study again, not this one. Not a sentence that says what this study is ("This is an observational study",
# "This trial, a prospective observational study").
_NAMED_AGAIN_BEFORE = re.compile(r"\b(?:this|that|the|said|such)\s+"
                                 r"(?:(?!(?:is|was|are|were|will|would|be|being|a|an|as)\b)[\w-]+,?\s+){0,2}?$", re.I)
_NAMED_AGAIN_REACH = 40


def observational_claim(texts: list[StudyText]) -> Claim | None:
    """The first affirmed claim that calls this study observational (`_observational_claim`), unless it is a
    narrative's while a text calls this study a randomized, placebo-controlled or blinded trial (checks.trial_text:
    "This goal of this observational study is ..." beside "we will conduct a cluster 2-arm randomized trial"): the
    record's type is then one its text gives. A title that calls the study observational is its name for itself."""
    c = _observational_claim(texts)
    if c is None or c.source.field in TITLE_FIELDS or trial_claim(texts) is None:
        return c
    return None


def _observational_claim(texts: list[StudyText]) -> Claim | None:
    """The first affirmed claim that calls this study observational: not one of another observational study, of a
    part of the study, or of a method, a visit or a period (`_another_observational_study`), nor one that names again
    the other observational study its text named before (`_NAMED_AGAIN_BEFORE`)."""
    c = first_affirmed(texts, OBSERVATIONAL)
    if c is None or not _another_observational_study(c):
        return c
    naming_another = set()  # the texts, by identity, that named another observational study
    for claim in affirmed(texts, OBSERVATIONAL):
        text = claim.source.text
        if _another_observational_study(claim):
            naming_another.add(id(claim.source))
        elif id(claim.source) not in naming_another or _NAMED_AGAIN_BEFORE.search(
                text, max(0, claim.start - _NAMED_AGAIN_REACH), claim.start) is None:
            return claim
    return None
