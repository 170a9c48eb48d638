"""meddatax pages shaped as the site's other study pages: a saved page that keeps the site's menu, observational and
expanded-access records with their own labelled values, observational groups without a type, sites without a name or
an address, identifiers with their domain; each with a nearby page that reads as before."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text
from flows.parsers.aggregator_text import CHROME
from flows.parsers.aggregator_text.people_places import identifiers, locations
from flows.parsers.aggregator_text.untyped_groups import UNDECIDED_GROUPS
from tests.parsers.golden import GOLDEN_DIR

SEED_002 = (GOLDEN_DIR / "aggregator_text" / "002_NCT05300932.txt").read_text(encoding="utf-8")
SEED_004 = (GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt").read_text(encoding="utf-8")
LABELLED_BASIC = ["Recruitment Status", "RECRUITING", "Total Enrollment", "150 participants (Estimated)",
                  "Study Classification", "OBSERVATIONAL", "Study Start Date", "2023-03 (Actual)"]


def _page(sections: list[tuple[str, list[str]]], basic: list[str] = LABELLED_BASIC) -> bytes:
    """A labelled page (a blank line between lines): title, id, Basic Information, the sections, the closing one."""
    lines = ["Biomarkers of Response in Early Systemic Sclerosis", "NCT ID: NCT09200002", "Last Updated: 2025-01-10"]
    for heading, body in [("Basic Information", basic), *sections, ("More Related Trials", [])]:
        lines += [heading, CHROME[heading], *body]
    return "\n\n".join(lines).encode()


def _read(raw: bytes) -> tuple[dict, list[tuple[str, str]]]:
    parsed = aggregator_text.parse(raw)
    (record,) = parsed.records
    return record.tables, [(problem.reason, problem.detail) for problem in parsed.problems]


def _set(row: dict) -> dict:
    return {column: value for column, value in row.items() if value is not None}


# A saved page that keeps the site's menu ------------------------------------------------------------------


MENUS = {
    "menu-words": "meddatax\nHome | Conditions | Sponsors | About\nConditions\nLocations\nSponsors\nSearch trials\n",
    "menu-one-line": "Home | Conditions | Sponsors | About\n",
    "menu-blank-lines": "Home\n\nConditions\n\nLocations\n\nAbout\n\n",
}


@pytest.mark.parametrize("seed", [SEED_002, SEED_004], ids=["compact", "labelled"])
@pytest.mark.parametrize("menu", MENUS.values(), ids=MENUS.keys())
def test_a_site_menu_above_the_title_starts_no_section_and_is_no_title(seed, menu):
    assert _read((menu + seed).encode()) == _read(seed.encode())


@pytest.mark.parametrize("seed, blank", [(SEED_002, "\n"), (SEED_004, "\n\n")], ids=["compact", "labelled"])
def test_a_list_of_the_page_s_sections_below_the_id_line_starts_no_section(seed, blank):
    toc = blank.join(["On this page", "Basic Information", "Brief Summary", "Conditions", "Study Design", "Locations",
                      "Sponsors"]) + blank
    updated = next(line for line in seed.split("\n") if line.startswith("Last Updated:"))
    page = seed.replace(updated + blank, updated + blank + toc, 1)
    assert page != seed and _read(page.encode()) == _read(seed.encode())


def test_a_page_without_menu_keeps_its_first_line_as_title():
    tables, _ = _read(SEED_002.encode())
    assert tables["studies"][0]["brief_title"] == SEED_002.split("\n", 1)[0]


# A line in the text that spells a heading ------------------------------------------------------------------


DESCRIPTION_EXPLAINER = CHROME["Detailed Description"]


@pytest.mark.parametrize("seed, blank", [(SEED_002, "\n"), (SEED_004, "\n\n")], ids=["compact", "labelled"])
def test_a_description_sub_heading_that_spells_a_section_stays_in_the_description(seed, blank):
    sub = blank.join(["Background", "SSc is rare.", "Study Design", "A 24-week trial.", "Locations", "One centre."])
    page = seed.replace(DESCRIPTION_EXPLAINER + blank, DESCRIPTION_EXPLAINER + blank + sub + blank, 1)
    tables, problems = _read(page.encode())
    usual_tables, usual_problems = _read(seed.encode())
    assert tables["detailed_descriptions"][0]["description"].startswith(sub)
    assert {table: rows for table, rows in tables.items() if table != "detailed_descriptions"} == {
        table: rows for table, rows in usual_tables.items() if table != "detailed_descriptions"}
    assert problems == usual_problems


def test_headings_without_explainers_split_the_page_at_their_first_line_as_before():
    page = "\n".join(line for line in SEED_002.split("\n") if line not in CHROME.values())
    tables, _ = _read(page.encode())
    assert [row["name"] for row in tables["facilities"]] == ["Department of RheumatologyTongji Hospital",
                                                             "Tongji Hospital"]
    assert "conditions" not in tables and tables["designs"][0]["allocation"] == "NON_RANDOMIZED"


# Labelled values of observational and expanded-access records -----------------------------------------------


def test_observational_values_in_basic_information_load_into_their_columns():
    basic = LABELLED_BASIC + ["Observational Model", "Case-Control", "Time Perspective", "PROSPECTIVE",
                              "Sampling Method", "Non-Probability Sample", "Study Population",
                              "Adults with diffuse cutaneous systemic sclerosis seen at the clinic.",
                              "Biospecimen Retention", "SAMPLES_WITH_DNA", "Biospecimen Description",
                              "Whole blood and skin biopsy."]
    tables, problems = _read(_page([], basic))
    study = tables["studies"][0]
    assert (study["biospec_retention"], study["biospec_description"]) == ("SAMPLES_WITH_DNA",
                                                                         "Whole blood and skin biopsy.")
    assert _set(tables["designs"][0]) == {"observational_model": "CASE_CONTROL", "time_perspective": "PROSPECTIVE"}
    assert _set(tables["eligibilities"][0]) == {
        "sampling_method": "NON_PROBABILITY_SAMPLE",
        "population": "Adults with diffuse cutaneous systemic sclerosis seen at the clinic."}
    assert problems == []


@pytest.mark.parametrize("shown, flags", [
    ("Individual Patients", {"individual"}),
    ("Individual Patients, Intermediate-size Population, Treatment IND/Protocol",
     {"individual", "intermediate", "treatment"}),
    ("INTERMEDIATE; TREATMENT", {"intermediate", "treatment"}),
])
def test_expanded_access_types_are_the_flags_of_the_types_listed(shown, flags):
    basic = ["Recruitment Status", "AVAILABLE", "Study Classification", "EXPANDED_ACCESS",
             "Expanded Access Type", shown]
    tables, problems = _read(_page([], basic))
    study = tables["studies"][0]
    assert {column.rsplit("_", 1)[1] for column in study if column.startswith("expanded_access_type_")} == flags
    assert all(study[f"expanded_access_type_{kind}"] is True for kind in flags) and problems == []


def test_an_expanded_access_type_of_no_known_kind_is_a_problem_and_sets_no_flag():
    basic = ["Recruitment Status", "AVAILABLE", "Study Classification", "EXPANDED_ACCESS", "Expanded Access Type",
             "Individual Patients, Compassionate"]
    tables, problems = _read(_page([], basic))
    assert not any(column.startswith("expanded_access_type_") for column in tables["studies"][0])
    assert [reason for reason, _ in problems] == ["unknown value"] and "'Compassionate'" in problems[0][1]


def test_sampling_and_biospecimens_under_study_design_are_loaded_not_dropped():
    design = ["Observational Model", "COHORT", "Time Perspective", "RETROSPECTIVE", "Sampling Method",
              "PROBABILITY_SAMPLE", "Biospecimen Retention", "None Retained", "Biospecimen Description", "None."]
    tables, problems = _read(_page([("Study Design", design)]))
    assert _set(tables["designs"][0]) == {"observational_model": "COHORT", "time_perspective": "RETROSPECTIVE"}
    assert tables["eligibilities"][0]["sampling_method"] == "PROBABILITY_SAMPLE"
    assert (tables["studies"][0]["biospec_retention"], tables["studies"][0]["biospec_description"]) == (
        "NONE_RETAINED", "None.")
    assert problems == []


def test_a_compact_page_s_bare_sampling_method_and_biospecimen_retention_are_loaded():
    basic = ["COMPLETED", "NA", "234 participants (Actual)", "OBSERVATIONAL", "2017-08", "2018-05"]
    design = ["COHORT", "PROSPECTIVE", "NON_PROBABILITY_SAMPLE", "Samples With DNA"]
    tables, problems = _read(_page([("Study Design", design)], basic).replace(b"\n\n", b"\n"))
    study = tables["studies"][0]
    assert (study["phase"], study["enrollment"], study["enrollment_type"]) == ("NA", 234, "ACTUAL")
    assert _set(tables["designs"][0]) == {"observational_model": "COHORT", "time_perspective": "PROSPECTIVE"}
    assert (tables["eligibilities"][0]["sampling_method"], study["biospec_retention"]) == (
        "NON_PROBABILITY_SAMPLE", "SAMPLES_WITH_DNA")
    assert problems == []


def test_a_study_design_line_that_no_label_or_column_takes_is_a_problem():
    design = ["Allocation Method", "RANDOMIZED", "Adaptive platform design", "Primary Study Purpose", "TREATMENT"]
    tables, problems = _read(_page([("Study Design", design)]))
    assert _set(tables["designs"][0]) == {"allocation": "RANDOMIZED", "primary_purpose": "TREATMENT"}
    assert problems == [("unknown label", "'Adaptive platform design' under 'Study Design'")]


def test_the_seed_study_designs_read_as_before_without_problem():
    for seed in (SEED_002, SEED_004):
        assert not [detail for _, detail in _read(seed.encode())[1] if "'Study Design'" in detail]


def test_study_population_and_sampling_below_the_eligibility_labels_are_loaded():
    criteria = ["Inclusion Criteria:", "* Diffuse disease", "Minimum Eligible Age", "18 Years", "Eligible Sex", "ALL",
                "Accepts Healthy Volunteers", "Yes", "Study Population", "Adults seen at two rheumatology clinics.",
                "Sampling Method", "NON_PROBABILITY_SAMPLE"]
    tables, problems = _read(_page([("Eligibility Criteria", criteria)]))
    assert _set(tables["eligibilities"][0]) == {
        "criteria": "Inclusion Criteria:\n\n* Diffuse disease", "minimum_age": "18 Years", "gender": "ALL",
        "healthy_volunteers": True, "population": "Adults seen at two rheumatology clinics.",
        "sampling_method": "NON_PROBABILITY_SAMPLE"}
    assert problems == []


@pytest.mark.parametrize("label", ["Study Population", "Study population", "STUDY POPULATION"])
def test_study_population_above_the_ages_ends_the_criteria(label):
    criteria = ["Inclusion Criteria:", "* Diffuse disease", label, "Adults seen at two clinics.",
                "Minimum Eligible Age", "18 Years"]
    tables, problems = _read(_page([("Eligibility Criteria", criteria)]))
    assert _set(tables["eligibilities"][0]) == {"criteria": "Inclusion Criteria:\n\n* Diffuse disease",
                                                "minimum_age": "18 Years", "population": "Adults seen at two clinics."}
    assert problems == []


def test_a_study_population_sub_heading_of_the_criteria_text_stays_in_it():
    criteria = ["Study Population", "Adults seen at two clinics.", "Inclusion Criteria:", "* Diffuse disease",
                "Minimum Eligible Age", "18 Years"]
    tables, problems = _read(_page([("Eligibility Criteria", criteria)]))
    assert _set(tables["eligibilities"][0]) == {
        "criteria": "Study Population\n\nAdults seen at two clinics.\n\nInclusion Criteria:\n\n* Diffuse disease",
        "minimum_age": "18 Years"}
    assert problems == []


def test_a_line_no_label_tags_below_the_eligibility_labels_is_a_problem_not_dropped():
    criteria = ["Inclusion Criteria:", "* Diffuse disease", "Minimum Eligible Age", "18 Years", "Eligible Sex", "ALL",
                "Older adults are recruited from nursing homes."]
    tables, problems = _read(_page([("Eligibility Criteria", criteria)]))
    assert tables["eligibilities"][0]["gender"] == "ALL"
    assert problems == [("unknown label", "'Older adults are recruited from nursing homes.' under "
                                          "'Eligibility Criteria'")]


def test_a_value_given_twice_differently_is_a_problem_and_the_first_is_kept():
    basic = LABELLED_BASIC + ["Observational Model", "COHORT"]
    tables, problems = _read(_page([("Study Design", ["Observational Model", "CASE_ONLY"])], basic))
    assert tables["designs"][0]["observational_model"] == "CASE_ONLY"
    assert problems == [("conflicting values", "'Observational Model' under 'Basic Information': 'COHORT', where the "
                                               "page also gives 'CASE_ONLY'; the first is kept")]


# Observational groups without a type, with labelled interventions -------------------------------------------


BIOPSY = "A 4 mm punch biopsy of the forearm at baseline and 12 months."
INTERVENTIONS = ["Skin biopsy", BIOPSY, "Intervention Type PROCEDURE", "Blood draw", "Intervention Type OTHER"]


def _groups(lines: list[str], interventions: list[str] = INTERVENTIONS):
    tables, problems = _read(_page([("Study Groups", lines), ("Interventions", interventions)]))
    groups = [(row["group_type"], row["title"], row["description"]) for row in tables.get("design_groups", [])]
    links = [(row["design_group"], row["intervention"]) for row in tables.get("design_group_interventions", [])]
    return groups, links, tables.get("interventions", []), problems


def test_groups_without_a_type_are_read_between_their_labelled_interventions():
    groups, links, interventions, problems = _groups([
        "Patients", "Adults with diffuse cutaneous systemic sclerosis.",
        "Skin biopsy", "Intervention Type PROCEDURE", BIOPSY, "Blood draw", "Intervention Type OTHER",
        "Healthy controls", "Age- and sex-matched adults.", "Blood draw", "Intervention Type OTHER",
        "Registry only", "Adults who decline biopsy and blood draws."])
    assert groups == [(None, "Patients", "Adults with diffuse cutaneous systemic sclerosis."),
                      (None, "Healthy controls", "Age- and sex-matched adults."),
                      (None, "Registry only", "Adults who decline biopsy and blood draws.")]
    assert links == [("Patients", "Skin biopsy"), ("Patients", "Blood draw"), ("Healthy controls", "Blood draw")]
    assert [(row["intervention_type"], row["name"], row["description"]) for row in interventions] == [
        ("PROCEDURE", "Skin biopsy", BIOPSY), ("OTHER", "Blood draw", None)]
    assert problems == []


def test_groups_whose_intervention_description_is_not_known_are_a_problem_not_a_guess():
    groups, links, interventions, problems = _groups([
        "Patients", "Skin biopsy", "Intervention Type PROCEDURE", "Deep biopsy", "Healthy controls",
        "Skin biopsy", "Intervention Type PROCEDURE", "Deep biopsy"], ["Blood draw", "Intervention Type OTHER"])
    assert (groups, links) == ([], []) and [row["name"] for row in interventions] == ["Blood draw"]
    assert problems == [(UNDECIDED_GROUPS, "'Study Groups': where the description of 'Skin biopsy' ends is not known; "
                                           "the groups are not read")]


def test_groups_of_an_intervention_without_description_take_the_lines_below_it_as_the_next_group():
    groups, links, _, problems = _groups([
        "Patients", "Blood draw", "Intervention Type OTHER", "Healthy controls", "Age- and sex-matched adults.",
        "Blood draw", "Intervention Type OTHER"])
    assert groups == [(None, "Patients", None), (None, "Healthy controls", "Age- and sex-matched adults.")]
    assert links == [("Patients", "Blood draw"), ("Healthy controls", "Blood draw")] and problems == []


def test_typed_groups_read_as_before():
    tables, problems = _read(SEED_004.encode())
    assert [row["title"] for row in tables["design_groups"]] == ["Group A", "Group B"] and problems == []


# Sites without a name or an address ---------------------------------------------------------------------


def test_a_site_given_by_its_address_alone_keeps_the_sites_after_it():
    rows = locations(["University Hospital", "Boston, Massachusetts, 02114, United States", "Site Status RECRUITING",
                      "Berlin, , 10117, Germany", "Site Status NOT_YET_RECRUITING",
                      "Seoul National University Hospital", "Seoul, , Korea, Republic of", "Site Status RECRUITING"])
    assert [(row["name"], row["city"], row["country"], row["status"]) for row in rows] == [
        ("University Hospital", "Boston", "United States", "RECRUITING"),
        (None, "Berlin", "Germany", "NOT_YET_RECRUITING"),
        ("Seoul National University Hospital", "Seoul", "Korea, Republic of", "RECRUITING")]


def test_a_site_given_by_its_name_alone_keeps_its_status_and_the_sites_after_it():
    rows = locations(["Mobile research unit", "Site Status RECRUITING", "Tongji Hospital", "Wuhan, Hubei, China",
                      "Clinic without address", "Charite", "Berlin, , Germany"])
    assert [(row["name"], row["city"], row["country"], row["status"]) for row in rows] == [
        ("Mobile research unit", None, None, "RECRUITING"), ("Tongji Hospital", "Wuhan", "China", None),
        ("Clinic without address", None, None, None), ("Charite", "Berlin", "Germany", None)]


def test_a_site_name_that_ends_like_an_address_stays_a_name_above_its_address():
    rows = locations(["Research Site, Germany", "Berlin, , Germany"])
    assert [(row["name"], row["city"]) for row in rows] == [("Research Site, Germany", "Berlin")]


# Identifiers ------------------------------------------------------------------------------------------


def test_an_identifier_domain_and_link_are_its_fields_not_more_identifiers():
    rows = identifiers(["R01HL123456", "Identifier Type: NIH", "Identifier Source: secondary_id",
                        "Identifier Domain: National Heart, Lung, and Blood Institute",
                        "Identifier Link: https://reporter.nih.gov/quickSearch/R01HL123456", "TJ-01",
                        "Identifier Type: -", "Identifier Source: org_study_id"])
    assert rows == [{"id_source": "secondary_id", "id_type": "NIH", "id_value": "R01HL123456",
                     "id_type_description": "National Heart, Lung, and Blood Institute",
                     "id_link": "https://reporter.nih.gov/quickSearch/R01HL123456"},
                    {"id_source": "org_study_id", "id_type": None, "id_value": "TJ-01"}]


def test_why_a_study_stopped_in_basic_information_is_why_stopped():
    basic = LABELLED_BASIC + ["Why Stopped", "Funding paused by the sponsor."]
    tables, problems = _read(_page([], basic))
    assert tables["studies"][0]["why_stopped"] == "Funding paused by the sponsor."
    assert problems == []
