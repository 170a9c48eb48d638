"""The dates family on records as the registry and its republishers really give them: dates kept to the month or the
year beside days, estimated against actual types, legacy records with no types, withdrawn and terminated studies that
never enrolled, expanded-access and observational records, records with results, dates in the 1980s and placeholders
in 2099, leap days; and primary outcomes' time frames and titles as registries word them.

Every shape is judged by every rule of the family, and the test names exactly which findings (rule, severity) the
family gives it: a flag the shape does not earn fails as surely as a missed one. All shapes in one warehouse.
"""
from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

import duckdb
import pytest

import checks
from checks.time_frames import FOLLOWS_ANOTHER_STUDY, time_point
from tests.checks import harness
from tests.checks.cases_time_frames import study_dates

FAMILY = [rule for rule in checks.all_rules() if rule.id.startswith("dates.")]
MONTH, YEAR = "month", "year"
START_PC = "dates.start_after_primary_completion"
START_C = "dates.start_after_completion"
PC_C = "dates.primary_completion_after_completion"
REGISTERED = "dates.registered_after_completion"
UPDATE_ORDER = "dates.last_update_before_first_posted"
ENDED_AHEAD = "dates.ended_status_completion_ahead"
STALE = "dates.status_stale_after_completion"
VERIFIED = "dates.verification_stale"
ACTUAL = "dates.actual_after_last_update"
KEPT = "dates.estimate_kept_long_past"
IMPLAUSIBLE = "dates.implausible_date"
HEADER = "dates.header_duration_mismatch"
TIME_FRAME = "dates.primary_completion_before_time_frame"


def month(year: int, number: int) -> dict:
    """A month-only date as AACT stores it (the month's last day): the value of a date column."""
    return date(year, number, monthrange(year, number)[1])


# A legacy XML record: no date types, no postings (only the submissions of before 2017), dates to the month.
LEGACY = dict(source_layout="ctgov_xml", study_first_posted_date=None, study_first_posted_date_precision=None,
              last_update_posted_date=None, last_update_posted_date_precision=None,
              study_first_submitted_date=date(2005, 9, 13), last_update_submitted_date=date(2008, 2, 1),
              snapshot_date=date(2008, 2, 5), start_date_type=None, primary_completion_date_type=None,
              completion_date_type=None, start_date_precision=MONTH, primary_completion_date_precision=MONTH,
              completion_date_precision=MONTH, verification_date=month(2008, 1))
# A study still recruiting, its ends planned ahead, updated and verified this year.
RECRUITING = dict(overall_status="RECRUITING", start_date=date(2024, 1, 8), primary_completion_date=date(2028, 1, 1),
                  primary_completion_date_type="ESTIMATED", completion_date=date(2028, 6, 1),
                  completion_date_type="ESTIMATED", last_update_posted_date=date(2026, 6, 1),
                  verification_date=month(2026, 6), enrollment_type="ESTIMATED", enrollment=120)
# An expanded-access record: no phase, no study dates.
EXPANDED_ACCESS = dict(study_type="EXPANDED_ACCESS", phase=None, start_date=None, start_date_type=None,
                       primary_completion_date=None, primary_completion_date_type=None, completion_date=None,
                       completion_date_type=None, enrollment=None, enrollment_type=None)
NO_PHASE_OBSERVATIONAL = dict(study_type="OBSERVATIONAL", phase=None)


def _header(months: float) -> dict:
    """The clincosm header numbers with this duration in months."""
    return {"page_header_metrics": [{"enrollment": 40, "sites": 1, "arms": 2, "duration_months": months}]}


def _primary(time_frame: str, measure: str = "Change in ESSDAI score") -> dict:
    """The study's outcomes: one primary outcome with this time frame."""
    return {"design_outcomes": [{"outcome_type": "primary", "measure": measure, "time_frame": time_frame}]}


def _dated(start: str, completion: str, **values) -> dict:
    """The studies values of a start and a primary completion (and completion) given as 'YYYY-MM' or 'YYYY-MM-DD',
    the record first posted two months before the start and last updated (and verified) 200 days after the end."""
    dates = study_dates(start, completion)
    updated = dates["completion_date"] + timedelta(days=200)
    return {**dates, "study_first_posted_date": dates["start_date"] - timedelta(days=60),
            "last_update_posted_date": updated, "verification_date": month(updated.year, updated.month), **values}


