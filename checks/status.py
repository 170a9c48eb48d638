"""Rule family status: what the overall status says against the rest of the record —
a reason for stopping, an ACTUAL primary completion, an enrollment.
"""
from __future__ import annotations

from checks.date_columns import FDAAA_IN_FORCE, LABELS, before_fdaaa, date_of, rule, select, shown
from checks.sql_text import literal, one_of, sql_text

FAMILY = "status"
REGISTRY_LAYOUTS = "s.source_layout IN ('ctgov_json_v2', 'ctgov_xml')"
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


# SQL text: the latest date that shows a TERMINATED or SUSPENDED study ran past FDAAA ('its completion date
# 2012-12-17'), or NULL. Worked out once per stopped study, in the rule's inner SELECT, and read as s.ran_past_fdaaa.
_RAN_PAST_ON = (f"CASE WHEN {_STOPPED_LATER} THEN CASE "
                + " ".join(f"WHEN {_ran_past_fdaaa(n)} THEN {sql_text(f'its {LABELS[n]} date {{d}}', d=shown(n))}"
                           for n in _RUNNING_DATES)
                + " END END")
_RAN_PAST_FDAAA = "s.ran_past_fdaaa IS NOT NULL"
# The record was made public, or last updated, before FDAAA 801, and shows no date that the study ran past it: it may
# have stopped before a reason was asked for.
_STOPPED_BEFORE_FDAAA = (f"(coalesce({_BEFORE_FDAAA} OR {date_of('last_update_posted_date').hi} < {FDAAA_IN_FORCE}, "
                         f"FALSE) AND NOT {_RAN_PAST_FDAAA})")


def _ran_past_fdaaa_evidence() -> str:
    """SQL text ending the evidence of a record first made public before FDAAA whose study ran past it: the date
    that shows so (else '')."""
    said = sql_text("; first made public {p}, before FDAAA required a reason, but the study was still running on "
                    "{when}", p="strftime(coalesce(s.study_first_posted_date, s.study_first_submitted_date), "
                                "'%Y-%m-%d')", when="s.ran_past_fdaaa")
    return f"CASE WHEN coalesce({_BEFORE_FDAAA}, FALSE) AND {_RAN_PAST_FDAAA} THEN {said} ELSE '' END"


# Words that say no reason: a placeholder ("N/A", "None", "Other", "Unknown", "-"), the status said again ("Study
# discontinued.", "Terminated early") or a reason said to be missing ("No reason given", "Not specified"). A reason
# names something more: "Sponsor decision", "No funding", "Slow accrual".
_NO_REASON_WORDS = ("n", "a", "na", "not", "applicable", "none", "nil", "null", "other", "others", "unknown", "tbd",
                    "no", "given", "specified", "unspecified", "provided", "stated", "disclosed",
                    "reason", "reasons", "the", "this", "study", "trial", "protocol", "was", "were", "has", "have",
                    "been", "is", "terminated", "termination", "discontinued", "stopped", "withdrawn", "suspended",
                    "suspension", "closed", "halted", "ended", "early", "prematurely",
                    "any", "known", "undisclosed", "information", "available", "unavailable")
# Phrases that say no reason either, though a word of them alone may be part of one: other, unknown or unnamed
# reasons ("Terminated for other reasons", "Various reasons"), a reason the sponsor did not give ("Not provided by
# sponsor", "Sponsor did not provide a reason") and a pointer to nothing ("See above"). "Terminated by sponsor",
# "Sponsor decision", "For business reasons" and "Other reasons: funding" name who or what stopped it: reasons.
_NO_REASON_PHRASES = (
    r"(?:for|due\s+to|because\s+of|owing\s+to)\s+"
    r"(?:(?:other|unknown|unspecified|undisclosed|various|several|multiple)\s+)?reasons?",
    r"(?:various|several|multiple)\s+reasons",
    r"(?:provided|given|disclosed|stated|specified|reported)\s+by\s+(?:the\s+)?(?:sponsor|investigators?|pi)",
    r"(?:sponsor|investigators?|pi)\s+(?:(?:did|does|has|have)\s+not|didn.t|declined\s+to)\s+"
    r"(?:provide|give|disclose|state|specify|share)d?",
    r"(?:please\s+)?see\s+(?:above|below)",
)
# SQL: the reason given is blank or says no reason: nothing but those words and phrases, and no letter of another.
_NO_REASON = (r"regexp_full_match(lower(coalesce(s.why_stopped, '')), "
              rf"'\PL*(?:\b(?:{'|'.join(_NO_REASON_PHRASES + _NO_REASON_WORDS)})\b\PL*)*')")
