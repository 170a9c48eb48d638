"""What a print to PDF adds to a study page, told alike on every text layout (lines only a print has, lines a print
has at a sheet's edge, the header and footer its sheets repeat, its sheet numbers), and list marks before names;
each beside lines of a page that must stay."""
from __future__ import annotations

import pytest

from flows.parsers.aggregator_text.list_items import list_items
from flows.parsers.aggregator_text.saved_copy import is_furniture, page_lines
from flows.parsers.ctgov_classic_text.printed_copy import as_screen_text, is_wrapped
from flows.parsers.list_marks import list_names, with_bullet, without_bullet, without_numbers
from flows.parsers.printed_pages import (broken_before, is_page_number, is_print_edge, is_print_only, is_printed,
                                         line_form, page_counters, rejoined, sheets, without_running_lines)
from flows.parsers.summary_text.list_items import list_names as summary_list_names
from flows.parsers.summary_text.page_furniture import without_furniture as summary_without_furniture

# Lines only a print has, wherever they stand ---------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Page 2 of 5", "page 3", "PAGE 2/5", "  Page 12 of 14  ", "https://www.example.org/trial/NCT09000951 2/5",
    "12/5/26, 9:14 AM", "12/5/26, 9:14:05 p.m.", "05/12/2026 09:14", "5.12.2026 09:14", "2026-12-05 09:14",
    "2026-12-05T09:14:33",
])
def test_a_line_only_a_print_has_is_told_by_its_shape(line):
    assert is_print_only(line)


@pytest.mark.parametrize("line", [
    "Page Hospital", "Visit 2 of 5 at week 12", "2/5", "- 2 -", "2022-03-08", "12/5/26", "9:14 AM",
    "Visits on 12/5/26, 9:14 AM and 12/6/26, 9:14 AM", "https://www.example.org/study", "18 Years", "",
    "5.12/2026 09:14", "Dose level 1: 10 mg",
])
def test_a_line_of_a_page_is_no_print_line(line):
    assert not is_print_only(line)


@pytest.mark.parametrize("line", ["2/5", "2 of 5", "- 2 -", "\u2013 12 \u2013", "https://www.example.org/study",
                                  "www.example.org", "12/5/26, 9:14 AM Clinical Trial Summary - NCT09000951"])
def test_a_line_a_print_has_at_a_sheet_s_edge_is_told_by_its_shape(line):
    assert is_print_edge(line)


@pytest.mark.parametrize("line", ["1/2 of the participants", "-ILD", "See https://www.example.org/study", "40",
                                  "Enrollment", "2 - 5", ""])
def test_a_line_of_a_page_is_no_edge_line(line):
    assert not is_print_edge(line)


@pytest.mark.parametrize("line, number", [("Page 2 of 5", True), ("2/5", True), ("2 of 5", True), ("- 2 -", True),
                                          ("page 3", False), ("Visit 2 of 5", False), ("2/5 mg", False)])
def test_a_sheet_number_is_a_line_that_is_only_the_sheet_s_number(line, number):
    assert is_page_number(line) is number


def test_numbers_and_spacing_aside_a_repeated_line_reads_alike():
    assert line_form("  Printed 05.12.2026  \u2013 NCT06936215") == line_form("Printed 06.12.2026 \u2013 NCT06936215")
    assert line_form("Site 1/2") == "Site #/#"


# Telling a printed copy ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lines, printed", [
    (["Conditions", "Asthma\f", "Sponsors"], True),
    (["Conditions", "Page 1 of 2", "Sponsors"], True),
    (["Conditions", "- 1 -", "Sponsors"], True),
    (["Conditions", "2026-12-05 09:14", "Sponsors"], True),
    (["Conditions", "Visit 2 of 5", "Phase 1/2", "Sponsors"], False),
])
def test_a_printed_copy_is_told_by_a_form_feed_or_a_line_only_a_print_has(lines, printed):
    assert is_printed(lines) is printed


# Sheets, their numbers and what they repeat ----------------------------------------------------------------------


def test_a_form_feed_parts_sheets_and_leaves_a_blank_line_only_when_asked():
    lines = ["Title", "Text\f", "\fMore"]
    assert sheets(lines) == [["Title", "Text"], [], ["More"]]
    assert sheets(lines, feed_leaves_blank=True) == [["Title", "Text"], ["", ""], ["More"]]


