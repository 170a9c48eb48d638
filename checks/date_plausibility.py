"""Date rules that judge dates against the record itself: types vs last update, odd years,
and the clincosm header duration."""
from __future__ import annotations

from typing import Callable

from checks.date_columns import (
    EARLIEST_STUDY_DAY, LABELS, NEVER_STARTED, REGISTRY_OPENED, TYPED, date_of, on_or_in, rule, select, shown,
)
from checks.day_counts import days_text, to_the_day
from checks.enrolment_states import ENROLLED_NOBODY
from checks.partial_dates import RECORD_TODAY, PartialDate, after, exact, months_between_range
from checks.sql_text import literal, sql_text

LAST_UPDATE = "last_update_posted_date"
# The record was updated but kept an estimate this many days past its date, while its status leaves open whether
# the date happened (an open study's date may have slipped, to be moved at a later update).
ESTIMATE_STALE_DAYS = 90
# 42 CFR 11.64(a)(1)(ii): once a study reaches its start, primary completion or completion date, and once its status
# changes, the record is updated within 30 calendar days, the date then typed ACTUAL. Where the status says the date
# has happened, an update more than this many days after it that still calls the date an estimate is late.
HAPPENED_UPDATE_DAYS = 30
# The statuses that say the study has ended: its dates have then happened.
ENDED = "s.overall_status IN ('COMPLETED', 'TERMINATED')"
# Which statuses say each typed date has happened. A study that no longer recruits (ACTIVE_NOT_RECRUITING) has
# enrolled, so it has started; whether it reached its (primary) completion its status does not say. A TERMINATED
# study has started only where it gives a count of somebody: without one, or with only the count it anticipated (typed
# ESTIMATED, a plan), it may have stopped before anybody joined.
HAPPENED = {
    "start_date": "(s.overall_status IN ('COMPLETED', 'ACTIVE_NOT_RECRUITING') "
                  "OR s.overall_status = 'TERMINATED' AND s.enrollment > 0 "
                  "AND s.enrollment_type IS DISTINCT FROM 'ESTIMATED')",
    "primary_completion_date": ENDED,
    "completion_date": ENDED,
}
# The update a late estimate is judged by: its submission where the record gives it (the registry posts an update
# days, now and then weeks, after it was submitted, and the date may have passed in between), else its posting (the
# first day it may mean, where a page gives it to the month only).
_POSTED = date_of(LAST_UPDATE)
UPDATE_MADE = PartialDate(f"coalesce(s.last_update_submitted_date, {_POSTED.lo})",
                          f"coalesce(s.last_update_submitted_date, {_POSTED.hi})",
                          f"coalesce(strftime(s.last_update_submitted_date, '%Y-%m-%d'), {_POSTED.text})")
# The update a message names: its posting, as the record shows it; in a legacy record that gives no posting (an XML
# record of before 2017 gives only its lastchanged_date), its submission.
_SUBMITTED = "strftime(s.last_update_submitted_date, '%Y-%m-%d')"
UPDATE_NAMED = PartialDate(f"coalesce({_POSTED.lo}, s.last_update_submitted_date)",
                           f"coalesce({_POSTED.hi}, s.last_update_submitted_date)",
                           f"coalesce({shown(LAST_UPDATE)}, {_SUBMITTED})")
# 'on ' or 'in ' before the update a message names: 'in ' before a posting kept to the month or year (a text page's).
UPDATE_NAMED_AT = f"CASE WHEN s.{LAST_UPDATE} IS NULL THEN 'on ' ELSE {on_or_in(LAST_UPDATE)} END"
UPDATE_NAMED_EVIDENCE = (f"CASE WHEN s.{LAST_UPDATE} IS NULL THEN 'last_update_submitted_date=' || {_SUBMITTED} "
                         f"ELSE {literal(LAST_UPDATE + '=')} || {shown(LAST_UPDATE)} END")
