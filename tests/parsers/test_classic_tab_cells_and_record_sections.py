"""clincosm pages shaped as other saved copies of the site show them: the site's menu above the title, header values
beside their headings, tables copied with tab-parted cells, values on their label's line, postal codes and districts
of European sites, what observational and expanded-access studies show, 'Not Provided', typed secondary ids with what
they are, results' posting, the oversight flags and the IPD sharing statement. Each reading beside a nearby page whose
reading stays as it was."""
from __future__ import annotations

import pytest

from flows.parsers import ctgov_classic_text
from flows.parsers.ctgov_classic_text.site_columns import site_row
from tests.parsers.test_classic_cities_headings_and_header_numbers import _parsed
from tests.parsers.test_classic_page_variants import PAGE, _tables

TITLE = "A Prospective Pilot Study to Explore Efficacy and Safety of Baricitinib in Active Primary Sjogren's Syndrome "
HEADER = ("Sponsor\nPeking Union Medical College Hospital (Other)\nOverall Status\nCompleted\nCT.gov ID\nNCT04916756\n"
          "Collaborator\n(none)\n")
TABLE = "Condition or Disease Intervention/Treatment Phase\n  • Drug: Baricitinib 2 MG\nPhase 1/Phase 2\n"
SITES = "Site City State Country Postal Code\n1 Peking Union Medical College Hospital Beijing Beijing China 100730\n"
DESIGN = ("Study Type:\nInterventional\nActual Enrollment :\n11 participants\nAllocation:\nN/A\n"
          "Intervention Model:\nSingle Group Assignment\nMasking:\nNone (Open Label)\nPrimary Purpose:\nTreatment\n")
POSTED = "First Posted:\nJun 8, 2021\nLast Update Posted:\nJun 30, 2021\nLast Verified:\nJun 1, 2021\n"
IPD = "Plan to Share IPD:\nYes\n"
STUDY_ID = "  • PekingUMCH-ZS-2497\n"
COLUMNS = ("name", "city", "state", "zip", "country")


def _study(*changes: tuple[str, str]) -> dict:
    return _tables(*changes)["studies"][0]


def _site(row: str) -> tuple:
    site, doubt = site_row(row)
    return tuple(site[column] for column in COLUMNS), doubt


# The site's menu above the title --------------------------------------------------------------


@pytest.mark.parametrize("menu", ["Skip to main content\nclincosm\nFind Trials\nLog in\n\n",
                                  "Home › Trials › Sjogren's Syndrome\n"], ids=["menu-then-blank", "breadcrumb"])
def test_the_title_is_the_line_above_the_header_not_the_menu_saved_above_it(menu):
    top = TITLE + "Patients\n\nSponsor\n"
    assert _study((top, menu + top))["brief_title"] == TITLE + "Patients"


def test_a_page_that_opens_with_its_title_reads_it_as_before():
    assert _study()["brief_title"] == TITLE + "Patients"


# Header values beside their headings -----------------------------------------------------------


@pytest.mark.parametrize("part", ["\t", ": "], ids=["tab", "colon"])
def test_header_headings_with_their_values_on_the_same_line_are_read(part):
    shown = "".join(f"{label}{part}{value}\n" for label, value in (
        ("Sponsor", "Peking Union Medical College Hospital (Other)"), ("Overall Status", "Completed"),
        ("CT.gov ID", "NCT04916756"), ("Collaborator", "(none)")))
    parsed = _parsed((HEADER, shown))
    (record,) = parsed.records
    assert (record.nct_id, record.study["overall_status"]) == ("NCT04916756", "COMPLETED")
    assert record.tables["sponsors"][0]["name"] == "Peking Union Medical College Hospital"
    assert record.tables["page_header_metrics"] == _tables()["page_header_metrics"] and parsed.problems == []


def test_a_sponsor_line_in_a_description_stays_text():
    detailed = "Baseline information included demographics"
    (row,) = _tables((detailed, "Sponsor: the hospital's own fund.\n" + detailed))["detailed_descriptions"]
    assert row["description"].startswith("Sponsor: the hospital's own fund.\n" + detailed)


