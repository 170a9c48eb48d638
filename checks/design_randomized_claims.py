"""Whether a 'randomized' claim allocates participants to groups: not the order of conditions or tasks, an experiment's
trial given at random, a number or kit given at random, data sets, samples or exams and their readers
(`design_randomized_material`), stimuli, a subset chosen, randomization declined, a randomized trial weighed as possible
or reported, a partial one or one of a single part, or a one-arm record's words of its own arm."""
from __future__ import annotations

import re
from typing import Callable

from checks.design_allocation_terms import RCT
from checks.design_claims import affirmed
from checks.design_earlier_study_claims import of_a_study_before, rct_defined_otherwise, treated_as_another_group
from checks.design_parent_study import (
    of_a_first_part, of_a_part_completed_before_entry, of_an_extensions_earlier_part, of_the_trial_an_arm_came_from,
)
from checks.design_randomized_material import OF_PEOPLE_BEFORE, material_randomized
from checks.design_text import Claim, first_affirmed, sentence_at
from checks.design_trials_spoken_of import randomized_by_a_trial_reported
from checks.study_text import StudyText

# Randomising the order of conditions each participant goes through ("randomisation of the order of stimuli"):
# not an allocation of participants to groups, and a single group's allocation stays N/A. (A randomized sequence
# of a crossover is its groups: still an allocation.)
_ORDER_RANDOMIZED = re.compile(
    r"\s+(?:of\s+(?:the\s+)?)?order\b|\s+(?:[\w-]+\s+){0,2}?order\s+of\b"
    # "tested in a randomized, blinded order"
    r"|,\s+(?!in\b)[\w-]+\s+order\b"
    r"|\s+within\s+(?:each\s+)?(?:participants?|subjects?|patients?|individuals?)\b"
    # "Also randomized, will be the three different study sessions" (NCT05695846)
    r"|,?\s+(?:will\s+be|is|are)\s+the\s+(?:[\w-]+\s+){0,3}?(?:sessions?|conditions?|orders?|sequences?|visits?)\b",
    re.I)
# "the side and order of the tests will be randomized" (NCT05699317), "The order of infused material as well as the
# volume of infused material in all sessions will be randomized" (NCT05695846): the order is what is randomized, or
# is not ("The order of the questionnaires will not be randomized").
_ORDER_BEFORE = re.compile(
    r"\b(?:order|sequence)s?\b[^.;]{0,90}?\b(?:will\s+(?:not\s+)?be|(?:is|are|was|were)(?:\s+not)?)\s+$", re.I)
# Stimuli or items each participant goes through, shuffled across the blocks or sessions of the experiment ("Stimuli
# will be randomized across blocks", "the word lists are randomized between sessions", "randomized within each
# session", "randomized within blocks of trials"): no allocation of participants. (Not "between visits 1 and 2", a
# time, nor "within blocks", which may be participants' block randomization.)
_ACROSS_SESSIONS_AFTER = re.compile(
    r"\s+(?:(?:across|between)\s+(?:the\s+|all\s+)?(?:blocks|sessions|runs)\b(?!\s*\d)"
    r"|within\s+each\s+(?:session|run)\b"
    # "Conditions will be randomized within blocks of trials": the trials of an experiment each participant does.
    r"|within\s+(?:each\s+)?blocks?\s+of\s+(?:\d+\s+)?(?:trials|stimuli|items|images|words|tasks)\b)", re.I)
# A body part of each participant randomized, as in split-mouth, paired-eye or bilateral designs ("In each patient,
# one eye will be randomized to drug X and the fellow eye to placebo", "the two legs of each participant will be
# randomized"): every participant is in one group, which a single group's allocation N/A describes.
_PART_OF_PARTICIPANT_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:one|each|the|either|both|two|their|contralateral|fellow|left|right"
    r"|(?:participant|patient|subject)(?:s'|'s|s)?)\s+)(?:[\w'-]+\s+){0,2}?(?:eyes?|sides?|legs?|hands?|feet|foot"
    r"|teeth|tooth|quadrants?|halves|half|hemi-?faces?|limbs?|knees?|ears?|breasts?|hemispheres?|jaws?|arches)"
    r"(?:\s+(?:of|in)\s+(?:[\w'-]+\s+){0,2}[\w'-]+)?"
    r"\s+(?:will\s+be|shall\s+be|is|are|was|were)\s+$", re.I)


