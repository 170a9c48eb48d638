"""One rule evaluated on one scope, a failure reported rather than raised (its `Outcome`), and an outcome counted in
the check's result as issue rows."""
from __future__ import annotations

import logging
import time
from datetime import date
from typing import NamedTuple

import pyarrow as pa

from checks.issue_rows import issue_columns, issue_rows
from checks.rule import CheckResult, CheckScope, Finding, Rule
from checks.rule_findings import findings_of, found_table
from flows.errors import stopped_by_signal


log = logging.getLogger(__name__)


class Outcome(NamedTuple):
    """What one rule gave on a scope: its findings (a SQL rule's as `found_table` columns), or the
    error that stopped it; and the seconds spent."""

    findings: list[Finding] | pa.Table
    error: str | None
    seconds: float


def counted(result: CheckResult, rule: Rule, rows: int, error: str | None, spent: float) -> bool:
    """A rule's outcome counted in `result`: False when it failed (logged)."""
    result.seconds_by_rule[rule.id] = result.seconds_by_rule.get(rule.id, 0.0) + spent
    if error is not None:
        log.warning("rule %s failed: %s", rule.id, error)
        result.failed_rules[rule.id] = error
        return False
    result.by_rule[rule.id] = result.by_rule.get(rule.id, 0) + rows
    return True


def tally(result: CheckResult, rule: Rule, outcome: Outcome, run_id: str, as_of: date) -> pa.Table | None:
    """A rule's outcome counted in `result`: its issue rows, or None when it failed (logged)."""
    found, error, spent = outcome
    if not counted(result, rule, len(found), error, spent):
        return None
    if not isinstance(found, pa.Table):
        found = issue_columns(rule, found)
    return issue_rows(run_id, rule, found, as_of)


def evaluate(con, rule: Rule, scope: CheckScope, narrowed: bool = False) -> Outcome:
    """One rule on one scope; a rule that fails is reported in the outcome, never raised. `narrowed`: see
    `_scoped_sql`."""
    started = time.perf_counter()
    try:
        found = found_table(con, rule, scope, narrowed) if rule.sql is not None else findings_of(con, rule, scope)
        error = None
    except Exception as exc:  # a rule must never stop the run; it is reported instead
        if stopped_by_signal(exc):  # Ctrl-C or SIGTERM cut its query: the run stops
            raise
        found, error = [], f"{type(exc).__name__}: {exc}"
    return Outcome(found, error, time.perf_counter() - started)
