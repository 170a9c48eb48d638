"""A primary outcome's fixed time point against the span between the study's start and its primary completion.

The time frame is read on its own (`time_point`: the latest time point every participant reaches, or none for a cap,
an event, an average, an age, a look-back or a time counted from something unknown), compared with the longest span
the dates allow (`unreachable`, `study_finding`), and the rule reads the same from the warehouse, month-only dates
as the period they may mean.
"""
from __future__ import annotations

from datetime import date

import pytest

from checks.time_frames import RULE_ID, RULES, StudyDates, study_finding, time_point, unreachable
from tests.checks import harness
from tests.checks.cases_time_frames import FIRES, QUIET, study_dates, time_frame_study

# (time frame, the time point in days, how it is said): the latest time point each reading gives.
READINGS = [
    ("Week 52", 364, "Week 52"),
    ("Change from baseline at Week 52", 364, "Week 52"),
    ("52 weeks", 364, "52 weeks"),
    ("At 12 months", 365.25, "12 months"),
    ("12 Months", 365.25, "12 months"),
    ("1 year", 365.25, "1 year"),
    ("1year", 365.25, "1 year"),
    ("Twelve months", 365.25, "12 months"),
    ("One year.", 365.25, "1 year"),
    ("At one-year since interventions", 365.25, "1 year"),
    ("Day 28", 28, "Day 28"),
    ("28 days post-infusion", 28, "28 days"),
    ("6 months after surgery", 182.625, "6 months"),
    ("6 month postoperative.", 182.625, "6 months"),
    ("Baseline and week 24", 168, "Week 24"),
    ("Baseline, 3 months, 12 months", 365.25, "12 months"),
    ("Up to Week 12", 84, "Week 12"),
    ("Up to and including Week 24", 168, "Week 24"),
    ("Screening, Week 4, Week 8, Week 12, Week 24, Week 52, Week 78, Week 104", 728, "Week 104"),
    ("Week 4: Pre-dose; Week 8: Pre-dose and Week 12: Pre-dose", 84, "Week 12"),
    ("Patient were evaluated one month postoperatively, and 3, 6, 12, 18, and 24 months postoperatively.",
     730.5, "24 months"),
    ("12 weeks; 6- and 12- month follow-up", 365.25, "12 months"),
    ("Baseline, 14 , 26, and 38 weeks after inclusion in the study", 266, "38 weeks"),
    ("8th week", 56, "Week 8"),
    ("12th Week", 84, "Week 12"),
    ("3 monthes", 91.3125, "3 months"),
    ("24hours", 1, "24 hours"),
    ("6-9 months", 182.625, "6 months"),
    ("30 - 45 days", 30, "30 days"),
    ("0-730 days", 730, "730 days"),
    ("0 to 6 weeks", 42, "6 weeks"),
    ("Baseline and Weeks 20-27", 140, "Week 20"),
    ("From Day -6 to Day 28", 28, "Day 28"),
    ("day 1,14", 14, "Day 14"),
    ("1400 days (3.85 years) post randomization", 1406.2125, "3.85 years"),
    ("outcome measure will be taken preoperatively (4-6 weeks prior to date of surgery) and 6 weeks (± 2 weeks) "
     "postoperatively", 28, "6 weeks"),
    ("Postoperative month 3 (±15 days)", 91.3125 - 15, "Month 3"),
    ("Before treatment, 2 weeks after the commencement of treatment, 14 weeks after the commencement of treatment",
     98, "14 weeks"),
    ("42 days from the 1st FT538 infusion", 42, "42 days"),
    ("Time Zero (just prior to first dose) to 24 hours post first dose", 1, "24 hours"),
    ("Screening (-28 days), Week 0 and 12 weeks", 84, "12 weeks"),
    ("Weeks 0, 4, 8, 12 and 24", 168, "Week 24"),
    ("Year 1, Year 2, Year 3", 1095.75, "Year 3"),
    ("12 months post-implantation", 365.25, "12 months"),
]

