"""clincosm pages shaped as the site's other study pages: several phases on one line, an observational study's
population, eligibility labels above the 'Criteria' heading, site statuses, cities of several words, the registry's
'Time Frame:' label, interventions' other names, secondary ids with their type. Each reading beside a nearby page
whose reading stays as it was."""
from __future__ import annotations

import pytest

from tests.parsers.test_classic_page_variants import _tables

PHASE = "  • Drug: Baricitinib 2 MG\nPhase 1/Phase 2\n"
SITE = "1 Peking Union Medical College Hospital Beijing Beijing China 100730\n"
FIRST_OUTCOME = "  1. ESSDAI [12 weeks]\n"
HEALTHY = "Accepts Healthy Volunteers:\nNo\nInclusion Criteria:\n"
ARM_END = "Drug: Baricitinib 2 MG\nbaricitinib 2mg per day for 24 weeks\n"
STUDY_ID = "  • PekingUMCH-ZS-2497\n"


# Several phases on one line ---------------------------------------------------------------------


@pytest.mark.parametrize("shown, phase", [
    ("Phase 1 Phase 2", "PHASE1/PHASE2"), ("Phase 2, Phase 3", "PHASE2/PHASE3"), ("Phase II", "PHASE2"),
    ("Phase I/II", "PHASE1/PHASE2"), ("Early Phase 1 Phase 1", "EARLY_PHASE1/PHASE1"),
])
def test_a_line_of_phases_is_the_phase_not_a_condition(shown, phase):
    tables = _tables((PHASE, "  • Dry Eye\n  • Drug: Baricitinib 2 MG\n" + shown + "\n"))
    assert tables["studies"][0]["phase"] == phase
    assert [row["name"] for row in tables["conditions"]] == ["Dry Eye"]


@pytest.mark.parametrize("shown, phase", [("Phase 1/Phase 2", "PHASE1/PHASE2"), ("Early Phase 1", "EARLY_PHASE1"),
                                          ("N/A", "NA")])
def test_a_single_phase_label_is_read_as_before(shown, phase):
    tables = _tables((PHASE, "  • Dry Eye\n  • Drug: Baricitinib 2 MG\n" + shown + "\n"))
    assert tables["studies"][0]["phase"] == phase
    assert [row["name"] for row in tables["conditions"]] == ["Dry Eye"]


def test_a_condition_that_names_a_phase_in_a_sentence_stays_a_condition():
    tables = _tables((PHASE, "  • Drug: Baricitinib 2 MG\nPhase 2 responders\nPhase 1/Phase 2\n"))
    assert tables["studies"][0]["phase"] == "PHASE1/PHASE2"
    assert [row["name"] for row in tables["conditions"]] == ["Phase 2 responders"]


# An observational study's population, and labels above the 'Criteria' heading ------------------


@pytest.mark.parametrize("shown", [
    "Sampling Method:\nNon-Probability Sample\nStudy Population\nAdults seen at the clinic.\n",
    "Study Population:\nAdults seen at the clinic.\n\nSampling Method:\nNon-Probability Sample\n\n",
], ids=["heading", "label"])
def test_the_study_population_is_its_column_not_criteria(shown):
    (row,) = _tables((HEALTHY, "Accepts Healthy Volunteers:\nNo\n" + shown + "Inclusion Criteria:\n"))["eligibilities"]
    assert row["population"] == "Adults seen at the clinic."
    assert row["criteria"].startswith("Inclusion Criteria:\n")
    assert "Sampling" not in row["criteria"] and "Population" not in row["criteria"]


def test_a_page_without_a_population_has_no_population_column():
    (row,) = _tables()["eligibilities"]
    assert "population" not in row and row["criteria"].startswith("Inclusion Criteria:\n")


def test_ages_above_the_criteria_heading_are_read():
    (row,) = _tables(("Criteria\n\nAges Eligible", "Ages Eligible"),
                     (HEALTHY, "Accepts Healthy Volunteers:\nNo\n\nCriteria\n\nInclusion Criteria:\n"))["eligibilities"]
    assert (row["gender"], row["minimum_age"], row["healthy_volunteers"]) == ("ALL", "18 Years", False)
    assert row["criteria"].startswith("Inclusion Criteria:\n")


def test_ages_below_the_criteria_heading_are_read_as_before():
    (row,) = _tables()["eligibilities"]
    assert (row["gender"], row["minimum_age"], row["healthy_volunteers"]) == ("ALL", "18 Years", False)


# Sites: a status line below a site, a city of several words -------------------------------------

US_SITES = ("1 Massachusetts General Hospital Boston Massachusetts United States 02114\nRecruiting\n"
            "2 Mayo Clinic Rochester Minnesota United States 55905\nActive, not recruiting\n")


