"""The date plausibility and staleness rules on what a record's dates say and do not say: a status judged against a
primary completion that a study in follow-up runs past, a start that never happened because nobody enrolled, a
header duration beside dates out of order, and messages that count days or months from a date kept to the month or
year (the count is the fewest its readings give, or the span they allow) or from an update a legacy record gives only
as submitted. What fires or stays quiet, and what each finding says; all shapes in one warehouse."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
STALE = "dates.status_stale_after_completion"
KEPT = "dates.estimate_kept_long_past"
HEADER = "dates.header_duration_mismatch"
NOT_STARTED = "timeliness.not_yet_recruiting_past_start"
MONTH, YEAR = "month", "year"

# No completion date given: the primary completion 2020-06-01 (long past on 2026-11-22) stands in.
NO_COMPLETION = dict(completion_date=None, completion_date_precision=None, completion_date_type=None)
# Not yet recruiting, its ends ahead, last updated 2026-01-05: only the start is judged.
NOT_YET = dict(overall_status="NOT_YET_RECRUITING", primary_completion_date=date(2028, 1, 1),
               primary_completion_date_type="ESTIMATED", completion_date=date(2029, 1, 1),
               completion_date_type="ESTIMATED", last_update_posted_date=date(2026, 1, 5),
               verification_date=date(2026, 1, 1))


def _header(months: float) -> dict:
    """The clincosm header numbers with this duration."""
    return {"page_header_metrics": [{"enrollment": 40, "sites": 1, "arms": 2, "duration_months": months}]}


# name: (studies values, tables replaced)
SHAPES = {
    # a study no longer recruiting follows its participants up past its primary completion
    "active, no completion, primary completion ACTUAL": (dict(overall_status="ACTIVE_NOT_RECRUITING",
                                                              **NO_COMPLETION), {}),
    "active, no completion, primary completion 2018-06": (dict(
        overall_status="ACTIVE_NOT_RECRUITING", primary_completion_date=date(2018, 6, 30),
        primary_completion_date_precision=MONTH, **NO_COMPLETION), {}),
    "active, no completion, primary completion ESTIMATED": (dict(
        overall_status="ACTIVE_NOT_RECRUITING", primary_completion_date_type="ESTIMATED", **NO_COMPLETION), {}),
    "active, no completion, primary completion untyped": (dict(
        overall_status="ACTIVE_NOT_RECRUITING", primary_completion_date_type=None, **NO_COMPLETION), {}),
    # statuses that say the study still enrolls, or has not begun, or is halted: past their primary completion
    "recruiting, no completion": (dict(overall_status="RECRUITING", primary_completion_date_type="ESTIMATED",
                                       **NO_COMPLETION), {}),
    "not yet recruiting, no completion": (dict(overall_status="NOT_YET_RECRUITING", start_date_type="ESTIMATED",
                                               primary_completion_date_type="ESTIMATED", **NO_COMPLETION), {}),
    "enrolling by invitation, no completion": (dict(overall_status="ENROLLING_BY_INVITATION",
                                                    primary_completion_date_type="ESTIMATED", **NO_COMPLETION), {}),
    "suspended, no completion": (dict(overall_status="SUSPENDED", why_stopped="Drug supply interrupted",
                                      primary_completion_date_type=None, **NO_COMPLETION), {}),
    "active, completion 2025-06 past": (dict(overall_status="ACTIVE_NOT_RECRUITING", completion_date=date(2025, 6, 30),
                                             completion_date_precision=MONTH, completion_date_type="ESTIMATED"), {}),

    # nobody enrolled: the start never happened, so it stays an estimate
    "completed, ACTUAL 0 enrolled, start an estimate": (dict(enrollment=0, start_date_type="ESTIMATED"), {}),
    "active, ACTUAL 0 enrolled, start an estimate": (dict(
        overall_status="ACTIVE_NOT_RECRUITING", enrollment=0, start_date_type="ESTIMATED",
        primary_completion_date=date(2027, 1, 1), primary_completion_date_type="ESTIMATED",
        completion_date=date(2027, 6, 1), completion_date_type="ESTIMATED"), {}),
    "completed, ESTIMATED 0, start an estimate": (dict(enrollment=0, enrollment_type="ESTIMATED",
                                                       start_date_type="ESTIMATED"), {}),
    "completed, ACTUAL 0 enrolled, completion an estimate": (dict(enrollment=0, completion_date_type="ESTIMATED"), {}),
    "completed, 40 enrolled, start an estimate": (dict(start_date_type="ESTIMATED"), {}),

    # the days counted from a date kept to the month or year, or to an update given only as submitted
    "completed, completion 2021-09 an estimate, update 2022-03": (dict(
        completion_date=date(2021, 9, 30), completion_date_precision=MONTH, completion_date_type="ESTIMATED",
        last_update_posted_date=date(2022, 3, 31), last_update_posted_date_precision=MONTH,
        verification_date=date(2022, 3, 1), source_layout="summary_text"), {}),
    "completed, completion 2021 an estimate": (dict(completion_date=date(2021, 12, 31), completion_date_precision=YEAR,
                                                    completion_date_type="ESTIMATED"), {}),
    "recruiting, start 2020-01 an estimate": (dict(
        overall_status="RECRUITING", start_date=date(2020, 1, 31), start_date_precision=MONTH,
        start_date_type="ESTIMATED", primary_completion_date=date(2027, 1, 1),
        primary_completion_date_type="ESTIMATED", completion_date=date(2027, 6, 1),
        completion_date_type="ESTIMATED", last_update_posted_date=date(2020, 5, 1),
        verification_date=date(2020, 5, 1)), {}),
    "legacy completed, update given only as submitted": (dict(
        completion_date_type="ESTIMATED", last_update_posted_date=None, last_update_posted_date_precision=None,
        last_update_submitted_date=date(2022, 3, 1), source_layout="ctgov_xml"), {}),
    "completed, update submitted and posted": (dict(completion_date_type="ESTIMATED",
                                                    last_update_submitted_date=date(2022, 2, 25)), {}),

    "not yet recruiting, start 2025": (dict(start_date=date(2025, 12, 31), start_date_precision=YEAR,
                                            start_date_type="ESTIMATED", **NOT_YET), {}),
    "not yet recruiting, start 2026-07": (dict(start_date=date(2026, 7, 31), start_date_precision=MONTH,
                                               start_date_type="ESTIMATED", **NOT_YET), {}),
    "not yet recruiting, start 2026-08-23": (dict(start_date=date(2026, 8, 23), start_date_type="ESTIMATED",
                                                  **NOT_YET), {}),
    "legacy not yet recruiting, untyped start 2020-03": (dict(start_date=date(2020, 3, 31),
                                                              start_date_precision=MONTH, start_date_type=None,
                                                              **NOT_YET), {}),

    # the header duration against the dates
    "header 12.0, start a year after completion": (dict(start_date=date(2022, 9, 1)), _header(12.0)),
    "header 12.0, start the day after completion": (dict(start_date=date(2021, 9, 2),
                                                         primary_completion_date=date(2021, 9, 1)), _header(12.0)),
    "header 60.0, dates 2019 and 2021": (dict(start_date=date(2019, 12, 31), start_date_precision=YEAR,
                                              completion_date=date(2021, 12, 31), completion_date_precision=YEAR),
                                         _header(60.0)),
    "header 30.0, dates 2020-01 and 2021-09": (dict(start_date=date(2020, 1, 31), start_date_precision=MONTH,
                                                    completion_date=date(2021, 9, 30),
                                                    completion_date_precision=MONTH), _header(30.0)),
    "header 22.0, dates to the day": ({}, _header(22.0)),
    "header 2.0, a one-day study": (dict(start_date=date(2021, 6, 1), primary_completion_date=date(2021, 6, 1),
                                         completion_date=date(2021, 6, 1)), _header(2.0)),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each shape's findings of the four rules: (rule id, severity, message, evidence)."""
    shapes = {name: (f"NCT0{n:07d}", values, tables) for n, (name, (values, tables)) in enumerate(SHAPES.items(), 1)}
    return harness.shape_findings(tmp_path_factory.mktemp("dates_follow_up"), shapes,
                                  [RULES[rule_id] for rule_id in (STALE, KEPT, HEADER, NOT_STARTED)])


