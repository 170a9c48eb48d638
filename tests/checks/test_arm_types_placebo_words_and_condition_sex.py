"""checks.arm_types and checks.condition_sex: arms named for what their participants took before, placeholders that
say an arm is given nothing, placebos as sponsors word them, and the people a single-sex study's conditions concern.
Phrase readings (DuckDB in memory) and record-level cases (one warehouse per module)."""
from __future__ import annotations

import duckdb
import pytest

from checks import arm_types, condition_sex
from tests.checks import harness
from tests.checks.cases_arm_types import (COMPARATOR_WITHOUT_PLACEBO, NO_INTERVENTION, PLACEBO_TYPED_ACTIVE,
                                          comparator, control_arm, placebo_arm)
from tests.checks.cases_condition_sex import RULE as SEX_RULE, given


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    yield c
    c.close()


def _read(con, sql_of, texts: list) -> dict:
    """Each text (or (name, description) pair) read by the SQL `sql_of(name, description)`."""
    pairs = [t if isinstance(t, tuple) else (t, None) for t in texts]
    rows = con.execute(f"SELECT n, d, {sql_of('n', 'd')} FROM (SELECT unnest(?::VARCHAR[]) AS n, "
                       "unnest(?::VARCHAR[]) AS d)",
                       [[n for n, _d in pairs], [d for _n, d in pairs]]).fetchall()
    return {(n if d is None else (n, d)): said for n, d, said in rows}


# --- No Intervention arms: what an intervention row named for nothing given looks like ---------------------------

# Rows that say the arm is given nothing: the absence of one thing, a placeholder with the arm's role beside it, or
# the arm's role alone described as nothing given.
NOTHING_NAMES = [
    "No antibiotic prophylaxis", "No drain", "No supplementation", "No exercise", "Without compression stockings",
    "No intervention group", "No Treatment Group", "Control: no intervention", "None (Control)", "Wait-list group",
    "Waitlist Control Group", "Routine observation", "Observational", "Delayed intervention", "Not applicable",
    "N/A", "Control - no intervention", "No vaccine (control)", ("Control", "No intervention"),
    ("Control group", "Participants will not receive any intervention"),
    ("Control arm", "Receives no treatment during the study"),
]
# Rows that name something given, or the arm's role alone described as something given.
GIVEN_NAMES = [
    "No-touch technique", "No touch vein harvesting", "No-scalpel vasectomy", "No treatment and questionnaires",
    "No intervention plus diary", "NO 20 ppm", "Questionnaire", "Usual care", "Standard care", "Placebo",
    "Control", ("Control", "Normal recovery protocol as usual"), ("Questionnaire", "No intervention"),
    ("Comparator", "Standard physiotherapy, 10 sessions"),
]


def test_rows_saying_nothing_is_given(con):
    read = _read(con, arm_types._gives_nothing, NOTHING_NAMES + GIVEN_NAMES)
    assert [t for t in NOTHING_NAMES if not read[t]] == []
    assert [t for t in GIVEN_NAMES if read[t]] == []


# --- Placebo arms typed Experimental or Active Comparator: titles --------------------------------------------------

# An extension's arms named for what their participants took in the study before it.
EARLIER_STUDY_TITLES = ["Prior Placebo", "Placebo (Parent Study)", "Former placebo patients", "Previously Placebo",
                        "Placebo from core study", "Placebo in Study 301", "Placebo (Feeder Trial)",
                        "Placebo Core Study Participants"]
STILL_THE_PLACEBO_ARM = ["Placebo Q4W", "Placebo (Cohort 1)", "Part A: Placebo", "Pooled Placebo", "Placebo week",
                         "Placebo Comparator", "Sham CPAP", "Sham block", "Healthy Volunteers: Placebo",
                         "Placebo to match study drug", "Placebo (Study Drug Matching)"]


def test_arms_named_for_an_earlier_study_are_not_read_as_the_placebo_arm(con):
    read = _read(con, lambda t, _d: arm_types.only_placebo_sql(t), EARLIER_STUDY_TITLES + STILL_THE_PLACEBO_ARM)
    assert [t for t in EARLIER_STUDY_TITLES if read[t]] == []
    assert [t for t in STILL_THE_PLACEBO_ARM if not read[t]] == []


# --- Placebo and sham comparators: words that name a placebo -------------------------------------------------------

