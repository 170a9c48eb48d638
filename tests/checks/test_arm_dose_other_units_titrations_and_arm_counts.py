"""Arm doses against their intervention's, and arms counted and listed twice, as registry records word them: one amount
in other units ("1 g" and "1000 mg", "0.5 mg" and "500 µg"), counts of units ("2 x 500 mg"), loading and maintenance
doses, titrations and dose-escalation levels, doses per day against per administration ("500 mg BID" and "1000 mg/day"),
"q.o.d." for every other day, IU, creams, concentrations, infusion rates, weight bands, a placebo matching a strength,
combination products, vaccines and radiotherapy; and arms differing by dose, sequence, age or language."""
from __future__ import annotations

import duckdb
import pytest

from checks.contradictions_arms import DUPLICATE_ARM
from tests.checks import harness
from tests.checks.harness import dose_findings

# (arm description, intervention description, drug): one dose however written; the first fired before.
QUIET_DOSES = [
    ("Drugx 40 mg every other day", "Drugx 40 mg q.o.d.", "Drugx"),
    ("Drugx 40 mg QOD", "Drugx 40 mg every other day", "Drugx"),
    ("Drugx 40 mg qod", "Drugx 40 mg on alternate days", "Drugx"),
    # the same amount in other units
    ("Drugx 1 g daily", "Drugx 1000 mg daily", "Drugx"),
    ("Drugx 1000 mg once daily", "Drugx 1 g once a day", "Drugx"),
    ("Drugx 0.5 mg daily", "Drugx 500 mcg daily", "Drugx"),
    ("Drugx 0.5 mg daily", "Drugx 500 µg daily", "Drugx"),
    ("Drugx 0.5 mg daily", "Drugx 500 ug daily", "Drugx"),
    ("Drugx 0.5 mg daily", "Drugx 500 μg daily", "Drugx"),
    ("Drugx 1.5 g", "Drugx 1500 mg", "Drugx"),
    ("Drugx 0.25 mg", "Drugx 250 micrograms", "Drugx"),
    ("Drugx 250 mcg", "Drugx 0,25 mg", "Drugx"),
    ("Drugx 1,000 mg", "Drugx 1000 mg", "Drugx"),
    ("Drugx 1.000 mg", "Drugx 1000 mg", "Drugx"),
    ("Drugx 5000 IU", "Drugx 5.000 UI", "Drugx"),
    ("Drugx 1000 IU daily", "Drugx 1,000 units daily", "Drugx"),
    ("Cholecalciferol 50,000 IU weekly", "Cholecalciferol 50000 IU once a week", "Cholecalciferol"),
    ("Drugx 6 MU three times weekly", "Drugx 6 million units 3 times a week", "Drugx"),
    # counts of units
    ("Drugx 2 x 500 mg daily", "Drugx 1000 mg daily", "Drugx"),
    ("Drugx 2 x 500 mg tablets once daily", "Drugx 1000 mg once daily", "Drugx"),
    ("Drugx 2x500mg", "Drugx 1000mg", "Drugx"),
    ("Drugx 100 mg (2 x 50 mg capsules)", "Drugx 100 mg", "Drugx"),
    ("Drugx 100 mg as two 50 mg capsules", "Drugx 100 mg once daily", "Drugx"),
    ("Drugx 2 tablets of 500 mg", "Drugx 1000 mg", "Drugx"),
    ("Drugx 1 tablet (10 mg) twice daily", "Drugx 20 mg/day", "Drugx"),
    ("Drugx 2 puffs of 100 mcg", "Drugx 200 mcg", "Drugx"),
    # loading and maintenance, titration and escalation
    ("Clopidogrel 600 mg loading dose then 300 mg daily", "Clopidogrel 300 mg daily", "Clopidogrel"),
    ("Clopidogrel 600 mg loading then 75 mg daily", "Clopidogrel 75 mg once daily", "Clopidogrel"),
    ("Drugx 100 mg on day 1 then 50 mg daily", "Drugx 100 mg loading dose, then 50 mg/day", "Drugx"),
    ("Drugx 10 mg/day for 5 days then 5 mg/day", "Drugx 10 mg/day", "Drugx"),
    ("Drugx starting at 25 mg, up to 100 mg", "Drugx 100 mg daily", "Drugx"),
    ("Drugx starting at 25 mg/day, titrated up to 100 mg/day", "Drugx 50 mg/day", "Drugx"),
    ("Drugx: weeks 1-2, 25 mg; weeks 3-4, 50 mg", "Drugx 50 mg", "Drugx"),
    ("Drugx 25 mg, increased to 50 mg at week 2", "Drugx 50 mg", "Drugx"),
    ("Drugx 20 mg", "Drugx 10, 20, 40 mg", "Drugx"),
    ("Drugx 40 mg once daily", "Drugx at 10, 20 or 40 mg once daily", "Drugx"),
    ("Drugx 20 mg (cohort 2)", "Dose escalation: 10 mg, 20 mg, 40 mg", "Drugx"),
    ("Drugx 10 mg (low dose) and 20 mg (high dose)", "Drugx 20 mg", "Drugx"),
    # per administration against per day
    ("Drugx 500 mg BID", "Drugx 1000 mg/day", "Drugx"),
    ("Drugx 500 mg twice daily", "Drugx 1000 mg per day", "Drugx"),
    ("Drugx 500 mg b.i.d.", "Drugx 1 g/day", "Drugx"),
    ("Drugx 250 mg TID", "Drugx 750 mg daily", "Drugx"),
    ("Drugx 250 mg q8h", "Drugx 750 mg/day", "Drugx"),
    ("Drugx 500 mg every 12 hours", "Drugx 1000 mg daily", "Drugx"),
    ("Drugx 1 g/day in two divided doses", "Drugx 500 mg twice daily", "Drugx"),
    ("Drugx 300 mg/day (100 mg TID)", "Drugx 100 mg three times a day", "Drugx"),
    ("Drugx 0.5 mg/kg/day", "Drugx 0.25 mg/kg twice a day", "Drugx"),
    ("Drugx 10mg x 2/day", "Drugx 20 mg daily", "Drugx"),
    ("Drugx 1 g IV q24h", "Drugx 1g intravenously once daily", "Drugx"),
    ("Drugx 10 mg QD", "Drugx 10 mg OD", "Drugx"),
    ("Drugx 10 mg nocte", "Drugx 10 mg at night", "Drugx"),
    # creams, concentrations, rates, body size, weight bands and maxima
    ("Drugx 1% cream twice daily", "Drugx 1% cream applied twice a day", "Drugx"),
    ("Drugx 1% cream", "Drugx cream 1% (10 mg/g)", "Drugx"),
    ("Drugx 5 mg/mL, 2 mL", "Drugx 10 mg", "Drugx"),
    ("Drugx 10 mg (2 mL of 5 mg/mL)", "Drugx 10 mg", "Drugx"),
    ("Drugx 0.1 mg/kg/h infusion", "Drugx infusion 0.1 mg/kg/hr", "Drugx"),
    ("Drugx 75 mg/m2", "Drugx 75 mg/m²", "Drugx"),
    ("Drugx 75 mg/m2 (max 150 mg)", "Drugx 75 mg/m2", "Drugx"),
    ("Drugx 10 mg/kg (700 mg for a 70 kg adult)", "Drugx 10 mg/kg", "Drugx"),
    ("Drugx 10 mg/kg (max 1 g)", "Drugx 10 mg/kg up to 1000 mg", "Drugx"),
    ("Drugx 15 mg/kg for children 10-20 kg, 250 mg for 20-40 kg", "Drugx 15 mg/kg", "Drugx"),
    ("Drugx 5 mg/kg", "Drugx 5mg/kg IV", "Drugx"),
    # a placebo's strength, combinations, vaccines and radiotherapy
    ("Placebo matching 10 mg tablets", "Drugx 20 mg", "Drugx"),
    ("Amoxicillin/clavulanate 875/125 mg twice daily", "Amoxicillin/clavulanate 875 mg/125 mg BID", "Amoxicillin"),
    ("Augmentin 875/125 mg", "Augmentin 875 mg", "Augmentin"),
    ("Vaccine 0.5 mL IM containing 15 µg HA", "Vaccine 0.5 mL intramuscular", "Vaccine"),
    ("Drugx vaccine 30 µg", "Drugx vaccine, 0.5 mL dose containing 30 µg", "Drugx"),
    ("Radiotherapy 60 Gy in 30 fractions", "Radiotherapy 2 Gy/fraction", "Radiotherapy"),
    ("Radiotherapy 60 Gy in 30 fractions", "Radiotherapy 2 Gy per fraction to 60 Gy", "Radiotherapy"),
]
# Doses that differ however written.
FIRING_DOSES = [
    ("Drugx 40 mg q.o.d.", "Drugx 40 mg once daily", "Drugx"),
    ("Drugx 40 mg QOD", "Drugx 40 mg twice daily", "Drugx"),
    ("Drugx 1 g daily", "Drugx 500 mg daily", "Drugx"),
    ("Drugx 0.5 mg daily", "Drugx 50 mcg daily", "Drugx"),
    ("Drugx 500 mg BID", "Drugx 500 mg/day", "Drugx"),
    ("Drugx 1% cream", "Drugx 2% cream", "Drugx"),
    ("Drugx 1000 IU daily", "Drugx 2000 IU daily", "Drugx"),
    ("Drugx 1.5 g", "Drugx 1000 mg", "Drugx"),
    ("Drugx 100 mcg", "Drugx 0.2 mg", "Drugx"),
    ("Drugx 5 mg/kg", "Drugx 10 mg/kg", "Drugx"),
    ("Drugx 250 mg TID", "Drugx 500 mg daily", "Drugx"),
    ("Drugx 75 mg/m2 every 3 weeks", "Drugx 60 mg/m2 every 3 weeks", "Drugx"),
    ("Drugx 600 mg loading dose then 150 mg daily", "Drugx 600 mg loading, then 75 mg daily", "Drugx"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_DOSES,
                         ids=[f"{a[:40]} | {i[:40]}" for a, i, _ in QUIET_DOSES])
def test_one_dose_however_written_is_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_DOSES,
                         ids=[f"{a[:40]} | {i[:40]}" for a, i, _ in FIRING_DOSES])
