"""The three sites' text pages: a meddatax heading a page shows only on some studies (Central Contacts, Facility
Contacts, Principal Investigators) in another spelling and without its explainer; a meddatax section whose one line is
the page's word for none; a compact sponsor's name wrapped over lines; a clincosm location line that is no site row; a
clincosm official given as a dash; a site menu item below a trial-summary page's logo; trial-summary sections in another
order. Each read right, beside a nearby page or line that reads as before."""
from __future__ import annotations

import pytest

from flows.parsers import ctgov_classic_text, summary_text
from flows.parsers.aggregator_text.page_chrome import CHROME
from tests.parsers.page_variants import CLASSIC as _CLASSIC, COMPACT as _COMPACT, LABELLED as _LABELLED
from tests.parsers.page_variants import SUMMARY as _SUMMARY, SUMMARY_KEYS as _SUMMARY_KEYS
from tests.parsers.page_variants import AS_SHOWN as _AS_SHOWN, all_but as _but, read_variant as _read
from tests.parsers.page_variants import same_study as _same_study


def _unexplained(page: str, heading: str, shown: str) -> str:
    """The page with `heading` spelt as `shown` and no explainer under it (a copy that keeps none there)."""
    usual = f"\n{heading}\n\n{CHROME[heading]}\n"
    assert usual in page
    return page.replace(usual, f"\n{shown}\n", 1)


# meddatax: a heading only some pages show, spelt otherwise, without its explainer -------------------------------------

@pytest.mark.parametrize("heading, shown", [
    ("Central Contacts", "Central Contacts:"),
    ("Central Contacts", "CENTRAL CONTACTS"),
    ("Central Contacts", "Central contacts"),
    ("Central Contacts", "Central Contacts (2)"),
    ("Facility Contacts", "Facility Contacts:"),
    ("Facility Contacts", "FACILITY CONTACTS"),
    ("Principal Investigators", "Principal Investigators:"),
    ("Principal Investigators", "PRINCIPAL INVESTIGATORS"),
])
def test_an_optional_heading_without_its_explainer_starts_its_section(heading, shown):
    # the contacts were read as countries ('Role: CONTACT' a country), the investigators as the responsible party
    _same_study(_unexplained(_LABELLED, heading, shown), _LABELLED)


def test_an_optional_heading_without_its_explainer_beside_one_shown_otherwise_with_it():
    page = _LABELLED.replace("\nEligibility Criteria\n", "\nELIGIBILITY CRITERIA\n", 1)
    _same_study(_unexplained(page, "Central Contacts", "Central Contacts:"), _LABELLED)


def test_an_optional_heading_as_usual_without_its_explainer_reads_as_before():
    _same_study(_unexplained(_LABELLED, "Central Contacts", "Central Contacts"), _LABELLED)


def test_a_brief_summary_line_spelling_an_optional_heading_stays_in_the_summary():
    line = "Systemic sclerosis (SSc) is a systemic autoimmune disease."
    page = _LABELLED.replace(line, f"{line}\n\nRelated clinical trials:\n\nNone so far.", 1)
    tables = _but(page, _LABELLED, "brief_summaries")
    assert "Related clinical trials:" in tables["brief_summaries"][0]["description"]
    assert tables["related_studies"] == _AS_SHOWN[id(_LABELLED)]["related_studies"]


def test_a_criteria_line_spelling_an_optional_heading_stays_in_the_criteria():
    line = "14. History of any malignancy in the last 5 years"
    page = _LABELLED.replace(line, f"{line}\nCentral Contacts:\n", 1)
    tables = _but(page, _LABELLED, "eligibilities")
    assert "Central Contacts:" in tables["eligibilities"][0]["criteria"]


# meddatax: a section whose one line says there is none ----------------------------------------------------------------

def _section_says(page: str, heading: str, following: str, said: str) -> str:
    """The page with the lines under `heading` (its explainer kept) up to `following` replaced by `said`."""
    start = page.index(f"\n{heading}\n\n{CHROME[heading]}\n") + len(f"\n{heading}\n\n{CHROME[heading]}\n")
    return page[:start] + f"\n{said}\n\n" + page[page.index(f"{following}\n", start):]


@pytest.mark.parametrize("said", ["Not Provided", "N/A", "-", "None", "Unknown", "None provided."])
@pytest.mark.parametrize("heading, following, table", [
    ("Conditions", "Study Design", "conditions"),
    ("Central Contacts", "Facility Contacts", "central_contacts"),
    ("Other Identifiers", "More Related Trials", "id_information"),
    ("Responsible Party", "Principal Investigators", "responsible_parties"),
])
def test_a_section_saying_none_holds_no_row(said, heading, following, table):
    # 'Not Provided' was a condition, a country, a contact named so
    tables = _but(_section_says(_LABELLED, heading, following, said), _LABELLED, table)
    assert table not in tables


