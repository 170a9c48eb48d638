"""Where a first run's load time and memory go as the warehouse grows: per batch, per checkpoint, per stage.

    python bench/load_scale.py SOURCE DB [--check] [--after]

SOURCE is a folder of records (e.g. a bench corpus, bench/generate.py); DB is made afresh. Prints the main process's CPU seconds of the load stage (every batch's load_batch,
checkpoints inside or beside it), each checkpoint's CPU seconds, the WAL size before it, and the main
process's resident memory (now and peak) after loading, checking, the after-run steps (issue history,
search index, watch lists: --after) and closing. CPU, not wall: other processes share the machine.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows import run  # noqa: E402
from warehouse import connect as connect_module, load  # noqa: E402

AS_OF = date(2026, 11, 22)


def memory() -> tuple[int, int]:
    """This process's resident and peak resident memory, MiB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def duckdb_memory(con) -> str:
    """DuckDB's own account of its memory by tag (MiB in memory / spilled), the larger ones."""
    rows = con.execute("SELECT tag, memory_usage_bytes, temporary_storage_bytes FROM duckdb_memory() "
                       "WHERE memory_usage_bytes + temporary_storage_bytes > 4 * 2 ** 20 ORDER BY 2 DESC").fetchall()
    return ", ".join(f"{tag} {used / 2**20:.0f}/{spilled / 2**20:.0f}" for tag, used, spilled in rows) or "none"


def reset_peak() -> None:
    """Start the peak (VmHWM) again from the current resident memory."""
    Path("/proc/self/clear_refs").write_text("5")


def main() -> None:
    """Run, watching every batch and checkpoint."""
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--check", action="store_true", help="also run the check stage")
    parser.add_argument("--after", action="store_true", help="also the after-run steps (implies --check)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--each", action="store_true", help="print every batch")
    parser.add_argument("--rows-every", type=int, help="LoadCheckpoints.ROWS_EVERY")
    parser.add_argument("--wal-limit", type=int, help="LoadCheckpoints.WAL_LIMIT, MiB")
    parser.add_argument("--end-min", type=int, help="LoadCheckpoints.END_MIN, MiB")
    args = parser.parse_args()
    points = getattr(connect_module, "LoadCheckpoints", None)
    for name, value, scale in (("ROWS_EVERY", args.rows_every, 1), ("WAL_LIMIT", args.wal_limit, 2**20),
                               ("END_MIN", args.end_min, 2**20)):
        if value is not None:
            if points is None:
                parser.error(f"--{name.lower().replace('_', '-')}: this warehouse code leaves checkpoints to DuckDB")
            setattr(points, name, value * scale)
    for stale in (args.db, args.db.with_name(args.db.name + ".wal")):
        stale.unlink(missing_ok=True)
    batches, checkpoints = [], []
    wal = args.db.with_name(args.db.name + ".wal")

    original_load = load.load_batch

    def watched_load(con, batch, *rest):
        cpu, wall = time.process_time(), time.perf_counter()
        size = wal.stat().st_size if wal.exists() else 0
        out = original_load(con, batch, *rest)
        after = wal.stat().st_size if wal.exists() else 0
        spent = time.process_time() - cpu
        used = con.execute("SELECT sum(memory_usage_bytes), sum(temporary_storage_bytes) FROM duckdb_memory()").fetchone()
        batches.append((spent, time.perf_counter() - wall, size, after, *memory(), used[0] // 2**20, used[1] // 2**20))
        return out
    load.load_batch = watched_load

    original_checkpoint = getattr(connect_module, "checkpoint", None)
    if original_checkpoint is not None:
        def watched_checkpoint(con, *a, **k):
            cpu, size = time.process_time(), wal.stat().st_size if wal.exists() else 0
            done = original_checkpoint(con, *a, **k)
            if done:
                checkpoints.append((time.process_time() - cpu, size, len(batches)))
            return done
        connect_module.checkpoint = watched_checkpoint

    con = connect_module.connect(args.db)
    reset_peak()
    cpu = time.process_time()
    opened = [con]  # the check may begin on a new connection (check_studies.ready_to_check)
    result = run.run_pipeline(con, run_id="scale", source=args.source, db_path=args.db, as_of=AS_OF,
                              workers=args.workers, check=args.check or args.after, reconnected=opened.append)
    con = opened[-1]
    total = time.process_time() - cpu
    load_cpu = sum(b[0] for b in batches) + sum(c[0] for c in checkpoints)
    print(f"{result.studies_loaded} studies; run CPU {total:.1f} s (main process); "
          f"load CPU {load_cpu:.1f} s = {result.studies_loaded / load_cpu:,.0f} studies/CPU-s; "
          f"load wall {result.stage_seconds.get('load', 0):.1f} s")
    for i, b in enumerate(batches if args.each else []):
        print(f"  batch {i + 1}: CPU {b[0]:.2f} s, WAL {b[2] / 2**20:.0f} -> {b[3] / 2**20:.0f} MiB, "
              f"{b[4]} MiB resident, {b[5]} MiB peak, DuckDB {b[6]} MiB in memory, {b[7]} MiB spilled")
    # A batch whose COMMIT checkpointed (DuckDB's automatic checkpoint) shows as the WAL shrinking.
    auto = [(i, b) for i, b in enumerate(batches) if b[3] < b[2]]
    for i, b in auto:
        print(f"  automatic checkpoint in batch {i + 1}: batch CPU {b[0]:.2f} s, WAL before {b[2] / 2**20:.0f} MiB")
    for c in checkpoints:
        print(f"  checkpoint after batch {c[2]}: CPU {c[0]:.2f} s, WAL before {c[1] / 2**20:.0f} MiB")
    plain = sorted(b[0] for i, b in enumerate(batches) if b[3] >= b[2])
    if plain:
        print(f"  batches without a checkpoint: median CPU {plain[len(plain) // 2]:.3f} s, "
              f"first 5 {sum(b[0] for b in batches[:5]) / 5:.3f}, last 5 {sum(b[0] for b in batches[-5:]) / 5:.3f}")
    print(f"  WAL at the end of loading {wal.stat().st_size / 2**20 if wal.exists() else 0:.0f} MiB")
    rss, peak = memory()
    print(f"memory after the run: {rss} MiB resident, {peak} MiB peak; stages {result.stage_seconds}")
    print(f"  DuckDB memory (MiB in memory/spilled): {duckdb_memory(con)}")
    if args.after:
        from flows.after_run import refresh_search_and_watch_lists
        from warehouse import issue_history

        for name, step in (("issue history", lambda: issue_history.after_run(con, "scale")),
                           ("search index and watch lists", lambda: refresh_search_and_watch_lists(con, "scale"))):
            reset_peak()
            cpu = time.process_time()
            step()
            rss, peak = memory()
            print(f"{name}: CPU {time.process_time() - cpu:.1f} s, {rss} MiB resident, {peak} MiB peak")
            print(f"  DuckDB memory (MiB in memory/spilled): {duckdb_memory(con)}")
    reset_peak()
    cpu = time.process_time()
    con.close()
    rss, peak = memory()
    print(f"close: CPU {time.process_time() - cpu:.1f} s, {rss} MiB resident, {peak} MiB peak; "
          f"file {args.db.stat().st_size / 2**20:,.0f} MiB")


if __name__ == "__main__":
    main()
