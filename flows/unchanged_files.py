"""Files recorded unchanged by an earlier run (same path, size and mtime): looked up many at a time and
carried as blocks of columns, never one object per file, since a re-run meets mostly these.

Lookups and blocks are plain Python columns (`Columns`): a run that reads no file then imports neither
pyarrow nor pandas (making a pyarrow array imports pandas). A block becomes a pyarrow table only where a
batch is prepared (`UnchangedFiles.files`). (The pyarrow lookup this replaced is kept in the tests as the
reference it must agree with: tests/unchanged_reference.py.)
"""
from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

if TYPE_CHECKING:
    import pyarrow as pa

# Unchanged files per UnchangedFiles block at most: the granularity at which they fill batches.
UNCHANGED_BLOCK = 1024
EPOCH = datetime(1970, 1, 1)


class Column(list):
    """One column's values, read as a pyarrow column is (`to_pylist`)."""

    def to_pylist(self) -> list:
        """The values as a list."""
        return list(self)


class Columns:
    """Named columns of Python values, all of one length: the part of a pyarrow.Table the lookup of unchanged
    files uses (`num_rows`, `column(name).to_pylist()`, `to_pydict()`), without pyarrow."""

    def __init__(self, columns: dict[str, Sequence]) -> None:
        self.columns = {name: Column(values) for name, values in columns.items()}
        lengths = {len(values) for values in self.columns.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")

    @property
    def num_rows(self) -> int:
        """How many rows."""
        return len(next(iter(self.columns.values()), ()))

    def column(self, name: str) -> Column:
        """A column by name."""
        return self.columns[name]

    def to_pydict(self) -> dict[str, list]:
        """Every column as a list, by name."""
        return {name: list(values) for name, values in self.columns.items()}

    def table(self) -> "pa.Table":
        """The same columns as a pyarrow table (path and sha256 as strings, row and size as int64, mtime as
        microsecond timestamps)."""
        import pyarrow as pa

        kinds = {"path": pa.string(), "sha256": pa.string(), "row": pa.int64(), "size": pa.int64()}
        arrays = {name: pa.array(values, kinds.get(name)) for name, values in self.columns.items()}
        if "mtime" in arrays:
            arrays["mtime"] = arrays["mtime"].cast(pa.int64()).cast(pa.timestamp("us"))
        return pa.table(arrays)


# Candidate inputs (path, size, mtime) -> the (row, path, sha256) of those recorded unchanged, `row`
# indexing the candidates, in ascending order (warehouse.runs.unchanged_files).
UnchangedLookup = Callable[[Columns], Columns]


def not_recorded() -> Columns:
    """The answer of a lookup that found nothing."""
    return Columns({"row": [], "path": [], "sha256": []})


class UnchangedFiles:
    """Consecutive inputs recorded by an earlier run with their path, size and mtime: not read again.

    `columns` are their (path, sha256 recorded then); `files` the same as a pyarrow table, made when asked for.
    A block is held packed, its paths as one string and its hashes as one run of 32-byte digests: about 80 bytes
    a file instead of about 220 as two lists of strings. A run after a 1% change at 600,000 studies holds the
    blocks of every file, 130 MB as lists."""

    __slots__ = ("_paths", "_hashes", "_count")

    def __init__(self, files: Columns) -> None:
        paths, hashes = files.column("path"), files.column("sha256")
        self._count = len(paths)
        self._paths = _packed_paths(paths)
        self._hashes = _packed_hashes(hashes)

    @property
    def columns(self) -> Columns:
        """path, sha256 (the hash recorded then), as Python columns made anew."""
        paths = self._paths
        if isinstance(paths, str):
            paths = paths.split(_SEPARATOR) if self._count else []
        hashes = self._hashes
        if isinstance(hashes, bytes):
            hashes = [hashes[at:at + _DIGEST].hex() for at in range(0, len(hashes), _DIGEST)]
        return Columns({"path": paths, "sha256": hashes})

    @property
    def files(self) -> "pa.Table":
        """path, sha256 (the hash recorded then) as a pyarrow table."""
        return self.columns.table()

    def __len__(self) -> int:
        return self._count

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnchangedFiles) and self.columns.to_pydict() == other.columns.to_pydict()

    __hash__ = None

    def __getstate__(self) -> tuple:
        return self._paths, self._hashes, self._count

    def __setstate__(self, state: tuple) -> None:
        self._paths, self._hashes, self._count = state


