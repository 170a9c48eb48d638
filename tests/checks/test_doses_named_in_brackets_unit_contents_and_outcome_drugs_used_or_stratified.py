"""contradictions.arm_dose_differs on an amount followed by its drug in brackets ("500mg (aminophylline) and 5mg
(ambrisentan)", NCT01530464), on what one unit of a product holds ("Each mL contains dexamethasone sodium phosphate
equivalent to dexamethasone phosphate 4 mg", NCT04640168) and on a product named by its unit's strength and nothing
else ("200 mg coated tablets", NCT04434248; "tablets (5 mg strength)", NCT02549027; a syringe's scale, NCT04387409);
contradictions.drug_not_an_intervention on an outcome drug said to have been used ("inhalations/day of
albuterol/salbutamol were used", NCT00766090) or named as a stratum of background therapy ("baseline therapy strata
(metformin versus diet and exercise)", NCT00853151), an active metabolite's PK, a class's drugs listed or used, a
resistance score's or a mutation's drug, a stratum, a unit of conversion, a cited paper's title, and an arm's drug
named with the intervention's other name in brackets ("Aflibercept Injection (EYLEA, VEGF Trap-Eye)", NCT00527423).
Near phrases that state another dose, or a drug the outcome gives, still fire."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.contradictions_drugs import study_drug_findings
from tests.checks.harness import dose_findings

_COMBINATION = "Aminophylline plus ambrisentan"
_ARM = "Aminophylline and ambrisentan"
_DEXAMETHASONE_ARM = ("Remdesivir plus Dexamethasone", "200 mg of remdesivir administered intravenously on Day 1; and "
                      "6 mg of dexamethasone administered as an intravenous injection daily for up to 10 days.")


def _combination(arm: str, intervention: str) -> list[str]:
    """The dose rule's messages on the arm given the combination of aminophylline and ambrisentan."""
    return [f.message for f in study_dose_findings("NCT0", [(_ARM, arm)], [(_COMBINATION, intervention)],
                                                   [(_ARM, _COMBINATION)])]


def _dexamethasone(intervention: str) -> list[str]:
    """The dose rule's messages on the arm given 6 mg of dexamethasone, its intervention described as `intervention`."""
    return [f.message for f in study_dose_findings("NCT0", [_DEXAMETHASONE_ARM], [("Dexamethasone", intervention)],
                                                   [(_DEXAMETHASONE_ARM[0], "Dexamethasone")])]


# (arm, intervention): each drug's amount named in brackets after it agrees with the arm's.
QUIET_BRACKETED = [
    ("Treatment 3: Aminophylline, 500 mg plus Ambrisentan, 5 mg",
     "Drugs will be given as single doses of 500mg (aminophylline) and 5mg (ambrisentan), followed by a 48h washout "
     "period"),
    ("Aminophylline 500 mg and ambrisentan 5 mg", "single doses of 500 mg ( aminophylline ) and 5 mg (ambrisentan)"),
]
# The same wordings with one drug's amount other than the arm's: they fire.
FIRING_BRACKETED = [
    ("Treatment 3: Aminophylline, 500 mg plus Ambrisentan, 5 mg",
     "Drugs will be given as single doses of 250mg (aminophylline) and 5mg (ambrisentan)"),
    ("Treatment 3: Aminophylline, 500 mg plus Ambrisentan, 5 mg",
     "Drugs will be given as single doses of 500mg (aminophylline) and 10mg (ambrisentan)"),
]

# What one unit holds, however many words stand between the unit and the amount: quiet beside the arm's 6 mg.
QUIET_CONTENTS = [
    "Dexamethasone Sodium Phosphate Injection, USP, is an adrenocortical steroid. Each mL contains dexamethasone "
    "sodium phosphate equivalent to dexamethasone phosphate 4 mg or dexamethasone 3.33 mg; benzyl alcohol 10 mg added "
    "as preservative.",
    "Each tablet contains dexamethasone acetate equivalent to dexamethasone 4 mg.",
    "1 mL contains dexamethasone sodium phosphate equivalent to dexamethasone 4 mg.",
]
# A unit's contents followed by a dose, or a dose alone: they fire.
FIRING_CONTENTS = [
    "Each mL contains dexamethasone sodium phosphate. Patients receive dexamethasone 4 mg IV daily.",
    "Each mL contains dexamethasone 4 mg and is given as dexamethasone 4 mg daily.",
    "Dexamethasone sodium phosphate equivalent to dexamethasone phosphate 4 mg daily.",
]


