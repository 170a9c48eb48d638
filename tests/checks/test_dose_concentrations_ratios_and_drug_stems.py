"""Doses as registry records word them: concentrations in percent, fixed combinations written as a ratio ("400/100 mg"),
schedules in months against weeks, a syrup's strength per spoonful, counts of film-coated or extended-release units,
counts after the amount with no comma; and drugs of one stem told apart from misspellings."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.contradictions_drugs import study_drug_findings
from checks.dose_text import describe, parse_doses
from checks.drug_doses import doses_by_drug
from checks.drug_other_names import spelled_otherwise
from tests.checks.harness import dose_findings


def _note(arm: str) -> str:
    return arm[:60]


# (arm description, intervention description, drug): concentrations in percent that disagree.
FIRING_CONCENTRATIONS = [
    ("Timolol 0.5% eye drops, one drop twice daily", "timolol 0.25%", "Timolol"),
    ("Bupivacaine 0.5% 20 mL", "Bupivacaine 0.25% 20 mL", "Bupivacaine"),  # the volumes agree
    ("Lidocaine 2% 5 mL", "Lidocaine 1% 10 mL", "Lidocaine"),
    ("Atropine 0.01% eye drops nightly", "Atropine 0.05% ophthalmic solution once nightly", "Atropine"),
    ("Chlorhexidine 0.12% oral rinse twice daily", "Chlorhexidine 0.2% mouthwash", "Chlorhexidine"),
    ("Tretinoin 0.025% cream nightly", "Tretinoin 0.05% cream", "Tretinoin"),
    ("Hypertonic saline 3% 4 mL nebulized", "Hypertonic saline 7% nebulized", "Hypertonic saline"),
    ("Ropivacaine 0.5% 20 mL", "Ropivacaine 0.2% or 0.375%", "Ropivacaine"),
    ("Tacrolimus 0.1% ointment, 30% of body surface", "Tacrolimus 0.03% ointment", "Tacrolimus"),
    ("Fentanyl 2 mcg/mL with bupivacaine 0.1% epidural infusion", "Bupivacaine 0.125% with fentanyl", "Bupivacaine"),
    ("Chlorhexidine 0.5% in 70% alcohol", "Chlorhexidine 2% aqueous", "Chlorhexidine"),
    ("Calcipotriol 0.05% gel", "Calcipotriol 0.005% gel", "Betamethasone/calcipotriol"),
]
# One concentration said two ways, or none compared: they stay quiet.
QUIET_CONCENTRATIONS = [
    ("1% lidocaine 5 mL", "lidocaine 50 mg", "Lidocaine"),  # 1% = 10 mg/mL: no two percentages
    ("Tacrolimus 0.05% cream applied twice daily", "Tacrolimus 0.05% cream once daily", "Tacrolimus"),  # a schedule
    ("Timolol maleate 0.5% one drop twice daily", "Timolol 0.5% ophthalmic solution", "Timolol"),
    ("Ropivacaine 0.2% or 0.375%", "Ropivacaine 0.375% 20 mL", "Ropivacaine"),
    ("Bupivacaine 0.5%, 20 mL, then 0.125% infusion at 5 mL/h", "Bupivacaine 0.125% infusion", "Bupivacaine"),
    ("Lidocaine 1.5% 3 mL test dose, then 2% lidocaine 15 mL", "Lidocaine 2% 15-20 mL", "Lidocaine"),
    # another product form
    ("Chlorhexidine 0.12% mouthwash twice daily", "Chlorhexidine 2% wipes", "Chlorhexidine"),
    ("Atropine 0.01% eye drops nightly", "Atropine 1% ointment", "Atropine"),
    ("Povidone-iodine 5% eye drops", "Povidone-iodine 10% skin preparation", "Povidone-iodine"),
    # a vehicle's concentration, or a share
    ("Ketamine 0.5 mg/kg in 0.9% saline", "Ketamine 0.5 mg/kg, ketamine 1% solution", "Ketamine"),
    ("Ropivacaine 0.2% infusion diluted in 5% dextrose", "Ropivacaine 0.2%", "Ropivacaine"),
    ("Chlorhexidine 2% in 70% alcohol", "Chlorhexidine gluconate 2%", "Chlorhexidine"),
    ("Lidocaine with 25% reduction of dose", "Lidocaine 1%", "Lidocaine"),
    ("Ketamine 0.5 mg/kg, reducing opioid use by 30%", "Ketamine 0.5% 0.5 mg/kg IV", "Ketamine"),
    ("Placebo vehicle matching tacrolimus 0.1% ointment", "Tacrolimus 0.03% ointment", "Tacrolimus"),
    # a combination's concentrations after its drugs' names: either drug's
    ("Betamethasone/calcipotriol 0.05% gel", "Calcipotriol 0.005% / betamethasone 0.05% gel",
     "Betamethasone/calcipotriol"),
    ("Lidocaine/prilocaine 2.5%/2.5% cream", "Lidocaine 2.5% and prilocaine 2.5% cream", "Lidocaine/prilocaine"),
]


@pytest.mark.parametrize("arm, intervention, drug", FIRING_CONCENTRATIONS,
                         ids=[_note(a) for a, _, _ in FIRING_CONCENTRATIONS])
def test_concentrations_that_differ_fire(arm, intervention, drug):
    found = [f.message for f in dose_findings(arm, intervention, drug) if "concentration as" in f.message]
    assert len(found) == 1 and "%" in found[0]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_CONCENTRATIONS,
                         ids=[_note(a) for a, _, _ in QUIET_CONCENTRATIONS])
def test_one_concentration_or_none_compared_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, name, description, fires", [
    # a concentration in an intervention's name is no unit strength: it counts, and the description's is kept
    ("Timolol 0.25% twice daily", "Timolol 0.5%", "one drop twice daily", True),
    ("Timolol 0.5% twice daily", "Timolol 0.5%", "one drop twice daily", False),
    ("Bupivacaine 0.5% 20 mL", "Bupivacaine 0.5%", "Bupivacaine 0.25% infusion", False),
    ("Ropivacaine 0.2% infusion at 8 mL/h", "Ropivacaine 0.2%", "Ropivacaine 0.5% 20 mL bolus followed by infusion",
     False),
])
def test_a_concentration_in_an_interventions_name(arm, name, description, fires):
    found = study_dose_findings("NCT0", [("Arm", arm)], [(name, description)], [])
    assert bool(list(found)) is fires


@pytest.mark.parametrize("text, read", [
    ("Timolol 0.5% eye drops, one drop twice daily", [("0.5 %", "eye")]),  # no frequency, no count
    ("0.25-0.5% bupivacaine", [("0.25-0.5 %", None)]),
    ("tacrolimus ointment 0.1%", [("0.1 %", "ointment")]),
    ("50% of the dose", []),
    ("reduced by 30%", []),
    ("SpO2 > 92%", []),
    ("a 25% reduction", []),
    ("150% of the usual dose", []),
])
def test_concentrations_read(text, read):
    assert [(describe(d), d.form) for d in parse_doses(text) if d.unit == "%"] == read


@pytest.mark.parametrize("text, drugs", [
    ("1% lidocaine 5 mL", {"lidocaine concentration": ["1 %"], "lidocaine": ["5 ml"]}),
    ("Bupivacaine hydrochloride (hyperbaric) 0.75%", {"bupivacaine concentration": ["0.75 %"]}),
    ("Lidocaine in 0.9% saline", {}),
    ("Lidocaine, a 25% reduction", {}),
    ("Lidocaine 10 mg, 2% gel", {"lidocaine": ["10 mg"]}),  # an amount between: the drug is not named with it
])
def test_a_concentration_is_the_drugs_named_with_it(text, drugs):
    found = doses_by_drug(text, {"lidocaine": "lidocaine", "bupivacaine": "bupivacaine"}, default="lidocaine")
    assert {drug: [describe(d) for d in doses] for drug, doses in found.items()} == drugs


# Fixed combinations written as a ratio: each drug's amount compared.
# (arm, intervention, drug, the drugs whose amounts differ: one finding names them all)
FIRING_COMBINATIONS = [
    ("Lopinavir/ritonavir 400/100 mg twice daily", "Lopinavir/ritonavir 800/200 mg twice daily", "Lopinavir/ritonavir",
     ["lopinavir", "ritonavir"]),
    ("Lopinavir/ritonavir 400/100 mg twice daily", "Lopinavir/ritonavir 800/200 mg once daily", "Lopinavir/ritonavir",
     ["lopinavir", "ritonavir"]),
    ("Sacubitril/valsartan 97/103 mg twice daily", "Sacubitril/valsartan 49/51 mg twice daily", "Sacubitril/valsartan",
     ["sacubitril", "valsartan"]),
    ("Amoxicillin/clavulanate 875/125 mg twice daily", "Amoxicillin/clavulanate 500/125 mg three times daily",
     "Amoxicillin/clavulanate", ["amoxicillin", "clavulanate"]),
    ("Ezetimibe/simvastatin 10/40 mg daily", "Ezetimibe/simvastatin 10/20 mg daily", "Ezetimibe/simvastatin",
     ["simvastatin"]),
    ("Piperacillin/tazobactam 4/0.5 g every 6 hours", "Piperacillin/tazobactam 2/0.25 g every 6 hours",
     "Piperacillin/tazobactam", ["piperacillin", "tazobactam"]),
    ("Nirmatrelvir/ritonavir 300 mg/100 mg every 12 hours", "Nirmatrelvir/ritonavir 150 mg/100 mg every 12 hours",
     "Nirmatrelvir/ritonavir", ["nirmatrelvir"]),
    ("Buprenorphine/naloxone 8/2 mg sublingual daily", "Buprenorphine/naloxone 16/4 mg daily", "Buprenorphine/naloxone",
     ["buprenorphine", "naloxone"]),
    ("Efavirenz/emtricitabine/tenofovir 600/200/300 mg", "Efavirenz 400 mg, emtricitabine 200 mg, tenofovir 300 mg",
     "Efavirenz/emtricitabine/tenofovir", ["efavirenz"]),
    ("Augmentin 875/125 mg twice daily", "Augmentin 625 mg three times daily", "Augmentin", ["augmentin"]),
]
QUIET_COMBINATIONS = [
    ("Lopinavir/ritonavir 400/100 mg twice daily", "Lopinavir 400 mg and ritonavir 100 mg twice daily",
     "Lopinavir/ritonavir"),
    ("Lopinavir/ritonavir 400/100 mg twice daily", "Lopinavir/ritonavir 400 mg/100 mg twice daily",
     "Lopinavir/ritonavir"),
    ("Lopinavir/ritonavir 400/100 mg twice daily", "Lopinavir/ritonavir 200 mg/50 mg tablets; 2 tablets twice daily",
     "Lopinavir/ritonavir"),
    ("Sacubitril/valsartan 97/103 mg twice daily", "Sacubitril 97 mg and valsartan 103 mg twice daily",
     "Sacubitril/valsartan"),
    ("Nirmatrelvir/ritonavir 300/100 mg twice daily for 5 days",
     "Nirmatrelvir 300 mg with ritonavir 100 mg twice daily for 5 days", "Nirmatrelvir/ritonavir"),
    ("Buprenorphine/naloxone 8/2 mg, 2 films daily", "Buprenorphine/naloxone 16/4 mg daily", "Buprenorphine/naloxone"),
    ("Budesonide/formoterol 160/4.5 mcg, 2 inhalations twice daily", "Budesonide/formoterol 320/9 mcg twice daily",
     "Budesonide/formoterol"),
    ("Hydrocodone/acetaminophen 5/325 mg every 6 hours as needed", "Hydrocodone 5 mg and acetaminophen 325 mg",
     "Hydrocodone/acetaminophen"),
    ("Augmentin 875/125 mg twice daily", "Augmentin 1 g twice daily", "Augmentin"),  # the whole tablet
    ("Baricitinib 2/4 mg once daily", "Baricitinib 4 mg once daily", "Baricitinib"),  # either dose
    ("Ozanimod 0.5/1 mg", "Ozanimod 1 mg", "Ozanimod"),
    ("Metformin 500 mg/1000 mg twice daily", "Metformin 1000 mg twice daily", "Metformin"),
    ("Amoxicillin-clavulanate 875/125 mg twice daily", "Amoxicillin-clavulanate 500/125 mg twice daily",
     "Amoxicillin-clavulanate"),  # one word for both drugs: "2/4 mg" may list either of two doses
    ("Day 1/8/15: gemcitabine 1000 mg/m2", "Gemcitabine 1000 mg/m2 on days 1, 8 and 15", "Gemcitabine"),
    ("Cisplatin 75 mg/m2 q3w; BP goal <140/90 mm Hg", "Cisplatin 75 mg/m2 every 3 weeks", "Cisplatin"),
]


@pytest.mark.parametrize("arm, intervention, drug, differ", FIRING_COMBINATIONS,
                         ids=[_note(a) for a, *_ in FIRING_COMBINATIONS])
def test_combinations_that_differ_fire(arm, intervention, drug, differ):
    found = dose_findings(arm, intervention, drug)
    assert len(found) == 1  # one finding for the two texts, naming each drug whose amount differs
    gives = found[0].message.split(" gives ")[1].split(" but ")[0]
    assert [drug for given in gives.split(" and ") for drug in given.split(" as ")[0].split("/")] == differ


@pytest.mark.parametrize("arm, intervention, drug", QUIET_COMBINATIONS,
                         ids=[_note(a) for a, _, _ in QUIET_COMBINATIONS])
def test_one_combination_said_two_ways_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("text, doses", [
    ("400/100 mg twice daily", ["400/100 mg twice daily"]),
    ("400 mg/100 mg twice daily", ["400/100 mg twice daily"]),
    ("400 mg / 100 mg bid", ["400/100 mg twice daily"]),
    ("600/200/300 mg once daily", ["600/200/300 mg once daily"]),
    ("2 tablets (200/50 mg) twice daily", ["400/100 mg twice daily"]),
    ("2/4 mg/kg", []),  # per body size: no ratio read
    ("100/200 mg/m2", []),
    ("5/10 units/kg", []),
    ("5/10 mg/h", []),  # a rate
    ("400/57 mg per 5 mL", ["5 ml"]),  # a suspension's concentration
    ("125/31.25 mg/5 mL", []),
    ("130/80 mmHg", []),
])
def test_ratios_read(text, doses):
    assert [describe(d) for d in parse_doses(text)] == doses


def test_a_combinations_amounts_go_to_its_drugs_in_order():
    drugs = {"lopinavir": "lopinavir", "ritonavir": "ritonavir", "zidovudine": "zidovudine"}
    found = doses_by_drug("Lopinavir/ritonavir 400/100 mg twice daily", drugs)
    assert {drug: [(d.low, d.part) for d in doses] for drug, doses in found.items()} == {
        "lopinavir": [(400.0, 0)], "ritonavir": [(100.0, 1)]}
    # the nearest drug is no member of a combination of two: the ratio is read whole, for it
    found = doses_by_drug("Lopinavir/ritonavir with zidovudine 300/150 mg", drugs)
    assert {drug: [d.parts for d in doses] for drug, doses in found.items()} == {"zidovudine": [(300.0, 150.0)]}


# Schedules in months against weeks, a syrup's strength, counted units: one regimen (each fired before).
QUIET_SCHEDULES = [
    ("Leuprolide 22.5 mg depot every 3 months", "Leuprolide acetate 22.5 mg IM every 12 weeks", "Leuprolide"),
    ("Denosumab 60 mg every 6 months", "Denosumab 60 mg SC every 26 weeks", "Denosumab"),
    ("Ocrelizumab 600 mg every 24 weeks", "Ocrelizumab 600 mg IV every 6 months", "Ocrelizumab"),
    ("Erenumab 70 mg monthly", "Erenumab 70 mg SC every 4 weeks", "Erenumab"),
    ("Amoxicillin 250 mg/5 mL, 10 mL three times daily", "Amoxicillin 500 mg three times daily", "Amoxicillin"),
    ("Ibuprofen suspension 100 mg/5 mL, 10 mg/kg every 8 hours", "Ibuprofen 200 mg every 8 hours", "Ibuprofen"),
    ("Capmatinib 150 mg film-coated tablet, 2 tablets twice daily", "Capmatinib 300 mg twice daily", "Capmatinib"),
    ("Metformin 500 mg extended-release tablets, 2 tablets once daily", "Metformin XR 1000 mg once daily",
     "Metformin"),
    ("Fluticasone 250 mcg 2 puffs twice daily", "Fluticasone propionate 500 mcg twice daily", "Fluticasone"),
]
FIRING_SCHEDULES = [
    ("Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab 200 mg every 4 weeks", "Pembrolizumab"),
    ("Zoledronic acid 4 mg every 4 weeks", "Zoledronic acid 4 mg every 12 weeks", "Zoledronic acid"),
    ("Adalimumab 40 mg every 2 weeks", "Adalimumab 40 mg weekly", "Adalimumab"),
    ("Leuprolide 11.25 mg every 3 months", "Leuprolide 3.75 mg IM monthly", "Leuprolide"),
    ("Zoledronic acid 5 mg/100 mL IV once", "Zoledronic acid 4 mg IV once", "Zoledronic acid"),  # a bag's volume
    ("Apixaban 2.5 mg film-coated tablets twice daily", "Apixaban 5 mg twice daily", "Apixaban"),
    ("Fluticasone 250 mcg 2 puffs twice daily", "Fluticasone propionate 1000 mcg twice daily", "Fluticasone"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_SCHEDULES, ids=[_note(a) for a, _, _ in QUIET_SCHEDULES])
def test_one_regimen_said_two_ways_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_SCHEDULES, ids=[_note(a) for a, _, _ in FIRING_SCHEDULES])
def test_different_regimens_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


# Routes, a schedule for some participants, frequencies in hours (each was a finding or a wrong label before).
@pytest.mark.parametrize("arm, intervention, drug, fires", [
    ("Misoprostol 25 mcg vaginally every 4 hours", "Misoprostol 50 mcg orally every 4 hours", "Misoprostol", False),
    ("Misoprostol 25 mcg vaginally every 4 hours", "Misoprostol 50 mcg vaginally every 4 hours", "Misoprostol", True),
    ("Fentanyl 100 mcg buccally", "Fentanyl 50 mcg IV", "Fentanyl", False),
    ("Colchicine 0.5 mg twice daily", "Colchicine 0.5 mg once daily (twice daily if weight > 75 kg)", "Colchicine",
     False),
    ("Colchicine 0.5 mg twice daily", "Colchicine 0.5 mg once daily (for 30 days)", "Colchicine", True),
    ("Cefepime 2 g every 24 hours", "Cefepime 2 g every 12 hours (every 24 hours in patients with CrCl < 30)",
     "Cefepime", False),
    ("Secukinumab 300 mg Q4W", "Secukinumab 300 mg monthly", "Secukinumab", False),
])
def test_routes_and_schedules(arm, intervention, drug, fires):
    assert bool(dose_findings(arm, intervention, drug)) is fires


def test_a_frequency_in_hours_is_labelled_in_hours():
    [finding] = dose_findings("Misoprostol 25 mcg vaginally every 4 hours",
                               "Misoprostol 50 mcg vaginally every 4 hours", "Misoprostol")
    assert "25 mcg every 4 hours" in finding.message and "50 mcg every 4 hours" in finding.message


@pytest.mark.parametrize("word, known, same", [
    ("ropivacaine", {"bupivacaine"}, False),  # two local anaesthetics of one stem
    ("mepivacaine", {"bupivacaine"}, False),
    ("rituximab", {"cetuximab"}, False),
    ("lignocaine", {"lidocaine"}, True),  # one drug, two spellings
    ("oestradiol", {"estradiol"}, True),
    ("baracitinib", {"baricitinib"}, True),
])
def test_drugs_of_one_stem_are_no_misspelling(word, known, same):
    assert spelled_otherwise(word, known, known) is same


def test_an_outcome_naming_another_local_anaesthetic_fires():
    bupivacaine = [("Bupivacaine", "0.25% 20 mL")]
    found = study_drug_findings("NCT0", [("Incidence of local anesthetic systemic toxicity with ropivacaine", None)],
                                [("Arm", None)], bupivacaine, [("Bupivacaine",)], [])
    assert [(f.message, f.severity) for f in found] == [(
        "The outcome 'Incidence of local anesthetic systemic toxicity with ropivacaine' names ropivacaine, which is "
        "not an intervention of this study: a rescue, background or measured drug, or one the interventions leave out.",
        "info")]
