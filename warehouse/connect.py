"""Open the warehouse and bring its schema up to date."""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

import duckdb

DDL_DIR = Path(__file__).parent / "ddl"
# What DuckDB may hold in memory in a writing connection (TRIALQC_DUCKDB_MEMORY overrides it).
DUCKDB_MEMORY = "512MB"
# What DuckDB may keep, in bytes, beyond what it cannot evict while its cache is released (`cache_released`).
RELEASED_MEMORY = 16_000_000


class WarehouseError(Exception):
    """The warehouse file cannot be opened or migrated."""


def connect(db_path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating when missing) the DuckDB file and apply pending DDL files."""
    path = Path(db_path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise WarehouseError(
            f"cannot open {path}: {exc}. Another process may hold it open (close any "
            "`duckdb` shell or running `trialqc` on this file) and try again."
        ) from exc
    if not read_only:
        # A batch of 2,000 studies writes ~27 MB of WAL; at DuckDB's default (16 MB) every batch's COMMIT
        # would checkpoint, rewriting the last row group of each keyed table (studies, source_records).
        con.execute("SET checkpoint_threshold = '256MB'")
        # FSST, DuckDB's compression of long strings, was ~30% of a checkpoint's CPU (1.0-1.5 s of ~3.5 s
        # per 20,000 studies) for a file ~6% smaller; dictionary and the other compressions stay.
        con.execute("SET disabled_compression_methods = 'fsst'")
        # DuckDB caches table pages up to 80% of RAM: a run over a growing registry would grow with it.
        # Bounded, a run's memory stays flat (DuckDB spills to `<db>.tmp` when an operation needs more).
        limit = os.environ.get("TRIALQC_DUCKDB_MEMORY", DUCKDB_MEMORY).replace("'", "''")
        con.execute(f"SET memory_limit = '{limit}'")  # a literal: a bound value makes DuckDB import pandas
        migrate(con)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT; on any error or interruption ROLLBACK, and the original error propagates."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # a failed COMMIT (disk full) has ended the transaction: keep the real cause, not this
        raise


@contextmanager
def one_thread(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block on one DuckDB thread, then restore the connection's thread count.

    A batch's statements are small (a few thousand rows per table): a second thread only contends
    with the parse workers on a 2-core machine, costing ~2x the CPU for no shorter wall time.
    """
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    if threads == 1:  # a block inside a run's loading loop, which holds one thread for all its batches
        yield con
        return
    con.execute("SET threads = 1")
    try:
        yield con
    finally:
        try:
            con.execute(f"SET threads = {int(threads)}")
        except duckdb.Error:
            pass  # a connection a failed COMMIT invalidated: the block's own error is the one to see


@contextmanager
def cache_released(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block with DuckDB's cached table pages given back to the system, then restore its memory limit.

    A process forked in the block starts without them: a forked child's resident memory counts every page
    its parent held, and the cache (up to the memory limit, full once the warehouse is larger than it) would
    make each child as large as the run's process. Lowering the limit evicts the cache at once (~0.1 s for
    512 MB); pages read again afterwards come from the file. Memory DuckDB cannot evict (temp tables it may
    not spill, indexes) stays: the limit is then set just above what it holds.
    """
    limit = _as_shown(con.execute("SELECT current_setting('memory_limit')").fetchone()[0])
    try:
        try:
            con.execute(f"SET memory_limit = '{RELEASED_MEMORY}B'")
        except duckdb.Error:
            # Refused, the setting has still evicted what it could, but kept the memory; a limit the rest
            # fits under gives it back.
            held = con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0] or 0
            con.execute(f"SET memory_limit = '{int(held) + RELEASED_MEMORY}B'")
        yield con
    except BaseException:
        try:
            con.execute("SET memory_limit = ?", [limit])
        except duckdb.Error:
            pass  # a connection the block's error left unusable: that error is the one to see
        raise
    con.execute("SET memory_limit = ?", [limit])


def _as_shown(shown: str) -> str:
    """A memory limit that DuckDB shows as `shown` ("488.2 MiB"): DuckDB cuts the figure it shows to one
    decimal, so the figure itself, set again, would lower the limit a little each time; half a last digit
    more shows (and holds) the same."""
    number, _, unit = shown.partition(" ")
    return shown if unit == "bytes" else f"{float(number) + 0.05:.2f} {unit}"


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the DDL files not yet applied, in filename order, all in one transaction.

    An upgrade is whole or not at all: a failing file leaves the warehouse at its previous version.
    (One transaction is also ~12x faster on a new warehouse than one per file.)
    """
    con.execute("CREATE SCHEMA IF NOT EXISTS meta")
    con.execute(
        "CREATE TABLE IF NOT EXISTS meta.schema_migrations "
        "(filename VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT filename FROM meta.schema_migrations").fetchall()}
    pending = [ddl for ddl in sorted(DDL_DIR.glob("*.sql")) if ddl.name not in done]
    if pending:
        with transaction(con):
            for ddl in pending:
                con.execute(ddl.read_text())
                con.execute("INSERT INTO meta.schema_migrations VALUES (?, ?)", [ddl.name, datetime.now()])
    return [ddl.name for ddl in pending]


def table_columns(con: duckdb.DuckDBPyConnection, table: str, schema: str = "main") -> list[str]:
    """Column names of a table, in DDL order."""
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
        [schema, table],
    ).fetchall()
    return [r[0] for r in rows]
