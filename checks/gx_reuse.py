"""Whether the Data Docs of the last report still hold: what each expectation observes, computed in DuckDB.

Great Expectations takes seconds to load (8 s of CPU here), so it runs only when an expectation's
outcome can differ from the last validation's. Each expectation kind has the statistic that fixes
what GX observes (a row count; a mean by its count and sum; a median by its count and value; the
set of most common values), read here in one statement per frame. When every statistic and every
value the suite reads from the warehouse are as at the last validation, a validation now would
observe the same values and give the same results.
"""
from __future__ import annotations

from importlib import metadata

import duckdb

from checks.gx_expectations import FRAMES, OBSERVED, WarehouseExpectation, tables

# The statistics that decide each kind's observed value; a kind not listed is always validated.
AGGREGATES = {
    "expect_table_row_count_to_equal": "count(*)",
    "expect_column_mean_to_be_between": "count({c}), sum({c})",  # the suite's means are of integer indicators
    "expect_column_median_to_be_between": "count({c}), median({c})",
    "expect_column_most_common_value_to_be_in_set": "histogram({c})",  # non-null values and their counts
}
MODES = "expect_column_most_common_value_to_be_in_set"


def _modes(histogram: dict) -> list:
    """The most common values of a histogram, sorted."""
    top = max(histogram.values(), default=0)
    return sorted(value for value, count in histogram.items() if count == top)


def _frame_statistics(con: duckdb.DuckDBPyConnection, frame: str,
                      expectations: tuple[WarehouseExpectation, ...]) -> list | None:
    """What each expectation on one frame observes, in suite order; None if a kind has no statistic here."""
    if any(e.kind not in AGGREGATES for e in expectations):
        return None
    aggregates = ", ".join(AGGREGATES[e.kind].format(c=f'"{e.column}"') for e in expectations)
    found = list(con.execute(f"SELECT {aggregates} FROM ({FRAMES[frame]})").fetchone())
    return [_modes(value) if isinstance(value, dict) else value for value in found]


def observed_key(con: duckdb.DuckDBPyConnection) -> str | None:
    """What the suite would observe on the warehouse now, with GX's version; None when it cannot be told."""
    statistics = [_frame_statistics(con, frame, found) for frame, found in tables().items()]
    if any(s is None for s in statistics):
        return None
    try:
        version = metadata.version("great_expectations")
    except metadata.PackageNotFoundError:
        version = None
    return repr((statistics, [con.execute(sql).fetchone() for sql in OBSERVED.values()], version))
