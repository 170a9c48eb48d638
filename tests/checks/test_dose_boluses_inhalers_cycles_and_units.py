"""Doses as registry records word them: a bolus before an infusion, a drug's different products, titration, combination
inhalers (puffs, metered and delivered doses), chemotherapy given on several days of a cycle, pediatric weight bands,
misspelt units ("mgs", "I.U.", "U"), and pairs from fields the other dose cases hold few of (oncology cycles, insulin,
vaccines, biologics, radiotherapy, devices, placebo, doses in words, ranges)."""
from __future__ import annotations

import pytest

from checks.dose_text import describe, parse_doses
from tests.checks.harness import dose_findings


def _note(arm: str) -> str:
    return arm[:60]


# A bolus before an infusion's rate is the infusion's loading dose, and the rate after a named loading dose is no
# loading dose: each was quiet before, as a phase named for one of the two texts only.
FIRING_LOADS = [
    ("Ketamine 0.5 mg/kg bolus then 0.1 mg/kg/h", "Ketamine loading dose 0.5 mg/kg, infusion 0.2 mg/kg/h", "Ketamine"),
    ("Ketamine 0.5 mg/kg bolus then 0.2 mg/kg/h", "Ketamine loading dose 1 mg/kg, infusion 0.2 mg/kg/h", "Ketamine"),
    ("Tranexamic acid 10 mg/kg bolus followed by 1 mg/kg/h",
     "Tranexamic acid loading dose of 15 mg/kg followed by 1 mg/kg/h infusion", "Tranexamic acid"),
    ("Lidocaine 1.5 mg/kg IV bolus followed by 2 mg/kg/h infusion", "Lidocaine 1 mg/kg loading dose then 2 mg/kg/h",
     "Lidocaine"),
    # a bolus before an infusion against a bolus given alone: both boluses
    ("Ketamine 0.15 mg/kg IV bolus at induction, then 0.1 mg/kg/h", "Ketamine 0.5 mg/kg bolus", "Ketamine"),
    ("Oxytocin 5 IU bolus followed by infusion of 10 IU/h", "Oxytocin 3 IU bolus then 10 IU per hour", "Oxytocin"),
]
QUIET_LOADS = [
    # the same load and rate
    ("Ketamine 0.5 mg/kg bolus then 0.2 mg/kg/h", "Ketamine loading dose 0.5 mg/kg, infusion 0.2 mg/kg/h", "Ketamine"),
    ("Dexmedetomidine 1 mcg/kg bolus followed by infusion of 0.5 mcg/kg/h",
     "Dexmedetomidine loading dose 1 mcg/kg over 10 minutes, then 0.2-0.7 mcg/kg/h", "Dexmedetomidine"),
    # a bolus with no infusion after it is no load: it may be the whole dose, or one of several
    ("Dexmedetomidine 1 mcg/kg bolus over 10 minutes",
     "Dexmedetomidine loading dose 0.5 mcg/kg over 10 min followed by 0.5 mcg/kg/h", "Dexmedetomidine"),
    ("Morphine PCA 1 mg bolus with 10 minute lockout", "Morphine 2 mg loading dose", "Morphine"),
    ("Morphine PCA: bolus 1 mg, lockout 10 minutes", "Morphine loading dose 0.1 mg/kg then PCA bolus 1.5 mg",
     "Morphine"),
    ("Esmolol 0.5 mg/kg bolus then 50 mcg/kg/min",
     "Esmolol 500 mcg/kg loading dose over 1 minute, followed by 50-300 mcg/kg/min", "Esmolol"),
]


