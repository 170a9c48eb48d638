"""Kill a run at a chosen point (SIGKILL from inside, so the point is exact) and compare warehouses.

As a script: python -m tests.faults DB SOURCE POINT N   (POINT: load-mid, load-after, check-mid)
kills the process inside the Nth load transaction, after the Nth committed batch, or inside the
Nth check chunk's transaction.
"""
from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb

AS_OF = date(2026, 11, 22)
BATCH_SIZE = 4
CHECK_CHUNK = 5


def table_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """A content hash of every study table and of quality_issues (run ids left out), order-free."""
    from warehouse.tables import STUDY_TABLES

    out = {}
    for table in (*STUDY_TABLES, "quality_issues"):
        exclude = " EXCLUDE (run_id)" if table == "quality_issues" else ""
        out[table] = con.execute(
            f"SELECT count(*) || ':' || coalesce(md5(string_agg(r::VARCHAR, '|' ORDER BY r::VARCHAR)), '') "
            f"FROM (SELECT *{exclude} FROM {table}) r").fetchone()[0]
    return out


def meta_agrees(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What in `meta` disagrees with the tables after a killed first run (empty: all agrees)."""
    problems = []
    runs = con.execute("SELECT files_seen, loaded, rejected, skipped, studies_loaded FROM meta.load_runs").fetchall()
    files_seen, loaded, rejected, skipped, studies_loaded = (sum(r[i] or 0 for r in runs) for i in range(5))
    if files_seen != loaded + rejected + skipped:
        problems.append(f"files_seen {files_seen} != {loaded} + {rejected} + {skipped}")
    recorded = con.execute("SELECT count(*) FROM meta.source_files WHERE outcome = 'loaded'").fetchone()[0]
    if recorded != loaded:
        problems.append(f"loaded {loaded} != {recorded} loaded files recorded")
    versions = con.execute("SELECT count(*) FROM meta.source_records").fetchone()[0]
    if versions != studies_loaded:
        problems.append(f"studies_loaded {studies_loaded} != {versions} versions recorded")
    current = con.execute("SELECT count(DISTINCT nct_id) FROM meta.source_records WHERE is_current").fetchone()[0]
    studies = con.execute("SELECT count(*) FROM studies").fetchone()[0]
    if current != studies:
        problems.append(f"{studies} studies but {current} current versions")
    orphans = con.execute("""SELECT count(*) FROM meta.source_records r
                             WHERE NOT EXISTS (SELECT 1 FROM meta.source_files f WHERE f.sha256 = r.sha256)""").fetchone()[0]
    if orphans:
        problems.append(f"{orphans} versions without their file")
    return problems


def _die_in(module, name: str, nth: int, after_commit: bool = False) -> None:
    """Replace module.transaction so the process dies inside (or just after) its nth transaction."""
    original, calls = getattr(module, name), {"n": 0}

    @contextmanager
    def dying(con):
        calls["n"] += 1
        with original(con):
            yield con
            if calls["n"] == nth and not after_commit:
                os.kill(os.getpid(), signal.SIGKILL)
        if calls["n"] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
    setattr(module, name, dying)


def killed_run(db: Path, source: Path, point: str, nth: int) -> None:
    """Run into `db` and die at the given point."""
    import checks.engine
    import checks.issue_rows
    import warehouse.load
    from flows.run import run_pipeline
    from warehouse.connect import connect

    if point == "check-mid":
        _die_in(checks.issue_rows, "transaction", nth)
    else:
        _die_in(warehouse.load, "transaction", nth, after_commit=point == "load-after")
    checks.engine.CHUNK_SIZE = CHECK_CHUNK
    con = connect(db)
    run_pipeline(con, run_id="killed", source=source, db_path=db, as_of=AS_OF, batch_size=BATCH_SIZE, workers=2)
    con.close()
    sys.exit(3)  # the kill point was never reached


if __name__ == "__main__":
    killed_run(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
