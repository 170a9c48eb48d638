"""Worker processes that make batches ready to load: parse, validate and assemble, off the run's process.

The run's process reads files and loads batches in order; each worker takes a whole batch at a time,
so both cores work while a batch loads. Workers only turn bytes into tables: they never touch DuckDB.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa

from flows import assemble, parse_batch, unchanged_files
from flows.timing import timed
from flows.inputs import FileEntry, Input, Item, UnchangedFiles, read_items
from flows.memory_files import MEMORY, sweep
from flows.validated import ValidatedBatch
from flows.worker_processes import WorkerContext, WorkerPool, stop_server, worker_context
from warehouse import load


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


@dataclass
class SharedTables:
    """Where a worker left a prepared batch's Arrow tables: one file in memory (tmpfs), each table an Arrow
    IPC stream at (offset, length), keyed by (LoadBatch attribute, table name or None)."""

    path: str
    spans: dict[tuple[str, str | None], tuple[int, int]]


@dataclass
class Prepared:
    """A batch ready to load, the seconds its parse, validation and assembly took where it was made,
    the sha256 of each input read and those of them it took as known (skipped); `shared` while its
    Arrow tables wait in a file (`share_tables`) instead of travelling with it."""

    batch: load.LoadBatch
    seconds: dict[str, float]
    shas: list[str] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    shared: SharedTables | None = None


def prepare_read(run_id: str, items: list[Item], known: set[str], recorded: np.ndarray | None) -> Prepared:
    """A worker's whole unit of work: read the batch's deferred files, then `prepare_batch`; a file whose
    hash begins as one `recorded` does is taken as known too (`settle` checks that guess before loading)."""
    seconds: dict[str, float] = {}
    with timed(seconds, "read_files"):
        items = read_items(items)
        if recorded is not None and len(recorded):
            known = known | _recorded_like(items, recorded)
    prepared = prepare_batch(run_id, items, known, handed_over=True)
    prepared.seconds.update(seconds)
    return prepared


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


def _shared_tables(batch: load.LoadBatch) -> dict[tuple[str, str | None], pa.Table]:
    tables = {("frames", name): table for name, table in batch.frames.items() if isinstance(table, pa.Table)}
    tables.update({("meta_rows", name): rows for name, rows in batch.meta_rows.items() if isinstance(rows, pa.Table)})
    if isinstance(batch.rejects, pa.Table):
        tables["rejects", None] = batch.rejects
    return tables


def _put(batch: load.LoadBatch, key: tuple[str, str | None], table: pa.Table | None) -> None:
    attribute, name = key
    if name is None:
        setattr(batch, attribute, table)
    else:
        getattr(batch, attribute)[name] = table


def share_tables(prepared: Prepared, folder: str) -> Prepared:
    """The batch with its Arrow tables written to a file in `folder` (tmpfs) for the loading process to map.

    A batch's tables are tens of MB: pickled, the run's process would read them through a pipe and copy
    them twice more to unpickle them (~75 ms of its CPU per 2,000 studies); mapped, it copies nothing.
    Should the file not be written (tmpfs full), the tables travel pickled as before."""
    tables = _shared_tables(prepared.batch)
    if not tables:
        return prepared
    spans: dict[tuple[str, str | None], tuple[int, int]] = {}
    path = None
    try:
        handle, path = tempfile.mkstemp(prefix="batch-", suffix=".arrow", dir=folder)
        os.close(handle)
        with pa.OSFile(path, "wb") as sink:
            for key, table in tables.items():
                start = sink.tell()
                with pa.ipc.new_stream(sink, table.schema) as writer:
                    writer.write_table(table)
                spans[key] = (start, sink.tell() - start)
    except (OSError, pa.ArrowException):
        if path is not None:
            os.unlink(path)
        return prepared
    for key in tables:
        _put(prepared.batch, key, None)
    prepared.shared = SharedTables(path, spans)
    return prepared


def unshared(prepared: Prepared) -> Prepared:
    """The batch with its shared tables back in place, mapped from their file (removed at once: the mapping
    keeps the tables readable until they are dropped)."""
    shared = prepared.shared
    if shared is None:
        return prepared
    try:
        buffer = pa.memory_map(shared.path).read_buffer()
    finally:
        os.unlink(shared.path)
    for key, (start, length) in shared.spans.items():
        _put(prepared.batch, key, pa.ipc.open_stream(buffer.slice(start, length)).read_all())
    prepared.shared = None
    return prepared


_FOLDER_PREFIX = "trialqc-batches-"


def memory_folder() -> str | None:
    """A new folder in memory (tmpfs) for the run's shared tables, or None where there is none.

    The folder is named after this process: one left by a run that was killed (kill -9 leaves no time
    to clean up) is removed here, by the next run, once its process is gone."""
    sweep(MEMORY, _FOLDER_PREFIX)
    try:
        return tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-", dir=MEMORY)
    except OSError:
        return None


def _recorded_like(items: list[Item], recorded: np.ndarray) -> set[str]:
    """The read inputs' hashes whose first 64 bits are among `recorded` (sorted)."""
    shas = [i.sha256 for i in items if isinstance(i, Input)]
    prefixes = np.array([int(sha[:16], 16) for sha in shas], dtype=np.uint64)
    at = np.minimum(np.searchsorted(recorded, prefixes), len(recorded) - 1)
    return {sha for sha, hit in zip(shas, recorded[at] == prefixes) if hit}


