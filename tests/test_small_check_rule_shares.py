"""A small check on two connections: each takes its own share of the SQL rules and then what is left of the other's,
so that the two end together; every rule runs once, and the issues are those of a check on one connection, also
when a small warehouse is checked whole (a first run of a few studies). What the run's process leaves for its first
wait on its workers (importing the rules, which its batch workers do not use) is done then, in its main thread."""
from __future__ import annotations

import threading

import pytest

from checks import engine, sql_rules_beside
from checks.rule import Rule
from flows import worker_processes
from tests.checks import harness
from warehouse.tables import STUDY_TABLES

STUDIES = {f"NCT0200000{i}": harness.clean_study() for i in range(1, 9)}
# Every rule flags each study once, with a message of its own.
FLAGS_EVERY_STUDY = "SELECT nct_id, '{0}' AS message, brief_title AS evidence FROM studies"
# Waits for what another connection does: long enough for any machine, and never reached when the check works.
PATIENCE = 30


def _sql_rule(rule_id: str) -> Rule:
    return Rule(rule_id, "contradiction", "info", "-", ("studies.brief_title",),
                sql=FLAGS_EVERY_STUDY.format(rule_id))


def _issues(con):
    return con.execute("SELECT nct_id, rule_id, severity, fields, message, evidence FROM quality_issues "
                       "ORDER BY ALL").fetchall()


def _left_beside() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "sql-rules-beside"]


def _temp_copies(con) -> set[str]:
    temp = con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
    return {name for (name,) in temp} & set(STUDY_TABLES)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """Eight clean studies, and as many again that are not checked (so that one is a small share)."""
    studies = {**STUDIES, **{f"NCT0300000{i}": harness.clean_study() for i in range(1, 9)}}
    con = harness.warehouse_with(tmp_path_factory.mktemp("small"), studies)
    yield con
    con.close()


def _evaluating(monkeypatch, evaluate) -> None:
    """`evaluate` in place of a rule's evaluation on the run's connection (checks.engine) and on the second one
    (checks.sql_rules_beside)."""
    for module in (engine, sql_rules_beside):
        monkeypatch.setattr(module, "evaluate", evaluate)


@pytest.fixture
def runs(monkeypatch):
    """(thread name, rule id) of every rule evaluated, in order."""
    ran = []
    original = engine.evaluate

    def spy(con, rule, scope, narrowed=False):
        ran.append((threading.current_thread().name, rule.id))
        return original(con, rule, scope, narrowed)
    _evaluating(monkeypatch, spy)
    return ran


def _check(con, rules, workers, nct_ids=("NCT02000001",)):
    con.execute("DELETE FROM quality_issues")
    result = engine.run_rules(con, rules, run_id="t", as_of=harness.AS_OF, nct_ids=list(nct_ids), workers=workers)
    return result, _issues(con)


def test_the_second_connection_takes_the_rules_left_of_the_first_ones_share(warehouse, runs, monkeypatch):
    """The run's connection is held by a rule that is not SQL until the second connection has run the last rule of
    the first one's share: the second then took it, and the rest of that share is still run once."""
    sql_rules = [_sql_rule(f"test.sql_{i}") for i in range(6)]
    here_last = sql_rules[4].id  # the shares: 0, 2, 4 here; 1, 3, 5 beside
    taken = threading.Event()

    def held(con, scope):
        taken.wait(PATIENCE)
        return []

    rules = [Rule("test.held", "contradiction", "info", "-", ("studies.brief_title",), func=held), *sql_rules]
    original = engine.evaluate

    def noticing(con, rule, scope, narrowed=False):
        outcome = original(con, rule, scope, narrowed)
        if rule.id == here_last:
            taken.set()
        return outcome
    _evaluating(monkeypatch, noticing)
    result, issues = _check(warehouse, rules, workers=2)
    assert taken.is_set()
    ran_by = {}
    for thread, rule_id in runs:
        ran_by.setdefault(rule_id, []).append(thread)
    assert ran_by[here_last] == ["sql-rules-beside"]
    assert all(len(threads) == 1 for threads in ran_by.values())
    assert set(ran_by) == {rule.id for rule in rules}
    assert result.by_rule == {**{rule.id: 1 for rule in sql_rules}, "test.held": 0}
    assert issues == _check(warehouse, rules, workers=1)[1]
    assert not _left_beside()
    assert not _temp_copies(warehouse)


