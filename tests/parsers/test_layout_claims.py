"""Which layouts claim a page saved another way than the golden pages, and what the run does with it."""
from __future__ import annotations

import pytest

from flows.inputs import Input
from flows.parse_batch import ParsedBatch, as_utf8, parse_input
from flows.parsers import HEAD_BYTES, aggregator_text, claimants, ctgov_classic_text, summary_text
from tests.parsers.golden import GOLDEN_DIR

CLINCOSM, MEDDATAX, SUMMARY = "ctgov_classic_text", "aggregator_text", "summary_text"
HEADINGS = {CLINCOSM: ctgov_classic_text.HEADINGS, MEDDATAX: aggregator_text.HEADINGS,
            SUMMARY: summary_text.HEADINGS}
PAGES = {  # small whole pages of each layout
    CLINCOSM: ("bracketed_title_four_numbers_NCT09000202.txt", "NCT09000202"),
    MEDDATAX: ("compact_shared_intervention_NCT09000101.txt", "NCT09000101"),
    SUMMARY: ("study_design_filled_NCT09000301.txt", "NCT09000301"),
}
# What a browser copy of the whole window holds above the page's own text.
NAVIGATION = {CLINCOSM: "Skip to main content\nclincosm\nHome\nFind Trials\nAbout\nSign in\n\n",
              MEDDATAX: "meddatax\nSearch trials\nDrugs\nLog in\nHome › Trials\n\n",
              SUMMARY: "Home\nClinical Trials\nSearch\nContact us\n\n"}
SUMMARY_FILLER = "This study follows adults over many years at many sites in several countries. " * 60


def _page(layout: str) -> str:
    return (GOLDEN_DIR / layout / PAGES[layout][0]).read_text(encoding="utf-8")


def _seed(layout: str, name: str) -> str:
    return (GOLDEN_DIR / layout / name).read_text(encoding="utf-8")


def _title_case(line: str) -> str:
    """Each word's first letter in upper case, the rest as written ('MeSH', 'CT.gov')."""
    return " ".join(word[:1].upper() + word[1:] for word in line.split(" "))


def _headings_title_case(layout: str, page: str) -> str:
    return "\n".join(_title_case(line) if line.strip() in HEADINGS[layout] else line for line in page.split("\n"))


SAVED = {  # the same page as a user may save it: (bytes, whether it still reads whole)
    "crlf": lambda layout, page: page.replace("\n", "\r\n").encode(),
    "utf8-bom": lambda layout, page: b"\xef\xbb\xbf" + page.encode(),
    "utf16-bom": lambda layout, page: page.encode("utf-16"),
    "utf16le-no-bom": lambda layout, page: page.encode("utf-16-le"),
    "no-break-spaces": lambda layout, page: page.replace(" ", "\u00a0").encode(),
    "indented": lambda layout, page: "\n".join("    " + line for line in page.split("\n")).encode(),
    "blank-line-between-lines": lambda layout, page: "\n\n".join(page.split("\n")).encode(),
    "headings-title-case": lambda layout, page: _headings_title_case(layout, page).encode(),
    "browser-navigation-above": lambda layout, page: (NAVIGATION[layout] + page).encode(),
}


@pytest.mark.parametrize("saved", SAVED, ids=str)
@pytest.mark.parametrize("layout", PAGES, ids=str)
def test_a_page_saved_another_way_is_claimed_by_its_layout_and_loads(layout, saved):
    assert _run(SAVED[saved](layout, _page(layout))) == ([layout], f"load {PAGES[layout][1]}")


