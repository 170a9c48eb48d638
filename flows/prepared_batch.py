"""A batch prepared to load, and the way its Arrow tables come back from the worker that made it: a file in memory
(tmpfs) that the loading process maps instead of reading them pickled through a pipe."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field

import pyarrow as pa

from flows.memory_files import MEMORY, sweep
from warehouse import load


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