# Tables copied with their cells parted by tabs -------------------------------------------------


def test_a_conditions_table_with_tab_parted_cells_is_read_cell_by_cell():
    tabbed = ("Condition or Disease\tIntervention/Treatment\tPhase\n"
              "Primary Sjogren's Syndrome\tDrug: Baricitinib 2 MG\tPhase 1\nPhase 2\n")
    tables = _tables((TABLE, tabbed))
    assert [row["name"] for row in tables["conditions"]] == ["Primary Sjogren's Syndrome"]
    assert tables["studies"][0]["phase"] == "PHASE1/PHASE2"
    assert not any("Sjogren's syndrome (pSS)" not in row["description"] for row in tables["brief_summaries"])


@pytest.mark.parametrize("row, expected", [
    ("1\tNational Cancer Center Hospital East\tKashiwa\tChiba\tJapan\t277-8577",
     ("National Cancer Center Hospital East", "Kashiwa", "Chiba", "277-8577", "Japan")),
    ("2\tHopital Europeen Georges Pompidou\tParis\t\tFrance\t75015",
     ("Hopital Europeen Georges Pompidou", "Paris", None, "75015", "France")),
    ("3\tHospital Israelita Albert Einstein\tSao Paulo\tSao Paulo\tBrazil",
     ("Hospital Israelita Albert Einstein", "Sao Paulo", "Sao Paulo", None, "Brazil")),
], ids=["words-after-institution", "no-state", "no-postal-code"])
def test_a_location_row_with_tab_parted_cells_reads_each_cell_as_its_column(row, expected):
    parsed = _parsed((SITES, "Site\tCity\tState\tCountry\tPostal Code\n" + row + "\n"))
    (site,) = parsed.records[0].tables["facilities"]
    assert tuple(site[column] for column in COLUMNS) == expected and parsed.problems == []


def test_a_recruitment_status_in_a_last_cell_is_the_sites_status():
    row = "1\tMayo Clinic\tRochester\tMinnesota\tUnited States\t55905\tRecruiting\n"
    (site,) = _tables((SITES, row))["facilities"]
    assert (site["name"], site["city"], site["zip"], site["status"]) == ("Mayo Clinic", "Rochester", "55905",
                                                                         "RECRUITING")


def test_a_last_cell_that_is_no_status_makes_the_row_a_problem_not_a_dropped_value():
    parsed = _parsed((SITES, "1\tMayo Clinic\tRochester\tMinnesota\tUnited States\t55905\tsee contacts\n"))
    assert [p.reason for p in parsed.problems] == ["clincosm location row undecidable"]


def test_a_location_row_of_spaces_that_cannot_be_split_is_still_a_problem():
    parsed = _parsed((SITES, "1 National Cancer Center Hospital East Kashiwa Chiba Japan 277-8577\n"))
    assert [p.reason for p in parsed.problems] == ["clincosm location row undecidable"]


# Postal codes and postal districts of European sites ---------------------------------------------


@pytest.mark.parametrize("row, expected", [
    ("1 Sahlgrenska Universitetssjukhuset Göteborg Sweden 413 45",
     ("Sahlgrenska Universitetssjukhuset", "Göteborg", None, "413 45", "Sweden")),
    ("1 Amsterdam UMC, location AMC Amsterdam Netherlands 1105 AZ",
     ("Amsterdam UMC, location AMC", "Amsterdam", None, "1105 AZ", "Netherlands")),
], ids=["sweden", "netherlands"])
def test_a_postal_code_in_two_parts_is_the_postal_code_and_the_country_is_read(row, expected):
    assert _site(row) == (expected, None)


