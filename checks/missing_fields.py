"""Rule family missing_fields: required fields a record leaves empty, by study type and status.

A value is missing when it is NULL or blank. What is required follows the registry's data
element definitions: observational studies have no phase; expanded-access records have no
dates, enrollment or outcomes; a WITHDRAWN study enrolled nobody and may drop its outcomes.
"""
from __future__ import annotations

from checks.rule import Rule

CATEGORY = "missing_field"


def _blank(expr: str) -> str:
    return f"coalesce(trim({expr}), '') = ''"


def _shown(expr: str) -> str:
    """SQL text 'NULL' or the quoted value, for evidence."""
    return f"coalesce('\"' || CAST({expr} AS VARCHAR) || '\"', 'NULL')"


def _none_in(table: str, column: str, where: str = "") -> str:
    """SQL: the study has no row in `table` with a non-blank `column` (and `where`)."""
    extra = f" AND {where}" if where else ""
    return (f"NOT EXISTS (SELECT 1 FROM {table} t WHERE t.nct_id = s.nct_id "
            f"AND NOT {_blank('t.' + column)}{extra})")


def _rows(table: str, column: str) -> str:
    """SQL text '<table>: N row(s), none with a <column>' for evidence."""
    count = f"(SELECT count(*) FROM {table} t WHERE t.nct_id = s.nct_id)"
    return f"'{table}: ' || CAST({count} AS VARCHAR) || ' row(s), none with a {column}'"


# FDAAA 801 made enrollment, dates and the primary outcome required data elements from
# 2007-09-27; a record first posted before then is not faulted as harshly for lacking them.
FDAAA_IN_FORCE = "DATE '2007-09-27'"
_BEFORE_FDAAA = f"s.study_first_posted_date < {FDAAA_IN_FORCE}"


def _rule(name: str, severity: str, rationale: str, fields: tuple[str, ...], message: str,
          where: str, evidence: str, *, legacy_info: bool = False) -> Rule:
    """A missing-field rule over `studies s`; with legacy_info, records posted before FDAAA get 'info'."""
    severity_sql = f"CASE WHEN {_BEFORE_FDAAA} THEN 'info' END" if legacy_info else "NULL"
    if legacy_info:
        evidence = (f"{evidence} || CASE WHEN {_BEFORE_FDAAA} THEN '; first posted ' || "
                    f"s.study_first_posted_date || ', before FDAAA required it' ELSE '' END")
    sql = (f"SELECT s.nct_id, {message} AS message, {evidence} AS evidence, {severity_sql} AS severity "
           f"FROM studies s WHERE {where}")
    return Rule(id=f"missing_fields.{name}", category=CATEGORY, severity=severity,
                rationale=rationale, fields=fields, sql=sql)


_TYPE_STATUS = ("'study_type=' || coalesce(s.study_type, 'NULL') "
                "|| '; overall_status=' || coalesce(s.overall_status, 'NULL')")
_NOT_EXPANDED = "coalesce(s.study_type, '') <> 'EXPANDED_ACCESS'"
_NOT_WITHDRAWN = "coalesce(s.overall_status, '') <> 'WITHDRAWN'"
# A stopped study that enrolled nobody reports an ACTUAL enrollment of 0: that is a value.
_ENROLLED_NOBODY = "(s.overall_status IN ('TERMINATED', 'SUSPENDED') AND s.enrollment_type = 'ACTUAL')"