# Time frames that give no time point every participant reaches.
NO_READING = [
    "Up to 5 years", "up to 12 weeks", "Upto 2 years", "Up to ~38 months", "Until death or up to 5 years",
    "Through study completion, an average of 1 year", "From randomization to progression",
    "Randomization until disease progression, death, or 12 months after randomized enrollment, whichever occurs first.",
    "12 months or until progression of disease", "Approximately 48 months",
    "From baseline to EOT, aproximately 12 weeks",
    "Median 2 years (from randomization to 16 March 2012; maximum 2.5 years)", "Assessed annually for 10 years after "
    "randomization", "Baseline, 6 wks, 3 and 6 mos, Annually thereafter",
    "measured at days 28, 56, 84, and 112, and then every 3 months for 1 year", "Cycle 1 (Day 1-28)",
    "At the end of 28 day Dose-Limiting Toxicities (DLT) observation Period", "Study Duration: 7 years",
    "30 months intake; 12-42 months follow-up", "12 months after the last participant is enrolled",
    "It is anticipated that it will be performed approximately 3 years after the first participant is randomised.",
    "5 years before diagnosis", "median of 12 months from diagnosis", "Day 100 post-transplant",
    "up to 5 years post-transplant", "From enrollment to 6 months postpartum", "4 weeks to 6 months of age for each "
    "subject and study", "Hospital discharge or 120 days of life", "15 days after the embryo transfer",
    "5 yrs (OHTS I, June 2002) and 13.0 yrs (completion of both phases of OHTS, March 2009)",
    "Week 1 (Baseline), Week 4, Week 8 (Primary end point, Treatment end), Week 12, Week 16 (F/U)",
    "Baseline", "Throughout study", "Study completion", "post-vaccination", "4-6 weeks prior to surgery", "", None,
    "-14 days", "Days -14 to 28", "90 days after stroke", "3 months post-stroke", "6 months post-injury",
    "1 month post-discharge", "6 months post last vaccination", "At 6 weeks after the end of treatment",
    "Baseline to Week 12 of each treatment period", "From birth to 2 years of age",
    # look-backs, approximations and caps, windows, study-level periods, seasons, corrected and postmenstrual ages
    "Hospitalizations in the past 12 months", "Compared with the previous 12 months",
    "Retrospective chart review covering 2 years", "Around 12 months", "Roughly 1 year", "Nearly 2 years",
    "Not more than 6 months", "No longer than 12 months", "Less than 1 year", "Between 6 and 12 months",
    "2 years (total study period)", "Study period of 18 months", "3 years (enrollment period)",
    "One influenza season (6 months)", "Over the winter season (5 months)", "Academic year (9 months)",
    "At 36 weeks PMA", "At 2 years corrected",
    "Day 28 (infants 6-11 months)", "Children 6 to 59 months: 28 days after vaccination", "Toddlers at 15 months",
    "Framingham 10-year risk at Week 12",
]


def _dates(start: str, completion: str) -> StudyDates:
    """The dates as the rule's query gives them: the start's first possible day, the completion's last."""
    values = study_dates(start, completion)
    lo = values["start_date"].replace(day=1) if values["start_date_precision"] == "month" else values["start_date"]
    return StudyDates(lo, values["primary_completion_date"], values["start_date_precision"],
                      values["primary_completion_date_precision"], start, completion, f"{start} (ACTUAL)",
                      f"{completion} (ACTUAL)")


def _fires(time_frame: str, start: str, completion: str) -> bool:
    return study_finding("NCT0", [("Change in score", time_frame)], _dates(start, completion)) is not None


@pytest.mark.parametrize("time_frame, days, said", READINGS, ids=[r[0][:60] for r in READINGS])
def test_a_fixed_time_point_is_read_as_its_latest_point(time_frame, days, said):
    point = time_point(time_frame)
    assert point is not None, time_frame
    assert (round(point.days, 4), point.said) == (round(days, 4), said)


@pytest.mark.parametrize("time_frame", NO_READING, ids=[str(t)[:60] for t in NO_READING])
def test_a_cap_an_event_an_age_or_an_unknown_anchor_gives_no_time_point(time_frame):
    assert time_point(time_frame) is None


@pytest.mark.parametrize("time_frame, start, completion", FIRES, ids=[f"{f[0][:50]}|{f[1]}|{f[2]}" for f in FIRES])
def test_a_time_point_the_dates_cannot_reach_fires(time_frame, start, completion):
    assert _fires(time_frame, start, completion)


