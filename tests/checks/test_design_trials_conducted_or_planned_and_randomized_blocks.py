"""The design rules on records written to fool them: the investigators saying they conduct the study ("We will conduct a
randomized trial", "The investigators will conduct a double-blind trial") against a trial they plan after this one or
one their participants come from ("If feasible, we will then conduct a randomized trial", "We will conduct a pilot
study to inform a randomized trial", "interviews with participants of a randomized trial"); the kinds of an
experiment's trials randomized within blocks ("Trial types are randomized within blocks") against treatments and
participants randomized within blocks (block randomization); and outcomes assessed double-blind in a single-group or
unrandomized study, where nobody is masked to an assigned intervention.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text; the
design rules are evaluated once over them all.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import (
    BLINDED_RULE, NO_MASKING, NON_RANDOMIZED, NON_RANDOMIZED_OPEN, NOT_RANDOMIZED_RULE, OBSERVATIONAL_DESIGN,
    OBSERVATIONAL_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, SINGLE_GROUP_OPEN, TRIAL_RULE,
)

PARTY_RULE = "contradictions.masking_none_text_party_masked"

# The design each case's study is given (the clean study is randomized, parallel and double-masked).
DOUBLE, NOT_ALLOCATED, ALLOCATED = harness.DOUBLE_MASKED, harness.SINGLE_GROUP_NOT_ALLOCATED, harness.RANDOMIZED
INTERVENTIONAL = {}
OBSERVATIONAL = OBSERVATIONAL_DESIGN

# (rule, design, (field, text)): cases a rule did not flag before, and must now flag. The investigators say they
# conduct the study the record describes: the trial "to conduct" is this one.
FIXED_FIRING = [
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will conduct a randomized trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "We will conduct a randomized controlled trial of drug X in 60 "
                                                "patients.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "The investigators will conduct a randomized, double-blind trial.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "We are conducting a randomised trial in three hospitals in "
                                                  "Kenya.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will perform a randomized trial of drug X versus placebo in 120 "
                                                 "patients.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We aim to conduct a randomized trial with 100 participants.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We are going to conduct a randomized trial.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "The research team will carry out a randomised controlled trial in "
                                                 "primary care.")),
    (BLINDED_RULE, NO_MASKING, ("summary", "We will conduct a double-blind trial.")),
    (BLINDED_RULE, NO_MASKING, ("summary", "We will conduct a randomized, double-blind, placebo-controlled trial in 80 "
                                           "patients.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "We will conduct an observational cohort study.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "We will conduct a randomized controlled trial.")),
    (PARTY_RULE, NO_MASKING, ("summary", "We will conduct an assessor-blinded randomized trial.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "We will conduct a non-randomized study.")),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "We will conduct an open-label study.")),
]
# Cases a rule flagged before, and must now not flag.
FIXED_QUIET = [
    # The kinds or the trials of an experiment each participant does, shuffled within its blocks: no allocation.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Trial types are randomized within blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Task trials will be randomized within each block.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Experimental trials are randomized across the session.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Test trials are randomised within blocks of 20.")),
    # Participants of another trial, which the study interviews or samples.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will conduct interviews with participants of a randomized "
                                                 "trial.")),
]
# Cases the rules judged right before, kept: their quiet neighbours.
HELD_QUIET = [
    # A trial the investigators would conduct after this one, if it succeeds, or that this one prepares.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "If feasible, we will conduct a randomized trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will then conduct a randomized trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Next, we will conduct a randomized trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "The investigators plan to conduct a randomized controlled trial in a "
                                                 "subsequent phase.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will conduct a feasibility study for a randomized trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will conduct a pilot study to inform a randomized trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will conduct a randomized trial as a follow-up to this pilot.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will conduct a single-arm study; a randomized trial would be "
                                                 "needed to confirm efficacy.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "This pilot will inform the design of a randomized trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will use these data to design a randomized trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Once this pilot is complete, we will conduct a larger randomized "
                                                 "trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will conduct a survey of patients who took part in a randomized "
                                                 "trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Should the results be positive, we will conduct a randomized "
                                                 "trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Based on these results, we propose to conduct a randomised trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will then propose to conduct a larger randomised trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will conduct a definitive randomised trial if this study shows "
                                                 "benefit.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Smith et al. conducted a randomized trial. We will conduct a "
                                                 "single-arm study.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "We will collect samples from patients from a randomised controlled "
                                                 "trial of drug X.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "We will conduct an observational study nested in a randomized controlled "
                                            "trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "We will conduct a cohort study of patients from a randomized controlled "
                                            "trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This study will interview participants of a randomized controlled trial "
                                            "of drug X.")),
    # The order of what each participant goes through, outside a crossover model.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Treatment order is randomized within blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Treatments are randomized within participants.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "The stimuli are randomized within blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Conditions will be randomized within blocks of trials.")),
    # Outcomes assessed blind in a single group or an unrandomized study: nobody is masked to an intervention assigned
    # to them (the assessor is blind to the time point, the population or the patient), so masking NONE stands.
    (PARTY_RULE, SINGLE_GROUP_OPEN, ("detail", "In this study, outcomes will be assessed in a double-blind manner.")),
    (PARTY_RULE, NON_RANDOMIZED_OPEN, ("detail", "In this study, outcomes will be assessed in a double-blind "
                                                 "manner.")),
    (PARTY_RULE, SINGLE_GROUP_OPEN, ("detail", "Outcome assessors will be blinded to the time point of each "
                                               "photograph.")),
    (PARTY_RULE, NON_RANDOMIZED_OPEN, ("detail", "Outcome assessors will be blinded to group allocation.")),
    (BLINDED_RULE, SINGLE_GROUP_OPEN, ("detail", "In this study, photographs will be rated in a double-blind "
                                                 "fashion.")),
    (BLINDED_RULE, NON_RANDOMIZED_OPEN, ("detail", "In this study, outcomes will be assessed in a double-blind "
                                                   "manner.")),
]
HELD_FIRING = [
    # Treatments or participants randomized within blocks: block randomization, an allocation. A treatment's order
    # drawn for each participant is a crossover's allocation, which a single group's N/A does not describe.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Treatments are randomized within blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Treatments will be randomized within blocks of 4 "
                                                           "stratified by site.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Treatment assignments are randomized within blocks of "
                                                           "4.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Participants are randomized within blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Each participant receives all four treatments; "
                                                           "treatments are randomized within blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Subjects are randomized to A or B within blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Randomisation will be done within blocks of variable size.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Patients will be randomised in permuted blocks of 4 and "
                                                            "6.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Trial types are randomized within blocks; participants "
                                                           "are randomized to drug X or placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Patients of the randomized trial will receive drug X.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Participants of this randomized trial will receive drug X.")),
    # A blinded design in a single group or an unrandomized study; outcomes assessed blind in a randomized one.
    (BLINDED_RULE, SINGLE_GROUP_OPEN, ("summary", "This is a single-group, double-blind study.")),
    (BLINDED_RULE, NON_RANDOMIZED_OPEN, ("summary", "This non-randomized study is double-blind.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcomes will be assessed in a double-blind manner.")),
]

CASES = [(*case, False) for case in FIXED_QUIET + HELD_QUIET] + [(*case, True) for case in FIXED_FIRING + HELD_FIRING]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    """The design rules' findings of each study: one warehouse holding every case, each rule evaluated once."""
    return harness.design_rule_findings(tmp_path_factory.mktemp("design_texts"), _IDS, {case[0] for case in CASES})


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_design_is_flagged_only_where_the_record_says_otherwise_of_this_study(found, nct_id):
    rule, design, texts, fires = _IDS[nct_id]
    assert any(r == rule for r, _, _ in found.get(nct_id, [])) is fires, (design, texts, found.get(nct_id))
