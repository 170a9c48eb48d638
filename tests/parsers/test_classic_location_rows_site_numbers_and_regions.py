"""clincosm Locations rows: a name that ends with a site's number or hides the site ('Local Institution - 0629',
'Research Site'), a city with its marks ('Lyon Cedex08', 'Rozzano (MI)') before its state, regions written without their
hyphen or space ('Rheinland Pfalz', 'Tamilnadu'), a region's code after its city ('Roma RM'), the nouns a practice's
name ends with ('Research Associates'), UK counties and their abbreviations ('Hants'), abbreviated region endings
('Wenshan Dist.'), one city written with its region ('Sendai-shi, Miyagi'), a site listed by its country only, and US
territories listed as a state. A row the page cannot split for certain is a problem naming it, never a guess. Each
reading beside a nearby row whose reading stays as it was."""
from __future__ import annotations

import pytest

from tests.parsers.test_classic_officials_populations_and_unnamed_sites import _sites


def _doubted(row: str) -> tuple[tuple, ...]:
    """The one row's (name, city, state, country), where the page gets a problem naming the row."""
    rows, problems = _sites(row)
    assert len(problems) == 1 and problems[0].startswith("site 1:"), problems
    return rows[0]


def _read(row: str) -> tuple[tuple, ...]:
    """The one row's (name, city, state, country), where the page gets no problem for it."""
    rows, problems = _sites(row)
    assert problems == []
    return rows[0]


# A name that ends with a site's number, or hides the site ---------------------------------------------------------

@pytest.mark.parametrize("row, name", [
    ("1 Local Institution - 0629 Panagyurishte Pazardzhik Bulgaria 4500", "Local Institution - 0629"),
    ("1 IMAT S.A.S ( Site 0602) Monteria Cordoba Colombia 230002", "IMAT S.A.S ( Site 0602)"),
    ("1 Investigational Site Number : 8260019 Salford Manchester United Kingdom M6 8HD",
     "Investigational Site Number : 8260019"),
    ("1 GSK Investigational Site Kho Hong Hat Yai Thailand 90110", "GSK Investigational Site"),
])
def test_words_after_a_certain_name_that_no_known_place_splits_are_a_problem_keeping_the_name(row, name):
    assert _doubted(row)[:3] == (name, None, None)


@pytest.mark.parametrize("row, expected", [
    ("1 Novartis Investigative Site Culver City California United States 90230",
     ("Novartis Investigative Site", "Culver City", "California", "United States")),
    ("1 Research Site Puerto Montt Chile 5480000", ("Research Site", "Puerto Montt", None, "Chile")),
    ("1 Local Institution - 0362 Fuzhou Fujian Fujian China 350001",
     ("Local Institution - 0362", "Fuzhou Fujian", "Fujian", "China")),
    ("1 Research Site Rennes Cedex 9 France 35033", ("Research Site", "Rennes Cedex 9", None, "France")),
])
def test_the_words_after_a_certain_name_are_the_city_and_state(row, expected):
    assert _read(row) == expected


@pytest.mark.parametrize("row, expected", [
    ("1 Local Institution - 0354 Shanghai China 200120", ("Local Institution - 0354", "Shanghai", None, "China")),
    ("1 National Institutes of Health Clinical Center, 9000 Rockville Pike Bethesda Maryland United States 20892",
     ("National Institutes of Health Clinical Center, 9000 Rockville Pike", "Bethesda", "Maryland", "United States")),
])
def test_a_site_number_before_one_word_and_a_street_number_read_as_before(row, expected):
    assert _read(row) == expected


# A city with its marks before its state ------------------------------------------------------------------------

@pytest.mark.parametrize("row, expected", [
    ("1 Centre Leon Berard Lyon Cedex08 Rhône-Alpes France 69373",
     ("Centre Leon Berard", "Lyon Cedex08", "Rhône-Alpes", "France")),
    ("1 Institut de cancérologie du Gard Nimes Cedex 09 Gard France 30029",
     ("Institut de cancérologie du Gard", "Nimes Cedex 09", "Gard", "France")),
    ("1 Istituto Clinico Humanitas Rozzano (MI) Lombardia Italy 20089",
     ("Istituto Clinico Humanitas", "Rozzano (MI)", "Lombardia", "Italy")),
    ("1 University Hospital of Heraklion Iraklion (Heraklion) Crete Greece 71110",
     ("University Hospital of Heraklion", "Iraklion (Heraklion)", "Crete", "Greece")),
    ("1 Clinique Victor Hugo Le Mans Cedex France 72015", ("Clinique Victor Hugo", "Le Mans Cedex", None, "France")),
])
def test_a_city_keeps_its_marks_and_the_region_after_them_is_its_state(row, expected):
    assert _read(row) == expected


def test_a_city_with_its_district_after_a_name_ending_with_the_city_is_a_problem():
    assert _doubted("1 Diabetologicka ambulance Praha Praha 4 Czechia 14900") == (None, None, None, "Czechia")


@pytest.mark.parametrize("row, expected", [
    ("1 CHU Nantes Nantes Cedex 1 France 44093", ("CHU Nantes", "Nantes Cedex 1", None, "France")),
    ("1 Rigshospitalet København Ø Denmark 2100", ("Rigshospitalet", "København Ø", None, "Denmark")),
])
def test_a_city_with_its_postal_mark_after_its_name_reads_as_before(row, expected):
    assert _read(row) == expected


