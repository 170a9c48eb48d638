"""Doses and drugs as registry records word them: daily totals and divided doses, frequencies written with numbers,
thousands parted by a period or a space, counts of units after the amount, a salt's element, a combination's
amounts, placebos matching a drug, drugs taken before the study, doses for some participants only; and outcomes or
arm titles naming a drug the study does not give (stopped, premedication, historical, a test, susceptibility)."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.contradictions_drugs import study_drug_findings
from checks.dose_text import describe, parse_doses
from checks.drug_names import name_words
from tests.checks.harness import dose_findings


# (arm description, intervention description, drug): one regimen said two ways; each was a finding before.
QUIET_DOSES = [
    # a day's total against the amount of each administration
    ("Ibuprofen 1200 mg daily in three divided doses", "Ibuprofen 400 mg three times daily", "Ibuprofen"),
    ("Ibuprofen 400 mg three times daily", "Ibuprofen 1200 mg daily, divided into three doses", "Ibuprofen"),
    ("Ibuprofen total daily dose of 1200 mg", "Ibuprofen 400 mg three times daily", "Ibuprofen"),
    ("Ibuprofen at a daily dose of 1200 mg", "Ibuprofen 400 mg three times daily", "Ibuprofen"),
    ("Hydroxychloroquine 200 mg twice a day", "Hydroxychloroquine 400 mg daily divided into two doses",
     "Hydroxychloroquine"),
    ("Metformin 2 g daily split into two doses", "Metformin 1 g twice daily", "Metformin"),
    ("Metformin 1 g twice daily", "Metformin up to 2,000 mg daily", "Metformin"),
    # a frequency written with a number ("2 times daily" was read as once daily)
    ("Metformin 500 mg 2 times daily", "Metformin 500 mg twice daily", "Metformin"),
    ("Amoxicillin 500 mg 3 times a day", "Amoxicillin 500 mg three times daily", "Amoxicillin"),
    ("Methotrexate 7.5 mg twice weekly", "Methotrexate 15 mg/week", "Methotrexate"),
    # thousands parted by a period or a space
    ("Heparin 5.000 IU subcutaneously twice daily", "Heparin 5000 IU SC twice daily", "Heparin"),
    ("Vitamin D 100.000 IU single dose", "Vitamin D 100000 IU once", "Vitamin D"),
    ("Epoetin 10 000 IU weekly", "Epoetin 10000 IU once weekly", "Epoetin"),
    # a count of units after the amount
    ("Salbutamol 100 ug, 2 puffs", "Salbutamol 200 mcg", "Salbutamol"),
    ("Olaparib 300 mg twice daily", "Olaparib tablets (150 mg) x 2 twice daily", "Olaparib"),
    ("Ibrutinib 420 mg daily", "Ibrutinib 140 mg capsule x 3 once daily", "Ibrutinib"),
    ("Letrozole 7.5 mg/day", "Letrozole 2.5 mg, three tablets per day", "Letrozole"),
    # a whole course against one administration of it
    ("Ferric carboxymaltose 750 mg IV, 2 doses 7 days apart", "Ferric carboxymaltose 1500 mg total",
     "Ferric carboxymaltose"),
    # a schedule that changes with no new amount
    ("Aflibercept 2 mg every 4 weeks for 5 doses, then every 8 weeks",
     "Aflibercept 2 mg every 8 weeks after 5 monthly loading doses", "Aflibercept"),
    # a salt's amount against its free base's or its element's
    ("Atorvastatin 40 mg", "Atorvastatin calcium 43.4 mg equivalent to 40 mg atorvastatin", "Atorvastatin"),
    ("Ferrous sulfate 65 mg elemental iron daily", "Ferrous sulfate 325 mg once daily", "Ferrous sulfate"),
    ("Calcium carbonate 500 mg elemental calcium twice daily", "Calcium carbonate 1250 mg twice daily",
     "Calcium carbonate"),
    # two amounts parted by a slash: either, or a combination's
    ("Baricitinib 2 mg/4 mg once daily", "Baricitinib 4 mg once daily", "Baricitinib"),
    ("Lopinavir/ritonavir 400 mg/100 mg twice daily", "Lopinavir 400 mg and ritonavir 100 mg twice daily",
     "Lopinavir/ritonavir"),
    ("Sacubitril/valsartan 97 mg/103 mg twice daily", "Sacubitril 97 mg and valsartan 103 mg twice daily",
     "Sacubitril/valsartan"),
    ("Budesonide/formoterol 160 mcg/4.5 mcg two inhalations twice daily",
     "Budesonide 320 mcg and formoterol 9 mcg twice daily", "Budesonide/formoterol"),
    # a dose for some participants only
    ("Cefazolin 3 g IV for patients weighing 120 kg or more", "Cefazolin 2 g IV", "Cefazolin"),
    ("Cefazolin 2 g IV", "Cefazolin 1 g if eGFR < 30", "Cefazolin"),
    # the amount of a placebo matching the drug
    ("Placebo matching apixaban 5 mg twice daily", "Apixaban 2.5 mg twice daily", "Apixaban"),
]

# Nearby texts that state different doses: they fire.
FIRING_DOSES = [
    ("Ibuprofen 400 mg three times daily", "Ibuprofen 1800 mg daily, divided into three doses", "Ibuprofen"),
    ("Ibuprofen total daily dose of 2400 mg", "Ibuprofen 400 mg three times daily", "Ibuprofen"),
    ("Baricitinib 4 mg daily", "Baricitinib 4 mg twice daily", "Baricitinib"),
    ("Metformin 500 mg 2 times daily", "Metformin 500 mg 3 times a day", "Metformin"),
    ("Bortezomib 1.3 mg/m2 twice weekly", "Bortezomib 1.3 mg/m2 once weekly", "Bortezomib"),
    ("Heparin 5.000 IU twice daily", "Heparin 10000 IU twice daily", "Heparin"),
    ("Heparin 5000 IU", "Heparin 10 000 IU", "Heparin"),
    ("Olaparib 400 mg twice daily", "Olaparib tablets (150 mg) x 2 twice daily", "Olaparib"),
    ("Ferric carboxymaltose 700 mg IV", "Ferric carboxymaltose 1500 mg total", "Ferric carboxymaltose"),
    ("Aflibercept 2 mg every 4 weeks", "Aflibercept 2 mg every 8 weeks", "Aflibercept"),
    ("Atorvastatin 80 mg", "Atorvastatin calcium 43.4 mg equivalent to 40 mg atorvastatin", "Atorvastatin"),
    ("Ferrous sulfate 65 mg elemental iron daily", "Ferrous sulfate 30 mg elemental iron daily", "Ferrous sulfate"),
    ("Lopinavir 400 mg/ritonavir 100 mg twice daily", "Lopinavir 400 mg and ritonavir 200 mg twice daily",
     "Lopinavir/ritonavir"),
    ("Cefazolin 3 g IV for all patients", "Cefazolin 2 g IV", "Cefazolin"),
    ("Apixaban 5 mg twice daily and matching placebo", "Apixaban 2.5 mg twice daily", "Apixaban"),
    ("Carboplatin 300 mg/sqm", "Carboplatin 400 mg/m2", "Carboplatin"),
]


def _note(arm: str) -> str:
    return arm[:60]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_DOSES, ids=[_note(a) for a, _, _ in QUIET_DOSES])
def test_one_regimen_said_two_ways_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_DOSES, ids=[_note(a) for a, _, _ in FIRING_DOSES])
def test_different_doses_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


# (text, the doses read): frequencies written with numbers, ranges of them, words read two ways.
@pytest.mark.parametrize("text, doses", [
    ("2 mg 3 times a day", ["2 mg three times daily"]),
    ("2 mg 2 times daily", ["2 mg twice daily"]),
    ("2 mg 2x daily", ["2 mg twice daily"]),
    ("2 mg 3x/day", ["2 mg three times daily"]),
    ("2 mg 4 times a day", ["2 mg four times daily"]),
    ("7.5 mg twice weekly", ["7.5 mg twice weekly"]),
    ("2 mg three times a week", ["2 mg three times weekly"]),
    ("2 mg 2x/week", ["2 mg twice weekly"]),
    ("2 mg 3-4 times a day", ["2 mg"]),  # a range of frequencies: none
    ("5 mg bi-weekly", ["5 mg"]),  # every two weeks or twice a week
    ("5 mg biweekly", ["5 mg"]),
    ("2 mg every 3 months", ["2 mg every 90 days"]),
    ("2 mg on alternate days", ["2 mg every 2 days"]),
    ("10 000 IU weekly", ["10000 iu once weekly"]),
    ("1.000.000 IU", ["1e+06 iu"]),
    ("Day 1 100 mg", ["100 mg"]),  # a day's number is no group of thousands
    ("(150 mg) x 2 twice daily", ["300 mg twice daily"]),
    ("140 mg capsule x 3 once daily", ["420 mg once daily"]),
    ("500 mg x 3 days", ["500 mg"]),  # a duration multiplies nothing
    ("Methylprednisolone 1 g x 3", ["3000 mg"]),
])
def test_doses_read(text, doses):
    assert [describe(d) for d in parse_doses(text)] == doses


# (text, whether each dose is a total over its period)
@pytest.mark.parametrize("text, totals", [
    ("1200 mg daily", [True]),
    ("1200 mg a day", [True]),
    ("1200 mg once daily", [False]),
    ("2 mg at bedtime", [False]),
    ("2 mg qd", [False]),
    ("a total daily dose of 1200 mg", [True]),
    ("at daily doses of 2 µg/kg", [True]),
    ("a weekly dose of 15 mg", [True]),
    ("900mg in two divided doses for six weeks", [True]),
    ("1000 mg twice daily", [False]),
])
def test_a_days_total(text, totals):
    assert [d.per_time for d in parse_doses(text)] == totals


@pytest.mark.parametrize("text, wholes", [
    ("1500 mg in total", [True]),
    ("total dose: 1500 mg", [True]),
    ("a cumulative dose of 300 mg/m2", [True]),
    ("a total daily dose of 1200 mg", [False]),  # a day's total
    ("1500 mg", [False]),
])
def test_a_whole_of_several_administrations(text, wholes):
    assert [d.whole for d in parse_doses(text)] == wholes


@pytest.mark.parametrize("a, b, matches", [
    ("5.000 IU", "5000 IU", True),  # a period parting thousands
    ("5.000 IU", "5 IU", True),  # or decimals
    ("5.000 IU", "50 IU", False),
    ("100 ug, 2 puffs", "200 mcg", True),  # two puffs of 100 µg
    ("100 ug, 2 puffs", "100 mcg", True),  # or 100 µg in two puffs
    ("100 ug, 2 puffs", "400 mcg", False),
    ("750 mg", "1500 mg in total", True),
    ("1500 mg in total", "700 mg", False),
    ("2 mg/4 mg", "4 mg", True),
    ("2 mg/100 mL", "100 mg", False),  # a concentration is no pair
    ("43.4 mg atorvastatin calcium, equivalent to 40 mg atorvastatin", "40 mg", True),
    ("1200 mg daily", "400 mg three times daily", True),
    ("1200 mg daily", "1200 mg three times daily", False),
])
def test_readings_of_an_amount(a, b, matches):
    first, second = parse_doses(a)[0], parse_doses(b)[0]
    assert first.matches(second) is matches and second.matches(first) is matches


@pytest.mark.parametrize("text, per_day", [
    ("2 mg every 4 weeks for 5 doses, then every 8 weeks", None),
    ("0.5 mg monthly for 3 months, then as needed", None),
    ("2 mg every 4 weeks", 1 / 28),
    ("10 mg twice daily for 7 days, then 5 mg twice daily", 2.0),  # the later schedule has its own amount
])
def test_a_schedule_that_changes_later_keeps_no_frequency(text, per_day):
    assert parse_doses(text)[0].per_day == per_day


@pytest.mark.parametrize("text, units", [
    ("325 mg (65 mg elemental iron)", ["mg", "mg elemental"]),
    ("elemental calcium 500 mg", ["mg elemental"]),
    ("40 mg free base", ["mg elemental"]),
    ("325 mg ferrous sulfate", ["mg"]),
])
def test_an_elements_amount_is_its_own_unit(text, units):
    assert [d.unit for d in parse_doses(text)] == units


def test_a_salts_amount_is_also_read_as_its_elements():
    salt, element = parse_doses("325 mg (65 mg elemental iron)")
    assert salt.readings == ((65.0, 65.0),) and element.readings == ()


def _study(arms: list[tuple], interventions: list[tuple], links: list[tuple] = ()) -> list[str]:
    return [f.message for f in study_dose_findings("NCT0", arms, interventions, list(links))]


# (arms, interventions): an arm's text naming a placebo's amount, a drug taken before, or stopped for the study.
QUIET_STUDIES = [
    ([("Drug A", "Linagliptin 5 mg daily and placebo to match sitagliptin 100 mg")],
     [("Linagliptin", "Linagliptin 5 mg once daily"), ("Sitagliptin", "Sitagliptin 50 mg once daily")]),
    ([("Placebo", "Placebo tablets matching apixaban 5 mg twice daily")],
     [("Apixaban", "Apixaban 2.5 mg twice daily"), ("Placebo", "matching placebo")]),
    ([("Rituximab-naive", "Patients with no prior rituximab 375 mg/m2 receive obinutuzumab 1000 mg")],
     [("Obinutuzumab", "Obinutuzumab 1000 mg IV"), ("Rituximab", "Rituximab 500 mg/m2")]),
    ([("Switch", "Patients switched from tacrolimus 0.1 mg/kg/day to sirolimus 2 mg daily")],
     [("Sirolimus", "Sirolimus 2 mg/day"), ("Tacrolimus", "Tacrolimus 0.05 mg/kg/day")]),
    ([("Arm A", "Participants stop their usual metformin 1000 mg and start semaglutide 1 mg weekly")],
     [("Semaglutide", "Semaglutide 1 mg weekly"), ("Metformin", "Metformin 500 mg twice daily")]),
    ([("Cohort B", "Patients who progressed on imatinib 400 mg daily receive nilotinib 300 mg twice daily")],
     [("Nilotinib", "Nilotinib 300 mg twice daily"), ("Imatinib", "Imatinib 600 mg daily")]),
    ([("Ondansetron alone", "Ondansetron 4 mg IV without dexamethasone 8 mg")],
     [("Ondansetron", "Ondansetron 4 mg IV"), ("Dexamethasone", "Dexamethasone 4 mg IV")]),
]
FIRING_STUDIES = [
    ([("Drug A", "Linagliptin 5 mg daily and sitagliptin 100 mg")],
     [("Linagliptin", "Linagliptin 5 mg once daily"), ("Sitagliptin", "Sitagliptin 50 mg once daily")]),
    ([("Switch", "Patients receive tacrolimus 0.1 mg/kg/day and sirolimus 2 mg daily")],
     [("Sirolimus", "Sirolimus 2 mg/day"), ("Tacrolimus", "Tacrolimus 0.05 mg/kg/day")]),
    ([("Cohort B", "Patients with prior MI receive metformin 1000 mg twice daily")],
     [("Metformin", "Metformin 500 mg twice daily")]),
    ([("Combination", "Ondansetron 4 mg IV with dexamethasone 8 mg")],
     [("Ondansetron", "Ondansetron 4 mg IV"), ("Dexamethasone", "Dexamethasone 4 mg IV")]),
]


@pytest.mark.parametrize("arms, interventions", QUIET_STUDIES, ids=[a[0][1][:50] for a, _ in QUIET_STUDIES])
def test_an_amount_the_arm_does_not_give_stays_quiet(arms, interventions):
    assert _study(arms, interventions) == []


@pytest.mark.parametrize("arms, interventions", FIRING_STUDIES, ids=[a[0][1][:50] for a, _ in FIRING_STUDIES])
def test_an_amount_the_arm_gives_fires(arms, interventions):
    assert len(_study(arms, interventions)) == 1


def test_a_total_is_labelled_as_one():
    [finding] = dose_findings("Lamotrigine 300 mg daily", "Lamotrigine 100 mg twice daily", "Lamotrigine")
    assert "as 300 mg a day but" in finding.message


BARICITINIB = (("Baricitinib", "Baricitinib 2 mg tablet once daily"),)


def _outcome_findings(measure: str) -> list:
    return list(study_drug_findings("NCT0", [(measure, None)], list(BARICITINIB), list(BARICITINIB),
                                    [("Baricitinib",)], []))


def _arm_title_findings(title: str) -> list:
    return list(study_drug_findings("NCT0", [("ESSDAI", None)], [(title, None)], list(BARICITINIB),
                                    [("Baricitinib",)], []))


# Outcomes naming a drug the study does not give, and saying so; each was a finding before.
QUIET_OUTCOMES = [
    "Proportion of patients who stopped prednisolone",
    "Time to prednisone discontinuation",
    "Proportion of patients tapering off prednisone",
    "Number of patients with premedication with dexamethasone",
    "Incidence of hypersensitivity reactions despite premedication (dexamethasone and diphenhydramine)",
    "Serum creatinine in patients receiving vancomycin per standard of care",
    "Efficacy compared with historical controls treated with rituximab",
    "PFS compared to historical data with sunitinib",
    "Amoxicillin-clavulanate susceptibility of isolates",
    "MIC of meropenem against isolates",
    "Susceptibility to fluconazole",
    "Dexamethasone suppression test",
    "Cortisol after the 1 mg overnight dexamethasone suppression test",
    "Anti-Xa activity in patients on enoxaparin prophylaxis",
    "Response in anti-TNF experienced patients (infliximab or adalimumab)",
    "Number of participants who used prohibited medication (rituximab)",
    "Time to initiation of rituximab",
    "Total dose of remifentanil during surgery",
]
QUIET_ARM_TITLES = [
    "Steroid-free (prednisone withdrawn)",
    "Historical control (rituximab)",
    "TNF-IR (adalimumab or infliximab inadequate responders)",
    "Adalimumab inadequate responders",
    "Patients with inadequate response to adalimumab",
    "Switch from imatinib to baricitinib",
    "Without rituximab",
    "Standard of care (no tofacitinib)",
    "Observation (tofacitinib not given)",
    "Tofacitinib washout",
]
# Nearby texts naming a drug as given: they fire.
FIRING_OUTCOMES = [
    "Adverse events after switching to tofacitinib",
    "Proportion of patients who started prednisolone",
    "Efficacy of rituximab compared with historical controls",
    "Number of patients receiving tofacitinib with infections",
    "Cmax of rosuvastatin when co-administered with baricitinib",
    "Cost compared with adalimumab",
    "Safety of a single dose of tofacitinib",
    "Dose of remifentanil required during surgery",
]
FIRING_ARM_TITLES = ["Placebo to match tofacitinib", "Adalimumab responders", "Tofacitinib test arm",
                     "Delayed tofacitinib", "Early initiation of tofacitinib", "Tofacitinib or no treatment"]


@pytest.mark.parametrize("measure", QUIET_OUTCOMES)
def test_outcome_naming_a_drug_not_given_stays_quiet(measure):
    assert _outcome_findings(measure) == []


@pytest.mark.parametrize("title", QUIET_ARM_TITLES)
def test_arm_title_naming_a_drug_not_given_stays_quiet(title):
    assert _arm_title_findings(title) == []


@pytest.mark.parametrize("measure", FIRING_OUTCOMES)
def test_outcome_naming_another_drug_fires(measure):
    assert len(_outcome_findings(measure)) == 1


@pytest.mark.parametrize("title", FIRING_ARM_TITLES)
def test_arm_title_naming_another_drug_fires(title):
    assert len(_arm_title_findings(title)) == 1


@pytest.mark.parametrize("text, for_some", [
    ("Cefazolin 3 g IV for patients weighing 120 kg or more", True),
    ("Cefazolin 1 g if eGFR < 30", True),
    ("Weight < 50 kg: 15 mg/kg", True),
    ("Baricitinib 2 mg for patients aged 75 or over", True),
    ("Patients with eGFR 30-60 receive 2 mg", True),
    ("Baricitinib 2 mg in patients with moderate renal impairment", True),
    ("Patients with BMI >= 30 receive semaglutide 2.4 mg", False),  # the arm's whole population
    ("Patients aged 18-65 receive baricitinib 4 mg", False),
    ("Baricitinib 4 mg once daily in patients with rheumatoid arthritis", False),
    ("Baricitinib 4 mg daily for patients with active disease", False),
])
def test_a_dose_for_some_participants_only(text, for_some):
    from checks.dose_conditions import conditional

    dose = parse_doses(text)[0]
    assert conditional(text, dose.start, dose.end) is for_some


@pytest.mark.parametrize("arm, intervention, description, fires", [
    # another member of the family: 'Vitamin E' against 'Vitamin D3' was one drug, 'vitamin'
    ("Vitamin E 400 IU daily", "Vitamin D3", "Vitamin D3 1000 IU daily", False),
    ("Vitamin E 1000 IU daily", "Vitamin D", "Vitamin D 2000 IU daily", False),
    ("Factor IX 50 IU/kg", "Factor VIII", "Factor VIII 25 IU/kg", False),
    # the same member: compared as before
    ("Vitamin D3 50,000 IU weekly", "Vitamin D3", "Vitamin D3 5,000 IU weekly", True),
    ("Vitamin D 1000 IU daily", "Vitamin D", "Vitamin D 2000 IU daily", True),
    ("Vitamin D3 1000 IU daily", "Vitamin D3", "Vitamin D3 1000 IU daily", False),
    ("Cholecalciferol 50000 IU weekly", "Cholecalciferol", "Cholecalciferol 2000 IU daily", True),
])
def test_a_familys_members_are_told_apart(arm, intervention, description, fires):
    found = study_dose_findings("NCT0", [("Arm", arm)], [(intervention, description)], [("Arm", intervention)])
    assert bool(list(found)) is fires


@pytest.mark.parametrize("name, words", [
    ("Vitamin D3", {"vitamin", "d3"}), ("Vitamin D", {"vitamin", "d"}), ("Factor VIII concentrate",
                                                                          {"factor", "viii", "concentrate"}),
    ("Growth factor", {"growth", "factor"}), ("Cholecalciferol", {"cholecalciferol"}), ("Drug A", set()),
])
def test_a_names_drug_words_hold_a_familys_member(name, words):
    assert name_words(name) == words
