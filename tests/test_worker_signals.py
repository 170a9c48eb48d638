"""A stop sent to the run's whole process group (a terminal's Ctrl-C, systemd's SIGTERM to every process) reaches
the workers too. A worker killed while waiting for work took its pool's queue lock with it, or was started again by
its pool while the run ended it, and the run waited for ever: workers leave the stop to the run, whose ending of
their pool kills those still at work."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from checks.rule_workers import CheckWorkers
from flows.batch_workers import _BatchPool, _start_worker
from flows.worker_processes import worker_context


def _check_pool():
    workers = CheckWorkers(2)
    return workers.pool, lambda: workers.close(ended=True)


def _batch_pool():
    pool = _BatchPool(2, initializer=_start_worker, initargs=(None, None), context=worker_context())
    return pool, pool.terminate


def _ended_within(end, seconds: float) -> bool:
    ended = threading.Event()
    threading.Thread(target=lambda: (end(), ended.set()), daemon=True).start()
    return ended.wait(seconds)


@pytest.mark.parametrize("make", [_check_pool, _batch_pool], ids=["text-rule workers", "batch workers"])
@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_workers_sent_the_runs_stop_leave_it_to_the_run_and_their_pool_ends(make, sent):
    pool, end = make()
    workers = list(pool._pool)
    pool.apply(os.getpid)
    time.sleep(1.5)  # every worker started (a stop that reaches one as it starts ends it: the next test) and idle
    for process in workers:
        os.kill(process.pid, sent)
    time.sleep(0.3)
    assert all(process.is_alive() for process in workers)
    assert _ended_within(end, 30), "the run's process waits for a lock a dead worker held"


def test_ending_a_pool_kills_a_worker_still_at_work():
    pool, end = _batch_pool()
    pool.apply_async(time.sleep, (600,))
    time.sleep(0.5)
    started = time.perf_counter()
    assert _ended_within(end, 30)
    assert time.perf_counter() - started < 10


def test_a_worker_starts_with_the_stops_blocked_until_it_ignores_them():
    pool, end = _batch_pool()
    try:
        masks = pool.map(_blocked_and_ignored, range(2), chunksize=1)
        assert all(blocked == set() and ignored for blocked, ignored in masks)
        assert signal.pthread_sigmask(signal.SIG_BLOCK, set()) == set()  # the run's own mask as it was
    finally:
        end()


def _blocked_and_ignored(_):
    return (signal.pthread_sigmask(signal.SIG_BLOCK, set()) & {signal.SIGINT, signal.SIGTERM},
            signal.getsignal(signal.SIGTERM) == signal.SIG_IGN)


def test_a_worker_ends_when_the_process_that_started_it_is_killed(tmp_path):
    import subprocess
    import sys

    code = ("import os, sys, time\nfrom flows.batch_workers import _BatchPool, _start_worker\n"
            "from flows.worker_processes import worker_context\n"
            "pool = _BatchPool(1, initializer=_start_worker, initargs=(None, None), context=worker_context())\n"
            "print(pool.apply(os.getpid), flush=True)\ntime.sleep(600)\n")
    run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    worker = int(run.stdout.readline())
    run.kill()
    run.wait()
    for _ in range(100):
        if not os.path.exists(f"/proc/{worker}") or "Z" in open(f"/proc/{worker}/stat").read().split()[2]:
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived the process that started it")
