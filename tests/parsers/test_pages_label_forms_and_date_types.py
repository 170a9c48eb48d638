"""The three sites' text pages: pages as users save or copy them in ways the seeds do not show. A line of a summary or
description that spells a section's heading shown again below it ('Eligibility Criteria', 'Study Design' inside the
Detailed Description); labels a copy shows without their colon (clincosm) or with one, or with the value on their line
(meddatax); a date's type after its label or value, or a bare type before the date; soft hyphens a browser's copy keeps
within words; a site's links and cookie notice above the title. Each read right, beside a nearby page or line that reads
as before."""
from __future__ import annotations

import re
from datetime import date

import pytest

from flows.parsers import aggregator_text
from flows.parsers.model import Refused
from tests.parsers.page_variants import CLASSIC as _CLASSIC, COMPACT as _COMPACT, LABELLED as _LABELLED
from tests.parsers.page_variants import SUMMARY as _SUMMARY, SUMMARY_KEYS as _SUMMARY_KEYS
from tests.parsers.page_variants import read_variant as _read



_AS_SHOWN = {id(base): _read(base, base) for base in (_CLASSIC, _LABELLED, _COMPACT, _SUMMARY, _SUMMARY_KEYS)}


def _as_shown(base: str) -> dict:
    """The golden page's own tables."""
    return _AS_SHOWN[id(base)][0]


def _same_study(page: str, base: str) -> None:
    """The variant reads as its golden page does, with no problem."""
    tables, problems = _read(page, base)
    assert tables == _as_shown(base) and problems == []


# A clincosm summary or description line that spells a heading the page shows again below ----------------------------

_DESCRIPTION_AT = "Detailed Description\n\n"


@pytest.mark.parametrize("quoted", [
    "Eligibility Criteria\n\nPatients were screened as described in the protocol.",
    "Study Design\n\nThis is an open label, single-centre pilot.",
    "Outcome Measures\n\nESSDAI at 12 weeks.\n\nEligibility Criteria\n\nAdults with pSS.",
    "More Information\n\nAsk the study team.",
    "Sponsor\n\nThe hospital funds the study.",
])
def test_a_description_line_spelling_a_heading_shown_below_is_the_description_s_text(quoted):
    tables, problems = _read(_CLASSIC.replace(_DESCRIPTION_AT, f"{_DESCRIPTION_AT}{quoted}\n\n", 1), _CLASSIC)
    shown = _as_shown(_CLASSIC)
    assert tables["detailed_descriptions"] == [
        {"description": f"{quoted}\n\n{shown['detailed_descriptions'][0]['description']}"}]
    assert {table: rows for table, rows in tables.items() if table != "detailed_descriptions"} == {
        table: rows for table, rows in shown.items() if table != "detailed_descriptions"} and problems == []


def test_a_summary_line_spelling_the_description_s_heading_is_the_summary_s_text():
    page = _CLASSIC.replace("Brief Summary\n\n", "Brief Summary\n\nDetailed Description\n\nSee below.\n\n", 1)
    tables, problems = _read(page, _CLASSIC)
    shown = _as_shown(_CLASSIC)
    assert tables["brief_summaries"][0]["description"] == (
        f"Detailed Description\n\nSee below.\n\n{shown['brief_summaries'][0]['description']}")
    assert tables["detailed_descriptions"] == shown["detailed_descriptions"] and problems == []


@pytest.mark.parametrize("page", [
    # a sub-heading's word in the description, and a heading's word within a criterion: no heading shown twice
    _CLASSIC.replace(_DESCRIPTION_AT, f"{_DESCRIPTION_AT}Locations\n\nPatients come from the clinic.\n\n", 1),
    # sections in another order, each shown once
    (lambda a, b, c: _CLASSIC[:a] + _CLASSIC[b:c] + _CLASSIC[a:b] + _CLASSIC[c:])(
        _CLASSIC.index("Outcome Measures\n"), _CLASSIC.index("Eligibility Criteria\n"),
        _CLASSIC.index("Contacts and Locations")),
])
def test_pages_whose_headings_are_each_shown_once_read_as_before(page):
    tables, problems = _read(page, _CLASSIC)
    assert tables["eligibilities"] == _as_shown(_CLASSIC)["eligibilities"]
    assert tables["designs"] == _as_shown(_CLASSIC)["designs"] and problems == []


