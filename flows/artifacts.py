"""Prefect artifacts a person reads in the UI, each under a fixed key so the Artifacts page keeps history."""
from __future__ import annotations

import logging
from pathlib import Path

import httpx
from prefect.artifacts import (create_link_artifact, create_markdown_artifact, create_progress_artifact,
                               create_table_artifact, update_progress_artifact)

from flows import summary

KEYS = {"summary": "trialqc-run-summary", "table": "trialqc-issues-by-rule",
        "progress": "trialqc-run-progress", "report": "trialqc-quality-report"}


log = logging.getLogger("trialqc")


def _unwritten(what: str, exc: Exception) -> None:
    log.warning("the %s artifact could not be written (%s: %s); the run goes on", what, type(exc).__name__, exc)


class Progress:
    """A progress artifact moved by the stages: files discovered, then files loaded batch by batch. The Prefect API
    not answering (its server stopped or restarted) stops the bar, not the run: a run once failed for it after
    loading everything."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        try:
            self.artifact_id = create_progress_artifact(0.0, key=KEYS["progress"],
                                                        description="Files loaded in this run")
        except httpx.HTTPError as exc:
            _unwritten("progress", exc)
            self.artifact_id = None

    def move(self, percent: float, description: str) -> None:
        """Set the artifact to `percent` (0-100)."""
        if self.artifact_id is None:
            return
        try:
            update_progress_artifact(self.artifact_id, min(100.0, percent), description=description)
        except httpx.HTTPError as exc:
            _unwritten("progress", exc)
            self.artifact_id = None

    def found(self, files: int) -> None:
        """The files discovery found: the bar's 100 %."""
        self.total = files
        self.move(1.0, f"{files} files found")

    def checking(self) -> None:
        """Loading is done; the checks run."""
        self.move(92.0, "checking the studies")

    def loaded(self, files: int) -> None:
        """Count a loaded batch; loading is 90 % of the bar, the checks the rest."""
        self.done += files
        share = self.done / self.total if self.total else 1.0
        self.move(min(90.0, 90.0 * share), f"{self.done} of {self.total} files loaded")


def run_artifacts(result: summary.RunSummary, session, progress: Progress | None = None) -> None:
    """The markdown summary (with the watch lists), the issues by rule, the report link, a full progress bar;
    with the Prefect API not answering, a warning: the run's warehouse and report are already published."""
    try:
        _run_artifacts(result, session, progress)
    except httpx.HTTPError as exc:
        _unwritten("run's", exc)


def _run_artifacts(result: summary.RunSummary, session, progress: Progress | None) -> None:
    rule_changes, report = session.rule_changes, next(iter(session.report_paths), None)
    markdown = "\n".join(filter(None, (summary.to_markdown(result), session.watch_markdown)))
    create_markdown_artifact(markdown, key=KEYS["summary"],
                             description="Files, rejects and quality issues of this run")
    rows = [{"rule": r["rule"], "severity": r["severity"], "category": r["category"], "issues": r["issues"],
             "studies": r["studies"], "change since previous run": f"{r['change']:+d}"} for r in rule_changes]
    create_table_artifact(rows or [{"rule": "(none)", "severity": "", "category": "", "issues": 0,
                                    "studies": 0, "change since previous run": "+0"}],
                          key=KEYS["table"], description="Quality issues by rule and severity, and the change "
                                                         "since the previous run")
    if report is not None:
        create_link_artifact(report.resolve().as_uri(), link_text="quality report", key=KEYS["report"],
                             description=f"The quality report of this run ({report.resolve()})")
    if progress is not None:
        progress.move(100.0, "done")