PLACEBO_TEXTS = [
    "Placibo tablet", "Palcebo", "Plazebo Tablette", "Nonfunctioning LED mask", "Non-functional device",
    "TENS unit without electrical output", "Retractable blunt needle touching the skin", "Blunt needles",
    "Shallow needling at non-points", "Non-medicated patch", "Dextrin granules", "Dim red light 30 min/day",
    "Fictitious stimulation", "Fictive acupuncture", "False acupuncture", "Diphenhydramine 50 mg to mimic side effects",
    "Hartmann's solution 500 mL", "NS 0.9% 100 mL", "0.9% NS",
]
NOT_PLACEBO_TEXTS = [
    "Midazolam 0.045 mg/kg IV over 40 minutes", "MenACWY 0.5 mL IM", "Functional electrical stimulation",
    "Blunt dissection of the flap", "Printed education brochures", "Placement of a chest drain",
    "Rice-based oral rehydration", "Standard physiotherapy", "Light therapy 10,000 lux", "NSAID as needed",
    "False lumen thrombosis monitored", "Exercise mimicking daily activities",
]


def test_placebos_as_sponsors_word_them(con):
    read = _read(con, lambda t, _d: arm_types.matches_sql(t, arm_types.PLACEBO_WORDS),
                 PLACEBO_TEXTS + NOT_PLACEBO_TEXTS)
    assert [t for t in PLACEBO_TEXTS if not read[t]] == []
    assert [t for t in NOT_PLACEBO_TEXTS if read[t]] == []


# --- Record-level cases ---------------------------------------------------------------------------------------------

OPEN_LABEL_DRUG = ("DRUG", "Dapagliflozin", "Open-label dapagliflozin 10 mg once daily")

ARM_CASES = {
    # An extension's arm titled for the placebo its participants took before, given the drug now.
    "NCT01500001": (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo Randomized Participants",
                                                             given=[OPEN_LABEL_DRUG])),
    "NCT01500002": (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo (Parent Study)", given=[OPEN_LABEL_DRUG])),
    "NCT01500003": (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Former placebo patients", given=[OPEN_LABEL_DRUG])),
    # A dose-extending placebo is what such a study tests.
    "NCT01500004": (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Dose-extending placebo")),
    # Still the placebo arm: the drug's description names its matching placebo; a republished page's links are not
    # read, so its title tells.
    "NCT01500005": (PLACEBO_TYPED_ACTIVE, True, placebo_arm("Placebo", given=[
        ("DRUG", "Dapagliflozin", "Dapagliflozin 10 mg or matching placebo once daily")])),
    "NCT01500006": (PLACEBO_TYPED_ACTIVE, True, placebo_arm("Placebo Q4W")),
    "NCT01500007": (PLACEBO_TYPED_ACTIVE, True, placebo_arm("Placebo", given=[OPEN_LABEL_DRUG],
                                                            layout="aggregator_text")),
    "NCT01500008": (PLACEBO_TYPED_ACTIVE, True, placebo_arm("Sham CPAP", "ACTIVE_COMPARATOR", given=[
        ("DEVICE", "Sham CPAP", "Subtherapeutic pressure through the same mask")])),
    # No Intervention arms linked to a row saying nothing is given, or to something given.
    "NCT01500011": (NO_INTERVENTION, False, control_arm("No prophylaxis", "No antibiotics before surgery", [
        ("DRUG", "No antibiotic prophylaxis", "No antibiotics are given")])),
    "NCT01500012": (NO_INTERVENTION, False, control_arm("Control", "Usual activity", [
        ("OTHER", "No Treatment Group", "Participants continue their usual activities")])),
    "NCT01500013": (NO_INTERVENTION, False, control_arm("Control", "Usual activity", [
        ("OTHER", "Control", "Participants will not receive any intervention")])),
    "NCT01500014": (NO_INTERVENTION, True, control_arm("Control", "Usual activity", [
        ("PROCEDURE", "No-touch technique", "Saphenous vein harvested with its surrounding tissue")])),
    "NCT01500015": (NO_INTERVENTION, True, control_arm("Control", "Usual activity", [
        ("OTHER", "No treatment and questionnaires", "Questionnaires at baseline and 12 weeks")])),
    # Placebo comparators given a placebo named as sponsors name it; an active control vaccine is no placebo.
    "NCT01500021": (COMPARATOR_WITHOUT_PLACEBO, False, comparator("Plazebo", "Einmal täglich", [
        ("DRUG", "Plazebo", "Tablette, einmal täglich")])),
    "NCT01500022": (COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Worn 8 hours a day", [
        ("DEVICE", "Nonfunctioning LED mask", "The same mask, emitting no light")], "SHAM_COMPARATOR")),
    "NCT01500023": (COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Electrodes placed", [
        ("DEVICE", "TENS", "Unit without electrical output")], "SHAM_COMPARATOR")),
    "NCT01500024": (COMPARATOR_WITHOUT_PLACEBO, True, comparator("Control vaccine", "One dose of MenACWY", [
        ("BIOLOGICAL", "MenACWY", "0.5 mL intramuscularly")])),
}


