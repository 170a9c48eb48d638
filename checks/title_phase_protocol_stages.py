"""Phases a record's text defines as its protocol's own numbered stages of procedures, not a trial's phases.

An observational study may number the stages of what its participants undergo and call them phases: "PROTOCOL
OUTLINE: Phase I: Patients undergo fasting for urine and blood endocrine assessments ... Phase II: ... patients with
any abnormal endocrine tests during phase I undergo 24 hour inpatient dynamic testing". A title's "Phase I/II" then
names those stages. A stage is read as the protocol's where its phase heads it before a colon and its first sentence
has the people undergo procedures of observation (assessments, tests, measurements, examinations, interviews), with
no dose, escalation, randomization or placebo in it ("Phase I: Patients receive escalating doses of ..." is a trial's
phase). A text that names a phase as a trial's or a study's ("This phase II trial is studying ...", "a Phase 2
study") names a trial phase, and no phase of that record is read as a stage.
"""
from __future__ import annotations

import re
from typing import Iterable

from checks.title_phase_written import phases_written, read_phases

# What may stand right before a phase that heads its stage: the text's or a line's start, a sentence's end, or a
# heading's colon ("PROTOCOL OUTLINE: Phase I: ...").
_HEADS = re.compile(r"(?:\A|[\n.:;]|\s-)\s*\Z")
# The colon (or a dash) after the phase that opens its stage's account.
_OPENS = re.compile(r"\s*(?::|\s[-\u2013\u2014])\s*")
# The stage's first sentence: people undergo procedures of observation.
_UNDERGO = re.compile(
    r"\b(?:patients|participants|subjects|volunteers|individuals|children|adults|women|men|families|caregivers)\b"
    r"[^.]{0,160}?\bundergo(?:es)?\b[^.]{0,100}?\b(?:assessments?|tests?|testing|measurements?|evaluations?"
    r"|examinations?|exams?|screening|interviews?|questionnaires?|surveys?|sampling|samples?|collections?"
    r"|imaging|scans?|monitoring|observation)\b", re.I)
# Words of a trial's phase in a stage's first sentence: a dose, its escalation, randomization, placebo.
_TREATED = re.compile(r"\b(?:doses?|dosing|dose-escalation|escalat\w*|mtd|randomi[sz]\w*|placebo)\b", re.I)
# A phase named as a trial's or a study's, a study word at once or within two words after it ("This phase II trial",
# "a Phase 2, open-label study").
_STUDY_AFTER = re.compile(r"\s*,?\s*(?:[\w-]+,?\s+){0,2}?(?:trials?|stud(?:y|ies))\b", re.I)


def protocol_stages(texts: Iterable[str]) -> frozenset[int]:
    """The phases the record's `texts` define as its protocol's stages of procedures ("Phase I: Patients undergo
    fasting for ... endocrine assessments"); none where a text names a phase as a trial's or a study's."""
    stages: set[int] = set()
    for text in texts:
        for m in phases_written(text):
            if _STUDY_AFTER.match(text, m.end()):
                return frozenset()
            opens = _OPENS.match(text, m.end())
            if not opens or not _HEADS.search(text, max(0, m.start() - 40), m.start()):
                continue
            sentence = re.match(r"[^.]*", text[opens.end():]).group(0)
            if _UNDERGO.search(sentence) and not _TREATED.search(sentence):
                stages |= read_phases(m)[0]
    return frozenset(stages)
