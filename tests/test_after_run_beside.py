"""After a run, the search index is refreshed beside the report's pages; the watch pages wait for it."""
from __future__ import annotations

import logging
import signal
import threading
import time
from pathlib import Path

import duckdb
import pytest

from checks import report
from flows import after_run
from flows.run import run_pipeline
from flows.search import SearchQuery
from flows.warehouse_session import warehouse_session
from flows.watch import add_watch_list
from tests.conftest import AS_OF
from tests.gx_stand_in import stand_in_for_data_docs
from tests.structured_rule_families import STRUCTURED_FAMILIES
from warehouse import checkpoints, database_file, memory_limit
from warehouse import connect as connect_module
from warehouse.connect import connect

LOG = logging.getLogger("test")


@pytest.fixture(autouse=True)
def _data_docs_stood_in(monkeypatch):
    """A one-run stand-in for the Data Docs build (a real one is a child that loads Great Expectations, seconds a
    run): what these tests judge is the report and the refresh beside it; the Data Docs tests patch their own."""
    stand_in_for_data_docs(monkeypatch)


@pytest.fixture(autouse=True)
def _structured_rule_families(request, monkeypatch):
    """The runs check with the families of structured-field rules only: what these tests judge follows the checks,
    and a check with every family (its text rules in workers) is most of a run of the samples. A test that compares
    what the report shows asks for `every_rule`."""
    import checks

    if "every_rule" not in request.fixturenames:
        monkeypatch.setattr(checks, "FAMILY_MODULES", STRUCTURED_FAMILIES)


@pytest.fixture
def every_rule() -> None:
    """The runs check with every rule family (see `_structured_rule_families`)."""


def _session_run(db: Path, source: Path, reports: Path, run_id: str) -> None:
    with warehouse_session(db, run_id, LOG, reports) as session:
        run_pipeline(session.con, run_id=run_id, source=source, db_path=db, as_of=AS_OF)


def _watching(db: Path, name: str, words: str) -> None:
    con = connect(db)
    add_watch_list(con, name, SearchQuery(words))
    con.close()


def test_the_search_index_is_refreshed_while_the_report_pages_are_written(samples, tmp_path, monkeypatch):
    """The refresh waits until the study pages are begun, so the watch pages must wait for the lists."""
    pages_begun, seen = threading.Event(), {}
    refresh, write_study_pages = after_run.refresh_search_and_watch_lists, report.write_study_pages

    def refresh_seeing_the_pages(con, run_id):
        seen["thread"] = threading.current_thread()
        seen["pages begun meanwhile"] = pages_begun.wait(timeout=20)  # run one after the other, this times out
        return refresh(con, run_id)

    def pages(*args, **kwargs):
        pages_begun.set()
        return write_study_pages(*args, **kwargs)

    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", refresh_seeing_the_pages)
    monkeypatch.setattr(report, "write_study_pages", pages)
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    _watching(db, "sclerosis", "systemic sclerosis")
    _session_run(db, samples, reports, "run1")
    assert seen["pages begun meanwhile"]
    assert seen["thread"] is not threading.main_thread()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM meta.study_documents").fetchone()[0] == \
        con.execute("SELECT count(*) FROM studies").fetchone()[0] > 0
    con.close()
    assert "NCT05300932" in (reports / "watch-sclerosis.html").read_text()
    assert 'href="watch-sclerosis.html"' in (reports / "quality_report.html").read_text()


def test_a_failed_refresh_fails_the_run_after_the_report(samples, tmp_path, monkeypatch):
    def failing_refresh(con, run_id):
        raise RuntimeError("index refresh failed")

    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", failing_refresh)
    db = tmp_path / "w.duckdb"
    with pytest.raises(RuntimeError, match="index refresh failed"):
        _session_run(db, samples, tmp_path / "reports", "run1")
    con = duckdb.connect(str(db), read_only=True)
    status, error = con.execute("SELECT status, error FROM meta.load_runs WHERE run_id = 'run1'").fetchone()
    con.close()
    assert status == "failed" and "index refresh failed" in error


