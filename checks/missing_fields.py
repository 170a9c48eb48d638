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
"""
from __future__ import annotations

import re
from typing import Callable

from checks.date_columns import FINAL_RULE_IN_FORCE, before_fdaaa, before_fdaaa_evidence, first_public
from checks.date_columns import first_public_before
from checks.date_columns import shown as shown_date
from checks.rule import Rule, current_extracts_sql
from checks.scoped_tables import IN_SCOPE
from checks.sql_text import BLANKS, literal
from flows.parsers import PARSERS, REGISTRY_LAYOUTS

CATEGORY = "missing_field"


def _blank(expr: str) -> str:
    """SQL: the text is NULL or only spaces (what coalesce(trim(x), '') = '' says).

    Written as a CASE so trim runs only on a text that may start with a space: trim copies the
    text, and on long free text (eligibility criteria, summaries) the copies cost more than the
    rest of the rule. DuckDB's trim strips Unicode spaces (U+00A0, U+3000...), of which only
    U+0020 is ASCII: a text opening with a printable ASCII character other than it ('!' to '~',
    told by byte order) is never blank.
    """
    return (f"CASE WHEN {expr} IS NULL OR {expr} = '' THEN TRUE "
            f"WHEN {expr} >= '!' AND {expr} < chr(127) THEN FALSE ELSE trim({expr}) = '' END")


def _white(expr: str) -> str:
    """SQL: the non-NULL text is only white space: spaces, tabs, line breaks, Unicode spaces (U+00A0, U+3000)."""
    return f"regexp_full_match({expr}, '[\\s\\p{{Z}}]*')"


def _in_list(values: list[str]) -> str:
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


# What a form's text box holds when its writer had nothing to give: a value in form only.
PLACEHOLDERS = ("n/a", "na", "n.a", "tbd", "tba", "to be determined", "not applicable", "not available",
                "none", "nil", "not provided", "none provided", "not specified", "unknown", "null")
# What a writer puts where the value is still to come: a title, condition, measure, summary or time frame that is
# only one of these gives none (read here and by protocol.outcome_without_time_frame: the other rules sharing
# PLACEHOLDERS read it as they do). 'x', 'xx' or 'XXX' is a template's blank.
NOT_YET_GIVEN = ("not known", "not yet known", "not yet determined", "not yet decided", "not yet available",
                 "to be announced", "to be confirmed", "tbc", "to be added", "to be provided", "pending", "not stated",
                 "coming soon", "to follow", "to be updated", "to be specified", "to be defined", "not defined",
                 "will be added", "will be provided", "will be updated", "x", "xx", "xxx", "xxxx")
# The same placeholders as writers of other languages word them in English records ('Non applicable', 'No aplica').
OTHER_LANGUAGES_NONE = ("non applicable", "not aplicable", "no aplica", "no disponible", "non disponible",
                        "ninguno", "ninguna", "aucun", "aucune", "keine", "nicht zutreffend")
# A field's own label given as its value ('Summary', 'Condition', 'Title'): a form's heading copied, no value.
FIELD_LABELS = ("title", "brief title", "official title", "summary", "brief summary", "description",
                "condition", "conditions", "outcome", "primary outcome", "sponsor", "criteria", "eligibility criteria")
_NO_VALUE_WORDS = PLACEHOLDERS + NOT_YET_GIVEN + OTHER_LANGUAGES_NONE + FIELD_LABELS
# What wraps a placeholder without changing it: white space, closing stops, markdown emphasis and bullets, brackets
# and quotes ('N/A.', '**TBD**', '(none)', '"Unknown"', '- N/A').
_WRAPPING = literal(" \t\n\r\u00a0.*_-:;()[]\"'")
# An HTML entity left in the text ('&nbsp;', '&#160;'): a value of entities alone gives nothing.
_ENTITY = "'&(#[0-9]+|#x[0-9a-f]+|[a-z]+);'"
# A placeholder is short: a longer text is never compared with the list.
_PLACEHOLDER_CHARS = 24
# A text that only points elsewhere for its value: to the record's detailed description ('See detailed description',
# 'Please see below', 'See "Detailed Description"'), or out of the record ('See protocol', 'Please contact
# site', 'Refer to the attached document', 'Contact the study team for details').
_POINTS_TO_DESCRIPTION = (r"(please\s+)?(see|refer\s+to|read)\s+(the\s+)?[\"']?((detailed|study|full)\s+)?"
                          r"(description|below)")
_POINTS_OUT = (r"(please\s+)?((see|refer\s+to|read)\s+(the\s+)?(study\s+)?(protocol|attached(\s+(file|document))?"
               r"|attachment)|contact\s+(the\s+)?(study\s+)?(site|sites|sponsor|investigators?|team|study\s+team))"
               r"(\s+for\s+(the\s+)?(details|more\s+information|information))?")
# A pointer is a short sentence: a longer text is never matched.
_POINTER_CHARS = 64


def _said(expr: str) -> str:
    """SQL: the text lower-cased without what wraps it, as compared with the placeholders."""
    return f"lower(trim({expr}, {_WRAPPING}))"


# The placeholders as one SQL list: list_contains keeps a long text's test inside the CASE that skips it (an IN list
# of as many values may be planned as a join that lower-cases and trims every text first: ten times the CPU where the
# CASE also reads another table).
_NO_VALUE_LIST = "[" + ", ".join(f"'{value}'" for value in _NO_VALUE_WORDS) + "]"


def _void(expr: str) -> str:
    """SQL: the short text (a title, a condition, a measure) is NULL, white space, a placeholder ('N/A', 'TBD',
    'Not applicable', 'Not Provided', 'Unknown', 'Not yet known', '**TBC**', 'Summary'), or has no letter or digit
    ('-', '&nbsp;')."""
    return (f"(CASE WHEN {expr} IS NULL THEN TRUE WHEN strlen({expr}) > {_PLACEHOLDER_CHARS} THEN {_white(expr)} "
            f"ELSE list_contains({_NO_VALUE_LIST}, {_said(expr)}) "
            f"OR NOT regexp_matches(regexp_replace({expr}, {_ENTITY}, '', 'gi'), '[\\p{{L}}\\p{{N}}]') END)")


def _points(expr: str, pattern: str) -> str:
    """SQL: the short text is only a pointer of `pattern` ('See detailed description', 'See protocol')."""
    return (f"(strlen({expr}) <= {_POINTER_CHARS} "
            f"AND regexp_full_match({_said(expr)}, {literal(pattern)}))")


def _pointer(expr: str) -> str:
    """SQL: the short text only points elsewhere for its value, in the record or out of it."""
    return f"({_points(expr, _POINTS_TO_DESCRIPTION)} OR {_points(expr, _POINTS_OUT)})"


def _void_text(expr: str) -> str:
    """SQL: the free text (a summary) is blank, or short and only a placeholder ('N/A', 'Not Provided', '-'): a
    summary says what the trial is, and a form's word for nothing says nothing. A long text is never read whole."""
    return (f"(CASE WHEN {_blank(expr)} THEN TRUE WHEN strlen({expr}) > {_PLACEHOLDER_CHARS} THEN FALSE "
            f"ELSE {_void(expr)} END)")


