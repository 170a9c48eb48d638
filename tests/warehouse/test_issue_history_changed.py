"""Issue history compares issue by issue only the studies whose issues changed, with the same outcome
as comparing every issue (the computation the history began with, kept here as the reference)."""
from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from bench.synthetic_warehouse import build
from warehouse import issue_history

EDITS = [  # an edit of quality_issues ({n}: the n-th study with issues), and the studies it changed
    ("DELETE FROM quality_issues WHERE nct_id IN ('{0}', '{1}')", {0, 1}),
    ("UPDATE quality_issues SET message = message || ' (reworded)' WHERE nct_id = '{2}'", {2}),
    ("INSERT INTO quality_issues SELECT * REPLACE ('another' AS message) FROM quality_issues WHERE nct_id = '{3}'", {3}),
    ("INSERT INTO quality_issues SELECT * FROM quality_issues WHERE nct_id = '{4}'", {4}),  # an identical twin
    ("UPDATE quality_issues SET severity = 'error' WHERE nct_id = '{5}'", {5}),
    ("UPDATE quality_issues SET category = 'invalid_value' WHERE nct_id = '{6}'", set()),  # not part of it
]


def _full_comparison(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[int, int]:
    """Every issue keyed and compared with every open episode."""
    params = {"run": run_id, "now": datetime.now()}
    con.execute(f"CREATE OR REPLACE TEMP TABLE _issues_now AS {issue_history.CURRENT_ISSUES}")
    resolved = con.execute("""UPDATE meta.quality_issue_history SET resolved_run = $run, resolved_at = $now
        WHERE resolved_run IS NULL AND issue_key NOT IN (SELECT issue_key FROM _issues_now)""", params).fetchone()[0]
    con.execute("""UPDATE meta.quality_issue_history h SET last_seen_run = $run, last_seen_at = $now,
        severity = c.severity, message = c.message, evidence = c.evidence
        FROM _issues_now c WHERE h.issue_key = c.issue_key AND h.resolved_run IS NULL""", params)
    new = con.execute("""INSERT INTO meta.quality_issue_history
        SELECT c.issue_key, c.nct_id, c.rule_id, c.category, c.severity, c.fields, c.message, c.evidence,
               $run, $now, $run, $now, NULL, NULL FROM _issues_now c
        WHERE c.issue_key NOT IN (SELECT issue_key FROM meta.quality_issue_history WHERE resolved_run IS NULL)""",
                      params).fetchone()[0]
    return new, resolved


def _history(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("SELECT * EXCLUDE (first_seen_at, last_seen_at, resolved_at) FROM meta.quality_issue_history "
                       "ORDER BY ALL").fetchall()


@pytest.fixture
def warehouses(tmp_path):
    build(tmp_path / "w.duckdb", 300, runs=2)
    return duckdb.connect(str(tmp_path / "w.duckdb")), tmp_path / "w.duckdb"


def test_only_studies_whose_issues_changed_are_compared_and_the_history_is_as_a_full_comparison(warehouses, tmp_path):
    con, path = warehouses
    con.execute(f"ATTACH '{tmp_path / 'reference.duckdb'}' AS reference")
    con.execute("COPY FROM DATABASE w TO reference")
    reference = duckdb.connect()  # the same warehouse, its history kept by comparing every issue
    con.execute("DETACH reference")
    reference.execute(f"ATTACH '{tmp_path / 'reference.duckdb'}' AS r")
    reference.execute("USE r")
    assert con.execute(issue_history.CHANGED_STUDIES).fetchall() == []
    flagged = [row[0] for row in con.execute("SELECT DISTINCT nct_id FROM quality_issues ORDER BY 1 LIMIT 7").fetchall()]
    for number, (edit, studies) in enumerate(EDITS, start=3):
        con.execute(edit.format(*flagged))
        reference.execute(edit.format(*flagged))
        changed = {row[0] for row in con.execute(issue_history.CHANGED_STUDIES).fetchall()}
        assert changed == {flagged[n] for n in studies}, edit
        assert issue_history.record_issue_history(con, f"run{number}") == _full_comparison(reference, f"run{number}")
        assert _history(con) == _history(reference)
    assert con.execute("SELECT count(*) FROM meta.quality_issue_history WHERE resolved_run IS NOT NULL").fetchone()[0]
