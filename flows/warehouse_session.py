"""What wraps every run: the writer lock, the working copy, the issue history, the report, publishing."""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import duckdb

from flows import publish
from flows.errors import FailedAfterRun, InterruptedAfterRun, as_interrupt, stopped_by_signal
from flows.timing import described, stage_of, timed
from flows.after_run import RefreshBeside, refresh_search_and_watch_lists
from warehouse import checkpoints, compact, connect, issue_history, memory_limit, runs
from warehouse.ducklake import publish as publish_ducklake


@dataclass
class Session:
    """The open working copy of one run, and what the run left behind."""

    con: duckdb.DuckDBPyConnection
    run_id: str
    published: Path
    new_issues: int = 0
    resolved_issues: int = 0
    report_paths: list[Path] = field(default_factory=list)
    rule_changes: list[dict] = field(default_factory=list)
    watch_markdown: str = ""
    ducklake_catalog: Path | None = None
    data_docs: object | None = None  # gx_docs.DataDocsLater whose validation waits for the warehouse to close
    work: Path | None = None  # the working copy `con` is open on

    def use(self, con: duckdb.DuckDBPyConnection) -> None:
        """Go on with `con`, a new connection to the working copy (the run closed the one it replaces)."""
        self.con = con


@contextmanager
def warehouse_session(db_path: Path, run_id: str, log: logging.Logger | logging.LoggerAdapter,
                      reports_dir: Path | None = None, ducklake: str | Path | None = None) -> Iterator[Session]:
    """Lock, open the working copy; after the run: its issue history, the search index and watch lists,
    the report and the DuckLake copy; then publish, even on failure. Data Docs to validate are validated beside
    publishing, once the warehouse is closed (`_begin_data_docs`)."""
    data_docs, recorded, published = None, False, False
    try:
        with publish.writing(db_path, say=log.info) as work:
            session = Session(connect.connect(work), run_id, Path(db_path).resolve(), work=Path(work))
            yield from _session_run(session, run_id, log, reports_dir, ducklake)
            recorded = True  # the run is recorded and its connection closed: publishing is left
            data_docs = _begin_data_docs(session)
        published = True
        if data_docs is not None:
            _wait_data_docs(data_docs, session, log)
    except KeyboardInterrupt as exc:
        if data_docs is not None:
            data_docs.cancel()
        if recorded and not isinstance(exc, InterruptedAfterRun):
            raise InterruptedAfterRun(kept_after_interrupt(published, data_docs is not None)) from exc
        raise
    except BaseException as exc:
        if data_docs is not None:
            data_docs.cancel()
        if recorded and not published and stage_of(exc) in (publish.PUBLISHING, publish.NEXT_COPY):
            raise FailedAfterRun(_kept_after_failure(exc, Path(db_path).resolve())) from exc
        raise


def _kept_after_failure(exc: BaseException, db: Path) -> str:
    """What a fault while publishing a completed run leaves (a full disk, an I/O error): the run is whole, and the
    step it failed in tells whether it is published."""
    if stage_of(exc) == publish.PUBLISHING:
        return (f"{described(exc)}: the run completed and is recorded, but it is not published: {db} keeps the "
                "previous run's state. Free disk space (or fix the fault) and run again: the next run goes on from "
                "this run's working copy and publishes it with its own (loaded files are skipped).")
    return (f"{described(exc)}: the run completed and is published to {db}; only the working copy for the next "
            "run could not be made. The next run copies the published file whole to make one, so free room for "
            "a copy of it first.")


def kept_after_interrupt(published: bool, data_docs: bool) -> str:
    """What an interrupt after the run was recorded leaves: the run completed whatever it stopped."""
    if not published:
        return ("interrupted while publishing: the run completed and is recorded; the published warehouse may "
                "still show the previous run until the next run, which starts from this one's, publishes")
    return ("interrupted after publishing: the run completed and its warehouse and report are published"
            + ("; its Data Docs were not written (the next run validates the warehouse again)" if data_docs else ""))