_BLANK_REASON = "coalesce(trim(s.why_stopped), '') = ''"


def _stopped_without_reason_sql() -> str:
    texts = {"st": "s.overall_status", "why": "s.why_stopped"}
    none_given = sql_text("Status is {st} but the record gives no reason why the study stopped.", **texts)
    none_named = sql_text("Status is {st} but why the study stopped is given only as '{why}', which names no reason.",
                          **texts)
    message = f"CASE WHEN {_BLANK_REASON} THEN {none_given} ELSE {none_named} END"
    evidence = (f"CASE WHEN {_BLANK_REASON} THEN {sql_text('overall_status={st}; why_stopped=NULL', **texts)} "
                f"ELSE {sql_text('overall_status={st}; why_stopped={why}', **texts)} END || "
                f"{_ran_past_fdaaa_evidence()}")
    stopped = f"s.overall_status IN ('TERMINATED', 'SUSPENDED', 'WITHDRAWN') AND {REGISTRY_LAYOUTS} AND {_NO_REASON}"
    return (f"SELECT s.nct_id, {message} AS message, {evidence} AS evidence, "
            f"CASE WHEN {_STOPPED_BEFORE_FDAAA} THEN 'info' END AS severity "
            f"FROM (SELECT *, {_RAN_PAST_ON} AS ran_past_fdaaa FROM studies s WHERE {stopped}) s")


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


