"""A date kept to the month or year is a period, and a message says the event fell in it ('completed in 2004-05', 'last
verified in 2023-05', 'first posted in 2022-06'), counts days from it as 'at least' so many, and says a study 'ended
before the month it gives as its end'; a date given to the day keeps 'on'. Shapes as API v2 records ('2004-05'), legacy
XML records (untyped, 'May 2004') and text pages (a posting kept to the month) give them, all in one warehouse."""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
BEFORE_PC = "dates.start_after_primary_completion"
BEFORE_END = "dates.start_after_completion"
AFTER_COMPLETION = "dates.registered_after_completion"
POSTED_AFTER_UPDATE = "dates.last_update_before_first_posted"
VERIFIED = "dates.verification_stale"
ENDED_AHEAD = "dates.ended_status_completion_ahead"
ACTUAL_AFTER = "dates.actual_after_last_update"
KEPT = "dates.estimate_kept_long_past"
OVERDUE = "timeliness.results_overdue"
CLOSED_ESTIMATED = "contradictions.closed_status_estimated_enrollment"
MONTH, YEAR = "month", "year"
LEGACY = dict(source_layout="ctgov_xml")
# A text page gives no submission date, and may keep a posting to the month.
PAGE = dict(source_layout="aggregator_text", study_first_submitted_date=None)
# Registered (first submitted, then posted days later) on 2022-01-10, after the clean study completed 2021-09-01.
REGISTERED_2022 = dict(study_first_submitted_date=d(2022, 1, 10), study_first_posted_date=d(2022, 1, 14))
# An applicable trial (FDA-regulated drug, phase 3, a US site) whose primary completion is past.
APPLICABLE = dict(is_fda_regulated_drug=True, is_fda_regulated_device=False, phase="PHASE3",
                  start_date=d(2019, 1, 10), study_first_submitted_date=d(2019, 1, 1),
                  study_first_posted_date=d(2019, 1, 12), completion_date=d(2019, 9, 1),
                  last_update_posted_date=d(2019, 10, 1), verification_date=d(2019, 10, 1))
US_SITE = {"facilities": [{"name": "Mayo Clinic", "city": "Rochester", "country": "United States", "status": None}],
           "countries": [{"name": "United States", "removed": False}]}


def _submitted(day: d) -> dict:
    """Results submitted on `day` and not yet posted (in the registry's review)."""
    return {"pending_results": [{"event": "RELEASE", "event_date_description": str(day), "event_date": day}]}