def test_doses_that_differ_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


# (study, title, description) rows of design_groups: arms of one drug at two doses or schedules, a crossover's
# sequences, cohorts by age and an arm named in two languages are arms of their own; an arm listed again in another
# case, with another closing stop or spacing, is one.
ARM_ROWS = [
    ("NCT01", "Drug X 10 mg", "Drug X 10 mg daily"), ("NCT01", "Drug X 20 mg", "Drug X 20 mg daily"),
    ("NCT02", "Drug X once daily", "Drug X 10 mg"), ("NCT02", "Drug X twice daily", "Drug X 10 mg"),
    ("NCT03", "Sequence AB", "Drug X then placebo"), ("NCT03", "Sequence BA", "Placebo then drug X"),
    ("NCT04", "Cohort 1 (12-17 years)", "Drug X"), ("NCT04", "Cohort 2 (6-11 years)", "Drug X"),
    ("NCT05", "Placebo / Placebo", "Matching placebo"), ("NCT05", "Placebo / Placebo", "Matching placebo"),
    ("NCT06", "Drug X", "Drug X 10 mg"), ("NCT06", "Fármaco X", "Fármaco X 10 mg"),
    ("NCT07", "AB", "Drug X, then drug Y"), ("NCT07", "BA", "Drug Y, then drug X"),
    ("NCT08", "ARM A: DRUG X", "Drug X 10 mg"), ("NCT08", "Arm A: Drug X.", "Drug X 10 mg."),
    ("NCT09", "Cohort 1", "Adults 18-64 years"), ("NCT09", "Cohort 1", "Adults 65 years and older"),
]
ARM_MESSAGES = {
    "NCT05": "The arm 'Placebo / Placebo' is listed 2 times.",
    "NCT08": "The arm 'ARM A: DRUG X' is listed 2 times.",
    "NCT09": "The title 'Cohort 1' is given to 2 arms.",
}


