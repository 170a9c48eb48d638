"""A worker killed outright (the out-of-memory killer's SIGKILL) takes its task, and perhaps its pool's queue lock,
with it: the run once waited for ever. It now ends within seconds with one line saying so, and the next run goes on
from the batches committed before."""
from __future__ import annotations

import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from unittest.mock import patch

import pytest

from flows.errors import WorkerLost
from flows.parse_batch import ignore_interrupts
from flows.worker_processes import WorkerContext, WorkerPool, worker_context
from tests.faults import AS_OF, table_hashes
from tests.test_order import _arrange
from tests.test_worker_signals import _batch_pool, _check_pool
from warehouse.connect import connect

ROOT = Path(__file__).resolve().parent.parent


def _within(call, seconds: float):
    """(finished, what `call` returned or raised) after at most `seconds`."""
    outcome: list = []

    def target():
        try:
            outcome.append(call())
        except BaseException as exc:  # noqa: BLE001 - the outcome under test
            outcome.append(exc)
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    return bool(outcome), outcome[0] if outcome else None


@pytest.mark.parametrize("make", [_check_pool, _batch_pool], ids=["text-rule workers", "batch workers"])
@pytest.mark.parametrize("busy", [False, True], ids=["killed-waiting-for-work", "killed-at-work"])
def test_a_wait_for_a_result_ends_with_worker_lost_and_the_pool_ends(make, busy):
    pool, end = make()
    try:
        pool.apply(os.getpid)
        time.sleep(1.0)  # both workers started and waiting: one holds the lock of the queue tasks come from
        victim = pool._pool[0]
        if busy:
            pending = pool.starmap_async(time.sleep, [(600,), (600,)])
            time.sleep(0.5)
            os.kill(victim.pid, signal.SIGKILL)
        else:  # one of them holds the queue's lock: the workers started in their place wait for it
            for process in list(pool._pool):
                os.kill(process.pid, signal.SIGKILL)
            time.sleep(0.5)
            pending = pool.starmap_async(time.sleep, [(0.1,), (0.1,), (0.1,)])
        finished, outcome = _within(pending.get, 20)
        assert finished, "the wait for the lost worker's result never ended"
        assert isinstance(outcome, WorkerLost) and "killed by SIGKILL" in str(outcome), outcome
    finally:
        assert _within(end, 20)[0], "ending the pool waited for a lock the lost worker held"


def _pid() -> int:
    return os.getpid()


def test_work_sent_while_the_pool_replaces_its_lost_workers_is_taken():
    """Between a lost worker's removal and its replacement the pool holds no worker: multiprocessing divided the
    tasks by the workers alive and raised ZeroDivisionError instead of queueing them."""
    pool = WorkerPool(1, context=multiprocessing.get_context("fork"))
    try:
        pool.apply(os.getpid)
        with patch.object(pool, "_pool", []):
            pending = pool.starmap_async(_pid, [(), (), ()])
        finished, outcome = _within(lambda: pending.get(20), 30)
        assert finished and isinstance(outcome, list) and len(outcome) == 3, outcome
    finally:
        pool.terminate()
        pool.join()


def test_the_flows_parse_pool_ends_when_a_worker_is_lost_though_its_workers_ignore_sigterm():
    """concurrent.futures ends a broken pool's workers with SIGTERM, which the run's workers ignore: it waited for
    them for ever. Its workers are the run's, which terminate() kills."""
    pool = ProcessPoolExecutor(2, mp_context=WorkerContext(worker_context()), initializer=ignore_interrupts)
    pids = {pool.submit(_pid).result() for _ in range(8)}
    os.kill(next(iter(pids)), signal.SIGKILL)

    def until_broken():  # the worker left alive may take a task before the pool sees the loss
        while True:
            pool.submit(time.sleep, 0.1).result()
    finished, outcome = _within(until_broken, 20)
    assert finished and isinstance(outcome, BrokenProcessPool), outcome
    assert _within(lambda: pool.shutdown(wait=True), 20)[0], "the broken pool waited for workers ignoring SIGTERM"


def test_a_context_s_processes_are_the_run_s_workers():
    context = WorkerContext(multiprocessing.get_context("fork"))
    process = context.Process(target=time.sleep, args=(600,))
    process.start()
    process.terminate()
    process.join(10)
    assert process.exitcode == -signal.SIGKILL


@pytest.mark.slow
def test_a_run_whose_worker_is_killed_ends_with_one_line_and_the_next_run_gives_the_whole_warehouse(tmp_path):
    """A `trialqc run` whose batch worker is killed at its third batch: exit 1 and one line, no traceback, within
    the subprocess's time; the re-run completes, and its tables and issues equal an uninterrupted run's."""
    source = _arrange(tmp_path, "flat-a")
    victim = sorted(p.name for p in source.iterdir())[9]
    nct_id = re.search(r"NCT\d{8}", (source / victim).read_text(encoding="utf-8", errors="replace")).group()
    env = dict(os.environ, TRIALQC_REPORTS=str(tmp_path / "reports"))
    db = tmp_path / "w.duckdb"
    args = ["run", "--source", str(source), "--db", str(db), "--as-of", AS_OF.isoformat(), "--no-report",
            "--batch-size", "4", "--workers", "2"]
    killed = subprocess.run([sys.executable, "-m", "tests.worker_loss_run", nct_id, *args], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    out = killed.stdout + killed.stderr
    assert killed.returncode == 1, out
    assert "a worker process of the run ended abruptly, killed by SIGKILL" in out and "Traceback" not in out, out
    trialqc = Path(sys.executable).parent / "trialqc"
    again = subprocess.run([str(trialqc), *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    plain = tmp_path / "plain.duckdb"
    whole = subprocess.run([str(trialqc), *args[:3], "--db", str(plain), *args[5:]], env=env, cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert whole.returncode == 0, whole.stdout + whole.stderr
    hashes = []
    for path in (db, plain):
        con = connect(path)
        hashes.append(table_hashes(con))
        con.close()
    assert hashes[0] == hashes[1]
    con = connect(db)
    try:
        statuses = [row[0] for row in con.execute("SELECT status FROM meta.load_runs ORDER BY started_at").fetchall()]
        assert statuses == ["failed", "completed"], statuses
        assert con.execute("SELECT count(*) FROM meta.unchecked_studies").fetchone()[0] == 0
    finally:
        con.close()
