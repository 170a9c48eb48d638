"""Cases for checks.gx_suite: one rule per expectation kind, each fires on a bad value."""
from __future__ import annotations

from tests.checks.harness import Case


def study(**values):
    """A change that sets columns of the `studies` row."""
    return lambda s: s["studies"][0].update(values)


def header(**values):
    """A change that adds clincosm header numbers."""
    return lambda s: s.__setitem__("page_header_metrics", [values])


def _clean(_s) -> None:
    """No change: the clean study."""


NOT_NULL = "gx.expect_column_values_to_not_be_null"
IN_SET = "gx.expect_column_values_to_be_in_set"
BETWEEN = "gx.expect_column_values_to_be_between"
MATCH_REGEX = "gx.expect_column_values_to_match_regex"

CASES = [
    Case(NOT_NULL, True, study(study_type=None)),
    Case(NOT_NULL, False, study(phase=None), note="phase may be empty here"),
    Case(NOT_NULL, False, _clean, note="clean"),
    Case(NOT_NULL, False, study(overall_status=None), note="a missing status is missing_fields' issue alone"),

    Case(IN_SET, True, study(phase="PHASE5"), note="corpus/invalid PHASE5"),
    Case(IN_SET, True, lambda s: s["design_groups"][1].update(group_type="Placebo Comparator"),
         note="display label, not enum"),
    Case(IN_SET, False, study(phase="PHASE1/PHASE2"), note="combined phase"),
    Case(IN_SET, False, study(phase=None), note="NULL is for not-null"),
    Case(IN_SET, False, _clean, note="clean"),

    Case(BETWEEN, True, study(enrollment=5_000_000)),
    Case(BETWEEN, True, header(enrollment=40, duration_months=700.0), note="duration past 600"),
    Case(BETWEEN, False, header(enrollment=40, duration_months=14.3), note="seed 000 header"),
    Case(BETWEEN, False, study(enrollment=0, overall_status="WITHDRAWN"), note="0 is in range"),
    Case(BETWEEN, False, _clean, note="clean"),

    Case(MATCH_REGEX, True, _clean, nct_id="NCT0100000X", note="fake id"),
    Case(MATCH_REGEX, False, _clean, note="clean"),
]
