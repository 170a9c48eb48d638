"""Whether a 'randomized' claim is said of the study's material (samples, images, exams) or of their reading, not of
its participants: material randomized before it is read or tested, named right after the term, or allotted to its
readers at random."""
from __future__ import annotations

import re

# What a study randomizes that is no participant: samples, images and the exams its readers read.
_MATERIAL = (r"(?:samples?|specimens?|slides?|images?|scans?|plates?|wells?|aliquots?|recordings?|videos?"
             r"|photographs?|radiographs?|x-rays?|biopsies|stimuli|stimulus|items|word\s+lists|exams|examinations"
             r"|readings)")

# Material of the study randomized before it is tested or read ("Pathology slides will be randomized and read by two
# pathologists", "Plasma samples will be assayed in randomized blocks", "The exams will be randomly assigned to
# readers"): no allocation of participants.
_MATERIAL_BEFORE = re.compile(
    r"\b" + _MATERIAL + r"\s+(?:[\w-]+\s+){0,3}?(?:will\s+be|shall\s+be|is|are|was|were)\s+"
    r"(?:[\w-]+\s+in\s+(?:an?\s+)?)?$", re.I)
# Words before such material that make it a trait of people ("Patients with abnormal scans will be randomized",
# "Participants whose samples are positive are randomized"): they are randomized.
OF_PEOPLE_BEFORE = re.compile(r"\b(?:with|without|whose|having|who|had|has|have|if|when)\b[^.;:]*$", re.I)


# The same material named right after the term ("Randomization of samples across plates will minimize batch
# effects", "randomization of the stimuli", "random assignment of the exams to readers"), and a subset of people
# chosen at random for an added measure ("A randomized subset of participants will undergo MRI"): no allocation of
# participants to interventions.
_MATERIAL_AFTER = re.compile(
    r"\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:samples|specimens|slides|images|scans|plates|aliquots|recordings"
    r"|videos|stimuli|items|exams|examinations|readings)\b|sub-?(?:sets?|samples?)\s+of\b)", re.I)


# Material allotted to the readers who read it, in a sentence whose term names how ("The exams will be assigned
# randomly to readers using the Biostatistician Office random assignment services", NCT03128268; "Images are
# distributed among the three radiologists by a random allocation list"): a reading design, no participant allocated.
_ALLOTTED_TO_READERS = re.compile(
    r"\b" + _MATERIAL + r"\s+(?:[\w-]+\s+){0,3}?(?:will\s+be|shall\s+be|is|are|was|were)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:assigned|allocated|allotted|distributed|divided|presented|sent|given)\b[^.;:]{0,60}?\b(?:to|among|between)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:readers?|raters?|reviewers?|radiologists?|pathologists?|observers?|interpreters?"
    r"|graders?)\b", re.I)
# People named between that material and the term: the term may be of them ("The scans are sent to readers and
# patients are randomized").
_PEOPLE = re.compile(r"\b(?:patients|participants|subjects|volunteers|individuals|persons|people|women|men"
                     r"|children|infants)\b", re.I)


# The exercises or tasks each participant does, in an order drawn at random ("the remaining 8 exercises will be
# randomized"), where the sentence names no people before them ("Subjects performing home exercises will be
# randomized" are).
_EXERCISES_BEFORE = re.compile(
    r"\b(?:exercises|tasks)\s+(?:[\w-]+\s+){0,3}?(?:will\s+be|shall\s+be|is|are|was|were)\s+$", re.I)
# An order randomized, said in a sentence before ("The order of exercises will be randomized in to two parts"), and a
# sentence that goes on step by step ("First, cervical flexion and extension ... will be randomized. Secondly, ..."):
# the steps tell what that order draws, not an allocation of participants.
_ORDER_RANDOMIZED_BEFORE = re.compile(r"\b(?:order|sequence)\s+of\s+(?:the\s+)?[\w\s,-]{1,60}?(?:will\s+be|is|are"
                                      r"|was|were)\s+randomi[sz]ed\b[^.;]*[.;]\s+(?:[^.;]*[.;]\s+)?$", re.I)
_STEP_OPENS = re.compile(r"\s*(?:first|second|third|fourth|then|next|finally|lastly)(?:ly)?\s*,", re.I)
# How far before the step's sentence the order randomized may be said.
ORDER_REACH = 300


def _exercises_randomized(text: str, start: int, sentence: tuple[int, int]) -> bool:
    """Whether the exercises or tasks are named right before the term at `start`, with no people before them in its
    sentence (its start and end offsets)."""
    m = _EXERCISES_BEFORE.search(text, max(sentence[0], start - 60), start)
    return m is not None and _PEOPLE.search(text, sentence[0], m.start()) is None


def _step_of_an_order(text: str, sentence: tuple[int, int]) -> bool:
    """Whether the sentence (its start and end offsets) is a step of an order randomized in the sentence before it
    ("The order of exercises will be randomized ... First, ... will be randomized"), naming no people."""
    s_start, s_end = sentence
    return (_STEP_OPENS.match(text, s_start) is not None and _PEOPLE.search(text, s_start, s_end) is None
            and _ORDER_RANDOMIZED_BEFORE.search(text, max(0, s_start - ORDER_REACH), s_start) is not None)


def material_randomized(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether the 'randomized' claim at text[start:end] is said of samples, images or exams, not of people who have
    them: the material is named right before or after it, the claim's sentence (its start and end offsets) allots
    that material to its readers before it, or it is a step of an order randomized in the sentence before."""
    m = _MATERIAL_BEFORE.search(text, max(0, start - 60), start)
    if m is not None and OF_PEOPLE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None:
        return True
    if (_MATERIAL_AFTER.match(text, end) or _exercises_randomized(text, start, sentence)
            or _step_of_an_order(text, sentence)):
        return True
    s_start, s_end = sentence
    allotted = _ALLOTTED_TO_READERS.search(text, s_start, s_end)
    return (allotted is not None and allotted.start() < start
            and _PEOPLE.search(text, allotted.start(), start) is None
            and OF_PEOPLE_BEFORE.search(text, max(s_start, allotted.start() - 40), allotted.start()) is None)