def test_an_interrupted_report_interrupts_the_refresh_beside_it(samples, tmp_path, monkeypatch):
    refresh_begun = threading.Event()

    def endless_refresh(con, run_id):
        refresh_begun.set()  # a statement that would run for many minutes unless interrupted
        con.execute("SELECT count(*) FROM range(3000000) a, range(100000) b WHERE a.range * b.range = -1")
        return ""

    def interrupted_pages(*args, **kwargs):
        refresh_begun.wait(timeout=20)
        time.sleep(0.2)  # the statement is under way
        raise KeyboardInterrupt

    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", endless_refresh)
    monkeypatch.setattr(report, "write_study_pages", interrupted_pages)
    db = tmp_path / "w.duckdb"
    started = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        _session_run(db, samples, tmp_path / "reports", "run1")
    assert time.perf_counter() - started < 60, "the refresh's statement was interrupted, not waited for"
    con = duckdb.connect(str(db), read_only=True)
    # the CLI says so: a run stopped after its checks is recorded as interrupted, not as failed
    assert con.execute("SELECT status FROM meta.load_runs WHERE run_id = 'run1'").fetchone()[0] == "interrupted"
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] > 0
    con.close()


def _wal(db: Path) -> int:
    wal = db.with_name(db.name + ".wal")
    return wal.stat().st_size if wal.exists() else 0


def _with_changes(tmp_path: Path) -> tuple[Path, duckdb.DuckDBPyConnection]:
    db = tmp_path / "w.duckdb"
    con = connect(db)
    con.execute("CREATE TABLE filler AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(50000)")
    assert _wal(db) > 0  # the change waits in the log (checkpoint_threshold) until a checkpoint
    return db, con


def _recorded_limits(monkeypatch) -> list[tuple[bool, bool]]:
    """The (rewrite, deletions) of every limit RefreshBeside fits, in order."""
    limits = []
    fit_memory = memory_limit.fit_memory

    def fitting(con, rewrite=False, deletions=False):
        limits.append((rewrite, deletions))
        return fit_memory(con, rewrite, deletions)

    monkeypatch.setattr(after_run, "fit_memory", fitting)
    return limits


def test_the_refresh_beside_the_report_checkpoints_the_run_after_it(tmp_path, monkeypatch):
    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", lambda con, run_id: "md")
    db, con = _with_changes(tmp_path)
    with after_run.RefreshBeside(con, "run1", checkpoint=True) as refresh:
        refresh.wait()
    assert refresh.checkpointed and refresh.markdown == "md"
    assert _wal(db) == 0  # closing the connection has nothing left to write
    assert con.execute("SELECT count(*) FROM filler").fetchone()[0] == 50000
    con.close()


def test_the_refresh_checkpoints_with_room_for_the_deleted_rows_records_and_takes_it_back_after(
        tmp_path, monkeypatch):
    """A checkpoint reads the records of every deleted row's stretch (about 900 MiB at 600,000 studies): it has
    room for them, and to rewrite a row group. Left there, the room would cache the pages the report reads beside
    it (a run's process grew to 2,584 MiB at 600,000 studies, 2,217 MiB in the next run without it): the limit
    after it is the one for the statements that follow, without either."""
    limits = _recorded_limits(monkeypatch)
    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", lambda con, run_id: "md")
    db, con = _with_changes(tmp_path)
    with after_run.RefreshBeside(con, "run1", checkpoint=True) as refresh:
        refresh.wait()
    assert refresh.checkpointed and limits == [(True, True), (False, False)]
    assert memory_limit.memory_limit_bytes(con) == pytest.approx(
        int(memory_limit.fit_memory(con).removesuffix("MB")) * 10**6, rel=0.001)
    con.close()


def test_without_checkpoint_the_log_waits_for_the_connection_to_close(tmp_path, monkeypatch):
    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", lambda con, run_id: "")
    db, con = _with_changes(tmp_path)
    with after_run.RefreshBeside(con, "run1") as refresh:
        pass
    assert not refresh.checkpointed and _wal(db) > 0
    con.close()
    assert _wal(db) == 0


