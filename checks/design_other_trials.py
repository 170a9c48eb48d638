"""A design term that names another trial rather than this study: one participants came from or a trial is planned,
one named by its code or name, trials in general, a trial reported, supposed or to follow, a design the study had
before or one it weighs."""
from __future__ import annotations

import re

from checks.design_hyphens import HYPHENS, hyphens_wide
from checks.study_context import NOT_AFTER_WHO

# Words that describe a trial's design between its first design word and its noun: "randomized, double-blind,
# placebo-controlled, parallel-group study", "randomised controlled trial", "placebo-controlled phase 3 trial"; any
# hyphen joins their parts (checks.design_hyphens.HYPHENS). What checks.trial_text reads as a trial's design, and
# what the term of another trial runs on with here.
DESIGN_WORD = hyphens_wide(
    r"(?:(?:double|single|triple|quadruple)[\s-]*(?:blind(?:ed)?|mask(?:ed)?|dummy)|(?:placebo|sham|vehicle|active)"
    r"[\s-]*controlled|controlled|clinical|blinded|masked|multi-?cent(?:er|re|ric)|multi-?national|international"
    r"|parallel(?:[\s-]*(?:group|arm))?|open[\s-]*label(?:ed)?|prospective|cross-?over|pilot|comparative|pragmatic"
    r"|cluster|factorial|stratified|interventional|exploratory|superiority|non-?inferiority|equivalence"
    r"|phase[\s-]*(?:[1-4]|i{1,3}|iv)[ab]?(?:/(?:[1-4]|i{1,3}|iv)[ab]?)?"
    r"|(?:two|three|four|[2-4])[\s-]*(?:arm(?:ed)?|group)"
    r"|single[\s-]*cent(?:er|re)|regist(?:ry|er)(?:[\s-]*(?:based|embedded|nested))?)"
)
# Any run of them, "randomized" too, after a term and before the trial's noun ("randomised, double-blind, placebo
# controlled, parallel group clinical study"); and the words between an article and a term, up to three and then any
# run of them ("a 52-week, multi-centre, international, phase III, randomised ...").
_DESIGN_TERM = hyphens_wide(rf"(?:{DESIGN_WORD}|(?:non[\s-]?)?randomi[sz]ed)")
_DESIGN_RUN_AFTER = rf"(?:(?:,?\s+|\s*[{HYPHENS}]\s*)(?:and\s+)?{_DESIGN_TERM}\b)*"
_WORDS_BEFORE_TERM = rf"(?:[\w-]+,?\s+){{0,3}}(?:{_DESIGN_TERM},?\s+)*"

# A trial's code or name set before a term of it in apposition ("CALGB C9781, a phase III randomized study", "the
# Women's Health Initiative, a randomized trial"): words opening with a capital or a digit, "of", "for", "in", "on" or
# "and" between them, a trial's noun after them.
_APPOSED_TRIAL = (r"(?:the\s+)?(?:(?-i:[A-Z0-9])[\w'\u2019/-]*\s+(?:(?:of|for|in|on|and)\s+)?){0,5}?"
                  r"(?-i:[A-Z0-9])[\w'\u2019/-]*(?:\s+(?:trial|study|protocol))?,\s+")
# A term that names another trial, this study a part or a follow-up of it ("An Open-label Substudy of the Randomized
# ABC Trial", "Long-term follow-up of the double-blind XYZ trial"). A term with its own noun is the other trial where
# an indefinite article opens it ("a companion study to a phase III randomized study", "a companion study to CALGB
# C9781, a phase III randomized study"), or after a study that is a part of another ("a companion study to the phase
# III randomized study", "an ancillary study to the randomized trial"): a part is never its own parent, while "the
# randomized study" after "follow-up of" or "extension of" may be this one.
_OF_ANOTHER_TRIAL_BEFORE = re.compile(
    r"\b(?:(?P<part>sub-?study|ancillary\s+study|companion\s+study|add-on\s+study)|follow-?up(?:\s+study)?"
    rf"|extension(?:\s+study)?)\s+(?:of|to|within|from)\s+(?:{_APPOSED_TRIAL})?(?:the|(?P<indefinite>an?))\s+"
    rf"{_WORDS_BEFORE_TERM}$", re.I)
# The same for the trial participants completed or came from ("subjects who completed the randomized,
# placebo-controlled Study 301", "following completion of the double-blind study CL-301", "interviews with participants
# of a randomized trial": a trial, not "the" one, which is often this study) or a trial planned ("data to plan a
# randomised trial"); with words (folded) one of which every match holds.
_FROM_OR_FOR_ANOTHER_TRIAL_BEFORE = re.compile(
    r"\b(?:(?:completed|completing|finished|completion\s+of|participated\s+in|enrolled\s+in|rolled\s+over\s+from)"
    r"\s+(?:the|a|an)|plan(?:ning)?\s+an?|(?:participants|patients|subjects|individuals|people)\s+(?:of|from)\s+an?)"
    rf"\s+{_WORDS_BEFORE_TERM}$", re.I)
