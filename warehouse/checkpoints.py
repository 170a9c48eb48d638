"""Checkpoints of a writing connection: between a run's batches once the log is long, before a check when the log
holds much of DuckDB's limit, and after a run, each with room for what it reads; what a checkpoint left held is
recorded, and the warehouse opened again on a new connection to let go of it."""
from __future__ import annotations

import duckdb

from warehouse.connect import connect, transaction
from warehouse.database_file import database_path, log_bytes
from warehouse.memory_limit import HELD, deleted_from, fit_memory, has_table, held_bytes, memory_limit_bytes


# A batch of 2,000 studies writes ~27 MB of log; checkpointed after each, every batch would rewrite the last row
# group of each keyed table (studies, source_records): a writer checkpoints once the log passes 256 MB.
CHECKPOINT_BYTES = 256 * 10**6


# A run's changes not yet checkpointed are held in memory, where they take more room than in the write-ahead log,
# and count against DuckDB's limit beside what a check needs: at 200,000 studies a check chunk's scoped copies and
# joins held about half the limit. There, after 24,000 changed files, 87 MB left in the log (with 340 MB of table
# memory held) made the check run out of memory at its first statement; after a checkpoint it took 5 s. Above an
# eighth of the limit in the log, a check begins with a checkpoint (and a new connection: see `checkpoint`).
HELD_SHARE = 8


def checkpoint_held_changes(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """`checkpoint` when the log holds more than an eighth of DuckDB's limit (HELD_SHARE), so that what follows has
    the memory the held changes took; the connection to go on with (`con` when it did not checkpoint, as when
    another connection's write held the checkpoint off: those changes are checkpointed later)."""
    limit = memory_limit_bytes(con)
    if limit is None or log_bytes(con) * HELD_SHARE <= limit:
        return con
    try:
        return checkpoint(con)
    except duckdb.TransactionException:
        fit_memory(con)
        return con


def checkpoint(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """CHECKPOINT with room to rewrite a row group and for the deleted rows' records it reads (DELETIONS),
    then the same warehouse on a new connection (`reopen`): what a checkpoint reads stays held until the
    connection is closed. What it held is recorded (meta.memory_held) for the limits that follow. A checkpoint
    that runs out of memory invalidates the database. `con` is closed."""
    held = _checkpoint_measured(con, rewrite=True)
    new = reopen(con)
    if _record_held(new, held):
        fit_memory(new, rewrite=True)
    return new


def checkpoint_due(con: duckdb.DuckDBPyConnection) -> bool:
    """Once the log passes CHECKPOINT_BYTES (between a run's batches), CHECKPOINT on this connection with room for
    the deleted rows' records it reads; what it left held is recorded and the limit fitted to it; whether it
    did. Call it outside a transaction. (No room to rewrite a row group, which a checkpoint after a run has: the
    loading's checkpoints did without it, and with it DuckDB cached more pages in it, 802 against 624-640 MiB
    at 100,000 studies.)"""
    if log_bytes(con) <= CHECKPOINT_BYTES:
        return False
    _record_held(con, _checkpoint_measured(con, rewrite=False))
    fit_memory(con)
    return True


def _checkpoint_measured(con: duckdb.DuckDBPyConnection, rewrite: bool) -> int:
    """CHECKPOINT with room for the deleted rows' records it reads (and, with `rewrite`, to rewrite a row group);
    what it left held (`held_bytes`), which counts the records of the rows deleted before it (DELETING)."""
    fit_memory(con, rewrite=rewrite, deletions=True)
    con.execute("CHECKPOINT")
    held = held_bytes(con)
    deleted_from.pop(database_path(con) or "", None)
    return held


def _record_held(con: duckdb.DuckDBPyConnection, held: int) -> bool:
    """meta.memory_held replaced by `held`; False on a warehouse without it (before its migration)."""
    if not has_table(con, HELD):
        return False
    with transaction(con):
        con.execute(f"DELETE FROM {HELD}")
        con.execute(f"INSERT INTO {HELD} VALUES ({int(held)}, current_localtimestamp())")
    return True


def reopen(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The same warehouse on a new connection, once `con` is closed: DuckDB's memory begins empty again.

    DuckDB 1.5.5 holds what it read of the deleted rows' records (see DELETIONS) until the database is
    closed, and cannot evict it: at 600,000 studies, 336 MiB after 6,000 titles changed and 845 MiB after the
    search index's refresh, of a limit of 976 MiB; every statement that needed memory then ran out. A new
    connection holds none.
    Its memory is fitted with room to rewrite a row group (what follows fits it again: the check, the report and
    the search index without that room); its threads are `con`'s.
    Call it with no other cursor of `con` open: DuckDB keeps a database whose connections are not all closed."""
    path = database_path(con)
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.close()
    new = connect(path)
    new.execute(f"SET threads = {int(threads)}")
    fit_memory(new, rewrite=True)
    return new
