"""dates.primary_completion_before_time_frame on a bare duration that is the study's period: the same years on every
outcome ("2 years", "Two years"), about the span from the start to the completion, or beside an outcome description
of times of hours or days ("30-day freedom from major adverse events"). Each participant's time point still fires: the
same months on every outcome ("14 months"), a bare duration beside other time frames, a description that gives a
longer time, a time frame that says from when, and a study whose dates give it less than half the duration."""
from __future__ import annotations

import pytest

from checks.time_frame_study_periods import StudyRun, bare_duration, short_times_described, study_period
from checks.time_frames import RULE_ID, RULES
from tests.checks import harness
from tests.checks.cases_time_frames import STUDY_PERIODS, period

# (time frame, its days and unit, or None where it is more than a length)
BARE = [
    ("2 years", (730.5, "year")),
    ("Two years", (730.5, "year")),
    ("Two years.", (730.5, "year")),
    ("12-month", (365.25, "month")),
    ("14 months", (426.125, "month")),
    ("2 yrs", (730.5, "year")),
    ("2 years after randomization", None),
    ("Up to 2 years", None),
    ("At 2 years", None),
    ("2 years follow-up", None),
    ("Baseline and 2 years", None),
    ("2 years for each participant", None),
    ("Week 104", None),
]

# (an outcome's description, the duration in days, whether it gives only times of hours or days within a quarter of it)
SHORT_TIMES = [
    ("Primary Safety Endpoint: 30-day Freedom from Major Adverse Events", 365.25, True),
    ("Microcirculation is measured at 24 hours after the start of the infusion", 365.25, True),
    ("In the next 24 hours the patient receives the study drug", 730.5, True),
    ("Pain scores on Day 3", 365.25, True),
    ("Assessed 30 days after surgery and at 12 months", 365.25, False),
    ("Serum was collected at Day 0, Day 28, six months post-administration and 1 year later", 365.25, False),
    ("Freedom from adverse events at 30 days; device performance through follow-up", 365.25, False),
    ("Bladder diaries: the average number of episodes in 3 days", 365.25, False),
    ("Change from baseline in the score", 365.25, False),
    ("Graft patency at 300 days", 365.25, False),
    ("Graft patency at 90 days", 365.25, True),
    (None, 365.25, False),
]


@pytest.mark.parametrize("time_frame, expected", BARE, ids=[b[0] for b in BARE])
def test_a_bare_duration_is_only_a_length(time_frame, expected):
    assert bare_duration(time_frame) == expected


@pytest.mark.parametrize("description, days, expected", SHORT_TIMES, ids=[str(s[0])[:50] for s in SHORT_TIMES])
def test_a_description_of_hours_or_days_contradicts_a_longer_duration(description, days, expected):
    assert short_times_described(description, days) is expected


def test_a_study_period_needs_a_run_of_at_least_half_of_it():
    assert study_period("2 years", None, StudyRun(365, 396, True), 73.05, 396)
    assert not study_period("2 years", None, StudyRun(300, 330, True), 73.05, 330)
    assert not study_period("2 years", None, StudyRun(None, None, True), 73.05, 330)
    assert not study_period("24 months", None, StudyRun(365, 396, True), 73.05, 396)


def test_years_on_every_outcome_need_a_primary_completion_half_of_them_after_the_start():
    # "1 year" on every outcome of a study that runs three years, its primary completion 51 days after the start
    assert not study_period("1 year", None, StudyRun(1146, 1147, True), 36.5, 51)
    assert study_period("1 year", None, StudyRun(1146, 1147, True), 36.5, 190)


def test_a_duration_about_the_study_s_span_is_its_period_only_in_years():
    assert study_period("2 years", None, StudyRun(700, 730, False), 73.05, 200)
    # "6 months" about a six-month study may be each participant's time
    assert not study_period("6 months", None, StudyRun(170, 177, False), 36.5, 162)
    assert not study_period("24 months", None, StudyRun(700, 730, False), 73.05, 400)


@pytest.mark.parametrize("fires, time_frames, description, start, primary_completion, completion", STUDY_PERIODS,
                         ids=[f"{p[1][0]}x{len(p[1])}|{p[3]}|{p[4]}|{p[5]}" for p in STUDY_PERIODS])
def test_a_study_period_stays_quiet_and_a_participant_time_point_fires(tmp_path, fires, time_frames, description,
                                                                       start, primary_completion, completion):
    study = harness.clean_study()
    period(time_frames, description, start, primary_completion, completion)(study)
    flagged = harness.flagged_studies(tmp_path, {"NCT01000001": study}, RULES)[RULE_ID]
    assert flagged == ({"NCT01000001"} if fires else set())
