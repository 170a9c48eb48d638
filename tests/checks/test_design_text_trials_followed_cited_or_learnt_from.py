"""Design terms of another trial as records word them: the trial this study extends described in a sentence of its
own ("... the long-term extension of the PROTECT study. PROTECT is a randomized, double-blind ... study"), a study
cited with a relative clause before its finding ("A recent observational study that included 17,325 hospitalized
patients ..., found ..."), and the open trial an intervention was made from ("the qualitative experiences of students
in open trial"); and the neighbours that are this study's own design."""
from __future__ import annotations

import pytest

from checks.design_allocation_terms import OBSERVATIONAL
from checks.design_masking_terms import OPEN_LABEL
from checks.design_other_trials import not_of_this_design
from checks.study_text import StudyText
from checks.trial_text import TRIAL_DESIGN, trial_claim
from tests.checks import harness

DESCRIPTION = "detailed_descriptions.description"
PROTECT = "randomized, double-blind, placebo-controlled study"

# (detailed description of an observational study, the phrase contradictions.study_type_text_trial quotes, or None)
CLAIMS = [
    ("This study is the long-term extension of the PROTECT study. PROTECT is a randomized, double-blind, "
     "placebo-controlled study.", None),
    ("This study is the long-term extension of the PRV-031-001 (PROTECT) study. PROTECT is a Phase 3, randomized, "
     "double-blind, placebo-controlled, multinational, multi-center study to evaluate teplizumab.", None),
    ("This is a follow-up study of the parent study. The parent study was a randomized, double-blind, "
     "placebo-controlled study.", None),
    ("This is an extension of the PROTECT study, a randomized, double-blind, placebo-controlled study.", None),
    # a trial named in the present that no earlier sentence says this study extends: may be this study's own
    ("PROTECT is a randomized, double-blind, placebo-controlled study.", PROTECT),
    ("This study follows patients with diabetes. PROTECT is a randomized, double-blind, placebo-controlled study.",
     PROTECT),
    ("This study is an extension of the ABC study. PROTECT is a randomized, double-blind, placebo-controlled study.",
     PROTECT),
    ("This is a follow-up of patients. The main study is a randomized, double-blind, placebo-controlled study.",
     None),
]


@pytest.mark.parametrize("text, phrase", CLAIMS, ids=[t[:80] for t, _ in CLAIMS])
def test_the_trial_this_study_extends_described_on_its_own(text, phrase):
    claim = trial_claim([StudyText(DESCRIPTION, text)])
    assert (claim.phrase if claim else None) == phrase


# (sentence, pattern, whether its first term is another trial's)
TERMS = [
    ("A recent observational study that included 17,325 hospitalized patients with T2D, found that patients treated "
     "with OADs had similar glycemic control.", OBSERVATIONAL, True),
    ("A large observational study which enrolled 800 adults showed a reduced risk of stroke.", OBSERVATIONAL, True),
    ("A randomized trial that enrolled 300 women found that drug X reduced pain.", TRIAL_DESIGN, True),
    ("A recent observational study of 500 patients found similar control.", OBSERVATIONAL, True),
    ("This observational study that included 500 patients found that control was similar.", OBSERVATIONAL, False),
    ("An observational study that included patients who showed a response to drug X will be done.", OBSERVATIONAL,
     False),
    ("The intervention has been co-produced with university students and clinical experts, combining the theories "
     "of emotion regulation with the qualitative experiences of students in open trial.", OPEN_LABEL, True),
    ("The intervention was developed in an open trial.", OPEN_LABEL, True),
    ("Feedback of clinicians in an open trial was used to refine the manual.", OPEN_LABEL, True),
    ("Students receive the intervention in this open trial.", OPEN_LABEL, False),
    ("We will collect the experiences of students in this open trial.", OPEN_LABEL, False),
    ("This is an open trial of drug X.", OPEN_LABEL, False),
]


@pytest.mark.parametrize("sentence, pattern, another", TERMS, ids=[s[:80] for s, _, _ in TERMS])
def test_a_term_of_a_trial_cited_or_learnt_from(sentence, pattern, another):
    m = pattern.search(sentence)
    assert not_of_this_design(sentence, m.start(), m.end()) is another


def test_the_folded_sentence_only_spares_patterns_of_words_it_lacks():
    sentences = [text for text, _ in CLAIMS] + [sentence for sentence, _, _ in TERMS]
    assert harness.folded_sentence_judgements(sentences, (OBSERVATIONAL, OPEN_LABEL, TRIAL_DESIGN)) >= 8
