"""Stage 'check': quality-check every study not yet checked (this run's and any interrupted run's), or every study
when the installed rules are not those that found the warehouse's issues (warehouse/rules_checked.py)."""
from __future__ import annotations

import logging
from datetime import date
from typing import Callable

import duckdb

import checks
from warehouse import rules_checked, runs
from warehouse.checkpoints import checkpoint_held_changes
from warehouse.memory_limit import fit_memory

Reconnected = Callable[[duckdb.DuckDBPyConnection], None]
Log = logging.Logger | logging.LoggerAdapter


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


def rules_to_check(con: duckdb.DuckDBPyConnection, run_id: str, recheck_all: bool = False,
                   log: Log | None = None) -> tuple[rules_checked.RulesChecked, bool]:
    """The installed rules against those that gave the warehouse's issues, and whether every study is to be
    checked: when asked, or when the rules changed since (said in one line to `log`)."""
    rules = rules_checked.compare(con)
    if rules.current:
        if rules.to_record:
            rules_checked.record(con, rules, run_id)  # before the check, which may stop: no issue is of other rules
        return rules, recheck_all
    if log is not None and not recheck_all:
        studies = con.execute("SELECT count(*) FROM studies").fetchone()[0]
        log.info("trialqc's rules changed since this warehouse was last checked: re-checking all %d studies",
                 studies)
    return rules, True


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
    Every study is checked when the rules changed since the warehouse's issues were found (`rules_to_check`); the
    installed rules are recorded as those of every issue once such a check completes.
    """
    fit_memory(con)  # the keys the run's loading added count against DuckDB's limit (see ready_to_check)

    def progress(checked: int, total: int) -> None:
        if log is not None and total > checked:
            log.info("checks: %d of %d studies checked", checked, total)
    rules, whole = rules_to_check(con, run_id, recheck_all, log)
    result = checks.run_checks(con, run_id=run_id, as_of=as_of, nct_ids=check_scope(con, whole),
                               workers=workers, progress=progress, pool=pool, appended=None if whole else appended)
    if whole:
        rules_checked.record(con, rules, run_id)  # every study checked: every issue is the installed rules'
    return result
