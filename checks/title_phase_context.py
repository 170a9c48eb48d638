"""What the words around a phase in a title make it: another study's ("extension of the Phase 3 study"), no trial's
("Phase II cardiac rehabilitation"), a later study's dose ("Recommended Phase 2 Dose"), or a part's ("Part B (Phase
2)", "Phase 1 dose escalation")."""
from __future__ import annotations

import re

# Around the phase, words that make it no trial's phase: a rehabilitation programme's, a treatment's ("Phase I
# periodontal therapy", "phase II of complete decongestive therapy", "Phase I orthodontic treatment"), drug
# metabolism's ("phase II enzymes"), insulin secretion's ("Phase 1 Insulin Secretion", the first-phase response to
# glucose), a small business research grant's ("SBIR Phase II"), a stage of something ("Phase 2 of the ... Project"),
# a likeness ("A Phase III-like Pragmatic Trial": no phase 3 trial).
NO_TRIAL_PHASE_AFTER = re.compile(
    r"\s*-?\s*(?:(?:(?!stud|trial)[\w-]+\s+){0,2}(?:rehab\w*|periodont\w*|orthodont\w*|decongestive"
    r"|enzymes?|metaboli\w*|conjugat\w*|detoxif\w*|biotransform\w*|reactions?\b|insulin\s+(?:secret\w*|release"
    r"|respons\w*))|(?:of|sbir|sttr|grants?|awards?|like|style)\b)",
    re.I)
NO_TRIAL_PHASE_BEFORE = re.compile(r"(?:rehab\w*|labou?r|cycle|sbir|sttr|recommended)\s*[-,:]?\s*\Z", re.I)
# The dose a study chooses for a later phase ("to Determine the Phase 2 Dose", "Recommended Phase 2 Dose"): the
# later study's phase, not this one's.
DOSE_AFTER = re.compile(r"\s*doses?\b", re.I)
DOSE_CHOSEN_BEFORE = re.compile(r"\b(?:determin\w*|identif\w*|establish\w*|select\w*|defin\w*|find\w*|choos\w*"
                                 r"|optimal|recommended)\s+(?:the\s+|an?\s+)?(?:optimal\s+)?\Z", re.I)
# Before the phase, words that make it another study's: "from", "completed", "participated in", "previous".
_FILLER = r"(?:[\w/.()-]+,?\s+){0,3}"
_ANOTHER_STUDY_BEFORE = re.compile(
    rf"\b(?:from|after|following|complet\w*|finish\w*|participat(?:ed|ing|ion)|enrol\w*|previous\w*|prior|parent"
    rf"|preceding|earlier|feeder|originating|antecedent|qualifying|rolled|roll-?over)\s+{_FILLER}\Z", re.I)
# "of the Phase 3 study", "in their phase 2 trial": a named study other than this one.
_NAMED_STUDY_BEFORE = re.compile(
    r"\b(?:of|in|into|within|to|for)\s+(?:the|these|those|their|its|that|each|both|ongoing|core)\s+"
    r"(?:[\w/.-]+,?\s+){0,2}\Z", re.I)
# "Treated ... in an Auxilium-sponsored Phase 3 Study": the study its people were treated, enrolled or dosed in
# before, whatever word names it.
_TREATED_IN_BEFORE = re.compile(
    r"\b(?:treated|enrolled|randomi[sz]ed|dosed|vaccinated|immuni[sz]ed|participated|included)\b[^:;]{0,160}?"
    r"\b(?:in|during)\s+(?:an?|the|their|its)\s+(?:[\w/.-]+,?\s+){0,2}\Z", re.I)
# In an extension's or a rollover's title, a phase after "of", "to", "for" is the parent study's, as is one that names
# the members of a trial ("Phase II Trial Participants").
EXTENSION = re.compile(r"\b(?:extension|extended(?![\s-]*release)|roll-?over|continuation|continued\s+access"
                        r"|follow-?up)\b", re.I)