def _shown(expr: str) -> str:
    """SQL text 'NULL' or the quoted value, for evidence."""
    return f"coalesce('\"' || CAST({expr} AS VARCHAR) || '\"', 'NULL')"


def _none_in(table: str, column: str, where: str = "", *, empty: Callable[[str], str] = _blank) -> str:
    """SQL: the study has no row in `table` (and `where`) whose `column` gives a value: none that is not `empty`
    (blank, or `_void`: a placeholder, or `_void_text`: a short placeholder of a free text)."""
    extra = f" AND {where}" if where else ""
    return (f"NOT EXISTS (SELECT 1 FROM {table} t WHERE t.nct_id = s.nct_id "
            f"AND NOT {empty('t.' + column)}{extra})")


def _no_condition(expr: str) -> str:
    """SQL: the condition is a placeholder, or only points elsewhere ('See description'): no condition to find."""
    return f"({_void(expr)} OR {_pointer(expr)})"


def _no_measure(expr: str) -> str:
    """SQL: the outcome measure is a placeholder, or points to a description the outcome does not give ('See
    description' with none): a measure pointing to the outcome's own description gives it there."""
    return f"({_void(expr)} OR {_pointer(expr)} AND {_void_text('t.description')})"


# The record's detailed description gives a text: what a pointer to it ('See detailed description') points to.
_DESCRIBED = ("EXISTS (SELECT 1 FROM detailed_descriptions d WHERE d.nct_id = s.nct_id "
              f"AND NOT {_void_text('d.description')})")


