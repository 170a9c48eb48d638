"""A run's record in meta.load_runs, and the studies still waiting for their quality check.

A run's counts grow inside each batch's transaction (warehouse.load.load_batch), so a run that
was killed still tells exactly what it committed. Only one process writes a DuckDB file at a
time, so a run still marked `running` when the next one starts was interrupted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import duckdb

from warehouse.connect import transaction
from warehouse.literals import literal, values_table
from warehouse.tables import STUDY_TABLES

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from flows.unchanged_files import Columns

# The statements a run that reads no file makes carry their values as literals (warehouse/literals.py):
# binding a parameter would import pandas, numpy and pyarrow.

COUNTS = ("files_seen", "loaded", "rejected", "skipped", "studies_loaded")

# Studies an AppendedRows follows at most: a check of more is either of most of the warehouse or chunked, and
# reads the tables themselves (the set is not kept for a first run of the whole registry).
APPENDED_STUDIES = 20_000


@dataclass
class AppendedRows:
    """Where a run's loading put the rows of the studies it (re)loaded, so that a check of exactly those studies
    finds them without scanning the tables (`checks.scoped_tables`).

    A table's appended rows take row ids after the greatest one it held before the run's first append
    (`after`, -1 when empty): rows are only ever appended, and a deleted row keeps its id until a checkpoint
    compacts the table, which may renumber every row after it. So the ids are a hint that is checked, not
    trusted: a copy of the span holding fewer rows of the studies than `rows` says the run appended is made
    again from a scan. `exact` is False when the counts may say more than the tables hold (a study reloaded
    twice in the run, its first rows deleted) or the studies were too many to follow."""

    after: dict[str, int] | None = None
    rows: dict[str, int] = field(default_factory=dict)
    studies: set[str] = field(default_factory=set)
    exact: bool = True

    def mark(self, con: duckdb.DuckDBPyConnection) -> None:
        """Before the run's first append: each study table's greatest row id (one statement for all)."""
        if self.after is not None:
            return
        rows = con.execute(" UNION ALL ".join(f"SELECT {number} AS k, max(rowid) FROM main.{table}"
                                              for number, table in enumerate(STUDY_TABLES))).fetchall()
        self.after = {STUDY_TABLES[number]: -1 if last is None else int(last) for number, last in rows}

    def add(self, nct_ids: list[str], rows: dict[str, int]) -> None:
        """The studies a batch (re)loaded and the rows it appended to each table."""
        if not self.exact:
            return
        if not self.studies.isdisjoint(nct_ids) or len(self.studies) + len(nct_ids) > APPENDED_STUDIES:
            self.exact, self.studies, self.rows = False, set(), {}
            return
        self.studies.update(nct_ids)
        for table, count in rows.items():
            self.rows[table] = self.rows.get(table, 0) + count

    def covers(self, nct_ids: frozenset[str] | set[str]) -> bool:
        """Whether these are exactly the studies the run appended, each once: the hint then applies."""
        return self.exact and self.after is not None and len(nct_ids) == len(self.studies) \
            and self.studies.issuperset(nct_ids)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, as_of, source: str) -> list[str]:
    """Record a run as started (counts 0); returns the ids of earlier runs now marked `interrupted`."""
    stale = [r[0] for r in con.execute(
        "SELECT run_id FROM meta.load_runs WHERE status = 'running' ORDER BY started_at").fetchall()]
    if stale:
        con.execute("UPDATE meta.load_runs SET status = 'interrupted' WHERE status = 'running'")
    values = ", ".join(map(literal, (run_id, datetime.now(), as_of, source)))
    con.execute(
        "INSERT INTO meta.load_runs (run_id, started_at, as_of, source, status, files_seen, loaded, rejected,"
        f" skipped, studies_loaded) VALUES ({values}, 'running', 0, 0, 0, 0, 0)")
    return stale


def add_counts(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, int]) -> None:
    """Add one batch's counts to its run (called inside the batch's transaction)."""
    sets = ", ".join(f"{name} = coalesce({name}, 0) + {literal(int(counts.get(name, 0)))}" for name in COUNTS)
    con.execute(f"UPDATE meta.load_runs SET {sets} WHERE run_id = {literal(run_id)}")


def run_counts(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """The counts a run has committed so far."""
    row = con.execute(f"SELECT {', '.join(COUNTS)} FROM meta.load_runs WHERE run_id = {literal(run_id)}").fetchone()
    return {name: int(value or 0) for name, value in zip(COUNTS, row or (0,) * len(COUNTS))}


def see_unchanged(con: duckdb.DuckDBPyConnection, run_id: str, files: "Columns") -> None:
    """Record files recorded unchanged (path, sha256) as seen by the run, and count them skipped, in one
    transaction: all that loading a batch of only such files does (warehouse.load.load_batch), without
    building the batch."""
    with transaction(con):
        see_files(con, run_id, files)
        add_counts(con, run_id, {"files_seen": files.num_rows, "skipped": files.num_rows})


def see_files(con: duckdb.DuckDBPyConnection, run_id: str, files: "pa.Table | Columns | None") -> None:
    """Files recorded unchanged (path, sha256) were seen by the run: their rows keep everything else,
    outcome included. Inside the caller's transaction."""
    if files is None or not files.num_rows:
        return
    # (a pyarrow table and Columns alike give their columns' values by `to_pylist`)
    with values_table({"path": files.column("path").to_pylist(), "sha256": files.column("sha256").to_pylist()},
                      {}) as values:
        con.execute(f"UPDATE meta.source_files f SET last_seen_run = {literal(run_id)} FROM {values} s "
                    "WHERE f.sha256 = s.sha256 AND f.path = s.path")