def test_the_checkpoint_waits_for_the_block_to_end(tmp_path, monkeypatch):
    """The checkpoint's room in DuckDB's limit is the database's: made beside the report, it cached the pages the
    report read meanwhile (the run's process peaked at 1,533 MiB at 600,000 studies). It begins once the block is
    left, the refresh long done."""
    limits = _recorded_limits(monkeypatch)
    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", lambda con, run_id: "")
    db, con = _with_changes(tmp_path)
    with after_run.RefreshBeside(con, "run1", checkpoint=True) as refresh:
        refresh.wait()
        time.sleep(0.3)  # the report's pages, read and written
        assert not refresh.checkpointed and _wal(db) > 0
        assert limits == []  # no room raised while the block reads
    assert refresh.checkpointed and _wal(db) == 0
    assert limits == [(True, True), (False, False)]
    con.close()


def test_a_checkpoint_held_off_until_the_block_ends_is_left_to_the_close(tmp_path, monkeypatch):
    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", lambda con, run_id: "")
    db, con = _with_changes(tmp_path)
    writer = con.cursor()
    writer.execute("BEGIN TRANSACTION")
    writer.execute("UPDATE filler SET s = 'x' WHERE i = 1")
    with after_run.RefreshBeside(con, "run1", checkpoint=True) as refresh:
        refresh.wait()
    assert not refresh.checkpointed  # given up once the block ended, not waited for
    writer.execute("COMMIT")
    writer.close()
    con.close()
    assert _wal(db) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT s FROM filler WHERE i = 1").fetchone()[0] == "x"
    con.close()


def test_a_run_with_a_report_checkpoints_beside_its_pages(samples, tmp_path, monkeypatch):
    from flows import warehouse_session as session_module

    made = []

    class Recorded(after_run.RefreshBeside):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(session_module, "RefreshBeside", Recorded)
    db = tmp_path / "w.duckdb"
    _session_run(db, samples, tmp_path / "reports", "run1")
    assert len(made) == 1 and made[0].checkpointed


def test_a_refresh_out_of_memory_beside_the_report_is_done_again_alone_and_the_report_after_it(
        samples, tmp_path, monkeypatch):
    """Side by side the two may need more than DuckDB's limit: the refresh that ran out is done again on its own,
    then the report is written again, so its watch pages show the lists; the run completes."""
    threads = []

    def out_of_memory_beside(con, run_id):
        threads.append(threading.current_thread())
        raise duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block of size 256.0 KiB")

    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", out_of_memory_beside)
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    _watching(db, "sclerosis", "systemic sclerosis")
    _session_run(db, samples, reports, "run1")
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM meta.study_documents").fetchone()[0] == \
        con.execute("SELECT count(*) FROM studies").fetchone()[0] > 0
    assert con.execute("SELECT status, error FROM meta.load_runs").fetchall() == [("completed", None)]
    con.close()
    assert "NCT05300932" in (reports / "watch-sclerosis.html").read_text()


def test_a_report_out_of_memory_beside_the_refresh_is_written_again_after_it(samples, tmp_path, monkeypatch,
                                                                             caplog):
    """The refresh beside it goes on and is not done twice; the report is then written alone, whole, on a connection
    opened again once the refresh's changes are in the file (what they held in memory let go)."""
    from warehouse.database_file import log_bytes

    calls, refreshes, connections = [], [], []
    write_report, refresh = report.write_report, after_run.refresh_search_and_watch_lists

    def out_of_memory_once(con, *args, **kwargs):
        calls.append(threading.current_thread())
        connections.append((con, log_bytes(con)))
        if len(calls) == 1:
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block of size 256.0 KiB")
        return write_report(con, *args, **kwargs)

    def counted(con, run_id):
        refreshes.append(run_id)
        return refresh(con, run_id)

    monkeypatch.setattr(report, "write_report", out_of_memory_once)
    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", counted)
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    _watching(db, "sclerosis", "systemic sclerosis")
    with caplog.at_level(logging.INFO, logger="test"):
        _session_run(db, samples, reports, "run1")
    assert len(calls) == 2 and refreshes == ["run1"]
    # (a log of the checkpoint's record of what it held, no more)
    assert connections[1][0] is not connections[0][0] and connections[1][1] < 1_000
    assert "the report ran out of memory beside the search index" in caplog.text
    assert "could not be written" not in caplog.text
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status, error FROM meta.load_runs").fetchall() == [("completed", None)]
    assert con.execute("SELECT count(*) FROM meta.study_documents").fetchone()[0] == \
        con.execute("SELECT count(*) FROM studies").fetchone()[0] > 0
    con.close()
    assert "NCT05300932" in (reports / "watch-sclerosis.html").read_text()
    monkeypatch.setattr(report, "write_report", write_report)  # the same run, nothing running out: the same pages
    _watching(tmp_path / "w2.duckdb", "sclerosis", "systemic sclerosis")
    _session_run(tmp_path / "w2.duckdb", samples, tmp_path / "reports2", "run1")
    assert _pages(reports) == _pages(tmp_path / "reports2")
    assert any(page.startswith("study/") for page in _pages(reports))  # its study pages too


