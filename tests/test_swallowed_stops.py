"""A stop (Ctrl-C, SIGTERM) is never swallowed: not by an import DuckDB makes, nor by a best-effort statement.

DuckDB imports pandas, numpy and pyarrow itself (the first statement that binds a value, the first Arrow table it
scans) and discards whatever that import raises: a stop that came during it was lost, and the run completed with
exit 0. The stop is raised once the import has finished (flows.run.sigterm_as_interrupt). The whole-run trials are
`python bench/stop_trials.py`.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows.cli import INTERRUPTED
from flows.run import close_run
from flows.summary import RunSummary
from tests.structured_rule_families import STRUCTURED_FAMILIES_CODE
from warehouse import connect as connect_module
from warehouse import memory_limit, runs
from warehouse.connect import connect

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 22)

# Sends the signal to the process the first time `name` is imported: its handler runs inside that import.
SIGNAL_WHILE_IMPORTING = """
import importlib.abc, os, signal, sys
class SignalWhileImporting(importlib.abc.MetaPathFinder):
    sent = False
    def find_spec(self, name, path, target=None):
        if name == {name!r} and not self.sent:
            self.sent = True
            os.kill(os.getpid(), signal.{signal})
        return None
sys.meta_path.insert(0, SignalWhileImporting())
"""

# A statement that makes DuckDB import the module, in a fresh process (nothing of it imported yet).
STATEMENT = """
{patch}
import duckdb
from flows.errors import stopped_by_signal
from flows.run import sigterm_as_interrupt
con = duckdb.connect()
try:
    with sigterm_as_interrupt():
        {statement}
        for _ in range(10 ** 7):  # the stop may come just after the statement
            pass
    print("went on")
except BaseException as exc:
    print("stopped" if stopped_by_signal(exc) else f"failed: {{exc!r}}", {name!r} in sys.modules)
"""


@pytest.mark.parametrize("name, statement", [
    ("pandas", 'con.execute("SELECT ?", [1]).fetchone()'),
    ("numpy", 'con.execute("SELECT ?", [1]).fetchone()'),
    ("pyarrow.dataset", 'import pyarrow as pa; con.register("t", pa.table({"a": [1]}))'),
], ids=["pandas-bound-value", "numpy-bound-value", "pyarrow-dataset-arrow-scan"])
@pytest.mark.parametrize("sent", ["SIGTERM", "SIGINT"])
def test_a_stop_while_duckdb_imports_a_module_stops_once_the_import_has_finished(name, statement, sent):
    patch = SIGNAL_WHILE_IMPORTING.format(name=name, signal=sent)
    code = STATEMENT.format(patch=patch, statement=statement, name=name)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.stdout.split() == ["stopped", "True"], proc.stdout + proc.stderr  # imported whole, then stopped


def _under_stops(setup: str, body: str) -> str:
    """A program that runs `body` with stops raised as interrupts, after `setup`, and prints how it ended: "went on"
    past the stop, "stopped" by it, or "failed: ..."."""
    return ("import os, signal\nfrom flows.errors import stopped_by_signal\n"
            f"from flows.run import sigterm_as_interrupt\n{setup}try:\n    with sigterm_as_interrupt():\n"
            f"{textwrap.indent(body, ' ' * 8)}"
            "        for _ in range(10 ** 7):\n            pass\n"
            "    print(\"went on\")\nexcept BaseException as exc:\n"
            "    print(\"stopped\" if stopped_by_signal(exc) else f\"failed: {{exc!r}}\")\n")


# A stop whose handler runs in a function os.fork calls after forking (as logging's _releaseLock is, after every
# fork of a worker): Python prints what it raises there as "Exception ignored" and drops it.
STOP_IN_AN_AT_FORK_FUNCTION = _under_stops("""def after_fork():
    os.kill(os.getpid(), signal.{signal})
    for _ in range(1000):  # the handler runs here
        pass
