"""A relative clause of people ("patients who showed a response", "subjects who have shown intolerance", "those who
demonstrated adherence") describes this study's participants, not a finding of another study: the sentence's design
claim counts. What a study, a drug or an author showed, or what someone showed "that", is still a reported finding,
and "Patients who showed a response in the earlier trial" still speaks of that trial.

Phrases through checks.study_context.other_study, and each design rule that reads it on one warehouse built once for
the module.
"""
from __future__ import annotations

import pytest

from checks.study_context import other_study
from tests.checks import harness
from tests.checks.harness import (
    DOUBLE_MASKED, NON_RANDOMIZED, NOT_RANDOMIZED_RULE, OBSERVATIONAL_DESIGN, OBSERVATIONAL_RULE, OPEN_LABEL_RULE,
    RANDOMIZED, RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, TRIAL_RULE,
)

PARTY_RULE = "contradictions.masking_none_text_party_masked"
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
INTERVENTIONAL = {"allocation": "NA", "intervention_model": "SINGLE_GROUP", **NO_MASKING}

# (sentence, the OTHER_STUDY entry that marks it, or None: about this study)
SENTENCES = [
    ("The ABC-123 trial is an open-label study in patients who showed a response.", None),
    ("Participants who showed a partial response continue on drug X.", None),
    ("Subjects who have shown intolerance to drug Y are excluded.", None),
    ("Those who demonstrated adherence during run-in are randomized.", None),
    ("Patients with MDD who have demonstrated a response to drug X may enrol.", None),
    ("Children who had shown no response to drug Y will receive drug X.", None),
    ("Patients who were reported to tolerate drug X are eligible.", None),
    ("A previous study showed that drug X reduces pain.", "reported finding"),
    ("Drug X showed efficacy in a randomized study.", "reported finding"),
    ("Drug X has been shown to reduce flares.", "reported finding"),
    ("Smith et al. showed a benefit of drug X.", "citation"),
    ("Smith, who showed that drug X works, leads the sites.", "reported finding"),
    ("Investigators who have shown that drug X works will lead the sites.", "reported finding"),
    ("Patients who showed a response in the earlier trial continue on drug X.", "parent study"),
    ("Patients who showed a response to drug X in a trial that showed benefit may enrol.", "reported finding"),
]


@pytest.mark.parametrize("sentence, entry", SENTENCES, ids=[s for s, _ in SENTENCES])
def test_people_who_showed_are_this_studys_participants(sentence, entry):
    assert other_study(sentence) == entry


# (rule, design, (field, text), fires)
CASES = [
    # Design claims beside people who showed something: this study's.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("summary", "The ABC-123 trial is an open-label study in patients who showed a "
                                                 "response."), True),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("detail", "This open-label study enrols participants who showed a partial "
                                                "response to drug Y."), True),
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, ("detail", "Subjects who have shown intolerance to drug Y will be "
                                                             "randomized to drug X or placebo."), True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "In this study, those who demonstrated adherence during run-in are "
                                                 "randomized to two doses."), True),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("detail", "This is a non-randomized study of patients who showed a response "
                                                 "to drug Y."), True),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "This observational study follows patients who showed a response "
                                                    "to drug Y."), True),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("detail", "This randomized, placebo-controlled trial enrols patients who have "
                                                  "shown a response to drug Y."), True),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("detail", "Patients who showed a response to drug Y will be enrolled in a "
                                                 "non-randomized fashion."), True),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Patients who showed a response to drug Y will be observed in a "
                                                    "non-interventional design."), True),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("detail", "A double-blind, placebo-controlled trial of drug X in patients who "
                                                  "have shown a response to drug Y."), True),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors blinded to group allocation will rate patients who "
                                        "showed a response."), True),
    # Design claims of another study: quiet.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("detail", "A previous study showed that open-label drug X was safe."), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("detail", "Smith et al. showed a benefit of drug X in an open-label study."),
     False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("detail", "Drug X showed benefit in an open-label study."), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("detail", "Patients who showed a response in the earlier open-label trial "
                                                "continue on drug X."), False),
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, ("detail", "Drug X demonstrated benefit in a randomized trial."),
     False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("detail", "Investigators who have shown that non-randomized dosing is safe "
                                                 "will lead the sites."), False),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("people_who_showed"), _IDS,
                                        harness.design_or_arms_study)


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_design_claim_beside_people_who_showed_is_read(flagged, nct_id):
    rule, design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, (design, texts)
