"""Trial-summary pages as users get them (printed to PDF and turned back into text, a reader view, saved as wrapped
text, lists with other bullets) and of other kinds of study: a printed page's running header and footer never
reach a loaded value, and every value is read as the page shows it, or named as a load problem."""
from __future__ import annotations

import textwrap

import pytest

from flows.parsers import summary_text
from flows.parsers.model import Refused
from flows.parsers.summary_text.list_items import list_names
from flows.parsers.summary_text.page_furniture import without_furniture
from flows.parsers.summary_text.see_also import see_also
from flows.parsers.summary_text.title import ONE_TITLE, page_title, wrap_width

TITLE = "Tofacitinib in Anti-MDA5 Positive Dermatomyositis"
SUMMARY = ["This study tests whether tofacitinib added to glucocorticoids",
           "improves survival in adults with anti-MDA5", "positive dermatomyositis and interstitial lung disease."]
DESCRIPTION = ["Patients receive tofacitinib 5 mg twice daily for 12 months."]
KEYS = ["NCT number NCT09000951", "Study type Interventional", "Source Example University Hospital",
        "Status Recruiting", "Phase Phase 2", "Start date April 2, 2020", "Completion date December 30, 2027"]
ROWS = ["Completed NCT03529955 - Apremilast in Dermatomyositis Phase 2",
        "Recruiting NCT05375435 - Triple Therapy in Anti-MDA5 Dermatomyositis Phase 4"]


def _body(title=TITLE, conditions=("Dermatomyositis",), keys=KEYS, rows=ROWS) -> list[str]:
    return ["Clinical Trials Logo", "", title, "", "Clinical Trial Summary", "", *SUMMARY, "",
            "Clinical Trial Description", "", *DESCRIPTION, "", "Study Design", "",
            "Related Conditions & MeSH terms", "", *conditions, "", *keys, "", "See also",
            "Status Clinical Trial Phase", *rows]


def _printed(body: list[str], cuts: list[int], header, footer, form_feed: bool = True) -> bytes:
    """The body printed on pages that end before each line in `cuts`, each with its header and footer."""
    pages = [body[low:high] for low, high in zip([0, *cuts], [*cuts, len(body)])]
    texts = ["\n".join([*header(number, len(pages)), *page, *footer(number, len(pages))])
             for number, page in enumerate(pages, 1)]
    return (("\n\f" if form_feed else "\n").join(texts) + "\n").encode()


def _read(page: bytes):
    parsed = summary_text.parse(page)
    (record,) = parsed.records
    return record, [(problem.reason, problem.detail) for problem in parsed.problems]


def _text(record, table: str) -> str:
    return " ".join(record.tables[table][0]["description"].split())


URL = "https://www.trialsummaries.example/trial/NCT09000951"


def _chrome_header(number: int, pages: int) -> list[str]:
    return ["12/5/26, 9:14 AM", "Clinical Trial Summary - NCT09000951", ""]


def _chrome_footer(number: int, pages: int) -> list[str]:
    return ["", URL, f"{number}/{pages}"]


# A page printed to PDF and turned back into text ---------------------------------------------------------------


@pytest.mark.parametrize("cuts", [[7, 20, 33], [8, 24, 34], [9, 23, 32]])
def test_a_printed_page_s_running_header_and_footer_reach_no_value(cuts):
    # the pages break inside the summary, the key block and 'See also'
    record, problems = _read(_printed(_body(), cuts, _chrome_header, _chrome_footer))
    assert _text(record, "brief_summaries") == " ".join(SUMMARY)
    assert _text(record, "detailed_descriptions") == " ".join(DESCRIPTION)
    assert record.study["brief_title"] == TITLE and record.study["phase"] == "PHASE2"
    assert [row["name"] for row in record.tables["conditions"]] == ["Dermatomyositis"]
    assert [row["related_nct_id"] for row in record.tables["related_studies"]] == ["NCT03529955", "NCT05375435"]
    assert "\f" not in record.tables["brief_summaries"][0]["description"] and problems == []