RULES = (
    _rule("no_title", "error", "Without a title nobody can tell which trial the record is.",
          ("studies.brief_title", "studies.official_title"), "'Study has no title.'",
          f"{_blank('s.brief_title')} AND {_blank('s.official_title')}",
          f"'brief_title=' || {_shown('s.brief_title')} || '; official_title=' || {_shown('s.official_title')}"),
    _rule("no_overall_status", "error",
          "Without a status nobody can tell whether the trial runs, ended or never started.",
          ("studies.overall_status",), "'Study has no overall status.'",
          _blank("s.overall_status"), f"'overall_status=' || {_shown('s.overall_status')}"),
    _rule("no_conditions", "warning",
          "A trial without conditions cannot be found by disease, the usual way trials are tracked.",
          ("conditions.name",), "'Study lists no condition or disease.'",
          _none_in("conditions", "name"), _rows("conditions", "name")),
    _rule("no_brief_summary", "info",
          "The summary is descriptive text; its absence hides no coded value but leaves readers no context.",
          ("brief_summaries.description",), "'Study has no brief summary.'",
          _none_in("brief_summaries", "description"), _rows("brief_summaries", "description")),
    _rule("no_enrollment", "warning",
          "Enrollment sizes the trial; missing or 0 on a study that is not withdrawn or stopped early is a gap.",
          ("studies.enrollment",),
          "CASE WHEN s.enrollment IS NULL THEN 'Study gives no enrollment.' "
          "ELSE 'Study gives an enrollment of 0 participants.' END",
          f"{_NOT_EXPANDED} AND {_NOT_WITHDRAWN} AND (s.enrollment IS NULL "
          f"OR (s.enrollment = 0 AND NOT coalesce({_ENROLLED_NOBODY}, false)))",
          f"'enrollment=' || coalesce(CAST(s.enrollment AS VARCHAR), 'NULL') || '; enrollment_type=' "
          f"|| coalesce(s.enrollment_type, 'NULL') || '; ' || {_TYPE_STATUS}", legacy_info=True),
    _rule("no_primary_outcome", "warning",
          "An interventional trial is judged by its primary outcome; without one its results cannot be assessed.",
          ("design_outcomes.outcome_type", "design_outcomes.measure"),
          "'Interventional study lists no primary outcome.'",
          f"s.study_type = 'INTERVENTIONAL' AND {_NOT_WITHDRAWN} AND "
          + _none_in("design_outcomes", "measure", "lower(t.outcome_type) = 'primary'"),
          f"{_TYPE_STATUS} || '; ' || {_rows('design_outcomes', 'primary measure')}", legacy_info=True),
    _rule("no_start_date", "warning",
          "Without a start date the trial cannot be placed in time or checked for stale status.",
          ("studies.start_date",), "'Study gives no start date.'",
          f"{_NOT_EXPANDED} AND s.start_date IS NULL", f"'start_date=NULL; ' || {_TYPE_STATUS}",
          legacy_info=True),
    _rule("no_completion_date", "warning",
          "Without any completion date nobody can tell when results are due or whether the status is stale.",
          ("studies.primary_completion_date", "studies.completion_date"),
          "'Study gives neither a primary completion date nor a completion date.'",
          f"{_NOT_EXPANDED} AND s.primary_completion_date IS NULL AND s.completion_date IS NULL",
          f"'primary_completion_date=NULL; completion_date=NULL; ' || {_TYPE_STATUS}", legacy_info=True),
    _rule("no_phase", "warning",
          "Interventional trials must state a phase ('NA' when none applies); observational ones have none.",
          ("studies.phase",), "'Interventional study gives no phase.'",
          f"s.study_type = 'INTERVENTIONAL' AND {_blank('s.phase')}",
          f"'phase=' || {_shown('s.phase')} || '; study_type=INTERVENTIONAL'"),
    _rule("no_lead_sponsor", "warning",
          "The lead sponsor is who answers for the trial and the usual key for tracking a sponsor's trials.",
          ("studies.source", "sponsors.name"), "'Study names no lead sponsor.'",
          f"{_blank('s.source')} AND " + _none_in("sponsors", "name", "t.lead_or_collaborator = 'lead'"),
          f"'source=' || {_shown('s.source')} || '; ' || {_rows('sponsors', 'lead name')}"),
    _rule("no_eligibility_criteria", "info",
          "Criteria tell who may join; they are free text, so their absence hides no coded value.",
          ("eligibilities.criteria",), "'Study gives no eligibility criteria.'",
          _none_in("eligibilities", "criteria"), _rows("eligibilities", "criteria")),
)
