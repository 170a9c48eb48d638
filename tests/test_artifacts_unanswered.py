"""The run's Prefect artifacts are for a person in the UI: the Prefect API not answering (its server stopped or
restarted mid-run) stops them, with a warning, never the run."""
from __future__ import annotations

import logging
from datetime import date

import httpx
import pytest

from flows import artifacts


def _refused(*args, **kwargs):
    raise httpx.ConnectError("[Errno 111] Connection refused")


def test_the_progress_bar_stops_with_one_warning_when_the_api_stops_answering(monkeypatch, caplog):
    moved = []
    monkeypatch.setattr(artifacts, "create_progress_artifact", lambda *a, **k: "bar")
    monkeypatch.setattr(artifacts, "update_progress_artifact", lambda *a, **k: moved.append(a[1]))
    progress = artifacts.Progress()
    progress.found(10)
    monkeypatch.setattr(artifacts, "update_progress_artifact", _refused)
    with caplog.at_level(logging.WARNING, logger="trialqc"):
        progress.loaded(5)
        progress.loaded(5)
        progress.checking()
    assert moved == [1.0]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "ConnectError" in warnings[0] and "the run goes on" in warnings[0]


def test_a_progress_bar_that_cannot_be_created_is_not_moved(monkeypatch):
    monkeypatch.setattr(artifacts, "create_progress_artifact", _refused)
    monkeypatch.setattr(artifacts, "update_progress_artifact", lambda *a, **k: pytest.fail("moved a bar never made"))
    progress = artifacts.Progress()
    progress.found(3)
    progress.loaded(3)


def test_the_run_s_artifacts_are_given_up_with_a_warning(monkeypatch, caplog):
    class Session:
        rule_changes, report_paths, watch_markdown = [], [], ""

    monkeypatch.setattr(artifacts, "create_markdown_artifact", _refused)
    with caplog.at_level(logging.WARNING, logger="trialqc"):
        artifacts.run_artifacts(artifacts.summary.RunSummary(run_id="r", as_of=date(2026, 11, 22), db_path="w.duckdb"), Session())
    assert any("could not be written" in r.getMessage() for r in caplog.records)
