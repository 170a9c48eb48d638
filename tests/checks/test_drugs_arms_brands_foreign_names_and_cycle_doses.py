"""Drug names, arm doses and arms listed twice as registry records word them: a drug named by a brand its study gives
("Keytruda" against pembrolizumab) or spelt as another language spells it ("Métformine", "Claritromicina"); an
intervention named only by its type's label ("Radiation" of type RADIATION); a dose given at either of two frequencies
("40 mg weekly or every other week") or stated per cycle ("100 mg/m2 per cycle"); and one arm listed twice whose
descriptions differ only in spacing or a closing full stop."""
from __future__ import annotations

import duckdb
import pytest

import checks
from checks.contradictions_arms import DUPLICATE_ARM
from checks.contradictions_drugs import study_drug_findings
from checks.drug_brands import BRANDS
from checks.drug_names import stem_drugs
from checks.drug_other_names import COMBINATION_PRODUCTS
from tests.checks.harness import dose_findings


def _drug_findings(interventions: list[tuple[str, str | None]], outcome: str | None = None,
                   arm: str | None = None) -> list[str]:
    """Messages for a study given `interventions` (name, description), with one outcome measure or one arm title."""
    outcomes = [(outcome, None)] if outcome else []
    arms = [(arm, None)] if arm else []
    links = [(name,) for name, _ in interventions]
    return [f.message for f in study_drug_findings("NCT01000001", outcomes, arms, interventions, links, [])]


# (interventions, outcome measure, arm title): each fired before; each names, by a brand or in another language's
# spelling, a drug the study gives.
QUIET_DRUGS = [
    # a brand the study gives, against its drug's name
    ([("Keytruda", None)], "Adverse events of pembrolizumab", None),
    ([("Keytruda", "200 mg IV every 3 weeks")], None, "Pembrolizumab"),
    ([("Ozempic", "Once-weekly subcutaneous injection")], "Change in HbA1c with semaglutide", None),
    ([("Humira", None)], None, "Adalimumab 40 mg every other week"),
    ([("Solu-Medrol", None)], None, "Methylprednisolone pulse"),
    ([("Eliquis", "5 mg twice daily")], "Major bleeding on apixaban", None),
    ([("Xarelto", None)], None, "Rivaroxaban 20 mg"),
    ([("Lipitor 80 mg", None)], "LDL cholesterol on atorvastatin", None),
    ([("Zovirax", None)], "Aciclovir adverse events", None),  # the drug's name as the INN spells it
    # a drug the study gives, against its brand
    ([("Bupivacaine", None)], "Pain after Marcaine", None),
    # a drug's name as another language spells it, accented or not
    ([("Métformine", None)], "HbA1c change with metformin", None),
    ([("Ondansétron", None)], None, "Ondansetron"),
    ([("Claritromicina", None)], None, "Clarithromycin"),
    ([("Azitromicina 500 mg", None)], "Azithromycin adverse events", None),
    ([("Eritromicina", None)], None, "Erythromycin"),
]
# Nearby: another drug than the brand's, or than the one spelt otherwise.
FIRING_DRUGS = [
    ([("Keytruda", None)], "Incidence of nivolumab adverse events", None),
    ([("Humira", None)], None, "Infliximab"),
    ([("Ozempic", None)], None, "Liraglutide"),
    ([("Lipitor", None)], None, "Rosuvastatin 10 mg"),
    ([("Atorvastatina", None)], None, "Rosuvastatin"),
    ([("Métformine", None)], None, "Sitagliptin"),
    ([("Claritromicina", None)], None, "Azithromycin"),
    ([("Bupivacaína", None)], None, "Ropivacaine"),
]


def _drug_case_id(case: tuple) -> str:
    interventions, outcome, arm = case
    return f"{interventions[0][0]} / {outcome or arm}"


@pytest.mark.parametrize("case", QUIET_DRUGS, ids=[_drug_case_id(c) for c in QUIET_DRUGS])
def test_a_drug_given_by_a_brand_or_another_languages_name_is_quiet(case):
    assert _drug_findings(*case) == []


@pytest.mark.parametrize("case", FIRING_DRUGS, ids=[_drug_case_id(c) for c in FIRING_DRUGS])
def test_another_drug_than_the_brands_fires(case):
    assert len(_drug_findings(*case)) == 1


