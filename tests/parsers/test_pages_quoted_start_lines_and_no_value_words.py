"""The three sites' text pages: a description that names a related study on a line of its own as a page's start line
does ('NCT ID: NCT01234567' on meddatax, 'CT.gov ID' above an id on clincosm) is the page's text, not a second page; a
start line inside another section is a reject that says where it stands; a clincosm location line that shows a country
alone is a site given by its country only; a page's word for no value after the sex or the status label ('Sex -',
'Status N/A') is no value. Each beside a nearby page that reads as before."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text, ctgov_classic_text, labels, summary_text
from flows.parsers.several_pages import SEVERAL_PAGES
from tests.parsers.page_variants import CLASSIC as _CLASSIC, CLASSIC_OTHER as _CLASSIC_OTHER, COMPACT as _COMPACT
from tests.parsers.page_variants import LABELLED as _LABELLED, LAYOUTS as _LAYOUTS, SUMMARY_KEYS as _SUMMARY
_AS_SHOWN = {key: module.parse(page.encode()).records[0].tables for key, module, page in (
    (id(_CLASSIC), ctgov_classic_text, _CLASSIC), (id(_LABELLED), aggregator_text, _LABELLED),
    (id(_COMPACT), aggregator_text, _COMPACT), (id(_SUMMARY), summary_text, _SUMMARY))}
_NAMED = "NCT01234567"


def _variant(base: str, old: str, new: str) -> str:
    assert base.count(old) >= 1
    return base.replace(old, new, 1)


def _but(page: str, base: str, *changed: str) -> dict:
    """The variant's one study (the golden page's), every table but `changed` as the golden page's, no problem."""
    parsed = _LAYOUTS[id(base)].parse(page.encode())
    assert len(parsed.records) == 1 and parsed.records[0].nct_id != _NAMED and parsed.problems == [], parsed.problems
    tables, shown = parsed.records[0].tables, _AS_SHOWN[id(base)]
    assert {name: rows for name, rows in tables.items() if name not in changed} == {
        name: rows for name, rows in shown.items() if name not in changed}
    return tables


# A description that names another study as a page's start line does -----------------------------------------------

_SAMPLING = "Consecutive sampling method will be applied. "
_MEDDATAX_QUOTES = [
    f"NCT ID: {_NAMED}",
    f"This study follows on from the parent trial:\nNCT ID: {_NAMED}",
    f"Participants who completed the core study\nNCT ID: {_NAMED}\nLast Updated: 2023-05-01\nmay enrol.",
    f"Extension of\n\nNCT ID: {_NAMED}\n",
]


@pytest.mark.parametrize("quoted", _MEDDATAX_QUOTES)
def test_a_meddatax_brief_summary_line_that_names_a_study_by_its_nct_id_line_is_the_summary_text(quoted):
    page = _variant(_LABELLED, _SAMPLING, f"{_SAMPLING.strip()}\n{quoted}\n")
    tables = _but(page, _LABELLED, "brief_summaries")
    assert _NAMED in tables["brief_summaries"][0]["description"]


@pytest.mark.parametrize("quoted", _MEDDATAX_QUOTES[:2])
@pytest.mark.parametrize("base, heading", [(_LABELLED, "Detailed Description\n"), (_COMPACT, "Detailed Description\n"),
                                           (_COMPACT, "Brief Summary\n")])
def test_a_meddatax_description_that_starts_with_a_study_s_nct_id_line_is_the_description(base, heading, quoted):
    page = _variant(base, heading, f"{heading}{quoted}\n")
    parsed = aggregator_text.parse(page.encode())
    assert len(parsed.records) == 1 and parsed.problems == [] and parsed.records[0].nct_id != _NAMED
    assert _NAMED in str(parsed.records[0].tables.get("brief_summaries")) + str(
        parsed.records[0].tables.get("detailed_descriptions"))


_DETAILED_END = "\nStudy Design\n"
_CLASSIC_QUOTES = [
    f"This study extends the parent study:\nCT.gov ID\n{_NAMED}",
    f"Parent study\n\nCT.gov ID\n\n{_NAMED}",
    f"CT.gov ID: {_NAMED}",
    f"CT.gov ID\t{_NAMED}",
    f"Sponsor\nCT.gov ID\n{_NAMED}",
    f"Parent study (Overall Status\nCompleted)\nCT.gov ID\n{_NAMED}",
]


