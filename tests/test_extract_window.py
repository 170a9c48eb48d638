"""A pull asked for another window than the unfinished pull of its search starts that window (the unfinished one's
pages stay landed, its record incomplete), and a pull gives up on a registry that sends nothing after the time it
is given (`--timeout`, TRIALQC_API_TIMEOUT)."""
from __future__ import annotations

import time
from contextlib import closing
from datetime import date

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.errors import UsageError
from flows.extract.command import pull_request, run_pull
from flows.extract.describe import describe
from flows.extract.progress import QuietProgress
from flows.extract.registry_client import Politeness
from flows.settings import Settings
from tests.registry_replay import ReplayRegistry, ReplayServer, corpus_records, nct_id
from tests.test_extract import landed_ids, pull
from warehouse.connect import connect

SINCE = date(2015, 1, 1)
RANGE = "AREA[LastUpdatePostDate]RANGE[2015-01-01,MAX]"


@pytest.fixture
def registry():
    with ReplayServer(ReplayRegistry(corpus_records())) as served:
        yield served
        served.release.set()  # a stalled answer ends with the test


def _cut(registry: ReplayRegistry, tmp_path, **options):
    """A pull cut after two of its four pages (its third page dropped, no retry): unfinished and resumable."""
    registry.faults[3] = "drop"
    first = pull(registry, tmp_path, attempts=1, **options)
    assert not first.complete and first.resumable and first.pages == 2
    registry.faults.clear()
    return first


def _statuses(tmp_path) -> list[tuple]:
    with closing(connect(tmp_path / "w.duckdb")) as con:
        return con.execute("SELECT pull_id, since, status FROM meta.registry_pulls ORDER BY started_at").fetchall()


def test_a_pull_since_a_day_after_an_unfinished_pull_of_everything_pulls_that_window(registry, tmp_path):
    first = _cut(registry, tmp_path)
    asked = len(registry.studies_requests())
    second = pull(registry, tmp_path, since=SINCE)
    assert second.complete and not second.resumed and second.pull_id != first.pull_id
    assert second.replaced == "everything" and second.since == SINCE
    new = registry.studies_requests()[asked]
    assert new.get("filter.advanced") == RANGE and "pageToken" not in new, "the new window from its first page"
    assert len(list(first.folder.glob("page-*.json"))) == 2, "the unfinished pull's pages stay landed"
    assert [(pull_id, status) for pull_id, _, status in _statuses(tmp_path)] == [
        (first.pull_id, "incomplete"), (second.pull_id, "complete")]
    assert describe(second).startswith("pull registry, updated since 2015-01-01 (in place of the unfinished pull "
                                       "everything): complete")


def test_a_full_pull_after_an_unfinished_pull_since_a_day_pulls_everything(registry, tmp_path):
    first = _cut(registry, tmp_path, since=SINCE)
    second = pull(registry, tmp_path, full=True)
    assert second.complete and not second.resumed and second.replaced == "since 2015-01-01"
    assert second.since is None and second.received == len(registry.records)


def test_a_pull_naming_the_same_window_resumes_the_unfinished_one(registry, tmp_path):
    first = _cut(registry, tmp_path, since=SINCE)
    second = pull(registry, tmp_path, since=SINCE)
    assert second.complete and second.resumed and second.pull_id == first.pull_id and second.replaced is None
    assert sorted(landed_ids(tmp_path / "landing")) == sorted(
        nct_id(r) for r in registry.records if r["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"][
            "date"] >= SINCE.isoformat())


def test_a_registry_that_sends_nothing_is_given_up_on_after_the_timeout(registry, tmp_path):
    registry.faults[2] = "block"  # the second page's answer never comes (until the test ends)
    request = pull_request(Settings.from_env(), api_url=registry.url, landing=tmp_path / "l", db=tmp_path / "w.duckdb",
                           page_size=40, timeout=1)
    assert request.timeout == 1
    started = time.monotonic()
    (outcome,) = run_pull(request, Politeness(min_interval=0, backoff=0, attempts=1), lambda label: QuietProgress())
    assert time.monotonic() - started < 30
    assert not outcome.complete and outcome.resumable and "ReadTimeout" in outcome.reason


def test_the_timeout_comes_from_the_settings_unless_given(monkeypatch, tmp_path):
    monkeypatch.setenv("TRIALQC_API_TIMEOUT", "7.5")
    assert pull_request(Settings.from_env(), landing=tmp_path, db=tmp_path / "w.duckdb").timeout == 7.5
    assert pull_request(Settings.from_env(), landing=tmp_path, db=tmp_path / "w.duckdb", timeout=3).timeout == 3
    monkeypatch.setenv("TRIALQC_API_TIMEOUT", "soon")
    with pytest.raises(UsageError, match="TRIALQC_API_TIMEOUT"):
        Settings.from_env()


@pytest.mark.parametrize("given", ["0", "0.5", "-3"])
def test_a_timeout_under_a_second_is_refused_with_its_option_named(tmp_path, given):
    done = CliRunner().invoke(app, ["pull", "--timeout", given, "--landing", str(tmp_path / "l"),
                                    "--db", str(tmp_path / "w.duckdb"), "--api-url", "http://127.0.0.1:9"])
    assert done.exit_code == 2 and "--timeout must be at least 1 second" in done.output
