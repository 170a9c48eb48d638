"""The Prefect flow: the data path top to bottom, each stage a task the UI shows.

The stage functions are the plain ones of flows/run.py, called in the same order; this module only
wraps them. Parsing runs in worker processes, or on the Dask cluster when the flow runs on
prefect-dask's DaskTaskRunner (`trialqc_flow.with_options(task_runner=DaskTaskRunner(...))`).
The run writes a private working copy under the writer lock and publishes it at the end
(flows/warehouse_session.py), so readers of the warehouse never break it.
"""
from __future__ import annotations

import functools
import uuid
from concurrent.futures import CancelledError
from contextlib import contextmanager
from datetime import date

import duckdb

from flows.settings import Settings, apply_offline_defaults

apply_offline_defaults()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402
from prefect.context import FlowRunContext  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402
from prefect.states import Cancelled  # noqa: E402
from prefect.utilities.annotations import opaque  # noqa: E402

from flows import artifacts, assemble, batch_workers, check_studies, inputs, parse_batch, run, run_labels, summary  # noqa: E402
from flows import batch_stages  # noqa: E402
from flows.errors import raise_stop_as_interrupt, stopped_by_signal, unmasked_stop  # noqa: E402
from flows.extract.task import extract_stage  # noqa: E402
from flows.stops import stops_as_interrupt  # noqa: E402
from flows.warehouse_session import warehouse_session  # noqa: E402
from warehouse import load  # noqa: E402

# Batches move between tasks in memory; nothing is cached or persisted by Prefect. A batch is handed to a task as
# `opaque(...)`: Prefect would otherwise walk every object in it, twice per task (looking for futures to wait for
# and for the task runs it came from), which took two thirds of a flow run's time: 82 s for 8,000 studies, where
# the same stages without Prefect took 7 s. The task still records the run of the task that made it.
TASK = {"cache_policy": NONE, "persist_result": False}


def _stops_raised(stage):
    """`stage`, with a stop that cut one of its DuckDB queries ("Query interrupted") raised as the interrupt it is:
    Prefect logs a task's error with its traceback, and an interrupt as a one-line crash."""
    @functools.wraps(stage)
    def task_body(*args, **kwargs):
        try:
            return stage(*args, **kwargs)
        except Exception as exc:
            raise_stop_as_interrupt(exc)
            raise
    return task_body


# I/O stages may meet a passing fault and are retried; parse and validate are deterministic.
discover_files = task(name="discover", **TASK, **run_labels.IO_TASK_OPTIONS)(_stops_raised(inputs.discover))
read_inputs = task(name="read-inputs", **TASK)(_stops_raised(run.next_batch))


def _parse_until_stopped(items, known, pool):
    """parse_batch.parse_inputs; a batch parsing ahead (in a thread of the task runner) when the run stopped ends
    `Cancelled`: the stop shut the worker pool down and cancelled the batch's chunks, which is no failure to log
    with a traceback."""
    try:
        return parse_batch.parse_inputs(items, known, pool)
    except CancelledError:
        return Cancelled(message="the run stopped before this batch was parsed")


parse = task(name="parse-batch", **TASK)(_stops_raised(_parse_until_stopped))
validate_batch = task(name="validate-batch", **TASK)(_stops_raised(batch_stages.validate_records))
assemble_batch = task(name="assemble-batch", **TASK)(_stops_raised(assemble.assemble))
load_batch = task(name="load-batch", **TASK, **run_labels.IO_TASK_OPTIONS)(_stops_raised(load.load_batch))
ready_to_check = task(name="checkpoint-loaded", **TASK)(_stops_raised(check_studies.ready_to_check))
check = task(name="check-studies", **TASK)(_stops_raised(check_studies.check_studies))


@contextmanager
def parse_workers(workers: int | None):
    """The Dask cluster's workers when the flow runs on prefect-dask's DaskTaskRunner, else local processes."""
    runner = getattr(FlowRunContext.get(), "task_runner", None)
    if type(runner).__name__ == "DaskTaskRunner":
        yield runner.client.get_executor()  # the runner creates (or connects to) its cluster on first use
        return
    with batch_workers.parse_pool(workers) as pool:
        yield pool


