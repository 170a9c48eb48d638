"""A run that changed nothing the report shows keeps its study lists, study pages and Data Docs without
reading them again; the report equals one written from scratch, and any change falls back to the digests."""
from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from bench.synthetic_warehouse import build
from checks import report, report_pages
from checks.report import write_report
from flows.run import run_pipeline
from flows.warehouse_session import warehouse_session
from tests.conftest import AS_OF
from tests.gx_stand_in import stand_in_for_data_docs

LOG = logging.getLogger("trialqc.test")


def _pages(folder: Path, overview: bool = True) -> dict[str, str]:
    """Every page of a report but the Data Docs, the overview's 'generated' time aside."""
    return {p.relative_to(folder).as_posix(): re.sub(r"generated [\d: -]+", "generated", p.read_text())
            for p in folder.rglob("*.html") if p.relative_to(folder).parts[0] != "gx"
            and (overview or p.name != "quality_report.html")}


def _refuse(*_args, **_kwargs):
    raise AssertionError("computed page digests although the pages were vouched unchanged")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A synthetic warehouse of 1,200 studies and two runs, closed: each test changes a copy of it."""
    db = tmp_path_factory.mktemp("built") / "w.duckdb"
    build(db, 1200, runs=2)
    return db


@pytest.fixture
def warehouse(built, tmp_path):
    db = tmp_path / "w.duckdb"
    for made, copy in ((built, db), (built.with_name(built.name + ".wal"), db.with_name(db.name + ".wal"))):
        if made.exists():  # the file and any log its connection left
            shutil.copyfile(made, copy)
    return duckdb.connect(str(db))


@pytest.fixture
def digests(monkeypatch):
    """Count the digest computations of the study lists and study pages."""
    calls = []
    for name in ("list_keys", "study_digests"):
        real = getattr(report_pages, name)
        monkeypatch.setattr(report_pages, name, lambda con, real=real, name=name: calls.append(name) or real(con))
    return calls


def test_pages_vouched_unchanged_since_the_run_shown_are_kept_unread(warehouse, tmp_path, monkeypatch):
    out = tmp_path / "report"
    write_report(warehouse, out, gx=False, run_name="trialqc-r1")
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.html") if p.name != "quality_report.html"}
    for name in ("list_keys", "study_digests", "_studies_of", "_block_details", "_list_rows_of"):
        monkeypatch.setattr(report_pages, name, _refuse)
    for name in ("verdicts", "by_rule", "by_layout", "sponsors", "completeness", "freshness"):
        monkeypatch.setattr(report.data, name, _refuse)
    write_report(warehouse, out, gx=False, run_name="trialqc-r2", unchanged_since="trialqc-r1")
    assert stamps == {p: p.stat().st_mtime_ns for p in stamps}
    monkeypatch.undo()
    fresh = tmp_path / "fresh"
    write_report(warehouse, fresh, gx=False, run_name="trialqc-r2")
    assert _pages(out) == _pages(fresh)
    # what was carried over serves the next report as well as what was computed
    warehouse.execute("UPDATE studies SET brief_title = 'Retitled' WHERE nct_id = 'NCT00000777'")
    write_report(warehouse, out, gx=False, run_name="trialqc-r3")
    write_report(warehouse, fresh, gx=False, run_name="trialqc-r3")
    assert _pages(out) == _pages(fresh) and "Retitled" in (out / "study" / "NCT000007.html").read_text()


@pytest.mark.parametrize("since", [None, "trialqc-r0", "trialqc-r2"])
def test_pages_are_judged_by_their_digests_unless_vouched_since_the_run_the_report_shows(warehouse, tmp_path,
                                                                                        digests, since):
    out = tmp_path / "report"
    write_report(warehouse, out, gx=False, run_name="trialqc-r1")
    digests.clear()
    write_report(warehouse, out, gx=False, run_name="trialqc-r2", unchanged_since=since)
    assert sorted(digests) == ["list_keys", "study_digests"]


def test_a_page_missing_from_the_folder_is_written_again(warehouse, tmp_path):
    out = tmp_path / "report"
    write_report(warehouse, out, gx=False, run_name="trialqc-r1")
    (out / "study" / "NCT000003.html").unlink()
    (out / "studies" / "page-1.html").unlink()
    write_report(warehouse, out, gx=False, run_name="trialqc-r2", unchanged_since="trialqc-r1")
    fresh = tmp_path / "fresh"
    write_report(warehouse, fresh, gx=False, run_name="trialqc-r2")
    assert _pages(out) == _pages(fresh)


def _session_run(db: Path, source: Path, reports: Path, run_id: str, **kwargs):
    with warehouse_session(db, run_id, LOG, reports) as session:
        run_pipeline(session.con, run_id=run_id, source=source, db_path=db, as_of=AS_OF, workers=1, **kwargs)


def test_runs_vouch_for_their_pages_only_when_they_changed_nothing_shown(samples, tmp_path, monkeypatch):
    """(The Data Docs by the stand-in: these pages are all but theirs, and the Data Docs' own test is below.)"""
    stand_in_for_data_docs(monkeypatch)
    db, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    vouched = []
    real = report.write_report

    def write(*args, unchanged_since=None, **kwargs):
        vouched.append(unchanged_since)
        return real(*args, unchanged_since=unchanged_since, **kwargs)
    monkeypatch.setattr(report, "write_report", write)
    _session_run(db, samples, reports, "run1")
    _session_run(db, samples, reports, "run2")  # nothing changed
    fresh = tmp_path / "fresh"
    with duckdb.connect(str(db), read_only=True) as con:
        real(con, fresh, gx=False)
    assert _pages(reports, overview=False) == _pages(fresh, overview=False)  # (its overview names the published file)
    _session_run(db, samples, reports, "run3", recheck_all=True)  # checked again: issues written anew
    page = sorted(samples.glob("*.txt"))[0]
    page.write_text(page.read_text().replace("A Prospective Pilot Study", "A Prospective Pilot Trial", 1))
    _session_run(db, samples, reports, "run4")  # a file changed: its study's title
    _session_run(db, samples, reports, "run5")
    assert vouched == [None, "trialqc-run1", None, None, "trialqc-run4"]
    fresh = tmp_path / "fresh2"
    with duckdb.connect(str(db), read_only=True) as con:
        real(con, fresh, gx=False)
    shown = _pages(reports, overview=False)
    assert shown == _pages(fresh, overview=False) and "A Prospective Pilot Trial" in "".join(shown.values())


def test_data_docs_vouched_unchanged_are_kept_without_computing_what_they_observe(warehouse, tmp_path,
                                                                                 monkeypatch):
    builds = stand_in_for_data_docs(monkeypatch)
    out = tmp_path / "report"
    write_report(warehouse, out, run_name="trialqc-r1")
    observed = report.observed_key
    monkeypatch.setattr(report, "observed_key", _refuse)
    write_report(warehouse, out, run_name="trialqc-r2", unchanged_since="trialqc-r1")
    assert builds == ["trialqc-r1"]
    assert "Current for run <code>trialqc-r2</code>" in (out / "gx" / "index.html").read_text()
    with pytest.raises(AssertionError, match="digests"):  # not vouched since the run shown (r2)
        write_report(warehouse, out, run_name="trialqc-r3", unchanged_since="trialqc-r1")
    monkeypatch.setattr(report, "observed_key", observed)
    write_report(warehouse, out, run_name="trialqc-r3")  # what was kept is what a validation observed
    assert builds == ["trialqc-r1"]


def test_a_report_that_keeps_its_pages_neither_reads_nor_writes_their_rows_keys(warehouse, tmp_path, monkeypatch):
    from checks import report_fingerprints

    out = tmp_path / "report"
    write_report(warehouse, out, gx=False, run_name="trialqc-r1")
    rows_file = out / report_fingerprints.ROWS_STORE
    stamp = rows_file.stat().st_mtime_ns
    monkeypatch.setattr(report_fingerprints.Fingerprints, "_read_rows", _refuse)
    write_report(warehouse, out, gx=False, run_name="trialqc-r2", unchanged_since="trialqc-r1")
    assert rows_file.stat().st_mtime_ns == stamp
    monkeypatch.undo()
    # the keys kept serve the report after it: only the changed study is read and rendered again
    _only_the_retitled_study_is_drawn_again(warehouse, out, tmp_path / "fresh", "trialqc-r3", monkeypatch)


def test_rows_keys_of_another_report_are_not_taken(warehouse, tmp_path, monkeypatch):
    from checks import report_fingerprints

    out, other = tmp_path / "report", tmp_path / "other"
    write_report(warehouse, out, gx=False, run_name="trialqc-r1")
    write_report(warehouse, other, gx=False, run_name="trialqc-r1")
    # the keys file of another report (as if a run died between writing the two files): its token differs
    (out / report_fingerprints.ROWS_STORE).write_bytes((other / report_fingerprints.ROWS_STORE).read_bytes())
    assert report_fingerprints.Fingerprints(out).rows_before == {}
    assert report_fingerprints.Fingerprints(other).rows_before
    warehouse.execute("UPDATE studies SET brief_title = 'Retitled' WHERE nct_id = 'NCT00000777'")
    write_report(warehouse, out, gx=False, run_name="trialqc-r2")
    fresh = tmp_path / "fresh"
    write_report(warehouse, fresh, gx=False, run_name="trialqc-r2")
    assert _pages(out) == _pages(fresh)


def test_rows_keys_are_kept_one_string_a_page_and_lists_of_an_earlier_report_still_serve(warehouse, tmp_path,
                                                                                        monkeypatch):
    """A page's row keys are held and stored joined (1.2 million keys took 125 MB as lists at 600,000 studies); a
    keys file written as lists, as earlier reports wrote it, still lets a report take the unchanged rows."""
    import json

    from checks import report_fingerprints

    out = tmp_path / "report"
    write_report(warehouse, out, gx=False, run_name="trialqc-r1")
    rows_file = out / report_fingerprints.ROWS_STORE
    stored = json.loads(rows_file.read_text())
    assert stored["rows"] and all(isinstance(keys, str) and keys for keys in stored["rows"].values())
    listed = max(stored["rows"].values(), key=len).split(",")
    assert len(listed) > 1 and all(key and "," not in key for key in listed)
    stored["rows"] = {page: keys.split(",") for page, keys in stored["rows"].items()}
    rows_file.write_text(json.dumps(stored))
    _only_the_retitled_study_is_drawn_again(warehouse, out, tmp_path / "fresh", "trialqc-r2", monkeypatch)


def _only_the_retitled_study_is_drawn_again(warehouse, out, fresh, run_name, monkeypatch) -> None:
    """One study retitled, the report in `out` written again reads and renders only that study's section, and
    its pages equal a first report's in `fresh`."""
    drawn = []
    sections = report_pages._sections
    monkeypatch.setattr(report_pages, "_sections", lambda con, section, ids: drawn.extend(ids) or
                        sections(con, section, ids))
    warehouse.execute("UPDATE studies SET brief_title = 'Retitled' WHERE nct_id = 'NCT00000777'")
    write_report(warehouse, out, gx=False, run_name=run_name)
    assert drawn == ["NCT00000777"]
    write_report(warehouse, fresh, gx=False, run_name=run_name)
    assert _pages(out) == _pages(fresh)
