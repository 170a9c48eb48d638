"""Cases for dates.primary_completion_before_time_frame: a primary outcome's fixed time point that the span between
the study's start and its primary completion cannot reach.

FIRES and QUIET are (primary time frame, start, primary completion): a date given as 'YYYY-MM' is month-only (any day
of that month), 'YYYY-MM-DD' a day. CASES are the rule's cases over the clean study (its status, type, title, the
measure, the outcome's type): tests/checks/test_rule_cases.py runs them; tests/checks/test_time_frames.py runs the
phrases.
"""
from __future__ import annotations

from calendar import monthrange
from datetime import date

from tests.checks.harness import Case, clean_study

RULE = "dates.primary_completion_before_time_frame"

# A fixed time point every participant reaches, past the longest span the dates allow and the visit window.
FIRES = [
    ("Week 52", "2021-03", "2021-06"),
    ("Change from baseline at Week 52", "2021-03", "2021-06"),
    ("52 weeks", "2020-01-15", "2020-09-30"),
    ("At 12 months", "2019-05", "2019-12"),
    ("12 months after randomization", "2018-02-01", "2018-10-15"),
    ("Day 28", "2022-01-10", "2022-01-20"),
    ("6 months after surgery", "2020-06", "2020-09"),
    ("Baseline and week 24", "2021-01-04", "2021-03-31"),
    ("Up to Week 12", "2023-02-01", "2023-03-01"),
    ("Baseline, Week 12", "2023-02", "2023-02"),
    ("Baseline to Week 72", "2019-01", "2019-12"),
    ("At least 12 months after randomization", "2019-05", "2019-12"),
    ("Change in HbA1c over 12 months", "2019-05", "2019-12"),
    ("Week 12 of the second treatment period", "2023-02-01", "2023-03-01"),
    ("24 months", "2017-09", "2018-09"),
    ("2 years", "2016-01-01", "2017-01-01"),
    ("Baseline, 3 months, 12 months", "2020-03-01", "2020-10-01"),
    ("Twelve months", "2015-04", "2015-10"),
    ("One year post-treatment", "2015-04", "2015-10"),
    ("Screening, Week 4, Week 8, Week 12, Week 24, Week 52", "2020-02", "2020-10"),
    ("12 weeks; 6- and 12-month follow-up", "2021-05", "2021-12"),
    ("Patients will be evaluated 1 month postoperatively, and 3, 6, 12, 18, and 24 months postoperatively.",
     "2018-01", "2019-03"),
    ("Day 1 to Day 84", "2022-04-01", "2022-05-15"),
    ("At 3 months post-randomization", "2021-06-01", "2021-07-01"),
    ("Baseline and 6 months", "2019-02", "2019-05"),
    ("Month 18", "2020-01", "2020-12"),
    ("48 weeks", "2020-05", "2020-12-15"),
    ("8th week", "2023-01-02", "2023-01-20"),
    ("Baseline, 6 weeks (± 7 days) and 6 months (± 14 days)", "2020-01-06", "2020-04-30"),
    ("5 years after randomization", "2015-03", "2017-03"),
    ("Up to Day 29", "2021-02-01", "2021-02-10"),
    ("Six months post-vaccination", "2021-01", "2021-03"),
    ("Change from Baseline to Week 26", "2022-09-12", "2022-12-20"),
    ("From Day 1 to Week 25", "2021-06", "2021-09"),
    ("Baseline and 12 weeks after the first dose of study drug", "2024-03-04", "2024-04-15"),
    ("12-month", "2019-07", "2020-01"),
    ("Week 0 (pre-treatment), Week 24 (post-treatment), Week 52 (follow-up)", "2021-10", "2022-06"),
    ("Baseline, Day 42, Day 84", "2023-05-01", "2023-06-20"),
    ("3 years", "2021-12-31", "2021-12-31"),
]