_FROM_OR_FOR_WORDS = ("complet", "finished", "participated", "enrolled", "rolled", "plan", "participants", "patients",
                      "subjects", "individuals", "people")
# The trial's noun a few words after such a term, not past words that lead back to this study ("completed the
# double-blind treatment period of this study").
_TRIAL_NAMED_AFTER = re.compile(
    _DESIGN_RUN_AFTER
    + r"(?:,?\s+(?!(?:of|in|within|this|our|present|current)\b)[\w-]+){0,4}?\s+(?:study|trial|protocol|rct)\b", re.I)
# What a study gives or goes through, named after "study" ("the double-blind study medication of study ABC-123"):
# "study" there is no trial's noun.
_STUDY_THINGS = (r"(?:medications?|drugs?|treatments?|therap(?:y|ies)|products?|agents?|interventions?|periods?"
                 r"|phases?|parts?|visits?|assignments?|regimens?|doses?)\b")
# A trial named as the one participants came from: by its code ("study CL-201"), its acronym ("the ABC trial"), or
# as the main, parent or core trial ("the double-blind medication of the main study", "who decline randomization in
# the main trial").
_NAMED_TRIAL = (r"(?:(?:study|trial|protocol)\s+(?=[\w-]*\d)[\w-]+"
                r"|(?-i:[A-Z][A-Z0-9-]+)\s+(?:study|trial)\b"
                r"|(?:main|parent|core|preceding|previous|prior|original|originating|feeder|lead-in|pivotal|antecedent)"
                r"\s+(?:study|trial|protocol)\b)")
# A term of a trial named a few words on ("randomized to the experimental arm of study CL-201", "patients randomized
# to placebo in the ABC trial", "the double-blind study medication of study ABC-123", "the randomized treatment of
# the parent study"): the trial participants came from. Not a term of this study's own noun ("A Randomized Substudy
# of the ABC Trial").
_IN_A_NAMED_TRIAL_AFTER = re.compile(
    r"(?:,?\s+(?!(?:sub-?)?(?:study|trial|design)\b(?!\s+" + _STUDY_THINGS + r"))[\w-]+){0,6}?\s+"
    r"(?:of|in|from|during)\s+(?:the\s+)?" + _NAMED_TRIAL, re.I)
# A term of a trial named by its code or acronym right after its noun, the trial spoken of as one participants were
# in, came from or go to ("In the double-blind study ABC-123, patients received drug X or placebo", "participants from
# the randomized PARADIGM trial", "may be eligible for the double-blind study ABC-456", "This open-label study follows
# the double-blind study ABC-123", "A single-arm study within the randomized ABC platform trial"): not this study.
_NAMED_AFTER_THE_BEFORE = re.compile(
    r"\b(?:in|within|from|of|after|during|following|into|than|since|for|to|with|follows?|continues?|extends?)\s+the\s+"
    rf"{_WORDS_BEFORE_TERM}$", re.I)
# A code holds a digit ("ABC-123", "301"); an acronym is in capitals, which tell it from a word only in a text not
# written in capitals (a title in capitals: `_NUMBERED_NAMED_AFTER`, `_NUMBER_AFTER`).
_NUMBER = r"(?=[\w-]*\d)(?-i:[A-Z0-9])[\w-]*"
_CODE = rf"(?:{_NUMBER}|(?-i:[A-Z]{{2,}}[A-Z0-9-]*)\b)"
# A code in brackets ("clinical study (TG002)"); an acronym in brackets may be the design's own ("trial (RCT)").
_NUMBER_IN_BRACKETS = rf"\(\s*{_NUMBER}\s*\)"
# The kind of trial an acronym may name ("the randomized ABC platform trial").
_KIND_OF_TRIAL = r"(?:platform|master|umbrella|basket|adaptive|pilot|main|core|parent|pivotal|registration)"
_CODE_NAMED_AFTER = re.compile(
    rf"{_DESIGN_RUN_AFTER}(?:,?\s+[\w-]+){{0,3}}?\s+(?:(?:study|trial)\s+(?:{_CODE}|{_NUMBER_IN_BRACKETS})"
    rf"|(?-i:[A-Z][A-Z0-9-]+)\s+(?:{_KIND_OF_TRIAL}\s+)?(?:study|trial)\b)", re.I)
