"""Stop `trialqc run` with a signal at many points of a run and tally how each run ended.

Each trial runs `trialqc run --source CORPUS --db <new db>` in a process group of its own (as a terminal or systemd
starts it), sends it a stop after a delay, and records: the exit code, the seconds from the signal to the exit,
whether a traceback was printed, whether any process of its group outlived it, and the status the run recorded in
meta.load_runs (the published file, read-only; the working copy when the run published nothing). The stops are
SIGTERM to the whole group (systemd, `kill -TERM -- -PGID`), SIGINT to the group (a terminal's Ctrl-C) and SIGTERM
to the run's process only. The delays are spread over the whole run (start-up, loading, checking, report,
publishing), as measured by a run first made without a stop. A run that stops exits 130 within seconds, with one
line and no traceback, and records `interrupted` (or `completed`, when the stop came once the run was recorded).

Prints a line per trial, a table by delay, and counts per kind of stop, with every trial that did not stop (exit 0
after the signal, or longer than --slow seconds). Usage:
    python bench/stop_trials.py [--corpus DIR | --n 4000] [--trials 60] [--kinds group-TERM,group-INT,proc-TERM]
                                [--seed 1] [--until SECONDS] [--slow 10] [-- EXTRA trialqc run OPTIONS]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402

KINDS = {"group-TERM": (signal.SIGTERM, True), "group-INT": (signal.SIGINT, True),
         "proc-TERM": (signal.SIGTERM, False)}
TRACEBACK_MARKS = ("Traceback", "Exception ignored in")
# A stop must end the run's process within this; after it a trial is given up and its group killed.
GIVE_UP_SECONDS = 90


@dataclass
class Trial:
    kind: str
    delay: float
    exit_code: int | None = None
    seconds: float | None = None  # from the signal to the exit
    traceback: bool = False
    status: str = "-"
    stage: str = ""  # the last log line printed before the signal
    leftover: int = 0  # processes of the group alive once the run's process had exited
    last_line: str = ""  # the last line of stderr
    pid: int = 0
    folder: str = ""  # its logs and db, kept when it did not stop well

    def stopped(self, slow: float) -> bool:
        return self.exit_code not in (0, None) and self.seconds is not None and self.seconds <= slow


def trialqc_command(source: Path, db: Path, extra: list[str]) -> list[str]:
    return [str(Path(sys.executable).with_name("trialqc")), "run", "--source", str(source), "--db", str(db), *extra]


def run_env(reports: Path) -> dict[str, str]:
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_HOME=str(ROOT / ".prefect"), GX_ANALYTICS_ENABLED="false", TRIALQC_REPORTS=str(reports))
    for name in ("PYTHONDONTWRITEBYTECODE", "TRIALQC_DUCKDB_MEMORY", "PREFECT_API_URL"):
        env.pop(name, None)
    return env


def recorded_status(db: Path) -> str:
    """The status of the last run in meta.load_runs: the published file's, else the working copy's (marked)."""
    import duckdb

    work = db.parent / f".{db.name}.writer" / "work.duckdb"
    for path, mark in ((db, ""), (work, " (work copy)")):
        if not path.exists():
            continue
        try:
            con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as exc:
            return f"unreadable: {type(exc).__name__}"
        try:
            row = con.execute("SELECT status FROM meta.load_runs ORDER BY started_at DESC LIMIT 1").fetchone()
        except duckdb.Error:
            row = None
        finally:
            con.close()
        return (row[0] if row else "no run") + mark
    return "no db"


def last_log_line(path: Path) -> str:
    """The message of the last log line written so far ('' before any)."""
    try:
        lines = [line for line in path.read_text(errors="replace").splitlines() if " INFO " in line
                 or " WARNING " in line]
    except OSError:
        return ""
    if not lines:
        return "(start-up)"
    message = lines[-1].split(" INFO ", 1)[-1].split(" WARNING ", 1)[-1]
    return message[:48]


def group_alive(pgid: int) -> int:
    """How many processes of the group are alive (zombies excluded)."""
    alive = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive += 1
    return alive


def one_trial(kind: str, delay: float, source: Path, tmp: Path, extra: list[str], index: int) -> Trial:
    signum, group = KINDS[kind]
    trial = Trial(kind, delay)
    folder = tmp / f"t{index}"
    folder.mkdir()
    trial.folder = str(folder)
    db = folder / "trials.duckdb"
    out, err = folder / "stdout", folder / "stderr"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        started = time.monotonic()
        proc = subprocess.Popen(trialqc_command(source, db, extra), stdout=stdout, stderr=stderr,
                                env=run_env(folder / "reports"), start_new_session=True)
        pgid = trial.pid = proc.pid
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            pass
        except BaseException:  # the bench itself stopped: the trial's run does not outlive it
            os.killpg(pgid, signal.SIGKILL)
            raise
        if proc.returncode is None:
            trial.stage = last_log_line(err)
            signalled = time.monotonic()
            try:
                os.killpg(pgid, signum) if group else os.kill(proc.pid, signum)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=GIVE_UP_SECONDS)
            except BaseException:  # given up (or the bench stopped): the whole group is killed
                os.killpg(pgid, signal.SIGKILL)
                proc.wait()
                if not isinstance(sys.exc_info()[1], subprocess.TimeoutExpired):
                    raise
            trial.seconds = time.monotonic() - signalled
        else:
            trial.stage = f"(ended before the signal, at {time.monotonic() - started:.2f} s)"
        trial.exit_code = proc.returncode
    time.sleep(0.2)  # the workers' own exit, if they were left to it
    trial.leftover = group_alive(pgid)
    if trial.leftover:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    text = err.read_text(errors="replace") + out.read_text(errors="replace")
    trial.traceback = any(mark in text for mark in TRACEBACK_MARKS)
    lines = [line for line in err.read_text(errors="replace").splitlines() if line.strip()]
    trial.last_line = lines[-1][:100] if lines else ""
    trial.status = recorded_status(db)
    return trial


def baseline(source: Path, tmp: Path, extra: list[str]) -> float:
    """Seconds a whole run takes without a stop."""
    folder = tmp / "baseline"
    folder.mkdir()
    started = time.monotonic()
    done = subprocess.run(trialqc_command(source, folder / "trials.duckdb", extra), capture_output=True,
                          env=run_env(folder / "reports"), start_new_session=True)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"the run without a stop failed (exit {done.returncode}):\n{done.stderr.decode()[-2000:]}")
    shutil.rmtree(folder)
    return seconds


def delays(kinds: list[str], trials: int, until: float, rng: random.Random) -> list[tuple[str, float]]:
    """`trials` delays per kind, one in each of `trials` equal slices of (0.05, until), in random order."""
    plan = []
    for kind in kinds:
        width = (until - 0.05) / trials
        plan += [(kind, round(0.05 + (i + rng.random()) * width, 2)) for i in range(trials)]
    rng.shuffle(plan)
    return plan


def verdict(trial: Trial, slow: float) -> str:
    """ok: exit 130 within `slow` seconds, no traceback; NOT STOPPED: exit 0 after the signal; SLOW; ODD: another
    exit code or a traceback; ended first: the run ended before the signal."""
    if trial.seconds is None:
        return "ended first"
    if trial.exit_code == 0:
        return "NOT STOPPED"
    if trial.seconds > slow:
        return "SLOW"
    return "ok" if trial.exit_code == 130 and not trial.traceback else "ODD"


def describe(trial: Trial, slow: float) -> str:
    seconds = "-" if trial.seconds is None else f"{trial.seconds:5.2f}"
    return (f"{trial.kind:10s} {trial.delay:6.2f} {str(trial.exit_code):>5s} {seconds:>6s} "
            f"{'yes' if trial.traceback else 'no':3s} {trial.leftover:5d}  {trial.status:24s} "
            f"{verdict(trial, slow):11s} {trial.stage}")


HEADER = f"{'kind':10s} {'delay':>6s} {'exit':>5s} {'secs':>6s} {'tb':3s} {'left':>5s}  {'status':24s} " \
         f"{'verdict':11s} last log line before the signal"


def summary(results: list[Trial], slow: float) -> int:
    """Counts per kind; the trials that did not stop. The number of those."""
    print("\nby delay:")
    print(HEADER)
    for trial in sorted(results, key=lambda t: (t.delay, t.kind)):
        print(describe(trial, slow))
    print("\ncounts:")
    bad: list[Trial] = []
    for kind in sorted({t.kind for t in results}):
        mine = [t for t in results if t.kind == kind]
        signalled = [t for t in mine if t.seconds is not None]
        not_stopped = [t for t in signalled if t.exit_code == 0]
        slow_ones = [t for t in signalled if t.exit_code != 0 and t.seconds > slow]
        odd = [t for t in signalled if t.exit_code not in (0, 130)]
        seconds = sorted(t.seconds for t in signalled)
        print(f"  {kind}: {len(mine)} trials, {len(signalled)} signalled before the run ended; "
              f"exit codes {dict(Counter(t.exit_code for t in signalled))}; "
              f"statuses {dict(Counter(t.status for t in signalled))}; "
              f"tracebacks {sum(t.traceback for t in signalled)}; left processes {sum(t.leftover > 0 for t in mine)}; "
              f"signal to exit median {seconds[len(seconds) // 2] if seconds else 0:.2f} s, "
              f"max {max(seconds, default=0):.2f} s")
        odd_ones = [t for t in signalled if verdict(t, slow) == "ODD"]
        print(f"    NOT STOPPED (exit 0 after the signal): {len(not_stopped)}; slower than {slow:g} s: "
              f"{len(slow_ones)}; exit codes other than 130: {len(odd)}; ODD (another exit code or a traceback): "
              f"{len(odd_ones)}")
        bad += not_stopped + slow_ones
        for trial in not_stopped + slow_ones + odd_ones:
            print(f"  {verdict(trial, slow)}: {describe(trial, slow)}\n      pid {trial.pid}, {trial.folder}, "
                  f"last stderr line: {trial.last_line}")
    return len(bad)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="records to load (default: --n synthetic API v2 studies)")
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--trials", type=int, default=60, help="trials per kind of stop")
    parser.add_argument("--kinds", default="group-TERM,group-INT,proc-TERM")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=float, help="latest delay, s (default: a whole run's time + 0.3 s)")
    parser.add_argument("--since", type=float, default=0.05, help="earliest delay, s")
    parser.add_argument("--slow", type=float, default=10.0, help="a stop that takes longer did not stop")
    parser.add_argument("--keep", action="store_true", help="keep each trial's folder (logs, db)")
    parser.add_argument("extra", nargs="*", help="more `trialqc run` options (after --)")
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds {sorted(unknown)}: use {', '.join(KINDS)}")
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="sigterm-trials-"))
    try:
        source = args.corpus
        if source is None:
            source = generate.write(tmp / "corpus", args.n, args.seed, "json", "folders")
        whole = baseline(source, tmp, args.extra)
        until = args.until or whole + 0.3
        print(f"corpus {source}; a whole run took {whole:.2f} s; delays {args.since:.2f}-{until:.2f} s; "
              f"{args.trials} trials of each of {', '.join(kinds)}", flush=True)
        plan = [(kind, max(args.since, delay)) for kind, delay in delays(kinds, args.trials, until, rng)]
        print(HEADER, flush=True)
        results = []
        for index, (kind, delay) in enumerate(plan):
            trial = one_trial(kind, delay, source, tmp, args.extra, index)
            results.append(trial)
            print(describe(trial, args.slow), flush=True)
            if not args.keep and ((trial.exit_code == 130 and not trial.traceback) or trial.seconds is None):
                shutil.rmtree(tmp / f"t{index}", ignore_errors=True)
        bad = summary(results, args.slow)
        print(f"\n{bad} of {len(results)} trials did not stop" + (f" (kept in {tmp})" if bad else ""))
    finally:
        if not args.keep and not any(p.name.startswith("t") for p in tmp.iterdir()):
            shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
