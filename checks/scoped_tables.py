"""Scoped copies of the study tables, so a check of a few studies costs in proportion to them.

A rule's SQL names the study tables unqualified. While a small scope is checked, temp tables of the
same names hold only the scoped studies' rows; DuckDB resolves an unqualified name to the temp table
first, so every rule reads the copies without being written for them. A rule that reads other
studies than the one it flags (`Rule.reads_other_studies`) is run outside the block.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

import duckdb

from warehouse.tables import STUDY_TABLES

if TYPE_CHECKING:
    from warehouse.runs import AppendedRows

# SQL: the row's study is in the check's scope. Rules add it to their reads of meta tables, which
# scoped copies do not cover, wherever the study a row belongs to is the study flagged.
IN_SCOPE = "nct_id IN (SELECT nct_id FROM check_scope)"

# Below this share of the warehouse's studies, copying the scope's rows costs less than the rules'
# scans of whole tables (a re-run after a small change); above it, rules read the tables themselves.
SCOPED_SHARE = 0.25


def worth_scoping(con: duckdb.DuckDBPyConnection, scoped: int) -> bool:
    """True when `scoped` studies are a small enough share of the warehouse to copy their rows."""
    total = con.execute("SELECT count(*) FROM main.studies").fetchone()[0]
    return 0 < scoped < total * SCOPED_SHARE


def covers_every_study(con: duckdb.DuckDBPyConnection) -> bool:
    """True when every study of the warehouse is in `check_scope` (a first run, a check of everything)."""
    missing = con.execute("SELECT count(*) FROM main.studies s ANTI JOIN check_scope c USING (nct_id)").fetchone()[0]
    return missing == 0


@contextmanager
def scoped_tables(con: duckdb.DuckDBPyConnection, enabled: bool,
                  appended: "AppendedRows | None" = None) -> Iterator[None]:
    """While the block runs, each study table's unqualified name means its rows of `check_scope` only.

    `appended`: where the run that loaded exactly the scoped studies appended their rows (the caller makes
    sure it `covers` them); the copies are then made from those spans without looking for them first."""
    if not enabled:
        yield
        return
    try:
        if appended is None or not _copy_appended(con, appended):
            for table, (low, high) in _spans(con).items():
                _copy_scoped(con, table, low, high)
        yield
    except BaseException:
        _drop(con, quietly=True)  # the block's own error is the one to see
        raise
    _drop(con, quietly=False)


def _spans(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int | None, int | None]]:
    """Each study table's span of row ids holding the scoped studies' rows, (None, None) when it holds none.

    A study's rows are inserted together, and the studies checked after a small change are those its run
    just loaded: their rows lie in one short span of row ids, at the table's end. The spans are found from the
    nct_id columns alone, every table's in one statement (at a few studies, a statement's cost is mostly
    its planning, not its rows)."""
    rows = con.execute(" UNION ALL ".join(
        f"SELECT {number} AS k, min(rowid) AS low, max(rowid) AS high FROM main.{table} WHERE {IN_SCOPE}"
        for number, table in enumerate(STUDY_TABLES))).fetchall()
    return {STUDY_TABLES[number]: (low, high) for number, low, high in sorted(rows)}


def _copy_appended(con: duckdb.DuckDBPyConnection, appended: "AppendedRows") -> bool:
    """The copies made from the rows the run appended, each table's after the row id it held before: True when
    every copy holds as many rows as the run appended to its table (the copies are then whole: they hold only
    rows of the scoped studies, each of which has only the rows the run appended). False when a copy holds
    fewer (a checkpoint renumbered the rows since): the copies are to be made from a scan."""
    for table in STUDY_TABLES:
        expected = appended.rows.get(table, 0)
        after = appended.after[table] + 1 if expected else -1  # (no row appended: the copy is empty)
        if _copy_scoped(con, table, after, HIGHEST_ROW_ID if expected else -1) != expected:
            return False
    return True


# Above any row id DuckDB gives a stored row.
HIGHEST_ROW_ID = 2 ** 62 - 1


def _copy_scoped(con: duckdb.DuckDBPyConnection, table: str, low: int | None, high: int | None) -> int:
    """The temp copy of `table` holding the scoped studies' rows, which lie between row ids `low` and `high`;
    how many rows it holds.

    The copy reads the columns (long texts among them) of that span only, not of every row (a filter on the
    row id skips whole row groups; the nct_id filter keeps it exact)."""
    return con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM main.{table} "
                       "WHERE rowid BETWEEN $low AND $high AND nct_id IN (SELECT nct_id FROM check_scope)",
                       {"low": -1 if low is None else low, "high": -1 if high is None else high}).fetchone()[0]


def _drop(con: duckdb.DuckDBPyConnection, quietly: bool) -> None:
    """Drop the scoped copies; quietly when the connection may have failed with the block."""
    for table in STUDY_TABLES:
        try:
            con.execute(f"DROP TABLE IF EXISTS temp.{table}")
        except duckdb.Error:
            if not quietly:
                raise