# How regions are written ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("row, expected", [
    ("1 Universitätsklinikum Mainz Mainz Rheinland Pfalz Germany 55131",
     ("Universitätsklinikum Mainz", "Mainz", "Rheinland Pfalz", "Germany")),
    ("1 National Institute for Research in Tuberculosis Chennai Tamilnadu India 600031",
     ("National Institute for Research in Tuberculosis", "Chennai", "Tamilnadu", "India")),
    ("1 Istituto Tumori Regina Elena Roma RM Italy 00128", ("Istituto Tumori Regina Elena", "Roma", "RM", "Italy")),
    ("1 Children's Hospital of Geneva (HUG) Geneva GE Switzerland 1211",
     ("Children's Hospital of Geneva (HUG)", "Geneva", "GE", "Switzerland")),
    ("1 Cardiology Research Unit Sussex House Brighton Sussex United Kingdom BN2 1ES",
     ("Cardiology Research Unit Sussex House", "Brighton", "Sussex", "United Kingdom")),
    ("1 Luton and Dunstable Hospital Luton Beds United Kingdom LU4 0DZ",
     ("Luton and Dunstable Hospital", "Luton", "Beds", "United Kingdom")),
    ("1 VA Caribbean Healthcare System San Juan Puerto Rico United States 00921",
     ("VA Caribbean Healthcare System", "San Juan", "Puerto Rico", "United States")),
])
def test_a_region_written_otherwise_or_as_its_code_is_the_state(row, expected):
    assert _read(row) == expected


@pytest.mark.parametrize("row, expected", [
    ("1 Universitätsklinikum Mainz Mainz Rheinland-Pfalz Germany 55131",
     ("Universitätsklinikum Mainz", "Mainz", "Rheinland-Pfalz", "Germany")),
    ("1 Hospital Sirio Libanes Sao Paulo SP Brazil 01308-050", ("Hospital Sirio Libanes", "Sao Paulo", "SP", "Brazil")),
    ("1 Royal Free Hospital London United Kingdom NW3 2QG", ("Royal Free Hospital", "London", None, "United Kingdom")),
])
def test_regions_as_the_lists_write_them_read_as_before(row, expected):
    assert _read(row) == expected


@pytest.mark.parametrize("row", [
    "1 Taipei Municipal Wan Fang Hospital Taipei City Wenshan Dist. Taiwan 116",  # an abbreviated 'District'
    "1 Shinden Higashi Clinic Sendai-shi, Miyagi Japan 983-0039",  # one city written with its region, or both
    "1 Azienda Ospedaliera Bianchi-Me Reggio Calabria Italy 89124",  # a known city ending with a region
    "1 Erciyes Universitesi Tip Fakultesi Kayseri Melikgazi Turkey 38039",  # a city-named region ends the name
    "1 Peking Union Medical College Hospital CAMS Beijing China 100730",  # an acronym before a city-named region
])
def test_a_row_whose_city_and_state_the_page_does_not_tell_apart_is_a_problem(row):
    assert _doubted(row)[:3] == (None, None, None)


@pytest.mark.parametrize("row, expected", [
    ("1 Osaka University Hospital Suita Osaka Japan", ("Osaka University Hospital", "Suita", "Osaka", "Japan")),
    ("1 Peking Union Medical College Hospital Beijing Beijing China 100730",
     ("Peking Union Medical College Hospital", "Beijing", "Beijing", "China")),
])
def test_a_city_and_its_state_that_the_page_tells_apart_read_as_before(row, expected):
    assert _read(row) == expected


def test_a_site_named_after_its_city_where_every_region_is_listed_keeps_the_city_in_its_name():
    # Belgium's provinces are all listed: 'Gent' is no state, so the name ends with the city and the city follows
    assert _read("1 UZ Gent Gent Belgium 9000") == ("UZ Gent", "Gent", None, "Belgium")


# The nouns a site's name ends with, and cities after them ------------------------------------------------------

@pytest.mark.parametrize("row, expected", [
    ("1 Carolinas Research Associates Charlotte North Carolina United States 28204",
     ("Carolinas Research Associates", "Charlotte", "North Carolina", "United States")),
    ("1 Medical Consultants Limited Milwaukee Wisconsin United States 53215",
     ("Medical Consultants Limited", "Milwaukee", "Wisconsin", "United States")),
    ("1 Janeway Children's Health and Rehabilitation Centre St. John's Newfoundland and Labrador Canada A1B 3V6",
     ("Janeway Children's Health and Rehabilitation Centre", "St. John's", "Newfoundland and Labrador", "Canada")),
])
def test_a_city_after_the_noun_a_name_ends_with_is_read(row, expected):
    assert _read(row) == expected


def test_a_city_of_two_words_after_such_a_noun_and_no_known_city_is_a_problem():
    assert _doubted("1 Neurosurgical Associates Terre Haute Indiana United States 47804") == (
        None, None, "Indiana", "United States")


def test_a_name_ending_with_a_compass_point_before_the_city_is_a_problem_as_before():
    assert _doubted("1 National Cancer Center Hospital East Kashiwa Chiba Japan 277-8577") == (
        None, None, "Chiba", "Japan")


# A site listed by its country only -----------------------------------------------------------------------------

def test_a_site_listed_by_its_country_only_shows_its_country():
    assert _read("1 France") == (None, None, None, "France")


def test_a_row_ending_with_no_known_country_is_a_problem_as_before():
    rows, problems = _sites("1 Hospital Central Ruritania")
    assert rows == [(None, None, None, None)] and len(problems) == 1
