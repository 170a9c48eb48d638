"""checks.arm_types: an arm's type against what it is. The title and word readings phrase by phrase (DuckDB in
memory), and the findings' messages and evidence on one warehouse."""
from __future__ import annotations

import duckdb
import pytest

from checks import arm_types, protocol
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_arm_types import (COMPARATOR_WITHOUT_PLACEBO, NO_INTERVENTION, PLACEBO_TYPED_ACTIVE,
                                          comparator, control_arm, placebo_arm, trial, QUESTIONNAIRE)

# Arm titles that say the arm is the placebo (or sham) arm and nothing beside it, as registry arms are titled.
PLACEBO_ARM_TITLES = [
    "Placebo", "PLACEBO", "Matching Placebo", "Placebo tablets", "Placebo Oral Tablet", "Placebo capsule",
    "Placebo Comparator", "Placebo group", "Placebo arm", "Arm B: Placebo", "Arm 2 - Placebo", "B) Placebo",
    "Cohort 3: Placebo", "Placebo to match evolocumab", "Placebo for tolvaptan", "Tolvaptan placebo",
    "Saline placebo", "Placebo (0.9% saline)", "Sham", "Sham stimulation", "Sham tDCS", "Sham rTMS",
    "Sham acupuncture", "Sham procedure", "Sham surgery", "Sham-tDCS", "Sham Sustained Acoustic Medicine Device",
    "Vehicle",
    "Vehicle cream", "Vehicle gel", "ACU-D1 Ointment Vehicle", "Placebo subcutaneous injection every 2 weeks",
]
# Titles that name a placebo beside something else, or a placebo that is what is tested, or no placebo's arm.
NOT_PLACEBO_ARM_TITLES = [
    "Drug X plus placebo", "Pembrolizumab plus placebo", "placebo+multivitamin", "Olaparib + Placebo",
    "Metformin and placebo", "Placebo with CBT for PTSD", "1)28days of linaclotide or placebo",
    "Sequence 1: Eptinezumab Then Placebo", "Sequence 2: Placebo Then Eptinezumab", "Placebo followed by drug X",
    "Placebo run-in then Drug X", "Placebo lead-in", "Placebo-controlled phase", "Placebo-Controlled Period",
    "Placebo to semaglutide", "Placebo/Drug X", "Placebo - Ketamine", "Drug X vs placebo", "Drug X, placebo",
    "Open-label placebo", "Open label placebo pills", "Active placebo", "Placebo responders",
    "Placebo non-responders", "Sham feeding", "No placebo", "Non-placebo group", "Double-dummy",
    "Placebo effect enhanced", "Deceptive placebo", "Conditioned placebo", "Autonomous vehicle ride",
    "Vehicle driving simulator", "Drug X 10 mg", "Control", "Placebo-Sumatriptan", "Sumatriptan-placebo",
    "Placebo first", "Placebo (delayed start)", "Placebo on top of standard care", "Placebo → semaglutide",
    "Placebo (Standard of care)", "Placebo on background methotrexate", "Placebo in usual care",
    "Placebo (BSC)", "Placebo (SoC)",
]
# Texts that say what an arm is given is a placebo, sham or inactive product, as arms and interventions word it.
PLACEBO_TEXTS = [
    "Matching placebo tablets once daily", "Tolvaptan placebo", "Vehicle cream twice daily", "Sham device",
    "Normal saline 100 mL", "0.9% sodium chloride", "Sugar pill", "Inactive ultrasound device",
    "Capsules identical in appearance without the active ingredient", "0mg", "0 mg/day", "Dose 0 mg",
    "Device switched off", "Detuned laser", "Non-penetrating Streitberger needles", "Attention control",
    "Microcrystalline cellulose capsules", "Double-dummy design", "Simulated stimulation", "Mock scanner session",
    "Olive oil capsules", "Control cream", "Look-alike tablets",
    "Physiological serum 10 mL", "Serum physiologique", "Lactated Ringer's solution 100 mL/h", "Isotonic solution",
    "D5W infusion", "PBS injection", "Formulation buffer", "Aluminium hydroxide adjuvant alone", "Empty capsules",
    "Nicotine-free e-cigarette", "Denicotinized cigarettes", "Decaffeinated coffee", "Non-alcoholic beer",
    "Alcohol-free drink", "Caffeine-free cola", "Subthreshold TENS", "Sub-therapeutic dose", "Non-therapeutic dose",
    "Stimulator off", "Device off", "Cream base", "Base ointment", "White petrolatum", "Vaseline",
    "Electrodes placed but no current delivered", "Coil placed without magnetic stimulation", "tDCS at 0 mA",
    "Zero intensity ultrasound",
]
# Texts that name a control that is no placebo.
NOT_PLACEBO_TEXTS = [
    "Standard of care", "Usual care", "Cisplatin 40 mg/m2 weekly", "Aspirin 81 mg daily", "Diet counseling",
    "Conventional physiotherapy", "Wait list", "10 mg once daily", "0.5 mg twice daily", "Sleep hygiene education",
    "Treatment as usual by the general practitioner", "Active monitoring", "Fish oil 2 g daily", "Control group",
    "No intervention", "Standard balloon angioplasty", "Hepatitis A vaccine", "Health education",
    "Light therapy 10,000 lux", "Lidocaine 2% gel", "Low-dose aspirin", "Buffered lidocaine", "tDCS at 2 mA",
    "No further treatment", "Stimulation at 10 Hz",
]


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    yield c
    c.close()


