"""Rule family status: what the overall status says against the rest of the record —
a reason for stopping, an ACTUAL primary completion, an enrollment.
"""
from __future__ import annotations

from checks.date_columns import FDAAA_IN_FORCE, LABELS, before_fdaaa, date_of, first_public_shown, rule, select, shown
from checks.sql_text import literal, one_of, sql_text
from checks.status_completed_reason import completed_with_reason_stopped_sql
from checks.status_pointed_parts import DESCRIPTIONS_SHOWN, POINTED_FIELDS, POINTED_MISSING, parts_given
from checks.status_reason_words import BLANK_REASON, NO_REASON, POINTER, REASON_READ_WHOLE
from flows.parsers import PARSERS

FAMILY = "status"
REGISTRY_LAYOUTS = "s.source_layout IN ('ctgov_json_v2', 'ctgov_xml')"
# The layouts whose sources show why a stopped study stopped wherever the record gives it: the registry's own, and
# pages whose reader says it carries the reason (a trial summary's 'Why stopped' key). There, a reason not shown is
# none given. Another page is judged only on a reason it shows: meddatax's compact page shows none at all, and its
# labelled page shows a 'Why Stopped' value only where the record gives one.
_ABSENCE_SHOWN = f"s.source_layout IN {one_of(tuple(e.layout for e in PARSERS if e.shows('studies.why_stopped')))}"
_BEFORE_FDAAA = before_fdaaa()
# The record's dates that show a stopped study was still running after FDAAA 801 asked for a reason why it stopped,
# latest first: one that happened (typed ACTUAL, or untyped in a legacy record, and not after the last update) on or
# after 2007-09-27. A TERMINATED or SUSPENDED study was stopped after it, whenever the record was first posted. A
# WITHDRAWN study's dates are the plan it never ran, so they tell nothing.
_RUNNING_DATES = ("completion_date", "primary_completion_date", "start_date")
_STOPPED_LATER = "s.overall_status IN ('TERMINATED', 'SUSPENDED')"


def _ran_past_fdaaa(name: str) -> str:
    """SQL: the study's `name` date happened on or after FDAAA 801's date, so the study ran past it."""
    day, update = date_of(name), date_of("last_update_posted_date")
    return (f"coalesce(s.{name}_type, '') <> 'ESTIMATED' AND {day.lo} >= {FDAAA_IN_FORCE} "
            f"AND {day.lo} <= coalesce({update.hi}, {day.lo})")


def ran_past_fdaaa_on() -> str:
    """SQL text: the latest date of `studies s` that shows the study ran past FDAAA ('its completion date 2012-12-17
    (ACTUAL)'), or NULL: a study still running then had to keep its record to FDAAA's rules, whenever first posted."""
    return ("CASE " + " ".join(f"WHEN {_ran_past_fdaaa(n)} THEN {sql_text(f'its {LABELS[n]} date {{d}}', d=shown(n))}"
                               for n in _RUNNING_DATES) + " END")


# SQL text: the latest date that shows a TERMINATED or SUSPENDED study ran past FDAAA, or NULL. Worked out once per
# stopped study, in the rule's inner SELECT, and read as s.ran_past_fdaaa.
_RAN_PAST_ON = f"CASE WHEN {_STOPPED_LATER} THEN {ran_past_fdaaa_on()} END"
_RAN_PAST_FDAAA = "s.ran_past_fdaaa IS NOT NULL"
# The record was made public, or last updated, before FDAAA 801, and shows no date that the study ran past it: it may
# have stopped before a reason was asked for.
# Whether the record was first made public before FDAAA 801 (NULL where a page shows too little to tell), worked out
# once per stopped study beside s.ran_past_fdaaa and read as s.made_public_before_fdaaa: written out in each test and
# text that reads it, it was planned three times over.
_MADE_PUBLIC_BEFORE_FDAAA = "s.made_public_before_fdaaa"
_STOPPED_BEFORE_FDAAA = (f"(coalesce({_MADE_PUBLIC_BEFORE_FDAAA} "
                         f"OR {date_of('last_update_posted_date').hi} < {FDAAA_IN_FORCE}, FALSE) "
                         f"AND NOT {_RAN_PAST_FDAAA})")


