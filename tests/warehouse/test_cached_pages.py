"""warehouse.connect.drop_cached_pages: the pages DuckDB cached are let go before a checkpoint, the limit kept."""
from __future__ import annotations

import pytest

from warehouse.connect import connect, drop_cached_pages
from warehouse.memory_limit import memory_limit_bytes


def _held_mib(con) -> float:
    return con.execute("SELECT sum(memory_usage_bytes) / 2**20 FROM duckdb_memory()").fetchone()[0]


def _with_texts(tmp_path):
    """A connection to a warehouse holding ~130 MB of texts in its file, none of them read yet."""
    db = tmp_path / "w.duckdb"
    con = connect(db)
    con.execute("CREATE TABLE texts AS SELECT range AS i, repeat(md5(range::VARCHAR), 20) AS t FROM range(200000)")
    con.execute("CHECKPOINT")
    con.close()
    return connect(db)


def test_cached_pages_are_evicted_and_the_limit_is_as_it_was(tmp_path):
    con = _with_texts(tmp_path)
    con.execute("SET memory_limit = '500MB'")
    con.execute("SELECT sum(length(t)) FROM texts").fetchall()  # ~130 MB of pages read, kept in DuckDB's cache
    before, limit = _held_mib(con), memory_limit_bytes(con)
    assert before > 60
    drop_cached_pages(con)
    assert _held_mib(con) < before / 4
    assert memory_limit_bytes(con) == pytest.approx(limit, rel=0.001)
    assert con.execute("SELECT count(*) FROM texts").fetchone()[0] == 200000  # read again from the file
    con.close()


def test_pages_held_that_cannot_be_evicted_leave_the_cache_dropped_and_the_limit_as_it_was(tmp_path):
    """What DuckDB cannot evict (here a temp table with nowhere to spill) keeps it above the low limit: the SET
    fails, yet the cached pages are gone, and the limit shown is the one set before, not the failed one."""
    con = _with_texts(tmp_path)
    con.execute("SET temp_directory = ''")
    con.execute("SET memory_limit = '500MB'")
    con.execute("CREATE TEMP TABLE pinned AS SELECT range AS i, repeat(md5(range::VARCHAR), 10) AS t "
                "FROM range(150000)")
    pinned = _held_mib(con)
    con.execute("SELECT sum(length(t)) FROM texts").fetchall()
    limit = memory_limit_bytes(con)
    assert _held_mib(con) > pinned + 60
    drop_cached_pages(con)
    assert _held_mib(con) < pinned + 10
    assert memory_limit_bytes(con) == pytest.approx(limit, rel=0.001)
    con.close()
