"""Rule family dates: dates in an impossible order, stale statuses and estimates, odd dates.

Every comparison goes through checks.partial_dates, so a month-precision date is never
'after' a day inside that month. Anything about "now" judges a record as of RECORD_TODAY:
the earlier of the run's $as_of and the day the record was taken from the registry.
"""
from __future__ import annotations

from checks.date_columns import (
    BY_POSTING_COLUMN, ICMJE_ALL_PHASES, ICMJE_IN_FORCE, NEVER_STARTED, NOT_ENDED, OPEN, PHASE1_ONLY, POSTED,
    REGISTRY_OPENED, date_of, on_or_in, period_word, registered, registered_studies, rule, select, shown,
)
from checks.date_plausibility import (
    ENDED, PLAUSIBILITY_RULES, UPDATE_NAMED, UPDATE_NAMED_AT, UPDATE_NAMED_EVIDENCE, UPDATE_NAMED_HOW,
)
from checks.date_verified_ended import RULES as VERIFIED_ENDED_RULES
from checks.enrolment_states import ENROLLED_NOBODY
from checks.partial_dates import RECORD_TODAY, after, exact
from checks.registration_deadline import registered_on, registered_shown
from checks.rule import Rule
from checks.sql_text import sql_text
from checks.time_frames import RULES as TIME_FRAME_RULES


def _order_rule(name: str, later: str, earlier: str, severity: str, rationale: str,
                template: str, only_if: str = "TRUE", texts: dict[str, str] | None = None,
                severity_sql: str = "NULL") -> Rule:
    """`later` must not lie after `earlier`; `template` words the message with {a} and {b} (`texts`: how each date
    is shown, if not as `shown` gives it), and {at_a} and {at_b}, 'on ' or 'in ' before each as its precision has
    it; `severity_sql` (SQL) overrides the rule's severity where it is not NULL."""
    # `only_if` is asked only of the few studies whose dates are out of order: a CASE skips it for the rest
    where = f"CASE WHEN {after(date_of(later), date_of(earlier))} THEN {only_if} ELSE FALSE END"
    a, b = (texts or {}).get(later, shown(later)), (texts or {}).get(earlier, shown(earlier))
    message = sql_text(template, a=a, b=b, at_a=on_or_in(later), at_b=on_or_in(earlier))
    evidence = sql_text(f"{later}={{a}}; {earlier}={{b}}", a=a, b=b)
    return rule(name, severity, rationale, (f"studies.{later}", f"studies.{earlier}"),
                select(message, evidence, where, severity=severity_sql))


# A study that stopped before its first participant never reached the plan it gave: WITHDRAWN, one that reports an
# ACTUAL 0 (or a TERMINATED study's 0), or a TERMINATED study that gives no count or only the count it anticipated
# (it may have stopped before anybody joined: a count typed ESTIMATED is a plan, not somebody enrolled). Its start, and
# its primary completion, not typed ACTUAL are plans it never reached, and the day it stopped, given as its (primary)
# completion not typed ESTIMATED, may come before them.
STOPPED_BEFORE_ENROLLING = (f"({NEVER_STARTED} OR {ENROLLED_NOBODY} OR coalesce(s.overall_status = 'TERMINATED' "
                            "AND (s.enrollment IS NULL OR s.enrollment_type = 'ESTIMATED'), FALSE))")


def _never_reached(plan: str, stopped: str) -> str:
    """SQL: the study stopped before enrolling, `plan` (not ACTUAL) is a date it never reached and `stopped` (not
    ESTIMATED) the day it stopped: a plan after that day is no impossible order."""
    return (f"NOT ({STOPPED_BEFORE_ENROLLING} AND s.{plan}_type IS DISTINCT FROM 'ACTUAL' "
            f"AND s.{stopped}_type IS DISTINCT FROM 'ESTIMATED')")


# The registry gives a posting date it did not record (records posted before 2017) as an estimate: an order that
# rests on an estimate may be the estimate's error, not the record's.
POSTING_ESTIMATED = " OR ".join(f"s.{name}_type = 'ESTIMATED'" for name in POSTED)


