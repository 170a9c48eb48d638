"""The data path without Prefect: what tests, the bench and a run with no Prefect server use.

It is the same sequence of stage functions as the @flow in flows/pipeline.py, called directly; here
each worker process parses, validates and assembles whole batches, and this process loads them in
order and checks. The run's bookkeeping (start, batching, counts, finish) is here and the flow uses it too.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from contextlib import ExitStack, contextmanager
from datetime import date
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from flows import check_studies, inputs, summary, unchanged_files
from flows.errors import raise_stop_as_interrupt, stopped_by_signal
from flows.timing import timed
from flows.worker_processes import stop_server
from flows.inputs import FileEntry, Input, Item, UnchangedFiles
from warehouse import runs
from warehouse.connect import one_thread

Log = logging.Logger | logging.LoggerAdapter
# A batch is also cut when its bytes reach this, so one batch of huge files stays bounded in memory.
BATCH_BYTES = 256 * 1024 * 1024
# Files recorded unchanged ride along without counting towards the batch size (a re-run after a small
# change parses a few full batches, not many nearly empty ones); about this many per batch slot at most. Each
# batch of changed studies deletes their old rows with a scan of every study table, so fewer, fuller batches
# cost less: after 1% of 100,000 studies changed, one batch instead of three loaded in 0.7-0.8 s instead of
# 1.2-1.8 s. A batch's unchanged files are carried as Python columns of path and sha256, about 52 MB for the
# 200,000 of a batch of 2,000, and up to three batches are in flight.
UNCHANGED_PER_SLOT = 100


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM stops the run as Ctrl-C does: the batch in flight rolls back whole. Neither
    stop is swallowed where Python would run its handler: in an import DuckDB makes, in a function os.fork calls
    (flows/stops.py)."""
    from flows.stops import stops_as_interrupt

    with stops_as_interrupt():
        yield


class Batch(list):
    """A batch of items; `last` when the input stream ended with it (no batch follows)."""

    last = False


def next_batch(stream: Iterator[Item], size: int, max_bytes: int = BATCH_BYTES) -> Batch:
    """The next batch from the input stream: at most `size` files read and about `max_bytes` bytes.

    Files recorded unchanged (not read) do not count towards `size`, up to about UNCHANGED_PER_SLOT * size
    of them (their blocks are not split).
    """
    batch, held, read, unchanged = Batch(), 0, 0, 0
    for item in stream:
        batch.append(item)
        if isinstance(item, UnchangedFiles):
            unchanged += len(item)
        else:
            read += 1
            held += item.size if isinstance(item, (Input, FileEntry)) else 0
        if read >= size or held >= max_bytes or read + unchanged >= UNCHANGED_PER_SLOT * size:
            break
    else:
        batch.last = True
    return batch