@pytest.mark.parametrize("layout", PAGES, ids=str)
def test_a_page_cut_in_the_middle_is_claimed_by_its_layout_and_rejected_as_truncated(layout):
    page = _page(layout)
    claimed, outcome = _run(page[: len(page) // 2].encode())
    assert (claimed, outcome.startswith("reject truncated page:")) == ([layout], True)


def _clincosm(old: str, new: str) -> bytes:
    page = _page(CLINCOSM)
    assert old in page
    return page.replace(old, new, 1).encode()


def _without(layout: str, *lines: str) -> bytes:
    page = _page(layout) if layout != SUMMARY else _seed(SUMMARY, "003_NCT04966884.txt")
    for line in lines:
        assert line in page
        page = page.replace(line, "", 1)
    return page.encode()


ID_BLOCK = "CT.gov ID\nNCT09000202\n"
NO_ID = "reject no NCT id"


@pytest.mark.parametrize("raw, claimed, outcome", [
    # the header's 'CT.gov ID' block in another place of the header
    (_clincosm(ID_BLOCK, "").replace(b"Sponsor\n", ID_BLOCK.encode() + b"Sponsor\n", 1), [CLINCOSM],
     "load NCT09000202"),
    (_clincosm(ID_BLOCK, "").replace(b"40.0\n", b"40.0\n" + ID_BLOCK.encode(), 1), [CLINCOSM], "load NCT09000202"),
    # the page without its header: its sections say clincosm, the id is not read; the id beside its heading is read
    (_clincosm(_page(CLINCOSM).split("Study Details")[0], ""), [CLINCOSM], NO_ID),
    (_clincosm(ID_BLOCK, "CT.gov ID: NCT09000202\n"), [CLINCOSM], "load NCT09000202"),
    (_clincosm(ID_BLOCK, ""), [CLINCOSM], NO_ID),
    (_page(CLINCOSM)[:_page(CLINCOSM).index("Collaborator")].encode(), [CLINCOSM], "reject truncated page"),
    # meddatax without its 'Last Updated' line, without the explainer sentences, or copied from 'Basic Information'
    (_without(MEDDATAX, "Last Updated: 2025-09-02\n"), [MEDDATAX], "load NCT09000101"),
    (_without(MEDDATAX, *(sentence + "\n" for sentence in aggregator_text.CHROME.values()
                          if sentence + "\n" in _page(MEDDATAX))), [MEDDATAX], "load NCT09000101"),
    (_page(MEDDATAX)[_page(MEDDATAX).index("Basic Information"):].encode(), [MEDDATAX], NO_ID),
    # cut before its key block: nothing shows which site's page it was
    (_page(MEDDATAX)[:_page(MEDDATAX).index("Basic Information")].encode(), [], "reject unknown layout"),
    # a trial-summary page without the logo's alt text, and more of its top cut off
    (_without(SUMMARY, "Clinical Trials Logo\n"), [SUMMARY], "load NCT04966884"),
    (_without(SUMMARY, "Clinical Trials Logo\n", "Clinical Trial Description\n"), [SUMMARY], "load NCT04966884"),
    (_without(SUMMARY, "Clinical Trials Logo\n", "Clinical Trial Description\n").replace(
        b"NCT number NCT", b"NCT number\tNCT"), [SUMMARY], "load NCT04966884"),
    (_seed(SUMMARY, "003_NCT04966884.txt").split("\n\n\n", 1)[1].encode(), [SUMMARY], "reject truncated page"),
], ids=["clincosm-id-first", "clincosm-id-below-numbers", "clincosm-header-cut", "clincosm-id-on-one-line",
        "clincosm-no-id", "clincosm-cut-in-header", "meddatax-no-last-updated", "meddatax-no-explainers",
        "meddatax-from-basic-information", "meddatax-cut-before-basic-information", "summary-no-logo",
        "summary-no-logo-no-description", "summary-key-cells-tab", "summary-from-description"])
def test_a_page_with_a_part_moved_or_left_out_is_claimed_by_its_layout(raw, claimed, outcome):
    got_claimed, got_outcome = _run(raw)
    assert (got_claimed, got_outcome[:len(outcome)]) == (claimed, outcome)


def _long_top(layout: str, name: str, filler: str) -> bytes:
    page = _seed(layout, name)
    if layout == SUMMARY:
        heading = "Clinical Trial Summary\n"
        return page.replace("Clinical Trials Logo\n", "").replace(heading, heading + "\n" + filler + "\n", 1).encode()
    title, rest = page.split("\n", 1)
    return (title + " " + filler + "\n" + rest).encode()


@pytest.mark.parametrize("raw, layout, nct_id", [
    (_long_top(CLINCOSM, "001_NCT05792462.txt", SUMMARY_FILLER), CLINCOSM, "NCT05792462"),
    (_long_top(MEDDATAX, "004_NCT06936215.txt", SUMMARY_FILLER), MEDDATAX, "NCT06936215"),
    (_long_top(SUMMARY, "003_NCT04966884.txt", SUMMARY_FILLER), SUMMARY, "NCT04966884"),
    # the registry allows 5,000 characters of brief summary: in Chinese, 15,000 bytes above the description
    (_long_top(SUMMARY, "003_NCT04966884.txt", "本研究评估巴瑞替尼的疗效和安全性。" * 294), SUMMARY, "NCT04966884"),
], ids=["clincosm-long-title", "meddatax-long-title", "summary-long-summary", "summary-5000-chinese-characters"])
def test_a_page_whose_first_kilobytes_are_title_and_summary_is_still_claimed(raw, layout, nct_id):
    assert _run(raw) == ([layout], f"load {nct_id}")


@pytest.mark.parametrize("first, second", [
    ((CLINCOSM, "000_NCT04916756.txt"), (CLINCOSM, "001_NCT05792462.txt")),
    ((MEDDATAX, "002_NCT05300932.txt"), (MEDDATAX, "004_NCT06936215.txt")),
    ((SUMMARY, "003_NCT04966884.txt"), (SUMMARY, "study_design_filled_NCT09000301.txt")),
], ids=["clincosm", "meddatax", "summary"])
def test_two_pages_of_one_site_in_one_file_are_claimed_by_that_site_only(first, second):
    claimed, _ = _run((_seed(*first) + "\n\n" + _seed(*second)).encode())
    assert claimed == [first[0]]


def test_pages_of_two_sites_in_one_file_are_an_ambiguous_layout():
    raw = (_seed(CLINCOSM, "001_NCT05792462.txt") + "\n\n" + _seed(MEDDATAX, "004_NCT06936215.txt")).encode()
    assert _run(raw) == ([CLINCOSM, MEDDATAX], "reject ambiguous layout")


@pytest.mark.parametrize("layout", PAGES, ids=str)
def test_a_page_saved_as_latin_1_is_claimed_and_loaded_by_its_layout(layout):
    raw = _page(layout).replace("Study", "Étude", 1).encode("latin-1", "replace")
    assert _run(raw) == ([layout], f"load {PAGES[layout][1]}")


README = """Baricitinib trials we follow
============================

Each trial has a row in trials.csv. The fields, in the order the clincosm page shows them:

Sponsor
the lead sponsor, with its class in brackets
Overall Status
as the page shows it, e.g. Recruiting
CT.gov ID
the registry's id, e.g. NCT04916756

Basic Information
NCT ID: NCT04916756 is the pilot study; NCT05792462 is not yet recruiting.
"""
EMAIL = """Subject: NCT05792462 status

Hi all,

The sponsor confirmed that NCT05792462 is not yet recruiting.
NCT ID: NCT05792462
Overall Status: Not yet recruiting

Best regards
"""
CSV_EXPORT = """NCT Number,Study Title,Study Status,Sponsor,Phases,Enrollment
NCT04916756,Baricitinib in Primary Sjogren's Syndrome,COMPLETED,Peking Union Medical College Hospital,PHASE1|PHASE2,11
NCT05792462,Baricitinib in NMOSD,NOT_YET_RECRUITING,Tianjin Medical University General Hospital,PHASE1|PHASE2,12
"""
MARKDOWN_TABLE = """| NCT ID | Title | Overall Status | Sponsor |
|---|---|---|---|
| NCT04916756 | Baricitinib in pSS | Completed | Peking Union Medical College Hospital |
"""
API_ERROR_JSON = '{"message": "NCT0491675 is not a valid NCT ID", "code": 400}'
API_ERROR_TEXT = "400 Bad Request\nThe request could not be processed: 'NCT0491675' is not a valid NCT ID.\n"
RESULTS_SUB_PAGE = "Trial Outcomes\nNCT ID: NCT02258152\nLast Updated: 2019-04-19\nResults Overview\nCOMPLETED\n"


@pytest.mark.parametrize("text, reason", [
    (README, "unknown layout"), (EMAIL, "unknown layout"), (CSV_EXPORT, "CSV download"),
    (MARKDOWN_TABLE, "unknown layout"), (API_ERROR_JSON, "unknown layout"), (API_ERROR_TEXT, "unknown layout"),
], ids=["readme", "email", "csv-export", "markdown-table", "api-error-json", "api-error-text"])
def test_text_that_is_no_study_page_is_claimed_by_no_layout(text, reason):
    # The registry's CSV download is named as one (flows/other_downloads.py); the others are of no known layout.
    assert _run(text.encode()) == ([], f"reject {reason}")


def test_a_meddatax_results_sub_page_is_claimed_by_its_site_only_to_be_rejected_as_what_it_is():
    assert _run(RESULTS_SUB_PAGE.encode()) == (["aggregator_text"], "reject meddatax results page")


def _run(raw: bytes) -> tuple[list[str], str]:
    """The layouts that claim `raw` as the run reads it, and what the run does with it ('load <ids>' or
    'reject <reason>')."""
    batch = ParsedBatch()
    parse_input(Input("page.txt", raw, None), batch)
    claimed = [parser.LAYOUT for parser in claimants(as_utf8(raw)[:HEAD_BYTES])]
    if batch.records:
        return claimed, "load " + " ".join(sourced.record.nct_id for sourced in batch.records)
    return claimed, "reject " + "; ".join(reject.reason for reject in batch.rejects)