os.register_at_fork(after_in_parent=after_fork)
""", """pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
""")

# A stop in a stops_held block (a process being started) is raised once the block has ended, not in it.
STOP_IN_A_HELD_BLOCK = _under_stops("from flows.stops import stops_held\n", """with stops_held():
    os.kill(os.getpid(), signal.{signal})
    for _ in range(10 ** 5):
        pass
    print("held", flush=True)
""")


# A child forked in a held block (a worker, the Data Docs child) raises its own stops: it held them for ever, and
# its parent's terminate() waited for it to finish.
STOP_IN_A_CHILD_FORKED_HELD = """
import os, signal, time
from flows.errors import stopped_by_signal
from flows.run import sigterm_as_interrupt
from flows.stops import stops_held
with sigterm_as_interrupt():
    with stops_held():
        pid = os.fork()
        if pid == 0:  # as multiprocessing's child, it never leaves the block
            try:
                os.kill(os.getpid(), signal.{signal})
                time.sleep(2)
                os._exit(0)
            except BaseException as exc:
                os._exit(3 if stopped_by_signal(exc) else 4)
    _, status = os.waitpid(pid, 0)
print("child", os.waitstatus_to_exitcode(status))
"""


@pytest.mark.parametrize("code, printed", [(STOP_IN_AN_AT_FORK_FUNCTION, ["stopped"]),
                                           (STOP_IN_A_HELD_BLOCK, ["held", "stopped"]),
                                           (STOP_IN_A_CHILD_FORKED_HELD, ["child", "3"])],
                         ids=["at-fork-function", "held-block", "child-forked-held"])
@pytest.mark.parametrize("sent", ["SIGTERM", "SIGINT"])
def test_a_stop_where_it_would_be_dropped_or_cut_a_start_short_is_raised_after(code, printed, sent):
    proc = subprocess.run([sys.executable, "-c", code.format(signal=sent)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.stdout.split() == printed, proc.stdout + proc.stderr
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr


# Every stop here comes before the checks (the migration, the first batch) or after them (the end of the run): the
# runs check with the structured-field families only (tests/structured_rule_families.py).
def _cli(db: Path, source: Path, patch: str, *more: str, settings: dict | None = None) -> subprocess.CompletedProcess:
    """`trialqc run` in a subprocess after the given Python code, checking with the structured-field families."""
    code = f"import sys\n{STRUCTURED_FAMILIES_CODE}{patch}\nfrom flows.cli import app\n" \
           f"sys.argv = ['trialqc', 'run', '--db', {str(db)!r}, " \
           f"'--source', {str(source)!r}, '--as-of', '2026-11-22', '--batch-size', '2', *{list(more)!r}]\napp()"
    env = dict(os.environ, TRIALQC_REPORTS=str(db.parent / "reports"), **(settings or {}))
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=env)


@pytest.mark.parametrize("name, status", [("pandas", None), ("pyarrow.dataset", "interrupted")],
                         ids=["migrating-a-new-warehouse", "first-batch-known-hashes"])
def test_a_sigterm_while_duckdb_imports_stops_the_run_with_one_line(samples, tmp_path, name, status):
    """DuckDB imports pandas at a new warehouse's migration (bound values) and pyarrow.dataset at the first Arrow
    table it scans (the first batch's known hashes): a group SIGTERM there once let the run complete, exit 0."""
    db = tmp_path / "t.duckdb"
    proc = _cli(db, samples, SIGNAL_WHILE_IMPORTING.format(name=name, signal="SIGTERM"))
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert [line for line in proc.stderr.splitlines() if "error:" in line] == [f"error: {INTERRUPTED}"]
    if status is not None:
        con = connect(db)
        assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [(status,)]
        con.close()


@pytest.mark.slow  # starts a temporary Prefect server (on a migrated database: tests/conftest.py)
@pytest.mark.usefixtures("session_prefect_home")
def test_a_sigterm_while_duckdb_imports_stops_a_prefect_flow_run_with_one_line(samples, tmp_path):
    """Inside the Prefect flow, Prefect's own SIGTERM handler raised its TerminationSignal in the import DuckDB
    makes at the first batch's known hashes, DuckDB dropped it, and the run completed: exit 0."""
    db = tmp_path / "t.duckdb"
    proc = _cli(db, samples, SIGNAL_WHILE_IMPORTING.format(name="pyarrow.dataset", signal="SIGTERM"), "--prefect")
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert [line for line in proc.stderr.splitlines() if "error:" in line] == [f"error: {INTERRUPTED}"]
    work = db.parent / f".{db.name}.writer" / "work.duckdb"
    con = connect(work if work.exists() else db)
    assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("interrupted",)]
    con.close()


