"""The GX suite: bad enums become gx findings, clean data none, Data Docs build offline."""
from __future__ import annotations

import socket

import pytest

from checks import gx_expectations, gx_suite
from checks.engine import run_rules, set_scope
from tests.checks import harness

CONTACT = {"contact_type": "primary", "name": "Jane Q. Private", "phone": "+1-555-0142",
           "email": "jane.private@example.org"}


@pytest.fixture
def no_network(monkeypatch):
    """Record, and refuse, any attempt to open a network connection."""
    attempts = []

    def refuse(_sock, address, *_args):
        attempts.append(address)
        raise OSError(f"network disabled in tests: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def _with_phase5(study):
    study["studies"][0]["phase"] = "PHASE5"
    study["central_contacts"] = [CONTACT]


def _gx_findings(con):
    scope = set_scope(con, None, harness.AS_OF)
    return [(rule.id, f) for rule in gx_suite.RULES for f in rule.func(con, scope)]


def test_bad_enum_yields_a_gx_finding(tmp_path, no_network):
    study = harness.clean_study()
    _with_phase5(study)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study, "NCT01000002": harness.clean_study()})
    found = _gx_findings(con)
    assert [(rule_id, f.nct_id, f.fields) for rule_id, f in found] == [
        ("gx.expect_column_values_to_be_in_set", "NCT01000001", ("studies.phase",))]
    assert "'PHASE5'" in found[0][1].evidence
    assert no_network == []


def test_clean_warehouse_yields_no_gx_finding(tmp_path):
    con = harness.warehouse_with(tmp_path, {"NCT01000001": harness.clean_study()})
    assert _gx_findings(con) == []


def test_gx_findings_reach_quality_issues(tmp_path):
    study = harness.clean_study()
    _with_phase5(study)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    run_rules(con, gx_suite.RULES, run_id="r1", as_of=harness.AS_OF)
    rows = con.execute("SELECT rule_id, category, severity, fields FROM quality_issues").fetchall()
    assert rows == [("gx.expect_column_values_to_be_in_set", "missing_field", "error", ["studies.phase"])]


def test_one_validation_per_table_per_run(tmp_path, monkeypatch):
    study = harness.clean_study()
    study["studies"][0]["brief_title"] = "A title never validated before"  # no cached result
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    calls = []
    real = gx_suite.validate
    monkeypatch.setattr(gx_suite, "validate", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    _gx_findings(con)
    assert sorted(calls) == sorted(set(calls)), "a table was validated twice in one run"


def test_suite_leaves_out_personal_data():
    assert not [e for e in gx_expectations.SUITE if e.table == "central_contacts"]
    keys = [(e.kind, e.table, e.column) for e in gx_expectations.SUITE]
    assert len(keys) == len(set(keys)), "results are matched back by kind, table and column"


def test_build_data_docs_writes_index_without_contacts(tmp_path, no_network):
    study = harness.clean_study()
    _with_phase5(study)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    index = gx_suite.build_data_docs(con, tmp_path / "reports" / "gx")
    assert index == tmp_path / "reports" / "gx" / "index.html" and index.is_file()
    pages = [p.read_text(encoding="utf-8") for p in index.parent.rglob("*.html")]
    assert any("PHASE5" in page for page in pages), "the failed expectation is documented"
    for value in (CONTACT["name"], CONTACT["phone"], CONTACT["email"]):
        assert not any(value in page for page in pages)
    assert not any("great-expectations-web-assets" in page for page in pages)
    assert no_network == []


def test_rebuilt_data_docs_show_only_the_latest_validation(tmp_path):
    con = harness.warehouse_with(tmp_path, {"NCT01000001": harness.clean_study()})
    out = tmp_path / "gx"
    gx_suite.build_data_docs(con, out)
    gx_suite.build_data_docs(con, out)
    pages = list((out / "validations").rglob("*.html"))
    assert len(pages) == len(gx_expectations.tables())