def _begin_data_docs(session: Session):
    """The Data Docs the report deferred, begun now that the run has closed the warehouse: the run's process holds
    little, and the child validates while the run publishes. None when there are none to validate."""
    docs, session.data_docs = session.data_docs, None
    if not getattr(docs, "deferred", False) or not session.report_paths:  # (kept Data Docs are Finished)
        return None
    docs.begin_deferred()
    return docs


def _wait_data_docs(docs, session: Session, log) -> None:
    """Wait for the Data Docs begun beside publishing; their index joins the report's paths. When they could not be
    written, their index says why (the report links to it) and the run still succeeds, as with its report."""
    from checks.gx_docs import DataDocsError, not_written

    started = time.perf_counter()
    try:
        _outcome_sent(docs)
        index = docs.result()
    except KeyboardInterrupt:  # the report links to their index: it says why there are none
        docs.cancel()
        session.report_paths.append(not_written(docs.out_dir, "stopped by an interrupt (Ctrl-C or SIGTERM)"))
        raise
    except DataDocsError as exc:
        log.warning("the Data Docs could not be written: %s", exc)
        index = not_written(docs.out_dir, str(exc))
    else:
        log.info("Data Docs validated beside publishing (waited %.1f s after it)", time.perf_counter() - started)
    session.report_paths.append(index)


def _outcome_sent(docs) -> None:
    """Wait until the Data Docs child has sent its outcome (or ended), so that a stop is taken here, where nothing
    waits for the child, and its `cancel` ends it. Taken in the job's `result`, a stop waited for the child's whole
    validation (that wait joins the child in any case): one the child did not get (SIGTERM to the run's process
    alone, as `kill PID` and `docker stop` send it) ended the run 7-13 s after publishing, in bench/stop_trials.py.
    Kept Data Docs have no child, and nothing to wait for."""
    receive = getattr(getattr(docs, "job", None), "receive", None)
    if receive is not None:
        receive.poll(None)


def _session_run(session: Session, run_id: str, log, reports_dir: Path | None, ducklake: str | Path | None):
    """The run (the caller's block, at the yield), then what follows it; the connection closed in any case."""
    started = None
    try:
        yield session
        seconds: dict[str, float] = {}
        # What follows the run reads aggregates and the changed studies' rows, statement by statement: on one
        # DuckDB thread (the report beside the search index: a core each) that takes about half the CPU of two
        # threads, for no longer wall time. The DuckLake copy, a bulk write, has every thread again.
        threads = session.con.execute("SELECT current_setting('threads')").fetchone()[0]
        session.con.execute("SET threads = 1")
        since = runs.nothing_loaded_since(session.con, run_id)
        loaded = since is None  # the run loaded or rejected files
        since = f"trialqc-{since}" if since else None  # as the report names runs
        with timed(seconds, "report"):  # what the last report holds, and whether its Data Docs are kept
            started = (_start_report(session.con, reports_dir, run_id, log, since) if reports_dir is not None
                       else None)
        since = _after_run(session, reports_dir, log, seconds, started, loaded, since)
        session.con.execute(f"SET threads = {int(threads)}")
        if ducklake is not None:
            with timed(seconds, "DuckLake"):
                session.ducklake_catalog = publish_ducklake(session.con, Path(ducklake))
            log.info("published DuckLake catalog %s", session.ducklake_catalog)
        if reports_dir is not None and started is None:
            with timed(seconds, "report"), connect.one_thread(session.con):
                session.report_paths = _write_report(session.con, reports_dir, session.published, run_id, log,
                                                     started, since)
        log.info("after the run: %s", ", ".join(f"{name} {spent:.1f} s" for name, spent in seconds.items()))
    except BaseException as exc:
        stop = as_interrupt(exc)  # a query Ctrl-C or SIGTERM cut: recorded and reported as the interrupt it is
        _record_failure(session, stop, fatal=isinstance(exc, duckdb.FatalException))
        if stop is not exc:
            raise stop from exc
        raise
    finally:
        if started is not None:
            started.close()
        connect.close(session.con)


