"""What the run's process still holds when its check stage begins (nothing of the batches it loaded), and what
the check stage's workers start with (nothing the loading took)."""
from __future__ import annotations

import mmap
import multiprocessing
import os
import tempfile
import time
from pathlib import Path

from checks import engine, rule_workers
from flows import batch_workers, check_studies, worker_processes
from warehouse import load


def test_no_loaded_batch_is_still_mapped_when_the_checks_begin(run, samples, monkeypatch, tmp_path):
    folders, mapped, arrived = [], [], []

    def memory_folder():
        folders.append(Path(tempfile.mkdtemp(dir=tmp_path)))
        return str(folders[-1])
    monkeypatch.setattr(batch_workers, "memory_folder", memory_folder)
    real_unshared, real_check = batch_workers.unshared, check_studies.check_studies
    monkeypatch.setattr(batch_workers, "unshared", lambda p: arrived.append(p.shared is not None) or real_unshared(p))

    def check(*args, **kwargs):
        mapped.extend(line for line in Path("/proc/self/maps").read_text().splitlines() if str(folders[0]) in line)
        return real_check(*args, **kwargs)
    monkeypatch.setattr(check_studies, "check_studies", check)
    result = run(samples, batch_size=2, workers=2)
    assert result.loaded == 5 and arrived == [True] * 3  # the batches came through mapped files
    assert mapped == []


def _evaluated_in(rules, as_of, nct_ids, shared, real=rule_workers._evaluate_shared):
    """rule_workers._evaluate_shared, leaving the worker's pid in a file beside the reads' file."""
    with open(os.environ["TRIALQC_TEST_PIDS"], "a") as pids:
        pids.write(f"{os.getpid()}\n")
    return real(rules, as_of, nct_ids, shared)


def test_text_rules_run_in_workers_forked_before_the_first_batch_was_loaded(run, samples, monkeypatch, tmp_path):
    """A worker forked after the loading would start with all the run's process holds by then."""
    pids = tmp_path / "pids"
    monkeypatch.setenv("TRIALQC_TEST_PIDS", str(pids))
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)
    monkeypatch.setattr(rule_workers, "_evaluate_shared", _evaluated_in)
    monkeypatch.setattr(rule_workers, "_evaluate_part", None)  # no worker forked for the chunk
    before_loading = []
    real_load = load.load_batch

    def load_batch(*args, **kwargs):
        if not before_loading:
            before_loading.extend(p.pid for p in multiprocessing.active_children())
        return real_load(*args, **kwargs)
    monkeypatch.setattr(load, "load_batch", load_batch)
    result = run(samples, batch_size=2, workers=2)
    assert result.loaded == 5 and not result.failed_rules
    evaluated = {int(pid) for pid in pids.read_text().split()}
    assert len(evaluated) == 2 and evaluated <= set(before_loading)


