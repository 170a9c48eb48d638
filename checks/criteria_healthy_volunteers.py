"""Where the inclusion criteria admit healthy people (`admitted_healthy`): a criterion, a group's label or an
inclusion heading ("Healthy adult subjects", "Healthy controls:", "Inclusion Criteria for Healthy Volunteers"), not
"healthy" of an organ or a state, nor healthy people who have a condition or are about to be treated for one."""
from __future__ import annotations

import re

from checks.criteria_age_criterion import LIST_MARK
from checks.criteria_age_groups import LABEL_LINE
from checks.criteria_age_statement import criteria_pieces
from checks.criteria_healthy_admission import HEALTHY_GROUP_BESIDE, HEALTHY_HEADING, NOT_HEALTHY, healthy_admission
from checks.criteria_inclusion import CRITERION_WIDTH, inclusion_sections, lowered_part, section_heading
from checks.criteria_required_conditions import (CONDITION_NAMED_ALONE, DIAGNOSIS_REQUIRED, REQUIRED_OF_EACH,
                                                 condition_of_each, condition_required)
from checks.criteria_sections import Section

# "Healthy" or "normal" of people: "Healthy adult subjects", "Healthy male and female volunteers", "Normal
# volunteers", "Healthy, non-smoking men"; or a criterion that only says the participant is healthy ("Healthy", "Healthy
# as determined by medical history, physical examination and laboratory tests").
# The word boundary before each is looked behind from after its first letter, so a search skips to an "h" or an "n"
# rather than trying the pattern at every character.
_HEALTHY_WORD = re.compile(r"(?:h(?<!\wh)ealthy|n(?<!\wn)ormal\s+(?:volunteers?|controls?|subjects?))\b")
# Words one of which every admission of healthy people holds, found by str.find before any pattern is tried.
HEALTHY_NEEDLES = ("healthy", "normal volunteer", "normal control", "normal subject")
# Healthy volunteers or controls named beside a criterion that requires a diagnosis are a group of their own.
_A_GROUP_OF_THEIR_OWN = re.compile(r"volunteer|control|normal")
# Healthy people that the ASA physical status grades ("Healthy women (ASA 2)" in a trial of cesarean delivery): the
# status is graded for patients about to be anaesthetised, and "healthy" is their state of health; volunteers or
# controls so graded ("Healthy volunteers (ASA I)") are healthy volunteers still.
_VOLUNTEERS_OR_CONTROLS = re.compile(r"\b(?:volunteers?|controls?)\b")
# The status named with its grade ("ASA 2", "ASA I-II", "ASA physical status I", "ASA class <= 2"), or by the society's
# name; not "ASA" alone, which is also aspirin.
_ASA_GRADED = re.compile(r"\basa\s*(?:\)\s*)?(?:(?:physical\s+status|ps|class(?:ification)?|score|grade)\s*)?"
                         r"(?:[:<>=\u2264-]+\s*)?(?:[1-5]|i{1,3}|iv|v)\b"
                         r"|american\s+society\s+of\s+an(?:a)?esthesiologists")
# "Healthy" said of each participant ("Participant is a healthy, ambulatory male or female volunteer", "Subjects must
# be healthy volunteers", "Be a healthy adult", "Are generally healthy men and women"): every participant's general
# health, not a group's label.
_SAID_OF_EACH = re.compile(r"\b(?:is|are|be|being)\s+(?:an?\s+)?"
                           r"(?:(?:generally|otherwise|medically|physically|clinically)\s+)?$")
# The same where the healthy people are what the criterion requires things of ("Healthy male or female volunteers
# must be 18 years or older"): each participant is one.
_REQUIRED_OF_THEM = re.compile(r"\s*(?:must|should|shall|will|need\s+to|have\s+to)\s+(?:be|have)\b")

# A criterion that requires each participant to be in hospital ("Patient is admitted to hospital", "Hospitalized
# patients", "Currently hospitalised"): the healthy persons the same list admits are patients in good general health.
_ADMITTED_TO_HOSPITAL = re.compile(
    r"[\s\-*\u2022\u00b7>]*(?:\(?\d{1,2}[.)]\s*)?(?:(?:the\s+)?(?:patients?|participants?|subjects?|persons?)\s+"
    r"(?:is|are|must\s+be|being)\s+)?(?:currently\s+)?(?:admitted|hospitali[sz]ed|inpatients?)\b")