def _pointless(expr: str, to_description: str) -> str:
    """SQL: the short free text only points out of the record ('See protocol', 'Please contact site'), or, where
    `to_description` (SQL) holds, to its detailed description ('See detailed description', 'Please see below')."""
    return f"({_points(expr, _POINTS_OUT)} OR {to_description} AND {_points(expr, _POINTS_TO_DESCRIPTION)})"


def _none_but_pointers(table: str, column: str, no_value: Callable[[str, str], str]) -> str:
    """SQL: the study's `table` gives no `column` (`no_value(expr, to_description)` says which text gives none, a
    pointer to the detailed description where `to_description`, SQL, holds); a pointer to the detailed description
    gives none only where the record gives no detailed description. (Judged once per row: the look at the
    descriptions costs little beside the text's tests, which, written out twice, cost twice as much to plan.)"""
    return _none_in(table, column, empty=lambda expr: no_value(expr, f"NOT {_DESCRIBED}"))


# The longest title the registry takes (an official title): a longer summary never repeats one.
_TITLE_CHARS = 600


def _repeats_title(expr: str) -> str:
    """SQL: the (short) summary only repeats the study's brief or official title ('Baricitinib in Sjogren's
    Syndrome.')."""
    titles = ", ".join(_said(f"coalesce(s.{title}, '')") for title in ("brief_title", "official_title"))
    return f"{_said(expr)} IN ({titles})"


def _no_summary(expr: str, to_description: str) -> str:
    """SQL: the brief summary gives no summary: blank, a short placeholder ('N/A', 'Summary'), a pointer, or the
    title again. Written as a CASE so that a long text, almost every summary, is never read further."""
    return (f"(CASE WHEN {_blank(expr)} THEN TRUE WHEN strlen({expr}) > {_TITLE_CHARS} THEN FALSE "
            f"ELSE {_void_text(expr)} OR {_pointless(expr, to_description)} OR {_repeats_title(expr)} END)")


# The headings of a criteria text ('Inclusion Criteria:', 'Key Exclusion Criteria', 'Eligibility:').
_CRITERIA_HEADINGS = r"'(key\s+)?(inclusion|exclusion|eligibility)(\s+criteria)?|criteria'"
# Criteria of headings alone, or a pointer, are short: a longer text is never read so.
_HEADINGS_CHARS = 80


def _no_criteria(expr: str, to_description: str) -> str:
    """SQL: the criteria give none: blank, a short placeholder ('N/A', 'TBD'), a pointer ('See protocol', 'Please
    contact site') or their headings alone ('Inclusion Criteria: Exclusion Criteria:'). Written as a CASE so that a
    long text, almost all criteria, is never read further. ('No eligibility criteria', as legacy records of 1999 give
    it for an analysis of data already gathered, is the record's answer: it gives criteria, none.)"""
    headings_only = (f"NOT regexp_matches(regexp_replace(lower({expr}), {_CRITERIA_HEADINGS}, '', 'g'), "
                     f"'[\\p{{L}}\\p{{N}}]')")
    return (f"(CASE WHEN {_blank(expr)} THEN TRUE WHEN strlen({expr}) > {_HEADINGS_CHARS} THEN FALSE "
            f"ELSE {_void_text(expr)} OR {_pointless(expr, to_description)} OR {headings_only} END)")


