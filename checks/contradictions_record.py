"""Contradictions between a record's status fields, its actual/estimated flags and its page header; an outcome
listed twice."""
from __future__ import annotations

from checks.date_columns import before_fdaaa, before_fdaaa_evidence
from checks.protocol_outcomes import no_time_frame
from checks.rule import Rule
from checks.status import ran_past_fdaaa_on

# FDAAA 801 (from 2007-09-27) has the actual enrollment reported once a trial closes; records made public before it
# were never asked to replace their anticipated enrollment, unless the study was still running after it (an ACTUAL,
# or untyped legacy, start, primary completion or completion on or after 2007-09-27, not after the last update): its
# record then fell under FDAAA's updates, as `status.stopped_without_reason` reads it too.
_MADE_PUBLIC_BEFORE_FDAAA = f"coalesce({before_fdaaa('s')}, FALSE)"
_RAN_PAST_FDAAA = "s.ran_past_fdaaa IS NOT NULL"
_STILL_RUNNING_EVIDENCE = (f"CASE WHEN {_MADE_PUBLIC_BEFORE_FDAAA} AND {_RAN_PAST_FDAAA} "
                           "THEN ', but the study was still running on ' || s.ran_past_fdaaa ELSE '' END")
CLOSED_STATUS_ESTIMATED_ENROLLMENT = f"""
    SELECT nct_id,
           'The study is ' || overall_status || ' but its enrollment'
             || coalesce(' of ' || enrollment, ' (no count given)') || ' is still an estimate.' AS message,
           'studies.overall_status = ''' || overall_status || '''; studies.enrollment = '
             || coalesce(enrollment::VARCHAR, 'NULL') || ', enrollment_type = ''ESTIMATED'''
             || {before_fdaaa_evidence("s")} || {_STILL_RUNNING_EVIDENCE} AS evidence,
           CASE WHEN {_MADE_PUBLIC_BEFORE_FDAAA} AND NOT {_RAN_PAST_FDAAA} THEN 'info' END AS severity
    FROM (SELECT *, {ran_past_fdaaa_on()} AS ran_past_fdaaa FROM studies s
          WHERE overall_status IN ('COMPLETED', 'TERMINATED') AND enrollment_type = 'ESTIMATED') s
"""

# A study NOT_YET_RECRUITING, or last known so where the registry now says UNKNOWN (its sponsor's last word on it), and
# how the message names that status.
_NOT_YET = ("(overall_status = 'NOT_YET_RECRUITING' OR overall_status = 'UNKNOWN' "
            "AND last_known_status = 'NOT_YET_RECRUITING')")
_STATUS_SAID = ("CASE WHEN overall_status = 'UNKNOWN' THEN 'The study''s last known status is NOT_YET_RECRUITING "
                "(now UNKNOWN)' ELSE 'The study is NOT_YET_RECRUITING' END")
_STATUS_EVIDENCE = ("CASE WHEN overall_status = 'UNKNOWN' THEN 'studies.overall_status = ''UNKNOWN''; "
                    "studies.last_known_status = ''NOT_YET_RECRUITING''; ' "
                    "ELSE 'studies.overall_status = ''NOT_YET_RECRUITING''; ' END")

NOT_YET_RECRUITING_WITH_ACTUALS = f"""
    SELECT nct_id,
           {_STATUS_SAID} || CASE WHEN start_date_type = 'ACTUAL'
                THEN ' but its start date '
                     || coalesce(start_month_year || ' ', start_date::VARCHAR || ' ', '(not given) ')
                     || 'is marked actual.'
                ELSE ' but its enrollment'
                     || coalesce(' of ' || enrollment, ' (no count given)') || ' is marked actual.' END AS message,
           {_STATUS_EVIDENCE}
             || concat_ws('; ',
                  CASE WHEN start_date_type = 'ACTUAL'
                       THEN 'studies.start_date = ' || coalesce(start_month_year, start_date::VARCHAR, 'NULL')
                            || ' (ACTUAL)' END,
                  CASE WHEN enrollment_type = 'ACTUAL'
                       THEN 'studies.enrollment = ' || coalesce(enrollment::VARCHAR, 'NULL') || ' (ACTUAL)' END)
             AS evidence,
           list_filter(['studies.overall_status',
                        CASE WHEN overall_status = 'UNKNOWN' THEN 'studies.last_known_status' END,
                        CASE WHEN start_date_type = 'ACTUAL' THEN 'studies.start_date_type' END,
                        CASE WHEN enrollment_type = 'ACTUAL' THEN 'studies.enrollment_type' END],
                       lambda f: f IS NOT NULL) AS fields,
           CASE WHEN start_date_type IS DISTINCT FROM 'ACTUAL' AND coalesce(enrollment, 0) = 0
                THEN 'warning' END AS severity
    FROM studies
    WHERE {_NOT_YET} AND (start_date_type = 'ACTUAL' OR enrollment_type = 'ACTUAL')
"""

