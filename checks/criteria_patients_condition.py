"""The first inclusion criterion that requires a condition of every participant (`required_condition`), read for
contradictions.healthy_volunteers_yes_patients_only: where it opens, not a risk of one or a state of health, and
not where the criteria admit people for a procedure, other people, or keep criteria to one group."""
from __future__ import annotations

import re

from checks.criteria_age_criterion import LIST_MARK
from checks.criteria_age_statement import criteria_pieces
from checks.criteria_inclusion import CRITERION_WIDTH, inclusion_sections, lowered_part
from checks.criteria_required_conditions import (AGENT, CONDITION_REQUIRED, DISEASE, HISTORY_OF_A_CONDITION,
                                                 condition_of_each, requirement_stands)

# Patients named by their condition ("Severe asthmatics seen in the Asthma Clinic", "Diabetic patients on insulin"):
# a noun of people with a disease, or its adjective before people; a severity may come first. Not before a clause that
# says what those of them must do or will have ("Asthmatics that undergo lung function testing", "Diabetics must
# bring their meter"): a condition of some participants, not a requirement of all.
_SEVERITY = r"(?:(?:mild|moderate|severe|stable|uncontrolled|persistent)(?:[\s,]+(?:to|or|and)\s+)?\s*){0,3}"
_PATIENT_NOUN = (rf"(?:{_SEVERITY}(?:asthmatics|diabetics|epileptics|ha?emophiliacs|schizophrenics|cirrhotics"
                 r"|hypertensives)"
                 rf"|{_SEVERITY}(?:asthmatic|diabetic|epileptic|ha?emophiliac|schizophrenic|cirrhotic|hypertensive"
                 r"|atopic|allergic)\s+(?:patients?|subjects?|adults?|children|men|women|individuals?|participants?"
                 r"|persons?|people))\b(?!,?\s+(?:that|who|which|whose|must|should|shall|will|would|may|can|need)\b)")
# Patients named by their disease before them ("Psoriasis patients with mild to moderate lesions", "Type 2 diabetes
# patients", "Breast cancer patients"); not people free of it ("Non-cancer patients", "Pain-free patients").
_DISEASE_PATIENTS = (r"(?:(?!(?:no|non|not|without|free|healthy|normal)\b)[a-z0-9'-]+\s+){0,2}?(?<![-\w])"
                     rf"{DISEASE}\s+patients?\b")
# Patients named with their sex, age or setting before them ("male patients with ED defined by an IIEF-5 score",
# "Adult patients with", "Consecutive hospitalized patients with"): the healthy-volunteer rule's "patients with".
_QUALIFIED_PATIENTS = (r"(?:(?:male|female|adult|elderly|older|young|pediatric|paediatric|adolescent|consecutive"
                       r"|hospitali[sz]ed|outpatient|ambulatory)\s+){1,3}patients?\s+(?:with|diagnosed|suffering"
                       r"|who\s+(?:have|has|are|were))\b")
# A disease with its cause named after it ("erectile dysfunction associated with Peyronie's disease", "Anemia due to
# chronic kidney disease", "Pain secondary to knee osteoarthritis"): a condition required, though bare. The words
# before the link are one to four words of the condition itself, no people, no negation and no history; the words after
# it end in a disease's noun, even cut short ("Peyroni's diseas"), and name no person ("related to a patient with
# Alzheimer's disease" is a relative's).
_CONDITION_WORDS = (r"(?!(?:no|not|non|without|absence|free|history|risk|normal|healthy|patients?|subjects?"
                    r"|participants?|volunteers?|people|persons?|men|women|adults?|children|individuals?|those|any|all"
                    r"|able|willing|ability|age|aged|smokers?|pregnan\w*)\b)[a-z][a-z'-]*")
_CAUSED_DISEASE = (rf"(?:{_CONDITION_WORDS}\s+){{0,3}}{_CONDITION_WORDS}\s+(?:associated\s+with|due\s+to|secondary\s+to"
                   r"|caused\s+by|related\s+to|resulting\s+from)\s+(?:an?\s+|the\s+)?"
                   r"(?:(?!(?:patients?|persons?|someone|family|relatives?|child|children)\b)[a-z0-9'-]+\s+){0,4}?"
                   r"(?:diseas\w*|syndrome|disorder|cancer|carcinoma|tumou?r|infection|injury|deficiency|failure"
                   r"|diabetes|hypertension|sclerosis|arthritis|osteoarthritis|dementia|stroke)\b")
