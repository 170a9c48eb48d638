"""clincosm Locations rows: cities of several words that a site's name or an institution word runs into ('State
College', 'West Los Angeles', 'Ft. Worth', 'Carlton South', 'San Giovanni - Rotondo'), a state named as a city where
every site shows its state ('Albany New York'), the abbreviations sites write institutions with ('Ctr', 'Hosp'), a
country the registry lists as 'Former Yugoslavia', and a city named as its region shown twice where a site's name may
end with it ('Evangelische Lungenklinik Berlin Berlin Germany'). A row the page cannot split for certain is a problem
naming it, never a guess. Each reading beside a nearby row whose reading stays as it was."""
from __future__ import annotations

import pytest

from tests.parsers.test_classic_officials_populations_and_unnamed_sites import _sites


def _undecided(row: str) -> bool:
    """Whether the one row's name and city are left unsplit with a problem naming the row."""
    rows, problems = _sites(row)
    return rows[0][:2] == (None, None) and len(problems) == 1 and problems[0].startswith("site 1:")


def test_a_state_after_an_institution_word_in_the_united_states_is_the_state():
    assert _sites("1 Mount Nittany Medical Center State College Pennsylvania United States 16803") == ([
        ("Mount Nittany Medical Center", "State College", "Pennsylvania", "United States")], [])


def test_a_region_after_an_institution_word_where_rows_may_show_no_state_is_the_city_as_before():
    assert _sites("1 Keio University Hospital Tokyo Japan 160-8582") == ([
        ("Keio University Hospital", "Tokyo", None, "Japan")], [])


def test_an_unnamed_site_in_a_state_named_as_a_city_shows_its_city_and_state():
    assert _sites("1 Albany New York United States 12208", "2 Syracuse New York United States 13210") == ([
        (None, "Albany", "New York", "United States"), (None, "Syracuse", "New York", "United States")], [])


def test_a_site_in_the_city_named_as_its_state_reads_as_before():
    assert _sites("1 Memorial Sloan Kettering Cancer Center New York New York United States 10065") == ([
        ("Memorial Sloan Kettering Cancer Center", "New York", "New York", "United States")], [])


@pytest.mark.parametrize("row", [
    "1 Site Reference ID/Investigator# 4480 Brooklyn Center Minnesota United States 55430",  # 'Center' is no city
    "1 Haidian District Beijing China 100191",  # 'District' is no city
    "1 VA Greater Los Angeles Healthcare System, West LA West Los Angeles California United States 90073",
    "1 Healthcare Ctr, Little Rock No. Little Rock Arkansas United States 72114",
    "1 Ft. Worth Texas United States 76104",
    "1 Anti-Cancer Council of Victoria, Melbourne Carlton South Victoria Australia 3053",
    "1 Keesler Medical Center - Keesler Air Force Base Keesler AFB Mississippi United States 39534",
    "1 Ospedale Casa Sollievo della Sofferenza San Giovanni - Rotondo Italy 71013",
    "1 Centre Hospital General Robert Ballanger Aulnay Sous Bois France 93602",
])
def test_a_city_whose_start_the_row_does_not_show_is_a_problem(row):
    assert _undecided(row)


def test_cities_beside_those_words_read_as_before():
    assert _sites("1 Gabrail Cancer Center Canton Ohio United States 44718",
                  "2 Arkansas Children's Hospital Little Rock Arkansas United States 72202",
                  "3 Hospital Italiano Fort Worth Texas United States 76104") == ([
                      ("Gabrail Cancer Center", "Canton", "Ohio", "United States"),
                      ("Arkansas Children's Hospital", "Little Rock", "Arkansas", "United States"),
                      ("Hospital Italiano", "Fort Worth", "Texas", "United States")], [])


def test_an_abbreviated_institution_word_ends_the_name():
    assert _sites("1 Univ of Connecticut Health Ctr Farmington Connecticut United States 06032",
                  "2 Harbor-UCLA Med. Ctr. CRS Torrance California United States 90502") == ([
                      ("Univ of Connecticut Health Ctr", "Farmington", "Connecticut", "United States"),
                      ("Harbor-UCLA Med. Ctr. CRS", "Torrance", "California", "United States")], [])


def test_a_city_known_by_its_words_keeps_the_comma_inside_it():
    assert _sites("1 Childrens National Medical Center Washington, D.C. District of Columbia United States") == ([
        ("Childrens National Medical Center", "Washington, D.C.", "District of Columbia", "United States")], [])


def test_former_yugoslavia_is_a_country():
    assert _sites("1 Institute for Lung Diseases Belgrade Former Yugoslavia 11000",
                  "2 Clinical Centre Belgrade Serbia 11000") == ([
                      ("Institute for Lung Diseases", "Belgrade", None, "Former Yugoslavia"),
                      ("Clinical Centre", "Belgrade", None, "Serbia")], [])


@pytest.mark.parametrize("row", [
    "1 Evangelische Lungenklinik Berlin Berlin Germany 13125",  # the registry lists Berlin's sites without a state
    "1 Boocs Clinic Fukuoka Fukuoka Japan 812-0025",
    "1 HU UNIFESP / SPDM - Hospital São Paulo São Paulo Brazil 04024-002",
])
def test_a_city_named_as_its_region_shown_twice_may_end_the_name_and_is_a_problem(row):
    rows, problems = _sites(row)
    assert rows[0][0] is None and rows[0][2] is None and len(problems) == 1 and problems[0].startswith("site 1:")


def test_a_city_named_as_its_region_shown_twice_where_sites_show_the_state_reads_as_before():
    assert _sites("1 Peking Union Medical College Hospital Beijing Beijing China 100730",
                  "2 Mount Sinai Hospital New York New York United States 10029") == ([
                      ("Peking Union Medical College Hospital", "Beijing", "Beijing", "China"),
                      ("Mount Sinai Hospital", "New York", "New York", "United States")], [])
