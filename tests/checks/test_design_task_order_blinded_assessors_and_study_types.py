"""The design rules and the study-type rules, on records written to fool them: the order of tasks, tests or
questionnaires drawn at random in a single group against a crossover's randomized sequence, randomization within blocks
of an experiment's trials against participants' block randomization, outcomes assessed double-blind in an open-label
trial (a masked party, named as the outcome assessor), an open-label trial whose only blinded people are the
laboratory's or the statistician, "The study is not randomised" in a summary, and an interventional or observational
record's text that names a nested, companion or later observational study, a registry, a follow-up of a trial, expanded
access or trials in general.

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
CROSSOVER_NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "CROSSOVER"}
INTERVENTIONAL = {}
OBSERVATIONAL = OBSERVATIONAL_DESIGN

# (rule, design, (field, text) or [(field, text), ...]): cases a rule flagged before, and must now not flag.
FIXED_QUIET = [
    # The order of what each participant does in a visit, drawn at random outside a crossover model: no allocation.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomly assigned to one of six task orders.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomly assigned to one of 4 counterbalanced "
                                                "orders of the tests.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomly assigned to the order in which they "
                                                "complete the questionnaires.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Each participant will be randomized to one of two stimulus "
                                                "orders.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "Participants will be randomized to one of four task sequences.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Conditions will be randomized within blocks of trials.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, the tasks are randomized within blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, the questionnaires will be randomized.")),
    # Outcomes assessed blind: a masked party, not a blinded design (masking_none_text_party_masked names it).
    (BLINDED_RULE, NO_MASKING, ("detail", "Outcomes will be assessed in a double-blind manner.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "This is an open-label trial with double-blind assessment of the primary "
                                          "endpoint.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "In this study, radiographs will be scored in a single-blind fashion.")),
    (BLINDED_RULE, SINGLE_GROUP_OPEN, ("detail", "In this study, outcomes will be assessed in a double-blind "
                                                 "manner.")),
    # Another observational study: nested beside the trial, one it is compared with, one that follows it.
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "A nested observational cohort study will follow patients who "
                                                    "decline randomization.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "The data will be compared with those of an observational study "
                                                    "conducted in 2015.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "This trial will be followed by a long-term observational "
                                                    "study.")),
]
# Cases a rule did not flag before, and must now flag.
FIXED_FIRING = [
    # "The study is ..." in a summary speaks of this study, as "This study is ..." does.
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "The study is not randomised.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "The trial will not be randomized.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "The study is non-randomised.")),
    # Outcomes assessed blind in a randomized study registered as NONE: the outcome assessor is masked.
    (PARTY_RULE, NO_MASKING, ("detail", "Outcomes will be assessed in a double-blind manner.")),
    (PARTY_RULE, NO_MASKING, ("detail", "This is an open-label trial with double-blind assessment of the primary "
                                        "endpoint.")),
    (PARTY_RULE, NO_MASKING, ("detail", "In this study, radiographs will be scored in a single-blind fashion.")),
    # A blinded run-in is no blinded design: the masked assessor is still named.
    (PARTY_RULE, NO_MASKING, ("detail", "This study has a single-blind placebo run-in. Outcome assessors will be "
                                        "blinded to treatment allocation.")),
    # Open label while only people the registry's masking does not record are blinded: the masking set is wrong.
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This is an open-label trial. Laboratory staff will be blinded to treatment "
                                         "allocation.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This is an open-label study; the statistician will remain blinded until "
                                         "database lock.")),
    (OPEN_LABEL_RULE, DOUBLE, ("masking_description", "Open label. Only the laboratory is blinded.")),
]
# Cases the rules judged right before, kept: their quiet neighbours.
HELD_QUIET = [
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "A previous trial of drug X was conducted in 2010. The study was not "
                                                 "randomised.")),
    (PARTY_RULE, NON_RANDOMIZED_OPEN, ("detail", "In this study, outcomes will be assessed in a double-blind manner.")),
    (PARTY_RULE, SINGLE_GROUP_OPEN, ("detail", "In this study, outcomes will be assessed in a double-blind manner.")),
    (PARTY_RULE, NO_MASKING, ("detail", "In this study, outcomes will be assessed in a double-blind manner in the "
                                        "sub-study.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Laboratory staff will be blinded to treatment allocation.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Participants will be randomized in a double-blind manner.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "Laboratory staff will be blinded to treatment allocation.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This is an open-label study; patients and laboratory staff are blinded.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This is an open-label study; the investigators and the sponsor are "
                                         "blinded.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This is an open-label study. Participants will be blinded to treatment "
                                         "allocation.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This is an observational cohort of the trial's screen "
                                                     "failures.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "The nested observational study will enrol patients who decline "
                                                    "randomization.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Participants who are not eligible will be followed in a nested "
                                                    "observational cohort study.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("official_title", "Long-term Follow-up Study of Participants Previously "
                                                            "Treated With Gene Therapy X")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This observational registry collects data on patients treated "
                                                     "with drug X.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "Expanded access to drug X will be provided. This is a "
                                                     "non-interventional program.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This pragmatic trial compares two strategies; it is embedded in "
                                                     "routine care, not an observational study.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This natural history study will follow patients with SMA.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "After the treatment period, participants enter a 12-month "
                                                    "observation period.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "During the observational phase, no study drug is given.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "The study comprises a randomized interventional phase followed by "
                                                    "an observational follow-up study.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Previous observational studies have shown an association between "
                                                    "vitamin D and falls.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "In a recent observational study, drug X was associated with "
                                                    "fewer relapses.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Post-marketing surveillance will be observational.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Patients who decline will be enrolled in the observational study "
                                                    "arm.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Participants will be enrolled in the companion observational "
                                                    "study.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Unlike an observational study, this trial assigns participants to "
                                                    "treatment.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This observational study follows participants of a randomized controlled "
                                            "trial of drug X.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This is a long-term follow-up of participants previously enrolled in a "
                                            "randomized, placebo-controlled trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("official_title", "Long-term Follow-up of Participants From the Randomized Controlled "
                                                   "Trial ABC-301")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This registry collects data from patients treated in routine practice; "
                                            "unlike a randomized controlled trial, treatment is not assigned.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "Randomized controlled trials often exclude elderly patients.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This is a secondary analysis of data from a randomized controlled "
                                            "trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This study will inform the design of a future randomized controlled "
                                            "trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This is a natural history study in preparation for a randomized "
                                            "placebo-controlled trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This expanded access program provides drug X to patients who completed "
                                            "the double-blind trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This post-marketing observational study complements the randomized "
                                            "clinical trials of drug X.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This non-randomized observational study compares two cohorts.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "A random sample of 500 households will be surveyed.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "Radiologists blinded to the clinical data will read the scans.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This observational sub-study of the randomized ABC trial collects "
                                            "samples.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "The parent study was a randomized, double-blind, placebo-controlled "
                                            "trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "Masked hypertension will be assessed by ambulatory monitoring.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This case-controlled study compares cases and controls.")),
]
HELD_FIRING = [
    # A crossover's order, and a sequence or order of treatments in any model, is an allocation.
    (RANDOMIZED_RULE, CROSSOVER_NOT_ALLOCATED, ("detail", "Participants will be randomly assigned to one of six task "
                                                          "orders.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomly assigned to one of two treatment "
                                                "orders.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomized to one of two treatment sequences (AB "
                                                "or BA).")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be allocated using block randomization.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "Patients will be randomized within blocks of 4.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants whose tests are positive will be randomized to drug X or "
                                                "placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, treatment sessions will be randomized.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "This study is not randomised.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Participants will be randomized in a double-blind manner.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Drug X and placebo will be given in a double-blind manner and outcomes "
                                          "assessed at week 12.")),
    (BLINDED_RULE, NO_MASKING, ("official_title", "A Double-blind Assessment of the Efficacy of Drug X in Asthma")),
    (BLINDED_RULE, NO_MASKING, ("detail", "This is a double-blind, randomized trial with blinded outcome "
                                          "assessment.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors will be blinded.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This is an open-label study.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This is a nested observational cohort study within the ABC "
                                                     "trial.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This study is a 2-year observational extension of study "
                                                     "ABC-301.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This is a post-marketing, observational study of drug X.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This non-interventional study collects data on patients "
                                                     "prescribed drug X.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("official_title", "A Non-interventional, Post-authorisation Safety Study of "
                                                            "Drug X")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "The study is an observational cohort study.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This is a randomized, double-blind, placebo-controlled trial.")),
    (TRIAL_RULE, OBSERVATIONAL, ("summary", "This is a prospective, randomized study of two surveillance "
                                            "schedules.")),
]

CASES = [(*case, False) for case in FIXED_QUIET + HELD_QUIET] + [(*case, True) for case in FIXED_FIRING + HELD_FIRING]
_IDS = harness.numbered_cases(CASES)
# Texts whose findings' severity and message are pinned: (rule, design, text, severity, words the message holds).
MESSAGES = [
    (PARTY_RULE, NO_MASKING, ("detail", "Outcomes will be assessed in a double-blind manner."), "warning",
     "says 'assessed in a double-blind manner': the outcome assessor is masked to the assigned intervention"),
    (PARTY_RULE, NO_MASKING, ("detail", "This is an open-label trial with double-blind assessment of the primary "
                                        "endpoint."), "warning",
     "says 'double-blind assessment': the outcome assessor is masked to the assigned intervention"),
]
_MESSAGE_IDS = {f"NCT09{n:06d}": case for n, case in enumerate(MESSAGES, start=1)}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str]]]:
    """(rule id, severity, message) of every design rule's findings, by study: one warehouse holding every case."""
    return harness.design_rule_findings(tmp_path_factory.mktemp("design_task_order"), {**_IDS, **_MESSAGE_IDS},
                                        {case[0] for case in CASES + MESSAGES})


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_design_or_type_is_flagged_only_where_the_record_contradicts_itself(found, nct_id):
    rule, design, texts, fires = _IDS[nct_id]
    assert any(r == rule for r, _, _ in found.get(nct_id, [])) is fires, (design, texts, found.get(nct_id))


@pytest.mark.parametrize("nct_id", list(_MESSAGE_IDS), ids=[c[2][1] for c in _MESSAGE_IDS.values()])
def test_outcomes_assessed_blind_name_the_outcome_assessor_as_a_warning(found, nct_id):
    rule, _, _, severity, words = _MESSAGE_IDS[nct_id]
    assert [(r, s) for r, s, _ in found.get(nct_id, [])] == [(rule, severity)]
    assert words in found[nct_id][0][2]