@pytest.mark.parametrize("arm, intervention", QUIET_BRACKETED, ids=[i[:50] for _, i in QUIET_BRACKETED])
def test_an_amount_of_the_drug_in_brackets_after_it_stays_quiet(arm, intervention):
    assert _combination(arm, intervention) == []


@pytest.mark.parametrize("arm, intervention", FIRING_BRACKETED, ids=[i[-50:] for _, i in FIRING_BRACKETED])
def test_another_amount_of_the_drug_in_brackets_fires(arm, intervention):
    assert len(_combination(arm, intervention)) == 1


@pytest.mark.parametrize("intervention", QUIET_CONTENTS, ids=[i[:50] for i in QUIET_CONTENTS])
def test_what_one_unit_holds_stays_quiet(intervention):
    assert _dexamethasone(intervention) == []


@pytest.mark.parametrize("intervention", FIRING_CONTENTS, ids=[i[:50] for i in FIRING_CONTENTS])
def test_a_dose_after_or_without_a_units_contents_fires(intervention):
    messages = _dexamethasone(intervention)
    assert len(messages) == 1 and "gives dexamethasone as 6 mg" in messages[0] and "says 4 mg" in messages[0]


# (arm, intervention, drug): an intervention that names its product by a unit's strength, a syringe's size or scale,
# or a unit's make-up, and says nothing of a dose: quiet.
QUIET_PRODUCTS = [
    ("1800mg BID on the 1st day followed by 800mg BID", "200 mg coated tablets", "Favipiravir"),
    ("450 mg bid (3 tablets of 150 mg + 1 placebo tablet)", "150mg chloroquine diphosphate tablets.", "Chloroquine"),
    ("400 mg twice daily", "Hydroxychloroquine; 200mg tablet; oral", "Hydroxychloroquine"),
    ("single dose of 20 mg MK-6096", "Oral MK-6096 tablets (5 mg strength)", "MK-6096"),
    ("Olanzapine 15 mg QD", "5 and 10 mg film-coated active olanzapine tablets administered orally QD", "Olanzapine"),
    ("VPM1002 administered in 0.1 ml",
     "administered via intradermal injection with a 1.0-ml syringe, sub-graduated into hundredths of ml (1/100 ml)",
     "VPM1002"),
    ("44 mcg of interferon beta-1a three times weekly", "Each 0.5 mL prefilled syringe contains 44 mcg of interferon "
     "beta-1a, 4 mg human albumin, USP; 27.3 mg mannitol, USP; 0.4 mg sodium acetate", "Interferon beta-1a"),
]
# A count of units before the drug's name and its strength, or before a strength named with the drug in brackets
# (NCT04343248, NCT00524368): the count multiplies it.
QUIET_PRODUCTS += [
    ("Two Nitazoxanide 300 mg tablets orally twice daily", "600 mg twice daily", "Nitazoxanide"),
    ("Two 400 mg darunavir (DRV) tablets once daily", "Darunavir 800 mg once daily", "Darunavir"),
]
# The same products where the intervention gives a regimen or a count: they fire.
FIRING_PRODUCTS = [
    ("1800mg twice daily", "200 mg coated tablets twice daily", "Favipiravir"),
    ("Anastrozole 5 mg", "1 mg tablet for 12 months", "Anastrozole"),
    ("single dose of 20 mg MK-6096", "Oral MK-6096 tablets, 5 mg once daily", "MK-6096"),
    ("Two patients received nitazoxanide 300 mg tablets twice daily", "600 mg twice daily", "Nitazoxanide"),
    ("Two weeks of nitazoxanide 300 mg tablets twice daily", "600 mg twice daily", "Nitazoxanide"),
    ("44 mcg of interferon beta-1a three times weekly", "Each 0.5 mL prefilled syringe contains interferon beta-1a; "
     "patients receive interferon beta-1a 22 mcg three times weekly", "Interferon beta-1a"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_PRODUCTS, ids=[i[:50] for _, i, _ in QUIET_PRODUCTS])
def test_a_product_named_by_its_units_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_PRODUCTS, ids=[i[:50] for _, i, _ in FIRING_PRODUCTS])
def test_a_product_given_by_a_regimen_fires(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


_FLUTICASONE = [("Fluticasone furoate", "FF 100 µg inhalation powder twice daily"), ("Placebo", "Matching placebo")]
_SAXAGLIPTIN = [("Saxagliptin", "Saxagliptin 5 mg once daily"), ("Placebo", "Matching placebo")]
_FAMCICLOVIR = [("Famciclovir", "Famciclovir 500 mg")]
_TENOFOVIR = [("Tenofovir disoproxil fumarate", None)]
_PREGABALIN = [("Pregabalin", "Pregabalin 150 mg"), ("Placebo", None)]
_BEVACIZUMAB = [("bevacizumab [Avastin]", None), ("irinotecan", None), ("temozolomide", None)]
_PLASMA = [("COVID-19 convalescent hyperimmune plasma", None), ("Non-convalescent fresh frozen plasma", None)]
_MARAVIROC = [("Maraviroc (UK-427,857)", None), ("Optimized Background Therapy", None), ("Placebo", None)]

# (interventions, measure, description): the outcome's drug was used as the measure counts it, or is a stratum of the
# participants' background therapy.
QUIET_OUTCOMES = [
    (_FLUTICASONE, "Number of Participants Who Withdrew Due to Worsening of Asthma",
     "withdrawn if the participant experienced three or more days in which >=12 inhalations/day of "
     "albuterol/salbutamol were used"),
    (_FLUTICASONE, "Withdrawals", "days on which more than 8 puffs of salbutamol were needed"),
    (_SAXAGLIPTIN, "Change From Baseline in HbA1c at 6-Month Endpoint",
     "Values obtained from repeated measures analysis, which included the fixed categorical effects of treatment, "
     "baseline therapy strata (metformin versus diet and exercise [D&E]), visit"),
    (_SAXAGLIPTIN, "Change in HbA1c",
     "a model with baseline treatment stratum (metformin or sulfonylurea) as a factor"),
    # an active metabolite's PK, a class's drugs listed, a counted class's in brackets, a resistance score's drug
    (_FAMCICLOVIR, "Apparent Terminal Elimination Half-life of Penciclovir (T1/2)", "PK parameter"),
    (_BEVACIZUMAB, "Percentage of Participants Who Received Corticosteroid for Glioblastoma",
     "Participants used corticosteroids for the glioblastoma condition. Corticosteroids included dexamethasone, "
     "methylprednisone, fortecortin, hydrocortisone, urbason, and prednisolone."),
    (_PLASMA, "Incidence of the cytokine storm development and the need of administering cytokine storm inhibitors",
     "Incidence of administering IL6 receptor blockers (tocilizumab, sarilumab)"),
    (_MARAVIROC, "Number of Participants With GSS and PSS at Screening",
     "Genotypic enfuvirtide value was used for PSS, no phenotypic enfuvirtide was recorded."),
    # a stratum named after the drug, a resistance's mutations, a unit of conversion, a class used, a cited paper
    (_FLUTICASONE, "Time to First COPD Exacerbation",
     "Cox regression analysis of treatment effect using tiotropium stratum as a stratification factor."),
    (_TENOFOVIR, "Number of Participants With Emergence of Genotypic Resistance",
     "tenofovir (TDF) resistance (TDFr) which was based on adefovir (ADV)-mutations"),
    (_PREGABALIN, "Amount of Narcotic Pain Medications",
     "Pain medications will be converted to oxycodone/acetaminophen equivalents for statistical analysis."),
    (_PREGABALIN, "Analgesics Used Post Discharge (Ibuprofen) for the Pregabalin 150 mg and Placebo Treatment Groups",
     None),
    (_PREGABALIN, "Change in beta-cell function", "calculated by the method of Mari et al. (Mari A, Foley JE. "
     "Vildagliptin, a dipeptidyl peptidase-IV inhibitor, improves model-assessed beta-cell function in patients with "
     "type 2 diabetes. J Clin Endocrinol Metab. 2005; 90:4888-4894.)"),
]
# The same drugs where the outcome gives them, or after the stratum's sentence: they fire.
FIRING_OUTCOMES = [
    (_FLUTICASONE, "Change in FEV1", "FEV1 one hour after albuterol/salbutamol 400 mcg"),
    (_FLUTICASONE, "Change in FEV1", "albuterol/salbutamol was used as the reference bronchodilator"),
    (_SAXAGLIPTIN, "Change in HbA1c", "baseline therapy strata. All participants then receive metformin 1000 mg"),
    (_SAXAGLIPTIN, "Change in HbA1c", "HbA1c after 24 weeks of metformin 1000 mg twice daily"),
    (_FAMCICLOVIR, "Apparent Terminal Elimination Half-life of Ganciclovir (T1/2)", "PK parameter"),
    (_BEVACIZUMAB, "Progression-free survival", "PFS with bevacizumab and dexamethasone"),
    (_PLASMA, "Adverse events", "Incidence of adverse events after administering tocilizumab"),
    (_MARAVIROC, "Change in viral load", "viral load in participants given enfuvirtide"),
    (_FLUTICASONE, "Change in FEV1", "FEV1 after tiotropium 18 mcg once daily"),
    (_TENOFOVIR, "HBV DNA", "HBV DNA in participants switched to adefovir"),
    (_PREGABALIN, "Pain", "Pain after oxycodone 5 mg"),
    (_PREGABALIN, "Change in beta-cell function", "beta-cell function after vildagliptin 50 mg twice daily in 2005"),
]


def _outcome_drugs(interventions: list[tuple], measure: str, description: str) -> list[str]:
    """The drug rule's messages on a study of `interventions` whose one outcome is (measure, description)."""
    return [f.message for f in study_drug_findings("NCT0", [(measure, description)], [], interventions,
                                                   [(name,) for name, _ in interventions], [])]


@pytest.mark.parametrize("interventions, measure, description", QUIET_OUTCOMES,
                         ids=[(d or m)[-50:] for _, m, d in QUIET_OUTCOMES])
def test_an_outcome_drug_used_or_stratified_by_stays_quiet(interventions, measure, description):
    assert _outcome_drugs(interventions, measure, description) == []


@pytest.mark.parametrize("interventions, measure, description", FIRING_OUTCOMES,
                         ids=[(d or m)[-50:] for _, m, d in FIRING_OUTCOMES])
def test_an_outcome_drug_given_fires(interventions, measure, description):
    assert len(_outcome_drugs(interventions, measure, description)) == 1


_AFLIBERCEPT_ARM = "Intravitreal Aflibercept Injection (EYLEA, VEGF Trap-Eye)"
# (arm title, intervention names, fires): a drug named with the intervention's other name in brackets after it is the
# intervention (NCT00527423); another drug beside it, or the same title in a study of another drug, fires.
ARM_TITLES = [
    (_AFLIBERCEPT_ARM, ("VEGF Trap Eye",), False),
    ("Aflibercept (VEGF Trap-Eye) 2 mg every 8 weeks", ("VEGF Trap-Eye",), False),
    (_AFLIBERCEPT_ARM, ("Ranibizumab",), True),
    ("Aflibercept Injection (VEGF Trap Eye) plus ranibizumab", ("VEGF Trap Eye",), True),
]


@pytest.mark.parametrize("title, names, fires", ARM_TITLES, ids=[f"{t[:40]}-{n[0]}" for t, n, _ in ARM_TITLES])
def test_an_arm_drug_named_with_the_interventions_other_name(title, names, fires):
    found = list(study_drug_findings("NCT0", [], [(title, None)], [(n, None) for n in names],
                                     [(n,) for n in names], []))
    assert len(found) == int(fires)
