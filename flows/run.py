"""The data path without Prefect: what tests, the bench and a run with no Prefect server use.

It is the same sequence of stage functions as the @flow in flows/pipeline.py, called directly.
The run's bookkeeping (start, batching, counts, finish) is here and the flow uses it too.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd

from flows import assemble, check_studies, inputs, parse_batch, summary, validate
from flows.inputs import Input, Item
from warehouse import load, runs
from warehouse.tables import STUDY_TABLES

Log = logging.Logger | logging.LoggerAdapter
# A batch is also cut when its bytes reach this, so one batch of huge files stays bounded in memory.
BATCH_BYTES = 256 * 1024 * 1024


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM stops the run as Ctrl-C does: the batch in flight rolls back whole."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def parse_pool(workers: int | None) -> Iterator[Executor | None]:
    """Worker processes for parsing (None or 1: parse in this process)."""
    workers = os.cpu_count() if workers is None else workers
    if not workers or workers < 2:
        yield None
        return
    # fork: workers start at once with the parsers loaded. They only parse bytes and never touch the
    # inherited DuckDB connection, and a worker leaves through os._exit, so no destructor writes the file.
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=parse_batch.ignore_interrupts)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def next_batch(stream: Iterator[Item], size: int, max_bytes: int = BATCH_BYTES) -> list[Item]:
    """The next batch from the input stream: at most `size` items and about `max_bytes` bytes read."""
    batch, held = [], 0
    for item in stream:
        batch.append(item)
        held += item.size if isinstance(item, Input) else 0
        if len(batch) >= size or held >= max_bytes:
            break
    return batch


def input_stream(con: duckdb.DuckDBPyConnection, entries: list, rehash: bool = False) -> Iterator[Item]:
    """The inputs of a run, read lazily; files recorded unchanged (path, size, mtime) are not read."""
    return inputs.read_inputs(entries, None if rehash else partial(runs.unchanged_files, con))


def known_hashes(con: duckdb.DuckDBPyConnection, items: list[Item]) -> set[str]:
    """The sha256s of this batch's read inputs that an earlier run recorded."""
    return runs.known_hashes(con, [i.sha256 for i in items if isinstance(i, Input)])


def validate_records(parsed: parse_batch.ParsedBatch) -> validate.ValidatedBatch:
    """Stage 'validate'; a batch with no records (all skipped or rejected) needs no schema pass."""
    if parsed.records:
        return validate.validate_batch(parsed)
    return validate.ValidatedBatch([], {t: pd.DataFrame(columns=validate.COLUMNS[t]) for t in STUDY_TABLES})


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
                 rehash: bool = False, check: bool = True, log: Log | None = None) -> summary.RunSummary:
    """discover -> read -> parse -> validate -> assemble -> load (per batch) -> check, recorded in meta.load_runs.

    check=False loads only (calibration, benchmarks): the studies stay queued for the next run's check.
    """
    log = log or logging.getLogger("trialqc")
    result = open_run(con, run_id, source, db_path, as_of, log)
    status = "failed"
    try:
        with parse_pool(workers) as pool:
            stream = input_stream(con, inputs.discover(source), rehash)
            number = 0
            while items := next_batch(stream, batch_size):
                parsed = parse_batch.parse_inputs(items, known_hashes(con, items), pool)
                validated = validate_records(parsed)
                batch = assemble.assemble(run_id, parsed, validated)
                load.load_batch(con, batch)
                number += 1
                log_batch(log, number, len(items), con, run_id)
        if check:
            found = check_studies.check_studies(con, run_id, as_of, recheck_all, workers)
            log_check(log, found)
            result.issues_run, result.failed_rules = found.issues, found.failed_rules
        status = "completed"
    except (KeyboardInterrupt, duckdb.InterruptException):  # Ctrl-C inside a query surfaces as the latter
        status = "interrupted"
        raise
    finally:
        close_run(con, result, status, log)
    return summary.fill_from_warehouse(con, result)