# clincosm derives its header numbers from the record; any disagreement means one side is wrong.
HEADER_METRICS_DIFFER = """
    WITH counted AS (
        SELECT h.nct_id, h.enrollment AS page_enrollment, s.enrollment, s.enrollment_type,
               h.arms AS page_arms, (SELECT count(*) FROM design_groups g WHERE g.nct_id = h.nct_id) AS arms,
               h.sites AS page_sites, (SELECT count(*) FROM facilities f WHERE f.nct_id = h.nct_id) AS sites
        FROM page_header_metrics h JOIN studies s USING (nct_id)
    )
    SELECT nct_id, 'The page header says ' || page_enrollment || ' participants but the record''s enrollment is '
                   || enrollment || coalesce(' (' || enrollment_type || ')', '') || '.' AS message,
           'page_header_metrics.enrollment = ' || page_enrollment || '; studies.enrollment = ' || enrollment
             AS evidence,
           ['page_header_metrics.enrollment', 'studies.enrollment'] AS fields
    FROM counted WHERE page_enrollment <> enrollment
    UNION ALL
    SELECT nct_id, 'The page header says ' || page_arms || CASE page_arms WHEN 1 THEN ' arm' ELSE ' arms' END
                   || ' but the record lists ' || arms || '.',
           'page_header_metrics.arms = ' || page_arms || '; count(design_groups) = ' || arms,
           ['page_header_metrics.arms', 'design_groups']
    FROM counted WHERE page_arms <> arms AND arms > 0
    UNION ALL
    SELECT nct_id, 'The page header says ' || page_sites || CASE page_sites WHEN 1 THEN ' site' ELSE ' sites' END
                   || ' but the record lists ' || sites || '.',
           'page_header_metrics.sites = ' || page_sites || '; count(facilities) = ' || sites,
           ['page_header_metrics.sites', 'facilities']
    FROM counted WHERE page_sites <> sites AND sites > 0
"""

# One outcome twice: the same measure, time frame and description, listed twice among one type or as both a
# primary and a secondary (or other) outcome. The same measure at another time frame, or with another description
# (one row per parameter of "Change in blood tests"), is another outcome.
_OUTCOME_TYPES = """concat_ws(' and as ', CASE WHEN bool_or(outcome_type = 'primary') THEN 'primary' END,
                               CASE WHEN bool_or(outcome_type = 'secondary') THEN 'secondary' END,
                               CASE WHEN bool_or(outcome_type = 'other') THEN 'other' END)"""


# Rows are narrowed step by step by hashes: a study's rows with the same measure (case and spaces aside), of those
# the ones with the same time frame (case and spaces aside) as well; only those are compared by their texts, with
# case and spacing aside. Grouping every outcome by its texts cost ~0.4 s per 20,000 freshly loaded studies, a
# regular expression over every description ~1 s, trimming every measure ~0.1 s; this ~0.15 s.
# The white space of `_spaced` (RE2's \\s, and the no-break space a text pasted from a word processor keeps): a measure
# with a line break, a tab or a no-break space ("Overall survival\\n", "Overall\\u00a0survival") is spaced alike.
_WHITE_SPACE = "' ' || chr(9) || chr(10) || chr(12) || chr(13) || chr(160)"
_SPACE_RUN = r"[\s\x{00A0}]+"


def _spaceless(column: str) -> str:
    """A hash of the text without case or white space (a missing text hashed as an empty one): texts that differ in
    their spacing only share it."""
    return f"hash(translate(lower(coalesce({column}, '')), {_WHITE_SPACE}, ''))"


def _spaced(column: str) -> str:
    """The text with case aside and its spacing made single (for the few rows a hash has narrowed to)."""
    return f"coalesce(lower(trim(regexp_replace({column}, '{_SPACE_RUN}', ' ', 'g'))), '')"


# What the copies share beside their measure, as the record shows it: a time frame or description that every copy
# leaves empty, white space or a form's filler ('N/A', 'Not Provided', 'TBD', '-': the copies are grouped by their
# texts, so one copy's says what all of theirs say) is said to be absent, not the same (read as
# `outcome_without_time_frame` reads a time frame that says nothing, once per group of copies).
_ALIKE = """CASE WHEN NOT untimed AND NOT undescribed THEN ' with the same time frame and description.'
                  WHEN NOT untimed THEN ' with the same time frame and no description.'
                  WHEN NOT undescribed THEN ' with the same description and no time frame.'
                  ELSE ' with no time frame or description given.' END"""