def _given_text(table: str, column: str, where: str = "") -> str:
    """SQL text: the study's distinct `column` values other than white space in `table` (and `where`), quoted on
    one line and joined by ', ', or NULL when it gives none. Where a rule found no value, these are placeholders."""
    extra = f" AND {where}" if where else ""
    quoted = f"'''' || regexp_replace(trim(t.{column}, {BLANKS}), '[\\s\\p{{Z}}]+', ' ', 'g') || ''''"
    return (f"(SELECT string_agg(DISTINCT {quoted}, ', ' ORDER BY {quoted}) FROM {table} t "
            f"WHERE t.nct_id = s.nct_id AND NOT {_white('t.' + column)}{extra})")


def _ending(given: str) -> str:
    """SQL text ending a message: ', only <given>.' when the record gives placeholders, else '.'."""
    return f"coalesce(', only ' || {given}, '') || '.'"


def _rows(table: str, column: str, given: str = "NULL") -> str:
    """SQL text '<table>: N row(s), none with a <column>' for evidence, and the placeholders `given` gives."""
    count = f"(SELECT count(*) FROM {table} t WHERE t.nct_id = s.nct_id)"
    return (f"'{table}: ' || CAST({count} AS VARCHAR) || ' row(s), none with a {column}' "
            f"|| coalesce(' but a placeholder: ' || {given}, '')")


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


# The studies columns every registry version keeps in meta.source_records.
_VERSION_COLUMNS = ("overall_status", "phase", "study_type", "enrollment", "enrollment_type", "start_date",
                    "start_date_precision", "primary_completion_date", "primary_completion_date_precision",
                    "completion_date", "completion_date_precision", "brief_title")


def hidden_from(fields: tuple[str, ...]) -> list[str]:
    """The layouts whose pages show none of `fields`: a rule on them says nothing about such a record."""
    return [entry.layout for entry in PARSERS if not any(entry.shows(field) for field in fields)]


def not_carried(layout: str) -> list[str]:
    """The fields judged by missing-field rules that pages of `layout` never show."""
    fields = dict.fromkeys(field for rule in _FIELD_RULES for field in rule.fields)
    entry = next((e for e in PARSERS if e.layout == layout), None)
    return [field for field in fields if entry is not None and not entry.shows(field)]


_REGISTRY = _in_list(list(REGISTRY_LAYOUTS))
# A republished page is current although the registry's own record of the study was loaded too.
_PAGE_OVER_REGISTRY = (f"(coalesce(s.source_layout, '') NOT IN {_REGISTRY} AND EXISTS (SELECT 1 FROM "
                       f"meta.source_records v WHERE v.nct_id = s.nct_id AND v.layout IN {_REGISTRY} "
                       f"AND v.{IN_SCOPE}))")


def _registry_version(columns: list[str]) -> str:
    """Such studies' rows with the studies `columns` of the newest registry record: the richest source."""
    picked = ", ".join(f"r.{column} AS {column}" if column in _VERSION_COLUMNS else f"cur.{column}"
                       for column in columns)
    return (f"SELECT {picked}, r.layout AS judged_on, r.sha256 AS judged_sha256 "
            f"FROM studies cur JOIN ("
            f"SELECT * FROM meta.source_records WHERE layout IN {_REGISTRY} "
            # only the (scoped) studies whose current record is a page are judged so: window none of the rest
            f"AND nct_id IN (SELECT nct_id FROM studies WHERE source_layout NOT IN {_REGISTRY}) "
            "QUALIFY row_number() OVER (PARTITION BY nct_id ORDER BY last_update_posted_date DESC NULLS LAST, "
            f"loaded_run DESC, sha256) = 1) r USING (nct_id) WHERE cur.source_layout NOT IN {_REGISTRY}")


# A studies column a rule's SQL reads of the study it judges ('s.enrollment').
_STUDY_COLUMN = re.compile(r"\bs\.([a-z_][a-z0-9_]*)")
# The columns judging a study on one source or another always reads.
_JUDGING_COLUMNS = ("nct_id", "source_layout", "source_sha256")


def _versions(*sql: str) -> str:
    """SQL: each study's current row, and the newest registry record's (`judged_on` its layout) where the current
    record is a page, with the studies columns `sql` reads as `s.<column>`: fewer columns are cheaper to plan."""
    columns = list(dict.fromkeys(_JUDGING_COLUMNS + tuple(c for text in sql for c in _STUDY_COLUMN.findall(text))))
    current = (f"SELECT {', '.join(columns)}, CAST(NULL AS VARCHAR) AS judged_on, source_sha256 AS judged_sha256 "
               "FROM studies")
    return f"({current} UNION ALL {_registry_version(columns)})"