@pytest.mark.parametrize("time_frame, start, completion", QUIET, ids=[f"{q[0][:50]}|{q[1]}|{q[2]}" for q in QUIET])
def test_a_time_point_the_dates_reach_or_no_time_point_stays_quiet(time_frame, start, completion):
    assert not _fires(time_frame, start, completion)


def test_there_are_enough_phrasings_on_both_sides():
    assert len(FIRES) >= 25 and len(QUIET) >= 40


def test_the_visit_window_is_a_tenth_of_the_time_point_or_two_weeks():
    week_52 = time_point("Week 52")
    assert unreachable(week_52, 327) and not unreachable(week_52, 328)  # 364 days less 36.4
    day_28 = time_point("Day 28")
    assert unreachable(day_28, 13) and not unreachable(day_28, 14)


def test_month_only_dates_are_the_whole_month():
    """'2021-03' to '2022-01' may be 2021-03-01 to 2022-01-31 (336 days): Week 52 less its window (327.6) fits;
    to '2021-12' (305 days at most) it does not."""
    assert not _fires("Week 52", "2021-03", "2022-01")
    assert _fires("Week 52", "2021-03", "2021-12")


def test_the_largest_time_point_of_the_primary_outcomes_counts():
    dates = _dates("2021-03", "2021-06")
    outcomes = [("HbA1c", "Week 12"), ("Body weight", "Week 52"), ("Adverse events", "Up to 5 years")]
    found = study_finding("NCT0", outcomes, dates)
    assert found is not None and "Week 52" in found.message and "'Body weight'" in found.evidence
    assert study_finding("NCT0", [("HbA1c", "Week 12"), ("Adverse events", "Up to 5 years")], dates) is None


def test_a_time_to_event_measure_gives_no_time_point():
    dates = _dates("2021-03", "2021-06")
    for measure in ("Overall survival", "Progression-free survival (PFS)", "Time to first relapse", "5-year OS rate",
                    "Duration of response"):
        assert study_finding("NCT0", [(measure, "5 years")], dates) is None, measure
    assert study_finding("NCT0", [("Mean change in FEV1", "5 years")], dates) is not None


def test_the_finding_says_both_sides():
    found = study_finding("NCT0", [("Change in HbA1c", "Change from baseline at Week 52")],
                          _dates("2021-03", "2021-06"))
    assert found.message == ("The primary outcome is measured at Week 52, but the primary completion date (2021-06) "
                             "is 3 months after the start (2021-03).")
    assert found.evidence == ("design_outcomes.time_frame: 'Change from baseline at Week 52' (primary outcome "
                              "'Change in HbA1c'); start_date=2021-03 (ACTUAL); primary_completion_date=2021-06 "
                              "(ACTUAL)")
    same_day = study_finding("NCT0", [("Pain (VAS)", "3 years")], _dates("2021-12-31", "2021-12-31"))
    assert "is on the same day as the start (2021-12-31)" in same_day.message
    days = study_finding("NCT0", [("Pain (VAS)", "Day 28")], _dates("2022-01-10", "2022-01-20"))
    assert "is 10 days after the start" in days.message


def test_the_rule_reads_the_same_from_the_warehouse(tmp_path):
    phrases = [(True, *f) for f in FIRES] + [(False, *q) for q in QUIET]
    studies = {f"NCT{i:08d}": time_frame_study(*phrase[1:]) for i, phrase in enumerate(phrases, 1)}
    flagged = harness.flagged_studies(tmp_path, studies, RULES)[RULE_ID]
    expected = {f"NCT{i:08d}" for i, phrase in enumerate(phrases, 1) if phrase[0]}
    assert flagged == expected


def test_the_warehouse_finding_shows_the_registry_dates_with_their_types(tmp_path):
    study = time_frame_study("Week 52", "2021-03", "2021-06")
    study["studies"][0].update(primary_completion_date_type="ESTIMATED")
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    try:
        from checks.check_scope import set_scope
        from checks.rule_findings import findings_of

        [found] = findings_of(con, RULES[0], set_scope(con, None, date(2026, 11, 22)))
    finally:
        con.close()
    assert "primary completion date (2021-06) is 3 months after the start (2021-03)" in found.message
    assert found.evidence.endswith("start_date=2021-03 (ACTUAL); primary_completion_date=2021-06 (ESTIMATED)")