# The record says the study completed: its completion date is ACTUAL, or its status says it ended (a COMPLETED or
# TERMINATED study's date has happened, whatever type was left on it). An anticipated completion of a study not yet
# recruiting, recruiting, suspended or of unknown status (or an untyped one, in a legacy record of such a study) is a
# plan: a record submitted after it was not registered after the study completed.
COMPLETED = f"coalesce(s.completion_date_type = 'ACTUAL' OR {ENDED}, FALSE)"


def _completion_said(day: str) -> str:
    """SQL text of the study's end as its record gives it, `day` its completion date: a COMPLETED study completed on
    it, a TERMINATED one ended on it (stopped early: it did not complete), and a study of another status gives it
    only as its ACTUAL completion date. A completion kept to the month or year is a period: 'completed in 2004-05'."""
    at = on_or_in("completion_date")
    return (f"CASE s.overall_status WHEN 'COMPLETED' THEN {sql_text('it completed {at}{d}', d=day, at=at)} "
            f"WHEN 'TERMINATED' THEN {sql_text('it ended (TERMINATED) {at}{d}', d=day, at=at)} "
            f"ELSE {sql_text('its completion date {d}', d=day)} END")


# Days a first posting may follow completion before the record counts as registered after it, where only the
# posting tells when it was registered (the registry's review between submission and posting). Beyond it the record
# was most often submitted after it ended too: 18 of 23 records that give both dates and were posted 31-90 days
# after completion (the corpus and 532 records outside it), so a warning.
POSTING_ALLOWED_DAYS = 30


def _registered_after_completion_sql() -> str:
    """Registered (first submitted; first posted where the submission date is unknown or later) after completion."""
    # Review by the registry takes days to weeks: a posting date is allowed 30 days past completion.
    submitted, posted = date_of("study_first_submitted_date"), date_of("study_first_posted_date")
    completion = date_of("completion_date")
    _on, what, by_posting = registered(BY_POSTING_COLUMN)
    texts = {"what": what, "a": registered_shown(by_posting), "b": shown("completion_date")}
    late = (f"CASE WHEN {by_posting} THEN {after(posted, completion, POSTING_ALLOWED_DAYS)} "
            f"ELSE {after(submitted, completion)} END")
    began = f"coalesce({date_of('start_date').hi}, {completion.hi})"
    why_info = _why_no_breach(completion.hi, began)
    return select(
        sql_text("Study was {what} {on}, after {ended}, so it was registered retrospectively{why}",
                 ended=_completion_said(texts["b"]), on=registered_on(by_posting), why=f"coalesce({why_info}, '.')",
                 **texts),
        sql_text("{what}={a}; completion_date={b}", **texts),
        f"{completion.lo} >= {REGISTRY_OPENED} AND NOT {NEVER_STARTED} AND NOT {ENROLLED_NOBODY} AND {COMPLETED} "
        f"AND {late}",
        severity=f"CASE WHEN {why_info} IS NOT NULL THEN 'info' END", studies=registered_studies())


def _why_no_breach(completed_by: str, began_by: str) -> str:
    """SQL text ending the message of a retrospective registration that no rule forbade (NULL for one a rule did):
    an observational study or an expanded-access record need not register first, and ICMJE asked trials to register
    before enrolling only from 2005-07-01 (a phase 1 trial only from 2008-07-01). `completed_by` and `began_by` (SQL)
    are the last days the completion and start may mean."""
    return (f"CASE WHEN s.study_type = 'OBSERVATIONAL' THEN ', which no rule forbids an observational study.' "
            "WHEN s.study_type = 'EXPANDED_ACCESS' THEN ', which no rule forbids an expanded-access record (a "
            "treatment offered outside a trial).' "
            f"WHEN {completed_by} < {ICMJE_IN_FORCE} THEN ', as was usual before ICMJE asked trials starting from "
            "2005-07-01 to register first.' "
            f"WHEN {PHASE1_ONLY} AND {began_by} < {ICMJE_ALL_PHASES} THEN ', as ICMJE asked a phase 1 trial to "
            "register first only from 2008-07-01 (FDAAA never has).' END")


