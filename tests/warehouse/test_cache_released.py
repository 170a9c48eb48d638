"""A process forked while DuckDB's cache is released does not inherit the cache; the run's limit comes back."""
from __future__ import annotations

import pytest

from warehouse import connect as connect_module
from warehouse.connect import cache_released, connect


def _limit(con) -> str:
    return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]


def _held(con) -> float:
    """What DuckDB holds in memory, MiB."""
    return con.execute("SELECT sum(memory_usage_bytes) / 2 ** 20 FROM duckdb_memory()").fetchone()[0]


@pytest.fixture
def cached(tmp_path):
    """A warehouse connection whose cache holds a table of ~30 MB (read after a checkpoint)."""
    con = connect(tmp_path / "c.duckdb")
    con.execute("CREATE TABLE wide AS SELECT i, md5(i::VARCHAR) || md5((i + 1)::VARCHAR) AS text FROM range(400000) t(i)")
    con.execute("CHECKPOINT")
    con.execute("SELECT count(DISTINCT text) FROM wide").fetchall()
    assert _held(con) > 24
    yield con
    con.close()


def test_a_limit_in_bytes_is_set_as_shown():
    assert connect_module._as_shown("1000 bytes") == "1000 bytes"


def test_the_cache_is_given_back_in_the_block_and_the_limit_restored_after(cached):
    before = _limit(cached)
    with cache_released(cached):
        assert _limit(cached) == "15.2 MiB"  # RELEASED_MEMORY, as DuckDB shows it
        assert _held(cached) <= 16
        assert cached.execute("SELECT count(*) FROM wide").fetchone()[0] == 400000  # still readable
    assert _limit(cached) == before == "488.2 MiB"


def test_releasing_again_and_again_does_not_wear_the_limit_down(cached):
    for _ in range(5):
        with cache_released(cached):
            pass
    assert _limit(cached) == "488.2 MiB"


def test_an_error_in_the_block_restores_the_limit_and_is_the_one_raised(cached):
    with pytest.raises(ZeroDivisionError):
        with cache_released(cached):
            1 / 0
    assert _limit(cached) == "488.2 MiB"


def test_memory_duckdb_cannot_evict_stays_and_the_cache_goes_all_the_same(cached):
    cached.execute("SET temp_directory = ''")  # a temp table cannot spill: its ~30 MB stay in memory
    cached.execute("CREATE TEMP TABLE pinned AS SELECT i, md5(i::VARCHAR) || md5((i + 1)::VARCHAR) AS text "
                   "FROM range(400000) t(i)")
    tags = "SELECT tag FROM duckdb_memory() WHERE memory_usage_bytes > 2 ** 20 ORDER BY 1"
    assert cached.execute(tags).fetchall() == [("BASE_TABLE",), ("IN_MEMORY_TABLE",)]
    with cache_released(cached):
        assert cached.execute(tags).fetchall() == [("IN_MEMORY_TABLE",)]
        assert _held(cached) <= float(_limit(cached).split()[0]) < _held(cached) + 16
        assert cached.execute("SELECT count(*) FROM pinned").fetchone()[0] == 400000
    assert _limit(cached) == "488.2 MiB"


@pytest.mark.parametrize("shown", ["488.2 MiB", "953.6 MiB", "2.7 GiB", "15.2 MiB"])
def test_a_limit_set_as_shown_shows_the_same(tmp_path, shown):
    con = connect(tmp_path / "s.duckdb")
    con.execute("SET memory_limit = ?", [connect_module._as_shown(shown)])
    assert _limit(con) == shown
    con.close()


def test_a_limit_in_bytes_is_set_as_shown():
    assert connect_module._as_shown("1000 bytes") == "1000 bytes"
