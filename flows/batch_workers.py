"""Worker processes that make batches ready to load: parse, validate and assemble, off the run's process.

The run's process reads files and loads batches in order; each worker takes a whole batch at a time,
so both cores work while a batch loads. Workers only turn bytes into tables: they never touch DuckDB.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

import pandas as pd

from flows import assemble, parse_batch, validate
from flows.inputs import Input, Item
from warehouse import load
from warehouse.tables import STUDY_TABLES


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


class Parsed:
    """A batch parsed (or prepared) at once, with no worker processes: `result()` as a future's."""

    def __init__(self, batch) -> None:
        self.batch = batch

    def result(self):
        """The parsed or prepared batch."""
        return self.batch


@dataclass
class Prepared:
    """A batch ready to load, and the seconds its parse, validation and assembly took where it was made."""

    batch: load.LoadBatch
    seconds: dict[str, float]


def prepare_batch(run_id: str, items: list[Item], known: set[str]) -> Prepared:
    """parse -> validate -> assemble of one batch in this process: a worker's whole unit of work."""
    seconds: dict[str, float] = {}
    with timed(seconds, "parse"):
        parsed = parse_batch.parse_inputs(items, known)
    with timed(seconds, "validate"):
        validated = validate_records(parsed)
    with timed(seconds, "assemble"):
        batch = assemble.assemble(run_id, parsed, validated)
    return Prepared(batch, seconds)


@contextmanager
def timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    """Add the block's wall time to seconds[stage]."""
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started


class _Pending:
    """A worker's batch in flight: `result()` waits for it, as a future's."""

    def __init__(self, async_result) -> None:
        self.async_result = async_result

    def result(self) -> Prepared:
        """The prepared batch (a worker's exception is raised here)."""
        return self.async_result.get()


@contextmanager
def prepare_ahead(run_id: str, workers: int) -> Iterator[Callable]:
    """`start(items, known)` for parsed_batches: whole batches prepared in worker processes (one per core),
    each worker a batch, while this process loads; at once when there are no workers, or nothing to parse
    (a batch of files recorded unchanged is only bookkeeping, so a run with nothing new starts no worker).

    On any error or interrupt the workers are ended at once: a batch in flight is never half loaded,
    only discarded, and its files are read again by the next run.
    """
    pool = None

    def start(items: list[Item], known: set[str]):
        nonlocal pool
        if workers < 2 or not _to_parse(items, known):
            return Parsed(prepare_batch(run_id, items, known))
        if pool is None:
            # fork: workers start at once with the parsers loaded; they never touch the inherited DuckDB
            # connection, and a pool's worker leaves through os._exit, so no destructor writes the file.
            pool = multiprocessing.get_context("fork").Pool(workers, initializer=parse_batch.ignore_interrupts)
        return _Pending(pool.apply_async(prepare_batch, (run_id, items, known)))
    try:
        yield start
        if pool is not None:
            pool.close()
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    finally:
        if pool is not None:
            pool.join()


def _to_parse(items: list[Item], known: set[str]) -> bool:
    """Whether any of the items is read and not known: only those are parsed."""
    return any(isinstance(i, Input) and i.sha256 not in known for i in items)


def validate_records(parsed: parse_batch.ParsedBatch) -> validate.ValidatedBatch:
    """Stage 'validate'; a batch with no records (all skipped or rejected) needs no schema pass."""
    if parsed.records:
        return validate.validate_batch(parsed)
    return validate.ValidatedBatch([], {t: pd.DataFrame(columns=validate.COLUMNS[t]) for t in STUDY_TABLES})