def test_arm_type_cases(tmp_path):
    built = {}
    for nct_id, (_rule_id, _fires, change) in ARM_CASES.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    flagged = harness.flagged_studies(tmp_path, built, arm_types.RULES)
    wrong = {nct_id: (rule_id, fires) for nct_id, (rule_id, fires, _c) in ARM_CASES.items()
             if (nct_id in flagged[rule_id]) != fires}
    assert wrong == {}
    # Each study holds one case: no other arm-type rule flags it.
    assert {n for rule_id, found in flagged.items() for n in found if ARM_CASES[n][0] != rule_id} == set()


SEX_CASES = {
    # A study of pregnant women lists a condition of the boys they carry.
    "NCT01600001": (False, given("FEMALE", "Hypospadias",
                                 title="Maternal Progestin Exposure in Early Pregnancy and Hypospadias")),
    "NCT01600002": (False, given("FEMALE", "Cryptorchidism", title="Prenatal Phthalate Exposure and Cryptorchidism")),
    # Fathers, IVF couples, transgender and gender-diverse people, differences of sex development.
    "NCT01600003": (False, given("MALE", "Pre-Eclampsia", "Preterm Birth",
                                 title="Paternal Age and Pregnancy Outcomes")),
    "NCT01600004": (False, given("FEMALE", "Infertility", "Testicular Sperm Extraction",
                                 title="Oocyte Activation After ICSI With Testicular Sperm")),
    "NCT01600005": (False, given("FEMALE", "Prostate Cancer",
                                 title="Prostate Cancer Screening in Transfeminine Individuals")),
    "NCT01600006": (False, given("MALE", "Vaginal Atrophy",
                                 title="Testosterone and Vaginal Atrophy in Nonbinary and Gender-Diverse Adults")),
    "NCT01600007": (False, given("FEMALE", "Testicular Tissue",
                                 title="Gonadal Function in 46,XY Disorders of Sex Development")),
    # A condition named for the admitted sex; a cancer of the neck.
    "NCT01600008": (False, given("FEMALE", "Female Hypospadias")),
    "NCT01600009": (False, given("MALE", "Cervical Squamous Cell Carcinoma of Unknown Primary")),
    # What people who are not the patients know of a condition; males with a Mullerian remnant.
    "NCT01600010": (False, given("FEMALE", "Prostate Cancer", title="Prostate Cancer Awareness Among Women in Lagos")),
    "NCT01600016": (False, given("FEMALE", "Prostate Cancer",
                                 title="Survey of Female Urologists on Prostate Cancer Screening")),
    "NCT01600017": (False, given("MALE", "Persistent Mullerian Duct Syndrome", "Uterine Remnant")),
    # Still a swapped Sex: pre-eclampsia in pregnant women admitted as males; prostate MRI in females; vulvodynia
    # and vaginismus in males.
    "NCT01600011": (True, given("MALE", "Pre-Eclampsia", title="Aspirin to Prevent Preeclampsia in Pregnant Women")),
    "NCT01600012": (True, given("FEMALE", "Prostate Cancer",
                                title="Biparametric MRI for Prostate Cancer Detection")),
    "NCT01600013": (True, given("MALE", "Vulvodynia")),
    "NCT01600014": (True, given("MALE", "Vaginismus", title="Botulinum Toxin for Vaginismus")),
    "NCT01600015": (True, given("FEMALE", "Hypospadias", title="Hypospadias Repair in Infants")),
    "NCT01600018": (True, given("MALE", "Uterine Fibroids",
                                title="Ulipristal for Uterine Fibroids in Premenopausal Women")),
}


def test_condition_sex_cases(tmp_path):
    built = {}
    for nct_id, (_fires, change) in SEX_CASES.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    flagged = harness.flagged_studies(tmp_path, built, condition_sex.RULES)[SEX_RULE]
    assert {n for n, (fires, _c) in SEX_CASES.items() if fires} == flagged