# SQL text ending the evidence of a record judged at info: why a missing reason is only worth knowing there.
_STOPPED_EARLY_EVIDENCE = (f"CASE WHEN {_STOPPED_BEFORE_FDAAA} THEN '; the record was made public or last updated "
                           "before FDAAA (2007-09-27) asked why a study stopped, and no date it gives shows the study "
                           "ran past that day' ELSE '' END")


def _ran_past_fdaaa_evidence() -> str:
    """SQL text ending the evidence of a record first made public before FDAAA whose study ran past it: the date
    that shows so (else '')."""
    said = sql_text("; first made public {p}, before FDAAA required a reason, but the study was still running on "
                    "{when}", p=first_public_shown(), when="s.ran_past_fdaaa")
    return f"CASE WHEN coalesce({_MADE_PUBLIC_BEFORE_FDAAA}, FALSE) AND {_RAN_PAST_FDAAA} THEN {said} ELSE '' END"


def _stopped_without_reason_sql() -> str:
    texts = {"st": "s.overall_status", "why": "s.why_stopped", "part": "s.missing_part"}
    none_given = sql_text("Status is {st} but the record gives no reason why the study stopped.", **texts)
    none_named = sql_text("Status is {st} but why the study stopped is given only as '{why}', which names no reason.",
                          **texts)
    points_to_none = sql_text("Status is {st} but why the study stopped is given only as '{why}', and the record "
                              "gives no {part}.", **texts)
    message = (f"CASE WHEN {BLANK_REASON} THEN {none_given} WHEN s.missing_part IS NOT NULL THEN {points_to_none} "
               f"ELSE {none_named} END")
    evidence = (f"CASE WHEN {BLANK_REASON} THEN {sql_text('overall_status={st}; why_stopped=NULL', **texts)} "
                f"WHEN s.missing_part IS NOT NULL THEN "
                f"{sql_text('overall_status={st}; why_stopped={why}; {part}: none', **texts)} "
                f"ELSE {sql_text('overall_status={st}; why_stopped={why}', **texts)} END || "
                f"{_ran_past_fdaaa_evidence()} || {_STOPPED_EARLY_EVIDENCE}")
    stopped = (f"s.overall_status IN ('TERMINATED', 'SUSPENDED', 'WITHDRAWN') "
               f"AND (NOT {BLANK_REASON} OR {_ABSENCE_SHOWN}) AND {REASON_READ_WHOLE}")
    pointed_to = f"nullif(regexp_extract(lower(s.why_stopped), {literal(POINTER)}, 1), '')"
    return (f"WITH stopped AS MATERIALIZED (SELECT * FROM (SELECT *, {NO_REASON} AS no_reason, {pointed_to} AS "
            f"pointed_to FROM studies s WHERE {stopped}) WHERE no_reason OR pointed_to IS NOT NULL), "
            f"detail AS ({parts_given('detailed_descriptions')}), summary AS ({parts_given('brief_summaries')}) "
            f"SELECT s.nct_id, {message} AS message, {evidence} AS evidence, "
            f"CASE WHEN {_STOPPED_BEFORE_FDAAA} THEN 'info' END AS severity, {POINTED_FIELDS} AS fields "
            f"FROM (SELECT *, {_RAN_PAST_ON} AS ran_past_fdaaa, {_BEFORE_FDAAA} AS made_public_before_fdaaa, "
            f"CASE WHEN NOT no_reason AND {DESCRIPTIONS_SHOWN} THEN {POINTED_MISSING} END "
            "AS missing_part FROM (SELECT s.*, coalesce(d.given, FALSE) AS detail, coalesce(b.given, FALSE) AS summary "
            "FROM stopped s "
            "LEFT JOIN detail d USING (nct_id) LEFT JOIN summary b USING (nct_id)) s) s "
            "WHERE s.no_reason OR s.missing_part IS NOT NULL")


def _open_with_actual_completion_sql() -> str:
    texts = {"st": "s.overall_status", "pc": shown("primary_completion_date")}
    return select(
        sql_text("Status is {st} but the primary completion date {pc} says the last participant "
                 "was already examined for the primary outcome.", **texts),
        sql_text("overall_status={st}; primary_completion_date={pc}", **texts),
        "s.overall_status IN ('RECRUITING', 'NOT_YET_RECRUITING', 'ENROLLING_BY_INVITATION') "
        "AND s.primary_completion_date_type = 'ACTUAL' AND s.primary_completion_date IS NOT NULL",
        # Nobody enrolled yet and the primary outcome already measured cannot both hold.
        severity="CASE WHEN s.overall_status = 'NOT_YET_RECRUITING' THEN 'error' END")