def parse_ahead(pool):
    """`start(items, known)`: the parse task submitted to the flow's task runner, so the next batch parses
    while this one loads; called in place on a Dask cluster, whose workers already parse in parallel."""
    runner = getattr(FlowRunContext.get(), "task_runner", None)
    if pool is None or type(runner).__name__ == "DaskTaskRunner":
        return lambda items, known: batch_workers.Parsed(parse(opaque(items), opaque(known), pool))
    return lambda items, known: _Parsing(parse.submit(opaque(items), opaque(known), pool))


class _Parsing:
    """The parse task's future, which lets go of its batch once given (`result()`): Prefect's future and the
    executor's future under it refer to each other, a cycle Python frees only in a full collection, which comes
    rarely while a run holds millions of rows; the finished future's state kept the batch, so every parsed batch
    of a run stayed held (1.9 GB at 20,000 studies, growing with the run)."""

    def __init__(self, future) -> None:
        self.future = future

    def result(self):
        """The parsed batch (the task's exception is raised here); the future's state no longer holds it."""
        future, self.future = self.future, None
        batch = future.result()
        future.state.data = None
        return batch


def _run_stops(body):
    """The flow's body, run under the run's own stop handler: a SIGTERM stops it as Ctrl-C does, with the care of
    flows/stops.py (a stop is not lost in an import DuckDB makes, nor in a fork), and the run is recorded
    `interrupted`. Prefect's own handler, back once the body ends, raises its TerminationSignal wherever the signal
    lands. A stop that cut a query anywhere in the body (a new warehouse's migration) leaves it as the interrupt it
    is: Prefect logs an error leaving a flow with its traceback."""
    stopped = _stops_raised(body)

    @functools.wraps(body)
    def flow_body(*args, **kwargs):
        with stops_as_interrupt():
            return stopped(*args, **kwargs)
    return flow_body


@flow(name="trialqc", log_prints=False)
@_run_stops
def trialqc_flow(source: str | None = None, db: str | None = None, as_of: date | None = None,
                 batch_size: int | None = None, recheck_all: bool = False, workers: int | None = None,
                 rehash: bool = False, report: bool = True, pull: dict | None = None,
                 ducklake: str | None = None) -> summary.RunSummary:
    """Pull (when asked), then load registry records from `source` into the warehouse `db` and check them."""
    settings = Settings.from_env()
    pulled = extract_stage(pull, db=db)
    source_path, db_path = settings.resolve(source or (pulled.landing if pulled else None), db)
    run_id, as_of, log = str(flow_run.id or uuid.uuid4()), as_of or date.today(), get_run_logger()
    run_labels.tag_current_run(str(source_path), as_of)
    progress = artifacts.Progress()
    with warehouse_session(db_path, run_id, log, settings.reports_for(db_path) if report else None,
                           ducklake=ducklake) as session, parse_workers(workers) as pool:
        con = session.con
        result = run.open_run(con, run_id, source_path, db_path, as_of, log)
        status = "failed"
        try:
            entries = discover_files(source_path)
            progress.found(len(entries))
            stream = run.input_stream(con, entries, rehash)
            number = 0
            size = batch_size or settings.batch_size
            for items, parsed in run.parsed_batches(con, stream, size, read_inputs, parse_ahead(pool)):
                validated = validate_batch(opaque(parsed))
                batch = assemble_batch(run_id, opaque(parsed), opaque(validated))
                load_batch(con, opaque(batch))
                number += 1
                progress.loaded(run.files_in(items))
                run.log_batch(log, number, run.files_in(items), con, run_id)
            progress.checking()
            con = ready_to_check(con, session.use)
            run.record_check(log, result, check(con, run_id, as_of, recheck_all, workers, log))
            status = "completed"
        except BaseException as exc:  # Ctrl-C or SIGTERM inside a query surfaces as DuckDB's error: an interrupt
            stop = unmasked_stop(exc)  # (or as an error Prefect raised while it handled the stop)
            if stop is not exc:
                status = "interrupted"
                raise stop from exc
            if stopped_by_signal(exc):
                status = "interrupted"
            raise
        finally:
            run.close_run(con, result, status, log)
        result = summary.fill_from_warehouse(con, result)
    if pull and pulled and pull.get("bulk"):
        from flows.extract.command import close_bulk_gates

        close_bulk_gates(db_path)
    artifacts.run_artifacts(result, session, progress)
    return result