def test_a_printed_page_whose_pages_break_mid_paragraph_keeps_the_paragraph_whole():
    record, _ = _read(_printed(_body(), [7], _chrome_header, _chrome_footer))
    assert record.tables["brief_summaries"][0]["description"] == "\n".join(SUMMARY)


def test_a_printed_page_saved_without_form_feeds_loses_its_header_and_footer_too():
    def header(number, pages):
        return [f"{TITLE} {URL}", ""]

    def footer(number, pages):
        return ["", f"Page {number} of {pages}", "12/5/2026, 09:14"]

    record, problems = _read(_printed(_body(), [7, 22, 33], header, footer, form_feed=False))
    assert _text(record, "brief_summaries") == " ".join(SUMMARY) and record.study["brief_title"] == TITLE
    assert [row["name"] for row in record.tables["conditions"]] == ["Dermatomyositis"] and problems == []


def test_a_site_s_own_print_header_between_conditions_is_no_condition():
    def header(number, pages):
        return ["TrialSummaries \u2014 www.trialsummaries.example", f"Printed 05 Dec 2026 from {URL}", ""]

    def footer(number, pages):
        return ["", f"Page {number} of {pages}"]

    body = _body(conditions=("Dermatomyositis", "Interstitial Lung Disease"))
    cut = body.index("Interstitial Lung Disease")
    record, problems = _read(_printed(body, [cut], header, footer))
    assert [row["name"] for row in record.tables["conditions"]] == ["Dermatomyositis", "Interstitial Lung Disease"]
    assert problems == []


def test_a_running_header_that_spells_the_summary_heading_starts_no_summary():
    def header(number, pages):
        return ["12/5/26, 9:14 AM", "Clinical Trial Summary", ""]

    record, problems = _read(_printed(_body(), [7, 14, 24], header, _chrome_footer))
    assert _text(record, "brief_summaries") == " ".join(SUMMARY) and record.study["brief_title"] == TITLE
    assert problems == []


def test_a_page_printed_keeping_its_layout_loses_its_margin_and_its_header_and_footer():
    def header(number, pages):
        return ["12/5/26, 9:14 AM" + " " * 30 + "Clinical Trial Summary - NCT09000951", ""]

    def footer(number, pages):
        return ["", URL + " " * 40 + f"{number}/{pages}"]

    body = [f"    {line}" if line else line for line in _body()]
    record, problems = _read(_printed(body, [7, 20], header, footer))
    assert record.tables["brief_summaries"][0]["description"] == "\n".join(SUMMARY)
    assert record.study["brief_title"] == TITLE and problems == []


def test_a_one_page_print_loses_its_footer():
    page = "\n".join(["TrialSummaries \u2014 www.trialsummaries.example", "", *_body(), "", URL, "Page 1 of 1"])
    record, problems = _read(page.encode())
    assert len(record.tables["related_studies"]) == 2 and problems == []


@pytest.mark.parametrize("lines", [
    ["Enrollment", "40"],  # a key block copied one cell a line ends with a bare number
    ["See https://www.example.org/study for details.", "https://www.example.org/study"],
    ["Visits on 12/5/26, 9:14 AM and 12/6/26, 9:14 AM", "1/2 of the participants"],
])
def test_a_page_that_was_not_printed_keeps_every_line(lines):
    assert without_furniture(lines) == lines


@pytest.mark.parametrize("stamp", ["Page 2 of 5", "page 3", "PAGE 2/5", f"{URL} 2/5", "12/5/26, 9:14 AM",
                                   "05/12/2026, 09:14", "5.12.2026 09:14", "2026-12-05 09:14"])
def test_a_line_only_a_printed_page_shows_is_left_out_wherever_it_stands(stamp):
    assert without_furniture(["Text above", stamp, "Text below"]) == ["Text above", "Text below"]


def test_only_the_lines_at_a_printed_page_s_edge_are_its_header_and_footer():
    lines = ["12/5/26, 9:14 AM", "Site", "", "Title", "Text above", "", "Site 1/2", "\fSite", "", "Text below",
             "Site 2/2", "\f"]
    assert without_furniture(lines) == ["Title", "Text above", "Text below"]


# A reader view, a page saved as wrapped text ------------------------------------------------------------------