DUPLICATE_OUTCOME = f"""
    WITH same_measure AS MATERIALIZED (
        SELECT o.nct_id, o.outcome_type, o.measure, o.time_frame, o.description,
               {_spaceless('o.measure')} AS measure_hash, {_spaceless('o.time_frame')} AS time_hash
        FROM design_outcomes o
        SEMI JOIN (SELECT nct_id, {_spaceless('measure')} AS measure_hash FROM design_outcomes
                   GROUP BY ALL HAVING count(*) > 1) twice
          ON o.nct_id = twice.nct_id AND {_spaceless('o.measure')} = twice.measure_hash
    ), same_time AS (
        SELECT * REPLACE (trim(regexp_replace(measure, '{_SPACE_RUN}', ' ', 'g')) AS measure) FROM same_measure
        SEMI JOIN (SELECT nct_id, measure_hash, time_hash FROM same_measure GROUP BY ALL HAVING count(*) > 1) twice
          USING (nct_id, measure_hash, time_hash)
        WHERE trim(regexp_replace(measure, '{_SPACE_RUN}', ' ', 'g')) <> ''
    ), copies AS (
    SELECT nct_id,
           CASE WHEN count(DISTINCT outcome_type) = 1
                THEN 'The ' || any_value(outcome_type) || ' outcome ''' || any_value(measure)
                     || ''' is listed ' || count(*) || ' times'
                ELSE 'The outcome ''' || any_value(measure) || ''' is listed as ' || {_OUTCOME_TYPES} END AS listed,
           'design_outcomes.measure = ''' || left(any_value(measure), 120)
             || CASE WHEN length(any_value(measure)) > 120 THEN '...' ELSE '' END || ''' in ' || count(*)
             || ' rows (' || string_agg(outcome_type, ', ' ORDER BY outcome_type = 'other', outcome_type)
             || '); time_frame = ''' || coalesce(any_value(time_frame), '') || '''; description = '''
             || left(coalesce(any_value(description), ''), 80)
             || CASE WHEN length(any_value(description)) > 80 THEN '...' ELSE '' END || '''' AS evidence,
           any_value(time_frame) AS time_frame, any_value(description) AS description
    FROM same_time
    GROUP BY nct_id, {_spaced('measure')}, {_spaced('time_frame')}, {_spaced('description')}
    HAVING count(*) > 1
    )
    SELECT nct_id, listed || {_ALIKE} AS message, evidence
    FROM (SELECT *, {no_time_frame('time_frame')} AS untimed, {no_time_frame('description')} AS undescribed FROM copies)
"""

RULES = (
    Rule("contradictions.closed_status_estimated_enrollment", "contradiction", "warning",
         "A completed or terminated study knows its enrollment; an estimate there was never updated "
         "(info on records made public before FDAAA asked for the actual count, unless a date that happened, a "
         "start, primary completion or completion, shows the study still running on or after 2007-09-27).",
         ("studies.overall_status", "studies.enrollment_type"), sql=CLOSED_STATUS_ESTIMATED_ENROLLMENT),
    Rule("contradictions.not_yet_recruiting_with_actuals", "contradiction", "error",
         "A study not yet recruiting cannot have an actual start (its first participant enrolled) or enrolled "
         "participants; an actual enrollment of 0 is true but mislabelled, so only a warning. A study whose last "
         "known status was NOT_YET_RECRUITING (the registry now says UNKNOWN) is judged by what its sponsor said.",
         ("studies.overall_status", "studies.last_known_status", "studies.start_date_type",
          "studies.enrollment_type"),
         sql=NOT_YET_RECRUITING_WITH_ACTUALS),
    Rule("contradictions.header_metrics_differ", "contradiction", "warning",
         "The republished page's header numbers must match the record they are derived from.",
         ("page_header_metrics", "studies.enrollment", "design_groups", "facilities"), sql=HEADER_METRICS_DIFFER),
    Rule("contradictions.duplicate_outcome", "contradiction", "info",
         "An outcome listed twice, or as both primary and secondary, with the same time frame and description is a "
         "copy error: it inflates the outcome counts and blurs which outcome the trial is judged by. Copies that "
         "give no time frame, or no description, are said to give none.",
         ("design_outcomes.measure",), sql=DUPLICATE_OUTCOME),
)