@pytest.mark.parametrize("quoted", _CLASSIC_QUOTES)
def test_a_clincosm_detailed_description_that_names_a_study_as_its_header_does_is_the_description(quoted):
    tables = _but(_variant(_CLASSIC, _DETAILED_END, f"\n{quoted}\n{_DETAILED_END}"), _CLASSIC, "detailed_descriptions")
    assert tables["detailed_descriptions"][0]["description"].endswith(_NAMED)


@pytest.mark.parametrize("quoted", _CLASSIC_QUOTES[:3])
def test_a_clincosm_brief_summary_that_names_a_study_as_its_header_does_is_the_summary(quoted):
    end = "\nCondition or Disease Intervention/Treatment Phase\n"
    tables = _but(_variant(_CLASSIC, end, f"\n{quoted}\n{end}"), _CLASSIC, "brief_summaries")
    assert tables["brief_summaries"][0]["description"].endswith(_NAMED)


def test_a_quoted_start_line_and_a_second_page_read_as_the_two_pages():
    quoting = _variant(_LABELLED, _SAMPLING, f"{_SAMPLING.strip()}\nNCT ID: {_NAMED}\n")
    parsed = aggregator_text.parse(f"{quoting}\n{_COMPACT}".encode())
    assert [record.nct_id for record in parsed.records] == ["NCT06936215", "NCT05300932"] and parsed.problems == []
    quoting = _variant(_CLASSIC, _DETAILED_END, f"\nCT.gov ID\n{_NAMED}\n{_DETAILED_END}")
    parsed = ctgov_classic_text.parse(f"{quoting}\n{_CLASSIC_OTHER}".encode())
    assert [record.nct_id for record in parsed.records] == ["NCT04916756", "NCT05792462"] and parsed.problems == []


def test_second_pages_that_show_their_headings_in_capitals_still_read_as_pages():
    shown = "\n".join(line.upper() if line.strip() in aggregator_text.HEADINGS else line
                      for line in _COMPACT.split("\n"))
    parsed = aggregator_text.parse(f"{_LABELLED}\n{shown}".encode())
    assert [record.nct_id for record in parsed.records] == ["NCT06936215", "NCT05300932"]
    header = {"Sponsor", "Overall Status", "CT.gov ID", "Collaborator"}
    shown = "\n".join(line.upper() if line.strip() in ctgov_classic_text.HEADINGS - header else line
                      for line in _CLASSIC_OTHER.split("\n"))
    parsed = ctgov_classic_text.parse(f"{_CLASSIC}\n{shown}".encode())
    assert [record.nct_id for record in parsed.records] == ["NCT04916756", "NCT05792462"]


@pytest.mark.parametrize("module, page, heading", [
    (aggregator_text, _variant(_LABELLED, "\nSponsors\n", f"\nParent study\nNCT ID: {_NAMED}\nSponsors\n"),
     "Eligibility Criteria"),
    (ctgov_classic_text, _variant(_CLASSIC, "\nContacts and Locations\n",
                                  f"\nParent study\nCT.gov ID\n{_NAMED}\nContacts and Locations\n"), "Criteria"),
])
def test_a_start_line_inside_another_section_is_a_reject_that_says_where_it_stands(module, page, heading):
    parsed = module.parse(page.encode())
    assert parsed.records == [] and [problem.reason for problem in parsed.problems] == [SEVERAL_PAGES]
    detail = parsed.problems[0].detail
    assert f"stands inside the page above, under its '{heading}' heading" in detail and "pages begin" not in detail


# A clincosm location line that shows a country alone ----------------------------------------------------------------

_ROW = "1 Peking Union Medical College Hospital Beijing Beijing China 100730"
_SITE = {"name": "Peking Union Medical College Hospital", "city": "Beijing", "state": "Beijing", "zip": "100730",
         "country": "China", "status": None}


def _country_site(country: str, status: str | None = None) -> dict:
    return {"name": None, "city": None, "state": None, "zip": None, "country": country, "status": status}


