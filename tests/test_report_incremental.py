"""A report written over the last one costs in proportion to what changed, and equals a full rebuild."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from bench.synthetic_warehouse import build
from checks import report_digests, report_pages
from checks.report import write_report
from tests.gx_stand_in import stand_in_for_data_docs


def _pages(folder: Path) -> dict[str, str]:
    """Every page of a report but the Data Docs, the overview's 'generated' time aside."""
    return {p.relative_to(folder).as_posix(): re.sub(r"generated [\d: -]+", "generated", p.read_text())
            for p in folder.rglob("*.html") if p.relative_to(folder).parts[0] != "gx"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A synthetic warehouse of 1,500 studies and three runs, closed: each test changes a copy of it."""
    db = tmp_path_factory.mktemp("built") / "w.duckdb"
    build(db, 1500, runs=3)
    return db


@pytest.fixture
def warehouse(built, tmp_path):
    db = tmp_path / "w.duckdb"
    for made, copy in ((built, db), (built.with_name(built.name + ".wal"), db.with_name(db.name + ".wal"))):
        if made.exists():  # the file and any log its connection left
            shutil.copyfile(made, copy)
    return duckdb.connect(str(db))


def _refuse(*_args, **_kwargs):
    raise AssertionError("read page data although no page changed")


def test_a_report_over_a_changed_warehouse_equals_a_full_rebuild_and_shows_no_stale_data(warehouse, tmp_path):
    con, out = warehouse, tmp_path / "report"
    write_report(con, out, gx=False)
    gone = "NCT000001"  # every study of one study page leaves the warehouse (its issues stay behind)
    assert (out / "study" / f"{gone}.html").is_file()
    con.execute("DELETE FROM studies WHERE left(nct_id, 9) = ?", [gone])
    con.execute("UPDATE studies SET brief_title = 'Retitled <study> & more' WHERE nct_id = 'NCT00000777'")
    con.execute("UPDATE quality_issues SET message = 'Reworded issue' WHERE nct_id = (SELECT min(nct_id) "
                "FROM quality_issues WHERE nct_id > 'NCT00001200')")
    con.execute("UPDATE meta.source_records SET path = '/data/moved/NCT00000555.json' WHERE nct_id = 'NCT00000555' "
                "AND is_current")
    con.execute("UPDATE meta.quality_issue_history SET first_seen_run = 'run0' WHERE nct_id = 'NCT00000999'")
    write_report(con, out, gx=False)
    fresh = tmp_path / "fresh"
    write_report(con, fresh, gx=False)
    assert _pages(out) == _pages(fresh)
    assert not (out / "study" / f"{gone}.html").exists(), "the page of studies that left is removed"
    assert "Retitled &lt;study&gt; &amp; more" in (out / "study" / "NCT000007.html").read_text()
    assert "Retitled &lt;study&gt;" in "".join(p.read_text() for p in (out / "studies").glob("*.html"))
    assert "/data/moved/NCT00000555.json" in (out / "study" / "NCT000005.html").read_text()
    assert "run0" in (out / "study" / "NCT000009.html").read_text()


def test_a_report_with_nothing_changed_reads_no_page_data(warehouse, tmp_path, monkeypatch):
    out = tmp_path / "report"
    write_report(warehouse, out, gx=False)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.html") if p.name != "quality_report.html"}
    monkeypatch.setattr(report_pages, "_studies_of", _refuse)
    monkeypatch.setattr(report_pages, "_block_details", _refuse)
    get_template = report_pages.Environment.get_template
    monkeypatch.setattr(report_pages.Environment, "get_template", lambda env, name, *a, **k: _refuse() if name in (
        "studies_page.html.j2", "study_shard.html.j2") else get_template(env, name, *a, **k))
    write_report(warehouse, out, gx=False)
    assert stamps == {p: p.stat().st_mtime_ns for p in stamps}


def test_page_digests_change_with_what_the_page_shows(warehouse):
    shards, lists = report_digests.shard_digests(warehouse), report_digests.list_keys(warehouse)
    warehouse.execute("UPDATE quality_issues SET fields = ['studies.phase'] WHERE nct_id = (SELECT min(nct_id) "
                      "FROM quality_issues)")
    changed = {k for k, v in report_digests.shard_digests(warehouse).items() if shards[k] != v}
    assert changed == {warehouse.execute("SELECT left(min(nct_id), 9) FROM quality_issues").fetchone()[0]}
    assert report_digests.list_keys(warehouse) == lists, "the lists show no issue fields"
    warehouse.execute("UPDATE studies SET overall_status = 'WITHDRAWN' WHERE nct_id = 'NCT00001499'")
    assert [k for k, v in report_digests.list_keys(warehouse).items() if lists[k] != v] == [2]


@pytest.fixture
def gx_builds(monkeypatch):
    """Stand in for a Great Expectations build (it takes seconds): count the builds, write an index."""
    return stand_in_for_data_docs(monkeypatch)


def test_data_docs_are_kept_while_every_expectation_observes_what_it_observed(warehouse, tmp_path, gx_builds):
    out = tmp_path / "report"
    write_report(warehouse, out, gx=True, run_name="trialqc-1")
    write_report(warehouse, out, gx=True, run_name="trialqc-1")
    assert "Current for run" not in (out / "gx" / "index.html").read_text()
    warehouse.execute("UPDATE studies SET brief_title = 'Retitled' WHERE nct_id = 'NCT00000777'")
    warehouse.execute("DELETE FROM quality_issues WHERE nct_id = 'NCT00000777'")
    warehouse.execute("UPDATE studies SET enrollment = 2 WHERE nct_id = 'NCT00000001'")  # 1 -> 2: the median holds
    write_report(warehouse, out, gx=True, run_name="trialqc-2")
    assert gx_builds == ["trialqc-1"]
    index = (out / "gx" / "index.html").read_text()
    assert "Current for run <code>trialqc-2</code>" in index and ">trialqc-1</a>" in index
    assert 'href="gx/index.html"' in (out / "quality_report.html").read_text()


@pytest.mark.parametrize("change", [
    "DELETE FROM conditions WHERE nct_id = 'NCT00000777'",  # the share with a condition; no report page shows it
    "UPDATE studies SET enrollment = 12345 WHERE enrollment < 300",  # the median
    "UPDATE studies SET overall_status = 'WITHDRAWN' WHERE nct_id = 'NCT00000777'",  # the most common statuses
    "UPDATE studies SET study_type = 'OBSERVATIONAL' WHERE nct_id = 'NCT00000777'",  # both frames
    "DELETE FROM meta.source_records WHERE nct_id = 'NCT00000777'",  # the row count's expected value
])
def test_data_docs_are_validated_again_when_an_observed_value_changed(warehouse, tmp_path, gx_builds, change):
    out = tmp_path / "report"
    write_report(warehouse, out, gx=True, run_name="trialqc-1")
    warehouse.execute(change)
    write_report(warehouse, out, gx=True, run_name="trialqc-2")
    assert gx_builds == ["trialqc-1", "trialqc-2"]
    assert ">trialqc-2</a>" in (out / "gx" / "index.html").read_text()


def test_an_expectation_kind_without_a_statistic_is_always_validated(warehouse, tmp_path, gx_builds, monkeypatch):
    from checks import gx_expectations, gx_reuse

    unknown = gx_expectations.WarehouseExpectation("expect_column_max_to_be_between", "studies", "enrollment",
                                                   (("min_value", 0), ("max_value", 10**6)))
    monkeypatch.setattr(gx_expectations, "SUITE", gx_expectations.SUITE + (unknown,))
    assert gx_reuse.observed_key(warehouse) is None
    out = tmp_path / "report"
    write_report(warehouse, out, gx=True, run_name="trialqc-1")
    write_report(warehouse, out, gx=True, run_name="trialqc-2")
    assert gx_builds == ["trialqc-1", "trialqc-2"]


def test_data_docs_are_validated_again_when_they_are_missing(warehouse, tmp_path, gx_builds):
    out = tmp_path / "report"
    write_report(warehouse, out, gx=True, run_name="trialqc-1")
    (out / "gx" / "index.html").unlink()
    write_report(warehouse, out, gx=True, run_name="trialqc-2")
    assert gx_builds == ["trialqc-1", "trialqc-2"]


class _Killed(BaseException):
    """Stands for kill -9 in the middle of a report: nothing after it runs, not even the fingerprints' save."""


@pytest.mark.parametrize("cut", ["write_study_pages", "render_report"])
def test_a_report_cut_short_is_completed_by_the_next_one_as_a_full_rebuild(warehouse, tmp_path, monkeypatch, cut):
    """A run killed while it wrote its report left some pages written from the new state, and the fingerprints and
    row keys of the report before: the next report must not take rows from those pages as the keys of the report
    before name them (the list's order changed, so a key's position now holds another study's row)."""
    from checks import report as report_module

    con, out = warehouse, tmp_path / "report"
    write_report(con, out, gx=False)
    # the worst studies become clean and the clean ones flagged: every list page is reordered, and keeps its size
    con.execute("UPDATE quality_issues SET severity = CASE severity WHEN 'error' THEN 'info' ELSE 'error' END")
    real = getattr(report_module, cut)

    def killed(*args, **kwargs):
        if cut == "render_report":  # the overview half written
            (out / "quality_report.html").write_text(real(*args, **kwargs)[:500])
        raise _Killed
    monkeypatch.setattr(report_module, cut, killed)
    with pytest.raises(_Killed):
        write_report(con, out, gx=False)
    monkeypatch.undo()
    write_report(con, out, gx=False)
    fresh = tmp_path / "fresh"
    write_report(con, fresh, gx=False)
    assert _pages(out) == _pages(fresh)
    assert not list(out.rglob("*.partial"))


def test_a_reader_never_sees_half_a_report_page(warehouse, tmp_path, monkeypatch):
    """Pages are written beside and renamed over the last ones: a page cut short is never under its name."""
    from checks import report_pages as pages

    out = tmp_path / "report"
    write_report(warehouse, out, gx=False)
    before = _pages(out)
    warehouse.execute("UPDATE studies SET brief_title = brief_title || ' (amended)'")
    real = Path.write_text

    def cut_short(path, text, *args, **kwargs):
        real(path, text[:100], *args, **kwargs)
        raise _Killed
    monkeypatch.setattr(Path, "write_text", cut_short)
    with pytest.raises(_Killed):
        write_report(warehouse, out, gx=False)
    monkeypatch.undo()
    assert {name: text for name, text in _pages(out).items() if name in before} == before
    assert pages  # (the page writer under test)
