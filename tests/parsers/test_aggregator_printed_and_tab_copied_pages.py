"""meddatax pages as users keep them: printed to PDF and turned back into text (form feeds, the browser's running
header and footer on every printed page, explainer sentences and titles wrapped at the print's width), copied from
the browser (a label and its value parted by a tab), and lists with bullets; each with a page that reads as before,
and what a print leaves undecided as a load problem."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text
from flows.parsers.aggregator_text import CHROME, compact_arms
from flows.parsers.aggregator_text.copied_cells import cell_lines
from flows.parsers.aggregator_text.list_items import list_items
from flows.parsers.aggregator_text.name_lines import breaks_off
from flows.parsers.aggregator_text.people_places import related_trials
from flows.parsers.aggregator_text.saved_copy import is_furniture, page_lines
from tests.parsers.golden import GOLDEN_DIR
from tests.parsers.test_aggregator_wrapped_titles_ages_and_party import _read, _replaced

SEED_002 = (GOLDEN_DIR / "aggregator_text" / "002_NCT05300932.txt").read_text(encoding="utf-8")
SEED_004 = (GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt").read_text(encoding="utf-8")
# The tables a print or a copy must not change (text columns wrapped by a print are compared apart).
_KEPT = ("conditions", "designs", "design_groups", "design_group_interventions", "interventions", "sponsors",
         "overall_officials", "facilities", "countries", "central_contacts", "id_information", "related_studies",
         "responsible_parties")


def _printed(text: str, per_page: int, header: list[str], footer: list[str]) -> str:
    """The page as a print turned back into text: its lines in printed pages, each page with the browser's header
    and footer ('{k}' the page's number, '{n}' the number of pages), a form feed after each."""
    lines = text.split("\n")
    pages = [lines[at:at + per_page] for at in range(0, len(lines), per_page)]
    return "".join("\n".join([*(line.format(k=k, n=len(pages)) for line in header), *page,
                              *(line.format(k=k, n=len(pages)) for line in footer)]) + "\f"
                   for k, page in enumerate(pages, 1))


_CHROME_PRINT = (["12/5/26, 9:14 AM", "Safety and Efficacy of Baricitinib on Skin Tightening | meddatax"],
                 ["https://www.meddatax.com/trials/NCT06936215", "{k}/{n}"])
_OTHER_PRINT = (["MedDataX \u2013 Clinical Trial Record"], ["Printed 05.12.2026 \u2013 NCT06936215", "Page {k} of {n}"])


def _values(tables: dict) -> list[str]:
    return [str(value) for rows in tables.values() for row in rows for value in row.values() if value is not None]


# A printed page's running header and footer ------------------------------------------------------------------

@pytest.mark.parametrize("header, footer", [_CHROME_PRINT, _OTHER_PRINT])
@pytest.mark.parametrize("per_page", [17, 40])
@pytest.mark.parametrize("page_break", ["\f", "\n"])
def test_a_printed_page_loads_as_the_page_with_no_header_or_footer_in_any_value(header, footer, per_page, page_break):
    # "\n": the print copied from a PDF viewer, without its form feeds
    seed, problems = _read(SEED_004)
    printed, printed_problems = _read(_printed(SEED_004, per_page, header, footer).replace("\f", page_break))
    assert {table: printed.get(table) for table in _KEPT} == {table: seed.get(table) for table in _KEPT}
    assert printed["studies"] == seed["studies"] and printed_problems == problems == []
    assert not [value for value in _values(printed) if "\f" in value or "Page " in value or "meddatax" in value
                or "9:14" in value or "Printed" in value]


def test_a_compact_page_printed_with_a_page_counter_keeps_its_countries_and_masking():
    # the page ends 'Page 3 of 3' below its Countries: no country, no masking description of a footer
    tables, _ = _read(_printed(SEED_002, 40, ["meddatax.com"], ["meddatax.com/trials/NCT05300932 - 05 Dec 2026",
                                                                  "Page {k} of {n}"]))
    assert tables["countries"] == [{"name": "China"}]
    assert tables["designs"][0]["masking_description"] is None


@pytest.mark.parametrize("line", [
    "Page 2 of 5", "page 12/14", "12/5/26, 9:14 AM", "05/12/2026 09:14", "2026-12-05 09:14",
    "https://www.meddatax.com/trials/NCT06936215", "meddatax.com/trials/NCT05300932 - 05 Dec 2026", "meddatax",
    "MedDataX.com", "Safety and Efficacy of Baricitinib | meddatax", "meddatax.com \u00b7 Privacy \u00b7 Terms",
])
def test_a_line_a_browser_prints_on_each_page_is_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "NCT ID: NCT06936215", "2022-03-08", "18 Years", "Tongji Hospital", "Page Hospital",
    "Visit 2 of 5 at week 12", "Dose level 1: 10 mg", "Data are stored at meddatax partner sites.", "2/8",
])
def test_a_line_of_the_page_is_no_furniture_by_its_shape(line):
    assert not is_furniture(line)