def test_arms_differing_by_dose_sequence_age_or_language_are_not_listed_twice():
    con = duckdb.connect()
    con.execute("CREATE TABLE design_groups (nct_id VARCHAR, title VARCHAR, description VARCHAR)")
    con.executemany("INSERT INTO design_groups VALUES (?, ?, ?)", ARM_ROWS)
    found = {nct: message.lower() for nct, message, _ in con.execute(DUPLICATE_ARM).fetchall()}
    assert found == {nct: message.lower() for nct, message in ARM_MESSAGES.items()}


SINGLE_GROUP_RULE = "contradictions.single_group_several_arms"
ONE_ARM_RULE = "contradictions.multi_arm_model_one_arm"
arms = harness.arm_design
# (rule, design, texts, fires): arm counts against the model, arms told apart by dose, sequence, age or language.
ARM_COUNT_CASES = [
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X 10 mg", "Drug X 20 mg"], "RANDOMIZED"), (), True),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X once daily", "Drug X twice daily"], "RANDOMIZED"), (), True),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Adults", "Adolescents"], "NON_RANDOMIZED"), (), True),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "Drug X."]), (), False),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X", "DRUG  X"]), (), False),
    (SINGLE_GROUP_RULE, arms("SINGLE_GROUP", ["Drug X"]), (), False),
    (ONE_ARM_RULE, arms("PARALLEL", ["Drug X 10, 20 or 40 mg"], "RANDOMIZED"), (), True),
    (ONE_ARM_RULE, arms("PARALLEL", ["Drug X 10 mg", "Drug X 20 mg"], "RANDOMIZED"), (), False),
    (ONE_ARM_RULE, arms("PARALLEL", ["Sequence AB", "Sequence BA"], "RANDOMIZED"), (), False),
    (ONE_ARM_RULE, arms("FACTORIAL", ["Drug X", "Fármaco X"], "RANDOMIZED"), (), False),
]
_ARM_IDS = harness.numbered_cases(ARM_COUNT_CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each arm-count rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("arm_counts"), _ARM_IDS, harness.design_or_arms_study)


@pytest.mark.parametrize("nct_id", list(_ARM_IDS), ids=[harness.design_or_arms_case_id(c) for c in _ARM_IDS.values()])
def test_arm_counts_against_the_model(flagged, nct_id):
    rule, design, texts, fires = _ARM_IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, design
