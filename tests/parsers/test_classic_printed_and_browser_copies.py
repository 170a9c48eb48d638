"""clincosm pages as users get their text: printed to PDF and turned back into text (sheets parted by form feeds, a
date stamp and the page's address on every sheet, 'Page 2 of 5', long lines wrapped), copied from the browser (table
cells parted by tabs, ordered lists without their numbers, no blank lines), lists with other bullets; and sites named
in other scripts. Each reading beside a nearby page whose reading stays as it was."""
from __future__ import annotations

import textwrap

import pytest

from flows.parsers import ctgov_classic_text
from flows.parsers.model import Refused
from flows.parsers.ctgov_classic_text.printed_copy import without_furniture
from flows.parsers.ctgov_classic_text.site_columns import site_row
from flows.parsers.ctgov_classic_text.sites import locations
from flows.parsers.ctgov_classic_text.title import UNDECIDED
from tests.parsers.test_classic_page_variants import PAGE, _arms, _tables

TITLE = "A Prospective Pilot Study to Explore Efficacy and Safety of Baricitinib in Active Primary Sjogren's Syndrome "
STAMP = "12/5/26, 9:14 AM A Prospective Pilot Study to Explore Efficacy and Safety of Baricitinib | clincosm"
ADDRESS = "https://www.clincosm.com/trial/primary-sjogren-syndrome-baricitinib"
OFFICIAL = f"Official Title:\n{TITLE}Patients\n"
ALLOCATION = "Allocation:\nN/A\n"
MEASURE = "  1. ESSDAI [12 weeks]\n"


def _parsed(text: str):
    return ctgov_classic_text.parse(text.encode())


def _replaced(*changes: tuple[str, str], text: str = PAGE) -> str:
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _printed(text: str, breaks: tuple[str, ...], footer=lambda sheet, sheets: f"{ADDRESS} {sheet}/{sheets}") -> str:
    """The page as pdftotext gives it back: a sheet ends before each of `breaks`, every sheet under the date stamp and
    over its footer, the sheets parted by form feeds."""
    sheets, rest = [], text
    for at in breaks:
        head, _, tail = rest.partition(at)
        sheets.append(head)
        rest = at + tail
    sheets.append(rest)
    return "\f".join(f"{STAMP}\n{sheet.rstrip()}\n{footer(n, len(sheets))}\n" for n, sheet in enumerate(sheets, 1))


def _values(parsed) -> list[str]:
    """Every text value the page gave, in every table."""
    return [value for record in parsed.records for rows in record.tables.values() for row in rows
            for value in row.values() if isinstance(value, str)]


# A printed copy's furniture ---------------------------------------------------------------------------------------


def test_a_printed_copys_stamp_address_and_sheet_numbers_are_in_no_value():
    parsed = _parsed(_printed(PAGE, ("N/A\nIntervention Model:", "Secondary Outcome Measures", "Exclusion Criteria:")))
    assert not [v for v in _values(parsed) if "clincosm" in v or ADDRESS in v or "9:14 AM" in v]
    (record,) = parsed.records
    assert record.tables["designs"][0]["allocation"] == "NA" and parsed.problems == []
    assert record.study["brief_title"] == TITLE + "Patients"


def test_page_n_of_m_lines_are_in_no_value_with_or_without_form_feeds():
    printed = _printed(PAGE, ("N/A\nIntervention Model:", "Study Documents"),
                       footer=lambda sheet, sheets: f"Page {sheet} of {sheets}")
    for text in (printed, printed.replace("\f", "")):
        parsed = _parsed(text)
        assert not [v for v in _values(parsed) if "Page " in v], text[:20]
        assert parsed.records[0].tables["designs"][0]["allocation"] == "NA"


def test_a_line_of_the_study_at_the_edge_of_two_sheets_of_many_stays():
    sheets = [["Stamp", f"line {n}", f"body {n}", "Footer"] for n in range(6)]
    sheets[1][1] = sheets[4][1] = "Drug: Placebo"
    lines = [line for sheet in sheets for line in [*sheet[:-1], sheet[-1] + "\f"]]
    assert [line for line in without_furniture(lines) if line == "Drug: Placebo"] == ["Drug: Placebo"] * 2
    assert "Stamp" not in without_furniture(lines)


def test_a_page_that_is_no_printed_copy_reads_as_before():
    assert _tables()["designs"][0]["allocation"] == "NA"


# Other bullets ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bullet", ["\u25aa", "\u00b7", "\u25e6", "\u2013", "\u25cf"])
def test_lists_with_other_bullets_read_as_with_the_pages_own(bullet):
    sponsor = " Peking Union Medical College Hospital\n"
    tables = _tables(("  • PekingUMCH-ZS-2497", f"  {bullet} PekingUMCH-ZS-2497"),
                     (f"  •{sponsor}", f"  {bullet}{sponsor}"),
                     ("  • Drug: Baricitinib 2 MG", f"  {bullet} Drug: Baricitinib 2 MG"))
    assert [row["id_value"] for row in tables["id_information"]] == ["PekingUMCH-ZS-2497"]
    assert [row["name"] for row in tables["sponsors"]] == ["Peking Union Medical College Hospital"]
    assert "conditions" not in tables


