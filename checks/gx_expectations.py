"""The Great Expectations suite as data: declarative column expectations per warehouse table.

central_contacts is deliberately absent: its values would appear in Data Docs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schemas import enums

NOT_NULL = "expect_column_values_to_not_be_null"
IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
MATCH_REGEX = "expect_column_values_to_match_regex"
KINDS = (NOT_NULL, IN_SET, BETWEEN, MATCH_REGEX)
NCT_ID_PATTERN = r"^NCT\d{8}$"


@dataclass(frozen=True)
class ColumnExpectation:
    """One GX expectation on one column of one warehouse table."""

    kind: str
    table: str
    column: str
    kwargs: tuple[tuple[str, Any], ...] = ()

    @property
    def field(self) -> str:
        """The `table.column` it is about."""
        return f"{self.table}.{self.column}"


def not_null(table: str, *columns: str) -> tuple[ColumnExpectation, ...]:
    """Every row has a value in each column."""
    return tuple(ColumnExpectation(NOT_NULL, table, c) for c in columns)


def in_set(table: str, values: tuple[str, ...], *columns: str) -> tuple[ColumnExpectation, ...]:
    """Each non-null value of each column is one of `values`."""
    return tuple(ColumnExpectation(IN_SET, table, c, (("value_set", list(values)),)) for c in columns)


def between(table: str, low: float, high: float, *columns: str) -> tuple[ColumnExpectation, ...]:
    """Each non-null value of each column lies in [low, high]."""
    bounds = (("min_value", low), ("max_value", high))
    return tuple(ColumnExpectation(BETWEEN, table, c, bounds) for c in columns)


_DATES = ("start_date", "primary_completion_date", "completion_date", "study_first_posted_date",
          "last_update_posted_date", "verification_date")

SUITE: tuple[ColumnExpectation, ...] = (
    # overall_status is left to missing_fields.no_overall_status, so a missing status is one issue, not two.
    *not_null("studies", "nct_id", "study_type"),
    ColumnExpectation(MATCH_REGEX, "studies", "nct_id", (("regex", NCT_ID_PATTERN),)),
    *in_set("studies", enums.OVERALL_STATUS, "overall_status", "last_known_status"),
    *in_set("studies", enums.PHASE_COMBINED, "phase"),
    *in_set("studies", enums.STUDY_TYPE, "study_type"),
    *in_set("studies", enums.DATE_TYPE, "enrollment_type", "start_date_type",
            "primary_completion_date_type", "completion_date_type"),
    *in_set("studies", enums.DATE_PRECISION, *(f"{d}_precision" for d in _DATES)),
    *between("studies", 0, 1_000_000, "enrollment"),
    *between("studies", 0, 100, "number_of_arms"),
    *in_set("designs", enums.ALLOCATION, "allocation"),
    *in_set("designs", enums.INTERVENTION_MODEL, "intervention_model"),
    *in_set("designs", enums.OBSERVATIONAL_MODEL, "observational_model"),
    *in_set("designs", enums.TIME_PERSPECTIVE, "time_perspective"),
    *in_set("designs", enums.PRIMARY_PURPOSE, "primary_purpose"),
    *in_set("designs", enums.MASKING, "masking"),
    *in_set("design_groups", enums.ARM_GROUP_TYPE, "group_type"),
    *in_set("interventions", enums.INTERVENTION_TYPE, "intervention_type"),
    *in_set("design_outcomes", enums.OUTCOME_TYPE, "outcome_type"),
    *in_set("eligibilities", enums.SEX, "gender"),
    *in_set("sponsors", enums.AGENCY_CLASS, "agency_class"),
    *in_set("sponsors", enums.LEAD_OR_COLLABORATOR, "lead_or_collaborator"),
    *between("page_header_metrics", 0, 600, "duration_months"),
    *between("page_header_metrics", 0, 1_000_000, "enrollment"),
)


def tables() -> dict[str, tuple[ColumnExpectation, ...]]:
    """The suite grouped by table, in suite order."""
    grouped: dict[str, list[ColumnExpectation]] = {}
    for expectation in SUITE:
        grouped.setdefault(expectation.table, []).append(expectation)
    return {table: tuple(found) for table, found in grouped.items()}
