"""Rule family status: what the overall status says against the rest of the record —
a reason for stopping, an ACTUAL primary completion, an enrollment.
"""
from __future__ import annotations

from checks.date_columns import before_fdaaa, rule, select, shown
from checks.sql_text import sql_text

FAMILY = "status"
REGISTRY_LAYOUTS = "s.source_layout IN ('ctgov_json_v2', 'ctgov_xml')"
_BEFORE_FDAAA = before_fdaaa()


# Words that say no reason: a placeholder ("N/A", "None", "Other", "Unknown", "-") or the status said again ("Study
# discontinued.", "Terminated early"). A reason names something more: "Sponsor decision", "No funding", "Slow accrual".
_NO_REASON_WORDS = ("n", "a", "na", "not", "applicable", "none", "nil", "null", "other", "others", "unknown", "tbd",
                    "reason", "reasons", "the", "this", "study", "trial", "protocol", "was", "were", "has", "have",
                    "been", "is", "terminated", "termination", "discontinued", "stopped", "withdrawn", "suspended",
                    "suspension", "closed", "halted", "ended", "early", "prematurely")
# SQL: the reason given is blank or says no reason: nothing but those words, and no letter of another word.
_NO_REASON = (r"regexp_full_match(lower(coalesce(s.why_stopped, '')), "
              rf"'\PL*(?:\b(?:{'|'.join(_NO_REASON_WORDS)})\b\PL*)*')")
_BLANK_REASON = "coalesce(trim(s.why_stopped), '') = ''"


def _stopped_without_reason_sql() -> str:
    texts = {"st": "s.overall_status", "why": "s.why_stopped"}
    none_given = sql_text("Status is {st} but the record gives no reason why the study stopped.", **texts)
    none_named = sql_text("Status is {st} but why the study stopped is given only as '{why}', which names no reason.",
                          **texts)
    return select(
        f"CASE WHEN {_BLANK_REASON} THEN {none_given} ELSE {none_named} END",
        f"CASE WHEN {_BLANK_REASON} THEN {sql_text('overall_status={st}; why_stopped=NULL', **texts)} "
        f"ELSE {sql_text('overall_status={st}; why_stopped={why}', **texts)} END",
        f"s.overall_status IN ('TERMINATED', 'SUSPENDED', 'WITHDRAWN') AND {REGISTRY_LAYOUTS} AND {_NO_REASON}",
        severity=f"CASE WHEN {_BEFORE_FDAAA} THEN 'info' END")


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
    return select(
        sql_text("Study is WITHDRAWN, which means no participant was enrolled, but its "
                 "enrollment is {n} ({t}).", **texts),
        sql_text("overall_status=WITHDRAWN; enrollment={n}; enrollment_type={t}", **texts),
        "s.overall_status = 'WITHDRAWN' AND s.enrollment > 0",
        # An ESTIMATED (or untyped, legacy) count is the plan left over from before withdrawal;
        # only an ACTUAL count contradicts the status.
        severity="CASE WHEN s.enrollment_type = 'ACTUAL' THEN 'error' ELSE 'info' END")


RULES = (
    rule("stopped_without_reason", "warning",
         "The registry requires a brief reason why a study was suspended, terminated or withdrawn "
         "(42 CFR 11.10(b), 'Why Study Stopped'); without it a reader cannot tell safety from funding. A "
         "placeholder ('N/A', 'Other', 'Unknown', '-') or the status said again ('Study discontinued.') is none. "
         "Records first posted before FDAAA (2007-09-27), or first submitted before it where a legacy XML "
         "record gives no posted date: info.",
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
)