@pytest.mark.parametrize("said", ["Not Provided", "N/A", "-", "None provided."])
def test_countries_saying_none_are_the_sites_countries(said):
    tables = _but(_section_says(_LABELLED, "Countries", "Central Contacts", said), _LABELLED)
    assert tables["countries"] == [{"name": "Bangladesh"}]


def test_a_section_saying_none_for_its_sites_keeps_the_countries():
    tables = _but(_section_says(_LABELLED, "Locations", "Countries", "Not Provided"), _LABELLED, "facilities")
    assert "facilities" not in tables and tables["countries"] == [{"name": "Bangladesh"}]


def test_a_section_of_one_real_line_is_read():
    tables = _but(_section_says(_LABELLED, "Conditions", "Study Design", "Not Otherwise Specified Sclerosis"),
                  _LABELLED, "conditions")
    assert tables["conditions"] == [{"name": "Not Otherwise Specified Sclerosis"}]


# meddatax: a sponsor's name wrapped over lines ------------------------------------------------------------------------

_COMPACT_LEAD = "Union Hospital, Tongji Medical College, Huazhong University of Science and Technology"


@pytest.mark.parametrize("wrapped", [
    "Union Hospital, Tongji Medical College, Huazhong University of Science and\nTechnology",
    "Union Hospital, Tongji Medical College, Huazhong University of\nScience and Technology",
    "Union Hospital, Tongji Medical College,\nHuazhong University of Science and Technology",
])
def test_a_compact_sponsor_name_wrapped_where_it_plainly_goes_on_is_one_sponsor(wrapped):
    # the wrapped rest was a collaborator of its own ('Technology', agency class OTHER)
    _same_study(_COMPACT.replace(_COMPACT_LEAD, wrapped, 1), _COMPACT)


def test_a_compact_sponsor_line_without_its_class_and_no_sign_of_going_on_is_a_sponsor_of_its_own():
    page = _COMPACT.replace("Tongji Hospital\nOTHER\nResponsible Party", "Tongji Hospital\nWuhan Hospital\nOTHER\n"
                            "Responsible Party", 1)
    tables = _but(page, _COMPACT, "sponsors")
    assert [row["name"] for row in tables["sponsors"]][-2:] == ["Tongji Hospital", "Wuhan Hospital"]


def test_a_labelled_sponsor_name_wrapped_without_a_blank_line_is_one_sponsor():
    name = "Bangabandhu Sheikh Mujib Medical University, Dhaka, Bangladesh"
    page = _LABELLED.replace(f"\n{name}\n\nOTHER\n", "\nBangabandhu Sheikh Mujib Medical University, Dhaka,\n"
                                                   "Bangladesh\n\nOTHER\n", 1)
    _same_study(page, _LABELLED)


# clincosm: a location line that is no site row ------------------------------------------------------------------------

_ROW = "1 Peking Union Medical College Hospital Beijing Beijing China 100730\n"


@pytest.mark.parametrize("line", ["Peking Union Medical College Hospital Beijing China", "Show 12 more locations",
                                  "Contact: Jane Roe 555-0100", "Beijing, China"])
def test_a_location_line_that_is_no_row_is_a_problem_that_does_not_quote_it(line):
    parsed = ctgov_classic_text.parse(_CLASSIC.replace(_ROW, f"{_ROW}{line}\n", 1).encode())
    assert parsed.records[0].tables["facilities"] == _AS_SHOWN[id(_CLASSIC)]["facilities"]
    [problem] = parsed.problems
    assert problem.reason == "clincosm location row undecidable" and "below site 1" in problem.detail
    assert line not in problem.detail and "Jane" not in problem.detail


@pytest.mark.parametrize("page", [
    _CLASSIC.replace(_ROW, f"{_ROW}Recruiting\n", 1),
    _CLASSIC.replace("Site City State Country Postal Code\n", "Site\tCity\tState\tCountry\tPostal Code\n", 1),
    _CLASSIC.replace("Site City State Country Postal Code\n", "SITE CITY STATE COUNTRY POSTAL CODE\n", 1),
    _CLASSIC.replace(_ROW, f"China\n{_ROW}", 1),
])
def test_the_table_header_a_status_and_a_country_heading_rows_are_no_problem(page):
    parsed = ctgov_classic_text.parse(page.encode())
    assert parsed.problems == []
    assert [row["name"] for row in parsed.records[0].tables["facilities"]] == ["Peking Union Medical College Hospital"]


