"""Pulling API v2 searches from a local replay of the registry: pages, retries, the gate, the cursor."""
from __future__ import annotations

import math
import shutil
from contextlib import closing
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from flows.extract.progress import QuietProgress
from flows.extract.pull import pull_search
from flows.extract.pull_records import cursor_since
from flows.extract.registry_client import Politeness, registry_client
from flows.extract.search import Search
from tests.registry_replay import (ReplayRegistry, ReplayServer, corpus_records, last_update, nct_id,
                                   pulled_warehouse_folder)
from warehouse.connect import connect


@pytest.fixture(scope="module")
def records() -> list[dict]:
    """The records the registry serves, read once (no test changes them)."""
    return corpus_records()


@pytest.fixture
def registry(records):
    with ReplayServer(ReplayRegistry(list(records))) as served:
        yield served


@pytest.fixture(scope="module")
def made_warehouse(tmp_path_factory) -> Path:
    """An empty warehouse made once as a first pull makes it (the first test's pull makes its own)."""
    return pulled_warehouse_folder(tmp_path_factory.mktemp("warehouse"))


@pytest.fixture
def warehouse(made_warehouse, tmp_path) -> Path:
    """A copy of the empty warehouse at tmp_path / "w.duckdb", where the test's pulls record themselves."""
    for path in made_warehouse.iterdir():
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, tmp_path / path.name)
    return tmp_path / "w.duckdb"


def pull(registry: ReplayRegistry, tmp_path: Path, search: Search = Search(), *, attempts: int = 5,
         sleeps: list | None = None, backoff: float = 0.0, pages: int = 4, **options):
    """One pull into tmp_path/landing, recorded in tmp_path/w.duckdb; sleeping is only recorded."""
    politeness = Politeness(min_interval=0, backoff=backoff, attempts=attempts,
                            sleep=(sleeps if sleeps is not None else []).append)
    size = math.ceil(len(registry.records) / pages)
    with registry_client(registry.url, politeness) as client:
        return pull_search(search, landing=tmp_path / "landing", db=tmp_path / "w.duckdb", client=client,
                           progress=QuietProgress(), page_size=size, **options)


def landed_ids(landing: Path) -> list[str]:
    """The NCT ids of every landed page, in page order (duplicates kept)."""
    ids = []
    for page in sorted(landing.rglob("page-*.json")):
        ids += [nct_id(s) for s in orjson.loads(page.read_bytes())["studies"]]
    return ids


def pull_rows(tmp_path: Path) -> list[tuple]:
    with closing(connect(tmp_path / "w.duckdb")) as con:
        return con.execute("""SELECT mode, status, total_count, studies_received, pages, reason
                              FROM meta.registry_pulls ORDER BY started_at""").fetchall()


def test_pages_follow_next_page_token_land_as_files_and_pass_the_gate(registry, tmp_path):
    outcome = pull(registry, tmp_path)
    every = [nct_id(r) for r in registry.records]
    assert outcome.complete and outcome.announced == outcome.received == len(every)
    assert [p.name for p in sorted(outcome.folder.iterdir())] == [f"page-0000{n}.json" for n in range(1, 5)]
    assert landed_ids(tmp_path / "landing") == every
    asked = registry.studies_requests()
    assert asked[0]["countTotal"] == "true" and "pageToken" not in asked[0]
    assert [q.get("pageToken") for q in asked[1:]] == [
        orjson.loads(p.read_bytes())["nextPageToken"] for p in sorted(outcome.folder.iterdir())[:-1]]
    assert pull_rows(tmp_path) == [("full", "complete", len(every), len(every), 4, None)]
    assert not (tmp_path / "landing" / ".pulls" / "registry.json").exists()


def test_429_with_retry_after_and_503_are_retried_after_waiting(registry, warehouse, tmp_path):
    registry.faults.update({2: "429", 4: "503"})
    sleeps: list[float] = []
    outcome = pull(registry, tmp_path, sleeps=sleeps, backoff=0.5)
    assert outcome.complete and landed_ids(tmp_path / "landing") == [nct_id(r) for r in registry.records]
    assert sleeps == [7.0, 0.5], "Retry-After: 7 is honoured; a 503 waits the back-off"
    assert len(registry.studies_requests()) == 4 + 2


def test_retries_are_bounded(registry, warehouse, tmp_path):
    registry.faults.update({n: "503" for n in range(2, 10)})
    outcome = pull(registry, tmp_path, attempts=3)
    assert not outcome.complete and outcome.resumable
    assert "HTTP 503 after retries" in outcome.reason
    assert len(registry.studies_requests()) == 1 + 3


def test_requests_are_paced_at_least_the_minimum_interval_apart(registry, warehouse, tmp_path):
    now, sleeps = [0.0], []

    def sleep(seconds):
        sleeps.append(seconds)
        now[0] += seconds

    politeness = Politeness(min_interval=1.0, backoff=0, sleep=sleep, clock=lambda: now[0])
    with registry_client(registry.url, politeness) as client:
        pull_search(Search(), landing=tmp_path / "l", db=tmp_path / "w.duckdb", client=client,
                    progress=QuietProgress(), page_size=math.ceil(len(registry.records) / 4))
    assert sleeps == [1.0] * 4, "version, then four pages: each request one second after the previous"


