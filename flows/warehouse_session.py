"""What wraps every run: the writer lock, the working copy, the issue history, the report, publishing."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import duckdb

from flows import publish
from flows.after_run import refresh_search_and_watch_lists
from warehouse import connect, issue_history
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


@contextmanager
def warehouse_session(db_path: Path, run_id: str, log: logging.Logger | logging.LoggerAdapter,
                      reports_dir: Path | None = None, ducklake: str | Path | None = None) -> Iterator[Session]:
    """Lock, open the working copy; after the run: its issue history, the search index and watch lists,
    the report and the DuckLake copy; then publish, even on failure."""
    with publish.writing(db_path, say=log.info) as work:
        con = connect.connect(work)
        session = Session(con, run_id, Path(db_path).resolve())
        try:
            yield session
            session.new_issues, session.resolved_issues = issue_history.after_run(con, run_id)
            session.rule_changes = issue_history.rule_changes(con, run_id)
            session.watch_markdown = refresh_search_and_watch_lists(con, run_id)
            if ducklake is not None:
                session.ducklake_catalog = publish_ducklake(con, Path(ducklake))
                log.info("published DuckLake catalog %s", session.ducklake_catalog)
            if reports_dir is not None:
                session.report_paths = _write_report(con, reports_dir, session.published, run_id, log)
        except BaseException as exc:
            issue_history.after_failure(con, run_id, exc)
            raise
        finally:
            con.close()


def _write_report(con, reports_dir: Path, published: Path, run_id: str, log) -> list[Path]:
    """The report of the state about to be published; a report that fails does not fail the run."""
    from checks.report import write_report

    try:
        return write_report(con, Path(reports_dir), db_label=str(published), run_name=f"trialqc-{run_id}")
    except Exception as exc:  # the warehouse is right; only its report is missing
        log.warning("the report could not be written: %s", exc)
        return []
