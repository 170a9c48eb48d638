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