def test_a_copy_without_form_feeds_is_parted_after_each_sheet_number():
    assert sheets(["A", "Page 1 of 2", "B", "- 2 -"]) == [["A", "Page 1 of 2"], ["B", "- 2 -"], []]


@pytest.mark.parametrize("lines, counters", [
    (["1/2", "Text", "2/2"], {0, 2}),
    (["- 1 -", "Text", "- 2 -", "Text", "- 3 -"], {0, 2, 4}),
    (["1 of 2", "Text", "2 of 2"], {0, 2}),
    (["1/2", "Text", "3/4"], set()),
    (["2/2", "Text", "1/2"], set()),
    (["1/3", "Text", "2/3"], set()),
    (["Text", "Phase 1/2"], set()),
])
def test_bare_sheet_numbers_are_counters_only_when_they_count_every_sheet_in_order(lines, counters):
    assert page_counters(lines) == counters


def test_a_header_and_footer_repeated_at_the_same_place_of_every_sheet_are_left_out():
    bodies = [["Conditions", "Asthma"], ["Sponsors", "Acme"], ["Locations", "Clinic"]]
    printed = [line for n, body in enumerate(bodies, 1)
               for line in ["12/5/26, 9:14 AM Trial", *body, f"https://www.example.org/t {n}/3\f"]]
    assert without_running_lines(printed) == [line for body in bodies for line in body]


def test_a_line_of_the_study_at_the_edge_of_some_sheets_only_stays():
    names = ["Asthma", "Drug: Placebo", "Sponsors", "Drug: Placebo", "Clinic"]
    printed = [line for name in names for line in ["Header", name, "Footer\f"]]
    assert without_running_lines(printed) == names


def test_a_line_the_layout_tells_is_the_study_s_never_counts_as_a_running_line():
    printed = ["NCT ID: NCT09000951", "Conditions\f", "NCT ID: NCT09000951", "Sponsors\f"]
    assert without_running_lines(printed) == ["Conditions", "Sponsors"]
    kept = without_running_lines(printed, own=lambda line: line.startswith("NCT ID:"))
    assert kept == ["NCT ID: NCT09000951", "Conditions", "NCT ID: NCT09000951", "Sponsors"]


# Each layout reads the shapes of every other's prints ------------------------------------------------------------


def test_a_meddatax_print_without_form_feeds_loses_dashed_sheet_numbers_and_a_dotted_stamp():
    lines = ["5.12.2026 09:14", "Conditions", "Asthma", "- 1 -", "Sponsors", "Acme", "- 2 -"]
    assert page_lines(lines) == ["Conditions", "Asthma", "Sponsors", "Acme"]
    assert is_furniture("https://www.example.org/trials/NCT06936215 2/5")


def test_a_clincosm_print_loses_a_dashed_sheet_number_and_a_stamp_alone():
    lines = ["Official Title:", "A Title", "- 1 -", "2026-12-05 09:14", "Allocation:", "N/A", "- 2 -"]
    assert is_printed(lines) and is_wrapped(lines, is_printed(lines))
    assert as_screen_text(lines, True) == ["Official Title:", "A Title", "Allocation:", "N/A"]


def test_a_trial_summary_print_loses_a_stamp_with_seconds():
    lines = ["Text above", "12/5/26, 9:14:05 AM", "Text below"]
    assert summary_without_furniture(lines) == ["Text above", "Text below"]


# List marks ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("item, name", [
    ("\u2022 Asthma", "Asthma"), ("\u2022Asthma", "Asthma"), ("\u25aa Bangladesh", "Bangladesh"),
    ("- Cough", "Cough"), ("\u2013 Cough", "Cough"), ("* Cough", "Cough"), ("-ILD", "-ILD"),
    ("22q11 Deletion Syndrome", "22q11 Deletion Syndrome"), ("Asthma \u2022 COPD", "Asthma \u2022 COPD"),
])
def test_a_bullet_is_no_part_of_a_name_but_a_sign_the_name_starts_with_is(item, name):
    assert without_bullet(item) == name


