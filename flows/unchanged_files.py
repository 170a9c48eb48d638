"""Files recorded unchanged by an earlier run (same path, size and mtime): looked up many at a time and
carried as blocks of columns, never one object per file, since a re-run meets mostly these."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator

import numpy as np
import pyarrow as pa

# Unchanged files per UnchangedFiles block at most: the granularity at which they fill batches.
UNCHANGED_BLOCK = 1024

# Candidate inputs (path, size, mtime) -> a table (row, path, sha256) of those recorded unchanged,
# `row` indexing the candidates, in ascending order.
UnchangedLookup = Callable[[pa.Table], pa.Table]


def not_recorded() -> pa.Table:
    """The answer of a lookup that found nothing. (Built when asked: making a table from Python values makes
    pyarrow import pandas, which importing this module need not.)"""
    return pa.table({"row": pa.array([], pa.int64()), "path": pa.array([], pa.string()),
                     "sha256": pa.array([], pa.string())})


@dataclass(frozen=True)
class UnchangedFiles:
    """Consecutive inputs recorded by an earlier run with their path, size and mtime: not read again."""

    files: pa.Table  # path, sha256 (the hash recorded then)

    def __len__(self) -> int:
        return self.files.num_rows


def utc_timestamps(timestamps: list[float]) -> pa.Array:
    """Many st_mtime values as UTC timestamps at once, each exactly what datetime.fromtimestamp gives
    (to the microsecond, half to even)."""
    fraction, whole = np.modf(np.asarray(timestamps, dtype=np.float64))
    micros = whole.astype(np.int64) * 1_000_000 + np.round(fraction * 1e6).astype(np.int64)
    return pa.array(micros, pa.timestamp("us"))


def candidates(paths: list[str], sizes: list[int], mtimes: pa.Array | list[datetime | None]) -> pa.Table:
    """The table an UnchangedLookup takes."""
    return pa.table({"path": pa.array(paths, pa.string()), "size": pa.array(sizes, pa.int64()),
                     "mtime": mtimes if isinstance(mtimes, pa.Array) else pa.array(mtimes, pa.timestamp("us"))})


def blocks(found: pa.Table, start: int, end: int) -> Iterator[UnchangedFiles]:
    """Rows start..end of a lookup's answer as UnchangedFiles of at most UNCHANGED_BLOCK files.

    Each block owns a copy of its rows: a slice would keep, and pickle to a worker process, the buffers of
    the whole answer (every block of a 20,000-file re-run carried all 20,000 paths)."""
    columns = found.select(["path", "sha256"])
    for offset in range(start, end, UNCHANGED_BLOCK):
        rows = np.arange(offset, min(offset + UNCHANGED_BLOCK, end))
        yield UnchangedFiles(columns.take(pa.array(rows)))


def block_of(known: list[tuple[str, str]]) -> Iterator[UnchangedFiles]:
    """(path, sha256) pairs gathered so far as one block; the list is emptied."""
    if known:
        paths, shas = zip(*known)
        known.clear()
        yield UnchangedFiles(pa.table({"path": pa.array(paths, pa.string()), "sha256": pa.array(shas, pa.string())}))
