"""Stage 'check': quality-check every study not yet checked (this run's and any interrupted run's)."""
from __future__ import annotations

import logging
from datetime import date
from typing import Callable

import duckdb

import checks
from warehouse import runs
from warehouse.checkpoints import checkpoint_held_changes
from warehouse.memory_limit import fit_memory

Reconnected = Callable[[duckdb.DuckDBPyConnection], None]


def check_scope(con: duckdb.DuckDBPyConnection, recheck_all: bool = False) -> list[str] | None:
    """The unchecked studies plus those whose records speak of them (related_studies); None = all."""
    if recheck_all:
        return None
    pending = runs.unchecked(con)
    if not pending:
        return []
    rows = con.execute(  # a join: a list test per row would cost studies x pending at registry scale
        "SELECT DISTINCT r.nct_id FROM related_studies r JOIN meta.unchecked_studies u ON u.nct_id = r.related_nct_id"
    ).fetchall()
    return sorted(set(pending) | {r[0] for r in rows})


def ready_to_check(con: duckdb.DuckDBPyConnection,
                   reconnected: Reconnected | None = None) -> duckdb.DuckDBPyConnection:
    """The connection the check runs on: `con`, or, when the loading left much in the log, a new one after a
    checkpoint (checkpoints.checkpoint_held_changes), given to `reconnected` too; `con` is then closed."""
    fit_memory(con)  # the keys the run's loading added count against DuckDB's limit
    ready = checkpoint_held_changes(con)  # and the changes it left in the log are held in memory
    if ready is not con and reconnected is not None:
        reconnected(ready)
    return ready


def check_studies(con: duckdb.DuckDBPyConnection, run_id: str, as_of: date, recheck_all: bool = False,
                  workers: int | None = None, log: logging.Logger | logging.LoggerAdapter | None = None,
                  pool=None, appended: runs.AppendedRows | None = None) -> checks.CheckResult:
    """Run every rule on the check scope, chunk by chunk; each chunk's issues and 'checked' mark commit together.

    With `log`, a line per chunk says how far the check has come. `pool`: the run's text-rule workers
    (`checks.rule_workers.check_workers`), else they are forked for each chunk. `appended`: where this run's loading
    put the rows of the studies it loaded (a check of exactly those need not search the tables for them).
    """
    fit_memory(con)  # the keys the run's loading added count against DuckDB's limit (see ready_to_check)

    def progress(checked: int, total: int) -> None:
        if log is not None and total > checked:
            log.info("checks: %d of %d studies checked", checked, total)
    return checks.run_checks(con, run_id=run_id, as_of=as_of, nct_ids=check_scope(con, recheck_all),
                             workers=workers, progress=progress, pool=pool,
                             appended=None if recheck_all else appended)
