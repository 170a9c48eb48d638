"""A check of a large share of the warehouse in many chunks runs each SQL rule once, and writes chunk by chunk."""
from __future__ import annotations

import shutil

import duckdb
import pytest

import checks
from checks import engine, rule_findings, rule_outcomes, rule_workers, sql_rules_once
from checks.parked_issues import ParkedIssues
from checks.rule import Finding, Rule
from tests.checks import harness
from warehouse.connect import connect
from warehouse.tables import STUDY_TABLES


def _issues(con, run_id=None):
    rows = con.execute("SELECT nct_id, rule_id, severity, fields, message, evidence, run_id FROM quality_issues "
                       "ORDER BY ALL").fetchall()
    return [r[:6] for r in rows if run_id is None or r[6] == run_id]


def _six_studies(folder):
    """Six studies, four of them with issues of SQL rules."""
    studies = {f"NCT0100000{i}": harness.clean_study() for i in range(1, 7)}
    studies["NCT01000002"]["conditions"] = []
    studies["NCT01000003"]["studies"][0]["enrollment"] = None
    studies["NCT01000004"]["studies"][0]["brief_title"] = None
    studies["NCT01000004"]["studies"][0]["official_title"] = None
    studies["NCT01000006"]["designs"][0]["masking"] = None
    return harness.warehouse_with(folder, studies)


@pytest.fixture
def warehouse(tmp_path):
    """Six studies, four of them with issues of SQL rules."""
    return _six_studies(tmp_path)


@pytest.fixture(scope="module")
def checked_once(tmp_path_factory):
    """The six studies after one whole check (run `whole`), closed: the tests that begin with that check copy it."""
    folder = tmp_path_factory.mktemp("checked")
    con = _six_studies(folder)
    checks.run_checks(con, run_id="whole", as_of=harness.AS_OF, workers=1)
    con.execute("CHECKPOINT")  # all of it in the file that is copied
    con.close()
    return folder / "checks.duckdb"


@pytest.fixture
def checked(checked_once, tmp_path):
    """`warehouse` after its whole check (run `whole`), a copy of the module's, open."""
    shutil.copyfile(checked_once, tmp_path / "checks.duckdb")
    con = connect(tmp_path / "checks.duckdb")
    con.execute("PRAGMA disable_checkpoint_on_shutdown")  # thrown away with the test (harness.warehouse_with)
    return con


@pytest.fixture
def queried(monkeypatch):
    """The rule ids whose SQL the engine runs, once a query (whole, or streamed in batches)."""
    calls = []
    for module, name in ((rule_outcomes, "found_table"), (sql_rules_once, "found_batches")):
        def spy(con, rule, scope, *narrowed, inner=getattr(module, name)):
            calls.append(rule.id)
            return inner(con, rule, scope, *narrowed)
        monkeypatch.setattr(module, name, spy)
    return calls


def _temporary_tables(con) -> set[str]:
    return {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()}


def test_each_sql_rule_runs_once_in_a_check_of_many_chunks_with_the_issues_of_a_whole_check(warehouse, queried):
    con = warehouse
    checks.run_checks(con, run_id="whole", as_of=harness.AS_OF, workers=1)
    whole = _issues(con)
    sql = [r.id for r in checks.all_rules() if r.sql is not None]
    assert sorted(queried) == sorted(sql)
    queried.clear()
    assert len({r[0] for r in whole}) == 4
    told = []
    result = engine.run_rules(con, checks.all_rules(), run_id="chunks", as_of=harness.AS_OF, chunk_size=2,
                              workers=1, progress=lambda checked, total: told.append((checked, total)))
    assert told == [(2, 6), (4, 6), (6, 6)]
    assert _issues(con) == whole
    assert result.issues == len(whole)
    assert sorted(queried) == sorted(sql), "every SQL rule once, not once a chunk"
    assert not _temporary_tables(con) & set(STUDY_TABLES), "no chunk was checked on copies"


def test_a_large_share_that_is_not_every_study_keeps_to_its_studies(checked):
    con = checked
    whole = _issues(con)  # of its whole check
    part = ["NCT01000001", "NCT01000002", "NCT01000004", "NCT01000006"]
    engine.run_rules(con, checks.all_rules(), run_id="part", as_of=harness.AS_OF, nct_ids=part, chunk_size=2,
                     workers=1)
    assert _issues(con, "part") == [r for r in whole if r[0] in part]
    assert _issues(con, "whole") == [r for r in whole if r[0] not in part]


