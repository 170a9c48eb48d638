"""clincosm pages of studies whose content differs as real registry records do: site rows whose state is a region the
registry names in a country's own spelling (Greek, Hungarian, Israeli, Chilean, Korean, Thai...), cities of several
words, a city marked 'Shi' or 'ku', a city shown with its state ('New Delhi Delhi', 'Ciudad de Buenos Aires Buenos
Aires'), postal codes written with a city ('Lima 34'); investigators with degrees the parser did not know; an arm
named as a listed intervention; a biospecimen description of two paragraphs. Each reading beside a nearby row or
line whose reading stays as it was."""
from __future__ import annotations

import pytest

from flows.parsers.ctgov_classic_text.arms import arms_and_interventions
from flows.parsers.ctgov_classic_text.people_places import name_and_affiliation
from flows.parsers.ctgov_classic_text.site_columns import site_row
from flows.parsers.ctgov_classic_text.study_design import study_design

COLUMNS = ("name", "city", "state", "zip", "country")


def _read(row: str) -> tuple:
    """The row's facility columns and whether it has a doubt."""
    place, doubt = site_row(row)
    return tuple(place[column] for column in COLUMNS), doubt is not None


# A state the registry names as the country writes it ---------------------------------------------------------------

@pytest.mark.parametrize("row, read", [
    ("1 Local Institution - 0608 Athens Attikí Greece 115 26",
     ("Local Institution - 0608", "Athens", "Attikí", "115 26", "Greece")),
    ("1 Research Site Athens Greece 115 26", ("Research Site", "Athens", None, "115 26", "Greece")),
    ("1 Markusovszky Egyetemi Oktatokorhaz Szombathely Vas Hungary 9700",
     ("Markusovszky Egyetemi Oktatokorhaz", "Szombathely", "Vas", "9700", "Hungary")),
    ("1 Local Institution - 0600 Zerifin HaMerkaz Israel 70300",
     ("Local Institution - 0600", "Zerifin", "HaMerkaz", "70300", "Israel")),
    ("1 Oncovida Santiago Metropolitana Chile 7500994", ("Oncovida", "Santiago", "Metropolitana", "7500994", "Chile")),
    ("1 Local Institution - 0117 Seongnam Kyǒnggi-do Korea, Republic of 13620",
     ("Local Institution - 0117", "Seongnam", "Kyǒnggi-do", "13620", "Korea, Republic of")),
    ("1 Chulalongkorn University Bangkok Krung Thep Maha Nakhon Thailand 10330",
     ("Chulalongkorn University", "Bangkok", "Krung Thep Maha Nakhon", "10330", "Thailand")),
    ("1 Local Institution - 0408 Riyadh Ar Riyāḑ Saudi Arabia 11426",
     ("Local Institution - 0408", "Riyadh", "Ar Riyāḑ", "11426", "Saudi Arabia")),
    ("1 Akademiska sjukhuset Uppsala Uppsala Lan Sweden 75185",
     ("Akademiska sjukhuset", "Uppsala", "Uppsala Lan", "75185", "Sweden")),
    ("1 Hospital Clinico de Valencia Valencia Valenciana, Comunitat Spain 46010",
     ("Hospital Clinico de Valencia", "Valencia", "Valenciana, Comunitat", "46010", "Spain")),
], ids=["greek", "greek-no-state", "hungarian-county", "israeli-district", "chilean-region", "korean-romanized",
        "thai-province", "saudi-region", "swedish-lan", "spanish-with-comma"])
def test_a_state_written_as_the_country_writes_it_is_the_state_not_the_city(row, read):
    assert _read(row) == (read, False)


@pytest.mark.parametrize("row", [
    "1 Ege Universitesi Hastanesi Izmir İ̇zmir Turkey 35100",
    "1 Hospital Arnau de Vilanova Valencia València Spain 46015",
], ids=["turkish-province-named-as-its-city", "valencian-province"])
def test_a_region_named_as_its_city_after_a_city_is_a_problem_not_the_city(row):
    (name, city, state, _, country), doubt = _read(row)
    assert (name, city, state, doubt) == (None, None, None, True) and country is not None


