"""A design term of trials spoken of, not of this study: trials in general, a trial reported (by its finding, or as
the subject that randomized), supposed or to follow if this one succeeds or once it is done, a design the study had
before, a trial an intervention was learnt from, and a design the study weighs."""
from __future__ import annotations

import re

from checks.design_named_trials import TRIAL_NAMED_AFTER
from checks.design_sentences import sentences
from checks.design_term_words import BEFORE_REACH, DESIGN_RUN_AFTER, ENDS_WITH_TRIAL, WORDS_BEFORE_TERM
from checks.study_context import NOT_AFTER_WHO

# A term said of trials in general ("randomised controlled trials are the gold standard", "double-blind trials of
# drug X have shown benefit"): no claim on this study's design.
TRIALS_IN_GENERAL_AFTER = re.compile(
    r"(?:,?\s+(?!(?:to|into|in|of|for|between|at|by|and|or)\b)[\w-]+){0,3}?,?\s+(?:trials|studies|rcts)\b", re.I)
# A trial's finding reported a few words on ("A recent double-blind trial found that ...", "A large observational
# study showed a benefit"): a trial done before, unless the sentence names this study before the term. The trial's
# noun comes first (not "patients randomized to drug X showed ..."), in the term or after it. Not what people showed
# in a relative clause ("an open-label study in patients who showed a response"): the study's participants.
_FINDING_VERBS = r"(?:found|showed|suggested|revealed|concluded|reported|demonstrated|indicated|confirmed)"
# Verbs that report a finding only when "that" follows ("A double-blind trial investigated that drug X was effective",
# "A randomized trial observed that ..."); "A double-blind trial investigated the effect" may be this study.
_THAT_VERBS = r"(?:investigated|proved|established|observed)"
# Words (folded) one of which every match of REPORTED_AFTER and TRIAL_REPORTED_AFTER holds.
REPORTING_WORDS = ("found", "showed", "suggested", "revealed", "concluded", "reported", "demonstrated", "indicated",
                   "confirmed", "investigated", "proved", "established", "observed")
# Who ran the trial, named between its noun and its finding ("A randomized trial conducted by Professor X and
# colleagues at Y Hospital investigated that ..."): someone else's trial.
_RUN_BY = (r"(?:,?\s+(?:conducted|led|performed|carried\s+out|run|coordinated)\s+by\s+(?:[\w.&'-]+\s+){0,8}?"
           r"[\w.&'-]+,?)?")
# Who the trial reported took part, in a relative clause before its finding ("A recent observational study that
# included 17,325 hospitalized patients with T2D, found that ...").
_WHO_IT_INCLUDED = (r"(?:,?\s+(?:that|which)\s+(?:included|enrolled|involved|recruited|followed|analy[sz]ed"
                    r"|examined|studied|compared|evaluated|assessed)(?:\s+[\w(),.%-]+){1,10}?,?)?")
_REPORTED = (_WHO_IT_INCLUDED + _RUN_BY + r"(?:,?\s+[\w()-]+){0,6}?\s+(?:(?:" + _FINDING_VERBS + "|" + _THAT_VERBS
             + r")\s+that|" + NOT_AFTER_WHO + _FINDING_VERBS
             + r"\s+(?:an?|the|no|significant|improved|reduced|increased|decreased|better|similar|benefit))\b")