class Interrupting:
    """A connection whose statements containing `words` raise `stop`, as DuckDB does for a statement a signal cut
    short; every other statement and attribute is the real connection's."""

    def __init__(self, con: duckdb.DuckDBPyConnection, words: str, stop: BaseException) -> None:
        self._con, self._words, self._stop = con, words, stop
        self.statements: list[str] = []

    def execute(self, sql: str, *args):
        self.statements.append(sql)
        if self._words in sql:
            self._words = "\0"  # once: the stop was had
            raise self._stop
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._con, name)


STOPS = {"interrupt-exception": lambda: duckdb.InterruptException("INTERRUPT Error: Interrupted!"),
         "query-interrupted": lambda: RuntimeError("Query interrupted"),
         "keyboard-interrupt": lambda: KeyboardInterrupt("signal 15")}


@pytest.fixture
def warehouse(tmp_path):
    con = connect(tmp_path / "t.duckdb")
    yield con
    con.close()


@pytest.mark.parametrize("stop", list(STOPS), ids=list(STOPS))
@pytest.mark.parametrize("words, status", [("UPDATE meta.load_runs", "completed"),
                                            ("FROM meta.load_runs", "completed")],
                         ids=["finish-run", "run-counts"])
def test_a_stop_while_the_run_end_is_recorded_is_raised_and_recorded_interrupted(warehouse, stop, words, status):
    runs.start_run(warehouse, "r1", AS_OF, "src")
    con = Interrupting(warehouse, words, STOPS[stop]())
    with pytest.raises(KeyboardInterrupt):
        close_run(con, RunSummary("r1", AS_OF, "t.duckdb"), status, _Log())
    assert warehouse.execute("SELECT status FROM meta.load_runs").fetchall() == [("interrupted",)]


@pytest.mark.parametrize("stop", list(STOPS), ids=list(STOPS))
def test_a_stop_while_one_thread_restores_the_threads_is_raised(warehouse, stop):
    warehouse.execute("SET threads = 2")
    con = Interrupting(warehouse, "\0", STOPS[stop]())
    with pytest.raises(type(STOPS[stop]())):
        with connect_module.one_thread(con):
            con._words = "SET threads = 2"  # the restore, not the SET of one thread
    assert con.statements[-1] == "SET threads = 2"


@pytest.mark.parametrize("stop", list(STOPS), ids=list(STOPS))
def test_a_stop_while_cached_pages_are_dropped_is_raised_with_the_limit_set_back(warehouse, stop):
    limit = memory_limit.memory_limit_bytes(warehouse)
    con = Interrupting(warehouse, "SET memory_limit = '16MB'", STOPS[stop]())
    with pytest.raises(type(STOPS[stop]())):
        connect_module.drop_cached_pages(con)
    assert abs(memory_limit.memory_limit_bytes(warehouse) - limit) < 2**20


@pytest.mark.parametrize("stop", list(STOPS), ids=list(STOPS))
def test_a_stop_while_closing_is_raised_and_the_connection_closed_without_its_checkpoint(tmp_path, stop):
    db = tmp_path / "t.duckdb"
    real = connect(db)
    real.execute("CREATE TABLE kept AS SELECT 1 AS a")  # a log for closing to checkpoint
    con = Interrupting(real, "SET memory_limit = '16MB'", STOPS[stop]())
    with pytest.raises(type(STOPS[stop]())):
        connect_module.close(con)
    with pytest.raises(duckdb.ConnectionException):
        real.execute("SELECT 1")  # closed
    reopened = connect(db)
    assert reopened.execute("SELECT a FROM kept").fetchall() == [(1,)]  # the log, kept, was replayed
    reopened.close()