def test_a_line_only_at_the_edge_of_one_printed_page_stays():
    lines = ["Conditions", "Asthma", "\fAsthma", "Sponsors", "Acme", "\fRole: CONTACT", "Acme"]
    assert page_lines(lines) == ["Conditions", "Asthma", "", "Asthma", "Sponsors", "Acme", "", "Role: CONTACT", "Acme"]


def test_a_page_s_own_line_repeated_at_the_file_s_foot_stays_when_no_print_is_shown():
    lines = ["Conditions", "Asthma", "Sponsors", "Acme", "Role: CONTACT", "Locations", "Role: CONTACT"]
    assert page_lines(lines) == lines


def test_bare_page_counters_of_a_print_without_form_feeds_are_dropped_only_when_they_count_its_pages():
    lines = ["12/5/26, 9:14 AM", "Conditions", "Asthma", "1/2", "Sponsors", "Acme", "2/2"]
    assert page_lines(lines) == ["Conditions", "Asthma", "Sponsors", "Acme"]
    lines = ["12/5/26, 9:14 AM", "Conditions", "1/2", "Sponsors", "3/4"]
    assert page_lines(lines) == ["Conditions", "1/2", "Sponsors", "3/4"]


def test_a_page_counter_repeated_at_every_printed_page_s_foot_is_dropped():
    lines = ["Conditions", "Asthma", "1/3\fSponsors", "Acme", "2/3\fLocations", "Clinic", "3/3\f"]
    assert page_lines(lines) == ["Conditions", "Asthma", "Sponsors", "Acme", "Locations", "Clinic", ""]


# An explainer sentence wrapped by a print ------------------------------------------------------------------------

def _wrapped(text: str, heading: str, at: int) -> str:
    """The page with `heading`'s explainer broken after its `at`-th character's word."""
    sentence = CHROME[heading]
    cut = sentence.index(" ", at)
    return _replaced(text, sentence, f"{sentence[:cut]}\n{sentence[cut + 1:]}")


@pytest.mark.parametrize("heading, table", [("Conditions", "conditions"), ("Sponsors", "sponsors"),
                                            ("Locations", "facilities"), ("Central Contacts", "central_contacts"),
                                            ("Other Identifiers", "id_information")])
def test_an_explainer_wrapped_over_two_lines_is_no_row(heading, table):
    seed, _ = _read(SEED_004)
    tables, problems = _read(_wrapped(SEED_004, heading, 40))
    assert tables[table] == seed[table] and problems == []


def test_an_explainer_wrapped_over_three_lines_is_no_condition():
    sentence = CHROME["Conditions"]
    first, second = sentence.index(" ", 25), sentence.index(" ", 55)
    text = _replaced(SEED_004, sentence, f"{sentence[:first]}\n{sentence[first + 1:second]}\n{sentence[second + 1:]}")
    assert _read(text)[0]["conditions"] == [{"name": "Diffuse Cutaneous Systemic Sclerosis"}]


def test_a_condition_that_begins_as_an_explainer_does_stays():
    text = _replaced(SEED_004, "Diffuse Cutaneous Systemic Sclerosis\n", "See the medical conditions\nlisted\n")
    assert _read(text)[0]["conditions"] == [{"name": "See the medical conditions"}, {"name": "listed"}]


# A label and its value copied as two cells of one line ----------------------------------------------------------

def _tabbed(text: str, label: str) -> str:
    """The page with a label's value on the label's line, after a tab (as a browser copies the two cells)."""
    at = text.index(f"\n{label}\n") + 1
    value_at = text.index("\n", at + len(label) + 2)
    value = text[at + len(label):value_at].strip()
    return text[:at] + f"{label}\t{value}" + text[value_at:]


def test_labels_and_values_copied_as_tab_parted_cells_read_as_on_the_page():
    seed, _ = _read(SEED_004)
    text = SEED_004
    for label in ("Recruitment Status", "Clinical Phase", "Total Enrollment", "Study Classification",
                  "Study Start Date", "Study Completion Date", "Allocation Method", "Intervention Model",
                  "Primary Study Purpose", "Blinding Strategy", "Minimum Eligible Age", "Eligible Sex",
                  "Accepts Healthy Volunteers"):
        text = _tabbed(text, label)
    tables, problems = _read(text)
    assert problems == []
    assert tables["studies"] == seed["studies"] and tables["designs"] == seed["designs"]
    assert tables["eligibilities"][0]["minimum_age"] == "18 Years" and tables["eligibilities"][0]["gender"] == "ALL"


