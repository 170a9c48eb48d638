"""Run rules over the warehouse and write `quality_issues`, one transaction per run."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

import duckdb
import pyarrow as pa

from checks.rule import SEVERITIES, CheckScope, Finding, Rule
from warehouse.connect import transaction

log = logging.getLogger(__name__)

ISSUE_SCHEMA = pa.schema([
    ("run_id", pa.string()), ("nct_id", pa.string()), ("rule_id", pa.string()),
    ("category", pa.string()), ("severity", pa.string()), ("fields", pa.list_(pa.string())),
    ("message", pa.string()), ("evidence", pa.string()), ("as_of", pa.date32()),
])
# Evidence is an excerpt, not a document: long texts are cut to this many characters.
EVIDENCE_LIMIT = 600


@dataclass
class CheckResult:
    """What a check run found: issues per rule, and rules that failed to run."""

    issues: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)
    failed_rules: dict[str, str] = field(default_factory=dict)
    seconds_by_rule: dict[str, float] = field(default_factory=dict)
    studies: int = 0


def set_scope(con: duckdb.DuckDBPyConnection, nct_ids: Sequence[str] | None, as_of: date) -> CheckScope:
    """(Re)create the temp table `check_scope` (the studies to check; None = all) and return the scope."""
    con.execute("CREATE OR REPLACE TEMP TABLE check_scope (nct_id VARCHAR PRIMARY KEY)")
    if nct_ids is None:
        con.execute("INSERT INTO check_scope SELECT nct_id FROM studies")
    elif nct_ids:
        scope = pa.table({"nct_id": pa.array(sorted(set(nct_ids)), pa.string())})
        con.register("_scope_in", scope)
        con.execute("INSERT INTO check_scope SELECT nct_id FROM _scope_in")
        con.unregister("_scope_in")
    ids = frozenset(r[0] for r in con.execute("SELECT nct_id FROM check_scope").fetchall())
    return CheckScope(as_of, ids)


def findings_of(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope) -> list[Finding]:
    """Evaluate one rule over the scoped studies; the engine keeps only findings inside the scope."""
    if rule.func is not None:
        return [f for f in rule.func(con, scope) if f.nct_id in scope.nct_ids]
    params = {"as_of": scope.as_of} if "$as_of" in rule.sql else {}
    rel = con.execute(
        f"SELECT * FROM ({rule.sql}) AS r WHERE r.nct_id IN (SELECT nct_id FROM check_scope)",
        params,
    )
    names = [d[0] for d in rel.description]
    out = []
    for row in rel.fetchall():
        rec = dict(zip(names, row))
        fields = tuple(rec["fields"]) if rec.get("fields") else None
        out.append(Finding(rec["nct_id"], rec["message"], str(rec.get("evidence") or ""), fields,
                           rec.get("severity")))
    return out


def _clip(text: str) -> str:
    return text if len(text) <= EVIDENCE_LIMIT else text[: EVIDENCE_LIMIT - 1] + "…"


# Studies checked together: bounds the memory rules use (they read their scope's rows at once).
CHUNK_SIZE = 20_000


def run_rules(
    con: duckdb.DuckDBPyConnection,
    rules: Iterable[Rule],
    *,
    run_id: str,
    as_of: date,
    nct_ids: Sequence[str] | None = None,
    chunk_size: int | None = None,
) -> CheckResult:
    """Run every rule on the scope, chunk by chunk, replacing each chunk's previous issues atomically."""
    rules, chunk_size = list(rules), chunk_size or CHUNK_SIZE
    if nct_ids is None:
        nct_ids = [r[0] for r in con.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()]
    ordered = sorted(set(nct_ids))
    result = CheckResult()
    for start in range(0, len(ordered), chunk_size):  # nothing to check: no rule runs
        scope = set_scope(con, ordered[start:start + chunk_size], as_of)
        _run_chunk(con, rules, run_id, scope, result)
    return result


def _run_chunk(con, rules: list[Rule], run_id: str, scope: CheckScope, result: CheckResult) -> None:
    """Run every rule on the current check_scope and write its issues."""
    as_of = scope.as_of
    columns: dict[str, list] = {name: [] for name in ISSUE_SCHEMA.names}
    for rule in rules:
        started = time.perf_counter()
        try:
            found = findings_of(con, rule, scope)
        except Exception as exc:  # a rule must never stop the run; it is reported instead
            log.warning("rule %s failed: %s", rule.id, exc)
            result.failed_rules[rule.id] = f"{type(exc).__name__}: {exc}"
            continue
        finally:
            spent = time.perf_counter() - started
            result.seconds_by_rule[rule.id] = result.seconds_by_rule.get(rule.id, 0.0) + spent
        result.by_rule[rule.id] = result.by_rule.get(rule.id, 0) + len(found)
        for f in found:
            severity = f.severity if f.severity in SEVERITIES else rule.severity
            for name, value in zip(ISSUE_SCHEMA.names, (
                run_id, f.nct_id, rule.id, rule.category, severity,
                list(f.fields or rule.fields), f.message, _clip(f.evidence), as_of,
            )):
                columns[name].append(value)
    result.issues += len(columns["nct_id"])
    result.studies += len(scope.nct_ids)
    write_issues(con, pa.table(columns, schema=ISSUE_SCHEMA))


def write_issues(con: duckdb.DuckDBPyConnection, issues: pa.Table) -> None:
    """Replace the issues of the scoped studies with `issues` and mark them checked, in one transaction."""
    # Issues go in sorted, so the table's row order (and any export of it) is the same on every run.
    issues = issues.sort_by([("nct_id", "ascending"), ("rule_id", "ascending"), ("message", "ascending"),
                             ("evidence", "ascending")])
    con.register("_issues_in", issues)
    try:
        with transaction(con):
            con.execute("DELETE FROM quality_issues WHERE nct_id IN (SELECT nct_id FROM check_scope)")
            con.execute("INSERT INTO quality_issues SELECT * FROM _issues_in")
            con.execute("DELETE FROM meta.unchecked_studies WHERE nct_id IN (SELECT nct_id FROM check_scope)")
    finally:
        con.unregister("_issues_in")
