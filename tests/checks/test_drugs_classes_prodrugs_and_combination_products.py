"""contradictions.drug_not_an_intervention, phrase by phrase: a drug of a class, procedure or device the interventions
name, what a prodrug given yields, a drug of a combination product named by a word of its own, and a drug measured
in serum or plasma are drugs the study gives; another class's drug, another product's, or a drug beside a class the
interventions already name a member of, is not."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings
from checks.drug_classes import unnamed_members


def _findings(interventions: list[tuple[str, str | None]], outcome: str | None = None,
              arm: str | None = None) -> list[str]:
    """Messages for a study given `interventions` (name, description), with one outcome measure or one arm title."""
    outcomes = [(outcome, None)] if outcome else []
    arms = [(arm, None)] if arm else []
    links = [(name,) for name, _ in interventions]
    return [f.message for f in study_drug_findings("NCT01000001", outcomes, arms, interventions, links, [])]


# (interventions, outcome measure, arm title): each fired before, each names a drug the study gives.
QUIET = [
    # a member of a class the interventions name, and name no member of
    ([("Statin therapy", None)], "Adverse events of atorvastatin", None),
    ([("High-intensity statin", None)], None, "Atorvastatin 80 mg"),
    ([("Beta-blocker", None)], None, "Metoprolol"),
    ([("DOAC", "Direct oral anticoagulant at the approved dose")], None, "Apixaban or rivaroxaban"),
    ([("Proton pump inhibitor", None)], None, "Omeprazole"),
    ([("Chemotherapy", "Platinum-based doublet chemotherapy")], None, "Cisplatin + gemcitabine"),
    ([("Anti-TNF therapy", None)], None, "Adalimumab"),
    ([("Corticosteroids", None)], None, "Dexamethasone"),
    ([("Carbapenem", "Empirical carbapenem for 7 days")], None, "Meropenem"),  # a class's name with a drug's stem
    # ... or of the drugs a procedure or a device gives
    ([("Local anesthetic infiltration", None)], None, "Bupivacaine infiltration"),
    ([("Erector spinae plane block", "20 ml of local anaesthetic under ultrasound guidance")], None,
     "ESP block with ropivacaine"),
    ([("Spinal anesthesia", None)], None, "Hyperbaric bupivacaine"),
    ([("Interscalene block", None)], None, "Ropivacaine 0.5%"),
    ([("Drug-coated balloon", None)], None, "Paclitaxel DCB"),
    ([("Transarterial chemoembolization", None)], None, "TACE with epirubicin"),
    ([("HIPEC", None)], None, "HIPEC with mitomycin C"),
    # what a prodrug given yields
    ([("Valacyclovir", "1 g three times daily")], "Acyclovir plasma AUC", None),
    ([("Valganciclovir", None)], "Pharmacokinetics of ganciclovir", None),
    ([("Fosamprenavir", None)], "Amprenavir Cmax", None),
    # a drug of a combination product named by a word of its own
    ([("TMP-SMX", None)], "Sulfamethoxazole adverse events", None),
    ([("Co-trimoxazole prophylaxis", None)], "Adverse events of sulfamethoxazole", None),
    ([("Co-amoxiclav", None)], "Adverse events of amoxicillin", None),
    ([("Augmentin", None)], None, "Amoxicillin/clavulanic acid"),
    ([("LCZ696", None)], "NT-proBNP change with sacubitril/valsartan", None),
    ([("Entresto", None)], "Adverse events of sacubitril/valsartan", None),
    ([("Paxlovid", None)], "Ritonavir drug interactions", None),
    ([("Pip-tazo extended infusion", None)], None, "Piperacillin-tazobactam 4.5 g over 4 hours"),
    # a drug measured where it is, the place said between ("Serum vancomycin levels" was quiet already)
    ([("Continuous infusion", None)], "Vancomycin serum levels", None),
    ([("Letermovir", None)], "Voriconazole plasma concentrations", None),
    ([("Continuous wound catheter", None)], "Ropivacaine total plasma concentration", None),
    ([("Keytruda", None)], "Pembrolizumab serum concentrations", None),
]

# (interventions, outcome measure, arm title): a drug the study does not give, however near.
FIRING = [
    ([("Statin therapy", None)], None, "Metoprolol"),  # another class
    ([("Beta-blocker", None)], None, "Atorvastatin"),
    ([("Chemotherapy", None)], None, "Pembrolizumab"),  # not a chemotherapy
    ([("Chemotherapy", "Cisplatin 75 mg/m2 every 3 weeks")], None, "Carboplatin"),  # the class's member is named
    ([("PECS block", "30 ml of levobupivacaine 0.25%")], "Pain with ropivacaine", None),
    ([("Sitagliptin", "Randomized in blocks of 4")], None, "Lidocaine"),  # randomization blocks, no nerve block
    ([("Pacemaker", "Implanted for complete heart block")], None, "Lidocaine"),  # a heart block
    ([("Chemotherapy", None)], None, "Vancomycin"),  # an antibiotic, however its name ends
    ([("Tocilizumab", "Steroid-free remission is the aim")], None, "Dexamethasone"),  # a class gone without
    ([("Ezetimibe", "Added in statin-naive patients")], None, "Atorvastatin"),
    ([("Valacyclovir", None)], "Adverse events of ganciclovir", None),  # another drug's active form
    ([("Trimethoprim", None)], "Adverse events of sulfamethoxazole", None),  # one drug is not the combination
    ([("Co-amoxiclav", None)], "Adverse events of piperacillin", None),  # another product's drug
    ([("Paxlovid", None)], "Adverse events of remdesivir", None),
    ([("Truvada", None)], "Adverse events of dolutegravir", None),
    ([("Bupivacaine", None)], "Ropivacaine Cmax", None),  # a pharmacokinetic parameter is of a drug given
    ([("Keytruda", None)], "Incidence of nivolumab adverse events", None),
]


def _case_id(case: tuple) -> str:
    interventions, outcome, arm = case
    return f"{interventions[0][0]} / {outcome or arm}"


@pytest.mark.parametrize("case", QUIET, ids=[_case_id(c) for c in QUIET])
def test_a_drug_the_study_gives_is_quiet(case):
    assert _findings(*case) == []


@pytest.mark.parametrize("case", FIRING, ids=[_case_id(c) for c in FIRING])
def test_a_drug_the_study_does_not_give_fires(case):
    assert len(_findings(*case)) == 1


@pytest.mark.parametrize("texts, endings", [
    (["Statin therapy", None], ("statin",)),
    (["Chemotherapy", "Cisplatin 75 mg/m2"], ()),  # the class's member is named
    (["Interscalene block", None], ("caine", "fentanil")),
    (["Randomised in blocks of 6", None], ()),
    (["Neuromuscular blockade", None], ("curonium",)),  # no nerve block
    (["Tumour-infiltrating lymphocytes", "Increase T-cell infiltration of the tumour"], ()),  # no local infiltration
    (["Steroid-sparing regimen", None], ()),
    (["ART", "Antiretroviral therapy per national guidelines"], ("vir", "vudine", "citabine")),
    (["Art therapy", "Weekly art sessions"], ()),  # the abbreviation is in capitals
])
def test_the_classes_an_intervention_names(texts, endings):
    assert unnamed_members(texts) == endings