# One repetition of what each participant does in a session, given at random ("To minimize the anticipation effect,
# one trial of forward belt movement will be randomly assigned", "Catch trials are presented at random", "The
# perturbations will be randomized"): an experiment's trials, counted or of a kind, not the study; no allocation of
# participants. Not "The trial will be randomized", nor "Participants in one trial will be randomized", nor what
# people had ("Patients who failed one trial of an antidepressant will be randomized").
_COUNT = (r"(?:one|a\s+single|single|two|three|four|five|six|seven|eight|nine|ten|\d+|several|additional|extra"
          r"|occasional)")
_REPETITION_BEFORE = re.compile(
    r"(?<![\w-])"
    r"(?:(?:(?:" + _COUNT + r"|the|these|all)\s+)?(?:catch|probe|practice|perturbation|stimulus|stimulation|walking"
    r"|gait|reaching|balance|familiari[sz]ation|task|null)\s+trials?"
    r"|(?:one|a\s+single)\s+trial"
    r"|(?:(?:" + _COUNT + r"|the|these|all)\s+)?(?:perturbations|repetitions|bouts))"
    r"(?:\s+(?:of|with|at|in)\s+(?:[\w./()%-]+\s+){0,5}?[\w./()%-]+)?(?:\s*\([^()]{0,30}\))?"
    r"\s+(?:will\s+be|shall\s+be|are|is|were|was)\s+(?:(?:then|also|each|always)\s+)?"
    r"(?:(?:presented|given|delivered|interspersed|inserted|distributed|ordered|applied)\s+)?$", re.I)


# A number, code or kit given at random or by a randomization system, which sponsors' systems give in single-arm
# studies too ("each subject will be assigned a randomization number via IWRS", "randomly assigned a unique study
# code", "the IXRS will be used for randomization of drug kits"): no allocation of participants to groups.
_IDENTIFIER_AFTER = re.compile(
    r"\s+(?:(?:numbers?|no\.|system|IWRS|IXRS|IVRS)\b"
    r"|(?:an?\s+)?(?:(?:unique|individual|study|subject|participant|patient|identification|kit)\s+){0,2}"
    r"(?:numbers?|codes?|ids?|identifiers?|kits?)\b"
    r"|of\s+(?:the\s+)?(?:(?:drug|study|medication|treatment)\s+)?(?:kits?|supplies|vials|packs?|boxes)\b)", re.I)


# Data divided at random into the sets a prediction model is built and tested on ("The images will be randomly
# divided into a training set and a validation set", "randomized into derivation and validation cohorts"): no
# allocation of participants to interventions.
_DATA_SETS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?into\s+(?:(?:an?|the|two|three)\s+)?(?:[\w()%-]+\s+){0,2}?(?:training|derivation"
    r"|development|validation|test(?:ing)?|discovery|learning|modell?ing|internal|external)\b", re.I)


# Randomization declined ("Patients who refuse randomization will be followed in a preference cohort", "those who
# decline to be randomized"): the people it speaks of are not randomized.
_DECLINED_BEFORE = re.compile(r"\b(?:declin|refus)(?:e|es|ed|ing)\s+(?:(?:to\s+be|the|their)\s+)?$", re.I)


