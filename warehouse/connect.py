"""Open the warehouse and bring its schema up to date."""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

import duckdb

from warehouse import deleted_rows
from warehouse.literals import literal

DDL_DIR = Path(__file__).parent / "ddl"
# What DuckDB may hold in memory in a writing connection besides its keys (TRIALQC_DUCKDB_MEMORY sets the whole
# limit instead). A run at 20,000 studies used about 300 MB of it at most (the search index's documents, built
# 5,000 studies at a time, need about 130 MB); above that it only kept more of a larger warehouse's pages, and the
# run's process grew with them.
DUCKDB_MEMORY_MB = 256
# A checkpoint after a run (and the one closing makes) may need more: it rewrites whole the row groups a run
# changed, and a row group (122,880 rows) of long texts holds up to about 250 MB (eligibility criteria average
# about 2 KB a study). At 200,000 studies the checkpoint after a 1% change failed within the loading's limit. Room
# for one such row group, or for as many studies as the warehouse holds when it has fewer; the check, the issue
# history, the report and the search index do not have it (`fit_memory`).
ROW_GROUP_ROWS = 122_880
REWRITE_BYTES = 2_048
# The keys of the keyed tables (a primary key's index, DuckDB's ART) are held in memory whole once a statement
# inserts into the table, and count against the limit: the NCT ids of the studies and their search documents take
# about 50 bytes a key (30 MB each at 600,000 studies); 128 leaves room for a user's longer keys. The bookkeeping
# tables with the longest keys have none (DDL 190: they took 552 MB at 600,000 studies). A fixed limit would leave
# a growing warehouse less and less for the rest: at 100,000 studies, the run after a 1% change failed for want of
# memory while it indexed the changed studies beside the report.
KEY_BYTES = 128
KEYED_ROWS = """
    SELECT coalesce(sum(t.estimated_size), 0) FROM duckdb_tables() t
    WHERE NOT t.temporary AND EXISTS (
        SELECT 1 FROM duckdb_constraints() c WHERE c.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
          AND c.database_name = t.database_name AND c.schema_name = t.schema_name AND c.table_name = t.table_name)"""


# DELETIONS. Every checkpoint reads what DuckDB records of the deleted rows in every row group of every table, about
# 18 KB for each 2,048 rows among which one was deleted, and holds it until the database is closed; so does a scan,
# for the row groups it reads. A run replaces a changed study's rows, so after runs that changed 1% of the studies
# most such stretches hold one: at 600,000 studies, a checkpoint that wrote one row held about 900 MiB, 500 MiB of
# it for the search index's terms, and a check's scans about 480 MiB. A checkpoint that runs out of memory is fatal
# to DuckDB's database: it has room for the records, counted table by table (warehouse/deleted_rows.py). Counting
# reads them, within the bound of a record for every stretch of every table; the bound itself is no limit to
# checkpoint within: DuckDB filled it with pages (3.5 GB at 600,000 studies after 10% changed). What a checkpoint
# left held is measured (`held_bytes`) and recorded in meta.memory_held: every later limit leaves room for it.
HELD = "meta.memory_held"


# A batch of 2,000 studies writes ~27 MB of log; checkpointed after each, every batch would rewrite the last row
# group of each keyed table (studies, source_records): a writer checkpoints once the log passes 256 MB.
CHECKPOINT_BYTES = 256 * 10**6
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


def fit_memory(con: duckdb.DuckDBPyConnection, rewrite: bool = False, deletions: bool = False) -> str:
    """Bound what DuckDB may hold in memory to what its cache needs plus the warehouse's keys; the limit set.

    DuckDB caches table pages up to 80% of RAM: a run over a growing registry would grow with it. Bounded, a
    run's memory stays flat but for the keys (DuckDB spills to `<db>.tmp` when an operation needs more). Set
    when the warehouse is opened and again as a run adds keys (after loading, after the issue history). With
    `rewrite` (a checkpoint after a run, the tables written again before it, and closing, which checkpoints),
    also room to rewrite a row group of long texts; with `deletions` (a checkpoint), room for all the deleted
    rows' records it reads (DELETIONS), else for what the last checkpoint measured held (meta.memory_held): the
    scans of the deleted rows' row groups hold as much. The check, the issue history, the report and the search
    index have no rewrite room: there it only let DuckDB cache more pages (a run after 10% of 600,000 studies
    changed peaked at 1,952 MiB with it in the issue history, whose table has no key, and 1,773 MiB without; a
    `trialqc run` that built the search index and every report page of 100,000 studies peaked at 939-989 MiB
    with it, 815-826 MiB without, in the same time; runs after a 1% change at 200,000 studies at 1,290-1,302
    and 1,203-1,208 MiB)."""
    limit = os.environ.get("TRIALQC_DUCKDB_MEMORY")
    if not limit:
        keys = con.execute(KEYED_ROWS).fetchone()[0]
        extra = 0
        if rewrite:
            studies = con.execute("SELECT coalesce(sum(estimated_size), 0) FROM duckdb_tables() "
                                  "WHERE schema_name = 'main' AND table_name = 'studies'").fetchone()[0]
            extra = min(int(studies), ROW_GROUP_ROWS) * REWRITE_BYTES
        held = recorded_held(con)
        if not deletions:  # (a checkpoint's bound counts every table) DELETING: room for the most they may hold
            held = max(held, deleted_rows.bound_bytes(con, _deleted_from.get(database_path(con) or "", ())))
        if deletions:  # counted within the bound, then the count
            bound = deleted_rows.bound_bytes(con)
            _set_limit(con, f"{DUCKDB_MEMORY_MB + (int(keys) * KEY_BYTES + extra + held + bound) // 10**6}MB")
            held = max(held, deleted_rows.records_bytes(con))
        extra += held
        limit = f"{DUCKDB_MEMORY_MB + (int(keys) * KEY_BYTES + extra) // 10**6}MB"
    _set_limit(con, limit)
    return limit