def _given(fields: tuple[str, ...], sha256: str) -> str:
    """SQL: the version `sha256` of the study gave one of `fields`, and validation refused it (meta.raw_values).
    The field is not missing then: the invalid_value issue quotes what the source gave."""
    return (f"EXISTS (SELECT 1 FROM meta.raw_values rv WHERE rv.nct_id = s.nct_id AND rv.sha256 = {sha256} "
            f"AND rv.table_name || '.' || rv.column_name IN {_in_list(list(fields))})")


def _judged_sql(fields: tuple[str, ...], select: str, evidence: str, where: str) -> str:
    """The rule's SELECT over the source each study is judged on: the current record where its layout
    shows the fields, else nothing; the registry's own record when one was loaded beside a current page.
    A field the judged record gave in a form validation refused is not missing. (The rows of either source that lack
    the fields are found once, in a CTE read twice: written out per source, the rule cost twice as much to plan.)"""
    hidden = hidden_from(fields)
    shown = f" AND coalesce(s.source_layout, '') NOT IN {_in_list(hidden)}" if hidden else ""
    if not all(f.startswith("studies.") for f in fields):
        return (f"{select}{evidence} AS evidence FROM studies s WHERE ({where}){shown} AND NOT {_PAGE_OVER_REGISTRY} "
                f"AND NOT {_given(fields, 's.source_sha256')}")
    judged = f"{evidence} || coalesce('; judged on the ' || s.judged_on || ' record, the richest source loaded', '')"
    lacking = (f"SELECT * FROM {_versions(select, evidence, where)} s WHERE ({where}) "
               f"AND NOT {_given(fields, 's.judged_sha256')}")
    return (f"WITH lacking AS MATERIALIZED ({lacking}) {select}{judged} AS evidence FROM lacking s "
            f"WHERE CASE WHEN s.judged_on IS NULL THEN NOT {_PAGE_OVER_REGISTRY}{shown} "
            f"ELSE {_page_lacks_too(hidden)} END")


def _page_lacks_too(hidden: list[str]) -> str:
    """SQL: the current page of a study judged on the registry's own (older) record never shows the fields, or shows
    them no better (the rule's condition holds on it too, and it gave no value validation refused). A page that gives
    the start date, enrollment or phase the older record lacked has given it since: the study does not lack it now."""
    pages = f"(SELECT p.nct_id FROM lacking p WHERE p.judged_on IS NULL AND p.source_layout NOT IN {_REGISTRY})"
    shown_nowhere = f"coalesce(s.source_layout, '') IN {_in_list(hidden)} OR " if hidden else ""
    return f"({shown_nowhere}s.nct_id IN {pages})"


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
                rationale=rationale, fields=fields, sql=_judged_sql(fields, select, evidence, where))


# The registry withholds everything of such a record but its id, title and dates of posting.
_NOT_WITHHELD = "s.overall_status IS DISTINCT FROM 'WITHHELD'"
_TYPE_STATUS = ("'study_type=' || coalesce(s.study_type, 'NULL') "
                "|| '; overall_status=' || coalesce(s.overall_status, 'NULL')")
# The statuses only an expanded-access record takes: a record in one is one, though its page shows no study type.
_EXPANDED_STATUSES = ("AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING")
_NOT_EXPANDED = (f"coalesce(s.study_type, '') <> 'EXPANDED_ACCESS' "
                 f"AND coalesce(s.overall_status, '') NOT IN {_in_list(list(_EXPANDED_STATUSES))}")
