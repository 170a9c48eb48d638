"""Readers and the writer side by side: open connections never break a run; one writer at a time."""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from flows import publish
from flows.run import run_pipeline
from flows.warehouse_session import warehouse_session
from flows.writer_lock import writer_lock
from tests.conftest import AS_OF, SAMPLES, forked_here
from tests.structured_rule_families import structured_rule_families

LOG = logging.getLogger("test")


def _run(db: Path, source: Path, run_id: str):
    with warehouse_session(db, run_id, LOG) as session:
        run_pipeline(session.con, run_id=run_id, source=source, db_path=db, as_of=AS_OF)
    return session


def _studies(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM studies").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(autouse=True)
def _structured_rule_families():
    """The runs check with the structured-field families only: what these tests judge (readers, writers, what is
    published) is around the checks, and the issue counts they read are only more than none."""
    with structured_rule_families():
        yield


def _first_three(folder: Path) -> Path:
    """The first run's source: the first three samples (the second run loads the other two)."""
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:3]:
        shutil.copy2(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> Path:
    """run1 over the first three samples, published: the folder of its warehouse and of its writer's files."""
    folder = tmp_path_factory.mktemp("first-run")
    with forked_here(), structured_rule_families():
        _run(folder / "trials.duckdb", _first_three(folder / "first"), "run1")
    return folder


@pytest.fixture
def after_first_run(first_run, tmp_path) -> Path:
    """A copy of the warehouse run1 published, with its writer's lock and working copy, as run1 left them: the file
    the writer notes as the one it published is this copy (a copy is another inode), so the next run goes on from
    the working copy as it would after run1."""
    db = tmp_path / "trials.duckdb"
    shutil.copy2(first_run / db.name, db)
    files = publish.WriterFiles(db)
    shutil.copytree(publish.WriterFiles(first_run / db.name).folder, files.folder)
    files.stamp.write_text(publish.identity(db))
    return db


@pytest.fixture
def second_source(samples) -> Path:
    """The two samples run1 did not load."""
    for path in sorted(samples.glob("*.txt"))[:3]:
        path.unlink()
    return samples


def test_a_read_only_reader_held_open_through_a_run_keeps_the_last_published_state(after_first_run,
                                                                                  second_source):
    db = after_first_run
    reader = duckdb.connect(str(db), read_only=True)
    session = _run(db, second_source, "run2")
    assert reader.execute("SELECT count(*) FROM studies").fetchone()[0] == 3, "the reader's snapshot"
    reader.close()  # (within one process DuckDB shares an open database: reconnect after closing)
    assert _studies(db) == 5, "a new connection sees the newly published state"
    assert session.new_issues > 0


def test_a_read_write_shell_held_open_never_fails_the_run(after_first_run, second_source):
    db = after_first_run
    shell = subprocess.Popen(  # a plain `duckdb trials.duckdb` session: read-write, holds the file lock
        [sys.executable, "-c", "import duckdb,sys; c=duckdb.connect(sys.argv[1]); "
         "print(c.execute('select count(*) from studies').fetchone()[0], flush=True); sys.stdin.read(); "
         "print(c.execute('select count(*) from studies').fetchone()[0], flush=True)", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert shell.stdout.readline().strip() == "3"
        _run(db, second_source, "run2")
        shell.stdin.close()
        assert shell.stdout.readline().strip() == "3", "the shell keeps reading what it opened"
    finally:
        shell.wait(timeout=30)
    assert _studies(db) == 5


def test_a_failed_run_publishes_its_committed_batches_and_its_error(after_first_run, second_source):
    db = after_first_run
    with pytest.raises(RuntimeError):
        with warehouse_session(db, "run2", LOG) as session:
            run_pipeline(session.con, run_id="run2", source=second_source, db_path=db, as_of=AS_OF)
            raise RuntimeError("disk [sda1] gone")
    con = duckdb.connect(str(db), read_only=True)
    status, error = con.execute("SELECT status, error FROM meta.load_runs WHERE run_id = 'run2'").fetchone()
    assert (status, error) == ("failed", "RuntimeError: disk [sda1] gone")
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 5
    assert con.execute("SELECT issues_error + issues_warning + issues_info FROM meta.load_runs "
                       "WHERE run_id = 'run1'").fetchone()[0] > 0


def test_the_published_file_is_replaced_whole_never_written_in_place(tmp_path, after_first_run, second_source):
    db = after_first_run
    before = db.stat().st_ino
    _run(db, second_source, "run2")
    assert db.stat().st_ino != before, "a new file renamed over the old one"
    assert not list(tmp_path.glob(".*.publishing")), "no staging file left behind"


def test_a_replaced_published_file_is_taken_as_the_new_base(after_first_run, second_source):
    db = after_first_run
    db.unlink()  # the user deletes the warehouse to start over
    _run(db, second_source, "run2")
    assert _studies(db) == 2


def test_a_second_writer_waits_its_turn_and_says_so_once(tmp_path):
    lock = tmp_path / "lock"
    released, said, done = threading.Event(), [], threading.Event()

    def second():
        with writer_lock(lock, said.append):
            done.set()

    with writer_lock(lock, said.append):
        waiter = threading.Thread(target=second)
        waiter.start()
        assert not done.wait(1.0), "the second writer must wait while the first holds the lock"
        released.set()
    waiter.join(timeout=10)
    assert done.is_set()
    assert len(said) == 1 and said[0].startswith("another run is writing this warehouse (pid ")
    assert "lock on file" not in said[0].lower()


def test_a_writer_that_cannot_get_its_turn_in_time_says_what_to_do(tmp_path):
    from flows.errors import InfrastructureError

    lock = tmp_path / "lock"
    with writer_lock(lock, lambda line: None):
        with pytest.raises(InfrastructureError, match="still being written by pid"):
            with writer_lock(lock, lambda line: None, timeout=0.5):
                pass


def test_publish_cost_is_reported(tmp_path):
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    work = publish.prepare_working_copy(files)
    duckdb.connect(str(work)).execute("CREATE TABLE t AS SELECT range AS x FROM range(100000)").close()
    assert publish.publish(files) >= 0
    assert duckdb.connect(str(files.published), read_only=True).execute("SELECT count(*) FROM t").fetchone()[0] == 100000
