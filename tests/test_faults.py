"""Interruptions: kill -9 while loading and checking, SIGTERM, Ctrl-C, a disk fault; the next run recovers.

The 20+ point variant is bench/kill_points.py; here a handful of points keeps CI short.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import checks.engine
from bench import generate
from flows import check_studies
from flows.cli import INTERRUPTED
from flows.run import run_pipeline
from tests.faults import AS_OF, BATCH_SIZE, CHECK_CHUNK, meta_agrees, table_hashes
from tests.structured_rule_families import STRUCTURED_FAMILIES_CODE
from warehouse import connect as connect_module
from warehouse.connect import connect

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The bundled samples plus 14 generated studies in mixed layouts: several batches of 4."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "data" / "samples", folder / "records")
    for name, data, _ in generate.records(14, seed=3, layout="mixed"):
        (folder / "records" / name).write_bytes(data)
    return folder / "records"


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict[str, str]:
    """The table hashes of an uninterrupted run."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    con = connect(db)
    run_pipeline(con, run_id="ref", source=corpus, db_path=db, as_of=AS_OF, batch_size=BATCH_SIZE)
    hashes = table_hashes(con)
    con.close()
    return hashes


def _rerun(db: Path, source: Path) -> duckdb.DuckDBPyConnection:
    con = connect(db)
    run_pipeline(con, run_id="rerun", source=source, db_path=db, as_of=AS_OF, batch_size=BATCH_SIZE)
    return con