# A cap, an event, an average, a repeated or open period, an age, a look-back, a time counted from something unknown,
# no time at all; or a time point the dates reach within the visit window and the slack of month-only dates.
QUIET = [
    # reached: within the month-only slack, the visit window, or plainly
    ("Week 52", "2021-03", "2022-02"),
    ("Week 52", "2021-03-15", "2022-03-01"),
    ("12 months", "2020-01", "2020-12"),
    ("Day 28", "2022-01-10", "2022-01-25"),
    ("Baseline and week 24", "2021-01-04", "2021-06-15"),
    ("6-12 months", "2020-01", "2020-06"),
    ("Baseline, 12 weeks", "2020-01-16", "2021-06-01"),
    ("24 hours post-dose", "2022-03-01", "2022-03-01"),
    ("Time Zero (just prior to first dose) to 24 hours post first dose", "2022-03-01", "2022-03-02"),
    ("30 minutes after the infusion", "2019-08-12", "2019-08-12"),
    # caps and events
    ("Up to 5 years", "2021-03", "2021-06"),
    ("Until death or up to 5 years", "2021-03", "2021-06"),
    ("Through study completion, an average of 1 year", "2021-03", "2021-06"),
    ("From randomization to progression, assessed up to 36 months", "2021-03", "2021-06"),
    ("From the date of randomization until the date of first documented progression or date of death from any "
     "cause, whichever came first", "2021-03", "2021-06"),
    ("12 months or until progression of disease", "2021-03", "2021-06"),
    ("Up to 12 weeks", "2023-02-01", "2023-03-01"),
    ("Up to approximately 24 months", "2021-03", "2021-06"),
    ("Approximately 48 months", "2021-03", "2021-06"),
    ("Median 2 years (maximum 3 years)", "2021-03", "2021-06"),
    ("Participants will be followed for the duration of hospital stay, an expected average of 5 weeks",
     "2021-03-01", "2021-03-15"),
    ("Until hospital discharge, an average of 5 days", "2021-03-01", "2021-03-02"),
    ("Within 30 days after surgery", "2021-03-01", "2021-03-02"),
    ("24 weeks or at early termination", "2021-03", "2021-05"),
    # repeated or open periods, no time at all
    ("Annually for 5 years", "2021-03", "2021-06"),
    ("Every 12 weeks through study completion", "2021-03", "2021-06"),
    ("Baseline, then every 3 months for 2 years", "2021-03", "2021-06"),
    ("Assessed at each visit up to Week 52", "2021-03", "2021-06"),
    ("Weekly for 12 weeks", "2021-03-01", "2021-03-15"),
    ("Baseline", "2021-03", "2021-03"),
    ("End of study", "2021-03", "2021-03"),
    ("Throughout the study (52 weeks)", "2021-03", "2021-06"),
    ("At the end of treatment (Week 12)", "2021-03-01", "2021-03-15"),
    ("Cycle 1 Day 1 to Cycle 6 Day 1 (each cycle is 28 days)", "2021-03-01", "2021-03-15"),
    ("Baseline, Week 6 (primary endpoint), Week 12 (follow-up)", "2021-03-01", "2021-04-01"),
    # counted from the study as a whole, from something before the participant's start, or back from an event
    ("12 months after the last participant is enrolled", "2021-03", "2021-06"),
    ("It will be performed approximately 3 years after the first participant is randomised.", "2021-03", "2021-06"),
    ("5 years before diagnosis", "2021-03", "2021-06"),
    ("12 months from diagnosis", "2021-03", "2021-06"),
    ("Day 100 post-transplant", "2021-03-01", "2021-04-01"),
    ("3 months after delivery", "2021-03", "2021-04"),
    ("15 days after the embryo transfer", "2021-03-01", "2021-03-02"),
    ("4-6 weeks prior to surgery", "2021-03-01", "2021-03-02"),
    ("90 days following the last dose of study drug", "2021-03-01", "2021-03-15"),
    # ages, calendar dates, another study's baseline
    ("4 weeks to 6 months of age", "2021-03", "2021-04"),
    ("At 12 months of age", "2021-03", "2021-04"),
    ("Corrected age of 24 months", "2021-03", "2021-04"),
    ("From enrollment to December 2022", "2021-03", "2021-04"),
    ("Week 104 (parent study baseline)", "2021-03", "2021-06"),
]


