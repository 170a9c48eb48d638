"""Open the warehouse and bring its schema up to date; transactions, one-thread blocks and closing.

What DuckDB may hold in memory is set in warehouse/memory_limit.py, checkpoints are made in warehouse/checkpoints.py,
and the database's file and log are read in warehouse/database_file.py.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

import duckdb

from warehouse.database_file import log_bytes
from warehouse.memory_limit import fit_memory, memory_limit_bytes, set_limit

DDL_DIR = Path(__file__).parent / "ddl"
NEVER_BYTES = 2**50  # DuckDB's own checkpoint at a COMMIT: out of reach


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
        # DuckDB would checkpoint at a COMMIT once the log passed its threshold, within the limit as it stands: a
        # checkpoint that then runs out of memory (it reads the deleted rows' records, DELETIONS) invalidates
        # the database after a durable COMMIT. A writer checkpoints itself instead (`checkpoint_due`), with room.
        con.execute(f"SET checkpoint_threshold = '{NEVER_BYTES}B'")
        # FSST, DuckDB's compression of long strings, was ~30% of a checkpoint's CPU (1.0-1.5 s of ~3.5 s
        # per 20,000 studies) for a file ~6% smaller; dictionary and the other compressions stay.
        con.execute("SET disabled_compression_methods = 'fsst'")
        fit_memory(con)
        if migrate(con):
            fit_memory(con)  # an upgrade may key more rows
    return con


def usable_after(con: duckdb.DuckDBPyConnection, path: str | Path) -> duckdb.DuckDBPyConnection:
    """`con`, or, when a fatal error invalidated its database (a checkpoint that failed: DuckDB then refuses every
    statement until the database is opened again), a new connection to `path`, which holds what was committed
    before the error (its log replayed). `con` itself when the file cannot be opened again either.
    Call it with no other cursor of `con` open: DuckDB keeps a database whose connections are not all closed."""
    try:
        con.execute("SELECT 1")
        return con
    except duckdb.FatalException:
        pass
    except duckdb.Error:
        return con  # usable, or failing for a cause a new connection would not remove
    try:
        con.close()
        return connect(path)
    except (duckdb.Error, WarehouseError):
        return con


def drop_cached_pages(con: duckdb.DuckDBPyConnection) -> None:
    """Let DuckDB evict the table pages it cached, before a checkpoint that ends the run's reads: its room would
    otherwise come on top of them (after 1,000 of 600,000 studies changed, the checkpoint after the report took the
    run's process from 994 to 1,465 MiB). A limit below what it holds makes DuckDB evict every page it can, also
    when what it cannot evict (keys, the deleted rows' records) keeps it above that limit and the SET fails; the
    limit is then set back (a failed SET leaves DuckDB showing the lower one)."""
    limit = memory_limit_bytes(con)
    if limit is None:
        return
    try:
        con.execute("SET memory_limit = '16MB'")
    except duckdb.Error as exc:  # it evicted what it could; a stop (Ctrl-C, SIGTERM) stops, the limit set back
        _raise_if_stop(exc)
    finally:
        set_limit(con, f"{limit}B")


def close(con: duckdb.DuckDBPyConnection) -> None:
    """Close a writing connection with room for the checkpoint closing makes of what its log holds (to rewrite
    a row group of long texts, as a checkpoint after a run has): a checkpoint that runs out of memory
    invalidates the database. A stop (Ctrl-C, SIGTERM) that cuts that short closes the connection without the
    checkpoint, whose room was not made (the log, which holds only committed transactions, is kept for whoever
    opens the file next), and is raised."""
    try:
        if log_bytes(con):
            drop_cached_pages(con)
            fit_memory(con, rewrite=True)
    except BaseException as exc:
        from flows.errors import stopped_by_signal

        if stopped_by_signal(exc):
            _close_without_checkpoint(con)
            raise
        if not isinstance(exc, duckdb.Error):
            raise
        # an invalidated database is not checkpointed; closing is all that is left
    con.close()


def _close_without_checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
    finally:
        con.close()


def _raise_if_stop(exc: BaseException) -> None:
    """Raise `exc` when it is a stop asked by Ctrl-C or SIGTERM (flows.errors.stopped_by_signal): a best-effort
    statement that DuckDB interrupted must not swallow the stop (DuckDB raises it as its InterruptException, a
    duckdb.Error, in some versions), or the run goes on as if never stopped."""
    from flows.errors import stopped_by_signal

    if stopped_by_signal(exc):
        raise exc


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT; on any error or interruption ROLLBACK, and the original error propagates.

    A COMMIT that fails may leave DuckDB's in-memory state behind what the log holds: at 600,000 studies a commit
    that ran out of memory left the studies' primary-key index with entries of the rolled-back rows, and once
    checkpointed into the file every later commit of those studies failed ("Corrupted unique ART index"). After a
    failed COMMIT the connection is therefore closed without a checkpoint: whoever opens the file next rebuilds
    it from the log, which holds only committed transactions (publishing does, for a run's working copy)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        _rollback(con)
        raise
    try:
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        try:
            con.execute("PRAGMA disable_checkpoint_on_shutdown")
        except duckdb.Error:
            pass  # an invalidated database is not checkpointed either
        raise


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK after a failure, which may have ended the transaction already (a failed COMMIT, or one Ctrl-C or
    SIGTERM cut short): the failure, not "no transaction is active", is the one to raise."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # a failed COMMIT (disk full) has ended the transaction: keep the real cause, not this


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
        except duckdb.Error as exc:  # a connection a failed COMMIT invalidated: the block's own error is the one to see
            _raise_if_stop(exc)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the DDL files not yet applied, in filename order, all in one transaction (one per file when
    DuckDB cannot commit them in one).

    In one transaction an upgrade is whole or not at all; file by file, a failing file leaves the warehouse at
    the version before that file.
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
        try:
            _apply(con, pending)
        except duckdb.TransactionException:
            # DuckDB refuses to commit an ALTER of a table that an earlier statement of the transaction
            # updated (112 and 117 update tables that 119 alters): each file in its own transaction, then.
            # A failing file leaves the warehouse at the version before it, every earlier file applied whole.
            for ddl in pending:
                _apply(con, [ddl])
    return [ddl.name for ddl in pending]


def _apply(con: duckdb.DuckDBPyConnection, files: list[Path]) -> None:
    """Apply DDL files in one transaction, each recorded in meta.schema_migrations."""
    with transaction(con):
        for ddl in files:
            con.execute(ddl.read_text())
            con.execute("INSERT INTO meta.schema_migrations VALUES (?, ?)", [ddl.name, datetime.now()])


def table_columns(con: duckdb.DuckDBPyConnection, table: str, schema: str = "main") -> list[str]:
    """Column names of a table, in DDL order."""
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
        [schema, table],
    ).fetchall()
    return [r[0] for r in rows]
