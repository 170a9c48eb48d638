"""What in a record's field gives no value, as SQL a rule reads: NULL or white space, a placeholder ('N/A', 'TBD',
'Not yet known', a field's own label), a pointer elsewhere ('See detailed description'), a summary that repeats the
title, criteria of headings alone; and the placeholders a record gave, quoted for a message."""
from __future__ import annotations

from typing import Callable

from checks.sql_text import BLANKS, literal


def blank(expr: str) -> str:
    """SQL: the text is NULL or only spaces (what coalesce(trim(x), '') = '' says).

    Written as a CASE so trim runs only on a text that may start with a space: trim copies the
    text, and on long free text (eligibility criteria, summaries) the copies cost more than the
    rest of the rule. DuckDB's trim strips Unicode spaces (U+00A0, U+3000...), of which only
    U+0020 is ASCII: a text opening with a printable ASCII character other than it ('!' to '~',
    told by byte order) is never blank.
    """
    return (f"CASE WHEN {expr} IS NULL OR {expr} = '' THEN TRUE "
            f"WHEN {expr} >= '!' AND {expr} < chr(127) THEN FALSE ELSE trim({expr}) = '' END")


def white(expr: str) -> str:
    """SQL: the non-NULL text is only white space: spaces, tabs, line breaks, Unicode spaces (U+00A0, U+3000)."""
    return f"regexp_full_match({expr}, '[\\s\\p{{Z}}]*')"


def in_list(values: list[str]) -> str:
    """SQL: a parenthesised list of the values as string literals, for IN."""
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
_LABEL_LIST = "[" + ", ".join(f"'{value}'" for value in FIELD_LABELS) + "]"