# name: (the studies row's changed values, tables replaced, {rule: severity} the family finds; nothing else)
SHAPES: dict[str, tuple[dict, dict, dict[str, str]]] = {
    "clean": ({}, {}, {}),
    # a start and a primary completion in the same month, one of them kept to the month: no order is known
    "start 2021-06 (month), primary completion 2021-06-01": (
        dict(start_date=month(2021, 6), start_date_precision=MONTH), _primary("Day 1"), {}),
    "start 2019-03 (month), primary completion 2019-03-15": (
        dict(start_date=month(2019, 3), start_date_precision=MONTH, primary_completion_date=date(2019, 3, 15),
             completion_date=date(2019, 6, 1), study_first_posted_date=date(2019, 1, 2)), _primary("Day 1"), {}),
    "start 2019-03-20, primary completion 2019-03 (month)": (
        dict(start_date=date(2019, 3, 20), primary_completion_date=month(2019, 3),
             primary_completion_date_precision=MONTH, completion_date=date(2019, 6, 1),
             study_first_posted_date=date(2019, 1, 2)), _primary("Day 7"), {}),
    "start, primary completion and completion all 2019-03 (month)": (
        dict(_dated("2019-03", "2019-03"), study_first_posted_date=date(2019, 1, 2)), _primary("Day 14"), {}),
    "start 2019 (year), primary completion 2019-03 (month)": (
        dict(start_date=date(2019, 12, 31), start_date_precision=YEAR, primary_completion_date=month(2019, 3),
             primary_completion_date_precision=MONTH, completion_date=date(2019, 6, 1),
             study_first_posted_date=date(2018, 1, 2)), _primary("Baseline"), {}),
    "primary completion 2021-09-15, completion 2021-09 (month)": (
        dict(primary_completion_date=date(2021, 9, 15), completion_date=month(2021, 9),
             completion_date_precision=MONTH), {}, {}),
    # out of order under every reading
    "start 2019-04 (month), primary completion 2019-03-15": (
        dict(start_date=month(2019, 4), start_date_precision=MONTH, primary_completion_date=date(2019, 3, 15),
             completion_date=date(2019, 6, 1), study_first_posted_date=date(2019, 1, 2)), {}, {START_PC: "error"}),
    "primary completion 2021-10-01, completion 2021-09 (month)": (
        dict(primary_completion_date=date(2021, 10, 1), completion_date=month(2021, 9),
             completion_date_precision=MONTH), {}, {PC_C: "error"}),
    "leap day: primary completion 2024-02-29 the day after its completion": (
        dict(start_date=date(2022, 1, 3), primary_completion_date=date(2024, 2, 29),
             completion_date=date(2024, 2, 28), last_update_posted_date=date(2024, 6, 3),
             verification_date=month(2024, 6)), {}, {PC_C: "error"}),
    "leap days on both ends, four years apart": (
        dict(start_date=date(2020, 2, 29), primary_completion_date=date(2024, 2, 29),
             completion_date=date(2024, 2, 29), last_update_posted_date=date(2024, 3, 1),
             verification_date=month(2024, 2)), _primary("Week 208"), {}),
    "leap day: a year from 2020-02-29 to 2021-02-28, measured at 12 months": (
        dict(_dated("2020-02-29", "2021-02-28"), completion_date=date(2021, 3, 31)), _primary("12 months"), {}),
    "a recruiting study verified 2024-02-29, judged on its snapshot of 2026-02-28": (
        dict(RECRUITING, verification_date=date(2024, 2, 29), verification_date_precision="day",
             last_update_posted_date=date(2024, 2, 29), snapshot_date=date(2026, 2, 28)), {}, {}),

    # withdrawn: nobody enrolled, its start a plan it never reached
    "withdrawn, 0 enrolled, start anticipated 2023 after its actual end 2022-06": (
        dict(overall_status="WITHDRAWN", enrollment=0, why_stopped="No funding", start_date=date(2023, 1, 1),
             start_date_type="ESTIMATED", primary_completion_date=date(2022, 6, 1), completion_date=date(2022, 6, 1),
             last_update_posted_date=date(2022, 6, 10), verification_date=month(2022, 6)), {}, {}),
    "withdrawn, every date anticipated, ends still ahead of its last update": (
        dict(overall_status="WITHDRAWN", enrollment=0, enrollment_type="ESTIMATED", why_stopped="Sponsor decision",
             start_date=date(2023, 1, 1), start_date_type="ESTIMATED", primary_completion_date=date(2025, 6, 1),
             primary_completion_date_type="ESTIMATED", completion_date=date(2025, 6, 1),
             completion_date_type="ESTIMATED", last_update_posted_date=date(2022, 6, 10),
             verification_date=month(2022, 6)), {}, {}),
    "withdrawn, registered after its anticipated completion": (
        dict(overall_status="WITHDRAWN", enrollment=0, why_stopped="PI left",
             study_first_submitted_date=date(2022, 1, 5), study_first_posted_date=date(2022, 1, 10),
             start_date=date(2020, 1, 1), start_date_type="ESTIMATED",
             primary_completion_date=date(2021, 6, 1), primary_completion_date_type="ESTIMATED",
             completion_date=date(2021, 6, 1), completion_date_type="ESTIMATED",
             last_update_posted_date=date(2022, 6, 10), verification_date=month(2022, 6)), {}, {}),
    "withdrawn, its planned dates out of order": (
        dict(overall_status="WITHDRAWN", enrollment=0, why_stopped="No funding", start_date=date(2023, 9, 1),
             start_date_type="ESTIMATED", primary_completion_date=date(2023, 3, 1),
             primary_completion_date_type="ESTIMATED", completion_date=date(2024, 3, 1),
             completion_date_type="ESTIMATED", last_update_posted_date=date(2022, 6, 10),
             verification_date=month(2022, 6)), {}, {START_PC: "error"}),
    # terminated: with an ACTUAL count somebody was enrolled, so the start happened; an anticipated count is a plan
    "terminated, 0 enrolled, start anticipated after the day it stopped": (
        dict(overall_status="TERMINATED", why_stopped="No accrual", enrollment=0, start_date=date(2021, 9, 1),
             start_date_type="ESTIMATED", primary_completion_date=date(2021, 5, 1),
             completion_date=date(2021, 5, 1)), {}, {}),
    "terminated, anticipated count, start anticipated after the day it stopped": (
        dict(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=100, enrollment_type="ESTIMATED",
             start_date=date(2021, 9, 1), start_date_type="ESTIMATED", primary_completion_date=date(2021, 5, 1),
             completion_date=date(2021, 5, 1)), {}, {KEPT: "warning"}),
    "terminated, anticipated count, start an estimate 59 days before its update": (
        dict(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=100, enrollment_type="ESTIMATED",
             start_date=date(2021, 1, 1), start_date_type="ESTIMATED", primary_completion_date=date(2021, 2, 1),
             completion_date=date(2021, 2, 1), last_update_posted_date=date(2021, 3, 1),
             verification_date=month(2021, 3)), {}, {}),
    "terminated, 12 enrolled, start anticipated after the day it stopped": (
        dict(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=12, start_date=date(2021, 9, 1),
             start_date_type="ESTIMATED", primary_completion_date=date(2021, 5, 1), completion_date=date(2021, 5, 1)),
        {}, {START_PC: "error", START_C: "error", KEPT: "warning"}),
    "terminated, 12 enrolled, untyped count, start anticipated after the day it stopped": (
        dict(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=12, enrollment_type=None,
             start_date=date(2021, 9, 1), start_date_type="ESTIMATED", primary_completion_date=date(2021, 5, 1),
             completion_date=date(2021, 5, 1)), {}, {START_PC: "error", START_C: "error", KEPT: "warning"}),
    "terminated, its primary completion left a plan ahead of its update": (
        dict(overall_status="TERMINATED", why_stopped="Futility", enrollment=33,
             primary_completion_date=date(2023, 6, 1), primary_completion_date_type="ESTIMATED",
             completion_date=date(2021, 9, 1)), {},
        {PC_C: "error", ENDED_AHEAD: "error"}),

    # legacy records: no types, no postings; judged on their snapshot
    "legacy completed, start 2005-06 after completion 2005-03": (
        dict(LEGACY, start_date=month(2005, 6), primary_completion_date=None, completion_date=month(2005, 3)), {},
        {START_C: "error", REGISTERED: "info"}),
    "legacy completed 2004, registered 2005": (
        dict(LEGACY, start_date=month(2001, 6), primary_completion_date=None, completion_date=month(2004, 3)), {},
        {REGISTERED: "info"}),
    "legacy recruiting, untyped dates, verified 2005-09 (snapshot 2008)": (
        dict(LEGACY, overall_status="RECRUITING", start_date=month(2004, 6), primary_completion_date=None,
             completion_date=None, completion_date_precision=None, verification_date=month(2005, 9)), {},
        {VERIFIED: "warning"}),
    "legacy recruiting, untyped completion 2007-03 past on its snapshot": (
        dict(LEGACY, overall_status="RECRUITING", start_date=month(2004, 6), primary_completion_date=None,
             completion_date=month(2007, 3)), {}, {STALE: "warning"}),
    "legacy recruiting, untyped completion 2008-01 within 30 days of its snapshot": (
        dict(LEGACY, overall_status="RECRUITING", start_date=month(2004, 6), primary_completion_date=None,
             completion_date=month(2008, 1)), {}, {}),
    "legacy completed, untyped completion ahead of its update submitted": (
        dict(LEGACY, start_date=month(2006, 1), primary_completion_date=None, completion_date=month(2009, 1),
             study_first_submitted_date=date(2005, 12, 1)), {}, {ENDED_AHEAD: "error"}),
    "legacy completed, untyped completion in the month of its update submitted": (
        dict(LEGACY, start_date=month(2006, 1), primary_completion_date=None, completion_date=month(2008, 2),
             study_first_submitted_date=date(2005, 12, 1)), {}, {}),
    "legacy terminated 1998, registered 1999": (
        dict(LEGACY, overall_status="TERMINATED", why_stopped=None, start_date=month(1995, 2),
             primary_completion_date=None, completion_date=month(1998, 6), study_first_submitted_date=date(1999, 11, 1),
             last_update_submitted_date=date(2005, 6, 23), snapshot_date=date(2005, 7, 1),
             verification_date=month(2005, 6)), {}, {}),

    # expanded access: no study dates, statuses of their own
    "expanded access available, verified 2018": (
        dict(EXPANDED_ACCESS, overall_status="AVAILABLE", verification_date=month(2018, 1),
             last_update_posted_date=date(2018, 1, 5), study_first_posted_date=date(2017, 3, 1)), {}, {}),
    "expanded access no longer available": (dict(EXPANDED_ACCESS, overall_status="NO_LONGER_AVAILABLE"), {}, {}),
    "expanded access approved for marketing, registered late": (
        dict(EXPANDED_ACCESS, overall_status="APPROVED_FOR_MARKETING", study_first_submitted_date=date(2022, 1, 5),
             study_first_posted_date=date(2022, 1, 10)), {}, {}),
    # observational: no registration rule asks it to register first; its time frames are not read
    "observational registered after completion": (
        dict(NO_PHASE_OBSERVATIONAL, study_first_submitted_date=date(2022, 1, 5),
             study_first_posted_date=date(2022, 1, 10)), {}, {REGISTERED: "info"}),
    "observational cohort begun 1939": (
        dict(NO_PHASE_OBSERVATIONAL, start_date=date(1939, 12, 31), start_date_precision=YEAR), {},
        {IMPLAUSIBLE: "info"}),
    "observational cohort of 1948, completion 2060 (year)": (
        {**NO_PHASE_OBSERVATIONAL, **RECRUITING, "start_date": month(1948, 9), "start_date_precision": MONTH,
         "primary_completion_date": date(2060, 12, 31), "primary_completion_date_precision": YEAR,
         "completion_date": date(2060, 12, 31), "completion_date_precision": YEAR}, {}, {}),
    "observational, 10-year follow-up within 3 years of dates": (
        dict(NO_PHASE_OBSERVATIONAL, **_dated("2019-01", "2021-12")), _primary("10 years"), {}),
    "registry begun 1921 (year), no study type": (
        dict(study_type=None, phase=None, start_date=date(1921, 12, 31), start_date_precision=YEAR), {},
        {IMPLAUSIBLE: "info"}),

    # far past and far future
    "a trial of 1985 to 1990, registered 1999": (
        dict(start_date=month(1985, 3), start_date_precision=MONTH, primary_completion_date=month(1990, 1),
             primary_completion_date_precision=MONTH, completion_date=month(1990, 6),
             completion_date_precision=MONTH, study_first_submitted_date=date(1999, 11, 1),
             study_first_posted_date=date(1999, 11, 2), last_update_posted_date=date(2005, 6, 24),
             verification_date=month(2005, 6)), {}, {}),
    "a trial begun 1939": (dict(start_date=date(1939, 12, 31), start_date_precision=YEAR), {},
                           {IMPLAUSIBLE: "warning"}),
    "a trial begun 1900 (the century slip)": (dict(start_date=date(1900, 1, 16)), {}, {IMPLAUSIBLE: "warning"}),
    "an observational study begun 1900": (dict(NO_PHASE_OBSERVATIONAL, start_date=date(1900, 1, 16)), {},
                                          {IMPLAUSIBLE: "warning"}),
    "recruiting, completion 2099-12 (a placeholder)": (
        dict(RECRUITING, completion_date=month(2099, 12), completion_date_precision=MONTH), {},
        {IMPLAUSIBLE: "warning"}),
    "recruiting, primary completion 2100 (year)": (
        dict(RECRUITING, primary_completion_date=date(2100, 12, 31), primary_completion_date_precision=YEAR,
             completion_date=date(2100, 12, 31), completion_date_precision=YEAR), {},
        {IMPLAUSIBLE: "warning"}),
    "recruiting, completion 2098-12": (
        dict(RECRUITING, completion_date=month(2098, 12), completion_date_precision=MONTH), {}, {}),
    "not yet recruiting, start 2042-01": (
        dict(RECRUITING, overall_status="NOT_YET_RECRUITING", start_date=month(2042, 1), start_date_precision=MONTH,
             start_date_type="ESTIMATED", primary_completion_date=date(2044, 1, 1),
             completion_date=date(2045, 1, 1)), {}, {IMPLAUSIBLE: "warning"}),
    "not yet recruiting, start 2041-11 (month), 15 years ahead only at its end": (
        dict(RECRUITING, overall_status="NOT_YET_RECRUITING", start_date=month(2041, 11), start_date_precision=MONTH,
             start_date_type="ESTIMATED", primary_completion_date=date(2044, 1, 1),
             completion_date=date(2045, 1, 1)), {}, {}),
    "verification 2099-01 (a typo)": (
        dict(verification_date=month(2099, 1)), {}, {IMPLAUSIBLE: "warning", ACTUAL: "error"}),

    # an update in the same month as a date kept to the month
    "verification 2022-03 (month), update 2022-03-01": ({}, {}, {}),
    "completion ACTUAL 2022-03 (month), update 2022-03-05": (
        dict(completion_date=month(2022, 3), completion_date_precision=MONTH,
             last_update_posted_date=date(2022, 3, 5)), {}, {}),
    "completed, completion 2022-03 (month) an estimate, update 2022-03-10": (
        dict(completion_date=month(2022, 3), completion_date_precision=MONTH, completion_date_type="ESTIMATED",
             last_update_posted_date=date(2022, 3, 10)), {}, {}),
    "completed, completion 2022-04 (month) an estimate, update 2022-03-10": (
        dict(completion_date=month(2022, 4), completion_date_precision=MONTH, completion_date_type="ESTIMATED",
             last_update_posted_date=date(2022, 3, 10)), {}, {ENDED_AHEAD: "error"}),
    "first posted 2019-12 (month) on a page, last update 2019-12-01": (
        dict(source_layout="aggregator_text", study_first_posted_date=month(2019, 12),
             study_first_posted_date_precision=MONTH, last_update_posted_date=date(2019, 12, 1),
             verification_date=month(2019, 12), start_date=date(2019, 11, 4),
             primary_completion_date=date(2019, 11, 20), completion_date=date(2019, 11, 25)), _primary("Day 1"), {}),
    "first posted 2020-01-10 after its last update 2019-12-01": (
        dict(study_first_posted_date=date(2020, 1, 10), last_update_posted_date=date(2019, 12, 1),
             verification_date=month(2019, 11), start_date=date(2019, 1, 2), primary_completion_date=date(2019, 6, 3),
             completion_date=date(2019, 7, 4), study_first_submitted_date=date(2018, 12, 1)), {},
        {UPDATE_ORDER: "error"}),
    "first posted 2005-06 (ESTIMATED) after its last update": (
        dict(study_first_posted_date=date(2005, 6, 23), study_first_posted_date_type="ESTIMATED",
             last_update_posted_date=date(2005, 6, 1), verification_date=month(2005, 5),
             start_date=date(2002, 1, 2), primary_completion_date=date(2003, 6, 3), completion_date=date(2004, 7, 4),
             study_first_submitted_date=date(2005, 6, 20)), {}, {UPDATE_ORDER: "warning", REGISTERED: "info"}),
    "recruiting, completion 2026-10 (month), 22 days past its end": (
        dict(RECRUITING, completion_date=month(2026, 10), completion_date_precision=MONTH,
             primary_completion_date=date(2026, 6, 1)), {}, {}),
    "recruiting, completion 2026-09 (month), 52 days past its end": (
        dict(RECRUITING, completion_date=month(2026, 9), completion_date_precision=MONTH,
             primary_completion_date=date(2026, 6, 1)), {}, {STALE: "warning"}),
    "completion 2021-09 (month), first submitted 2021-09-20": (
        dict(completion_date=month(2021, 9), completion_date_precision=MONTH,
             study_first_submitted_date=date(2021, 9, 20), study_first_posted_date=date(2021, 9, 24),
             start_date=date(2021, 8, 1), primary_completion_date=date(2021, 9, 1)), _primary("Day 28"), {}),
    "results posted, dates in order": (
        dict(has_results=True, results_first_submitted_date=date(2022, 5, 1),
             results_first_posted_date=date(2022, 6, 1),
             last_update_posted_date=date(2022, 6, 1), verification_date=month(2022, 6)), {}, {}),
    "results posted, completion left an estimate at the results update": (
        dict(has_results=True, results_first_submitted_date=date(2022, 5, 1),
             results_first_posted_date=date(2022, 6, 1),
             last_update_posted_date=date(2022, 6, 1), verification_date=month(2022, 6),
             completion_date_type="ESTIMATED"), {}, {KEPT: "warning"}),

    # the clincosm header against the dates
    "header 12.0, dates 2020-01 to 2021-01 (months)": (
        dict(start_date=month(2020, 1), start_date_precision=MONTH, completion_date=month(2021, 1),
             completion_date_precision=MONTH, primary_completion_date=month(2020, 12),
             primary_completion_date_precision=MONTH), _header(12.0), {}),
    "header 12.9, dates 2020 to 2021 (years)": (
        dict(start_date=date(2020, 12, 31), start_date_precision=YEAR, completion_date=date(2021, 12, 31),
             completion_date_precision=YEAR, primary_completion_date=month(2021, 6),
             primary_completion_date_precision=MONTH), _header(12.9), {}),
    "header 0.0, a one-day study": (
        dict(start_date=date(2021, 6, 1), primary_completion_date=date(2021, 6, 1), completion_date=date(2021, 6, 1)),
        {**_header(0.0), **_primary("24 hours")}, {}),
    "header 0.0, no completion date": (dict(completion_date=None, completion_date_type=None), _header(0.0), {}),
    "header 19.5, dates 19.5 months apart": ({}, _header(19.5), {}),
    "header 21.0, within the rounding": ({}, _header(21.0), {}),
    "header 528.9": ({}, _header(528.9), {HEADER: "warning"}),
    "header 14.3, start 2020-01-16 and completion 2021-03-25 (the 000 page)": (
        dict(primary_completion_date=date(2020, 12, 24), completion_date=date(2021, 3, 25)), _header(14.3), {}),
    "header 24.0, start 2020-01 (month), completion 2021-03-25": (
        dict(start_date=month(2020, 1), start_date_precision=MONTH, primary_completion_date=date(2020, 12, 24),
             completion_date=date(2021, 3, 25)), _header(24.0), {HEADER: "warning"}),
    "header 2.0, a study to the leap day 2024-02-29": (
        dict(start_date=date(2023, 12, 29), primary_completion_date=date(2024, 2, 29),
             completion_date=date(2024, 2, 29), last_update_posted_date=date(2024, 6, 3),
             verification_date=month(2024, 6)), {**_header(2.0), **_primary("Day 60")}, {}),

    # a primary outcome's time frame against the span from the start to the primary completion
    "Week 52 between 2021-03 and 2021-06": (_dated("2021-03", "2021-06"), _primary("Baseline, Week 12, Week 52"),
                                            {TIME_FRAME: "warning"}),
    "Day 1 to Day 29 between 2021-02 and 2021-02 (months)": (_dated("2021-02", "2021-02"),
                                                             _primary("Day 1 to Day 29"), {}),
    "Day 1 to Day 29 between 2021-02-01 and 2021-02-05": (_dated("2021-02-01", "2021-02-05"),
                                                          _primary("Day 1 to Day 29"), {TIME_FRAME: "warning"}),
    "Week -2 to Week 52 in 8 months": (_dated("2020-01-06", "2020-09-01"), _primary("Week -2 to Week 52"),
                                       {TIME_FRAME: "warning"}),
    "Visit 3 (Month 6) in 3 months": (_dated("2022-04-04", "2022-07-01"), _primary("Visit 3 (Month 6)"),
                                      {TIME_FRAME: "warning"}),
    "12 months post-operatively in 5 months": (_dated("2019-05", "2019-09"), _primary("12 months post-operatively"),
                                               {TIME_FRAME: "warning"}),
    "Time Frame: 10 years, start and primary completion the same year": (
        dict(_dated("2021-12-31", "2021-12-31"), start_date_precision=YEAR, primary_completion_date_precision=YEAR,
             completion_date_precision=YEAR), _primary("Time Frame: 10 years"), {TIME_FRAME: "warning"}),
    "up to 5 years in 3 months": (_dated("2021-03", "2021-06"), _primary("up to 5 years"), {}),
    "death from any cause, assessed up to 60 months": (
        _dated("2021-03", "2021-06"),
        _primary("From randomization until death from any cause, assessed up to 60 months", "Overall survival"), {}),
    "through study completion, an average of 1 year": (
        _dated("2021-03", "2021-06"), _primary("through study completion, an average of 1 year"), {}),
    "at 6 months after the last participant is enrolled": (
        _dated("2021-03", "2021-06"), _primary("at 6 months after the last participant is enrolled"), {}),
    "2 years after the end of treatment": (_dated("2021-03", "2021-06"),
                                           _primary("2 years after the end of treatment"), {}),
    "every 3 cycles (each cycle is 21 days)": (_dated("2021-03-01", "2021-03-20"),
                                               _primary("every 3 cycles (each cycle is 21 days)"), {}),
    "assessed at 18 months of age": (_dated("2021-03", "2021-06"), _primary("assessed at 18 months of age"), {}),
    "at gestational week 36": (_dated("2021-03", "2021-06"), _primary("at gestational week 36"), {}),
    "through 2025": (_dated("2021-03", "2021-06"), _primary("through 2025"), {}),
    "the 12-month period before enrollment": (_dated("2021-03", "2021-06"),
                                              _primary("Number of falls in the 12-month period before enrollment"), {}),
    "a 52-week study, its title an extension": (
        dict(_dated("2021-03", "2021-06"), official_title="A 52-Week Extension Study of Baricitinib"),
        _primary("Week 52"), {}),
    "a 6-month follow-up of a 12-week trial, Week 36 from the parent baseline": (
        dict(_dated("2021-03", "2021-08"),
             official_title="A 6-Month Follow-up of Participants From the 12-Week Trial BAR-301"),
        _primary("Week 36"), {}),
    "persistence 5 years after vaccination in another study": (
        dict(_dated("2020-01-13", "2020-06-30"), brief_title="Antibody Persistence 5 Years After Vaccination in "
                                                               "Study V72P12"),
        _primary("5 years after vaccination", "Percentage of subjects with hSBA titers >= 1:8"), {}),
    "open-label study in participants who completed the double-blind study": (
        dict(_dated("2021-03", "2021-09"),
             official_title="An Open-label Study of Baricitinib in Participants Who Completed Study JAHN-301"),
        _primary("Week 52"), {}),
    "a Phase 3, 2-year study measured at 2 years in 7 months": (
        dict(_dated("2021-03", "2021-09"), official_title="A Phase 3, 2-Year Study of Baricitinib"),
        _primary("2 years"), {TIME_FRAME: "warning"}),
    "a 12-week randomized study measured at week 12 in 6 weeks": (
        dict(_dated("2021-03-01", "2021-04-12"),
             official_title="A 12-Week, Randomized, Double-blind Study of Baricitinib in Patients Who Completed "
                            "Methotrexate Therapy"),
        _primary("Week 12"), {TIME_FRAME: "warning"}),
    "a study of patients previously treated with a drug, measured at week 24 in 2 months": (
        dict(_dated("2021-03-01", "2021-05-01"),
             official_title="Baricitinib in Sjogren's Syndrome Previously Treated With Hydroxychloroquine"),
        _primary("Week 24"), {TIME_FRAME: "warning"}),
    "over 24 hours, a one-day study": (_dated("2022-03-01", "2022-03-02"), _primary("over 24 hours"), {}),
    "Long-term (up to 5 years)": (_dated("2021-03", "2021-06"), _primary("Long-term (up to 5 years)"), {}),
    "expanded access with a time frame": (dict(EXPANDED_ACCESS, overall_status="AVAILABLE"),
                                          _primary("Week 52"), {}),
    "observational study measured at 5 years in 3 months": (
        dict(NO_PHASE_OBSERVATIONAL, **_dated("2021-03", "2021-06")), _primary("5 years"), {}),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, dict[str, str]]:
    """Each shape's findings of the family: {rule id: severity}."""
    shapes = {name: (f"NCT0{n:07d}", values, tables) for n, (name, (values, tables, _)) in enumerate(SHAPES.items(), 1)}
    findings = harness.shape_findings(tmp_path_factory.mktemp("dates_shapes"), shapes, FAMILY)
    return {name: {rule: severity for rule, severity, _m, _e in listed} for name, listed in findings.items()}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_family_finds_exactly_what_the_record_earns(found, shape):
    assert found[shape] == SHAPES[shape][2]