def prepare_batch(run_id: str, items: list[Item], known: set[str], handed_over: bool = False) -> Prepared:
    """parse -> validate -> assemble of one batch of read items in this process. `handed_over`: the list is
    this call's to empty, so each file's bytes are freed once it is parsed (a 2,000-file batch of API v2
    JSON holds 41 MiB of them)."""
    seconds: dict[str, float] = {}
    shas = [i.sha256 for i in items if isinstance(i, Input)]
    # No cycle collection until the batch is made: each young collection while it is validated and
    # assembled would walk every parsed row still held (~8% of a worker's time on API v2 JSON). The
    # rows are freed by reference counting once the batch is made; so is nearly everything else.
    with parse_batch.rows_without_cycle_collection():
        with timed(seconds, "parse"):
            parsed = parse_batch.parse_inputs(parse_batch.handed_over(items) if handed_over else items, known)
        with timed(seconds, "validate"):
            validated = validate_records(parsed)
        with timed(seconds, "assemble"):
            # Arrow tables: the process that loads them inserts them as they come, converting nothing
            batch = load.in_arrow(assemble.assemble(run_id, parsed, validated))
        del parsed, validated  # freed now, not walked by the first collection once it is on again
    return Prepared(batch, seconds, shas, {sha for sha in shas if sha in known})


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


# A batch is prepared in parts, one per worker, only when each part has at least this many files to parse:
# a part costs a worker ~0.1 s however small (validation's fixed cost), which a few files do not repay.
SPREAD_MIN_FILES = 64


def _to_read(item: Item) -> bool:
    """Whether the item is a file to read and parse, not a block of files recorded unchanged."""
    return not isinstance(item, UnchangedFiles)


def spread(items: list[Item], parts: int, least: int | None = None) -> list[list[Item]]:
    """The batch cut into up to `parts` consecutive parts with as many files to read each, each at least
    `least` of them (blocks of unchanged files go with the files before them, leading ones with the first
    part; default SPREAD_MIN_FILES); in order, nothing left out. A batch too small to cut is its only part."""
    least = SPREAD_MIN_FILES if least is None else least
    files = sum(map(_to_read, items))
    parts = min(parts, files // max(least, 1))
    if parts < 2:
        return [items]
    share = -(-files // parts)
    cut, current, counted = [], [], 0
    for item in items:
        if _to_read(item) and counted == share:
            cut.append(current)
            current, counted = [], 0
        current.append(item)
        counted += _to_read(item)
    cut.append(current)
    return cut


def _concat(tables: list[pa.Table]) -> pa.Table:
    """Tables of the same columns as one (a column all null in one part takes the others' type)."""
    return tables[0] if len(tables) == 1 else pa.concat_tables(tables, promote_options="default")


def _concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames of the same columns as one; empty ones (their columns untyped) left out."""
    filled = [frame for frame in frames if not frame.empty]
    if not filled:
        return frames[0]
    return filled[0] if len(filled) == 1 else pd.concat(filled, ignore_index=True)


def _last_position(batch: load.LoadBatch) -> int:
    """The greatest record position a batch uses (-1: none)."""
    found = [int(batch.versions["position"].max()) if not batch.versions.empty else -1]
    found += [int(at.max()) for at in batch.positions.values() if len(at)]
    return max(found)


def merged(parts: list[Prepared]) -> Prepared:
    """One prepared batch of the parts of a batch (`spread`), as the whole batch prepared at once gives it:
    every table's rows in file order, the records of each part numbered on from those of the parts before.
    The caller makes sure no part repeats a file of another (`_repeats_across`)."""
    if len(parts) == 1:
        return parts[0]
    batches, offset = [], 0
    names, meta_names = {}, {}
    for part in parts:
        batch = part.batch
        if offset:
            batch.versions = batch.versions.assign(position=batch.versions["position"] + offset)
            batch.positions = {table: at + offset for table, at in batch.positions.items()}
        offset = max(offset, _last_position(batch) + 1)
        batches.append(batch)
        names.update(dict.fromkeys(batch.frames))
        meta_names.update(dict.fromkeys(batch.meta_rows))
    frames, positions = {}, {}
    for name in names:
        having = [b for b in batches if name in b.frames]
        frames[name] = _concat([b.frames[name] for b in having])
        if all(name in b.positions for b in having):
            positions[name] = np.concatenate([b.positions[name] for b in having])
    skipped = [b.skipped for b in batches if b.skipped is not None]
    batch = load.LoadBatch(
        batches[0].run_id, _concat_frames([b.files for b in batches]), _concat_frames([b.versions for b in batches]),
        frames, _concat([b.rejects for b in batches]),
        meta_rows={name: _concat([b.meta_rows[name] for b in batches if name in b.meta_rows]) for name in meta_names},
        skipped=_concat(skipped) if skipped else None, positions=positions)
    seconds: dict[str, float] = {}
    for part in parts:
        for stage, spent in part.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + spent
    return Prepared(batch, seconds, [sha for part in parts for sha in part.shas],
                    set().union(*(part.known for part in parts)))


def _repeats_across(parts: list[Prepared]) -> bool:
    """Whether a file of one part is a copy of one of another: prepared whole, the later one is known."""
    seen: set[str] = set()
    for part in parts:
        shas = set(part.shas)
        if shas & seen:
            return True
        seen |= shas
    return False


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
        if _repeats_across(parts):
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
        short = self.size is not None and sum(map(_to_read, items)) < self.size
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


def validate_records(parsed: parse_batch.ParsedBatch) -> ValidatedBatch:
    """Stage 'validate'; a batch with no records (all skipped or rejected) needs no schema pass, and no
    tables: a run that parses nothing (every file unchanged) never imports pandera and the models."""
    if parsed.records:
        from flows import validate  # in a worker, imported by the fork server (flows/worker_preload.py)

        return validate.validate_batch(parsed)
    return ValidatedBatch([], {})