@pytest.mark.parametrize("point,nth", [("load-mid", 3), ("check-mid", 2)])
def test_killed_anywhere_the_warehouse_agrees_and_a_rerun_equals_an_uninterrupted_run(
        corpus, reference, tmp_path, monkeypatch, point, nth):
    db = tmp_path / "killed.duckdb"
    proc = subprocess.run([sys.executable, "-m", "tests.faults", str(db), str(corpus), point, str(nth)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    con = connect(db)
    assert meta_agrees(con) == []
    assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("running",)]
    con.close()
    monkeypatch.setattr(checks.engine, "CHUNK_SIZE", CHECK_CHUNK)
    con = _rerun(db, corpus)
    statuses = con.execute("SELECT run_id, status FROM meta.load_runs ORDER BY started_at").fetchall()
    assert statuses == [("killed", "interrupted"), ("rerun", "completed")]
    assert con.execute("SELECT count(*) FROM meta.unchecked_studies").fetchone()[0] == 0
    assert table_hashes(con) == reference
    con.close()


def test_studies_of_an_interrupted_run_are_checked_by_the_next(run, samples, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(check_studies, "check_studies", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(samples)
    row = run.con.execute("SELECT status, loaded, studies_loaded FROM meta.load_runs").fetchone()
    assert row == ("interrupted", 5, 5)
    assert run.con.execute("SELECT count(*) FROM quality_issues").fetchone()[0] == 0
    monkeypatch.undo()
    result = run(samples)
    assert result.skipped == 5 and result.loaded == 0
    assert run.con.execute("SELECT count(DISTINCT nct_id) FROM quality_issues").fetchone()[0] == 5
    assert run.con.execute("SELECT count(*) FROM meta.unchecked_studies").fetchone()[0] == 0


class _FailingCommit:
    """A connection whose COMMIT fails as on a full disk, after which ROLLBACK finds no transaction."""

    def __init__(self):
        self.statements = []

    def execute(self, sql, *args):
        self.statements.append(sql)
        if sql == "COMMIT":
            raise duckdb.IOException("Could not write file: No space left on device")
        if sql == "ROLLBACK":
            raise duckdb.TransactionException("cannot rollback - no transaction is active")


def test_a_failed_commit_keeps_its_real_cause_not_the_failed_rollback():
    con = _FailingCommit()
    with pytest.raises(duckdb.IOException, match="No space left on device"):
        with connect_module.transaction(con):
            con.execute("INSERT ...")
    assert con.statements == ["BEGIN TRANSACTION", "INSERT ...", "COMMIT", "ROLLBACK",
                              "PRAGMA disable_checkpoint_on_shutdown"]


def test_a_failed_body_rolls_back_and_leaves_closing_to_checkpoint():
    con = _FailingCommit()
    with pytest.raises(ValueError):
        with connect_module.transaction(con):
            con.execute("INSERT ...")
            raise ValueError("a bad batch")
    assert con.statements == ["BEGIN TRANSACTION", "INSERT ...", "ROLLBACK"]


def test_after_a_failed_commit_the_file_is_rebuilt_from_the_log_not_from_memory(tmp_path):
    """Closing checkpoints nothing: what the file holds afterwards is the committed transactions, read from the log
    by the next connection."""
    db = tmp_path / "w.duckdb"
    con = connect(db)
    con.execute("CREATE TABLE t (k INTEGER PRIMARY KEY)")
    con.execute("CHECKPOINT")
    with connect_module.transaction(con):
        con.execute("INSERT INTO t VALUES (1)")
    failing = _CommitFailsOn(con)
    with pytest.raises(duckdb.TransactionException, match="failed to pin block"):
        with connect_module.transaction(failing):
            failing.execute("INSERT INTO t VALUES (2)")
    con.close()
    assert db.with_name(db.name + ".wal").stat().st_size > 0  # not checkpointed on closing
    con = duckdb.connect(str(db))
    assert con.execute("SELECT k FROM t ORDER BY k").fetchall() == [(1,)]
    con.execute("INSERT INTO t VALUES (2)")  # the key is free
    con.close()


class _CommitFailsOn:
    """A real connection whose COMMIT fails as one that ran out of memory does."""

    def __init__(self, con):
        self.con = con

    def execute(self, sql, *args):
        if sql == "COMMIT":
            raise duckdb.TransactionException("Failed to commit: failed to pin block of size 256.0 KiB")
        return self.con.execute(sql, *args)


# The report's pages without its GX Data Docs (a child that loads Great Expectations, ~3 s of each run of the
# samples): no fault here is in them, and none of these tests reads them (tests/test_after_run_beside.py has the
# faults beside the Data Docs).
WITHOUT_DATA_DOCS = {"TRIALQC_DATA_DOCS": "off"}
# The rule families of structured fields only: importing and running every family (its text rules in workers) is
# about 3 s of each 6 s run of the samples. No fault here is in a rule's own work, and the stages around a rule
# run as with every family (the kill tests above check with every rule).
STRUCTURED_RULE_FAMILIES = STRUCTURED_FAMILIES_CODE


def _cli(db: Path, source: Path, patch: str) -> subprocess.CompletedProcess:
    """`trialqc run` in a subprocess with one stage patched by the given Python code (the report without its Data
    Docs, the checks with STRUCTURED_RULE_FAMILIES)."""
    code = f"import sys\n{STRUCTURED_RULE_FAMILIES}{patch}\nfrom flows.cli import app\n" \
           f"sys.argv = ['trialqc', 'run', '--db', {str(db)!r}, '--source', {str(source)!r}, " \
           "'--as-of', '2026-11-22', '--batch-size', '2']\napp()"
    # not the project's own reports folder
    env = dict(os.environ, TRIALQC_REPORTS=str(db.parent / "reports"), **WITHOUT_DATA_DOCS)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=env)


def _rerun_completes(db: Path, samples: Path) -> duckdb.DuckDBPyConnection:
    """Run again without a fault: it completes and leaves no study unchecked; the warehouse, open."""
    rerun = _cli(db, samples, "")
    assert rerun.returncode == 0, rerun.stderr
    con = connect(db)
    assert con.execute("SELECT count(*) FROM meta.unchecked_studies").fetchone()[0] == 0
    return con


DISK_FULL = """
import duckdb, warehouse.load as load
original = load.load_batch
def failing(con, batch, *rest):
    if load.runs.run_counts(con, batch.run_id)["files_seen"] >= 2:
        raise duckdb.IOException("Could not write file: No space left on device")
    return original(con, batch, *rest)
load.load_batch = failing
"""
SIGTERM_AFTER_FIRST_BATCH = """
import os, signal, flows.run as run
original = run.log_batch
def terminated(log, number, *args):
    original(log, number, *args)
    if number == 1:
        os.kill(os.getpid(), signal.SIGTERM)
run.log_batch = terminated
"""


@pytest.mark.parametrize("patch,code,words", [(DISK_FULL, 1, "No space left on device (during load)"),
                                              # the signal tests below stop runs in the suite
                                              pytest.param(SIGTERM_AFTER_FIRST_BATCH, 130, "interrupted",
                                                           marks=pytest.mark.long)])
def test_disk_full_and_sigterm_end_with_one_line_and_a_rerun_completes(samples, tmp_path, patch, code, words):
    db = tmp_path / "t.duckdb"
    proc = _cli(db, samples, patch)
    assert proc.returncode == code, proc.stderr
    assert words in proc.stderr and "Traceback" not in proc.stderr + proc.stdout
    assert len([line for line in proc.stderr.splitlines() if "error:" in line]) == 1
    con = connect(db)
    assert con.execute("SELECT status, loaded FROM meta.load_runs").fetchall() == [
        ("failed" if code == 1 else "interrupted", 2)]
    if code == 1:  # the run's record says what failed, and in which stage
        error = con.execute("SELECT error FROM meta.load_runs").fetchone()[0]
        assert error == "IOException: Could not write file: No space left on device (during load)"
    con.close()
    con = _rerun_completes(db, samples)
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 5
    con.close()


# Ctrl-C or SIGTERM while DuckDB runs a query: DuckDB raises RuntimeError('Query interrupted'), which a run once
# recorded as failed (with a traceback), and which a rule or the report, that go on past their own errors, took for
# theirs (the run went on).
SIGNAL_IN_A_QUERY = """
import os, signal, threading, duckdb, {module} as patched
original, calls = patched.{name}, []
def stopped(con, *args, **kwargs):
    calls.append(1)
    if len(calls) == {nth}:
        threading.Timer(0.5, os.kill, (os.getpid(), signal.{signal})).start()
        con.execute("SET threads = 1")  # one task, which the interrupt ends: on more, DuckDB would finish them first
        con.execute("SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3").fetchall()
    return original(con, *args, **kwargs)
patched.{name} = stopped
"""


_QUERY_STOPS = {"load": ("warehouse.load", "_upsert_files", 2, "load"),
                "rule": ("checks.rule_outcomes", "found_table", 3, "check"),
                "report": ("checks.report", "write_report", 1, "report")}


# Each stage with each signal; the suite runs each stage with one of them, alternating (`make test-long` the others).
@pytest.mark.parametrize("sent, module, name, nth, stage", [
    pytest.param(sent, *_QUERY_STOPS[where], id=f"{sent}-{where}",
                 marks=() if (sent == "SIGTERM") == (i % 2 == 0) else pytest.mark.long)
    for i, where in enumerate(_QUERY_STOPS) for sent in ("SIGINT", "SIGTERM")])
def test_a_signal_during_a_query_interrupts_the_run_with_one_line(samples, tmp_path, module, name, nth, stage, sent):
    db = tmp_path / "t.duckdb"
    proc = _cli(db, samples, SIGNAL_IN_A_QUERY.format(module=module, name=name, nth=nth, signal=sent))
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert [line for line in proc.stderr.splitlines() if "error:" in line] == [f"error: {INTERRUPTED}"]
    con = connect(db)
    status, error = con.execute("SELECT status, error FROM meta.load_runs").fetchone()
    assert status == "interrupted"
    assert error is None or f"(during {stage})" in error
    con.close()
    _rerun_completes(db, samples).close()


COMMIT_DISK_FULL = DISK_FULL.replace(
    'duckdb.IOException("Could not write file: No space left on device")',
    'duckdb.TransactionException(\'Failed to commit: Could not write file "work.duckdb.wal": No space left on device\')')


def test_a_commit_that_cannot_write_its_log_ends_with_one_line_not_a_traceback(samples, tmp_path):
    proc = _cli(tmp_path / "t.duckdb", samples, COMMIT_DISK_FULL)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    (line,) = [line for line in proc.stderr.splitlines() if "error:" in line]
    assert "No space left on device" in line and "free disk space" in line


OUT_OF_MEMORY_AFTER_CHECKS = """
import duckdb, flows.after_run as after_run, flows.warehouse_session as session, warehouse.issue_history as history
def failing(*args, **kwargs):
    raise duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block of size 256.0 KiB")
after_run.update_search_index = failing
session.refresh_search_and_watch_lists = failing  # alone after the report, too
original = history.record_run_outcome
def recording(con, run_id, **kwargs):
    if kwargs.get("error"):
        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block of size 256.0 KiB")
    return original(con, run_id, **kwargs)
history.record_run_outcome = recording
"""


# DuckDB invalidates the database when memory runs out inside a checkpoint, and says so with a fatal error.
CHECKPOINT_OUT_OF_MEMORY = OUT_OF_MEMORY_AFTER_CHECKS.replace(
    'duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block of size 256.0 KiB")',
    'duckdb.FatalException("FATAL Error: Failed to create checkpoint because of error: could not allocate block '
    'of size 256.0 KiB (409.0 MiB/409.1 MiB used)")')


@pytest.mark.parametrize("patch, words", [(OUT_OF_MEMORY_AFTER_CHECKS, "failed to pin block"),
                                          pytest.param(CHECKPOINT_OUT_OF_MEMORY, "Failed to create checkpoint",
                                                       marks=pytest.mark.long)])
def test_out_of_memory_after_the_checks_ends_with_one_line_that_says_what_to_set_and_a_rerun_completes(
        samples, tmp_path, patch, words):
    """Memory ran out while the search index was updated (beside the report and alone), and again while the
    failure was recorded: the user sees the first cause in one line with the setting to raise, and the next run
    completes the index."""
    db = tmp_path / "t.duckdb"
    proc = _cli(db, samples, patch)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    [line] = [line for line in proc.stderr.splitlines() if "error:" in line]
    assert words in line and "TRIALQC_DUCKDB_MEMORY" in proc.stderr and "disk space" not in proc.stderr
    assert "(during search index and watch lists). " in line  # the step it ran out in
    con = _rerun_completes(db, samples)
    assert con.execute("SELECT count(*) FROM meta.study_documents").fetchone()[0] == 5
    con.close()


# A checkpoint that fails invalidates the database (DuckDB's own abort, as a failed write leaves it): every statement
# on that connection then fails with "database has been invalidated".
CHECK_CHECKPOINT_ABORTED = """
import warehouse.checkpoints as checkpoints, flows.check_studies as cs
def aborted(con):
    con.execute("SET debug_checkpoint_abort = 'before_header'")
    return checkpoints.checkpoint(con)
cs.checkpoint_held_changes = aborted
"""


def test_a_checkpoint_that_invalidates_the_warehouse_leaves_the_run_recorded_failed_with_its_error(samples, tmp_path):
    """The run's end and error cannot be written on the invalidated connection: the working copy is opened again
    for them, so the published file does not show the run `running`, and the next run does not call it
    interrupted."""
    db = tmp_path / "t.duckdb"
    proc = _cli(db, samples, CHECK_CHECKPOINT_ABORTED)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    con = duckdb.connect(str(db), read_only=True)
    [(status, error, finished)] = con.execute("SELECT status, error, finished_at IS NOT NULL FROM meta.load_runs"
                                              ).fetchall()
    con.close()
    assert (status, finished) == ("failed", True)
    assert error.startswith("FatalException: ") and "Failed to create checkpoint" in error
    assert error.endswith("(during check)")
    con = _rerun_completes(db, samples)
    assert [s for s, in con.execute("SELECT status FROM meta.load_runs ORDER BY started_at").fetchall()] == [
        "failed", "completed"]
    con.close()


CTRL_C_AFTER_FIRST_BATCH = SIGTERM_AFTER_FIRST_BATCH.replace("SIGTERM", "SIGINT")


@pytest.mark.long  # starts a temporary Prefect server; the plain-path variant above runs in the suite
def test_ctrl_c_in_prefect_mode_ends_with_one_line_and_the_run_recorded(samples, tmp_path):
    db = tmp_path / "t.duckdb"
    code = (f"import sys\n{CTRL_C_AFTER_FIRST_BATCH}\nfrom flows.cli import app\nsys.argv = ['trialqc', 'run', "
            f"'--prefect', '--db', {str(db)!r}, '--source', {str(samples)!r}, '--as-of', '2026-11-22', "
            "'--batch-size', '2']\napp()")
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect"), DO_NOT_TRACK="1",
               TRIALQC_REPORTS=str(tmp_path / "reports"))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env=env)
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert [line for line in proc.stderr.splitlines() if line.startswith("error:")] == [
        "error: interrupted: batches committed before the stop are kept and the run is recorded as "
        "'interrupted'; run again to load the rest and check what it loaded."]
    con = connect(db)
    assert con.execute("SELECT status, loaded FROM meta.load_runs").fetchall() == [("interrupted", 2)]
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 2
    con.close()


