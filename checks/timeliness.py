"""Rule family timeliness: the registry's deadlines — register on time, post results on time,
start when the record says it will.

Each deadline is judged as of RECORD_TODAY (the earlier of the run's as_of and the record's
snapshot), and at the coarser precision of the dates it compares.
"""
from __future__ import annotations

from checks.date_columns import EARLIEST_STUDY_DAY, date_of, rule, select, shown
from checks.day_counts import days_text, to_the_day
from checks.partial_dates import RECORD_TODAY, after
from checks.registration_deadline import late_registration_sql
from checks.results_overdue import results_overdue_sql
from checks.sql_text import sql_text

FAMILY = "timeliness"
NOT_YET_STARTED_DAYS = 90


def _not_yet_recruiting_sql() -> str:
    texts = {"st": shown("start_date"), "now": RECORD_TODAY.text,
             "n": days_text(RECORD_TODAY, date_of("start_date"), to_the_day("start_date"))}
    return select(
        sql_text("Status is NOT_YET_RECRUITING but the start date {st} was {n} days before {now}.",
                 **texts),
        sql_text("overall_status=NOT_YET_RECRUITING; start_date={st}; judged as of={now}", **texts),
        f"s.overall_status = 'NOT_YET_RECRUITING' AND {date_of('start_date').lo} >= {EARLIEST_STUDY_DAY} "
        f"AND {after(RECORD_TODAY, date_of('start_date'), NOT_YET_STARTED_DAYS)}")


RULES = (
    rule("late_registration", "warning",
         "42 CFR 11.24 requires registration within 21 days of the first enrolment, and ICMJE "
         "journals registration before it; a late record may have chosen its outcomes after the "
         "fact. Judged on the first submission (on the first posting, with 30 days for the registry's review, "
         "where the record was posted before the day it gives as submitted: a date stamped again later); "
         "trials started before ICMJE's 2005 rule, and phase 1 trials started before it covered them "
         "(2008-07): info. A trial that enrolled nobody (a WITHDRAWN study, an ACTUAL enrollment of 0, a "
         "TERMINATED trial's 0) had no first enrolment, so no deadline ran; a trial NOT_YET_RECRUITING (or last "
         "known so) that gives a past start contradicts itself, and which is wrong the record cannot tell. ICMJE "
         "accepts any WHO primary registry: a record that gives such a registry's id (ISRCTN, ChiCTR, CTRI, DRKS...), "
         "not one dated after the 21 days, may have been registered there in time: info, naming it, unless its "
         "sponsor says it studies an FDA-regulated product, which 42 CFR 11.24 has registered here. A start before "
         "1940 is a typo (dates.implausible_date), no day to count from.",
         ("studies.study_first_submitted_date", "studies.study_first_posted_date", "studies.start_date",
          "id_information.id_value"),
         late_registration_sql(),
         family=FAMILY),
    rule("results_overdue", "warning",
         "42 CFR 11.44: an applicable clinical trial posts results within a year of its primary "
         "completion (three with a certificate of delay submitted within that year; one submitted later extends "
         "nothing). Applicability is approximated "
         "(interventional, not phase 1 only, FDA-regulated drug or device; for records without "
         "the FDA flags, a US site and a drug or device, a placebo or sham none), so a person confirms it. "
         "42 CFR 11.22(b) reaches a trial "
         "through a site in the US or a US territory, a US IND or IDE, or a product made in and exported from the "
         "US; the registry publishes no IND or IDE, so a trial that lists no such site, says its product is not "
         "exported and gives no IND or IDE among its secondary ids, or that gives no phase (it may be phase 1), is not "
         "shown to owe results: info, saying so. "
         "Results submitted on time and not yet posted (in the registry's quality-control review: pending_results) "
         "are not overdue; "
         "submitted late and not yet posted: info, with the days late and the review's returns; but where the "
         "review's return is the last event, more than the 25 days 42 CFR 11.64(b) gives to correct results before "
         "the record's day, the results are back with the sponsor and owed again, whether first submitted late or on "
         "time: a warning that says when they were submitted and returned. Submitted and then canceled by the "
         "sponsor: said so. A trial that enrolled nobody (an ACTUAL enrollment of 0, or a TERMINATED trial's 0) has no "
         "results to post; a page that says the study has results has them.",
         ("studies.primary_completion_date", "studies.results_first_submitted_date",
          "studies.disposition_first_submitted_date", "studies.has_results", "pending_results", "studies.is_us_export",
          "facilities.country",
          "id_information.id_value"),
         results_overdue_sql(),
         family=FAMILY, category="missing_field"),
    rule("not_yet_recruiting_past_start", "warning",
         "A study still NOT_YET_RECRUITING more than 90 days after its start date has a stale "
         "status or start date (42 CFR 11.64: changes within 30 days). A start before 1940 is a typo "
         "(dates.implausible_date), no day to count from.",
         ("studies.overall_status", "studies.start_date"), _not_yet_recruiting_sql(), family=FAMILY),
)