# clincosm labels a copy shows without their colon -------------------------------------------------------------------

def _without_colons(page: str, labels: tuple[str, ...]) -> str:
    for label in labels:
        page = re.sub(rf"\n{re.escape(label)} ?:\n", f"\n{label}\n", page)
    return page


_DESIGN_LABELS = ("Study Type", "Actual Enrollment", "Allocation", "Intervention Model", "Masking", "Primary Purpose",
                  "Official Title", "Actual Study Start Date", "Actual Primary Completion Date",
                  "Actual Study Completion Date")
_ELIGIBILITY_LABELS = ("Ages Eligible for Study", "Sexes Eligible for Study", "Accepts Healthy Volunteers")
_MORE_LABELS = ("Responsible Party", "ClinicalTrials.gov Identifier", "Other Study ID Numbers", "First Posted",
                "Last Update Posted", "Last Verified", "Individual Participant Data (IPD) Sharing Statement",
                "Plan to Share IPD", "Studies a U.S. FDA-regulated Drug Product",
                "Studies a U.S. FDA-regulated Device Product", "Product Manufactured in and Exported from the U.S.",
                "Additional relevant MeSH terms")


@pytest.mark.parametrize("labels", [_DESIGN_LABELS, ("Study Type", "Allocation", "Masking"), _ELIGIBILITY_LABELS,
                                    _MORE_LABELS, _DESIGN_LABELS + _ELIGIBILITY_LABELS + _MORE_LABELS])
def test_clincosm_labels_shown_without_their_colon_are_the_labels(labels):
    page = _without_colons(_CLASSIC, labels)
    assert page != _CLASSIC
    _same_study(page, _CLASSIC)


def test_a_criterion_line_spelling_an_eligibility_label_stays_in_the_criteria():
    page = _without_colons(_CLASSIC, _ELIGIBILITY_LABELS).replace(
        "  2. with moderate", "Accepts Healthy Volunteers\n  2. with moderate", 1)
    tables, problems = _read(page, _CLASSIC)
    assert "\nAccepts Healthy Volunteers\n" in tables["eligibilities"][0]["criteria"]
    assert tables["eligibilities"][0]["healthy_volunteers"] is False and problems == []


def test_a_publications_label_shown_without_its_colon_still_says_the_kind():
    citation = "Smith J, et al. Baricitinib in primary Sjogren's syndrome. Rheumatology. 2022;61:123-30. PMID 34012345"
    for label in ("Publications of Results:", "Publications of Results"):
        tables, problems = _read(_CLASSIC.replace("Publications\n\nNone provided.\n", f"{label}\n{citation}\n", 1),
                                 _CLASSIC)
        assert tables["study_references"] == [{"pmid": "34012345", "reference_type": "RESULT",
                                               "citation": citation.removesuffix(" PMID 34012345")}]
        assert problems == []


# A clincosm date's or count's type after its label or its value --------------------------------------------------

@pytest.mark.parametrize("shown", [
    "Study Start Date (Actual) :\nJan 16, 2020", "Study Start Date :\nJan 16, 2020 (Actual)",
    "Study Start Date: Jan 16, 2020 (Actual)", "Study Start Date (Actual): Jan 16, 2020",
    "actual study start date:\nJan 16, 2020",
])
def test_a_clincosm_date_s_type_after_its_label_or_value_is_its_type(shown):
    _same_study(_CLASSIC.replace("Actual Study Start Date :\nJan 16, 2020", shown, 1), _CLASSIC)


def test_a_clincosm_count_s_type_after_its_label_or_value_is_its_type():
    for shown in ("Enrollment (Actual) :\n11 participants", "Enrollment :\n11 participants (Actual)"):
        _same_study(_CLASSIC.replace("Actual Enrollment :\n11 participants", shown, 1), _CLASSIC)
    tables, _ = _read(_CLASSIC.replace("Actual Primary Completion Date :\nDec 24, 2020",
                                       "Primary Completion Date :\nDecember 2020 (Anticipated)", 1), _CLASSIC)
    assert (tables["studies"][0]["primary_completion_date"], tables["studies"][0]["primary_completion_date_type"],
            tables["studies"][0]["primary_completion_date_precision"]) == (date(2020, 12, 31), "ESTIMATED", "month")