_PREPOSITION_BEFORE = re.compile(rf"\b(?:of|in|into|to|for)\s+{_FILLER}\Z", re.I)
# Before the phase, a trial's own move into a later phase, where its title has named the trial's first phase: "A
# Randomized Phase II Trial of X. Amendment Protocol: Extension to a Randomized Phase III Trial", "Phase II Trial of
# X, Extended to Phase III", "A Phase I Study With Extension Into Phase II". The extension opens its clause or follows
# a comma or "with", "to" or "into" follows it at once, and no "the" names a trial before the phase: not an extension
# study's parent ("Extension Study to a Phase 3 Trial", "Open-label Extension to a Phase 1 Study", "Extension Into the
# Phase 3 ABC Trial", "Extension of the Phase III ABC Trial").
EXTENDED_INTO_BEFORE = re.compile(
    r"(?:\A|,|\bwith\s+(?:an?\s+)?)\s*(?:extension|extended)\s+(?:in)?to\s+(?:an?\s+)?(?:(?!the\b)[\w-]+,?\s+){0,2}\Z",
    re.I)
_MEMBERS_AFTER = re.compile(r"\s*(?:stud(?:y|ies)|trials?)\s+(?:participants?|patients|subjects|volunteers"
                            r"|enrollees)\b", re.I)
# After the phase, words that make it the phase of other studies ("Phase 1 and 2 Studies"); not after a study word,
# which makes it this study's ("Phase 3 Trial of Program to Assess ...", "Phase II Study Comparing Programs").
_OTHER_STUDIES_AFTER = re.compile(r"\s*(?:(?!stud|trial)[\w-]+\s+){0,2}?(?:studies|trials|programmes?|programs?"
                                  r"|protocols)\b", re.I)
# After the phase, words that make it a part's: "Phase 2 portion", "Phase 1 dose escalation", "phase 2 expansion"
# (not "Phase I Study With Expansion", the whole study's phase); before it, a study's move into a later part
# ("Phase I Study With Expansion Into Phase II").
PART_AFTER = re.compile(r"\s*(?:(?!stud|trial)[\w-]+\s+){0,2}?(?:portions?|parts?|stages?|segments?|cohorts?"
                         r"|components?|run-?in|lead-?in|escalation|expansion|sub-?stud(?:y|ies)|substud(?:y|ies))\b",
                         re.I)
PART_BEFORE = re.compile(r"\binto\s+\Z", re.I)
# The words before a phase that name the part it belongs to, or the whole study it is a part of, lie within so many
# characters of it: only those are searched.
LABELLED_PART_CHARS = 32
PART_OF_CHARS = 90
# Before the phase, a labelled part that the phase belongs to: "Part B (Phase 2)", "Sub-study 1 (Phase 1b)", "Part A:
# Phase 1b".
_LABELLED_PART_BEFORE = re.compile(r"\b(?:parts?|portions?|stages?|cohorts?|arms?|modules?|sub-?stud(?:y|ies))"
                                   r"\s*(?:[a-z]|\d{1,2}|[ivx]{1,4})\s*[(:,-]\s*\Z", re.I)
# After the phase, the label of the part it belongs to: "Phase 2 (Part A) Followed by Randomized Phase 3 (Part B)",
# "Phase 1 - Stage 1". Not "Phase 2 Part of a Phase 1/2 Study", a part named as such.
_LABELLED_PART_AFTER = re.compile(r"\s*[(\[:\u2013-]?\s*(?:parts?|portions?|stages?|cohorts?|arms?|modules?"
                                  r"|sub-?stud(?:y|ies))\s*(?:[a-z]|\d{1,2}|[ivx]{1,4})\b(?!\s+of\b)", re.I)
# Before a phase that names a part ("Phase 2 Expansion"), words that make it a later part of the study the title
# has named a phase of: "A Phase 1 Study Followed by Phase 2 Expansion Cohorts", "Phase 1 Dose Escalation Then Phase 2
# Expansion".
LATER_PART_BEFORE = re.compile(r"\b(?:followed\s+by|then|and|with|plus)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?\Z",
                                re.I)
# Before a Phase 2, a dose-finding part joined to it ("Dose Finding and Phase II Study of X", "Dose-Escalation and
# Phase 2 Expansion", "A Dose-Finding Followed by a Phase II Study"): the phase 1 part of a phase 1/2 trial, which
# finds the dose the phase 2 part gives. Not a phase 2 study's own dose finding ("Dose-Finding Phase II Study") nor
# dose ranging, which phase 2 trials do.
DOSE_FINDING_JOINED_BEFORE = re.compile(
    r"\bdose[\s-]*(?:finding|escalation|escalating)(?:\s+(?:part|portion|stage|study|trial|cohorts?))?\s*,?\s*"
    r"(?:and|&|\+|plus|then|followed\s+by)\s+(?:an?\s+|the\s+)?(?:randomi[sz]ed\s+)?\Z", re.I)