def _record_failure(session: Session, error: BaseException, fatal: bool = False) -> None:
    """Record the failed (or stopped) run with its error. A `fatal` error (DuckDB's, as when a checkpoint failed)
    invalidates the connection, and nothing could be recorded on it: the run stayed `running` in the published
    file, and the next run marked it `interrupted`, without its error. The working copy is then opened again for
    the record."""
    if fatal and session.work is not None:
        revived = connect.usable_after(session.con, session.work)
        if revived is not session.con:
            session.con = revived
            try:  # its end, which the run could not record on the invalidated connection
                runs.finish_run(revived, session.run_id, "failed")
            except duckdb.Error:
                pass
    issue_history.after_failure(session.con, session.run_id, error, stage_of(error))


def _after_run(session: Session, reports_dir: Path | None, log, seconds: dict[str, float], started,
               loaded: bool, since: str | None) -> str | None:
    """The run's issue history, a checkpoint, then the report (`started`, when begun) beside the search index's
    refresh; the run whose report pages may be kept, if any."""
    con, run_id = session.con, session.run_id
    # The issue history's statements over every open episode (1.6 million at 600,000 studies) run within the
    # check's limit. (They once had a checkpoint's room to rewrite a row group: when its table had a primary key,
    # whose index DuckDB held whole, one of seven 1% runs there ran out of memory after the check.)
    memory_limit.fit_memory(con)
    with timed(seconds, "issue history"):
        session.new_issues, session.resolved_issues = issue_history.after_run(con, run_id)
        session.rule_changes = issue_history.rule_changes(con, run_id)
    # the keys the run and its issue history added, and room for rewriting what the run changed
    memory_limit.fit_memory(con, rewrite=True)
    # Until checkpointed, the run's changes are held in memory and count against the limit (130 MB after a 1%
    # change at 100,000 studies): the report and the search index beside it then ran out. What the checkpoint
    # leaves held is let go with the connection (checkpoints.checkpoint). A run that loaded nothing changed little
    # (its issue history's last sightings): it is written later. Before it, the tables whose deleted rows' records
    # took too much memory at the last checkpoint are written again (warehouse/compact.py).
    if loaded:
        _compact(con, log, seconds)
        with timed(seconds, "checkpoint"):
            con = session.con = checkpoints.checkpoint(con)
    # The report and the search index without that room: it only let DuckDB cache more pages (memory_limit.fit_memory).
    memory_limit.fit_memory(con)
    if session.new_issues or session.resolved_issues or runs.issues_written(con, run_id):
        since = None  # the study pages and lists may show something new
    if started is None:
        with timed(seconds, "search index and watch lists"):
            session.watch_markdown = refresh_search_and_watch_lists(con, run_id)
        return since
    # The report's pages (Python) are rendered while the search index is built (DuckDB), and the index's changes
    # checkpointed into the file once the pages are written: closing the connection then has little to do. Data
    # Docs to validate are only read here: their child begins once the warehouse is closed (_begin_data_docs).
    report_ran_out = False
    try:
        with timed(seconds, "report"), RefreshBeside(con, run_id, checkpoint=True) as refresh:
            try:
                session.report_paths = _write_report(con, reports_dir, session.published, run_id, log, started,
                                                     since, refresh.wait, beside=True, gx_later=True)
                session.data_docs = started.gx if session.report_paths else None
            except duckdb.OutOfMemoryException:
                report_ran_out = True  # the refresh goes on: the report is written after it
        session.watch_markdown = refresh.markdown
        seconds["search index and watch lists (beside the report)"] = refresh.seconds
        if refresh.checkpoint_seconds:  # made on leaving the block, after the pages: not the report's time
            seconds["report"] -= refresh.checkpoint_seconds
            seconds["checkpoint after the report"] = refresh.checkpoint_seconds
    except duckdb.OutOfMemoryException:
        _one_after_the_other(session, reports_dir, log, since, seconds)
    else:
        if report_ran_out:
            _report_after(session, reports_dir, log, since, seconds, refresh.checkpointed)
    return since