def _withdrawn_with_enrollment_sql() -> str:
    texts = {"n": "s.enrollment", "t": "coalesce(s.enrollment_type, 'no type')"}
    # Only an ACTUAL count says participants were enrolled; an ESTIMATED one is the plan, an untyped one says neither.
    message = (f"CASE s.enrollment_type WHEN 'ACTUAL' THEN "
               + sql_text("Study is WITHDRAWN, which means no participant was enrolled, but its enrollment is {n} "
                          "(ACTUAL).", **texts)
               + " WHEN 'ESTIMATED' THEN "
               + sql_text("Study is WITHDRAWN, which means no participant was enrolled, but its enrollment still "
                          "gives the anticipated {n} (ESTIMATED), not the actual 0.", **texts)
               + " ELSE "
               + sql_text("Study is WITHDRAWN, which means no participant was enrolled, but its enrollment gives "
                          "{n} without saying whether actual or anticipated, not the actual 0.", **texts)
               + " END")
    return select(
        message,
        sql_text("overall_status=WITHDRAWN; enrollment={n}; enrollment_type={t}", **texts),
        "s.overall_status = 'WITHDRAWN' AND s.enrollment > 0",
        # An ESTIMATED (or untyped, legacy) count is the plan left over from before withdrawal;
        # only an ACTUAL count contradicts the status.
        severity="CASE WHEN s.enrollment_type = 'ACTUAL' THEN 'error' ELSE 'info' END")