_NUMBERED_NAMED_AFTER = re.compile(
    rf"{_DESIGN_RUN_AFTER}(?:,?\s+[\w-]+){{0,3}}?\s+(?:study|trial)\s+(?:{_NUMBER}|{_NUMBER_IN_BRACKETS})", re.I)
# The same after a term that ends with the trial's noun ("the observational cohort study ABC", "the randomised,
# double-blind, placebo controlled study (TG002)").
_CODE_AFTER = re.compile(rf"\s+(?:{_CODE}|{_NUMBER_IN_BRACKETS})", re.I)
_NUMBER_AFTER = re.compile(rf"\s+(?:{_NUMBER}|{_NUMBER_IN_BRACKETS})", re.I)
# A term said of trials in general ("randomised controlled trials are the gold standard", "double-blind trials of
# drug X have shown benefit"): no claim on this study's design.
_TRIALS_IN_GENERAL_AFTER = re.compile(
    r"(?:,?\s+(?!(?:to|into|in|of|for|between|at|by|and|or)\b)[\w-]+){0,3}?,?\s+(?:trials|studies|rcts)\b", re.I)
# A trial's finding reported a few words on ("A recent double-blind trial found that ...", "A large observational
# study showed a benefit"): a trial done before, unless the sentence names this study before the term. The trial's
# noun comes first (not "patients randomized to drug X showed ..."), in the term or after it. Not what people showed
# in a relative clause ("an open-label study in patients who showed a response"): the study's participants.
_FINDING_VERBS = r"(?:found|showed|suggested|revealed|concluded|reported|demonstrated|indicated|confirmed)"
# Who the trial reported took part, in a relative clause before its finding ("A recent observational study that
# included 17,325 hospitalized patients with T2D, found that ...").
_WHO_IT_INCLUDED = (r"(?:,?\s+(?:that|which)\s+(?:included|enrolled|involved|recruited|followed|analy[sz]ed"
                    r"|examined|studied|compared|evaluated|assessed)(?:\s+[\w(),.%-]+){1,10}?,?)?")
_REPORTED = (_WHO_IT_INCLUDED + r"(?:,?\s+[\w()-]+){0,6}?\s+(?:" + _FINDING_VERBS + r"\s+that|" + NOT_AFTER_WHO
             + _FINDING_VERBS
             + r"\s+(?:an?|the|no|significant|improved|reduced|increased|decreased|better|similar|benefit))\b")
_REPORTED_AFTER = re.compile(_REPORTED, re.I)
_TRIAL_REPORTED_AFTER = re.compile(r"(?:,?\s+[\w-]+){0,4}?\s+(?:study|trial|rct)\b" + _REPORTED, re.I)
_ENDS_WITH_TRIAL = re.compile(r"\b(?:study|trial|rct)$", re.I)
# A trial supposed, not done ("A double-blind trial would be needed to confirm these findings", "a randomized trial is
# warranted"): no claim on this study's design, unless the sentence names this study before the term. A trial ("a",
# "another", "further"), not the one the record describes ("The double-blind study should last 12 weeks").
_SUPPOSED = (r"\s+(?:(?:would|could|might|should)\b"
             r"|(?:is|are|will\s+be)\s+(?:needed|required|warranted|necessary|justified)\b"
             # weighed with "may" ("A double-blind trial may be feasible"), not what the study may do ("A double-blind
             # trial may enrol up to 60 patients")
             r"|may\s+(?:(?:also|well|only|then|still|not|eventually|later)\s+)?(?:be|prove|become)\s+"
             r"(?:(?:more|less|both|ethically|practically|logistically)\s+)?(?:feasible|possible|practicable|practical"
             r"|achievable|realistic|needed|required|warranted|necessary|justified|appropriate|useful|worthwhile)\b)")
_A_TRIAL_BEFORE = re.compile(rf"\b(?:an?|another|further)\s+{_WORDS_BEFORE_TERM}$", re.I)
_SUPPOSED_AFTER = re.compile(_SUPPOSED, re.I)
_TRIAL_SUPPOSED_AFTER = re.compile(
    _DESIGN_RUN_AFTER + r"(?:,?\s+[\w-]+){0,4}?\s+(?:study|trial|rct|design)\b" + _SUPPOSED, re.I)
# A trial to follow if this one succeeds ("If this pilot is successful, a double-blind trial will be conducted"): the
# sentence opens with the condition, and the term is of a trial ("a ... trial"), not of a part.
_IF_SUCCESSFUL_BEFORE = re.compile(
    r"^\s*(?:if|should|once|when)\s+(?:[\w-]+\s+){0,5}?(?:is|are|prove|proves|were|be)\s+(?:\w+\s+)?"
    r"(?:successful|positive|promising|effective|favou?rable|encouraging|feasible|confirmed)\b[^.;]*?\ban?\s+"
    r"(?:[\w-]+,?\s+){0,3}$", re.I)
