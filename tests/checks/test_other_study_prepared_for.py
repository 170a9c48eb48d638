"""The trial a pilot readies, in the general words for it, is another study (checks.study_context OTHER_STUDY, "a study
to prepare"): "procedures are adequate for a cluster randomized control trial", "in preparation for a randomised
trial", "ahead of a", "pave the way for a", "the groundwork for a". Its design words are no claim of this study's
(contradictions.allocation_text_randomized, masking_none_text_blinded stay quiet); a visit or a drug of this study
("ahead of a study visit"), a sentence that readies nothing, and this study's own design words still count.
"""
from __future__ import annotations

import pytest

from checks.study_text import other_study
from tests.checks import harness
from tests.checks.harness import (BLINDED_RULE, NO_MASKING, NON_RANDOMIZED, RANDOMIZED_RULE,
                                  SINGLE_GROUP_NOT_ALLOCATED)

# (sentence, whether it speaks of a study this one prepares)
PHRASES = [
    ("The aim is to ensure that procedures are adequate for a cluster randomized control trial.", True),
    ("This is a natural history study in preparation for a randomized trial.", True),
    ("The pilot will pave the way for a multicentre randomised trial.", True),
    ("The pilot paves the way to a double-blind trial.", True),
    ("Recruitment will be tested ahead of a randomised controlled trial.", True),
    ("It lays the groundwork for a randomized trial.", True),
    ("Sites will be ready for a randomized trial by 2025.", True),
    ("The measures must be suitable for a blinded trial.", True),
    ("The results will inform the design of a randomized trial.", True),
    ("Participants fast for 8 hours ahead of a study visit.", False),
    ("Staff will conduct a study visit at week 4.", False),
    ("Patients will be randomized to drug X or placebo to ensure that procedures are adequate.", False),
    ("Patients suitable for the trial will be randomized.", False),
    ("Patients will be ready for discharge after the randomized procedure.", False),
]


@pytest.mark.parametrize("sentence, prepared", PHRASES)
def test_a_trial_a_pilot_readies_is_another_study(sentence, prepared):
    assert (other_study(sentence) == "a study to prepare") is prepared


# (rule, design, (field, text), fires)
CASES = [
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, (
        "detail", "This single-arm pilot will test recruitment in preparation for a cluster randomised trial."), False),
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, (
        "summary", "Findings will pave the way for a multicentre randomized controlled trial."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, (
        "detail", "Retention will be measured ahead of a randomised trial of the programme."), False),
    (BLINDED_RULE, NO_MASKING, ("detail", "Outcome measures will be checked to be suitable for a double-blind trial."),
     False),
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, (
        "detail", "Patients will be randomized to drug X or placebo ahead of a study visit."), True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Patients suitable for the trial will be randomized "
                                                            "1:1."), True),
    (BLINDED_RULE, NO_MASKING, ("detail", "This double-blind study asks participants to fast ahead of a study "
                                           "visit."), True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    """The design rules' findings on every case's study, one warehouse for the module."""
    return harness.design_rule_findings(tmp_path_factory.mktemp("prepared_trials"), _IDS,
                                        {RANDOMIZED_RULE, BLINDED_RULE})


@pytest.mark.parametrize("nct_id", _IDS, ids=[f"{c[0].split('.')[1]}:{c[3]}:{c[2][1][:60]}" for c in CASES])
def test_a_prepared_trials_design_words_are_no_claim(findings, nct_id):
    harness.design_case_found(findings, nct_id, _IDS[nct_id])
