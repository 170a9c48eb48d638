"""The data path without Prefect: what tests, the bench and a run with no Prefect server use.

It is the same sequence of stage functions as the @flow in flows/pipeline.py, called directly.
The run's bookkeeping (start, batching, counts, finish) is here and the flow uses it too.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Iterable, Iterator

import duckdb

from flows import assemble, check_studies, inputs, parse_batch, summary, validate
from flows.inputs import Input, Item
from warehouse import load, runs

Log = logging.Logger | logging.LoggerAdapter
# A batch is also cut when its bytes reach this, so one batch of huge files stays bounded in memory.
BATCH_BYTES = 256 * 1024 * 1024


@contextmanager
def parse_pool(workers: int | None) -> Iterator[Executor | None]:
    """Worker processes for parsing (None or 1: parse in this process)."""
    workers = os.cpu_count() if workers is None else workers
    if not workers or workers < 2:
        yield None
        return
    # forkserver: workers never inherit this process's DuckDB threads (forking a threaded process can hang).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["flows.parse_batch"])
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=parse_batch.ignore_interrupts)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def batches(items: Iterable[Item], size: int, max_bytes: int = BATCH_BYTES) -> Iterator[list[Item]]:
    """Consecutive batches of at most `size` items and about `max_bytes` bytes read."""
    batch, held = [], 0
    for item in items:
        batch.append(item)
        held += item.size if isinstance(item, Input) else 0
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def input_stream(con: duckdb.DuckDBPyConnection, entries: list, rehash: bool = False) -> Iterator[Item]:
    """The inputs of a run, read lazily; files recorded unchanged (path, size, mtime) are not read."""
    return inputs.read_inputs(entries, None if rehash else partial(runs.unchanged_files, con))


def known_hashes(con: duckdb.DuckDBPyConnection, items: list[Item]) -> set[str]:
    """The sha256s of this batch's read inputs that an earlier run recorded."""
    return runs.known_hashes(con, [i.sha256 for i in items if isinstance(i, Input)])


def open_run(con: duckdb.DuckDBPyConnection, run_id: str, source: Path, db_path: Path, as_of: date,
             log: Log) -> summary.RunSummary:
    """Record the run as started; runs left `running` by a killed process are marked interrupted."""
    for stale in runs.start_run(con, run_id, as_of, str(source)):
        log.warning("run %s did not finish: marked interrupted; its unchecked studies are checked now", stale)
    return summary.RunSummary(run_id, as_of, str(db_path))


def close_run(con: duckdb.DuckDBPyConnection, result: summary.RunSummary, status: str, log: Log) -> None:
    """Record the final status; if even that cannot be written, the next run marks this one interrupted."""
    try:
        runs.finish_run(con, result.run_id, status)
    except duckdb.Error as exc:
        log.warning("could not record the run's end (%s): the next run marks it interrupted", type(exc).__name__)
    try:
        for name, value in runs.run_counts(con, result.run_id).items():
            setattr(result, name, value)
    except duckdb.Error:
        pass


def log_batch(log: Log, number: int, size: int, con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """One line per batch with the run's counts so far."""
    c = runs.run_counts(con, run_id)
    log.info("batch %d: %d inputs; so far %d loaded, %d rejected, %d skipped",
             number, size, c["loaded"], c["rejected"], c["skipped"])


def log_check(log: Log, check) -> None:
    """The check stage's outcome, and every rule that could not run."""
    log.info("checks: %d issues on %d studies", check.issues, check.studies)
    for rule_id, error in check.failed_rules.items():
        log.warning("rule %s could not run: %s", rule_id, error)


def run_pipeline(con: duckdb.DuckDBPyConnection, *, run_id: str, source: Path, db_path: Path, as_of: date,
                 batch_size: int = 2000, recheck_all: bool = False, workers: int | None = None,
                 rehash: bool = False, log: Log | None = None) -> summary.RunSummary:
    """discover -> read -> parse -> validate -> assemble -> load (per batch) -> check, recorded in meta.load_runs."""
    log = log or logging.getLogger("trialqc")
    result = open_run(con, run_id, source, db_path, as_of, log)
    status = "failed"
    try:
        with parse_pool(workers) as pool:
            entries = inputs.discover(source)
            for number, items in enumerate(batches(input_stream(con, entries, rehash), batch_size), start=1):
                parsed = parse_batch.parse_inputs(items, known_hashes(con, items), pool)
                validated = validate.validate_batch(parsed)
                batch = assemble.assemble(run_id, parsed, validated)
                load.load_batch(con, batch)
                log_batch(log, number, len(items), con, run_id)
        check = check_studies.check_studies(con, run_id, as_of, recheck_all)
        log_check(log, check)
        result.issues_run, result.failed_rules = check.issues, check.failed_rules
        status = "completed"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        close_run(con, result, status, log)
    return summary.fill_from_warehouse(con, result)

