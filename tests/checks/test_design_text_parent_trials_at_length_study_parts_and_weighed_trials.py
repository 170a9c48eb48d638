"""Design terms of another trial than this study, however long: the parent trial described by a run of design words
("a follow-up study to a multi-centre, randomised, double-blind, placebo controlled, parallel group clinical study
(TG002)", NCT02292875), by its code in brackets after the noun ("the randomised, double-blind study (TG002)"), or
after "the" where this study is a companion, ancillary, add-on or sub-study of it ("a companion study to the phase III
randomized study"); and a trial only weighed with "may" ("A double-blind trial may be feasible"). Each is no claim of
this study's design for the masking, allocation and study-type rules; this study's own terms, with a code in
brackets or "may" of what it does, still are.
"""
from __future__ import annotations

import pytest

from checks.design_allocation_terms import RANDOMIZED
from checks.design_masking_terms import BLINDED
from checks.design_other_trials import not_of_this_design
from checks.study_text import StudyText
from checks.trial_text import TRIAL_DESIGN, trial_claim
from tests.checks import harness
from tests.checks.harness import BLINDED_RULE, NO_MASKING, OBSERVATIONAL_DESIGN, TRIAL_RULE

DESCRIPTION = "detailed_descriptions.description"
NCT02292875 = ("This is a follow-up study to a multi-centre, randomised, double-blind, placebo controlled, parallel "
               "group clinical study (TG002) which evaluated the efficacy, safety and tolerability of three doses of "
               "ToleroMune Grass versus placebo in grass allergic subjects. Subjects who completed TG002 in calendar "
               "year 2012 will undergo a further single exposure to grass allergens in an EEU.")

# (detailed description, the phrase contradictions.study_type_text_trial quotes, or None)
CLAIMS = [
    (NCT02292875, None),
    ("This is a follow-up study to the multi-centre, randomised, double-blind, placebo controlled, parallel group "
     "clinical study (TG002) which evaluated drug X.", None),
    ("This is a follow-up study to the randomised, double-blind, placebo controlled study (TG002).", None),
    ("This is a follow-up study to a 12-week, multi-centre, international, phase III, randomised, double-blind, "
     "placebo controlled study.", None),
    ("This open-label study enrols subjects who completed the randomised, double-blind, placebo-controlled study "
     "(TG002).", None),
    ("This is a companion study to the phase III randomized study.", None),
    ("This is an add-on study to the double-blind, placebo-controlled trial.", None),
    ("A double-blind trial may be feasible.", None),
    ("A placebo-controlled trial may be needed to confirm these findings.", None),
    ("A double-blind, placebo-controlled trial may prove feasible.", None),
    ("This pilot will show whether a double-blind trial may be feasible.", None),
    # this study's own design, named by its code, or what it may do
    ("This randomised, double-blind, placebo-controlled study (TG002) tests drug X.",
     "randomised, double-blind, placebo-controlled study"),
    ("In this randomised, double-blind, placebo-controlled study (TG002), patients receive drug X.",
     "randomised, double-blind, placebo-controlled study"),
    ("This randomized controlled trial (RCT) will enrol 60 patients.", "randomized controlled trial"),
    ("This is a randomized study (Phase 2) of drug X.", "randomized study"),
    ("This randomized study has a companion study to the phase III trial.", "randomized study"),
    ("A double-blind trial may enrol up to 60 patients.", "double-blind trial"),
    ("A double-blind trial may be conducted in 60 patients.", "double-blind trial"),
    ("This double-blind trial may be feasible in 60 patients.", "double-blind trial"),
]


@pytest.mark.parametrize("text, phrase", CLAIMS, ids=[t[:70] for t, _ in CLAIMS])
def test_a_parent_trial_at_length_or_a_weighed_trial_is_no_claim_of_this_study(text, phrase):
    claim = trial_claim([StudyText(DESCRIPTION, text)])
    assert (claim.phrase if claim else None) == phrase


# (sentence, pattern, whether its first term is another trial's)
TERMS = [
    (NCT02292875, BLINDED, True),
    (NCT02292875, RANDOMIZED, True),
    ("This is an extension of the multicentre, randomised, double-blind, placebo-controlled, parallel-group phase 3 "
     "study (ABC-301).", RANDOMIZED, True),
    ("This is a long-term follow-up of the randomized study (TG002).", TRIAL_DESIGN, True),
    ("This is an ancillary study to the randomized, double-blind trial.", TRIAL_DESIGN, True),
    ("This substudy of the double-blind trial enrols 40 patients.", TRIAL_DESIGN, True),
    ("A double-blind trial may be feasible.", BLINDED, True),
    ("A double-blind, randomised, placebo-controlled, multi-centre, parallel group trial would be needed.", BLINDED,
     True),
    # "the" after "follow-up" may be this study; a code in brackets after this study's own term; what a trial may do
    ("This is a follow-up study to the randomized study.", TRIAL_DESIGN, False),
    ("Long-term follow-up of the randomized study continues for ten years.", TRIAL_DESIGN, False),
    ("This randomised, double-blind, placebo-controlled study (TG002) tests drug X.", TRIAL_DESIGN, False),
    ("Patients in the randomized study (2:1) receive drug X or placebo.", TRIAL_DESIGN, False),
    ("A double-blind trial may enrol up to 60 patients.", BLINDED, False),
    ("The double-blind trial may be feasible in 60 patients.", BLINDED, False),
]


@pytest.mark.parametrize("sentence, pattern, another", TERMS, ids=[s[:70] for s, _, _ in TERMS])
def test_a_term_of_a_parent_trial_at_length_or_of_a_weighed_trial(sentence, pattern, another):
    m = pattern.search(sentence)
    assert not_of_this_design(sentence, m.start(), m.end()) is another


def test_the_folded_sentence_only_spares_patterns_of_words_it_lacks():
    sentences = [text for text, _ in CLAIMS] + [sentence for sentence, _, _ in TERMS]
    assert harness.folded_sentence_judgements(sentences, (RANDOMIZED, BLINDED, TRIAL_DESIGN)) >= 10


COMPANION = "This is a companion study to the phase III randomized study."
FOLLOWS_THE_PARENT = ("This open-label extension follows the multi-centre, randomised, double-blind, placebo "
                      "controlled, parallel group clinical study (TG002).")
# (rule, design, (field, text), fires): the rules that read these terms, on one warehouse.
RULE_CASES = [
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("detail", NCT02292875), False),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("detail", COMPANION), False),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "A randomized trial may be feasible if this pilot succeeds."),
     False),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("detail", "This randomised, double-blind, placebo-controlled study (TG002) "
                                                  "tests drug X."), True),
    (BLINDED_RULE, NO_MASKING, ("summary", "A double-blind trial may be feasible if a pragmatic design is adopted."),
     False),
    (BLINDED_RULE, NO_MASKING, ("summary", FOLLOWS_THE_PARENT), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "This double-blind trial is feasible in 60 patients."), True),
    (BLINDED_RULE, NO_MASKING, ("summary", "A double-blind trial may enrol up to 60 patients."), True),
]
_IDS = harness.numbered_cases(RULE_CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    """The design rules' findings of each study: one warehouse holding every case, each rule evaluated once."""
    return harness.design_rule_findings(tmp_path_factory.mktemp("parent_trials"), _IDS, {c[0] for c in RULE_CASES})


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_the_rules_flag_only_this_studys_design(found, nct_id):
    harness.design_case_found(found, nct_id, _IDS[nct_id])
