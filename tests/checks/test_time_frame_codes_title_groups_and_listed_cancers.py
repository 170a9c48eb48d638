"""A product's code in a time frame is no day count; a title following the participants of an earlier protocol or of
the primary study counts from it; a title's people a harm is done to are its topic, not its participants; a
condition listing a cancer of one sex's organs among others is of both sexes; a count of one unit or a few and
strengths a product is supplied in are no other dose."""
from __future__ import annotations

import duckdb
import pytest

from checks.condition_sex import BOTH_SEXES_ORGANS_LISTED, FEMALE_ONLY
from checks.contradictions_arms import study_dose_findings
from checks.time_frames import FOLLOWS_ANOTHER_STUDY, time_point
from checks.title_sex import study_title_sex_findings

# (time frame, the days of its latest time point)
TIME_POINTS = [
    ("Week 0 (Baseline) to Week 14 and 1-week Follow-up Period (Week 15) for SK&F-105517-D", 105),
    ("Baseline and Week 24 of treatment with GSK-1234-W", 168),
    ("Baseline-12 weeks", 84),
    ("12-d", 12),
    ("Day 1 to 28-d", 28),
]
FOLLOWING_TITLES = [
    "A 7-year Follow up of All Subjects Incuded in Protocol 31GB0106",
    "Long-term Outcome of Subjects Included in Protocol ABC-301",
    "A Long-term, Follow-up of the Immunogenicity and Safety of an HPV Vaccine in Healthy Female Subjects",
    "Immunogenicity of a Booster Dose in Subjects Vaccinated in the Primary Study",
]
OWN_START_TITLES = [
    "A Phase 3 Study of Drug X in Adults With Hypertension",
    "Primary Study of Drug X Versus Placebo",
    "A Long-term Safety Study of Drug X, Followed by a Taper",
    "Protocol for the Treatment of Acute Leukemia in Children",
    "Evaluation of Primary Care Trial Recruitment",
]
# (title, Sex)
TITLES_QUIET = [
    ("Preventing Violence Against Women: A Web-based Approach", "MALE"),
    ("Reducing Men's Violence Toward Women in Couples Therapy", "MALE"),
    ("Sexual Abuse of Girls: A Prevention Programme for Adolescent Boys", "MALE"),
    ("Harassment Against Women in the Workplace", "MALE"),
    ("An Intervention on Violence Against Women", "ALL"),
]
TITLES_FIRING = [
    ("A Study in Women With Osteoporosis", "MALE", "warning"),
    ("A Support Group in Women Who Survived Violence", "MALE", "warning"),
    ("Violence of Men in Intimate Relationships", "FEMALE", "warning"),
    ("Women Exposed to Violence Against Women: a Study in Women", "MALE", "warning"),
    ("Postnatal Depression in Women", "ALL", "info"),
]
LISTED_CONDITIONS = [
    "advanced pancreatic, colon, lung, gastric and ovarian cancer",
    "ovarian, lung and colorectal cancer",
    "prostate or bladder cancer",
    "renal/ovarian carcinoma",
]
ONE_SEX_CONDITIONS = [
    "ovarian, fallopian tube or primary peritoneal cancer",
    "breast and ovarian cancer",
    "epithelial ovarian cancer",
    "prostate cancer",
    "cervical cancer and lung function",
    "ovarian cancer and liver metastases",
]
# (case, arm (title, description), intervention (name, description))
DOSES_QUIET = [
    ("one or two tablets of a strength",
     ("Metformin", "Metformin 500 mg 1-2 tablets twice daily according to plasma glucose values"),
     ("metformin", "metformin 1 g twice daily or maximum tolerated dose less than 2 g daily")),
    ("one or two capsules in words", ("Ramipril", "Ramipril 5 mg, one or two capsules daily"),
     ("Ramipril", "Ramipril 10 mg daily")),
    ("strengths a product is supplied in",
     ("Phase I - RAD001 30mg + PT, weekly", "Weekly dosing schedule of Everolimus 30mg plus Paclitaxel."),
     ("Everolimus", "Everolimus (RAD001) was supplied as tablets in 3 different dosage strengths, 2.5, 5, and 10 mg. "
                    "The drug was packaged in blisters containing 10 tablets per blister.")),
]
DOSES_FIRING = [
    ("more than two units of the strength", ("Metformin", "Metformin 500 mg 1-2 tablets twice daily"),
     ("metformin", "metformin 1.5 g twice daily")),
    ("neither one unit nor two", ("Ramipril", "Ramipril 5 mg 1-2 tablets daily"), ("Ramipril", "Ramipril 15 mg daily")),
    ("a dose after strengths' words", ("Everolimus", "Everolimus 30 mg weekly"),
     ("Everolimus", "Everolimus 10 mg weekly, in tablets of a strength tested before")),
]


@pytest.fixture(scope="module")
def duck() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    yield con
    con.close()


def _matches(con: duckdb.DuckDBPyConnection, text: str, pattern: str) -> bool:
    """Whether DuckDB's regular expressions, as the rules run them, find the pattern in the text."""
    return con.execute("SELECT regexp_matches(?, ?)", [text, pattern]).fetchone()[0]


@pytest.mark.parametrize("time_frame, days", TIME_POINTS)
def test_a_product_code_is_no_day_count(time_frame, days):
    assert time_point(time_frame).days == days


@pytest.mark.parametrize("title", FOLLOWING_TITLES)
def test_a_follow_up_of_an_earlier_protocol_or_the_primary_study_is_screened_out(duck, title):
    assert _matches(duck, title, FOLLOWS_ANOTHER_STUDY)


@pytest.mark.parametrize("title", OWN_START_TITLES)
def test_a_study_of_its_own_start_is_read(duck, title):
    assert not _matches(duck, title, FOLLOWS_ANOTHER_STUDY)


def _title_severities(title: str, sex: str) -> list[str]:
    return [f.severity for f in study_title_sex_findings("NCT01000001", [("studies.official_title", title)], sex)]


@pytest.mark.parametrize("title, sex", TITLES_QUIET)
def test_people_a_harm_is_done_to_are_the_topic(title, sex):
    assert _title_severities(title, sex) == []


@pytest.mark.parametrize("title, sex, severity", TITLES_FIRING)
def test_participants_of_one_sex_against_the_sex(title, sex, severity):
    assert _title_severities(title, sex) == [severity]


@pytest.mark.parametrize("condition", LISTED_CONDITIONS)
def test_a_cancer_listed_among_others_is_of_both_sexes(duck, condition):
    assert _matches(duck, condition, BOTH_SEXES_ORGANS_LISTED)


@pytest.mark.parametrize("condition", ONE_SEX_CONDITIONS)
def test_a_condition_of_one_sex_alone_stays_read(duck, condition):
    assert not _matches(duck, condition, BOTH_SEXES_ORGANS_LISTED)


def test_the_listed_cancer_is_of_one_sex_organs(duck):
    assert _matches(duck, LISTED_CONDITIONS[0], FEMALE_ONLY)


def _dose_severities(arm: tuple, intervention: tuple) -> list[str | None]:
    found = study_dose_findings("NCT01000001", [arm], [intervention], [(arm[0], intervention[0])])
    return [f.severity for f in found]


@pytest.mark.parametrize("case, arm, intervention", DOSES_QUIET)
def test_units_counted_and_strengths_supplied_agree(case, arm, intervention):
    assert _dose_severities(arm, intervention) == []


@pytest.mark.parametrize("case, arm, intervention", DOSES_FIRING)
def test_doses_that_differ_are_found(case, arm, intervention):
    assert len(_dose_severities(arm, intervention)) == 1