# How a message names that update: 'posted ' or, in a legacy record that gives no posting, 'submitted '.
UPDATE_NAMED_HOW = f"CASE WHEN s.{LAST_UPDATE} IS NULL THEN 'submitted ' ELSE 'posted ' END"
# Real studies began as early as the 1940s (Framingham, 1948; NIH trials of the 1970s are common), so only earlier
# study dates are typos (1900 for 2000). Postings cannot predate the registry.
EARLIEST_STUDY_DATE = (exact(EARLIEST_STUDY_DAY), "before 1940, almost certainly a typo")
# A long-running cohort or population registry may honestly have begun before 1940 (a birth cohort of 1921, the
# Terman study of 1921, the Harvard Grant study of 1938): a study date from this day on of a study not shown to be a
# trial (observational, or of no given type) is worth a look, not a typo. A year of 1900 or before is the century
# slip (1900 for 2000) or a form's default, whatever the study.
COHORT_FROM = exact("DATE '1901-01-01'")
NOT_A_TRIAL = "coalesce(s.study_type = 'OBSERVATIONAL', s.study_type IS NULL)"
EARLIEST_POSTING = (exact(REGISTRY_OPENED), "before ClinicalTrials.gov posted its first records in 1999")
EARLIEST = {"study_first_posted_date": EARLIEST_POSTING, "last_update_posted_date": EARLIEST_POSTING}
IMPLAUSIBLE = ("start_date", "primary_completion_date", "completion_date", "study_first_posted_date",
               "last_update_posted_date", "verification_date")
LATEST = exact(f"{RECORD_TODAY.lo} + INTERVAL 15 YEAR")
# End dates of long-running registries and cohorts lie decades ahead on purpose (2050, 2065);
# a year from 2099 on is a placeholder ("2099-12-31", "2100"), not a plan.
END_DATES = ("primary_completion_date", "completion_date")
PLACEHOLDER_FROM = exact("DATE '2099-01-01'")
# The header duration may round; it disagrees only past both tolerances.
DURATION_TOLERANCE_MONTHS, DURATION_TOLERANCE_SHARE = 1.5, 0.10


def _per_date(names: tuple[str, ...], build: Callable[[str], str]) -> str:
    """UNION ALL of one SELECT per date column, each made by `build(name)`."""
    return " UNION ALL ".join(build(name) for name in names)


# One finding of a rule that judges several columns of a study: (SQL: it holds, message, evidence, fields).
Finding = tuple[str, str, str, tuple[str, ...]]


def _actual_after_update(name: str) -> Finding:
    """A date typed ACTUAL that lies after the record's last update (its posting, or its submission where a legacy
    record gives only that): it has not happened yet."""
    texts = {"d": shown(name), "u": UPDATE_NAMED.text, "at": UPDATE_NAMED_AT, "how": UPDATE_NAMED_HOW}
    return (f"s.{name}_type = 'ACTUAL' AND {after(date_of(name), UPDATE_NAMED)}",
            sql_text(f"The {LABELS[name]} date {{d}} is after the record's last update {{how}}{{at}}{{u}}.", **texts),
            sql_text(f"{name}={{d}}; {{u}}", d=texts["d"], u=UPDATE_NAMED_EVIDENCE),
            (f"studies.{name}", f"studies.{name}_type", f"studies.{LAST_UPDATE}", "studies.last_update_submitted_date"))


def _verified_after_update() -> Finding:
    """The record says it was verified after its own last update: the verification date is stated in an update
    (the registry takes none in the future), so it cannot lie after the newest one."""
    texts = {"v": shown("verification_date"), "u": shown(LAST_UPDATE), "at_v": on_or_in("verification_date"),
             "at_u": on_or_in(LAST_UPDATE)}
    # the stored days are compared first: a period can lie after another only if its stored day does
    return (f"s.verification_date > s.{LAST_UPDATE} AND {after(date_of('verification_date'), date_of(LAST_UPDATE))}",
            sql_text("The record says it was verified {at_v}{v}, after its last update posted {at_u}{u}: a record is "
                     "verified in an update, never after it.", **texts),
            sql_text(f"verification_date={{v}}; {LAST_UPDATE}={{u}}", **texts),
            ("studies.verification_date", f"studies.{LAST_UPDATE}"))


def _in_one_scan(findings: list[Finding]) -> str:
    """A rule SELECT that reads `studies s` once and gives a row for each of `findings` that holds for a study
    (a UNION ALL of one SELECT per finding read the table once per finding)."""
    found = ", ".join(
        f"CASE WHEN {holds} THEN {{'message': {message}, 'evidence': {evidence}, "
        f"'fields': [{', '.join(literal(f) for f in fields)}]}} END"
        for holds, message, evidence, fields in findings)
    return ("SELECT nct_id, f.message AS message, f.evidence AS evidence, f.fields AS fields, NULL AS severity "
            f"FROM (SELECT s.nct_id, unnest(list_filter([{found}], x -> x IS NOT NULL)) AS f FROM studies s "
            f"WHERE {' OR '.join(f'({holds})' for holds, *_ in findings)})")