# Time frames as registries word them, each read as its latest time point every participant reaches:
# (time frame, days, how it is said).
READINGS = [
    ("Baseline, Week 12, Week 24", 168, "Week 24"),
    ("Day 1 to Day 29", 29, "Day 29"),
    ("12 months post-operatively", 365.25, "12 months"),
    ("Week -2 to Week 52", 364, "Week 52"),
    ("Visit 3 (Month 6)", 182.625, "Month 6"),
    ("Time Frame: 10 years", 3652.5, "10 years"),
    ("V4 (Month 12)", 365.25, "Month 12"),
    ("Visit 6 / Week 12", 84, "Week 12"),
    ("Follow-up week 24", 168, "Week 24"),
    ("Postoperative day 3", 3, "Day 3"),
    ("Through day 30 after surgery", 30, "Day 30"),
    ("over 24 hours", 1, "24 hours"),
    ("5-year follow-up", 1826.25, "5 years"),
    ("Year 5", 1826.25, "Year 5"),
    ("12 mo", 365.25, "12 months"),
    ("52wks", 364, "52 weeks"),
    ("104 weeks (2 years)", 730.5, "2 years"),
    ("At day 730", 730, "Day 730"),
    ("6 months from the date of randomisation", 182.625, "6 months"),
    ("3 months from the time of surgery", 91.3125, "3 months"),
    ("24 hours before surgery and 12 months after", 365.25, "12 months"),
    ("Twice (6 and 12 months)", 365.25, "12 months"),
    ("Day 57 (28 days after second vaccination)", 57, "Day 57"),
    ("12 weeks post-treatment (SVR12)", 84, "12 weeks"),
    ("6 months follow-up after the 12-week treatment", 182.625, "6 months"),
    # a look-back beside a time point: the look-back is left out, the time point read
    ("Falls in the 6-month period before randomisation and at 12 months", 365.25, "12 months"),
    ("Baseline (the 4-week window prior to dosing) and Week 16", 112, "Week 16"),
]

