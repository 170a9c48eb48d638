"""Issues found over a whole check before its chunks are written, waiting in a temporary table.

A check of a large share of the warehouse (a first run past one chunk, `trialqc run --recheck-all`) is written
chunk by chunk: each chunk replaces its studies' issues in one transaction, and what an interrupted check had
not written stays queued. Its SQL rules are set-based, so the engine runs each of them once over the whole
scope, reading each table once, rather than once a chunk on copies of the chunk's rows
(checks.scoped_tables). Their issues wait here, in a table DuckDB may spill to disk rather than in the run's
memory, and each chunk takes its studies' issues when it writes its own.
"""
from __future__ import annotations

import duckdb
import pyarrow as pa

TABLE = "parked_issues"


def create(con: duckdb.DuckDBPyConnection, schema: pa.Schema) -> None:
    """An empty parked table with the columns of `schema` (one made before is replaced)."""
    con.register("_parked_in", schema.empty_table())
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {TABLE} AS SELECT * FROM _parked_in")
    finally:
        con.unregister("_parked_in")


def park(con: duckdb.DuckDBPyConnection, issues: pa.Table) -> None:
    """Add issues to the parked table."""
    if not issues.num_rows:
        return
    con.register("_parked_in", issues)
    try:
        con.execute(f"INSERT INTO temp.{TABLE} BY NAME SELECT * FROM _parked_in")
    finally:
        con.unregister("_parked_in")


def taken(con: duckdb.DuckDBPyConnection, schema: pa.Schema) -> pa.Table:
    """The parked issues of the studies in `check_scope`, in the columns of `schema`."""
    names = ", ".join(schema.names)
    found = con.execute(f"SELECT {names} FROM temp.{TABLE} "
                        "WHERE nct_id IN (SELECT nct_id FROM check_scope)").to_arrow_table()
    return found.cast(schema)


def drop(con: duckdb.DuckDBPyConnection, quietly: bool) -> None:
    """Drop the parked table; quietly when the connection may have failed with the check."""
    try:
        con.execute(f"DROP TABLE IF EXISTS temp.{TABLE}")
    except duckdb.Error:
        if not quietly:
            raise
