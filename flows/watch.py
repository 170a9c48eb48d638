"""Watch lists: saved searches evaluated at the end of every run.

Per list and run, meta.watch_members holds the studies on it (with the version `studies` held),
meta.watch_issues their quality issues, and meta.watch_events what happened since the list's
previous evaluation: studies that entered or left it, records that changed (the fields that
changed between the two versions), issues new or resolved on studies that stayed on it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb
import pyarrow as pa

from flows.search import SearchQuery, normalize_phases, normalize_statuses, search
from warehouse.connect import transaction
from warehouse.search_index import built_whole
from warehouse.versions import diff_versions, study_versions, version_by_sha

EVENTS = ("entered", "left", "changed", "issue_new", "issue_resolved")


@dataclass(frozen=True)
class WatchList:
    """A saved search under a name."""

    name: str
    query: SearchQuery
    created_at: datetime | None = None


def add_watch_list(con: duckdb.DuckDBPyConnection, name: str, query: SearchQuery, replace: bool = False) -> None:
    """Save a search under `name` (spaces around it taken off); an existing name is an error unless `replace`."""
    name = name.strip()
    if not name:
        raise ValueError("a watch list needs a name")
    statuses, phases = normalize_statuses(query.statuses), normalize_phases(query.phases)
    # A name in another case or spacing ("NSCLC", "nsclc ") is the same list: two would share a page and a line.
    same = [existing for (existing,) in con.execute(
        "SELECT name FROM meta.watch_lists WHERE lower(trim(name)) = lower(trim(?)) ORDER BY name", [name]).fetchall()]
    if same and not replace:
        named = "" if name in same else f" as {same[0]!r} (names that differ only in case or spacing are one list)"
        raise ValueError(f"a watch list named {name!r} exists already{named}; use --replace to change it")
    con.execute("DELETE FROM meta.watch_lists WHERE list_contains(?, name)", [same + [name]])
    con.execute("INSERT INTO meta.watch_lists VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [name, query.text, query.condition, query.intervention, query.sponsor,
                 list(statuses), list(phases), datetime.now()])


def remove_watch_list(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Forget a watch list (its past evaluations stay), named as saved or with spaces around it; whether it
    existed."""
    for given in dict.fromkeys((name, name.strip())):
        if con.execute("SELECT count(*) FROM meta.watch_lists WHERE name = ?", [given]).fetchone()[0]:
            con.execute("DELETE FROM meta.watch_lists WHERE name = ?", [given])
            return True
    return False


def watch_lists(con: duckdb.DuckDBPyConnection) -> list[WatchList]:
    """Every saved watch list, by name."""
    rows = con.execute("SELECT name, query, condition, intervention, sponsor, statuses, phases, created_at "
                       "FROM meta.watch_lists ORDER BY name").fetchall()
    return [WatchList(n, SearchQuery(q, c, i, s, tuple(st or ()), tuple(ph or ()), limit=None), at)
            for n, q, c, i, s, st, ph, at in rows]


def _previous_run(con, name: str, run_id: str) -> str | None:
    row = con.execute("SELECT run_id FROM meta.watch_runs WHERE name = ? AND run_id <> ? "
                      "ORDER BY evaluated_at DESC LIMIT 1", [name, run_id]).fetchone()
    return row[0] if row else None


def _members_now(con, watch: WatchList) -> dict[str, tuple[str | None, int]]:
    hits = search(con, watch.query)
    shas = dict(con.execute("SELECT nct_id, source_sha256 FROM studies WHERE list_contains(?, nct_id)",
                            [[h["nct_id"] for h in hits]]).fetchall())
    return {h["nct_id"]: (shas.get(h["nct_id"]), h["rank"]) for h in hits}


def _issues_now(con, nct_ids: list[str]) -> set[tuple[str, str, str, str]]:
    return set(con.execute("SELECT DISTINCT nct_id, rule_id, severity, message FROM quality_issues "
                           "WHERE list_contains(?, nct_id)", [nct_ids]).fetchall())


