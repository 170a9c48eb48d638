"""The text rules on the wordings registrants really write, each defect in many forms, with matched quiet cases.

Design against text and arms: blinding said of a study recorded with no masking ("double-blinded", "R, DB, PC",
"triple-blind", "quadruple masked", "will not know the group"), open label said of a masked one ("open-labelled"),
randomisation said of a study not randomized (the verb, "at random", a random sequence to allocate), "non-randomized"
said of a randomized one, and a design that is observational said of an interventional study ("This is a prospective
cohort study", "a retrospective study", "a cross-sectional study", "a case-control study"); a sentence that opens
with the design words as a title does ("Open label, multicentre, phase II study of ...") is the study's own. Quiet:
the same words of another study, denied, of a trial to come, of a part, concealment until allocation, or a loose
"prospective cohort" of a single-group study. A single-group model listing several arms. Criteria against the sex
and age fields, an arm's dose against its intervention's ("dosage: PO 10 mg"), outcomes naming drugs the study does
not give (newer drug-name stems: venetoclax, sotorasib, diclofenac...; never an ordinary word), and the phase a
title names. Marked "new": judged otherwise before.
"""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings
from checks.criteria_ages import study_age_findings
from checks.criteria_sex import study_sex_findings
from checks.drug_names import stem_drugs
from checks.title_phase import study_phase_findings
from tests.checks import harness
from tests.checks.harness import (
    DOUBLE_MASKED, NO_MASKING, NON_RANDOMIZED, RANDOMIZED, SINGLE_GROUP_NOT_ALLOCATED, SINGLE_GROUP_OPEN, dose_findings,
)

BLINDED = "contradictions.masking_none_text_blinded"
PARTY = "contradictions.masking_none_text_party_masked"
OPEN = "contradictions.masking_set_text_open_label"
RANDOMISED = "contradictions.allocation_text_randomized"
NOT_RANDOMISED = "contradictions.allocation_text_not_randomized"
OBSERVATIONAL = "contradictions.study_type_text_observational"
SINGLE_MASKED = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": None}
RANDOMIZED_GROUPS = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL"}

