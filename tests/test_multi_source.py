"""One study from many sources: one current row, every version kept, whatever the arrival order."""
from __future__ import annotations

import itertools
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from flows.run import run_pipeline
from warehouse.connect import connect
from tests.conftest import forked_here
from tests.test_pipeline import snapshot

FIXTURES = Path(__file__).parent / "fixtures" / "multi_source"
FILES = ("NCT04916756.json", "NCT04916756.xml", "NCT04916756.clincosm.txt")
MTIMES = {name: 1_700_000_000 + 3600 * i for i, name in enumerate(FILES)}


def _place(folder: Path, name: str, text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if text is None:
        shutil.copyfile(FIXTURES / name, target)
    else:
        target.write_text(text)
    os.utime(target, (MTIMES[name], MTIMES[name]))
    return target


def _load_in_order(tmp_path: Path, order: tuple[str, ...], texts: dict[str, str] | None = None,
                   first_loaded: Path | None = None, loaded_steps: int = 1):
    """A warehouse that got the files one run each, in `order`. `first_loaded`: a closed warehouse that got the
    first `loaded_steps` files of `order` as given (runs r0, r1, ...), copied to begin with instead of loading them
    again."""
    db = tmp_path / f"{'-'.join(n.split('.')[-1] for n in order)}.duckdb"
    if first_loaded is not None:
        assert not set(order[:loaded_steps]) & set(texts or {})
        shutil.copyfile(first_loaded, db)
    con = connect(db)
    for step, name in enumerate(order):
        if step < loaded_steps and first_loaded is not None:
            continue
        folder = tmp_path / "arrivals" / name.replace(".", "_")  # same path in every order
        _place(folder, name, (texts or {}).get(name))
        result = run_pipeline(con, run_id=f"r{step}", source=folder, db_path=db, as_of=date(2026, 11, 22))
        assert result.loaded == 1, result.rejects
    return con


@pytest.fixture(scope="module")
def json_loaded(tmp_path_factory) -> Path:
    """The warehouse after the first arrival of FILES' order (the API v2 record alone), closed: the tests that
    begin with that arrival copy it (the run each would make first is this one)."""
    folder = tmp_path_factory.mktemp("json-loaded")
    with forked_here():
        _load_in_order(folder, FILES[:1]).close()
    assert not (folder / "json.duckdb.wal").exists()  # all of it in the file that is copied
    return folder / "json.duckdb"


@pytest.fixture(scope="module")
def json_xml_loaded(tmp_path_factory, json_loaded) -> Path:
    """The warehouse after the first two arrivals of FILES' order (the API v2 record, then the legacy XML one as
    given), closed: the tests that begin with them copy it."""
    folder = tmp_path_factory.mktemp("json-xml-loaded")
    with forked_here():
        _load_in_order(folder, FILES[:2], first_loaded=json_loaded).close()
    assert not (folder / "json-xml.duckdb.wal").exists()
    return folder / "json-xml.duckdb"


@pytest.mark.long  # all six arrival orders; test_a_later_update_wins_over_precedence runs two
def test_one_row_three_versions_whatever_the_order(tmp_path):
    snapshots = []
    for order in itertools.permutations(FILES):
        con = _load_in_order(tmp_path, order)
        assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 1
        versions = con.execute(
            "SELECT layout, is_current FROM meta.source_records ORDER BY layout").fetchall()
        assert versions == [("ctgov_classic_text", False), ("ctgov_json_v2", True), ("ctgov_xml", False)]
        assert con.execute("SELECT source_layout FROM studies").fetchone()[0] == "ctgov_json_v2"
        snapshots.append(snapshot(con))
        con.close()
    assert all(s == snapshots[0] for s in snapshots[1:])


def test_all_sources_in_one_batch_match_one_by_one(tmp_path, json_xml_loaded):
    folder = tmp_path / "together"
    for name in FILES:
        _place(folder, name)
    con = connect(tmp_path / "together.duckdb")
    result = run_pipeline(con, run_id="t", source=folder, db_path=tmp_path / "together.duckdb",
                          as_of=date(2026, 11, 22))
    assert (result.loaded, result.studies_loaded) == (3, 3)
    one_by_one = _load_in_order(tmp_path, FILES, first_loaded=json_xml_loaded, loaded_steps=2)
    assert snapshot(con, with_paths=False) == snapshot(one_by_one, with_paths=False)


@pytest.mark.parametrize("order", [FILES, tuple(reversed(FILES))])
def test_a_later_update_wins_over_precedence(tmp_path, json_loaded, order):
    xml = (FIXTURES / "NCT04916756.xml").read_text()
    newer = xml.replace("June 30, 2021</last_update_posted>", "July 15, 2022</last_update_posted>").replace(
        "<enrollment type=\"Actual\">11</enrollment>", "<enrollment type=\"Actual\">12</enrollment>")
    con = _load_in_order(tmp_path, order, {"NCT04916756.xml": newer}, json_loaded if order == FILES else None)
    row = con.execute("SELECT source_layout, enrollment, last_update_posted_date FROM studies").fetchone()
    assert row == ("ctgov_xml", 12, date(2022, 7, 15))
    assert con.execute("SELECT count(*) FROM meta.source_records WHERE is_current").fetchone()[0] == 1


def test_a_republished_page_that_disagrees_on_the_same_update_is_flagged(tmp_path, json_xml_loaded):
    page = (FIXTURES / "NCT04916756.clincosm.txt").read_text()
    disagreeing = page.replace("Overall Status\nCompleted", "Overall Status\nRecruiting")
    assert disagreeing != page
    con = _load_in_order(tmp_path, FILES, {"NCT04916756.clincosm.txt": disagreeing}, json_xml_loaded, 2)
    rows = con.execute("""SELECT message, evidence FROM quality_issues
                          WHERE rule_id = 'cross_source.same_update_disagrees'""").fetchall()
    pairs = [(m, e) for m, e in rows if "ctgov_classic_text" in e and "ctgov_json_v2" in e]
    assert len(rows) == 2 and len(pairs) == 1, "the page against the JSON and against the XML record"
    message, evidence = pairs[0]
    assert "status" in message and "RECRUITING" in evidence and "COMPLETED" in evidence


def test_loading_a_study_rechecks_the_records_that_speak_of_it(run, samples):
    """002 lists 004 under related trials: when 004 arrives later with another title, 002 is flagged."""
    later = samples.parent / "later"
    later.mkdir()
    page_004 = samples / "004_cc5ae6cfa278e423.txt"
    text = page_004.read_text()
    page_004.rename(later / page_004.name)
    run(samples)
    title = "Safety and Efficacy of Baricitinib on Skin Tightening in Diffuse Cutaneous Systemic Sclerosis"
    (later / page_004.name).write_text(text.replace(title, "Baricitinib Versus Methotrexate in Skin Fibrosis", 1))
    run(later)
    flagged = run.con.execute("""SELECT nct_id, evidence FROM quality_issues
                                 WHERE rule_id = 'cross_source.related_study_title_differs'""").fetchall()
    assert [n for n, _ in flagged] == ["NCT05300932"]
    assert "Baricitinib Versus Methotrexate" in flagged[0][1]
