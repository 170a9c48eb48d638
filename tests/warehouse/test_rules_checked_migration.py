"""DDL 214: a warehouse made before it gets meta.rules_checked, empty, so that one with issues is checked whole by
its next run (whose rules it cannot tell) and one without issues records the installed rules."""
from __future__ import annotations

from tests.warehouse.older_ddl import files_from, warehouse_before
from warehouse import rules_checked
from warehouse.connect import migrate

DDL = "214_rules_checked.sql"


def test_an_older_warehouse_with_issues_is_checked_again_by_its_next_run(tmp_path):
    con = warehouse_before(tmp_path / "older.duckdb", "214")
    con.execute("INSERT INTO quality_issues VALUES ('r1', 'NCT09000001', 'dates.start_after_completion', "
                "'date_anomaly', 'error', ['studies.start_date'], 'm', 'e', DATE '2026-11-22')")
    assert migrate(con) == files_from(DDL)
    assert con.execute("SELECT count(*) FROM meta.rules_checked").fetchone()[0] == 0
    assert [row[0] for row in con.execute("DESCRIBE meta.rules_checked").fetchall()] == [
        "fingerprint", "sources", "run_id", "checked_at"]
    rules = rules_checked.compare(con)
    assert not rules.current and rules.fingerprint == rules_checked.fingerprint()
    assert migrate(con) == []


def test_an_older_warehouse_without_issues_records_the_installed_rules(tmp_path):
    con = warehouse_before(tmp_path / "older.duckdb", "214")
    assert migrate(con) == files_from(DDL)
    rules = rules_checked.compare(con)
    assert rules.current and rules.to_record
    rules_checked.record(con, rules, "r1")
    assert rules_checked.recorded(con) == rules_checked.fingerprint()
    assert rules_checked.compare(con) == rules_checked.RulesChecked(rules.fingerprint, rules.sources, current=True)
