"""What, in an extension, is its parent study's: a part done before ("the previous double-blind phase"), an arm's
text naming the open-label treatment given after the double-blind one or the trial its participants came from, a
sentence naming the parent study, the clause naming the participants a study enters; and the texts of one arm, which may
describe one part of the study only."""
from __future__ import annotations

import re

from checks.design_hyphens import hyphens_wide
from checks.design_other_trials import BEFORE_REACH
from checks.design_text import Claim, sentence_at

# A term said of a part done before ("the previous double-blind phase", "previously randomized to placebo", "in the
# prior 12-week double-blind period"): in an extension, the part of the study participants came from.
_EARLIER_BEFORE = re.compile(
    r"\b(?:previous|prior|preceding|earlier|previously|formerly)\s+(?:\d[\w-]*\s+)?(?:[\w-]+,\s+)?$", re.I)
# The same said after the term ("who were randomized to placebo in the previous randomized phase", "blinded during
# the prior study").
_EARLIER_AFTER = re.compile(
    r"(?:,?\s+[\w-]+){0,5}?\s+(?:in|during|from|of)\s+the\s+(?:previous|prior|preceding|earlier)\s+"
    r"(?:[\w-]+,?\s+){0,3}?(?:phase|period|part|stage|portion|study|trial|protocol|treatment)\b", re.I)

# The first part of the study, named as the part the term is of ("in the first part of the study (RCT)", "the initial
# phase (double-blind)", "randomized in the first stage of the trial"): one part of the study, and in an extension
# the part participants came from.
_PART = r"(?:part|phase|stage|period|portion)"
_FIRST_PART = (rf"(?:first|initial|1st)\s+(?:[\w-]+\s+)?{_PART}"
               r"(?:\s+of\s+(?:the|this)\s+(?:study|trial|project|protocol))?")
_FIRST_PART_BEFORE = re.compile(rf"\b{_FIRST_PART}\s*\(\s*(?:an?\s+)?$", re.I)
_FIRST_PART_AFTER = re.compile(rf"(?:\s+(?!and\b)[\w:-]+){{0,6}}?\s+(?:in|during|of)\s+the\s+{_FIRST_PART}\b", re.I)


def of_a_first_part(claim: Claim) -> bool:
    """Whether the claim is of the first part of the study only ("the first part of the study (RCT)", "randomized in
    the first phase of the study")."""
    text = claim.source.text
    return (_FIRST_PART_BEFORE.search(text, max(0, claim.start - BEFORE_REACH), claim.start) is not None
            or _FIRST_PART_AFTER.match(text, claim.end) is not None)


def of_an_earlier_part(claim: Claim) -> bool:
    """Whether the claim is of a part done before ("the previous double-blind phase", "randomized in the prior
    study"), which in an extension is the part of the parent study, not of this one."""
    text = claim.source.text
    return (_EARLIER_BEFORE.search(text, max(0, claim.start - BEFORE_REACH), claim.start) is not None
            or _EARLIER_AFTER.match(text, claim.end) is not None)


# The study an extension is of, named after it: "An Open-Label Extension Phase of the Double-Blind, Placebo-Controlled,
# Dose-Escalation, Parallel-Group Study of E2007" (NCT00368472), "A Second Open-Label Extension of a Double-Blind,
# Parallel, Phase IV Study", "An Open-label Extension Study Following a Double-blind, Randomized ... Study",
# "a 24-month, open-label extension study that followed an 8-week double-blind study" (NCT00891293): every term after
# it is the parent study's.
# The parent is a study, named a few words on ("... Dose-Escalation, Parallel-Group Study"): not "an open-label
# extension after a double-blind period", a part of the study itself.
# Or of several parent studies: "This is an open-label extension phase of two double-blind, placebo-controled Phase
# 3 protocols" (NCT01356498).
_EXTENSION_OF_BEFORE = re.compile(
    r"\bextension\b(?:\s+[\w-]+){0,3}?\s+(?:of|following|followed|after|to|from)\s+(?:the|an?|two|three|both"
    r"|the\s+two)\s+(?:[\w,/()-]+\s+){0,12}?$", re.I)
