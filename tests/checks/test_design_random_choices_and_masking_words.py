"""The allocation, masking and arm-count rules on records written to fool them: a randomized study's text that
names another study or trials in general, sites, samples and stimuli chosen or shuffled at random, the order of
tasks randomized in a single group, "non-randomized" spelt in many ways, blinded outcome assessment or central
review in an open-label trial, double-dummy, "masked" in another sense, single-blind of the participant only, a
sham or placebo run-in, blinded laboratory staff, the registry's masking words against the text's, and arms counted
from cohorts, dose levels, sequences, periods and an extension's parent-study treatment.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text.
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.checks import harness
from tests.checks.harness import BLINDED_RULE, NOT_RANDOMIZED_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE

PARTY_RULE = "contradictions.masking_none_text_party_masked"
SINGLE_GROUP_RULE = "contradictions.single_group_several_arms"
ONE_ARM_RULE = "contradictions.multi_arm_model_one_arm"

# The design each case's study is given (the clean study is randomized, parallel and double-masked).
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
QUADRUPLE = {"masking": "QUADRUPLE", "subject_masked": True, "investigator_masked": True, "caregiver_masked": True,
             "outcomes_assessor_masked": True}
PARTICIPANT_ONLY = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": None}
ASSESSOR_ONLY = {"masking": "SINGLE", "subject_masked": None, "investigator_masked": None,
                 "outcomes_assessor_masked": True}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
ALLOCATED = {"allocation": "RANDOMIZED"}
# A design whose study lists arms of these titles (harness.arm_design).
arms = harness.arm_design
EXTENSION = "An Open-label Extension Study of Drug X in Participants Who Completed Study DX-301"


# (rule, design, (field, text) or [(field, text), ...]): cases a rule judged wrongly before, and must now not flag.
FIXED_QUIET = [
    # A randomized study that denies randomizing the order of what each participant goes through.
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "The order of the questionnaires in this study will not be "
                                                "randomized.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "In this study, the sequence of the tests is not randomised.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "In this study participants are not randomized to the order of the "
                                                "tasks.")),
    # Data, samples or places beside the randomized ones, and parts of the study in the plural.
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This study uses non-randomized samples from the biobank.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This study compares outcomes with non-randomized data from the "
                                                "national registry.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "In this study, non-randomized sites will serve as comparison "
                                                "sites.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "In this study, the dose-escalation cohorts are non-randomized.")),
    # Stimuli, items and samples shuffled, and a subset chosen at random: no allocation of participants.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, stimuli will be randomized across blocks.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, the stimuli are randomized within each session.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, the stimulation sites are randomized across "
                                                "sessions.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, the word lists are randomized between visits.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, the items of the questionnaire will be randomized "
                                                "for each participant.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In this study, randomization of samples across plates will minimize "
                                                "batch effects.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "In this study, a randomized subset of participants will be "
                                                 "interviewed.")),
    # A blinded run-in or lead-in before open-label treatment.
    (BLINDED_RULE, NO_MASKING, ("detail", "In this study, a single-blind placebo run-in of 2 weeks precedes "
                                          "open-label treatment with drug X.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "This open-label study uses a single-blind sham run-in.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "In this study, a 2-week single-blind placebo lead-in period precedes "
                                          "open-label drug X.")),
    # A placebo lead-in listed as an arm beside the single group.
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Placebo lead-in", "Drug X"]), ()),
]

# Cases the rules already judged right, which must stay quiet.
HELD_QUIET = [
    # allocation_text_not_randomized: a randomized study whose text denies randomization of something else.
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "Unlike earlier non-randomized studies, this trial allocates "
                                                 "participants by a central computer system.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Previous non-randomised studies have suggested a benefit of drug X.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Non-randomized patients will be followed in an observational "
                                                "registry.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "A non-randomised, open-label safety lead-in of six participants "
                                                "precedes the main part.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Clinics are the unit of allocation; patients are not individually "
                                                "randomized.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Outcomes will be compared with a nonrandomized historical control "
                                                "group.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Patients who are not randomized will be followed as a reference "
                                                "cohort.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Part 1 (dose escalation) is not randomized.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, [("summary", "Participants will be randomized 1:1 to drug X or placebo."),
                                      ("detail", "A non-randomized pharmacokinetic cohort is also enrolled.")]),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "We will randomize participants to drug X or usual care; a "
                                                "non-randomised comparison is not planned.")),
    # allocation_text_randomized: a study that allocates nobody at random.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Sites will be randomly selected from the national registry.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "A random sample of 200 charts will be reviewed.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Unlike randomized controlled trials, this single-arm study enrols "
                                                "every eligible patient.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Randomized controlled trials have shown that drug X reduces "
                                                "relapse.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will complete the three tasks in a randomized order.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "The order of the three tasks will be randomized for each "
                                                "participant.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Randomization of the order of stimuli will be done by computer.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Each subject will be assigned a randomization number via IWRS.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "In each patient, one eye will be randomized to laser and the fellow "
                                                "eye serves as control.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Images will be randomly divided into a training set and a "
                                                "validation set.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Pathology slides will be randomized and read by two blinded "
                                                "pathologists.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Patients who participated in a randomized study of drug X are "
                                                "eligible.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Patients previously randomized in the ABC-301 study will receive "
                                                "open-label drug X.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "Patients who refuse randomization will be followed in a preference "
                                                 "cohort.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "This is a partially randomized patient preference trial.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "A randomly selected subset of participants will undergo MRI.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "A randomized trial would be needed to confirm these findings.")),
    # masking_none_text_blinded: an open-label study whose text says blinded of something else.
    (BLINDED_RULE, NO_MASKING, ("detail", "Open-label with blinded central review of all scans.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "PROBE design: prospective, randomized, open, blinded end-point trial.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Patients with masked hypertension on ambulatory monitoring are "
                                          "eligible.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Laboratory staff will be blinded to the samples' origin.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Single-blind (data analyst only).")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Unlike double-blind trials, this open-label study reflects routine "
                                          "practice.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Previous double-blind trials of drug X showed a benefit.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "A double-blind trial would be needed to confirm these findings.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Oral immunotherapy will be given open label; allergy is confirmed by a "
                                          "double-blind, placebo-controlled food challenge.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Patients who completed the double-blind study ABC-301 are eligible.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Patients are masked with surgical face masks during the procedure.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "A double-blind design was not feasible because of the visible "
                                          "device.")),
    # masking_none_text_party_masked: a randomized open-label study whose text masks nobody the registry records.
    (PARTY_RULE, NO_MASKING, ("detail", "Laboratory personnel will be blinded to treatment allocation.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Samples will be analysed by blinded laboratory technicians.")),
    (PARTY_RULE, NO_MASKING, ("detail", "The statistician will be blinded to group allocation.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Radiologists blinded to clinical information will read the scans.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Participants are blinded to the study hypothesis.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors cannot be blinded because of the visible scar.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Blinded outcome assessment is not feasible in this setting.")),
    (PARTY_RULE, NO_MASKING, ("detail", "It will not be possible to blind the outcome assessors.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Masking of the fellow eye with a patch is used during visual acuity "
                                        "testing.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Patients with masked hypertension will be randomized to drug X or "
                                        "usual care.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Data will be analysed blinded to group allocation.")),
    (PARTY_RULE, NO_MASKING, ("masking_description", "Open label; outcome assessors are blinded.")),
    (PARTY_RULE, NO_MASKING, ("detail", "No attempt will be made to blind outcome assessors.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Blinded outcome assessment reduces bias in surgical trials.")),
    (PARTY_RULE, {**NO_MASKING, **NOT_ALLOCATED}, ("detail", "An independent assessor blinded to treatment "
                                                             "allocation will score the videos.")),
    # masking_set_text_open_label: a masked study whose open label is of another part, or fits who is masked.
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "The double-blind period is followed by an open-label extension.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "Open-label rescue medication is allowed.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "Previous open-label studies showed a benefit of drug X.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "Patients who completed the open-label study ABC-123 are eligible.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "After week 24, all participants receive open-label drug X.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "The study drug will be supplied in open-label bottles.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "All participants enter a 2-week open-label run-in.")),
    (OPEN_LABEL_RULE, ASSESSOR_ONLY, ("detail", "Open-label with blinded central review of all scans.")),
    (OPEN_LABEL_RULE, ASSESSOR_ONLY, ("detail", "This is an open-label trial with blinded outcome assessment.")),
    (OPEN_LABEL_RULE, ASSESSOR_ONLY, ("detail", "This is an open-label, assessor-blinded trial.")),
    (OPEN_LABEL_RULE, ASSESSOR_ONLY, ("masking_description", "Open label; the outcome assessor is masked.")),
    (OPEN_LABEL_RULE, PARTICIPANT_ONLY, ("detail", "The study is open label for the investigator; participants "
                                                   "are blinded.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "The study is not open-label.")),
    (OPEN_LABEL_RULE, QUADRUPLE, ("detail", "This is a double-blind, double-dummy trial.")),
]

# Cases the rules already judged right, which must still flag.
HELD_FIRING = [
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This is a non-randomized, open-label, single-arm study.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This is a nonrandomised controlled trial.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This is a non\u2010randomized study of drug X.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This NON-RANDOMIZED study compares two doses.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This is a quasi-randomized trial allocating by date of birth.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This study is not randomised.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "This non-randomized study of two centres compares drug X with usual "
                                                "care.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomized between visits 1 and 2 to drug X or "
                                                "placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomized within blocks of four to drug X or "
                                                "placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomized across the three sites to drug X or "
                                                "placebo.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "In this study, a single-blind placebo run-in is followed by a double-blind "
                                          "treatment period.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "This is a double-blind trial with a 2-week placebo run-in.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Participants will be randomly assigned to drug X or placebo.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "Eligible patients will be randomised 2:1 to drug X or placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "This randomized study compares drug X with drug Y.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "This is a double-blind, double-dummy trial of drug X.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "This is a randomized, double-masked study.")),
    (BLINDED_RULE, NO_MASKING, ("masking_description", "Single blind (participant).")),
    (BLINDED_RULE, NO_MASKING, ("detail", "This study is double-blind until week 12, then open-label.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Outcome assessors will be blinded to treatment allocation.")),
    (PARTY_RULE, NO_MASKING, ("detail", "This trial uses a PROBE design.")),
    (PARTY_RULE, NO_MASKING, ("detail", "The evaluating physician will be blinded to the type of anesthesia.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Histopathologists blinded to treatment allocation will score biopsies.")),
    (PARTY_RULE, NO_MASKING, ("detail", "Responses are assessed by blinded independent central review.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This is an open-label, single-arm study.")),
    (OPEN_LABEL_RULE, QUADRUPLE, ("masking_description", "None (Open Label)")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This is an open-label study of masked hypertension.")),
    (OPEN_LABEL_RULE, PARTICIPANT_ONLY, ("detail", "This randomized trial is open label.")),
    (ONE_ARM_RULE, arms("PARALLEL", ["Drug X"], "RANDOMIZED"), ()),
    (ONE_ARM_RULE, arms("FACTORIAL", ["Drug X and Y"], "RANDOMIZED"), ()),
    (ONE_ARM_RULE, arms("CROSSOVER", ["Drug X then placebo"], "RANDOMIZED"), ()),
    (ONE_ARM_RULE, arms("PARALLEL", ["Drug X", "drug  x."], "RANDOMIZED"), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Cohort 1: 10 mg", "Cohort 2: 20 mg"]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Sequence AB", "Sequence BA"]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "Placebo"], "RANDOMIZED"), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Part A: dose escalation", "Part B: dose expansion"],
                             posted=date(2012, 5, 1)), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Placebo / Drug X", "Drug X / Drug X"], title=EXTENSION), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Safety lead-in", "Expansion"]), ()),
]

HELD_QUIET += [
    (ONE_ARM_RULE, arms("PARALLEL", ["Drug X 10 mg", "Drug X 20 mg"], "RANDOMIZED"), ()),
    (ONE_ARM_RULE, arms("PARALLEL", ["Drug X", "Historical control"], "NON_RANDOMIZED"), ()),
    (ONE_ARM_RULE, arms("SEQUENTIAL", ["Drug X"]), ()),
    (ONE_ARM_RULE, arms("SINGLE_GROUP", ["Drug X"]), ()),
    (ONE_ARM_RULE, arms("PARALLEL", ["Group 1", "Group 1:"], "RANDOMIZED"), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "Drug X "]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "Drug X:"]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "Historical control"]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "Screen failures"]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "All participants"]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Sham run-in", "Active stimulation"]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Single-blind placebo lead-in period", "Drug X"]), ()),
    (SINGLE_GROUP_RULE, arms("SEQUENTIAL", ["Cohort 1: 10 mg", "Cohort 2: 20 mg"]), ()),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X"]), ()),
]

# Cases a rule judged wrongly before, and must now flag.
FIXED_FIRING = [
    # An echocardiographer (as a sonographer) is someone the registry's masking records.
    (PARTY_RULE, NO_MASKING, ("detail", "In this study, echocardiographers will be blinded to treatment allocation.")),
]

CASES = [(*case, False) for case in FIXED_QUIET + HELD_QUIET] + [(*case, True) for case in FIXED_FIRING + HELD_FIRING]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("design_random"), _IDS, harness.design_or_arms_study)


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_design_is_flagged_only_where_the_record_contradicts_itself(flagged, nct_id):
    rule, design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, (design, texts)