def test_the_brands_are_of_drugs_read_as_such():
    """Every drug of the brand table is a word read as a drug; no brand names two drugs or is a drug's name; the table
    stays a few hundred brands, and a fixed combination's brands are not in it."""
    brands = [brand for names in BRANDS.values() for brand in names]
    assert all(stem_drugs(drug) == {drug} for drug in BRANDS)
    assert len(brands) == len(set(brands)) <= 450
    assert not set(brands) & set(BRANDS)
    combined = {word for names in COMBINATION_PRODUCTS.values() for name in names for word in name}
    assert not set(brands) & combined


NOT_NAMED = next(rule for rule in checks.all_rules() if rule.id == "protocol.intervention_not_named")
# (intervention name, type, the message's middle): a name that is its type's label says so; another kind's word does
# not.
KIND_NAMES = [
    ("Radiation", "RADIATION", ', the label of its type repeated, which says'),
    ("RADIATION:", "RADIATION", ', the label of its type repeated, which says'),
    ("Dietary Supplements", "DIETARY_SUPPLEMENT", ', the label of its type repeated, which says'),
    ("Procedure/Surgery", "PROCEDURE", ', the label of its type repeated, which says'),
    ("Drug", "DEVICE", ', which says'),
    ("Radiation", "OTHER", ', which says'),
]


def test_a_name_that_is_its_types_label_says_so():
    con = duckdb.connect()
    con.execute("CREATE TABLE studies (nct_id VARCHAR, study_type VARCHAR, study_first_posted_date DATE, "
                "study_first_submitted_date DATE, last_update_posted_date DATE)")
    con.execute("CREATE TABLE interventions (nct_id VARCHAR, name VARCHAR, intervention_type VARCHAR, "
                "description VARCHAR)")
    numbered = {f"NCT0{number:07d}": case for number, case in enumerate(KIND_NAMES, start=1)}
    con.executemany("INSERT INTO studies (nct_id, study_type) VALUES (?, 'INTERVENTIONAL')",
                    [[nct] for nct in numbered])
    con.executemany("INSERT INTO interventions (nct_id, name, intervention_type) VALUES (?, ?, ?)",
                    [[nct, name, kind] for nct, (name, kind, _) in numbered.items()])
    found = {nct: message for nct, message, *_ in con.execute(NOT_NAMED.sql).fetchall()}
    assert found == {nct: f'An intervention of type {kind} is named only "{name}"{middle} what kind of intervention '
                     "it is but not which." for nct, (name, kind, middle) in numbered.items()}