def _of(found, shape: str, rule_id: str) -> list[tuple[str, str, str]]:
    return [(severity, message, evidence) for rule, severity, message, evidence in found[shape] if rule == rule_id]


@pytest.mark.parametrize("shape", [
    "active, no completion, primary completion ACTUAL",
    "active, no completion, primary completion 2018-06",
    "active, no completion, primary completion ESTIMATED",
    "active, no completion, primary completion untyped",
])
def test_a_study_in_follow_up_is_not_stale_for_its_primary_completion_past(found, shape):
    """ACTIVE_NOT_RECRUITING follows participants up to the completion, which the record does not give."""
    assert _of(found, shape, STALE) == []


@pytest.mark.parametrize("shape, status", [
    ("recruiting, no completion", "RECRUITING"),
    ("not yet recruiting, no completion", "NOT_YET_RECRUITING"),
    ("enrolling by invitation, no completion", "ENROLLING_BY_INVITATION"),
    ("suspended, no completion", "SUSPENDED"),
])
def test_a_study_that_still_enrolls_or_is_halted_is_stale_past_its_primary_completion(found, shape, status):
    (severity, message, _evidence), = _of(found, shape, STALE)
    assert severity == "warning"
    assert message.startswith(f"Status is {status} but the primary completion date 2021-06-01")


def test_a_study_in_follow_up_past_its_completion_is_stale(found):
    assert [m for _s, m, _e in _of(found, "active, completion 2025-06 past", STALE)] == [
        "Status is ACTIVE_NOT_RECRUITING but the completion date 2025-06 (ESTIMATED) is past as of 2026-11-22."]


@pytest.mark.parametrize("shape", [
    "completed, ACTUAL 0 enrolled, start an estimate",
    "active, ACTUAL 0 enrolled, start an estimate",
])
def test_the_start_of_a_study_that_enrolled_nobody_stays_an_estimate(found, shape):
    assert _of(found, shape, KEPT) == []


