"""Worker processes that make batches ready to load: parse, validate and assemble, off the run's process.

The run's process reads files and loads batches in order; each worker takes a whole batch at a time,
so both cores work while a batch loads. Workers only turn bytes into tables: they never touch DuckDB.

Here are the pools, what each worker keeps, and the batches in flight (`BatchesAhead`). The stages a batch goes
through in one process are in flows/batch_stages.py, the prepared batch and the file in memory its tables come
back through in flows/prepared_batch.py, and a batch cut into parts for several workers and merged back in
flows/batch_parts.py.
"""
from __future__ import annotations

import os
import shutil
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterator

import numpy as np

from flows import parse_batch, unchanged_files
from flows.batch_parts import merged, repeats_across, spread, to_read
from flows.batch_stages import prepare_batch, prepare_read
from flows.inputs import FileEntry, Input, Item, UnchangedFiles, read_items
from flows.prepared_batch import Prepared, memory_folder, share_tables, unshared
from flows.worker_processes import WorkerContext, WorkerPool, stop_server, worker_context


@contextmanager
def parse_pool(workers: int | None) -> Iterator[Executor | None]:
    """Worker processes for parsing (None or 1: parse in this process)."""
    workers = os.cpu_count() if workers is None else workers
    if not workers or workers < 2:
        yield None
        return
    # forked, or from the fork server, with the parsers loaded (flows/worker_processes.py)
    pool = ProcessPoolExecutor(workers, mp_context=WorkerContext(worker_context()),
                               initializer=parse_batch.ignore_interrupts)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        stop_server()


class Parsed:
    """A batch parsed (or prepared) at once, with no worker processes: `result()` as a future's."""

    def __init__(self, batch) -> None:
        self.batch = batch

    def result(self):
        """The parsed or prepared batch."""
        return self.batch


# In a worker: the sorted prefixes of recorded hashes, received once when it starts instead of pickled with
# every batch. (None in the run's process.)
_recorded_here: np.ndarray | None = None


# The folder in memory where workers leave the tables of the batches they prepare, made when the pool starts
# and known to the run's process and to each worker; None (no tmpfs): the tables travel pickled with their batch.
_shared_here: str | None = None


def _start_worker(recorded: np.ndarray | None, shared: str | None) -> None:
    """A batch worker's start: what it keeps for every batch, and signals left to the run's process."""
    global _recorded_here, _shared_here
    _recorded_here, _shared_here = recorded, shared
    parse_batch.ignore_interrupts()


def prepare_in_worker(run_id: str, items: list[Item], known: set[str]) -> Prepared:
    """`prepare_read` in a worker, with the recorded prefixes it received; its tables shared."""
    prepared = prepare_read(run_id, items, known, _recorded_here)
    return share_tables(prepared, _shared_here) if _shared_here is not None else prepared


class _Pending:
    """A worker's batch in flight: `result()` waits for it, as a future's."""

    def __init__(self, async_result) -> None:
        self.async_result = async_result

    def ready(self) -> bool:
        """Whether the batch is prepared."""
        return self.async_result.ready()

    def result(self) -> Prepared:
        """The prepared batch (a worker's exception is raised here), its tables in place."""
        return unshared(self.async_result.get())


class _Spread:
    """A batch whose parts are prepared by several workers at once: `result()` gives it whole, as a future's.

    Should a file of one part be a copy of a file of another (which only the whole batch would mark known),
    the batch is prepared again, whole, in one worker."""

    def __init__(self, pool, run_id: str, items: list[Item], known: set[str], parts: list[list[Item]],
                 whole: Callable[[list[Item], set[str]], Prepared]) -> None:
        self.items, self.known, self.whole = items, known, whole
        self.parts = [pool.apply_async(prepare_in_worker, (run_id, part, known)) for part in parts]

    def ready(self) -> bool:
        """Whether every part is prepared."""
        return all(part.ready() for part in self.parts)

    def result(self) -> Prepared:
        """The prepared batch (a worker's exception is raised here), its tables in place."""
        parts = [unshared(part.get()) for part in self.parts]
        if repeats_across(parts):
            return self.whole(self.items, self.known)
        return merged(parts)


@contextmanager
def prepare_ahead(run_id: str, workers: int, recorded: Callable[[], np.ndarray] | None = None,
                  size: int | None = None) -> Iterator["BatchesAhead"]:
    """Whole batches prepared in worker processes (one per core), each worker a batch, while this process
    loads (`BatchesAhead`; `size`: the run's batch size). On any error or interrupt the workers are ended at
    once: a batch in flight is never half loaded, only discarded, and its files are read again by the next run.
    """
    ahead = BatchesAhead(run_id, workers, recorded, size)
    try:
        yield ahead
        if ahead.pool is not None:
            ahead.pool.close()
    except BaseException:
        if ahead.pool is not None:
            ahead.pool.terminate()
        raise
    finally:
        if ahead.pool is not None:
            ahead.pool.join()
        global _shared_here
        if _shared_here is not None:  # files of batches never loaded (an error, an interrupt)
            shutil.rmtree(_shared_here, ignore_errors=True)
        _shared_here = None


class _BatchPool(WorkerPool):
    """A process pool whose worker-keeping thread wakes for workers and pool changes only.

    multiprocessing.Pool's also wakes while a result waits in its pipe, and spins until the result thread
    has read it all: with a prepared batch (~35 MB) that cost the run's process seconds of CPU per run.
    Every change it acts on (close, terminate, all results in) is also announced on its notifier.
    """

    def _get_sentinels(self):
        return [self._change_notifier._reader]