def _compact(con: duckdb.DuckDBPyConnection, log, seconds: dict[str, float]) -> None:
    """The tables written again when their deleted rows' records held too much (compact.compact); running out of
    memory there leaves the rest as they are, for a later run: the run's own work is already committed."""
    started = time.perf_counter()
    try:
        if not compact.compact(con, say=log.info):
            return
    except duckdb.OutOfMemoryException as exc:
        log.warning("the tables with deleted rows were not all written again: %s", str(exc).splitlines()[0])
    seconds["writing tables again"] = time.perf_counter() - started


def _one_after_the_other(session: Session, reports_dir: Path, log, since: str | None,
                         seconds: dict[str, float]) -> None:
    """The search index and watch lists refreshed, then the report written again: side by side the two needed
    more memory than DuckDB may hold (each statement's working memory grows with the warehouse: at 200,000
    studies the refresh after a 1% change ran out beside the report). Its rolled-back refresh is done again
    alone, and the report after it, so its watch pages show the lists just refreshed."""
    log.info("the search index ran out of memory beside the report: it is refreshed first, then the report")
    with timed(seconds, "search index and watch lists (after running out of memory beside the report)"):
        session.watch_markdown = refresh_search_and_watch_lists(session.con, session.run_id)
    _report_after_refresh(session, reports_dir, log, since, seconds, "report (again)", checkpointed=False)


def _report_after(session: Session, reports_dir: Path, log, since: str | None, seconds: dict[str, float],
                  checkpointed: bool) -> None:
    """The report written again once the refresh beside it has finished: side by side the two needed more memory
    than DuckDB may hold. Both read statements over all studies, whose memory grows with the warehouse: at
    200,000 studies, with 250 MB less room than a run gave them then, the report ran out beside the refresh after
    a 1% change (two such runs later completed side by side at that limit)."""
    log.info("the report ran out of memory beside the search index: it is written again after it")
    _report_after_refresh(session, reports_dir, log, since, seconds, "report (again, after the search index)",
                          checkpointed)


def _report_after_refresh(session: Session, reports_dir: Path, log, since: str | None, seconds: dict[str, float],
                          label: str, checkpointed: bool) -> None:
    """The report, on a connection opened again once the refresh's changes are checkpointed: held in memory,
    they and what their checkpoint leaves behind took most of DuckDB's limit (at 600,000 studies, after a 1%
    change, 845 MiB of 976 MiB), and the report ran out of memory at its first statement (checkpoints.reopen)."""
    with timed(seconds, label):
        session.con = checkpoints.reopen(session.con) if checkpointed else checkpoints.checkpoint(session.con)
        session.report_paths = _write_report(session.con, reports_dir, session.published, session.run_id, log,
                                             None, since)


def _start_report(con, reports_dir: Path, run_id: str, log, since: str | None):
    """The report begun as soon as the run has loaded (checks.report.start_report); None if it cannot be."""
    from checks.report import start_report

    try:
        return start_report(con, Path(reports_dir), run_name=f"trialqc-{run_id}", unchanged_since=since)
    except Exception as exc:  # written again, and reported, at the end
        if stopped_by_signal(exc):
            raise
        log.debug("the report could not be begun: %s", exc)
        return None


def _write_report(con, reports_dir: Path, published: Path, run_id: str, log, started=None,
                  since: str | None = None, watch_lists_ready=None, beside: bool = False,
                  gx_later: bool = False) -> list[Path]:
    """The report of the state about to be published; a report that fails does not fail the run. `beside`: it is
    written beside the search index's refresh, and running out of memory is raised, to be written again after.
    `gx_later`: Data Docs to validate are read, not begun (checks.report.write_report)."""
    from checks.report import write_report

    try:
        return write_report(con, Path(reports_dir), db_label=str(published), run_name=f"trialqc-{run_id}",
                            started=started, unchanged_since=since, watch_lists_ready=watch_lists_ready,
                            gx_later=gx_later)
    except duckdb.OutOfMemoryException:
        if beside:
            raise
        log.warning("the report could not be written: DuckDB ran out of memory; raise TRIALQC_DUCKDB_MEMORY")
        return []
    except Exception as exc:  # the warehouse is right; only its report is missing
        if stopped_by_signal(exc):
            raise
        log.warning("the report could not be written: %s", exc)
        return []