@pytest.mark.parametrize("row, expected", [
    ("1 Rigshospitalet København Ø Denmark 2100", ("Rigshospitalet", "København Ø", None, "2100", "Denmark")),
    ("1 Aarhus University Hospital Aarhus N Denmark 8200",
     ("Aarhus University Hospital", "Aarhus N", None, "8200", "Denmark")),
    ("1 Fakultni nemocnice Kralovske Vinohrady Praha 10 Czechia 100 34",
     ("Fakultni nemocnice Kralovske Vinohrady", "Praha 10", None, "100 34", "Czechia")),
    ("1 Centre Leon Berard Lyon Cedex 08 France 69373",
     ("Centre Leon Berard", "Lyon Cedex 08", None, "69373", "France")),
], ids=["letter", "letter-after-institution", "number", "cedex"])
def test_a_city_shown_with_its_postal_district_keeps_it(row, expected):
    assert _site(row) == (expected, None)


@pytest.mark.parametrize("row, expected", [
    ("1 Edouard Herriot Hospital Lyon France 69003", ("Edouard Herriot Hospital", "Lyon", None, "69003", "France")),
    ("1 Princess Margaret Cancer Centre Toronto Ontario Canada M5G 2M9",
     ("Princess Margaret Cancer Centre", "Toronto", "Ontario", "M5G 2M9", "Canada")),
])
def test_rows_without_a_district_or_a_code_in_two_parts_read_as_before(row, expected):
    assert _site(row) == (expected, None)


# Values on their label's line ------------------------------------------------------------------


def test_study_design_values_on_their_labels_lines_are_read():
    inline = ("Study Type : Interventional\nActual Enrollment :\t11 participants\nAllocation: N/A\n"
              "Intervention Model: Single Group Assignment\nMasking: None (Open Label)\nPrimary Purpose: Treatment\n")
    parsed = _parsed((DESIGN, inline))
    usual = _tables()
    (record,) = parsed.records
    assert record.study == usual["studies"][0] and record.tables["designs"] == usual["designs"]
    assert parsed.problems == []


def test_an_official_title_with_a_colon_stays_the_title():
    study = _study(("Official Title:\nA Prospective", "Official Title:\nMasking matters: A Prospective"))
    assert study["official_title"].startswith("Masking matters: A Prospective")


def test_more_information_values_on_their_labels_lines_are_read():
    inline = "First Posted: Jun 8, 2021\nLast Update Posted:\tJun 30, 2021\nLast Verified: June 2021\n"
    tables = _tables((POSTED, inline))
    assert tables["studies"] == _tables()["studies"] and tables["id_information"] == _tables()["id_information"]


# What observational and expanded-access studies show --------------------------------------------

OBSERVATIONAL = ("Study Type:\nObservational [Patient Registry]\nActual Enrollment :\n11 participants\n"
                 "Observational Model:\nCohort\nTime Perspective:\nProspective\nBiospecimen Retention:\n"
                 "Samples With DNA\nBiospecimen Description:\nWhole blood\nTarget Follow-Up Duration:\n2 Years\n")


def test_an_observational_studys_biospecimens_follow_up_and_registry_load_into_their_columns():
    parsed = _parsed((DESIGN, OBSERVATIONAL))
    study = parsed.records[0].study
    assert (study["study_type"], study["biospec_retention"], study["biospec_description"], study["target_duration"],
            study["patient_registry"]) == ("OBSERVATIONAL", "SAMPLES_WITH_DNA", "Whole blood", "2 Years", True)
    assert parsed.problems == []


def test_an_observational_study_not_shown_as_a_registry_is_no_registry():
    """The page marks every patient registry ('Observational [Patient Registry]'): a plain 'Observational' study
    is none, as the legacy XML reader reads it."""
    study = _study((DESIGN, OBSERVATIONAL.replace(" [Patient Registry]", "")))
    assert study["study_type"] == "OBSERVATIONAL" and study["patient_registry"] is False


def test_an_interventional_study_gets_no_registry_flag():
    study = _study((DESIGN, "Study Type:\nInterventional\n"))
    assert study["study_type"] == "INTERVENTIONAL" and "patient_registry" not in study