# A randomized trial the text weighs as possible or needed, not the one it describes ("A randomized trial may be
# feasible if a pragmatic design is adopted", NCT01194648; "a randomised design might be possible in a later phase";
# "Randomisation may be feasible once the device is approved"): the trial's noun follows the term, after "a", "an",
# "another", "further" or "future", or the term is the noun. Not "This randomized trial is feasible in 60 patients",
# nor what the study may do ("A randomized trial may enrol up to 60 patients").
_WEIGHED = (r"\s+(?:may|might|could|would)\s+(?:(?:also|well|only|then|still|not|eventually|later)\s+)?"
            r"(?:be|prove|become)\s+(?:(?:more|less|both|ethically|practically|logistically)\s+)?(?:feasible|possible"
            r"|practicable|practical|achievable|realistic|needed|required|warranted|necessary|justified|appropriate"
            r"|useful|worthwhile|informative)\b")
_WEIGHED_TRIAL_AFTER = re.compile(r"(?:,?\s+[\w-]+){0,4}?\s+(?:study|trial|rct|design|comparison|evaluation)"
                                  + _WEIGHED, re.I)
_WEIGHED_AFTER = re.compile(_WEIGHED, re.I)
_A_TRIAL_BEFORE = re.compile(r"\b(?:an?|another|further|future|larger|definitive)\s+(?:[\w-]+,?\s+){0,3}$", re.I)
_NOUN = re.compile(r"randomi[sz]ation$", re.I)


def weighed(claim: Claim) -> bool:
    """Whether a 'randomized' claim is of a randomized trial the text weighs as possible or needed ("A randomized
    trial may be feasible"), or of randomization so weighed ("Randomisation may be feasible"), not of this study."""
    text = claim.source.text
    if _NOUN.search(text, claim.start, claim.end) and _WEIGHED_AFTER.match(text, claim.end):
        return True
    return bool(_WEIGHED_TRIAL_AFTER.match(text, claim.end)
                and _A_TRIAL_BEFORE.search(text, max(0, claim.start - 60), claim.start))


def allocates(claim: Claim) -> bool:
    """Whether a 'randomized' claim speaks of allocating participants, not of the order of conditions, of what
    each participant goes through ("stories will be randomized within participants", NCT05687994), of a number
    or kit given at random, of data divided into a model's training and validation sets, of samples, images or exams
    randomized before they are read or allotted to their readers, of stimuli shuffled across an experiment's
    sessions, of one of an experiment's trials or perturbations given at random, of a subset chosen for an added
    measure, of randomization that people decline, of a randomized trial weighed as possible, or of a trial reported
    that randomized ("A more recent study from the EORTC randomized patients"). The trial a pilot prepares is another
    study's sentence (checks.study_context OTHER_STUDY), not read at all."""
    text = claim.source.text
    return not (_ORDER_RANDOMIZED.match(text, claim.end) or _ACROSS_SESSIONS_AFTER.match(text, claim.end)
                or _ORDER_BEFORE.search(text, max(0, claim.start - 130), claim.start)
                or _PART_OF_PARTICIPANT_BEFORE.search(text, max(0, claim.start - 90), claim.start)
                or _IDENTIFIER_AFTER.match(text, claim.end) or _DATA_SETS_AFTER.match(text, claim.end)
                or _DECLINED_BEFORE.search(text, max(0, claim.start - 30), claim.start)
                or material_randomized(text, claim.start, claim.end, sentence_at(text, claim.start))
                or _repetition_randomized(text, claim.start)
                or randomized_by_a_trial_reported(text, claim.start, claim.end, sentence_at(text, claim.start)[0])
                or weighed(claim))


def _repetition_randomized(text: str, start: int) -> bool:
    """Whether the 'randomized' claim at `start` is said of one of an experiment's trials or perturbations that each
    participant goes through, not of what people had."""
    m = _REPETITION_BEFORE.search(text, max(0, start - 120), start)
    return m is not None and _INSIDE_BEFORE.search(text, max(0, m.start() - 30), m.start()) is None and \
        OF_PEOPLE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None


