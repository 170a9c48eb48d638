"""A study that is a companion, substudy or follow-up of another trial, named by its code or name in apposition ("a
companion study to CALGB C9781, a phase III randomized study", NCT00003381) or by an indefinite article ("a companion
study to a phase III randomized study"): the design term is the other trial's, for contradictions.study_type_text_trial
and every design claim read the same way. "The randomized study" after "follow-up of" may be this one, and still
counts."""
from __future__ import annotations

import pytest

from checks.design_allocation_terms import RANDOMIZED
from checks.design_other_trials import not_of_this_design
from checks.study_text import StudyText
from checks.trial_text import TRIAL_DESIGN, trial_claim
from tests.checks import harness

DESCRIPTION = "detailed_descriptions.description"

# (detailed description, the phrase contradictions.study_type_text_trial quotes, or None)
CLAIMS = [
    ("OUTLINE: This is a companion study to CALGB C9781, a phase III randomized study. Prior to treatment on CALGB "
     "C9781, patients complete forms.", None),
    ("This is a companion study to a phase III randomized study.", None),
    ("This is a companion study to CALGB-9781, a randomized, double-blind, placebo-controlled trial.", None),
    ("This is an ancillary study to the Women's Health Initiative, a randomized controlled trial.", None),
    ("This is a substudy of protocol E1199, a randomized trial of two taxane schedules.", None),
    ("This is an ancillary study of the ECOG E1199 Trial, a randomized trial.", None),
    ("This is an add-on study to an open-label randomized trial of drug X.", None),
    ("This is a companion study to the randomized ABC trial.", None),
    # this study's own design, or a design the sentence does not give to the other trial
    ("This is a phase III randomized study of drug X.", "randomized study"),
    ("This is a randomized study, a companion study to CALGB C9781.", "randomized study"),
    ("This is a companion study to CALGB C9781. It is a phase III randomized study.", "randomized study"),
    ("Patients on this randomized study, a companion to CALGB C9781, complete forms.", "randomized study"),
]


@pytest.mark.parametrize("text, phrase", CLAIMS, ids=[t[:70] for t, _ in CLAIMS])
def test_a_companion_studys_named_trial_is_another_trial(text, phrase):
    claim = trial_claim([StudyText(DESCRIPTION, text)])
    assert (claim.phrase if claim else None) == phrase


# (sentence, whether its first term is the other trial's): "randomized" (RANDOMIZED), whose noun follows, or a
# term with its noun (TRIAL_DESIGN), which an indefinite article opens.
TERMS = [
    ("This is a companion study to CALGB C9781, a randomized phase III trial.", RANDOMIZED, True),
    ("This is a companion study to RTOG 0415, a phase III randomized trial.", RANDOMIZED, True),
    ("This is a substudy of the randomized ABC trial.", RANDOMIZED, True),
    ("This is a companion study to a phase III randomized study.", TRIAL_DESIGN, True),
    ("This is a companion study to NSABP B-31, a randomized controlled trial.", TRIAL_DESIGN, True),
    ("This is a companion study to patients randomized in the clinic.", RANDOMIZED, False),
    ("Patients, a randomized sample of the clinic, complete forms.", RANDOMIZED, False),
    ("Long-term follow-up of the randomized study continues for ten years.", TRIAL_DESIGN, False),
    ("This follow-up of Cohort A, the randomized study, continues for ten years.", TRIAL_DESIGN, False),
]


@pytest.mark.parametrize("sentence, pattern, another", TERMS, ids=[s for s, _, _ in TERMS])
def test_a_term_of_a_trial_named_in_apposition_or_by_an_indefinite_article(sentence, pattern, another):
    m = pattern.search(sentence)
    assert not_of_this_design(sentence, m.start(), m.end()) is another


def test_the_folded_sentence_only_spares_patterns_of_words_it_lacks():
    sentences = [text for text, _ in CLAIMS] + [sentence for sentence, _, _ in TERMS]
    assert harness.folded_sentence_judgements(sentences, (RANDOMIZED, TRIAL_DESIGN)) >= 8