def _rss_mib_and_parent(pid: int) -> dict[int, tuple[float, int]]:
    """{pid: (resident MiB, parent pid)}; nothing for a worker that has ended (one from the fork server ends after
    its batch) and not yet been reaped."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    status = dict(line.split(":", 1) for line in lines if ":" in line)
    return {pid: (int(status["VmRSS"].split()[0]) / 1024, int(status["PPid"]))} if "VmRSS" in status else {}


def test_every_worker_starts_small_whatever_the_run_s_process_holds(run, samples, monkeypatch):
    """Batch and text-rule workers start from the fork server: none begins with what this process holds (a
    forked one would begin with all of it, and keep every page of it this process changes afterwards)."""
    ballast = b"\x01" * (256 * 2**20)  # written, so resident: 256 MiB any process forked from here would hold
    monkeypatch.setattr(worker_processes, "FORK_MAX_BYTES", 128 * 2**20)  # as a run's process over 256 MiB
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)  # the text-rule workers start with the loading too
    seen: dict[int, tuple[float, int]] = {}
    real_load, real_start = load.load_batch, batch_workers.BatchesAhead.start

    def look():
        for child in multiprocessing.active_children():
            seen.update(_rss_mib_and_parent(child.pid))

    def start(*args, **kwargs):  # the batch workers, while they are sure to be there (they end after the last)
        started = real_start(*args, **kwargs)
        look()
        return started

    def load_batch(*args, **kwargs):  # the text-rule workers, started with the loading
        look()
        return real_load(*args, **kwargs)
    monkeypatch.setattr(batch_workers.BatchesAhead, "start", start)
    monkeypatch.setattr(load, "load_batch", load_batch)
    result = run(samples, batch_size=2, workers=2)
    assert result.loaded == 5 and not result.failed_rules and len(ballast) == 256 * 2**20
    assert len(seen) >= 4  # two batch workers, two text-rule workers
    assert all(parent != os.getpid() for _, parent in seen.values())
    assert max(rss for rss, _ in seen.values()) < 256
    assert _server_pid() is None  # stopped when the run's checks ended


def _server_pid():
    from multiprocessing import forkserver

    return forkserver._forkserver._forkserver_pid


def test_the_prefect_flow_s_parse_workers_stop_the_fork_server_they_started(monkeypatch):
    monkeypatch.setattr(worker_processes, "FORK_MAX_BYTES", 0)  # as a large process
    with batch_workers.parse_pool(2) as pool:
        assert pool.submit(os.getpid).result() != os.getpid()
        assert _server_pid() is not None
    assert _server_pid() is None


def test_a_small_process_or_a_run_of_one_batch_forks_its_workers_and_a_large_one_uses_the_fork_server(monkeypatch):
    monkeypatch.undo()  # the threshold as it is (tests/conftest.py raises it)
    monkeypatch.setattr(worker_processes, "resident_bytes", lambda: 100 * 2**20)
    assert worker_processes.worker_context().get_start_method() == "fork"
    monkeypatch.setattr(worker_processes, "resident_bytes", lambda: worker_processes.FORK_MAX_BYTES + 1)
    assert worker_processes.worker_context().get_start_method() == "forkserver"
    assert worker_processes.worker_context(brief=True).get_start_method() == "fork"  # the run's only batch


def test_the_resident_memory_is_this_process_s():
    # Pages mapped afresh and touched: a bytes object of that size may reuse heap pages the process already holds
    # resident (after a test worker's earlier runs), so that RSS does not move.
    size = 64 * 2**20
    with mmap.mmap(-1, size) as ballast:
        before = worker_processes.resident_bytes()
        for offset in range(0, size, mmap.PAGESIZE):
            ballast[offset] = 1
        assert worker_processes.resident_bytes() - before >= 60 * 2**20


def _pools(monkeypatch) -> list:
    """Every batch-worker pool the run makes."""
    made: list = []

    class Noted(batch_workers._BatchPool):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)
    monkeypatch.setattr(batch_workers, "_BatchPool", Noted)
    return made


def _workers_end_while_loading(monkeypatch, pools: list) -> list[bool]:
    """At each batch's load: whether every batch worker ends within 10 s, before the run's loading is over."""
    ended: list[bool] = []
    real_load = load.load_batch

    def load_batch(*args, **kwargs):
        workers = [worker for pool in pools for worker in pool._pool]
        deadline = time.monotonic() + (10 if len(ended) == 4 else 0)  # waited for at the last batch only
        while any(worker.is_alive() for worker in workers) and time.monotonic() < deadline:
            time.sleep(0.02)
        ended.append(not any(worker.is_alive() for worker in workers))
        return real_load(*args, **kwargs)
    monkeypatch.setattr(load, "load_batch", load_batch)
    return ended


def test_once_the_last_batch_is_sent_the_workers_end_as_they_finish(run, samples, monkeypatch):
    """A batch leaves its worker's heap holding most of what it took: workers with no batch left to prepare end
    while the run's process loads the last batches, where a run after a small change peaks."""
    pools = _pools(monkeypatch)
    ended = _workers_end_while_loading(monkeypatch, pools)
    assert run(samples, batch_size=1, workers=2).loaded == 5  # five batches
    assert len(pools) == 1 and ended[-1] and not ended[0]