class BatchesAhead:
    """`start(items, known)` for parsed_batches: a batch prepared in a worker, or at once when there are no
    workers or nothing to parse (a batch of files recorded unchanged is only bookkeeping, so a run with nothing
    new starts no worker); `settle` makes sure, before loading, that it was prepared knowing what is known.

    A batch of fewer files to read than the batch `size`, sent while no worker is busy, is prepared in parts,
    one per worker (`spread`): after a small change the few changed files, scattered among unchanged ones,
    fall into one such batch, which one worker would parse while the others idle. A full batch is never cut:
    the batches after it keep the other workers busy."""

    def __init__(self, run_id: str, workers: int, recorded: Callable[[], np.ndarray] | None,
                 size: int | None = None) -> None:
        self.run_id, self.workers, self.recorded, self.size = run_id, workers, recorded, size
        self.pool = None
        self.closed = False  # the last batch sent: no more work for the workers
        self.busy: list = []  # the batches sent to the workers, until they are prepared

    def start(self, items: list[Item], known: set[str]):
        """The batch's preparation under way; `result()` gives the Prepared batch, without the files recorded
        unchanged: they stay here, and `settle` adds them."""
        last, items = getattr(items, "last", False), _to_prepare(items)
        if self.workers < 2 or not _to_parse(items, known):
            return Parsed(prepare_batch(self.run_id, read_items(items), known))
        if self.pool is None:
            global _recorded_here, _shared_here
            _shared_here = memory_folder()
            # Forked from this process while it is small, else from the fork server (flows/worker_processes.py):
            # either way each worker starts with the parsers, the models and pandera loaded, and receives the
            # recorded prefixes and the folder of shared tables once.
            self.pool = _BatchPool(self.workers, initializer=_start_worker, context=worker_context(brief=last),
                                   initargs=(self.recorded() if self.recorded is not None else None, _shared_here))
        idle = self._idle()  # also lets go of the batches prepared since: each holds its tables
        short = self.size is not None and sum(map(to_read, items)) < self.size
        parts = spread(items, self.workers) if short and idle else [items]
        if len(parts) > 1:
            started = _Spread(self.pool, self.run_id, items, known, parts, self._prepare_whole)
        else:
            started = _Pending(self.pool.apply_async(prepare_in_worker, (self.run_id, items, known)))
        self.busy.append(started)
        return started

    def no_more(self) -> None:
        """No batch follows: each worker ends once its last one is prepared. Once done, a batch leaves most of
        what it took held in its worker, the heap too fragmented to give back (a worker that prepared 2,000
        studies of API v2 JSON held 347 MiB, 309 MiB after malloc_trim, against 156 MiB before it); after a small
        change to a large warehouse, both would sit on it while this process deletes the changed studies' rows,
        where the run peaks."""
        if self.pool is not None and not self.closed:
            self.pool.close()
            self.closed = True

    def _prepare_whole(self, items: list[Item], known: set[str]) -> Prepared:
        """A batch prepared again, whole: in a worker, or here once the workers have been let go."""
        if self.closed:
            return prepare_read(self.run_id, items, known, None)
        return unshared(self.pool.apply_async(prepare_in_worker, (self.run_id, items, known)).get())

    def _idle(self) -> bool:
        """Whether no worker is preparing a batch."""
        self.busy = [started for started in self.busy if not started.ready()]
        return not self.busy

    def settle(self, items: list[Item], prepared: Prepared, known_now: Callable[[list[str]], set[str]]) -> Prepared:
        """The batch as if every batch before it had been loaded when it was parsed.

        A file read in a worker is hashed there, after batches before it were sent off: whether it repeats
        one of theirs, or one recorded, is known only now. When the batch took other files as known than
        the warehouse now holds, it is prepared again knowing them (rare: a copy of a file read in this run).
        """
        prepared = self._settled(_to_prepare(items), prepared, known_now)
        blocks = [item for item in items if isinstance(item, UnchangedFiles)]
        prepared.batch.skipped = unchanged_files.joined(blocks) if blocks else None
        return prepared

    def _settled(self, items: list[Item], prepared: Prepared, known_now: Callable[[list[str]], set[str]]) -> Prepared:
        known = known_now(prepared.shas)
        if known == prepared.known:
            return prepared
        if self.pool is not None and not self.closed:
            prepared = self.pool.apply_async(prepare_read, (self.run_id, items, known, None)).get()
            if known_now(prepared.shas) == prepared.known:
                return prepared
        # Here, read and hashed right before the lookup, the batch cannot miss a known file.
        read = read_items(items)
        return prepare_batch(self.run_id, read, known_now([i.sha256 for i in read if isinstance(i, Input)]))


def _to_prepare(items: list[Item]) -> list[Item]:
    """The items a batch's preparation needs: all but the blocks of files recorded unchanged. A batch after a
    small change holds up to 200,000 of those; the worker would only pass them back as a table."""
    return [item for item in items if not isinstance(item, UnchangedFiles)]


def _to_parse(items: list[Item], known: set[str]) -> bool:
    """Whether any of the items is still to be read, or read and not known: only those are parsed."""
    return any(type(i) is FileEntry or (isinstance(i, Input) and i.sha256 not in known) for i in items)


