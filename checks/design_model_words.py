"""The intervention model a study's own words name: a crossover ("a randomized, two-period crossover study", "in a
cross-over fashion") or parallel groups ("a parallel-group study", "two parallel arms"); and what makes a crossover
another thing than this study's model: a part's ("Part B is a two-period crossover"), one sequence given to everyone
("a fixed-sequence crossover"), or participants who may cross over to another arm (a treatment crossover)."""
from __future__ import annotations

import re

from checks.design_claims import affirmed
from checks.design_hyphens import hyphens_wide
from checks.design_masking_terms import DESIGN_WORDS_BETWEEN
from checks.design_negation import denied_before
from checks.design_observational_claims import PART_LABEL, PART_OPENS
from checks.design_other_trials import BEFORE_REACH
from checks.design_parent_study import of_the_study_extended
from checks.design_text import Claim, screened, sentence_at
from checks.study_text import StudyText
from checks.trial_text import NAMED_TRIAL_IN_THE_PAST

_CROSSOVER = r"cross[\s-]*over"
# Words that may stand between a model's word and its study's noun ("crossover, double-blind, placebo-controlled
# trial", "cross-over pharmacokinetic study", "Parallel, Sham-controlled Study").
_QUALIFIER = (rf"(?:{DESIGN_WORDS_BETWEEN}|[a-z]+[\s-]*(?:blind(?:ed)?|mask(?:ed)?|label(?:l?ed)?|dose|effect)"
              r"|double[\s-]*dummy|open|placebo|sham|blinded|masked|pharmacokinetic|pharmacodynamic|bioequivalence"
              r"|bioavailability|(?:drug[\s-]*)?interaction|food[\s-]*effect|efficacy|safety|feasibility"
              r"|exploratory|experimental|interventional|single[\s-]*cent(?:er|re)|superiority|non-?inferiority)")
_QUALIFIERS = rf"(?:,?[\s-]+(?:and\s+)?{_QUALIFIER}){{0,4}},?[\s-]+"
# The noun a model's word qualifies when it names the study's design.
_DESIGN_NOUN = r"(?:study|trial|design|fashion|manner|format|rct|protocol|investigation|experiment|assignment)\b"
# A crossover counted by its periods, sequences or treatments ("a two-period crossover", "3-way cross-over",
# "two-treatment, two-period, cross-over study", "a fixed-sequence crossover").
_COUNT = r"(?:\d{1,2}|two|three|four|five|six|multiple|single|one|fixed)[\s-]*(?:way|period|sequence|treatment)s?"
_COUNTED = rf"\b{_COUNT}(?:,?\s+(?:and\s+)?(?:{_QUALIFIER}|{_COUNT})){{0,3}},?\s+"
# How far before its "cross" a counted crossover may start ("two-treatment, two-period, double-blind, cross-over").
COUNTED_REACH = 160
# A crossover said of the study: counted, or with its noun after it ("crossover study", "a cross-over design", "in a
# crossover fashion"). Not participants crossing over ("patients may cross over to drug X", "crossover to open-label
# drug", "a crossover rate of 3%"), which a parallel trial allows.
CROSSOVER_DESIGN = screened(re.compile(hyphens_wide(
    rf"(?:{_COUNTED})?\b{_CROSSOVER}\b(?:{_QUALIFIERS}{_DESIGN_NOUN})"
    rf"|{_COUNTED}{_CROSSOVER}\b"), re.I), ("cross",), anchors=((("cross",), COUNTED_REACH, ()),))
# Parallel groups said of the study: "parallel-group", "two parallel arms", "a parallel design", "parallel
# assignment", "Randomized, Parallel, Sham-controlled Study". Not "in parallel", "parallel with", "unparalleled", nor
# what runs in parallel ("cohorts enrolled in parallel", "parallel recruitment"), nor parallel cohorts (below).
_PARALLEL_GROUPS = rf"\bparallel[\s-]*(?:groups?|arms?)\b|(?<!\bin\s)\bparallel\b(?:{_QUALIFIERS}{_DESIGN_NOUN})"
PARALLEL_DESIGN = screened(re.compile(hyphens_wide(_PARALLEL_GROUPS), re.I), ("parallel",))
# Parallel cohorts: cohorts followed side by side ("a single-arm phase 2 study and a parallel cohort study", "The
# parallel cohort includes patients who cannot enter the phase 2"), all of whom may take the one intervention: no
# assignment of participants to arms. Beside a crossover they are still groups that leave the model to judgement:
# PARALLEL_NAMED, parallel groups or cohorts.
PARALLEL_NAMED = re.compile(hyphens_wide(rf"{_PARALLEL_GROUPS}|\bparallel[\s-]*cohorts?\b"), re.I)

