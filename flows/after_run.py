"""What every run does after its checks: refresh the search index, evaluate the watch lists."""
from __future__ import annotations

import threading
import time

import duckdb

from flows.timing import mark
from flows.watch_report import watch_markdown
from warehouse.connect import drop_cached_pages
from warehouse.literals import literal
from warehouse.memory_limit import fit_memory
from warehouse.search_index import built_whole, update_search_index


# The studies whose current version was loaded by a later run than the one that built their search document: a run
# that stopped after loading (killed, or failed in its report) left their documents behind. A study without a
# document is one only if it was loaded after the last run that built any (a study without any text has none).
STALE_DOCUMENTS = """
    SELECT r.nct_id FROM meta.source_records r
    JOIN meta.load_runs loaded ON loaded.run_id = r.loaded_run
    LEFT JOIN meta.study_documents d ON d.nct_id = r.nct_id
    LEFT JOIN meta.load_runs built ON built.run_id = d.built_run
    WHERE r.is_current AND (built.started_at < loaded.started_at OR d.nct_id IS NULL AND loaded.started_at > (
        SELECT max(b.started_at) FROM meta.load_runs b SEMI JOIN meta.study_documents d ON d.built_run = b.run_id))"""


def studies_to_index(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """The studies of which the run loaded a version, and those an earlier run loaded but did not index."""
    return [r[0] for r in con.execute(  # not bound: see warehouse/literals.py
        f"SELECT nct_id FROM meta.source_records WHERE loaded_run = {literal(run_id)} "
        f"UNION {STALE_DOCUMENTS} ORDER BY 1").fetchall()]


def refresh_search_and_watch_lists(con: duckdb.DuckDBPyConnection, run_id: str) -> str:
    """Update the search index for the studies the run changed (and any an earlier run left out), evaluate
    every watch list; their Markdown."""
    update_search_index(con, run_id, studies_to_index(con, run_id))
    if con.execute("SELECT count(*) FROM meta.watch_lists").fetchone()[0]:  # (flows.watch imports pyarrow)
        from flows.watch import evaluate_watch_lists

        evaluate_watch_lists(con, run_id)
    return watch_markdown(con, run_id)


def _take_room_back(con: duckdb.DuckDBPyConnection) -> None:
    """The limit for what follows a run again, after a checkpoint's room (what the checkpoint read and holds stays
    held: when that is more, the limit stays as it is)."""
    try:
        fit_memory(con)
    except duckdb.OutOfMemoryException:
        pass


class RefreshBeside:
    """refresh_search_and_watch_lists on its own cursor, in a thread, while the caller does other work; then,
    with `checkpoint`, a CHECKPOINT there once the caller's work is done.

    The index is built in DuckDB, which leaves the interpreter free, while the report's pages are
    rendered in Python: side by side they take about the longer of the two instead of their sum.
    The checkpoint (the run's changes written from the log into the file, which closing the connection
    would otherwise do) waits until the block is left: it has room in DuckDB's limit for the deleted rows'
    records it reads and to rewrite a row group, and the limit is the database's, not the cursor's. Made
    beside the report, that room cached the pages the report read meanwhile (after 1,000 of 600,000 studies
    changed, the run's process peaked at 1,533 MiB there). Should it not be made (a write still open holds it
    off), closing the connection checkpoints. Use as a context manager around that other work. Leaving the
    block waits for the refresh and the checkpoint, and raises the refresh's error, if any; leaving it on an
    error (or Ctrl-C) interrupts the refresh first, so its transaction rolls back whole, before the error goes
    on (a checkpoint under way is waited for, never interrupted; one not yet begun is not begun).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: str, checkpoint: bool = False) -> None:
        self._cursor = con.cursor()  # a connection of its own: DuckDB connections are not shared by threads
        self._run_id = run_id
        self._error: BaseException | None = None
        self._checkpoint = checkpoint
        self._phase = "refresh"  # then "checkpoint" once it is begun (under _lock, as _stopping)
        self._stopping = False
        self._leaving = threading.Event()  # the block is left: the checkpoint may begin
        self._lock = threading.Lock()
        self.markdown = ""
        self.seconds = 0.0
        self.checkpoint_seconds = 0.0
        self.checkpointed = False
        self._refreshed = threading.Event()
        self._ended = threading.Event()  # the thread's work is over (what leaving the block waits for)
        self._thread = threading.Thread(target=self._run, name="search-index", daemon=True)

    def _run(self) -> None:
        try:
            self._refresh()
        finally:
            self._ended.set()

    def _refresh(self) -> None:
        started = time.perf_counter()
        try:
            self.markdown = refresh_search_and_watch_lists(self._cursor, self._run_id)
        except BaseException as exc:  # given to the caller when it waits
            mark(exc, "search index and watch lists")
            self._error = exc
            return
        finally:
            self.seconds = time.perf_counter() - started
            self._refreshed.set()
        if not self._checkpoint:
            return
        self._leaving.wait()  # the block's own reads are over: the checkpoint's room caches none of their pages
        with self._lock:
            if self._stopping:
                return
            self._phase = "checkpoint"
        started = time.perf_counter()
        try:
            drop_cached_pages(self._cursor)  # the report's pages: nothing after the run reads them again
            # room for the deleted rows' records it reads, held until the connection is closed (counting them
            # reads every table); taken back after, for the statements that follow. Room to rewrite a row group
            # of long texts too, unless the refresh built the index whole: its documents and index entries are
            # all new rows, and what the run changed in the study tables was checkpointed before the report.
            # After a first build of 100,000 studies the room took the run's process from 658 to 811 MiB here.
            whole = built_whole(self._cursor, self._run_id)
            fit_memory(self._cursor, rewrite=not whole, deletions=True)
        except duckdb.Error:
            pass  # the checkpoint is tried within the limit as it is, and closing the connection checkpoints anyway
        try:
            self._cursor.execute("CHECKPOINT")
            self.checkpointed = True
        except duckdb.Error:
            pass  # held off by a write still open: closing the connection checkpoints
        finally:
            _take_room_back(self._cursor)
            self.checkpoint_seconds = time.perf_counter() - started

    def wait(self) -> None:
        """Block until the refresh has finished (its error, if any, is raised on leaving the block); not for the
        checkpoint after it."""
        self._refreshed.wait()

    def _stop(self) -> None:
        """The refresh interrupted (its transaction rolls back whole); a checkpoint under way is left to finish, and
        one not yet begun is not begun."""
        with self._lock:
            self._stopping = True
            if self._phase == "refresh" and self._thread.is_alive():
                self._cursor.interrupt()

    def __enter__(self) -> "RefreshBeside":
        self._thread.start()
        return self

    def __exit__(self, kind, error, trace) -> None:
        try:
            if kind is not None:
                self._stop()
            self._leaving.set()
            try:
                self._ended.wait()
            except BaseException:  # Ctrl-C or SIGTERM while waiting: as on leaving the block on it
                # Not waited for, the thread went on with a cursor closed beneath it, and printed its traceback.
                # (Not Thread.join: interrupted, Python 3.11's marks the thread ended while it runs on.)
                self._stop()
                self._ended.wait()
                raise
            self._thread.join()
        finally:
            self._cursor.close()
        if kind is None and self._error is not None:
            raise self._error