_NOT_WITHDRAWN = "coalesce(s.overall_status, '') <> 'WITHDRAWN'"
_PRIMARY = "lower(t.outcome_type) = 'primary'"
# What a record gives where a rule finds no value: its placeholders, quoted (NULL when it gives nothing).
_PRIMARY_GIVEN = _given_text("design_outcomes", "measure", _PRIMARY)
_CONDITIONS_GIVEN = _given_text("conditions", "name")
_SUMMARY_GIVEN = _given_text("brief_summaries", "description")
_SUMMARY_ENDING = (f"CASE WHEN EXISTS (SELECT 1 FROM brief_summaries t WHERE t.nct_id = s.nct_id AND "
                   f"strlen(t.description) <= {_TITLE_CHARS} AND {_repeats_title('t.description')}) "
                   "THEN ', only its title again.' "
                   f"ELSE {_ending(_SUMMARY_GIVEN)} END")
_CRITERIA_GIVEN = _given_text("eligibilities", "criteria")
_LEAD = "t.lead_or_collaborator = 'lead'"
_SPONSOR_GIVEN = (f"coalesce({_given_text('sponsors', 'name', _LEAD)}, CASE WHEN NOT {_white('s.source')} "
                  f"THEN '''' || trim(s.source, {BLANKS}) || '''' END)")
_TITLE_GIVEN = (f"nullif(concat_ws(' and ', CASE WHEN NOT {_white('s.brief_title')} THEN '''' "
                f"|| trim(s.brief_title, {BLANKS}) || '''' END, CASE WHEN NOT {_white('s.official_title')} AND "
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
          "'Study has no title' || " + _ending(_TITLE_GIVEN),
          f"{_void('s.brief_title')} AND {_void('s.official_title')}",
          f"'brief_title=' || {_shown('s.brief_title')} || '; official_title=' || {_shown('s.official_title')}"),
    _rule("no_overall_status", "error",
          "Without a status nobody can tell whether the trial runs, ended or never started.",
          ("studies.overall_status",), "'Study has no overall status.'",
          _blank("s.overall_status"), f"'overall_status=' || {_shown('s.overall_status')}"),
    _rule("no_conditions", "warning",
          "A trial without conditions cannot be found by disease, the usual way trials are tracked.",
          ("conditions.name",), "'Study lists no condition or disease' || " + _ending(_CONDITIONS_GIVEN),
          _none_in("conditions", "name", empty=_no_condition), _rows("conditions", "name", _CONDITIONS_GIVEN)),
    _rule("no_brief_summary", "info",
          "The summary is descriptive text; its absence hides no coded value but leaves readers no context.",
          ("brief_summaries.description",), "'Study has no brief summary' || " + _SUMMARY_ENDING,
          _none_but_pointers("brief_summaries", "description", _no_summary),
          _rows("brief_summaries", "description", _SUMMARY_GIVEN)),
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
          "'Interventional study lists no primary outcome' || " + _ending(_PRIMARY_GIVEN),
          f"s.study_type = 'INTERVENTIONAL' AND {_NOT_WITHDRAWN} AND "
          + _none_in("design_outcomes", "measure", _PRIMARY, empty=_no_measure),
          f"{_TYPE_STATUS} || '; ' || {_rows('design_outcomes', 'primary measure', _PRIMARY_GIVEN)}",
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
          f"s.study_type = 'INTERVENTIONAL' AND {_blank('s.phase')}",
          f"'phase=' || {_shown('s.phase')} || '; study_type=INTERVENTIONAL'", legacy_info=True),
    _rule("no_lead_sponsor", "warning",
          "The lead sponsor is who answers for the trial and the usual key for tracking a sponsor's trials.",
          ("studies.source", "sponsors.name"), "'Study names no lead sponsor' || " + _ending(_SPONSOR_GIVEN),
          f"{_void('s.source')} AND " + _none_in("sponsors", "name", _LEAD, empty=_void),
          f"'source=' || {_shown('s.source')} || '; ' || {_rows('sponsors', 'lead name', _SPONSOR_GIVEN)}"),
    _rule("no_eligibility_criteria", "info",
          "Criteria tell who may join; they are free text, so their absence hides no coded value.",
          ("eligibilities.criteria",), "'Study gives no eligibility criteria' || " + _ending(_CRITERIA_GIVEN),
          _none_but_pointers("eligibilities", "criteria", _no_criteria),
          _rows("eligibilities", "criteria", _CRITERIA_GIVEN)),
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