_A_STUDY_AFTER = re.compile(r"(?:[\s,]+[\w/()-]+){0,8}?[\s,]+(?:stud(?:y|ies)|trials?|protocols?)\b", re.I)
# A title that is the parent study's, with the extension named at its end after a colon, comma or dash: "Randomized,
# Double-blind, Placebo-controlled, Parallel-group ... Study of BTDS ...: A 6-Month Open-label Extension Phase"
# (NCT01141283), "A Multi-Center, Randomized, Double-Blind, Placebo-Controlled Study of Adalimumab ..., Open Label
# Extension" (NCT01070303). Not "..., With an Open-label Extension", a part the study itself has.
_TITLES = ("studies.official_title", "studies.brief_title")
_EXTENSION_ENDS_TITLE = re.compile(
    r"[^:;]*?(?:[:,]|\s[\u2013\u2014-])\s*(?:an?\s+)?(?:(?:\d+|second|third|long)[\s-]*(?:months?|years?|weeks?|term)?"
    r"\s+|open[\s-]*label(?:l?ed)?\s+|phase\s+(?:[1-4]|i{1,3}|iv)[ab]?\s+)*"
    r"extension(?:\s+(?:phase|study|period|part|trial))?\s*\.?\s*$"
    # In brackets at the title's end: "A Placebo-controlled, Double-blinded, Randomized Clinical Trial of ...
    # (Open-label Extension Part)" (NCT00732875); not "(With an Open-label Extension)", a part the study itself has.
    r"|[^:;]*?\(\s*(?:(?:\d+|long)[\s-]*(?:months?|years?|weeks?|term)?\s+|open[\s-]*label(?:l?ed)?\s+)*"
    r"extension(?:\s+(?:phase|study|period|part|trial))?\s*\)\s*\.?\s*$", re.I)


# A title that names the parent study by its code, then "Extension", then the parent's own title: "AZA PH GL 2003 CL
# 001 - Extension A Multicenter, Randomized, Open-label, Parallel-group, Phase 3 Trial of Subcutaneous Azacitidine"
# (NCT01186939).
_EXTENSION_OPENS_PARENT_TITLE = re.compile(
    r"(?:\s[\u2013\u2014-]|:)\s*extension\s*[:\u2013\u2014-]?\s+(?:the|an?)\s+(?:[\w,/()-]+\s+){0,12}?$", re.I)


def of_the_study_extended(claim: Claim) -> bool:
    """Whether the claim is of the study an extension its text names is of: after "Extension (Phase) of the", "Extension
    Study Following a" or "extension study that followed an", in a title that ends by naming the extension (": A
    6-Month Open-label Extension Phase"), or one that gives the parent's title after "<its code> - Extension"."""
    text = claim.source.text
    start = sentence_at(text, claim.start)[0]
    near = max(start, claim.start - 2 * BEFORE_REACH)
    return ((_EXTENSION_OF_BEFORE.search(text, near, claim.start) is not None
             or claim.source.field in _TITLES and _EXTENSION_OPENS_PARENT_TITLE.search(text, near, claim.start))
            and _A_STUDY_AFTER.match(text, claim.end) is not None
            or claim.source.field in _TITLES and _EXTENSION_ENDS_TITLE.match(text, claim.end) is not None)


# The parent study named as "the <term> Study" in a sentence that names this extension: "Patients received placebo for
# 26 weeks in the Double-Blind Study then received 182 weeks of Aldurazyme ... in this Extension Study" (NCT00146770).
_THE_BEFORE = re.compile(r"\b(?:in|from|during|of)\s+the\s+$", re.I)
_STUDY_AFTER = re.compile(r"[\s,-]+(?:[\w-]+\s+){0,2}?(?:study|trial)\b", re.I)
_THIS_EXTENSION = re.compile(r"\b(?:this|the\s+present|the\s+current)\s+(?:[\w-]+\s+)?extension\b", re.I)


def _the_parent_beside_this_extension(claim: Claim) -> bool:
    """Whether the claim names "the <term> Study" in a sentence that also names "this Extension"."""
    text = claim.source.text
    start, end = sentence_at(text, claim.start)
    return (_THE_BEFORE.search(text, max(start, claim.start - 12), claim.start) is not None
            and _STUDY_AFTER.match(text, claim.end) is not None
            and _THIS_EXTENSION.search(text, start, end) is not None)


# The term inside the parent study's name ("After ... code break in main double-blind trial, subjects ...",
# NCT00732875; "the core double-blind study"): in an extension, that study's design.
_PARENT_WORD_BEFORE = re.compile(r"\b(?:parent|core|main|original|originating|feeder|antecedent)\s+$", re.I)
_TRIAL_NOUN_AFTER = re.compile(r"\s+(?:study|trial|protocol)\b", re.I)


def _in_the_parent_study_name(claim: Claim) -> bool:
    """Whether the claim stands between a parent study's word and its noun ("main double-blind trial")."""
    text = claim.source.text
    return (_PARENT_WORD_BEFORE.search(text, max(0, claim.start - 24), claim.start) is not None
            and _TRIAL_NOUN_AFTER.match(text, claim.end) is not None)


