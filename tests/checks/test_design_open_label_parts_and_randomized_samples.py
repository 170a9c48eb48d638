"""The design-vs-text and arm-count rules on these shapes of records: a group or part named a word or two after "open
label" in a masked study ("an open-label safety cohort", "an open-label active reference arm") and a trial's phase after
it ("An Open-label Phase 2 Study"); samples, slides and images randomized before they are read, and randomization that
people decline; a cluster trial's "not individually randomized", a part of the study said to be non-randomized and the
people not randomized beside those who are; an extension's arm that names the double-blind treatment given in the parent
study beside the open-label one given now; arm titles that differ only by white space or a final full stop; a trial
named in capitalised words and an acronym ("the Randomised Evaluation of COVID-19 Therapy (RECOVERY) trial"); a design
considered and rejected; open label in a later, named period. Around them, texts as records word them that the rules
already judged right.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import (
    BLINDED_RULE, NOT_RANDOMIZED_RULE, OBSERVATIONAL_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, TRIAL_RULE,
)

SINGLE_GROUP_RULE = "contradictions.single_group_several_arms"
ONE_ARM_RULE = "contradictions.multi_arm_model_one_arm"

# The design each case's study is given.
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
PARTICIPANT_ONLY = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": None}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
ALLOCATED = {"allocation": "RANDOMIZED"}
INTERVENTIONAL = {}
OBSERVATIONAL_STUDY = harness.OBSERVATIONAL_DESIGN

# The titles of an extension, whose arms name the parent study's double-blind treatment.
# A design whose study lists arms of these titles (harness.arm_design).
arms = harness.arm_design
EXTENSION = "An Open-label Extension Study of Drug X in Participants Who Completed Study DX-301"
NBSP = "\u00a0"


# (rule, design, (field, text) or [(field, text), ...]): cases a rule judged wrongly before, and must now not flag.
FIXED_QUIET = [
    # A group or part named a word or two after "open label": beside the masked comparison.
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "This is an open-label multicentre extension of study DX-301.")),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Additional patients will be enrolled in an open-label safety cohort.")),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Participants are randomized to drug X 10 mg or drug X 20 mg, with an "
                                          "open-label active reference arm of drug Y.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "An open-label pharmacokinetic sub-study will be conducted at selected "
                                         "sites.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "Japanese participants will be enrolled in an open-label, single-arm cohort "
                                         "to assess safety.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "An open-label, non-randomized pediatric cohort will receive drug X at the "
                                         "adult dose.")),
    # Samples, slides and images randomized before they are read; randomization declined.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Plasma samples will be assayed in randomized blocks to avoid batch "
                                                "effects.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Pathology slides will be randomized and read by two pathologists.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Samples will be tested in a randomized, blinded order by the central "
                                                "laboratory.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Patient samples will be randomized to assay plates.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "Patients who refuse randomization will be followed in a "
                                                  "non-randomized preference cohort.")),
    # A cluster trial's individuals, a part of the study, and the people not randomized beside those who are.
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "Patients are not individually randomized; the clinics are allocated "
                                                 "by coin toss.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "This is a cluster trial; participants are not randomized at the "
                                                 "individual level.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "Participants are not randomized individually but by household.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "No randomization of individuals will be done; the wards are the unit "
                                                 "of allocation.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("model_description", "Cluster design; no individual randomization.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "The safety run-in is non-randomized; thereafter participants are "
                                                "assigned by IWRS.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Non-randomized patients (those who refuse) will be followed as a "
                                                "registry cohort.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "Participants who are not randomized will be followed as a reference "
                                                 "cohort.")),
    # A trial named in capitalised words and an acronym, which "Randomised" opens.
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "This single-arm substudy of the Randomised Evaluation of COVID-19 "
                                                 "Therapy (RECOVERY) trial will assess drug X.")),
    # A design considered and rejected; open label in a later period.
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "The observational study design was rejected; this is a "
                                                    "randomized trial.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "A Phase 4, open-label, observational study design was "
                                                     "considered but not adopted.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "Drug X will be given open-label to all participants in the follow-up "
                                         "period.")),
    # An extension's arm naming the parent study's double-blind treatment and the open-label one given now.
    (BLINDED_RULE, NO_MASKING, [("official_title", EXTENSION),
                                ("arm_title", "Double-blind Placebo / Open-label Drug X")]),
    # The same arm listed twice, its titles differing in white space or a final full stop.
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "Drug X."]), None),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X 10 mg", "Drug  X 10 mg"]), None),
]

# Cases a rule judged wrongly before, and must now flag.
FIXED_FIRING = [
    # A trial's phase after "open label" is the study's, not an open-label phase of it.
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "An Open-label Phase 2 Study of Drug X in Adults With Asthma")),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "An Open-label, Phase 3, Randomized Study of Drug X Versus Drug Y")),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "Open Label Phase IIb Study of Drug X in Hepatitis C")),
    # Randomization considered and rejected is denied.
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Randomization was considered but rejected; this study allocates by "
                                                "site.")),
    # One arm, listed twice with a final full stop.
    (ONE_ARM_RULE, arms("PARALLEL", ["Drug X", "Drug X."], "RANDOMIZED"), None),
]

# Cases the rules already judged right, which must stay quiet.
HELD_QUIET = [
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X.", "Drug X. "]), None),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", f"Drug X{NBSP}"]), None),
    (BLINDED_RULE, NO_MASKING, [("official_title", EXTENSION), ("arm_description", "DB placebo - OLE drug X 10 mg")]),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Patients who decline to be randomized in the main trial can join "
                                                 "this registry arm.")),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The study also includes an open-label sentinel group of 6 participants.")),
    (BLINDED_RULE, NO_MASKING, ("summary", "This open-label study follows the 12-week double-blind study "
                                           "(NCT01234567).")),
    (BLINDED_RULE, NO_MASKING, ("summary", "In the prior double-blind study, drug X reduced relapses by 40%.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Eligible subjects must have completed Study 1234 (a randomized, "
                                          "double-blind, placebo-controlled trial).")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Participants who discontinued the double-blind treatment in the parent "
                                          "study are not eligible.")),
    (BLINDED_RULE, NO_MASKING, ("detail", "Unlike the double-blind registration trials, this study gives drug X open "
                                          "label in routine practice.")),
    (BLINDED_RULE, NO_MASKING, ("arm_description", "Participants who received placebo in the double-blind period of "
                                                   "the core study")),
    (BLINDED_RULE, NO_MASKING, ("summary", "This pilot will provide the effect size needed to design a double-blind "
                                           "trial.")),
    (BLINDED_RULE, NO_MASKING, ("official_title", "Open-label Extension of the Double-blind Study CNTO1275ARA3001 of "
                                                  "Ustekinumab")),
    (BLINDED_RULE, NO_MASKING, ("detail", "A double-blind design was not feasible because the infusion causes visible "
                                          "flushing.")),
    (BLINDED_RULE, NO_MASKING, [("official_title", EXTENSION),
                                ("arm_description", "Participants randomized to placebo in the prior double-blind "
                                                    "study receive drug X.")]),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Participants completing week 52 may enter the open-label long-term "
                                          "extension study.")),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Part A (open-label) will establish the dose; Part B will compare drug X "
                                          "with placebo.")),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "Open-label dosing with the marketed product will be allowed as rescue.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Patients who were randomized to the control arm of the ABC-301 study "
                                                 "will be offered drug X.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "The treated tooth will be randomized by coin toss; the contralateral "
                                                "tooth serves as control.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Each participant receives both interventions; the order of the two "
                                                 "visits is randomized.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "This study was originally planned as a randomized trial but was "
                                                 "changed to a single-arm design.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "Part 1 (dose escalation) is not randomized. In Part 2, participants "
                                                 "are assigned 1:1 to drug X or placebo.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "Cohort B is non-randomized and enrolls patients with renal "
                                                 "impairment.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "A non-randomized comparison with a historical cohort is also "
                                                 "planned.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "Patients not eligible for randomization will be followed in a "
                                                     "parallel observational cohort study.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This interventional study is embedded in an observational cohort "
                                                     "study of older adults.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("official_title", "An Interventional and Observational Study of Vitamin D in "
                                                            "Pregnancy")),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, ("summary", "Secondary analysis of data from a double-blind, placebo-controlled "
                                                  "trial of drug X.")),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, ("summary", "This study emulates a hypothetical randomized controlled trial "
                                                  "using registry data.")),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, ("summary", "Participants of the double-blind ASPREE trial will be followed for "
                                                  "cognitive decline.")),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, ("summary", "Registry of pregnancies exposed to drug X during double-blind "
                                                  "clinical trials.")),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Treatment", "TREATMENT"]), None),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "Drug X", "Drug X"]), None),
    (ONE_ARM_RULE, arms("CROSSOVER", ["Drug X then Placebo", "Placebo then Drug X"], "RANDOMIZED"), None),
    (ONE_ARM_RULE, arms("SEQUENTIAL", ["Drug X"], "NON_RANDOMIZED"), None),
]

# Cases the rules already judged right, which must still flag.
HELD_FIRING = [
    (BLINDED_RULE, NO_MASKING, ("detail", "PROTOCOL OUTLINE: This is a randomized, double-blind, placebo-controlled "
                                          "study.")),
    (BLINDED_RULE, NO_MASKING, ("masking_description", "Single-blind (outcomes assessor)")),
    (BLINDED_RULE, NO_MASKING, ("official_title", "A Randomized, Double-Masked Trial of Ranibizumab Dosing Regimens")),
    (BLINDED_RULE, NO_MASKING, ("arm_title", "Double-blind Placebo / Open-label Drug X")),
    (BLINDED_RULE, NO_MASKING, [("official_title", EXTENSION),
                                ("arm_title", "Drug X 10 mg (double-blind extension)")]),
    (BLINDED_RULE, NO_MASKING, [("official_title", EXTENSION),
                                ("arm_description", "Double-blind drug X 10 mg, then double-blind drug X 20 mg")]),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "An Open-label, Single Arm, Phase 2 Study of Drug X")),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "An Open-label Two Arm Study of Drug X")),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "A Randomized, Open-label, Two-cohort Study of Drug X")),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "An open-label, uncontrolled cohort study of drug X in 40 adults.")),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "This is an open-label, two-part study of drug X.")),
    (OPEN_LABEL_RULE, PARTICIPANT_ONLY, ("official_title", "An Open Label Pilot Study of Acupuncture for Hot "
                                                            "Flashes")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Patients will be randomized in order to compare the two doses.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Patients with abnormal scans will be randomized to drug X or "
                                                 "placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Participants whose samples are positive will be randomized to drug X "
                                                 "or observation.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Participants will be assigned to drug X or placebo in the Randomized "
                                                 "Withdrawal Phase (RWP) of this study.")),
    (BLINDED_RULE, NO_MASKING, ("summary", "This study has two periods. During the Double-Blind Treatment Period "
                                           "(DBTP), participants will receive drug X or placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("official_title", "A Randomized, Double-blind Study of Drug X in Heart Failure "
                                                        "(PARADIGM)")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "In the Randomized Evaluation of Drug X (REDX) study, participants "
                                                 "are randomized 1:1 to drug X or placebo.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "In this substudy of the Randomised Evaluation of COVID-19 Therapy "
                                                 "(RECOVERY) trial, participants will be randomised 1:1 to drug X or "
                                                 "usual care.")),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "This open-label study will follow participants in the long-term follow-up "
                                          "period.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This is an observational study of participants in the long-term "
                                                     "follow-up period.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("summary", "Patients will be randomized, in a 1:1 ratio, to drug X or drug Y.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, ("detail", "Within each dose cohort, participants will be randomized 3:1 to drug "
                                                "X or placebo.")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "Sites will be randomized to the order in which they start the "
                                                  "intervention (stepped wedge).")),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("arm_description", "Participants randomized to receive the mobile app plus "
                                                          "usual care")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "This is a non-randomized study in patients with gout.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("detail", "Patients are not randomized but allocated by the surgeon's "
                                                "preference.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "Although non-randomized, this study uses a concurrent control "
                                                 "group.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "This is a non-randomised, open-label, two-cohort study.")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("model_description", "Non-randomized sequential assignment")),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("model_description", "No randomization of patients; all receive drug X.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This is a prospective, observational, single-center study of "
                                                     "drug X.")),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("official_title", "Prospective Observational Research on Statin Use After "
                                                            "Stroke")),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, ("detail", "Design: prospective, randomised, single-blind, controlled trial.")),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, ("brief_title", "RCT of Mindfulness for Anxiety in Students")),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Cohort 1: 10 mg", "Cohort 2: 20 mg"], "NON_RANDOMIZED"), None),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Dr. Smith's protocol", "Dr Smith's protocol"]), None),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", ""]), None),
    (ONE_ARM_RULE, arms("PARALLEL", ["Treatment", "TREATMENT "], "RANDOMIZED"), None),
]

CASES = [(*case, False) for case in FIXED_QUIET + HELD_QUIET] + [(*case, True) for case in FIXED_FIRING + HELD_FIRING]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("design_parts"), _IDS, harness.design_or_arms_study)


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_design_is_flagged_only_where_the_record_contradicts_itself(flagged, nct_id):
    rule, design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, (design, texts)


def test_every_rule_has_cases_on_both_sides():
    rules = {BLINDED_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, NOT_RANDOMIZED_RULE, OBSERVATIONAL_RULE, TRIAL_RULE,
             SINGLE_GROUP_RULE, ONE_ARM_RULE}
    assert {c[0] for c in FIXED_QUIET + HELD_QUIET} == rules == {c[0] for c in FIXED_FIRING + HELD_FIRING}
