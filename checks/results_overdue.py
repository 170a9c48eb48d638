"""timeliness.results_overdue: an applicable trial's results not submitted, submitted late, canceled or returned
by the registry's review and not corrected, past their deadline."""
from __future__ import annotations

from checks.date_columns import shown
from checks.day_counts import days_text, to_the_day
from checks.partial_dates import RECORD_TODAY, after, exact
from checks.results_applicability import IND_ID, US_NAMES, applicability_open
from checks.results_deadline import (
    CANCELED, CERTIFIED_IN_TIME, DUE_STUDIES, NO_RESULTS, PENDING, RETURNED_UNCORRECTED, SUBMITTED, results_due,
)
from checks.sql_text import sql_text

# The day of the review's last return as a message says it: the registry gives some as 'Unknown'.
_RETURNED_DAY = "coalesce(strftime(p.returned_on, '%Y-%m-%d'), 'a day the registry gives as Unknown')"


def _or_null(expr: str) -> str:
    return f"coalesce(CAST({expr} AS VARCHAR), 'NULL')"


def results_overdue_sql() -> str:
    """SQL of timeliness.results_overdue: applicable trials whose results are owed past their deadline."""
    due = exact("s.results_due_by")
    submitted = exact("p.submitted")
    # Due a year from a primary completion kept to the month or year: its last day is the latest the deadline may
    # mean, and the days late from it the fewest.
    days_late = days_text(submitted, due, to_the_day("primary_completion_date"))
    on_time = f"NOT {after(submitted, due)}"
    texts = {"pc": shown("primary_completion_date"), "due": due.text, "now": RECORD_TODAY.text,
             "cert": _or_null(f"strftime(s.disposition_first_submitted_date, '%Y-%m-%d') || CASE WHEN NOT "
                              f"{CERTIFIED_IN_TIME} THEN ' (after the results were due: extends nothing)' "
                              "ELSE '' END"),
             "drug": _or_null("s.is_fda_regulated_drug"), "device": _or_null("s.is_fda_regulated_device"),
             "phase": _or_null("s.phase"), "sub": submitted.text, "late": days_late,
             "timing": f"CASE WHEN {on_time} THEN 'on time' ELSE {days_late} || ' days late' END",
             "review": "CASE p.returned WHEN 0 THEN 'the registry''s review has not returned them' "
                       f"WHEN 1 THEN 'the registry''s review returned them once, on ' || {_RETURNED_DAY} "
                       "ELSE 'the registry''s review returned them ' || p.returned || ' times, last on ' "
                       f"|| {_RETURNED_DAY} END"}
    late = sql_text("Primary completion was {pc} and results were due by {due}; they were first submitted on "
                    "{sub}, {late} days late, and are not posted as of {now}: {review}.", **texts)
    returned = sql_text("Primary completion was {pc} and results were due by {due}; they were first submitted on "
                        "{sub}, {timing}, {review}, and they were not submitted again as of {now}: past the "
                        "25 days 42 CFR 11.64(b) gives to correct them, the results are owed again.", **texts)
    none = sql_text("Primary completion was {pc} and results were due by {due}, but none were "
                    "submitted as of {now}.", **texts)
    canceled = sql_text("Primary completion was {pc} and results were due by {due}; results submitted on {sub} "
                        "were later canceled by the sponsor, and none are submitted as of {now}.", **texts)
    submitted_by_then = f"{SUBMITTED} AND p.submitted <= {RECORD_TODAY.lo}"
    canceled_by_then = f"{CANCELED} AND p.submitted <= {RECORD_TODAY.lo}"
    returned_by_then = f"({submitted_by_then} AND {RETURNED_UNCORRECTED})"
    message = (f"CASE WHEN {returned_by_then} THEN {returned} WHEN {submitted_by_then} THEN {late} "
               f"WHEN {canceled_by_then} THEN {canceled} ELSE {none} END")
    evidence = sql_text(
        "primary_completion_date={pc}; results_first_submitted_date=NULL; results submitted, not posted "
        "(pending_results)={pending}; certificate of delay submitted={cert}; due={due}; judged as of={now}; "
        "phase={phase}; is_fda_regulated_drug={drug}; is_fda_regulated_device={device}; is_us_export={export}",
        pending=f"CASE WHEN {returned_by_then} THEN {submitted.text} || ', returned by the review on ' || "
                "strftime(p.last_event_on, '%Y-%m-%d') || ', not submitted again' "
                f"WHEN {submitted_by_then} THEN {submitted.text} WHEN {canceled_by_then} "
                f"THEN {submitted.text} || ', canceled by the sponsor' ELSE 'NULL' END",
        export=_or_null("s.is_us_export"), **texts)
    where = (f"{results_due(due)} AND {NO_RESULTS} "
             f"AND NOT coalesce({submitted_by_then} AND {on_time} AND NOT {RETURNED_UNCORRECTED}, FALSE)")
    found = (f"SELECT s.nct_id, s.phase, s.is_us_export, {message} AS message, {evidence} AS evidence, "
             f"coalesce({submitted_by_then} AND NOT {returned_by_then}, FALSE) AS submitted_late "
             f"FROM {DUE_STUDIES} s {PENDING} WHERE {where}")
    # The site countries and secondary ids of the studies found only: what their records leave open about
    # applicability. A registry record (the only kind whose timeline is loaded) lists each of its sites' countries
    # among its countries, a far shorter table than its sites.
    sites = (f"SELECT c.nct_id, string_agg(DISTINCT c.name, ', ' ORDER BY c.name) AS countries, "
             f"bool_or(c.name IN {US_NAMES}) AS us FROM countries c SEMI JOIN found USING (nct_id) "
             "WHERE NOT coalesce(c.removed, FALSE) GROUP BY c.nct_id")
    inds = ("SELECT x.nct_id, string_agg(DISTINCT trim(x.id_value), ', ' ORDER BY trim(x.id_value)) AS given "
            "FROM id_information x SEMI JOIN found USING (nct_id) "
            f"WHERE (x.id_value ILIKE '%ind%' OR x.id_value ILIKE '%ide%') AND regexp_matches(x.id_value, "
            f"'{IND_ID}') GROUP BY x.nct_id")
    open_ = applicability_open("si.us", "ind.given")
    return (f"WITH found AS MATERIALIZED ({found}) "
            f"SELECT s.nct_id, s.message || coalesce(' ' || {open_}, '') AS message, "
            "s.evidence || '; site countries=' || coalesce(si.countries, 'none listed') "
            "|| coalesce('; US IND or IDE among its secondary ids=' || ind.given, '') AS evidence, "
            f"CASE WHEN s.submitted_late OR {open_} IS NOT NULL THEN 'info' END AS severity "
            f"FROM found s LEFT JOIN ({sites}) si USING (nct_id) LEFT JOIN ({inds}) ind USING (nct_id)")