@pytest.mark.parametrize("arm, intervention, drug", FIRING_LOADS, ids=[_note(a) for a, _, _ in FIRING_LOADS])
def test_a_bolus_before_an_infusion_is_compared_with_a_loading_dose(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


@pytest.mark.parametrize("arm, intervention, drug", QUIET_LOADS, ids=[_note(a) for a, _, _ in QUIET_LOADS])
def test_one_load_and_rate_or_a_bolus_alone_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("text, phases", [
    ("0.5 mg/kg bolus then 0.1 mg/kg/h", ["loading", "maintenance"]),
    ("a bolus of 80 U/kg followed by 18 U/kg/h", ["loading", "maintenance"]),
    ("loading dose 0.5 mg/kg, infusion 0.2 mg/kg/h", ["loading", None]),
    ("loading dose 4 g, then 1 g/h", ["loading", "maintenance"]),
    ("loading infusion of 10 mg/kg/h for one hour", ["loading"]),
    ("1 mg bolus, lockout 10 minutes", [None]),  # no infusion after it
    ("loading dose of 600 mg and 300 mg aspirin", ["loading", "loading"]),  # no rate: the phase is both amounts'
])
def test_phases_of_a_load_and_an_infusion(text, phases):
    assert [d.phase for d in parse_doses(text)] == phases


# A drug's products (patch, gum, lozenge, gel, injection, tablet, inhaler, nebulizer) are different administrations:
# their amounts are not compared. Each fired before.
QUIET_PRODUCTS = [
    ("Nicotine patch 21 mg/24 h", "Nicotine gum 4 mg", "Nicotine"),
    ("Nicotine patch 21 mg daily", "Nicotine gum 4 mg every 1-2 hours", "Nicotine"),
    ("Nicotine lozenge 4 mg", "Nicotine patch 21 mg", "Nicotine"),
    ("Nicotine 21 mg patch daily", "Nicotine 4 mg lozenge", "Nicotine"),
    ("Estradiol patch 50 mcg/day twice weekly", "Estradiol 2 mg orally daily", "Estradiol"),
    ("Testosterone gel 50 mg daily", "Testosterone undecanoate 1000 mg injection every 12 weeks", "Testosterone"),
    ("Salbutamol 100 mcg, 2 puffs every 4 hours", "Salbutamol 2.5 mg nebulized every 4 hours", "Salbutamol"),
    ("Methotrexate 15 mg tablets weekly", "Methotrexate 25 mg injection weekly", "Methotrexate"),
    ("Mesalamine 4 g enema nightly", "Mesalamine 2.4 g tablet daily", "Mesalamine"),
]
# ... while one product's amounts are, and a text naming two products keeps each amount with its own.
FIRING_PRODUCTS = [
    ("Nicotine patch 21 mg/24 h plus nicotine gum 2 mg as needed", "Nicotine patch 14 mg", "Nicotine"),
    ("Nicotine patch 21 mg and nicotine gum 4 mg", "Nicotine gum 2 mg", "Nicotine"),
    ("Nicotine patch 21 mg", "Nicotine 14 mg", "Nicotine"),  # a product named on one side only
    ("Adalimumab 40 mg injection every other week", "Adalimumab 80 mg SC every other week", "Adalimumab"),
    ("Progesterone 200 mg vaginal capsules at bedtime", "Progesterone 400 mg vaginally at bedtime", "Progesterone"),
    ("Oxycodone 10 mg tablet every 12 hours", "Oxycodone 5 mg capsule every 12 hours", "Oxycodone"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_PRODUCTS, ids=[_note(a) for a, _, _ in QUIET_PRODUCTS])
def test_amounts_of_different_products_are_not_compared(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_PRODUCTS, ids=[_note(a) for a, _, _ in FIRING_PRODUCTS])
def test_amounts_of_one_product_are_compared(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


@pytest.mark.parametrize("text, forms", [
    ("Nicotine patch 21 mg and nicotine gum 4 mg", ["patch", "gum"]),
    ("21 mg and nicotine gum 4 mg", [None, "gum"]),  # "and" starts another item
    ("Capmatinib 150 mg film-coated tablet", ["tablet"]),
    ("budesonide/formoterol 160/4.5 mcg, 2 inhalations", ["inhaler"]),
    ("Drug 200 mg or matching placebo tablet", [None]),
])
def test_product_forms_read(text, forms):
    assert [d.form for d in parse_doses(text)] == forms


# Titration: the doses of a titrated text vary by design, so none of them contradicts a fixed dose (the fixed dose
# may be the start, a step or the target), nor another titrated text's (a target may be a step of another's
# titration). The texts stay quiet, as they did.
QUIET_TITRATION = [
    ("Bisoprolol titrated to 10 mg", "Bisoprolol 5 mg once daily", "Bisoprolol"),
    ("Bisoprolol up-titrated from 5 mg to a target of 20 mg", "Bisoprolol 5 mg once daily", "Bisoprolol"),
    ("Bisoprolol up-titrated from 5 mg to a target of 20 mg", "Bisoprolol 10 mg once daily", "Bisoprolol"),
    ("Drug X dose escalation 100, 200, 400 mg", "Drug X 300 mg", "Drug X"),
    ("Bisoprolol titrated to a target of 10 mg once daily", "Bisoprolol titrated to a target dose of 5 mg once daily",
     "Bisoprolol"),
    ("Sacubitril/valsartan 49/51 mg twice daily, titrated to 97/103 mg twice daily",
     "Sacubitril/valsartan 97/103 mg twice daily", "Sacubitril/valsartan"),
    ("Metformin 500 mg once daily, increased to 1000 mg twice daily", "Metformin 500 mg twice daily", "Metformin"),
    ("Insulin glargine 10 units at bedtime, titrated to fasting glucose 80-130 mg/dL",
     "Insulin glargine 20 units once daily", "Insulin glargine"),
    ("Insulin glargine starting at 10 U/day, adjusted by 2 U every 3 days", "Insulin glargine 14 IU once daily",
     "Insulin glargine"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_TITRATION, ids=[_note(a) for a, _, _ in QUIET_TITRATION])
def test_titrated_doses_stay_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


# Combination inhalers: puffs that make the other text's total, a count before the drugs' joined names, and a dose
# written as the metered or the delivered one (budesonide/formoterol 200/6 mcg metered is 160/4.5 mcg delivered;
# tiotropium 18 mcg is 10 mcg; fluticasone furoate/vilanterol 100/25 mcg is 92/22 mcg).
QUIET_INHALERS = [
    ("Budesonide/formoterol 160/4.5 mcg, 2 inhalations twice daily", "Budesonide/formoterol 320/9 mcg twice daily",
     "Budesonide/formoterol"),
    ("Budesonide/formoterol 160/4.5 mcg two puffs twice daily", "Budesonide/formoterol 320/9 µg twice daily",
     "Budesonide/formoterol"),
    ("Two puffs of budesonide/formoterol 160/4.5 µg twice daily", "budesonide/formoterol 320/9 ug twice daily",
     "Budesonide/formoterol"),
    ("Budesonide/formoterol 200/6 mcg, 2 inhalations twice daily",
     "Budesonide/formoterol 160/4.5 mcg, 2 inhalations twice daily", "Budesonide/formoterol"),
    ("Tiotropium 18 mcg once daily via HandiHaler", "Tiotropium 10 mcg inhaled once daily", "Tiotropium"),
    ("Fluticasone furoate/vilanterol 100/25 mcg once daily",
     "Fluticasone furoate/vilanterol 92/22 mcg inhaled once daily", "Fluticasone furoate/vilanterol"),
    ("Salbutamol 100 mcg 4 puffs", "Albuterol 90 mcg 4 puffs", "Salbutamol"),
]
FIRING_INHALERS = [
    ("Budesonide/formoterol 320/9 mcg twice daily", "Budesonide/formoterol 160/4.5 mcg, 1 inhalation twice daily",
     "Budesonide/formoterol"),
    ("Budesonide/formoterol 160/4.5 mcg, 2 inhalations twice daily", "Budesonide/formoterol 640/18 mcg twice daily",
     "Budesonide/formoterol"),
    ("Fluticasone/salmeterol 250/50 mcg one inhalation twice daily", "Fluticasone/salmeterol 500/50 mcg twice daily",
     "Fluticasone/salmeterol"),
    ("Budesonide 200 mcg inhaled twice daily", "Budesonide 400 mcg inhaled twice daily", "Budesonide"),  # twice
    ("Salmeterol 50 mcg inhaled twice daily", "Salmeterol 50mg twice daily", "Salmeterol"),  # a unit mistaken
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_INHALERS, ids=[_note(a) for a, _, _ in QUIET_INHALERS])
def test_one_inhaled_dose_said_two_ways_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_INHALERS, ids=[_note(a) for a, _, _ in FIRING_INHALERS])
def test_inhaled_doses_that_differ_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


# Chemotherapy on several days of a cycle: the cycle's length is no frequency of the amount ("on days 1, 8 and 15
# every 4 weeks" is weekly for three weeks of four). Each of the quiet ones fired before.
QUIET_CYCLES = [
    ("Gemcitabine 1000 mg/m2 weekly for 3 weeks followed by 1 week rest",
     "Gemcitabine 1000 mg/m2 on days 1, 8 and 15 every 4 weeks", "Gemcitabine"),
    ("Paclitaxel 80 mg/m2 weekly", "Paclitaxel 80 mg/m2 on days 1, 8, 15 every 28 days", "Paclitaxel"),
    ("Paclitaxel 80 mg/m2 weekly", "Paclitaxel 80 mg/m2 D1, D8, D15 q28d", "Paclitaxel"),
    ("Gemcitabine 1000 mg/m2 on days 1 and 8 every 3 weeks", "Gemcitabine 1000 mg/m2 once weekly", "Gemcitabine"),
    ("Etoposide 100 mg/m2 on days 1-3 every 3 weeks", "Etoposide 100 mg/m2 daily on days 1 to 3", "Etoposide"),
    ("Bortezomib 1.3 mg/m2 on days 1, 4, 8 and 11 every 21 days", "Bortezomib 1.3 mg/m2 twice weekly", "Bortezomib"),
    ("Azacitidine 75 mg/m2 SC daily on days 1-7 of a 28-day cycle", "Azacitidine 75 mg/m2/day for 7 days every 4 weeks",
     "Azacitidine"),
]
FIRING_CYCLES = [
    ("Gemcitabine 1000 mg/m2 on days 1 and 8 every 3 weeks", "Gemcitabine 1250 mg/m2 on days 1 and 8 every 3 weeks",
     "Gemcitabine"),
    ("Docetaxel 75 mg/m2 on day 1 every 3 weeks", "Docetaxel 75 mg/m2 every week", "Docetaxel"),  # one day a cycle
    ("Bortezomib 1.3 mg/m2 on days 1, 8, 15 and 22 every 35 days", "Bortezomib 1.6 mg/m2 weekly", "Bortezomib"),
    ("Azacitidine 75 mg/m2 on days 1-7 every 28 days", "Azacitidine 100 mg/m2 on days 1-5 every 28 days",
     "Azacitidine"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_CYCLES, ids=[_note(a) for a, _, _ in QUIET_CYCLES])
def test_days_of_a_cycle_are_no_frequency(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_CYCLES, ids=[_note(a) for a, _, _ in FIRING_CYCLES])
def test_cycles_that_differ_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


@pytest.mark.parametrize("text, doses", [
    ("1000 mg/m2 on days 1, 8 and 15 every 4 weeks", ["1000 mg/m2"]),
    ("1000 mg/m2 on Days 1,8 of each 21-day cycle", ["1000 mg/m2"]),
    ("75 mg/m2 on day 1 every 3 weeks", ["75 mg/m2 every 21 days"]),
    ("1000 mg/m2 twice daily on days 1-14", ["1000 mg/m2 twice daily"]),
])
def test_frequencies_of_cycles_read(text, doses):
    assert [describe(d) for d in parse_doses(text)] == doses


# Pediatric weight bands: an amount for one band of body weight says nothing against another text's dose for
# another band. Each fired before.
QUIET_WEIGHT_BANDS = [
    ("Dolutegravir 25 mg once daily for children 20 to <25 kg; 35 mg for 30 to < 40 kg",
     "Dolutegravir 50 mg once daily", "Dolutegravir"),
    ("Weight 14 to <20 kg: abacavir 300 mg once daily", "Abacavir 600 mg once daily", "Abacavir"),
    ("Abacavir 600 mg once daily", "Abacavir 5-<15 kg: 200 mg; 15-<30 kg: 400 mg once daily", "Abacavir"),
    ("Lamivudine 150 mg twice daily", "Lamivudine 75 mg twice daily (14 to < 25 kg)", "Lamivudine"),
    ("Efavirenz 600 mg once daily", "Efavirenz 400 mg once daily for 25 kg or less", "Efavirenz"),
]
FIRING_WEIGHTS = [
    ("Paracetamol 15 mg/kg every 6 hours", "Paracetamol 10 mg/kg every 6 hours", "Paracetamol"),  # per kg: no band
    ("Abacavir 300 mg once daily", "Abacavir 600 mg once daily, patients weigh 60 kg on average", "Abacavir"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_WEIGHT_BANDS,
                         ids=[_note(a) for a, _, _ in QUIET_WEIGHT_BANDS])
def test_a_weight_bands_dose_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_WEIGHTS, ids=[_note(a) for a, _, _ in FIRING_WEIGHTS])
def test_doses_by_weight_that_differ_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


# Units as records misspell them ("mgs", "mcgs", "I.U."), and a capital "U": read as their units. The firing ones
# were quiet before (no amount read).
FIRING_UNITS = [
    ("Prednisolone 40 mgs daily", "Prednisolone 20 mg once daily", "Prednisolone"),
    ("Dexamethasone 8mg IV", "Dexamethasone 4 mgs intravenously", "Dexamethasone"),
    ("Levothyroxine 50 mcgs daily", "Levothyroxine 100 mcg daily", "Levothyroxine"),
    ("Heparin 5000 I.U. SC every 12 hours", "Heparin 7500 units subcutaneously twice daily", "Heparin"),
    ("Insulin glargine 0.2 U/kg at bedtime", "Insulin glargine 0.3 U/kg at bedtime", "Insulin glargine"),
    ("Heparin 80 U/kg bolus followed by 18 U/kg/h", "Heparin 60 U/kg bolus then 18 U/kg/hour infusion", "Heparin"),
    ("OnabotulinumtoxinA 100 U injected into the detrusor", "OnabotulinumtoxinA 200 U intradetrusor",
     "OnabotulinumtoxinA"),
]
QUIET_UNITS = [
    ("Prednisolone 40 mgs daily", "Prednisolone 40 mg once daily", "Prednisolone"),
    ("Levothyroxine 100 mcgs daily", "Levothyroxine 100 µg daily", "Levothyroxine"),
    ("Heparin 5000 I.U. SC every 12 hours", "Heparin 5,000 units subcutaneously twice daily", "Heparin"),
    ("Insulin glargine 10 U at bedtime", "Insulin glargine 10 IU once daily at bedtime", "Insulin glargine"),
    ("Insulin aspart 100 U/mL, 4 U before meals", "Insulin aspart 4 units before meals", "Insulin aspart"),
    ("Vitamin B12 1000 ug IM monthly", "Vitamin B12 1 mg intramuscularly every month", "Vitamin B12"),
    ("Aspirin 100 mg daily at 3 U.S. sites", "Aspirin 100 mg daily", "Aspirin"),
    # an amount per injection site, at up to 39 sites (fired before: sites were counted up to 12)
    ("OnabotulinumtoxinA 155 units across 31 sites", "OnabotulinumtoxinA 5 units per site at 31 sites",
     "OnabotulinumtoxinA"),
]


@pytest.mark.parametrize("arm, intervention, drug", FIRING_UNITS, ids=[_note(a) for a, _, _ in FIRING_UNITS])
def test_misspelt_units_are_read(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


@pytest.mark.parametrize("arm, intervention, drug", QUIET_UNITS, ids=[_note(a) for a, _, _ in QUIET_UNITS])
def test_one_dose_in_misspelt_units_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("text, doses", [
    ("Heparin 5000 I.U. SC every 12 hours", ["5000 iu twice daily"]),
    ("40 mgs", ["40 mg"]),
    ("ALT < 3 U/L", []),  # a laboratory value
    ("treated at 2 U.S. centres", []),
    ("5 u", []),  # a lower-case "u" is no unit
])
def test_units_read(text, doses):
    assert [describe(d) for d in parse_doses(text)] == doses


# Carboplatin dosed by its target AUC (quiet before: no amount read), compared only with another target AUC.
@pytest.mark.parametrize("arm, intervention, drug, fires", [
    ("Carboplatin AUC 5 IV on day 1 of each 21-day cycle", "Carboplatin AUC 6 on day 1 every 3 weeks", "Carboplatin",
     True),
    ("Carboplatin AUC 2 weekly", "Carboplatin AUC 5 every 3 weeks", "Carboplatin", True),
    ("Paclitaxel 175 mg/m2 and carboplatin AUC 6", "Paclitaxel 175 mg/m2 and carboplatin AUC 5", "Paclitaxel", True),
    ("Carboplatin AUC 5 IV on day 1 every 3 weeks", "Carboplatin AUC=5 mg/mL/min IV every 21 days", "Carboplatin",
     False),
    ("Carboplatin AUC 2 weekly", "Carboplatin AUC 2 mg/ml x min once weekly", "Carboplatin", False),
    ("Carboplatin AUC 5-6 every 3 weeks", "Carboplatin AUC 6 every 3 weeks", "Carboplatin", False),
    ("Carboplatin AUC 5 or 6 IV Day 1 x 6 cycles (every 21 days)", "Carboplatin AUC 6 every 3 weeks", "Carboplatin",
     False),
    ("Carboplatin AUC 5", "Carboplatin 400 mg/m2", "Carboplatin", False),  # a target and an amount
    ("Carboplatin AUC=5 mg.min/ml every 3 weeks", "Carboplatin AUC 5 every 3 weeks", "Carboplatin", False),
    ("Carboplatin AUC 6 every 3 weeks; AUC0-24 measured", "Carboplatin AUC 6 every 3 weeks", "Carboplatin", False),
])
def test_target_aucs(arm, intervention, drug, fires):
    assert bool(dose_findings(arm, intervention, drug)) is fires


@pytest.mark.parametrize("text, doses", [
    ("Carboplatin AUC 5 IV on day 1 every 3 weeks", ["5 AUC every 21 days"]),
    ("AUC=5 mg.min/ml every 3 weeks", ["5 AUC every 21 days"]),  # no amount of 5 mg
    ("area under the curve (AUC) 5 mg/mL*min", ["5 AUC"]),
    ("Carboplatin AUC5/ Cisplatin 75mg/m²", ["5 AUC", "75 mg/m2"]),
    ("AUC 5 and paclitaxel 175 mg/m2 every 3 weeks", ["5 AUC", "175 mg/m2 every 21 days"]),
    ("AUC 0-24 h", []),  # a pharmacokinetic measure
    ("AUC0-24", []),
    ("AUC of 300", []),
])
def test_target_aucs_read(text, doses):
    assert [describe(d) for d in parse_doses(text)] == doses


# Pairs from fields the other dose cases hold few of, each judged: (arm, intervention, drug, fires).
FIELD_PAIRS = [
    # oncology regimens in cycles
    ("Carboplatin AUC 5 and paclitaxel 175 mg/m2 every 3 weeks",
     "Paclitaxel 175 mg/m2 IV over 3 hours on day 1 of a 21-day cycle", "Paclitaxel", False),
    ("Carboplatin AUC 5 and paclitaxel 175 mg/m2 every 3 weeks",
     "Carboplatin target AUC of 6 mg/mL/min and paclitaxel 175 mg/m2", "Carboplatin", True),
    ("Gemcitabine 1000 mg/m2 on days 1 and 8 of a 21-day cycle",
     "Gemcitabine 1000 mg/m2 IV over 30 minutes on days 1, 8 q21 days", "Gemcitabine", False),
    ("Docetaxel 75 mg/m2 every 3 weeks for 6 cycles", "Docetaxel 75 mg/m² IV q3w", "Docetaxel", False),
    ("Docetaxel 75 mg/m2 every 3 weeks for 6 cycles", "Docetaxel 60 mg/m² IV on day 1 of each 21 day cycle",
     "Docetaxel", True),
    ("Cisplatin 100 mg/m2 on days 1, 22 and 43 concurrent with radiotherapy",
     "Cisplatin 40 mg/m2 weekly during radiotherapy", "Cisplatin", True),
    ("Capecitabine 1000 mg/m2 twice daily on days 1-14 of a 21-day cycle",
     "Capecitabine 1250 mg/m2 orally twice daily days 1 to 14, every 3 weeks", "Capecitabine", True),
    ("Capecitabine 1000 mg/m2 twice daily on days 1-14 of a 21-day cycle",
     "Capecitabine 2000 mg/m2/day in two divided doses on days 1-14", "Capecitabine", False),
    ("Nivolumab 240 mg every 2 weeks or 480 mg every 4 weeks", "Nivolumab 480 mg IV every 4 weeks", "Nivolumab",
     False),
    ("Cyclophosphamide 600 mg/m2 IV day 1, doxorubicin 60 mg/m2 day 1, every 21 days x 4 cycles",
     "Doxorubicin 60 mg/m2 IV push day 1 q21d", "Doxorubicin", False),
    ("Etoposide 100 mg/m2 days 1-3 and cisplatin 75 mg/m2 day 1", "Etoposide 100 mg/m2/day IV on days 1, 2 and 3",
     "Etoposide", False),
    # pediatric doses by weight
    ("Artemether/lumefantrine: 5-14 kg: 1 tablet; 15-24 kg: 2 tablets; 25-34 kg: 3 tablets twice daily for 3 days",
     "Artemether/lumefantrine 20/120 mg tablets twice daily for 3 days", "Artemether/lumefantrine", False),
    ("Amoxicillin 90 mg/kg/day divided twice daily", "Amoxicillin 45 mg/kg twice daily", "Amoxicillin", False),
    ("Ibuprofen 10 mg/kg (max 400 mg) every 8 hours", "Ibuprofen 400 mg every 8 hours", "Ibuprofen", False),
    # insulin
    ("Insulin degludec once daily, starting dose 10 U, titrated weekly to fasting plasma glucose 4-5 mmol/L",
     "Insulin degludec 100 U/mL, individually titrated", "Insulin degludec", False),
    ("Insulin lispro 4 units before each meal", "Insulin lispro 6 units before meals", "Insulin lispro", True),
    ("Insulin glargine 100 units/mL, 10 units once daily", "Insulin glargine 10 units subcutaneously once daily",
     "Insulin glargine", False),
    # vaccines: a volume, antigen per strain, colony-forming units (not read), a booster
    ("One dose of 0.5 mL influenza vaccine IM",
     "Quadrivalent influenza vaccine 15 µg HA per strain, 0.5 mL intramuscular", "Influenza vaccine", False),
    ("Lactobacillus rhamnosus GG 10^9 CFU daily", "Lactobacillus rhamnosus GG 1 x 10^10 CFU once daily",
     "Lactobacillus", False),
    ("Two doses of 0.5 mL at day 0 and day 28", "Vaccine 0.5 mL intramuscular on days 0 and 28", "Vaccine", False),
    ("mRNA-1273 100 µg IM on days 1 and 29", "mRNA-1273 50 µg booster dose", "mRNA-1273", False),
    ("mRNA-1273 100 µg IM on days 1 and 29", "mRNA-1273 25 µg IM two doses 28 days apart", "mRNA-1273", True),
    # biologics: loading then maintenance
    ("Infliximab 5 mg/kg at weeks 0, 2, 6 then every 8 weeks",
     "Infliximab 10 mg/kg at weeks 0, 2 and 6, then every 8 weeks", "Infliximab", True),
    ("Infliximab 5 mg/kg at weeks 0, 2, 6 then every 8 weeks", "Infliximab 5 mg/kg IV every 8 weeks", "Infliximab",
     False),
    ("Vedolizumab 300 mg IV at weeks 0, 2, 6 and then every 8 weeks", "Vedolizumab 108 mg SC every 2 weeks",
     "Vedolizumab", False),
    ("Ustekinumab ~6 mg/kg IV induction, then 90 mg SC every 8 weeks", "Ustekinumab 90 mg subcutaneously every 8 weeks",
     "Ustekinumab", False),
    ("Secukinumab 300 mg at weeks 0, 1, 2, 3, 4 and every 4 weeks thereafter", "Secukinumab 150 mg SC every 4 weeks",
     "Secukinumab", True),
    ("Adalimumab 160 mg at week 0, 80 mg at week 2, then 40 mg every other week", "Adalimumab 40 mg every other week",
     "Adalimumab", False),
    ("Dupilumab 600 mg loading dose then 300 mg every 2 weeks", "Dupilumab 300 mg SC Q2W after a 600 mg loading dose",
     "Dupilumab", False),
    # radiotherapy: doses in Gy are not read (a total and a fraction, boosts and volumes would need reading apart)
    ("Radiotherapy 60 Gy in 30 fractions", "2 Gy x 30 fractions", "Radiotherapy", False),
    ("Radiotherapy 60 Gy in 30 fractions", "Radiotherapy 66 Gy in 33 fractions", "Radiotherapy", False),
    ("SBRT 50 Gy in 5 fractions", "Stereotactic body radiotherapy 10 Gy x 5", "SBRT", False),
    # devices and procedures: numbers that are no doses
    ("Tourniquet inflated to 250 mmHg for 30 minutes", "Tourniquet pressure 300 mmHg", "Tourniquet", False),
    ("Transcranial magnetic stimulation 10 Hz, 3000 pulses per session", "rTMS 1 Hz, 1200 pulses", "rTMS", False),
    ("Laser 810 nm, 4 J/cm2", "Low-level laser therapy 660 nm, 6 J/cm2", "Laser", False),
    ("CPAP at 10 cm H2O", "CPAP 5 cmH2O", "CPAP", False),
    ("Oxygen 2 L/min via nasal cannula", "Oxygen at 4 L/min", "Oxygen", False),
    ("Walking 30 minutes 5 times per week", "Exercise 150 minutes per week", "Exercise", False),
    ("Cooling to 33 °C for 72 hours", "Hypothermia at 34 °C for 24 hours", "Hypothermia", False),
    ("Dialysate sodium 137 mmol/L", "Dialysate sodium 140 mmol/L", "Dialysate", False),
    ("Saline 0.9% 500 mL bolus", "Normal saline 1000 mL", "Saline", True),  # a fluid's volume is its dose
    # placebo-matched arms
    ("Placebo matching 10 mg tablet once daily", "Empagliflozin 10 mg once daily", "Empagliflozin", False),
    ("Empagliflozin 25 mg or matching placebo", "Empagliflozin 10 mg tablet once daily", "Empagliflozin", True),
    ("Matching placebo capsules (0 mg) twice daily", "Drug 200 mg capsules twice daily", "Drug", False),
    # doses in words
    ("Alendronate two tablets of 35 mg weekly", "Alendronate 70 mg once weekly", "Alendronate", False),
    ("Two tablets twice daily (each tablet 500 mg metformin)", "Metformin 1000 mg twice daily", "Metformin", False),
    ("Take two 200 mg tablets of ibuprofen", "Ibuprofen 400 mg", "Ibuprofen", False),
    ("Vitamin D3 fifty thousand IU weekly", "Vitamin D3 50,000 IU once weekly", "Vitamin D3", False),
    # ranges
    ("Ondansetron 4-8 mg IV", "Ondansetron 8 mg IV", "Ondansetron", False),
    ("Morphine 5-10 mg every 4 hours", "Morphine 15 mg every 4 hours", "Morphine", True),
    ("Melatonin 3 to 5 mg at bedtime", "Melatonin 10 mg at bedtime", "Melatonin", True),
    ("Ketamine 0.3-0.5 mg/kg", "Ketamine 0.5 mg/kg IV", "Ketamine", False),
    # units written several ways
    ("Vitamin B12 1000 mcg IM monthly", "Vitamin B12 1000 µg intramuscularly every month", "Vitamin B12", False),
    ("Fentanyl 1 mcg/kg", "Fentanyl 1 µg/kg IV", "Fentanyl", False),
    ("Fentanyl 2 mcg/kg", "Fentanyl 1 μg/kg IV", "Fentanyl", True),
    ("Oxytocin 10 IU IM", "Oxytocin 5 U IV", "Oxytocin", False),  # two routes
    ("Magnesium sulfate 4 gm IV over 20 minutes then 1 gm/hour", "Magnesium sulfate 4 g loading, then 2 g/h",
     "Magnesium sulfate", True),
    ("Tranexamic acid 1 gram IV", "Tranexamic acid 1000 mg intravenous", "Tranexamic acid", False),
    ("Tranexamic acid 1 gram IV", "Tranexamic acid 2 g intravenous", "Tranexamic acid", True),
]


@pytest.mark.parametrize("arm, intervention, drug, fires", FIELD_PAIRS, ids=[_note(a) for a, *_ in FIELD_PAIRS])
def test_pairs_across_fields(arm, intervention, drug, fires):
    assert bool(dose_findings(arm, intervention, drug)) is fires