# A city shown twice, or with its state ---------------------------------------------------------------------------

@pytest.mark.parametrize("row, read", [
    ("1 Universitätsmedizin Rostock Rostock Mecklenburg-Western-Pommerania Germany 18147",
     ("Universitätsmedizin Rostock", "Rostock", "Mecklenburg-Western-Pommerania", "18147", "Germany")),
    ("1 Institutul Oncologic Cluj Cluj Napoca Romania 400124",
     ("Institutul Oncologic Cluj", "Cluj Napoca", None, "400124", "Romania")),
    ("1 Chi Mei Hospital - Liouying Branch Tainan City Tainan Taiwan 73657",
     ("Chi Mei Hospital - Liouying Branch", "Tainan City", "Tainan", "73657", "Taiwan")),
    ("1 Sir Ganga Ram Hospital New Delhi Delhi India 110060",
     ("Sir Ganga Ram Hospital", "New Delhi", "Delhi", "110060", "India")),
    ("1 Fortis Hospital Mumbai Maharashtra India 400078",
     ("Fortis Hospital", "Mumbai", "Maharashtra", "400078", "India")),
    ("1 Local Institution - 0379 Ciudad autónoma de Buenos Aires Buenos Aires Argentina 1280",
     ("Local Institution - 0379", "Ciudad autónoma de Buenos Aires", "Buenos Aires", "1280", "Argentina")),
    ("1 Research Site Ciudad de Buenos Aires Argentina 1280",
     ("Research Site", "Ciudad de Buenos Aires", None, "1280", "Argentina")),
    ("1 Medical Plus Uherske Hradiste Zlínský Kraj Czechia 686 01",
     ("Medical Plus", "Uherske Hradiste", "Zlínský Kraj", "686 01", "Czechia")),
    ("1 Hyogo Medical University Hospital Nishinomiya shi Japan 663 8501",
     ("Hyogo Medical University Hospital", "Nishinomiya shi", None, "663 8501", "Japan")),
], ids=["name-ends-with-its-city", "city-of-two-words-after-a-repeat", "city-then-region-of-its-name",
        "new-delhi-delhi", "city-and-state", "caba-buenos-aires", "ciudad-de-buenos-aires", "czech-two-words",
        "japanese-shi"])
def test_a_city_of_several_words_or_shown_with_its_state_is_read_whole(row, read):
    assert _read(row) == (read, False)


@pytest.mark.parametrize("row, read", [
    ("1 Hospital Italiano Cuidad Autonoma de Buenos Aires Argentina C1199ABB",
     ((None, None, None, "C1199ABB", "Argentina"), True)),
    ("1 Shanxi Bethune Hospital Tai Yuan Shi China 030032", ((None, None, None, "030032", "China"), True)),
    ("1 Ars Medical Sp. z o. o. Pila Poland 64-920", (("Ars Medical Sp. z o. o.", "Pila", None, "64-920", "Poland"),
                                                      False)),
], ids=["known-city-after-de", "syllables-before-shi", "abbreviation-repeated"])
def test_a_city_whose_first_words_the_row_does_not_tell_is_no_split(row, read):
    assert _read(row) == read


def test_a_region_named_as_its_city_after_words_that_do_not_split_is_not_taken_as_the_state():
    assert _read("1 The Cancer Institute Hospital of JFCR Tokyo Japan 135 8550") == (
        (None, None, None, "135 8550", "Japan"), True)
    assert _read("1 National Cancer Center Hospital East Kashiwa Chiba Japan 277-8577") == (
        (None, None, "Chiba", "277-8577", "Japan"), True)


# A postal code written with its city ----------------------------------------------------------------------------