def test_a_sql_rule_that_fails_is_told_once_and_the_others_are_written(checked):
    con = checked
    broken = Rule("test.broken", "missing_field", "warning", "-", ("studies.brief_title",),
                  sql="SELECT nct_id, 'message' AS message FROM no_such_table")
    rules = [broken, *checks.all_rules()]
    whole = _issues(con)  # of its whole check
    result = engine.run_rules(con, rules, run_id="chunks", as_of=harness.AS_OF, chunk_size=2, workers=1)
    assert list(result.failed_rules) == ["test.broken"]
    assert "no_such_table" in result.failed_rules["test.broken"]
    assert _issues(con) == whole


def test_a_check_stopped_in_a_later_chunk_keeps_the_chunks_written_and_leaves_nothing_behind(warehouse):
    con = warehouse
    checks.run_checks(con, run_id="first", as_of=harness.AS_OF, workers=1)
    before = _issues(con)

    def stops(con, scope):
        if "NCT01000003" in scope.nct_ids:
            raise KeyboardInterrupt
        return [Finding(nct_id, "Seen by the second check.", "") for nct_id in sorted(scope.nct_ids)]

    rules = [Rule("test.stops", "contradiction", "info", "-", ("studies.brief_title",), func=stops),
             *checks.all_rules()]
    with pytest.raises(KeyboardInterrupt):
        engine.run_rules(con, rules, run_id="second", as_of=harness.AS_OF, chunk_size=2, workers=1)
    written = _issues(con, "second")
    assert {r[0] for r in written} == {"NCT01000001", "NCT01000002"}  # the first chunk, whole
    assert [r for r in written if r[1] != "test.stops"] == [r for r in before if r[0] in ("NCT01000001",
                                                                                            "NCT01000002")]
    assert _issues(con, "first") == [r for r in before if r[0] not in ("NCT01000001", "NCT01000002")]
    engine.run_rules(con, checks.all_rules(), run_id="third", as_of=harness.AS_OF, chunk_size=2, workers=1)
    assert _issues(con, "third") == before  # the next check is whole


def test_findings_stream_in_batches_and_a_rule_failing_midway_leaves_none_of_its_own(checked, monkeypatch):
    con = checked
    whole = _issues(con)  # of its whole check
    monkeypatch.setattr(rule_findings, "FOUND_BATCH_ROWS", 1)  # every finding parked on its own
    parked = []
    park = ParkedIssues.park
    monkeypatch.setattr(ParkedIssues, "park", lambda self, issues: (parked.append(issues.num_rows),
                                                                    park(self, issues)))
    engine.run_rules(con, checks.all_rules(), run_id="batches", as_of=harness.AS_OF, chunk_size=2, workers=1)
    assert _issues(con) == whole
    assert parked == [1] * len(whole)  # every issue here is a SQL rule's

    inner = sql_rules_once.found_batches
    broken_id = "missing_fields.no_conditions"

    def breaks_after_one(con, rule, scope):
        for number, found in enumerate(inner(con, rule, scope)):
            if rule.id == broken_id and number:
                raise duckdb.InvalidInputException("the query stopped midway")
            yield found
    monkeypatch.setattr(sql_rules_once, "found_batches", breaks_after_one)
    flagged = engine.run_rules(con, [Rule(broken_id, "missing_field", "warning", "-", ("conditions.name",),
                                          sql="SELECT nct_id, 'No conditions.' AS message FROM studies"),
                                     *[r for r in checks.all_rules() if r.id != broken_id]],
                               run_id="broken", as_of=harness.AS_OF, chunk_size=2, workers=1)
    assert "the query stopped midway" in flagged.failed_rules[broken_id]
    assert broken_id not in flagged.by_rule
    assert [r for r in _issues(con) if r[1] == broken_id] == []
    assert _issues(con) == [r for r in whole if r[1] != broken_id]


def test_the_pass_takes_one_duckdb_thread_while_text_rule_workers_run_and_the_issues_are_the_same(checked,
                                                                                                  monkeypatch):
    """Beside the workers a second DuckDB thread only contends with them (docs/performance.md)."""
    con = checked
    whole = _issues(con)  # of its whole check
    threads = []
    park = sql_rules_once.SqlOnce._park

    def parking(self, con, *args):  # between two rules' queries: no query of the pass is streaming
        threads.append(con.execute("SELECT current_setting('threads')").fetchone()[0])
        return park(self, con, *args)
    monkeypatch.setattr(sql_rules_once.SqlOnce, "_park", parking)
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)  # the text rules go to workers at any size
    con.execute("SET threads = 4")
    with rule_workers.check_workers(2) as pool:
        result = engine.run_rules(con, checks.all_rules(), run_id="chunks", as_of=harness.AS_OF, chunk_size=2,
                                  workers=2, pool=pool)
    assert not result.failed_rules
    assert threads and set(threads) == {1}
    assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 4  # given back after the pass
    assert _issues(con) == whole
