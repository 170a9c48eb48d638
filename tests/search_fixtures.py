"""Warehouses for the search and watch-list tests: the samples, versions of one JSON record."""
from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

from flows.after_run import refresh_search_and_watch_lists
from flows.run import run_pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
RECORD = ROOT / "tests" / "fixtures" / "multi_source" / "NCT04916756.json"
AS_OF = date(2026, 11, 22)
BARICITINIB_SEEDS = {"NCT04916756", "NCT05792462", "NCT05300932", "NCT06936215"}


def run_and_refresh(con, db: Path, source: Path, run_id: str) -> str:
    """One run as the flow does it: load and check, then refresh the index and the watch lists."""
    run_pipeline(con, run_id=run_id, source=source, db_path=db, as_of=AS_OF)
    return refresh_search_and_watch_lists(con, run_id)


def record_version(**changes) -> dict:
    """The JSON record of NCT04916756 with changed status module values or primary outcomes."""
    record = copy.deepcopy(json.loads(RECORD.read_text()))
    status = record["protocolSection"]["statusModule"]
    if "status" in changes:
        status["overallStatus"] = changes["status"]
    if "updated" in changes:
        status["lastUpdatePostDateStruct"]["date"] = changes["updated"]
    if "primary_outcome" in changes:
        record["protocolSection"]["outcomesModule"]["primaryOutcomes"][0]["measure"] = changes["primary_outcome"]
    if "enrollment" in changes:
        record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": changes["enrollment"],
                                                                        "type": "ACTUAL"}
    return record


def write_record(folder: Path, record: dict, name: str = "NCT04916756.json") -> Path:
    """Write a record as the only file of `folder` (the same path each time, as a re-download)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    path = folder / name
    path.write_text(json.dumps(record))
    return path


def text_only_study(title: str, condition: str, nct_id: str) -> dict:
    """A clean study whose only text is its title and its condition (no summaries, arms, interventions, outcomes)."""
    from tests.checks.harness import clean_study

    study = clean_study()
    study["studies"][0].update(brief_title=title, official_title=None, acronym=None,
                               source_sha256=nct_id.lower().ljust(64, "0"))
    study["conditions"] = [{"name": condition}]
    study["keywords"] = study["interventions"] = study["design_group_interventions"] = []
    study["brief_summaries"] = study["detailed_descriptions"] = study["design_groups"] = []
    study["design_outcomes"] = []
    return study


def indexed_warehouse(path: Path, studies: dict[str, dict]) -> Path:
    """A warehouse at `path` holding `studies` ({nct_id: tables}), its search index built, closed; the path."""
    from tests.checks.harness import insert_study
    from warehouse.connect import connect
    from warehouse.search_index import update_search_index

    con = connect(path)
    for nct_id, study in studies.items():
        insert_study(con, nct_id, study)
    update_search_index(con, "r1", None)
    con.execute("CHECKPOINT")
    con.close()
    return path


def summarised_study(nct_id: str, title: str, condition: str, summary: str | None) -> dict:
    """A clean study whose only text is its title, its condition and, where given, a brief summary."""
    study = text_only_study(title, condition, nct_id)
    if summary:
        study["brief_summaries"] = [{"description": summary}]
    return study


def read_only(path: Path):
    """A read-only connection to the warehouse at `path`, closed after the test (a fixture's body)."""
    from warehouse.connect import connect

    con = connect(path, read_only=True)
    yield con
    con.close()


def found(con, text: str) -> set[str]:
    """The NCT ids a search of `text` finds, every one of them."""
    from flows.search import SearchQuery, search

    return {h["nct_id"] for h in search(con, SearchQuery(text, limit=None))}
