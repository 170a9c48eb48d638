"""A blinded design or period a text describes (not a blinded run-in, nor outcomes assessed blind), and a party the
registry records said to be masked (outcomes assessed blind above all): what a masking of NONE is read against."""
from __future__ import annotations

import re
from typing import Callable

from checks.design_claims import affirmed, claims_not_elsewhere
from checks.design_folding import folded
from checks.design_hyphens import hyphens_wide
from checks.design_masked_party import masked_party_named, outside_the_main_comparison
from checks.design_masked_people import ASSIGNMENT, MASKED_PARTY
from checks.design_masking_terms import BLINDED, OPEN_LABEL
from checks.design_parent_study import (
    PARENT_STUDY, of_a_part_completed_before_entry, of_an_extensions_earlier_part, of_the_parent_study,
)
from checks.design_text import Claim, first_affirmed, sentence_at
from checks.design_withdrawn_masking import SEEING, withdrawn
from checks.study_text import StudyText

# A blinded run-in or lead-in every participant passes through before the study's treatment ("a single-blind placebo
# run-in", "a 2-week single-blind sham lead-in period"): it screens out placebo responders or checks adherence; the
# masking, set for the study's comparison, does not describe it.
_RUN_IN_AFTER = re.compile(hyphens_wide(
    r"[\s,]+(?:(?:placebo|sham|vehicle)[\s-]+)?(?:(?:\d+|one|two|three|four)[\s-]+(?:days?|weeks?)[\s-]+)?"
    r"(?:(?:placebo|sham|vehicle)[\s-]+)?(?:run[\s-]?in|lead[\s-]?in)\b"), re.I)


def _of_a_run_in(claim: Claim) -> bool:
    """Whether a blinding claim is of a run-in or lead-in ("single-blind placebo run-in")."""
    return _RUN_IN_AFTER.match(claim.source.text, claim.end) is not None


# Outcomes assessed blind ("double-blind assessment of the primary endpoint", "blinded outcome assessment", "the
# scans will be read in a double-blind manner"): the outcome assessor is the masked party, which
# masking_none_text_party_masked names; not a blinded design. Not a study named so ("A Double-blind Assessment of the
# Efficacy of Drug X").
_ASSESSMENT_AFTER = re.compile(hyphens_wide(
    r"[\s-]+(?:(?:outcomes?|end[\s-]?points?|primary|secondary|clinical|independent|central|radiological)[\s-]+){0,2}"
    r"(?:assessments?|assessors?|raters?|ratings?|readers?|readings?|scoring|adjudication)\b"
    r"(?!\s+of\s+(?:the\s+)?(?:efficacy|safety|effects?|tolerability|benefits?|usefulness|value)\b"
    r"|\s+(?:period|phase|part|stage|visits?|schedule)\b)"), re.I)
_MANNER_AFTER = re.compile(r"\s+(?:manner|fashion)\b", re.I)
# Words (folded) one of which every claim of outcomes assessed blind holds soon after "blind" or "mask".
_ASSESSMENT_WORDS = ("assess", "rater", "rating", "reader", "reading", "scoring", "adjudicat", "manner", "fashion")
# How far after "blind" a claim's words of assessing may end ("blind endpoint radiological adjudication").
_ASSESSMENT_REACH = 60
# The verbs and nouns of assessing outcomes, said in a clause before "in a double-blind manner" ("Outcomes will be
# assessed in a double-blind manner", "Radiographs will be scored in a blinded fashion", "response will be predicted
# at site B a priori, but in a double-blind manner").
_ASSESSED_BEFORE = re.compile(
    r"(?:\b(?:be|is|are|was|were)\s+(?:\w+\s+)?|(?=\b(?:assessments|ratings|readings|scoring|grading"
    r"|adjudication)\s+(?:will|are|were)\b))(?P<words>(?:assessed|evaluated|scored|rated|read|graded|measured"
    r"|reviewed|interpreted|adjudicated|predicted|assessments|ratings|readings|scoring|grading|adjudication)\b"
    r"(?:[^,;:.]|,\s*but\b)*)$", re.I)
