"""The lookup of unchanged files as it was made over pyarrow tables (registered with DuckDB, sorted and cut
by pyarrow): the reference the run's lookup over plain columns (warehouse.runs.unchanged_files,
flows.unchanged_files) must agree with. Tests only: the run has one path."""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_RECORDED = """FROM _stat_in s JOIN meta.source_files f
               ON f.path = s.path AND f.size = s.size AND f.mtime = s.mtime"""


def unchanged_files(con, files: pa.Table) -> pa.Table:
    """(row, path, sha256) of the files (path, size, mtime as timestamps) recorded with the same path, size and
    mtime, `row` indexing `files`, ascending; a path recorded with two contents: the greater sha256."""
    con.register("_stat_in", files.append_column("row", pa.array(np.arange(files.num_rows, dtype=np.int64))))
    try:
        found = con.execute(f"SELECT s.row, f.sha256 {_RECORDED}").to_arrow_table()
        found = found.take(pc.sort_indices(found.column("row")))
        rows = found.column("row")
        if len(rows) > 1 and pc.any(pc.equal(rows[1:], rows[:-1])).as_py():
            found = con.execute(f"SELECT s.row, max(f.sha256) AS sha256 {_RECORDED} GROUP BY s.row "
                                "ORDER BY s.row").to_arrow_table()
    finally:
        con.unregister("_stat_in")
    return pa.table({"row": found.column("row"), "path": files.column("path").take(found.column("row")),
                     "sha256": found.column("sha256")})


def blocks(found: pa.Table, start: int, end: int, size: int) -> list[pa.Table]:
    """Rows start..end of a lookup's answer, (path, sha256), cut into tables of at most `size` rows."""
    columns = found.select(["path", "sha256"])
    return [columns.take(pa.array(np.arange(offset, min(offset + size, end)))) for offset in range(start, end, size)]


def utc_timestamps(timestamps: list[float]) -> pa.Array:
    """Many st_mtime values as UTC timestamps at once, each what datetime.fromtimestamp gives (to the
    microsecond, half to even)."""
    fraction, whole = np.modf(np.asarray(timestamps, dtype=np.float64))
    micros = whole.astype(np.int64) * 1_000_000 + np.round(fraction * 1e6).astype(np.int64)
    return pa.array(micros, pa.timestamp("us"))
