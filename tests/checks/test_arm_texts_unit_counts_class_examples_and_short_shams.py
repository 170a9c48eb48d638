"""Arm, intervention and outcome texts worded as registry records word them, read by the arm-dose rule, the drug rule
and the comparator rule: a product named by counting its units, a class of drugs an outcome counts listed with its
examples, and a sham procedure stopped short of the part that treats, each quiet, beside the defects that still fire."""
from __future__ import annotations

import pytest

from checks import arm_types
from checks.contradictions_arms import study_dose_findings
from checks.contradictions_drugs import study_drug_findings
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, comparator


# --- A product named by counting its units ---------------------------------------------------------------------------

# (arm description, intervention name, intervention description, fires): the name counts the units of the product
# given at once, the description restates the unit's strength (a reference product, its maker, its batch).
UNIT_COUNT_CASES = [
    ("Single oral dose of Voriconazole (Dose: 400mg, Dosage form: Tablet, Frequency: Once)",
     "Voriconazole 200 mg x 2 Tablets",
     "Reference Formulation: Tablets Voriconazole (Vfend), 200 mg by Pfizer Inc. (Batch No: 1234; 05/2019)", False),
    ("Metformin 1000 mg twice daily with meals", "Metformin 500 mg x 2 tablets",
     "Metformin 500 mg film-coated tablets (Glucophage, Merck Sante)", False),
    ("Ibuprofen 800mg three times a day for 5 days", "Ibuprofen 400mg x2 tabs",
     "Ibuprofen 400 mg tablets (Brufen, Abbott), batch no. 7781", False),
    ("Paracetamol 1 g orally every 6 hours", "Paracetamol 500 mg X 2 tablets",
     "Paracetamol tablets 500mg (Panadol), GSK Consumer Healthcare", False),
    # the description states a dose of its own that the arm's does not agree with
    ("Voriconazole 400 mg once daily", "Voriconazole 200 mg x 2 Tablets", "Voriconazole 300 mg once daily", True),
    ("Metformin 1000 mg twice daily", "Metformin 500 mg x 2 tablets", "Metformin 750 mg twice daily", True),
]


@pytest.mark.parametrize("arm, name, description, fires", UNIT_COUNT_CASES,
                         ids=[f"{c[1]}|{c[2][:30]}" for c in UNIT_COUNT_CASES])
def test_a_product_named_by_counting_its_units(arm, name, description, fires):
    found = list(study_dose_findings("NCT0", [("Treatment", arm)], [(name, description)], [("Treatment", name)]))
    assert bool(found) == fires, [f.message for f in found]


# --- A class of drugs an outcome counts, listed with its examples ----------------------------------------------------

RIFAXIMIN = [("Rifaximin 550 mg", "Rifaximin 550 mg twice daily from day -7 to day +21")]


def _outcome_findings(measure: str, description: str | None) -> list:
    return list(study_drug_findings("NCT0", [(measure, description)], [("Rifaximin", "Rifaximin 550 mg bid")],
                                    RIFAXIMIN, [("Rifaximin 550 mg",)], []))


# (measure, description, fires)
CLASS_LIST_CASES = [
    ("Incidence of infections after transplant",
     "Incidence of resistant sepsis and usage of higher antibiotics (e.g. carbapenems, colistin, tigecycline, "
     "ceftazidime avibactam and ceftriaxone-sulbactam EDTA) in the first 6 months", False),
    ("Infections in the first 100 days",
     "Need for broad-spectrum antibiotics (such as meropenem, piperacillin tazobactam or vancomycin)", False),
    ("Postoperative nausea",
     "Patients requiring antiemetics (e.g., ondansetron, dexamethasone or metoclopramide) in the recovery room", False),
    ("Pain after surgery", "Number of patients given rescue analgesics (i.e. tramadol or morphine sulphate)", False),
    ("Exacerbations", "Exacerbations treated with systemic corticosteroids (including methylprednisolone, "
     "prednisolone) or antibiotics", False),
    # a drug the outcome measures, not an example of a class it counts
    ("Rate of C. difficile infection", "Compared with vancomycin", True),
    ("Gut decontamination", "Microbial diversity in patients given neomycin with the study drug", True),
]


@pytest.mark.parametrize("measure, description, fires", CLASS_LIST_CASES, ids=[c[0] for c in CLASS_LIST_CASES])
def test_a_class_of_care_listed_with_its_examples(measure, description, fires):
    found = _outcome_findings(measure, description)
    assert bool(found) == fires, [f.message for f in found]


# --- A sham procedure stopped short of the part that treats ----------------------------------------------------------

def _device(name: str, description: str) -> list[tuple[str, str, str]]:
    return [("DEVICE", name, description)]


SHAM_CASES = {
    "NCT02100001": (False, comparator(
        "Control Arm", "Conservative management plus advancement of the delivery needle into the skin in the "
        "direction of the target disc but without contacting the muscle layer or deeper",
        [("OTHER", "Conservative Care", "Physical therapy and/or pain medication")], "SHAM_COMPARATOR")),
    "NCT02100002": (False, comparator(
        "Control procedure", "Cannula placed under fluoroscopy without penetrating the annulus",
        _device("Disc access cannula", "Introducer cannula, 17 G"), "SHAM_COMPARATOR")),
    "NCT02100003": (False, comparator(
        "Control", "Same catheterisation and positioning, without actually delivering energy",
        _device("Catheter", "Standard electrophysiology catheter"), "SHAM_COMPARATOR")),
    "NCT02100004": (False, comparator(
        "Group B", "Syringe pressed on the conjunctiva WITHOUT injecting",
        [("PROCEDURE", "Eye procedure", "Topical anaesthesia and povidone iodine")], "SHAM_COMPARATOR")),
    # an active comparator typed Sham Comparator; a Placebo Comparator's usual care is read without the sham wording
    "NCT02100005": (True, comparator(
        "Conventional CBT", "Conventional CBT, 12 weekly sessions",
        [("BEHAVIORAL", "Conventional CBT", "Manualised cognitive behavioural therapy")], "SHAM_COMPARATOR")),
    "NCT02100006": (True, comparator(
        "Usual care", "Standard diabetes care without entering the study programme",
        [("OTHER", "Usual care", "Care as usual")])),
    "NCT02100007": (True, comparator(
        "Breathing exercises", "Breathing exercises at home for 8 weeks without interruption",
        [("OTHER", "Home exercise", "Diaphragmatic breathing, 10 minutes twice daily")], "SHAM_COMPARATOR")),
}


def test_a_sham_procedure_stopped_short(tmp_path):
    built = {}
    for nct_id, (_fires, change) in SHAM_CASES.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    flagged = harness.flagged_studies(tmp_path, built, arm_types.RULES)[COMPARATOR_WITHOUT_PLACEBO]
    assert {nct_id for nct_id, (fires, _c) in SHAM_CASES.items() if (nct_id in flagged) != fires} == set()
