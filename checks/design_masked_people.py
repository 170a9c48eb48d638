"""The words that name someone masked to the intervention each participant is assigned ("Outcome assessors will be
blinded to treatment allocation", "investigator-blinded"), and a blinded central review of scans."""
from __future__ import annotations

import re

from checks.design_hyphens import hyphens_wide

# The intervention each participant is assigned, as a text names what someone is masked to: "treatment allocation",
# "the assigned group", "study arm", "randomisation", "which treatment the patient received". Not a treatment's
# response or history, nor anything else ("the study hypothesis", "patient identity", "the index test result").
ASSIGNMENT = (r"(?:the\s+|their\s+|each\s+|(?:patients?|participants?|subjects?)(?:'s?)?\s+)*"
               r"(?:(?:study|treatment|therapy|trial|group|intervention|randomi[sz]ed|randomi[sz]ation|allocated"
               r"|assigned|surgical)\s+){0,2}"
               r"(?:allocations?|assignments?|groups?|arms?|treatments?|interventions?|randomi[sz]ation"
               r"|(?:treatment|experimental|intervention)\s+conditions?"
               r"|(?:type|kind)\s+of\s+(?:intervention|treatment|surgery|surgical\s+\w+|procedure|technique|therapy"
               r"|an(?:a?e)sthe\w+|analgesi\w+|block|drug|medication|device|dressing|implant|graft|stent|approach"
               r"|exercise|program(?:me)?|diet|solution|fluid))\b"
               r"(?!\s+(?:response|outcome|effect|history|period|duration|plan|adherence|dose)s?\b)"
               r"|which\s+(?:[\w-]+\s+){0,2}?(?:group|treatment|arm|intervention|procedure|technique|therapy)\b")
# The people a record names when it says who assesses its outcomes.
_ASSESSORS = (r"(?:outcomes?[\s-]+)?(?:assessors?|evaluators?|raters?|examiners?|observers?|adjudicators?"
              r"|readers?)")
# The other people a record names as masked, each one of the registry's parties or staff who may be one
# (participants, investigators, care providers): "investigator-blinded", "Participants will be blinded", "a blinded
# physiotherapist".
PEOPLE = (r"(?:participants?|patients?|subjects?|investigators?|care[\s-]*(?:givers?|providers?)|surgeons?"
           r"|physicians?|clinicians?|(?:physio)?therapists?|nurses?|radiologists?|pathologists?|sonographers?"
           r"|psychologists?|(?:research\s+)?assistants?|(?:study\s+)?staff|personnel)")
# Masked to the assigned intervention, said of whoever the words before name ("a physiotherapist blinded to group
# allocation", "Outcome assessors were not aware of group assignment", "Patients will not be aware of their group",
# "The patients and the evaluator will not know the group", "Parents don't know which treatment their child gets").
# Not knowing it only until it is told is the allocation's concealment, not masking ("staff and participants won't
# know the allocation until the research team informs them", "The investigator will be unaware of the randomization
# code until the day of the pre-discharge sample"); kept until the study's end, its analysis or its database's lock,
# it is masking ("blinded to group allocation until database lock").
_UNTIL_TOLD = (r"(?![^.;]{0,60}?\b(?:until|till|before|prior\s+to)\b(?!\s+(?:the\s+)?(?:end|completion|close|closure"
               r"|database|data\s+base|analys|final|unblinding|study\s+(?:end|completion|closure)|last|primary)))")
MASKED_TO = (r"\b(?:(?:blind(?:ed)?|mask(?:ed)?|unaware|uninformed|not\s+(?:be\s+)?(?:made\s+)?aware)\s+"
              r"(?:to|of|as\s+to|regarding)\s+(?:" + ASSIGNMENT + ")" + _UNTIL_TOLD +
              r"|(?:(?:will|would|do|does|did|shall|should|must)\s+not|don'?t|doesn'?t|won'?t|cannot|can'?t)\s+know\s+"
              r"(?:" + ASSIGNMENT + ")" + _UNTIL_TOLD + ")")
# Someone masked to the intervention each participant is assigned, which the registry's masking records: the
# outcome assessor above all, in an open-label trial ("assessor-blinded", "blinded outcome assessment", "Outcome
# assessors will be blinded to treatment allocation", "the evaluator is masked", "a Masked Endpoint Committee", "an
# individual blinded to intervention assignment will collect measures", "PROBE design", "Single (Outcomes
# Assessor)"), or another party ("investigator-blinded", "Participants will be blinded"). Only an assessor may be
# "blind" ("patients who are blind" are visually impaired). A blinded central review of scans is
# BLINDED_CENTRAL_REVIEW.
MASKED_PARTY = re.compile(hyphens_wide(
    MASKED_TO + r"|\b" + _ASSESSORS + r"[\s-]+(?:blind(?:ed)?|masked)\b"
    r"|\b(?:patient|participant|subject|investigator)[\s-]+(?:blinded|masked)\b"
    r"|\b(?:blind(?:ed|ing)?|mask(?:ed|ing))\s+(?:of\s+(?:the\s+)?)?(?:(?:independent|outcomes?|endpoint|end[\s-]?point"
    r"|clinical|study|primary)\s+){0,2}(?:assessors?|evaluators?|observers?|raters?|examiners?|readers?"
    r"|adjudicat(?:ors?|ion)|assessments?|evaluations?|(?:end[\s-]?point|adjudication|events?)\s+committees?"
    r"|end[\s-]?points?)\b"
    r"|\b(?:blinded|masked)\s+(?:(?:independent|trained|study|outcome)\s+)?" + PEOPLE + r"\b"
    r"|\b(?:" + _ASSESSORS + r"|(?:outcomes?\s+)?(?:assessments?|evaluations?))\s+"
    r"(?:(?!(?:not|never|no|cannot)\b)[\w-]+\s+){0,4}?(?:are|is|were|was|will\s+be|shall\s+be|remains?|kept)\s+"
    r"(?:(?!(?:not|never)\b)\w+\s+)?(?:blind(?:ed)?|masked|unaware)\b"
    r"|\b" + PEOPLE + r"\s+(?:(?!(?:not|never|no|cannot)\b)[\w-]+\s+){0,4}?(?:are|is|were|was|will\s+be|shall\s+be"
    r"|remains?|kept)\s+(?:(?!(?:not|never)\b)\w+\s+)?(?:blinded|masked)\b"
    r"|\bsingle\s*\(\s*outcomes?\s+assessors?\s*\)"
    # "a PROBE design", "(PROBE) methodology"; not "the PROBE trial", which may be a trial's name.
    r"|(?-i:\bPROBE\b)\)?(?:[\s-]+trial)?[\s-]+(?:design|method(?:ology)?)\b"),
    re.I,
)


# Scans or responses read by a blinded independent central review (BICR, BIRC): the shape open-label oncology
# trials take, which sponsors register as masking NONE far more often than as Single (Outcomes Assessor).
BLINDED_CENTRAL_REVIEW = re.compile(hyphens_wide(
    r"\b(?-i:BICR|BIRC)\b|\bblinded[\s-]+independent[\s-]+(?:central[\s-]+)?(?:review|read|assessment|radiolog"
    r"|committee|panel|evaluation|imaging)|\bblinded[\s-]+central[\s-]+(?:review|read|imaging|radiolog)"), re.I)