# Time frames that give no time point every participant reaches.
NO_READING = [
    "up to 5 years", "From randomization until death from any cause, assessed up to 60 months",
    "through study completion, an average of 1 year", "at 6 months after the last participant is enrolled",
    "2 years after the end of treatment", "every 3 cycles (each cycle is 21 days)", "assessed at 18 months of age",
    "at gestational week 36", "through 2025", "Long-term (up to 5 years)", "Week 52 of the extension",
    "at 18 months old", "At 24 months corrected age", "36 weeks postmenstrual age", "At 34 weeks' gestation",
    "at 6 weeks post partum", "When the child is 5 years old", "Week 104 (Year 2 of the extension period)",
    "Month 9 (6 months after end of parent study)", "36 weeks after first dose in the parent study",
    "52 weeks from baseline of the original trial", "90 days after the index hospitalization",
    "12 months after myocardial infarction", "Day 90 after stroke onset", "1 year after kidney transplantation",
    "5 years after initial diagnosis", "12 months after the first vaccination in the previous study",
    "24 months (2021-2023)", "From January 2020 to December 2021 (24 months)", "Every 6 months for 3 years",
    "within 48 hours", "End of study (Week 56)", "Cycle 3 Day 1 (each cycle is 28 days)", "6 months after delivery",
    "exacerbations in the 12 months pre-enrollment", "HbA1c at baseline (12 months retrospectively) and 6 months",
    # a look-back named as a period, window or time frame before an event (new)
    "the 12-month period before enrollment", "Number of exacerbations during the 12-month period prior to screening",
    "Hospital admissions in the 2-year period preceding randomization", "the 30-day window before surgery",
    "a 6-month window preceding randomisation", "the 3-months interval before inclusion",
    "the 2 year timeframe before baseline", "in the 3 months leading up to surgery",
    "seizure count over the 8-week period pre-randomization",
]


