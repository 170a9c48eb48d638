"""A stop after publishing, while the Data Docs child validates, ends the run within seconds: a child forked by a
run that takes its stops raises a stop at once, also in the middle of an import (the run's own process puts it off
until the import has finished: tests/test_swallowed_stops.py), and the run's wait for the child's outcome takes a
stop where nothing waits for the child, which its cancel() then ends."""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from checks import gx_docs_child
from flows import stops, warehouse_session
from flows.stops import stops_as_interrupt
from flows.warehouse_session import Session

FORK = multiprocessing.get_context("fork")
# How long the children below work: long enough that a stop reaches them at work.
WORK_SECONDS = 1.5
STOPPED = 3  # the exit code of a child below that a stop ended


def _wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.01)


def _import_slow_module(folder: str) -> None:
    """A child's work: import a module that says it began, works, and says it finished."""
    sys.path.insert(0, folder)
    try:
        import slow_to_import  # noqa: F401
    except KeyboardInterrupt:
        os._exit(STOPPED)


def _sleep_then_mark(folder: str) -> None:
    """A child's work: say it began, work, say it finished."""
    Path(folder, "began").touch()
    time.sleep(WORK_SECONDS)
    Path(folder, "finished").touch()


def _forked_while_taking_stops(target, folder: Path):
    """A child forked while this process takes its stops as a run does."""
    with stops_as_interrupt():
        child = FORK.Process(target=target, args=(str(folder),), daemon=True)
        child.start()
    return child


@pytest.fixture
def slow_module(tmp_path: Path) -> Path:
    (tmp_path / "slow_to_import.py").write_text(
        "import pathlib, time\n"
        f"pathlib.Path({str(tmp_path)!r}, 'began').touch()\n"
        f"time.sleep({WORK_SECONDS})\n"
        f"pathlib.Path({str(tmp_path)!r}, 'finished').touch()\n")
    return tmp_path


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_child_stopped_while_it_imports_stops_at_once(slow_module: Path, stop) -> None:
    child = _forked_while_taking_stops(_import_slow_module, slow_module)
    _wait_for(slow_module / "began")
    os.kill(child.pid, stop)
    child.join()
    assert child.exitcode == STOPPED
    assert not (slow_module / "finished").exists()  # the import was not waited for


def _report_a_stop_slowly(folder: str) -> None:
    """A child's work: wait to be stopped, then take a while to report it."""
    Path(folder, "began").touch()
    try:
        time.sleep(60)
    except KeyboardInterrupt:
        Path(folder, "reporting").touch()
        time.sleep(WORK_SECONDS)
        os._exit(STOPPED)


def test_a_second_stop_ends_a_child_that_reports_the_first_without_a_traceback(tmp_path: Path, capfd) -> None:
    child = _forked_while_taking_stops(_report_a_stop_slowly, tmp_path)
    _wait_for(tmp_path / "began")
    os.kill(child.pid, signal.SIGINT)  # the group's Ctrl-C
    _wait_for(tmp_path / "reporting")
    os.kill(child.pid, signal.SIGTERM)  # the run's terminate()
    child.join()
    assert "Traceback" not in capfd.readouterr().err
    assert child.exitcode == stops.STOPPED_CHILD


class _DataDocs:
    """The run's Data Docs as `_wait_data_docs` sees them: a job under way in a child, its folder."""

    def __init__(self, job, out_dir: Path) -> None:
        self.job, self.out_dir = job, out_dir

    def result(self) -> Path:
        return self.job.result()

    def cancel(self) -> None:
        self.job.cancel()


def _validate_slowly(inputs, out_dir: Path, run_name: str) -> Path:
    _sleep_then_mark(str(out_dir.parent))
    return out_dir / "index.html"


def _waiting_in(code, thread_id: int) -> bool:
    """Whether the thread runs `code` (a function's code) somewhere on its stack."""
    frame = sys._current_frames().get(thread_id)
    while frame is not None and frame.f_code is not code:
        frame = frame.f_back
    return frame is not None


def _stop_this_process_once(began: Path) -> threading.Thread:
    """SIGTERM to this process once the child has begun its work and the main thread waits for the Data Docs."""
    main, waiting = threading.main_thread().ident, warehouse_session._wait_data_docs.__code__

    def stop() -> None:
        _wait_for(began)
        while not _waiting_in(waiting, main):
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGTERM)
    thread = threading.Thread(target=stop, daemon=True)
    thread.start()
    return thread


def test_a_stop_while_the_data_docs_validate_ends_their_child_without_waiting_for_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(gx_docs_child, "_start_method", lambda: "fork")
    out_dir = tmp_path / "gx"
    session = Session(con=None, run_id="r", published=tmp_path / "trials.duckdb")
    with stops_as_interrupt():
        docs = _DataDocs(gx_docs_child.DataDocsJob(None, out_dir, "r", work=_validate_slowly), out_dir)
        stopping = _stop_this_process_once(tmp_path / "began")
        with pytest.raises(KeyboardInterrupt):
            warehouse_session._wait_data_docs(docs, session, logging.getLogger("trialqc"))
    stopping.join()
    assert not docs.job.process.is_alive()
    assert not (tmp_path / "finished").exists()  # its validation was not waited for
    assert session.report_paths == [out_dir / "index.html"]
    assert "stopped by an interrupt" in (out_dir / "index.html").read_text()