# A fault while a completed run is published: the disk fills (or a read fails) before the published file is replaced,
# or after it, while the file it replaced is made the next working copy. The run loaded and checked everything, so
# the line says whether it is published and what the next run does, not that batches were rolled back.
NOT_PUBLISHED = """
import errno, flows.publish as publish
def failing(files):
    raise OSError(errno.EIO, "Input/output error")
publish._copy_to_publish = failing
"""
NEXT_COPY_NOT_MADE = """
import errno, flows.publish as publish
def failing(source, target, *rest):
    raise OSError(errno.ENOSPC, "No space left on device")
publish.rewrite_changed = failing
"""


@pytest.mark.parametrize("patch,words,published", [
    (NOT_PUBLISHED, "[Errno 5] Input/output error (during publishing): the run completed and is recorded, but it "
                    "is not published", False),
    (NEXT_COPY_NOT_MADE, "[Errno 28] No space left on device (during preparing the next working copy): the run "
                         "completed and is published", True)], ids=["before the rename", "after the rename"])
def test_a_fault_while_a_completed_run_is_published_says_what_is_published_and_a_rerun_completes(
        samples, tmp_path, patch, words, published):
    db = tmp_path / "t.duckdb"
    assert _cli(db, samples, "").returncode == 0  # the next run renames its working copy over this one's file
    (samples / "000_3bb08d04cc95d761.txt").write_text("not a record")  # the run has something to do
    proc = _cli(db, samples, patch)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    [line] = [line for line in proc.stderr.splitlines() if "error:" in line]
    assert words in line and "Batches committed" not in line
    con = connect(db, read_only=True)
    assert con.execute("SELECT count(*), count(*) FILTER (WHERE status = 'completed') "
                       "FROM meta.load_runs").fetchone() == ((2, 2) if published else (1, 1))
    con.close()
    con = _rerun_completes(db, samples)
    assert con.execute("SELECT status FROM meta.load_runs ORDER BY started_at").fetchall() == [("completed",)] * 3
    assert con.execute("SELECT count(*) FROM meta.rejects").fetchone()[0] == 1
    con.close()