ORDER_RULES = (
    _order_rule("start_after_primary_completion", "start_date", "primary_completion_date", "error",
                "A trial cannot reach its primary completion before it starts; one of the dates is wrong. A study "
                "that stopped before enrolling (WITHDRAWN, a count of 0, TERMINATED without a count or with only "
                "an anticipated one) never reached a start not typed ACTUAL: the day it stopped may come before it.",
                "Study starts {at_a}{a}, after its primary completion date {b}.",
                _never_reached("start_date", "primary_completion_date")),
    _order_rule("start_after_completion", "start_date", "completion_date", "error",
                "A trial cannot complete before it starts; one of the dates is wrong. A study that stopped before "
                "enrolling never reached a start not typed ACTUAL: the day it stopped may come before it.",
                "Study starts {at_a}{a}, after its completion date {b}.",
                _never_reached("start_date", "completion_date")),
    _order_rule("primary_completion_after_completion", "primary_completion_date", "completion_date",
                "error", "Primary completion is part of the study, so it cannot come after study completion. A "
                "study that stopped before enrolling never reached a primary completion not typed ACTUAL: the day "
                "it stopped, given as its completion, may come before it.",
                "The primary completion date {a} is after the completion date {b}.",
                _never_reached("primary_completion_date", "completion_date")),
    rule("registered_after_completion", "warning",
         "A trial registered only after it ended was not prospectively registered (ICMJE from "
         "2005, FDAAA 801 and 42 CFR 11.24: within 21 days of the first enrolment), so its "
         "outcomes may have been chosen after the fact. Judged on the first submission, not the "
         "posting (unless the record was posted before the day it gives as submitted, a date stamped again "
         "later, or gives no submission date, as pages do: then a posting up to 30 days past completion is allowed "
         "for the registry's review); trials completed before 2005 were bulk-registered when the requirement came, "
         "no rule asks "
         "an observational study or an expanded-access record (no trial: it has no outcomes to choose) to register "
         "first, and ICMJE left out phase 1 trials begun before 2008-07: info. A WITHDRAWN study enrolled nobody, so "
         "it was never run unregistered, nor was a trial that reports an ACTUAL enrollment of 0 (or a TERMINATED "
         "trial's 0). Only a completion that happened counts: an ACTUAL date, or the date of a COMPLETED or "
         "TERMINATED study; an anticipated completion of a study still open, suspended or of unknown status is a "
         "plan, not an end.",
         ("studies.study_first_submitted_date", "studies.study_first_posted_date",
          "studies.completion_date"), _registered_after_completion_sql()),
    _order_rule("last_update_before_first_posted", "study_first_posted_date", "last_update_posted_date",
                "error", "A record cannot be updated before it was first posted; one of the dates is wrong. Where "
                "the registry gives either posting as an estimate (a day it did not record, before 2017), the "
                "estimate may be what is wrong: warning.",
                "The record was first posted {at_a}{a}, after its last update posted {at_b}{b}.",
                severity_sql=f"CASE WHEN {POSTING_ESTIMATED} THEN 'warning' END"),
)

# Sponsors must report a status change within 30 days of it (42 CFR 11.64), so a status is
# stale only once the completion date is more than 30 days past.
STATUS_GRACE_DAYS = 30
# A study no longer recruiting follows its participants up past its primary completion, up to its completion: where
# the record gives no completion date, a primary completion past says nothing of when it ends.
FOLLOWED_UP = "s.overall_status = 'ACTIVE_NOT_RECRUITING'"


def _stale_status_sql() -> str:
    """Status not ended with the completion date (or, lacking it, primary completion: not of a study in follow-up)
    past."""
    parts = []
    for name, label, only_if in (("completion_date", "completion", "TRUE"),
                                 ("primary_completion_date", "primary completion",
                                  f"s.completion_date IS NULL AND NOT {FOLLOWED_UP}")):
        texts = {"st": "s.overall_status", "d": shown(name), "now": RECORD_TODAY.text}
        message = sql_text(f"Status is {{st}} but the {label} date {{d}} is past as of {{now}}.", **texts)
        evidence = sql_text(f"overall_status={{st}}; {name}={{d}}; judged as of={{now}}", **texts)
        where = f"{NOT_ENDED} AND {only_if} AND {after(RECORD_TODAY, date_of(name), STATUS_GRACE_DAYS)}"
        parts.append(select(message, evidence, where, (f"studies.{name}", "studies.overall_status")))
    return " UNION ALL ".join(parts)