def _estimate_kept(name: str) -> str:
    """A typed date still ESTIMATED at an update long after it: past 30 days when the record's status says the date
    has happened (it had to be made ACTUAL by then), past 90 days otherwise. A WITHDRAWN study never started, nor
    did a study that enrolled nobody (an ACTUAL 0, a TERMINATED study's 0): those dates (that start) stay estimates
    for good. The message counts the days to the update's posting (its submission, where a legacy record gives no
    posting): 'at least' so many where a date is kept to the month or year, the fewest its readings give."""
    happened = f"coalesce({HAPPENED[name]}, FALSE)"
    exact_days = f"{to_the_day(name)} AND (s.{LAST_UPDATE} IS NULL OR {to_the_day(LAST_UPDATE)})"
    texts = {"d": shown(name), "u": UPDATE_NAMED.text, "n": days_text(UPDATE_NAMED, date_of(name), exact_days),
             "st": "s.overall_status", "at": UPDATE_NAMED_AT}
    open_message = sql_text(f"The {LABELS[name]} date {{d}} was still an estimate when the record was "
                            "last updated {at}{u}, {n} days later.", **texts)
    ended_message = sql_text(f"The {LABELS[name]} date {{d}} was still an estimate when the record, which calls the "
                             "study {st}, was last updated {at}{u}, {n} days later.", **texts)
    never_happens = f"{NEVER_STARTED} OR {ENROLLED_NOBODY}" if name == "start_date" else NEVER_STARTED
    late_when_happened = f"{after(UPDATE_MADE, date_of(name), HAPPENED_UPDATE_DAYS)}"
    late_when_open = f"{after(UPDATE_MADE, date_of(name), ESTIMATE_STALE_DAYS)}"
    return select(
        f"CASE WHEN {happened} THEN {ended_message} ELSE {open_message} END",
        sql_text(f"{name}={{d}}; {{u}}", d=texts["d"], u=UPDATE_NAMED_EVIDENCE)
        + f" || CASE WHEN {happened} THEN {sql_text('; overall_status={st}', **texts)} ELSE '' END",
        f"s.{name}_type = 'ESTIMATED' AND NOT ({never_happens}) AND "
        f"CASE WHEN {happened} THEN {late_when_happened} ELSE {late_when_open} END",
        (f"studies.{name}", f"studies.{name}_type", f"studies.{LAST_UPDATE}", "studies.overall_status"))


def _implausible(name: str) -> str:
    """A date too early (a study date before 1940, a posting before the registry opened) or too late (an end in a
    placeholder year, another date more than 15 years ahead); a typed study date from 1901 to 1939 of a study not
    shown to be a trial is info, said so: a long-running cohort's or registry's real beginning, or a typo, which the
    record cannot tell."""
    earliest, why = EARLIEST.get(name, EARLIEST_STUDY_DATE)
    end_date = name in END_DATES
    latest = PLACEHOLDER_FROM if end_date else LATEST
    early = after(earliest, date_of(name))
    late = f"{date_of(name).lo} >= {latest.lo}" if end_date else after(date_of(name), latest)
    texts = {"d": shown(name), "now": RECORD_TODAY.text}
    too_early = sql_text(f"The {LABELS[name]} date {{d}} is {why}.", **texts)
    too_late = sql_text(f"The {LABELS[name]} date {{d}} is a placeholder year, not a planned date."
                        if end_date else
                        f"The {LABELS[name]} date {{d}} is more than 15 years after {{now}}.", **texts)
    message, severity = f"CASE WHEN {early} THEN {too_early} ELSE {too_late} END", "NULL"
    if name in TYPED:
        maybe_cohort = f"({NOT_A_TRIAL} AND s.{name} >= {COHORT_FROM.lo} AND {early})"
        cohort = sql_text(f"The {LABELS[name]} date {{d}} is before 1940: right only for a long-running cohort or "
                          "registry (such as a birth cohort), else a typo.", **texts)
        message = f"CASE WHEN {maybe_cohort} THEN {cohort} ELSE {message} END"
        severity = f"CASE WHEN {maybe_cohort} THEN 'info' END"
    return select(message, sql_text(f"{name}={{d}}; judged as of={{now}}", **texts),
                  f"({early} OR {late})", (f"studies.{name}",), severity=severity)