@pytest.mark.parametrize("above", [
    ["trialsummaries.example", "", TITLE, "", "6\u20138 minutes"],
    ["trialsummaries.example", TITLE, "6\u20138 minutes"],
    ["www.trialsummaries.example", "", TITLE, "5 min read"],
])
def test_a_reader_view_s_domain_and_reading_time_are_no_title(above):
    assert page_title(above) == (TITLE, None)


def test_a_title_wrapped_by_a_page_saved_at_a_fixed_width_is_read_whole():
    text = " ".join(SUMMARY * 2)
    wrapped = textwrap.wrap(text, 64)
    assert wrap_width(wrapped) == max(map(len, wrapped)) and wrap_width([text]) is None
    title = ["Efficacy and Safety of Tofacitinib in the Treatment of Anti-MDA5", "Positive Dermatomyositis"]
    assert page_title(title, 64) == (" ".join(title), None)
    assert page_title(["Clinical Trials Database", "A Study of Tofacitinib"], 64)[0] == Refused(
        "Clinical Trials Database / A Study of Tofacitinib", ONE_TITLE)


def test_a_page_saved_as_text_wrapped_at_a_fixed_width_keeps_its_wrapped_title():
    title = "Efficacy and Safety of Tofacitinib in the Treatment of Anti-MDA5 Positive Dermatomyositis"
    body = _body(title="\n".join(textwrap.wrap(title, 64)))
    at = body.index("Clinical Trial Summary") + 2
    body[at:at + len(SUMMARY)] = textwrap.wrap(" ".join(SUMMARY * 3), 64)
    record, problems = _read("\n".join(body).encode())
    assert record.study["brief_title"] == title and problems == []


# Lists as copied and saved ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lines, names", [
    (["\u2022 Dermatomyositis", "\u00b7 Myositis", "\u25aa Lung Diseases, Interstitial", "- Asthma"],
     ["Dermatomyositis", "Myositis", "Lung Diseases, Interstitial", "Asthma"]),
    (["1. Dermatomyositis", "2. Myositis", "3) Asthma"], ["Dermatomyositis", "Myositis", "Asthma"]),
    (["22q11.2 Deletion Syndrome", "-ILD"], ["22q11.2 Deletion Syndrome", "-ILD"]),
    (["2. Myositis", "5. Asthma"], ["2. Myositis", "5. Asthma"]),
])
def test_conditions_lose_any_bullet_and_the_numbers_of_a_list_numbered_in_order(lines, names):
    assert list_names(lines) == names


def test_bulleted_conditions_load_without_their_bullets():
    record, _ = _read("\n".join(_body(conditions=("\u00b7 Dermatomyositis", "\u25aa Myositis"))).encode())
    assert [row["name"] for row in record.tables["conditions"]] == ["Dermatomyositis", "Myositis"]


def test_a_see_also_row_wrapped_over_three_lines_is_one_row_whole():
    rows, strays = see_also(["Completed NCT03529955 - Evaluating Safety & Efficacy of Apremilast in",
                             "the Treatment of Cutaneous Disease in Patients With Recalcitrant",
                             "Dermatomyositis Phase 2", "Terms of use"])
    assert [(row["title"], row["stated_phase"]) for row in rows] == [
        ("Evaluating Safety & Efficacy of Apremilast in the Treatment of Cutaneous Disease in Patients With "
         "Recalcitrant Dermatomyositis", "PHASE2")] and strays == 1


# Studies of other kinds ----------------------------------------------------------------------------------------


def test_a_device_study_without_phases_and_a_withdrawn_one_load_as_the_registry_gives_them():
    keys = [*KEYS[:3], "Status Withdrawn", "Why stopped Sponsor withdrew the device before the first participant",
            "Phase Not Applicable", "Enrollment 0 (Actual)", "FDA regulated device Yes"]
    record, problems = _read("\n".join(_body(keys=keys)).encode())
    assert tuple(record.study.get(name) for name in ("overall_status", "phase", "enrollment", "enrollment_type",
                                                     "is_fda_regulated_device")) == ("WITHDRAWN", "NA", 0, "ACTUAL",
                                                                                     True)
    assert problems == []