def void(expr: str) -> str:
    """SQL: the short text (a title, a condition, a measure) is NULL, white space, a placeholder ('N/A', 'TBD',
    'Not applicable', 'Not Provided', 'Unknown', 'Not yet known', '**TBC**', 'Summary'), or has no letter or digit
    ('-', '&nbsp;')."""
    return (f"(CASE WHEN {expr} IS NULL THEN TRUE WHEN strlen({expr}) > {_PLACEHOLDER_CHARS} THEN {white(expr)} "
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
    return (f"(CASE WHEN {blank(expr)} THEN TRUE WHEN strlen({expr}) > {_PLACEHOLDER_CHARS} THEN FALSE "
            f"ELSE {void(expr)} END)")


def shown(expr: str) -> str:
    """SQL text 'NULL' or the quoted value, for evidence."""
    return f"coalesce('\"' || CAST({expr} AS VARCHAR) || '\"', 'NULL')"


def none_in(table: str, column: str, where: str = "", *, empty: Callable[[str], str] = blank) -> str:
    """SQL: the study has no row in `table` (and `where`) whose `column` gives a value: none that is not `empty`
    (blank, or `void`: a placeholder, or `_void_text`: a short placeholder of a free text)."""
    extra = f" AND {where}" if where else ""
    return (f"NOT EXISTS (SELECT 1 FROM {table} t WHERE t.nct_id = s.nct_id "
            f"AND NOT {empty('t.' + column)}{extra})")


def no_condition(expr: str) -> str:
    """SQL: the condition is a placeholder, or only points elsewhere ('See description'): no condition to find."""
    return f"({void(expr)} OR {_pointer(expr)})"


def _label(expr: str) -> str:
    """SQL: the short text is only a field's own label ('Primary outcome:', 'Outcome'), a form's heading copied."""
    return f"(strlen({expr}) <= {_PLACEHOLDER_CHARS} AND list_contains({_LABEL_LIST}, {_said(expr)}))"


def no_measure(expr: str) -> str:
    """SQL: the outcome measure is a placeholder, or points to a description the outcome does not give ('See
    description' with none): a measure pointing to the outcome's own description gives it there, and so does a
    measure that is only its field's label ('Primary outcome:') above a description that says what is measured. A
    description that is blank, a placeholder or a pointer itself gives none."""
    undescribed = f"({_void_text('t.description')} OR {_pointer('t.description')})"
    return (f"({void(expr)} AND NOT {_label(expr)} OR ({_label(expr)} OR {_pointer(expr)}) "
            f"AND {undescribed})")


# The record's detailed description gives a text: what a pointer to it ('See detailed description') points to.
_DESCRIBED = ("EXISTS (SELECT 1 FROM detailed_descriptions d WHERE d.nct_id = s.nct_id "
              f"AND NOT {_void_text('d.description')})")


def _pointless(expr: str, to_description: str) -> str:
    """SQL: the short free text only points out of the record ('See protocol', 'Please contact site'), or, where
    `to_description` (SQL) holds, to its detailed description ('See detailed description', 'Please see below')."""
    return f"({_points(expr, _POINTS_OUT)} OR {to_description} AND {_points(expr, _POINTS_TO_DESCRIPTION)})"


def none_but_pointers(table: str, column: str, no_value: Callable[[str, str], str]) -> str:
    """SQL: the study's `table` gives no `column` (`no_value(expr, to_description)` says which text gives none, a
    pointer to the detailed description where `to_description`, SQL, holds); a pointer to the detailed description
    gives none only where the record gives no detailed description. (Judged once per row: the look at the
    descriptions costs little beside the text's tests, which, written out twice, cost twice as much to plan.)"""
    return none_in(table, column, empty=lambda expr: no_value(expr, f"NOT {_DESCRIBED}"))


# The longest title the registry takes (an official title): a longer summary never repeats one.
TITLE_CHARS = 600


def repeats_title(expr: str) -> str:
    """SQL: the (short) summary only repeats the study's brief or official title ('Baricitinib in Sjogren's
    Syndrome.')."""
    titles = ", ".join(_said(f"coalesce(s.{title}, '')") for title in ("brief_title", "official_title"))
    return f"{_said(expr)} IN ({titles})"


def no_summary(expr: str, to_description: str) -> str:
    """SQL: the brief summary gives no summary: blank, a short placeholder ('N/A', 'Summary'), a pointer, or the
    title again. Written as a CASE so that a long text, almost every summary, is never read further."""
    return (f"(CASE WHEN {blank(expr)} THEN TRUE WHEN strlen({expr}) > {TITLE_CHARS} THEN FALSE "
            f"ELSE {_void_text(expr)} OR {_pointless(expr, to_description)} OR {repeats_title(expr)} END)")


# The headings of a criteria text ('Inclusion Criteria:', 'Key Exclusion Criteria', 'Eligibility:').
_CRITERIA_HEADINGS = r"'(key\s+)?(inclusion|exclusion|eligibility)(\s+criteria)?|criteria'"
# Criteria of headings alone, or a pointer, are short: a longer text is never read so.
_HEADINGS_CHARS = 80


def no_criteria(expr: str, to_description: str) -> str:
    """SQL: the criteria give none: blank, a short placeholder ('N/A', 'TBD'), a pointer ('See protocol', 'Please
    contact site') or their headings alone ('Inclusion Criteria: Exclusion Criteria:'). Written as a CASE so that a
    long text, almost all criteria, is never read further. ('No eligibility criteria', as legacy records of 1999 give
    it for an analysis of data already gathered, is the record's answer: it gives criteria, none.)"""
    headings_only = (f"NOT regexp_matches(regexp_replace(lower({expr}), {_CRITERIA_HEADINGS}, '', 'g'), "
                     f"'[\\p{{L}}\\p{{N}}]')")
    return (f"(CASE WHEN {blank(expr)} THEN TRUE WHEN strlen({expr}) > {_HEADINGS_CHARS} THEN FALSE "
            f"ELSE {_void_text(expr)} OR {_pointless(expr, to_description)} OR {headings_only} END)")


def given_text(table: str, column: str, where: str = "") -> str:
    """SQL text: the study's distinct `column` values other than white space in `table` (and `where`), quoted on
    one line and joined by ', ', or NULL when it gives none. Where a rule found no value, these are placeholders."""
    extra = f" AND {where}" if where else ""
    quoted = f"'''' || regexp_replace(trim(t.{column}, {BLANKS}), '[\\s\\p{{Z}}]+', ' ', 'g') || ''''"
    return (f"(SELECT string_agg(DISTINCT {quoted}, ', ' ORDER BY {quoted}) FROM {table} t "
            f"WHERE t.nct_id = s.nct_id AND NOT {white('t.' + column)}{extra})")


def ending(given: str) -> str:
    """SQL text ending a message: ', only <given>.' when the record gives placeholders, else '.'."""
    return f"coalesce(', only ' || {given}, '') || '.'"


def rows(table: str, column: str, given: str = "NULL") -> str:
    """SQL text '<table>: N row(s), none with a <column>' for evidence, and the placeholders `given` gives."""
    count = f"(SELECT count(*) FROM {table} t WHERE t.nct_id = s.nct_id)"
    return (f"'{table}: ' || CAST({count} AS VARCHAR) || ' row(s), none with a {column}' "
            f"|| coalesce(' but a placeholder: ' || {given}, '')")
