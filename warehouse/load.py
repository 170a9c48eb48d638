"""Load one validated batch: one Arrow insert per table, all in one transaction.

One study, many sources: every version goes to meta.source_records; `studies` and its
child tables hold the current version, chosen by the latest last_update_posted_date,
then by source precedence (json_v2, xml, text layouts), then by the newest file, then
by sha256, so the result never depends on the order files arrive in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from schemas.enums import LAYOUT_PRECEDENCE
from warehouse import runs
from warehouse.checkpoints import checkpoint_due
from warehouse.connect import one_thread, transaction
from warehouse.memory_limit import deleting_from
from warehouse.tables import STUDY_TABLES

if TYPE_CHECKING:
    from flows.unchanged_files import Columns

VERSION_COLUMNS = (
    "overall_status", "phase", "study_type", "enrollment", "enrollment_type", "start_date",
    "start_date_precision", "primary_completion_date", "primary_completion_date_precision",
    "completion_date", "completion_date_precision", "brief_title", "last_update_posted_date",
    "snapshot_date",
)


@dataclass
class LoadBatch:
    """Everything one batch writes: files, study versions, valid rows, rejects."""

    run_id: str
    files: pd.DataFrame  # sha256, path, size, mtime, layout, nct_id, study_count, outcome
    versions: pd.DataFrame  # one row per accepted record: position, nct_id, sha256, path, layout, VERSION_COLUMNS
    # study tables: a DataFrame's index is the record position; an Arrow table's are in `positions`
    frames: dict[str, pd.DataFrame | pa.Table]
    rejects: pd.DataFrame | pa.Table  # run_id, sha256, path, nct_id, stage, reason, detail
    # Other meta tables this batch appends to ("meta.<table>" -> rows), written in the same transaction.
    meta_rows: dict[str, pd.DataFrame | pa.Table] = field(default_factory=dict)
    # Files recorded unchanged by an earlier run (path, sha256): skipped, not in `files`. A pyarrow table, or
    # the Columns the run's process holds them in (flows/unchanged_files.py).
    skipped: pa.Table | Columns | None = None
    # The record position of each row of an Arrow study table (`in_arrow`).
    positions: dict[str, np.ndarray] = field(default_factory=dict)


def _arrow(frame: pd.DataFrame) -> pa.Table:
    # One thread: pyarrow would start a thread pool per frame, and a process waits for threads
    # scheduled behind the busy workers (the conversion itself takes milliseconds).
    return pa.Table.from_pandas(frame, preserve_index=False, nthreads=1)


def in_arrow(batch: LoadBatch) -> LoadBatch:
    """The batch with its study, reject and meta tables converted to Arrow as `_insert` would convert them.

    A worker process calls this on the batch it prepared, so the loading process (the run's bottleneck)
    inserts the tables as they come instead of converting some 250 frames per run itself."""
    frames = {}  # new dicts: the validated batch the frames came from keeps its own
    for table, frame in batch.frames.items():
        if isinstance(frame, pd.DataFrame):
            batch.positions[table] = frame.index.to_numpy()
            frame = _arrow(frame)
        frames[table] = frame
    batch.frames = frames
    if isinstance(batch.rejects, pd.DataFrame):
        batch.rejects = _arrow(batch.rejects)
    batch.meta_rows = {table: _arrow(rows) if isinstance(rows, pd.DataFrame) else rows
                       for table, rows in batch.meta_rows.items()}
    return batch


@dataclass
class LoadResult:
    """What a batch changed."""

    versions: int = 0
    studies_replaced: list[str] = field(default_factory=list)


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame | pa.Table,
            statement: str | None = None) -> None:
    """The frame's rows into the table; `statement` writes them from `_batch_in` when plain inserting does not."""
    if isinstance(frame, pa.Table):
        if not frame.num_rows:
            return
        arrow = frame
    elif frame.empty:
        return
    else:
        arrow = _arrow(frame)
    con.register("_batch_in", arrow)
    try:
        con.execute(statement or f"INSERT INTO {table} BY NAME SELECT * FROM _batch_in")
    finally:
        con.unregister("_batch_in")


def _merge(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame | pa.Table, key: tuple[str, ...],
           update: str) -> None:
    """The frame's rows into a table without a primary key (DDL 190): a row whose key the table holds updates it
    (`update`: SET assignments over the table's row `t` and the batch's `b`), the others are inserted. The frame
    holds each key once."""
    on = " AND ".join(f"t.{column} = b.{column}" for column in key)
    _insert(con, table, frame, f"""
        MERGE INTO {table} t USING _batch_in b ON {on}
        WHEN MATCHED THEN UPDATE SET {update}
        WHEN NOT MATCHED THEN INSERT BY NAME""")


def _upsert_files(con: duckdb.DuckDBPyConnection, run_id: str, files: pd.DataFrame) -> None:
    files = files[files["sha256"] != ""].drop_duplicates(["sha256", "path"], keep="last").copy()
    files["first_seen_run"] = run_id
    files["last_seen_run"] = run_id
    _merge(con, "meta.source_files", files, ("sha256", "path"), """last_seen_run = b.last_seen_run,
        outcome = CASE WHEN b.outcome = 'skipped' THEN t.outcome ELSE b.outcome END""")


def _winners(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The current version (sha256) of each study touched by the batch."""
    precedence = pa.table({"layout": list(LAYOUT_PRECEDENCE), "rank": list(LAYOUT_PRECEDENCE.values())})
    con.register("_precedence", precedence)
    # Only the versions of the batch's studies, and only their files' times: never the whole registry.
    rows = con.execute("""
        WITH touched AS (SELECT r.nct_id, r.sha256, r.layout, r.last_update_posted_date
                         FROM meta.source_records r WHERE r.nct_id IN (SELECT nct_id FROM _versions_in)),
        file_time AS (SELECT sha256, max(mtime) AS mtime FROM meta.source_files
                      WHERE sha256 IN (SELECT sha256 FROM touched) GROUP BY sha256)
        SELECT nct_id, sha256 FROM (
            SELECT r.nct_id, r.sha256, row_number() OVER (
                PARTITION BY r.nct_id
                ORDER BY r.last_update_posted_date DESC NULLS LAST, p.rank DESC,
                         f.mtime DESC NULLS LAST, r.sha256 DESC) AS n
            FROM touched r
            JOIN _precedence p USING (layout)
            LEFT JOIN file_time f USING (sha256)
        ) WHERE n = 1""").fetchall()
    con.unregister("_precedence")
    return dict(rows)


def _replace_studies(con: duckdb.DuckDBPyConnection, batch: LoadBatch, winners: dict[str, str],
                     known: set[str], appended: runs.AppendedRows | None = None) -> list[str]:
    """Swap in the rows of every study whose current version arrived in this batch (noted in `appended`).

    Only studies `known` to the warehouse before the batch can have rows to delete; a batch of new
    studies deletes nothing, so its cost does not grow with the warehouse.
    """
    v = batch.versions
    new = v[[winners.get(n) == s for n, s in zip(v["nct_id"].tolist(), v["sha256"].tolist())]]
    new = new.drop_duplicates("nct_id")
    if new.empty:
        return []
    stale = [n for n in new["nct_id"].tolist() if n in known]
    if appended is not None:
        appended.mark(con)
    if stale:
        deleting_from(con, STUDY_TABLES)  # the records of the rows deleted are held from here on
        con.register("_replaced", pa.table({"nct_id": stale}))
    keep = new["position"].to_numpy()
    rows = {}
    try:
        for table in STUDY_TABLES:
            if stale:
                con.execute(f"DELETE FROM {table} WHERE nct_id IN (SELECT nct_id FROM _replaced)")
            frame = batch.frames.get(table)
            if frame is not None:
                kept = _rows_of(frame, keep, batch.positions.get(table))
                rows[table] = len(kept)
                _insert(con, table, kept)
    finally:
        if stale:
            con.unregister("_replaced")
    replaced = new["nct_id"].tolist()
    if appended is not None:
        appended.add(replaced, rows)
    return replaced


def _rows_of(frame: pd.DataFrame | pa.Table, positions: np.ndarray, at: np.ndarray | None = None
             ) -> pd.DataFrame | pa.Table:
    """The frame's rows of the records at `positions` (an Arrow table's rows are at the record positions
    `at`); the frame itself when that is all of them (a batch of new studies), as filtering copies every column."""
    rows = np.asarray(frame.index.to_numpy() if at is None else at, dtype=np.int64)
    # Positions are record numbers within one batch: a lookup table is cheaper than isin's sort.
    wanted = np.zeros(max(int(positions.max(initial=-1)), int(rows.max(initial=-1))) + 1, dtype=bool)
    wanted[positions] = True
    keep = wanted[rows]
    if keep.all():
        return frame
    return frame[keep] if at is None else frame.filter(pa.array(keep))


def _known_studies(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The batch's studies that the warehouse already holds rows or versions of."""
    rows = con.execute("""SELECT nct_id FROM meta.source_records WHERE nct_id IN (SELECT nct_id FROM _versions_in)
                          UNION SELECT nct_id FROM studies WHERE nct_id IN (SELECT nct_id FROM _versions_in)""")
    return {r[0] for r in rows.fetchall()}


def batch_counts(batch: LoadBatch) -> dict[str, int]:
    """The run counters one batch adds: files by outcome, studies loaded."""
    outcomes = batch.files["outcome"].value_counts().to_dict() if not batch.files.empty else {}
    counts = {name: int(outcomes.get(name, 0)) for name in ("loaded", "rejected", "skipped")}
    unchanged = batch.skipped.num_rows if batch.skipped is not None else 0
    counts["skipped"] += unchanged
    return {**counts, "files_seen": len(batch.files) + unchanged, "studies_loaded": len(batch.versions)}


def load_batch(con: duckdb.DuckDBPyConnection, batch: LoadBatch,
               appended: runs.AppendedRows | None = None) -> LoadResult:
    """Write the batch, its run counts and its check queue in one transaction: all of it or nothing.

    `appended`: the run's record of the rows it appended, updated by the batch (see runs.AppendedRows); a batch
    that rolls back ends the run, and the record with it."""
    result = LoadResult(versions=len(batch.versions))
    with one_thread(con):
        with transaction(con):
            _upsert_files(con, batch.run_id, batch.files)
            runs.see_files(con, batch.run_id, batch.skipped)
            if not batch.versions.empty:
                result.studies_replaced = _load_versions(con, batch, appended)
            _insert(con, "meta.rejects", batch.rejects)
            for table, frame in batch.meta_rows.items():
                _insert(con, table, frame)
            runs.add_counts(con, batch.run_id, batch_counts(batch))
            runs.mark_unchecked(con, batch.run_id, sorted(set(batch.versions["nct_id"].tolist())))
        checkpoint_due(con)  # the log of a few batches into the file, with room (not DuckDB's, at the COMMIT)
    return result


def _load_versions(con: duckdb.DuckDBPyConnection, batch: LoadBatch,
                   appended: runs.AppendedRows | None = None) -> list[str]:
    """Record every version, mark superseded ones, and swap in the studies whose current version arrived."""
    versions = batch.versions.drop(columns=["position"]).assign(loaded_run=batch.run_id)
    con.register("_versions_in", pa.Table.from_pandas(versions[["nct_id", "sha256", "path"]],
                                                      preserve_index=False, nthreads=1))
    try:
        known = _known_studies(con)
        _merge(con, "meta.source_records", versions, ("nct_id", "sha256"),
               "path = b.path, loaded_run = b.loaded_run")
        con.execute("""UPDATE meta.source_records r SET superseded = true FROM _versions_in v
                       WHERE r.nct_id = v.nct_id AND r.path = v.path AND r.sha256 <> v.sha256""")
        winners = _winners(con)
        replaced = _replace_studies(con, batch, winners, known, appended)
        con.register("_current", pa.table({"nct_id": list(winners), "sha256": list(winners.values())}))
        con.execute("""UPDATE meta.source_records r SET is_current = (r.sha256 = c.sha256)
                       FROM _current c WHERE r.nct_id = c.nct_id""")
        con.unregister("_current")
    finally:
        con.unregister("_versions_in")
    return replaced