def _pages(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html") if "gx" not in p.parts)


def test_a_report_out_of_memory_alone_says_which_setting_to_raise(samples, tmp_path, monkeypatch, caplog):
    from flows import warehouse_session as session_module

    def out_of_memory(con, *args, **kwargs):
        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block of size 256.0 KiB")

    monkeypatch.setattr(report, "write_report", out_of_memory)
    with caplog.at_level(logging.INFO, logger="test"):
        paths = session_module._write_report(None, tmp_path / "reports", tmp_path / "w.duckdb", "run1", LOG)
    assert paths == []
    assert "the report could not be written: DuckDB ran out of memory; raise TRIALQC_DUCKDB_MEMORY" in caplog.text


def test_the_report_and_the_refresh_begin_with_the_run_and_its_history_in_the_file_not_in_memory(
        samples, tmp_path, monkeypatch):
    """Changes not yet checkpointed are held in memory and count against DuckDB's limit: the report and the search
    index beside it begin after a checkpoint, with an empty write-ahead log, and without the checkpoint's room to
    rewrite a row group (it only let DuckDB cache more pages: at 100,000 studies, building the search index and
    every report page peaked at 939-989 MiB with it, 815-826 MiB without). Nor has the issue history before them,
    whose table has no key."""
    from flows import warehouse_session as session_module

    seen = {}
    begin = session_module.RefreshBeside.__enter__
    history = session_module.issue_history.after_run

    def recording(con, run_id):
        seen["history limit"] = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        return history(con, run_id)

    monkeypatch.setattr(session_module.issue_history, "after_run", recording)

    def entered(self):
        wal = Path(str(self._cursor.execute("SELECT path FROM duckdb_databases() WHERE NOT internal "
                                         "AND database_name = current_database()").fetchone()[0]) + ".wal")
        seen["wal bytes"] = wal.stat().st_size if wal.exists() else 0
        seen["history"] = self._cursor.execute("SELECT count(*) FROM meta.quality_issue_history").fetchone()[0]
        seen["limit"] = self._cursor.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        return begin(self)

    monkeypatch.setattr(session_module.RefreshBeside, "__enter__", entered)
    monkeypatch.setattr(memory_limit, "REWRITE_BYTES", 10**6)  # room to rewrite: a megabyte a study, to show
    _session_run(tmp_path / "w.duckdb", samples, tmp_path / "reports", "run1")
    assert seen["history"] > 0 and seen["wal bytes"] < 1_000  # only the checkpoint's record of what it held
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    held = con.execute("SELECT held_bytes FROM meta.memory_held").fetchone()[0]
    con.close()
    # 256 MB, the keys (under 1 MB here) and what the checkpoint held; not the 1 MB for each of 5 studies the
    # checkpoint had to rewrite what the run changed
    shown, unit = seen["limit"].split()
    assert unit == "MiB" and float(shown) * 2**20 == pytest.approx((256 + held // 10**6) * 10**6, abs=0.1 * 2**20)
    shown, unit = seen["history limit"].split()  # the issue history: without the 5 MB
    assert unit == "MiB" and float(shown) * 2**20 < (256 + 5) * 10**6 - 0.1 * 2**20


def test_the_report_and_search_index_run_on_one_duckdb_thread_and_the_run_after_has_them_all(samples, tmp_path,
                                                                                             monkeypatch, every_rule):
    """What follows a run (issue history, report, search index) holds one DuckDB thread; the DuckLake copy and
    the connection afterwards have the thread count the run had; the report is the same as written on two."""
    seen = {}
    write_report = report.write_report

    def writing(con, *args, **kwargs):
        seen["report"] = con.execute("SELECT current_setting('threads')").fetchone()[0]
        return write_report(con, *args, **kwargs)

    monkeypatch.setattr(report, "write_report", writing)
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    with warehouse_session(db, "run1", LOG, reports) as session:
        threads = session.con.execute("SELECT current_setting('threads')").fetchone()[0]
        run_pipeline(session.con, run_id="run1", source=samples, db_path=db, as_of=AS_OF)
    assert seen["report"] == 1 < threads
    con = duckdb.connect(str(db), read_only=True)
    again = tmp_path / "again"
    monkeypatch.setattr(report, "write_report", write_report)
    con.execute(f"SET threads = {threads}")
    report.write_report(con, again, db_label=str(db.resolve()), run_name="trialqc-run1")
    con.close()
    for page in sorted((reports / "study").glob("*.html")) + sorted((reports / "studies").glob("*.html")):
        assert page.read_bytes() == (again / page.relative_to(reports)).read_bytes()


def test_the_report_and_the_refresh_run_on_a_connection_opened_again_after_the_runs_checkpoint(
        samples, tmp_path, monkeypatch):
    """What a checkpoint leaves held in DuckDB's memory (845 MiB of about 1 GB at 600,000 studies, after the search
    index's refresh) is let go with its connection: the report and the refresh beside it begin on a new one."""
    from flows import warehouse_session as session_module

    opened, seen = [], {}
    reopen, write_report, refresh_beside = checkpoints.reopen, report.write_report, session_module.RefreshBeside

    def reopening(con):
        log = database_file.log_bytes(con)
        opened.append((log, reopen(con)))
        return opened[-1][1]

    def writing(con, *args, **kwargs):
        seen["report"] = con
        return write_report(con, *args, **kwargs)

    class Beside(refresh_beside):
        def __init__(self, con, *args, **kwargs):
            seen["refresh"] = con
            super().__init__(con, *args, **kwargs)

    monkeypatch.setattr(checkpoints, "reopen", reopening)
    monkeypatch.setattr(report, "write_report", writing)
    monkeypatch.setattr(session_module, "RefreshBeside", Beside)
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    _session_run(db, samples, reports, "run1")
    assert len(opened) == 1 and opened[0][0] == 0  # once, after the checkpoint
    assert seen["report"] is opened[0][1] and seen["refresh"] is opened[0][1]
    assert (reports / "quality_report.html").is_file()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM meta.study_documents").fetchone()[0] == \
        con.execute("SELECT count(*) FROM studies").fetchone()[0] > 0
    con.close()



def test_the_data_docs_begin_once_the_warehouse_is_closed_and_are_ready_when_the_run_ends(samples, tmp_path,
                                                                                         monkeypatch):
    """Begun beside the report's pages, the Data Docs' child added its 457 MiB to the run's 948 at 600,000 studies;
    once the warehouse is closed the run's process holds little, and the child validates while the run publishes.
    The report links to their index, which is in the run's report paths when the run ends."""
    from checks import gx_docs
    from flows import publish as publish_module
    from flows import warehouse_session as session_module

    events = []
    builds = stand_in_for_data_docs(monkeypatch)
    before = threading.active_count()  # threads an earlier test left (Great Expectations' own, validated here)

    def noted(name, real):
        def call(*args, **kwargs):
            events.append((name, threading.active_count() - before + 1))
            return real(*args, **kwargs)
        return call
    monkeypatch.setattr(gx_docs, "start_from_inputs", noted("data docs", gx_docs.start_from_inputs))
    monkeypatch.setattr(connect_module, "close", noted("close", connect_module.close))
    monkeypatch.setattr(publish_module, "publish", noted("publish", publish_module.publish))
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    with warehouse_session(db, "run1", LOG, reports) as session:
        run_pipeline(session.con, run_id="run1", source=samples, db_path=db, as_of=AS_OF)
    order = [name for name, _ in events]
    assert builds == ["trialqc-run1"]
    assert order.index("close") < order.index("data docs") < order.index("publish")
    assert dict(events)["data docs"] == 1  # no thread beside it: the refresh and its checkpoint are over
    assert reports / "gx" / "index.html" in session.report_paths
    assert "gx/index.html" in (reports / "quality_report.html").read_text()


def test_data_docs_that_fail_after_the_report_leave_an_index_that_says_why(samples, tmp_path, monkeypatch):
    from checks import gx_docs

    class Failing:
        def result(self):
            raise gx_docs.DataDocsError("ValueError: no frame studies")

        def cancel(self):
            pass

    monkeypatch.setattr(gx_docs, "start_from_inputs", lambda inputs, folder, run_name: Failing())
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    with warehouse_session(db, "run1", LOG, reports) as session:
        run_pipeline(session.con, run_id="run1", source=samples, db_path=db, as_of=AS_OF)
    index = reports / "gx" / "index.html"
    assert index in session.report_paths
    assert "could not be written" in index.read_text() and "no frame studies" in index.read_text()
    assert (reports / "quality_report.html").is_file()
    assert connect(db, read_only=True).execute("SELECT count(*) FROM studies").fetchone()[0] == 5



def test_an_interrupt_while_the_data_docs_are_validated_says_the_run_is_published(samples, tmp_path, monkeypatch):
    """Ctrl-C once the run is published stops only its Data Docs: the message does not say the run was recorded as
    interrupted (it completed), and the Data Docs index the report links to says why there are none."""
    from checks import gx_docs
    from flows.errors import InterruptedAfterRun

    cancelled = []

    class Interrupted:
        def result(self):
            raise KeyboardInterrupt

        def cancel(self):
            cancelled.append(True)

    monkeypatch.setattr(gx_docs, "start_from_inputs", lambda inputs, folder, run_name: Interrupted())
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    with pytest.raises(InterruptedAfterRun, match="after publishing") as stopped:
        _session_run(db, samples, reports, "run1")
    assert "Data Docs were not written" in str(stopped.value) and cancelled
    assert "stopped by an interrupt" in (reports / "gx" / "index.html").read_text()
    con = duckdb.connect(str(db), read_only=True)  # the published file holds the whole run
    assert con.execute("SELECT status FROM meta.load_runs WHERE run_id = 'run1'").fetchone()[0] == "completed"
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 5
    con.close()


def test_data_docs_left_out_by_the_setting_begin_no_validation_and_the_next_run_with_them_validates(
        samples, tmp_path, monkeypatch):
    """TRIALQC_DATA_DOCS=off: no validation is begun and the index the report links to says they were left out.
    Those an earlier run wrote are removed: a later run with them on, over the studies of the left-out run, validates
    again rather than keeping Data Docs of the state before it."""
    from bench import generate

    builds = stand_in_for_data_docs(monkeypatch)
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    _session_run(db, samples, reports, "run1")
    assert builds == ["trialqc-run1"]
    name, data, _ = next(generate.records(1, seed=3, layout="json"))  # a new study: the row count observed changes
    (samples / name).write_bytes(data)
    monkeypatch.setenv("TRIALQC_DATA_DOCS", "Off")
    with warehouse_session(db, "run2", LOG, reports) as session:
        run_pipeline(session.con, run_id="run2", source=samples, db_path=db, as_of=AS_OF)
    index = reports / "gx" / "index.html"
    assert builds == ["trialqc-run1"]
    assert index not in session.report_paths  # no validation was begun, so none was waited for
    assert "Left out of this run" in index.read_text() and "trialqc-run" not in index.read_text()
    assert not (reports / "gx" / "runs.json").exists()
    assert "gx/index.html" in (reports / "quality_report.html").read_text()
    monkeypatch.setenv("TRIALQC_DATA_DOCS", "on")
    _session_run(db, samples, reports, "run3")
    assert builds == ["trialqc-run1", "trialqc-run3"]
    assert "trialqc-run3" in index.read_text()


@pytest.mark.parametrize("given, wanted", [("off", False), ("0", False), (" NO ", False), ("", True), ("yes", True)])
def test_the_data_docs_setting_reads_on_and_off_words(monkeypatch, given, wanted):
    from flows.settings import Settings

    monkeypatch.setenv("TRIALQC_DATA_DOCS", given)
    assert Settings.from_env().data_docs is wanted


def test_a_data_docs_setting_that_is_neither_on_nor_off_is_refused_with_its_name(monkeypatch):
    from flows.errors import UsageError
    from flows.settings import check_environment

    monkeypatch.setenv("TRIALQC_DATA_DOCS", "skip")
    with pytest.raises(UsageError, match="TRIALQC_DATA_DOCS must be on or off, not 'skip'"):
        check_environment()


def test_an_interrupt_while_publishing_leaves_the_completed_run_for_the_next_to_publish(samples, tmp_path,
                                                                                       monkeypatch):
    from flows import publish as publish_module

    real_publish = publish_module.publish
    monkeypatch.setattr(publish_module, "publish", lambda files: (_ for _ in ()).throw(KeyboardInterrupt()))
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    with pytest.raises(KeyboardInterrupt, match="while publishing: the run completed") as stopped:
        _session_run(db, samples, reports, "run1")
    assert type(stopped.value).__name__ == "InterruptedAfterRun"
    monkeypatch.setattr(publish_module, "publish", real_publish)
    _session_run(db, samples, reports, "run2")  # starts from the working copy the first run completed
    con = duckdb.connect(str(db), read_only=True)
    assert dict(con.execute("SELECT run_id, status FROM meta.load_runs").fetchall()) == {
        "run1": "completed", "run2": "completed"}
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 5
    con.close()


def test_a_stop_while_the_block_is_left_waits_for_the_checkpoint_under_way(tmp_path, monkeypatch):
    """Ctrl-C or SIGTERM while leaving the block waits for the checkpoint under way, then goes on: not waited for,
    the thread went on with its cursor closed beneath it and printed its traceback."""
    monkeypatch.setattr(after_run, "refresh_search_and_watch_lists", lambda con, run_id: "")
    checkpointing, errors = threading.Event(), []
    dropping = after_run.drop_cached_pages

    def slow_drop(con) -> None:  # the checkpoint under way when the stop comes
        checkpointing.set()
        time.sleep(0.5)
        dropping(con)

    def ctrl_c_once_checkpointing() -> None:
        checkpointing.wait(10)
        time.sleep(0.1)  # the main thread waits for the thread
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

    monkeypatch.setattr(after_run, "drop_cached_pages", slow_drop)
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    db, con = _with_changes(tmp_path)
    try:
        refresh = after_run.RefreshBeside(con, "run1", checkpoint=True)
        threading.Thread(target=ctrl_c_once_checkpointing, daemon=True).start()
        with pytest.raises(KeyboardInterrupt):
            with refresh:
                pass
    finally:
        signal.signal(signal.SIGINT, previous)
    refresh._thread.join(10)
    assert errors == []
    assert refresh.checkpointed and _wal(db) == 0  # waited for, not cut short by its cursor closed
    con.close()


def test_after_a_whole_build_of_the_index_the_checkpoint_has_no_room_to_rewrite_a_row_group(
        samples, tmp_path, monkeypatch):
    """A first build's documents and index entries are all new rows, and what the run changed in the study tables
    was checkpointed before the report: after a first build of 100,000 studies, the room to rewrite a row group
    took the run's process from 658 to 811 MiB in that checkpoint. A refresh of changed studies keeps it."""
    limits = _recorded_limits(monkeypatch)
    db = tmp_path / "w.duckdb"
    con = connect(db)
    run_pipeline(con, run_id="run1", source=samples, db_path=db, as_of=AS_OF)
    with after_run.RefreshBeside(con, "run1", checkpoint=True) as refresh:
        refresh.wait()
    assert refresh.checkpointed and limits == [(False, True), (False, False)]
    assert con.execute("SELECT count(*) FROM meta.study_documents").fetchone()[0] == 5
    page = next(samples.glob("*.txt"))
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run_pipeline(con, run_id="run2", source=samples, db_path=db, as_of=AS_OF)
    limits.clear()
    with after_run.RefreshBeside(con, "run2", checkpoint=True) as refresh:
        refresh.wait()
    assert refresh.checkpointed and limits == [(True, True), (False, False)]
    con.close()
