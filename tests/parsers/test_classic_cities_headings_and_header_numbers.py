"""clincosm pages shaped as the site's other pages show them: sites named after their city without a joining word,
cities of several words, splits of name and city the row cannot decide, headings in capitals, the enrollment's
type among the header numbers, a study without sites. Each reading beside a nearby page whose reading stays."""
from __future__ import annotations

import pytest

from flows.parsers import ctgov_classic_text
from flows.parsers.ctgov_classic_text import HEADINGS, header, sniff
from tests.parsers.test_classic_page_variants import PAGE, _tables

SITE = "1 Peking Union Medical College Hospital Beijing Beijing China 100730\n"
NUMBERS = "(none)\n11\n1\n1\n14.3\n0.8\n"
COLUMNS = ("name", "city", "state", "country", "zip")
UNDECIDABLE = "clincosm location row undecidable"
# The headings inside sections that the page shows.
SUB_HEADINGS = frozenset({"Locations", "Criteria", "Primary Outcome Measures", "Secondary Outcome Measures",
                          "Arm Intervention/Treatment"})


def _parsed(*changes: tuple[str, str]):
    text = PAGE
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return ctgov_classic_text.parse(text.encode())


def _site(row: str) -> tuple:
    (site,) = _tables((SITE, row + "\n"))["facilities"]
    return tuple(site[column] for column in COLUMNS)


# A site named after its city, without a joining word ---------------------------------------------


@pytest.mark.parametrize("row, expected", [
    ("1 Universitaetsklinikum Freiburg Freiburg Germany 79106",
     ("Universitaetsklinikum Freiburg", "Freiburg", None, "Germany", "79106")),
    ("1 Klinikum Stuttgart Stuttgart Germany", ("Klinikum Stuttgart", "Stuttgart", None, "Germany", None)),
    ("1 Hospital Sao Paulo Sao Paulo Brazil", ("Hospital Sao Paulo", "Sao Paulo", None, "Brazil", None)),
], ids=["freiburg", "stuttgart", "lone-generic-name"])
def test_a_city_shown_twice_that_is_no_state_of_the_country_ends_the_name(row, expected):
    assert _site(row) == expected


@pytest.mark.parametrize("row, expected", [
    (SITE.strip(), ("Peking Union Medical College Hospital", "Beijing", "Beijing", "China", "100730")),
    # the name's end and the city, or the city and its state: the city alone is read (and the row is a problem)
    ("1 Charite Universitaetsmedizin Berlin Berlin Germany 10117",
     (None, "Berlin", None, "Germany", "10117")),
    ("1 Hospital Clinic de Barcelona Barcelona Spain 08036",
     ("Hospital Clinic de Barcelona", "Barcelona", None, "Spain", "08036")),
], ids=["municipality", "city-state", "joining-word"])
def test_a_city_shown_twice_as_city_and_region_or_after_a_joining_word_reads_as_before(row, expected):
    assert _site(row) == expected


def test_a_city_shown_twice_where_the_country_states_are_not_known_is_a_problem_not_a_guess():
    parsed = _parsed((SITE, "1 Hopital Europeen Georges Pompidou Paris Paris France 75015\n"))
    (site,) = parsed.records[0].tables["facilities"]
    assert tuple(site[column] for column in COLUMNS) == (None, "Paris", None, "France", "75015")
    assert [(p.reason, p.detail[:7]) for p in parsed.problems] == [(UNDECIDABLE, "site 1:")]


# Cities of several words -------------------------------------------------------------------------


@pytest.mark.parametrize("row, expected", [
    ("1 Cho Ray Hospital Ho Chi Minh City Vietnam", ("Cho Ray Hospital", "Ho Chi Minh City", None, "Vietnam", None)),
    ("1 University of Utah Salt Lake City, Utah United States 84132",
     ("University of Utah", "Salt Lake City", "Utah", "United States", "84132")),
    ("1 Instituto Nacional de Cancer Rio de Janeiro RJ Brazil 20230-130",
     ("Instituto Nacional de Cancer", "Rio de Janeiro", "RJ", "Brazil", "20230-130")),
    ("1 Hospital Israelita Albert Einstein Sao Paulo SP Brazil 05652-900",
     ("Hospital Israelita Albert Einstein", "Sao Paulo", "SP", "Brazil", "05652-900")),
    ("1 Kansas City VA Kansas City Missouri United States",
     ("Kansas City VA", "Kansas City", "Missouri", "United States", None)),
    ("1 CHU de Quebec Quebec City Quebec Canada G1V 4G2",
     ("CHU de Quebec", "Quebec City", "Quebec", "Canada", "G1V 4G2")),
    ("1 Guy's and St Thomas' NHS Foundation Trust London United Kingdom SE1 9RT",
     ("Guy's and St Thomas' NHS Foundation Trust", "London", None, "United Kingdom", "SE1 9RT")),
], ids=["ho-chi-minh-city", "salt-lake-city-comma", "rio-de-janeiro", "sao-paulo", "kansas-city", "quebec-city",
        "nhs-trust"])
