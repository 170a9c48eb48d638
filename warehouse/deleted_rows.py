"""The deleted rows DuckDB keeps records of, table by table, and the memory those records may take.

DuckDB keeps a record of the deleted rows of each stretch of 2,048 rows (a vector) that holds one,
reads the records of every table at every checkpoint and of the row groups a statement scans, and
holds them until the database is closed (warehouse/memory_limit.py, DELETIONS). A table counts its
deleted rows in its estimated size until a checkpoint drops them, so they are found by a count.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import duckdb

from warehouse.literals import literal

# Rows in one of DuckDB's stretches, and the bytes of the record it keeps for one holding a deleted row: 8,650,752
# bytes were held for the 489 stretches of a 1,000,000-row table with a row in a hundred deleted (with a margin).
VECTOR_ROWS = 2_048
RECORD_BYTES = 18_432


@dataclass(frozen=True)
class Deletions:
    """A table holding deleted rows, and the bytes of records DuckDB may keep for them."""

    schema: str
    table: str
    rows: int  # with the deleted ones
    deleted: int

    @property
    def records(self) -> int:
        """At most one record per stretch of rows, and no more stretches than deleted rows."""
        return min(-(-self.rows // VECTOR_ROWS), self.deleted) * RECORD_BYTES


def deletions(con: duckdb.DuckDBPyConnection) -> list[Deletions]:
    """The tables that hold deleted rows. Counting a table's rows reads its records: DuckDB holds them after."""
    found = []
    tables = con.execute("SELECT schema_name, table_name, estimated_size FROM duckdb_tables() "
                         "WHERE NOT temporary AND database_name = current_database() AND estimated_size > 0 "
                         "ORDER BY schema_name, table_name").fetchall()
    for schema, table, rows in tables:
        live = con.execute(f"SELECT count(*) FROM {quoted(schema, table)}").fetchone()[0]
        if live < rows:
            found.append(Deletions(schema, table, int(rows), int(rows - live)))
    return found


def bound_bytes(con: duckdb.DuckDBPyConnection, tables: Iterable[str] | None = None) -> int:
    """The records of every stretch of every table (or of `tables`, named as `schema.table` or, in main, `table`):
    what counting the deleted rows may read, without reading."""
    among = ""
    if tables is not None:
        names = [name if "." in name else f"main.{name}" for name in tables]
        if not names:
            return 0
        among = " AND schema_name || '.' || table_name IN ({})".format(", ".join(map(literal, names)))
    return int(con.execute(f"SELECT coalesce(sum(ceil(estimated_size / {VECTOR_ROWS})), 0) FROM duckdb_tables() "
                           f"WHERE NOT temporary AND database_name = current_database(){among}").fetchone()[0]
               ) * RECORD_BYTES


def records_bytes(con: duckdb.DuckDBPyConnection) -> int:
    """The most the deleted rows' records of every table may take (what a checkpoint reads)."""
    return sum(d.records for d in deletions(con))


def quoted(schema: str, table: str) -> str:
    """A table's name, quoted for SQL."""
    return f"{identifier(schema)}.{identifier(table)}"


def identifier(name: str) -> str:
    """A name, quoted for SQL."""
    return '"{}"'.format(name.replace('"', '""'))