REPORTED_AFTER = re.compile(_REPORTED, re.I)
TRIAL_REPORTED_AFTER = re.compile(r"(?:,?\s+[\w-]+){0,4}?\s+(?:study|trial|rct)\b" + _REPORTED, re.I)
# A trial reported as the subject of a past "randomized", marked as another's by who ran it or when ("A more recent
# study from the EORTC randomized patients who underwent resection to WBRT versus observation", "A trial by the NSABP
# randomly assigned 2,000 women", "A previous trial randomised 200 patients"). Not a passive or a relative clause's
# verb ("a study from which patients were randomized"), nor this study ("The study randomized 60 patients").
_NOT_A_VERB_OF_ITS_OWN = r"(?!(?:was|were|is|are|be|been|being|will|would|who|which|that|whom)\b)"
_TRIAL_THAT_RANDOMIZED_BEFORE = re.compile(
    r"\b(?:an?|another|one)\s+(?:(?:[\w-]+,?\s+){0,4}?(?:study|trial|rct)\s+(?:from|by|(?:conducted|led|performed"
    r"|carried\s+out|run|coordinated)\s+by)\s+(?:" + _NOT_A_VERB_OF_ITS_OWN + r"[\w.&'()-]+,?\s+){1,8}?"
    r"|(?:[\w-]+,?\s+){0,3}?(?:recent|previous|prior|earlier|past|landmark|pivotal|seminal|published|subsequent)\s+"
    r"(?:[\w-]+,?\s+){0,3}?(?:study|trial|rct)\s+(?:\([^()]{1,40}\)\s+)?)$", re.I)
_PAST_RANDOMIZED = re.compile(r"randomi[sz]ed|randomly\s+(?:assigned|allocated|divided)", re.I)
# A trial supposed, not done ("A double-blind trial would be needed to confirm these findings", "a randomized trial is
# warranted"): no claim on this study's design, unless the sentence names this study before the term. A trial ("a",
# "another", "further"), not the one the record describes ("The double-blind study should last 12 weeks").
# The trial's abbreviation may stand between ("A statistically powered randomised controlled trial (RCT) would be
# ideal", NCT04356833).
_SUPPOSED = (r"(?:\s*\([^()]{1,15}\)|\))?\s+(?:(?:would|could|might|should)\b"
             r"|(?:is|are|will\s+be)\s+(?:needed|required|warranted|necessary|justified)\b"
             # weighed with "may" ("A double-blind trial may be feasible"), not what the study may do ("A double-blind
             # trial may enrol up to 60 patients")
             r"|may\s+(?:(?:also|well|only|then|still|not|eventually|later)\s+)?(?:be|prove|become)\s+"
             r"(?:(?:more|less|both|ethically|practically|logistically)\s+)?(?:feasible|possible|practicable|practical"
             r"|achievable|realistic|needed|required|warranted|necessary|justified|appropriate|useful|worthwhile)\b)")
_A_TRIAL_BEFORE = re.compile(rf"\b(?:an?|another|further)\s+{WORDS_BEFORE_TERM}$", re.I)
_SUPPOSED_AFTER = re.compile(_SUPPOSED, re.I)
_TRIAL_SUPPOSED_AFTER = re.compile(
    DESIGN_RUN_AFTER + r"(?:,?\s+[\w-]+){0,4}?\s+(?:study|trial|rct|design)\b" + _SUPPOSED, re.I)
# A trial to follow if this one succeeds ("If this pilot is successful, a double-blind trial will be conducted"): the
# sentence opens with the condition, and the term is of a trial ("a ... trial"), not of a part.
# The condition may be the results it leads to ("If the initial proof of concept phase will lead to favourable
# results, an open-label, Phase II, randomized controlled trial will be then designed", NCT04399798), the promise it
# shows ("If this initial study shows promise, we will follow-up with a randomized clinical trial", NCT00181766), or
# what it establishes, listed ("Once the accuracy, acceptability, and feasibility of the use of video conferencing
# (VC) ... are established, we will submit a full proposal to conduct a two-arm RCT", NCT01163474).
_IF_SUCCESSFUL_BEFORE = re.compile(
    r"^\s*(?:if|should|once|when)\s+(?:[\w(),/-]+\s+){0,20}?(?:is|are|prove|proves|were|be|have\s+been|has\s+been"
    r"|(?:will\s+)?(?:lead|leads)\s+to|(?:will\s+)?(?:give|gives|yield|yields|show|shows|hold|holds))"
    r"\s+(?:\w+\s+)?"
    r"(?:successful|positive|promising|promise|effective|favou?rable|encouraging|feasible|confirmed|established"
    r"|demonstrated)\b[^.;]*?\ban?\s+(?:[\w-]+,?\s+){0,3}$", re.I)