def test_a_city_of_several_words_is_kept_whole(row, expected):
    assert _site(row) == expected


@pytest.mark.parametrize("row, expected", [
    ("1 Memorial Sloan Kettering Cancer Center New York New York United States 10065",
     ("Memorial Sloan Kettering Cancer Center", "New York", "New York", "United States", "10065")),
    ("1 Hospital Italiano de Buenos Aires Buenos Aires Argentina C1199ABD",
     ("Hospital Italiano de Buenos Aires", "Buenos Aires", None, "Argentina", "C1199ABD")),
    ("1 Keio University Hospital Tokyo Japan", ("Keio University Hospital", "Tokyo", None, "Japan", None)),
])
def test_cities_and_regions_that_read_well_read_as_before(row, expected):
    assert _site(row) == expected


def test_a_prefecture_after_the_city_is_the_state():
    assert _site("1 Osaka University Hospital Suita Osaka Japan") == (
        "Osaka University Hospital", "Suita", "Osaka", "Japan", None)


@pytest.mark.parametrize("row, kept", [
    ("1 Centro Medico Sur City Philippines", (None, None, None, "Philippines", None)),
    ("1 Hospital Sant Pau Barcelona Spain", (None, None, None, "Spain", None)),
    ("1 National Cancer Center Hospital East Kashiwa Chiba Japan 277-8577", (None, None, "Chiba", "Japan", "277-8577")),
    ("1 Hospital Israelita Albert Einstein Sao Paulo Brazil 05652-900", (None, None, None, "Brazil", "05652-900")),
    ("1 Hospital Universitario Clementino Fraga Filho Rio de Janeiro Brazil", (None, None, None, "Brazil", None)),
], ids=["city-ending-alone", "words-after-institution", "words-after-institution-with-state",
        "city-or-state-sao-paulo", "city-or-state-rio"])
def test_a_row_whose_name_and_city_cannot_be_told_apart_is_a_problem_and_keeps_what_is_certain(row, kept):
    parsed = _parsed((SITE, row + "\n"))
    (site,) = parsed.records[0].tables["facilities"]
    assert tuple(site[column] for column in COLUMNS) == kept
    assert [p.reason for p in parsed.problems] == [UNDECIDABLE]


# Headings in capitals or title case --------------------------------------------------------------


def _recased(change) -> str:
    return "\n".join(change(line) if line.strip() in HEADINGS | SUB_HEADINGS else line for line in PAGE.split("\n"))


@pytest.mark.parametrize("change", [str.upper, lambda line: " ".join(w[:1].upper() + w[1:] for w in line.split(" "))],
                         ids=["capitals", "title-case"])
def test_headings_in_another_case_read_as_the_usual_headings(change):
    text = _recased(change)
    assert "\nELIGIBILITY CRITERIA\n" in text or "\nSponsors And Collaborators\n" in text
    usual, other = ctgov_classic_text.parse(PAGE.encode()), ctgov_classic_text.parse(text.encode())
    assert [r.tables for r in other.records] == [r.tables for r in usual.records]
    assert other.problems == usual.problems == []


def test_a_line_in_capitals_that_spells_a_heading_the_page_shows_as_usual_stays_text():
    detailed = "Baseline information included demographics"
    tables = _tables((detailed, "STUDY DESIGN\n" + detailed))
    (description,) = tables["detailed_descriptions"]
    assert description["description"].startswith("STUDY DESIGN\n" + detailed)
    assert tables["studies"][0]["study_type"] == "INTERVENTIONAL"


def test_a_page_without_its_header_and_its_sections_in_capitals_is_claimed():
    body = _recased(str.upper)
    body = body[body.index("STUDY DETAILS"):]
    assert sniff(body.encode())
    assert not sniff(body.replace("STUDY DETAILS", "").replace("STUDY DESCRIPTION", "").replace(
        "CONTACTS AND LOCATIONS", "").replace("SPONSORS AND COLLABORATORS", "").replace(
        "ARMS AND INTERVENTIONS", "").replace("STUDY DOCUMENTS (FULL-TEXT)", "").replace(
        "CONDITION OR DISEASE INTERVENTION/TREATMENT PHASE", "").encode())


# The enrollment's type among the header numbers --------------------------------------------------


@pytest.mark.parametrize("shown", ["(none)\n11 (Actual)\n1\n1\n14.3\n0.8\n", "(none)\n11 Actual\n1\n1\n14.3\n0.8\n",
                                   "(none)\nActual\n11\n1\n1\n14.3\n0.8\n"], ids=["bracket", "word", "line"])
