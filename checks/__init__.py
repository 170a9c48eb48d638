"""Quality checks: one module per rule family, each exposing RULES; GX expectations beside them.

The families are imported on first use (`FAMILIES`, `all_rules`, a check with studies to check):
importing one module of the package (the report, the shown-text rules) loads none of them.
"""
from __future__ import annotations

from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Callable, Sequence

import duckdb

from checks.rule import CheckResult, Finding, Rule

if TYPE_CHECKING:
    from types import ModuleType

FAMILY_MODULES = ("missing_fields", "dates", "timeliness", "status", "protocol", "contradictions", "cross_source",
                  "identity", "invalid_values", "registry_presence", "outcome_changes", "freshness",
                  "gx_suite")


def families() -> tuple[ModuleType, ...]:
    """Every rule family's module, in the order their rules run."""
    return tuple(import_module(f"checks.{name}") for name in FAMILY_MODULES)


def __getattr__(name: str):
    if name == "FAMILIES":
        return families()
    raise AttributeError(f"module 'checks' has no attribute {name!r}")


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, family by family."""
    return tuple(rule for family in families() for rule in family.RULES)


def run_checks(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    as_of: date,
    nct_ids: Sequence[str] | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    pool=None,
    appended=None,
) -> CheckResult:
    """Run every rule on the given studies (None = all) and replace their quality issues.

    `workers` processes evaluate the text rules (default: one per core; 1 = all in this process): those
    of `pool` when given (`checks.rule_workers.check_workers`). `appended`: where the run that loaded the studies put
    their rows (`warehouse.runs.AppendedRows`).
    """
    if nct_ids is not None and not len(nct_ids):  # no study to check: no rule, nor the engine (pyarrow), is loaded
        return CheckResult()
    from checks.engine import run_rules

    rules = all_rules()
    return run_rules(con, rules, run_id=run_id, as_of=as_of, nct_ids=nct_ids, workers=workers,
                     progress=progress, pool=pool, appended=appended)


__all__ = ["FAMILIES", "all_rules", "families", "run_checks", "CheckResult", "Finding", "Rule"]
