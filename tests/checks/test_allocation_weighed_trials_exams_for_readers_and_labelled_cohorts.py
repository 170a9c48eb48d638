"""contradictions.allocation_text_randomized (and allocation_text_not_randomized, which reads the same words) on a
randomized trial the text weighs as possible ("A randomized trial may be feasible if a pragmatic design is adopted",
NCT01194648), on exams allotted at random to the readers who read them ("The exams will be assigned randomly to
readers using the Biostatistician Office random assignment services", NCT03128268), and on a non-randomized study
whose randomized cohort is described in an item its label opens ("Cohort B (rosiglitazone): This is a randomized,
open-label, two-period crossover study design", NCT01415128). Each beside the wordings of this study's own
randomization, which still contradict the allocation.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import NOT_RANDOMIZED_RULE, RANDOMIZED_RULE

NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED", "intervention_model": "PARALLEL"}
ALLOCATED = {"allocation": "RANDOMIZED"}

# NCT01194648's detailed description, the sentences around its weighed trial.
_WEIGHED_RECORD = (
    "It has been acknowledged by the Food and Drug Agency in the USA that comparative randomized trials will be "
    "problematic in this area due to lack of physician and patient equipoise. A randomized trial may be feasible if a "
    "pragmatic design is adopted but prior to acceptance of such a design, the number of centres with expertise in "
    "this complex intervention will need to be increased.")
# NCT03128268's detailed description.
_READERS_RECORD = ("The 2D and 4D images will be interpreted by readers blinded to the results of the alternate "
                   "modality. The exams will be assigned randomly to readers using the Biostatistician Office random "
                   "assignment services.")
# NCT01415128's detailed description: three cohorts, one non-randomized, two randomized crossovers.
_COHORTS_RECORD = (
    "There will be three cohorts in this Phase I, single-center, open-label, crossover study:\n\n"
    "Cohort A (omeprazole): This is a open-label, non-randomized, one-sequence crossover study design, in which 20 "
    "healthy male subjects will be enrolled.\n\n"
    "Cohort B (rosiglitazone): This is a randomized, open-label, two-period crossover study design, in which 20 male "
    "subjects will be randomized to receive the following treatments:\n\n* Treatment A: a single oral dose of 8 mg "
    "rosiglitazone\n\n"
    "Cohort C (desipramine): This is a randomized, open-label, two-period, crossover study design, in which 20 "
    "subjects will be randomized to receive the following treatments:\n\n* Treatment A: a single oral dose of 50 mg "
    "desipramine")

# (rule, design, (field, text), fires)
CASES = [
    # A randomized trial weighed as possible or needed: quiet.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", _WEIGHED_RECORD), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "A randomized trial may be feasible if a pragmatic design is "
                                                "adopted."), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, a randomised, sham-controlled design might be "
                                                "possible in a later phase."), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, randomisation may be feasible once the device is "
                                                "approved."), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "A future randomized controlled trial may be warranted if this "
                                                "study is positive."), False),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "In this study, patients are allocated 1:1 by sealed envelopes. A "
                                                "non-randomized trial may be needed in rare tumours."), False),
    # This study's randomization, said with a modal or feasibility: fires.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "This randomized trial is feasible in 60 patients."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "A randomized trial may enrol up to 60 patients at three sites."),
     True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, patients will be randomized; randomization may be "
                                                "stratified by site."), True),
    # Exams, images or readings allotted at random to their readers: quiet.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", _READERS_RECORD), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "The exams will be assigned randomly to readers using the "
                                                           "Biostatistician Office random assignment services."),
     False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, the exams will be randomly assigned to two "
                                                "readers."), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, images are distributed among the three "
                                                "radiologists by a random allocation list."), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, random assignment of the exams to readers is done "
                                                "by the statistician."), False),
    # Participants allocated, beside readers, or people with exams: fires.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, the scans are sent to two readers and patients are "
                                                "randomized to contrast or no contrast."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, patients will be randomly assigned to 2D or 4D "
                                                "imaging by the random assignment service; the exams are read by "
                                                "two readers."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, patients with abnormal exams will be randomized to "
                                                "drug X or observation."), True),
    # A non-randomized study whose randomized cohort is described in an item its label opens: quiet.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", _COHORTS_RECORD), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Cohort B (rosiglitazone): This is a randomized, "
                                                            "open-label, two-period crossover study design."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Part 2 - participants are randomized 1:1 to drug X or "
                                                            "placebo."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Stage II: randomised comparison of the two doses."),
     False),
    # No one part labelled, or a single group, whose any randomization contradicts it: fires.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Cohorts: This is a randomized, open-label, two-period "
                                                            "crossover study design."), True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Step 1: patients are randomized 1:1 to drug X or "
                                                            "placebo."), True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "This is a randomized, open-label, two-period crossover "
                                                            "study design."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("model_description", "Cohort B (rosiglitazone): This is a randomized, "
                                                           "open-label, two-period crossover study design."), True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("weighed_trials_exams_for_readers"), _IDS,
                                        harness.design_or_arms_study)


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_weighed_trial_exams_for_readers_and_a_labelled_cohort(flagged, nct_id):
    rule, _design, text, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, text
