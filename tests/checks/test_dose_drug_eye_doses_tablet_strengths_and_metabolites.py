"""Doses and drugs as registry records word them: "OD" for the right eye in intravitreal and eye-drop regimens, days of
a week ("5 days per week"), a dose for patients meeting dose-reduction criteria or given "otherwise", an arm given less
than the strength of the only tablets it is linked to; and outcomes naming a drug's metabolite, an allergy to a drug, a
condition a drug causes, a drug-coated device, doses of a drug counted, or a treatment the participants escalate to or
are salvaged with."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.contradictions_drugs import study_drug_findings
from checks.dose_text import parse_doses
from tests.checks.harness import dose_findings


def _note(arm: str) -> str:
    return arm[:60]


# (arm description, intervention description, drug): one regimen; each was a finding before.
QUIET_DOSES = [
    # "OD" is the right eye (oculus dexter) in an eye's treatment, not once daily
    ("Ranibizumab 0.5 mg intravitreal injection OD every 4 weeks",
     "Ranibizumab 0.5 mg intravitreal injection every 4 weeks", "Ranibizumab"),
    ("Aflibercept 2 mg IVT in the study eye (OD or OS) monthly", "Aflibercept 2 mg intravitreal monthly",
     "Aflibercept"),
    # days of a week are no frequency ("per week" after them is not once weekly)
    ("Methotrexate 15 mg orally 5 days per week", "Methotrexate 15 mg orally once daily Monday to Friday",
     "Methotrexate"),
    # a dose for patients meeting dose-reduction criteria, or another given otherwise
    ("Apixaban 2.5 mg twice daily in patients meeting 2 of 3 dose-reduction criteria, otherwise 5 mg twice daily",
     "Apixaban 5 mg twice daily", "Apixaban"),
    ("Apixaban 2.5 mg twice daily if 2 of: age >= 80, weight <= 60 kg, creatinine >= 1.5; otherwise 5 mg twice daily",
     "Apixaban 5 mg BID", "Apixaban"),
    ("Edoxaban 30 mg once daily in subjects who fulfil any dose reduction criterion", "Edoxaban 60 mg once daily",
     "Edoxaban"),
]
# Nearby texts that still state two doses.
FIRING_DOSES = [
    ("Metformin 500 mg OD", "Metformin 500 mg twice daily", "Metformin"),  # no eye: once daily
    ("Prednisolone 20 mg o.d.", "Prednisolone 20 mg BID", "Prednisolone"),
    ("Ranibizumab 0.5 mg intravitreal OD monthly", "Ranibizumab 0.5 mg intravitreal every 2 months", "Ranibizumab"),
    ("Methotrexate 15 mg orally 5 days per week", "Methotrexate 20 mg orally 5 days per week", "Methotrexate"),
    ("Apixaban 5 mg twice daily", "Apixaban 2.5 mg twice daily", "Apixaban"),
    # the arm's whole population, not some of its patients
    ("Edoxaban 30 mg once daily in patients meeting the inclusion criteria", "Edoxaban 60 mg once daily", "Edoxaban"),
    # "otherwise" in the next sentence is not this amount's
    ("Metformin 500 mg twice daily. Otherwise standard care.", "Metformin 1000 mg twice daily", "Metformin"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_DOSES, ids=[_note(a) for a, _, _ in QUIET_DOSES])
def test_one_regimen_said_two_ways_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_DOSES, ids=[_note(a) for a, _, _ in FIRING_DOSES])
def test_two_doses_still_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


@pytest.mark.parametrize("text, per_day", [
    ("0.5 mg intravitreal injection OD every 4 weeks", 1 / 28),
    ("2 mg in the study eye (OD or OS) monthly", 1 / 30),
    ("Empagliflozin 10 mg OD", 1.0),  # no eye: once daily
    ("15 mg orally 5 days per week", None),
    ("100 mg three days a week", None),
    ("100 mg 5 days/week", None),
    ("15 mg per week", 1 / 7),
])
def test_the_frequency_of_an_eye_and_of_days_a_week(text, per_day):
    [dose] = parse_doses(text)
    assert dose.per_day == (pytest.approx(per_day) if per_day else None)


def _arm_given(description: str, interventions: list[tuple], links: list[tuple] | None = None) -> list:
    """Findings of one arm titled 'Arm A' linked to every intervention listed (or to `links`)."""
    links = [("Arm A", name) for name, _ in interventions] if links is None else links
    return list(study_dose_findings("NCT0", [("Arm A", description)], interventions, links))


# An arm given less than the strength of the only tablets or capsules of the drug it is linked to: no whole unit
# makes its dose. Each was quiet before (a strength in a name is no dose).
FIRING_BELOW_STRENGTH = [
    ("Tofacitinib 5 mg twice daily", [("Tofacitinib 10 mg tablet", None)]),
    ("Baricitinib 10 mg once daily", [("Baricitinib 20 mg tablet", None), ("Placebo", None)]),
    ("Aspirin 81 mg daily", [("Aspirin 100 mg tablet", None)]),
    ("Budesonide 3 mg once daily", [("Budesonide 9 mg capsules", "Oral budesonide")]),
]
QUIET_BELOW_STRENGTH = [
    ("Capmatinib 400 mg twice daily", [("Capmatinib 150 mg", "Capmatinib tablets")]),  # above: several tablets
    ("Tofacitinib 10 mg twice daily", [("Tofacitinib 5 mg tablet", None)]),  # two tablets
    ("Warfarin 2.5 mg (half a 5 mg tablet) daily", [("Warfarin 5 mg tablet", None)]),  # a part of a tablet
    # another product of the drug, of any strength or a lower one
    ("Tofacitinib 5 mg BID", [("Tofacitinib 10 mg tablet", None), ("Tofacitinib", None)]),
    ("Tofacitinib 5 mg BID", [("Tofacitinib 10 mg tablet", None), ("Tofacitinib 5 mg tablet", None)]),
    # the intervention's description gives the arm's dose, or a part of a tablet
    ("Tofacitinib 5 mg BID", [("Tofacitinib 10 mg tablet", "Tofacitinib 5 mg twice daily")]),
    ("Tofacitinib 5 mg BID", [("Tofacitinib 10 mg tablet", "Tofacitinib 10 mg tablet, half a tablet twice daily")]),
    ("Placebo matching tofacitinib 5 mg", [("Tofacitinib 10 mg tablet", None)]),
    # a vial's or an injection's amount may be given in part
    ("Heparin 5000 IU SC twice daily", [("Heparin 25000 IU/5 mL", None)]),
    ("Dexamethasone 4 mg IV", [("Dexamethasone 8 mg", "Dexamethasone injection")]),
    ("Insulin glargine 10 units at bedtime", [("Insulin glargine 100 units/mL", None)]),
    # a dose for some participants, varied by design, or another product
    ("Sitagliptin 50 mg daily in patients with eGFR < 45", [("Sitagliptin 100 mg tablet", None)]),
    ("Tofacitinib 5 mg BID, titrated", [("Tofacitinib 10 mg tablet", None)]),
    ("Nicotine gum 4 mg every 1-2 hours", [("Nicotine patch 21 mg", None)]),
    ("Sitagliptin/metformin 50/500 mg twice daily", [("Sitagliptin/metformin 50/1000 mg tablet", None)]),
]


@pytest.mark.parametrize("description, interventions", FIRING_BELOW_STRENGTH,
                         ids=[d for d, _ in FIRING_BELOW_STRENGTH])
def test_an_arm_given_less_than_its_tablets_strength_fires(description, interventions):
    assert len(_arm_given(description, interventions)) == 1


@pytest.mark.parametrize("description, interventions", QUIET_BELOW_STRENGTH, ids=[d for d, _ in QUIET_BELOW_STRENGTH])
def test_an_arm_its_products_may_make_stays_quiet(description, interventions):
    assert _arm_given(description, interventions) == []


def test_a_strength_is_compared_only_where_the_record_links_the_arm():
    assert _arm_given("Tofacitinib 5 mg BID", [("Tofacitinib 10 mg tablet", None)], links=[]) == []


def test_the_message_names_the_strength_the_product_is_named_for():
    [finding] = _arm_given("Tofacitinib 5 mg twice daily", [("Tofacitinib 10 mg tablet", None)])
    assert finding.message == ("Arm 'Arm A' gives tofacitinib as 5 mg twice daily, less than the 10 mg its "
                               "intervention 'Tofacitinib 10 mg tablet' is named for.")
    assert "interventions.name ('Tofacitinib 10 mg tablet')" in finding.evidence


def test_arms_linked_to_each_others_tablets():
    arms = [("Tofacitinib 5 mg", "Tofacitinib 5 mg twice daily"),
            ("Tofacitinib 10 mg", "Tofacitinib 10 mg twice daily")]
    interventions = [("Tofacitinib 10 mg tablet", None), ("Tofacitinib 5 mg tablet", None)]
    links = [("Tofacitinib 5 mg", "Tofacitinib 10 mg tablet"), ("Tofacitinib 10 mg", "Tofacitinib 5 mg tablet")]
    found = list(study_dose_findings("NCT0", arms, interventions, links))
    assert [f.message.split(" gives")[0] for f in found] == ["Arm 'Tofacitinib 5 mg'"]  # 10 mg is two 5 mg tablets


def _outcome(measure: str, interventions: tuple) -> list:
    interventions = list(interventions)
    return list(study_drug_findings("NCT0", [(measure, None)], interventions, interventions,
                                    [(name,) for name, _ in interventions], []))


ITRACONAZOLE = (("Itraconazole", "SUBA-itraconazole 130 mg twice daily"),)
ARIPIPRAZOLE = (("Aripiprazole", "Aripiprazole 10 mg daily"),)
MIDAZOLAM = (("ABC-123", "ABC-123 200 mg"), ("Midazolam", "Midazolam 2 mg oral probe"))
AMOXICILLIN = (("Oral amoxicillin challenge", "Amoxicillin 250 mg then 500 mg"),)
DULOXETINE = (("Duloxetine", "Duloxetine 60 mg daily"),)
DEXRAZOXANE = (("Dexrazoxane", "Dexrazoxane 300 mg/m2 IV before each anthracycline dose"),)
COQ10 = (("Coenzyme Q10", "200 mg daily"),)
BALLOON = (("Drug-coated balloon angioplasty", "IN.PACT Admiral"),)
DEXAMETHASONE = (("Dexamethasone", "Dexamethasone 8 mg IV at induction"),)
INFLIXIMAB = (("Infliximab", "Infliximab 5 mg/kg"),)
STEROID = (("Methylprednisolone", "Methylprednisolone 60 mg IV daily"),)

# (measure, interventions): a drug the outcome names but the study does not give, and says so; each fired before.
QUIET_OUTCOMES = [
    # a metabolite of a drug given
    ("Trough concentrations of itraconazole and hydroxyitraconazole", ITRACONAZOLE),
    ("Serum levels of aripiprazole and dehydroaripiprazole", ARIPIPRAZOLE),
    ("AUC of midazolam and hydroxymidazolam", MIDAZOLAM),
    # an allergy to a drug, and its skin test
    ("Proportion of participants with penicillin allergy label removed", AMOXICILLIN),
    ("Penicillin allergy delabeling rate", AMOXICILLIN),
    ("Number of patients with a negative penicillin skin testing", AMOXICILLIN),
    # a condition a drug causes
    ("Incidence of oxaliplatin-associated peripheral neuropathy", DULOXETINE),
    ("Severity of paclitaxel-related neuropathy (CTCAE)", DULOXETINE),
    ("Doxorubicin-related cardiotoxicity: LVEF decline", DEXRAZOXANE),
    ("Atorvastatin-associated myalgia", COQ10),
    # a device carrying the drug
    ("Late lumen loss after paclitaxel-coated balloon angioplasty", BALLOON),
    # doses of a drug counted, a treatment escalated to, a salvage treatment
    ("Number of doses of ondansetron administered within 24 hours", DEXAMETHASONE),
    ("Time to treatment escalation to vedolizumab", INFLIXIMAB),
    ("Treatment failure, defined as colectomy or salvage therapy with infliximab", STEROID),
    # a count of those who moved on to another treatment
    ("Proportion of patients who switched to adalimumab after infusion reactions", INFLIXIMAB),
]
FIRING_OUTCOMES = [
    ("Clinical response to voriconazole", ITRACONAZOLE),  # another drug, not a metabolite
    ("Hydroxyitraconazole AUC0-24", (("Posaconazole", "300 mg daily"),)),  # a metabolite of a drug not given
    ("Efficacy of penicillin V in streptococcal pharyngitis", (("Cefuroxime", "500 mg"),)),
    ("Oxaliplatin-related adverse events", DULOXETINE),  # a drug's adverse events: a drug given
    ("Paclitaxel-associated toxicity", DULOXETINE),
    ("Overall survival with pembrolizumab", INFLIXIMAB),
]


@pytest.mark.parametrize("measure, interventions", QUIET_OUTCOMES, ids=[m for m, _ in QUIET_OUTCOMES])
def test_outcome_naming_a_drug_not_given_stays_quiet(measure, interventions):
    assert _outcome(measure, interventions) == []


@pytest.mark.parametrize("measure, interventions", FIRING_OUTCOMES, ids=[m for m, _ in FIRING_OUTCOMES])
def test_outcome_naming_another_drug_fires(measure, interventions):
    assert len(_outcome(measure, interventions)) == 1


HSD1 = (("AZD4017", "11beta-HSD1 inhibitor 400 mg twice daily"),)
STEWARDSHIP = (("Procalcitonin-guided antibiotic stewardship", "Antibiotics stopped by a procalcitonin algorithm"),)
ZURANOLONE = (("Zuranolone", "Zuranolone 50 mg nightly for 14 days"),)

# A biomarker named like a drug, a measure of prescribing, a drug taken before the study; each fired before.
QUIET_MEASURES = [
    ("Urinary cortisol to cortisone ratio", HSD1),
    ("Serum cortisol:cortisone ratio", HSD1),
    ("Allopregnanolone-to-progesterone ratio", ZURANOLONE),
    ("Number of carbapenem prescriptions", STEWARDSHIP),
    ("Days of carbapenem therapy per 1000 patient-days", STEWARDSHIP),
    ("Proportion of patients de-escalated from meropenem", STEWARDSHIP),
    ("Change in HAM-D in patients previously on brexanolone", ZURANOLONE),
]
FIRING_MEASURES = [
    ("Hazard ratio of progression with pembrolizumab", STEWARDSHIP),  # a ratio before the drug is no biomarker
    ("Clinical cure with meropenem", STEWARDSHIP),
    ("Adverse events within 30 days of pembrolizumab", STEWARDSHIP),  # a count of days, not days of therapy
    ("Efficacy of brexanolone in postpartum depression", ZURANOLONE),
]


@pytest.mark.parametrize("measure, interventions", QUIET_MEASURES, ids=[m for m, _ in QUIET_MEASURES])
def test_a_biomarker_or_a_measure_of_prescribing_stays_quiet(measure, interventions):
    assert _outcome(measure, interventions) == []


@pytest.mark.parametrize("measure, interventions", FIRING_MEASURES, ids=[m for m, _ in FIRING_MEASURES])
def test_a_drug_given_in_another_study_still_fires(measure, interventions):
    assert len(_outcome(measure, interventions)) == 1


def _arm_title(title: str, interventions: tuple) -> list:
    interventions = list(interventions)
    return list(study_drug_findings("NCT0", [("ACR20", None)], [(title, None)], interventions, interventions, []))


UPADACITINIB = (("Upadacitinib", "Upadacitinib 15 mg once daily"),)
# (arm title, interventions): the patients' history with a drug, or a code the record names the drug by; each fired
# before.
QUIET_ARM_TITLES = [
    ("Non-responders to etanercept", UPADACITINIB),
    ("Imatinib failures", (("Ponatinib", "Ponatinib 45 mg daily"),)),
    ("Biosimilar adalimumab (ABP 501)", (("ABP 501", "40 mg every other week"),)),
    ("SB5 (adalimumab)", (("SB5", "40 mg every other week"), ("Placebo", None))),
]
FIRING_ARM_TITLES = [
    ("Etanercept", UPADACITINIB),
    ("Humira (adalimumab)", (("ABP 501", "40 mg every other week"),)),  # a brand, not the record's code
    ("Placebo (adalimumab)", (("ABP 501", "40 mg"), ("Placebo", None))),  # a placebo's name is no other name
]


@pytest.mark.parametrize("title, interventions", QUIET_ARM_TITLES, ids=[t for t, _ in QUIET_ARM_TITLES])
def test_an_arm_of_patients_a_drug_failed_or_of_a_code_stays_quiet(title, interventions):
    assert _arm_title(title, interventions) == []


@pytest.mark.parametrize("title, interventions", FIRING_ARM_TITLES, ids=[t for t, _ in FIRING_ARM_TITLES])
def test_an_arm_titled_by_a_drug_not_given_fires(title, interventions):
    assert len(_arm_title(title, interventions)) == 1


def _described(measure: str, description: str, interventions: tuple) -> list:
    interventions = list(interventions)
    return list(study_drug_findings("NCT0", [(measure, description)], interventions, interventions,
                                    [(name,) for name, _ in interventions], []))


DEXAMETHASONE_ONLY = (("Dexamethasone", "Dexamethasone 8 mg IV at induction"),)
# (measure, description): a drug allowed beside the study's, or given to every participant as its setting; each fired
# before.
QUIET_DESCRIPTIONS = [
    ("Change in DAS28-CRP", "In participants on a JAK inhibitor; glucocorticoids (prednisone <= 10 mg) permitted"),
    ("Quality of Recovery-15", "All patients received standardized anesthesia with propofol, fentanyl and rocuronium"),
    ("Sedation", "Ramsay score; patients also received remifentanil infusion"),
]
FIRING_DESCRIPTIONS = [
    ("Sedation", "Ramsay score after remifentanil infusion"),
    ("Change in DAS28-CRP", "Participants randomized to prednisone 10 mg daily"),
]


@pytest.mark.parametrize("measure, description", QUIET_DESCRIPTIONS, ids=[d for _, d in QUIET_DESCRIPTIONS])
def test_a_drug_allowed_or_of_the_setting_stays_quiet(measure, description):
    assert _described(measure, description, DEXAMETHASONE_ONLY) == []


@pytest.mark.parametrize("measure, description", FIRING_DESCRIPTIONS, ids=[d for _, d in FIRING_DESCRIPTIONS])
def test_a_drug_the_description_gives_fires(measure, description):
    assert len(_described(measure, description, DEXAMETHASONE_ONLY)) == 1