def _set_limit(con: duckdb.DuckDBPyConnection, limit: str) -> None:
    quoted = limit.replace("'", "''")
    con.execute(f"SET memory_limit = '{quoted}'")  # a literal: a bound value makes DuckDB import pandas


# A run's changes not yet checkpointed are held in memory, where they take more room than in the write-ahead log,
# and count against DuckDB's limit beside what a check needs: at 200,000 studies a check chunk's scoped copies and
# joins held about half the limit. There, after 24,000 changed files, 87 MB left in the log (with 340 MB of table
# memory held) made the check run out of memory at its first statement; after a checkpoint it took 5 s. Above an
# eighth of the limit in the log, a check begins with a checkpoint (and a new connection: see `checkpoint`).
HELD_SHARE = 8
# DELETING. The tables a writer deleted rows of since the last checkpoint measured what is held, by database: the
# records of those rows are held from the DELETE on (DELETIONS), before any checkpoint can measure them. At
# 600,000 studies, the run after 1% changed ran out of memory in its second batch's deletes, within a limit of
# 394 MiB, on a warehouse whose last checkpoint had held little. Until measured, every limit has room for a record
# of every stretch of those tables (430 MB of the study tables there; 15 MB at 20,000 studies), or for what the
# last checkpoint held when that is more: the records read then are of the same tables' earlier deletions, and of
# tables a run's loading and check scan little (the search index's, which they do not read, the bookkeeping's).
# Counted on top of what was held, DuckDB filled the room with pages (a 1% run there peaked at 1,774 MiB).
_deleted_from: dict[str, frozenset[str]] = {}
_UNITS = {"bytes": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40, "PiB": 2**50}


def memory_limit_bytes(con: duckdb.DuckDBPyConnection) -> int | None:
    """DuckDB's memory limit in bytes (it shows it as '408.1 MiB'); None if it shows it otherwise."""
    shown = con.execute("SELECT current_setting('memory_limit')").fetchone()[0].split()
    if len(shown) != 2 or shown[1] not in _UNITS:
        return None
    try:
        return int(float(shown[0]) * _UNITS[shown[1]])
    except ValueError:
        return None


def database_path(con: duckdb.DuckDBPyConnection) -> str | None:
    """The file of the connection's database (None for one in memory)."""
    return con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]


def log_bytes(con: duckdb.DuckDBPyConnection) -> int:
    """The size of the warehouse's write-ahead log: its changes not yet checkpointed (0 for one in memory)."""
    path = database_path(con)
    wal = Path(f"{path}.wal") if path else None
    return wal.stat().st_size if wal is not None and wal.exists() else 0


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
    _deleted_from.pop(database_path(con) or "", None)
    return held


def deleting_from(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> None:
    """Before deleting rows of `tables`: DuckDB's limit with room for their records until a checkpoint measures
    what is held (DELETING)."""
    path = database_path(con) or ""
    known = _deleted_from.get(path, frozenset())
    if not known.issuperset(tables):
        _deleted_from[path] = known | frozenset(tables)
        fit_memory(con)


def _record_held(con: duckdb.DuckDBPyConnection, held: int) -> bool:
    """meta.memory_held replaced by `held`; False on a warehouse without it (before its migration)."""
    if not _has_table(con, HELD):
        return False
    with transaction(con):
        con.execute(f"DELETE FROM {HELD}")
        con.execute(f"INSERT INTO {HELD} VALUES ({int(held)}, current_localtimestamp())")
    return True


def held_bytes(con: duckdb.DuckDBPyConnection) -> int:
    """The table memory DuckDB holds and cannot evict: what remains once it was asked to fit in a megabyte (it
    evicts what it can, then refuses). The limit is then set back."""
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    try:
        con.execute("SET memory_limit = '1MB'")
    except duckdb.OutOfMemoryException:
        pass  # more is held than that: the usual case
    finally:
        con.execute(f"SET memory_limit = '{limit}'")  # what was evicted stays so
    return int(con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                           "WHERE tag = 'BASE_TABLE'").fetchone()[0])


def recorded_held(con: duckdb.DuckDBPyConnection) -> int:
    """What the warehouse's last checkpoint measured held (meta.memory_held), 0 before any was measured."""
    if not _has_table(con, HELD):
        return 0
    row = con.execute(f"SELECT max(held_bytes) FROM {HELD}").fetchone()
    return int(row[0] or 0)


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    schema, table = name.split(".")  # written as literals: a bound value makes DuckDB import pandas
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                       f"AND schema_name = {literal(schema)} AND table_name = {literal(table)}").fetchone()[0] > 0


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
        _set_limit(con, f"{limit}B")


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