def test_a_connection_dropped_mid_page_is_asked_again(registry, warehouse, tmp_path):
    registry.faults[2] = "drop"
    outcome = pull(registry, tmp_path)
    assert outcome.complete
    assert landed_ids(tmp_path / "landing") == [nct_id(r) for r in registry.records]


def test_a_pull_cut_past_its_retries_is_incomplete_then_resumes_from_the_last_landed_page(registry, warehouse,
                                                                                           tmp_path):
    registry.faults.update({3: "drop"})
    first = pull(registry, tmp_path, attempts=1)
    assert not first.complete and first.resumable and first.pages == 2
    assert "interrupted after 2 pages" in first.reason
    assert pull_rows(tmp_path)[0][:2] == ("full", "incomplete")
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert cursor_since(con, "registry") is None, "an incomplete pull never moves the cursor"
    token = registry.studies_requests()[-1]["pageToken"]
    second = pull(registry, tmp_path)
    assert second.complete and second.resumed and second.pull_id == first.pull_id
    assert registry.studies_requests()[3]["pageToken"] == token, "resumes with the page that was cut"
    assert landed_ids(tmp_path / "landing") == [nct_id(r) for r in registry.records]
    assert pull_rows(tmp_path) == [("full", "complete", len(registry.records), len(registry.records), 4, None)]


def test_a_page_of_zero_studies_where_studies_were_announced_fails_the_gate(registry, warehouse, tmp_path):
    registry.faults[3] = "empty"
    outcome = pull(registry, tmp_path)
    total = len(registry.records)
    got = len(landed_ids(tmp_path / "landing"))
    assert not outcome.complete and outcome.received == got < total
    assert outcome.reason == f"received {got} of {total} studies announced (page 3 had no studies)"
    assert pull_rows(tmp_path) == [("full", "incomplete", total, got, 2, outcome.reason)]
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert cursor_since(con, "registry") is None


def test_a_second_pull_asks_only_for_studies_updated_since_the_first(registry, warehouse, tmp_path):
    dates = sorted(last_update(r) for r in registry.records)
    cut = dates[len(dates) // 2]
    registry.data_timestamp = f"{cut}T09:00:05"
    search = Search("term", "a")
    first = pull(registry, tmp_path, search)
    assert first.complete and first.since is None and "filter.advanced" not in registry.studies_requests()[0]
    asked_before = len(registry.studies_requests())
    second = pull(registry, tmp_path, search)
    asked = registry.studies_requests()[asked_before]
    assert asked["filter.advanced"] == f"AREA[LastUpdatePostDate]RANGE[{cut},MAX]"
    assert asked["query.term"] == "a"
    expected = [nct_id(r) for r in registry.records if last_update(r) >= cut and "a" in orjson.dumps(r).decode().lower()]
    assert second.complete and second.mode == "incremental" and second.received == len(expected) > 0
    assert landed_ids(second.folder) == expected
    assert second.folder.name > first.folder.name, "pull folders sort in the order they were taken"


def test_the_cursor_is_kept_per_search(registry, warehouse, tmp_path):
    registry.data_timestamp = "2025-01-02T00:00:00"
    pull(registry, tmp_path, Search("condition", "NSCLC"))
    pull(registry, tmp_path, Search("condition", "  nsclc "))
    pull(registry, tmp_path, Search("sponsor", "nsclc"))
    filters = [q.get("filter.advanced") for q in registry.studies_requests() if "countTotal" in q]
    assert filters == [None, "AREA[LastUpdatePostDate]RANGE[2025-01-02,MAX]", None]


def test_trialqc_pull_reports_counts_and_exits_1_when_incomplete(registry, warehouse, tmp_path, monkeypatch):
    from flows.cli import app

    monkeypatch.setenv("TRIALQC_API_MIN_INTERVAL", "0")
    monkeypatch.setenv("TRIALQC_API_BACKOFF", "0")
    args = ["pull", "--condition", "nsclc", "--api-url", registry.url, "--landing", str(tmp_path / "landing"),
            "--db", str(tmp_path / "w.duckdb"), "--page-size", "2"]
    registry.faults[2] = "empty"
    cut = CliRunner().invoke(app, args)
    assert cut.exit_code == 1, cut.output
    total = sum("nsclc" in " ".join(r["protocolSection"]["conditionsModule"]["conditions"]).lower()
                for r in registry.records)
    assert f"INCOMPLETE, received 2 of {total} studies announced (page 2 had no studies)" in " ".join(cut.output.split())
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    assert f"(resumed): complete, {total} studies of {total} announced" in " ".join(again.output.split())
    assert CliRunner().invoke(app, ["pull", "--term", "a", "--sponsor", "b"]).exit_code == 2
    assert CliRunner().invoke(app, ["pull", "--since", "yesterday"]).exit_code == 2