# The word, in any sense: a record that uses it undenied beside "parallel-group" ("Parallel-Group With a Crossover
# Confirmation Period", "patients may cross over to drug X") has something of a crossover.
CROSSOVER_WORD = re.compile(hyphens_wide(rf"\b{_CROSSOVER}\b"), re.I)

# Where a study names its own model: titles, summaries and the model's description, not its arms or interventions,
# whose "crossover" is often the arm participants cross over to.
MODEL_NAMED_FIELDS = ("studies.official_title", "studies.brief_title", "designs.intervention_model_description",
                      "brief_summaries.description", "detailed_descriptions.description")
# Words (folded) one of which every model claim holds.
MODEL_WORDS = ("cross", "parallel")


def _of_a_part_or_a_past_trial(claim: Claim) -> bool:
    """Whether the claim is a part's: its sentence opens with a part of the study ("Part 2 is a two-period
    crossover", "In Cohort B, a crossover design") or names one before it ("Cohort B (drug Y): a randomized,
    two-period crossover study"); or, in a narrative, a trial's its sentence names by its acronym in the past ("BARGE
    was a randomized, double-blind, crossover study": a network's record tells of the trials it ran); or the study its
    text names an extension of ("An Open-Label Extension Phase of the ... Parallel-Group Study")."""
    text = claim.source.text
    start = sentence_at(text, claim.start)[0]
    return PART_OPENS.match(text, start) is not None or _PART_BEFORE.search(
        text, max(start, claim.start - BEFORE_REACH), claim.start) is not None or (
        claim.source.narrative and NAMED_TRIAL_IN_THE_PAST.match(text, start) is not None) or \
        of_the_study_extended(claim)


_PART_BEFORE = re.compile(rf"\b{PART_LABEL}", re.I)


def model_claims(texts: list[StudyText], pattern: re.Pattern) -> list[Claim]:
    """The affirmed claims of the model `pattern` names (CROSSOVER_DESIGN, PARALLEL_DESIGN) that are this study's,
    not a part's nor a trial the text names in the past."""
    return [c for c in affirmed(texts, pattern) if not _of_a_part_or_a_past_trial(c)]


def named_anywhere(texts: list[StudyText], pattern: re.Pattern) -> bool:
    """Whether any of the texts holds a match of `pattern` (PARALLEL_NAMED, CROSSOVER_WORD), of this study or not,
    undenied: a record that names both models (of its parts, of the trials a network ran, of trials before it)
    leaves its model to judgement."""
    return any(not denied_before(source.text, m.start()) for source in texts for m in pattern.finditer(source.text))


# One sequence every participant goes through ("a fixed-sequence crossover", "one-sequence", "single sequence"): one
# group, which a single-group model describes.
_ONE_SEQUENCE = re.compile(hyphens_wide(r"\b(?:fixed|one|single|1)[\s-]*sequence"), re.I)


def one_sequence(claim: Claim) -> bool:
    """Whether the crossover is of one sequence every participant goes through (a fixed-sequence crossover)."""
    return _ONE_SEQUENCE.search(claim.phrase) is not None


# Participants who may cross over to another arm, in a sentence that makes it a choice or a response to how they fare
# ("Patients in arm I with progressive disease may cross over to arm II", "the option to crossover to drug X after
# 8 weeks", "a provision for cross-over treatment if patients show a poor response"): a parallel trial's treatment
# crossover, which a text may call a crossover study.
_CROSSING_WHEN = re.compile(
    r"\b(?:may|might|can|could|allowed|permitted|option(?:al)?|eligible|opportunity|offered|provision|choose|if|unless"
    r"|upon|progress\w*|fail\w*|relapse\w*|non-?respon\w*|poor\s+response|toxicity|unblind\w*)\b", re.I)


# Participants crossed over to open-label treatment ("These patients will also be crossed over to receive open label
# CES in Phase II", "cross over to the open-label drug"): a control group switched to the treatment given openly after
# the masked comparison, a treatment crossover, which the text may then head "Open-Crossover Trial".
_CROSSED_TO_OPEN = re.compile(hyphens_wide(
    r"\bcross(?:e[sd]|ing)?[\s-]*over\s+(?:in)?to\s+(?:receive\s+)?(?:the\s+|an\s+)?open[\s-]*label(?:l?ed)?\b"), re.I)