def test_the_first_connection_takes_the_rules_left_of_the_second_ones_share(warehouse, runs, monkeypatch):
    """The second connection is held at its start until the run's connection has run the last rule of the second
    one's share: that rule is run once, by the run's connection, and the second finds nothing left to copy for."""
    sql_rules = [_sql_rule(f"test.sql_{i}") for i in range(4)]
    beside_last = sql_rules[3].id  # the shares: 0, 2 here; 1, 3 beside
    taken = threading.Event()
    original_scope = sql_rules_beside.set_scope

    def held_beside(con, nct_ids, as_of):
        if threading.current_thread().name == "sql-rules-beside":
            taken.wait(PATIENCE)
        return original_scope(con, nct_ids, as_of)
    monkeypatch.setattr(sql_rules_beside, "set_scope", held_beside)
    original = engine.evaluate

    def noticing(con, rule, scope, narrowed=False):
        outcome = original(con, rule, scope, narrowed)
        if rule.id == beside_last:
            taken.set()
        return outcome
    _evaluating(monkeypatch, noticing)
    result, issues = _check(warehouse, sql_rules, workers=2)
    assert taken.is_set()
    assert [thread for thread, rule_id in runs if rule_id == beside_last] == ["MainThread"]
    assert sorted(rule_id for _, rule_id in runs) == sorted(rule.id for rule in sql_rules)
    assert result.by_rule == {rule.id: 1 for rule in sql_rules}
    assert {rule_id for _, rule_id, *_ in issues} == {rule.id for rule in sql_rules}
    assert not _left_beside()
    assert not _temp_copies(warehouse)


def test_a_small_warehouse_checked_whole_runs_its_sql_rules_on_two_connections(tmp_path, runs, monkeypatch):
    """The run's connection waits, before its first rule, for the second to have run one."""
    con = harness.warehouse_with(tmp_path, STUDIES)
    rules = [_sql_rule(f"test.sql_{i}") for i in range(6)]
    beside_ran = threading.Event()
    original = engine.evaluate

    def waiting(con, rule, scope, narrowed=False):
        if threading.current_thread().name == "sql-rules-beside":
            beside_ran.set()
        else:
            beside_ran.wait(PATIENCE)
        return original(con, rule, scope, narrowed)
    _evaluating(monkeypatch, waiting)
    checked = {2: _check(con, rules, 2, nct_ids=sorted(STUDIES))}
    assert {thread for thread, _ in runs} == {"MainThread", "sql-rules-beside"}
    assert sorted(rule_id for _, rule_id in runs) == sorted(rule.id for rule in rules)
    checked[1] = _check(con, rules, 1, nct_ids=sorted(STUDIES))
    assert checked[2][1] == checked[1][1]
    assert checked[2][0].by_rule == {rule.id: len(STUDIES) for rule in rules}
    assert not _left_beside()
    assert not _temp_copies(con)  # the whole tables were read: nothing was copied
    con.close()


def test_a_rule_reading_other_studies_reads_them_while_the_second_connection_starts(warehouse, runs):
    """A rule that reads studies other than those checked runs on the whole tables before the run's connection
    makes its copies, while the second connection runs its share."""
    outside = Rule("test.outside", "contradiction", "info", "-", ("studies.brief_title",),
                   sql="SELECT c.nct_id, 'others: ' || (SELECT count(*) FROM studies) AS message, '' AS evidence "
                       "FROM check_scope c", reads_other_studies=True)
    rules = [outside, *(_sql_rule(f"test.sql_{i}") for i in range(4))]
    result, issues = _check(warehouse, rules, workers=2)
    assert ("NCT02000001", "test.outside") in [(nct_id, rule_id) for nct_id, rule_id, *_ in issues]
    assert [message for _, rule_id, _, _, message, _ in issues if rule_id == "test.outside"] == [
        f"others: {2 * len(STUDIES)}"]
    assert issues == _check(warehouse, rules, workers=1)[1]
    assert result.by_rule["test.outside"] == 1


class _Pending:
    """A worker's result that is ready once `ready_after` looks have been made."""

    def __init__(self, ready_after: int) -> None:
        self.looks = ready_after

    def ready(self) -> bool:
        self.looks -= 1
        return self.looks < 0

    def wait(self, timeout=None) -> None:
        pass

    def get(self, timeout=None):
        return "done"


class _Pool:
    def lost(self):
        return None


def test_the_work_left_for_a_wait_is_done_at_the_first_wait_in_the_main_thread(monkeypatch):
    monkeypatch.setattr(worker_processes, "_WHILE_WAITING", [])
    done = []

    def work():
        done.append(threading.current_thread().name)
    worker_processes.while_waiting(work)
    worker_processes.while_waiting(work)  # asked for twice: done once
    in_thread = []
    other = threading.Thread(target=lambda: in_thread.append(
        worker_processes._Watched(_Pool(), _Pending(3)).get()), name="other")
    other.start()
    other.join()
    assert in_thread == ["done"] and done == []  # not in another thread: it may import while this one forks
    assert worker_processes._Watched(_Pool(), _Pending(0)).get() == "done"
    assert done == []  # a result already there is no wait
    assert worker_processes._Watched(_Pool(), _Pending(3)).get() == "done"
    assert done == ["MainThread"]
    assert worker_processes._Watched(_Pool(), _Pending(3)).get() == "done"
    assert done == ["MainThread"]
