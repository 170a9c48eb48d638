"""Doses and drugs as registry records word them: a half or a quarter of a tablet that may be split, the same drug given
in two roles (conditioning and after the graft, induction and maintenance, a loading dose), the administrations that
make up the other text's one amount; and outcomes that count the participants given a drug, or the time to a switch of
treatment."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.contradictions_drugs import study_drug_findings
from checks.dose_text import parse_doses
from checks.drug_not_given import COUNTED_GIVEN, GIVEN_IF_NEEDED, not_given
from tests.checks.harness import dose_findings


def _arm_given(description: str, interventions: list[tuple]) -> list:
    """Findings of one arm titled 'Arm A' linked to every intervention listed."""
    links = [("Arm A", name) for name, _ in interventions]
    return list(study_dose_findings("NCT0", [("Arm A", description)], interventions, links))


# (arm description, linked interventions): a half or a quarter of the least strength of a tablet that may be split;
# each fired before.
QUIET_PART_OF_TABLET = [
    ("Warfarin 2.5 mg daily", [("Warfarin 5 mg tablet", None)]),
    ("Warfarin 1.25 mg once daily", [("Warfarin 5 mg tablet", None)]),
    ("Levothyroxine 12.5 mcg daily", [("Levothyroxine 50 mcg tablets", None)]),
    ("Metoprolol tartrate 12.5 mg twice daily", [("Metoprolol tartrate 25 mg tablet", None)]),
    ("Prednisone 2.5 mg daily", [("Prednisone 5 mg tablet", "Oral prednisone")]),
    ("Spironolactone 12.5 mg once daily", [("Spironolactone 25 mg tablet", None), ("Placebo", None)]),
    ("Bisoprolol 1.25 mg once daily", [("Bisoprolol 2.5 mg tablet", None)]),
    ("Levothyroxine 25 mcg daily", [("Levothyroxine 50 mcg tablet", None), ("Levothyroxine 100 mcg tablet", None)]),
]
# A capsule, a modified-release or coated tablet, a kinase inhibitor's tablet, or an amount no part of a tablet gives.
FIRING_BELOW_TABLET = [
    ("Tofacitinib 5 mg twice daily", [("Tofacitinib 10 mg tablet", None)]),  # a kinase inhibitor's: not split
    ("Upadacitinib 7.5 mg once daily", [("Upadacitinib 15 mg tablet", None)]),
    ("Olaparib 150 mg twice daily", [("Olaparib 300 mg tablet", None)]),
    ("Budesonide 4.5 mg daily", [("Budesonide 9 mg capsules", None)]),
    ("Warfarin 2.5 mg daily", [("Warfarin 5 mg capsule", None)]),
    ("Metformin 250 mg twice daily", [("Metformin 500 mg extended-release tablet", None)]),
    ("Nifedipine 15 mg daily", [("Nifedipine 30 mg XL tablet", None)]),
    ("Aspirin 40 mg daily", [("Aspirin 81 mg enteric-coated tablet", None)]),
    ("Prednisone 3 mg daily", [("Prednisone 10 mg tablet", None)]),
    ("Warfarin 1 mg daily", [("Warfarin 5 mg tablet", None)]),
]


@pytest.mark.parametrize("description, interventions", QUIET_PART_OF_TABLET,
                         ids=[d for d, _ in QUIET_PART_OF_TABLET])
def test_a_half_or_a_quarter_of_a_tablet_stays_quiet(description, interventions):
    assert _arm_given(description, interventions) == []


@pytest.mark.parametrize("description, interventions", FIRING_BELOW_TABLET, ids=[d for d, _ in FIRING_BELOW_TABLET])
def test_an_amount_no_part_of_a_split_tablet_gives_fires(description, interventions):
    assert len(_arm_given(description, interventions)) == 1


CYCLOPHOSPHAMIDE = "Cyclophosphamide"
# (arm description, intervention description, drug): one drug in two roles of a regimen; each fired before.
QUIET_ROLES = [
    ("Post-transplant cyclophosphamide 50 mg/kg on days +3 and +4",
     "Cyclophosphamide 14.5 mg/kg IV on days -6 and -5 as part of conditioning", CYCLOPHOSPHAMIDE),
    ("Conditioning: fludarabine 30 mg/m2 on days -6 to -2 and cyclophosphamide 14.5 mg/kg on days -6 and -5",
     "Cyclophosphamide 50 mg/kg IV on days +3 and +4", CYCLOPHOSPHAMIDE),
    ("Cyclophosphamide 14.5 mg/kg/day on days -6 and -5", "Cyclophosphamide 50 mg/kg/day IV on days 3 and 4 after "
     "haploidentical transplantation", CYCLOPHOSPHAMIDE),
    ("GVHD prophylaxis: cyclophosphamide 50 mg/kg IV on days +3 and +4, tacrolimus and MMF",
     "Cyclophosphamide 60 mg/kg/day x 2 days (conditioning)", CYCLOPHOSPHAMIDE),
    ("Infliximab 5 mg/kg at weeks 0, 2 and 6 (induction)", "Infliximab 10 mg/kg every 8 weeks (maintenance)",
     "Infliximab"),
    ("Infliximab 5 mg/kg IV induction at weeks 0, 2, 6", "Infliximab 10 mg/kg every 8 weeks as maintenance therapy",
     "Infliximab"),
    ("Azacitidine 75 mg/m2 days 1-7 as induction", "Azacitidine 50 mg/m2 days 1-5 for maintenance", "Azacitidine"),
    ("Lenalidomide 10 mg daily days 1-21 as maintenance after ASCT",
     "Lenalidomide 25 mg daily on days 1-21 of each 28 day cycle during induction", "Lenalidomide"),
    ("Cytarabine 100 mg/m2/day continuous infusion days 1-7 (7+3 induction)",
     "Cytarabine 3 g/m2 every 12 hours on days 1, 3, 5 (consolidation)", "Cytarabine"),
    ("Rituximab 375 mg/m2 weekly x 4 (induction) followed by rituximab maintenance",
     "Rituximab 375 mg/m2 every 3 months for 2 years", "Rituximab"),
    ("Daratumumab 16 mg/kg IV weekly during induction", "Daratumumab 16 mg/kg every 4 weeks during maintenance",
     "Daratumumab"),
]
# Nearby texts that give one role two doses, or name a role only as a time ("at induction" of anaesthesia).
FIRING_ROLES = [
    ("Post-transplant cyclophosphamide 50 mg/kg on days +3 and +4",
     "Post-transplant cyclophosphamide 40 mg/kg on days +3 and +4", CYCLOPHOSPHAMIDE),
    ("Cyclophosphamide 50 mg/kg on days +3 and +4", "Cyclophosphamide 25 mg/kg on days +3 and +4", CYCLOPHOSPHAMIDE),
    ("Busulfan 3.2 mg/kg IV daily on days -5 to -2 (conditioning)", "Busulfan 4 mg/kg daily on days -5 to -2",
     "Busulfan"),
    ("Infliximab 5 mg/kg at weeks 0, 2 and 6 (induction)", "Infliximab 10 mg/kg at weeks 0, 2 and 6 (induction)",
     "Infliximab"),
    ("Ketamine 0.5 mg/kg IV at induction", "Ketamine 1 mg/kg IV", "Ketamine"),
    ("Prednisolone 40 mg daily after induction", "Prednisolone 20 mg daily", "Prednisolone"),
    ("Tacrolimus 0.03 mg/kg/day IV from day -3", "Tacrolimus 0.05 mg/kg twice daily", "Tacrolimus"),
    ("Enoxaparin 40 mg SC daily until full mobilization", "Enoxaparin 60 mg SC daily", "Enoxaparin"),
    ("Misoprostol 25 mcg vaginally every 4 hours for labour induction", "Misoprostol 50 mcg vaginally every 4 hours",
     "Misoprostol"),
    ("Tenofovir 300 mg daily until viral load is undetectable", "Tenofovir 600 mg daily", "Tenofovir"),
    ("Imatinib 400 mg daily (induction and maintenance)", "Imatinib 600 mg daily", "Imatinib"),
    ("Cyclosporine 2.5 mg/kg IV before reperfusion for ischemic conditioning", "Cyclosporine 5 mg/kg IV",
     "Cyclosporine"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_ROLES, ids=[a[:60] for a, _, _ in QUIET_ROLES])
def test_one_drug_in_two_roles_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_ROLES, ids=[a[:60] for a, _, _ in FIRING_ROLES])
def test_one_role_given_two_doses_fires(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


@pytest.mark.parametrize("text, phases", [
    ("Cyclophosphamide 14.5 mg/kg on days -6 and -5, then 50 mg/kg on days +3 and +4",
     ["conditioning", "maintenance"]),
    ("Cyclophosphamide 50 mg/kg on days +3 and +4", ["post_transplant"]),
    ("PTCy 50 mg/kg", ["post_transplant"]),
    ("Infliximab 5 mg/kg at weeks 0, 2 and 6 (induction)", ["induction"]),
    ("Vedolizumab 300 mg every 8 weeks as maintenance therapy", ["maintenance"]),
    ("Vancomycin 25 mg/kg IV once as loading dose", ["loading"]),
    ("Ketamine 0.15 mg/kg IV at induction", [None]),
    ("Dexamethasone 8 mg IV after induction of anaesthesia", [None]),
    ("Tacrolimus 0.03 mg/kg/day from day -3", [None]),  # given on past the graft
    ("Fludarabine 30 mg/m2 from day -6 to day -2", ["conditioning"]),
    ("Drug 10 mg on Day-1 and Day 8", [None]),  # a hyphen, not a day before day 0
])
def test_the_role_named_after_an_amount(text, phases):
    assert [d.phase for d in parse_doses(text)] == phases


# Administrations one after another that make up the other text's one amount; each fired before.
QUIET_WHOLE = [
    ("Tranexamic acid 1 g IV over 10 minutes, then 1 g over 8 hours", "Tranexamic acid 2 g IV", "Tranexamic"),
    ("Tranexamic acid 2 g IV", "Tranexamic acid 1 g IV bolus before incision and 1 g at closure", "Tranexamic"),
    ("Fentanyl 50 mcg IV at induction and 50 mcg at skin incision", "Fentanyl 100 mcg IV", "Fentanyl"),
]
FIRING_WHOLE = [
    ("Tranexamic acid 1 g IV over 10 minutes, then 1 g over 8 hours", "Tranexamic acid 3 g IV", "Tranexamic"),
    ("Ketamine 15 or 30 mg IV", "Ketamine 45 mg IV", "Ketamine"),  # alternatives, not administrations
    ("Ketamine 10 mg, 20 mg IV", "Ketamine 30 mg IV", "Ketamine"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_WHOLE, ids=[a[:60] for a, _, _ in QUIET_WHOLE])
def test_administrations_making_the_other_amount_stay_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_WHOLE, ids=[a[:60] for a, _, _ in FIRING_WHOLE])
def test_amounts_that_make_no_other_amount_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


def _outcome(measure: str, interventions: tuple) -> list:
    interventions = list(interventions)
    return list(study_drug_findings("NCT0", [(measure, None)], interventions, interventions,
                                    [(name,) for name, _ in interventions], []))


DEXAMETHASONE = (("Dexamethasone", "Dexamethasone 8 mg IV at induction"),)
KETAMINE = (("Ketamine", "Ketamine 0.5 mg/kg IV"),)
INFLIXIMAB = (("Infliximab", "Infliximab 5 mg/kg"),)
CARBETOCIN = (("Carbetocin", "Carbetocin 100 mcg IV"),)
METFORMIN = (("Metformin", "Metformin 1000 mg twice daily"),)

# (measure, interventions): a count of the participants given a drug, or the time to a switch; each fired before.
QUIET_OUTCOMES = [
    ("Number of patients who received ondansetron", DEXAMETHASONE),
    ("Number of Participants Who Received Ondansetron", DEXAMETHASONE),
    ("Proportion of patients receiving ondansetron in PACU", DEXAMETHASONE),
    ("Percentage of patients given ondansetron", DEXAMETHASONE),
    ("Number of patients given ondansetron (PONV rescue)", DEXAMETHASONE),
    ("Number of patients treated with ondansetron for PONV", DEXAMETHASONE),
    ("Percentage of patients receiving antiemetics (ondansetron or metoclopramide)", KETAMINE),
    ("Incidence of ondansetron administration", DEXAMETHASONE),
    ("Number of patients who took ibuprofen during the first 48 hours", KETAMINE),
    ("Rate of patients treated with granisetron postoperatively", KETAMINE),
    ("Percentage of patients who received IV midazolam", KETAMINE),
    ("Proportion of mothers who received clindamycin after delivery", CARBETOCIN),
    ("Time to switch to adalimumab", INFLIXIMAB),
    # prescribing and requests counted, a drug given only when a symptom calls for it
    ("Proportion of patients prescribed ondansetron at discharge", DEXAMETHASONE),
    ("Number of participants dispensed ondansetron", DEXAMETHASONE),
    ("Proportion of patients discharged on apixaban", METFORMIN),
    ("Frequency of ondansetron requests", DEXAMETHASONE),
]
# Nearby outcomes of a drug given: a count of something else among those given it, its effect, another study's.
FIRING_OUTCOMES = [
    ("Overall survival of patients who received pembrolizumab", INFLIXIMAB),
    ("Response rate in patients treated with adalimumab", INFLIXIMAB),
    ("Number of patients receiving pembrolizumab in combination with chemotherapy who respond", INFLIXIMAB),
    ("Number of patients who received pembrolizumab who had immune-related adverse events", INFLIXIMAB),
    ("Number of patients treated with adalimumab for 52 weeks who achieve remission", INFLIXIMAB),
    ("Proportion of patients receiving adalimumab at week 52 with clinical remission", INFLIXIMAB),
    ("Number of patients who received sitagliptin and achieved HbA1c < 7%", METFORMIN),
    ("Number of participants with adverse events after receiving rituximab", INFLIXIMAB),
    ("Number of patients with PONV after ondansetron", DEXAMETHASONE),
    ("Efficacy of ondansetron in preventing PONV", DEXAMETHASONE),
    ("Ondansetron administration in PACU", DEXAMETHASONE),  # no count: the drug's administration
    ("Percentage of patients started on apixaban", METFORMIN),  # a start, as "who started prednisolone" is
    ("Number of Participants Who Received at Least One Dose of Pembrolizumab", INFLIXIMAB),  # another study's
]


@pytest.mark.parametrize("measure, interventions", QUIET_OUTCOMES, ids=[m for m, _ in QUIET_OUTCOMES])
def test_a_count_of_those_given_a_drug_stays_quiet(measure, interventions):
    assert _outcome(measure, interventions) == []


@pytest.mark.parametrize("measure, interventions", FIRING_OUTCOMES, ids=[m for m, _ in FIRING_OUTCOMES])
def test_an_outcome_of_another_drug_fires(measure, interventions):
    assert len(_outcome(measure, interventions)) == 1


def _arm_title(title: str, interventions: tuple) -> list:
    interventions = list(interventions)
    return list(study_drug_findings("NCT0", [("ACR20", None)], [(title, None)], interventions, interventions, []))


UPADACITINIB = (("Upadacitinib", "Upadacitinib 15 mg once daily"),)


# (arm title): an arm named for the switch its participants make, from a drug they leave; each fired before.
@pytest.mark.parametrize("title", ["Switch to upadacitinib from adalimumab", "Adalimumab to upadacitinib switch",
                                   "Transition to upadacitinib from tofacitinib"])
def test_an_arm_switching_from_a_drug_stays_quiet(title):
    assert _arm_title(title, UPADACITINIB) == []


# The drug switched to, or an arm that gives it beside the study's drug, is given.
@pytest.mark.parametrize("title", ["Switch from upadacitinib to adalimumab", "Upadacitinib to adalimumab",
                                   "Adalimumab then upadacitinib"])
def test_an_arm_switching_to_a_drug_fires(title):
    assert len(_arm_title(title, UPADACITINIB)) == 1


def test_a_drug_an_outcome_description_gives_only_when_needed_stays_quiet():
    found = study_drug_findings("NCT0", [("Nausea score", "Measured by VAS; ondansetron 4 mg IV given if VAS > 4")],
                                list(DEXAMETHASONE), list(DEXAMETHASONE), [("Dexamethasone",)], [])
    assert list(found) == []


def test_a_drug_an_outcome_description_gives_to_everyone_still_fires():
    found = study_drug_findings("NCT0", [("Nausea score", "Measured by VAS; ondansetron 4 mg IV given to all")],
                                list(DEXAMETHASONE), list(DEXAMETHASONE), [("Dexamethasone",)], [])
    assert len(list(found)) == 1


# (text, drug, why): each reading of a drug not given that the cases above add, by its name.
NOT_GIVEN_READINGS = [
    ("Number of patients who received ondansetron", "ondansetron", "count of those given it"),
    ("Incidence of ondansetron administration", "ondansetron", "count of its administrations"),
    ("Ondansetron 4 mg IV given if VAS > 4", "ondansetron", "given if needed"),
    ("Switch to upadacitinib from adalimumab", "adalimumab", "switched from"),
    ("Adalimumab to upadacitinib switch", "adalimumab", "switched from"),
    ("Time to switch to adalimumab", "adalimumab", "later start"),
    ("Frequency of ondansetron requests", "ondansetron", "covariate"),
]


@pytest.mark.parametrize("text, drug, why", NOT_GIVEN_READINGS, ids=[t for t, _, _ in NOT_GIVEN_READINGS])
def test_why_a_drug_is_not_given(text, drug, why):
    assert not_given(text, text.lower().index(drug), drug) == why


def test_every_added_reading_has_a_phrase():
    assert {name for name, *_ in COUNTED_GIVEN + GIVEN_IF_NEEDED} <= {why for _, _, why in NOT_GIVEN_READINGS}


# A day's, a week's or a cycle's number is no amount listed before a dose; a list of dose levels still is.
@pytest.mark.parametrize("text, amounts", [
    ("Aprepitant 125 mg on day 1, 80 mg on days 2 and 3", [125, 80]),
    ("Ondansetron 16 mg on day 1 and 8 mg on days 2-3", [16, 8]),
    ("Adalimumab 160 mg at week 0 and 80 mg at week 2", [160, 80]),
    ("Methotrexate 15 mg/m2 on day +1 and 10 mg/m2 on days +3, +6 and +11", [15, 10]),
    ("Drug X 0, 15 or 30 mg once daily", [0, 15, 30]),
    ("Dose levels 25, 100 & 400 mcg", [0.025, 0.1, 0.4]),
])
def test_numbered_days_are_no_listed_amounts(text, amounts):
    assert [d.low for d in parse_doses(text)] == pytest.approx(amounts)
