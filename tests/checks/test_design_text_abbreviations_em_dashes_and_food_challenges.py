"""The design-vs-text rules on double-blind designs abbreviated in titles ("R, DB, PC", "DBPC", "RDBPC") beside words
that merely hold the letters ("DBPCFC", "DB-301", "dB", "DBP"); em dashes joining or spacing a term's words
("Double\u2014Blind", "Open \u2014 Label", "Non\u2014randomised"), and hyphens joining design words
("Randomized-Controlled Trial"); a double-blind food or drug challenge in an open-label trial; what is given open
label in a masked study ("open-label study drug", "open-label packs"); a study called unblinded, not a person or
thing of it ("an unblinded study pharmacist"); data divided at random into a model's training and validation sets; a
non-randomized lead-in; and texts as records word them around these: extensions after a blinded core, partial
blinding, crossover, factorial, cluster and stepped-wedge designs, randomized withdrawal, non-randomized spellings,
random samples, other trials in the background, observational studies of trials, negations and British spelling.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text.
"""
from __future__ import annotations

import pytest

from checks.design_allocation_terms import OBSERVATIONAL, RANDOMIZED
from checks.design_masking_terms import BLINDED, OPEN_LABEL
from checks.design_text import claims, matches
from checks.study_text import StudyText
from checks.trial_text import TRIAL_DESIGN
from tests.checks import harness
from tests.checks.harness import (
    BLINDED_RULE, NOT_RANDOMIZED_RULE, OBSERVATIONAL_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, TRIAL_RULE,
)

EM_DASH, EN_DASH = "\u2014", "\u2013"

# The design each case's study is given.
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
PARTICIPANT_ONLY = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": None}
ASSESSOR_ONLY = {"masking": "SINGLE", "subject_masked": None, "investigator_masked": None,
                 "outcomes_assessor_masked": True}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
ALLOCATED = {"allocation": "RANDOMIZED"}
INTERVENTIONAL = {}
OBSERVATIONAL_STUDY = harness.OBSERVATIONAL_DESIGN

# (rule, design, field, text): texts a rule flagged before and must not flag against the design.
FIXED_QUIET = [
    # A double-blind food or drug challenge: a test participants of an open-label trial undergo.
    (BLINDED_RULE, NO_MASKING, "detail", "Participants will receive open-label peanut oral immunotherapy. "
                                         "Desensitization will be assessed by a double-blind, placebo-controlled food "
                                         "challenge (DBPCFC) at month 12."),
    (BLINDED_RULE, NO_MASKING, "summary", "Participants will undergo double-blind placebo-controlled challenges with "
                                          "gluten."),
    (BLINDED_RULE, NO_MASKING, "summary", "Patients with confirmed peanut allergy (positive double-blind "
                                          "placebo-controlled food challenge) will be enrolled."),
    (BLINDED_RULE, NO_MASKING, "summary", "Participants will undergo a double-blind placebo-controlled (DBPC) oral "
                                          "food challenge at baseline and after 12 months of treatment."),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants will undergo a double-blind drug provocation test with "
                                         "amoxicillin."),
    # What is given open label in a masked study, and a person of a masked study who is not blinded.
    (OPEN_LABEL_RULE, DOUBLE, "detail", "Open-label study drug will be dispensed by the pharmacy."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "Open-label study medication will be dispensed at each visit."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "The comparator will be supplied in open-label packs during the extension."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "A non-blinded study nurse will administer the injections."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "A non-blinded study pharmacist will prepare the infusions."),
    # A non-randomized term spelt with an em dash is denied, as with any other hyphen.
    (RANDOMIZED_RULE, NOT_ALLOCATED, "official_title", f"Non{EM_DASH}randomized Study of Drug X"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "official_title", f"A Non {EM_DASH} Randomised, Single-arm Study of Drug X"),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", f"A Non{EM_DASH}randomised Study of Drug X in Routine Care"),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", f"A Non{EM_DASH}randomised Controlled Study of Drug X in "
                                                        "Routine Care"),
    # Data divided at random into a prediction model's sets.
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "The images will be randomly divided into a training set (70%) and a "
                                                "validation set (30%)."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "The dataset will be randomly divided into derivation and validation "
                                               "cohorts."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "detail", "The 500 participants will be randomly divided into a development "
                                                "cohort and a test cohort to build the model."),
    # A trial named by its acronym and kind; a randomized design not chosen; a party the registry does not mask.
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "A single-arm study within the randomized ABC platform trial."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "This is a single-arm study; a randomized design was not chosen "
                                                "because of the rarity of the disease."),
    (OPEN_LABEL_RULE, DOUBLE, "masking_description", "Double (Participant, Investigator); open-label to the "
                                                     "sponsor."),
    # A non-randomized lead-in beside the randomized part.
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", "This is a non-randomized lead-in study followed by a randomized "
                                                "part."),
]