# The trials people are in, not trials they do: "Participants in the walking trial", "patients of one trial".
_INSIDE_BEFORE = re.compile(r"\b(?:in|of|from|within|into|for|to)\s+(?:(?:the|a|an|this|that|each|every)\s+)?$", re.I)


# What each participant goes through in one visit or session, in an order drawn at random ("randomly assigned to one of
# six task orders", "randomized to one of four counterbalanced orders of the tests", "randomly assigned to the order in
# which they complete the questionnaires"): outside a crossover model, no allocation of participants to interventions.
# (A sequence, period or treatment order is a crossover's allocation, whatever the model says.)
_TASKS = (r"(?:tasks?|tests?|testing|stimul(?:us|i)|questionnaires?|surveys?|sessions?|blocks?|items?|assessments?"
          r"|measurements?|videos?|images?|pictures?|word[\s-]+lists?|scales?|interviews?)")
_TASK_ORDER_AFTER = re.compile(
    r"\s+(?:to|into|in)\s+(?:(?:one|each|any|either)\s+of\s+)?(?:the\s+|an?\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|ten|possible|different|counterbalanced|balanced|pre-?specified"
    r"|predefined|fixed|random)\s+){0,2}"
    r"(?:" + _TASKS + r"\s+(?:orders?|sequences?)\b"
    r"|(?:orders?|sequences?)\s+(?:of|in\s+which)\s+(?:[\w-]+\s+){0,4}?" + _TASKS + r"\b)", re.I)


# The same said of the tasks themselves ("In this study, the tasks are randomized within blocks", "The tests will be
# randomized", "Trial types are randomized within blocks", the kinds of an experiment's trials), not of people who
# have them ("Participants whose tests are positive are randomized").
_TASKS_BEFORE = re.compile(
    r"\b(?:tasks|tests|questionnaires|surveys|assessments|measurements|interviews|scales|trial\s+types"
    r"|(?:task|test|experimental)\s+trials)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:will\s+be|shall\s+be|are|were)\s+$", re.I)


def orders_tasks(claim: Claim) -> bool:
    """Whether a 'randomized' claim draws the order of the tasks, tests, stimuli or questionnaires each participant
    goes through, not a sequence of treatments."""
    text = claim.source.text
    if _TASK_ORDER_AFTER.match(text, claim.end):
        return True
    m = _TASKS_BEFORE.search(text, max(0, claim.start - 60), claim.start)
    return m is not None and OF_PEOPLE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None


# "A partially randomized study": some participants are randomized and others not, which a non-randomized
# allocation may well describe, unless the text also says participants are randomized.
_PARTIAL_BEFORE = re.compile(r"\b(?:partially|partly|part)[\s-]*$", re.I)


# A sentence that opens by naming the one part of the study its randomization is done in ("For the dose optimization
# (HRO761 single agent arm only), patients will be equally randomized to the two selected dose levels", NCT05838768;
# "In Part B, participants will be randomized", "During the dose expansion phase, patients are randomized"): the other
# parts are not randomized. Not a randomization done in every part or arm ("Within each cohort, patients are
# randomized", "In the two arms, ...").
_ONE_PART_OPENING = re.compile(
    r"\s*(?:for|in|during|within)\s+(?:(?:the|this)\s+)?"
    r"(?!(?:the|this|each|every|all|both|either|any|two|three|four|\d+)\b)"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:parts?|stages?|portions?|segments?|cohorts?|arms?|sub-?stud(?:y|ies)|expansion|escalation|optimi[sz]ation)"
    r"(?:\s+(?:[A-D]|[1-4]|i{1,3}|iv))?(?:\s+(?:part|phase|stage|portion|period|cohort))?\b"
    r"(?:\s*\([^()]{0,80}\))?\s*,\s*[^,;:]*$", re.I)