# name: (studies values, tables replaced, rule, [(severity, message)] expected of that rule)
SHAPES = {
    # A start after the end it is compared with: after every day of its month or year.
    "v2 start 2021-08 after primary completion 2021-06-01": (
        dict(start_date=d(2021, 8, 1), start_date_precision=MONTH), {}, BEFORE_PC,
        [("error", "Study starts in 2021-08 (ACTUAL), after its primary completion date 2021-06-01 (ACTUAL).")]),
    "legacy start 2022 after completion 2021-09-01": (
        dict(start_date=d(2022, 1, 1), start_date_precision=YEAR, start_date_type=None, **LEGACY), {}, BEFORE_END,
        [("error", "Study starts in 2022, after its completion date 2021-09-01 (ACTUAL).")]),
    "v2 start 2021-10-01 after completion 2021-09-01": (
        dict(start_date=d(2021, 10, 1)), {}, BEFORE_END,
        [("error", "Study starts on 2021-10-01 (ACTUAL), after its completion date 2021-09-01 (ACTUAL).")]),
    # Registered after a completion kept to the month or year.
    "v2 completed 2021-09, submitted 2022-01-10": (
        dict(completion_date_precision=MONTH, **REGISTERED_2022), {}, AFTER_COMPLETION,
        [("warning", "Study was first submitted on 2022-01-10, after it completed in 2021-09 (ACTUAL), so it was "
                     "registered retrospectively.")]),
    "legacy terminated 2021, submitted 2022-01-10": (
        dict(overall_status="TERMINATED", why_stopped="Slow accrual", completion_date=d(2021, 1, 1),
             completion_date_precision=YEAR, completion_date_type=None, **LEGACY, **REGISTERED_2022), {},
        AFTER_COMPLETION,
        [("warning", "Study was first submitted on 2022-01-10, after it ended (TERMINATED) in 2021, so it was "
                     "registered retrospectively.")]),
    "v2 completed 2021-09-01, submitted 2022-01-10": (
        dict(**REGISTERED_2022), {}, AFTER_COMPLETION,
        [("warning", "Study was first submitted on 2022-01-10, after it completed on 2021-09-01 (ACTUAL), so it was "
                     "registered retrospectively.")]),
    "page first posted 2022-03, completed 2021-09-01": (
        dict(study_first_posted_date=d(2022, 3, 1), study_first_posted_date_precision=MONTH, **PAGE), {},
        AFTER_COMPLETION,
        [("warning", "Study was first posted in 2022-03, after it completed on 2021-09-01 (ACTUAL), so it was "
                     "registered retrospectively.")]),
    # Postings out of order, one kept to the month.
    "page first posted 2022-06, last update 2022-03-01": (
        dict(study_first_posted_date=d(2022, 6, 1), study_first_posted_date_precision=MONTH, **PAGE), {},
        POSTED_AFTER_UPDATE,
        [("error", "The record was first posted in 2022-06, after its last update posted on 2022-03-01.")]),
    # An open study last verified long ago: in the month it gives, on the day a record gives.
    "v2 recruiting, verified 2023-05": (
        dict(overall_status="RECRUITING", verification_date=d(2023, 5, 1), last_update_posted_date=d(2023, 5, 10)),
        {}, VERIFIED,
        [("warning", "Status is RECRUITING but the record was last verified in 2023-05, more than two years before "
                     "2026-11-22.")]),
    "page recruiting, verified 2023-05-12": (
        dict(overall_status="RECRUITING", verification_date=d(2023, 5, 12), verification_date_precision="day",
             last_update_posted_date=d(2023, 5, 20), **PAGE), {}, VERIFIED,
        [("warning", "Status is RECRUITING but the record was last verified on 2023-05-12, more than two years "
                     "before 2026-11-22.")]),
    # An ended study whose end is after its last update: before every day of the end's month or year.
    "v2 completed, completion 2022-06 an estimate": (
        dict(completion_date=d(2022, 6, 1), completion_date_precision=MONTH, completion_date_type="ESTIMATED"), {},
        ENDED_AHEAD,
        [("error", "Status is COMPLETED but the completion date 2022-06 (ESTIMATED) is after the record's last update "
                   "posted on 2022-03-01: the record says the study ended before the month it gives as its end.")]),
    "legacy completed, completion 2023 untyped": (
        dict(completion_date=d(2023, 1, 1), completion_date_precision=YEAR, completion_date_type=None, **LEGACY), {},
        ENDED_AHEAD,
        [("error", "Status is COMPLETED but the completion date 2023 is after the record's last update posted on "
                   "2022-03-01: the record says the study ended before the year it gives as its end.")]),
    "page last updated 2022-03, completion 2022-06-01 an estimate": (
        dict(completion_date=d(2022, 6, 1), completion_date_type="ESTIMATED", last_update_posted_date=d(2022, 3, 1),
             last_update_posted_date_precision=MONTH, **PAGE), {}, ENDED_AHEAD,
        [("error", "Status is COMPLETED but the completion date 2022-06-01 (ESTIMATED) is after the record's last "
                   "update posted in 2022-03: the record says the study ended before the day it gives as its end.")]),
    # A date typed ACTUAL after a last update, or a verification after it.
    "page last updated 2022-03, completion 2022-06-01 ACTUAL": (
        dict(completion_date=d(2022, 6, 1), last_update_posted_date=d(2022, 3, 1),
             last_update_posted_date_precision=MONTH, verification_date=d(2022, 3, 1), **PAGE), {}, ACTUAL_AFTER,
        [("error", "The completion date 2022-06-01 (ACTUAL) is after the record's last update posted in 2022-03.")]),
    "page verified 2022-05-10, last updated 2022-03-01": (
        dict(verification_date=d(2022, 5, 10), verification_date_precision="day", **PAGE), {}, ACTUAL_AFTER,
        [("error", "The record says it was verified on 2022-05-10, after its last update posted on 2022-03-01: a "
                   "record is verified in an update, never after it.")]),
    "v2 verified 2022-05, last updated 2022-03-01": (
        dict(verification_date=d(2022, 5, 1)), {}, ACTUAL_AFTER,
        [("error", "The record says it was verified in 2022-05, after its last update posted on 2022-03-01: a "
                   "record is verified in an update, never after it.")]),
    # An estimate kept to an update a page gives to the month.
    "page recruiting, start 2020-01 an estimate, updated 2020-06": (
        dict(overall_status="RECRUITING", start_date=d(2020, 1, 1), start_date_precision=MONTH,
             start_date_type="ESTIMATED", primary_completion_date=d(2027, 6, 1), primary_completion_date_type=None,
             completion_date=d(2028, 6, 1), completion_date_type=None, last_update_posted_date=d(2020, 6, 1),
             last_update_posted_date_precision=MONTH, verification_date=d(2020, 6, 1), **PAGE), {}, KEPT,
        [("warning", "The start date 2020-01 (ESTIMATED) was still an estimate when the record was last updated in "
                     "2020-06, at least 122 days later.")]),
    # Results due a year from a primary completion kept to the month, submitted after its last day.
    "results submitted late, primary completion 2019-06": (
        dict(primary_completion_date=d(2019, 6, 1), primary_completion_date_precision=MONTH, **APPLICABLE),
        {**US_SITE, **_submitted(d(2020, 8, 10))}, OVERDUE,
        [("info", "Primary completion was 2019-06 (ACTUAL) and results were due by 2020-06-30; they were first "
                  "submitted on 2020-08-10, at least 41 days late, and are not posted as of 2026-11-22: the "
                  "registry's review has not returned them.")]),
    # A page whose first posting, kept to the month (stored as its last day), came before FDAAA 801.
    "page first posted 2005-06, enrollment still an estimate": (
        dict(enrollment_type="ESTIMATED", study_first_posted_date=d(2005, 6, 30),
             study_first_posted_date_precision=MONTH, **harness.ENDED_BEFORE_FDAAA, **PAGE), {}, CLOSED_ESTIMATED,
        [("info", "The study is COMPLETED but its enrollment of 40 is still an estimate.")]),
}


@pytest.fixture(scope="module")
def shape_found(tmp_path_factory):
    """(rule id, severity, message, evidence) of each named rule's findings, by shape."""
    return harness.judged_shape_findings(tmp_path_factory.mktemp("date_words"), SHAPES, RULES)


@pytest.mark.parametrize("name", list(SHAPES))
def test_shape(shape_found, name):
    _values, _tables, rule, expected = SHAPES[name]
    assert [(severity, message) for rule_id, severity, message, _ in shape_found[name] if rule_id == rule] == expected


def test_a_first_posting_kept_to_the_month_is_shown_as_that_month(shape_found):
    [(_, _, _, evidence)] = [f for f in shape_found["page first posted 2005-06, enrollment still an estimate"]
                             if f[0] == CLOSED_ESTIMATED]
    assert evidence.endswith("; first posted 2005-06, before FDAAA required it")