# Texts a rule missed before and must flag against the design.
FIXED_FIRING = [
    # Double-blind abbreviated in a title.
    (BLINDED_RULE, NO_MASKING, "official_title", "A Phase 3, R, DB, PC Study of Drug X in Adults With Asthma"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Phase III, Randomized, DB, Placebo-Controlled Study of Drug X"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Multicenter, Randomized, DBPC Study of Drug X in Migraine"),
    (BLINDED_RULE, NO_MASKING, "official_title", "RDBPC Trial of Drug X in Schizophrenia"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Phase 2, Multicentre, Randomised, DB, PC, Parallel-group Study of "
                                                 "Drug X in Adults With Gout"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A 52-week, R, DB, Active-controlled Study of Drug X Versus Drug Y"),
    # Design words between "blinded" and the study's noun.
    (BLINDED_RULE, NO_MASKING, "summary", "This is a blinded, randomised trial of drug X."),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Blinded, Randomized, Controlled Trial of Music Therapy"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Single-centre, Blinded, Randomised Pilot Trial of Early "
                                                 "Mobilisation"),
    # Em dashes joining or spacing the words.
    (BLINDED_RULE, NO_MASKING, "official_title", f"Double{EM_DASH}Blind Study of Drug X"),
    (BLINDED_RULE, NO_MASKING, "official_title", f"A Randomized, Double {EM_DASH} Blind Study of Drug X"),
    (BLINDED_RULE, NO_MASKING, "official_title", f"Single{EM_DASH}Blind Study of Drug X"),
    (BLINDED_RULE, NO_MASKING, "summary", f"This is a double{EM_DASH}masked, randomised trial of drug X eye drops."),
    (OPEN_LABEL_RULE, DOUBLE, "official_title", f"An Open{EM_DASH}Label Study of Drug X"),
    (OPEN_LABEL_RULE, DOUBLE, "official_title", f"A Randomised{EM_DASH}Controlled, Open{EM_DASH}Label Trial of "
                                                "Drug X"),
    (OPEN_LABEL_RULE, DOUBLE, "masking_description", f"Open{EM_DASH}label"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "official_title", f"Non{EM_DASH}randomized Study of Drug X"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "model_description", f"Non{EM_DASH}randomised, single-group assignment"),
    # Design words joined by a hyphen.
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", "A Randomized-Controlled Trial of Telephone Follow-up After "
                                                        "Discharge"),
    # A study called unblinded.
    (OPEN_LABEL_RULE, DOUBLE, "summary", "This is an unblinded study."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "This is an unblinded study of two exercise programmes."),
]