_SUPPOSING_WORDS = ("would", "could", "might", "should", "needed", "required", "warranted", "necessary", "justified",
                    "may")
THIS_STUDY_BEFORE = re.compile(r"\b(?:this|our|the\s+(?:present|current|proposed))\b", re.I)
# A design the study had before it was changed ("This study, initially double-blind, was amended to open label",
# "originally planned as a double-blind trial", "was initially double-blind"). Not the first part of the study
# ("participants will initially receive double-blind treatment").
_FORMERLY_BEFORE = re.compile(
    r"(?:\b(?:originally|initially|formerly|previously)\s+(?:planned|designed|registered|intended|conceived"
    r"|described|set\s+up)\s+(?:as|to\s+be)"
    r"|\b(?:was|were)\s+(?:originally|initially|formerly)|,\s*(?:originally|initially|formerly))"
    r"\s+(?:(?:a|an)\s+)?(?:[\w-]+,?\s+){0,2}$", re.I)
# A trial an intervention was made from, what people learnt in it ("combining the theories of emotion regulation with
# the qualitative experiences of students in open trial", "co-produced in an open trial"): an earlier trial, not this
# study ("Students receive the intervention in this open trial").
_LEARNT_IN_BEFORE = re.compile(
    r"\b(?:(?:experiences?|feedback|views|lessons\s+learn[te]d)\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?"
    r"|(?:co-?produced|co-?designed|developed|refined)\s+)in\s+(?:an?\s+)?$", re.I)
_LEARNT_WORDS = ("experience", "feedback", "views", "lessons", "produced", "designed", "developed", "refined")
# A design the study weighs in a condition ("if randomization is feasible", "whether a double-blind design is
# possible"): no claim either way.
_CONDITION_BEFORE = re.compile(r"\b(?:whether|if)\s+(?:[\w-]+,?\s+){0,4}$", re.I)
_FEASIBLE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:is|are|(?:would|will|may|might|could)\s+be|proves?|becomes?|were)\s+"
    r"(?:feasible|possible|acceptable|practicable|practical|ethical|appropriate|safe)\b", re.I)


def not_of_this_design(sentence: str, start: int, end: int, lowered: str | None = None) -> bool:
    """Whether the term at sentence[start:end] names another trial ("a substudy of the randomized ABC trial", "those
    randomized to the experimental arm of study CL-201", "a recent double-blind trial found that"), trials in general
    ("randomised controlled trials are the gold standard"), a design the study had before ("initially
    double-blind") or one it weighs ("if randomization is feasible") rather than this study's design. `lowered`, the
    sentence folded (checks.study_context.folded_text), spares the patterns of words it does not hold."""
    if _TRIALS_IN_GENERAL_AFTER.match(sentence, end):
        return True
    after = lowered and lowered[end:]
    if (lowered is None or holds_any(after, _TRIAL_WORDS)) and _IN_A_NAMED_TRIAL_AFTER.match(sentence, end):
        return True
    near = max(0, start - BEFORE_REACH)  # the words right before the term: what these patterns read
    before = lowered and lowered[near:start]
    if _of_another_trial(sentence, start, end, near):
        return True
    if (lowered is None or holds_any(before, _LEARNT_WORDS)) and _LEARNT_IN_BEFORE.search(sentence, near, start):
        return True
    if (lowered is None or holds_any(before, _FROM_OR_FOR_WORDS)) and _FROM_OR_FOR_ANOTHER_TRIAL_BEFORE.search(
            sentence, near, start) and (_TRIAL_NAMED_AFTER.match(sentence, end)
                                        or _named_by_code(sentence, start, end, after)):
        return True
    if lowered is None or holds_any(after, _REPORTING_WORDS):
        reported = _REPORTED_AFTER if _ENDS_WITH_TRIAL.search(sentence, start, end) else _TRIAL_REPORTED_AFTER
        if reported.match(sentence, end) and not THIS_STUDY_BEFORE.search(sentence, 0, start):
            return True
    if (lowered is None or holds_any(after, _SUPPOSING_WORDS)) and _supposed(sentence, start, end):
        return True
    if (lowered is None or holds_any(lowered[:start], _IF_WORDS)) and _to_follow_if_successful(sentence, start, end):
        return True
    if (_named_by_code(sentence, start, end, after) or _named_in_words(sentence, start, end)) \
            and _NAMED_AFTER_THE_BEFORE.search(sentence, near, start):
        return True
    if (lowered is None or holds_any(before, _FORMERLY_WORDS)) and _FORMERLY_BEFORE.search(sentence, near, start):
        return True
    return bool((lowered is None or holds_any(before, _CONDITION_WORDS)) and _FEASIBLE_AFTER.match(sentence, end)
                and _CONDITION_BEFORE.search(sentence, near, start))