# (rule, design, (field, text), fires)
DESIGN = [
    # Masking NONE, blinding said of this study.
    (BLINDED, NO_MASKING, ("summary", "This is a double-blinded, placebo controlled study of baricitinib."), True),
    (BLINDED, NO_MASKING, ("summary", "A double blind randomized trial to compare baricitinib 2mg and 4mg in pSS."),
     True),
    (BLINDED, NO_MASKING, ("official_title", "A Phase 3, R, DB, PC Study of Baricitinib in Sjogren's Syndrome"), True),
    (BLINDED, NO_MASKING, ("detail", "This is a placebo-controlled double-masked trial in 40 patients."), True),
    (BLINDED, NO_MASKING, ("summary", "This triple-blind trial will compare two doses of baricitinib."), True),
    (BLINDED, NO_MASKING, ("summary", "Double-blinded, randomised, placebo controlled clinical trial of baricitinib in "
                                      "adult."), True),  # new
    (BLINDED, NO_MASKING, ("detail", "Study design: randomized, double blind, parallel group, multicentre."), True),
    (BLINDED, NO_MASKING, ("summary", "It is a quadruple masked study of baricitinib."), True),
    (BLINDED, NO_MASKING, ("official_title", "Baricitinib in pSS: a Randomized, Double-Blind, Placebo-Controlled "
                                             "Trial"), True),
    (BLINDED, NO_MASKING, ("summary", "Participants will be allocated in double-blind fashion to 2 mg or 4 mg."), True),
    (BLINDED, NO_MASKING, ("summary", "Double blind, placebo controlled, multicenter trial of baricitinib in Sjögren "
                                      "patients."), True),  # new
    (BLINDED, NO_MASKING, ("summary", "Randomised DBPC trial of baricitinib in primary Sjogren syndrome."),
     True),  # new
    (BLINDED, NO_MASKING, ("summary", "The study is designed as a single blind trial where patients dont know which "
                                      "dose they get."), True),  # new
    (PARTY, NO_MASKING, ("detail", "Subjects and outcome assessors will be blinded to group allocation."), True),
    (PARTY, NO_MASKING, ("detail", "The patients and the evaluator will not know the group."), True),  # new
    (PARTY, NO_MASKING, ("detail", "Parents dont know which treatment their child gets."), True),  # new
    (PARTY, NO_MASKING, ("detail", "The outcome assessors won't know the allocation of the patients."), True),  # new
    (PARTY, NO_MASKING, ("detail", "Patients will not know the results of their scans until the end."), False),
    (PARTY, NO_MASKING, ("detail", "Participants know their treatment group."), False),
    (PARTY, NO_MASKING, ("detail", "Concealment mechanism: The health care staffs and participants won't know the "
                                   "allocation until the research team inform them."), False),
    (PARTY, NO_MASKING, ("detail", "The statistician will not know the group of each patient."), False),
    (PARTY, NO_MASKING, ("detail", "The outcome assessor is blinded to the treatment arm."), True),
    (BLINDED, NO_MASKING, ("summary", "A previous double-blind trial (Smith et al., 2019) showed benefit of "
                                      "baricitinib."), False),
    (BLINDED, NO_MASKING, ("summary", "This study is not blinded."), False),
    (BLINDED, NO_MASKING, ("summary", "If this pilot is successful, a double-blind trial will be conducted."), False),
    (BLINDED, NO_MASKING, ("summary", "Unlike the pivotal double-blind trial, participants here know their dose."),
     False),
    (BLINDED, NO_MASKING, ("summary", "Food allergy will be confirmed by a double-blind, placebo-controlled food "
                                      "challenge."), False),
    (BLINDED, NO_MASKING, ("summary", "Participants who completed the double-blind study ABC-301 may enrol."), False),
    (BLINDED, NO_MASKING, ("summary", "A double-blind design was not feasible because the doses look different."),
     False),
    (BLINDED, NO_MASKING, ("summary", "Double-blind, placebo-controlled trials of JAK inhibitors have shown benefit."),
     False),
    # Masking set, open label said of this study.
    (OPEN, DOUBLE_MASKED, ("summary", "This is an open-label, randomised study of baricitinib."), True),
    (OPEN, DOUBLE_MASKED, ("official_title", "An Open Label Study of Baricitinib in pSS"), True),
    (OPEN, DOUBLE_MASKED, ("summary", "No blinding will be used in this study."), True),
    (OPEN, DOUBLE_MASKED, ("detail", "Open-labelled trial. Participants will receive 2mg or 4mg."), True),  # new
    (OPEN, DOUBLE_MASKED, ("summary", "This is an open-labelled, randomised study of baricitinib."), True),  # new
    (OPEN, DOUBLE_MASKED, ("summary", "This is a non-blinded trial of baricitinib."), True),
    (OPEN, SINGLE_MASKED, ("brief_title", "Baricitinib in Sjogren's Syndrome (Open Label)"), True),
    (OPEN, SINGLE_MASKED, ("masking_description", "None (Open Label)"), True),
    (OPEN, SINGLE_MASKED, ("summary", "Open label, multicentre, phase II study of baricitinib."), True),  # new
    (OPEN, SINGLE_MASKED, ("summary", "Open-label, single centre, randomised trial of baricitinib versus "
                                      "hydroxychloroquine."), True),  # new
    (OPEN, SINGLE_MASKED, ("summary", "The trial is not blinded: patients and doctors know the dose."), True),
    (OPEN, SINGLE_MASKED, ("summary", "This study is unblinded."), True),
    (OPEN, DOUBLE_MASKED, ("summary", "After week 24, participants enter an open-label extension."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "Open-label rescue medication is allowed."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "After week 12, participants may enter an open-labelled extension."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "The study will be unblinded after database lock."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "A previous open-label study (Lee 2018) suggested a benefit."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "An open-label design was considered but rejected."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "Open label studies of baricitinib have reported good tolerance."), False),
    # Allocation NA or NON_RANDOMIZED, randomisation said of this study.
    (RANDOMISED, SINGLE_GROUP_NOT_ALLOCATED, ("summary", "Participants will be randomly assigned to baricitinib 2 mg "
                                                         "or 4 mg."), True),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Patients are randomly allocated 1:1 to the two groups."), True),
    (RANDOMISED, NON_RANDOMIZED, ("detail", "Block randomization with blocks of 4 will be used."), True),
    (RANDOMISED, NON_RANDOMIZED, ("detail", "A computer-generated random sequence will be used to allocate "
                                            "participants."), True),  # new
    (RANDOMISED, NON_RANDOMIZED, ("detail", "A random number table will be used to select the charts."), False),
    (RANDOMISED, NON_RANDOMIZED, ("official_title", "A Randomised Controlled Trial of Baricitinib"), True),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Subjects will be randomized in a 2:1 ratio."), True),
    (RANDOMISED, NON_RANDOMIZED, ("detail", "Randomisation will be stratified by centre."), True),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Patients will be allocated at random to 2 mg or 4 mg."), True),  # new
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Patients are randomly divided into two groups."), True),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "We will randomise 60 patients to two doses."), True),  # new
    (RANDOMISED, SINGLE_GROUP_NOT_ALLOCATED, ("detail", "Participants will be allocated at random using sealed "
                                                        "opaque envelopes."), True),  # new
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Patients randomized in the parent study ABC-301 continue their dose "
                                             "here."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "This is a non-randomized study."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "If the pilot succeeds, a randomized trial will follow."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Randomization is not applicable."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Previous randomized trials showed benefit of JAK inhibitors."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Participants will not be allocated at random."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "We will not randomise patients, as all receive baricitinib."), False),
    # Allocation RANDOMIZED, "non-randomized" said of this study.
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is a non-randomized study."), True),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Patients are not randomized."), True),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Non-randomised, open-label, single-centre study."), True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Non randomized, open label trial of baricitinib in adults with pSS."),
     True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "There is no randomization in this study."), True),
    (NOT_RANDOMISED, RANDOMIZED, ("official_title", "A Nonrandomized Study of Baricitinib"), True),
    (NOT_RANDOMISED, RANDOMIZED, ("model_description", "Allocation: Non-randomized"), True),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Patients are allocated by alternation (quasi-randomised)."), True),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "A non-randomized run-in is followed by randomized treatment."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Patients who decline randomization join a non-randomized cohort."),
     False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is a single-arm study. Later, patients will be randomised to 2 or "
                                             "4 mg."), False),
    # Study type INTERVENTIONAL, an observational design said of this study (new: each fired on "observational" only).
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "This is a prospective cohort study of asthmatic smokers and "
                                                   "non-smokers."), True),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "This retrospective cohort study reviews the charts of 300 "
                                                   "patients."), True),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "This is a cross-sectional study of school children in Lagos."),
     True),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("detail", "The present study is a case-control study comparing patients with "
                                                  "healthy controls."), True),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "This study is a prospective, multicentre, population-based cohort "
                                                   "study."), True),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "We will conduct a prospective cohort study in 3 hospitals."), True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "It is a retrospective study of patients treated between 2010 and "
                                                   "2015."), True),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("official_title", "Montelukast in Asthmatic Smokers: A Prospective Cohort "
                                                          "Study"), True),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "The study was designed as a case control study in 2 centres."),
     True),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("detail", "Our study is a cross sectional survey of nurses in Cairo."), True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "This is a retrospective chart review of children given "
                                                   "baricitinib."), True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "This is a prospective cohort study of asthmatic smokers."), False),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "The study is a prospective, multi-center cohort study of patients "
                                                   "implanted with the device."), False),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "This is a randomised trial nested in a prospective cohort study."),
     False),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "This is not a cohort study but a randomised trial."), False),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "A previous cohort study (Smith et al. 2019) showed that smokers "
                                                   "respond less."), False),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "Our previous cohort study showed that smokers respond less."),
     False),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("official_title", "A Randomised Trial Within a Prospective Cohort Study"),
     False),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "The STROBE guideline for cohort studies will be followed."),
     False),
    (OBSERVATIONAL, RANDOMIZED_GROUPS, ("summary", "Patients who decline randomisation will join a prospective "
                                                   "cohort study."), False),
]
CASES = harness.numbered_cases(DESIGN)


