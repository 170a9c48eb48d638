"""The invalid_value issue quotes the refused value, except a personal-data value."""
from __future__ import annotations

import checks
from tests.checks import harness


def _issues(tmp_path, table, column, raw):
    study = harness.clean_study()
    study["meta.raw_values"] = [{"run_id": "r", "sha256": "0" * 64, "table_name": table, "column_name": column,
                                 "raw_value": raw, "expected": "an API v2 value: one of A, B"}]
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    checks.run_checks(con, run_id="t", as_of=harness.AS_OF)
    return con.execute("SELECT category, severity, fields, message, evidence FROM quality_issues "
                       "WHERE rule_id = 'invalid_values.refused_value'").fetchall()


def test_message_quotes_the_value_and_names_the_column(tmp_path):
    ((category, severity, fields, message, evidence),) = _issues(tmp_path, "studies", "study_type", "N/A")
    assert (category, severity, fields) == ("invalid_value", "warning", ["studies.study_type"])
    assert "'N/A'" in message and "studies.study_type" in message and "NULL" in message
    assert "studies.study_type = 'N/A'" in evidence


def test_personal_data_is_never_quoted(tmp_path):
    ((_, _, _, message, evidence),) = _issues(tmp_path, "central_contacts", "name", "Jane Roe")
    assert "Jane" not in message and "Jane" not in evidence
    assert "personal data" in message


def test_a_design_value_of_the_registrys_former_vocabulary_is_info(tmp_path):
    """Records of 2007 could give several design terms, or one since retired (NCT00501501, NCT00501358)."""
    for column, raw in [("time_perspective", "Longitudinal, Retrospective"),
                        ("observational_model", "Defined Population, Natural History"),
                        ("time_perspective", "Cross-Sectional, Retrospective/Prospective")]:
        ((_, severity, fields, message, evidence),) = _issues(tmp_path / column / raw[:5], "designs", column, raw)
        assert (severity, fields) == ("info", [f"designs.{column}"])
        assert f"'{raw}'" in message and "former vocabulary" in message and "NULL" in message


def test_a_design_value_with_a_term_the_registry_never_had_stays_a_warning(tmp_path):
    ((_, severity, _, message, _),) = _issues(tmp_path, "designs", "time_perspective", "Longitudinal, Prospektive")
    assert severity == "warning" and "former vocabulary" not in message
