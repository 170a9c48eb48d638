"""The data path as plain functions; the Prefect flow (flows/pipeline.py) wraps each stage in a task."""
from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import duckdb

import checks
from flows import assemble, inputs, parse_batch, summary, validate
from warehouse import load


@dataclass(frozen=True)
class Stages:
    """The stage callables of one run: plain functions, or the same wrapped as Prefect tasks."""

    discover: Callable
    parse: Callable
    validate: Callable
    load: Callable
    check: Callable


def check_stage(con, run_id: str, as_of: date, nct_ids: list[str] | None) -> checks.CheckResult:
    """Run every rule on the given studies (None = all)."""
    return checks.run_checks(con, run_id=run_id, as_of=as_of, nct_ids=nct_ids)


PLAIN = Stages(inputs.discover, parse_batch.parse_inputs, validate.validate_batch, load.load_batch, check_stage)


def check_scope(con: duckdb.DuckDBPyConnection, touched: set[str]) -> list[str]:
    """The touched studies plus the studies whose records speak of them (related_studies)."""
    if not touched:
        return []
    rows = con.execute(
        "SELECT DISTINCT nct_id FROM related_studies WHERE list_contains(?, related_nct_id)", [sorted(touched)]
    ).fetchall()
    return sorted(touched | {r[0] for r in rows})


def _batches(items, size: int):
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _count(result: summary.RunSummary, batch: load.LoadBatch) -> None:
    outcomes = batch.files["outcome"].value_counts().to_dict() if not batch.files.empty else {}
    for outcome in ("loaded", "rejected", "skipped"):
        setattr(result, outcome, getattr(result, outcome) + int(outcomes.get(outcome, 0)))
    result.files_seen += len(batch.files)
    result.studies_loaded += len(batch.versions)


def run_pipeline(con: duckdb.DuckDBPyConnection, *, run_id: str, source: Path, db_path: Path, as_of: date,
                 batch_size: int = 2000, recheck_all: bool = False, stages: Stages = PLAIN,
                 log: logging.Logger | logging.LoggerAdapter | None = None) -> summary.RunSummary:
    """discover -> parse -> validate -> load (per batch) -> check; the run is recorded in meta.load_runs."""
    log = log or logging.getLogger("trialqc")
    load.start_run(con, run_id, as_of, str(source))
    result = summary.RunSummary(run_id, as_of, str(db_path))
    status = "failed"
    try:
        known = {r[0] for r in con.execute("SELECT DISTINCT sha256 FROM meta.source_files").fetchall()}
        touched: set[str] = set()
        files = stages.discover(source)
        log.info("discovered %d files under %s", len(files), source)
        for number, items in enumerate(_batches(inputs.read_inputs(files), batch_size), start=1):
            parsed = stages.parse(items, known)
            validated = stages.validate(parsed)
            batch = assemble.assemble(run_id, parsed, validated)
            stages.load(con, batch)
            known.update(f.sha256 for f in parsed.files if f.sha256)
            touched.update(batch.versions["nct_id"])
            _count(result, batch)
            log.info("batch %d: %d inputs; so far %d loaded, %d rejected, %d skipped (%d files found)",
                     number, len(items), result.loaded, result.rejected, result.skipped, len(files))
        scope = None if recheck_all else check_scope(con, touched)
        check = stages.check(con, run_id, as_of, scope)
        log.info("checks: %d issues on %s studies", check.issues, "all" if scope is None else len(scope))
        for rule_id, error in check.failed_rules.items():
            log.warning("rule %s could not run: %s", rule_id, error)
        result.issues_run, result.failed_rules = check.issues, check.failed_rules
        status = "completed"
    finally:
        load.finish_run(con, run_id, result.counts, status)
    return summary.fill_from_warehouse(con, result)
