"""Rule family missing_fields: required fields a record leaves empty, by study type and status.

A value is missing when it is NULL or blank. What is required follows the registry's data
element definitions: observational studies have no phase; expanded-access records have no
dates, enrollment or outcomes; a WITHDRAWN study enrolled nobody and may drop its outcomes.
A WITHHELD record is a placeholder: FDAAA 801 keeps a trial of a device not yet approved or
cleared from public view, so the registry posts its NCT id and little else, and nothing it
leaves out is the sponsor's gap.

"The record lacks it" is told from "this source never shows it": a rule judges a study only
when the layout of its current version can show the rule's fields (flows.parsers PARSERS
entries declare what each layout carries). When the registry's own record of the study was
loaded beside a newer page, studies columns are judged on that record, the richest source, where
the page never shows them or lacks them too: what the page gives, the study no longer lacks.

Here are the rules and the eras (FDAAA 801, the Final Rule) that soften them; what in a field is no value
(placeholders, pointers elsewhere) is in checks/placeholder_values.py, and which source a study is judged on in
checks/missing_field_sources.py.
"""
from __future__ import annotations

from checks.date_columns import FINAL_RULE_IN_FORCE, before_fdaaa, before_fdaaa_evidence, first_public
from checks.date_columns import first_public_before
from checks.date_columns import shown as shown_date
from checks.missing_field_sources import judged_sql
from checks.placeholder_values import (TITLE_CHARS, blank, ending, given_text, in_list, no_condition, no_criteria,
                                       no_measure, no_summary, none_but_pointers, none_in, repeats_title, rows, shown,
                                       void, white)
from checks.rule import Rule, current_extracts_sql
from checks.sql_text import BLANKS
from flows.parsers import PARSERS

CATEGORY = "missing_field"


# FDAAA 801 made enrollment, dates and the primary outcome required data elements from
# 2007-09-27; a record first made public before then is not faulted as harshly for lacking them. A page that shows
# no posting or submission date (meddatax's, a trial summary) still tells when the record was first made public, at
# the latest: when it was last updated, and by its NCT number (date_columns.first_public).
_BEFORE_FDAAA = f"coalesce({before_fdaaa()}, FALSE)"
# A record first submitted (else first posted) before 42 CFR 11 took effect, which made data elements of fields
# FDAAA had not required (the study completion date); one that gives neither day, by when it was first made public.
_FIRST_SUBMITTED = "coalesce(s.study_first_submitted_date, s.study_first_posted_date)"
_BEFORE_FINAL_RULE = (f"coalesce({_FIRST_SUBMITTED} < {FINAL_RULE_IN_FORCE}, {first_public()} < {FINAL_RULE_IN_FORCE}, "
                      "FALSE)")
_BEFORE_FINAL_RULE_EVIDENCE = (f"CASE WHEN {_FIRST_SUBMITTED} < {FINAL_RULE_IN_FORCE} THEN '; first submitted ' || "
                               f"strftime({_FIRST_SUBMITTED}, '%Y-%m-%d') || ', before the Final Rule required it' "
                               f"WHEN {_FIRST_SUBMITTED} IS NULL THEN "
                               f"{first_public_before(FINAL_RULE_IN_FORCE, 'the Final Rule required it')} ELSE '' END")


def not_carried(layout: str) -> list[str]:
    """The fields judged by missing-field rules that pages of `layout` never show."""
    fields = dict.fromkeys(field for rule in _FIELD_RULES for field in rule.fields)
    entry = next((e for e in PARSERS if e.layout == layout), None)
    return [field for field in fields if entry is not None and not entry.shows(field)]


