"""Writing again the tables whose deleted rows DuckDB keeps records of in memory.

A run replaces a changed study's rows, and the search index its terms: each leaves deleted rows
all through the tables. DuckDB keeps a record for each stretch of 2,048 rows that holds a deleted
one (about 18 KB), reads the records at every checkpoint and every scan of their row groups, and
holds them until the database is closed (warehouse/connect.py, DELETIONS). At 600,000 studies,
after three runs that changed 1% of them, that was about 900 MiB. A table written again holds no
deleted rows, and so no records: there, writing again every table with deleted rows took 44 s,
and a checkpoint then held 5 MiB.

When the last checkpoint held more than the budget (meta.memory_held), the tables are written
again, those with the most records first, until what the others may hold is under half of it.
Each table is written whole in one transaction: its definition (keys, NOT NULL columns) is
kept, and an interruption leaves it as it was.
"""
from __future__ import annotations

import re
from typing import Callable

import duckdb

from warehouse import connect
from warehouse.deleted_rows import deletions, identifier, quoted
from warehouse.literals import literal

# What the records may take before tables are written again: as much as DuckDB's cache of pages.
BUDGET_BYTES = connect.DUCKDB_MEMORY_MB * 10**6
_CREATE = re.compile(r'^CREATE TABLE (?:(?:"[^"]+"|[\w]+)\.)?(?:"[^"]+"|[\w]+)\s*\(', re.IGNORECASE)


def compact(con: duckdb.DuckDBPyConnection, budget: int | None = None,
            say: Callable[[str], None] | None = None) -> list[str]:
    """Write again the tables with the most records of deleted rows, when the last checkpoint held more than
    `budget` bytes (BUDGET_BYTES), until what the others may hold is under half of it; the tables written.

    The records' estimates (deleted_rows.Deletions.records) are scaled to what was measured held: stretches with a
    deleted row are fewer than deleted rows where a study's rows lie together, as the search index's terms do."""
    budget = BUDGET_BYTES if budget is None else budget
    held = connect.recorded_held(con)
    if held <= budget:
        return []
    found = sorted(deletions(con), key=lambda d: d.records, reverse=True)
    estimated = sum(d.records for d in found)
    if not estimated:
        return []
    scale = min(1.0, held / estimated)
    remaining = estimated * scale
    written = []
    for table in found:
        if remaining <= budget / 2:
            break
        rewrite(con, table.schema, table.table)
        remaining -= table.records * scale
        written.append(f"{table.schema}.{table.table}")
    if say is not None and written:
        say(f"the last checkpoint held {held / 2**20:.0f} MiB of deleted rows' records: wrote again "
            f"{', '.join(written)}")
    return written


def rewrite(con: duckdb.DuckDBPyConnection, schema: str, table: str, keep: str | None = None) -> None:
    """The table written again whole under its own definition, in one transaction: the same rows (those `keep`, a
    condition on them, keeps), none deleted."""
    sql = con.execute("SELECT sql FROM duckdb_tables() WHERE database_name = current_database() "
                      f"AND schema_name = {literal(schema)} AND table_name = {literal(table)}").fetchone()[0]
    fresh = f"{table}__written_again"
    definition, found = _CREATE.subn(f"CREATE TABLE {quoted(schema, fresh)}(", sql, count=1)
    if not found:
        raise ValueError(f"cannot read the definition of {schema}.{table}: {sql[:80]}")
    with connect.transaction(con):
        con.execute(definition)
        con.execute(f"INSERT INTO {quoted(schema, fresh)} SELECT * FROM {quoted(schema, table)}"
                    + (f" WHERE {keep}" if keep else ""))
        con.execute(f"DROP TABLE {quoted(schema, table)}")
        con.execute(f"ALTER TABLE {quoted(schema, fresh)} RENAME TO {identifier(table)}")