# How far before "in a double-blind manner" the assessing words are looked for.
_ASSESSED_REACH = 80


def _of_an_assessment(claim: Claim) -> tuple[int, int] | None:
    """Where the words of a blinding claim of outcome assessment start and end ("double-blind assessment", "assessed
    in a double-blind manner"), or None when the claim says nothing of assessment."""
    text = claim.source.text
    if m := _ASSESSMENT_AFTER.match(text, claim.end):
        return claim.start, m.end()
    if m := _MANNER_AFTER.match(text, claim.end):
        assessed = _ASSESSED_BEFORE.search(text, max(0, claim.start - _ASSESSED_REACH), claim.start)
        return None if assessed is None else (assessed.start("words"), m.end())
    return None


def may_assess(source: StudyText) -> bool:
    """Whether the text may hold a claim of outcomes assessed blind: a word of assessing follows closely after
    "blind" or "mask" (or the text cannot be folded to tell)."""
    lowered = folded(source)
    if lowered is None:
        return True
    for stem in ("blind", "mask"):
        at = lowered.find(stem)
        while at >= 0:
            near = lowered[at:at + _ASSESSMENT_REACH]
            for word in _ASSESSMENT_WORDS:
                if word in near:
                    return True
            at = lowered.find(stem, at + 1)
    return False


def blinded_design_claim(texts: list[StudyText], extension: Callable[[], bool]) -> Claim | None:
    """The first affirmed claim of a blinded design or period: not a blinded run-in before the study's treatment, not
    outcomes assessed blind (a masked party), not one the text withdraws as a masked party's is withdrawn ("in theory
    double-blind", "However, it is not possible to blind completely"), not a phase participants complete before they
    are entered into a study ("Patients completing the double-blind phase will be entered into Study 01409"), nor, in
    an extension (`extension()`), a claim of the parent study."""
    c = first_affirmed(texts, BLINDED)
    if c is not None and (_of_a_run_in(c) or _of_an_assessment(c) is not None or of_the_parent_study(c)
                          or withdrawn(c, SEEING) or of_a_part_completed_before_entry(c)):
        c = next((claim for claim in affirmed(texts, BLINDED)
                  if not _of_a_run_in(claim) and _of_an_assessment(claim) is None and not withdrawn(claim, SEEING)
                  and not of_a_part_completed_before_entry(claim)
                  and not (of_the_parent_study(claim) and extension())), None)
    return c


def assigns_groups(design: dict) -> bool:
    """Whether participants are randomized between interventions: only then can anyone be masked to a
    participant's assigned intervention. In a single-arm study a "blinded" review is blinded to something else (the
    investigator's assessment, the patient's identity); the groups of a non-randomized study are often populations
    (patients and healthy volunteers) that readers "blinded to group" are masked to, not interventions."""
    return design["allocation"] == "RANDOMIZED" and design["intervention_model"] != "SINGLE_GROUP"


def masking_described_open(texts: list[StudyText]) -> bool:
    """Whether the masking description says open label or no masking ("Open label; outcome assessors blinded",
    "None (Open Label)"): the registrant set NONE knowing who is masked."""
    return any(t.field == "designs.masking_description" and first_affirmed([t], OPEN_LABEL) is not None
               for t in texts)


# Allocation concealment, not masking: people unaware of the group to which they will be randomized, in a sentence
# that speaks of concealment ("There will be allocation concealment since the mothers and the principle investigator
# will be unaware of the group to which they will be randomized", NCT00983489): unaware before randomization. So are
# people blinded to the group only until a participant enters the study ("Investigators will be blinded to group
# designation prior to consent and enrollment", NCT01843933; "blinded to treatment allocation until randomization")
# or until the participant's envelope is opened ("the study envelope containing their group designation will be
# opened ... All staff will be blinded to group designation until this time", NCT01843933): the list is kept from
# them, since nobody can be masked to a group no one is yet in.
_CONCEALMENT = re.compile(r"\bconceal", re.I)
_TO_BE_ALLOCATED_AFTER = re.compile(
    r"[^.;]{0,40}?\bto\s+which\s+(?:[\w-]+\s+){1,2}?(?:will|would|is\s+to|are\s+to)\s+be\s+"
    r"(?:randomi[sz]ed|allocated|assigned)\b", re.I)
