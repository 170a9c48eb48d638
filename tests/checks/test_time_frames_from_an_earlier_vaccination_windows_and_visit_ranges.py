"""dates.primary_completion_before_time_frame on time frames that give no time point counted from this study's start:
a persistence study of participants an earlier study vaccinated ("Day 1 (5 years after primary vaccination)" in
"... in Subjects Previously Vaccinated as Adolescents"), whose title the rule's screen takes for one following another
study's participants; a window ("Anytime in the period of 10 years"); and a period from a named visit ("day 28 to 12
months post vaccination", reached at 12 months, not 28). Titles of studies that vaccinate their own participants, and
fixed time points, are still read.
"""
from __future__ import annotations

import duckdb
import pytest

from checks.time_frames import FOLLOWS_ANOTHER_STUDY, time_point

# Titles of studies whose time points count from an earlier study's vaccination: screened out.
FOLLOWS = [
    "A Phase 2b, Open-Label, Multi-Center Study to Evaluate the Persistence of Antibody Response and to Assess the "
    "Immune Response to a Booster Dose of MenACWY Conjugate Vaccine in Subjects Previously Vaccinated as Adolescents "
    "With Either MenACWY Conjugate Vaccine or Menomune",
    "Persistence Of Antibody Responses Among Children Who Previously Received Novartis MenACWY Conjugate Vaccine or "
    "Meningococcal C Conjugate Vaccine",
    "Evaluation of Persistence of Anti-meningococcal Bactericidal Antibodies Among Adolescents Who Previously "
    "Received MenACWY Conjugate Vaccine",
    "Long-Term Immune Persistence of GlaxoSmithKline Biologicals' Inactivated Hepatitis A Vaccine Injected According "
    "to a 0, 12-month Schedule",
    "Long-term Antibody Persistence of a Hepatitis B Vaccine in Adults",
]
# Titles of studies that count from their own start: read.
OWN_START = [
    "Immunogenicity and Safety of MenACWY Conjugate Vaccine in Adolescents",
    "Safety of a Booster Dose in Adults Previously Vaccinated With BCG",
    "Persistence of Treatment With Statins After Pharmacist Counselling",
    "A Study of Medication Persistence in Patients Who Previously Received Biologics",
    "Antibody Persistence and Booster Response After a Two-Dose Schedule of Vaccine X in Infants",
]

# (time frame, the time point in days or None): a window, a period from a named visit, fixed time points.
READINGS = [
    ("Anytime in the period of 10 years", None),
    ("At any time in the 10-year period", None),
    ("Any time during the 12 months", None),
    ("In the period of 2 years after surgery", None),
    ("day 28 to 12 months post vaccination", 365.25),
    ("Day 14 to 12 months post vaccination", 365.25),
    ("week 4 to 52 weeks after randomization", 364),
    ("6-9 months", 182.625),
    ("0-730 days", 730),
    ("12 months", 365.25),
    ("Day 1 (5 years after primary vaccination)", 1826.25),
    ("Week 52", 364),
]


@pytest.fixture(scope="module")
def duck() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    yield con
    con.close()


def _title_follows(con: duckdb.DuckDBPyConnection, title: str) -> bool:
    """Whether the rule's screen (DuckDB's regular expressions) takes the title for one of a study following another
    study's participants."""
    return con.execute("SELECT regexp_matches(?, ?)", [title, FOLLOWS_ANOTHER_STUDY]).fetchone()[0]


@pytest.mark.parametrize("title", FOLLOWS, ids=[t[:60] for t in FOLLOWS])
def test_a_persistence_study_of_an_earlier_vaccination_is_screened_out(duck, title):
    assert _title_follows(duck, title)


@pytest.mark.parametrize("title", OWN_START, ids=[t[:60] for t in OWN_START])
def test_a_study_counting_from_its_own_start_is_read(duck, title):
    assert not _title_follows(duck, title)


@pytest.mark.parametrize("time_frame, days", READINGS, ids=[r[0][:60] for r in READINGS])
def test_a_window_gives_no_time_point_and_a_period_from_a_visit_ends_at_its_length(time_frame, days):
    point = time_point(time_frame)
    assert (None if point is None else round(point.days, 3)) == days