# No path holds a NUL character; a sha256 is 32 bytes, recorded as 64 lowercase hexadecimal digits.
_SEPARATOR = "\0"
_DIGEST = 32


def _packed_paths(paths: Sequence[str]) -> str | list[str]:
    """The paths as one string, or as a list should one of them hold the separator."""
    joined = _SEPARATOR.join(paths)
    return joined if joined.count(_SEPARATOR) == max(len(paths) - 1, 0) else list(paths)


def _packed_hashes(hashes: Sequence[str]) -> bytes | list[str]:
    """The hashes as one run of digests, or as a list should one not be a sha256 as hashlib writes it."""
    joined = "".join(hashes)
    if len(joined) != 2 * _DIGEST * len(hashes) or joined != joined.lower():
        return list(hashes)
    try:
        packed = bytes.fromhex(joined)  # (it skips spaces: the length below tells)
    except ValueError:
        return list(hashes)
    return packed if len(packed) == _DIGEST * len(hashes) else list(hashes)


def joined(blocks: list[UnchangedFiles]) -> Columns:
    """The (path, sha256) of several blocks as one table."""
    paths: list[str] = []
    hashes: list[str] = []
    for block in blocks:
        columns = block.columns  # unpacked once a block
        paths += columns.column("path")
        hashes += columns.column("sha256")
    return Columns({"path": paths, "sha256": hashes})


def utc_micros(timestamps: Sequence[float]) -> list[int]:
    """st_mtime values as microseconds since 1970 in UTC, each exactly what datetime.fromtimestamp gives
    (to the microsecond, half to even)."""
    micros = []
    add = micros.append
    modf = math.modf
    for timestamp in timestamps:
        fraction, whole = modf(timestamp)
        add(int(whole) * 1_000_000 + round(fraction * 1e6))
    return micros


_MICROSECOND = datetime(1970, 1, 1, 0, 0, 0, 1) - EPOCH


def _micros(value: datetime | int | None) -> int | None:
    if value is None or isinstance(value, int):
        return value
    return (value - EPOCH) // _MICROSECOND


def candidates(paths: list[str], sizes: list[int], mtimes: Sequence[int | datetime | None]) -> Columns:
    """The table an UnchangedLookup takes: mtime as microseconds since 1970 (naive UTC datetimes are
    converted, None stays: a file without one is never recorded unchanged)."""
    return Columns({"path": paths, "size": sizes, "mtime": [_micros(m) for m in mtimes]})


def blocks(found: Columns, start: int, end: int) -> Iterator[UnchangedFiles]:
    """Rows start..end of a lookup's answer as UnchangedFiles of at most UNCHANGED_BLOCK files, each with its
    own copy of its rows (a block is pickled to the worker that prepares its batch)."""
    paths, shas = found.column("path"), found.column("sha256")
    for offset in range(start, end, UNCHANGED_BLOCK):
        stop = min(offset + UNCHANGED_BLOCK, end)
        yield UnchangedFiles(Columns({"path": paths[offset:stop], "sha256": shas[offset:stop]}))


def block_of(known: list[tuple[str, str]]) -> Iterator[UnchangedFiles]:
    """(path, sha256) pairs gathered so far as one block; the list is emptied."""
    if known:
        paths, shas = zip(*known)
        known.clear()
        yield UnchangedFiles(Columns({"path": list(paths), "sha256": list(shas)}))