# Texts right beside the fixes, and texts as records word them across other shapes, whose verdict holds.
HELD_QUIET = [
    # Letters of "DB" that abbreviate no double-blind design.
    (BLINDED_RULE, NO_MASKING, "official_title", "Drug X in Type 2 Diabetes (DB-301)"),
    (BLINDED_RULE, NO_MASKING, "official_title", "Reducing Noise Exposure Above 85 dB in the NICU"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Study of DBS (Deep Brain Stimulation) for Parkinson's Disease"),
    (BLINDED_RULE, NO_MASKING, "official_title", "Diabetes Prevention in DB/DB Mice-derived Cells"),
    (BLINDED_RULE, NO_MASKING, "brief_title", "DB Study of Drug X"),
    (BLINDED_RULE, NO_MASKING, "detail", "Diastolic blood pressure (DBP) and systolic blood pressure (SBP) will be "
                                         "recorded."),
    (BLINDED_RULE, NO_MASKING, "detail", "Data will be stored in a secure DB, PC-based and password protected."),
    (BLINDED_RULE, NO_MASKING, "detail", "Data will be exported from the DB, R version 4.2 will be used for the "
                                         "analysis."),
    (BLINDED_RULE, NO_MASKING, "arm_title", "Cohort DB, Part A"),
    (BLINDED_RULE, NO_MASKING, "summary", "Subjects undergo a DBPC food challenge at baseline."),
    (BLINDED_RULE, NO_MASKING, "summary", "Peanut allergy will be confirmed by a DBPCFC at screening."),
    # Double-blind abbreviated for the study participants came from.
    (BLINDED_RULE, NO_MASKING, "official_title", "An Open-label Extension (OLE) of the RDBPC Study ABC-301 of Drug X"),
    (BLINDED_RULE, NO_MASKING, "official_title", "Long-term Safety of Drug X in Subjects Who Completed the DB, PC "
                                                 "Study ABC-301"),
    (BLINDED_RULE, NO_MASKING, "summary", "Subjects who completed the RDBPC core study will receive open-label drug "
                                          "X."),
    # Open-label extensions after a blinded core.
    (BLINDED_RULE, NO_MASKING, "official_title", "An Open-Label Extension Study to Evaluate the Long-term Safety of "
                                                 "Drug X in Participants Who Completed the Double-Blind Study ABC-301"),
    (BLINDED_RULE, NO_MASKING, "summary", "This is a 52-week open-label extension (OLE) for subjects who completed "
                                          "the 12-week double-blind treatment period of Study 301."),
    (BLINDED_RULE, NO_MASKING, "detail", "Subjects who received placebo in the double-blind core study will be "
                                         "switched to drug X 10 mg; those on drug X will continue."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "The study consists of a 24-week randomized, double-blind, "
                                         "placebo-controlled period followed by a 28-week open-label extension "
                                         "period."),
    (OPEN_LABEL_RULE, DOUBLE, "official_title", "A Randomized, Double-blind, Placebo-controlled Study With an "
                                                "Open-label Extension to Evaluate Drug X in Adults With Lupus"),
    (OPEN_LABEL_RULE, DOUBLE, "masking_description", "Double-blind during the 12-week treatment period; open-label "
                                                     "during the extension."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", f"Participants who complete the double-blind period will receive "
                                         f"open{EM_DASH}label drug X for 48 weeks."),
    # Partial blinding.
    (OPEN_LABEL_RULE, ASSESSOR_ONLY, "official_title", "A Randomised, Open-label, Assessor-blinded Trial of Two "
                                                       "Dressings"),
    (BLINDED_RULE, NO_MASKING, "summary", "This randomized, open-label trial with blinded outcome assessment "
                                          "compares drug X with usual care."),
    (BLINDED_RULE, NO_MASKING, "masking_description", "None (open label); the laboratory staff measuring the primary "
                                                      "endpoint are blinded."),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Randomized, Sham-controlled Trial of rTMS in Depression"),
    (BLINDED_RULE, PARTICIPANT_ONLY, "official_title", "A Single-blind (Participant) Randomized Trial of "
                                                       "Acupuncture"),
    (OPEN_LABEL_RULE, PARTICIPANT_ONLY, "masking_description", "Single-blind: participants are unaware of their "
                                                               "assigned group; the investigator is not blinded."),
    # A person or thing of a masked study that is not blinded; a study unblinded at its end.
    (OPEN_LABEL_RULE, DOUBLE, "detail", "An unblinded study pharmacist will prepare the infusions."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "An unblinded study coordinator will dispense the study drug."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "Unblinded study data will be reviewed by the DMC."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "The trial will be unblinded after the last participant completes week 52."),
    (BLINDED_RULE, NO_MASKING, "official_title", "Sponsor-blinded, Randomized Study of Drug X"),
    (BLINDED_RULE, NO_MASKING, "official_title", "An Observer-blinded Randomised Controlled Trial of Two Vaccines"),
    (BLINDED_RULE, NO_MASKING, "official_title", "An Open-label, Assessor-blinded, Randomized Trial of Physiotherapy "
                                                 "After Knee Replacement"),
    (BLINDED_RULE, NO_MASKING, "summary", "This is an investigator-initiated, single-centre, non-blinded study."),
    (OPEN_LABEL_RULE, DOUBLE, "masking_description", "Double-blind for participants and investigators; the study is "
                                                     "open label for the sponsor's statistician."),
    # Crossover order, random samples and selections, no randomisation.
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "Each participant completes all four conditions in a randomised "
                                                "order."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Twenty general practices will be randomly selected from the regional "
                                               "list and all eligible patients invited."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "summary", "Sites will be randomly selected to participate; within sites, all "
                                                 "consecutive patients will receive the intervention."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "Each participant will be randomly assigned a unique study ID."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "All participants will receive drug X; there is no randomisation."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "Randomisation will not be used in this single-arm feasibility study."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "official_title", "A Non-randomised, Single-arm Study of Drug X"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "A random sample of 300 households will be drawn."),
    # Non-randomized groups and parts of a randomized study.
    (NOT_RANDOMIZED_RULE, ALLOCATED, "official_title", "A Randomised Trial Comparing Drug X With Non-randomised "
                                                       "Historical Controls"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", "Patients who refuse randomisation will be followed in a "
                                                "non-randomised cohort."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", "A non-randomized safety lead-in will precede randomisation."),
    (NOT_RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", "A Nonrandomised, Open-label Study of Drug X in "
                                                            "Children"),
    # Other trials in the background.
    (BLINDED_RULE, NO_MASKING, "detail", "The COMPASS trial (a randomized, double-blind trial of rivaroxaban) showed "
                                         "a reduction in events."),
    (BLINDED_RULE, NO_MASKING, "detail", "In the double-blind, placebo-controlled ABC trial, drug X reduced relapses "
                                         "by 40%."),
    (BLINDED_RULE, NO_MASKING, "detail", "Smith et al. conducted a double-blind randomized trial of drug X in 200 "
                                         "patients."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "A previous randomized trial showed that early mobilisation reduces "
                                               "delirium."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "Results of the randomised, double-blind, placebo-controlled "
                                                "PARADIGM-HF trial led to approval of sacubitril/valsartan."),
    # Observational studies of trials.
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", "Long-term Follow-up of Participants in the Randomized "
                                                        "Controlled Trial of Drug X"),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "This observational study follows patients who were randomized in "
                                                 "the XYZ trial."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "This registry collects data on patients treated with drug X "
                                                 "outside of randomized clinical trials."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "This observational study will mimic a randomized controlled trial "
                                                 "using propensity scores."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "Because a randomised controlled trial would be unethical, we will "
                                                "conduct an observational study."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "This prospective observational study is embedded in a randomized "
                                                 "controlled trial of drug X."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "This is a case-control study nested in the randomized PREDIMED "
                                                 "trial."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "Children with suspected cow's milk allergy will undergo a "
                                                 "double-blind, placebo-controlled food challenge."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "This cohort study follows participants of a randomized-controlled "
                                                 "trial of drug X."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", "Ten-year Outcomes of Randomized-Controlled Trial "
                                                        "Participants"),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "This study is a non-randomized-controlled study."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "summary", "Patients declining randomisation will be followed in an "
                                                    "observational cohort study."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "summary", "Unlike an observational study, this trial assigns participants "
                                                    "to an exercise programme."),
    # Negations.
    (BLINDED_RULE, NO_MASKING, "summary", "This is an unblinded, randomised study."),
    (BLINDED_RULE, NO_MASKING, "summary", "Due to the nature of the intervention, double blinding is not feasible."),
    (BLINDED_RULE, NO_MASKING, "masking_description", "No masking: participants, care providers and investigators "
                                                      "are aware of the treatment."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "There will be no randomization."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "A randomised design was not considered feasible in this rare "
                                                "disease."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Participants are not randomized, as all will receive the "
                                               "intervention."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "No placebo will be used; both active drugs are over-encapsulated to look "
                                         "identical."),
]
HELD_FIRING = [
    (BLINDED_RULE, NO_MASKING, "official_title", "A Multicenter, Randomized, Double-blind, Placebo-controlled (DBPC) "
                                                 "Study of Drug X"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Single-blind (Participant) Randomized Trial of Acupuncture"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Randomized, Double-blind, Placebo-controlled Challenge Study of "
                                                 "Vaccine X in Healthy Adults"),
    (BLINDED_RULE, NO_MASKING, "summary", "This is a single-blind, sham-controlled trial of acupuncture."),
    (BLINDED_RULE, NO_MASKING, "summary", "This is a double-blind, randomised, placebo-controlled trial."),
    (OPEN_LABEL_RULE, DOUBLE, "official_title", f"An Open{EN_DASH}Label Study of Drug X"),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "This is an open-label, randomised trial."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "This study will be conducted without blinding."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "This trial is unblinded."),
    (OPEN_LABEL_RULE, DOUBLE, "masking_description", "None (Open Label)"),
    # Crossover, factorial, cluster, stepped-wedge designs and randomized withdrawal are randomized allocations.
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "In this randomized, two-period crossover study, each participant "
                                                "receives both formulations."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", "A 2x2 Factorial Randomized Trial of Vitamin D and Omega-3"),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", "A Cluster-randomised Trial of Community Health Workers in "
                                                        "Malawi"),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "summary", "A stepped-wedge, cluster randomised trial across 12 general "
                                                 "practices."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "detail", "Participants who respond to open-label drug X will be randomized 1:1 "
                                                "to continue drug X or switch to placebo (randomized withdrawal)."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Patients will be randomly divided into two groups: group A receives "
                                               "drug X and group B receives placebo."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "Participants will be randomised (1:1) to drug X or usual care."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "official_title", "A Randomised Controlled Feasibility Trial of a Walking "
                                                       "Programme"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "official_title", "A Nonrandomised, Open-label Study of Drug X in Children"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", "This is a prospective, not randomized, single-arm study."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "detail", "Participants are not randomized, as all will receive the "
                                               "intervention."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", "In this stepped-wedge design, hospitals are non-randomly assigned to "
                                                "the sequence in which they start the intervention."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "model_description", "Patients will be allocated by the treating physician; this "
                                                          "is not a randomised trial."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", "This is a prospective, randomized, double-blind trial of drug X."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", "A Pragmatic Randomised Controlled Trial of a Falls Prevention "
                                                        "Programme"),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", f"Drug X in Asthma {EM_DASH} Randomized Controlled Trial"),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "summary", "This is a non-interventional, observational study."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "official_title", "An Observational Study of Drug X Use in Routine Practice"),
]