@pytest.fixture(scope="module")
def design_findings(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("text_rules"), CASES, {case[0] for case in DESIGN})


@pytest.mark.parametrize("nct_id", CASES, ids=[harness.design_case_id((c[0], c[1], c[2][0], c[2][1], c[3]))
                                               for c in DESIGN])
def test_design_said_in_text_against_the_design_fields(design_findings, nct_id):
    harness.design_case_found(design_findings, nct_id, CASES[nct_id])


SEVERAL_ARMS = "contradictions.single_group_several_arms"
# (rule, arm_design, texts, fires): a single-group model against the arms listed.
ARMS = [
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Arm A", "Arm B"]), [], True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Baricitinib 2 mg", "Baricitinib 4 mg"]), [], True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Group I", "Group II", "Group III"]), [], True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Experimental: Drug X", "Placebo"]), [], True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Drug X", "Placebo"], "RANDOMIZED"), [], True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Cohort 1", "Cohort 2"]), [], True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Healthy volunteers", "Patients with renal impairment"]), [],
     True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Intervention group", "Control group"], "NON_RANDOMIZED"), [],
     True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Drug X 10 mg/kg", "Drug X 20 mg/kg", "Drug X 30 mg/kg"]), [],
     True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Arm 1: surgery", "Arm 2: radiotherapy"], "RANDOMIZED"), [],
     True),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Drug X"]), [], False),
    (SEVERAL_ARMS, harness.arm_design("SINGLE_GROUP", ["Drug X", "Drug X"]), [], False),
    (SEVERAL_ARMS, harness.arm_design("PARALLEL", ["Drug X", "Placebo"], "RANDOMIZED"), [], False),
    (SEVERAL_ARMS, harness.arm_design("SEQUENTIAL", ["Cohort 1", "Cohort 2"]), [], False),
]
ARM_CASES = harness.numbered_cases(ARMS)


