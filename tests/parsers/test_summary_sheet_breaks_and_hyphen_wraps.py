"""Trial-summary pages of registry records as users copy them (printed to PDF and turned back into text, saved as
text wrapped at a fixed width, a list numbered as copied): a line of the study alike in shape to one across a
sheet's break is no running header or footer, a title wrapped at a hyphen is refused as the page shows it, and a
list of one condition numbered '1.' is loaded as shown and named as a problem."""
from __future__ import annotations

import textwrap

import pytest

from flows.parsers.model import Refused
from flows.parsers.summary_text.page_furniture import without_furniture
from flows.parsers.summary_text.title import HYPHEN_KNOWN, UNDECIDED_TITLE, page_title
from flows.parsers.summary_text.wrapped_words import hyphen_undecided
from tests.parsers.test_summary_printed_and_reader_view import KEYS, SUMMARY, TITLE, URL, _body, _printed, _read, _text

CONTACTS = ["Contact Clinical Study Information Center", "Phone 1-877-240-9479", "Email info@example.org",
            "Contact Study Locator Service", "Phone 1-877-400-4655", "Email locator@example.org"]
KEYS_WITH_CONTACTS = [*KEYS[:3], *CONTACTS, *KEYS[3:]]


def _title_header(number: int, pages: int) -> list[str]:
    return [f"{TITLE} {URL}", ""]


def _page_footer(number: int, pages: int) -> list[str]:
    return ["", f"Page {number} of {pages}", "12/5/2026, 09:14"]


def _site_header(number: int, pages: int) -> list[str]:
    return ["TrialSummaries \u2014 www.trialsummaries.example", f"Printed 05 Dec 2026 from {URL}", ""]


def _sheet_footer(number: int, pages: int) -> list[str]:
    return ["", f"Page {number} of {pages}"]


def _phones(record) -> list[str | None]:
    return [row["phone"] for row in record.tables["central_contacts"]]


# A line alike in shape to one across a sheet's break ------------------------------------------------------------


@pytest.mark.parametrize("header, footer, form_feed", [
    (_title_header, _page_footer, False), (_site_header, _sheet_footer, True)])
def test_the_second_contact_s_phone_below_a_sheet_s_break_is_the_page_s_own(header, footer, form_feed):
    # the first contact's phone stands right above the footer, the second's right below the header: alike numbers
    # aside, yet no line a print repeats
    body = _body(keys=KEYS_WITH_CONTACTS)
    second_phone = body.index(CONTACTS[4])
    record, problems = _read(_printed(body, [second_phone], header, footer, form_feed))
    assert _phones(record) == ["1-877-240-9479", "1-877-400-4655"] and problems == []
    # nearby: the sheets broken elsewhere read alike, the print's own header gone
    record, problems = _read(_printed(body, [second_phone - 4], header, footer, form_feed))
    assert _phones(record) == ["1-877-240-9479", "1-877-400-4655"] and record.study["brief_title"] == TITLE
    assert problems == []


def test_a_condition_that_spells_a_wrapped_title_s_last_line_stays_on_both():
    # the title's second line below one sheet's header, the condition above a later sheet's footer
    title = ["A Study of Chlorophyllin for Brain Radionecrosis in Patients With", "Diffuse Glioma"]
    body = _body(title="\n".join(title), conditions=("Diffuse Glioma",))
    body = "\n".join(body).split("\n")
    cuts = [body.index(title[1]), body.index("Related Conditions & MeSH terms") + 3]
    record, problems = _read(_printed(body, cuts, _site_header, _sheet_footer))
    assert [row["name"] for row in record.tables["conditions"]] == ["Diffuse Glioma"]
    assert record.study["brief_title"] == " ".join(title) and problems == []


def test_a_line_a_print_repeats_below_every_sheet_s_break_is_still_left_out():
    # the site's line heads both sheets, numbers aside; the phones either side of the break are the page's
    sheet_one = ["Site 1-877-000-0001", "Title", "Text one", "Text two", "Phone 1-877-240-9479", "", "Page 1 of 2"]
    sheet_two = ["Site 1-877-000-0002", "", "Phone 1-877-400-4655", "Text three", "Text four", "", "Page 2 of 2"]
    assert without_furniture(sheet_one + sheet_two) == ["Title", "Text one", "Text two", "Phone 1-877-240-9479",
                                                        "Phone 1-877-400-4655", "Text three", "Text four"]


def test_a_sheet_that_ends_with_the_summary_heading_its_running_header_spells_keeps_it():
    # the running header spells the page's heading at each sheet's top; the page's own ends the first sheet
    def header(number, pages):
        return ["12/5/26, 9:14 AM", "Clinical Trial Summary", ""]

    def footer(number, pages):
        return ["", URL, f"{number}/{pages}"]

    body = _body()
    record, problems = _read(_printed(body, [body.index("Clinical Trial Summary") + 1, 20], header, footer))
    assert _text(record, "brief_summaries") == " ".join(SUMMARY) and record.study["brief_title"] == TITLE
    assert problems == []
    # nearby: the sheet broken after the summary's first line reads alike
    record, problems = _read(_printed(body, [body.index("Clinical Trial Summary") + 3, 20], header, footer))
    assert _text(record, "brief_summaries") == " ".join(SUMMARY) and problems == []