CASES = [(*case, False) for case in FIXED_QUIET + HELD_QUIET] + [(*case, True) for case in FIXED_FIRING + HELD_FIRING]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each design-vs-text rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("design_text_abbreviations"), _IDS,
                                        lambda case: harness.design_text_study(case[1], [(case[2], case[3])]))


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_case_id(c) for c in _IDS.values()])
def test_a_phrase_fires_only_on_a_plain_contradiction(flagged, nct_id):
    rule, design, field, text, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, (design, field, text)


def test_there_are_sixty_further_texts_and_every_rule_has_both_sides():
    rules = {BLINDED_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, NOT_RANDOMIZED_RULE, OBSERVATIONAL_RULE, TRIAL_RULE}
    assert len(HELD_QUIET + HELD_FIRING) >= 60
    assert {c[0] for c in FIXED_QUIET + HELD_QUIET} == rules == {c[0] for c in FIXED_FIRING + HELD_FIRING}


# (pattern, text, [(phrase, negated)]): the claims a design field's text holds.
CLAIMS = [
    (BLINDED, "A Phase 3, R, DB, PC Study", [("DB", False)]),
    (BLINDED, "Randomized, DB Study", [("DB", False)]),
    (BLINDED, "A Phase 2, DB, R, PC Study", [("DB", False)]),
    (BLINDED, "RDBPC Trial; RDBPCT; DB-RCT", [("RDBPC", False), ("RDBPCT", False), ("DB-RCT", False)]),
    (BLINDED, "Mark DB, Pryor DB, Califf RM", []),
    (BLINDED, "A DBPC food challenge; a DBPCFC; the DB-301 study; 85 dB", []),
    (BLINDED, "A double-blind, placebo-controlled food challenge", []),
    (BLINDED, "A blinded, randomised, placebo-controlled trial; a sponsor-blinded, randomized study; an "
              "assessor-blinded, randomized trial", [("blinded, randomised, placebo-controlled trial", False)]),
    (BLINDED, f"A Double {EM_DASH} Blind Study", [(f"Double {EM_DASH} Blind", False)]),
    (RANDOMIZED, f"A Non{EM_DASH}randomised Study", [(f"Non{EM_DASH}randomised", True)]),
    (OPEN_LABEL, f"An Open{EM_DASH}Label Study", [(f"Open{EM_DASH}Label", False)]),
    (OPEN_LABEL, "An un-blinded study of drug X; a non-masked trial.", [("un-blinded study", False),
                                                                       ("non-masked trial", False)]),
    (OPEN_LABEL, "The unblinded study team; open-label study drug; open-label kits", []),
]