# Work this study is to prepare, named before the term ("data for grant applications proposing to examine the
# clinical efficacy of disulfiram ... under placebo-controlled, double-blind conditions", NCT00731133; "future trials
# to test drug X in a double-blind design"): later trials, not this one.
LATER_WORK_BEFORE = re.compile(
    r"\b(?:grant\s+applications?|(?:grant|funding|research|full)\s+proposals?|future\s+(?:studies|trials|research"
    r"|work))\s+(?:proposing|that\s+(?:propose|would|will)|to\s+(?:examine|test|evaluate|investigate|study|assess"
    r"|compare|conduct|confirm))\b[^.;]*$", re.I)
# Words (folded) one of which LATER_WORK_BEFORE's, of_a_trial_to_come's and the cited results' readings before a term
# hold (those after it hold "which" or "that").
LATER_WORK_WORDS = ("grant", "proposal", "future", "prior", "before", "ahead", "pilot", "result", "finding")
# A trial to be started once this study is done, named after the start it waits for ("a comprehensive nomogram
# development phase prior to initiating a randomized controlled trial", NCT00401414; "before conducting a double-blind
# trial", "ahead of launching an RCT"): a trial (a, an, any), not "the" one, which may be this study.
_BEFORE_STARTING_A_TRIAL_BEFORE = re.compile(
    r"\b(?:prior\s+to|before|ahead\s+of)\s+(?:initiating|conducting|launching|undertaking|designing|planning"
    r"|mounting|performing|carrying\s+out|embarking\s+(?:up)?on|proceeding\s+(?:on)?to|moving\s+(?:on\s+)?to"
    rf"|progressing\s+to)\s+(?:an?|any)\s+{WORDS_BEFORE_TERM}$", re.I)
# The same said of the trial itself ("before a randomized trial can be conducted", "before a double-blind trial is
# undertaken").
_BEFORE_A_TRIAL_BEFORE = re.compile(rf"\bbefore\s+(?:an?|any)\s+{WORDS_BEFORE_TERM}$", re.I)
_IS_STARTED_AFTER = re.compile(
    r"\s+(?:(?:can|could|may|might|will|would|should)\s+be|is|are)\s+(?:\w+ly\s+)?(?:conducted|undertaken"
    r"|initiated|launched|started|begun|performed|carried\s+out|designed|planned|mounted|run)\b", re.I)
# A trial that a separate application, protocol or proposal is still to cover ("the clinical double blinded
# randomised trial for which a separate application will be made to the ethics committee", NCT00649961; "which will
# be the subject of a separate protocol", "which will be submitted separately"): a later trial, not this one.
_OTHER_PAPERS = (r"(?:(?:ethics|ethical|grant|funding|research)\s+)?(?:applications?|protocols?|proposals?"
                 r"|submissions?|registrations?)")
_LATER_PAPERS = r"(?:separate|new|further|additional|subsequent|later)\s+" + _OTHER_PAPERS
_TO_BE = r"(?:will|shall|would|is\s+to|are\s+to)\s+be"
_SEPARATE_PAPERS_AFTER = re.compile(
    r"\s*(?:\([^()]{1,40}\))?,?\s+(?:(?:for|of)\s+which\s+(?:an?\s+)?" + _LATER_PAPERS + r"\s+" + _TO_BE
    + r"\s+(?:made|submitted|sought|written|filed|prepared|lodged|developed)"
    r"|(?:which|that)\s+" + _TO_BE + r"\s+(?:the\s+subject\s+of|covered\s+by|described\s+in|conducted\s+under"
    r"|run\s+under)\s+an?\s+" + _LATER_PAPERS
    + r"|(?:which|that)\s+" + _TO_BE + r"\s+(?:submitted|registered|described|applied\s+for)\s+separately)\b",
    re.I)


# The trial a pilot prepares, named after what the pilot is for ("This serves as the pilot for the full placebo
# controlled randomized trial", NCT00829686; "a pilot study for a larger double-blind trial"): a later trial.
_PILOT_FOR_BEFORE = re.compile(
    r"\bpilot(?:\s+(?:study|trial|project|phase))?\s+for\s+(?:the|an?|any)\s+(?:(?:full|full-scale|larger|large"
    rf"|main|definitive|subsequent|future|planned|bigger|pivotal)\s+)?{WORDS_BEFORE_TERM}$", re.I)