# Site statuses that show the study has begun enrolling somewhere, and those that show a site enrolls now: a site
# AVAILABLE (the registry's word for a site that gives the treatment under expanded access) takes patients too.
_SITE_STARTED = ("RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "COMPLETED")
_SITE_ENROLLING = ("RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE")


# Each study's sites by status: how many, how many with a status, how many enroll now or have begun, and the counts
# as a person reads them ('NOT_YET_RECRUITING: 3, WITHDRAWN: 1'; sites without a status last).
_SITES = f"""(SELECT nct_id, sum(n) AS sites, sum(n) FILTER (WHERE status IS NOT NULL) AS given,
                     coalesce(sum(n) FILTER (WHERE status IN {one_of(_SITE_ENROLLING)}), 0) AS enrolling,
                     coalesce(sum(n) FILTER (WHERE status IN {one_of(_SITE_STARTED)}), 0) AS started,
                     string_agg(coalesce(status, 'no status') || ': ' || n, ', ' ORDER BY status NULLS LAST) AS said
              FROM (SELECT nct_id, status, count(*) AS n FROM facilities GROUP BY ALL) GROUP BY nct_id) f"""


def _site_status_differs_sql() -> str:
    not_yet = "s.overall_status = 'NOT_YET_RECRUITING' AND f.started > 0"
    recruiting = "s.overall_status = 'RECRUITING' AND f.given = f.sites AND f.enrolling = 0"
    texts = {"st": "s.overall_status", "said": "f.said"}
    message = (f"CASE WHEN {not_yet} THEN "
               + sql_text("Status is NOT_YET_RECRUITING but at least one of its sites has begun enrolling (site "
                          "statuses: {said}).", **texts)
               + " ELSE " + sql_text("Status is RECRUITING but no site is recruiting or enrolling (site statuses: "
                                     "{said}).", **texts) + " END")
    return select(message, sql_text("overall_status={st}; facilities.status: {said}", **texts),
                  f"{REGISTRY_LAYOUTS} AND (({not_yet}) OR ({recruiting}))",
                  joins=f"JOIN {_SITES} ON f.nct_id = s.nct_id")


RULES = (
    rule("stopped_without_reason", "warning",
         "The registry requires a brief reason why a study was suspended, terminated or withdrawn "
         "(42 CFR 11.10(b), 'Why Study Stopped'); without it a reader cannot tell safety from funding. A "
         "placeholder ('N/A', 'Other', 'Unknown', '-', 'Terminated for other reasons', 'See above'), the status said "
         "again ('Study discontinued.') or a reason said to be missing ('No reason given', 'Not provided by sponsor', "
         "'Sponsor did not provide a reason') is none; 'Sponsor decision' or 'Other reasons: funding' is a reason. "
         "A pointer to a part of the record the record does not give ('See detailed description' without one, 'See "
         "brief summary' without one) is none, and the message names the part; a pointer to a part it gives is left "
         "as a reason given there. "
         "Info where the study may have stopped before FDAAA (2007-09-27) asked for a reason: the record was first "
         "posted before it (first submitted, where a legacy XML record gives no posted date) and no date it gives "
         "as happened (a start, primary completion or completion) falls on or after it; a TERMINATED or SUSPENDED "
         "study still running after FDAAA was stopped under it, whenever first posted (a WITHDRAWN study's dates are "
         "only its plan). Judged on the registry's own records and on pages: a reason a page shows is read as the "
         "record's; no reason shown is none given only on a page that shows the reason wherever the record gives one "
         "(a trial summary's 'Why stopped'), not on meddatax's, whose compact page shows none; a page that may have "
         "lost words (a text cut at 'Show more', a page cut short) is not judged.",
         ("studies.overall_status", "studies.why_stopped"), _stopped_without_reason_sql(),
         family=FAMILY, category="missing_field"),
    rule("open_status_actual_primary_completion", "warning",
         "An ACTUAL primary completion means the last participant was examined for the primary "
         "outcome, so the study no longer recruits; one of the two is stale (42 CFR 11.64).",
         ("studies.overall_status", "studies.primary_completion_date_type"),
         _open_with_actual_completion_sql(), family=FAMILY, category="contradiction"),
    rule("withdrawn_with_enrollment", "warning",
         "WITHDRAWN means the study stopped before enrolling its first participant, so an ACTUAL "
         "enrollment above 0 contradicts it (error); an ESTIMATED one is the old plan (info).",
         ("studies.overall_status", "studies.enrollment", "studies.enrollment_type"),
         _withdrawn_with_enrollment_sql(), family=FAMILY, category="contradiction"),
    rule("completed_with_reason_stopped", "info",
         "The registry asks why a study stopped only of a suspended, terminated or withdrawn one. A COMPLETED record "
         "that gives a reason which says it ended early ('Terminated early due to sufficient data', 'stopped for "
         "futility') is a terminated study recorded as completed, and a data team counting completed trials counts "
         "it (warning); another reason is one left from an earlier suspension or termination the study came back "
         "from ('Paused during COVID-19', 'Recruitment temporarily halted; resumed'), worth knowing (info). A "
         "placeholder, or a reason that only says the study ran its course ('Study completed as planned', "
         "'Enrollment goal reached', 'Recruitment stopped since the planned number of patients was reached', "
         "'Enrollment stopped at 120 participants', 'Treatment discontinued per protocol', 'Study ended normally'), "
         "or that denies a stop ('Study was never stopped', 'Not terminated or suspended'), is none; one that says "
         "the course was not run ('Target enrollment not reached', 'Enrollment stopped early at 40') is a reason. "
         "A reason a page shows is read as the record's, unless the page may have lost words of it (a text cut at "
         "'Show more', a page cut short).",
         ("studies.overall_status", "studies.why_stopped"), completed_with_reason_stopped_sql(),
         family=FAMILY, category="contradiction"),
    rule("site_status_differs", "warning",
         "The overall recruitment status sums up the sites': a study is Recruiting while at least one site "
         "recruits, and Not yet recruiting while none has begun. NOT_YET_RECRUITING beside a site that recruits, "
         "enrolls by invitation, is active or completed, or RECRUITING while every site gives a status and none "
         "recruits or enrolls (all not yet recruiting, withdrawn, suspended or closed; a site AVAILABLE under "
         "expanded access takes patients), contradicts the sites; a "
         "data team looking for trials that enroll now is misled by one of them. Read in ClinicalTrials.gov's own "
         "layouts, which give each site's status.",
         ("studies.overall_status", "facilities.status"), _site_status_differs_sql(),
         family=FAMILY, category="contradiction"),
)
