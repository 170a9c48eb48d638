"""The Great Expectations suite as data: what pandera cannot check row by row.

pandera already guards every row's columns on the way in (types, value sets, ranges, id
pattern), so column expectations here could never fail on loaded data. GX holds expectations
over the whole warehouse instead: row counts against the files loaded, the share of studies
missing a field within a band, and the distribution of values. Each expectation reads one
frame (a SELECT over the warehouse). The bands were set on the 600 real corpus records (API v2
and legacy XML), wide enough for a tracked subset of the registry: a failure means a load or
a parser changed, not that one record is odd.

central_contacts and responsible parties are deliberately absent: their values would appear in
Data Docs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A brief summary that is not blank: trim(b.description) <> ''. A first character that trim keeps begins the
# trimmed text, so it decides nearly every summary; only the others are trimmed whole (trimming every summary
# was two thirds of the CPU of reading this frame: 0.08 of 0.12 s at 20,000 studies).
NOT_BLANK = "(trim(left(b.description, 1)) <> '' OR trim(b.description) <> '')"
# Frames the expectations read, by name. Indicator columns (0/1) turn a share into a mean.
FRAMES = {
    "studies": f"""
        SELECT s.nct_id, s.overall_status, s.enrollment,
               CAST(s.study_type = 'INTERVENTIONAL' AS INTEGER) AS is_interventional,
               CAST(s.start_date IS NOT NULL AS INTEGER) AS has_start_date,
               CAST(coalesce(s.completion_date, s.primary_completion_date) IS NOT NULL AS INTEGER)
                   AS has_completion_date,
               CAST(s.enrollment IS NOT NULL OR s.study_type = 'EXPANDED_ACCESS' AS INTEGER) AS has_enrollment,
               CAST(EXISTS (SELECT 1 FROM conditions c WHERE c.nct_id = s.nct_id) AS INTEGER) AS has_condition,
               CAST(EXISTS (SELECT 1 FROM brief_summaries b WHERE b.nct_id = s.nct_id
                            AND {NOT_BLANK}) AS INTEGER) AS has_brief_summary
        FROM studies s""",
    "interventional_studies": """
        SELECT s.nct_id,
               CAST(EXISTS (SELECT 1 FROM design_outcomes o WHERE o.nct_id = s.nct_id
                            AND o.outcome_type = 'primary') AS INTEGER) AS has_primary_outcome,
               CAST(s.phase IS NOT NULL AS INTEGER) AS has_phase
        FROM studies s WHERE s.study_type = 'INTERVENTIONAL'""",
}
# Values an expectation compares with that come from the warehouse itself, by name.
OBSERVED = {
    # Every study loaded from a file (each version kept in meta.source_records) has its row.
    "studies_loaded": "SELECT count(DISTINCT nct_id) FROM meta.source_records",
}


@dataclass(frozen=True)
class WarehouseExpectation:
    """One GX expectation over one frame; `from_warehouse` names kwargs read from OBSERVED."""

    kind: str
    table: str
    column: str | None = None
    kwargs: tuple[tuple[str, Any], ...] = ()
    why: str = ""
    from_warehouse: tuple[tuple[str, str], ...] = ()

    @property
    def field(self) -> str:
        """The `frame.column` (or the frame) it is about."""
        return f"{self.table}.{self.column}" if self.column else self.table


def share_at_least(table: str, column: str, low: float, why: str) -> WarehouseExpectation:
    """The share of rows with the indicator `column` set is at least `low`."""
    return WarehouseExpectation("expect_column_mean_to_be_between", table, column,
                                (("min_value", low), ("max_value", 1.0)), why)


SUITE: tuple[WarehouseExpectation, ...] = (
    WarehouseExpectation("expect_table_row_count_to_equal", "studies", None, (),
                         "every study loaded from a file has exactly one current row",
                         (("value", "studies_loaded"),)),
    share_at_least("studies", "has_start_date", 0.75, "legacy XML lacks a start date in ~22% of records"),
    share_at_least("studies", "has_completion_date", 0.70, "legacy XML lacks completion dates in ~25%"),
    share_at_least("studies", "has_enrollment", 0.70, "legacy XML lacks enrollment in ~25%"),
    share_at_least("studies", "has_condition", 0.95, "the registry requires conditions"),
    share_at_least("studies", "has_brief_summary", 0.95, "the registry requires a brief summary"),
    share_at_least("interventional_studies", "has_primary_outcome", 0.50,
                   "legacy XML lacks a primary outcome in about half of interventional records"),
    share_at_least("interventional_studies", "has_phase", 0.95, "API v2 gives every interventional record a phase"),
    WarehouseExpectation("expect_column_mean_to_be_between", "studies", "is_interventional",
                         (("min_value", 0.30), ("max_value", 0.95)),
                         "the registry is about three quarters interventional"),
    WarehouseExpectation("expect_column_median_to_be_between", "studies", "enrollment",
                         (("min_value", 10), ("max_value", 1000)), "the median trial enrolls about 60-100"),
    WarehouseExpectation("expect_column_most_common_value_to_be_in_set", "studies", "overall_status",
                         (("value_set", ["COMPLETED", "RECRUITING", "UNKNOWN", "ACTIVE_NOT_RECRUITING",
                                         "NOT_YET_RECRUITING"]),),
                         "a warehouse mostly WITHDRAWN or TERMINATED is a filter or a parser gone wrong"),
)


def tables() -> dict[str, tuple[WarehouseExpectation, ...]]:
    """The suite grouped by frame, in suite order."""
    grouped: dict[str, list[WarehouseExpectation]] = {}
    for expectation in SUITE:
        grouped.setdefault(expectation.table, []).append(expectation)
    return {table: tuple(found) for table, found in grouped.items()}
