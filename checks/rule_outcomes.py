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
    """A rule's outcome counted in `result`: False when it failed (logged) and found nothing; a function rule that
    failed on some studies only (`evaluate`) keeps the findings of the others, and its failure is reported too."""
    result.seconds_by_rule[rule.id] = result.seconds_by_rule.get(rule.id, 0.0) + spent
    if error is not None:
        log.warning("rule %s failed: %s", rule.id, error)
        result.failed_rules[rule.id] = error
        if not rows:
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
        found, error = [], _described(exc)
        if rule.sql is None and len(scope.nct_ids) > 1:
            found, error = _around_the_failure(con, rule, scope, error)
    return Outcome(found, error, time.perf_counter() - started)


def _described(exc: Exception) -> str:
    """An error as a rule's failure is reported: its type and its words."""
    return f"{type(exc).__name__}: {exc}"


# How many parts of a scope a function rule that failed on it is run on again, to find the studies it fails on
# (about two for each halving of a large scope per study it fails on).
MOST_PARTS_TRIED = 64
# A rule that fails on both halves of a scope and on each of their halves fails on no study of its own.
SYSTEMIC_TRIES = 6
# The studies a failure's message names, at most.
STUDIES_NAMED = 5


def _around_the_failure(con, rule: Rule, scope: CheckScope, error: str) -> tuple[list[Finding], str]:
    """A function rule that failed on a scope, run again on its halves, and theirs, down to the studies it fails on:
    one study's odd text ("Cohort 3, two tablets of 5 mg") no longer keeps the rule from every other study. The
    findings of the parts it ran on, and the error naming the studies it could not (all of those left when the
    tries run out). The parts share the scope's reads."""
    found: list[Finding] = []
    failed: list[str] = []
    parts, tries, ran_somewhere = [sorted(scope.nct_ids)], 0, False
    while parts:
        ids = parts.pop()
        if len(ids) == 1 or tries >= MOST_PARTS_TRIED:
            failed += ids
            continue
        halves = (ids[:len(ids) // 2], ids[len(ids) // 2:])
        failing = [half for half in halves if not _ran(con, rule, scope, half, found)]
        tries += len(halves)
        ran_somewhere = ran_somewhere or len(failing) < len(halves)
        if not ran_somewhere and tries >= SYSTEMIC_TRIES:
            return [], error  # it fails on every half and quarter of the scope: on no study of its own
        parts[:0] = failing  # halved in turn, level by level
    if len(failed) == len(scope.nct_ids):
        return [], error
    named = ", ".join(sorted(failed)[:STUDIES_NAMED]) + (" ..." if len(failed) > STUDIES_NAMED else "")
    return found, f"{error} (on {len(failed)} of {len(scope.nct_ids)} studies: {named}; the others were checked)"


def _ran(con, rule: Rule, scope: CheckScope, ids: list[str], found: list[Finding]) -> bool:
    """Whether the rule ran on the studies `ids` of the scope (its findings added to `found`)."""
    try:
        found += findings_of(con, rule, scope.of(ids))
    except Exception as exc:  # noqa: BLE001 - narrowed down, then reported with the studies it failed on
        if stopped_by_signal(exc):
            raise
        return False
    return True
