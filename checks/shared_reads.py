"""The rows a chunk's text rules read, shared with the run's workers: written as they are read to a file in memory
(`ReadsFile`, `share_reads`) and mapped from it (`mapped_reads`), mapped, not copied."""
from __future__ import annotations

import os
import tempfile
from typing import Callable, NamedTuple

import pyarrow as pa

from checks.rule import CheckScope
from flows.memory_files import MEMORY, sweep


# The shared reads are written in memory (flows/memory_files.py), in files named after the run's process.
_READS_PREFIX = "trialqc-reads-"


def sweep_reads(memory: str) -> None:
    """Remove the files of shared reads left by runs whose process no longer exists (killed mid-chunk)."""
    sweep(memory, _READS_PREFIX)


class SharedReads(NamedTuple):
    """Where the shared reads of a scope wait for the workers: a file in memory holding, for each table, its
    columns read as Arrow IPC streams at (offset, length) (one stream per read of the table), and the
    column lists read of it."""

    path: str
    spans: dict[str, tuple[list[tuple[int, int]], list[tuple[str, ...]]]]


class ReadsFile:
    """The file of a scope's shared reads while they are made (`checks.study_text.READS_SINK`): each read is
    written to it as an Arrow IPC stream, one record batch at a time as DuckDB gives them, and given back
    mapped from the file. The run's process never holds a whole read in its own memory: at 100,000 studies
    it would beside the scoped copies of the tables, which DuckDB holds then (`checks.scoped_tables`).

    When the file cannot be written (no tmpfs, or it is full) it is `broken`: later reads are read into
    memory as in one process, and the workers are forked with them."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.file = pa.OSFile(path, "wb") if path is not None else None
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self.written: dict[str, set[str]] = {}
        self.broken = path is None

    @classmethod
    def create(cls) -> "ReadsFile":
        """A new file in memory named after the run's process (for `sweep_reads`), or a broken one."""
        try:
            handle, path = tempfile.mkstemp(prefix=f"{_READS_PREFIX}{os.getpid()}-", suffix=".arrow", dir=MEMORY)
            os.close(handle)
        except OSError:
            return cls(None)
        return cls(path)

    def write(self, table: str, read: Callable[[], pa.RecordBatchReader]) -> pa.Table:
        """The rows `read()` gives, written to the file and mapped back from it (read into memory when the
        file is broken: a failure of the read itself is raised by that second read)."""
        if not self.broken:
            start = self.file.tell()
            try:
                reader = read()
                with pa.ipc.new_stream(self.file, reader.schema) as writer:
                    for batch in reader:
                        writer.write_batch(batch)
                        del batch  # only the batch being written is held here
                length = self.file.tell() - start
            except (OSError, pa.ArrowException):
                self.broken = True
            else:
                self.spans.setdefault(table, []).append((start, length))
                self.written.setdefault(table, set()).update(reader.schema.names)
                return _mapped_stream(pa.memory_map(self.path).read_buffer(), start, length)
        return read().read_all()

    def discard(self) -> None:
        """Close and remove the file."""
        if self.file is not None:
            self.file.close()
            self.file = None
        if self.path is not None:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
            self.path = None


def _mapped_stream(buffer: pa.Buffer, start: int, length: int) -> pa.Table:
    return pa.ipc.open_stream(buffer.slice(start, length)).read_all()


def share_reads(scope: CheckScope, sink: ReadsFile) -> SharedReads | None:
    """The scope's shared reads (checks.study_text) in the file of `sink`, or None (the file could not be
    written: the workers are then forked with them). Columns read before the file was made (by rules run
    earlier on the scope) are written now; this process's copies of them are replaced by the file's,
    mapped: the memory they took is given back."""
    lists: dict[str, list[tuple[str, ...]]] = {}
    for key in scope.cache:
        if key[0] == "arrow":
            lists.setdefault(key[1], []).append(key[2])
    if not sink.broken:
        for table in lists:
            read = scope.cache[("arrow columns", table)]
            unwritten = [c for c in read if c not in sink.written.get(table, ())]
            if unwritten:
                sink.write(table, pa.table({c: read[c] for c in unwritten}).to_reader)
    if sink.broken:
        sink.discard()
        return None
    sink.file.close()
    sink.file = None
    shared = SharedReads(sink.path, {table: (sink.spans[table], columns) for table, columns in lists.items()})
    scope.cache.update(mapped_reads(shared))
    pa.default_memory_pool().release_unused()
    return shared


def mapped_reads(shared: SharedReads) -> dict:
    """The cache entries of the shared reads (as `checks.study_text` keeps them), mapped from their file."""
    entries: dict = {}
    if not shared.spans:
        return entries
    buffer = pa.memory_map(shared.path).read_buffer()
    for table, (streams, lists) in shared.spans.items():
        columns = {}
        for start, length in streams:
            read = _mapped_stream(buffer, start, length)
            columns.update(zip(read.column_names, read.columns))
        entries["arrow columns", table] = columns
        for listed in lists:
            entries["arrow", table, listed] = pa.table([columns["nct_id"]] + [columns[c] for c in listed],
                                                       names=["nct_id", *listed])
    return entries