def shared_batch_size(batch_size: int, entries: Iterator, workers: int) -> tuple[int, Iterator]:
    """The batch size that gives every worker a batch, and the same entries to go on with: a run of fewer
    files than `workers` batches is cut into one batch per worker. Only that many entries are looked at
    ahead. (A zip's members are not counted before they are read: its runs keep `batch_size`.) Any batch
    size gives the same warehouse."""
    if workers < 2:
        return batch_size, entries
    ahead = list(islice(entries, batch_size * workers))
    if len(ahead) == batch_size * workers or any(isinstance(e, inputs.FileEntry) and e.is_zip for e in ahead):
        return batch_size, chain(ahead, entries)
    return max(1, -(-len(ahead) // workers)), iter(ahead)


def files_in(items: list[Item]) -> int:
    """How many files a batch holds (a block of unchanged files counts each of them)."""
    return sum(len(item) if isinstance(item, UnchangedFiles) else 1 for item in items)


def input_stream(con: duckdb.DuckDBPyConnection, entries: list, rehash: bool = False,
                 defer: bool = False) -> Iterator[Item]:
    """The inputs of a run, read lazily; files recorded unchanged (path, size, mtime) are not read.
    With `defer`, plain files are read by the worker that parses them."""
    return inputs.read_inputs(entries, None if rehash else partial(runs.unchanged_files, con), defer)


def known_hashes(con: duckdb.DuckDBPyConnection, items: list[Item]) -> set[str]:
    """The sha256s of this batch's read inputs that an earlier run recorded."""
    return runs.known_hashes(con, [i.sha256 for i in items if isinstance(i, Input)])


def parsed_batches(con: duckdb.DuckDBPyConnection, stream: Iterator[Item], size: int,
                   read: Callable, start: Callable, ahead: int = 1,
                   done: Callable[[], None] | None = None) -> Iterator[tuple[list[Item], object]]:
    """Each batch with its parse; up to `ahead` more batches are read and parsing while the caller loads one.

    `read(stream, size)` gives a batch, `start(items, known)` starts its parse and returns a future; `done()`
    is called once the last batch is started. A file that repeats one in a batch still in flight is known, as
    if that batch were loaded.
    """
    flight: deque[tuple[list[Item], object]] = deque()
    items = read(stream, size)
    while items or flight:
        while items and len(flight) <= ahead:
            in_flight = {i.sha256 for batch, _ in flight for i in batch if isinstance(i, Input)}
            flight.append((items, start(items, known_hashes(con, items) | in_flight)))
            items = read(stream, size)
            if not items and done is not None:
                done()
        current, pending = flight.popleft()
        yield current, pending.result()


def timed_read(result: summary.RunSummary) -> Callable:
    """next_batch, its time added to the run's 'read' stage."""
    def read(stream: Iterator[Item], size: int) -> list[Item]:
        with timed(result.stage_seconds, "read"):
            return next_batch(stream, size)
    return read


def add_seconds(result: summary.RunSummary, seconds: dict[str, float]) -> None:
    """A prepared batch's stage seconds into the run's."""
    for stage, spent in seconds.items():
        result.stage_seconds[stage] = result.stage_seconds.get(stage, 0.0) + spent


class AllUnchanged:
    """A batch of files all recorded unchanged: nothing to read, parse, validate or assemble. Loading it
    only marks its files seen by the run and counts them skipped (`runs.see_unchanged`), which is what
    loading the prepared batch would do; `result()` as a future's."""

    def __init__(self, items: list[Item]) -> None:
        self.items = items

    def result(self) -> "AllUnchanged":
        """Itself: there is nothing to wait for."""
        return self


def only_unchanged(items: list[Item]) -> bool:
    """Whether every item of the batch is a block of files recorded unchanged."""
    return all(isinstance(item, UnchangedFiles) for item in items)


class BatchStarter:
    """`start(items, known)` for parsed_batches. A batch of only unchanged files is settled here; any other
    goes to the batch workers (flows/batch_workers.py), started on the first such batch: a run with nothing
    new imports neither them nor pandas and pandera, and starts no worker process.

    With `checking` (the stack of the run's check stage), the check stage's text-rule workers are started
    then too, before the first batch is loaded (`checks.rule_workers.check_workers`), and kept in `checkers`; not
    when that batch is the run's last and its files with the studies still unchecked (`pending`: a callable
    giving how many) are too few for the check to use them (`checks.engine.PARALLEL_MIN_STUDIES`): the run
    after a small change then starts no process it would leave idle."""

    def __init__(self, run_id: str, workers: int, recorded: Callable | None,
                 checking: ExitStack | None = None, pending: Callable[[], int] | None = None) -> None:
        self.run_id, self.workers, self.recorded, self.checking = run_id, workers, recorded, checking
        self.pending = pending
        self.stack = ExitStack()
        self.ahead = None
        self.checkers = None
        self.size: int | None = None  # the run's batch size: a shorter batch may be spread over the workers

    def __enter__(self) -> "BatchStarter":
        return self

    def __exit__(self, *exc) -> bool:
        try:
            return self.stack.__exit__(*exc)
        finally:
            # The workers' last results hold their batches' tables; the run has loaded them.
            self.ahead = None

    def _checks_many(self, items: list[Item]) -> bool:
        """Whether the run's check may use text-rule workers, judged at its first batch of files to parse: any
        batch but the run's last may be followed by many more (a file of several studies, or studies that
        name it, may still take a check past the estimate: it then forks workers of its own, as without any)."""
        if not getattr(items, "last", False):
            return True
        from checks import engine

        files = sum(1 for item in items if not isinstance(item, UnchangedFiles))
        return files + (self.pending() if self.pending is not None else 0) >= engine.PARALLEL_MIN_STUDIES

    def no_more(self) -> None:
        """The last batch is started: the batch workers end as they finish (BatchesAhead.no_more)."""
        if self.ahead is not None:
            self.ahead.no_more()

    def start(self, items: list[Item], known: set[str]):
        """The batch's preparation under way; `result()` gives it ready to load."""
        if only_unchanged(items):
            return AllUnchanged(items)
        if self.ahead is None:
            from flows import batch_workers

            if self.checking is not None and self._checks_many(items):
                from checks.rule_workers import check_workers

                self.checkers = self.checking.enter_context(check_workers(self.workers,
                                                                          getattr(items, "last", False)))
            self.ahead = self.stack.enter_context(batch_workers.prepare_ahead(self.run_id, self.workers,
                                                                              self.recorded, self.size))
        return self.ahead.start(items, known)


def load_prepared(con: duckdb.DuckDBPyConnection, run_id: str, ahead: BatchStarter, items: list[Item],
                  prepared, result: summary.RunSummary, appended: runs.AppendedRows | None = None) -> None:
    """Load one batch in its own transaction (settled first: see BatchesAhead.settle); `appended`: the run's
    record of where its rows went, for its check."""
    if isinstance(prepared, AllUnchanged):
        runs.see_unchanged(con, run_id, unchanged_table(items))
        return
    from warehouse import load

    prepared = ahead.ahead.settle(items, prepared, partial(runs.known_hashes, con))
    load.load_batch(con, prepared.batch, appended)
    add_seconds(result, prepared.seconds)


def unchanged_table(items: list[Item]):
    """The (path, sha256) of a batch's unchanged files as one table."""
    return unchanged_files.joined([item for item in items if isinstance(item, UnchangedFiles)])


def open_run(con: duckdb.DuckDBPyConnection, run_id: str, source: Path, db_path: Path, as_of: date,
             log: Log) -> summary.RunSummary:
    """Record the run as started; runs left `running` by a killed process are marked interrupted."""
    for stale in runs.start_run(con, run_id, as_of, str(source)):
        log.warning("run %s did not finish: marked interrupted; its unchecked studies are checked now", stale)
    return summary.RunSummary(run_id, as_of, str(db_path))


def close_run(con: duckdb.DuckDBPyConnection, result: summary.RunSummary, status: str, log: Log) -> None:
    """Record the final status; if even that cannot be written, the next run marks this one interrupted.

    A stop (Ctrl-C, SIGTERM) that cuts these statements short is not a failure to record: swallowed, the run went
    on as completed. The run is recorded `interrupted` instead (the stop was had: the statement runs again), and
    the stop raised."""
    try:
        try:
            runs.finish_run(con, result.run_id, status)
        except duckdb.Error as exc:
            raise_stop_as_interrupt(exc)
            if isinstance(exc, duckdb.FatalException):  # its database is invalidated until opened again
                log.warning("could not record the run's end (FatalException): it is recorded once the warehouse "
                            "is opened again")
            else:
                log.warning("could not record the run's end (%s): the next run marks it interrupted",
                            type(exc).__name__)
        try:
            for name, value in runs.run_counts(con, result.run_id).items():
                setattr(result, name, value)
        except duckdb.Error as exc:
            raise_stop_as_interrupt(exc)
    except BaseException as exc:
        if not stopped_by_signal(exc):
            raise
        try:
            runs.finish_run(con, result.run_id, "interrupted")
        except duckdb.Error:
            pass  # the next run marks it interrupted
        raise_stop_as_interrupt(exc)
        raise


def log_batch(log: Log, number: int, size: int, con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """One line per batch with the run's counts so far."""
    c = runs.run_counts(con, run_id)
    log.info("batch %d: %d input%s; so far %d loaded, %d rejected, %d skipped",
             number, size, "" if size == 1 else "s", c["loaded"], c["rejected"], c["skipped"])


def record_check(log: Log, result: summary.RunSummary, check) -> None:
    """The check stage's outcome into the run's summary and the log, with every rule that could not run."""
    log.info("checks: %d issues on %d studies", check.issues, check.studies)
    for rule_id, error in check.failed_rules.items():
        log.warning("rule %s could not run: %s", rule_id, error)
    result.issues_run, result.failed_rules = check.issues, check.failed_rules


def run_pipeline(con: duckdb.DuckDBPyConnection, *, run_id: str, source: Path, db_path: Path, as_of: date,
                 batch_size: int = 2000, recheck_all: bool = False, workers: int | None = None,
                 rehash: bool = False, check: bool = True, log: Log | None = None,
                 by_rule: bool = True, reconnected: check_studies.Reconnected | None = None) -> summary.RunSummary:
    """discover -> read -> parse -> validate -> assemble -> load (per batch) -> check, recorded in meta.load_runs.

    check=False loads only (calibration, benchmarks): the studies stay queued for the next run's check.
    by_rule=False leaves the summary's studies by rule out (the terminal summary does not show them).
    The check may begin on a new connection to the warehouse (check_studies.ready_to_check): `con` is then
    closed, and the new one given to `reconnected`, which a caller that goes on with the warehouse passes.
    """
    log = log or logging.getLogger("trialqc")
    workers = (os.cpu_count() or 1) if workers is None else workers
    result = open_run(con, run_id, source, db_path, as_of, log)
    status = "failed"
    try:
        # The check stage's text-rule workers, when the loading starts them, end with the check stage; then the
        # fork server they and the batch workers may have started from (flows/worker_processes.py).
        with ExitStack() as checking:
            checking.callback(stop_server)
            recorded = partial(runs.recorded_prefixes, con)
            # where the loading appends the studies' rows: the check of exactly those finds them there
            appended = runs.AppendedRows()
            # The loop's statements run on one DuckDB thread (see one_thread), set once for all its batches.
            with BatchStarter(run_id, workers, recorded, checking if check else None,
                              partial(runs.unchecked_count, con)) as ahead, one_thread(con):
                size, entries = shared_batch_size(batch_size, inputs.walk(source), workers)
                ahead.size = size
                stream = input_stream(con, entries, rehash, defer=workers >= 2)
                number = 0
                # each worker busy with a batch while this one loads
                for items, prepared in parsed_batches(con, stream, size, timed_read(result), ahead.start,
                                                      workers if workers >= 2 else 0, ahead.no_more):
                    with timed(result.stage_seconds, "load"):
                        load_prepared(con, run_id, ahead, items, prepared, result, appended)
                    number += 1
                    log_batch(log, number, files_in(items), con, run_id)
                # The last batch's tables (mapped from its shared file) would stay for the whole check stage,
                # and in every check worker forked from this process, through the check's checkpoint.
                items = prepared = entries = stream = None
            if check:
                with timed(result.stage_seconds, "check"):
                    con = check_studies.ready_to_check(con, reconnected)
                    checked = check_studies.check_studies(con, run_id, as_of, recheck_all, workers, log,
                                                          ahead.checkers, appended)
                record_check(log, result, checked)
        log.info("stages: %s", ", ".join(f"{stage} {spent:.1f} s" for stage, spent in result.stage_seconds.items()))
        status = "completed"
    except BaseException as exc:  # Ctrl-C or SIGTERM inside a query surfaces as DuckDB's error: an interrupt
        if stopped_by_signal(exc):
            status = "interrupted"
            raise_stop_as_interrupt(exc)
        raise
    finally:
        close_run(con, result, status, log)
    return summary.fill_from_warehouse(con, result, by_rule)

