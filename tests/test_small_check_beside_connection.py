"""A check of a small share with two workers runs half its SQL rules on a second connection beside the first: the
same issues as a check on one connection, a rule that fails beside it reported as any other, and nothing left of
the second connection (its copies, its thread) once the check ends, also when the check is stopped."""
from __future__ import annotations

import threading

import pytest

import checks
from checks import engine
from checks.rule import Rule
from tests.checks import harness
from tests.checks.test_rule_cases import CASES
from warehouse.tables import STUDY_TABLES


def _issues(con):
    return con.execute("SELECT nct_id, rule_id, severity, fields, message, evidence FROM quality_issues "
                       "ORDER BY ALL").fetchall()


@pytest.fixture
def beside(monkeypatch):
    """The rule ids each check sent to the second connection, in order."""
    sent = []
    original = engine.sql_rules_beside

    def spy(con, rules, scope, spans):
        sent.append([rule.id for rule in rules])
        return original(con, rules, scope, spans)
    monkeypatch.setattr(engine, "sql_rules_beside", spy)
    return sent


def _sql_rule(rule_id: str, sql: str) -> Rule:
    return Rule(rule_id, "contradiction", "info", "-", ("studies.brief_title",), sql=sql)


FLAGS_EVERY_STUDY = "SELECT nct_id, 'flagged' AS message, brief_title AS evidence FROM studies"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A warehouse of eight clean studies, of which one is a small share."""
    con = harness.warehouse_with(tmp_path_factory.mktemp("small"),
                                 {f"NCT0100000{i}": harness.clean_study() for i in range(1, 9)})
    yield con
    con.close()


def _left_beside() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "sql-rules-beside"]


def _firing_cases(rules: list[Rule], every: int) -> list:
    """One firing case of every `every`-th rule among `rules` that has one."""
    first = {}
    for case in CASES:
        if case.fires and not case.others:
            first.setdefault(case.rule_id, case)
    return [first[rule.id] for rule in rules if rule.id in first][::every]


def test_a_small_share_checked_beside_gives_the_issues_of_one_connection(tmp_path, beside):
    sql_rules = [r for r in checks.all_rules() if r.sql is not None and not r.reads_other_studies]
    cases = _firing_cases(sql_rules, 6)
    rules = [r for r in sql_rules if r.id in {case.rule_id for case in cases}]
    studies = {f"NCT01{i:06d}": harness.clean_study() for i in range(4 * len(cases))}
    for i, case in enumerate(cases):
        study = harness.clean_study()
        case.change(study)
        studies[f"NCT09{i:06d}"] = study
    con = harness.warehouse_with(tmp_path, studies)
    scope = [nct_id for nct_id in sorted(studies) if nct_id.startswith("NCT09")]
    checked = {}
    for workers in (1, 2):  # one worker: no second core to use
        con.execute("DELETE FROM quality_issues")
        engine.run_rules(con, rules, run_id="t", as_of=harness.AS_OF, nct_ids=scope, workers=workers)
        checked[workers] = _issues(con)
    assert beside == [[], [r.id for r in rules][1::2]]
    assert checked[2] == checked[1]
    assert {rule for _, rule, *_ in checked[2]} == {r.id for r in rules}
    assert not _left_beside()


def test_a_rule_that_fails_beside_is_reported_and_the_others_found(small, beside):
    con = small
    rules = [_sql_rule("test.here", FLAGS_EVERY_STUDY),
             _sql_rule("test.beside", "SELECT nct_id, 'x' AS message, '' AS evidence FROM no_such_table"),
             _sql_rule("test.here_too", FLAGS_EVERY_STUDY)]
    result = engine.run_rules(con, rules, run_id="t", as_of=harness.AS_OF, nct_ids=["NCT01000001"], workers=2)
    assert beside == [["test.beside"]]
    assert set(result.failed_rules) == {"test.beside"}
    assert "no_such_table" in result.failed_rules["test.beside"]
    assert result.by_rule == {"test.here": 1, "test.here_too": 1}
    temp = con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
    assert not {name for (name,) in temp} & set(STUDY_TABLES)
    assert not _left_beside()


def test_a_check_stopped_while_rules_run_beside_leaves_no_thread(small, beside):
    con = small
    issues = _issues(con)

    def stopped(con, scope):
        raise KeyboardInterrupt

    rules = [_sql_rule("test.here", FLAGS_EVERY_STUDY), _sql_rule("test.beside", FLAGS_EVERY_STUDY),
             Rule("test.stopped", "contradiction", "info", "-", ("studies.brief_title",), func=stopped)]
    with pytest.raises(KeyboardInterrupt):
        engine.run_rules(con, rules, run_id="t", as_of=harness.AS_OF, nct_ids=["NCT01000001"], workers=2)
    assert beside == [["test.beside"]]
    assert not _left_beside()
    assert _issues(con) == issues  # the chunk's issues are written whole or not at all
    temp = con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
    assert not {name for (name,) in temp} & set(STUDY_TABLES)
