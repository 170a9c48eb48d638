"""The SQL rules of a check of many chunks over a large share of the warehouse, run once over all its studies, their
issues parked until each chunk writes its own."""
from __future__ import annotations

import time

import duckdb
import pyarrow as pa

from checks.check_scope import set_scope
from checks.issue_rows import ISSUE_SCHEMA, issue_rows
from checks.parked_issues import ParkedIssues
from checks.rule import CheckResult, CheckScope, Rule
from checks.rule_findings import found_batches
from checks.rule_outcomes import counted
from flows.errors import stopped_by_signal


class SqlOnce:
    """The SQL rules of a check of many chunks over a large share of the warehouse, run once over all of its
    studies (`run`, during its first chunk) rather than once a chunk on copies of the chunk's rows: they are
    set-based, so each reads the tables once, and no chunk's rows are copied (at 100,000 studies the check's
    process spent 14-15 s of CPU against 22.7 s; docs/performance.md). Their issues wait in
    checks.parked_issues, parked as their queries stream them, until each chunk writes its own."""

    def __init__(self, rules: list[Rule], nct_ids: list[str]) -> None:
        self.rules = [r for r in rules if r.sql is not None and not r.in_worker]
        self.ids = frozenset(r.id for r in self.rules)
        self.nct_ids = nct_ids
        self.parked: ParkedIssues | None = None
        self.done = False

    def run(self, con: duckdb.DuckDBPyConnection, run_id: str, chunk: CheckScope, result: CheckResult) -> None:
        """Every SQL rule over every study of the check, its issues parked and counted in `result`; `check_scope`
        is the chunk's again afterwards."""
        scope = set_scope(con, self.nct_ids, chunk.as_of)
        self.parked = ParkedIssues(con, ISSUE_SCHEMA)
        for rule in self.rules:
            self._park(con, rule, scope, run_id, result)
        set_scope(con, sorted(chunk.nct_ids), chunk.as_of)
        self.done = True

    def _park(self, con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope, run_id: str,
              result: CheckResult) -> None:
        """One rule's issues parked batch by batch, counted in `result`; a rule that fails is reported, as by
        `evaluate`, and none of its issues stay parked."""
        started, rows, error = time.perf_counter(), 0, None
        try:
            for found in found_batches(con, rule, scope):
                self.parked.park(issue_rows(run_id, rule, found, scope.as_of))
                rows += found.num_rows
        except Exception as exc:  # a rule must never stop the run; it is reported instead
            if stopped_by_signal(exc):
                raise
            self.parked.unpark(rule.id)
            rows, error = 0, f"{type(exc).__name__}: {exc}"
        counted(result, rule, rows, error, time.perf_counter() - started)

    def taken(self, chunk: CheckScope) -> pa.Table:
        """The parked issues of the chunk's studies (a run of the check's ordered studies)."""
        return self.parked.taken(min(chunk.nct_ids), max(chunk.nct_ids))

    def close(self, quietly: bool) -> None:
        """Drop the parked issues."""
        if self.parked is not None:
            self.parked.close(quietly)
