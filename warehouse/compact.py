"""Writing again the tables whose deleted rows DuckDB keeps records of in memory.

A run replaces a changed study's rows, and the search index its terms: each leaves deleted rows
all through the tables. DuckDB keeps a record for each stretch of 2,048 rows that holds a deleted
one (about 18 KB), reads the records at every checkpoint and every scan of their row groups, and
holds them until the database is closed (warehouse/memory_limit.py, DELETIONS). At 600,000 studies,
after three runs that changed 1% of them, that was about 900 MiB. A table written again holds no
deleted rows, and so no records: there, writing again every table with deleted rows took 44 s,
and a checkpoint then held 5 MiB.

When the last checkpoint held more than the budget (meta.memory_held), the tables are written
again, those with the most records first, until what the others may hold is under half of it.
Each table is written whole in one transaction: its definition (keys, NOT NULL columns, defaults)
is kept, and so is what a user added to it in the published file (which the next run writes on):
its indexes and comments. An interruption leaves it as it was. A table that cannot be dropped (a
foreign key of another table in its schema refers to it) is left as it is, and the run says so.
"""
from __future__ import annotations

import re
from typing import Callable

import duckdb

from warehouse import connect, memory_limit
from warehouse.deleted_rows import deletions, identifier, quoted
from warehouse.literals import literal

# What the records may take before tables are written again: as much as DuckDB's cache of pages.
BUDGET_BYTES = memory_limit.DUCKDB_MEMORY_MB * 10**6
_CREATE = re.compile(r'^CREATE TABLE (?:(?:"[^"]+"|[\w]+)\.)?(?:"[^"]+"|[\w]+)\s*\(', re.IGNORECASE)


def compact(con: duckdb.DuckDBPyConnection, budget: int | None = None,
            say: Callable[[str], None] | None = None) -> list[str]:
    """Write again the tables with the most records of deleted rows, when the last checkpoint held more than
    `budget` bytes (BUDGET_BYTES), until what the others may hold is under half of it; the tables written.

    The records' estimates (deleted_rows.Deletions.records) are scaled to what was measured held: stretches with a
    deleted row are fewer than deleted rows where a study's rows lie together, as the search index's terms do."""
    budget = BUDGET_BYTES if budget is None else budget
    held = memory_limit.recorded_held(con)
    if held <= budget:
        return []
    found = sorted(deletions(con), key=lambda d: d.records, reverse=True)
    estimated = sum(d.records for d in found)
    if not estimated:
        return []
    scale = min(1.0, held / estimated)
    remaining = estimated * scale
    written, kept = [], []
    for table in found:
        if remaining <= budget / 2:
            break
        name = f"{table.schema}.{table.table}"
        try:
            rewrite(con, table.schema, table.table)
        except NotRewritable as why:  # left as it is, with its deleted rows: the others are written
            kept.append(f"{name} ({why})")
            continue
        remaining -= table.records * scale
        written.append(name)
    done = [f"{what} {', '.join(tables)}" for what, tables in (("wrote again", written),
                                                                ("could not write again", kept)) if tables]
    if say is not None and done:
        say(f"the last checkpoint held {held / 2**20:.0f} MiB of deleted rows' records: {'; '.join(done)}")
    return written


class NotRewritable(Exception):
    """A table that cannot be dropped to be created again (another table's foreign key refers to it); nothing was
    changed."""


def rewrite(con: duckdb.DuckDBPyConnection, schema: str, table: str, keep: str | None = None) -> None:
    """The table written again whole under its own definition, in one transaction: the same rows (those `keep`, a
    condition on them, keeps), none deleted, with its indexes and comments (`attached`). NotRewritable when it
    cannot be dropped (the table is then as it was)."""
    referring = con.execute(
        "SELECT DISTINCT schema_name || '.' || table_name FROM duckdb_constraints() WHERE database_name = "
        f"current_database() AND constraint_type = 'FOREIGN KEY' AND schema_name = {literal(schema)} "
        f"AND referenced_table = {literal(table)} ORDER BY 1").fetchall()
    if referring:
        raise NotRewritable(f"the foreign key of {', '.join(r[0] for r in referring)} refers to it")
    sql = con.execute("SELECT sql FROM duckdb_tables() WHERE database_name = current_database() "
                      f"AND schema_name = {literal(schema)} AND table_name = {literal(table)}").fetchone()[0]
    fresh = f"{table}__written_again"
    definition, found = _CREATE.subn(f"CREATE TABLE {quoted(schema, fresh)}(", sql, count=1)
    if not found:
        raise ValueError(f"cannot read the definition of {schema}.{table}: {sql[:80]}")
    again = attached(con, schema, table)
    with connect.transaction(con):
        con.execute(definition)
        con.execute(f"INSERT INTO {quoted(schema, fresh)} SELECT * FROM {quoted(schema, table)}"
                    + (f" WHERE {keep}" if keep else ""))
        try:  # the table is there (its definition was just read): only a dependency can stop its drop
            con.execute(f"DROP TABLE {quoted(schema, table)}")
        except (duckdb.CatalogException, duckdb.DependencyException) as exc:  # all of it rolled back
            raise NotRewritable(str(exc).splitlines()[0]) from exc
        con.execute(f"ALTER TABLE {quoted(schema, fresh)} RENAME TO {identifier(table)}")
        for statement in again:
            con.execute(statement)


def attached(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[str]:
    """What dropping the table would drop beside its rows, as statements that attach it again: its indexes (a user's
    own: the warehouse defines none) and the comments on it and its columns."""
    where = (f"database_name = current_database() AND schema_name = {literal(schema)} "
             f"AND table_name = {literal(table)}")
    statements = [row[0] for row in con.execute(
        f"SELECT sql FROM duckdb_indexes() WHERE {where} AND sql IS NOT NULL ORDER BY index_oid").fetchall()]
    name = quoted(schema, table)
    comment = con.execute(f"SELECT comment FROM duckdb_tables() WHERE {where}").fetchone()[0]
    if comment:
        statements.append(f"COMMENT ON TABLE {name} IS {literal(comment)}")
    statements += [f"COMMENT ON COLUMN {name}.{identifier(column)} IS {literal(text)}" for column, text in con.execute(
        f"SELECT column_name, comment FROM duckdb_columns() WHERE {where} AND comment IS NOT NULL "
        "ORDER BY column_index").fetchall()]
    return statements