# A sentence or list item that opens with the label of the one part it describes ("Cohort B (rosiglitazone): This is a
# randomized, open-label, two-period crossover study design", NCT01415128, beside "Cohort A (omeprazole): This is a
# open-label, non-randomized ... design"; "Part 2 - participants are randomized 1:1"; "Stage II: randomised"): the
# other parts are described apart. The label names one part, by its letter or number.
_LABELLED_PART_OPENING = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:part|stage|cohort|portion|segment|sub-?study)\s+"
    r"(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three)\b(?:\s*\([^()]{0,80}\))?\s*(?::|\s[-\u2013\u2014]+\s)", re.I)


# The one part of the study the term names, after it ("An Open-label, Nonrandomized, Dose-escalating Phase I/II Study,
# With a Randomized Phase II Part", NCT00517530; "the randomized expansion cohort", "a randomised portion"): a part,
# one of the study's, with its article, not the study ("A Randomized Phase II Study", "a randomized two-stage trial",
# "randomized to cohort A", nor "A Randomized Substudy of the ABC Trial", which is this study).
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|one)\s+$", re.I)
_PART_NAMED_AFTER = re.compile(
    r"(?:,?\s+(?:phase\s+(?:i{1,3}|iv|[0-4])[ab]?|(?:dose[\s-]+)?(?:expansion|escalation|finding|optimi[sz]ation)"
    r"|double[\s-]*blind(?:ed)?|open[\s-]*label(?:led)?|(?:placebo[\s-]*)?controlled|comparative|treatment"
    r"|withdrawal|maintenance)){0,3}"
    r",?\s+(?:part|portion|segment|stage|cohort)\b(?![\s-]+(?:study|trial|design)\b)", re.I)


def _part_named_after(claim: Claim) -> bool:
    """Whether the claim names one part of the study, after its article ("With a Randomized Phase II Part")."""
    text = claim.source.text
    return (_PART_NAMED_AFTER.match(text, claim.end) is not None
            and _ARTICLE_BEFORE.search(text, max(0, claim.start - 6), claim.start) is not None)


# A group or part said, close by, not to be randomized ("... but the two doses in iNHL & aNHL are randomized (to high
# or low dose). CLL was not randomized as only one dose level was used.", NCT00517530; "Cohort 1 is not randomized"):
# the randomization beside it is of the other participants only. Not the study, its allocation or its participants
# as a whole ("This study is not randomized", "Patients will not be randomized"), which deny it outright.
_SOME_NOT_RANDOMIZED = re.compile(
    r"(?<![\w-])(?!(?:the|this|our|it|they|study|trial|allocation|assignment|treatment|patients|participants"
    r"|subjects|individuals|people|volunteers|children|adults|women|men)\b)[A-Za-z0-9][\w&/-]*\s+"
    r"(?:is|are|was|were|will|shall)\s+not\s+(?:be\s+)?randomi[sz]ed\b", re.I)
# How far from the claim such words are read: about the sentences either side of it.
_NEAR = 250


def _beside_some_not_randomized(claim: Claim) -> bool:
    """Whether a group or part is said, close to the claim, not to be randomized ("CLL was not randomized")."""
    text = claim.source.text
    return _SOME_NOT_RANDOMIZED.search(text, max(0, claim.start - _NEAR), claim.end + _NEAR) is not None


def partial(claim: Claim) -> bool:
    """Whether a 'randomized' claim is of a study randomized in part only: "partially randomized", said of the first
    part only ("the first part of the study (RCT)"), of a part it names ("With a Randomized Phase II Part"), beside
    words that a group or part is not randomized ("CLL was not randomized"), or said in a sentence that opens by
    naming the one part it is done in ("In Part B, participants will be randomized", "Cohort B: randomized")."""
    text = claim.source.text
    if _PARTIAL_BEFORE.search(text, max(0, claim.start - 12), claim.start) is not None or of_a_first_part(claim) \
            or _part_named_after(claim) or _beside_some_not_randomized(claim):
        return True
    s_start = sentence_at(text, claim.start)[0]
    return (_ONE_PART_OPENING.match(text, s_start, claim.start) is not None
            or _LABELLED_PART_OPENING.match(text, s_start, claim.start) is not None)