@pytest.mark.parametrize("pattern, text, expected", CLAIMS, ids=[t for _, t, _ in CLAIMS])
def test_claims_of_a_design_field(pattern, text, expected):
    found = claims([StudyText("designs.masking_description", text)], pattern)
    assert [(c.phrase, c.negated) for c in found] == expected


@pytest.mark.parametrize("pattern", [BLINDED, OPEN_LABEL, RANDOMIZED, OBSERVATIONAL, TRIAL_DESIGN],
                         ids=["blinded", "open label", "randomized", "observational", "trial design"])
def test_matches_tried_at_anchors_are_every_match_with_abbreviations_and_dashes(pattern):
    text = (f"A Phase 3, R, DB, PC Study; RDBPC; Randomized, DB Study; the DB-301 study; feedback; DBPCFC; "
            f"Double{EM_DASH}Blind, Non {EM_DASH} randomized, Open{EM_DASH}Label; an unblinded study of drug X; an "
            f"un{EN_DASH}masked trial; a non{EM_DASH}interventional study; a randomized{EM_DASH}controlled trial.")
    for source in (StudyText("f", text), StudyText("f", text + " ſ")):  # ASCII folding, and every character tried
        found = [(m.span(), m.groups()) for m in matches(source, pattern)]
        assert found == [(m.span(), m.groups()) for m in pattern.finditer(source.text)] != []


def test_the_folded_sentence_only_spares_patterns_of_words_it_lacks():
    sentences = [text for _, _, _, text in FIXED_QUIET + FIXED_FIRING + HELD_QUIET + HELD_FIRING]
    patterns = (BLINDED, OPEN_LABEL, RANDOMIZED, OBSERVATIONAL, TRIAL_DESIGN)
    assert harness.folded_sentence_judgements(sentences, patterns) >= 10