def _read(con, sql_of, texts: list[str]) -> dict[str, bool]:
    """Each text read by the SQL `sql_of('t')` over a column t."""
    rows = con.execute(f"SELECT t, {sql_of('t')} FROM unnest(?::VARCHAR[]) AS u(t)", [texts]).fetchall()
    return dict(rows)


def test_placebo_arm_titles_are_read_as_the_placebo_arm(con):
    read = _read(con, arm_types.only_placebo_sql, PLACEBO_ARM_TITLES + NOT_PLACEBO_ARM_TITLES)
    assert [t for t in PLACEBO_ARM_TITLES if not read[t]] == []
    assert [t for t in NOT_PLACEBO_ARM_TITLES if read[t]] == []


def test_placebo_words_are_found_in_what_an_arm_is_given(con):
    read = _read(con, lambda t: arm_types.matches_sql(t, arm_types.PLACEBO_WORDS), PLACEBO_TEXTS + NOT_PLACEBO_TEXTS)
    assert [t for t in PLACEBO_TEXTS if not read[t]] == []
    assert [t for t in NOT_PLACEBO_TEXTS if read[t]] == []


def test_bare_labels(con):
    labels = ["Arm B", "Group 2", "Arm II", "Cohort A", "A", "2", "Control", "Control group", "Comparator arm"]
    titles = ["Dapagliflozin 10 mg", "Usual care", "Arm B: Drug X"]
    read = _read(con, lambda t: arm_types.matches_sql(t, arm_types.BARE_LABEL), labels + titles)
    assert [t for t in labels if not read[t]] == [] and [t for t in titles if read[t]] == []


def _findings(tmp_path, studies: dict[str, object]) -> dict[str, list]:
    """The findings of each arm-type rule on one warehouse holding the studies ({nct_id: change}), by rule id."""
    built = {}
    for nct_id, change in studies.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    con = harness.warehouse_with(tmp_path, built)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        return {rule.id: findings_of(con, rule, scope) for rule in arm_types.RULES}
    finally:
        con.close()


def test_messages_quote_the_arm_its_type_and_what_it_is_given(tmp_path):
    found = _findings(tmp_path, {
        "NCT01000001": control_arm("Control", "Assessments only", [QUESTIONNAIRE]),
        "NCT01000002": placebo_arm("Placebo"),
        "NCT01000003": trial([("EXPERIMENTAL", "Active rTMS", "10 Hz"), ("ACTIVE_COMPARATOR", "Arm B", "Coil tilted")],
                             [("DEVICE", "rTMS", "10 Hz"), ("DEVICE", "Sham rTMS", "Coil tilted away")],
                             [("Active rTMS", "rTMS"), ("Arm B", "Sham rTMS")]),
        "NCT01000004": comparator("Standard of care", "Standard diabetes care",
                                  [("OTHER", "Standard of care", "Usual diabetes management")]),
    })
    (no_intervention,) = found[NO_INTERVENTION]
    assert no_intervention.message == ('The arm "Control" is typed No Intervention, yet the record links it to '
                                       '"Questionnaire" (OTHER).')
    assert no_intervention.evidence == ('design_groups.title=Control; group_type=NO_INTERVENTION; '
                                        'linked interventions: "Questionnaire" (OTHER)')
    by_study = {f.nct_id: f for f in found[PLACEBO_TYPED_ACTIVE]}
    assert sorted(by_study) == ["NCT01000002", "NCT01000003"]
    assert by_study["NCT01000002"].message == ('The arm "Placebo" is typed Experimental, though its title says it is '
                                               'the placebo arm: a placebo arm is typed Placebo Comparator.')
    assert by_study["NCT01000002"].evidence == ('design_groups.title=Placebo; group_type=EXPERIMENTAL; '
                                                'linked interventions: "Placebo" (DRUG)')
    assert by_study["NCT01000003"].message == ('The arm "Arm B" is typed Active Comparator, though the record gives '
                                               'it only "Sham rTMS" (DEVICE): a sham arm is typed Sham Comparator.')
    (without,) = found[COMPARATOR_WITHOUT_PLACEBO]
    assert without.message == ('The arm "Standard of care" is typed Placebo Comparator, yet neither it nor the '
                               'interventions it is given ("Standard of care" (OTHER)) name a placebo.')
    assert without.evidence.endswith('linked interventions: "Standard of care" (OTHER); '
                                     'description=Standard diabetes care')
    assert {f.severity for fs in found.values() for f in fs} == {"warning"}


def test_the_rules_are_protocol_rules():
    ids = {rule.id for rule in protocol.RULES}
    assert {NO_INTERVENTION, PLACEBO_TYPED_ACTIVE, COMPARATOR_WITHOUT_PLACEBO} <= ids
    assert {rule.category for rule in arm_types.RULES} == {"contradiction"}
