"""Text rules evaluated in worker processes give exactly the issues of a run in one process."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import checks
from checks import engine, rule_workers, shared_reads
from checks.rule import Finding, Rule
from checks.study_text import rows_by_study
from tests.checks import harness
from tests.checks.test_rule_cases import CASES
from warehouse.connect import connect

WORKER_RULES = {r.id for r in checks.all_rules() if r.in_worker}


def _issues(con):
    return con.execute("SELECT nct_id, rule_id, severity, message, evidence FROM quality_issues ORDER BY ALL").fetchall()


def _case_studies(folder: Path):
    """One warehouse holding the study of every single-study case of a worker rule, each under its own id."""
    studies, expected = {}, {}
    for i, case in enumerate(c for c in CASES if c.rule_id in WORKER_RULES and not c.others):
        study = harness.clean_study()
        case.change(study)
        nct_id = f"NCT09{i:06d}"
        studies[nct_id] = study
        expected[nct_id] = (case.rule_id, case.fires)
    return harness.warehouse_with(folder, studies), expected


@pytest.fixture(scope="module")
def checked_in_one_process(tmp_path_factory):
    """The case studies after one check in this process (workers=1: no worker at any size), closed: the file,
    what each study's case expects, and the check's result. The tests that begin with that check copy it."""
    folder = tmp_path_factory.mktemp("one-process")
    con, expected = _case_studies(folder)
    alone = checks.run_checks(con, run_id="t", as_of=harness.AS_OF, workers=1)
    con.execute("CHECKPOINT")  # all of it in the file that is copied
    con.close()
    return folder / "checks.duckdb", expected, alone


@pytest.fixture
def case_studies(checked_in_one_process, tmp_path):
    """The case studies after their check in one process (a copy of the module's, open), what each study's case
    expects, and that check's result."""
    checked, expected, alone = checked_in_one_process
    shutil.copyfile(checked, tmp_path / "checks.duckdb")
    con = connect(tmp_path / "checks.duckdb")
    con.execute("PRAGMA disable_checkpoint_on_shutdown")  # thrown away with the test (harness.warehouse_with)
    return con, expected, alone


def test_worker_processes_give_the_issues_of_one_process(case_studies, monkeypatch):
    con, expected, alone = case_studies  # checked in one process
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)
    one_process = _issues(con)
    forked = checks.run_checks(con, run_id="t", as_of=harness.AS_OF, workers=2)
    assert not alone.failed_rules and not forked.failed_rules
    assert _issues(con) == one_process
    assert alone.by_rule == forked.by_rule
    fired = {(nct_id, rule_id) for nct_id, rule_id, *_ in one_process}
    for nct_id, (rule_id, fires) in expected.items():
        assert ((nct_id, rule_id) in fired) == fires, (nct_id, rule_id)


def test_the_run_s_workers_give_the_issues_of_one_process(case_studies, monkeypatch):
    con, expected, _ = case_studies  # checked in one process
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)
    one_process = _issues(con)
    monkeypatch.setattr(rule_workers, "_evaluate_part", None)  # no worker forked for the chunk
    with rule_workers.check_workers(2) as pool:
        sent = engine.run_rules(con, checks.all_rules(), run_id="t", as_of=harness.AS_OF, workers=2, pool=pool,
                                chunk_size=len(expected) // 2)
    assert not sent.failed_rules
    assert _issues(con) == one_process
    # each chunk's file of reads is removed (files are named after the run's process: other test processes
    # running checks at the same time have their own)
    assert not list(Path(shared_reads.MEMORY).glob(f"trialqc-reads-{os.getpid()}-*"))


def test_rules_that_cannot_be_sent_are_evaluated_in_workers_forked_with_the_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)
    con = harness.warehouse_with(tmp_path, {f"NCT0100000{i}": harness.clean_study() for i in range(1, 5)})

    def titles(con, scope):  # made in this call: it cannot be sent to a worker by name
        for nct_id, rows in rows_by_study(con, scope, "studies", ("brief_title",)).items():
            yield Finding(nct_id, "Title seen.", rows[0][0])

    rule = Rule("test.titles", "contradiction", "info", "-", ("studies.brief_title",), func=titles, in_worker=True)
    with rule_workers.check_workers(2) as pool:
        result = engine.run_rules(con, [rule], run_id="t", as_of=harness.AS_OF, workers=2, pool=pool)
    assert result.by_rule == {"test.titles": 4} and not result.failed_rules


def _reads_itself(con, scope):
    for nct_id, rows in rows_by_study(con, scope, "studies", ("brief_title",)).items():
        con.execute("SELECT 1").fetchall()  # not a shared read: no warehouse in a worker
        yield Finding(nct_id, "Title seen.", rows[0][0])


def _titles(con, scope):
    for nct_id, rows in rows_by_study(con, scope, "studies", ("brief_title",)).items():
        yield Finding(nct_id, "Title seen.", rows[0][0])


