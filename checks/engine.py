"""Run rules over the warehouse and write `quality_issues`, one transaction per run.

This module drives a check: its chunks and what runs where in each. The parts it drives sit beside it:
`check_scope` (the studies checked), `rule_findings` (a rule's findings kept to the scope and settled),
`rule_outcomes` (one rule evaluated, never raising, and its outcome counted), `issue_rows` (findings as issue rows,
and their writing), `sql_rules_once` (a large check's SQL rules run once over all its studies), `sql_rules_beside`
(SQL rules on a second connection), `rule_workers` (the text rules in worker processes) and `shared_reads` (the
rows those workers are given, in a file in memory)."""
from __future__ import annotations

import os
from contextlib import nullcontext
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

import duckdb
import pyarrow as pa

from checks.check_scope import set_scope
from checks.issue_rows import ISSUE_SCHEMA, masked, write_issues
from checks.rule import CheckResult, CheckScope, Rule
from checks.rule_outcomes import evaluate, tally
from checks.rule_workers import CheckWorkers, worker_rules
from checks.scoped_tables import covers_every_study, scoped_tables, worth_scoping
from checks.sql_rules_beside import Share, next_rule, shares, sql_rules_beside
from checks.sql_rules_once import SqlOnce
from warehouse.connect import one_thread

if TYPE_CHECKING:
    from warehouse.runs import AppendedRows


# Studies checked together: bounds the memory rules use (they read their scope's rows at once).
CHUNK_SIZE = 20_000
# Below this many studies, worker rules run in the run's own process: a fork costs more than it saves.
PARALLEL_MIN_STUDIES = 2_000


def run_rules(
    con: duckdb.DuckDBPyConnection,
    rules: Iterable[Rule],
    *,
    run_id: str,
    as_of: date,
    nct_ids: Sequence[str] | None = None,
    chunk_size: int | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    pool: "CheckWorkers | None" = None,
    appended: "AppendedRows | None" = None,
) -> CheckResult:
    """Run every rule on the scope, chunk by chunk, replacing each chunk's previous issues atomically.

    Rules marked `in_worker` are evaluated in `workers` processes (default: one per core), part of
    the chunk's studies each, while this process runs the SQL rules: those of `pool` when given (see
    `check_workers`), else processes forked for each chunk. A large share of the warehouse in more than one
    chunk has its SQL rules run once over all its studies (`SqlOnce`). `progress(checked, total)` is called
    after each chunk. `appended`: where the run that loaded the studies put their rows (`warehouse.runs.AppendedRows`),
    which spares a check of exactly those studies the search for them.
    """
    rules = list(rules)
    workers = (os.cpu_count() or 1) if workers is None else workers
    if nct_ids is None:
        nct_ids = [r[0] for r in con.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()]
    ordered = sorted(set(nct_ids))
    chunk_size = chunk_size or _chunk_size(con, len(ordered))
    once = None
    if len(ordered) > chunk_size and not worth_scoping(con, len(ordered)):
        once = SqlOnce(rules, ordered)  # a large share in many chunks: its SQL rules run once, without copies
    result = CheckResult()
    try:
        for start in range(0, len(ordered), chunk_size):  # nothing to check: no rule runs
            scope = set_scope(con, ordered[start:start + chunk_size], as_of)
            _run_chunk(con, rules, run_id, scope, result, workers, pool, appended, once)
            if progress is not None:
                progress(result.studies, len(ordered))
    except BaseException:
        if once is not None:
            once.close(quietly=True)  # the check's own error is the one to see
        raise
    if once is not None:
        once.close(quietly=False)
    return result