# Site statuses that show the study has begun enrolling somewhere, and those that show a site enrolls now.
_SITE_STARTED = ("RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "COMPLETED")
_SITE_ENROLLING = ("RECRUITING", "ENROLLING_BY_INVITATION")


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


# A reason that says the study ended before its plan: it was terminated, not completed. "Closed" or "ended" alone
# ("Closed to accrual", "Funding ended") is how a study that ran its course is often described.
_ENDED_EARLY = (r"(?i)\b(?:terminat\w*|stopped|halted|discontinued|abandoned|aborted)\b"
                r"|\b(?:early|prematurely)\s+(?:terminat|stop|clos|end)|\b(?:closed|ended)\s+(?:early|prematurely)\b")
# A stop the study came back from ("Recruitment temporarily halted during COVID-19; resumed"), or a denial ("The
# study was not stopped"): no early end.
_NOT_ENDED = (r"(?i)\b(?:temporar\w*|paus\w*|resum\w*|restart\w*|re-?start\w*|re-?open\w*|re-?initiat\w*|"
              r"interrupt\w*|on\s+hold)\b|\b(?:not|never)\s+(?:been\s+)?(?:terminat|stop|halt|discontinu)")
# Words that say the study ran its course ("Study completed as planned", "Enrollment goal reached", "Closed to
# accrual after the target sample size was reached", "Recruitment stopped since the planned number of patients was
# reached", "Stopped enrolling: sample size met"), beside the words that say no reason: such a reason only says the
# status again.
_COMPLETION_WORDS = ("complete", "completed", "completion", "finished", "concluded", "planned", "normally",
                     "scheduled", "expected", "as", "after", "all", "participants", "patients", "subjects",
                     "enrolled", "enrollment", "enrolment", "recruitment", "accrual", "data", "collection", "follow",
                     "up", "target", "goal", "sample", "size", "number", "of", "reached", "met", "achieved", "end",
                     "ended", "when", "to", "stop", "it", "and", "successfully",
                     "due", "since", "because", "once", "had", "required", "in", "per", "ahead", "schedule",
                     "recruiting", "enrolling", "recruited", "last", "patient", "participant", "subject", "visit",
                     "reaching", "randomized", "randomised", "included", "needed", "intended")
# One of them that says the course was run ("completed", "goal reached", "end of study", "as planned"), or that the
# number the study needed had been enrolled ("Recruitment stopped because the required number of participants had
# been enrolled").
_RAN_ITS_COURSE = (r"\b(?:complet\w*|finished|concluded|reached|reaching|met|achieved|end\s+of|"
                   r"as\s+(?:planned|scheduled|expected))\b|"
                   r"\b(?:required|planned|target|needed|intended|expected)\s+(?:\w+\s+){0,3}?"
                   r"(?:had|have|has|were|was)\s+(?:been\s+)?(?:enrolled|recruited|randomi[sz]ed|included)\b")
# The course said not run: "Target enrollment not reached", "Study not completed", "Not all planned patients were
# enrolled", "No patients were randomized".
_COURSE_NOT_RUN = (r"\bnot\s+(?:been\s+)?(?:complet\w*|finished|concluded|reached|met|achieved)\b|\bnot\s+all\b|"
                   r"\bno\s+(?:\w+\s+){0,3}?(?:had|have|has|were|was)\b")
_SAID_COMPLETED = (r"regexp_full_match(lower(s.why_stopped), "
                   rf"'\PL*(?:\b(?:{'|'.join(_NO_REASON_WORDS + _COMPLETION_WORDS)})\b\PL*)*') AND "
                   f"regexp_matches(lower(s.why_stopped), {literal(_RAN_ITS_COURSE)}) AND "
                   f"NOT regexp_matches(lower(s.why_stopped), {literal(_COURSE_NOT_RUN)})")


def _completed_with_reason_stopped_sql() -> str:
    texts = {"st": "s.overall_status", "why": "s.why_stopped"}
    said_completed = f"coalesce({_SAID_COMPLETED}, FALSE)"
    early = (f"(regexp_matches(s.why_stopped, {literal(_ENDED_EARLY)}) AND NOT regexp_matches(s.why_stopped, "
             f"{literal(_NOT_ENDED)}) AND NOT {said_completed})")
    message = (f"CASE WHEN {early} THEN "
               + sql_text("Status is COMPLETED but the record says why the study stopped: '{why}', which says it "
                          "ended early (TERMINATED).", **texts)
               + " ELSE " + sql_text("Status is COMPLETED but the record still gives a reason why the study "
                                     "stopped: '{why}'.", **texts) + " END")
    return select(message, sql_text("overall_status={st}; why_stopped={why}", **texts),
                  f"s.overall_status = 'COMPLETED' AND {REGISTRY_LAYOUTS} AND s.why_stopped IS NOT NULL "
                  f"AND ({early} OR NOT ({_NO_REASON} OR {said_completed}))",
                  severity=f"CASE WHEN {early} THEN 'warning' ELSE 'info' END")


RULES = (
    rule("stopped_without_reason", "warning",
         "The registry requires a brief reason why a study was suspended, terminated or withdrawn "
         "(42 CFR 11.10(b), 'Why Study Stopped'); without it a reader cannot tell safety from funding. A "
         "placeholder ('N/A', 'Other', 'Unknown', '-', 'Terminated for other reasons', 'See above'), the status said "
         "again ('Study discontinued.') or a reason said to be missing ('No reason given', 'Not provided by sponsor', "
         "'Sponsor did not provide a reason') is none; 'Sponsor decision' or 'Other reasons: funding' is a reason. "
         "Info where the study may have stopped before FDAAA (2007-09-27) asked for a reason: the record was first "
         "posted before it (first submitted, where a legacy XML record gives no posted date) and no date it gives "
         "as happened (a start, primary completion or completion) falls on or after it; a TERMINATED or SUSPENDED "
         "study still running after FDAAA was stopped under it, whenever first posted (a WITHDRAWN study's dates are "
         "only its plan).",
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
         "'Enrollment goal reached', 'Recruitment stopped since the planned number of patients was reached'), is "
         "none; one that says the course was not run ('Target enrollment not reached') is a reason.",
         ("studies.overall_status", "studies.why_stopped"), _completed_with_reason_stopped_sql(),
         family=FAMILY, category="contradiction"),
    rule("site_status_differs", "warning",
         "The overall recruitment status sums up the sites': a study is Recruiting while at least one site "
         "recruits, and Not yet recruiting while none has begun. NOT_YET_RECRUITING beside a site that recruits, "
         "enrolls by invitation, is active or completed, or RECRUITING while every site gives a status and none "
         "recruits or enrolls (all not yet recruiting, withdrawn, suspended or closed), contradicts the sites; a "
         "data team looking for trials that enroll now is misled by one of them. Read in ClinicalTrials.gov's own "
         "layouts, which give each site's status.",
         ("studies.overall_status", "facilities.status"), _site_status_differs_sql(),
         family=FAMILY, category="contradiction"),
)