def of_an_extensions_earlier_part(claim: Claim) -> bool:
    """Whether the claim, in an extension, is of a part done before: one said to be so (`of_an_earlier_part`), the
    first part of the study ("the first part of the study (RCT)"), which an extension follows, the study the text names
    it an extension of (`of_the_study_extended`), "the Double-Blind Study" beside "this Extension Study", or the
    parent study by name ("main double-blind trial")."""
    return (of_an_earlier_part(claim) or of_a_first_part(claim) or of_the_study_extended(claim)
            or _the_parent_beside_this_extension(claim) or _in_the_parent_study_name(claim))


# A part that participants complete before they are entered into a study ("Patients completing the double-blind
# phase will be entered into Study 01409", "Subjects who completed the randomized period are eligible to enroll in
# this study"): the part done before, another study's or the parent study's, not a part of the study they enter
# (not "... will be entered into the open-label phase", a later part of the same study).
_COMPLETED_BEFORE = re.compile(
    r"\b(?:complet(?:e|es|ed|ing)|finish(?:es|ed|ing)?)\s+(?:the|their|a|an)\s+(?:[\w-]+,?\s+){0,2}?$", re.I)
# Participants entered into a study: "will be entered into", "are eligible to enroll in", "will have the option to
# participate in this study" (NCT01566162); not into a part of the same study ("... will be entered into the open-label
# phase").
_ENTRY = (r"(?:(?:(?:will|may|can|shall|would)\s+(?:then\s+)?be|are|were|is|was)\s+(?:then\s+)?"
          r"(?:entered|enrolled|rolled\s+over|transferred|eligible\s+(?:to\s+(?:enter|enroll|participate)|for))"
          r"|(?:will|may|can|shall|would)\s+(?:then\s+)?(?:have|be\s+given|be\s+offered)\s+the\s+(?:option"
          r"|opportunity|possibility|chance)\s+to\s+(?:participate|enter|enroll|enrol|continue|join|roll\s+over))"
          rf"\s+(?!(?:in(?:to)?\s+|for\s+)?(?:the|an?|this|its|a\s+further)\s+(?:[\w-]+\s+){{0,2}}?{_PART}\b)")
# What participants completed, then their entry; or what they completed and another way in ("Subjects who have
# completed the 28-week double-blind phase or who have experienced a protocol-defined relapse event ... will have the
# option to participate in this study").
_ENTERED_AFTER = re.compile(
    rf"(?:[\s,-]+[\w-]+){{0,3}}?\s+(?:{_PART}|study|trial|treatment|protocol)(?:\s+\([^()]{{0,30}}\))?"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:study|trial|protocol))?"
    rf"(?:,?\s+(?:or|and)\s+(?:who|that)\s+[^.;]{{0,200}}?)?\s+{_ENTRY}", re.I)
# The relative clause the participants entered are named by, before the claim: "Subjects who have completed ...",
# "patients who experienced a relapse during the double-blind phase of study D1050238".
_WHO_COMPLETED_BEFORE = re.compile(
    r"\b(?:who|that)\s+(?:have\s+|has\s+|had\s+)?(?:successfully\s+)?(?:complet\w*|finish\w*|experienc\w*"
    r"|participat\w*\s+in|took\s+part\s+in)\s[^.;]*$", re.I)