@pytest.fixture(scope="module")
def arms_flagged(tmp_path_factory) -> dict[str, set[str]]:
    return harness.flagged_design_cases(tmp_path_factory.mktemp("arms"), ARM_CASES, harness.design_or_arms_study)


@pytest.mark.parametrize("nct_id", ARM_CASES, ids=[harness.design_or_arms_case_id(c) for c in ARMS])
def test_single_group_model_against_the_arms_listed(arms_flagged, nct_id):
    rule, _design, _texts, fires = ARM_CASES[nct_id]
    assert (nct_id in arms_flagged[rule]) is fires


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* Known hypersensitivity to the study drug"


# (inclusion item, eligibilities.gender, fires)
SEX = [
    ("Women aged 18-50 years with primary Sjogren's syndrome", "MALE", True),
    ("Postmenopausal females with osteoporosis", "MALE", True),
    ("Male patients aged 18 to 65 years", "FEMALE", True),
    ("Healthy male volunteers, 18-45 yrs", "FEMALE", True),
    ("Pregnant women between 24 and 28 weeks of gestation", "MALE", True),
    ("Girls aged 12-17 years", "MALE", True),
    ("Premenopausal woman with regular cycles", "MALE", True),
    ("Male or female aged ≥ 18 years", "FEMALE", True),
    ("Female, 18-45 years old", "MALE", True),
    ("Women aged 18-50 years", "ALL", True),
    # Men who have sex with men: the study's men, and often transgender women beside them (the record's ALL).
    ("Men who have sex with men (MSM) aged 18 or older", "MALE", False),
    ("Men who have sex with men (MSM) aged 18 or older", "ALL", False),
    ("Women of childbearing potential must use effective contraception", "MALE", False),
    ("Female partners of male participants must agree to use contraception", "MALE", False),
    ("Women aged 18-50 years", "FEMALE", False),
    ("Patients of either sex aged 18-65", "ALL", False),
]


@pytest.mark.parametrize("item, gender, fires", SEX, ids=[f"{c[1]}:{c[0][:50]}" for c in SEX])
def test_criteria_sex_against_the_sex_field(item, gender, fires):
    found = list(study_sex_findings("NCT00000001", listed(item), gender, None))
    assert bool(found) is fires, [f.message for f in found]