def _condition_of_each(text: str, lowered: str, section: Section) -> bool:
    """Whether an inclusion criterion of the section opens by requiring a condition of each participant
    (`criteria_required_conditions.condition_of_each`) or is a condition named alone: healthy people have none."""
    for start, end in criteria_pieces(text, section.start, section.end):
        piece = lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
        mark = LIST_MARK.match(piece).end()
        if condition_of_each(piece, (mark,)) or CONDITION_NAMED_ALONE.match(piece, mark):
            return True
    return False


def _in_hospital(text: str, lowered: str, section: Section) -> bool:
    """Whether a criterion of the section requires each participant to be admitted to hospital."""
    return any(_ADMITTED_TO_HOSPITAL.match(lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH)))
               for start, end in criteria_pieces(text, section.start, section.end))


def _of_patients(admission: re.Match, text: str, lowered: str, section: Section) -> bool:
    """Whether the healthy people a criterion admits are the section's patients in good general health: "healthy"
    alone beside a criterion that requires a condition, healthy people said of each participant ("Participant is a
    healthy volunteer", "Healthy volunteers must be 18 years or older") beside a condition required of each, or
    healthy subjects, adults, men or women (not volunteers or controls) beside one that requires a diagnosis or a
    stay in hospital;
    healthy people other than volunteers or controls in inclusion criteria that grade the ASA physical status."""
    if _VOLUNTEERS_OR_CONTROLS.search(admission.group(0)) is None and \
            _ASA_GRADED.search(lowered_part(text, lowered, section.start, section.end)):
        return True
    if admission.group("alone"):
        return condition_required(text, lowered, section) or _condition_of_each(text, lowered, section)
    word = _HEALTHY_WORD.search(admission.group(0))
    said_before = admission.group(0)[:word.start()] if word else ""
    said_of_each = _SAID_OF_EACH.search(said_before) or _REQUIRED_OF_THEM.match(admission.string, admission.end())
    if said_of_each and (condition_required(text, lowered, section, REQUIRED_OF_EACH)
                         or _condition_of_each(text, lowered, section)):
        return True
    return _A_GROUP_OF_THEIR_OWN.search(admission.group(0)) is None and (condition_required(
        text, lowered, section, DIAGNOSIS_REQUIRED) or _in_hospital(text, lowered, section)
        or _condition_of_each(text, lowered, section))


def admitted_healthy(text: str, lowered: str | None = None, memo: dict | None = None) -> tuple[int, int] | None:
    """Where the inclusion criteria first admit healthy people (a criterion, a group's label or an inclusion
    heading), or None (`lowered`, `memo`: as `admitted_sex` takes them)."""
    lowered = text.lower() if lowered is None else lowered
    if not any(needle in lowered for needle in HEALTHY_NEEDLES):
        return None
    for section in inclusion_sections(text, lowered, memo) or ():
        heading = section_heading(text, section)
        named = HEALTHY_HEADING.search(heading.lower())
        if named is not None and NOT_HEALTHY.search(heading.lower()) is None:
            head_start = section.start - len(heading)
            return head_start, section.start
        body_lowered = lowered_part(text, lowered, section.start, section.end)
        places = [section.start + w.start() for w in _HEALTHY_WORD.finditer(body_lowered)]
        at = 0
        for start, end in criteria_pieces(text, section.start, section.end) if places else ():
            while at < len(places) and places[at] < start:
                at += 1
            if at == len(places):
                break
            if places[at] >= end:
                continue
            piece = lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
            admission = healthy_admission(piece)
            if admission is not None and not _of_patients(admission, text, lowered, section):
                return start, end
            if HEALTHY_GROUP_BESIDE.search(piece) is not None and NOT_HEALTHY.search(piece) is None:
                return start, end
            label = next((found for place in places[at:] if place < end
                          and (found := _healthy_label_at(text, lowered, start, place)) is not None), None)
            if label is not None:
                return label
    return None


def _healthy_label_at(text: str, lowered: str, start: int, place: int) -> tuple[int, int] | None:
    """The line at `place`, inside the criterion that starts at `start`, when it is a group's label of its own that
    admits healthy people ("Healthy controls:" right below the patients' last criterion, which runs on into it in a
    list without blank lines); else None."""
    line_start = text.rfind("\n", 0, place) + 1
    if line_start <= start or text[line_start:place].strip(" \t"):
        return None
    label = LABEL_LINE.match(text, line_start)
    if label is None or healthy_admission(lowered_part(text, lowered, line_start, label.end())) is None:
        return None
    return line_start, label.end()
