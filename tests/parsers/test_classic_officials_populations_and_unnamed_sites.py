"""clincosm pages of older studies: officials the registry gives no role, or degrees and name suffixes after their
names; a study population that older records break into lines, above free-text criteria; sites the registry gives no
name, sites whose name ends with their city (and state) before the city and state, and cities of several words that end
with a word no city is alone; a printed arms table whose sheet break drops the blank line under an 'Other:' arm. Each
reading beside a nearby page whose reading stays as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.parsers import ctgov_classic_text
from flows.parsers.ctgov_classic_text.sites import UNDECIDABLE
from tests.parsers.test_classic_other_arm_lines_and_unnumbered_outcomes import _page as _arm_page
from tests.parsers.test_classic_page_variants import PAGE, SITE, _arms
from tests.parsers.test_classic_printed_and_browser_copies import _printed, _replaced

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "ctgov_classic_text"
OBSERVATIONAL = (GOLDEN / "observational_cohort_NCT09000201.txt").read_text(encoding="utf-8")
OFFICIAL = "  • Study Chair: Xiaomei Leng, Dr., Peking Union Medical College Hospital\n"


def _parsed(*changes: tuple[str, str], text: str = PAGE):
    parsed = ctgov_classic_text.parse(_replaced(*changes, text=text).encode())
    assert len(parsed.records) == 1
    return parsed


def _officials(officials: str):
    parsed = _parsed((OFFICIAL, officials))
    rows = parsed.records[0].tables.get("overall_officials", [])
    return ([(row["role"], row["name"], row["affiliation"]) for row in rows],
            [problem.reason for problem in parsed.problems])


# Officials ------------------------------------------------------------------------------------------------------

def test_an_official_without_a_role_is_read_with_none():
    assert _officials("  • Jane Roe, MD, Mercy Hospital\n  • Study Chair: John Doe, Acme University\n") == (
        [(None, "Jane Roe, MD", "Mercy Hospital"), ("STUDY_CHAIR", "John Doe", "Acme University")], [])


def test_an_official_with_a_role_reads_as_before():
    assert _officials(OFFICIAL) == (
        [("STUDY_CHAIR", "Xiaomei Leng, Dr.", "Peking Union Medical College Hospital")], [])


def test_a_role_the_parser_does_not_know_is_a_problem_and_its_official_is_not_loaded():
    rows, problems = _officials("  • Site Lead: Jane Roe, Mercy Hospital\n")
    assert rows == [] and problems == ["unknown value"]


def test_an_official_line_copied_without_its_bullet_reads_as_before():
    assert _officials("Study Director: John Doe, Acme University\n") == (
        [("STUDY_DIRECTOR", "John Doe", "Acme University")], [])


@pytest.mark.parametrize("shown, name", [
    ("Jane Roe, Jr., Mercy Hospital", "Jane Roe, Jr."),
    ("Jane Roe, MD, DrPH, Mercy Hospital", "Jane Roe, MD, DrPH"),
    ("Jane Roe, MB, ChB, FRCS, Mercy Hospital", "Jane Roe, MB, ChB, FRCS"),
    ("Jane Roe, PhD, MPH, RD, Mercy Hospital", "Jane Roe, PhD, MPH, RD"),
    ("Jane Roe, BSN, Mercy Hospital", "Jane Roe, BSN"),
    ("Jane Roe, M.M., Mercy Hospital", "Jane Roe, M.M."),
], ids=["suffix", "public-health", "surgeon", "dietitian", "nurse", "master-of-medicine"])
def test_degrees_and_name_suffixes_stay_with_the_name(shown, name):
    rows, problems = _officials(f"  • Principal Investigator: {shown}\n")
    assert rows == [("PRINCIPAL_INVESTIGATOR", name, "Mercy Hospital")] and problems == []


def test_an_affiliation_after_a_degree_keeps_its_comma_as_before():
    rows, _ = _officials("  • Principal Investigator: Jane Roe, MD, Mercy Hospital, Springfield\n")
    assert rows == [("PRINCIPAL_INVESTIGATOR", "Jane Roe, MD", "Mercy Hospital, Springfield")]


# A study population above free-text criteria ------------------------------------------------------------------

CRITERIA = ("Inclusion Criteria:\n  • Rheumatoid arthritis starting a JAK inhibitor or a biologic\n\n"
            "Exclusion Criteria:\n  • Previous JAK inhibitor\n")
POPULATION = ("Study Population\n\nAdults treated for rheumatoid arthritis at the\nhospital's outpatient clinic.\n\n")


def _eligibility(criteria: str) -> dict:
    parsed = _parsed((CRITERIA, criteria), text=OBSERVATIONAL)
    assert parsed.problems == []
    return parsed.records[0].tables["eligibilities"][0]


def test_a_population_broken_into_lines_above_free_text_criteria_is_its_whole_paragraph():
    row = _eligibility(POPULATION + "DISEASE CHARACTERISTICS: Active rheumatoid arthritis\n\n"
                                    "PATIENT CHARACTERISTICS: Age 18 and over\n")
    assert row["population"] == "Adults treated for rheumatoid arthritis at the\nhospital's outpatient clinic."
    assert row["criteria"] == ("DISEASE CHARACTERISTICS: Active rheumatoid arthritis\n\n"
                               "PATIENT CHARACTERISTICS: Age 18 and over")


def test_a_population_above_labelled_criteria_reads_as_before():
    row = _eligibility(POPULATION + CRITERIA)
    assert row["population"] == "Adults treated for rheumatoid arthritis at the\nhospital's outpatient clinic."
    assert row["criteria"].startswith("Inclusion Criteria:")


def test_a_population_copied_without_blank_lines_is_its_first_line_as_before():
    row = _eligibility("Study Population\nAdults treated for rheumatoid arthritis.\nActive rheumatoid arthritis\n")
    assert row["population"] == "Adults treated for rheumatoid arthritis."
    assert row["criteria"] == "Active rheumatoid arthritis"


# Sites ------------------------------------------------------------------------------------------------------------

def _sites(*rows: str):
    parsed = _parsed((SITE, "\n".join(rows)))
    return ([(row["name"], row["city"], row["state"], row["country"])
             for row in parsed.records[0].tables["facilities"]],
            [problem.detail for problem in parsed.problems if problem.reason == UNDECIDABLE])


def test_a_site_the_registry_gives_no_name_shows_its_city_and_state():
    assert _sites("1 Boston Massachusetts United States 02114", "2 Little Rock Arkansas United States 72205",
                  "3 Edinburgh United Kingdom") == ([
                      (None, "Boston", "Massachusetts", "United States"),
                      (None, "Little Rock", "Arkansas", "United States"),
                      (None, "Edinburgh", None, "United Kingdom")], [])


def test_a_named_site_in_a_state_named_as_its_city_reads_as_before():
    assert _sites("1 Charité Berlin Germany 10117", "2 Mayo Clinic Rochester Minnesota United States 55905") == ([
        ("Charité", "Berlin", None, "Germany"), ("Mayo Clinic", "Rochester", "Minnesota", "United States")], [])


def test_a_name_ending_with_its_city_and_state_before_them_keeps_them():
    assert _sites("1 VA Medical Center, Oklahoma City Oklahoma City Oklahoma United States 73104",
                  "2 Sunnybrook HSC - Toronto, Ontario Toronto Ontario Canada M4N 3M5",
                  "3 Guthrie Clinic Sayre Sayre Pennsylvania United States 18840") == ([
                      ("VA Medical Center, Oklahoma City", "Oklahoma City", "Oklahoma", "United States"),
                      ("Sunnybrook HSC - Toronto, Ontario", "Toronto", "Ontario", "Canada"),
                      ("Guthrie Clinic Sayre", "Sayre", "Pennsylvania", "United States")], [])


def test_a_city_shown_twice_in_a_state_named_as_it_stays_undecided_as_before():
    sites, doubts = _sites("1 Hospital Clinic de Barcelona Barcelona Barcelona Spain 08036")
    assert sites == [(None, "Barcelona", None, "Spain")] and len(doubts) == 1


def test_a_city_of_several_words_ending_with_a_word_no_city_is_alone_is_not_split():
    sites, doubts = _sites("1 Fairfax Hospital Falls Church Virginia United States 22042",
                           "2 David Grant Medical Center Travis Air Force Base California United States 94535")
    assert [site[1] for site in sites] == [None, None] and len(doubts) == 2


def test_a_city_of_one_word_after_the_name_reads_as_before():
    assert _sites("1 Inova Fairfax Hospital Fairfax Virginia United States 22042") == (
        [("Inova Fairfax Hospital", "Fairfax", "Virginia", "United States")], [])


# A printed arms table: the blank line under an 'Other:' arm is dropped at a sheet's end ---------------------------

SEQUENCES = ("Arm Intervention/Treatment\nOther: Sequence A\n\nPlacebo first.\n\nDrug: Ramelteon\n8 mg at bedtime.\n"
             "Other Names:\n  • Rozerem\n\nOther: Sequence B\n\nRamelteon first.\n\nDrug: Placebo\nA sugar pill.\n")
ARMS_READ = ([("OTHER", "Sequence A"), ("OTHER", "Sequence B")], [("DRUG", "Ramelteon"), ("DRUG", "Placebo")],
             [("Sequence A", "Ramelteon"), ("Sequence B", "Placebo")])


def _read_arms(text: str):
    parsed = ctgov_classic_text.parse(text.encode())
    assert parsed.problems == []
    return _arms(parsed.records[0].tables)


def test_an_other_arm_after_the_blank_line_that_ends_a_row_heads_its_arm_at_a_sheet_break():
    assert _read_arms(_printed(_arm_page(SEQUENCES), ("Ramelteon first.", "Secondary Outcome Measures"))) == ARMS_READ


def test_the_same_arms_table_on_one_sheet_reads_as_before():
    assert _read_arms(_arm_page(SEQUENCES)) == ARMS_READ
    assert _read_arms(_printed(_arm_page(SEQUENCES), ("Secondary Outcome Measures",))) == ARMS_READ
