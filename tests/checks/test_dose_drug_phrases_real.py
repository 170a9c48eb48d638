"""Arm, intervention and outcome texts written as registry records write them, read by the arm-dose rule and the
drug rule: the ones that state no contradiction stay quiet, the ones that state one fire."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings
from checks.drug_history import HISTORY_AFTER, HISTORY_BEFORE
from checks.drug_names import stem_drugs
from checks.drug_not_given import not_given
from checks.dose_text import describe, parse_doses
from tests.checks.harness import dose_findings


# (arm description, intervention description, drug): the same regimen said two ways, or doses that are not comparable.
QUIET_DOSES = [
    # a weight-based dose against a fixed one, a vial strength
    ("Tocilizumab 8 mg/kg IV every 4 weeks", "Tocilizumab 162 mg SC weekly", "Tocilizumab"),
    ("Infliximab 5 mg/kg at weeks 0, 2 and 6", "Infliximab 100 mg lyophilized powder per vial", "Infliximab"),
    # loading, then maintenance
    ("Imatinib 800 mg loading dose, then 400 mg daily", "Imatinib 400 mg once daily", "Imatinib"),
    ("Vancomycin loading dose of 25 mg/kg followed by 15 mg/kg every 12 hours", "Vancomycin 15 mg/kg every 12 hours",
     "Vancomycin"),
    ("Apixaban 10 mg twice daily for 7 days, then 5 mg twice daily", "Apixaban 5 mg twice daily", "Apixaban"),
    ("Rivaroxaban 15 mg twice daily for 21 days followed by 20 mg once daily", "Rivaroxaban 20 mg once daily",
     "Rivaroxaban"),
    ("Dupilumab 600 mg (two 300 mg injections) on day 1, then 300 mg every 2 weeks", "Dupilumab 300 mg every 2 weeks",
     "Dupilumab"),
    ("Adalimumab 160 mg at week 0, 80 mg at week 2, then 40 mg every other week", "Adalimumab 40 mg every other week",
     "Adalimumab"),
    ("Colchicine 1.2 mg followed by 0.6 mg one hour later", "Colchicine 0.6 mg tablets", "Colchicine"),
    ("Caffeine citrate 20 mg/kg loading dose then 5 mg/kg/day", "Caffeine citrate 5 mg/kg once daily",
     "Caffeine citrate"),
    ("Tranexamic acid 1 g IV over 10 minutes, then 1 g over 8 hours", "Tranexamic acid 1 g IV", "Tranexamic acid"),
    # escalation, titration, tapering, dose levels
    ("Dose levels 1-4: 10, 20, 40, 80 mg of XYZ-123 once daily", "XYZ-123 20 mg once daily", "XYZ-123"),
    ("Semaglutide 2.4 mg once weekly", "Semaglutide 0.25 mg once weekly for 4 weeks, escalated every 4 weeks to 2.4 mg",
     "Semaglutide"),
    ("Methotrexate 7.5 mg weekly increasing to 15 mg weekly", "Methotrexate 15 mg weekly", "Methotrexate"),
    ("Prednisone 60 mg/day for 2 weeks, then tapered to 10 mg/day", "Prednisone 10 mg daily", "Prednisone"),
    ("Insulin glargine 10 units at bedtime, titrated to fasting glucose", "Insulin glargine 100 units/mL",
     "Insulin glargine"),
    ("Baricitinib up to 4 mg once daily", "Baricitinib 2 mg once daily, increased to 4 mg if needed", "Baricitinib"),
    # a daily or weekly total against the amount of each administration
    ("Baricitinib 4 mg/day given as 2 mg twice daily", "Baricitinib 2 mg twice daily", "Baricitinib"),
    ("Lamotrigine 100 mg/day", "Lamotrigine 50 mg twice daily", "Lamotrigine"),
    ("Metformin 1 g/day", "Metformin 500 mg BID", "Metformin"),
    ("Metformin 2000 mg per day", "Metformin 1000 mg twice daily", "Metformin"),
    ("Colchicine 0.5 mg twice daily (1 mg/day)", "Colchicine 0.5 mg twice daily", "Colchicine"),
    ("Methotrexate 15 mg orally once weekly", "Methotrexate 15 mg/week", "Methotrexate"),
    # one regimen in two units or schedules
    ("Metformin 0.5 g twice daily", "Metformin 500 mg twice daily", "Metformin"),
    ("Fluticasone 250 micrograms twice daily", "Fluticasone 250 mcg twice daily", "Fluticasone"),
    ("Fluticasone 250 µg twice daily", "Fluticasone 0.25 mg twice daily", "Fluticasone"),
    ("Aspirin 100 mg daily", "Aspirin 0.1 g once daily", "Aspirin"),
    ("Vitamin B12 1000 mcg IM monthly", "Cyanocobalamin 1 mg intramuscular once a month", "Vitamin B12"),
    ("Vitamin D3 50,000 IU weekly", "Vitamin D3 50000 IU once weekly", "Vitamin D3"),
    ("Heparin 5000 units SC every 8 hours", "Heparin 5,000 IU three times daily", "Heparin"),
    ("Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab 200 mg IV Q3W", "Pembrolizumab"),
    ("Pembrolizumab 200 mg Q3W", "Pembrolizumab 200 mg every 21 days", "Pembrolizumab"),
    ("Pembrolizumab 200 mg IV on day 1 of each 21-day cycle", "Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab"),
    ("Amoxicillin 500 mg three times daily", "Amoxicillin 500 mg every 8 hours", "Amoxicillin"),
    ("Nivolumab 240 mg every 2 weeks or 480 mg every 4 weeks", "Nivolumab 480 mg IV every 4 weeks", "Nivolumab"),
    # a concentration, a volume, a count of units, a frequency number
    ("Tacrolimus 0.1% ointment twice daily", "Tacrolimus ointment 0.03% or 0.1%", "Tacrolimus"),
    ("Drug X 20 mg once daily", "Drug X oral solution 10 mg/mL, 2 mL once daily", "Drug X"),
    ("Iron sucrose 200 mg IV (10 mL) weekly", "Iron sucrose 20 mg/mL, 10 mL vial", "Iron sucrose"),
    ("Baricitinib 2 mg once daily for 4 weeks, visits on day 2", "Baricitinib 2 mg tablets, 1 tablet daily",
     "Baricitinib"),
    ("Baricitinib 4 mg (2 x 2 mg tablets) once daily", "Baricitinib 2 mg tablets", "Baricitinib"),
    ("Aspirin 81 mg daily", "Aspirin 81 mg enteric-coated tablet", "Aspirin"),
    # doses by population or renal function, either of two
    ("Children under 30 kg: 2 mg; 30 kg or more: 4 mg once daily", "Baricitinib 4 mg once daily", "Baricitinib"),
    ("Baricitinib 4 mg once daily (2 mg once daily if eGFR 30-60)", "Baricitinib 2 mg once daily", "Baricitinib"),
    ("Oxytocin 10 IU IM", "Oxytocin 5 IU IV bolus or 10 IU IM", "Oxytocin"),
    ("Intravenous Acetaminophen 15 milligrams/kilogram (mg/kg) every 8 hours", "Acetaminophen 1000 mg every 6 hours",
     "Acetaminophen"),
    ("Docetaxel will be administered at 75 milligrams per metre squared", "Docetaxel 120 mg in 6 mL vial", "Docetaxel"),
    ("Ondansetron 8 mg IV before surgery and 4 mg IV after", "Ondansetron 4 mg IV", "Ondansetron"),
    ("Carboplatin AUC 5 (maximum 750 mg)", "Carboplatin AUC 5 IV every 3 weeks", "Carboplatin"),
    # an infusion rate against a bolus
    ("Dexmedetomidine 1 mcg/kg over 10 minutes, then 0.5 mcg/kg/h", "Dexmedetomidine 1 mcg/kg loading dose",
     "Dexmedetomidine"),
    ("Dexmedetomidine infusion at 0.5 mcg/kg/hour", "Dexmedetomidine 1 mcg/kg over 10 minutes", "Dexmedetomidine"),
    ("Ketamine 0.15 mg/kg/h infusion for 24 hours", "Ketamine 0.5 mg/kg bolus at induction", "Ketamine"),
    ("Remifentanil 0.1 mcg/kg/min", "Remifentanil 1 mcg/kg bolus", "Remifentanil"),
    ("Morphine PCA 1 mg/hour background", "Morphine 2 mg bolus", "Morphine"),
    ("Ropivacaine 0.2% infusion at 6 mL per hour", "Ropivacaine 0.2% 10 mL bolus", "Ropivacaine"),
    ("Lidocaine 1.5 mg/kg bolus followed by 2 mg/kg/h infusion", "Lidocaine 1.5 mg/kg IV bolus", "Lidocaine"),
    # an amount at each of several sites against the whole
    ("Bilateral block with bupivacaine 0.25%, 20 mL on each side", "Bupivacaine 0.25% 40 mL in total", "Bupivacaine"),
    ("Bupivacaine 0.25% 15 mL per side", "Bupivacaine 0.25%, 30 ml (15 ml each side)", "Bupivacaine"),
    ("Botulinum toxin 100 units in total", "Botulinum toxin 20 units per injection site", "Botulinum toxin"),
]
# Of QUIET_DOSES, the texts whose finding was a false one: a daily total, a later phase, a rate, a site.
MENDED_DOSES = {
    "Apixaban", "Rivaroxaban", "Dupilumab", "Adalimumab", "Colchicine 1.2 mg followed by 0.6 mg one hour later",
    "Lamotrigine", "Metformin 1 g/day", "Metformin 2000 mg per day", "Dexmedetomidine infusion at 0.5 mcg/kg/hour",
    "Ketamine", "Remifentanil", "Morphine", "Ropivacaine", "Bilateral block",
}

FIRING_DOSES = [
    ("Baricitinib will be taken orally with a dose of 2mg once daily",
     "Baricitinib will be taken orally with a dose of 4mg once daily", "Baricitinib"),
    ("Levetiracetam 500 mg twice daily", "Levetiracetam 1000 mg twice daily", "Levetiracetam"),
    ("Cyclophosphamide 50 mg/kg", "Cyclophosphamide 5 mg/kg", "Cyclophosphamide"),
    ("Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab 400 mg every 3 weeks", "Pembrolizumab"),
    ("Baricitinib 2 mg once daily", "Baricitinib 2 mg twice daily", "Baricitinib"),
    ("Metformin 0.5 g twice daily", "Metformin 250 mg twice daily", "Metformin"),
    ("Fluticasone 500 micrograms twice daily", "Fluticasone 250 mcg twice daily", "Fluticasone"),
    ("Budesonide 400 micrograms twice daily", "Budesonide 200 µg twice daily", "Budesonide"),
    ("Gabapentin 300 milligrams three times daily", "Gabapentin 100 mg three times daily", "Gabapentin"),
    ("Lamotrigine 100 mg/day", "Lamotrigine 100 mg twice daily", "Lamotrigine"),
    ("Methotrexate 25 mg/week", "Methotrexate 15 mg once weekly", "Methotrexate"),
    ("Dexmedetomidine infusion 1 mcg/kg/h", "Dexmedetomidine infusion 0.5 mcg/kg/h", "Dexmedetomidine"),
    ("Morphine 2 mg/hour infusion", "Morphine 1 mg/hour infusion", "Morphine"),
    ("Vitamin D3 50,000 IU weekly", "Vitamin D3 5,000 IU weekly", "Vitamin D3"),
    ("Rituximab 375 mg/m2 weekly", "Rituximab 500 mg/m2 weekly", "Rituximab"),
    ("Heparin 5000 IU twice daily", "Heparin 10000 IU twice daily", "Heparin"),
    ("Apixaban 2.5 mg twice daily", "Apixaban 5 mg twice daily", "Apixaban"),
    ("Amoxicillin 500 mg every 8 hours", "Amoxicillin 500 mg twice daily", "Amoxicillin"),
    ("Acetaminophen 15 milligrams/kilogram every 6 hours", "Acetaminophen 10 mg/kg every 6 hours", "Acetaminophen"),
    ("Apixaban 10 mg twice daily for 7 days, then 2.5 mg twice daily", "Apixaban 5 mg twice daily", "Apixaban"),
    ("Bupivacaine 0.25% 15 mL per side", "Bupivacaine 0.25% 20 mL per side", "Bupivacaine"),
    ("Bupivacaine 0.25%, 20 mL on each side", "Bupivacaine 0.25% 25 mL in total", "Bupivacaine"),
]


def _note(arm: str) -> str:
    return arm[:60]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_DOSES, ids=[_note(a) for a, _, _ in QUIET_DOSES])
def test_arm_and_intervention_stating_one_regimen_stay_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_DOSES, ids=[_note(a) for a, _, _ in FIRING_DOSES])
def test_arm_and_intervention_stating_different_doses_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


def test_mended_dose_phrases_are_quiet_phrases():
    assert all(any(a.startswith(m) for a, _, _ in QUIET_DOSES) for m in MENDED_DOSES)


@pytest.mark.parametrize("text, dose", [
    ("250 micrograms twice daily", "0.25 mg twice daily"),
    ("20 milligrams once daily", "20 mg once daily"),
    ("2 grams", "2000 mg"),
    ("0.5 mcg/kg/h", "0.0005 mg/kg/h"),
    ("0.1 mcg/kg/min", "0.0001 mg/kg/min"),
    ("2 mg per hour", "2 mg/h"),
    ("8 mL/hr", "8 ml/h"),
    ("10 mg/24 h", "10 mg once daily"),
    ("15 milligrams/kilogram", "15 mg/kg"),
    ("75 milligrams per metre squared", "75 mg/m2"),
    ("500 milligrams per square meter", "500 mg/m2"),
    ("500 mg every 8 hours", "500 mg three times daily"),
    ("1 g q12h", "1000 mg twice daily"),
])
def test_unit_words_and_rates(text, dose):
    assert [describe(d) for d in parse_doses(text)] == [dose]


@pytest.mark.parametrize("text, per_site", [
    ("20 mL on each side", True),
    ("0.5 mL per eye", True),
    ("2 units per injection site", True),
    ("10 mL into each knee", True),
    ("40 mL in total", False),
    ("20 mg per arm", False),  # an arm is also a study arm
])
def test_amount_at_each_site(text, per_site):
    assert [d.per_site for d in parse_doses(text)] == [per_site]


BARICITINIB = (("Baricitinib", "Baricitinib 2 mg tablet once daily"),)
HUMIRA = (("Humira", "40 mg every other week"),)


def _outcome_findings(measure: str, description: str | None = None, interventions=BARICITINIB) -> list:
    arms = [(name, text) for name, text in interventions]
    return list(study_drug_findings("NCT0", [(measure, description)], arms, list(interventions),
                                    [(name,) for name, _ in interventions], []))


def _arm_title_findings(title: str) -> list:
    return list(study_drug_findings("NCT0", [("ESSDAI", None)], [(title, None)], list(BARICITINIB),
                                    [("Baricitinib",)], []))


# Outcomes naming a drug the study does not give, and says so: rescue, background, history, a condition named
# after the drug, a measured substance, standard care. (measure, description)
QUIET_OUTCOMES = [
    ("Use of rescue salbutamol", None),
    ("Proportion of patients needing insulin", None),
    ("Change in HbA1c on metformin background", None),
    ("Change in HbA1c in patients on background metformin", None),
    ("Serum ferritin", None),
    ("Number of patients requiring ondansetron", None),
    ("Proportion of patients requiring rescue ondansetron", None),
    ("Exacerbations requiring oral prednisolone", None),
    ("Incidence of PONV requiring ondansetron rescue", None),
    ("Incidence of methicillin-resistant Staphylococcus aureus infection", None),
    ("Rate of carbapenem-resistant Enterobacteriaceae colonization", None),
    ("Incidence of cisplatin-induced nephrotoxicity", None),
    ("Objective response in cisplatin-ineligible patients", None),
    ("Proportion in prednisone-free remission at week 52", None),
    ("Proportion of patients with prednisone-dependent disease", None),
    ("Response in patients previously treated with ibrutinib", None),
    ("PFS in imatinib-resistant GIST", None),
    ("Response after failure of imatinib", None),
    ("Patients intolerant of ibrutinib", None),
    ("Disease control after progression on osimertinib", None),
    ("Non-inferiority against standard of care (enoxaparin)", None),
    ("Change in LDL-C in patients on maximally tolerated atorvastatin", None),
    ("Time to first rescue analgesic (ketorolac)", None),
    ("Proportion of statin users", None),
    ("Cumulative oxycodone consumption over 48 hours", None),
    ("Trough concentration of baricitinib", None),
    ("Plasma somatostatin", None),
    ("Cystatin C-based eGFR", None),
    ("Number of participants with warfarin-associated bleeding", None),
    ("Efficacy in patients refractory to lenalidomide", None),
]
# Of QUIET_OUTCOMES, those that fired before: the start of each measure.
MENDED_OUTCOMES = {
    "Change in HbA1c on metformin", "Number of patients requiring", "Exacerbations requiring",
    "Incidence of PONV", "Incidence of methicillin", "Rate of carbapenem", "Incidence of cisplatin",
    "Objective response in cisplatin", "Proportion in prednisone-free", "Proportion of patients with prednisone",
    "Response in patients previously", "PFS in imatinib", "Response after failure", "Patients intolerant",
    "Disease control after", "Non-inferiority against", "Change in LDL-C",
}
# The brand-named intervention's drug, measured: "anti-drug antibodies to adalimumab" where Humira is given.
QUIET_BRAND_OUTCOMES = ["Anti-drug antibodies to adalimumab", "Incidence of anti-adalimumab antibodies",
                        "Serum adalimumab trough levels"]

FIRING_OUTCOMES = [
    ("Adverse events related to belimumab are recorded", None),
    ("Adverse events of tofacitinib", None),
    ("Pharmacokinetics of upadacitinib: Cmax", None),
    ("Change in DAS28 with adalimumab", None),
    ("Efficacy of ibrutinib in relapsed CLL", None),
    ("Ibrutinib-related adverse events", None),
    ("Overall survival with sorafenib versus placebo", None),
    ("Incidence of infusion reactions to infliximab", None),
    ("PFS rate of the combination of thalidomide with gefitinib", None),
    ("Safety of upadacitinib added to standard of care", None),
    ("Standard of care plus tofacitinib", None),
    ("Time to progression on tofacitinib", None),
    ("Treatment failure with tofacitinib", None),
    ("Patients needing dose reduction of tofacitinib", None),
    ("Sedation depth with diazepam", None),
]

QUIET_ARM_TITLES = [
    "Patients previously treated with ibrutinib", "Cohort B: ibrutinib-refractory", "Cohort C: Prior pembrolizumab",
    "Post-ibrutinib cohort", "Cisplatin-ineligible", "Imatinib-resistant GIST", "Nivolumab-naive",
    "Part 2: BTKi-pretreated (ibrutinib-pretreated)", "Trastuzumab-pretreated HER2+ breast cancer",
    "Patients intolerant to imatinib", "Cohort 2: progressed on osimertinib", "Lenalidomide-refractory myeloma",
    "Baricitinib 2 mg", "Cohort A (Adults)",
]
MENDED_ARM_TITLES = {
    "Patients previously treated with ibrutinib", "Cohort B: ibrutinib-refractory", "Cisplatin-ineligible",
    "Imatinib-resistant GIST", "Part 2: BTKi-pretreated (ibrutinib-pretreated)",
    "Trastuzumab-pretreated HER2+ breast cancer", "Patients intolerant to imatinib",
    "Cohort 2: progressed on osimertinib",
}
FIRING_ARM_TITLES = ["Tofacitinib", "Pembrolizumab + chemotherapy", "Upadacitinib 15 mg", "Arm B: ibrutinib",
                     "Cohort A: Tofacitinib 5 mg twice daily", "Sorafenib 400 mg twice daily"]


@pytest.mark.parametrize("measure, description", QUIET_OUTCOMES, ids=[m for m, _ in QUIET_OUTCOMES])
def test_outcome_naming_a_drug_the_study_does_not_give_stays_quiet(measure, description):
    assert _outcome_findings(measure, description) == []


@pytest.mark.parametrize("measure", QUIET_BRAND_OUTCOMES)
def test_outcome_measuring_the_brand_named_drug_stays_quiet(measure):
    assert _outcome_findings(measure, interventions=HUMIRA) == []


@pytest.mark.parametrize("measure, description", FIRING_OUTCOMES, ids=[m for m, _ in FIRING_OUTCOMES])
def test_outcome_naming_another_drug_fires(measure, description):
    assert len(_outcome_findings(measure, description)) == 1


@pytest.mark.parametrize("title", QUIET_ARM_TITLES)
def test_arm_title_naming_a_prior_drug_stays_quiet(title):
    assert _arm_title_findings(title) == []


@pytest.mark.parametrize("title", FIRING_ARM_TITLES)
def test_arm_title_naming_another_drug_fires(title):
    assert len(_arm_title_findings(title)) == 1


def test_mended_drug_phrases_are_quiet_phrases():
    assert all(any(m.startswith(w) for m, _ in QUIET_OUTCOMES) for w in MENDED_OUTCOMES)
    assert MENDED_ARM_TITLES <= set(QUIET_ARM_TITLES)


# (text, drug, the history entry that says it is not given)
HISTORY = [
    ("Response in patients previously treated with ibrutinib", "ibrutinib", "treated before"),
    ("Efficacy in patients refractory to imatinib", "imatinib", "failed before"),
    ("Disease control after progression on osimertinib", "osimertinib", "failed before"),
    ("Non-inferiority against standard of care (enoxaparin)", "enoxaparin", "standard care"),
    ("Exacerbations requiring oral prednisolone", "prednisolone", "required"),
    ("LDL-C on maximally tolerated atorvastatin", "atorvastatin", "tolerated"),
    ("Incidence of methicillin-resistant Staphylococcus aureus", "methicillin", "named after"),
    ("Rate of cisplatin-induced nephrotoxicity", "cisplatin", "named after"),
    ("Proportion in prednisone-free remission", "prednisone", "named after"),
    ("Change in HbA1c on a metformin background", "metformin", "background"),
    ("Switch from tacrolimus to sirolimus", "tacrolimus", "switched from"),
    ("Response in anti-TNF experienced patients (infliximab or adalimumab)", "adalimumab", "examples of history"),
    ("TNF-IR (adalimumab or infliximab inadequate responders)", "adalimumab", "inadequate response"),
    ("Serum creatinine with vancomycin per standard of care", "vancomycin", "standard care after"),
]


@pytest.mark.parametrize("text, drug, why", HISTORY, ids=[w for _, _, w in HISTORY])
def test_history_with_a_drug(text, drug, why):
    assert not_given(text, text.lower().index(drug), drug) == why


def test_every_history_pattern_has_a_phrase():
    assert {name for name, _ in HISTORY_BEFORE + HISTORY_AFTER} == {why for _, _, why in HISTORY}


@pytest.mark.parametrize("text, drugs", [
    ("sorafenib and diazepam", {"sorafenib", "diazepam"}),
    ("rocuronium, sufentanil, decitabine", {"rocuronium", "sufentanil", "decitabine"}),
    ("Cystatin C", set()),
    ("a statin", set()),
])
def test_drug_words_with_two_letters_before_a_long_stem(text, drugs):
    assert stem_drugs(text) == drugs