@pytest.mark.parametrize("shown, flags", [
    ("Individual Patients", {"expanded_access_type_individual": True}),
    ("Intermediate-size Population, Treatment IND/Protocol",
     {"expanded_access_type_intermediate": True, "expanded_access_type_treatment": True}),
])
def test_expanded_access_types_load_into_their_flags(shown, flags):
    study = _study((DESIGN, f"Study Type:\nExpanded Access\nExpanded Access Type:\n{shown}\n"))
    assert {key: value for key, value in study.items() if key.startswith("expanded_access")} == flags


def test_an_expanded_access_type_the_registry_does_not_name_is_a_problem_and_sets_no_flag():
    shown = "Study Type:\nExpanded Access\nExpanded Access Type:\nIndividual Patients, Compassionate\n"
    parsed = _parsed((DESIGN, shown))
    assert not any(key.startswith("expanded_access") for key in parsed.records[0].study)
    assert [(p.reason, "'Compassionate'" in p.detail) for p in parsed.problems] == [("unknown value", True)]


# 'Not Provided' ---------------------------------------------------------------------------------


def test_a_design_value_the_page_says_is_not_provided_is_missing_not_invalid():
    tables = _tables(("Allocation:\nN/A\n", "Allocation:\nNot Provided\n"),
                     ("Primary Purpose:\nTreatment\n", "Primary Purpose:\nNot provided.\n"))
    (design,) = tables["designs"]
    assert (design["allocation"], design["primary_purpose"], design["masking"]) == (None, None, "NONE")


def test_a_design_value_that_mentions_provision_is_kept():
    (design,) = _tables(("Primary Purpose:\nTreatment\n", "Primary Purpose:\nNot Provided Yet\n"))["designs"]
    assert design["primary_purpose"] == "Not Provided Yet"


# Secondary ids with their type and what it is ---------------------------------------------------


def test_a_secondary_id_type_followed_by_what_it_is_loads_the_type_and_its_description():
    typed = ("  • NCI-2021-01234 ( Registry Identifier: NCI Clinical Trials Reporting Program )\n"
             "  • NRG-CC005 ( Other Identifier: NRG Oncology )\n")
    rows = _tables((STUDY_ID, STUDY_ID + typed))["id_information"][1:]
    assert [(r["id_type"], r["id_value"], r["id_type_description"]) for r in rows] == [
        ("REGISTRY", "NCI-2021-01234", "NCI Clinical Trials Reporting Program"), ("OTHER", "NRG-CC005", "NRG Oncology")]


def test_an_id_with_an_unknown_type_and_a_colon_is_kept_whole():
    (_, row) = _tables((STUDY_ID, STUDY_ID + "  • PUMCH-2020 ( Grant: local )\n"))["id_information"]
    assert (row["id_type"], row["id_value"], "id_type_description" in row) == (None, "PUMCH-2020 ( Grant: local )",
                                                                               False)


# Results' posting, the oversight flags, the IPD sharing statement --------------------------------


def test_a_results_posting_date_loads_with_has_results():
    study = _study(("Last Update Posted:\nJun 30, 2021\n", "Results First Posted:\nMar 3, 2022\n"
                                                           "Last Update Posted:\nMar 3, 2022\n"))
    assert (str(study["results_first_posted_date"]), study["has_results"]) == ("2022-03-03", True)


def test_a_page_without_results_posted_says_nothing_of_them():
    study = _study()
    assert "results_first_posted_date" not in study and "has_results" not in study


def test_the_device_oversight_questions_load_into_their_flags():
    shown = ("Device Product Not Approved or Cleared by U.S. FDA:\nYes\n"
             "Pediatric Postmarket Surveillance of a Device Product:\nNo\n")
    study = _study(("Product Manufactured", shown + "Product Manufactured"))
    assert (study["is_unapproved_device"], study["is_ppsd"], study["is_us_export"]) == (True, False, True)


