"""The data path without Prefect: what tests, the bench and a run with no Prefect server use.

It is the same sequence of stage functions as the @flow in flows/pipeline.py, called directly.
The run's bookkeeping (start, batching, counts, finish) is here and the flow uses it too.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import pandas as pd

from flows import assemble, check_studies, inputs, parse_batch, summary, validate
from flows.inputs import Input, Item, UnchangedFiles
from warehouse import load, runs
from warehouse.tables import STUDY_TABLES

Log = logging.Logger | logging.LoggerAdapter
# A batch is also cut when its bytes reach this, so one batch of huge files stays bounded in memory.
BATCH_BYTES = 256 * 1024 * 1024
# Files recorded unchanged ride along without counting towards the batch size (a re-run after a small
# change parses a few full batches, not many nearly empty ones); about this many per batch slot at most.
UNCHANGED_PER_SLOT = 20


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


@contextmanager
def parse_ahead(pool: Executor | None) -> Iterator[Callable]:
    """`start(items, known)` for parsed_batches: in a background thread that feeds the worker processes,
    so workers parse the next batch while this process loads; at once when there are no workers."""
    if pool is None:
        yield lambda items, known: Parsed(parse_batch.parse_inputs(items, known, None))
        return
    feeder = ThreadPoolExecutor(1, thread_name_prefix="parse-ahead")
    try:
        yield lambda items, known: feeder.submit(parse_batch.parse_inputs, items, known, pool)
    finally:
        feeder.shutdown(wait=True, cancel_futures=True)


def next_batch(stream: Iterator[Item], size: int, max_bytes: int = BATCH_BYTES) -> list[Item]:
    """The next batch from the input stream: at most `size` files read and about `max_bytes` bytes.

    Files recorded unchanged (not read) do not count towards `size`, up to about UNCHANGED_PER_SLOT * size
    of them (their blocks are not split).
    """
    batch, held, read, unchanged = [], 0, 0, 0
    for item in stream:
        batch.append(item)
        if isinstance(item, UnchangedFiles):
            unchanged += len(item)
        else:
            read += 1
            held += item.size if isinstance(item, Input) else 0
        if read >= size or held >= max_bytes or read + unchanged >= UNCHANGED_PER_SLOT * size:
            break
    return batch


def files_in(items: list[Item]) -> int:
    """How many files a batch holds (a block of unchanged files counts each of them)."""
    return sum(len(item) if isinstance(item, UnchangedFiles) else 1 for item in items)


def input_stream(con: duckdb.DuckDBPyConnection, entries: list, rehash: bool = False) -> Iterator[Item]:
    """The inputs of a run, read lazily; files recorded unchanged (path, size, mtime) are not read."""
    return inputs.read_inputs(entries, None if rehash else partial(runs.unchanged_files, con))


def known_hashes(con: duckdb.DuckDBPyConnection, items: list[Item]) -> set[str]:
    """The sha256s of this batch's read inputs that an earlier run recorded."""
    return runs.known_hashes(con, [i.sha256 for i in items if isinstance(i, Input)])


class Parsed:
    """A batch parsed at once (no worker processes): `result()` as a future's."""

    def __init__(self, batch: parse_batch.ParsedBatch) -> None:
        self.batch = batch

    def result(self) -> parse_batch.ParsedBatch:
        """The parsed batch."""
        return self.batch


def parsed_batches(con: duckdb.DuckDBPyConnection, stream: Iterator[Item], size: int,
                   read: Callable, start: Callable) -> Iterator[tuple[list[Item], parse_batch.ParsedBatch]]:
    """Each batch with its parse; the next batch is read and parsing while the caller loads this one.

    `read(stream, size)` gives a batch, `start(items, known)` starts its parse and returns a future.
    A file that repeats one in the batch still in flight is known, as if that batch were loaded.
    """
    items = read(stream, size)
    pending = start(items, known_hashes(con, items)) if items else None
    while pending is not None:
        current, items = items, read(stream, size)
        in_flight = {i.sha256 for i in current if isinstance(i, Input)}
        following = start(items, known_hashes(con, items) | in_flight) if items else None
        yield current, pending.result()
        pending = following


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


def record_check(log: Log, result: summary.RunSummary, check) -> None:
    """The check stage's outcome into the run's summary and the log, with every rule that could not run."""
    log.info("checks: %d issues on %d studies", check.issues, check.studies)
    for rule_id, error in check.failed_rules.items():
        log.warning("rule %s could not run: %s", rule_id, error)
    result.issues_run, result.failed_rules = check.issues, check.failed_rules


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
        with parse_pool(workers) as pool, parse_ahead(pool) as start:
            stream = input_stream(con, inputs.discover(source), rehash)
            number = 0
            for items, parsed in parsed_batches(con, stream, batch_size, next_batch, start):
                validated = validate_records(parsed)
                batch = assemble.assemble(run_id, parsed, validated)
                load.load_batch(con, batch)
                number += 1
                log_batch(log, number, files_in(items), con, run_id)
        if check:
            record_check(log, result, check_studies.check_studies(con, run_id, as_of, recheck_all, workers, log))
        status = "completed"
    except (KeyboardInterrupt, duckdb.InterruptException):  # Ctrl-C inside a query surfaces as the latter
        status = "interrupted"
        raise
    finally:
        close_run(con, result, status, log)
    return summary.fill_from_warehouse(con, result)