def _stale_verification_sql() -> str:
    """Open status with the verification date more than two years before the record's day."""
    texts = {"st": "s.overall_status", "v": shown("verification_date"), "now": RECORD_TODAY.text,
             "at": on_or_in("verification_date")}
    two_years_ago = exact(f"{RECORD_TODAY.lo} - INTERVAL 2 YEAR")
    return select(
        sql_text("Status is {st} but the record was last verified {at}{v}, more than two years "
                 "before {now}.", **texts),
        sql_text("overall_status={st}; verification_date={v}; judged as of={now}", **texts),
        f"{OPEN} AND {after(two_years_ago, date_of('verification_date'))}")


def _ended_before_its_dates_sql() -> str:
    """Ended status with a completion date (or primary completion) not typed ACTUAL that lies after the record's
    last update (its posting, or its submission where a legacy record gives only that): the record said the study
    had ended before the day it gives as its end. (An ACTUAL one is actual_after_last_update's.)"""
    parts = []
    for name, label in (("completion_date", "completion"), ("primary_completion_date", "primary completion")):
        texts = {"st": "s.overall_status", "d": shown(name), "u": UPDATE_NAMED.text, "at": UPDATE_NAMED_AT,
                 "how": UPDATE_NAMED_HOW, "period": period_word(name)}
        parts.append(select(
            sql_text(f"Status is {{st}} but the {label} date {{d}} is after the record's last update {{how}}"
                     "{at}{u}: the record says the study ended before the {period} it gives as its end.", **texts),
            sql_text(f"overall_status={{st}}; {name}={{d}}; {{u}}", st=texts["st"], d=texts["d"],
                     u=UPDATE_NAMED_EVIDENCE),
            f"{ENDED} AND s.{name}_type IS DISTINCT FROM 'ACTUAL' AND {after(date_of(name), UPDATE_NAMED)}",
            (f"studies.{name}", f"studies.{name}_type", "studies.overall_status", "studies.last_update_posted_date",
             "studies.last_update_submitted_date")))
    return " UNION ALL ".join(parts)


STATUS_RULES = (
    rule("ended_status_completion_ahead", "error",
         "COMPLETED and TERMINATED say the study has ended, so its completion and primary completion dates have "
         "happened (the registry then asks for them as ACTUAL); one still ahead of the record's last update, an "
         "estimate or untyped, cannot be right: the status or the date is wrong. A legacy record that gives no "
         "posting of its last update (an XML record of before 2017) is judged by the update's submission.",
         ("studies.overall_status", "studies.completion_date", "studies.primary_completion_date",
          "studies.last_update_posted_date", "studies.last_update_submitted_date"), _ended_before_its_dates_sql()),
    rule("status_stale_after_completion", "warning",
         "A trial still called open (or SUSPENDED) more than 30 days after its completion date has "
         "a stale status or a stale date (42 CFR 11.64: changes within 30 days); trackers would "
         "count it as running. Judged as of the record's snapshot, not our run. Where the record gives no "
         "completion date its primary completion stands in, but not for a study ACTIVE_NOT_RECRUITING, which "
         "follows its participants up past its primary completion.",
         ("studies.overall_status", "studies.completion_date", "studies.primary_completion_date"),
         _stale_status_sql()),
    rule("verification_stale", "warning",
         "An open status not verified for two years can no longer be trusted (the registry shows such a trial's "
         "status as UNKNOWN once its completion date has passed too). Judged as of the record's snapshot.",
         ("studies.verification_date", "studies.overall_status"), _stale_verification_sql()),
)

RULES = ORDER_RULES + STATUS_RULES + VERIFIED_ENDED_RULES + PLAUSIBILITY_RULES + TIME_FRAME_RULES
