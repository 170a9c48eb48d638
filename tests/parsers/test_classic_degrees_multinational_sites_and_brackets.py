"""clincosm pages of studies whose content differs as real registry records do: investigators with several degrees,
an observational study's population of several paragraphs, a group's description with a list, sites of multinational
studies (a state of a European or Asian region, a city of several words, a site numbered in its name, postal codes in
two parts), a secondary id whose type names an agency with its acronym, a sponsor class the parser does not know, and
time frames that hold brackets. Each reading beside a nearby page whose reading stays as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.parsers import ctgov_classic_text
from flows.parsers.ctgov_classic_text.sites import UNDECIDABLE
from tests.parsers.test_classic_page_variants import PAGE, SITE

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "ctgov_classic_text"
COHORTS = (GOLDEN / "observational_cohort_NCT09000201.txt").read_text(encoding="utf-8")
CHAIR = "Study Chair: Xiaomei Leng, Dr., Peking Union Medical College Hospital"
HEALTHY = "Accepts Healthy Volunteers:\nNo\n"
STUDY_ID = "  • PekingUMCH-ZS-2497\n"
LEAD = "Peking Union Medical College Hospital (Other)"
FIRST_OUTCOME = "  1. ESSDAI [12 weeks]"
SECOND_OUTCOME = "  2. ESSDAI [24 weeks]"
COLUMNS = ("name", "city", "state", "zip", "country")


def _parsed(*changes: tuple[str, str], page: str = PAGE):
    """The parse of the page with each (old, new) text replaced once."""
    for old, new in changes:
        assert page.count(old) == 1, old
        page = page.replace(old, new)
    return ctgov_classic_text.parse(page.encode())


def _tables(*changes: tuple[str, str], page: str = PAGE) -> dict[str, list[dict]]:
    (record,) = _parsed(*changes, page=page).records
    return record.tables


# Investigators with several degrees ------------------------------------------------------------------------------

@pytest.mark.parametrize("shown, name, affiliation", [
    ("Christina Peters, Prof. MD PhD, St. Anna Kinderspital, Vienna, Austria", "Christina Peters, Prof. MD PhD",
     "St. Anna Kinderspital, Vienna, Austria"),
    ("John J. Triano, DC,PhD, Texas Back Institute", "John J. Triano, DC,PhD", "Texas Back Institute"),
    ("Alexander D Nesbitt, BM BCh MRCP, University of Surrey", "Alexander D Nesbitt, BM BCh MRCP",
     "University of Surrey"),
], ids=["titles-parted-by-spaces", "comma-without-space", "british-degrees"])
def test_degrees_shown_together_stay_with_the_investigators_name(shown, name, affiliation):
    (official,) = _tables((CHAIR, f"Study Chair: {shown}"))["overall_officials"]
    assert (official["name"], official["affiliation"]) == (name, affiliation)


def test_an_investigator_with_one_title_reads_as_before():
    (official,) = _tables()["overall_officials"]
    assert (official["name"], official["affiliation"]) == ("Xiaomei Leng, Dr.", "Peking Union Medical College Hospital")


# An observational study's population of several paragraphs ---------------------------------------------------------

POPULATION = ("Sampling Method:\nNon-Probability Sample\nStudy Population\n\nAdults with primary Sjogren's syndrome "
              "seen at:\n\n  • the rheumatology clinic\n  • the eye clinic\n\n")


@pytest.mark.parametrize("criteria", ["Inclusion Criteria:\n", "  • Inclusion Criteria:\n"],
                         ids=["label", "bulleted"])
def test_a_population_of_several_paragraphs_runs_to_the_criteria(criteria):
    (row,) = _tables((HEALTHY, HEALTHY + POPULATION), ("Inclusion Criteria:\n", criteria))["eligibilities"]
    assert row["population"] == ("Adults with primary Sjogren's syndrome seen at:\n\n• the rheumatology clinic\n"
                                 "• the eye clinic")
    assert row["criteria"].startswith(criteria.rstrip("\n")) and "eye clinic" not in row["criteria"]


def test_a_population_of_one_line_reads_as_before():
    shown = "Sampling Method:\nNon-Probability Sample\nStudy Population\nAdults seen at the clinic.\n"
    (row,) = _tables((HEALTHY, HEALTHY + shown))["eligibilities"]
    assert row["population"] == "Adults seen at the clinic." and row["criteria"].startswith("Inclusion Criteria:\n")


# A group's description with a list --------------------------------------------------------------------------------

JAK_USERS = "Adults starting tofacitinib, baricitinib or upadacitinib.\n"


def test_a_list_in_a_groups_description_is_no_group_of_its_own():
    listed = "Adults starting one of:\n\n1. tofacitinib\n2. baricitinib or upadacitinib\n"
    tables = _tables((JAK_USERS, listed), page=COHORTS)
    assert [(g["title"], g["description"]) for g in tables["design_groups"]] == [
        ("JAK inhibitor users", "Adults starting one of:\n\n1. tofacitinib\n2. baricitinib or upadacitinib"),
        ("Biologic users", "Adults starting a biologic DMARD.")]
    assert [link["design_group"] for link in tables["design_group_interventions"]] == [
        "JAK inhibitor users", "Biologic users"]


def test_groups_of_a_cohort_table_read_as_before():
    tables = _tables(page=COHORTS)
    assert [g["title"] for g in tables["design_groups"]] == ["JAK inhibitor users", "Biologic users"]


# Sites of multinational studies -----------------------------------------------------------------------------------

def _sites(rows: str) -> tuple[list[tuple], list[str]]:
    parsed = _parsed((SITE + "\n", rows))
    sites = [tuple(site[column] for column in COLUMNS) for site in parsed.records[0].tables["facilities"]]
    return sites, [problem.reason for problem in parsed.problems]


@pytest.mark.parametrize("row, expected", [
    ("1 Gustave Roussy Villejuif Val-de-Marne France 94800",
     ("Gustave Roussy", "Villejuif", "Val-de-Marne", "94800", "France")),
    ("1 Policlinico Universitario Agostino Gemelli Roma Lazio Italy 00168",
     ("Policlinico Universitario Agostino Gemelli", "Roma", "Lazio", "00168", "Italy")),
    ("1 The Walton Centre Liverpool Merseyside United Kingdom L9 7LJ",
     ("The Walton Centre", "Liverpool", "Merseyside", "L9 7LJ", "United Kingdom")),
    ("1 Catharina Ziekenhuis Eindhoven Noord-Brabant Netherlands 5623 EJ",
     ("Catharina Ziekenhuis", "Eindhoven", "Noord-Brabant", "5623 EJ", "Netherlands")),
    ("1 Amrita Institute of Medical Sciences Kochi Kerala India 682041",
     ("Amrita Institute of Medical Sciences", "Kochi", "Kerala", "682041", "India")),
    ("1 Samsung Medical Center Seoul Gyeonggi-do Korea, Republic of 06351",
     ("Samsung Medical Center", "Seoul", "Gyeonggi-do", "06351", "Korea, Republic of")),
], ids=["france", "italy", "united-kingdom", "netherlands", "india", "korea"])
def test_a_region_the_registry_shows_as_the_state_is_the_state_not_the_city(row, expected):
    assert _sites(row + "\n") == ([expected], [])


@pytest.mark.parametrize("row", [
    "1 Sykehuset Innlandet Lillehammer Oppland County Norway 2609",
    "1 Medsi Krasnogorsk Moscow Oblast Russian Federation 143401",
    "1 Metro-Minnesota Community Oncology Research Consortium Saint Louis Park Minnesota United States 55426",
    "1 Stony Brook Univ Cancer Ctr Stony Brook New York United States 11794",
    "1 Organizacion Medica de Investigacion San Nicolás Argentina C1015ABO",
    "1 Guy's and St Thomas' NHS Foundation Trust London London, City Of United Kingdom SE1 9RT",
    "1 Asan Medical Center Seoul Seoul-teukbyeolsi [Seoul] Korea, Republic of 05505",
], ids=["county", "oblast", "park", "brook", "san", "city-of", "bracketed-code"])
def test_a_row_whose_city_is_of_several_words_or_whose_region_is_not_listed_is_a_problem_not_a_split(row):
    ((name, city, _, _, country),), problems = _sites(row + "\n")
    assert (name, city, problems) == (None, None, [UNDECIDABLE]) and country is not None


@pytest.mark.parametrize("row, expected", [
    ("1 Local Institution - 0354 Shanghai China 200120",
     ("Local Institution - 0354", "Shanghai", None, "200120", "China")),
    ("1 Aichi Cancer Center Nagoya Japan 464 8681", ("Aichi Cancer Center", "Nagoya", None, "464 8681", "Japan")),
    ("1 Galway University Hospital Galway Ireland H91 YR71",
     ("Galway University Hospital", "Galway", None, "H91 YR71", "Ireland")),
], ids=["numbered-site", "japanese-postal-code", "eircode"])
def test_a_site_numbered_in_its_name_and_postal_codes_in_two_parts_are_read(row, expected):
    assert _sites(row + "\n") == ([expected], [])


@pytest.mark.parametrize("row, expected", [
    (SITE, ("Peking Union Medical College Hospital", "Beijing", "Beijing", "100730", "China")),
    ("1 Edouard Herriot Hospital Lyon France 69003", ("Edouard Herriot Hospital", "Lyon", None, "69003", "France")),
    ("1 Mayo Clinic Rochester Minnesota United States 55905",
     ("Mayo Clinic", "Rochester", "Minnesota", "55905", "United States")),
    ("1 Hospital Clinic de Barcelona Barcelona Spain 08036",
     ("Hospital Clinic de Barcelona", "Barcelona", None, "08036", "Spain")),
    ("1 Karolinska University Hospital Stockholm Sweden 171 76",
     ("Karolinska University Hospital", "Stockholm", None, "171 76", "Sweden")),
], ids=["china", "france-no-state", "united-states", "joining-word", "sweden-no-state"])
def test_rows_that_read_whole_read_as_before(row, expected):
    assert _sites(row + "\n") == ([expected], [])


# A secondary id whose type names an agency with its acronym -----------------------------------------------------

def test_a_secondary_id_type_whose_description_holds_parentheses_is_read():
    typed = "  • AI001065-08 ( Other Grant/Funding Number: National Institutes of Health (NIH) )\n"
    (_, row) = _tables((STUDY_ID, STUDY_ID + typed))["id_information"]
    assert (row["id_type"], row["id_value"], row["id_type_description"]) == (
        "OTHER_GRANT", "AI001065-08", "National Institutes of Health (NIH)")


def test_an_id_with_nested_parentheses_of_no_known_type_is_kept_whole():
    (_, row) = _tables((STUDY_ID, STUDY_ID + "  • PUMCH-2020 (pilot (phase 1))\n"))["id_information"]
    assert (row["id_type"], row["id_value"]) == (None, "PUMCH-2020 (pilot (phase 1))")


# A sponsor class the parser does not know -------------------------------------------------------------------------

def test_a_sponsor_class_the_parser_does_not_know_is_a_problem_not_a_second_sponsor():
    parsed = _parsed((LEAD, "Peking Union Medical College Hospital (Federal Agency)"))
    tables = parsed.records[0].tables
    assert tables["sponsors"] == [{"agency_class": None, "lead_or_collaborator": "lead",
                                   "name": "Peking Union Medical College Hospital"}]
    # the page shows the lead sponsor, not the organization that registered the study (AACT's `source`)
    assert tables["studies"][0].get("source") is None
    assert [(p.reason, "Federal Agency" in p.detail) for p in parsed.problems] == [("unknown value", True)]


def test_a_sponsor_name_that_ends_with_its_acronym_and_a_known_class_reads_as_before():
    shown = "National Cancer Institute (NCI) (NIH)"
    parsed = _parsed(("Collaborator\n(none)", f"Collaborator\n{shown}"),
                     ("  • Peking Union Medical College Hospital\n",
                      "  • Peking Union Medical College Hospital\n  • National Cancer Institute (NCI)\n"))
    assert [(s["name"], s["agency_class"]) for s in parsed.records[0].tables["sponsors"]] == [
        ("Peking Union Medical College Hospital", "OTHER"), ("National Cancer Institute (NCI)", "NIH")]
    assert parsed.problems == []


# Time frames that hold brackets -----------------------------------------------------------------------------------

def test_a_time_frame_holding_brackets_of_its_own_is_the_time_frame():
    outcomes = _tables((FIRST_OUTCOME, "  1. ORR [From the first dose until progression [approx. up to 33 months]]"),
                       (SECOND_OUTCOME, "  2. Sedation level [After extubation]]"))["design_outcomes"]
    assert [(o["measure"], o["time_frame"]) for o in outcomes[:3]] == [
        ("ORR", "From the first dose until progression [approx. up to 33 months]"),
        ("MCII of ESSDAI", "12 and 24 weeks"), ("Sedation level", "After extubation]")]


def test_a_measure_with_brackets_before_its_time_frame_reads_as_before():
    (first, *_) = _tables((FIRST_OUTCOME, "  1. Events [safety] [From baseline to 52 weeks]"))["design_outcomes"]
    assert (first["measure"], first["time_frame"]) == ("Events [safety]", "From baseline to 52 weeks")
