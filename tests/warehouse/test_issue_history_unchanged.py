"""A run that loaded nothing and whose check changed no issue extends every open episode and takes the
counts of the run before, without comparing the issues: the history, the run's record and the README's
queries are exactly as when every study's issues are compared; anything else takes the comparison."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.run import run_pipeline
from flows.warehouse_session import warehouse_session
from tests.conftest import AS_OF, SAMPLES
from warehouse import issue_history, runs

LOG = logging.getLogger("trialqc.test")
RECORD = ("SELECT run_id, status, error, files_seen, loaded, rejected, skipped, issues_error, issues_warning, "
          "issues_info, issues_new, issues_resolved, studies_trusted, studies_review, studies_untrusted "
          "FROM meta.load_runs ORDER BY started_at")
QUERIES = [  # the README's and `trialqc issues --since-last`'s
    "SELECT nct_id, rule_id, severity, first_seen_run, last_seen_run FROM meta.quality_issue_history "
    "WHERE resolved_run IS NULL ORDER BY ALL",
    "SELECT * EXCLUDE (first_seen_at, last_seen_at, resolved_at) FROM meta.quality_issue_history ORDER BY ALL",
    "SELECT count(DISTINCT last_seen_at) FROM meta.quality_issue_history WHERE resolved_run IS NULL",
    "SELECT * FROM meta.load_run_issue_counts ORDER BY ALL",
]


def _run(db: Path, run_id: str, source: Path = SAMPLES, **options) -> None:
    with warehouse_session(db, run_id, LOG) as session:
        run_pipeline(session.con, run_id=run_id, source=source, db_path=db, as_of=AS_OF, workers=1, **options)


def _answers(db: Path) -> list:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [con.execute(RECORD).fetchall()] + [con.execute(q).fetchall() for q in QUERIES]
    finally:
        con.close()


@pytest.fixture(scope="module")
def recorded_once(tmp_path_factory) -> Path:
    """A warehouse after one run of the samples (its history recorded) and a second that loaded nothing."""
    db = tmp_path_factory.mktemp("recorded") / "a" / "w.duckdb"
    db.parent.mkdir()
    _run(db, "run1")
    _run(db, "run2")
    return db


@pytest.fixture
def recorded(recorded_once, tmp_path) -> Path:
    """A copy of `recorded_once` of the test's own: its folder whole, the published file and the working copy
    the next run writes in (two runs per test cost about 2 s)."""
    folder = tmp_path / "a"
    shutil.copytree(recorded_once.parent, folder)
    return folder / recorded_once.name


def _twin(db: Path, tmp_path: Path) -> Path:
    twin = tmp_path / "b" / "w.duckdb"
    twin.parent.mkdir()
    shutil.copy(db, twin)
    return twin


def test_a_run_that_changed_nothing_records_what_comparing_every_issue_records(recorded, tmp_path, monkeypatch):
    slow = _twin(recorded, tmp_path)
    taken = []
    real = issue_history.unchanged_since
    monkeypatch.setattr(issue_history, "unchanged_since", lambda con, run: taken.append(real(con, run)) or taken[-1])
    _run(recorded, "run3")
    assert taken == ["run2"]  # the shortcut was taken
    monkeypatch.setattr(issue_history, "unchanged_since", lambda con, run: None)
    _run(slow, "run3")
    fast, reference = _answers(recorded), _answers(slow)
    assert fast == reference
    assert reference[0][-1][10:12] == (0, 0) and reference[1]  # no new, none resolved; episodes open
    assert {row[4] for row in reference[1]} == {"run3"}  # every open episode seen by the last run


def _start(db: Path, run_id: str) -> duckdb.DuckDBPyConnection:
    """The working copy with `run_id` started and nothing loaded."""
    from warehouse.connect import connect

    con = connect(db.parent / f".{db.name}.writer" / "work.duckdb")
    runs.start_run(con, run_id, AS_OF, str(SAMPLES))
    return con


@pytest.mark.parametrize("change", [
    "DELETE FROM quality_issues WHERE rowid = (SELECT min(rowid) FROM quality_issues)",  # an issue removed
    "UPDATE quality_issues SET run_id = '{run}' WHERE rowid = (SELECT min(rowid) FROM quality_issues)",  # rewritten
    "UPDATE meta.load_runs SET status = 'interrupted' WHERE run_id = 'run2'",
    "UPDATE meta.load_runs SET issues_new = NULL, error = 'x' WHERE run_id = 'run2'",  # failed after its check
    "UPDATE meta.load_runs SET files_seen = files_seen + 1, loaded = 1 WHERE run_id = '{run}'",  # loaded a file
])
def test_any_change_or_an_unrecorded_run_before_takes_the_comparison(recorded, change):
    con = _start(recorded, "run3")
    try:
        assert issue_history.unchanged_since(con, "run3") == "run2"
        con.execute(change.format(run="run3"))
        assert issue_history.unchanged_since(con, "run3") is None
    finally:
        con.close()


def test_the_first_run_and_a_run_after_one_that_changed_issues_compare(tmp_path, samples):
    db = tmp_path / "w.duckdb"
    taken = []
    real = issue_history.unchanged_since

    def spy(con, run):
        taken.append(real(con, run))
        return taken[-1]

    issue_history.unchanged_since, saved = spy, real
    try:
        _run(db, "run1", samples)
        first = sorted(samples.glob("*.txt"))[0]
        first.write_text(first.read_text() + "\n")
        _run(db, "run2", samples)  # loaded a changed file
        _run(db, "run3", samples)  # loaded nothing since
    finally:
        issue_history.unchanged_since = saved
    assert taken == [None, None, "run2"]
