"""Drugs named in outcomes and arm titles, as registry records word them: hormones and body chemistry measured ("Urinary
cortisol and cortisone"), premedication and patients' earlier treatment ("metformin-treated patients"), another
pharmacopoeia's name ("Albuterol" where salbutamol is given), a development code ("MK-3475" for pembrolizumab), a class
an intervention names ("SSRI", "Antiplatelet therapy"), background, rescue and prohibited drugs, salts, esters,
combinations and biosimilar suffixes; and each nearby wording that names another drug."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings
from checks.drug_names import stem_drugs
from checks.drug_other_names import CODE_NAMES, OTHER_PHARMACOPOEIA_NAMES


def _drug_findings(interventions: list[tuple[str, str | None]], outcome: str | None = None,
                   arm: str | None = None) -> list[str]:
    """Messages for a study given `interventions` (name, description), with one outcome measure or one arm title."""
    outcomes = [(outcome, None)] if outcome else []
    arms = [(arm, None)] if arm else []
    links = [(name,) for name, _ in interventions]
    return [f.message for f in study_drug_findings("NCT01000001", outcomes, arms, interventions, links, [])]


def _one(name: str, description: str | None = None) -> list[tuple[str, str | None]]:
    return [(name, description)]


# (interventions, outcome measure, arm title): each fired before; none names a drug the study does not give.
QUIET_NEW = [
    # a hormone or body chemistry measured, named like a drug
    (_one("Exercise"), "Urinary cortisol and cortisone", None),
    (_one("Exercise"), "Pregnenolone sulfate", None),
    # premedication, and the patients' treatment beside the study's
    (_one("Paclitaxel"), None, "Paclitaxel with dexamethasone premedication"),
    (_one("Drug X"), None, "Drug X in metformin-treated patients"),
    (_one("Drug X"), "HbA1c in insulin and metformin-treated participants", None),
    # another pharmacopoeia's name of the drug given
    (_one("Salbutamol sulphate"), "FEV1 after albuterol", None),
    (_one("Salbutamol"), None, "Albuterol"),
    (_one("Levosalbutamol"), None, "Levalbuterol"),
    (_one("Methimazole"), None, "Thiamazole"),
    (_one("Flucloxacillin"), None, "Floxacillin"),
    (_one("Penicillin G"), None, "Benzylpenicillin"),
    # a development code of the drug given
    (_one("MK-3475"), None, "Pembrolizumab"),
    (_one("MK3475"), "Adverse events of pembrolizumab", None),
    (_one("mk 3475 200 mg IV Q3W"), None, "Pembrolizumab 200 mg"),
    (_one("CDDP"), None, "Cisplatin"),
    (_one("BCNU wafer"), None, "Carmustine"),
    (_one("CPT-11"), None, "Irinotecan"),
    (_one("L-OHP"), None, "Oxaliplatin"),
    (_one("STI571"), None, "Imatinib"),
    (_one("BMS-936558"), None, "Nivolumab"),
    (_one("MPDL3280A"), None, "Atezolizumab"),
    (_one("MEDI4736"), "Durvalumab PK", None),
    (_one("CT-P13"), None, "Infliximab"),
    (_one("Study drug", "CP-690,550 5 mg twice daily"), None, "Tofacitinib 5 mg BID"),
    (_one("BAY 43-9006"), None, "Sorafenib"),
    # a class an intervention names and names no drug of
    (_one("Glucagon-like peptide 1 receptor agonist"), None, "Liraglutide"),
    (_one("Azole antifungal"), None, "Voriconazole"),
    (_one("Antifungal prophylaxis"), None, "Posaconazole"),
    (_one("Echinocandin"), None, "Caspofungin"),
    (_one("ICS/LABA"), None, "Fluticasone/salmeterol"),
    (_one("Long-acting muscarinic antagonist"), None, "Tiotropium"),
    (_one("LABA"), None, "Formoterol"),
    (_one("Platinum doublet"), None, "Carboplatin/pemetrexed"),
    (_one("Antiemetic prophylaxis"), None, "Ondansetron"),
    (_one("Antipsychotic"), None, "Olanzapine"),
    (_one("Second-generation antipsychotic"), None, "Quetiapine"),
    (_one("SSRI"), None, "Fluoxetine"),
    (_one("Antidepressant"), None, "Duloxetine"),
    (_one("Anticoagulation"), None, "Rivaroxaban"),
    (_one("Antiplatelet therapy"), None, "Clopidogrel"),
    (_one("P2Y12 inhibitor"), None, "Ticagrelor"),
    (_one("Gonadotropin-releasing hormone agonist"), None, "Leuprorelin"),
    (_one("GnRH antagonist"), None, "Degarelix"),
    (_one("Androgen deprivation therapy (ADT)"), None, "Goserelin"),
    (_one("Somatostatin analogue"), None, "Octreotide"),
    (_one("Antiandrogen"), None, "Enzalutamide"),
    (_one("HMG-CoA reductase inhibitor"), None, "Atorvastatin"),
    (_one("Thiazide diuretic"), None, "Hydrochlorothiazide"),
    (_one("PDE5 inhibitor"), None, "Sildenafil"),
    (_one("Leukotriene receptor antagonist"), None, "Montelukast"),
    (_one("BTK inhibitor"), None, "Ibrutinib"),
    (_one("Anti-VEGF"), None, "Aflibercept"),
    (_one("Proteasome inhibitor"), None, "Bortezomib"),
    (_one("Hypomethylating agent"), None, "Decitabine"),
    (_one("Nucleoside analogue"), None, "Entecavir"),
    (_one("Neuraminidase inhibitor"), None, "Oseltamivir"),
    (_one("Integrase inhibitor"), None, "Dolutegravir"),
]
# Wordings that stayed quiet before and must stay so: biomarkers, classes, salts, other spellings, background,
# rescue, prohibited and premedicated drugs, combinations and biosimilars.
QUIET_KEPT = [
    (_one("Metformin"), "Insulin levels at week 12", None),
    (_one("Mindfulness training"), "Salivary cortisone awakening response", None),
    (_one("Zuranolone"), "Serum allopregnanolone", None),
    (_one("Docetaxel"), None, "Docetaxel (dexamethasone pre-medication)"),
    (_one("Metformin"), "Insulin sensitivity (HOMA-IR)", None),
    (_one("Exercise"), "Cortisol awakening response", None),
    (_one("Exercise"), "Serum testosterone", None),
    (_one("Exercise"), "Vitamin D levels", None),
    (_one("Iron sucrose"), "Ferritin", None),
    (_one("Exercise"), "Oral glucose tolerance test", None),
    (_one("Argatroban"), "Heparin-induced thrombocytopenia recurrence", None),
    (_one("Exercise"), "Plasma somatostatin", None),
    (_one("Exercise"), "Plasma endostatin", None),
    (_one("Exercise"), "Anti-Xa activity", None),
    (_one("Exercise"), "Hamilton Depression Rating Scale", None),
    (_one("Drug X"), "Benzodiazepine Withdrawal Symptom Questionnaire", None),
    (_one("Drug X"), "Number of participants using statins", None),
    (_one("Sertraline"), None, "SSRI"),
    (_one("Atorvastatin"), None, "Statin"),
    (_one("Metformin hydrochloride"), None, "Metformin"),
    (_one("Metformin"), "HbA1c on metformin hydrochloride", None),
    (_one("Rocuronium bromide"), None, "Rocuronium"),
    (_one("Esomeprazole magnesium"), None, "Esomeprazole"),
    (_one("Amlodipine besylate"), None, "Amlodipine"),
    (_one("Hydrocortisone"), None, "Hydrocortisone sodium succinate"),
    (_one("Fluticasone propionate"), None, "Fluticasone furoate"),
    (_one("Albuterol"), None, "Salbutamol"),
    (_one("Lignocaine"), None, "Lidocaine"),
    (_one("Eformoterol"), None, "Formoterol"),
    (_one("Amoxicillin/clavulanate"), None, "Amoxicillin"),
    (_one("Augmentin"), None, "Amoxicillin-clavulanic acid"),
    (_one("Lopinavir/ritonavir"), "Viral load on lopinavir", None),
    (_one("Sacubitril + valsartan"), None, "Valsartan"),
    (_one("Piperacillin/tazobactam"), "Time to defervescence on piperacillin", None),
    (_one("Co-trimoxazole"), None, "Sulfamethoxazole/trimethoprim"),
    (_one("Sirolimus"), None, "Rapamycin"),
    (_one("Daunorubicin"), None, "Daunomycin"),
    (_one("Trastuzumab-dkst"), None, "Trastuzumab"),
    (_one("Trastuzumab"), None, "Trastuzumab-dkst"),
    (_one("Adalimumab-atto"), None, "Adalimumab"),
    (_one("Infliximab-dyyb"), "ACR20 on infliximab", None),
    (_one("Pembrolizumab", "MK-3475"), None, "MK-3475"),
    (_one("Drug X"), "Use of rescue medication (salbutamol)", None),
    (_one("Drug X"), "Time to first rescue paracetamol", None),
    (_one("Drug X"), "Proportion requiring rescue ondansetron", None),
    (_one("Ropivacaine"), "Postoperative fentanyl requirement", None),
    (_one("Ropivacaine"), "Cumulative oxycodone consumption at 24 h", None),
    (_one("Drug X"), "Number of participants who used prohibited medications (e.g., ketoconazole)", None),
    (_one("Drug X"), "HbA1c in participants on background metformin", None),
    (_one("Drug X"), "LDL-C change on top of atorvastatin", None),
    (_one("Drug X"), None, "Drug X + background metformin"),
    (_one("Drug X"), None, "Drug X add-on to metformin"),
    (_one("Drug X"), None, "Rosuvastatin-intolerant patients"),
    (_one("Drug X"), "Non-inferiority versus historical sunitinib data", None),
    (_one("Chlorhexidine bathing"), "Incidence of methicillin-resistant Staphylococcus aureus (MRSA) infection", None),
    (_one("Probiotic"), "Vancomycin-resistant enterococci (VRE) colonization", None),
    (_one("Probiotic"), "Acquisition of carbapenem-resistant Enterobacteriaceae", None),
    (_one("Probiotic"), "Ciprofloxacin-resistant E. coli in stool", None),
    (_one("Dexrazoxane"), "Anthracycline-induced cardiotoxicity", None),
    (_one("Beta-blocker"), None, "Metoprolol"),
    (_one("ACE inhibitor"), None, "Ramipril"),
    (_one("Proton pump inhibitor"), None, "Omeprazole"),
    (_one("LMWH"), None, "Enoxaparin"),
    (_one("Anti-PD-1 antibody"), None, "Pembrolizumab"),
    (_one("Tyrosine kinase inhibitor"), None, "Erlotinib"),
    (_one("Local anaesthetic"), None, "Bupivacaine"),
]
# Nearby: another drug than the one given, its code, another pharmacopoeia's name or its class's.
FIRING = [
    (_one("MK-3475"), None, "Nivolumab"),
    (_one("MK-34751"), None, "Pembrolizumab"),  # another code
    (_one("CDDP"), None, "Carboplatin"),
    (_one("STI571"), None, "Dasatinib"),
    (_one("Salbutamol"), None, "Salmeterol"),
    (_one("Levosalbutamol"), None, "Formoterol"),
    (_one("Flucloxacillin"), None, "Dicloxacillin"),
    (_one("SSRI"), None, "Olanzapine"),
    (_one("Antipsychotic"), None, "Fluoxetine"),
    (_one("Antiplatelet therapy"), None, "Apixaban"),
    (_one("Anticoagulation"), None, "Clopidogrel"),
    (_one("Long-acting muscarinic antagonist"), None, "Salmeterol"),
    (_one("Proteasome inhibitor"), None, "Ibrutinib"),
    (_one("PDE5 inhibitor"), None, "Montelukast"),
    (_one("Antifungal prophylaxis"), None, "Ciprofloxacin"),
    (_one("Antipsychotic-free"), None, "Olanzapine"),
    (_one("Antifungal stewardship programme"), "Days of therapy per 1000 patient-days, and voriconazole toxicity",
     None),
    (_one("Exercise"), "Fatigue with prednisolone 5 mg", None),
    (_one("Paclitaxel"), None, "Dexamethasone"),
    (_one("Drug X"), None, "Sitagliptin"),
    (_one("Drug X"), None, "Metformin treated"),  # not written as the patients' state
    (_one("Metformin hydrochloride"), None, "Sitagliptin/metformin"),
    (_one("Pembrolizumab"), None, "Nivolumab"),
    (_one("Trastuzumab-dkst"), None, "Pertuzumab"),
    (_one("Amoxicillin/clavulanate"), None, "Azithromycin"),
    (_one("Lopinavir/ritonavir"), None, "Darunavir"),
    (_one("Atorvastatin"), None, "Rosuvastatin"),
    (_one("Drug X"), "Adverse events of sorafenib", None),
]


def _case_id(case: tuple) -> str:
    interventions, outcome, arm = case
    return f"{interventions[0][0]} / {outcome or arm}"


@pytest.mark.parametrize("case", QUIET_NEW + QUIET_KEPT, ids=[_case_id(c) for c in QUIET_NEW + QUIET_KEPT])
def test_a_drug_the_study_gives_or_does_not_give_by_design_is_quiet(case):
    assert _drug_findings(*case) == []


@pytest.mark.parametrize("case", FIRING, ids=[_case_id(c) for c in FIRING])
def test_another_drug_fires(case):
    assert len(_drug_findings(*case)) == 1


def test_the_name_tables_are_of_drug_words():
    """Every drug of the code and pharmacopoeia tables is read as a drug word (the tables are asked only of such
    words), and no code is given to two drugs."""
    assert all(stem_drugs(drug) == {drug} for drug in CODE_NAMES)
    assert all(stem_drugs(name) == {name} for name in OTHER_PHARMACOPOEIA_NAMES)
    codes = [code.lower() for names in CODE_NAMES.values() for code in names]
    assert len(codes) == len(set(codes))