def crossing_over(texts: list[StudyText]) -> Claim | None:
    """Where the texts say participants may cross over to another arm, or are crossed over to open-label treatment (a
    treatment crossover): the words "cross over" of the first such sentence."""
    for source in texts:
        if "cross" not in source.lowered:
            continue
        if m := _CROSSED_TO_OPEN.search(source.text):
            return Claim(source, m.start(), m.end(), False)
        for m in CROSSOVER_WORD.finditer(source.text):
            start, end = sentence_at(source.text, m.start())
            sentence = source.text[start:end]
            if _CROSSING_WHEN.search(sentence) and not CROSSOVER_DESIGN.search(sentence):
                return Claim(source, m.start(), m.end(), False)
    return None


# Groups a crossover runs inside ("Inside each group, the protocol will be carried out as a within-subject", "within
# both cohorts"): in a study whose groups are not randomized (populations: diabetic and not), the parallel model
# describes the groups and the crossover is nested in each.
_INSIDE_EACH_GROUP = re.compile(r"\b(?:inside|within|in)\s+(?:each|both|every)\s+(?:of\s+the\s+(?:two|three|\d)\s+)?"
                                r"(?:groups?|cohorts?|populations?|strata)\b", re.I)


def nested_in_groups(texts: list[StudyText]) -> bool:
    """Whether the texts run the crossover inside each of the study's groups ("Inside each group, ...
    within-subject")."""
    return any(_INSIDE_EACH_GROUP.search(source.text) for source in texts)


# An arm given a sham or placebo first and the active treatment afterwards ("Sham treatment arm will receive initially
# 5 sham series and after ... they will receive 5 series of active treatment"), and the reverse, which a two-way
# crossover's other sequence says ("active stimulation, then sham").
_LATER = r"\b(?:after(?:wards?)?|then|subsequently|later|thereafter|followed\s+by)\b"
_ACTIVE = (r"\b(?:active|real|verum)\s+(?:[\w-]+\s+)?(?:treatments?|therapy|stimulation|sessions?|series|drug|device"
           r"|interventions?)\b")
_CONTROL = r"\b(?:sham|placebo)\b"
_CONTROL_THEN_ACTIVE = re.compile(rf"{_CONTROL}[^.;]*?{_LATER}[^.;]*?{_ACTIVE}", re.I)
_ACTIVE_THEN_CONTROL = re.compile(rf"{_ACTIVE}[^.;]*?{_LATER}[^.;]*?{_CONTROL}", re.I)
# The words those arms' descriptions hold.
CONTROL_WORDS = ("sham", "placebo")


def control_given_active_later(arms: list[StudyText]) -> Claim | None:
    """Where an arm's description gives it a sham or placebo and the active treatment afterwards, and no arm's gives the
    active treatment before a sham or placebo: a one-way crossover of the control arm, which a parallel model may
    describe. The words of the first such description."""
    if any(_ACTIVE_THEN_CONTROL.search(source.text) for source in arms):
        return None
    for source in arms:
        if m := _CONTROL_THEN_ACTIVE.search(source.text):
            return Claim(source, m.start(), m.end(), False)
    return None



# A sequential design named beside parallel groups: cohorts given ascending or escalating doses one after another ("A
# Randomized, Double-blind, Placebo-controlled, Parallel Group, Single Ascending Dose Study", NCT04593641, each cohort
# randomized to drug or placebo), or a part the text calls sequential ("1st phase Sequential (open-label phase) 2nd
# phase Parallel Assignment (double-blinded randomized phase)", NCT04671017). Parallel groups within cohorts dosed in
# turn: a sequential model describes the study as well as a parallel one. Not a dose each participant is titrated up
# ("intra-patient dose escalation", "forced dose escalation"), nor "sequential" in other senses ("Sequential Organ
# Failure Assessment", "sequential therapy").
SEQUENTIAL_DESIGN = re.compile(hyphens_wide(
    r"\b(?:(?:single|multiple)[\s-]+)?ascending[\s-]+doses?\b"
    r"|(?<!patient\s)(?<!patient-)(?<!subject\s)(?<!subject-)(?<!forced\s)(?<!individual\s)"
    r"\b(?:dose[\s-]+escalat(?:ion|ing)|escalating[\s-]+doses?)\b"
    r"|\bsequential(?:ly)?[\s-]+(?:assign(?:ment|ed)|design|cohorts?|groups?|enrol(?:l?ment|led)|dos(?:e|ed|ing)"
    r"|allocat(?:ion|ed))\b"
    r"|\b(?:phase|part|stage|period|step)\s+sequential\b"), re.I)
# Words (folded) one of which every match of SEQUENTIAL_DESIGN holds.
SEQUENTIAL_WORDS = ("ascending", "escalat", "sequential")


def names_sequential(texts: list[StudyText]) -> bool:
    """Whether any of the texts names a sequential design: ascending-dose cohorts, or a part it calls sequential."""
    return any(SEQUENTIAL_DESIGN.search(source.text) for source in texts)