def test_a_clincosm_date_without_a_type_has_none_and_text_that_is_no_date_stays_as_shown():
    tables, _ = _read(_CLASSIC.replace("Actual Study Start Date :\nJan 16, 2020", "Study Start Date :\nJan 2020"),
                      _CLASSIC)
    assert (tables["studies"][0]["start_date_type"], tables["studies"][0]["start_date_precision"]) == (None, "month")
    tables, _ = _read(_CLASSIC.replace("Jan 16, 2020", "sometime (Actual)", 1), _CLASSIC)
    assert tables["studies"][0]["start_date"] == "sometime"  # kept for validation to refuse, with its type read


# Soft hyphens a browser's copy keeps within words --------------------------------------------------------------

@pytest.mark.parametrize("base, word", [(_CLASSIC, "Prospective"), (_LABELLED, "Baricitinib"),
                                        (_COMPACT, "Baricitinib"), (_SUMMARY, "Dermatomyositis")])
def test_soft_hyphens_within_words_are_not_loaded(base, word):
    hyphenated = "\u00ad".join((word[:3], word[3:6], word[6:]))
    _same_study(base.replace(word, hyphenated), base)


# meddatax labels with a colon or with their value on their line ---------------------------------------------------

_BASIC = ("Recruitment Status", "Clinical Phase", "Total Enrollment", "Study Classification", "Study Start Date",
          "Study Completion Date")
_DESIGN = ("Allocation Method", "Intervention Model", "Primary Study Purpose", "Blinding Strategy")
_ELIGIBILITY = ("Minimum Eligible Age", "Eligible Sex", "Accepts Healthy Volunteers")


@pytest.mark.parametrize("labels", [_BASIC, _DESIGN, _ELIGIBILITY, _ELIGIBILITY[:2], _BASIC + _DESIGN + _ELIGIBILITY])
def test_meddatax_labels_shown_with_a_colon_are_the_labels(labels):
    page = _LABELLED
    for label in labels:
        page = page.replace(f"\n{label}\n", f"\n{label}:\n", 1)
    _same_study(page, _LABELLED)


@pytest.mark.parametrize("labels", [_BASIC, _ELIGIBILITY, _BASIC + _DESIGN + _ELIGIBILITY])
def test_meddatax_labels_with_their_value_on_their_line_are_the_labels(labels):
    page = _LABELLED
    for label in labels:
        page = re.sub(rf"\n{label}\n\n", f"\n{label}: ", page, count=1)
    _same_study(page, _LABELLED)


def test_meddatax_eligibility_labels_in_another_case_are_the_labels():
    _same_study(_LABELLED.replace("\nMinimum Eligible Age\n", "\nMinimum eligible age\n"), _LABELLED)


def test_a_criterion_spelling_an_eligibility_label_with_its_value_stays_in_the_criteria():
    page = _LABELLED.replace("14. History of any malignancy", "14. Eligible Sex: women only\n15. History of any", 1)
    tables, problems = _read(page, _LABELLED)
    assert "14. Eligible Sex: women only" in tables["eligibilities"][0]["criteria"]
    assert tables["eligibilities"][0]["gender"] == "ALL" and problems == []


@pytest.mark.parametrize("shown, date_type", [
    ("Actual: 2024-01-01", "ACTUAL"), ("(Actual) 2024-01-01", "ACTUAL"), ("Actual 2024-01-01", "ACTUAL"),
    ("Estimated: 2024-01-01", "ESTIMATED"), ("anticipated 2024-01-01", "ESTIMATED"),
])
def test_a_meddatax_date_s_type_before_it_is_its_type(shown, date_type):
    tables, problems = _read(_LABELLED.replace("2024-01-01", shown, 1), _LABELLED)
    assert (tables["studies"][0]["start_date"], tables["studies"][0]["start_date_type"]) == (
        date(2024, 1, 1), date_type) and problems == []


def test_a_meddatax_count_s_type_before_it_is_its_type_and_a_word_before_no_date_stays_as_shown():
    tables, _ = _read(_LABELLED.replace("24 participants", "Estimated: 24 participants", 1), _LABELLED)
    assert (tables["studies"][0]["enrollment"], tables["studies"][0]["enrollment_type"]) == (24, "ESTIMATED")
    tables, _ = _read(_LABELLED.replace("2024-01-01", "Expected soon", 1), _LABELLED)
    assert tables["studies"][0]["start_date"] == "Expected soon"


# meddatax links above the title -------------------------------------------------------------------------------------

