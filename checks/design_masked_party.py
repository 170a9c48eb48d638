"""Whether a masked party a text names is one the registry's masking records, masked to the assigned intervention,
in the study's main comparison (not a sub-study, a part or trials in general)."""
from __future__ import annotations

import re

from checks.design_hyphens import hyphens_wide
from checks.design_masked_people import ASSIGNMENT, MASKED_TO, PEOPLE
from checks.design_other_trials import THIS_STUDY_BEFORE
from checks.design_text import Claim, sentence_at

# What the masked assessor is masked to, said after the term: a term followed by "to" names it ("blinded outcome
# assessment (blinded to treatment allocation)", "assessor-blinded to patient identity"), alone or in a list
# ("blinded to clinical information and treatment assignment").
_MASKED_TO_AFTER = re.compile(hyphens_wide(r"\s*,?\s*\(?\s*(?:(?:blind(?:ed)?|masked)\s+)?(?:to|as\s+to)\s+"), re.I)
# After a term that ends by saying someone is masked ("unaware", "kept blind", "blinded"), what they are masked to may
# follow "of" or "regarding" too ("assessors will be kept blind of study objectives": the study's aims, not the
# intervention each participant is assigned).
_UNAWARE_OF_AFTER = re.compile(r"\s*,?\s*\(?\s*(?:to|of|as\s+to|regarding|about|towards?|concerning)\s+", re.I)
_ENDS_MASKED = re.compile(r"(?:blind(?:ed)?|masked|unaware)$", re.I)
# Either of two things given ("blinded as to whether saline or povidone-iodine was used", "masked as to whether a
# pexy has been performed or not"): the intervention each participant is assigned.
_WHETHER_ONE_OR_THE_OTHER = r"|whether\s+(?:[\w'-]+\s+){0,8}?(?:or|versus|vs)\b"
_ASSIGNMENT_AT = re.compile(r"(?:(?:[\w'-]+,?\s+){0,6}?(?:and|or|as\s+well\s+as)\s+(?:to\s+|of\s+)?)?(?:"
                            + ASSIGNMENT + _WHETHER_ONE_OR_THE_OTHER + ")", re.I)
_MASKED_TO_ASSIGNMENT = re.compile(MASKED_TO, re.I)
# Sight lost to an illness ("patients who were blinded by their disease"): no masking.
_SIGHT_LOST_AFTER = re.compile(
    r"\s+(?:by|from|due\s+to|as\s+a\s+result\s+of)\s+(?:(?:their|his|her|the|an?)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:diseases?|injur(?:y|ies)|trauma|conditions?|illness|accidents?|glaucoma|retinopathy|degeneration|strokes?"
    r"|infections?)\b", re.I)
# A face mask worn ("Subjects will be masked with surgical masks"): no masking.
_MASK_WORN_AFTER = re.compile(r"\s+(?:with|using|wearing)\s+(?:an?\s+|the\s+|their\s+)?(?:(?:surgical|face|medical"
                              r"|n95|ffp2|cloth|protective)\s+)*(?:face\s*)?masks?\b", re.I)
# Words before a term that say no one will try to mask ("No attempt will be made to blind outcome assessors").
_NO_ATTEMPT_BEFORE = re.compile(r"\b(?:no\s+(?:attempts?|efforts?)|not\s+(?:attempt|try|plan)\w*)\b[^.;]{0,40}"
                                r"\bto\s+$", re.I)
# A claim that opens with one of the people (not an assessor): whose masking counts only when the words before
# name no party the registry does not record ("Laboratory staff will be blinded").
_PEOPLE_FIRST = re.compile(r"(?:blinded\s+|masked\s+)?(?:(?:independent|trained|study|outcome)\s+)?" + PEOPLE
                           + r"\b|(?:patient|participant|subject|investigator)\b", re.I)
# Parties the registry's masking does not record, and work that no party of it does: "the statistician will be
# blinded to group allocation", "the sponsor will remain blinded to treatment assignment", "data will be analysed
# blinded to group", "the Data Monitoring Committee", "the central laboratory".
_UNRECORDED_PARTY = re.compile(
    r"\b(?:sponsors?|(?:bio)?statisticians?|analysts?|analy[sz](?:ed|ing|es|is)|statistical|data\s+(?:managers?"
    r"|management|monitoring|safety)|monitors?|(?-i:DSMBs?|DMCs?|IDMCs?|DSMCs?)|steering\s+committee"
    r"|laborator(?:y|ies)|labs?)\b", re.I)
# Parties it records, or people of the study who may be one of them (a generic person who collects measures).
_RECORDED_PARTY = re.compile(
    r"\b(?:participants?|patients?|subjects?|volunteers?|children|parents?|families|care[\s-]?givers?"
    r"|care[\s-]+providers?|investigators?|assessors?|evaluators?|raters?|examiners?|observers?|readers?"
    r"|[a-z]+ologists?|[a-z]*graphers?|physicians?|doctors?|clinicians?|surgeons?|nurses?|(?:physio)?therapists?"
    r"|dentists?|endoscopists?|anaesthetists?|assistants?|staff|personnel|team|researchers?|interviewers?"
    r"|collectors?|technicians?|adjudicators?|committees?|panel|individuals?|persons?|everyone|outcomes?)\b", re.I)