def test_a_wrapped_page_printed_keeping_its_layout_reads_its_wrapped_title_whole():
    # the title's first line too full for the next line's short first word at the text's width, not the margin's
    title = "Efficacy and Safety of Tofacitinib Tablets in Anti-MDA5 Positive DM With ILD"
    body = _body(title="\n".join(textwrap.wrap(title, 64)))
    at = body.index("Clinical Trial Summary") + 2
    body[at:at + len(SUMMARY)] = textwrap.wrap(" ".join(SUMMARY * 3), 64)
    body = "\n".join(body).split("\n")
    record, problems = _read(_printed([f"    {line}" if line else line for line in body], [30], _site_header,
                                      _sheet_footer))
    assert record.study["brief_title"] == title and problems == []
    # nearby: the same page with every line at the page's edge
    record, problems = _read(_printed(body, [30], _site_header, _sheet_footer))
    assert record.study["brief_title"] == title and problems == []


# A title wrapped at a hyphen -----------------------------------------------------------------------------------


@pytest.mark.parametrize("upper, lower, undecided", [
    ("Discectomy Versus Microdiscectomy: RCT, Non-", "inferiority Trial", True),
    ("Palbociclib in Patients With HR+/HER2-", "Unresectable Breast Cancer", True),
    ("Anxiety in Pre-", "and Post-operative Care", False),  # the hyphen stands for a word: a space follows
    ("Anxiety in Adults With", "Post-operative Pain", False),
    ("Anxiety in Adults -", "a Pilot Study", False),
])
def test_a_wrapped_line_that_ends_in_a_word_s_hyphen_may_be_one_word_or_two(upper, lower, undecided):
    assert hyphen_undecided(upper, lower) is undecided


def test_a_title_wrapped_at_a_hyphen_is_refused_as_the_page_shows_it():
    title = ["Biportal Endoscopic Discectomy Versus Microdiscectomy: RCT, Non-", "inferiority Trial"]
    assert page_title(title, 64) == (Refused(" / ".join(title), HYPHEN_KNOWN),
                                     "a title line ends in a hyphen: whether the word goes on in the next line or a "
                                     "space follows the hyphen cannot be told")
    # nearby: a hyphen for a word left out, and a title wrapped between words, read whole
    assert page_title(["Anxiety and Pain Relief in Pre-", "and Post-operative Care"], 64) == (
        "Anxiety and Pain Relief in Pre- and Post-operative Care", None)
    wrapped = ["Efficacy and Safety of Tofacitinib in the Treatment of Anti-MDA5", "Positive Dermatomyositis"]
    assert page_title(wrapped, 64) == (" ".join(wrapped), None)


def test_a_page_saved_wrapped_whose_title_wraps_at_a_hyphen_names_the_problem():
    title = "Biportal Endoscopic Discectomy Versus Microdiscectomy: RCT, Non-inferiority Trial"
    summary = " ".join(["This trial compares two ways of removing a lumbar disc herniation in adults."] * 4)
    body = _body(title="\n".join(textwrap.wrap(title, 64)))
    at = body.index("Clinical Trial Summary") + 2
    body[at:at + 3] = textwrap.wrap(summary, 64)
    record, problems = _read("\n".join(body).encode())
    assert isinstance(record.study["brief_title"], Refused)
    assert [reason for reason, _ in problems] == [UNDECIDED_TITLE]


# A list of one condition numbered as copied --------------------------------------------------------------------


def test_a_single_condition_numbered_one_is_loaded_as_shown_and_named_as_a_problem():
    record, problems = _read("\n".join(_body(conditions=("1. Episodic Cluster Headache",))).encode())
    assert [row["name"] for row in record.tables["conditions"]] == ["1. Episodic Cluster Headache"]
    assert problems == [("unreadable value", "the only condition '1. Episodic Cluster Headache' starts with '1.': "
                                             "whether that is a list's number or part of the name cannot be told "
                                             "(loaded as shown)")]


@pytest.mark.parametrize("conditions, names", [
    (("1. Episodic Cluster Headache", "2. Migraine"), ["Episodic Cluster Headache", "Migraine"]),
    (("Episodic Cluster Headache",), ["Episodic Cluster Headache"]),
    (("2. Myositis",), ["2. Myositis"]),
    (("1p/19q Co-deleted Glioma",), ["1p/19q Co-deleted Glioma"]),
])
def test_conditions_numbered_in_order_or_not_numbered_read_as_before_without_a_problem(conditions, names):
    record, problems = _read("\n".join(_body(conditions=conditions)).encode())
    assert [row["name"] for row in record.tables["conditions"]] == names and problems == []