# Between a phase read as another study's and the next, words that join the two as one study's phases: "Participants
# From a Phase 2 (Part A) and Phase 3 (Part B) Study", "Rollover From Phase 1 or Phase 2 Trials".
JOINED_TO_ANOTHER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:and|or|&|plus|then|followed\s+by)\s+"
                                r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?", re.I)
# Before the phase, a part of a study named as such: the phase is the whole study's, of which this record may be the
# part ("Phase 2 Part of a Phase 1/2 Study", "Phase 1 Lead-in to a Phase 2 Trial", "A Sub-study of a Phase 3 Trial",
# "Stage 2 (Phase 3) of a Seamless Phase 2/3 Trial").
PART_OF_BEFORE = re.compile(
    r"\b(?:portions?|parts?|stages?|segments?|cohorts?|components?|modules?|run-?in|lead-?in|sub-?stud(?:y|ies)"
    r"|substud(?:y|ies))(?:\s*(?:[a-z]|\d{1,2}|[ivx]{1,4})\b)?(?:\s*\([^()]{1,40}\))?"
    r"\s+(?:of|to|for|within|in)\s+(?:an?\s+|the\s+)?(?:[\w/.-]+,?\s+){0,2}\Z", re.I)
# After the phase, a study named and then a study that follows it or lies within it ("A Phase 3 Trial Long-term
# Follow-up Study", "Phase III Study Extension", "Phase 3 Trial Substudy"): the phase is the other study's.
_FOLLOWED_STUDY_AFTER = re.compile(
    r"\s*(?:stud(?:y|ies)|trials?)\s+(?:(?!with\b|and\b|plus\b|including\b)[\w-]+\s+){0,2}?(?:extension"
    r"|follow-?up|roll-?over|continuation|sub-?stud(?:y|ies)|substud(?:y|ies)|ancillary)\b", re.I)

# After the phase, the results or data of a study of that phase ("Phase 2 Results-Based Follow-up", "Phase III Data
# Long-Term Follow-up", "Phase 3 Trial Findings"; not "Phase 3 Data-Driven Dosing Trial"), or trials of that phase as
# what the study is about ("Decision Making About Phase I Trial Enrollment", "Phase 1 Clinical Trial Participation
# Among Older Adults"; not "A Phase 2 Study Enrolling Adults"): another study's phase.
_RESULTS_AFTER = re.compile(r"\s*(?:(?:stud(?:y|ies)|trials?)\s+)?(?:results?|data(?![\s-]*driven)|findings)\b",
                            re.I)
_TRIAL_AS_SUBJECT_AFTER = re.compile(
    r"\s*(?:(?:clinical|cancer|oncology|drug|research)\s+)?(?:stud(?:y|ies)|trials?)\s+(?:enrol?l?ments?"
    r"|participation|accrual|referrals?|recruitment|eligibility|consent|decisions?|decision-making)\b", re.I)


def of_another_study(title: str, m: re.Match, clause: str, extension: bool) -> bool:
    """Whether the words about the phase (`clause`: its clause's words before it) make it another study's: "from a
    Phase 2 study", "of the Phase 3 trial", "Phase 1 and 2 studies", "A Phase 3 Trial Long-term Follow-up Study",
    "Phase 2 Results-Based Follow-up", "Phase I Trial Enrollment", "Joints Treated ... in an Auxilium-sponsored
    Phase 3 Study", or in an extension's title "Extension Study for
    Phase I/II Study X"."""
    return bool(_ANOTHER_STUDY_BEFORE.search(clause) or _NAMED_STUDY_BEFORE.search(clause)
                or _TREATED_IN_BEFORE.search(clause)
                or extension and (_PREPOSITION_BEFORE.search(clause) or _MEMBERS_AFTER.match(title, m.end()))
                or _OTHER_STUDIES_AFTER.match(title, m.end())
                or _FOLLOWED_STUDY_AFTER.match(title, m.end())
                or _RESULTS_AFTER.match(title, m.end()) or _TRIAL_AS_SUBJECT_AFTER.match(title, m.end()))


def labelled_parts(title: str, found: list[re.Match]) -> list[bool]:
    """For each phase found in the title, whether a labelled part names it ("Part B (Phase 2)", "Stage 1: Phase 1")."""
    return [_LABELLED_PART_BEFORE.search(title, max(0, m.start() - LABELLED_PART_CHARS), m.start()) is not None
            or _LABELLED_PART_AFTER.match(title, m.end()) is not None for m in found]