@pytest.mark.parametrize("base", [_LABELLED, _COMPACT])
@pytest.mark.parametrize("above", ["Skip to content\nmeddatax\nHome\nFind Trials\nSign in\n", "Home\nLog In\n",
                                   "Back to search results\n", "Home | Trials | About\nSign in\n"])
def test_the_site_s_links_above_a_meddatax_title_are_no_part_of_it(base, above):
    _same_study(above + base, base)


def test_a_meddatax_title_line_ending_in_a_connecting_word_still_goes_on():
    page = _LABELLED.replace("Safety and Efficacy of Baricitinib on Skin Tightening in Diffuse",
                             "Safety and Efficacy of Baricitinib on Skin Tightening in\nDiffuse", 1)
    _same_study(page, _LABELLED)


# A trial-summary page's cookie notice and links above its title --------------------------------------------------

_SITE_TEXT = ["We use cookies on this site. Accept\n\n",
              "We use cookies to improve your experience.\nAccept all\nReject\n\n",
              "This website uses cookies. By continuing you agree to our Cookie Policy.\n\n", "Accept all cookies\n\n",
              "Skip to main content\n\n", "Back to search results\n\n"]


@pytest.mark.parametrize("base", [_SUMMARY, _SUMMARY_KEYS])
@pytest.mark.parametrize("above", [*_SITE_TEXT, "Home\n\n", "Home\nSearch trials\nConditions\n\n"])
def test_lines_above_a_summary_page_s_logo_are_no_title(base, above):
    _same_study(above + base, base)


@pytest.mark.parametrize("base", [_SUMMARY, _SUMMARY_KEYS])
@pytest.mark.parametrize("below", _SITE_TEXT)
def test_a_cookie_notice_or_site_link_below_a_summary_page_s_logo_is_no_title(base, below):
    _same_study(base.replace("Clinical Trials Logo\n", f"Clinical Trials Logo\n\n{below}", 1), base)


def test_a_summary_title_below_the_logo_is_read_though_a_cookie_notice_stands_above_and_it_names_cookies():
    title = "Effect of Fortified Cookies on Iron Status in Children"
    for above in ("", "We use cookies.\n\n"):
        page = above + _SUMMARY_KEYS.replace("Clinical Trials Logo\n\n", f"Clinical Trials Logo\n\n{title}\n\n", 1)
        tables, problems = _read(page, _SUMMARY_KEYS)
        assert tables["studies"][0]["brief_title"] == title and problems == []


# A trial-summary date's bare type before it ----------------------------------------------------------------------

@pytest.mark.parametrize("shown, date_type", [("Estimated June 30, 2028", "ESTIMATED"),
                                              ("Anticipated 2028-06-30", "ESTIMATED"),
                                              ("Actual June 30, 2028", "ACTUAL")])
def test_a_summary_date_s_bare_type_before_it_is_its_type(shown, date_type):
    tables, problems = _read(_SUMMARY_KEYS.replace("June 30, 2028", shown, 1), _SUMMARY_KEYS)
    assert (tables["studies"][0]["completion_date"], tables["studies"][0]["completion_date_type"]) == (
        date(2028, 6, 30), date_type) and problems == []


def test_a_summary_date_key_holding_a_type_word_and_no_date_is_refused():
    tables, _ = _read(_SUMMARY_KEYS.replace("June 30, 2028", "Expected soon", 1), _SUMMARY_KEYS)
    assert isinstance(tables["studies"][0]["completion_date"], Refused)


# meddatax headings a copy shows in capitals, as the site's style sheet displays them -----------------------------

@pytest.mark.parametrize("base", [_LABELLED, _COMPACT])
@pytest.mark.parametrize("shown", [str.upper, lambda heading: f"{heading}:"])
def test_meddatax_headings_shown_in_capitals_or_with_a_colon_are_the_headings(base, shown):
    page = "\n".join(shown(line) if line.strip() in aggregator_text.HEADINGS else line for line in base.split("\n"))
    _same_study(page, base)


def test_a_meddatax_page_without_its_basic_information_is_still_cut_short():
    page = _LABELLED.replace("\nBasic Information\n", "\nAbout this trial\n", 1)
    parsed = aggregator_text.parse(page.encode("utf-8"))
    assert parsed.records == [] and [problem.reason for problem in parsed.problems] == [
        "truncated page: no 'Basic Information' section (ends after 'More Related Trials')"]