def _change_detail(con, nct_id: str, old_sha: str | None, new_sha: str | None) -> str | None:
    """The fields that changed between two versions of a study, or None when none did."""
    versions = study_versions(con, nct_id)
    old, new = version_by_sha(versions, old_sha or "-"), version_by_sha(versions, new_sha or "-")
    if old is None or new is None:
        return None
    changes = diff_versions(old, new)
    if not changes:
        return None
    return "; ".join(f"{c.label}: {c.before} -> {c.after}" for c in changes) + (
        f" (version {old['sha256'][:12]} of {old['last_update_posted_date']} -> "
        f"{new['sha256'][:12]} of {new['last_update_posted_date']})")


# Said of a study that entered or left a list when the run built the search index whole again (one an earlier
# trialqc built, which split and stopped words otherwise): the study need not have changed.
REBUILT = " (the search index was built again at this run, words split as it now splits them)"


def _events(con, now: dict, before: dict, issues_now: set, issues_before: set, first: bool,
            rebuilt: bool = False) -> list[tuple]:
    why = REBUILT if rebuilt else ""
    events = [(n, "entered", "on the list at its first evaluation" if first else "now matches the search" + why)
              for n in sorted(set(now) - set(before))]
    events += [(n, "left", "no longer matches the search" + why) for n in sorted(set(before) - set(now))]
    stayed = sorted(set(now) & set(before))
    for nct_id in stayed:
        if now[nct_id][0] != before[nct_id][0]:
            detail = _change_detail(con, nct_id, before[nct_id][0], now[nct_id][0])
            if detail:
                events.append((nct_id, "changed", detail))
    kept = set(stayed)
    for kind, issues in (("issue_new", issues_now - issues_before), ("issue_resolved", issues_before - issues_now)):
        events += [(n, kind, f"{sev} {rule}: {msg}") for n, rule, sev, msg in sorted(issues) if n in kept]
    return events


def evaluate_watch_list(con: duckdb.DuckDBPyConnection, run_id: str, watch: WatchList) -> dict[str, int]:
    """Evaluate one watch list at a run and store its members, issues and events; counts by event."""
    previous = _previous_run(con, watch.name, run_id)
    now = _members_now(con, watch)
    before = {n: (sha, rank) for n, sha, rank in con.execute(
        "SELECT nct_id, sha256, rank FROM meta.watch_members WHERE run_id = ? AND name = ?",
        [previous, watch.name]).fetchall()}
    issues_now = _issues_now(con, sorted(now))
    issues_before = set(con.execute("SELECT nct_id, rule_id, severity, message FROM meta.watch_issues "
                                    "WHERE run_id = ? AND name = ?", [previous, watch.name]).fetchall())
    rebuilt = previous is not None and built_whole(con, run_id)
    events = _events(con, now, before, issues_now, issues_before, first=previous is None, rebuilt=rebuilt)
    counts = {e: sum(1 for _, kind, _ in events if kind == e) for e in EVENTS}
    _store(con, run_id, watch.name, now, issues_now, events, counts)
    return counts


def _append(con, table: str, rows: list[dict]) -> None:
    if rows:
        con.register("_watch_rows", pa.Table.from_pylist(rows))
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _watch_rows")
        con.unregister("_watch_rows")


def _store(con, run_id: str, name: str, now: dict, issues: set, events: list, counts: dict) -> None:
    tag = {"run_id": run_id, "name": name}
    with transaction(con):
        for table in ("watch_runs", "watch_members", "watch_issues", "watch_events"):
            con.execute(f"DELETE FROM meta.{table} WHERE run_id = ? AND name = ?", [run_id, name])
        con.execute("INSERT INTO meta.watch_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [run_id, name, datetime.now(), len(now), counts["entered"], counts["left"],
                     counts["changed"], counts["issue_new"], counts["issue_resolved"]])
        _append(con, "meta.watch_members",
                [{**tag, "nct_id": n, "sha256": sha, "rank": rank} for n, (sha, rank) in now.items()])
        _append(con, "meta.watch_issues",
                [{**tag, "nct_id": n, "rule_id": r, "severity": s, "message": m} for n, r, s, m in issues])
        _append(con, "meta.watch_events", [{**tag, "nct_id": n, "event": e, "detail": d} for n, e, d in events])


def evaluate_watch_lists(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, dict[str, int]]:
    """Evaluate every watch list at the end of a run; counts by event per list."""
    return {watch.name: evaluate_watch_list(con, run_id, watch) for watch in watch_lists(con)}