@pytest.mark.parametrize("time_frame, days, said", READINGS, ids=[r[0][:60] for r in READINGS])
def test_a_time_frame_as_registries_word_it_is_read_as_its_latest_point(time_frame, days, said):
    point = time_point(time_frame)
    assert point is not None, time_frame
    assert (round(point.days, 4), point.said) == (round(days, 4), said)


@pytest.mark.parametrize("time_frame", NO_READING, ids=[t[:60] for t in NO_READING])
def test_a_look_back_an_age_a_cap_or_another_study_gives_no_time_point(time_frame):
    assert time_point(time_frame) is None


# Titles of studies that follow the participants of another study: their time points count from that study.
FOLLOWS = [
    "A 6-Month Follow-up of Participants From the 12-Week Trial ABC-301",
    "52-Week Extension Study of Drug X in Psoriasis",
    "An Open-label Study in Participants Who Completed Study ABC-301",
    "Safety of Drug X in Subjects Who Have Completed the Double-blind Study ABC-301",
    "Long Term Safety Study of Drug X in Patients Previously Enrolled in Study ABC-301",
    "Continued Access to Drug X for Participants From Prior Studies",
    "Persistence of Antibodies 5 Years After Vaccination in Study V72P12",
    "Antibody Persistence in Subjects Previously Vaccinated in Study XYZ",
    "Booster Dose in Adolescents Who Received the Primary Series in Study ABC-12",
    "Extended Follow-up of the SPRINT Trial",
    "Post-trial follow-up of UKPDS",
    "POST-TRIAL FOLLOW-UP OF THE ACCORD PARTICIPANTS",
    "Follow up of children who took part in the PROBIT trial",
    "Immunogenicity in subjects from the parent study V59P14",
    "Open-Label Continuation Study",
    "A Rollover Study for Patients Previously Treated With Drug X",
    "Long-term Follow-up of Patients Treated With CAR-T Cells",
]
# Titles of studies that count from their own start, however they word a duration or another study.
OWN_START = [
    "Phase 3, 2-Year Study of Drug X",
    "A 12-Week, Randomized, Double-blind Study of Drug X",
    "A Study of Drug X Given for 24 Hours",
    "A Phase 3 Study in Patients Who Completed Chemotherapy",
    "Drug Y in Melanoma Previously Treated With Anti-PD-1 Therapy",
    "A Study in Patients Who Failed Previous Therapy",
    "A Phase 2 Study of Drug X in Study Participants With Asthma",
    "Follow-up of Patients With Stroke: a Randomised Trial of Nurse Calls",
    "A Randomized Trial of Intensive Versus Standard Follow-up After Surgery",
    "Comparison of Follow-up Strategies: the FOLLOW Trial",
    "Effect of X in Women Who Participated in Cervical Screening",
    "Long-term (up to 5 years) Safety of Drug X: a Randomised Trial",
    "A 52-Week Study of Drug X Versus Placebo Following a Previous Myocardial Infarction",
]


def _title_follows(con: duckdb.DuckDBPyConnection, title: str) -> bool:
    """Whether the rule's screen (in DuckDB's regular expressions) takes the title for one of a study following
    another study's participants."""
    return con.execute("SELECT regexp_matches(?, ?)", [title, FOLLOWS_ANOTHER_STUDY]).fetchone()[0]


@pytest.fixture(scope="module")
def duck() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    yield con
    con.close()


@pytest.mark.parametrize("title", FOLLOWS)
def test_a_title_of_a_study_following_another_studys_participants_is_screened_out(duck, title):
    assert _title_follows(duck, title)


@pytest.mark.parametrize("title", OWN_START)
def test_a_title_of_a_study_counting_from_its_own_start_is_read(duck, title):
    assert not _title_follows(duck, title)


def test_the_cases_are_many_and_on_both_sides():
    quiet = [name for name, (_v, _t, expected) in SHAPES.items() if not expected]
    assert len(quiet) >= 40 and len(SHAPES) - len(quiet) >= 25
    assert len(READINGS) + len(NO_READING) + len(FOLLOWS) + len(OWN_START) >= 100
