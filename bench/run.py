"""Time a whole run over N synthetic studies, stage by stage, beside a bare json.loads loop over the same files.

Prints studies/s per stage and end to end, the ratio to the json.loads floor, peak memory (each run's), warehouse
size, a re-run with nothing changed, runs with 1% and then 5% of the files changed (and the line through them:
a fixed part and a cost per changed study), text pages per second, and the slowest quality rules; with --flow, a
first run of the Prefect flow too. Usage:
    python bench/run.py [--n 20000] [--text 2000] [--batch-size 2000] [--workers 2] [--seed 7] [--keep DIR] [--flow]
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
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402
from flows import check_studies, run  # noqa: E402
from warehouse.connect import connect  # noqa: E402

AS_OF = date(2026, 11, 22)
WORKER_STAGES = ("parse", "validate", "assemble")


def capture_check(captured: dict) -> None:
    """Keep the check stage's result (per-rule seconds) in captured['check']."""
    original = check_studies.check_studies

    def wrapper(*args, **kwargs):
        captured["check"] = original(*args, **kwargs)
        return captured["check"]
    check_studies.check_studies = wrapper


def json_floor(source: Path) -> tuple[float, int]:
    """Seconds of a bare read + json.loads loop over every JSON file under source."""
    files = sorted(source.rglob("*.json"))
    start = time.perf_counter()
    for path in files:
        json.loads(path.read_bytes())
    return time.perf_counter() - start, len(files)