def test_the_ipd_sharing_statement_loads_into_its_columns_and_information_types():
    statement = (IPD + "Plan Description:\nDe-identified data.\nSupporting Materials:\n  • Study Protocol\n"
                 "  • Statistical Analysis Plan (SAP)\nTime Frame:\nFrom 2023\nAccess Criteria:\nOn request\n"
                 "URL:\nhttps://example.org/ipd\n")
    tables = _tables((IPD, statement))
    study = tables["studies"][0]
    assert (study["plan_to_share_ipd"], study["plan_to_share_ipd_description"], study["ipd_time_frame"],
            study["ipd_access_criteria"], study["ipd_url"]) == (
        "YES", "De-identified data.", "From 2023", "On request", "https://example.org/ipd")
    assert tables["ipd_information_types"] == [{"name": "STUDY_PROTOCOL"}, {"name": "SAP"}]


def test_a_plan_that_is_no_answer_of_the_registry_is_kept_as_shown():
    assert _study((IPD, "Plan to Share IPD:\nMaybe later\n"))["plan_to_share_ipd"] == "Maybe later"


# Publications ------------------------------------------------------------------------------------

NO_PUBLICATIONS = "Publications\n\nNone provided.\n"


def test_publications_under_their_kinds_load_into_study_references():
    shown = ("Publications\n\nPublications of Results:\n  • Leng X, et al. Baricitinib in pSS. Rheumatology. "
             "2022;61:123-30. PubMed 34012345\nPublications automatically indexed to this study by "
             "ClinicalTrials.gov Identifier (NCT Number):\n"
             "  • Doe A. JAK inhibitors in Sjogren's. Lancet. 2023;1:2.\n")
    parsed = _parsed((NO_PUBLICATIONS, shown))
    assert parsed.records[0].tables["study_references"] == [
        {"pmid": "34012345", "reference_type": "RESULT", "citation": "Leng X, et al. Baricitinib in pSS. Rheumatology. "
                                                                    "2022;61:123-30."},
        {"pmid": None, "reference_type": "DERIVED",
         "citation": "Doe A. JAK inhibitors in Sjogren's. Lancet. 2023;1:2."}]
    assert parsed.problems == []


def test_a_citation_under_no_label_of_its_kind_loads_without_a_type_and_is_a_problem():
    parsed = _parsed((NO_PUBLICATIONS, "Publications\n\n  • Doe A. JAK inhibitors. Lancet. 2023;1:2.\n"))
    (reference,) = parsed.records[0].tables["study_references"]
    assert reference["reference_type"] is None
    assert [p.reason for p in parsed.problems] == ["publication kind not shown"]


def test_none_provided_is_no_publication():
    assert "study_references" not in _tables()


def test_two_pages_whose_ids_stand_beside_their_headings_are_read_as_two_pages():
    page = PAGE.replace("CT.gov ID\nNCT04916756\n", "CT.gov ID\tNCT04916756\n")
    parsed = ctgov_classic_text.parse((page + "\n" + page).encode())
    assert parsed.records == ctgov_classic_text.parse(page.encode()).records * 2


# Ages that cannot be read ------------------------------------------------------------------------

AGES = "Ages Eligible for Study:\n18 Years and Older\n"


@pytest.mark.parametrize("shown", ["18 to 65 Years", "Ages Eligible for Study: 18+ Years"], ids=["unit-once", "plus"])
def test_ages_given_that_cannot_be_read_are_a_problem_not_a_missing_age(shown):
    ages = shown if shown.startswith("Ages") else f"Ages Eligible for Study:\n{shown}"
    parsed = _parsed((AGES, ages + "\n"))
    (row,) = parsed.records[0].tables["eligibilities"]
    assert (row["minimum_age"], row["maximum_age"]) == (None, None)
    assert [p.reason for p in parsed.problems] == ["unreadable value"]


@pytest.mark.parametrize("shown, ages", [("Child, Adult, Older Adult", (None, None)),
                                         ("18 Years to 65 Years   (Adult, Older Adult)", ("18 Years", "65 Years"))])
def test_ages_that_read_or_give_no_number_raise_no_problem(shown, ages):
    parsed = _parsed((AGES, f"Ages Eligible for Study:\n{shown}\n"))
    (row,) = parsed.records[0].tables["eligibilities"]
    assert (row["minimum_age"], row["maximum_age"]) == ages and parsed.problems == []