def test_a_dot_inside_a_line_is_no_bullet():
    tables = _tables(("  • PekingUMCH-ZS-2497", "  • PUMCH · ZS-2497"))
    assert tables["id_information"][0]["id_value"] == "PUMCH · ZS-2497"


# A printed copy's wrapped title -----------------------------------------------------------------------------------


WRAPPED_TITLE = (f"{TITLE}Patients\n\nSponsor", "A Prospective Pilot Study to Explore Efficacy and Safety of "
                                                "Baricitinib in\nActive Primary Sjogren's Syndrome Patients\n\nSponsor")


def test_a_printed_title_wrapped_over_lines_that_the_official_title_shows_is_read_whole():
    for title in (WRAPPED_TITLE[1], WRAPPED_TITLE[1].replace("in\nActive", "in Ac-\ntive")):
        parsed = _parsed(_printed(_replaced((WRAPPED_TITLE[0], title)), ("Study Design",)))
        assert parsed.records[0].study["brief_title"] == TITLE + "Patients" and parsed.problems == []


def test_a_printed_title_that_plainly_wraps_is_read_whole():
    text = _replaced(WRAPPED_TITLE, (OFFICIAL, "Official Title:\nAnother Title\n"))
    parsed = _parsed(_printed(text, ("Study Design",)))
    assert parsed.records[0].study["brief_title"] == TITLE + "Patients" and parsed.problems == []


def test_printed_lines_above_the_title_that_may_be_its_first_line_are_a_problem_not_a_guess():
    text = _replaced((WRAPPED_TITLE[0], f"Find a trial\n{WRAPPED_TITLE[0]}"),
                     (OFFICIAL, "Official Title:\nAnother Title\n"))
    parsed = _parsed(_printed(text, ("Study Design",)))
    title = parsed.records[0].study["brief_title"]  # refused as the lines show it: the page does show a title
    assert isinstance(title, Refused) and title.raw.startswith("Find a trial / ")
    assert [problem.reason for problem in parsed.problems] == [UNDECIDED]


def test_a_title_wrapped_in_a_copy_saved_as_text_at_80_columns_is_read_whole():
    saved = "\n".join(part for line in PAGE.split("\n") for part in (textwrap.wrap(line, 80) or [""]))
    parsed = _parsed(saved)
    assert parsed.records[0].study["brief_title"] == TITLE + "Patients" and parsed.problems == []


def test_a_screen_copys_title_is_the_line_above_the_header_as_before():
    text = _replaced((WRAPPED_TITLE[0], f"Find a trial\n{WRAPPED_TITLE[0]}"))
    assert _parsed(text).records[0].study["brief_title"] == TITLE + "Patients"


# Outcome lines wrapped by printing, and copied without their numbers ----------------------------------------------


@pytest.mark.parametrize("wrapped, measure", [
    ("  1. ESSDAI score change from baseline in patients with primary\n  Sjogren's syndrome [12\n  weeks]\n",
     "ESSDAI score change from baseline in patients with primary Sjogren's syndrome"),
    ("  1. ESSDAI [safety]\n  [12 weeks]\n", "ESSDAI [safety]"),
])
def test_an_outcome_line_wrapped_over_lines_is_read_whole(wrapped, measure):
    (first, *_) = _tables((MEASURE, wrapped))["design_outcomes"]
    assert (first["measure"], first["time_frame"], first["description"]) == (
        measure, "12 weeks", "the change of ESSDAI score at 12 weeks")


def test_an_outcome_whose_description_follows_without_a_blank_line_reads_as_before():
    (first, *_) = _tables((f"{MEASURE}\n", f"{MEASURE}  Described below [see note]\n"))["design_outcomes"]
    assert (first["measure"], first["time_frame"]) == ("ESSDAI", "12 weeks")
    assert first["description"].startswith("Described below [see note]")


def test_outcomes_copied_without_their_numbers_are_read_by_their_time_frames():
    numbered = ("  1. MCII of", "  2. ESSDAI [24", "  3. ESSPRI [", "  4. PGA [", "  5. remissions", MEASURE)
    copied = _replaced(*[(line, line[5:]) for line in numbered])
    parsed = _parsed(copied)
    rows = parsed.records[0].tables["design_outcomes"]
    assert [(r["outcome_type"], r["measure"], r["time_frame"]) for r in rows[:3]] == [
        ("primary", "ESSDAI", "12 weeks"), ("secondary", "MCII of ESSDAI", "12 and 24 weeks"),
        ("secondary", "ESSDAI", "24 weeks")]
    assert rows[0]["description"] == "the change of ESSDAI score at 12 weeks" and parsed.problems == []