# (inclusion item, minimum age, maximum age, fires)
AGES = [
    ("Aged 18 to 65 years", "21 Years", "65 Years", True),
    ("Children between 6 and 12 years old", "5 Years", "12 Years", True),
    ("Age ≥ 18 years", "21 Years", None, True),
    ("Patients older than 65", "18 Years", None, True),
    ("Age >=18 yrs", "20 Years", None, True),
    ("18-65 yo", "21 Years", "65 Years", True),
    ("Patients aged 18 years and above", "16 Years", None, True),
    ("Age 40-75", "40 Years", "70 Years", True),
    ("Children 2-11 years of age", "3 Years", "11 Years", True),
    ("Aged between 18 and 80 years", "18 Years", "75 Years", True),
    ("Aged 18 to 65 years", "18 Years", "65 Years", False),
    ("Age ≥ 18 years", "18 Years", None, False),
    ("Patients older than 65", "66 Years", None, False),
    ("If aged under 18, consent of a parent is required", "18 Years", None, False),
    ("Children aged 6-12 years and one parent", "6 Years", "12 Years", False),
]


@pytest.mark.parametrize("item, minimum, maximum, fires", AGES, ids=[f"{c[0]}:{c[1]}-{c[2]}" for c in AGES])
def test_criteria_ages_against_the_age_fields(item, minimum, maximum, fires):
    found = list(study_age_findings("NCT00000001", listed(item), minimum, maximum, True))
    assert bool(found) is fires, [f.message for f in found]


# (arm description, intervention description, drug, fires)
DOSES = [
    ("Baricitinib 2mg once daily", "Baricitinib 4 mg once daily", "Baricitinib", True),
    ("Amikacin 10 mg/kg IV", "Amikacin 15 mg/kg IV", "Amikacin", True),
    ("Prednisolone 0.5 mg/kg/day", "Prednisolone 1 mg/kg/day", "Prednisolone", True),
    ("Metformin 2 x 500 mg daily", "Metformin 850 mg daily", "Metformin", True),
    ("Metformin 500 mg bid", "Metformin 1000 mg bid", "Metformin", True),
    ("Montelukast dosage: PO 10 mg QHS", "PO 20 mg QHS", "Montelukast", True),  # new
    ("Montelukast dosage: P.O. 10 mg QHS", "Montelukast 20 mg QHS", "Montelukast", True),  # new
    ("Budesonide: INH 200 mcg bid", "Budesonide 400 mcg bid", "Budesonide", True),  # new
    ("Buprenorphine, SL 2 mg daily", "Buprenorphine 8 mg daily", "Buprenorphine", True),  # new
    ("Vitamin D3 1000 IU/day", "Vitamin D3 2000 IU daily", "Vitamin D3", True),
    ("Amoxicillin 1g TDS for 7 days", "Amoxicillin 500 mg TDS", "Amoxicillin", True),
    ("Dexamethasone 8mg IV before surgery", "Dexamethasone 4 mg IV", "Dexamethasone", True),
    ("Tranexamic acid 1 gm IV", "Tranexamic acid 2 g IV", "Tranexamic acid", True),
    ("Metformin 1 g daily", "Metformin 1000 mg daily", "Metformin", False),
    ("Metformin 500 mg bid", "Metformin 1000 mg daily", "Metformin", False),
    ("Montelukast dosage: PO 10 mg QHS", "PO 10 mg QHS", "Montelukast", False),
    ("Placebo matching baricitinib 4 mg", "Baricitinib 2 mg once daily", "Baricitinib", False),
    ("Baricitinib up to 4 mg daily", "Baricitinib 2 mg daily", "Baricitinib", False),
    ("Prednisolone 1 mg/kg/day, tapered to 0.5 mg/kg/day", "Prednisolone 1 mg/kg/day", "Prednisolone", False),
]


@pytest.mark.parametrize("arm, intervention, drug, fires", DOSES, ids=[f"{c[0]}|{c[1]}" for c in DOSES])
def test_arm_dose_against_the_intervention_dose(arm, intervention, drug, fires):
    found = dose_findings(arm, intervention, drug)
    assert bool(found) is fires, [f.message for f in found]


METFORMIN = [("Metformin", "Metformin 500 mg twice daily")]
# (outcome measure, fires) on a study that gives metformin only.
OUTCOMES = [
    ("Response rate to venetoclax", True),  # new
    ("Time to progression on sotorasib", True),  # new
    ("Change in HbA1c after semaglutide", True),
    ("Response to vismodegib", True),  # new
    ("Incidence of nausea after diclofenac", True),  # new
    ("Number of hypoglycaemic events with repaglinide", True),  # new
    ("Change in eGFR with furosemide", True),  # new
    ("Weight loss with liraglutide", True),
    ("Remission rate after azacitidine", True),  # new
    ("Stomatitis rate with everolimus", True),  # new
    # Levels measured of background care and rescue care, body chemistry and ordinary words.
    ("Serum tacrolimus levels at week 4", False),
    ("Number of participants needing filgrastim", False),
    ("C-peptide at 12 weeks", False),
    ("Serum histidine", False),
    ("Nucleotide excision repair capacity", False),
    ("Phosphoinositide signalling in platelets", False),
    ("Precipitant of the asthma attack", False),
    ("Change in HbA1c", False),
]