def _one_rule_reading_the_warehouse(tmp_path, monkeypatch):
    """Four studies, a rule that reads the warehouse itself and one that reads only shared rows."""
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)
    con = harness.warehouse_with(tmp_path, {f"NCT0100000{i}": harness.clean_study() for i in range(1, 5)})
    return con, [Rule("test.reads_itself", "contradiction", "info", "-", ("studies.brief_title",),
                      func=_reads_itself, in_worker=True),
                 Rule("test.shared_only", "contradiction", "info", "-", ("studies.brief_title",),
                      func=_titles, in_worker=True)]


def test_a_rule_sent_to_the_run_s_workers_that_reads_the_warehouse_itself_fails_alone(tmp_path, monkeypatch):
    con, rules = _one_rule_reading_the_warehouse(tmp_path, monkeypatch)
    monkeypatch.setattr(rule_workers, "_evaluate_part", None)  # no worker forked for the chunk
    with rule_workers.check_workers(2) as pool:
        result = engine.run_rules(con, rules, run_id="t", as_of=harness.AS_OF, workers=2, pool=pool)
    assert list(result.failed_rules) == ["test.reads_itself"]
    assert "outside checks.study_text" in result.failed_rules["test.reads_itself"]
    assert result.by_rule == {"test.shared_only": 4}


def test_a_worker_rule_that_reads_the_warehouse_itself_fails_alone(tmp_path, monkeypatch):
    con, rules = _one_rule_reading_the_warehouse(tmp_path, monkeypatch)
    result = engine.run_rules(con, rules, run_id="t", as_of=harness.AS_OF, workers=2)  # no pool: forked per chunk
    assert list(result.failed_rules) == ["test.reads_itself"]
    assert "outside checks.study_text" in result.failed_rules["test.reads_itself"]
    assert result.by_rule == {"test.shared_only": 4}
    assert [r[:2] for r in _issues(con)] == [(f"NCT0100000{i}", "test.shared_only") for i in range(1, 5)]


def test_only_function_rules_run_in_workers():
    with pytest.raises(ValueError, match="only a function rule"):
        Rule("test.sql", "contradiction", "info", "-", (), sql="SELECT 1", in_worker=True)


def test_progress_is_told_after_each_chunk(tmp_path):
    con = harness.warehouse_with(tmp_path, {f"NCT0100000{i}": harness.clean_study() for i in range(1, 6)})
    told = []
    engine.run_rules(con, checks.all_rules(), run_id="t", as_of=harness.AS_OF, chunk_size=2,
                     progress=lambda checked, total: told.append((checked, total)))
    assert told == [(2, 5), (4, 5), (5, 5)]


def test_chunks_of_a_larger_warehouse_are_half_sized(tmp_path, monkeypatch):
    studies = {f"NCT010000{i:02d}": harness.clean_study() for i in range(1, 21)}
    studies["NCT01000007"]["conditions"] = []
    studies["NCT01000015"]["studies"][0]["brief_title"] = None
    studies["NCT01000015"]["studies"][0]["official_title"] = None
    con = harness.warehouse_with(tmp_path, studies)
    checks.run_checks(con, run_id="whole", as_of=harness.AS_OF)
    whole = _issues(con)

    def chunks(nct_ids=None) -> list[tuple[int, int]]:
        told = []
        engine.run_rules(con, checks.all_rules(), run_id="t", as_of=harness.AS_OF, nct_ids=nct_ids,
                         progress=lambda checked, total: told.append((checked, total)))
        return told

    # half a chunk (4 of 20 studies) is a small share: chunks of 4 (the SQL rules run once over all 20)
    monkeypatch.setattr(engine, "CHUNK_SIZE", 8)
    assert chunks() == [(4, 20), (8, 20), (12, 20), (16, 20), (20, 20)]
    assert _issues(con) == whole
    # 4 of 20 studies, a small share, in chunks of 1: each chunk on copies of its rows
    monkeypatch.setattr(engine, "CHUNK_SIZE", 2)
    assert chunks(["NCT01000001", "NCT01000007", "NCT01000012", "NCT01000015"]) == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert _issues(con) == whole
    # half a chunk (6 of 20) is not: full chunks
    monkeypatch.setattr(engine, "CHUNK_SIZE", 12)
    assert chunks() == [(12, 20), (20, 20)]
    # a scope of one chunk stays one chunk
    monkeypatch.setattr(engine, "CHUNK_SIZE", 20)
    assert chunks() == [(20, 20)]
    assert _issues(con) == whole


def test_files_of_reads_left_by_a_killed_run_are_removed_by_the_next(tmp_path):
    import subprocess

    ended = subprocess.Popen(["true"])
    ended.wait()
    left = tmp_path / f"trialqc-reads-{ended.pid}-x.arrow"
    mine = tmp_path / f"trialqc-reads-{os.getpid()}-y.arrow"
    other = tmp_path / "unrelated.arrow"
    for path in (left, mine, other):
        path.write_bytes(b"")
    shared_reads.sweep_reads(str(tmp_path))
    assert not left.exists() and mine.exists() and other.exists()