@pytest.mark.parametrize("items, names", [
    (["1. Asthma", "2) COPD"], ["Asthma", "COPD"]),
    (["1. Asthma"], ["1. Asthma"]),
    (["2. Asthma", "3. COPD"], ["2. Asthma", "3. COPD"]),
    (["1. Asthma", "COPD"], ["1. Asthma", "COPD"]),
    (["1.5 mg", "2.5 mg"], ["1.5 mg", "2.5 mg"]),
])
def test_list_numbers_go_only_from_a_list_numbered_in_order_from_one(items, names):
    assert without_numbers(items) == names


def test_a_list_s_names_are_its_non_blank_lines_without_marks():
    assert list_names(["", "  \u00b7 Myositis  ", "\u25aa Asthma", " "]) == ["Myositis", "Asthma"]


def test_every_layout_reads_list_marks_alike():
    # a bullet set close to its name, and a line alone numbered 1, read alike on meddatax and trial-summary pages
    for read in (list_items, summary_list_names):
        assert read(["\u2022Asthma", "\u2022COPD"]) == ["Asthma", "COPD"]
        assert read(["1. Asthma"]) == ["1. Asthma"]


@pytest.mark.parametrize("line, shown", [
    ("  \u25aa PekingUMCH-ZS-2497", "  \u2022 PekingUMCH-ZS-2497"), ("\u2013 Drug: X", "\u2022 Drug: X"),
    ("  \u2022 Drug: X", "  \u2022 Drug: X"), ("- Drug: X", "- Drug: X"),
    ("PUMCH \u00b7 ZS-2497", "PUMCH \u00b7 ZS-2497"),
    ("\u25aaDrug: X", "\u25aaDrug: X"), ("          \u25aa deeply indented", "          \u25aa deeply indented"),
])
def test_a_text_bullet_is_shown_as_the_page_s_own(line, shown):
    assert with_bullet(line, "\u2022") == shown


@pytest.mark.parametrize("line", ["Page 2 of 5", "page 3", "PAGE 2/5", "2/5", "2 of 5", "- 2 -", "\u2013 12 \u2013",
                                  "https://www.example.org/trial/NCT04966884 2/5", "www.example.org/x 1 / 3",
                                  "12/5/26, 9:14 AM", "5.12.2026 09:14", "05/12/2026 09:14:33", "2026-12-05 09:14",
                                  "2026-12-05T09:14:33"])
def test_a_print_is_told_by_each_line_only_a_print_has(line):
    """The screen that spares most lines the print patterns passes every line those patterns take."""
    assert is_page_number(line) or is_print_only(line)
    assert is_printed(["Conditions", "Asthma", f"  {line}  ", "Sponsors"])


# Lines a wrapping copy broke, as every layout reads them ----------------------------------------------------------


@pytest.mark.parametrize("line, below, width, broken", [
    ("Participants take the tablet twice a day for", "twelve weeks", 48, True),  # 'twelve' would not fit
    ("Participants take the tablet twice a day for", "six weeks", 50, False),  # 'six' would have fitted
    ("A randomized, double-blind, placebo-controlled", "Non-inferiority trial", 51, False),  # 'Non-' fits
    ("A randomized, double-blind, placebo-controlled", "Non-inferiority trial", 50, True),
    ("Ages 18 to", "65 years", 12, True),
    ("", "twelve weeks", 10, False),  # a blank line is broken off nothing
    ("Participants take the tablet", "", 10, False),
    ("Participants take the tablet", "twelve weeks", None, False),  # a copy that wraps nothing
])
def test_a_line_is_broken_where_the_next_lines_first_piece_would_not_have_fitted(line, below, width, broken):
    assert broken_before(line, below, width) is broken


@pytest.mark.parametrize("line, below, whole", [
    ("a cluster-", "randomized trial", "a cluster-randomized trial"),
    ("virtual reality--", "based therapy", "virtual reality--based therapy"),
    ("twice a day for  ", "  twelve weeks", "twice a day for twelve weeks"),
    ("HER2 -", "negative", "HER2 - negative"),  # a dash standing apart is no word's hyphen
    ("aged 18-", "65", "aged 18- 65"),  # a number's hyphen: the page's own space is not told from a wrap's
])
def test_a_broken_line_is_one_line_again_and_a_word_broken_at_its_hyphen_one_word(line, below, whole):
    assert rejoined(line, below) == whole