def test_compact_values_copied_as_one_row_of_cells_read_as_on_the_page():
    seed, _ = _read(SEED_002)
    text = _replaced(SEED_002, "ACTIVE_NOT_RECRUITING\nPHASE4\n60 participants\nINTERVENTIONAL\n",
                     "ACTIVE_NOT_RECRUITING\tPHASE4\t60 participants\tINTERVENTIONAL\n")
    text = _replaced(text, "NON_RANDOMIZED\nPARALLEL\nTREATMENT\nNONE", "NON_RANDOMIZED\tPARALLEL\tTREATMENT\tNONE")
    text = _replaced(text, "18 Years\nALL\nNo\n", "18 Years\tALL\tNo\n")
    tables, problems = _read(text)
    assert problems == []
    assert (tables["studies"], tables["designs"], tables["eligibilities"]) == (seed["studies"], seed["designs"],
                                                                               seed["eligibilities"])


@pytest.mark.parametrize("line, lines", [
    ("Recruitment Status\tRECRUITING", ("Recruitment Status", "RECRUITING")),
    ("Eligible sex:\tALL", ("Eligible sex", "ALL")),
    ("PHASE2\t40 participants", ("PHASE2", "40 participants")),
    ("1.\tAge 18 or over", ("1.\tAge 18 or over",)),
    ("Group A\tbaricitinib 4 mg", ("Group A\tbaricitinib 4 mg",)),
    ("Recruitment Status\tRECRUITING\tPHASE3", ("Recruitment Status\tRECRUITING\tPHASE3",)),
])
def test_a_tab_parted_line_is_split_only_into_a_label_and_value_or_bare_values(line, lines):
    assert cell_lines(line) == lines


# Descriptions and titles wrapped by a print ----------------------------------------------------------------------

def test_a_compact_description_wrapped_over_lines_is_a_problem_not_names():
    groups = ["Arm A", "Drug X 10 mg daily.", "Drug X", "Drug X tablets given with food every morning, combined with",
              "a low dose of drug Y for the first 12 weeks of the study."]
    interventions = ["Drug X", "Drug X tablets given with food every morning, combined with",
                     "a low dose of drug Y for the first 12 weeks of the study."]
    decided = compact_arms.read_sections(groups, interventions)
    assert (decided.entries, decided.heads, decided.arms) == (None, None, None)


def test_the_seed_printed_with_its_descriptions_wrapped_loads_no_invented_intervention():
    long = ("Subject received cyclophosphamide 400mg intravenous drip every 2 weeks combined with oral Prednisone "
            "10-15 mg/d (standard of care)through the 24 weeks double blind period.")
    text = SEED_002.replace(long, long.replace(" combined with ", " combined with\n"))
    tables, problems = _read(text)
    assert compact_arms.UNDECIDED in [reason for reason, _ in problems]
    assert "interventions" not in tables and "design_groups" not in tables


@pytest.mark.parametrize("line, breaks", [("Drug X given with", True), ("Drug X given daily,", True),
                                          ("Cohort A", False), ("Group B", False), ("Placebo", False),
                                          ("Drug X (", True)])
def test_a_line_that_stops_where_no_name_ends_is_never_a_name(line, breaks):
    assert breaks_off(line) is breaks


def test_a_related_trial_s_title_wrapped_over_lines_is_one_title():
    rows = related_trials(["Skin Biopsy Specimens as Biomarkers of Systemic Sclerosis and Response to",
                           "Mycophenolate Mofetil", "NCT00853788", "Treatment of Early Systemic Sclerosis by Bosentan",
                           "NCT00226889 TERMINATED PHASE1/PHASE2"])
    assert [row["title"] for row in rows] == [
        "Skin Biopsy Specimens as Biomarkers of Systemic Sclerosis and Response to Mycophenolate Mofetil",
        "Treatment of Early Systemic Sclerosis by Bosentan"]


# Lists with bullets ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, items", [
    (["\u2022 Asthma", "\u00b7 COPD", "\u25aa Bronchiectasis", "- Cough"],
     ["Asthma", "COPD", "Bronchiectasis", "Cough"]),
    (["1. Asthma", "2. COPD"], ["Asthma", "COPD"]),
    (["1. Asthma"], ["1. Asthma"]),
    (["2. Asthma", "3. COPD"], ["2. Asthma", "3. COPD"]),
    (["22q11 Deletion Syndrome", "Lung Cancer"], ["22q11 Deletion Syndrome", "Lung Cancer"]),
])
def test_list_items_lose_their_bullets_and_in_order_numbers_only(lines, items):
    assert list_items(lines) == items


def test_bulleted_conditions_and_countries_load_without_their_bullets():
    text = _replaced(SEED_004, "\nDiffuse Cutaneous Systemic Sclerosis\n",
                     "\n\u2022 Diffuse Cutaneous Systemic Sclerosis\n\u2022 Scleroderma\n")
    text = _replaced(text, "\nBangladesh\n\nCentral Contacts", "\n\u25aa Bangladesh\n\nCentral Contacts")
    tables, _ = _read(text)
    assert tables["conditions"] == [{"name": "Diffuse Cutaneous Systemic Sclerosis"}, {"name": "Scleroderma"}]
    assert tables["countries"] == [{"name": "Bangladesh"}]