def test_outcome_lines_that_no_reading_gives_are_a_problem_not_a_missing_outcome():
    parsed = _parsed(_replaced((MEASURE, "ESSDAI at 12 weeks\n")))
    assert "design_outcomes" in parsed.records[0].tables  # the secondary outcomes still read
    assert [(p.reason, "'Primary Outcome Measures'" in p.detail) for p in parsed.problems] == [
        ("unreadable section", True)]


# Tables copied with their cells parted by tabs, and without blank lines -------------------------------------------


def test_an_arm_and_its_intervention_in_one_row_of_tab_parted_cells_are_linked():
    tables = _tables(("Experimental: baricitinib 2mg per day\n\nDrug: Baricitinib 2 MG\n",
                      "Experimental: baricitinib 2mg per day\tDrug: Baricitinib 2 MG\n"))
    assert _arms(tables) == ([("EXPERIMENTAL", "baricitinib 2mg per day")], [("DRUG", "Baricitinib 2 MG")],
                             [("baricitinib 2mg per day", "Baricitinib 2 MG")])


def test_an_arms_description_and_an_intervention_parted_by_a_tab_are_both_read():
    tables = _tables(("Experimental: baricitinib 2mg per day\n\nDrug: Baricitinib 2 MG\n",
                      "Experimental: baricitinib 2mg per day\nOne tablet a day.\tDrug: Baricitinib 2 MG\n"))
    assert tables["design_groups"][0]["description"] == "One tablet a day."
    assert _arms(tables)[2] == [("baricitinib 2mg per day", "Baricitinib 2 MG")]


COHORTS = ("Arm Intervention/Treatment\nExperimental: baricitinib 2mg per day\n\nDrug: Baricitinib 2 MG\n"
           "baricitinib 2mg per day for 24 weeks\n")
GROUPS = "Group/Cohort Intervention/Treatment\nPatients\n\nAdults with pSS.\n\nDrug: Baricitinib 2 MG\nOne a day.\n"


def test_a_group_cohort_table_copied_without_blank_lines_is_a_problem_not_a_guess():
    copied = GROUPS.replace("\n\n", "\n").replace("One a day.\n", "One a day.\nControls\n")
    parsed = _parsed(_replaced((COHORTS, copied)))
    tables = parsed.records[0].tables
    assert "design_groups" not in tables and [i["name"] for i in tables["interventions"]] == ["Baricitinib 2 MG"]
    assert [p.reason for p in parsed.problems] == ["unreadable section: study groups undecided"]


def test_a_group_cohort_table_with_its_blank_lines_reads_as_before():
    parsed = _parsed(_replaced((COHORTS, GROUPS)))
    assert [(g["title"], g["description"]) for g in parsed.records[0].tables["design_groups"]] == [
        ("Patients", "Adults with pSS.")] and parsed.problems == []


# Sites named in other scripts -------------------------------------------------------------------------------------


def test_a_city_in_another_script_shown_twice_is_a_problem_not_the_names_end():
    site, doubt = site_row("1 中国中医科学院广安门医院 北京 北京 China 100053")
    assert (site["name"], site["city"], site["state"], site["country"]) == (None, "北京", None, "China")
    assert doubt and "北京 北京" in doubt


def test_a_latin_city_shown_twice_where_the_regions_are_listed_reads_as_before():
    site, doubt = site_row("1 Klinikum Stuttgart Stuttgart Germany 70174")
    assert (site["name"], site["city"], doubt) == ("Klinikum Stuttgart", "Stuttgart", None)


# A reader view's copy, without the page's header ------------------------------------------------------------------


def test_a_copy_without_the_pages_header_is_refused_saying_so_and_naming_the_id_it_shows():
    parsed = _parsed(PAGE[:PAGE.index("Sponsor\n")] + PAGE[PAGE.index("Study Details"):])
    assert parsed.records == []
    assert [(p.reason, p.nct_id) for p in parsed.problems] == [
        ("no NCT id: the page's header (Sponsor, Overall Status, CT.gov ID) was not copied", "NCT04916756")]


# A location row wrapped by a copy's fixed width -------------------------------------------------------------------


def test_a_location_row_wrapped_onto_the_next_line_is_read_whole():
    sites, doubts = locations(["1 Instituto Nacional de Ciencias Médicas y Nutrición Salvador Zubirán Ciudad de",
                               "México Mexico 14080", "Recruiting"])
    assert [(s["name"], s["city"], s["zip"], s["country"], s["status"]) for s in sites] == [
        ("Instituto Nacional de Ciencias Médicas y Nutrición Salvador Zubirán", "Ciudad de México", "14080", "Mexico",
         "RECRUITING")] and doubts == []


def test_a_row_ending_in_no_known_country_with_a_status_below_is_still_a_problem():
    sites, doubts = locations(["1 Some Clinic Somewhere Atlantis 12345", "Recruiting"])
    assert (sites[0]["country"], sites[0]["status"], len(doubts)) == (None, "RECRUITING", 1)
