"""When an applicable trial's results are due (42 CFR 11.44), and what its submitted results' review shows."""
from __future__ import annotations

from checks.date_columns import FINAL_RULE_IN_FORCE, date_of
from checks.enrolment_states import ENROLLED_NOBODY
from checks.partial_dates import RECORD_TODAY, PartialDate, after, exact
from checks.results_applicability import APPLICABLE

# 42 CFR 11.44: results are due one year after the primary completion date; a certificate of
# delay (11.44(b)) extends that by up to two more years. The final rule applies to trials whose
# primary completion is on or after its effective date (FINAL_RULE_IN_FORCE).

# Without the first-submission date the record's timeline was not loaded, so "no results" is unknown.
TIMELINE_KNOWN = "s.study_first_submitted_date IS NOT NULL"
# A page that says the study has results without giving their dates (a trial-summary page's "Has Results: Yes")
# has them.
NO_RESULTS = ("s.results_first_submitted_date IS NULL AND s.results_first_posted_date IS NULL "
              "AND NOT coalesce(s.has_results, FALSE)")
# A primary completion on 29 February has no anniversary in a common year: its year ends on 1 March, the later of the
# two days it may mean (DuckDB's interval would give 28 February, a day sooner than a sponsor may read it).
_LEAP_DAY = "strftime({day}, '%m-%d') = '02-29'"


def _years_after_completion(years: str) -> str:
    """SQL: the day `years` (SQL) years after the last day the primary completion may mean."""
    completed = date_of("primary_completion_date").hi
    return (f"(CASE WHEN {_LEAP_DAY.format(day=completed)} THEN {completed} + INTERVAL 1 DAY ELSE {completed} END "
            f"+ to_years({years}))")


# 42 CFR 11.44(b): a certificate of delay counts only when submitted before the results were due (a year after
# primary completion); one submitted later extends nothing.
CERTIFIED_IN_TIME = f"s.disposition_first_submitted_date <= {_years_after_completion('1')}"
DELAY_YEARS = f"(CASE WHEN coalesce({CERTIFIED_IN_TIME}, FALSE) THEN 3 ELSE 1 END)"


def _results_due_by() -> PartialDate:
    """The results deadline: a year after primary completion, three with a certificate of delay submitted within
    the first."""
    return exact(_years_after_completion(DELAY_YEARS))


def results_due(due: PartialDate | None = None) -> str:
    """SQL condition on `studies s`: an applicable trial whose results deadline (`due`, else computed here) had passed
    on the record's day."""
    completion = date_of("primary_completion_date")
    return (f"{APPLICABLE} AND {TIMELINE_KNOWN} AND coalesce(s.overall_status, '') <> 'WITHDRAWN' "
            f"AND NOT {ENROLLED_NOBODY} "
            f"AND s.primary_completion_date_type = 'ACTUAL' AND {completion.lo} >= {FINAL_RULE_IN_FORCE} "
            f"AND {after(RECORD_TODAY, due or _results_due_by())}")


# Each study with its results deadline, a column computed once: written out in each of the rule's messages and tests,
# its CASEs over the primary completion and the certificate of delay cost most of the rule's planning.
DUE_STUDIES = f"(SELECT *, {_years_after_completion(DELAY_YEARS)} AS results_due_by FROM studies s)"


# Results submitted and not yet posted (pending_results) on the record's day: the first submission, how often the
# registry's review returned them and when last, and whether the sponsor's last act withdrew them (UNRELEASE).
# The sponsor's last act on its submitted results is the last one the record lists (rows keep its order, which is
# the order of events): a canceled submission the registry dates 'Unknown' has no day to order it by.
# A record that gives no unposted events may still track its submissions (API v2 submissionTracking, which AACT
# does not read: result_submissions): those are read where it does.
SUBMISSION_EVENTS = """(SELECT nct_id, event, event_date, id FROM pending_results
        UNION ALL SELECT nct_id, event, event_date, id
        FROM result_submissions ANTI JOIN pending_results USING (nct_id))"""
PENDING = f"""LEFT JOIN (
        SELECT nct_id, min(event_date) FILTER (WHERE event = 'RELEASE') AS submitted,
               count(*) FILTER (WHERE event = 'RESET') AS returned,
               max(event_date) FILTER (WHERE event = 'RESET') AS returned_on,
               arg_max(event, id) FILTER (WHERE event IN ('RELEASE', 'UNRELEASE')) AS last_act,
               arg_max_null(event, id) AS last_event, arg_max_null(event_date, id) AS last_event_on
        FROM {SUBMISSION_EVENTS} GROUP BY nct_id) p ON p.nct_id = s.nct_id"""
SUBMITTED = "p.submitted IS NOT NULL AND p.last_act = 'RELEASE'"
# 42 CFR 11.64(b): results the registry's quality-control review returned are to be corrected within 25 calendar days
# of its comments, whenever they were first submitted. Results whose last event is such a return (a RESET, no RELEASE
# after it), more than 25 days before the record's day, are back with the sponsor past that time: not in review, owed
# again, whether their first submission was late or on time.
CORRECTION_DAYS = 25
RETURNED_UNCORRECTED = ("(p.last_event = 'RESET' AND p.last_event_on IS NOT NULL "
                        f"AND {after(RECORD_TODAY, exact('p.last_event_on'), CORRECTION_DAYS)})")
# Results the sponsor submitted and then withdrew (its last act UNRELEASE: the submission canceled): none are
# submitted.
CANCELED = "p.submitted IS NOT NULL AND p.last_act = 'UNRELEASE'"