class _Log:
    def warning(self, *args) -> None:
        raise AssertionError("a stop is not a failure to record the run's end")



def _slow_docs(inputs, out_dir: Path, run_name: str) -> Path:
    import time

    time.sleep(0.5)
    return out_dir / "index.html"


def test_a_data_docs_child_whose_parent_stopped_waiting_ends_without_a_traceback(tmp_path, capfd, monkeypatch):
    """A stop while the Data Docs are validated after publishing: the run's process stops listening to the child,
    which printed a BrokenPipeError traceback under the stop's one line when it sent its result. (A new
    interpreter, as for a run's process past FORK_MAX_BYTES: a forked child would hold the pipe's reading end.)"""
    from checks import gx_docs_child

    monkeypatch.setattr(gx_docs_child, "_start_method", lambda: "spawn")
    job = gx_docs_child.DataDocsJob(None, tmp_path, "trialqc-r1", work=_slow_docs)
    job.receive.close()  # as the stopped run's process does
    job.process.join(30)
    assert job.process.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err


def _ignores_ctrl_c(pid: int) -> bool:
    """Whether the process ignores SIGINT (its SigIgn mask in /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigIgn:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)))
    return False


def test_a_ctrl_c_while_a_new_data_docs_interpreter_starts_prints_no_traceback(tmp_path, capfd, monkeypatch):
    """A Ctrl-C to the run's process group as the Data Docs child started (after publishing, from a process past
    FORK_MAX_BYTES): the new interpreter took it as a KeyboardInterrupt in its imports and printed its traceback
    under the run's one line (2 of 27 stop trials). It ignores Ctrl-C from its first statement, and does its work;
    the run's process, stopped, ends it."""
    import time

    from checks import gx_docs_child

    monkeypatch.setattr(gx_docs_child, "_start_method", lambda: "spawn")
    job = gx_docs_child.DataDocsJob(None, tmp_path, "trialqc-r1", work=_slow_docs)
    deadline = time.monotonic() + 30
    while not _ignores_ctrl_c(job.process.pid):
        assert time.monotonic() < deadline and job.process.is_alive(), "the new interpreter does not ignore Ctrl-C"
        time.sleep(0.001)
    for _ in range(10):  # through its site packages and imports
        os.kill(job.process.pid, signal.SIGINT)
        time.sleep(0.02)
    assert job.result() == tmp_path / "index.html"
    assert job.process.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err


SIGTERM_WHILE_THE_SUMMARY_PRINTS = """
import os, signal, time, flows.render as render
printing = render.print_summary
def stopped(console, result):
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)
    printing(console, result)
render.print_summary = stopped
"""


def test_a_sigterm_while_the_summary_prints_says_the_run_was_published(samples, tmp_path):
    """The summary is printed once the run is published: SIGTERM's default action killed the process there
    (exit -15, nothing said)."""
    db = tmp_path / "t.duckdb"
    proc = _cli(db, samples, SIGTERM_WHILE_THE_SUMMARY_PRINTS, "--no-report")
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert [line for line in proc.stderr.splitlines() if "error:" in line] == [
        "error: interrupted after publishing: the run completed and its warehouse and report are published"]
    assert "trialqc run" not in proc.stdout  # no summary after the stop
    con = connect(db)
    assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("completed",)]
    con.close()


# A daemon worker left running (a stop cut its pool short as it was made): the process exits all the same.
WORKER_LEFT_RUNNING = """
import multiprocessing, signal, sys, time
from flows.worker_processes import WorkerForkProcess
def ignoring():
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(120)
if __name__ == "__main__":
    worker = WorkerForkProcess(target=ignoring, daemon=True)
    worker.start()
    time.sleep(0.5)
    print("exiting", flush=True)
    sys.exit(0)
"""


