"""What DuckDB may hold in memory on a writing connection: its cache, the warehouse's keys, room to rewrite a row
group and for the deleted rows' records a checkpoint reads, and what the last checkpoint measured held."""
from __future__ import annotations

import os

import duckdb

from warehouse import deleted_rows
from warehouse.database_file import database_path
from warehouse.literals import literal

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
            held = max(held, deleted_rows.bound_bytes(con, deleted_from.get(database_path(con) or "", ())))
        if deletions:  # counted within the bound, then the count
            bound = deleted_rows.bound_bytes(con)
            set_limit(con, f"{DUCKDB_MEMORY_MB + (int(keys) * KEY_BYTES + extra + held + bound) // 10**6}MB")
            held = max(held, deleted_rows.records_bytes(con))
        extra += held
        limit = f"{DUCKDB_MEMORY_MB + (int(keys) * KEY_BYTES + extra) // 10**6}MB"
    set_limit(con, limit)
    return limit


def set_limit(con: duckdb.DuckDBPyConnection, limit: str) -> None:
    """Set the connection's DuckDB memory limit ('512MB', '1.2GB')."""
    quoted = limit.replace("'", "''")
    con.execute(f"SET memory_limit = '{quoted}'")  # a literal: a bound value makes DuckDB import pandas


# DELETING. The tables a writer deleted rows of since the last checkpoint measured what is held, by database: the
# records of those rows are held from the DELETE on (DELETIONS), before any checkpoint can measure them. At
# 600,000 studies, the run after 1% changed ran out of memory in its second batch's deletes, within a limit of
# 394 MiB, on a warehouse whose last checkpoint had held little. Until measured, every limit has room for a record
# of every stretch of those tables (430 MB of the study tables there; 15 MB at 20,000 studies), or for what the
# last checkpoint held when that is more: the records read then are of the same tables' earlier deletions, and of
# tables a run's loading and check scan little (the search index's, which they do not read, the bookkeeping's).
# Counted on top of what was held, DuckDB filled the room with pages (a 1% run there peaked at 1,774 MiB).
deleted_from: dict[str, frozenset[str]] = {}
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


def deleting_from(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> None:
    """Before deleting rows of `tables`: DuckDB's limit with room for their records until a checkpoint measures
    what is held (DELETING)."""
    path = database_path(con) or ""
    known = deleted_from.get(path, frozenset())
    if not known.issuperset(tables):
        deleted_from[path] = known | frozenset(tables)
        fit_memory(con)


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
    if not has_table(con, HELD):
        return 0
    row = con.execute(f"SELECT max(held_bytes) FROM {HELD}").fetchone()
    return int(row[0] or 0)


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the connection's database has the table `name` ('schema.table')."""
    schema, table = name.split(".")  # written as literals: a bound value makes DuckDB import pandas
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                       f"AND schema_name = {literal(schema)} AND table_name = {literal(table)}").fetchone()[0] > 0