def test_an_enrollment_type_in_the_header_is_no_collaborator_and_the_numbers_read(shown):
    parsed = _parsed((NUMBERS, shown))
    tables = parsed.records[0].tables
    assert [row["lead_or_collaborator"] for row in tables["sponsors"]] == ["lead"]
    assert tables["page_header_metrics"] == _tables()["page_header_metrics"]
    assert parsed.problems == []


def test_a_header_enrollment_type_that_disagrees_with_the_study_design_is_a_problem():
    parsed = _parsed((NUMBERS, "(none)\n11 (Estimated)\n1\n1\n14.3\n0.8\n"))
    assert parsed.records[0].tables["page_header_metrics"][0]["enrollment"] == 11
    assert [p.reason for p in parsed.problems] == ["clincosm header enrollment type disagrees"]


def test_a_collaborator_whose_name_holds_a_number_stays_a_collaborator():
    tables = _tables((NUMBERS, "Cancer Research UK 2020 Fund (Other)\n11\n1\n1\n14.3\n0.8\n"))
    assert [row["name"] for row in tables["sponsors"]][1:] == ["Cancer Research UK 2020 Fund"]


# A study without sites ---------------------------------------------------------------------------


def test_a_header_showing_no_sites_reads_its_numbers():
    parsed = _parsed((NUMBERS, "(none)\n0\n0\n1\n"), (SITE, ""), ("Actual Enrollment :\n11", "Actual Enrollment :\n0"))
    assert parsed.records[0].tables["page_header_metrics"] == [
        {"enrollment": 0, "sites": 0, "arms": 1, "duration_months": None, "patients_per_site": None,
         "patients_per_site_per_month": None}]
    assert "facilities" not in parsed.records[0].tables and parsed.problems == []


def test_header_numbers_for_sites_read_as_before():
    row, problems = header.read_header([11.0, 3.0, 1.0, 14.3, 3.7, 0.3], {"sites": 3})
    assert (row["sites"], row["patients_per_site"], problems) == (3, 3.7, [])


# A stopped study's status line -------------------------------------------------------------------

STATUS = "Overall Status\nCompleted\n"


@pytest.mark.parametrize("shown, status, why", [
    ("Withdrawn (Funding not obtained)", "WITHDRAWN", "Funding not obtained"),
    ("Withdrawn\n(Funding not obtained)", "WITHDRAWN", "Funding not obtained"),
    ("Terminated (Sponsor decision (business reasons))", "TERMINATED", "Sponsor decision (business reasons)"),
    ("Suspended (Interim analysis)", "SUSPENDED", "Interim analysis"),
], ids=["one-line", "own-line", "nested-brackets", "suspended"])
def test_why_a_study_stopped_beside_its_status_is_why_stopped(shown, status, why):
    study = _tables((STATUS, f"Overall Status\n{shown}\n"))["studies"][0]
    assert (study["overall_status"], study["why_stopped"]) == (status, why)


def test_the_status_an_unknown_status_was_is_the_last_known_status():
    study = _tables((STATUS, "Overall Status\nUnknown status (was Recruiting)\n"))["studies"][0]
    assert (study["overall_status"], study["last_known_status"]) == ("UNKNOWN", "RECRUITING")
    assert "why_stopped" not in study


@pytest.mark.parametrize("shown, status", [("Withdrawn", "WITHDRAWN"),
                                           ("Active, not recruiting", "ACTIVE_NOT_RECRUITING"),
                                           ("Recruiting (invitation only)", "Recruiting (invitation only)")],
                         ids=["stopped-without-reason", "comma", "note-after-an-open-status-kept-as-shown"])
def test_a_status_without_a_reason_reads_as_before(shown, status):
    study = _tables((STATUS, f"Overall Status\n{shown}\n"))["studies"][0]
    assert study["overall_status"] == status and "why_stopped" not in study


# Countries and territories ---------------------------------------------------------------------


@pytest.mark.parametrize("row, expected", [
    ("1 CHU de Pointe-a-Pitre Pointe-a-Pitre Guadeloupe 97159",
     ("CHU de Pointe-a-Pitre", "Pointe-a-Pitre", None, "Guadeloupe", "97159")),
    ("1 Guam Regional Medical City Dededo Guam 96929", ("Guam Regional Medical City", "Dededo", None, "Guam", "96929")),
])
def test_a_territory_the_registry_lists_sites_in_is_the_country(row, expected):
    assert _site(row) == expected


def test_a_row_that_ends_with_no_known_country_is_a_problem_not_a_city():
    parsed = _parsed((SITE, "1 Some Hospital Springfield Atlantis 12345\n"))
    (site,) = parsed.records[0].tables["facilities"]
    assert tuple(site[column] for column in COLUMNS) == (None, None, None, None, "12345")
    assert [p.reason for p in parsed.problems] == [UNDECIDABLE]
    assert "countries" not in parsed.records[0].tables
