"""Studies that left the registry: marked from a complete id list, never deleted, flagged by a rule."""
from __future__ import annotations

from contextlib import closing
from datetime import date

import pytest

from checks import registry_presence
from checks.engine import run_rules
from flows.extract.departures import check_departures
from flows.extract.progress import QuietProgress
from flows.extract.registry_client import Politeness, registry_client
from flows.run import run_pipeline
from tests.registry_replay import ReplayRegistry, ReplayServer, corpus_records, nct_id
from tests.test_extract import pull
from warehouse.connect import connect

RULE = "registry_presence.left_registry"


@pytest.fixture
def loaded(tmp_path):
    """A warehouse holding 12 real studies pulled from the replay registry; the registry, still serving."""
    with ReplayServer(ReplayRegistry(corpus_records(12))) as registry:
        assert pull(registry, tmp_path).complete
        with closing(connect(tmp_path / "w.duckdb")) as con:
            run_pipeline(con, run_id="load", source=tmp_path / "landing", db_path=tmp_path / "w.duckdb",
                         as_of=date(2026, 11, 22))
        yield registry


def departures(registry, tmp_path, attempts: int = 5):
    politeness = Politeness(min_interval=0, backoff=0, attempts=attempts)
    with registry_client(registry.url, politeness) as client:
        return check_departures(db=tmp_path / "w.duckdb", client=client, progress=QuietProgress(), page_size=5)


def flagged(tmp_path) -> list[str]:
    with closing(connect(tmp_path / "w.duckdb")) as con:
        run_rules(con, registry_presence.RULES, run_id="check", as_of=date.today())
        return [r[0] for r in con.execute(
            "SELECT nct_id FROM quality_issues WHERE rule_id = ? ORDER BY 1", [RULE]).fetchall()]


def test_studies_missing_from_a_complete_id_list_are_marked_kept_and_flagged(loaded, tmp_path):
    gone = [nct_id(r) for r in loaded.records[3:5]]
    loaded.records[3:5] = []
    outcome = departures(loaded, tmp_path)
    assert outcome.gate.complete and outcome.departures.new == gone
    asked = [q for q in loaded.studies_requests() if q.get("fields") == "NCTId"]
    assert len(asked) == 2 and asked[0]["countTotal"] == "true" and asked[1]["pageToken"] == "o5"
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert con.execute("SELECT count(*) FROM studies WHERE list_contains(?, nct_id)", [gone]).fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM meta.source_records WHERE list_contains(?, nct_id)",
                           [gone]).fetchone()[0] == 2, "their versions stay"
    assert flagged(tmp_path) == gone
    again = departures(loaded, tmp_path)
    assert (again.departures.new, again.departures.still) == ([], gone)


def test_a_short_id_list_marks_nothing(loaded, tmp_path):
    loaded.records[0:2] = []
    loaded.faults[len(loaded.studies_requests()) + 2] = "empty"
    outcome = departures(loaded, tmp_path)
    assert not outcome.gate.complete and outcome.departures is None
    assert outcome.gate.reason.startswith("received 5 of 10 studies announced")
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert con.execute("SELECT count(*) FROM meta.registry_departures").fetchone()[0] == 0
        assert con.execute("SELECT status FROM meta.registry_pulls WHERE mode = 'id_list'").fetchall() == [
            ("incomplete",)]
    assert flagged(tmp_path) == []


def test_a_study_back_in_the_registry_is_unmarked(loaded, tmp_path):
    back = loaded.records.pop(7)
    assert departures(loaded, tmp_path).departures.new == [nct_id(back)]
    assert flagged(tmp_path) == [nct_id(back)]
    loaded.records.insert(7, back)
    outcome = departures(loaded, tmp_path)
    assert outcome.departures.returned == [nct_id(back)] and outcome.departures.new == []
    assert flagged(tmp_path) == []
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert con.execute("SELECT returned_pull FROM meta.registry_departures").fetchone()[0] == outcome.pull_id
