"""An intervention not named for what it is: no name, only its kind, or only its arm's role; phrase by phrase."""
from __future__ import annotations

import duckdb
import pytest

import checks
from checks.check_scope import set_scope
from checks.protocol_intervention_names import drug_received, gives_nothing, nameless, only_a_kind, only_a_role
from checks.rule_findings import findings_of
from tests.checks import harness

RULE = next(rule for rule in checks.all_rules() if rule.id == "protocol.intervention_not_named")


def _found(tmp_path, name: str | None, kind: str | None, study_type: str = "INTERVENTIONAL",
           description: str | None = None) -> list[tuple]:
    study = harness.clean_study()
    study["interventions"][1].update(name=name, intervention_type=kind)
    if description is not None:
        study["interventions"][1].update(description=description)
    study["studies"][0].update(study_type=study_type)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    return [(f.message, f.evidence) for f in findings_of(con, RULE, set_scope(con, None, harness.AS_OF))]


def _severities(tmp_path, study_type: str) -> list[str]:
    study = harness.clean_study()
    study["interventions"][1].update(name="No Intervention", intervention_type="OTHER")
    study["studies"][0].update(study_type=study_type)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    return [f.severity for f in findings_of(con, RULE, set_scope(con, None, harness.AS_OF))]


def test_an_observational_study_is_told_at_info(tmp_path):
    """An observational study lists interventions only if it has any, so a placeholder one is worth knowing only."""
    assert _severities(tmp_path / "obs", "OBSERVATIONAL") == ["info"]
    assert _severities(tmp_path / "int", "INTERVENTIONAL") == ["warning"]


def test_only_its_kind(tmp_path):
    assert _found(tmp_path, "Intervention", "DEVICE") == [(
        'An intervention of type DEVICE is named only "Intervention", which says what kind of intervention it is '
        "but not which.", 'interventions.name="Intervention"; interventions.intervention_type=DEVICE')]


def test_only_its_arms_role(tmp_path):
    assert _found(tmp_path, "Standard Arm", "RADIATION") == [(
        'An intervention of type RADIATION is named only "Standard Arm", which says which arm receives it but not '
        "what it is.", 'interventions.name="Standard Arm"; interventions.intervention_type=RADIATION')]


def test_no_name_and_no_type(tmp_path):
    assert _found(tmp_path, None, None) == [(
        "An intervention of type no type has no name.",
        "interventions.name=NULL; interventions.intervention_type=no type")]


def _holds(predicate, name: str | None) -> bool:
    return duckdb.connect().execute(f"SELECT {predicate('$n')}", {"n": name}).fetchone()[0]


@pytest.mark.parametrize("name, expected", [
    (None, True), ("", True), ("  ", True), ("N/A", True), ("TBD", True), ("-", True), ("Drug", False),
])
def test_nameless_phrases(name, expected):
    assert _holds(nameless, name) is expected


@pytest.mark.parametrize("name, expected", [
    ("Drug", True), ("DRUG:", True), ("Drugs", True), ("Biological", True), ("Procedure/Surgery", True),
    ("Dietary  Supplement", True), ("Other", True), ("Intervention.", True), ("Treatment", True),
    ("Drug-eluting stent", False), ("Study drug X-101", False), ("Radiation therapy", False),
    ("Placebo", False), ("Behavioral therapy", False), ("Other names: none", False),
])
def test_kind_phrases(name, expected):
    assert _holds(only_a_kind, name) is expected


@pytest.mark.parametrize("name, expected", [
    ("Control", True), ("control group", True), ("No Intervention", False),
    ("Standard Arm", True), ("Experimental arm", True), ("Intervention group", True),
    ("Control diet", False), ("Usual care", False), ("Standard of care", False), ("Sham", False),
    ("No-touch technique", False), ("Standard arm radiotherapy 70 Gy", False), ("ALL", False),
])
def test_role_phrases(name, expected):
    assert _holds(only_a_role, name) is expected


@pytest.mark.parametrize("name, expected", [
    ("No Intervention", True), ("no  treatment.", True), ("No interventions", True),
    ("No intervention control", False), ("Control", False), ("No-touch technique", False),
])
def test_nothing_given_phrases(name, expected):
    assert _holds(gives_nothing, name) is expected


def test_a_row_that_says_nothing_is_given_is_called_a_placeholder(tmp_path):
    assert _found(tmp_path, "No Intervention", "OTHER") == [(
        'An intervention of type OTHER is named "No Intervention": an arm given nothing lists no intervention, '
        "so the row is a placeholder.", 'interventions.name="No Intervention"; interventions.intervention_type=OTHER')]


# (description of a "No intervention" row, the drug it says the participants receive, or None): a row so described
# stands in place of the drug's name, not for an arm given nothing.
RECEIVED = [
    ("This is an observational study. Korean male participants receiving mirodenafil as per the prescribing "
     "information will be observed.", "mirodenafil"),
    ("Patients prescribed Atorvastatin by their physician", "atorvastatin"),
    ("Sildenafil as prescribed by the treating physician", "sildenafil"),
    ("Patients who are treated with tadalafil 5 mg daily", "tadalafil"),
    ("No treatment is given to the patients as this is an observational study.", None),
    ("non-interventional study", None),
    (None, None),
    ("Patients not receiving mirodenafil will be observed", None),
    ("Participants will receive no sildenafil", None),
    ("Participants receiving standard care", None),
    ("Blood samples will be taken from patients", None),
]


@pytest.mark.parametrize("description, drug", RECEIVED)
def test_a_drug_the_description_says_is_received(description, drug):
    assert duckdb.connect().execute(f"SELECT {drug_received('$d')}", {"d": description}).fetchone()[0] == drug


def test_a_no_intervention_row_whose_description_names_the_drug_received_is_no_arm_given_nothing(tmp_path):
    description = "Korean male participants receiving mirodenafil as per the prescribing information will be observed."
    assert _found(tmp_path / "drug", "No intervention", "DRUG", "OBSERVATIONAL", description) == [(
        'An intervention of type DRUG is named "No intervention", though its description names what the participants '
        "receive (mirodenafil): the name stands in place of what is given, not for an arm given nothing.",
        'interventions.name="No intervention"; interventions.intervention_type=DRUG')]
    assert _found(tmp_path / "none", "No intervention", "OTHER", "OBSERVATIONAL",
                  "No treatment is given to the patients as this is an observational study.")[0][0] == (
        'An intervention of type OTHER is named "No intervention": an arm given nothing lists no intervention, '
        "so the row is a placeholder.")
