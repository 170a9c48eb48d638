"""A check of exactly the studies a run loaded makes its scoped copies from where the run appended their rows
(warehouse.runs.AppendedRows), without scanning the tables for them; when the rows were renumbered since, or
the scope holds other studies, the copies come from a scan: either way they hold exactly the scope's rows."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from checks import check_scope, scoped_tables
from flows import check_studies
from flows.run import run_pipeline
from tests.checks import harness
from warehouse.connect import connect
from warehouse.runs import AppendedRows
from warehouse.tables import STUDY_TABLES

STUDY = Path(__file__).parent.parent / "fixtures" / "multi_source" / "NCT04916756.json"
AS_OF = date(2026, 11, 22)


@pytest.fixture
def scans(monkeypatch):
    """How many times the copies' spans were searched for by a scan of the tables."""
    searched = []
    spans = scoped_tables._spans

    def spy(con):
        searched.append(1)
        return spans(con)
    monkeypatch.setattr(scoped_tables, "_spans", spy)
    return searched


def _appended(con, nct_ids: list[str]) -> AppendedRows:
    """The studies inserted as a run's loading would, their rows counted as it counts them."""
    appended = AppendedRows()
    appended.mark(con)
    harness.insert_studies(con, {nct: harness.clean_study() for nct in nct_ids})
    rows = {table: con.execute(f"SELECT count(*) FROM {table} WHERE nct_id IN (SELECT unnest(?))",
                               [nct_ids]).fetchone()[0] for table in STUDY_TABLES}
    appended.add(nct_ids, rows)
    return appended


def _copies_hold_the_scope(con, scope: list[str], appended: AppendedRows | None) -> None:
    check_scope.set_scope(con, scope, harness.AS_OF)
    with scoped_tables.scoped_tables(con, True, appended):
        for table in STUDY_TABLES:
            copied = con.execute(f"SELECT * FROM temp.{table} ORDER BY ALL").fetchall()
            kept = con.execute(f"SELECT * FROM main.{table} WHERE nct_id IN (SELECT unnest(?)) ORDER BY ALL",
                               [scope]).fetchall()
            assert copied == kept, table


def test_the_studies_a_run_appended_are_copied_without_a_scan(tmp_path, scans):
    con = harness.warehouse_with(tmp_path, {f"NCT0200000{i}": harness.clean_study() for i in range(1, 9)})
    appended = _appended(con, ["NCT02000009", "NCT02000010"])
    assert appended.covers(frozenset(["NCT02000009", "NCT02000010"]))
    _copies_hold_the_scope(con, ["NCT02000009", "NCT02000010"], appended)
    assert scans == []


def test_copies_that_miss_rows_are_made_again_from_a_scan(tmp_path, scans):
    con = harness.warehouse_with(tmp_path, {f"NCT0200000{i}": harness.clean_study() for i in range(1, 9)})
    appended = _appended(con, ["NCT02000009"])
    appended.after = {table: last + 1000 for table, last in appended.after.items()}  # as if renumbered below it
    _copies_hold_the_scope(con, ["NCT02000009"], appended)
    assert scans == [1]


def test_rows_renumbered_by_a_checkpoint_are_still_all_copied(tmp_path, scans):
    con = harness.warehouse_with(tmp_path, {f"NCT0200000{i}": harness.clean_study() for i in range(1, 9)})
    # Rows enough for several row groups, nearly all deleted before a checkpoint: it compacts the table and
    # gives the rows after them lower ids.
    con.execute("INSERT INTO countries (nct_id, name, removed) SELECT 'NCT01999999', 'Filler ' || range, false "
                "FROM range(300000)")
    con.execute("CHECKPOINT")
    appended = _appended(con, ["NCT02000009"])
    before = con.execute("SELECT min(rowid) FROM countries WHERE nct_id = 'NCT02000009'").fetchone()[0]
    con.execute("DELETE FROM countries WHERE nct_id = 'NCT01999999'")
    con.execute("CHECKPOINT")
    after = con.execute("SELECT min(rowid) FROM countries WHERE nct_id = 'NCT02000009'").fetchone()[0]
    assert after < before <= appended.after["countries"] + 1  # renumbered below the mark
    _copies_hold_the_scope(con, ["NCT02000009"], appended)
    assert scans == [1]


def test_the_record_applies_to_exactly_the_studies_appended_each_once():
    appended = AppendedRows(after={table: -1 for table in STUDY_TABLES})
    appended.add(["NCT1", "NCT2"], {"studies": 2})
    assert appended.covers({"NCT1", "NCT2"})
    assert not appended.covers({"NCT1"}) and not appended.covers({"NCT1", "NCT2", "NCT3"})
    appended.add(["NCT2"], {"studies": 1})  # reloaded: its first rows were deleted, the counts say too much
    assert not appended.exact and not appended.covers({"NCT1", "NCT2"})
    assert not AppendedRows().covers(set())


def _corpus(folder: Path, count: int, changed: dict[int, str] | None = None) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        record = json.loads(STUDY.read_text())
        nct_id = f"NCT0491{i:04d}"
        record["protocolSection"]["identificationModule"]["nctId"] = nct_id
        if changed and i in changed:
            record["protocolSection"]["identificationModule"]["briefTitle"] = changed[i]
            record["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2026-10-01"
            record["protocolSection"]["statusModule"]["overallStatus"] = "RECRUITING"
        (folder / f"{nct_id}.json").write_text(json.dumps(record))
    return folder


def _issues(con) -> list:
    return con.execute("SELECT nct_id, rule_id, severity, fields, message, evidence FROM quality_issues "
                       "ORDER BY ALL").fetchall()


def test_a_run_that_changed_a_few_studies_checks_them_without_a_scan_and_as_a_whole_check_does(tmp_path, scans):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    run_pipeline(con, run_id="r1", source=_corpus(tmp_path / "first", 12), db_path=db, as_of=AS_OF, workers=1)
    changed = _corpus(tmp_path / "second", 12, {3: "", 7: "A later title"})
    result = run_pipeline(con, run_id="r2", source=changed, db_path=db, as_of=AS_OF, workers=1)
    assert result.studies_loaded == 2 and scans == []
    incremental = _issues(con)
    # the changed studies' new status fires rules the first versions did not
    assert {r[0] for r in incremental if r[1] == "status.open_status_actual_primary_completion"} == \
        {"NCT04910003", "NCT04910007"}
    check_studies.check_studies(con, "r3", AS_OF, recheck_all=True, workers=1)
    assert _issues(con) == incremental
    con.close()