def of_a_trial_to_come(sentence: str, start: int, end: int, near: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial to be started once this study is done ("prior to
    initiating a randomized controlled trial", "before a randomized trial can be conducted"), one a pilot is for
    ("the pilot for the full placebo controlled randomized trial") or one a separate
    application is still to cover ("the double blinded randomised trial for which a separate application will be
    made"); `near` is where the words right before the term begin."""
    if ENDS_WITH_TRIAL.search(sentence, start, end):
        noun_end = end
    elif named := TRIAL_NAMED_AFTER.match(sentence, end):
        noun_end = named.end()
    else:
        return False
    if _BEFORE_STARTING_A_TRIAL_BEFORE.search(sentence, near, start) or _PILOT_FOR_BEFORE.search(
            sentence, near, start) or _SEPARATE_PAPERS_AFTER.match(sentence, noun_end):
        return True
    return bool(_BEFORE_A_TRIAL_BEFORE.search(sentence, near, start) and _IS_STARTED_AFTER.match(sentence, noun_end))


# A study cited with its size and finding ("An observational study (n=131) of adolescents reporting vaginal bleeding
# on DMPA who were treated with monophasic oral contraceptive pills identified improvement of bleeding patterns",
# NCT00563576): a study done before. Its size in brackets right after its noun, a finding's past verb further on.
SIZED_STUDY_REPORTED_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s*\(\s*n\s*=\s*\d[\d,]*\s*\)[^.;]*?\b(?:found|showed|suggested|revealed|concluded"
    r"|reported|demonstrated|indicated|confirmed|identified)\b", re.I)
# A companion study run beside this one ("will be the same as our parallel study which is investigating the immune
# properties of PBPCs mobilized with G-CSF or AMD3100 alone", NCT00082329): another study, whatever its design.
COMPANION_BEFORE = re.compile(
    r"\b(?:same\s+as|similar\s+to|as\s+in|like)\s+(?:in\s+)?(?:our|the|an?)\s+$"
    r"|\b(?:another|an?\s+(?:separate|companion|sister|related))\s+$", re.I)
COMPANION_AFTER = re.compile(
    r"\s*(?:\([^()]{1,40}\))?,?\s+(?:which|that)\s+(?:is|are)\s+(?:being\s+|currently\s+|also\s+)?"
    r"(?:investigat|examin|evaluat|study|test|conduct|run|assess|compar|enroll?|recruit)\w*ing\b", re.I)
_OUR_OR_A_BEFORE = re.compile(r"\b(?:our|an?|another)\s+$", re.I)
# The results of a study the investigators ran before, said to show something now ("The results of our observational
# study indicate that 42.7% of patients require medication", NCT01449708): a study done, not this one ("The results of
# this study will show", "The results of our randomized trial will indicate").
_RESULTS_OF_OUR_BEFORE = re.compile(
    r"\b(?:results?|findings?)\s+(?:of|from)\s+(?:our|an?|another|one)\s+(?:(?:recent|previous|prior|earlier"
    r"|preliminary|pilot|published|retrospective|own)\s+)?$", re.I)
_INDICATE_THAT_AFTER = re.compile(
    r"\s*(?:\([^()]{1,40}\))?,?\s+(?:indicate|indicated|show|showed|suggest|suggested|demonstrate|demonstrated"
    r"|reveal|revealed|confirm|confirmed)\s+that\b", re.I)


def of_other_work(sentence: str, start: int, end: int, near: int) -> bool:
    """Whether the term at sentence[start:end] is of work this study prepares ("grant applications proposing to
    examine ... under double-blind conditions", "prior to initiating a randomized trial"), of a study cited with its
    size and finding ("An observational study (n=131) of adolescents ... identified improvement"), or of a companion
    study ("the same as our parallel study which is investigating") or one whose results are reported ("The results
    of our observational study indicate that"); `near` is where the words right before the term begin."""
    if of_a_trial_to_come(sentence, start, end, near):
        return True
    if LATER_WORK_BEFORE.search(sentence, 0, start) and not THIS_STUDY_BEFORE.search(
            sentence, LATER_WORK_BEFORE.search(sentence, 0, start).end(), start):
        return True
    if SIZED_STUDY_REPORTED_AFTER.match(sentence, end) and not THIS_STUDY_BEFORE.search(sentence, 0, start):
        return True
    if not ENDS_WITH_TRIAL.search(sentence, start, end):
        return False
    if _RESULTS_OF_OUR_BEFORE.search(sentence, near, start) and _INDICATE_THAT_AFTER.match(sentence, end):
        return True
    return bool(COMPANION_BEFORE.search(sentence, near, start)) or bool(
        COMPANION_AFTER.match(sentence, end) and _OUR_OR_A_BEFORE.search(sentence, near, start))


# A sentence that goes on about a study the sentence before cited, in the past ("In a recent pilot study, conducted by
# this author and colleagues, ... splinting showed promising results ... This pilot study design was a crossover study
# that included 22 PLWA", NCT01419314): "this pilot study" is the recent one, and its design not this study's.
THIS_KIND_OF_STUDY_IN_THE_PAST_OPENING = re.compile(
    r"\s*this\s+([a-z][\w-]*)\s+(?:study|trial)\b(?=[^.;]*\b(?:was|were|included|enrolled|showed|found|reported)\b)",
    re.I)


def cites_a_study_of_kind(sentence: str, kind: str) -> bool:
    """Whether the sentence cites an earlier study of the kind ("In a recent pilot study" for "pilot")."""
    return re.search(rf"\b(?:an?|our)\s+(?:recent|previous|prior|earlier|preliminary|published|past)\s+"
                     rf"(?:[\w-]+,?\s+){{0,2}}?{re.escape(kind)}\s+(?:study|trial)\b", sentence, re.I) is not None


# A sentence that goes on about a trial the sentence before says is registered on its own ("Aim 2 of this NIH grant
# will be entered separately into ClinicalTrials.gov. It will be a multi-center, randomized, double-blind,
# placebo-controlled trial", NCT01801475): "it" is that other trial, and its design not this study's.
_REGISTERED_SEPARATELY = re.compile(
    r"\b(?:(?:will|shall|would|is\s+to|are\s+to)\s+be|(?:is|are|was|were|has\s+been|have\s+been))\s+"
    r"(?:(?:entered|registered|listed|posted|submitted)\s+separately|separately\s+(?:entered|registered|listed"
    r"|posted|submitted))\b", re.I)
_IT_WILL_BE_OPENING = re.compile(r"\s*(?:it|this|that|the\s+latter)\s+(?:will|would|is\s+to)\s+be\s+(?:an?|the)\b",
                                 re.I)


def goes_on_about_a_trial_registered_separately(text: str, s_start: int, sentence: str) -> bool:
    """Whether the sentence opens with "It will be a", after a sentence that says another part or trial will be
    registered separately ("Aim 2 ... will be entered separately into ClinicalTrials.gov. It will be a ... trial")."""
    if _IT_WILL_BE_OPENING.match(sentence) is None or not text[:s_start].strip():
        return False
    window = text[max(0, s_start - _SENTENCE_BEFORE_REACH):s_start].rstrip()
    last = None  # the sentence before, the last of the window's
    for last in sentences(window):
        pass
    return last is not None and _REGISTERED_SEPARATELY.search(window, *last) is not None


# How far back the sentence before is read.
_SENTENCE_BEFORE_REACH = 300


# A title or sentence that opens by naming a sub-study, then the trial it is of ("Substudy-A Phase IIIB Multicenter,
# Randomized, Double-Blind, Double-Dummy Study to Compare ...", a one-arm open PK record, NCT01844895): the terms
# after it are that trial's design.
SUBSTUDY_OPENING_BEFORE = re.compile(
    r"^\s*sub-?study\b(?:-?\w{1,3}\b)?[\s:,-]+(?:(?:of|to|in|within)\s+)?(?:the\s+|an?\s+)?"
    r"(?:[\w,/()-]+\s+){0,12}?$", re.I)


SUPPOSING_WORDS = ("would", "could", "might", "should", "needed", "required", "warranted", "necessary", "justified",
                   "may")
THIS_STUDY_BEFORE = re.compile(r"\b(?:this|our|the\s+(?:present|current|proposed))\b", re.I)
# A design the study had before it was changed ("This study, initially double-blind, was amended to open label",
# "originally planned as a double-blind trial", "was initially double-blind"). Not the first part of the study
# ("participants will initially receive double-blind treatment").
FORMERLY_BEFORE = re.compile(
    r"(?:\b(?:originally|initially|formerly|previously)\s+(?:planned|designed|registered|intended|conceived"
    r"|described|set\s+up)\s+(?:as|to\s+be)"
    r"|\b(?:was|were)\s+(?:originally|initially|formerly)|,\s*(?:originally|initially|formerly))"
    r"\s+(?:(?:a|an)\s+)?(?:[\w-]+,?\s+){0,2}$", re.I)
# A trial an intervention was made from, what people learnt in it ("combining the theories of emotion regulation with
# the qualitative experiences of students in open trial", "co-produced in an open trial"): an earlier trial, not this
# study ("Students receive the intervention in this open trial").
LEARNT_IN_BEFORE = re.compile(
    r"\b(?:(?:experiences?|feedback|views|lessons\s+learn[te]d)\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?"
    r"|(?:co-?produced|co-?designed|developed|refined)\s+)in\s+(?:an?\s+)?$", re.I)
LEARNT_WORDS = ("experience", "feedback", "views", "lessons", "produced", "designed", "developed", "refined")
# A design the study weighs in a condition ("if randomization is feasible", "whether a double-blind design is
# possible"), or the trial a pilot is to decide on ("pilot study to determine if a randomized placebo controlled trial
# is warranted"): no claim either way.
CONDITION_BEFORE = re.compile(r"\b(?:whether|if)\s+(?:[\w-]+,?\s+){0,4}$", re.I)
FEASIBLE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:is|are|(?:would|will|may|might|could)\s+be|proves?|becomes?|were)\s+"
    r"(?:feasible|possible|acceptable|practicable|practical|ethical|appropriate|safe|warranted|needed|necessary"
    r"|justified|worthwhile)\b", re.I)


def of_a_supposed_trial(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial supposed ("a randomized trial would be needed"), not
    the one the sentence names before it."""
    supposed = _SUPPOSED_AFTER if ENDS_WITH_TRIAL.search(sentence, start, end) else _TRIAL_SUPPOSED_AFTER
    return bool(supposed.match(sentence, end)) and not THIS_STUDY_BEFORE.search(sentence, 0, start) and bool(
        _A_TRIAL_BEFORE.search(sentence, max(0, start - BEFORE_REACH), start))


def to_follow_if_successful(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial to follow if this one succeeds ("If this pilot is
    successful, a double-blind trial will be conducted")."""
    return bool(_IF_SUCCESSFUL_BEFORE.search(sentence, 0, start)) and bool(
        ENDS_WITH_TRIAL.search(sentence, start, end) or TRIAL_NAMED_AFTER.match(sentence, end))


def randomized_by_a_trial_reported(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the past "randomized" at text[start:end] is the verb of a trial reported, whose subject says who ran it
    or when ("A more recent study from the EORTC randomized patients"), in a sentence (from `sentence_start`) that
    names this study nowhere before that subject."""
    if _PAST_RANDOMIZED.fullmatch(text, start, end) is None:
        return False
    subject = _TRIAL_THAT_RANDOMIZED_BEFORE.search(text, max(sentence_start, start - _SUBJECT_REACH), start)
    return subject is not None and THIS_STUDY_BEFORE.search(text, sentence_start, subject.start()) is None


# How far before a past "randomized" its subject is looked for.
_SUBJECT_REACH = 160
