"""Issues found over a whole check before its chunks are written, waiting in a temporary table.

A check of a large share of the warehouse (a first run past one chunk, `trialqc run --recheck-all`) is written
chunk by chunk: each chunk replaces its studies' issues in one transaction, and what an interrupted check had
not written stays queued. Its SQL rules are set-based, so the engine runs each of them once over the whole
scope, reading each table once, rather than once a chunk on copies of the chunk's rows
(checks.scoped_tables). Their issues wait here, in a table DuckDB may spill to disk rather than in the run's
memory, and each chunk takes its studies' issues when it writes its own.

The table is a temporary table of a cursor of its own: a rule's findings are parked batch by batch while its
query still streams them on the check's connection, where a statement would end that query.
"""
from __future__ import annotations

import duckdb
import pyarrow as pa

TABLE = "parked_issues"


class ParkedIssues:
    """The parked table, with the columns of `schema` (which hold nct_id and rule_id), on a cursor of `con`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, schema: pa.Schema) -> None:
        self.schema = schema
        self.cursor = con.cursor()
        self._with(schema.empty_table(), f"CREATE TEMP TABLE {TABLE} AS SELECT * FROM _parked_in")

    def _with(self, rows: pa.Table, statement: str) -> None:
        self.cursor.register("_parked_in", rows)
        try:
            self.cursor.execute(statement)
        finally:
            self.cursor.unregister("_parked_in")

    def park(self, issues: pa.Table) -> None:
        """Add issues to the table."""
        if issues.num_rows:
            self._with(issues, f"INSERT INTO temp.{TABLE} BY NAME SELECT * FROM _parked_in")

    def unpark(self, rule_id: str) -> None:
        """Remove a rule's issues (it failed after some were parked)."""
        self.cursor.execute(f"DELETE FROM temp.{TABLE} WHERE rule_id = ?", [rule_id])

    def taken(self, first: str, last: str) -> pa.Table:
        """The parked issues of the studies from nct_id `first` to `last`: a chunk's, when every parked issue
        is of a study of the check and the chunk holds every study of the check between the two."""
        names = ", ".join(self.schema.names)
        found = self.cursor.execute(f"SELECT {names} FROM temp.{TABLE} WHERE nct_id BETWEEN ? AND ?",
                                    [first, last]).to_arrow_table()
        return found.cast(self.schema)

    def close(self, quietly: bool) -> None:
        """Close the cursor, and the table with it; quietly when the database may have failed with the check."""
        try:
            self.cursor.close()
        except duckdb.Error:
            if not quietly:
                raise
