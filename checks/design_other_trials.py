"""A design term that names another trial rather than this study: one participants came from or a trial is planned,
one named by its code or name, trials in general, a trial reported, supposed or to follow, a design the study had
before or one it weighs."""
from __future__ import annotations

from checks.design_named_trials import (FROM_OR_FOR_ANOTHER_TRIAL_BEFORE, FROM_OR_FOR_WORDS, IN_A_NAMED_TRIAL_AFTER,
                                        NAMED_AFTER_THE_BEFORE, TRIAL_NAMED_AFTER, TRIAL_NOUNS, named_by_code,
                                        named_in_words, of_another_trial)
from checks.design_term_words import BEFORE_REACH, ENDS_WITH_TRIAL, holds_any
from checks.design_trials_spoken_of import (CONDITION_BEFORE, FEASIBLE_AFTER, FORMERLY_BEFORE, LATER_WORK_WORDS,
                                            LEARNT_IN_BEFORE, LEARNT_WORDS, REPORTED_AFTER, REPORTING_WORDS,
                                            SUBSTUDY_OPENING_BEFORE, SUPPOSING_WORDS, THIS_STUDY_BEFORE,
                                            TRIAL_REPORTED_AFTER, TRIALS_IN_GENERAL_AFTER, of_a_supposed_trial,
                                            of_other_work, to_follow_if_successful)


def not_of_this_design(sentence: str, start: int, end: int, lowered: str | None = None) -> bool:
    """Whether the term at sentence[start:end] names another trial ("a substudy of the randomized ABC trial", "those
    randomized to the experimental arm of study CL-201", "a recent double-blind trial found that"), trials in general
    ("randomised controlled trials are the gold standard"), a design the study had before ("initially
    double-blind") or one it weighs ("if randomization is feasible"), work it prepares ("grant applications proposing
    to examine ... under double-blind conditions"), a study cited with its size ("An observational study (n=131) ...
    identified"), a companion study ("the same as our parallel study which is investigating") or the trial a
    sub-study opening the sentence is of ("Substudy-A Phase IIIB ... Double-Blind ... Study") rather than this study's
    design. `lowered`, the
    sentence folded (checks.study_context.folded_text), spares the patterns of words it does not hold."""
    if TRIALS_IN_GENERAL_AFTER.match(sentence, end):
        return True
    after = lowered and lowered[end:]
    if (lowered is None or holds_any(after, TRIAL_NOUNS)) and IN_A_NAMED_TRIAL_AFTER.match(sentence, end):
        return True
    near = max(0, start - BEFORE_REACH)  # the words right before the term: what these patterns read
    before = lowered and lowered[near:start]
    if of_another_trial(sentence, start, end, near):
        return True
    if (lowered is None or holds_any(before, LEARNT_WORDS)) and LEARNT_IN_BEFORE.search(sentence, near, start):
        return True
    if (lowered is None or holds_any(before, FROM_OR_FOR_WORDS)) and FROM_OR_FOR_ANOTHER_TRIAL_BEFORE.search(
            sentence, near, start) and (TRIAL_NAMED_AFTER.match(sentence, end)
                                        or named_by_code(sentence, start, end, after)):
        return True
    if lowered is None or holds_any(after, REPORTING_WORDS):
        reported = REPORTED_AFTER if ENDS_WITH_TRIAL.search(sentence, start, end) else TRIAL_REPORTED_AFTER
        if reported.match(sentence, end) and not THIS_STUDY_BEFORE.search(sentence, 0, start):
            return True
    if (lowered is None or holds_any(after, SUPPOSING_WORDS)) and of_a_supposed_trial(sentence, start, end):
        return True
    if (lowered is None or holds_any(lowered[:start], _IF_WORDS)) and to_follow_if_successful(sentence, start, end):
        return True
    if (lowered is None or holds_any(lowered, _OTHER_WORK_WORDS)) and of_other_work(sentence, start, end, near):
        return True
    if (lowered is None or "stud" in lowered[:start]) and SUBSTUDY_OPENING_BEFORE.search(sentence, 0, start):
        return True
    if (named_by_code(sentence, start, end, after) or named_in_words(sentence, start, end)) \
            and NAMED_AFTER_THE_BEFORE.search(sentence, near, start):
        return True
    if (lowered is None or holds_any(before, _FORMERLY_WORDS)) and FORMERLY_BEFORE.search(sentence, near, start):
        return True
    return bool((lowered is None or holds_any(before, _CONDITION_WORDS)) and FEASIBLE_AFTER.match(sentence, end)
                and CONDITION_BEFORE.search(sentence, near, start))


# Words (folded) one of which every match of FORMERLY_BEFORE and CONDITION_BEFORE (checks.design_trials_spoken_of)
# holds; REPORTING_WORDS there are those of REPORTED_AFTER.
_FORMERLY_WORDS = ("originally", "initially", "formerly", "previously")
_CONDITION_WORDS = ("whether", "if")
_IF_WORDS = ("if", "should", "once", "when")
# Words (folded) one of which every reading of `of_other_work` (checks.design_trials_spoken_of) needs.
_OTHER_WORK_WORDS = LATER_WORK_WORDS + ("=", "same", "similar", "as", "like", "another", "which", "that")