# (arm description, intervention description, drug): a dose at either of two frequencies, or a cycle's whole amount
# against its daily doses; each fired before.
QUIET_DOSES = [
    ("Adalimumab 40 mg weekly or every other week", "Adalimumab 40 mg every 2 weeks", "Adalimumab"),
    ("Drugx 40 mg every other week or weekly", "Drugx 40 mg once weekly", "Drugx"),
    ("Drugx 40 mg weekly (or every other week)", "Drugx 40 mg every 2 weeks", "Drugx"),
    ("Drugx 10 mg daily or every other day", "Drugx 10 mg every other day", "Drugx"),
    ("Dupilumab 300 mg Q2W or Q4W", "Dupilumab 300 mg every 4 weeks", "Dupilumab"),
    ("Decitabine 20 mg/m2 IV daily on days 1-5 of each 28-day cycle", "Decitabine 100 mg/m2 per cycle", "Decitabine"),
    ("Azacitidine 75 mg/m^2 on days 1-7", "Azacitidine 525 mg/m2 per treatment cycle", "Azacitidine"),
    ("Drugx 20 mg/m2 on days 1-5", "Drugx 100 mg/m2 per course", "Drugx"),
]
# (arm description, intervention description, drug): doses that differ however said, among them doses by weight or
# area, loading and maintenance doses, doses per day against per dose, units spelt otherwise, a cycle's amount no
# whole number of the arm's makes, and one frequency against another.
FIRING_DOSES = [
    ("Cisplatin 75 mg/m2 on day 1 every 3 weeks", "Cisplatin 100 mg/m2 on day 1 every 3 weeks", "Cisplatin"),
    ("Enoxaparin 1 mg/kg subcutaneously every 12 hours", "Enoxaparin 1.5 mg/kg once daily", "Enoxaparin"),
    ("Escitalopram 10 mg twice daily", "Escitalopram 10 mg/day", "Escitalopram"),
    ("Gabapentin 300 mg three times daily", "Gabapentin 1800 mg/day", "Gabapentin"),
    ("Trastuzumab 8 mg/kg loading dose then 6 mg/kg every 3 weeks", "Trastuzumab 4 mg/kg loading, then 2 mg/kg weekly",
     "Trastuzumab"),
    ("Lidocaine 1.5 mg/kg bolus then 2 mg/kg/h", "Lidocaine 1.5 mg/kg IV bolus followed by 1.5 mg/kg/h infusion",
     "Lidocaine"),
    ("Alteplase 0.9 mg/kg (maximum 90 mg)", "Alteplase 0.6 mg/kg (maximum 60 mg)", "Alteplase"),
    ("Capecitabine 1250 mg/m2 twice daily days 1-14 every 3 weeks", "Capecitabine 1000 mg/m2 bid d1-14 q3w",
     "Capecitabine"),
    ("Levothyroxine 100 mcg daily", "Levothyroxine 50 µg daily", "Levothyroxine"),
    ("Insulin 0.1 units/kg/h", "Insulin 0.05 U/kg/hour", "Insulin"),
    ("Drugx 2 mg/kg/day in 2 divided doses", "Drugx 2 mg/kg twice daily", "Drugx"),
    ("Infliximab 5 mg/kg IV at weeks 0, 2 and 6, then every 8 weeks", "Infliximab 10 mg/kg every 8 weeks",
     "Infliximab"),
    ("Drugx 30 mg/m2 on days 1-5", "Drugx 100 mg/m2 per cycle", "Drugx"),
    ("Drugx 10 mg once weekly", "Drugx 10 mg every 2 weeks", "Drugx"),
    ("Colchicine 0.5 mg once daily", "Colchicine 0.5 mg twice a day", "Colchicine"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_DOSES, ids=[a[:60] for a, _, _ in QUIET_DOSES])
def test_either_frequency_or_a_cycles_whole_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_DOSES, ids=[a[:60] for a, _, _ in FIRING_DOSES])
def test_doses_that_differ_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


# (study, title, description) rows of design_groups: one arm listed again, its descriptions spaced or ended otherwise;
# arms of their own given one title.
ARM_ROWS = [
    ("NCT01", "Placebo", "Matching placebo"), ("NCT01", "Placebo", "Matching  placebo"),
    ("NCT02", "Arm A", "Drug X 10 mg once daily."), ("NCT02", "Arm A", "Drug X 10 mg once daily"),
    ("NCT03", "Arm B", "Drug X 10 mg\nonce daily"), ("NCT03", "arm B", "drug X 10 mg once daily "),
    ("NCT04", "Drug X", "Healthy volunteers"), ("NCT04", "Drug X", "Patients with renal impairment"),
    ("NCT05", "Treatment", "Morning dosing"), ("NCT05", "Treatment.", "Evening dosing"),
    ("NCT06", "Adults", "Drug X 10 mg daily"), ("NCT06", "Adolescents", "Drug X 10 mg daily"),
]
ARM_MESSAGES = {
    "NCT01": "The arm 'Placebo' is listed 2 times.",
    "NCT02": "The arm 'Arm A' is listed 2 times.",
    "NCT03": "The arm 'Arm B' is listed 2 times.",
    "NCT04": "The title 'Drug X' is given to 2 arms.",
    "NCT05": "The title 'Treatment' is given to 2 arms.",
}


def test_an_arm_listed_again_is_told_whatever_its_descriptions_spacing():
    con = duckdb.connect()
    con.execute("CREATE TABLE design_groups (nct_id VARCHAR, title VARCHAR, description VARCHAR)")
    con.executemany("INSERT INTO design_groups VALUES (?, ?, ?)", ARM_ROWS)
    found = {nct: message.lower() for nct, message, _ in con.execute(DUPLICATE_ARM).fetchall()}
    assert found == {nct: message.lower() for nct, message in ARM_MESSAGES.items()}
