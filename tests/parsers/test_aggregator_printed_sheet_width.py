"""meddatax pages printed to PDF with their lines wrapped at the sheet's width (pdftotext): a site's name, an arm's
title or description wrapped over lines is one line where blank lines part the entries (the labelled page) and a
load problem where nothing does (the compact page); and a print's sheet numbers beside an identifier shaped as one.
Each beside a page or lines that read as before."""
from __future__ import annotations

import textwrap

from flows.parsers.aggregator_text import compact_arms
from flows.parsers.aggregator_text.design import unwrapped
from flows.parsers.aggregator_text.saved_copy import page_lines
from flows.parsers.aggregator_text.sites import UNDECIDED_SITES, locations
from flows.parsers.aggregator_text.wrapped_lines import fills_sheet, sheet_width, unwrapped_entries
from flows.parsers.model import Problem, StudyRecord
from tests.parsers.test_aggregator_printed_and_tab_copied_pages import _CHROME_PRINT, SEED_002, SEED_004, _printed
from tests.parsers.test_aggregator_wrapped_titles_ages_and_party import _read, _replaced

_LONG_SITE = "Universitätsklinikum Carl Gustav Carus an der Technischen Universität Dresden, Klinik für Neurologie"
_LONG_ARM = ("The subjects enrolled in this study will have a fructosamine test and blood drawn to see whether they "
             "are fast glycators")


def _wrapped_print(text: str, width: int) -> str:
    """The page printed on sheets `width` characters wide: each longer line wrapped between words."""
    lines = [part for line in text.split("\n")
             for part in (textwrap.wrap(line, width, break_long_words=False) if len(line) > width else [line])]
    return _printed("\n".join(lines), 40, *_CHROME_PRINT)


# The sheet's width ------------------------------------------------------------------------------------------------

def test_a_print_s_width_is_its_longest_wrapped_line_and_a_page_whose_paragraphs_stay_whole_has_none():
    wrapped = ["a " * 38 + "end", *["word " * 15 + "end"] * 5, "Placebo", "x" * 140]
    assert sheet_width(wrapped, printed=True) == 79  # a line of one word (no gap to wrap at) is not measured
    assert sheet_width(wrapped, printed=False) is None
    assert sheet_width(["word " * 60, *["word " * 15] * 5], printed=True) is None


def test_a_line_fills_the_sheet_when_the_next_line_s_first_word_would_not_fit_after_it():
    line = "x" * 70
    assert fills_sheet(line, "continued here", 76) and not fills_sheet(line, "on", 76)
    assert not fills_sheet(line, "continued", None) and not fills_sheet(line, "", 76)


# A site's name wrapped by a print --------------------------------------------------------------------------------

def test_a_labelled_site_name_wrapped_over_lines_is_one_name():
    first, rest = textwrap.wrap(_LONG_SITE, 80)
    lines = [first, rest, "", "Dresden, , Germany", "", "Site Status RECRUITING", "", "BSMMU", "",
             "Dhaka, , Bangladesh"]
    rows = locations(lines, 80)
    assert [(row["name"], row["city"], row["status"]) for row in rows] == [
        (_LONG_SITE, "Dresden", "RECRUITING"), ("BSMMU", "Dhaka", None)]
    # not printed: the lines are as the page shows them
    assert [row["name"] for row in locations(lines)] == [first, rest, "BSMMU"]


def test_a_compact_site_name_that_fills_the_printed_line_above_no_address_is_a_problem():
    first, rest = textwrap.wrap(_LONG_SITE, 80)
    problem = locations([first, rest, "Dresden, , Germany", "BSMMU", "Dhaka, , Bangladesh"], 80)
    assert isinstance(problem, Problem) and problem.reason == UNDECIDED_SITES
    # a long name with its address right below it reads as the page shows it
    rows = locations([first, "Dresden, , Germany", "BSMMU", "Dhaka, , Bangladesh"], 80)
    assert [(row["name"], row["country"]) for row in rows] == [(first, "Germany"), ("BSMMU", "Bangladesh")]