def _rule(name: str, severity: str, rationale: str, fields: tuple[str, ...], message: str,
          where: str, evidence: str, *, legacy_info: bool = False, final_rule_info: bool = False) -> Rule:
    """A missing-field rule over `studies s`; with legacy_info, records made public before FDAAA get 'info'; with
    final_rule_info, records submitted before the Final Rule made the field a required data element."""
    severity_sql = f"CASE WHEN {_BEFORE_FDAAA} THEN 'info' END" if legacy_info else "NULL"
    if legacy_info:
        evidence = f"{evidence} || {before_fdaaa_evidence()}"
    if final_rule_info:
        severity_sql = f"CASE WHEN {_BEFORE_FINAL_RULE} THEN 'info' END"
        evidence = f"{evidence} || {_BEFORE_FINAL_RULE_EVIDENCE}"
    select = f"SELECT s.nct_id, {message} AS message, {severity_sql} AS severity, "
    where = f"({where}) AND {_NOT_WITHHELD}"
    return Rule(id=f"missing_fields.{name}", category=CATEGORY, severity=severity,
                rationale=rationale, fields=fields, sql=judged_sql(fields, select, evidence, where))


# The registry withholds everything of such a record but its id, title and dates of posting.
_NOT_WITHHELD = "s.overall_status IS DISTINCT FROM 'WITHHELD'"
_TYPE_STATUS = ("'study_type=' || coalesce(s.study_type, 'NULL') "
                "|| '; overall_status=' || coalesce(s.overall_status, 'NULL')")
# The statuses only an expanded-access record takes: a record in one is one, though its page shows no study type.
_EXPANDED_STATUSES = ("AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING")
_NOT_EXPANDED = (f"coalesce(s.study_type, '') <> 'EXPANDED_ACCESS' "
                 f"AND coalesce(s.overall_status, '') NOT IN {in_list(list(_EXPANDED_STATUSES))}")
_NOT_WITHDRAWN = "coalesce(s.overall_status, '') <> 'WITHDRAWN'"
_PRIMARY = "lower(t.outcome_type) = 'primary'"
# What a record gives where a rule finds no value: its placeholders, quoted (NULL when it gives nothing).
_PRIMARY_GIVEN = given_text("design_outcomes", "measure", _PRIMARY)
_CONDITIONS_GIVEN = given_text("conditions", "name")
_SUMMARY_GIVEN = given_text("brief_summaries", "description")
_SUMMARY_ENDING = (f"CASE WHEN EXISTS (SELECT 1 FROM brief_summaries t WHERE t.nct_id = s.nct_id AND "
                   f"strlen(t.description) <= {TITLE_CHARS} AND {repeats_title('t.description')}) "
                   "THEN ', only its title again.' "
                   f"ELSE {ending(_SUMMARY_GIVEN)} END")
_CRITERIA_GIVEN = given_text("eligibilities", "criteria")
_LEAD = "t.lead_or_collaborator = 'lead'"
_SPONSOR_GIVEN = (f"coalesce({given_text('sponsors', 'name', _LEAD)}, CASE WHEN NOT {white('s.source')} "
                  f"THEN '''' || trim(s.source, {BLANKS}) || '''' END)")
_TITLE_GIVEN = (f"nullif(concat_ws(' and ', CASE WHEN NOT {white('s.brief_title')} THEN '''' "
                f"|| trim(s.brief_title, {BLANKS}) || '''' END, CASE WHEN NOT {white('s.official_title')} AND "
                f"trim(s.official_title, {BLANKS}) IS DISTINCT FROM trim(s.brief_title, {BLANKS}) THEN '''' "
                f"|| trim(s.official_title, {BLANKS}) || '''' END), '')")
# A stopped study that enrolled nobody reports an ACTUAL enrollment of 0: that is a value. A TERMINATED study has
# ended, so its 0 is a count whatever its type says (an ESTIMATED one is closed_status_estimated_enrollment's). A
# SUSPENDED study's 0 is a gap only where it is marked an estimate: one not typed (a page that shows no enrollment
# type, a legacy record that gave none) may be the count of a study halted before anyone enrolled.
_ENROLLED_NOBODY = ("(s.overall_status = 'TERMINATED' "
                    "OR s.overall_status = 'SUSPENDED' AND s.enrollment_type IS DISTINCT FROM 'ESTIMATED')")
