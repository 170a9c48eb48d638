"""The design rules on texts that name a randomization or a masking that is not the study's: one of an experiment's
trials given at random in a single group ("one trial of forward belt movement will be randomly assigned"), a trial
reported that randomized ("A more recent study from the EORTC randomized patients ..."), and people kept blind of the
study's objectives or hypothesis rather than of the assigned intervention; beside the neighbours that must still fire.

Every case is one study of one warehouse, built once for the module; the design rules are evaluated once over them all.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import NON_RANDOMIZED, NO_MASKING, RANDOMIZED_RULE

PARTY_RULE = "contradictions.masking_none_text_party_masked"
NOT_ALLOCATED = harness.SINGLE_GROUP_NOT_ALLOCATED

# (rule, design, (field, text)): cases a rule flagged before, and must now not flag.
FIXED_QUIET = [
    # One of an experiment's trials or perturbations given at random: what each participant goes through.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "To minimize the anticipation effect, one trial of forward belt "
                                                "movement will be randomly assigned (0.2m/s). All participants will "
                                                "be exposed to all testing conditions.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In each session, a single trial with a sudden stop will be "
                                                "randomized.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "The perturbations will be randomized over the walking session.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "The repetitions will be randomized.")),
    # A trial reported, whose subject says who ran it or when: another trial's randomization.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "A more recent study from the EORTC randomized patients who underwent "
                                                 "gross total resection to adjuvant WBRT versus observation.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "A trial by the NSABP randomly assigned 2,000 women to lumpectomy or "
                                                 "mastectomy.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "A large multicentre trial conducted by the Nordic group randomized "
                                                 "400 patients to early or delayed surgery.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "A recent trial randomised 120 patients to radiotherapy or "
                                                "surveillance.")),
    # Kept blind of the study's objectives, aims or hypothesis: not masking to the assigned intervention.
    (PARTY_RULE, NO_MASKING, ("summary", "This study is a randomized controlled trial comparing three parallel groups "
                                         "where therapists and assessors will be kept blind of study objectives.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors will be blinded regarding the study hypothesis.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Participants will be blinded about the purpose of the study.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Evaluators will be masked of the study's aims.")),
]
# Cases a rule did not flag before, and must now flag.
FIXED_FIRING = [
    # Blinded as to which of two things each participant was given: the assigned intervention.
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors will be blinded as to whether saline or povidone-iodine "
                                        "was used.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Participants will be masked as to whether they receive active or sham "
                                        "stimulation.")),
]
# Cases the rules judged right before, kept.
HELD_QUIET = [
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Six practice trials at each speed are randomized.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Two catch trials of backward belt movement are randomly assigned in "
                                                "each block.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "The order of the trials will be randomized.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "A randomized study conducted by Chang et al of SRS versus SRS plus "
                                                 "WBRT found that WBRT worsened memory.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors will be blinded to the study hypothesis.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Assessors will remain unaware of the study aims.")),
]
HELD_FIRING = [
    # The study's own randomization: the study or its participants are randomized, not an experiment's trial.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will complete six trials and will be randomly assigned "
                                                "to drug X or placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Patients who failed one trial of an antidepressant will be randomized "
                                                "to drug X or placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "After one practice trial, participants will be randomly assigned to "
                                                "drug X or placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants in the walking trial will be randomized to drug X or "
                                                "placebo.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "This study randomized 60 patients to drug X or placebo.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "A pilot study randomized 30 patients to drug X or placebo.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "This study, conducted by the EORTC, randomized 300 patients to drug "
                                                 "X or placebo.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "In this study, patients from the participating centres were "
                                                 "randomized to drug X or placebo.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "In this study, a trial by the sponsor randomized patients to drug X "
                                                 "or placebo.")),
    (PARTY_RULE, NO_MASKING, ("summary", "This study is a randomized controlled trial where therapists and assessors "
                                         "will be kept blind.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors will be kept blind of the treatment allocation.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Assessors will be blinded of group assignment.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors will be kept blind of whether drug X or placebo was "
                                        "given.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Assessors will be kept blind of study objectives and of treatment "
                                        "allocation.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors will be blinded to the study hypothesis and group "
                                        "allocation.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Participants will be blinded regarding which group they are in.")),
]

CASES = [(*case, False) for case in FIXED_QUIET + HELD_QUIET] + [(*case, True) for case in FIXED_FIRING + HELD_FIRING]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str]]]:
    """(rule id, severity, message) of every design rule's findings, by study: one warehouse holding every case."""
    return harness.design_rule_findings(tmp_path_factory.mktemp("design_repetitions"), _IDS,
                                        {case[0] for case in CASES})


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_randomization_or_masking_not_of_the_studys_assignment_is_no_contradiction(found, nct_id):
    harness.design_case_found(found, nct_id, _IDS[nct_id])