def _months_text(fewest: str, most: str) -> str:
    """SQL text of the months between two dates: '19.5' where both readings round alike (dates to the day), else
    the span their readings allow, '19.0 to 21.0' (2020-01 to 2021-09)."""
    low, high = f"round({fewest}, 1)", f"round({most}, 1)"
    return f"CASE WHEN {low} = {high} THEN CAST({low} AS VARCHAR) ELSE concat({low}, ' to ', {high}) END"


def _duration_sql() -> str:
    """Header duration outside the months the start and completion dates allow, past tolerance. Dates out of order
    (a completion before the start) give no duration to compare: start_after_completion reports them."""
    fewest, most = months_between_range(date_of("start_date"), date_of("completion_date"))
    months = f"round((({fewest}) + ({most})) / 2, 1)"
    gap = f"greatest(({fewest}) - h.duration_months, h.duration_months - ({most}))"
    texts = {"h": "h.duration_months", "m": _months_text(fewest, most), "a": shown("start_date"),
             "b": shown("completion_date")}
    return select(
        sql_text("The page header gives a duration of {h} months but the start date {a} and "
                 "completion date {b} are {m} months apart.", **texts),
        sql_text("page_header_metrics.duration_months={h}; start_date={a}; completion_date={b}; "
                 "months between the dates={m}", **texts),
        f"{gap} > {DURATION_TOLERANCE_MONTHS} AND {gap} > {DURATION_TOLERANCE_SHARE} * abs({months}) "
        f"AND {most} >= 0",
        joins="JOIN page_header_metrics h ON h.nct_id = s.nct_id")


PLAUSIBILITY_RULES = (
    rule("actual_after_last_update", "error",
         "A date marked ACTUAL has happened, so it cannot lie after the record was last posted; nor can the "
         "verification date, which an update states (the registry takes no verification date in the future). A "
         "legacy record that gives no posting of its last update (an XML record of before 2017) has its ACTUAL dates "
         "judged by the update's submission.",
         tuple(f"studies.{n}" for n in TYPED) + ("studies.verification_date", f"studies.{LAST_UPDATE}",
                                                 "studies.last_update_submitted_date"),
         _in_one_scan([_actual_after_update(name) for name in TYPED] + [_verified_after_update()])),
    rule("estimate_kept_long_past", "warning",
         f"An update that keeps an estimate more than {ESTIMATE_STALE_DAYS} days past its date "
         "leaves the record's timeline unconfirmed (counted to the update's submission where the record gives it: "
         "the registry may post it weeks later). Where the status says the date has happened (a COMPLETED or "
         "TERMINATED study's dates, the start of one ACTIVE_NOT_RECRUITING), 42 CFR 11.64 gives "
         f"{HAPPENED_UPDATE_DAYS} days to make it ACTUAL: an update submitted later that keeps the estimate is late, "
         "and the message names the status. A WITHDRAWN study never started, nor did a study that enrolled nobody (an "
         "ACTUAL 0, a TERMINATED study's 0), so those dates (that start) stay estimates for good.",
         tuple(f"studies.{n}" for n in TYPED) + (f"studies.{LAST_UPDATE}",),
         _per_date(TYPED, _estimate_kept)),
    rule("implausible_date", "warning",
         "Study dates before 1940 and postings before the registry opened (1999) are typos (1900 "
         "for 2000); completion in 2099 or later is a placeholder, while long registries may "
         "honestly plan to end in 2050 or 2065; other dates more than 15 years ahead are typos. A long-running "
         "cohort or registry may have begun before 1940 (a birth cohort of 1921): a study date from 1901 to 1939 of "
         "a study not shown to be a trial (observational, or of no given type) is info, saying so.",
         tuple(f"studies.{n}" for n in IMPLAUSIBLE), _per_date(IMPLAUSIBLE, _implausible)),
    rule("header_duration_mismatch", "warning",
         "The clincosm header duration is derived from the dates; disagreeing, one of them is wrong. A completion "
         "before the start gives no duration to compare (start_after_completion reports it).",
         ("page_header_metrics.duration_months", "studies.start_date", "studies.completion_date"),
         _duration_sql()),
)