# A clincosm page's header shows the enrollment of the record it derives from (it leaves out one it cannot compute):
# a page that shows it there gives an enrollment, though its Study Design section does not.
_HEADER_ENROLLMENT = ("EXISTS (SELECT 1 FROM page_header_metrics h WHERE h.nct_id = s.nct_id "
                      "AND h.enrollment IS NOT NULL)")

_FIELD_RULES = (
    _rule("no_title", "error", "Without a title nobody can tell which trial the record is.",
          ("studies.brief_title", "studies.official_title"),
          "'Study has no title' || " + ending(_TITLE_GIVEN),
          f"{void('s.brief_title')} AND {void('s.official_title')}",
          f"'brief_title=' || {shown('s.brief_title')} || '; official_title=' || {shown('s.official_title')}"),
    _rule("no_overall_status", "error",
          "Without a status nobody can tell whether the trial runs, ended or never started.",
          ("studies.overall_status",), "'Study has no overall status.'",
          blank("s.overall_status"), f"'overall_status=' || {shown('s.overall_status')}"),
    _rule("no_conditions", "warning",
          "A trial without conditions cannot be found by disease, the usual way trials are tracked.",
          ("conditions.name",), "'Study lists no condition or disease' || " + ending(_CONDITIONS_GIVEN),
          none_in("conditions", "name", empty=no_condition), rows("conditions", "name", _CONDITIONS_GIVEN)),
    _rule("no_brief_summary", "info",
          "The summary is descriptive text; its absence hides no coded value but leaves readers no context.",
          ("brief_summaries.description",), "'Study has no brief summary' || " + _SUMMARY_ENDING,
          none_but_pointers("brief_summaries", "description", no_summary),
          rows("brief_summaries", "description", _SUMMARY_GIVEN)),
    _rule("no_enrollment", "warning",
          "Enrollment sizes the trial; missing or 0 on a study that is not withdrawn or stopped early is a gap.",
          ("studies.enrollment",),
          "CASE WHEN s.enrollment IS NULL THEN 'Study gives no enrollment.' "
          "ELSE 'Study gives an enrollment of 0 participants while its status is ' "
          "|| coalesce(s.overall_status, 'not given') || ': a count of 0 fits only a study that enrolled nobody "
          "(withdrawn, or stopped before its first participant), so the real count is missing.' END",
          f"{_NOT_EXPANDED} AND {_NOT_WITHDRAWN} AND (s.enrollment IS NULL AND NOT {_HEADER_ENROLLMENT} "
          f"OR (s.enrollment = 0 AND NOT coalesce({_ENROLLED_NOBODY}, false)))",
          f"'enrollment=' || coalesce(CAST(s.enrollment AS VARCHAR), 'NULL') || '; enrollment_type=' "
          f"|| coalesce(s.enrollment_type, 'NULL') || '; ' || {_TYPE_STATUS}", legacy_info=True),
    _rule("no_primary_outcome", "warning",
          "An interventional trial is judged by its primary outcome; without one its results cannot be assessed.",
          ("design_outcomes.outcome_type", "design_outcomes.measure"),
          "'Interventional study lists no primary outcome' || " + ending(_PRIMARY_GIVEN),
          f"s.study_type = 'INTERVENTIONAL' AND {_NOT_WITHDRAWN} AND "
          + none_in("design_outcomes", "measure", _PRIMARY, empty=no_measure),
          f"{_TYPE_STATUS} || '; ' || {rows('design_outcomes', 'primary measure', _PRIMARY_GIVEN)}",
          legacy_info=True),
    _rule("no_start_date", "warning",
          "Without a start date the trial cannot be placed in time or checked for stale status. A WITHDRAWN study "
          "never started, so it has no start to give.",
          ("studies.start_date",), "'Study gives no start date.'",
          f"{_NOT_EXPANDED} AND {_NOT_WITHDRAWN} AND s.start_date IS NULL", f"'start_date=NULL; ' || {_TYPE_STATUS}",
          legacy_info=True),
    _rule("no_completion_date", "warning",
          "Without any completion date nobody can tell when results are due or whether the status is stale. A "
          "WITHDRAWN study never started, so no results are due and its status cannot go stale.",
          ("studies.primary_completion_date", "studies.completion_date"),
          "'Study gives neither a primary completion date nor a completion date.'",
          f"{_NOT_EXPANDED} AND {_NOT_WITHDRAWN} AND s.primary_completion_date IS NULL AND s.completion_date IS NULL",
          f"'primary_completion_date=NULL; completion_date=NULL; ' || {_TYPE_STATUS}", legacy_info=True),
    _rule("no_study_completion_date", "warning",
          "The study completion date (the last participant's last visit) is a required data element beside the "
          "primary completion date (42 CFR 11.28(a)(2)(ii)(G)): without it nobody can tell when the study ends, nor "
          "when its status goes stale. Records submitted before the Final Rule (2017-01-18), when it was optional, "
          "get info; a WITHDRAWN study never started.",
          ("studies.completion_date",),
          "'Study gives a primary completion date but no study completion date.'",
          f"{_NOT_EXPANDED} AND {_NOT_WITHDRAWN} AND s.primary_completion_date IS NOT NULL "
          "AND s.completion_date IS NULL",
          f"'primary_completion_date=' || {shown_date('primary_completion_date')} || '; completion_date=NULL; ' || "
          f"{_TYPE_STATUS}", final_rule_info=True),
    _rule("no_phase", "warning",
          "Interventional trials must state a phase ('NA' when none applies); observational ones have none. FDAAA "
          "801 made the study phase a required data element, so a record made public before it gets info.",
          ("studies.phase",), "'Interventional study gives no phase.'",
          f"s.study_type = 'INTERVENTIONAL' AND {blank('s.phase')}",
          f"'phase=' || {shown('s.phase')} || '; study_type=INTERVENTIONAL'", legacy_info=True),
    _rule("no_lead_sponsor", "warning",
          "The lead sponsor is who answers for the trial and the usual key for tracking a sponsor's trials.",
          ("studies.source", "sponsors.name"), "'Study names no lead sponsor' || " + ending(_SPONSOR_GIVEN),
          f"{void('s.source')} AND " + none_in("sponsors", "name", _LEAD, empty=void),
          f"'source=' || {shown('s.source')} || '; ' || {rows('sponsors', 'lead name', _SPONSOR_GIVEN)}"),
    _rule("no_eligibility_criteria", "info",
          "Criteria tell who may join; they are free text, so their absence hides no coded value.",
          ("eligibilities.criteria",), "'Study gives no eligibility criteria' || " + ending(_CRITERIA_GIVEN),
          none_but_pointers("eligibilities", "criteria", no_criteria),
          rows("eligibilities", "criteria", _CRITERIA_GIVEN)),
)


# A field-selected extract's own finding: the other rules of this category skip such a record (checks.rule_findings).
_FIELD_SELECTED_SQL = f"""
    SELECT p.nct_id,
           'The file holds a field-selected extract of the record (an API answer to fields=...), not the whole '
           || 'record: what it leaves out is not judged missing. Load the whole record to judge it.' AS message,
           substr(p.detail, strpos(p.detail, ': ') + 2) AS evidence
    FROM ({current_extracts_sql("studies")}) p"""

RULES = _FIELD_RULES + (
    Rule(id="missing_fields.field_selected_extract", category=CATEGORY, severity="warning",
         rationale="A record the registry posts always keeps its verification and posting dates; an API v2 record "
                   "without any of them was selected field by field, so any other rule's 'missing' may be a field "
                   "not selected. Those rules skip it, and this says it was not judged whole.",
         fields=("meta.load_problems",), sql=_FIELD_SELECTED_SQL, judges_absence=False),
)
