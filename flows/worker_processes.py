"""Where the run's worker processes start: forked from the run's process while it is small, else from a fork
server.

A worker forked from the run's process starts with everything it holds by then (DuckDB's cache, blocks of
unchanged files read ahead), and keeps every page of it the run changes afterwards. At 600,000 studies,
in the run after 1% of them changed, the two batch workers and the two text-rule workers forked so held 990 MiB
between them (proportional share), and the run 2,376 MiB. Once the run's process holds more than FORK_MAX_BYTES,
workers start instead from multiprocessing's fork server, a process that has only imported what they use
(flows/worker_preload.py): they start as small at any size of warehouse. The server takes about 1.3 s of one
core to start, where a fork is immediate: a run whose only batch to parse is its last (a small change, a small
folder) forks its workers whatever its process holds, as they end before it changes much (a run after 1% of
20,000 studies changed, in a process holding 540 MiB, took 3.1 s with the server and 1.9 s forking). It is
stopped with `stop_server` once the run has no more workers to start.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.context
import multiprocessing.pool
import signal
import threading
import time
from typing import Callable

# What the fork server imports once, for every worker to inherit. "__main__" (the program that runs, such as the
# `trialqc` script) first: each worker would otherwise import it again, as multiprocessing does for a new process.
PRELOAD = ["__main__", "flows.worker_preload"]
# Resident memory of the run's process above which its workers start from the fork server.
FORK_MAX_BYTES = 256 * 2**20


def resident_bytes() -> int | None:
    """This process's resident memory now, or None where /proc does not tell."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * _page_size()
    except (OSError, ValueError, IndexError):
        return None


def _page_size() -> int:
    import os

    return os.sysconf("SC_PAGE_SIZE")


def small_to_fork() -> bool:
    """Whether this process holds little enough for a child forked from it to start small (FORK_MAX_BYTES)."""
    held = resident_bytes()
    return held is not None and held <= FORK_MAX_BYTES


def worker_context(brief: bool = False) -> multiprocessing.context.BaseContext:
    """The context a pool of the run's workers is made in: fork while this process holds little, or when the
    workers are `brief` (the run's only batch to parse: they end before the run's process changes much of what
    they share with it), with what they use imported here first for them to inherit; else the fork server
    where the platform has one."""
    if not brief and "forkserver" in multiprocessing.get_all_start_methods() and not small_to_fork():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    # What flows/worker_preload.py imports but the rules: a worker forked here that evaluates rules is forked once
    # they are imported (checks.rule_workers.CheckWorkers). This process imports them while it waits for its workers,
    # as the batch workers parse (0.25 s of one core, which the workers' start no longer waits for).
    from flows import batch_workers, validate  # noqa: F401

    while_waiting(_import_rules)
    return multiprocessing.get_context("fork")


def _import_rules() -> None:
    import checks

    checks.all_rules()


# What the run's process is to do before long and does as it first waits for its workers' results (`_Watched.get`).
_WHILE_WAITING: list[Callable[[], object]] = []


def while_waiting(work: Callable[[], object]) -> None:
    """Do `work` as this process first waits for a result of its workers (in the thread that waits, which forks
    no worker meanwhile), or never (what it prepares is then made when first needed)."""
    if work not in _WHILE_WAITING:
        _WHILE_WAITING.append(work)


def _waiting_work() -> None:
    """The work left for a wait (`while_waiting`), done now in the main thread (an import in another thread could
    hold an import lock as the main thread forks a worker)."""
    if threading.current_thread() is not threading.main_thread():
        return
    while _WHILE_WAITING:
        _WHILE_WAITING.pop(0)()