def nothing_loaded_since(con: duckdb.DuckDBPyConnection, run_id: str) -> str | None:
    """The run before this one, when this one skipped every file it saw (it loaded and rejected nothing): the
    study tables, source records and rejects are then as that run published them; else None."""
    row = con.execute(f"""SELECT (SELECT run_id FROM meta.load_runs WHERE started_at < r.started_at
                                 ORDER BY started_at DESC LIMIT 1)
                         FROM meta.load_runs r WHERE run_id = {literal(run_id)} AND files_seen = skipped""").fetchone()
    return row[0] if row else None


def issues_written(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    """Whether the run's check wrote any quality issue."""
    return con.execute(f"SELECT count(*) FROM quality_issues WHERE run_id = {literal(run_id)}").fetchone()[0] > 0


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str) -> None:
    """Record a run's final status: completed, interrupted or failed."""
    con.execute(f"UPDATE meta.load_runs SET finished_at = {literal(datetime.now())}, status = {literal(status)} "
                f"WHERE run_id = {literal(run_id)}")


def mark_unchecked(con: duckdb.DuckDBPyConnection, run_id: str, nct_ids: list[str]) -> None:
    """Queue studies for the check (inside the batch's transaction that loaded them)."""
    if nct_ids:
        con.execute("INSERT INTO meta.unchecked_studies SELECT DISTINCT unnest(?), ? ON CONFLICT DO NOTHING",
                    [nct_ids, run_id])


def unchecked(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every study loaded and not yet checked, by this run or an interrupted one."""
    return [r[0] for r in con.execute("SELECT nct_id FROM meta.unchecked_studies ORDER BY nct_id").fetchall()]


def unchecked_count(con: duckdb.DuckDBPyConnection) -> int:
    """How many studies wait for their check."""
    return con.execute("SELECT count(*) FROM meta.unchecked_studies").fetchone()[0]


def unchanged_files(con: duckdb.DuckDBPyConnection, files: "Columns") -> "Columns":
    """(row, path, sha256) of the files (path, size, mtime in microseconds since 1970) recorded before with the
    same path, size and modification time, `row` indexing `files`, in ascending order: one join for all of them.

    A path recorded with two contents at the same size and mtime: the greater sha256 stands."""
    from flows.unchanged_files import Columns

    paths = files.column("path")
    if not paths:
        return Columns({"row": [], "path": [], "sha256": []})
    best: dict[int, str] = {}
    with values_table({"path": paths}, {"row": range(len(paths)), "size": files.column("size"),
                                        "mtime": files.column("mtime")}) as values:
        found = con.execute(f"""SELECT s.row, f.sha256
                                FROM (SELECT row, path, size, make_timestamp(mtime) AS mtime FROM {values}) s
                                JOIN meta.source_files f ON f.path = s.path AND f.size = s.size AND f.mtime = s.mtime
                             """).fetchall()
    for row, sha in found:
        if row not in best or sha > best[row]:
            best[row] = sha
    rows = sorted(best)
    return Columns({"row": rows, "path": [paths[row] for row in rows], "sha256": [best[row] for row in rows]})


def known_hashes(con: duckdb.DuckDBPyConnection, shas: list[str]) -> set[str]:
    """The given sha256s that an earlier run recorded."""
    if not shas:
        return set()
    # A join against the batch's hashes: testing each recorded file against the whole list
    # (list_contains) cost seconds per batch once the warehouse held 100,000 files.
    import pyarrow as pa

    con.register("_sha_in", pa.table({"sha256": pa.array(shas, pa.string())}))
    try:
        rows = con.execute("SELECT DISTINCT sha256 FROM meta.source_files "
                           "WHERE sha256 IN (SELECT sha256 FROM _sha_in)").fetchall()
    finally:
        con.unregister("_sha_in")
    return {r[0] for r in rows}


def recorded_prefixes(con: duckdb.DuckDBPyConnection) -> "np.ndarray":
    """The first 64 bits of every sha256 recorded, sorted: a compact stand-in for the known hashes, which
    may match more than they (never less) and so is only a first guess, checked before loading."""
    import numpy as np

    rows = con.execute("SELECT DISTINCT ('0x' || sha256[1:16])::UBIGINT AS prefix FROM meta.source_files "
                       "WHERE length(sha256) = 64 ORDER BY prefix").fetchnumpy()
    return np.asarray(rows["prefix"], dtype=np.uint64)