# A diagnosis by named criteria: the criteria met ("Meeting the CRS diagnostic criteria in the Chinese Guidelines",
# "meet the EULAR/PRINTO/PRES for the diagnosis of HSP", "Fulfilling the ACR classification criteria") or a condition
# found by them ("Atopy by Hanifin & Rajka diagnostic criteria", "Asthma according to GINA diagnostic criteria").
_DIAGNOSED_BY_CRITERIA = (
    r"(?:meets?|meeting|met|fulfil\w*|satisf(?:y|ies|ying))\s+[^.;:]{0,80}?\b(?:(?:diagnostic|classification)\s+"
    r"criteria|criteria\s+for\s+(?:the\s+)?diagnosis|for\s+(?:the\s+)?diagnosis\s+of)\b"
    rf"|(?:{_CONDITION_WORDS}\s+){{0,3}}{_CONDITION_WORDS}\s+(?:by|according\s+to|as\s+per|per|based\s+on|using"
    r"|as\s+defined\s+by)\s+[^.;:]{0,60}?\b(?:diagnostic|classification)\s+criteria\b")
# People named with their ages, sexes or setting before what requires their condition ("Children between 1 and 18
# years of age with mild to moderate AD", "Individuals of both sexes from 18 years with a diagnosis of COPD", "Subjects
# who are diagnosed with atopic condition"); not people named by someone else's condition ("Children of parents with
# asthma", "Adults whose child has ...") or by its absence or risk.
_PEOPLE_BEFORE = (
    r"(?:the\s+)?(?:children|infants?|adolescents?|adults?|individuals?|subjects?|participants?|persons?|people|men"
    r"|women|males?|females?|boys|girls|patients?)\s+"
    r"(?:(?!(?:whose|of\s+(?:a\s+|the\s+)?(?:parents?|mothers?|fathers?|famil\w*)|parents?|mothers?|fathers?"
    r"|famil\w*|relatives?|siblings?|household|contacts?|partners?|spouses?|caregivers?|carers?|born|without|no|not"
    r"|non|free|history|risk|exposed|healthy|normal|except|other)\b)[\w/&'\u2265\u2264<>=+-]+\s+){0,9}?"
    r"(?:with|having|who\s+(?:are|were|is|have\s+been|has\s+been))\s+")
# A criterion that requires a condition: the healthy-volunteer rule's reading, a histopathology that proved it
# ("Histopathology proved PTC"), patients falling into, presenting with, affected by or having it (not having surgery),
# patients who will be diagnosed with it, and its survivors; patients named by their condition, patients with it after
# their sex, age or setting, a disease named with its cause, and a condition suspected or its history ("Suspicion or
# history of food allergy"). A history alone is a condition of each participant (`condition_of_each`), which people
# without it may not meet as an alternative.
_REQUIRES_CONDITION = re.compile(
    rf"{CONDITION_REQUIRED.pattern}|{_PATIENT_NOUN}|{_DISEASE_PATIENTS}|{_QUALIFIED_PATIENTS}|{_CAUSED_DISEASE}"
    r"|histopatholog\w*\s+(?:proved|proven|confirmed)\b"
    r"|patients?\s+(?:falling\s+into|presenting\s+with|affected\s+by|having\b(?!\s+(?:an?\s+)?(?:elective\s+)?"
    r"(?:surgery|operation|procedure)))|patients?\s+who\s+will\s+be\s+(?:clinically\s+)?diagnosed\b"
    r"|survivors?\s+of\b"
    rf"|{_DIAGNOSED_BY_CRITERIA}|(?:suspicion|suspected)\s+or\s+(?:having\s+|with\s+)?{HISTORY_OF_A_CONDITION}")
# Another person named before an illness ("Male or female related to a patient with Alzheimer's disease"): the
# illness is that person's.
_SOMEONE_ELSE = re.compile(
    r"\b(?:related|relatives?|someone|partners?|friends?|spouses?|(?:an?|the|to|of)\s+patients?)\b")
# An age that opens the criterion before the requirement ("Age >= 20 years, Histopathology proved PTC").
_AGE_FIRST = re.compile(r"[^,;]*\b(?:ages?|aged|years?)\b[^,;]*,\s*")
# People, or "with" or "having" alone, before the requirement ("With mild to severe atopic symptoms"); "has" or
# "have" before a diagnosis ("Has a current diagnosis of major depressive disorder"), not before a history, which may
# go on to a risk ("Must have a history of diabetes, hypertension and/or a history of tobacco use").
_PEOPLE_FIRST = re.compile(rf"{_PEOPLE_BEFORE}|(?:with|having)\s+"
                           r"|(?:has|have|must\s+have)\s+(?=(?:[\w-]+\s+){0,3}?diagnos)")
# People admitted for a procedure, who need not have the condition studied.
_ADMITTED_FOR_A_PROCEDURE = re.compile(
    r"(?:patients?|subjects?|participants?|men|women|adults?|children|those)\s+(?:\w+\s+){0,6}?"
    r"(?:undergoing|scheduled|planned|referred|requiring|needing|who\s+will\s+undergo)\b")
