"""A `trialqc run` as a user types it, on a kept bench folder, after a share of its files changed: time, peak memory.

    python bench/run.py --n 200000 --keep DIR        # once: the corpus in DIR/json, its warehouse DIR/bench.duckdb
    python bench/after_changes.py DIR --share 0.12 [--recheck-all] [--empty]

Rewrites `--share` of DIR/json's files with a new title (each run of this script marks its own), then runs
`trialqc run` on a copy of DIR/bench.duckdb (or, with --empty, into a new warehouse: load, check, index and
report of everything). The copy starts as a user's next run finds its warehouse: its writer's working copy made
and the last report (DIR/reports, which bench/run.py's `trialqc run`s write) beside it, so that the run writes
only the report pages the change touched; with --new-report, into an empty report folder (every page written).
Prints the command's wall time, its peak memory (the largest of it and its children, the Data Docs' fork and
the workers among them), its exit code, and what it logged after the run and of any statement that ran out of
memory. The copy is removed afterwards; DIR's warehouse and report are left as they were.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.publish import WriterFiles, identity, prepare_working_copy  # noqa: E402

AS_OF = "2026-11-22"
SHOWN = ("after the run", "ran out", "could not", "error:")


def change_share(source: Path, share: float, mark: str) -> int:
    """Give every (1/share)-th JSON file a new title (new sha256 and mtime); how many."""
    files = sorted(source.rglob("*.json"))
    step = max(1, round(1 / share))
    for path in files[::step]:
        data = json.loads(path.read_bytes())
        data["protocolSection"]["identificationModule"]["briefTitle"] += f" ({mark})"
        path.write_bytes(json.dumps(data).encode())
    return len(files[::step])


def ready_as_after_a_run(db: Path) -> None:
    """The writer's working copy of `db` made, and recorded as the one published, as a run leaves them: the
    timed run then rewrites what it changes instead of copying the whole file first."""
    files = WriterFiles(db.resolve())
    prepare_working_copy(files)
    files.stamp.write_text(identity(files.published))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path, help="a folder kept by `bench/run.py --keep`")
    parser.add_argument("--share", type=float, default=0.01, help="share of the files to change (0: none)")
    parser.add_argument("--recheck-all", action="store_true")
    parser.add_argument("--empty", action="store_true", help="run into a new warehouse instead of a copy")
    parser.add_argument("--new-report", action="store_true", help="write the report into an empty folder "
                        "(every page) instead of beside a copy of DIR/reports")
    args = parser.parse_args()
    source, kept = args.folder / "json", args.folder / "bench.duckdb"
    if not source.is_dir() or not (kept.is_file() or args.empty):
        sys.exit(f"{args.folder} holds no json/ and bench.duckdb: make it with bench/run.py --keep")
    changed = change_share(source, args.share, f"changed {time.time():.0f}") if args.share > 0 else 0
    work = Path(tempfile.mkdtemp(prefix="trialqc-after-changes-", dir=args.folder))
    try:
        db = work / "w.duckdb"
        if not args.empty:
            shutil.copyfile(kept, db)
            ready_as_after_a_run(db)
        if (args.folder / "reports").is_dir() and not args.new_report and not args.empty:
            shutil.copytree(args.folder / "reports", work / "reports")
        command = [str(Path(sys.executable).parent / "trialqc"), "run", "--source", str(source), "--db", str(db),
                   "--as-of", AS_OF] + (["--recheck-all"] if args.recheck_all else [])
        env = {**os.environ, "TRIALQC_REPORTS": str(work / "reports")}
        start = time.perf_counter()
        done = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
        wall = time.perf_counter() - start
    finally:
        shutil.rmtree(work, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    what = "into a new warehouse" if args.empty else "on a copy of the kept warehouse"
    print(f"{changed} files changed; `trialqc run{' --recheck-all' if args.recheck_all else ''}` {what}: "
          f"exit {done.returncode}, {wall:.1f} s, peak {peak:,.0f} MiB")
    for line in done.stderr.splitlines():
        if any(mark in line for mark in SHOWN):
            print("  " + line.split(" INFO ", 1)[-1].split(" WARNING ", 1)[-1])


if __name__ == "__main__":
    main()