def test_a_labelled_page_printed_with_a_long_site_name_wrapped_keeps_the_name_whole():
    text = _replaced(SEED_004, "\nBSMMU\n", f"\n{_LONG_SITE}\n")
    seed, _ = _read(text)
    tables, problems = _read(_wrapped_print(text, 80))
    assert tables["facilities"] == seed["facilities"] and tables["facilities"][0]["name"] == _LONG_SITE
    assert problems == []


# An arm's description wrapped by a print -------------------------------------------------------------------------

def test_a_compact_description_line_that_fills_the_printed_line_leaves_arms_and_names_unread():
    lines = ["Fast Glycator", *textwrap.wrap(_LONG_ARM, 90), "Control", "Blood drawn to know the normal glycation rate"]
    decided = compact_arms.read_sections(lines, lines)  # the misreading the wrapped lines leave: a cut description
    assert decided.heads[0] == ("Fast Glycator", textwrap.wrap(_LONG_ARM, 90)[0])
    record = StudyRecord("NCT00000001", {"studies": [{}]})
    problems = compact_arms.read_into(record, lines, lines, width=90)
    assert [problem.reason for problem in problems] == [compact_arms.UNDECIDED]
    assert not {"design_groups", "interventions", "design_group_interventions"} & set(record.tables)
    # the description on one line, printed or not: read as before
    whole = ["Fast Glycator", _LONG_ARM, "Control", "Blood drawn to know the normal glycation rate"]
    for width in (None, 130):
        record = StudyRecord("NCT00000001", {"studies": [{}]})
        assert compact_arms.read_into(record, whole, whole, width=width) == []
        assert record.tables["design_groups"][0]["description"] == _LONG_ARM


def test_the_compact_seed_printed_narrow_loads_no_invented_arm():
    seed, _ = _read(SEED_002)
    tables, problems = _read(_wrapped_print(SEED_002, 70))
    assert compact_arms.UNDECIDED in [reason for reason, _ in problems]
    assert "design_groups" not in tables and "interventions" not in tables
    assert tables["facilities"] == seed["facilities"] and tables["countries"] == seed["countries"]


def test_a_labelled_title_and_description_wrapped_by_a_print_are_one_line_each():
    title = "NEXThaler 200/6 mcg plus activated charcoal given with the first dose of the study drug"
    lines = [title[:60].rsplit(" ", 1)[0], title[len(title[:60].rsplit(" ", 1)[0]) + 1:], "",
             "Single dose", "", "Group Type EXPERIMENTAL"]
    assert unwrapped(lines, 62) == [title, "", "Single dose", "", "Group Type EXPERIMENTAL"]
    assert unwrapped(lines, None) == lines
    compact = [lines[0], lines[1], "Single dose"]  # no blank lines: nothing tells a wrap
    assert unwrapped(compact, 62) == compact


# Sheet numbers beside an identifier shaped as one ----------------------------------------------------------------

def test_sheet_numbers_of_a_print_without_form_feeds_are_dropped_beside_an_identifier_shaped_as_one():
    lines = ["12/5/26, 9:14 AM", "Conditions", "Asthma", "1/3", "Other Identifiers", "2006/22", "2/3", "Acme", "3/3"]
    assert page_lines(lines) == ["Conditions", "Asthma", "Other Identifiers", "2006/22", "Acme"]
    lines = ["12/5/26, 9:14 AM", "Conditions", "1/2", "Sponsors", "3/4"]
    assert page_lines(lines) == ["Conditions", "1/2", "Sponsors", "3/4"]


def test_an_entry_a_print_broke_after_a_hyphen_is_one_word_again():
    lines = ["Centre Hospitalier Universitaire de Saint-", "Etienne", "", "Hôpital Nord"]
    assert unwrapped_entries(lines, 42) == ["Centre Hospitalier Universitaire de Saint-Etienne", "", "Hôpital Nord"]
    assert unwrapped_entries(["Centre Hospitalier de", "Lyon Sud"], 24) == ["Centre Hospitalier de Lyon Sud"]