# Others the inclusion criteria admit (a gene's carriers among them, a caregiver who takes part: "have a
# caregiver/parent who can complete assessments"), or a criterion kept to one group; not a place of care named after
# its community ("one of a number of approved community clinics").
_OTHERS_ADMITTED = re.compile(
    r"\b(?:(?:caretakers?|caregivers?|carers?)\s+(?:of|for)|(?:be|is|are)\s+(?:an?\s+)?(?:\w+\s+)?(?:caretaker"
    r"|caregiver|carer)s?|(?:caretakers?|caregivers?|carers?|parents?|study\s+partners?|informants?)(?:/[a-z]+)?\s+"
    r"(?:who|that)\s+(?:can|will|(?:is|are)\s+able\s+to|agrees?\s+to|is\s+willing\s+to)\s+(?:complete|participate"
    r"|answer|fill|take\s+part|attend)|staff|students?|nurses|clinicians|employees?|workers?"
    r"|community(?![\s-]+(?:(?:health\s+)?(?:clinics?|cent(?:er|re)s?)|hospitals?|pharmac(?:y|ies)|practices?"
    r"|settings?|sites?|acquired|onset))"
    r"|(?:un)?exposed"
    rf"|exposures?\s+to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{AGENT}|infect\w*|virus|cases?|persons?)"
    r"|at\s+(?:high\s+|increased\s+)?risk|risk\s+(?:of|for)|born\s+to|parents?\s+of|(?:groups?|cohorts?|arms?)\s+only"
    r"|carriers?|for\s+(?:the\s+)?(?:groups?|cohorts?|arms?)\s+(?:\d|[a-e]\b|i)"
    r"|(?:contact|exposed)\s+cases?|(?:close|risk)\s+contacts?|caring\s+for|professionals?"
    r"|carrier\s+state)\b")
# A criterion that opens with a negative test for an infection ("COVID-19 PCR negative", "Negative SARS-CoV-2 PCR"):
# beside a positive one it admits people without the infection.
_TESTED_NEGATIVE = re.compile(
    rf"(?:[\w()/-]+[\s-]+){{0,3}}?(?P<agent>{AGENT})(?:(?!positiv)[^;:.]){{0,40}}?negativ"
    rf"|(?:[\w()/-]+[\s-]+){{0,2}}?negativ\w*\s+(?:(?!positiv)[^;:.]){{0,40}}?(?P<later>{AGENT})")
# A group's label ("Group 2 (former allergy):", "Cohort 1:", "Group 3 inclusion criteria"): the criteria below it are
# that group's, not everyone's.
_GROUP_LABEL = re.compile(r"\b(?:group|cohort)\s+(?:\d{1,2}|[a-e]|i{1,3}|iv)\s*(?:\([^()\n]{0,40}\)\s*)?"
                          r"(?::|(?:inclusion|eligibility)\s+criteria\b)")


def _requires_condition(piece: str) -> bool:
    """Whether a criterion (lower case) opens by requiring a condition, or does so right after its age or the people
    it names, not a risk of one or a state of health, and its clause says neither what may be nor that a controlled
    condition is allowed; a condition of each participant (`condition_of_each`) only where no one else is named before
    it."""
    at = LIST_MARK.match(piece).end()
    openings = (at, *(found.end() for found in (_AGE_FIRST.match(piece, at), _PEOPLE_FIRST.match(piece, at)) if found))
    required = next((found for opening in openings if (found := _REQUIRES_CONDITION.match(piece, opening))), None)
    if required:
        return requirement_stands(piece, at, required)
    openings = tuple(opening for opening in openings if not _SOMEONE_ELSE.search(piece, at, opening))
    return bool(openings) and condition_of_each(piece, openings, at)


def required_condition(text: str, lowered: str | None = None, memo: dict | None = None) -> tuple[int, int] | None:
    """The first inclusion criterion that requires a condition, above any group's label, where the inclusion
    criteria admit no one for a procedure and no other people; else None (`lowered`, `memo`: as `admitted_healthy`
    takes them)."""
    lowered = text.lower() if lowered is None else lowered
    found, tested_negative = None, set()
    for section in inclusion_sections(text, lowered, memo) or ():
        section_lowered = lowered_part(text, lowered, section.start, section.end)
        if _OTHERS_ADMITTED.search(section_lowered):
            return None
        label = _GROUP_LABEL.search(section_lowered)
        grouped_from = section.start + label.start() if label else section.end
        for start, end in criteria_pieces(text, section.start, section.end):
            piece = lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
            if _ADMITTED_FOR_A_PROCEDURE.match(piece, LIST_MARK.match(piece).end()):
                return None
            negative = _TESTED_NEGATIVE.match(piece, LIST_MARK.match(piece).end())
            if negative:
                tested_negative.add(_agent_stem(negative.group("agent") or negative.group("later")))
            if found is None and start < grouped_from and _requires_condition(piece):
                found = start, end, piece
    if found and any(stem in found[2] for stem in tested_negative):
        return None
    return found[:2] if found else None


def _agent_stem(agent: str) -> str:
    """The first letters of an infection's or a test's name, as a criterion that names it again may write it."""
    return agent.strip("(")[:3]