# How far before a term the patterns of the words right before it (a few words) are tried.
BEFORE_REACH = 90
# Words (folded) one of which every match of _REPORTED_AFTER, _FORMERLY_BEFORE, _IN_A_NAMED_TRIAL_AFTER and
# _CONDITION_BEFORE holds.
_REPORTING_WORDS = ("found", "showed", "suggested", "revealed", "concluded", "reported", "demonstrated", "indicated",
                    "confirmed")
_FORMERLY_WORDS = ("originally", "initially", "formerly", "previously")
_TRIAL_WORDS = ("study", "trial", "protocol")
_CONDITION_WORDS = ("whether", "if")
_IF_WORDS = ("if", "should", "once", "when")


def _of_another_trial(sentence: str, start: int, end: int, near: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial this study is a part or a follow-up of: its noun follows
    ("a substudy of the randomized ABC trial"), or ends a term an indefinite article opens ("a companion study to a
    phase III randomized study") or a part of the trial names ("a companion study to the phase III randomized
    study")."""
    of_another = _OF_ANOTHER_TRIAL_BEFORE.search(sentence, near, start)
    if of_another is None:
        return False
    return bool((of_another.group("indefinite") or of_another.group("part"))
                and _ENDS_WITH_TRIAL.search(sentence, start, end) or _TRIAL_NAMED_AFTER.match(sentence, end))


def _supposed(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial supposed ("a randomized trial would be needed"), not
    the one the sentence names before it."""
    supposed = _SUPPOSED_AFTER if _ENDS_WITH_TRIAL.search(sentence, start, end) else _TRIAL_SUPPOSED_AFTER
    return bool(supposed.match(sentence, end)) and not THIS_STUDY_BEFORE.search(sentence, 0, start) and bool(
        _A_TRIAL_BEFORE.search(sentence, max(0, start - BEFORE_REACH), start))


def _named_by_code(sentence: str, start: int, end: int, after: str | None) -> bool:
    """Whether the trial of the term at sentence[start:end] is named by its code or acronym right after its noun
    ("the double-blind study ABC-123", "the observational cohort study ABC"). `after`: the folded rest, or None."""
    capitals = sentence[start:end].isupper()
    if _ENDS_WITH_TRIAL.search(sentence, start, end):
        return (_NUMBER_AFTER if capitals else _CODE_AFTER).match(sentence, end) is not None
    named_after = _NUMBERED_NAMED_AFTER if capitals else _CODE_NAMED_AFTER
    return (after is None or holds_any(after, _TRIAL_WORDS)) and named_after.match(sentence, end) is not None


# A trial's name in capitalised words ending with its acronym, which a design word may open ("the Randomised Evaluation
# of COVID-19 Therapy (RECOVERY) trial", "the Randomized Aldactone Evaluation Study (RALES)"). Not a part of this study
# named so ("during the Double-Blind Treatment Period (DBTP)", "the Randomized Withdrawal Phase (RWP)").
_NAME_WITH_ACRONYM_AFTER = re.compile(
    r"(?:,?\s+(?!(?:periods?|phases?|parts?|stages?|segments?|epochs?|portions?|extensions?|cohorts?|arms?|groups?)\b)"
    r"(?:(?-i:[A-Z0-9])[\w'-]*|of|for|in|on|and|with|the|to|a|an|versus|vs\.?)){1,10}?\s+"
    r"\((?-i:[A-Z][A-Z0-9-]{2,})\)", re.I)


def _named_in_words(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] opens a trial's name, capitalised and ended by its acronym."""
    return sentence[start].isupper() and _NAME_WITH_ACRONYM_AFTER.match(sentence, end) is not None


def _to_follow_if_successful(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial to follow if this one succeeds ("If this pilot is
    successful, a double-blind trial will be conducted")."""
    return bool(_IF_SUCCESSFUL_BEFORE.search(sentence, 0, start)) and bool(
        _ENDS_WITH_TRIAL.search(sentence, start, end) or _TRIAL_NAMED_AFTER.match(sentence, end))


def holds_any(lowered: str, words: tuple[str, ...]) -> bool:
    """Whether the folded text holds one of the words."""
    for word in words:
        if word in lowered:
            return True
    return False
