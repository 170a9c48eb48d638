"""Quality checks: one module per rule family, each exposing RULES; GX expectations beside them."""
from __future__ import annotations

from datetime import date
from typing import Callable, Sequence

import duckdb

from checks import (
    contradictions, cross_source, dates, freshness, gx_suite, identity, invalid_values, missing_fields,
    outcome_changes, protocol, registry_presence, status, timeliness,
)
from checks.engine import CheckResult, run_rules
from checks.rule import Finding, Rule

FAMILIES = (missing_fields, dates, timeliness, status, protocol, contradictions, cross_source, identity,
            invalid_values, registry_presence, outcome_changes, freshness,
            gx_suite)


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, family by family."""
    return tuple(rule for family in FAMILIES for rule in family.RULES)


def run_checks(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    as_of: date,
    nct_ids: Sequence[str] | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Run every rule on the given studies (None = all) and replace their quality issues.

    `workers` processes evaluate the text rules (default: one per core; 1 = all in this process).
    """
    return run_rules(con, all_rules(), run_id=run_id, as_of=as_of, nct_ids=nct_ids, workers=workers,
                     progress=progress)


__all__ = ["FAMILIES", "all_rules", "run_checks", "CheckResult", "Finding", "Rule"]