# A bare duration the record shows to be the study's period, or a time point each participant reaches:
# (fires, the time frame of every outcome (the first primary, the rest secondary), the primary outcome's description,
# start, primary completion, completion).
STUDY_PERIODS = [
    # the same bare years on every outcome, a study that ran at least half of them
    (False, ["2 years", "2 years"], None, "2007-06", "2008-07", "2008-07"),
    (False, ["Two years", "Two years", "Two years", "two years."], None, "2007-07", "2008-12", "2009-06"),
    (False, ["3 years", "3 years", "3 years"], None, "2000-01-19", "2002-09-13", "2011-01-18"),
    # about the span from the start to the completion
    (False, ["4 years"], None, "1999-11", "2001-01", "2003-08"),
    (False, ["3 years", "3 years"], None, "2023-09-15", "2025-09-15", "2026-09-15"),
    # the outcome's description gives times of hours or days
    (False, ["12 months"], "Primary Safety Endpoint: 30-day Freedom from Major Adverse Events", "2018-10", "2018-12",
     "2020-06"),
    (False, ["1 year", "Week 4"], "Microcirculation is measured at 24 hours after the start of the infusion",
     "2019-01", "2019-03", "2020-04"),
    # each participant's time point: the same months on every outcome, a study whose dates give it no run, a bare
    # duration beside other time frames, a description that gives a longer time, one not bare, a study that ran
    # less than half of it
    (True, ["14 months", "14 months", "14 months"], None, "2009-01", "2009-12", "2009-12"),
    (True, ["3 years", "3 years", "3 years", "3 years"], None, "2021-12-31", "2021-12-31", "2021-12-31"),
    (True, ["2 years", "Week 12"], None, "2016-01-01", "2017-01-01", "2017-06-01"),
    (True, ["1 year", "6 month", "4 week"], None, "2022-02-15", "2022-08-30", "2022-12-31"),
    (True, ["12 months"], "Assessed 30 days after surgery and at 12 months", "2018-10", "2018-12", "2020-06"),
    (True, ["12 months"], "Freedom from adverse events at 30 days; device performance through follow-up",
     "2018-10", "2018-12", "2020-06"),
    (True, ["2 years after randomization", "2 years after randomization"], None, "2007-06", "2008-07", "2008-07"),
    (True, ["12 months"], "30-day freedom from major adverse events", "2018-10", "2018-12", "2019-01"),
    (True, ["5 years", "5 years"], None, "2020-01", "2020-06", "2021-12"),
    # the same years on every outcome of a study that runs three times them, its primary completion weeks after the
    # start; months about a study's span of months
    (True, ["1 year", "1 year"], None, "2020-11-08", "2020-12-29", "2023-12-29"),
    (True, ["6 months"], None, "2020-04-06", "2020-09-15", "2020-09-30"),
]


def period(time_frames: list[str], description: str | None, start: str, primary_completion: str, completion: str):
    """A change: the clean study's outcomes have these time frames (the first primary, the rest secondary), the
    primary with `description`, and its start, primary completion and completion are these."""
    def change(s):
        s["studies"][0].update(study_dates(start, primary_completion), start_date_type="ACTUAL")
        s["studies"][0].update({key: value for key, value in study_dates(start, completion).items()
                                if key.startswith("completion_date")})
        s["design_outcomes"] = [{"outcome_type": "primary" if i == 0 else "secondary", "measure": f"Score {i + 1}",
                                 "time_frame": time_frame, "description": description if i == 0 else None}
                                for i, time_frame in enumerate(time_frames)]
    return change


def study_dates(start: str, completion: str) -> dict:
    """The `studies` columns of a start and a primary completion given as 'YYYY-MM' (stored as AACT stores a
    month-only date: its last day) or 'YYYY-MM-DD'. The completion date is the primary completion."""
    values = {}
    given_dates = (("start_date", start), ("primary_completion_date", completion), ("completion_date", completion))
    for name, given in given_dates:
        year, month, *day = (int(part) for part in given.split("-"))
        values[name] = date(year, month, day[0] if day else monthrange(year, month)[1])
        values[f"{name}_precision"] = "day" if day else "month"
    return values