# The participants of an arm said to be randomized to it ("Patients randomized to this arm of the study will interact
# with the BT-001 software", NCT05094401; "Subjects randomized into this group received"): wording an arm's text keeps
# from the randomized trial it was written for. A record that lists one arm shows no other group they could have been
# randomized to. Not "randomized to this arm or the control arm", which names another.
_OWN_ARM_AFTER = re.compile(r"\s+(?:in)?to\s+this\s+(?:[\w-]+\s+){0,2}?(?:arm|group|cohort)\b"
                            r"(?!\s+(?:of\s+the\s+(?:study|trial)\s+)?(?:or|and|versus|vs)\b)", re.I)


def of_its_own_arm(claim: Claim) -> bool:
    """Whether a 'randomized' claim says only that the arm's participants were randomized to it ("randomized to this
    arm"), naming no other group."""
    return _OWN_ARM_AFTER.match(claim.source.text, claim.end) is not None


# "RCT" in brackets right after the words it abbreviates ("A statistically powered randomised controlled trial (RCT)
# would be ideal", NCT04356833): the claim of those words, which the reading of "randomized" judges.
_ABBREVIATED_BEFORE = re.compile(r"\brandomi[sz]ed,?\s+(?:[\w-]+\s+){0,2}?(?:trial|study)\s*\(\s*$", re.I)


def _abbreviates_a_randomized_trial(claim: Claim) -> bool:
    """Whether the claim is "RCT" in brackets after "randomized controlled trial", a claim read as those words."""
    text = claim.source.text
    return _ABBREVIATED_BEFORE.search(text, max(0, claim.start - 60), claim.start) is not None


def allocates_here(claim: Claim, partial_fits: bool, tasks_fit: bool, one_arm: Callable[[], bool],
                   extension: Callable[[], bool]) -> bool:
    """Whether a 'randomized' claim allocates the study's participants (`allocates`), as a non-randomized allocation
    is read against it: not, where `partial_fits` (NON_RANDOMIZED), a study randomized in part; not, where
    `tasks_fit` (no crossover model), the order of tasks; not "(RCT)" after the words it abbreviates, whose claim is
    read as theirs; not the randomization of the study done before this one (`of_a_study_before`); not, in a
    record of one arm (`one_arm()`), its participants randomized to this arm; not a part participants complete
    before they are entered into a study ("Subjects who completed the randomized period are
    eligible to enroll in this study"); not, in an extension (`extension()`), a part done before, nor the trial an
    arm's text says its participants came from ("arm of Randomized Controlled Trial (RCT), continued ... in Open Label
    Extension (OLE) study"), nor the group an arm says its participants were randomized to and the one they were
    treated as ("randomized in group B13 but treated as group B12")."""
    return (allocates(claim) and not _abbreviates_a_randomized_trial(claim) and not of_a_study_before(claim)
            and not (partial_fits and partial(claim)) and not (tasks_fit and orders_tasks(claim))
            and not (of_its_own_arm(claim) and one_arm()) and not of_a_part_completed_before_entry(claim)
            and not ((of_an_extensions_earlier_part(claim) or of_the_trial_an_arm_came_from(claim)
                      or treated_as_another_group(claim)) and extension()))


def first_allocating(texts: list[StudyText], pattern: re.Pattern, allocating: Callable[[Claim], bool]) -> Claim | None:
    """The first affirmed claim of the pattern that `allocating` accepts; the texts' other claims are read only
    where the first is not. "RCT" is not read in a study whose texts define it otherwise."""
    if pattern is RCT and rct_defined_otherwise(texts):
        return None
    c = first_affirmed(texts, pattern)
    if c is None or allocating(c):
        return c
    return next((claim for claim in affirmed(texts, pattern) if allocating(claim)), None)