_ENTERED_LATER = re.compile(rf"[^.;]*?\s{_ENTRY}", re.I)
_ENTERED_BETWEEN = re.compile(rf"\s{_ENTRY}", re.I)
# The study itself named ("this double-blind study"): never a part done before.
_THIS_BEFORE = re.compile(r"\b(?:this|the\s+present|the\s+current)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _in_the_clause_of_those_entered(claim: Claim) -> bool:
    """Whether the claim stands in the relative clause that names the participants a sentence then enters into a
    study ("Subjects who have completed ... or who have experienced a relapse during the double-blind phase of study
    D1050238 will have the option to participate in this study"), not naming this study."""
    text = claim.source.text
    start, end = sentence_at(text, claim.start)
    who = _WHO_COMPLETED_BEFORE.search(text, start, claim.start)
    return (who is not None and _ENTERED_BETWEEN.search(text, who.start(), claim.start) is None
            and _THIS_BEFORE.search(text, max(start, claim.start - 40), claim.start) is None
            and _ENTERED_LATER.match(text[:end], claim.end) is not None)


def of_a_part_completed_before_entry(claim: Claim) -> bool:
    """Whether the claim is of a part participants complete before they are entered into a study ("Patients
    completing the double-blind phase will be entered into Study 01409"), or stands in the clause that names them."""
    text = claim.source.text
    return (_COMPLETED_BEFORE.search(text, max(0, claim.start - BEFORE_REACH), claim.start) is not None
            and _ENTERED_AFTER.match(text, claim.end) is not None) or _in_the_clause_of_those_entered(claim)


# An extension's titles ("Open-label Extension Study of Drug X", "A Rollover Study for Participants of Study 301") or
# narrative ("This open-label extension will ..."): its text's "previous double-blind phase" is the parent study's.
# ... or a title that follows up the participants of a trial it names ("Long-term Follow-up of Patients From the RCT
# <title>, NCT0xxxxxxx", "Follow-up Study of Participants Who Completed Study ABC-301").
EXTENSION_TITLE = re.compile(
    r"\b(?:extension|roll-?over|continuation)\b"
    r"|\bfollow[\s-]*up\s+(?:study\s+)?(?:of|for)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:patients|participants|subjects"
    r"|children|adults|women|men|infants|volunteers)\s+(?:(?:who\s+)?(?:from|of|enrolled\s+in|treated\s+in"
    r"|completed|completing|participated\s+in|took\s+part\s+in))\s+(?:the\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:RCT|trials?|study|studies|protocol|NCT\d{8})\b", re.I)


# A sentence that names the study participants came from ("outcome assessors of the parent study were blinded"):
# in an extension, that study's masking.
PARENT_STUDY = re.compile(
    r"\b(?:parent|core|previous|prior|preceding|original|originating|feeder|antecedent|lead-in|main)\s+"
    r"(?:[\w-]+\s+)?(?:study|trial|protocol|phase|period)\b", re.I)


# The texts of one arm or intervention, which may describe one part of the study only.
ARM_FIELDS = ("design_groups.title", "design_groups.description", "interventions.description")
COMPARATORS = ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR")


# An arm's text that names an open-label treatment ("Double-blind Placebo / Open-label Drug X", "DB placebo - OLE drug
# X"): in an extension, its double-blind treatment is the one given before, in the parent study.
_OPEN_LABEL_NAMED = re.compile(hyphens_wide(r"\bopen[\s-]*label(?:ed)?\b|(?-i:\bOLE?\b)"), re.I)


# A randomized trial an arm's text names as the one its participants came from, beside the open-label treatment they
# are given now ("Pegloticase every 2 wk arm of Randomized Controlled Trial (RCT), continued to receive pegloticase ...
# in Open Label Extension (OLE) study", NCT01356498): in an extension, the parent trial.
_FROM_A_TRIAL_BEFORE = re.compile(r"\b(?:of|in|from|during)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$", re.I)
_A_TRIAL_AFTER = re.compile(r"(?:\s+controlled)?(?:\s+clinical)?\s+(?:trial|study)\b", re.I)
_EXTENSION_NAMED = re.compile(r"\bextensi?on\b|(?-i:\bOLE\b)", re.I)


# A trial named by its abbreviation ("RCT"), which an extension's arm title may hold alone ("q2 RCT", "Placebo in RCT").
_TRIAL_ABBREVIATED = re.compile(r"RCTs?", re.I)


def of_the_trial_an_arm_came_from(claim: Claim) -> bool:
    """Whether the claim names a trial in an arm's title ("q2 RCT"), or names the trial the arm's participants came
    from in an arm's text that names the open-label treatment or extension given now ("arm of Randomized Controlled
    Trial (RCT), continued to receive drug X ... in Open Label Extension (OLE) study"): in an extension, the parent
    trial."""
    text = claim.source.text
    names_a_trial = (_TRIAL_ABBREVIATED.fullmatch(text, claim.start, claim.end) is not None
                     or _A_TRIAL_AFTER.match(text, claim.end) is not None)
    if claim.source.field == "design_groups.title":
        return names_a_trial
    return (claim.source.field in ARM_FIELDS and names_a_trial
            and _FROM_A_TRIAL_BEFORE.search(text, max(0, claim.start - 40), claim.start) is not None
            and (_OPEN_LABEL_NAMED.search(text) is not None or _EXTENSION_NAMED.search(text) is not None))


def of_the_parent_study(claim: Claim) -> bool:
    """Whether the claim, in an extension, may be of the parent study: of a part done before ("the previous
    double-blind phase", "the first part of the study (double-blind)"), or in an arm's text that names the open-label
    treatment given after the double-blind one."""
    return of_an_extensions_earlier_part(claim) or (claim.source.field in ARM_FIELDS
                                                    and _OPEN_LABEL_NAMED.search(claim.source.text) is not None)