def _chunk_size(con: duckdb.DuckDBPyConnection, studies: int) -> int:
    """CHUNK_SIZE studies per chunk, or half as many when half a chunk is a small share of the warehouse.

    A chunk checked on copies holds its studies' rows twice while its rules run (~200 MB at 20,000 studies);
    one of a check whose SQL rules ran once (`SqlOnce`) holds its text rules' reads beside a larger
    warehouse's larger DuckDB limit (at 200,000 studies, chunks of 20,000 peaked 44 MiB above chunks of
    10,000). Half-sized chunks keep a large warehouse's check within the memory of checking 20,000 studies in
    one chunk on the tables themselves, for a few more chunks' fixed costs."""
    half = max(1, CHUNK_SIZE // 2)
    return half if studies > CHUNK_SIZE and worth_scoping(con, half) else CHUNK_SIZE


def _run_chunk(con, rules: list[Rule], run_id: str, scope: CheckScope, result: CheckResult,
               workers: int, pool: "CheckWorkers | None" = None, appended: "AppendedRows | None" = None,
               once: SqlOnce | None = None) -> None:
    """Run every rule on the current check_scope and write its issues (those of the rules of `once`: parked)."""
    studies = len(scope.nct_ids)
    parallel = workers >= 2 and studies >= PARALLEL_MIN_STUDIES
    elsewhere = [r for r in rules if r.in_worker] if parallel else []
    sent = {r.id for r in elsewhere} | (once.ids if once is not None else set())
    # With `once`, the rules left read a large share's tables themselves, as its SQL rules do.
    scoped = once is None and worth_scoping(con, studies)
    # Every study in the scope: a rule's SQL reads the whole tables either way, and runs as written. (With
    # `once`, no SQL rule is left, and a chunk is never every study.)
    whole = not scoped and once is None and covers_every_study(con)
    # Rules that read other studies than those checked read the whole tables: before the copies are made.
    others = [r for r in rules if r.reads_other_studies] if scoped else []
    # The run's record of where it appended the rows applies when the scope is exactly the studies it loaded.
    spans = appended if appended is not None and appended.covers(scope.nct_ids) else None
    # A small check with no text-rule workers (a small share, or a small warehouse checked whole) leaves the
    # second core idle: a second connection takes SQL rules.
    shared = (scoped or whole) and workers >= 2 and not elsewhere
    here, beside = shares(rules, sent | {r.id for r in others}) if shared else (Share(), Share())
    sent |= {r.id for r in here} | {r.id for r in beside}
    # A few studies' copies are a few rows per table: a second DuckDB thread would only add the cost of
    # sharing out every statement (the rules' plans are the same for any number of threads). The second
    # connection starts first: its scope and copies are made while this one's are.
    with one_thread(con) if scoped or shared else nullcontext(), \
            sql_rules_beside(con, beside, scope, spans) as collect_beside:
        outcomes = {r.id: evaluate(con, r, scope) for r in others}
        with scoped_tables(con, scoped, spans), worker_rules(con, elsewhere, scope, workers, pool) as collect:
            # While the workers run, both cores are theirs and this process's: a second DuckDB thread
            # would only contend with them (~1.5x the CPU of the SQL rules for no shorter wall time).
            with one_thread(con) if elsewhere else nullcontext():
                # With a second connection, its statements run while the rules that are not SQL run here (in
                # Python); then this connection's share of the SQL rules, and what is left of the other share.
                for rule in rules:
                    if rule.id not in sent and rule.id not in outcomes:
                        outcomes[rule.id] = evaluate(con, rule, scope, scoped or whole)
                while (rule := next_rule(here)) is not None:
                    outcomes[rule.id] = evaluate(con, rule, scope, narrowed=True)
                if once is not None and not once.done:
                    # While the workers take the first chunk's text rules. With the pass on two DuckDB threads the
                    # check's process took about a quarter more CPU and peaked 10-65 MiB higher, for a check no
                    # shorter (100,000 and 200,000 studies, docs/performance.md).
                    once.run(con, run_id, scope, result)
            outcomes.update(collect())
        outcomes.update(collect_beside())
    tables = [once.taken(scope)] if once is not None else []
    for rule in rules:
        if rule.id in outcomes:
            issues = tally(result, rule, outcomes[rule.id], run_id, scope.as_of)
            if issues is not None:
                tables.append(issues)
    issues = masked(pa.concat_tables(tables)) if tables else ISSUE_SCHEMA.empty_table()
    result.issues += issues.num_rows
    result.studies += len(scope.nct_ids)
    with one_thread(con):  # ~half the CPU of two threads for these few statements, for the same wall time
        write_issues(con, issues)