def test_a_country_alone_is_still_a_site_of_that_country():
    parsed = ctgov_classic_text.parse(_CLASSIC.replace(_ROW, f"{_ROW}Japan\n", 1).encode())
    assert parsed.problems == [] and parsed.records[0].tables["facilities"][-1]["country"] == "Japan"


# clincosm: an official given as the page's word for none --------------------------------------------------------------

_OFFICIAL = "  \u2022 Study Chair: Xiaomei Leng, Dr., Peking Union Medical College Hospital\n"


@pytest.mark.parametrize("said", ["  \u2022 -\n", "  -\n", "  \u2022\n", "  \u2022 N/A\n", "  \u2022 Not Provided\n"])
def test_an_investigator_line_saying_none_is_no_official(said):
    # a dash was an official named '-'
    _same_study(_CLASSIC.replace(_OFFICIAL, _OFFICIAL + said, 1), _CLASSIC)


def test_an_investigator_without_a_role_is_still_read():
    tables = _but(_CLASSIC.replace(_OFFICIAL, _OFFICIAL + "  \u2022 Jane Roe, MD, Mercy Hospital\n", 1), _CLASSIC,
                  "overall_officials")
    assert tables["overall_officials"][-1] == {"role": None, "name": "Jane Roe, MD", "affiliation": "Mercy Hospital"}


# trial summary: a menu item below the logo ----------------------------------------------------------------------------

_LOGO = "Clinical Trials Logo\n"


def _title(page: str) -> tuple[object, list[str]]:
    parsed = summary_text.parse(page.encode())
    return parsed.records[0].tables["studies"][0].get("brief_title"), [problem.reason for problem in parsed.problems]


@pytest.mark.parametrize("menu", ["Home", "Menu", "Search", "HOME", "Find a trial", "Search clinical trials",
                                  "\u2190 Back to results", "< Back", "Home > Clinical Trials > Dermatomyositis",
                                  "Home \u203a Trials", "Main menu", "Contact us", "Home\nSearch\nAbout us"])
@pytest.mark.parametrize("base", [_SUMMARY, _SUMMARY_KEYS])
def test_a_menu_item_below_the_logo_is_no_title(menu, base):
    # 'Home' was the study's title
    assert _title(base.replace(_LOGO, f"{_LOGO}{menu}\n", 1)) == (None, [])


@pytest.mark.parametrize("menu", ["Home", "Menu", "\u2190 Back to results", "Home > Trials"])
def test_a_title_below_a_menu_item_is_the_title(menu):
    title = "Exercise Training for Fatigue in Systemic Lupus Erythematosus"
    assert _title(_SUMMARY_KEYS.replace(_LOGO, f"{_LOGO}{menu}\n\n{title}\n", 1)) == (title, [])
    assert _title(_SUMMARY_KEYS.replace(_LOGO, f"{_LOGO}{menu}\n{title}\n", 1)) == (title, [])


@pytest.mark.parametrize("title", ["Home-Based Exercise for Fatigue in Lupus", "Home Visits After Stroke",
                                   "Search for Biomarkers of Lupus Fatigue", "Back Pain in Lupus",
                                   "Help-Seeking in Young Adults With Lupus"])
def test_a_title_that_begins_with_a_menu_word_is_the_title(title):
    assert _title(_SUMMARY_KEYS.replace(_LOGO, f"{_LOGO}{title}\n", 1)) == (title, [])


# trial summary: sections in another order ---------------------------------------------------------------------------

def _moved(page: str, heading: str, before: str) -> str:
    """The page with the section under `heading` (up to `before`'s line) moved to follow the section `before` opens,
    up to the key block."""
    start, end, key = page.index(f"{heading}\n"), page.index(f"{before}\n"), page.index("NCT number")
    return page[:start] + page[end:key] + page[start:end] + page[key:]


@pytest.mark.parametrize("spelt", ["Study Design", "STUDY DESIGN", "Study Design:"])
def test_study_design_below_the_conditions_is_the_design(spelt):
    # its labelled lines were read as conditions, and the design was lost
    page = _moved(_SUMMARY_KEYS, "Study Design", "Related Conditions & MeSH terms")
    page = page.replace("\nStudy Design\n", f"\n{spelt}\n", 1)
    _same_study(page, _SUMMARY_KEYS)


def test_the_description_below_study_design_is_the_description():
    _same_study(_moved(_SUMMARY_KEYS, "Clinical Trial Description", "Study Design"), _SUMMARY_KEYS)


def test_a_description_line_spelling_study_design_stays_in_the_description():
    line = "Participants are randomized to a supervised exercise programme"
    tables = _but(_SUMMARY_KEYS.replace(line, f"Study Design\n{line}", 1), _SUMMARY_KEYS, "detailed_descriptions")
    assert tables["detailed_descriptions"][0]["description"].startswith("Study Design")