@pytest.mark.parametrize("row, read", [
    ("1 Research Site Lima Peru Lima 34", ("Research Site", "Lima", None, "Lima 34", "Peru")),
    ("1 Research Site Lima Peru 15046", ("Research Site", "Lima", None, "15046", "Peru")),
    ("1 Uppsala University Uppsala Sweden SE 751 85", ("Uppsala University", "Uppsala", None, "SE 751 85", "Sweden")),
    ("1 Uppsala University Uppsala Sweden 751 85", ("Uppsala University", "Uppsala", None, "751 85", "Sweden")),
], ids=["city-and-number", "number", "country-letters", "two-parts"])
def test_a_postal_code_written_with_a_city_or_letters_is_the_whole_code(row, read):
    assert _read(row) == (read, False)


# Investigators -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, read", [
    ("Jane Roe, RPh, PhD, Mercy Hospital", ("Jane Roe, RPh, PhD", "Mercy Hospital")),
    ("Jane Roe, MD / PhD, Neurologist Mercy", ("Jane Roe, MD / PhD", "Neurologist Mercy")),
    ("Jane Roe, MS-OMPT, Mercy University", ("Jane Roe, MS-OMPT", "Mercy University")),
    ("Jane Roe Dr., MBBS, MD (Radiation Oncology), Mercy Center", ("Jane Roe Dr., MBBS, MD (Radiation Oncology)",
                                                                    "Mercy Center")),
    ("Call 1-800-000-0000 Mon - Fri (UTC/GMT - 5 hours, EST), Acme Pharma", (
        "Call 1-800-000-0000 Mon - Fri (UTC/GMT - 5 hours, EST)", "Acme Pharma")),
    ("Acme Research & Development, LLC Clinical Trial, Acme Research & Development, LLC",
     ("Acme Research & Development, LLC Clinical Trial", "Acme Research & Development, LLC")),
    ("Jane Roe, MD, Mercy Hospital, Springfield", ("Jane Roe, MD", "Mercy Hospital, Springfield")),
], ids=["pharmacist", "slashed-degrees", "hyphenated-degree", "specialty-in-brackets", "comma-in-brackets",
        "company-form", "affiliation-with-comma"])
def test_an_investigators_degrees_stay_with_the_name(line, read):
    assert name_and_affiliation(line) == read


# The arms table ---------------------------------------------------------------------------------------------------

ARMS = ["Arm Intervention/Treatment", "Experimental: Exercise group", "", "Patients exercise daily.", "",
        "Other: Exercise", "Thirty minutes a day.", ""]
LISTED = [("Other", "Exercise"), ("Other", "Control group")]


def test_an_arm_named_as_a_listed_intervention_heads_its_own_arm():
    tables = arms_and_interventions(ARMS + ["Other: Control group", "", "Patients keep their usual care.", "",
                                            "Other: Control group", "Usual care only.", ""], LISTED)
    assert [(row["title"], row["description"]) for row in tables["design_groups"]] == [
        ("Exercise group", "Patients exercise daily."), ("Control group", "Patients keep their usual care.")]
    assert {(row["design_group"], row["intervention"]) for row in tables["design_group_interventions"]} == {
        ("Exercise group", "Exercise"), ("Control group", "Control group")}
    assert {row["name"]: row["description"] for row in tables["interventions"]} == {
        "Exercise": "Thirty minutes a day.", "Control group": "Usual care only."}


def test_a_listed_intervention_below_an_arm_with_interventions_stays_an_intervention():
    tables = arms_and_interventions(ARMS[:-1] + ["Other: Control group", "Usual care only.", ""], LISTED)
    assert [row["title"] for row in tables["design_groups"]] == ["Exercise group"]
    assert {(row["design_group"], row["intervention"]) for row in tables["design_group_interventions"]} == {
        ("Exercise group", "Exercise"), ("Exercise group", "Control group")}


# Study Design --------------------------------------------------------------------------------------------------

def test_a_biospecimen_description_of_two_paragraphs_keeps_them_and_a_wrapped_title_is_one_line():
    study, _, _ = study_design(["Study Type:", "Observational", "Biospecimen Description:", "Blood is kept.", "",
                                "Stool is kept.", "Official Title:", "A study of", "blood and stool"])
    assert study["biospec_description"] == "Blood is kept.\n\nStool is kept."
    assert study["official_title"] == "A study of blood and stool"