def test_a_process_whose_worker_ignores_sigterm_still_exits(tmp_path):
    """multiprocessing ends daemon children at exit with SIGTERM and waits for them: a worker (which ignores it)
    that no pool ended kept a stopped run's process waiting for ever after its one line."""
    script = tmp_path / "left.py"
    script.write_text(WORKER_LEFT_RUNNING)
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=30,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0 and proc.stdout.split() == ["exiting"], proc.stderr


class CommitCutShort(Interrupting):
    """A COMMIT a stop cut short, after which DuckDB has no transaction left to roll back."""

    def execute(self, sql: str, *args):
        if sql == "ROLLBACK" and self._words == "\0":
            self.statements.append(sql)
            raise duckdb.TransactionException("TransactionContext Error: cannot rollback - no transaction is active")
        return super().execute(sql, *args)


@pytest.mark.parametrize("stop", list(STOPS), ids=list(STOPS))
def test_a_stop_that_cuts_the_issue_history_commit_short_is_raised_not_the_failed_rollback(warehouse, stop):
    from warehouse import issue_history

    runs.start_run(warehouse, "r1", AS_OF, "src")
    con = CommitCutShort(warehouse, "COMMIT", STOPS[stop]())
    with pytest.raises(type(STOPS[stop]())):
        issue_history.after_run(con, "r1")
    # rolled back, then (connect.transaction, after any COMMIT that failed) closed without a checkpoint
    assert con.statements[-2:] == ["ROLLBACK", "PRAGMA disable_checkpoint_on_shutdown"]
    warehouse.execute("ROLLBACK")  # (the proxy left the real transaction open)


# The run completes, then a stop comes and code the run called drops it (as Prefect's engine did while it finished
# a flow run), and the run returns as if never stopped.
STOP_DROPPED_AT_THE_END = """
import os, signal, time
from flows import run
completed = run.run_pipeline
def dropping(*args, **kwargs):
    result = completed(*args, **kwargs)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
    except KeyboardInterrupt:
        pass
    return result
run.run_pipeline = dropping
"""


# The report's pages without its GX Data Docs (a child that loads Great Expectations, several seconds of the run):
# the stop is had and dropped before them, and nothing here reads them.
WITHOUT_DATA_DOCS = {"TRIALQC_DATA_DOCS": "off"}


def test_a_stop_that_a_library_dropped_ends_the_command_as_stopped_after_the_run(samples, tmp_path):
    """A Ctrl-C that Prefect's engine dropped as it finished the flow run let the command exit 0 (stop trials)."""
    db = tmp_path / "t.duckdb"
    proc = _cli(db, samples, STOP_DROPPED_AT_THE_END, settings=WITHOUT_DATA_DOCS)
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "Quality issues" in proc.stdout
    assert [line for line in proc.stderr.splitlines() if "error:" in line] == [
        "error: interrupted after publishing: the run completed and its warehouse and report are published"]
    con = connect(db)
    assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("completed",)]
    con.close()


# A stop that cuts a new warehouse's migration, as DuckDB raises it.
STOP_CUTS_THE_MIGRATION = """
from warehouse import connect
def cut(con):
    raise RuntimeError("Query interrupted")
connect.migrate = cut
"""


# The Prefect flow starts a temporary Prefect server (about 7 s): `make test-long` runs it.
@pytest.mark.parametrize("flags", [(), pytest.param(("--prefect",), marks=pytest.mark.long)], ids=["plain", "prefect"])
def test_a_stop_that_cuts_the_migration_of_a_run_ends_it_with_one_line(samples, tmp_path, flags):
    """Outside the flow body's own try (the warehouse opened first), a stop that cut a query left the flow as
    DuckDB's RuntimeError, which Prefect logged with its traceback."""
    proc = _cli(tmp_path / "t.duckdb", samples, STOP_CUTS_THE_MIGRATION, *flags)
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    assert [line for line in proc.stderr.splitlines() if "error:" in line] == [f"error: {INTERRUPTED}"]