def time_frame_study(time_frame: str, start: str, completion: str) -> dict:
    """A clean study whose primary outcome has `time_frame`, started (ACTUAL) and completed as `study_dates` reads."""
    study = clean_study()
    study["studies"][0].update(study_dates(start, completion), start_date_type="ACTUAL")
    study["design_outcomes"][0].update(time_frame=time_frame)
    return study


def dated(time_frame: str, start: str, completion: str, **studies):
    """A change: the clean study's primary outcome has `time_frame`, its dates are these (and its `studies` row
    takes the other `studies` values)."""
    def change(s):
        s["studies"][0].update(study_dates(start, completion), **studies)
        s["design_outcomes"][0].update(time_frame=time_frame)
    return change


def _clean(_s) -> None:
    """No change: the clean study."""


def _secondary_week_52(s) -> None:
    dated("12 weeks", "2021-03", "2021-06")(s)
    s["design_outcomes"][1].update(time_frame="Week 52")


def _primaries(*outcomes: tuple[str, str]):
    """A change: the clean study has these primary outcomes (measure, time frame), dated 2021-03 to 2021-06."""
    def change(s):
        dated("12 weeks", "2021-03", "2021-06")(s)
        s["design_outcomes"] = [{"outcome_type": "primary", "measure": measure, "time_frame": time_frame}
                                for measure, time_frame in outcomes]
    return change


CASES = [
    Case(RULE, True, dated("Week 52", "2021-03", "2021-06"), note="a year's time point, a quarter between the dates"),
    Case(RULE, True, dated("12 months after randomization", "2018-02-01", "2018-10-15", overall_status="RECRUITING",
                           primary_completion_date_type="ESTIMATED"), note="a planned date is judged too"),
    Case(RULE, True, _primaries(("Change in HbA1c", "Week 12"), ("Change in body weight", "Week 52"),
                                ("Serious adverse events", "Up to 5 years")),
         note="the largest fixed time point of several primary outcomes; a cap beside it changes nothing"),
    Case(RULE, False, _clean, note="clean: 12 weeks in 16 months"),
    Case(RULE, False, dated("Week 52", "2021-03", "2021-06", overall_status="TERMINATED"),
         note="a terminated study's primary completion is when it stopped"),
    Case(RULE, False, dated("Week 52", "2021-03", "2021-06", overall_status="WITHDRAWN"), note="never ran"),
    Case(RULE, False, dated("Week 52", "2021-03", "2021-06", overall_status="SUSPENDED"), note="stopped for now"),
    Case(RULE, False, dated("5 years", "2021-03", "2021-06", study_type="OBSERVATIONAL", phase=None),
         note="an observational time frame is often a look-back period"),
    Case(RULE, False, dated("Week 52", "2021-03", "2021-06", start_date=None), note="no start"),
    Case(RULE, False, dated("Week 52", "2021-03", "2021-06", primary_completion_date=None),
         note="no primary completion"),
    Case(RULE, False, dated("Week 52", "2021-06", "2021-03"),
         note="primary completion before the start: start_after_primary_completion's"),
    Case(RULE, False, dated("Week 104", "2021-03", "2021-06",
                            official_title="An Open-label Extension Study of Baricitinib in Sjogren's Syndrome"),
         note="an extension counts its weeks from the parent study"),
    Case(RULE, False, _primaries(("5-year overall survival rate", "5 years")),
         note="a survival rate is estimated with censoring, not at a visit everyone attends"),
    Case(RULE, False, _primaries(("Progression-free survival (PFS)", "24 months")), note="time to event"),
    Case(RULE, False, _secondary_week_52, note="only primary outcomes count"),
    Case(RULE, False, period(["2 years", "2 years"], None, "2007-06", "2008-07", "2008-07"),
         note="the same bare years on every outcome: the study's period"),
    Case(RULE, True, period(["14 months", "14 months"], None, "2009-01", "2009-12", "2009-12"),
         note="the same months on every outcome: each participant's schedule"),
]
