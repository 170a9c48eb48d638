"""A small check's SQL rules shared between the run's connection and a second one, which runs its share in a thread
beside the run's."""
from __future__ import annotations

import threading
from collections import deque
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

import duckdb

from checks.check_scope import set_scope
from checks.rule import CheckScope, Rule
from checks.rule_outcomes import Outcome, evaluate
from checks.scoped_tables import scoped_tables, worth_scoping

if TYPE_CHECKING:
    from warehouse.runs import AppendedRows


class Share(deque):
    """One connection's share of a check's SQL rules, and the other connection's share (`other`), whose last rules
    it takes once its own are done (`next_rule`)."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        super().__init__(rules)
        self.other: deque[Rule] = deque()


def shares(rules: list[Rule], taken: set[str]) -> tuple[Share, Share]:
    """The SQL rules not already run elsewhere or before the copies, as two shares: this connection's, and every
    second one for the connection beside it. Each connection takes its own share first, then what is left of the
    other's from its far end: a small check's rules cost mostly their planning, which differs from rule to rule,
    and this connection has the rules that are not SQL besides; taken so, the two end together."""
    sql = [r for r in rules if r.sql is not None and r.id not in taken]
    here, beside = Share(sql[0::2]), Share(sql[1::2])
    here.other, beside.other = beside, here
    return here, beside


def next_rule(share: Share) -> Rule | None:
    """The next rule for a connection to run: the first of its share, else the last left of the other share (each
    rule is taken once: a deque's pops are atomic); None when both are done."""
    for take in (share.popleft, share.other.pop):
        try:
            return take()
        except IndexError:
            continue
    return None


@contextmanager
def sql_rules_beside(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule], scope: CheckScope,
                     spans: "AppendedRows | None") -> Iterator[Callable[[], dict[str, Outcome]]]:
    """Evaluate SQL `rules` on a second connection to the warehouse, in a thread, while the block runs; the block's
    `collect()` waits for their outcomes. The connection has the scope and, for a small share of the warehouse,
    its own scoped copies (temp tables are a connection's own), made as the block's are (`spans`: see
    `scoped_tables`); a scope of every study reads the tables themselves, as the block's connection does. In a
    small check a rule's statement costs mostly its planning, on one core: two connections plan two statements at
    once, and DuckDB lets go of Python while it plans and runs them. `rules` is its share (`shares`): it takes
    them from the front, while the block's connection may take those left at the end, and then takes those left
    of the other share."""
    if not rules:
        yield dict
        return
    rules = rules if isinstance(rules, Share) else Share(rules)
    beside = con.cursor()
    outcomes: dict[str, Outcome] = {}
    failed: list[BaseException] = []
    stopping = threading.Event()

    def evaluate_all() -> None:
        try:
            set_scope(beside, sorted(scope.nct_ids), scope.as_of)
            if not rules:  # the block's connection took them all meanwhile: no copy is needed
                return
            with scoped_tables(beside, worth_scoping(beside, len(scope.nct_ids)), spans):
                while not stopping.is_set() and (rule := next_rule(rules)) is not None:
                    outcomes[rule.id] = evaluate(beside, rule, scope, narrowed=True)
        except BaseException as exc:  # raised by `collect()`, in the run's thread
            failed.append(exc)

    thread = threading.Thread(target=evaluate_all, name="sql-rules-beside", daemon=True)
    thread.start()

    def collect() -> dict[str, Outcome]:
        thread.join()
        if failed:
            raise failed[0]
        return outcomes
    try:
        yield collect
    finally:
        if thread.is_alive():  # the block failed or was stopped: so are the rules beside it
            stopping.set()
            beside.interrupt()
            thread.join()
        beside.close()
