"""The Prefect flow hands each batch to its tasks without Prefect walking through it, and lets it go once loaded."""
from __future__ import annotations

import gc

import pytest

from tests.faults import AS_OF
from tests.test_order import _arrange

# The flows' temporary Prefect server starts on a migrated database (tests/conftest.py): a new one is made and
# migrated at its first start, on a new checkout.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("session_prefect_home")]


def test_the_flow_s_tasks_get_their_batches_without_prefect_visiting_them_and_let_them_go(tmp_path, monkeypatch):
    """Prefect looks through a task's arguments for futures and for the runs that made them, object by object:
    over batches of studies' rows that took two thirds of a flow run's time (82 s for 8,000 studies, where the
    same stages without Prefect took 7 s). Handed over opaque, a batch is one object to it, whatever it holds."""
    import prefect.utilities.collections as collections
    import prefect.utilities.engine as engine

    from flows import run
    from flows.parse_batch import ParsedBatch
    from flows.pipeline import trialqc_flow

    visited = []
    original = collections.visit_collection

    def counting(expr, *args, **kwargs):
        visited.append(type(expr).__name__)
        return original(expr, *args, **kwargs)

    monkeypatch.setattr(collections, "visit_collection", counting)
    monkeypatch.setattr(engine, "visit_collection", counting)
    monkeypatch.setenv("TRIALQC_REPORTS", str(tmp_path / "reports"))
    source = _arrange(tmp_path, "flat-a")
    studies = sum(1 for path in source.rglob("*") if path.is_file())
    held = []  # parsed batches alive as each batch is loaded
    logged = run.log_batch

    def log_batch(*args):
        logged(*args)
        held.append(sum(type(o) is ParsedBatch for o in gc.get_objects()))
    monkeypatch.setattr(run, "log_batch", log_batch)
    gc.disable()  # as in a large run, where a full collection comes rarely: what a cycle holds stays held
    try:
        result = trialqc_flow(source=str(source), db=str(tmp_path / "w.duckdb"), as_of=AS_OF, workers=2,
                              report=False, batch_size=4)
    finally:
        gc.enable()
    assert result.loaded == studies > 20
    # every row of every study would be visited: dicts, lists and dataclasses by the thousand per study
    assert visited.count("dict") < 20 * studies, (len(visited), studies)
    assert "StudyRecord" not in visited  # no task walked into a batch
    # the batch loaded and the one parsing ahead: a finished parse's future held its batch in a cycle that only a
    # full collection frees, so that a flow run held every batch it parsed
    assert len(held) >= 5 and max(held) <= 3, held


def test_a_validation_that_fails_in_the_flow_fails_it_with_its_own_error(tmp_path, monkeypatch):
    """A batch whose validate task raises ends the flow run with that error (not a Prefect wrapper of it), after the
    batch before it was loaded whole, and the run is recorded failed."""
    import duckdb

    from flows import pipeline

    monkeypatch.setenv("TRIALQC_REPORTS", str(tmp_path / "reports"))
    validate, calls = pipeline.validate_batch.fn, []

    def failing_second(parsed):
        calls.append(1)
        if len(calls) == 2:
            raise LookupError("validation fault for the test")
        return validate(parsed)

    monkeypatch.setattr(pipeline.validate_batch, "fn", failing_second)
    source, db = _arrange(tmp_path, "flat-a"), tmp_path / "w.duckdb"
    with pytest.raises(LookupError, match="validation fault for the test"):
        pipeline.trialqc_flow(source=str(source), db=str(db), as_of=AS_OF, workers=2, report=False, batch_size=4)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status, studies_loaded FROM meta.load_runs").fetchall() == [("failed", 4)]


def test_a_stop_that_cut_a_task_s_query_ends_the_flow_as_an_interrupt_without_a_task_traceback(tmp_path, monkeypatch):
    """A Ctrl-C or SIGTERM that cuts a DuckDB query surfaces as DuckDB's RuntimeError 'Query interrupted'. Raised
    out of a task as it is, Prefect logged it as the task's failure with its traceback; it is the interrupt."""
    import logging

    import checks
    import duckdb

    from flows import pipeline

    monkeypatch.setenv("TRIALQC_REPORTS", str(tmp_path / "reports"))

    def cut(*args, **kwargs):
        raise RuntimeError("Query interrupted")

    class Kept(logging.Handler):
        def __init__(self) -> None:
            super().__init__(logging.DEBUG)
            self.records: list[logging.LogRecord] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.records.append(record)

    monkeypatch.setattr(checks, "run_checks", cut)
    source, db = _arrange(tmp_path, "flat-a"), tmp_path / "w.duckdb"
    kept = Kept()
    logging.getLogger("prefect").addHandler(kept)
    try:
        with pytest.raises(KeyboardInterrupt):
            pipeline.trialqc_flow(source=str(source), db=str(db), as_of=AS_OF, workers=1, report=False)
    finally:
        logging.getLogger("prefect").removeHandler(kept)
    checking = [r for r in kept.records if str(getattr(r, "task_run_name", "")).startswith("check-studies")]
    assert checking, [r.getMessage() for r in kept.records]
    assert not [r.getMessage() for r in checking if r.exc_info or "Traceback" in r.getMessage()]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("interrupted",)]


def test_a_stop_as_prefect_begins_a_task_run_ends_the_flow_as_the_interrupt(tmp_path, monkeypatch):
    """A stop while Prefect's task engine made a task run failed its own handling ("ValueError: Task run is not
    set", raised while the KeyboardInterrupt was handled), and that error ended the command with a traceback, exit 1
    (a stop trial of `trialqc run --prefect`)."""
    import duckdb
    import prefect.task_engine as task_engine

    from flows import pipeline

    monkeypatch.setenv("TRIALQC_REPORTS", str(tmp_path / "reports"))
    make, made = task_engine._create_task_run_locally, []

    def stopped_at_the_fourth(*args, **kwargs):
        made.append(1)
        if len(made) == 4:  # discover, read, parse, then this task run as it begins
            raise KeyboardInterrupt
        return make(*args, **kwargs)

    monkeypatch.setattr(task_engine, "_create_task_run_locally", stopped_at_the_fourth)
    source, db = _arrange(tmp_path, "flat-a"), tmp_path / "w.duckdb"
    with pytest.raises(KeyboardInterrupt):
        pipeline.trialqc_flow(source=str(source), db=str(db), as_of=AS_OF, workers=1, report=False, batch_size=4)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("interrupted",)]