@pytest.mark.parametrize("rows, sites, countries", [
    ("China", [_country_site("China")], ["China"]),
    ("  China  ", [_country_site("China")], ["China"]),
    ("China\nRecruiting", [_country_site("China", "RECRUITING")], ["China"]),
    ("Hong Kong", [_country_site("Hong Kong")], ["Hong Kong"]),
    (f"{_ROW}\nFrance", [_SITE, _country_site("France")], ["China", "France"]),
    (f"France\n{_ROW}", [_country_site("France"), _SITE], ["France", "China"]),
])
def test_a_clincosm_location_line_with_a_country_alone_is_a_site_given_by_its_country(rows, sites, countries):
    tables = _but(_variant(_CLASSIC, _ROW, rows), _CLASSIC, "facilities", "countries")
    assert tables["facilities"] == sites and tables["countries"] == [{"name": name} for name in countries]


@pytest.mark.parametrize("rows, sites", [
    (f"China\n{_ROW}", [_SITE]),  # a copy that heads its sites by their country
    ("1 Peking Union Medical College Hospital Beijing Beijing\nChina 100730", [_SITE]),  # a wrapped row
    ("1 Peking Union Medical College Hospital Beijing Beijing\nChina", [{**_SITE, "zip": None}]),
    ("1 China", [_country_site("China")]),
])
def test_a_country_line_that_heads_or_ends_a_row_is_no_site_of_its_own(rows, sites):
    tables = _but(_variant(_CLASSIC, _ROW, rows), _CLASSIC, "facilities")
    assert tables["facilities"] == sites


# A page's word for no value after the sex or the status label -----------------------------------------------------

_NO_VALUE_WORDS = ["-", "N/A", "n/a", "Not Provided", "\u2014", "None"]


def _gender_and_status(module, page: str) -> tuple[object, object, list[str]]:
    parsed = module.parse(page.encode())
    tables = parsed.records[0].tables
    return (tables.get("eligibilities", [{}])[0].get("gender"), tables["studies"][0].get("overall_status"),
            [problem.reason for problem in parsed.problems])


def _pages_showing(sex: str, status: str) -> list[tuple[object, str]]:
    """The golden pages of each layout with their sex and status values shown as given."""
    return [
        (summary_text, _variant(_variant(_SUMMARY, "Sex All", f"Sex {sex}"), "Status Not yet recruiting",
                                f"Status {status}")),
        (aggregator_text, _variant(_variant(_LABELLED, "Recruitment Status\n\nRECRUITING",
                                            f"Recruitment Status\n\n{status}"), "Eligible Sex\n\nALL",
                                   f"Eligible Sex\n\n{sex}")),
        (ctgov_classic_text, _variant(_variant(_CLASSIC, "Overall Status\nCompleted", f"Overall Status\n{status}"),
                                      "Sexes Eligible for Study:\nAll", f"Sexes Eligible for Study:\n{sex}")),
    ]


@pytest.mark.parametrize("word", _NO_VALUE_WORDS)
def test_a_page_s_word_for_no_sex_or_status_is_no_value(word):
    for module, page in _pages_showing(word, word):
        assert _gender_and_status(module, page) == (None, None, []), module.LAYOUT


@pytest.mark.parametrize("sex, status, read", [
    ("All", "Unknown", ("ALL", "UNKNOWN")),  # the registry's own 'Unknown status'
    ("Female", "Recruiting", ("FEMALE", "RECRUITING")),
    ("Unknown", "Completed", (None, "COMPLETED")),  # no sex the registry gives
    ("Everyone", "Paused", ("Everyone", "Paused")),  # a word that is a value, unknown: kept for validation to refuse
])
def test_a_registry_word_or_an_unknown_value_reads_as_before(sex, status, read):
    for module, page in _pages_showing(sex, status):
        assert _gender_and_status(module, page) == (*read, []), module.LAYOUT


def test_the_registry_s_records_keep_a_word_for_no_value_for_validation_to_refuse():
    assert labels.lookup("sex", "-") == "-" and labels.overall_status("N/A") == "N/A"
    assert labels.page_label("masking", "None") == "NONE" and labels.page_label("allocation", "N/A") == "NA"
    assert labels.page_label("status", "Unknown status") == "UNKNOWN" and labels.page_label("sex", None) is None