@pytest.mark.parametrize("shape, date_said", [
    ("completed, ESTIMATED 0, start an estimate", "start date 2020-01-16"),
    ("completed, ACTUAL 0 enrolled, completion an estimate", "completion date 2021-09-01"),
    ("completed, 40 enrolled, start an estimate", "start date 2020-01-16"),
])
def test_an_estimate_kept_where_the_study_ran_or_stopped_is_flagged(found, shape, date_said):
    """An estimated 0 of a study that calls itself COMPLETED is no count; the day a study stopped happened."""
    (severity, message, _evidence), = _of(found, shape, KEPT)
    assert severity == "warning"
    assert message.startswith(f"The {date_said} (ESTIMATED) was still an estimate")


@pytest.mark.parametrize("shape, message", [
    ("completed, completion 2021-09 an estimate, update 2022-03",
     "The completion date 2021-09 (ESTIMATED) was still an estimate when the record, which calls the study "
     "COMPLETED, was last updated in 2022-03, at least 152 days later."),
    ("completed, completion 2021 an estimate",
     "The completion date 2021 (ESTIMATED) was still an estimate when the record, which calls the study COMPLETED, "
     "was last updated on 2022-03-01, at least 60 days later."),
    ("recruiting, start 2020-01 an estimate",
     "The start date 2020-01 (ESTIMATED) was still an estimate when the record was last updated on 2020-05-01, "
     "at least 91 days later."),
    ("completed, update submitted and posted",
     "The completion date 2021-09-01 (ESTIMATED) was still an estimate when the record, which calls the study "
     "COMPLETED, was last updated on 2022-03-01, 181 days later."),
])
def test_an_estimate_kept_is_told_in_the_fewest_days_its_dates_may_mean(found, shape, message):
    assert [m for _s, m, _e in _of(found, shape, KEPT)] == [message]


def test_a_legacy_record_that_gives_its_update_only_as_submitted_is_told_by_that_day(found):
    assert _of(found, "legacy completed, update given only as submitted", KEPT) == [(
        "warning", "The completion date 2021-09-01 (ESTIMATED) was still an estimate when the record, which calls the "
                   "study COMPLETED, was last updated on 2022-03-01, 181 days later.",
        "completion_date=2021-09-01 (ESTIMATED); last_update_submitted_date=2022-03-01; overall_status=COMPLETED")]


@pytest.mark.parametrize("shape, message", [
    ("not yet recruiting, start 2025",
     "Status is NOT_YET_RECRUITING but the start date 2025 (ESTIMATED) was at least 326 days before 2026-11-22."),
    ("not yet recruiting, start 2026-07",
     "Status is NOT_YET_RECRUITING but the start date 2026-07 (ESTIMATED) was at least 114 days before 2026-11-22."),
    ("not yet recruiting, start 2026-08-23",
     "Status is NOT_YET_RECRUITING but the start date 2026-08-23 (ESTIMATED) was 91 days before 2026-11-22."),
    ("legacy not yet recruiting, untyped start 2020-03",
     "Status is NOT_YET_RECRUITING but the start date 2020-03 was at least 2427 days before 2026-11-22."),
])
def test_a_start_long_past_is_told_in_the_fewest_days_it_may_mean(found, shape, message):
    assert [m for _s, m, _e in _of(found, shape, NOT_STARTED)] == [message]


@pytest.mark.parametrize("shape", ["header 12.0, start a year after completion",
                                   "header 12.0, start the day after completion"])
def test_dates_out_of_order_give_no_duration_to_compare(found, shape):
    """A completion before the start is start_after_completion's error; no span of months lies between them."""
    assert _of(found, shape, HEADER) == []


@pytest.mark.parametrize("shape, message, months", [
    ("header 60.0, dates 2019 and 2021",
     "The page header gives a duration of 60.0 months but the start date 2019 (ACTUAL) and completion date 2021 "
     "(ACTUAL) are 12.1 to 36.0 months apart.", "12.1 to 36.0"),
    ("header 30.0, dates 2020-01 and 2021-09",
     "The page header gives a duration of 30.0 months but the start date 2020-01 (ACTUAL) and completion date "
     "2021-09 (ACTUAL) are 19.0 to 21.0 months apart.", "19.0 to 21.0"),
    ("header 22.0, dates to the day",
     "The page header gives a duration of 22.0 months but the start date 2020-01-16 (ACTUAL) and completion date "
     "2021-09-01 (ACTUAL) are 19.5 months apart.", "19.5"),
    ("header 2.0, a one-day study",
     "The page header gives a duration of 2.0 months but the start date 2021-06-01 (ACTUAL) and completion date "
     "2021-06-01 (ACTUAL) are 0.0 months apart.", "0.0"),
])
def test_a_header_duration_is_told_against_the_months_the_dates_allow(found, shape, message, months):
    (severity, said, evidence), = _of(found, shape, HEADER)
    assert (severity, said) == ("warning", message)
    assert evidence.endswith(f"months between the dates={months}")