# The moment a participant enters the study: consent, enrolment, randomization (not its code or list, kept until
# unblinding: "until the randomization code is broken"), the opening of the participant's envelope.
_ENTRY = (r"(?:(?:after|the|their|each|(?:the\s+)?(?:patient|participant|subject|child|infant)(?:'s|s'|s)?)\s+){0,2}"
          r"(?:(?:informed\s+)?consent|enrol|recruit|inclusion|entry|registration"
          r"|(?:randomi[sz]ation|allocation|assignment)\b(?![\s-]+(?:codes?|lists?|keys?|envelopes?|schedules?"
          r"|sequences?|data|periods?|phases?|is\s+(?:broken|revealed)))"
          r"|(?:they|patients|participants|subjects)\s+(?:are|have\s+been)\s+(?:randomi[sz]ed|enrolled|allocated"
          r"|assigned|consented|included)"
          r"|(?:(?:sealed|opaque|study|numbered|allocation|randomi[sz]ation)\s+){0,3}envelopes?\s+(?:is|are|has\s+been"
          r"|have\s+been)\s+opened(?!\s+(?:(?:at|after|upon|on)\s+(?:the\s+)?(?:end|completion|close|unblinding|final)"
          r"|(?:in|for)\s+(?:an?\s+)?emergenc))"
          r"|(?P<then>(?:this|that)\s+(?:time|point|moment)\b))")
_UNTIL_ENTRY_AFTER = re.compile(
    r"\s+(?:to|of|as\s+to|regarding)\s+(?:" + ASSIGNMENT + r")(?:\s+(?:designations?|status|membership|sequences?"
    r"|lists?|schedules?))?,?\s+(?:until|till|before|prior\s+to)\s+" + _ENTRY, re.I)
# "This time" is the opening of an envelope, told shortly before.
_ENVELOPE_OPENED_BEFORE = re.compile(r"\benvelopes?\b[^.;]{0,160}?\bopened\b", re.I)


def _allocation_concealed(claim: Claim) -> bool:
    """Whether the claim says people are unaware of the group they are yet to be randomized to, in a sentence that
    speaks of concealment, or blinded to it only until a participant enters the study: allocation concealment, not
    masking."""
    text = claim.source.text
    if m := _UNTIL_ENTRY_AFTER.match(text, claim.end):
        return not m["then"] or _ENVELOPE_OPENED_BEFORE.search(text, max(0, claim.start - 400), claim.start) is not None
    start = sentence_at(text, claim.start)[0]
    return (_TO_BE_ALLOCATED_AFTER.match(text, claim.end) is not None
            and _CONCEALMENT.search(text, start, claim.start) is not None)


def party_masked_claim(texts: list[StudyText], pattern: re.Pattern, extension: Callable[[], bool]) -> Claim | None:
    """The first affirmed claim of the pattern that names a party the registry records masked to the assigned
    intervention, in a sentence of the study's main comparison (not a sub-study, a part or a subgroup, nor trials
    in general, nor allocation concealment; in an extension, `extension()`, not the parent study's), and that the
    text does not withdraw ("in theory blinded", "However, it is not possible to blind"). Of BLINDED, only a claim of
    outcomes assessed blind ("double-blind assessment", "assessed in a double-blind manner"), spanning its words of
    assessment."""
    for c in claims_not_elsewhere(texts, pattern):
        if c.negated:
            continue
        if pattern is MASKED_PARTY and not masked_party_named(c):
            continue
        if pattern is BLINDED:
            words = _of_an_assessment(c)
            if words is None or _of_a_run_in(c):
                continue
            c = Claim(c.source, *words, False)
        if outside_the_main_comparison(c) or withdrawn(c) or _allocation_concealed(c):
            continue
        if (of_an_extensions_earlier_part(c) or PARENT_STUDY.search(c.source.text)) and extension():
            continue
        return c
    return None
