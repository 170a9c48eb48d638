"""What the extract stage writes to the warehouse: pulls with their counts, cursors, departures."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pyarrow as pa

from flows.extract.pull_state import PullState
from warehouse.connect import transaction


def cursor_since(con: duckdb.DuckDBPyConnection, search_key: str) -> date | None:
    """The date the next incremental pull of this search starts from (None: never pulled completely)."""
    row = con.execute("SELECT since FROM meta.pull_cursors WHERE search_key = ?", [search_key]).fetchone()
    return row[0] if row else None


def record_pull(con: duckdb.DuckDBPyConnection, state: PullState, landing: str, status: str,
                reason: str | None = None, finished: bool = True) -> None:
    """Insert or update the pull's row in meta.registry_pulls with its counts and status."""
    con.execute("""
        INSERT INTO meta.registry_pulls (pull_id, search_key, mode, since, landing_path, started_at, finished_at,
            data_timestamp, total_count, studies_received, pages, status, reason)
        VALUES ($id, $key, $mode, $since, $landing, $started, $finished, $ts, $total, $received, $pages,
                $status, $reason)
        ON CONFLICT (pull_id) DO UPDATE SET finished_at = excluded.finished_at, total_count = excluded.total_count,
            studies_received = excluded.studies_received, pages = excluded.pages, status = excluded.status,
            reason = excluded.reason, data_timestamp = excluded.data_timestamp,
            landing_path = excluded.landing_path""",
        {"id": state.pull_id, "key": state.search_key, "mode": state.mode, "since": state.since,
         "landing": landing, "started": state.started_at, "finished": datetime.now() if finished else None,
         "ts": state.data_timestamp, "total": state.total_count, "received": state.studies, "pages": state.pages,
         "status": status, "reason": reason})


def advance_cursor(con: duckdb.DuckDBPyConnection, state: PullState, since: date) -> None:
    """After a complete pull, its search's next incremental pull starts from `since`."""
    con.execute("""INSERT INTO meta.pull_cursors VALUES (?, ?, ?, ?)
                   ON CONFLICT (search_key) DO UPDATE SET since = excluded.since, pull_id = excluded.pull_id,
                   updated_at = excluded.updated_at""", [state.search_key, since, state.pull_id, datetime.now()])


@dataclass(frozen=True)
class Departures:
    """What one full id list changed: studies newly missing, still missing, and back in the registry."""

    new: list[str]
    still: list[str]
    returned: list[str]


def mark_departures(con: duckdb.DuckDBPyConnection, pull_id: str, registry_ids: set[str]) -> Departures:
    """Mark warehouse studies absent from the registry's full id list; unmark those that came back."""
    con.register("_registry_ids", pa.table({"nct_id": sorted(registry_ids)}))
    try:
        missing = {r[0] for r in con.execute(
            "SELECT nct_id FROM studies WHERE nct_id NOT IN (SELECT nct_id FROM _registry_ids)").fetchall()}
        open_rows = {r[0] for r in con.execute(
            "SELECT nct_id FROM meta.registry_departures WHERE returned_at IS NULL").fetchall()}
        now, count = datetime.now(), len(registry_ids)
        with transaction(con):
            _write_departures(con, pull_id, sorted(missing), sorted(open_rows - missing), now, count)
    finally:
        con.unregister("_registry_ids")
    return Departures(sorted(missing - open_rows), sorted(missing & open_rows), sorted(open_rows - missing))


def _write_departures(con: duckdb.DuckDBPyConnection, pull_id: str, missing: list[str], returned: list[str],
                      now: datetime, count: int) -> None:
    """Upsert the missing studies (a study back from the registry starts a new absence); unmark returns."""
    for nct_id in sorted(missing):
        con.execute("""INSERT INTO meta.registry_departures VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)
            ON CONFLICT (nct_id) DO UPDATE SET last_missing_pull = excluded.last_missing_pull,
                last_missing_at = excluded.last_missing_at, registry_count = excluded.registry_count,
                first_missing_pull = CASE WHEN meta.registry_departures.returned_at IS NULL
                    THEN meta.registry_departures.first_missing_pull ELSE excluded.first_missing_pull END,
                first_missing_at = CASE WHEN meta.registry_departures.returned_at IS NULL
                    THEN meta.registry_departures.first_missing_at ELSE excluded.first_missing_at END,
                returned_pull = NULL, returned_at = NULL""", [nct_id, pull_id, now, pull_id, now, count])
    con.execute("""UPDATE meta.registry_departures SET returned_pull = ?, returned_at = ?
                   WHERE returned_at IS NULL AND list_contains(?, nct_id)""", [pull_id, now, returned])



def reconcile_bulk_loads(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int, str | None]]:
    """Close the gate of every downloaded bulk zip the load stage has read: its entries against the
    studies loaded from it. Returns (pull_id, entries, studies loaded, reason or None) per zip."""
    rows = con.execute("""
        SELECT p.pull_id, p.total_count, (SELECT count(DISTINCT r.nct_id) FROM meta.source_records r
                                          WHERE starts_with(r.path, p.landing_path || '!')) AS studies
        FROM meta.registry_pulls p
        WHERE p.mode = 'bulk' AND p.status = 'downloaded'
          AND (EXISTS (SELECT 1 FROM meta.source_files f WHERE starts_with(f.path, p.landing_path))
               OR EXISTS (SELECT 1 FROM meta.rejects j WHERE starts_with(j.path, p.landing_path)))""").fetchall()
    closed = []
    for pull_id, entries, studies in rows:
        reason = None if studies == entries else (
            f"loaded {studies} studies of {entries} files in the zip (see meta.rejects for the rest)")
        con.execute("""UPDATE meta.registry_pulls SET studies_loaded = ?, status = ?, reason = ?
                       WHERE pull_id = ?""", [studies, "complete" if reason is None else "incomplete", reason, pull_id])
        closed.append((pull_id, entries, studies, reason))
    return closed
