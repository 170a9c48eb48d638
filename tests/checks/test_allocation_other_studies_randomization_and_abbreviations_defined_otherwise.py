"""contradictions.allocation_text_randomized on "RCT" that the study's texts define as other words ("ABT-335 (Choline
Fenofibrate)Reverse Cholesterol Transport (RCT) Study", NCT00673881), on the randomization of the study done before
this one ("The subjects were randomized in the primary vaccination study 217744/097", NCT00322335; "In Serono Study
24380, the antecedent protocol to Study 25373, patients were randomly assigned", NCT01077960), and on an extension's arm
randomized in the parent study to one group and treated as another ("Subject was randomized in group B13_15_27 but
treated as group B12_M13", NCT01139021). Each beside the wordings of this study's own randomization, which still
contradict the allocation.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import RANDOMIZED_RULE

NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED", "intervention_model": "PARALLEL"}

# NCT00322335's detailed description.
_PRIMARY_STUDY_RECORD = (
    "This multicenter study is open. No vaccine will be administered during this persistence phase of the study. The "
    "subjects were randomized in the primary vaccination study 217744/097 (DTPa-HBV-IPV-097) and will not be further "
    "randomized in this study.")
# NCT01077960's brief summary.
_ANTECEDENT_RECORD = (
    "In Serono Study 24380, the antecedent protocol to Study 25373, patients were randomly assigned in a 3.0-to-1.0 "
    "ratio to Groups A and B. All patients in Group A received recombinant human growth hormone (Serostim) 4 mg daily "
    "for the first 12 weeks, and then were re-randomized to receive either placebo or Serostim 2 mg on alternate "
    "days.")

# (rule, design, (field, text) or a list of them, fires)
CASES = [
    # "RCT" defined by the words before it as something else: quiet.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("official_title", "ABT-335 (Choline Fenofibrate)Reverse Cholesterol Transport "
                                                         "(RCT) Study"), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("official_title", "Effect of Exercise on Reverse Cholesterol Transport (RCT) in "
                                                        "Obese Adults"), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, Rapid Cycle Testing (RCT) of the device is done in "
                                                "each participant."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "This trial assesses the effects of ABT-335 on RCT as measured by "
                                                  "cholesterol efflux. Parameters of RCT (reverse cholesterol "
                                                  "transport) are read."), False),
    # "RCT" of this study's design: fires.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("official_title", "Choline Fenofibrate in Dyslipidemia: an RCT"), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "This RCT will compare drug X with placebo."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "This randomized controlled trial (RCT) will compare drug X with "
                                                "placebo."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "This RCT (randomised clinical trial) will compare drug X with "
                                                "placebo."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("official_title", "Reverse Cholesterol Transport With Fenofibrate: a "
                                                        "Multicentre RCT"), True),
    # The randomization of the study done before this one: quiet.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", _PRIMARY_STUDY_RECORD), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "Subjects were randomized in the parent study ABC-301."), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", _ANTECEDENT_RECORD), False),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "In Study XY-12, the parent study of this extension, patients were "
                                                 "randomized to drug X or placebo."), False),
    # In an extension, an arm's group at randomization in the parent study and the group it was treated as: quiet.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", "Long-term Extension Study of Vaccine X in Children"),
                                       ("arm_description", "Subject was randomized in group B13_15_27 but treated as "
                                                           "group B12_M13.")], False),
    # The same words outside an extension are this study's: fires.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", "A Study of Vaccine X in Children"),
                                       ("arm_description", "Subject was randomized in group B13_15_27 but treated as "
                                                           "group B12_M13.")], True),
    # This study's own randomization: fires.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "In this study, patients will be randomized to drug X or placebo."),
     True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "Subjects were randomized in this study to drug X or placebo."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "In Study 25373, patients are randomly assigned to drug X or "
                                                 "placebo."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Patients will be randomized in the core phase of this study to "
                                                 "drug X or placebo."), True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Patients receive drug X for 12 weeks and then are re-randomized to "
                                                 "drug X or placebo."), True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("other_studies_randomization"), _IDS,
                                        harness.design_or_arms_study)


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_another_studys_randomization_and_an_abbreviation_defined_otherwise(flagged, nct_id):
    rule, _design, text, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, text
