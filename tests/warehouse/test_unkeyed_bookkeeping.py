"""The bookkeeping tables without primary keys (DDL 190): an upgrade keeps their rows, and runs still write
each key once."""
from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from tests.warehouse.older_ddl import warehouse_with_ddl
from warehouse.connect import migrate
from warehouse.issue_history import record_issue_history

UNKEYED = {"source_files": ("sha256", "path"), "source_records": ("nct_id", "sha256"),
           "quality_issue_history": ("issue_key", "first_seen_run")}


def _rows(con, table):
    return con.execute(f"SELECT * FROM meta.{table} ORDER BY ALL").fetchall()


def test_an_upgrade_keeps_the_rows_and_drops_only_the_keys(tmp_path):
    con = warehouse_with_ddl(tmp_path / "old.duckdb", lambda name: name != "190_bookkeeping_without_keys.sql")
    con.execute("INSERT INTO meta.source_files VALUES ('abc', '/in/a.json', 10, TIMESTAMP '2026-01-02 03:04:05', "
                "'ctgov_json_v2', 'NCT01234567', 1, 'r1', 'r2', 'loaded'), ('def', '/in/b.json', 5, NULL, "
                "'ctgov_json_v2', NULL, 0, 'r1', 'r1', 'rejected')")
    con.execute("INSERT INTO meta.source_records (nct_id, sha256, path, layout, loaded_run, is_current, superseded) "
                "VALUES ('NCT01234567', 'abc', '/in/a.json', 'ctgov_json_v2', 'r1', true, false)")
    con.execute("INSERT INTO meta.quality_issue_history VALUES ('k1', 'NCT01234567', 'dates.order', 'dates', "
                "'error', ['start_date'], 'm', 'e', 'r1', TIMESTAMP '2026-01-02', 'r2', TIMESTAMP '2026-01-03', "
                "NULL, NULL)")
    before = {table: _rows(con, table) for table in UNKEYED}
    assert migrate(con) == ["190_bookkeeping_without_keys.sql"]  # (later files forget registry files)
    assert {table: _rows(con, table) for table in UNKEYED} == before
    keys = con.execute("SELECT table_name FROM duckdb_constraints() WHERE schema_name = 'meta' "
                       "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')").fetchall()
    assert not {name for (name,) in keys} & set(UNKEYED)
    assert con.execute("SELECT column_default FROM information_schema.columns WHERE table_schema = 'meta' "
                       "AND table_name = 'source_records' AND column_name = 'superseded'").fetchone()[0] is not None
    for table, key in UNKEYED.items():  # the key's columns still refuse NULL
        with pytest.raises(duckdb.ConstraintException):
            con.execute(f"INSERT INTO meta.{table} BY NAME SELECT * REPLACE (NULL AS {key[1]}) FROM meta.{table}")


def test_runs_write_each_key_once(run, samples):
    """With their issue histories: a changed file, the same content at a second path, a file touched, a file
    read again after an upgrade, and a run with nothing new: one row per key, and a file or version seen again is
    updated where it was (its run; not its outcome when skipped)."""
    def checked_run():
        result = run(samples)
        record_issue_history(run.con, result.run_id)
        return result

    first = checked_run()
    page = samples / "000_3bb08d04cc95d761.txt"
    page.write_text(page.read_text().replace("11 participants", "13 participants"))
    shutil.copy(samples / "001_3143f20ed8084c17.txt", samples / "copy_of_001.txt")
    os.utime(samples / "004_cc5ae6cfa278e423.txt", (10**9, 10**9))  # read again, found unchanged
    # an upgrade that forgets the files giving a new column reads them again (DDL 118)
    run.con.execute("DELETE FROM meta.source_files WHERE path LIKE '%002_b7a755ece41020a0.txt'")
    second = checked_run()
    last = checked_run()
    con = run.con
    for table, key in UNKEYED.items():
        columns = ", ".join(key)
        total, distinct = con.execute(f"SELECT count(*), count(DISTINCT ({columns})) FROM meta.{table}").fetchone()
        assert total == distinct > 0, table
    seen = con.execute("SELECT last_seen_run, outcome, first_seen_run FROM meta.source_files "
                       "WHERE path LIKE '%004_cc5ae6cfa278e423.txt'").fetchall()
    assert seen == [(last.run_id, "loaded", first.run_id)]
    assert con.execute("SELECT count(*) FROM meta.source_records WHERE path LIKE '%000_3bb08d04cc95d761.txt'"
                       ).fetchone()[0] == 2
    assert con.execute("SELECT loaded_run FROM meta.source_records WHERE path LIKE '%002_b7a755ece41020a0.txt'"
                       ).fetchall() == [(second.run_id,)]