# The clause before a term: from the last semicolon, colon or "but" before it.
_CLAUSE_START = re.compile(r".*(?:[;:]|\bbut\b|\bwhereas\b|\bhowever\b)", re.I | re.S)
# A part of the study, or a group within it, that the sentence speaks of ("blinded outcome assessment in a
# sub-study", "Part B", "a subgroup of participants"): the masking is set for the study's main comparison.
_ANOTHER_PART = re.compile(
    r"\b(?:sub-?stud(?:y|ies)|ancillary\s+stud|companion\s+stud|nested\s+stud|sub-?samples?|sub-?sets?"
    r"|sub-?groups?|(?:pilot|extension|follow-?up|lead-in|run-in)\s+(?:phase|period|part|stage)"
    r"|(?:part|stage|cohort)\s+(?:[A-D1-4]|one|two|three|II?I?)\b)", re.I)


def masked_party_named(claim: Claim) -> bool:
    """Whether a MASKED_PARTY claim names someone the registry's masking records, masked to the intervention each
    participant is assigned: a term masked "to" or "of" something else ("assessor-blinded to patient identity",
    "kept blind of study objectives") names no such masking; "blinded to treatment allocation" counts only after a
    recorded party ("outcome assessors", "a research assistant") and none it does not record ("the statistician",
    "the sponsor", "the laboratory"), and people other than an assessor ("staff will be blinded") only after no party
    it does not record, nor when they wear face masks ("masked with surgical masks"). A term after "No attempt will
    be made to" names nobody masked."""
    text = claim.source.text
    phrase = claim.phrase
    s_start, _ = sentence_at(text, claim.start)
    clause = text[max(s_start, claim.start - _PARTY_REACH):claim.start]
    cut = _CLAUSE_START.match(clause)
    clause = clause[cut.end():] if cut else clause
    if _NO_ATTEMPT_BEFORE.search(clause):
        return False
    if _MASKED_TO_ASSIGNMENT.fullmatch(phrase):
        return _RECORDED_PARTY.search(clause) is not None and _UNRECORDED_PARTY.search(clause) is None
    if _PEOPLE_FIRST.match(phrase) and (_UNRECORDED_PARTY.search(clause) or _SIGHT_LOST_AFTER.match(text, claim.end)
                                        or _MASK_WORN_AFTER.match(text, claim.end)):
        return False
    # A term ("assessor-blinded", "blinded outcome assessment"), masked to the assignment unless it says otherwise.
    to = (_UNAWARE_OF_AFTER if _ENDS_MASKED.search(phrase) else _MASKED_TO_AFTER).match(text, claim.end)
    return to is None or _ASSIGNMENT_AT.match(text, to.end()) is not None


# How far before "blinded to ..." the party it is said of is looked for.
_PARTY_REACH = 160


def outside_the_main_comparison(claim: Claim) -> bool:
    """Whether the claim's sentence speaks of a part of the study or a group within it (a sub-study, Part B, a
    subgroup), whose masking the study's masking, set for its main comparison, need not give; of trials in general
    ("Blinded outcome assessment reduces bias in surgical trials"); or denies the term later in its clause
    ("Blinded independent central review of images is not planned")."""
    text = claim.source.text
    s_start, s_end = sentence_at(text, claim.start)
    if _ANOTHER_PART.search(text, s_start, s_end) or _DENIED_LATER.match(text, claim.end, s_end):
        return True
    return _TRIALS_IN_GENERAL.search(text, s_start, s_end) is not None and not THIS_STUDY_BEFORE.search(
        text, s_start, s_end)


# Trials in the plural, which a sentence that does not name this study speaks of in general.
_TRIALS_IN_GENERAL = re.compile(r"\b(?:trials|studies|rcts)\b", re.I)
# A denial a few words after a term, in its clause: "... of images is not planned", "... will not be possible", "...
# was not deemed necessary", "... is therefore unnecessary", "... will not be collected".
_DENIED_LATER = re.compile(
    r"[^.;,]{0,60}?\b(?:(?:(?:is|are|was|were|will|would|could|can)\s+not|cannot)(?:\s+be)?"
    r"(?:\s+(?:deemed|considered|judged|thought))?\s+"
    r"(?:planned|possible|feasible|performed|used|done|applicable|available|conducted|required|needed|necessary"
    r"|collected|obtained|implemented|undertaken)"
    r"|(?:is|are|was|were|will\s+be|would\s+be)\s+(?:(?:deemed|considered|judged|thought|therefore|thus)\s+)?"
    r"(?:impossible|unnecessary|infeasible|unfeasible|impractical)"
    r"|(?:was|were)\s+considered\s+but\s+(?:rejected|not))\b",
    re.I)