def cpu_seconds() -> float:
    """User and system CPU of this process and of its children that ended (workers, `trialqc run`)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Cpu:
    """CPU seconds spent since the last `lap()`: beside wall times, a figure a busy machine disturbs less."""

    def __init__(self) -> None:
        self.mark = cpu_seconds()

    def lap(self) -> float:
        now = cpu_seconds()
        spent, self.mark = now - self.mark, now
        return spent


class PeakSampler:
    """This process's largest resident memory while the block runs, read from /proc every 50 ms in a thread
    (the process's own peak, ru_maxrss, cannot be set back between runs); 0 where /proc does not tell."""

    def __init__(self) -> None:
        self.peak_mib = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            try:
                with open("/proc/self/statm") as statm:
                    pages = int(statm.read().split()[1])
            except (OSError, ValueError, IndexError):
                return
            self.peak_mib = max(self.peak_mib, pages * os.sysconf("SC_PAGE_SIZE") / 2**20)
            if self._done.wait(0.05):
                return

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()


def one_run(db: Path, source: Path, run_id: str, args) -> tuple[float, object, float]:
    """Seconds, summary and this process's peak resident memory (MiB) of one plain run."""
    opened = [connect(db)]  # the check may begin on a new connection (check_studies.ready_to_check)
    try:
        with PeakSampler() as memory:
            start = time.perf_counter()
            result = run.run_pipeline(opened[0], run_id=run_id, source=source, db_path=db, as_of=AS_OF,
                                      batch_size=args.batch_size, workers=args.workers, reconnected=opened.append)
            wall = time.perf_counter() - start
        return wall, result, memory.peak_mib
    finally:
        opened[-1].close()


def change_share(source: Path, offset: int = 0, mark: str = "amended", every: int = 100) -> int:
    """Rewrite one in `every` JSON files (1% by default) with a new title (new sha256, new mtime); how many."""
    files = sorted(source.rglob("*.json"))[offset::every]
    for path in files:
        data = json.loads(path.read_bytes())
        data["protocolSection"]["identificationModule"]["briefTitle"] += f" ({mark})"
        path.write_bytes(json.dumps(data).encode())
    return len(files)


# Runs a command and prints the peak resident memory (KiB) of the largest process of its tree: the command's own
# figure. This process's children also include its workers, forked while it holds its own runs' warehouse pages,
# which count in a fork's resident memory as they are in its parent's.
PEAK_OF = ("import resource, subprocess, sys; "
           "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


def cli_run(db: Path, source: Path, reports: Path, *options: str) -> tuple[float, float]:
    """Seconds and peak MiB (its largest process) of one `trialqc run` as a user types it: start-up, run, search
    index, report, publishing. `options`: more of its options (`--prefect`)."""
    trialqc = Path(sys.executable).parent / "trialqc"
    env = {**os.environ, "TRIALQC_REPORTS": str(reports)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK_OF, str(trialqc), "run", "--source", str(source), "--db", str(db),
                           "--as-of", AS_OF.isoformat(), *options], check=True, stdout=subprocess.PIPE, text=True,
                          env=env, cwd=ROOT)
    return time.perf_counter() - start, int(done.stdout.split()[-1]) / 1024


def print_proportion(runs: list[tuple[int, float]], first_wall: float, n: int) -> None:
    """A changed run's time as a fixed part plus a cost per changed study (the line through the 1% and 5% runs),
    beside the first run's cost per study: in proportion to the change when those two costs are alike."""
    (few, few_wall), (many, many_wall) = runs
    per_study = (many_wall - few_wall) / (many - few)
    first = f"(the first run: {1000 * first_wall / n:.2f} ms per study)"
    if per_study <= 0:  # the larger change ran no longer: too few studies to part a fixed cost from theirs
        print(f"changed runs: {few} studies {few_wall:.2f} s, {many} studies {many_wall:.2f} s: too few changed "
              f"studies to part a fixed cost from a cost per study {first}")
        return
    fixed = few_wall - per_study * few
    print(f"changed runs: {fixed:.2f} s fixed + {1000 * per_study:.2f} ms per changed study {first}")


def report_stages(seconds: dict, n: int, wall: float, floor: float) -> None:
    """Per-stage seconds and studies/s, then the end-to-end rate and its ratio to json.loads."""
    for name, spent in seconds.items():
        note = "  (in worker processes, summed: overlaps load)" if name in WORKER_STAGES else ""
        print(f"  {name:9s} {spent:7.2f} s  {n / spent if spent else 0:>9,.0f} studies/s{note}")
    print(f"  end to end {wall:6.1f} s  {n / wall:>9,.0f} studies/s  = {wall / floor:.1f}x the json.loads time")


def main() -> None:
    """Generate, run, re-run, change 1%, run text pages; print every figure."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--text", type=int, default=2_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path,
                        help="keep the corpus and warehouse in this folder (an earlier bench's are replaced)")
    parser.add_argument("--flow", action="store_true", help="also time `trialqc run --prefect` (the Prefect flow, as "
                        "scheduled runs are) on a new warehouse")
    parser.add_argument("--text-pages-in", type=Path, help=argparse.SUPPRESS)  # the text-page run, in a new process
    parser.add_argument("--floor", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.text_pages_in:
        text_pages(args.text_pages_in, args)
        return
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="trialqc-bench-"))
    try:
        bench(tmp, args)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def bench(tmp: Path, args) -> None:
    """The measurements, in order."""
    # A kept folder from an earlier bench: its corpus, reports, warehouses, and their writers' folders.
    for name in ("json", "text", "reports", "flow-reports"):
        shutil.rmtree(tmp / name, ignore_errors=True)
    for db in ("bench", "text", "flow"):
        for earlier in [*tmp.glob(f"{db}.duckdb*"), *tmp.glob(f".{db}.duckdb*")]:
            if earlier.is_dir():
                shutil.rmtree(earlier)
            else:
                earlier.unlink()
    start = time.perf_counter()
    source = generate.write(tmp / "json", args.n, args.seed, "json", "folders")
    print(f"generated {args.n} API v2 studies in {time.perf_counter() - start:.1f} s "
          f"({sum(p.stat().st_size for p in source.rglob('*.json')) / args.n / 1024:.1f} KB average)")
    floor, files = json_floor(source)
    print(f"json.loads floor: {floor:.2f} s for {files} files ({files / floor:,.0f} files/s)")
    captured = {}
    capture_check(captured)
    db = tmp / "bench.duckdb"
    cpu = Cpu()
    wall, result, peak = one_run(db, source, "first", args)
    first_wall = wall
    print(f"first run: {result.studies_loaded} studies loaded, {result.rejected} rejected; "
          f"CPU {cpu.lap():.1f} s (this process and its workers); peak {peak:,.0f} MiB (this process)")
    report_stages(result.stage_seconds, args.n, wall, floor)
    print_rules(captured.get("check"))
    size = sum(p.stat().st_size for p in tmp.glob("bench.duckdb*"))
    print(f"warehouse size: {size / 2**20:,.0f} MiB ({size / max(result.studies_loaded, 1) / 1024:.1f} KB/study)")
    cpu.lap()
    wall, result, peak = one_run(db, source, "again", args)
    print(f"no-change re-run: {wall:.2f} s, {result.files_seen / wall:,.0f} files/s ({result.skipped} skipped); "
          f"CPU {cpu.lap():.2f} s; peak {peak:,.0f} MiB")
    changed = change_share(source)
    cpu.lap()
    wall, result, peak = one_run(db, source, "one-percent", args)
    print(f"1% changed ({changed} files): {wall:.2f} s, {result.studies_loaded} studies reloaded, "
          f"{100 * wall / first_wall:.1f}% of the first run's time; CPU {cpu.lap():.2f} s; peak {peak:,.0f} MiB")
    print("  stages: " + ", ".join(f"{name} {spent:.2f} s" for name, spent in result.stage_seconds.items()))
    changed_runs = [(changed, wall)]
    more = change_share(source, offset=30, mark="amended again", every=20)
    cpu.lap()
    wall, result, peak = one_run(db, source, "five-percent", args)
    changed_runs.append((more, wall))
    print(f"5% changed ({more} files): {wall:.2f} s, {100 * wall / first_wall:.1f}% of the first run's time; "
          f"CPU {cpu.lap():.2f} s; peak {peak:,.0f} MiB")
    print_proportion(changed_runs, first_wall, args.n)
    print("through `trialqc run` (start-up, run, search index, report, publishing; CPU of the command):")
    cpu.lap()
    wall, peak = cli_run(db, source, tmp / "reports")
    print(f"  first (builds the search index and every report page): {wall:.1f} s; CPU {cpu.lap():.1f} s; "
          f"peak {peak:,.0f} MiB")
    wall, peak = cli_run(db, source, tmp / "reports")
    print(f"  nothing changed: {wall:.2f} s, {args.n / wall:,.0f} files/s; CPU {cpu.lap():.2f} s; "
          f"peak {peak:,.0f} MiB")
    changed = change_share(source, offset=50, mark="revised")
    cpu.lap()
    wall, peak = cli_run(db, source, tmp / "reports")
    print(f"  1% changed ({changed} files): {wall:.2f} s; CPU {cpu.lap():.2f} s; peak {peak:,.0f} MiB")
    if args.flow:
        cpu.lap()
        wall, peak = cli_run(tmp / "flow.duckdb", source, tmp / "flow-reports", "--prefect")
        print(f"  the Prefect flow (--prefect), first run on a new warehouse: {wall:.1f} s, {args.n / wall:,.0f} "
              f"studies/s; CPU {cpu.lap():.1f} s; peak {peak:,.0f} MiB")
    cpu.lap()
    # In a process of its own, as a `trialqc run` over the pages would be: this one holds about 540 MiB after
    # the runs above, so its workers would start from the fork server (flows/worker_processes.py), 1.3 s more.
    sys.stdout.flush()
    subprocess.run([sys.executable, __file__, "--text-pages-in", str(tmp), "--floor", str(floor * args.text / args.n),
                    "--text", str(args.text), "--seed", str(args.seed), "--workers", str(args.workers),
                    "--batch-size", str(args.batch_size)], check=True)
    print(f"  CPU {cpu.lap():.1f} s (that process and its workers)")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {own:,.0f} MiB (this process: every in-process run above), "
          f"{children:,.0f} MiB (largest child: a worker forked from this process, or a `trialqc run`)")


def text_pages(tmp: Path, args) -> None:
    """Generate text pages and load them in this process; print pages/s and the stages beside the floor."""
    text = generate.write(tmp / "text", args.text, args.seed, "text", "folders")
    wall, result, _ = one_run(tmp / "text.duckdb", text, "text", args)
    print(f"text pages: {result.studies_loaded} loaded of {args.text} in {wall:.1f} s, {args.text / wall:,.0f} "
          "pages/s, in a process of their own")
    report_stages(result.stage_seconds, args.text, wall, args.floor)


def print_rules(check) -> None:
    """The ten slowest rules of the first run's check: where the check time goes."""
    if check is None:
        return
    total = sum(check.seconds_by_rule.values())
    print(f"check: {check.studies} studies, {check.issues} issues, rules took {total:.1f} s "
          "(text rules: summed over their worker processes); slowest:")
    for rule_id, seconds in sorted(check.seconds_by_rule.items(), key=lambda kv: -kv[1])[:10]:
        print(f"    {rule_id:55s} {seconds:6.2f} s  {100 * seconds / total if total else 0:4.0f}%")


if __name__ == "__main__":
    main()
