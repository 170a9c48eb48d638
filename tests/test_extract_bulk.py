"""The bulk zip: streamed to disk, a cut download resumed with Range, verified, reconciled after the load."""
from __future__ import annotations

import zipfile
from contextlib import closing
from datetime import date

import orjson
import pytest

from flows.extract.bulk import BULK_FILE, pull_bulk
from flows.extract.progress import QuietProgress
from flows.extract.pull_records import reconcile_bulk_loads
from flows.extract.registry_client import Politeness, registry_client
from flows.run import run_pipeline
from tests.registry_replay import ReplayRegistry, ReplayServer, corpus_records, nct_id
from warehouse.connect import connect


@pytest.fixture
def registry():
    with ReplayServer(ReplayRegistry(corpus_records(40))) as served:
        yield served


def bulk(registry, tmp_path, attempts: int = 5):
    politeness = Politeness(min_interval=0, backoff=0, attempts=attempts)
    url = registry.url.replace("/api/v2", f"/bulk/{BULK_FILE}")
    with registry_client(registry.url, politeness, read_body=False) as client:
        return pull_bulk(url=url, landing=tmp_path / "landing", db=tmp_path / "w.duckdb", client=client,
                         politeness=politeness, progress=QuietProgress())


def ranges(registry) -> list[str | None]:
    return [r["headers"].get("Range") for r in registry.requests if r["path"].endswith(".zip")]


def test_a_cut_download_resumes_with_range_and_the_zip_verifies(registry, tmp_path):
    registry.bulk_faults[1] = "cut"
    outcome = bulk(registry, tmp_path)
    whole = registry.bulk_zip()
    assert outcome.complete and outcome.entries == 40
    assert ranges(registry) == [None, f"bytes={len(whole) // 2}-"]
    assert outcome.path.read_bytes() == whole
    assert outcome.path.name == BULK_FILE and not list(outcome.path.parent.glob(".*"))


def test_a_server_that_ignores_range_gets_the_file_from_the_start(registry, tmp_path):
    registry.bulk_faults.update({1: "cut", 2: "no-range"})
    outcome = bulk(registry, tmp_path)
    assert outcome.complete and outcome.path.read_bytes() == registry.bulk_zip()
    assert ranges(registry)[1] is not None, "asked for the rest, got the whole file, kept only it"


def test_a_download_cut_past_its_attempts_is_incomplete_and_resumes_on_the_next_pull(registry, tmp_path):
    registry.bulk_faults.update({1: "cut", 2: "cut"})
    first = bulk(registry, tmp_path, attempts=2)
    assert not first.complete and first.resumable and first.path is None
    assert "download cut at" in first.reason
    second = bulk(registry, tmp_path)
    assert second.complete and second.pull_id == first.pull_id
    assert second.path.read_bytes() == registry.bulk_zip()
    assert ranges(registry)[2] == f"bytes={len(registry.bulk_zip()) * 3 // 4}-"


def test_a_zip_cut_short_without_a_length_never_reaches_the_loader(registry, tmp_path):
    registry.bulk_faults[1] = "short"
    outcome = bulk(registry, tmp_path)
    assert not outcome.complete and not outcome.resumable
    assert outcome.reason.startswith("not a whole zip")
    assert not list((tmp_path / "landing").rglob("*.zip*")), "the cut file is neither landed nor kept"
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert con.execute("SELECT status, reason FROM meta.registry_pulls").fetchall() == [
            ("incomplete", outcome.reason)]


def test_the_zip_entries_are_reconciled_with_the_studies_loaded(tmp_path):
    records = corpus_records(5)
    members = {f"{nct_id(r)}.json": orjson.dumps(r) for r in records}
    members["NCT99999999.json"] = b'{"protocolSection": {"identificationModule": {"nctId": "NCT99999999"}}}'
    with ReplayServer(ReplayRegistry(records, bulk_members=members)) as registry:
        outcome = bulk(registry, tmp_path)
    assert outcome.complete and outcome.entries == 6
    with zipfile.ZipFile(outcome.path) as archive:
        assert len(archive.namelist()) == 6
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert reconcile_bulk_loads(con) == [], "not loaded yet: nothing to reconcile"
        run_pipeline(con, run_id="r1", source=tmp_path / "landing", db_path=tmp_path / "w.duckdb",
                     as_of=date(2026, 11, 22))
        closed = reconcile_bulk_loads(con)
        assert closed == [(outcome.pull_id, 6, 5, "loaded 5 studies of 6 files in the zip (see meta.rejects for the rest)")]
        assert con.execute("SELECT status, studies_loaded FROM meta.registry_pulls").fetchall() == [("incomplete", 5)]
