"""Where a first run's load time and memory go as the warehouse grows: per batch, per checkpoint, per stage.

    python bench/load_scale.py SOURCE DB [--check] [--after]

SOURCE is a folder of records (e.g. a bench corpus, bench/generate.py); DB is made afresh. Prints the main
process's CPU seconds of the load stage (every batch's load_batch, with the checkpoint a run makes after a batch
once its log passes checkpoints.CHECKPOINT_BYTES), the batches followed by a checkpoint with the WAL size before it,
and the main process's resident memory (now and peak) after loading, checking, the after-run steps (issue history,
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
from warehouse import checkpoints, connect as connect_module, load  # noqa: E402

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
    parser.add_argument("--checkpoint-mb", type=int,
                        help="log size a run checkpoints after (checkpoints.CHECKPOINT_BYTES)")
    args = parser.parse_args()
    if args.checkpoint_mb is not None:
        checkpoints.CHECKPOINT_BYTES = args.checkpoint_mb * 10**6
    for stale in (args.db, args.db.with_name(args.db.name + ".wal")):
        stale.unlink(missing_ok=True)
    batches = []
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

    con = connect_module.connect(args.db)
    reset_peak()
    cpu = time.process_time()
    opened = [con]  # the check may begin on a new connection (check_studies.ready_to_check)
    result = run.run_pipeline(con, run_id="scale", source=args.source, db_path=args.db, as_of=AS_OF,
                              workers=args.workers, check=args.check or args.after, reconnected=opened.append)
    con = opened[-1]
    total = time.process_time() - cpu
    load_cpu = sum(b[0] for b in batches)
    print(f"{result.studies_loaded} studies; run CPU {total:.1f} s (main process); "
          f"load CPU {load_cpu:.1f} s = {result.studies_loaded / load_cpu:,.0f} studies/CPU-s; "
          f"load wall {result.stage_seconds.get('load', 0):.1f} s")
    for i, b in enumerate(batches if args.each else []):
        print(f"  batch {i + 1}: CPU {b[0]:.2f} s, WAL {b[2] / 2**20:.0f} -> {b[3] / 2**20:.0f} MiB, "
              f"{b[4]} MiB resident, {b[5]} MiB peak, DuckDB {b[6]} MiB in memory, {b[7]} MiB spilled")
    # A batch followed by a checkpoint (checkpoints.checkpoint_due, inside load_batch) shows as the WAL shrinking.
    for i, b in [(i, b) for i, b in enumerate(batches) if b[3] < b[2]]:
        print(f"  checkpoint after batch {i + 1}: batch CPU {b[0]:.2f} s, WAL before the batch {b[2] / 2**20:.0f} MiB")
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