def test_a_status_line_below_a_site_is_its_status():
    sites = _tables((SITE, US_SITES))["facilities"]
    assert [(s["name"], s["city"], s["state"], s["zip"], s["status"]) for s in sites] == [
        ("Massachusetts General Hospital", "Boston", "Massachusetts", "02114", "RECRUITING"),
        ("Mayo Clinic", "Rochester", "Minnesota", "55905", "ACTIVE_NOT_RECRUITING")]


def test_other_lines_below_a_site_give_it_no_status():
    sites = _tables((SITE, SITE + "Contact: see the sponsor\nSite is closed to visitors\n"))["facilities"]
    assert [(s["name"], s["status"]) for s in sites] == [("Peking Union Medical College Hospital", None)]


@pytest.mark.parametrize("row, expected", [
    ("1 University of California, San Francisco San Francisco California United States 94143\n",
     ("University of California, San Francisco", "San Francisco", "California")),
    ("1 University of Texas Health Science Center at San Antonio San Antonio Texas United States 78229\n",
     ("University of Texas Health Science Center at San Antonio", "San Antonio", "Texas")),
])
def test_a_site_named_after_a_city_of_several_words_keeps_the_whole_city(row, expected):
    (site,) = _tables((SITE, row))["facilities"]
    assert (site["name"], site["city"], site["state"]) == expected


@pytest.mark.parametrize("row, expected", [
    ("1 Mayo Clinic Rochester Minnesota United States 55905\n", ("Mayo Clinic", "Rochester", "Minnesota")),
    ("1 Local Institution - 0012 New York New York United States 10016\n",
     ("Local Institution - 0012", "New York", "New York")),
])
def test_a_site_whose_name_does_not_repeat_its_city_is_split_as_before(row, expected):
    (site,) = _tables((SITE, row))["facilities"]
    assert (site["name"], site["city"], site["state"]) == expected


# Outcomes: the registry's 'Time Frame:' label ---------------------------------------------------


def test_a_time_frame_label_in_the_bracket_is_not_part_of_the_time_frame():
    outcomes = _tables((FIRST_OUTCOME, "  1. ESSDAI [ Time Frame: 12 weeks ]\n"))["design_outcomes"]
    assert (outcomes[0]["measure"], outcomes[0]["time_frame"]) == ("ESSDAI", "12 weeks")


def test_a_time_frame_with_another_colon_is_kept_whole():
    outcomes = _tables((FIRST_OUTCOME, "  1. ESSDAI [Visits: 4, 8 and 12 weeks]\n"))["design_outcomes"]
    assert (outcomes[0]["measure"], outcomes[0]["time_frame"]) == ("ESSDAI", "Visits: 4, 8 and 12 weeks")


# Interventions: other names below an intervention -----------------------------------------------


def test_other_names_below_an_intervention_are_its_other_names_not_its_description():
    tables = _tables((ARM_END, ARM_END + "Other Names:\n  • LY3009104\n  • Olumiant\n"))
    (intervention,) = tables["interventions"]
    assert intervention["description"] == "baricitinib 2mg per day for 24 weeks"
    assert [(row["intervention_name"], row["name"]) for row in tables["intervention_other_names"]] == [
        ("Baricitinib 2 MG", "LY3009104"), ("Baricitinib 2 MG", "Olumiant")]


def test_a_bulleted_list_in_an_intervention_description_stays_in_it():
    tables = _tables((ARM_END, ARM_END + "Given as:\n  • tablets\n"))
    (intervention,) = tables["interventions"]
    assert intervention["description"] == "baricitinib 2mg per day for 24 weeks\nGiven as:\n• tablets"
    assert "intervention_other_names" not in tables


# Secondary ids with their type ------------------------------------------------------------------


def test_a_secondary_id_with_a_known_type_is_split_into_id_and_type():
    typed = "  • 2020-001234-56 ( EudraCT Number )\n  • R01AR012345 ( U.S. NIH Grant/Contract )\n"
    ids = _tables((STUDY_ID, STUDY_ID + typed))
    assert [(row["id_type"], row["id_value"]) for row in ids["id_information"]] == [
        (None, "PekingUMCH-ZS-2497"), ("EUDRACT_NUMBER", "2020-001234-56"), ("NIH", "R01AR012345")]


def test_an_id_with_other_words_in_parentheses_is_kept_whole():
    ids = _tables((STUDY_ID, STUDY_ID + "  • PUMCH-2020 (pilot)\n"))
    assert [(row["id_type"], row["id_value"]) for row in ids["id_information"]] == [
        (None, "PekingUMCH-ZS-2497"), (None, "PUMCH-2020 (pilot)")]