@pytest.mark.parametrize("measure, fires", OUTCOMES, ids=[c[0] for c in OUTCOMES])
def test_outcome_naming_a_drug_the_study_does_not_give(measure, fires):
    found = list(study_drug_findings("NCT00000001", [(measure, None)], METFORMIN, METFORMIN, [("Metformin",)], []))
    assert bool(found) is fires, [f.message for f in found]


# Drugs of the newer stems, and words that end like a stem but name no drug.
NEW_STEM_DRUGS = ("venetoclax", "navitoclax", "vismodegib", "sonidegib", "sotorasib", "adagrasib", "capivasertib",
                  "vorinostat", "exenatide", "linaclotide", "ranitidine", "azacitidine", "repaglinide", "furosemide",
                  "everolimus", "tacrolimus", "filgrastim", "sargramostim", "inclisiran", "diclofenac", "meloxicam",
                  "chloroquine", "emtansine", "rimegepant", "imipramine", "doxazosin", "aprepitant",
                  "alteplase", "bosentan", "darbepoetin", "bivalirudin", "tirofiban", "tazobactam", "levetiracetam",
                  "levonorgestrel", "solifenacin", "tisagenlecleucel")
ORDINARY_WORDS = ("tide", "riptide", "eventide", "yuletide", "peptide", "polypeptide", "neuropeptide", "c-peptide",
                  "nucleotide", "oligonucleotide", "histidine", "cytidine", "deoxycytidine", "phosphoinositide",
                  "precipitant", "equine", "stimulus", "sectional", "control", "cohort", "semester", "limestone",
                  "attitude", "latitude", "magnitude", "aptitude", "gratitude", "solitude", "altitude", "multitude",
                  "fortitude", "servitude", "amplitude", "longitude", "certitude", "platitude", "hirudin",
                  "antique", "technique", "unique", "oblique", "critique", "boutique", "mystique", "physique")


@pytest.mark.parametrize("word", NEW_STEM_DRUGS)
def test_a_drug_of_a_newer_stem_reads_as_a_drug(word):
    assert word in stem_drugs(f"Response to {word} at week 12")


def test_no_ordinary_word_reads_as_a_drug():
    assert stem_drugs(" ".join(ORDINARY_WORDS)) == frozenset()


# (official title, studies.phase, fires)
TITLES = [
    ("A Phase IIb Study of Drug X", "PHASE3", True),
    ("A Phase 1b/2 Study of Drug X", "PHASE3", True),
    ("A Phase II/III Study of Drug X", "PHASE2", True),
    ("PHASE III STUDY OF DRUG X", "PHASE2", True),
    ("A phase-3 trial of drug X", "PHASE2", True),
    ("A Phase 2a Study of Drug X", "PHASE1", True),
    ("A Phase IV Study of Drug X", "PHASE3", True),
    ("A Phase I/II Study of Drug X", "PHASE3", True),
    ("A Phase Three Study of Drug X", "PHASE2", True),
    ("Randomised, Double-blind Phase 3 Trial of Drug X", "PHASE2", True),
    ("A Phase IIb Study of Drug X", "PHASE2", False),
    ("A Phase 1b/2 Study of Drug X", "PHASE1/PHASE2", False),
    ("Extension of the Phase 3 Study ABC-301 of Drug X", "PHASE3", False),
    ("Ph+ ALL: A Phase 2 Study of Drug X", "PHASE2", False),
]


@pytest.mark.parametrize("title, phase, fires", TITLES, ids=[f"{c[0]}:{c[1]}" for c in TITLES])
def test_title_phase_against_the_record_phase(title, phase, fires):
    found = list(study_phase_findings("NCT00000001", [("studies.official_title", title)], phase))
    assert bool(found) is fires, [(f.message, f.severity) for f in found]