def stop_server() -> None:
    """Stop the fork server, if it runs (it holds the workers' imports): a later pool starts it again."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)  # not public: without it, it ends with the process
    if stop is not None:
        stop()


# How often a wait for a worker's result looks whether a worker was lost (a result that comes ends it at once).
WATCH_SECONDS = 0.5


class WorkerPool(multiprocessing.pool.Pool):
    """A pool of the run's workers, which ignore SIGTERM (flows.parse_batch.ignore_interrupts): a stop sent to the
    run's whole process group (systemd's, `kill -TERM -- -PGID`) is the run's process's to handle, as Ctrl-C is.
    A worker it had killed while waiting for work took its pool's queue lock with it, or was started again by the
    pool beside the run's ending of it, and the run waited for ever. A worker forked here starts with both signals
    blocked, until it ignores them: a stop that comes as it starts waits for it. Ending the pool (`terminate`), the
    run's process kills (SIGKILL) the workers still at work, once the idle ones have left.

    A worker that ends abruptly (the out-of-memory killer's SIGKILL) takes its task with it, and
    multiprocessing's pool starts another worker and waits for that task's result for ever: a wait on this pool's
    results (`apply_async`, `starmap_async`, `map`) raises flows.errors.WorkerLost instead."""

    def __init__(self, *args, **kwargs) -> None:
        self._started: list = []  # every worker this pool started, whose exit codes tell a loss
        self._ending = False  # terminate() kills the workers: those are not losses
        super().__init__(*args, **kwargs)

    def Process(self, ctx, *args, **kwds):  # noqa: N802 - multiprocessing.pool.Pool's name
        process = _worker_process(ctx.Process)(*args, **kwds)
        # the pool starts one in place of each that ended: those that ended well are let go, not those lost
        self._started = [p for p in self._started if p.exitcode != 0] + [process]
        return process

    def lost(self) -> int | None:
        """The exit code of a worker that ended abruptly (by a signal, or an error exit), else None. Workers end
        with 0 when the pool is closed; those `terminate` kills are not looked at."""
        if self._ending:
            return None
        for process in list(self._started):
            code = process.exitcode
            if code:
                return code
        return None

    def terminate(self) -> None:
        if self.lost() is not None:
            self._unlock_after_loss()
        self._ending = True
        super().terminate()

    def join(self) -> None:
        """Wait for the workers to end; once one was lost, the others are killed: each waits for the lock of the
        queue its last task comes from, which the lost one may have held (every result wanted was had before)."""
        if self.lost() is not None:
            self._unlock_after_loss()
        super().join()

    def _unlock_after_loss(self, wait: float = 5.0) -> None:
        """A worker lost while it waited for a task died holding the lock of the queue tasks come from (a worker
        holds it while it waits), or while it sent a result, the other queue's: `terminate` takes the first to
        drain the queue, the second to wake the result thread, and waited for ever. Every worker is killed, with
        none started in their place, and a lock one of them held is released."""
        self._worker_handler._state = multiprocessing.pool.TERMINATE  # it starts no worker in place of those lost
        self._change_notifier.put(None)
        self._worker_handler.join(wait)
        for process in list(self._pool):
            if process.exitcode is None:
                process.kill()
            process.join(wait)
        for lock in (self._inqueue._rlock, getattr(self._outqueue, "_wlock", None)):
            if lock is None:
                continue
            if not lock.acquire(False):  # held by a worker that is gone (a process lock is released by any process)
                lock.release()
            else:
                lock.release()

    def apply_async(self, *args, **kwargs):
        return _Watched(self, super().apply_async(*args, **kwargs))

    def starmap_async(self, func, iterable, chunksize=None, **kwargs):
        iterable = list(iterable)
        return _Watched(self, super().starmap_async(func, iterable, self._chunksize(iterable, chunksize), **kwargs))

    def map(self, func, iterable, chunksize=None):
        iterable = list(iterable)
        return _Watched(self, super().map_async(func, iterable, self._chunksize(iterable, chunksize))).get()

    def _chunksize(self, tasks: list, chunksize: int | None) -> int:
        """The tasks sent to a worker at a time, as multiprocessing's pool chooses them, but from the number of
        workers the pool keeps rather than those alive: while it replaces a lost worker it may have none, and
        dividing by none raised ZeroDivisionError instead of the loss."""
        if chunksize is not None:
            return chunksize
        per, extra = divmod(len(tasks), self._processes * 4)
        return per + 1 if extra else per


class _Watched:
    """A pool's pending result whose `get` raises WorkerLost once a worker of the pool ended abruptly."""

    def __init__(self, pool: WorkerPool, result: multiprocessing.pool.AsyncResult) -> None:
        self.pool, self.result = pool, result

    def ready(self) -> bool:
        return self.result.ready()

    def wait(self, timeout: float | None = None) -> None:
        self.result.wait(timeout)

    def get(self, timeout: float | None = None):
        from flows.errors import WorkerLost

        deadline = None if timeout is None else time.monotonic() + timeout
        if timeout is None and not self.result.ready():
            _waiting_work()
        while not self.result.ready():
            if deadline is not None and time.monotonic() >= deadline:
                break  # AsyncResult.get raises its TimeoutError
            self.result.wait(WATCH_SECONDS if deadline is None else min(WATCH_SECONDS, deadline - time.monotonic()))
            lost = self.pool.lost()
            if lost is not None and not self.result.ready():
                raise WorkerLost(lost)
        return self.result.get(0)


class WorkerContext:
    """`context` (a multiprocessing context) whose processes are the run's workers' (`_Worker`): for
    concurrent.futures' ProcessPoolExecutor, which ends a broken pool's workers with terminate(), that is SIGTERM,
    which they ignore; it then waited for them for ever."""

    def __init__(self, context: multiprocessing.context.BaseContext) -> None:
        self._context = context

    def __getattr__(self, name: str):
        return getattr(self._context, name)

    def Process(self, *args, **kwargs):  # noqa: N802 - a context's name
        return _worker_process(self._context.Process)(*args, **kwargs)


STOPS = {signal.SIGINT, signal.SIGTERM}


class _Worker:
    """A worker process started with the stops blocked (the child inherits the mask) and killed by terminate(),
    also by multiprocessing's at exit: it ended the daemon workers of a pool a stop had cut short as it was made
    (which nothing else ends) with SIGTERM, which they ignore, and waited for them for ever."""

    def start(self):
        from flows.stops import stops_held

        # blocked for the child; held in this process: a stop taken by another thread still runs the handler here
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
        try:
            with stops_held():
                super().start()
                self._popen.terminate = self._popen.kill  # what multiprocessing's exit function calls
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    def terminate(self):
        self.kill()


# Named at module level: the fork server is sent the process object, pickled with its class.
class WorkerSpawnProcess(_Worker, multiprocessing.context.SpawnProcess):
    pass


_WORKER_PROCESSES: dict[type, type] = {multiprocessing.context.SpawnProcess: WorkerSpawnProcess}
if hasattr(multiprocessing.context, "ForkProcess"):  # POSIX: fork and the fork server
    class WorkerForkProcess(_Worker, multiprocessing.context.ForkProcess):
        pass

    class WorkerForkServerProcess(_Worker, multiprocessing.context.ForkServerProcess):
        pass

    _WORKER_PROCESSES.update({multiprocessing.context.ForkProcess: WorkerForkProcess,
                              multiprocessing.context.ForkServerProcess: WorkerForkServerProcess})


def _worker_process(process: type) -> type:
    """`process`'s class as a worker's (`_Worker`); a context's own class when it has none."""
    return _WORKER_PROCESSES.get(process, process)
