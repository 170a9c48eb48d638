"""CPU seconds of each text rule (the rules run in worker processes) on a warehouse's studies, in one process.

    python bench/text_rule_times.py DB [--every N] [--top 15] [--repeat 1] [--profile RULE_ID] [--lines 30]

DB is a warehouse a run has loaded (e.g. `bench/run.py --keep DIR` leaves DIR/bench.duckdb); it is opened read-only.
The rules run as the engine runs them in a worker (`checks.rule_outcomes.evaluate`, in the order of
`checks.all_rules()`, on one scope whose shared reads they share), here on every N-th study in this process, so the
times add up to what the workers' times sum to, and without the cycle collector, as in the workers. CPU seconds, not
wall seconds: a busy machine disturbs them less. The first rule to read a shared text (`checks.study_text`) pays for
turning its rows into Python objects, as in the workers.
With --profile, the rule's evaluation (after the rules before it) is profiled and its costliest functions printed.
The profiler's cost per call weighs on a function that makes many small calls (a loop of dict lookups, a regex tried
at every line): time such a function alone, with `time.process_time`, before taking its profiled share as its own.
Seconds are printed to the millisecond, which the kernel's CPU accounting may round to.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.settings import apply_offline_defaults  # noqa: E402

apply_offline_defaults()

import duckdb  # noqa: E402

import checks  # noqa: E402
from checks import check_scope, rule_outcomes  # noqa: E402
from checks.rule import CheckScope  # noqa: E402

AS_OF = date(2026, 11, 22)


def one_pass(con: duckdb.DuckDBPyConnection, ids: list[str], profile: str | None,
             lines: int) -> dict[str, tuple[float, int]]:
    """CPU seconds and findings of each text rule on the studies `ids`, on a fresh scope."""
    rules = [rule for rule in checks.all_rules() if rule.in_worker]
    scope = check_scope.set_scope(con, ids, AS_OF)
    for rule in rules:  # the reads, made as the run's process makes them before the workers start
        rule_outcomes.evaluate(con, rule, CheckScope(AS_OF, frozenset(), scope.cache))
    spent = {}
    gc.collect()
    gc.disable()  # as in the workers (checks.rule_workers), which evaluate the rules without the cycle collector
    try:
        for rule in rules:
            spent[rule.id] = _timed(con, rule, scope, rule.id == profile, lines)
    finally:
        gc.enable()
    return spent


def _timed(con: duckdb.DuckDBPyConnection, rule, scope: CheckScope, profile: bool, lines: int) -> tuple[float, int]:
    """CPU seconds and findings of one rule on the scope; with `profile`, its costliest functions printed."""
    profiler = cProfile.Profile() if profile else None
    if profiler is not None:
        profiler.enable()
    started = time.process_time()
    outcome = rule_outcomes.evaluate(con, rule, scope)
    seconds = time.process_time() - started
    if profiler is not None:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(lines)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(lines)
    if outcome.error is not None:
        print(f"{rule.id} failed: {outcome.error}")
    return seconds, len(outcome.findings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--every", type=int, default=1, help="every N-th study only (default: all)")
    parser.add_argument("--top", type=int, default=15, help="how many of the slowest rules to print")
    parser.add_argument("--repeat", type=int, default=1, help="passes; each rule's fastest is printed")
    parser.add_argument("--profile", help="a rule id to profile")
    parser.add_argument("--lines", type=int, default=30, help="functions printed of a profile")
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no such warehouse file")
    con = duckdb.connect(str(args.db), read_only=True)
    ids = [row[0] for row in con.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()][::args.every]
    best: dict[str, tuple[float, int]] = {}
    for _ in range(args.repeat):
        for rule_id, (seconds, found) in one_pass(con, ids, args.profile, args.lines).items():
            if rule_id not in best or seconds < best[rule_id][0]:
                best[rule_id] = (seconds, found)
    total = sum(seconds for seconds, _ in best.values())
    print(f"{len(ids):,} studies, {len(best)} text rules, {total:.2f} s in all; slowest:")
    for rule_id, (seconds, found) in sorted(best.items(), key=lambda kv: -kv[1][0])[:args.top]:
        print(f"    {rule_id:55s} {seconds:7.3f} s  {100 * seconds / total if total else 0:4.0f}%  {found:6d} found")


if __name__ == "__main__":
    main()
