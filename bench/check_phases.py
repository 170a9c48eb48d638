"""Where a check spends its time, phase by phase, on a copy of a warehouse.

    python bench/check_phases.py DB [--workers 2] [--chunk-size N] [--every N]

DB is a warehouse a run has loaded (e.g. the one `bench/run.py --keep DIR` leaves, DIR/bench.duckdb); it is
copied to a temporary folder first, and the copy is checked whole (as `trialqc run --recheck-all` would), or
every N-th study of it with --every N (a small share, as after a change), its text rules in workers forked
for each chunk (as `checks.run_checks` does without the run's own workers). Prints the check's wall time, the
CPU of this process and of the text-rule workers, and for each phase of the run's process its CPU, wall time
and calls: the SQL rules run once over a large share of many chunks, finding each chunk's rows (spans) and
the scoped copies of a small share (and the tables that cost most), the SQL rules, the rules run here that
are not SQL (among them the text rules' reads, made here and shared with the workers), the wait for the
workers, taking a chunk's issues of the SQL rules run once, and writing the issues. CPU, not wall, is what to
compare between runs on a shared machine.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.settings import apply_offline_defaults  # noqa: E402

apply_offline_defaults()

import checks  # noqa: E402
from checks import engine, parked_issues, rule_outcomes, scoped_tables, sql_rules_once, study_text  # noqa: E402
from flows import worker_processes  # noqa: E402
from warehouse.connect import connect  # noqa: E402

AS_OF = date(2026, 11, 22)


class Phases:
    """CPU seconds, wall seconds and calls of each phase, and of each table's copy."""

    def __init__(self) -> None:
        self.spent: dict[str, list[float]] = {}
        self.tables: dict[str, float] = {}

    def watch(self, owner: object, name: str, phase: str, by_table: bool = False) -> None:
        """Time every call of owner.name as `phase` (and, with `by_table`, by its second argument)."""
        inner = getattr(owner, name)
        self.spent[phase] = [0.0, 0.0, 0]  # printed in the order watched

        def timed(*args, **kwargs):
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                cpu = time.process_time() - cpu
                entry = self.spent[phase]
                entry[0] += cpu
                entry[1] += time.perf_counter() - wall
                entry[2] += 1
                if by_table:
                    self.tables[args[1]] = self.tables.get(args[1], 0.0) + cpu
        setattr(owner, name, timed)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, help="studies per chunk (default: the engine's choice, "
                        "checks.engine._chunk_size)")
    parser.add_argument("--every", type=int, default=1, help="check every N-th study only (default: all)")
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no such warehouse file")
    if args.every < 1:
        parser.error("--every: a whole number of 1 or more")
    phases = Phases()
    phases.watch(sql_rules_once.SqlOnce, "run", "SQL rules once, over every chunk")
    phases.watch(sql_rules_once.SqlOnce, "_park", "  of which each rule's, parked")
    phases.watch(scoped_tables, "_spans", "spans")
    phases.watch(scoped_tables, "_copy_scoped", "copies", by_table=True)
    phases.watch(rule_outcomes, "found_table", "SQL rules")
    phases.watch(rule_outcomes, "findings_of", "rules here that are not SQL")
    phases.watch(study_text, "_read_columns", "  of which reads for the workers")
    phases.watch(worker_processes._Watched, "get", "waiting for the workers")
    phases.watch(parked_issues.ParkedIssues, "taken", "taking the issues of those once")
    phases.watch(engine, "write_issues", "writing the issues")
    with tempfile.TemporaryDirectory(prefix="trialqc-check-phases-") as folder:
        db = Path(folder) / args.db.name
        shutil.copyfile(args.db, db)
        log = args.db.with_name(args.db.name + ".wal")  # changes not yet checkpointed into the file
        if log.is_file():
            shutil.copyfile(log, db.with_name(db.name + ".wal"))
        con = connect(db)
        ids = [row[0] for row in con.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()][::args.every]
        studies = len(ids)
        children, cpu, wall = children_cpu(), time.process_time(), time.perf_counter()
        result = engine.run_rules(con, checks.all_rules(), run_id="check-phases", as_of=AS_OF, workers=args.workers,
                                  chunk_size=args.chunk_size, nct_ids=ids)
        wall, cpu, children = time.perf_counter() - wall, time.process_time() - cpu, children_cpu() - children
        con.close()
    print(f"check of {studies:,} studies: {wall:.1f} s wall, {result.issues:,} issues; CPU {cpu:.1f} s in this "
          f"process, {children:.1f} s in the text-rule workers")
    for phase, (spent, took, calls) in phases.spent.items():
        print(f"  {phase:34s} CPU {spent:6.2f} s  wall {took:6.2f} s  {calls:5d} calls")
    costly = sorted(phases.tables.items(), key=lambda item: -item[1])[:5]
    if costly:
        print("  copies that cost most (CPU): " + ", ".join(f"{table} {spent:.2f} s" for table, spent in costly))


if __name__ == "__main__":
    main()
