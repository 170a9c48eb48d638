"""meddatax pages shaped as the site's other study pages: a title wrapped over lines, sites without a name one after
another, a compact expanded-access record's bare types, one bare age, the responsible party, and lines the layout
does not read; each with a nearby page that reads as before, and what the page cannot decide as a load problem."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text
from flows.parsers.aggregator_text import CHROME
from flows.parsers.aggregator_text.people_places import UNREAD_OFFICIALS, locations
from flows.parsers.aggregator_text.responsible_party import UNREAD_PARTY, responsible_parties
from flows.parsers.aggregator_text.single_age import UNDECIDED_AGE, which_limit
from flows.parsers.aggregator_text.sites import UNDECIDED_SITES
from flows.parsers.aggregator_text.title import UNDECIDED_TITLE, title_of
from flows.parsers.aggregator_text.unread_parts import UNREAD_RESULTS
from flows.parsers.model import Refused
from tests.parsers.golden import GOLDEN_DIR

SEED_002 = (GOLDEN_DIR / "aggregator_text" / "002_NCT05300932.txt").read_text(encoding="utf-8")
SEED_004 = (GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt").read_text(encoding="utf-8")
TITLE_002 = "A Study Evaluating the Efficacy and Safety of Baricitinib in Systemic Sclerosis"
TITLE_004 = ("Safety and Efficacy of Baricitinib on Skin Tightening in Diffuse Cutaneous Systemic Sclerosis: "
             "A Comparative Study With Methotrexate")
BASIC_002 = "ACTIVE_NOT_RECRUITING\nPHASE4\n60 participants\nINTERVENTIONAL\n2022-03-08\n2026-11-12\n"
SITES_002 = "Department of RheumatologyTongji Hospital\nWuhan, Hubei, China\nTongji Hospital\nWuhan, Hubei, China\n"
AGES_002 = "18 Years\nALL\nNo\n"
AGE_SENTENCE_002 = "6.Age ≥ 18 years at the screening visit "


def _replaced(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def _read(text: str) -> tuple[dict, list[tuple[str, str]]]:
    parsed = aggregator_text.parse(text.encode())
    (record,) = parsed.records
    return record.tables, [(problem.reason, problem.detail) for problem in parsed.problems]


def _title(text: str) -> str | None:
    return _read(text)[0]["studies"][0]["brief_title"]


def _reasons(text: str) -> list[str]:
    return [reason for reason, _ in _read(text)[1]]


# A title wrapped over lines ----------------------------------------------------------------------------------


MENU = "meddatax\nHome | Conditions | Sponsors | About\nSearch trials\n"
WRAPPED = {
    "compact-after-a-connector": (SEED_002, TITLE_002, "A Study Evaluating the Efficacy and Safety of\n"
                                                       "Baricitinib in Systemic Sclerosis", TITLE_002, ""),
    "compact-under-a-menu": (SEED_002, TITLE_002, "A Study Evaluating the Efficacy\nand Safety of Baricitinib\n"
                                                  "in Systemic Sclerosis", TITLE_002, MENU),
    "labelled-one-part": (SEED_004, TITLE_004, "Safety and Efficacy of Baricitinib on Skin Tightening in Diffuse "
                                               "Cutaneous Systemic\nSclerosis: A Comparative Study With Methotrexate",
                          TITLE_004, ""),
    "labelled-after-a-colon": (SEED_004, TITLE_004, TITLE_004.replace(": ", ":\n"), TITLE_004, MENU),
    "compact-acronym-below": (SEED_002, TITLE_002, f"{TITLE_002}\n(SSc-BARI)", f"{TITLE_002} (SSc-BARI)", ""),
}


@pytest.mark.parametrize("seed, title, wrapped, whole, menu", WRAPPED.values(), ids=WRAPPED.keys())
def test_a_title_wrapped_over_lines_is_read_whole(seed, title, wrapped, whole, menu):
    page = menu + _replaced(seed, title, wrapped)
    assert _title(page) == whole
    assert UNDECIDED_TITLE not in _reasons(page)


@pytest.mark.parametrize("seed, page", [
    (SEED_002, "Clinical trials made simple for everyone\n" + SEED_002),
    (SEED_004, _replaced(SEED_004, TITLE_004 + "\n", "Safety and Efficacy of Baricitinib on Skin Tightening in "
                                                     "Diffuse Cutaneous Systemic Sclerosis\n\nA Comparative Study "
                                                     "With Methotrexate\n")),
], ids=["compact-line-above", "labelled-part-above"])
def test_a_line_above_the_title_that_may_be_its_first_line_is_a_problem_not_a_guess(seed, page):
    tables, problems = _read(page)
    title = tables["studies"][0]["brief_title"]
    # refused with both readings kept, so that the study is not blamed for having no title
    assert isinstance(title, Refused) and title.raw.count(" / ") == 1
    assert [reason for reason, _ in problems] == [UNDECIDED_TITLE]


def test_a_title_wrapped_after_a_hyphen_goes_on_without_a_space():
    assert title_of(["A Study of an Anti-", "TNF Antibody in Adults With Crohn's Disease"]) == (
        "A Study of an Anti-TNF Antibody in Adults With Crohn's Disease", None)


def test_a_title_under_menu_items_and_short_lines_reads_as_before():
    assert title_of(["Home", "", "About", "", TITLE_004, ""]) == (TITLE_004, None)
    assert title_of(["Search trials", "mHealth Coaching for Adults With Type 2 Diabetes"]) == (
        "mHealth Coaching for Adults With Type 2 Diabetes", None)
    assert title_of(["Home > Trials > Systemic Sclerosis", TITLE_002]) == (TITLE_002, None)
    assert _title(SEED_002) == TITLE_002 and _title(SEED_004) == TITLE_004


# Sites without a name, one after another -------------------------------------------------------------------


def test_two_sites_in_a_row_without_a_name_are_two_addresses():
    rows = locations(["Wuhan, Hubei, 430030, China", "Shanghai, , 200025, China", "Seoul, , Korea, Republic of",
                      "Busan, , Korea, Republic of", "Tongji Hospital", "Wuhan, Hubei, China"])
    assert [(row["name"], row["city"], row["zip"], row["country"]) for row in rows] == [
        (None, "Wuhan", "430030", "China"), (None, "Shanghai", "200025", "China"),
        (None, "Seoul", None, "Korea, Republic of"), (None, "Busan", None, "Korea, Republic of"),
        ("Tongji Hospital", "Wuhan", None, "China")]


def test_a_line_that_may_be_a_site_s_name_or_an_address_above_an_address_is_a_problem_not_a_guess():
    page = _replaced(SEED_002, SITES_002, "Wuhan, Hubei, China\nShanghai, Shanghai, China\nTongji Hospital\n"
                                          "Wuhan, Hubei, China\n")
    tables, problems = _read(page)
    assert "facilities" not in tables
    assert [reason for reason, _ in problems] == [UNDECIDED_SITES]


def test_site_names_with_commas_above_their_addresses_read_as_before():
    rows = locations(["University of California, San Diego", "La Jolla, California, 92093, United States",
                      "Research Site, Germany", "Berlin, , Germany"])
    assert [(row["name"], row["city"]) for row in rows] == [("University of California, San Diego", "La Jolla"),
                                                            ("Research Site, Germany", "Berlin")]


# A compact expanded-access record --------------------------------------------------------------------------


@pytest.mark.parametrize("block, flags", [
    ("AVAILABLE\nEXPANDED_ACCESS\nINDIVIDUAL\n", {"individual"}),
    ("NO_LONGER_AVAILABLE\nEXPANDED_ACCESS\nINTERMEDIATE\nTREATMENT\n", {"intermediate", "treatment"}),
    ("Available\nExpanded Access\nIndividual Patients\nTreatment IND/Protocol\n", {"individual", "treatment"}),
], ids=["individual", "intermediate-and-treatment", "display-form"])
def test_a_compact_expanded_access_record_s_bare_types_are_its_flags(block, flags):
    tables, problems = _read(_replaced(SEED_002, BASIC_002, block))
    study = tables["studies"][0]
    assert study["study_type"] == "EXPANDED_ACCESS"
    assert {column.rsplit("_", 1)[1] for column, value in study.items()
            if column.startswith("expanded_access_type_") and value} == flags
    assert problems == []


def test_a_bare_access_type_in_a_record_of_another_type_is_still_a_problem():
    tables, problems = _read(_replaced(SEED_002, BASIC_002, BASIC_002 + "INDIVIDUAL\n"))
    assert not any(column.startswith("expanded_access_type_") for column in tables["studies"][0])
    assert problems == [("unknown label", "'INDIVIDUAL' under 'Basic Information'")]


# One bare age ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("age, criteria, limit", [
    ("18 Years", "Age ≥ 18 years at screening", "minimum_age"),
    ("18 Years", "Adults aged 18 or older", "minimum_age"),
    ("18 Years", "Men and women 18 years of age and older", "minimum_age"),
    ("18 Years", "Age > 17 years", "minimum_age"),
    ("6 Months", "Infants at least 6 months of age", "minimum_age"),
    ("12 Years", "Adolescents between 12 and 17 years", "minimum_age"),
    ("17 Years", "Adolescents between 12 and 17 years", "maximum_age"),
    ("17 Years", "Children younger than 18 years", "maximum_age"),
    ("65 Years", "Patients aged 18-65 years", "maximum_age"),
    ("75 Years", "Age 75 years or younger", "maximum_age"),
    ("65 Years", "Age up to 65 years", "maximum_age"),
    ("18 Years", "BMI ≥ 18 kg/m2", None),
    ("18 Years", "Less than 118 years of follow-up", None),
    ("18 Years", "Age >= 18 and <= 18 years", None),
    ("18 Years", "Signed informed consent", None),
])
def test_which_limit_one_age_is_by_what_the_criteria_say_of_it(age, criteria, limit):
    assert which_limit(age, criteria) == limit


def test_one_bare_age_the_criteria_state_as_a_maximum_is_the_maximum():
    page = _replaced(_replaced(SEED_002, AGES_002, "17 Years\nALL\nNo\n"), AGE_SENTENCE_002,
                     "6.Children younger than 18 years ")
    tables, problems = _read(page)
    assert (tables["eligibilities"][0]["minimum_age"], tables["eligibilities"][0]["maximum_age"]) == (None, "17 Years")
    assert problems == []


def test_one_bare_age_the_criteria_do_not_place_is_a_problem_and_no_limit():
    tables, problems = _read(_replaced(SEED_002, AGE_SENTENCE_002, ""))
    row = tables["eligibilities"][0]
    assert (row["minimum_age"], row["maximum_age"], row["gender"]) == (None, None, "ALL")
    assert [reason for reason, _ in problems] == [UNDECIDED_AGE]


def test_the_seed_s_bare_age_stated_in_its_criteria_is_the_minimum_as_before():
    tables, problems = _read(SEED_002)
    assert tables["eligibilities"][0]["minimum_age"] == "18 Years" and problems == []


# The responsible party -------------------------------------------------------------------------------------


def test_the_responsible_party_is_loaded_from_either_page():
    compact, labelled = _read(SEED_002)[0], _read(SEED_004)[0]
    assert compact["responsible_parties"] == [{"responsible_party_type": None, "name": "YIKAI YU",
                                               "title": "Clinical Professor", "affiliation": None}]
    assert labelled["responsible_parties"] == [{"responsible_party_type": "PRINCIPAL_INVESTIGATOR",
                                                "name": "Fahad Hossain", "title": "Doctor", "affiliation": None}]
    assert "responsible_parties" in aggregator_text.CARRIES


@pytest.mark.parametrize("lines, row", [
    (["Responsibility Role SPONSOR"], {"responsible_party_type": "SPONSOR"}),
    (["Fahad Hossain", "Associate Professor", "Bangabandhu Sheikh Mujib Medical University",
      "Responsibility Role Sponsor-Investigator"],
     {"responsible_party_type": "SPONSOR_INVESTIGATOR", "name": "Fahad Hossain", "title": "Associate Professor",
      "affiliation": "Bangabandhu Sheikh Mujib Medical University"}),
    (["PRINCIPAL_INVESTIGATOR", "YIKAI YU"], {"responsible_party_type": "PRINCIPAL_INVESTIGATOR", "name": "YIKAI YU"}),
], ids=["sponsor", "sponsor-investigator", "compact-bare-type"])
def test_a_responsible_party_s_type_and_lines(lines, row):
    (read,) = responsible_parties(lines)
    assert {column: value for column, value in read.items() if value is not None} == row


@pytest.mark.parametrize("lines", [["Jane Roe", "Professor", "Uni", "Department of Medicine"],
                                   ["Jane Roe", "Responsibility Role CHAIR"]], ids=["too-many-lines", "unknown-type"])
def test_a_responsible_party_that_cannot_be_read_is_a_problem_that_quotes_no_name(lines):
    problem = responsible_parties(lines)
    assert problem.reason == UNREAD_PARTY and "Jane Roe" not in problem.detail


# Lines the layout does not read ----------------------------------------------------------------------------


def test_a_labelled_line_below_the_id_line_is_a_problem_not_dropped():
    page = _replaced(SEED_002, "Last Updated: 2026-01-27\n", "Last Updated: 2026-01-27\nFirst Posted: 2022-03-29\n")
    assert _read(page)[1] == [("unknown label", "'First Posted: 2022-03-29' below 'NCT ID:'")]


def test_study_results_beyond_the_chrome_are_a_problem_not_dropped():
    chrome = "Results pending\n\n" + CHROME["Study Results"]
    page = _replaced(SEED_004, chrome, "Results available\n\nResults First Posted: 2025-03-02")
    assert _reasons(page) == [UNREAD_RESULTS]
    assert _read(SEED_004)[1] == [] and _read(SEED_002)[1] == []


def test_an_official_shown_without_a_role_line_is_a_problem_that_quotes_no_name():
    page = _replaced(SEED_002, "AIHUA DU\nRole: STUDY_CHAIR\nTongji Hospital\n",
                     "AIHUA DU\nTongji Hospital\nJane Roe\nRole: PRINCIPAL_INVESTIGATOR\nWuhan University\n")
    tables, problems = _read(page)
    assert [(row["name"], row["role"], row["affiliation"]) for row in tables["overall_officials"]] == [
        ("Jane Roe", "PRINCIPAL_INVESTIGATOR", "Wuhan University")]
    assert [reason for reason, _ in problems] == [UNREAD_OFFICIALS]
    assert "AIHUA" not in problems[0][1] and "Tongji" not in problems[0][1]


# A date the page does not give -----------------------------------------------------------------------------


def test_a_date_shown_as_not_provided_is_missing_not_a_value_to_refuse():
    page = _replaced(SEED_004, "Study Completion Date\n\n2025-05-31",
                     "Primary Completion Date\n\nNot Provided\n\nStudy Completion Date\n\nN/A")
    study = _read(page)[0]["studies"][0]
    assert (study["primary_completion_date"], study["completion_date"]) == (None, None)
    assert study["start_date"] is not None


@pytest.mark.parametrize("shown", ["N/A", "NA", "n/a"])
def test_an_age_limit_shown_as_n_a_is_no_limit_on_a_labelled_page(shown):
    page = _replaced(SEED_004, "Minimum Eligible Age\n\n18 Years",
                     f"Minimum Eligible Age\n\n18 Years\n\nMaximum Eligible Age\n\n{shown}")
    row = _read(page)[0]["eligibilities"][0]
    assert (row["minimum_age"], row["maximum_age"]) == ("18 Years", None)


@pytest.mark.parametrize("shown", ["1.250 participants", "1 250 participants", "40-50 participants"])
def test_an_enrollment_whose_number_cannot_be_told_is_kept_as_shown(shown):
    page = _replaced(SEED_004, "Total Enrollment\n\n24 participants", f"Total Enrollment\n\n{shown}")
    assert _read(page)[0]["studies"][0]["enrollment"] == shown
