"""The three sites' text pages: headings a copy shows with a colon, in capitals or with a count after them ('Eligibility
Criteria:', 'Locations (12)', 'Outcome Measures (3)'), on a page that otherwise shows its headings as usual or keeps no
explainer under them; outcomes numbered '1)' or '(1)', or giving their time frame after a 'Time Frame:' label on their
line; a label parted from its value by a tab alone; a page saved with each line indented; a site given by its country
alone; a header's word for no collaborator; a roman phase in a 'See also' row; a description line that spells a heading
on a page in capitals, kept as the page gives it. Each read right, beside a nearby page or line that reads as before."""
from __future__ import annotations

import re

import pytest

from flows.parsers import aggregator_text, ctgov_classic_text
from tests.parsers.page_variants import CLASSIC as _CLASSIC, COMPACT as _COMPACT, LABELLED as _LABELLED
from tests.parsers.page_variants import SUMMARY as _SUMMARY, SUMMARY_KEYS as _SUMMARY_KEYS
from tests.parsers.page_variants import AS_SHOWN as _AS_SHOWN, all_but as _but, read_variant as _read
from tests.parsers.page_variants import same_study as _same_study


def _headings(page: str, headings, shown) -> str:
    """The page with each line that spells one of `headings` shown as `shown` gives it."""
    return "\n".join(shown(line) if line.strip() in headings else line for line in page.split("\n"))


def _without_explainers(page: str) -> str:
    """A meddatax page as a reader view shows it: no explainer sentence under its headings."""
    return "\n".join(line for line in page.split("\n") if aggregator_text.without_chrome([line]))


# meddatax: some headings shown with a colon, in capitals or with a count ---------------------------------------------

_ELIGIBILITY = "\nEligibility Criteria\n"


@pytest.mark.parametrize("base", [_LABELLED, _COMPACT])
@pytest.mark.parametrize("heading, shown", [
    ("Eligibility Criteria", "Eligibility Criteria:"),
    ("Eligibility Criteria", "ELIGIBILITY CRITERIA"),
    ("Eligibility Criteria", "Eligibility criteria"),
    ("Locations", "Locations (1)"),
    ("Locations", "Locations:"),
    ("Study Groups", "Study Groups (2)"),
    ("Interventions", "Interventions (2)"),
    ("Eligibility Criteria", "Eligibility Criteria (2)"),
    ("Sponsors", "Sponsors (5)"),
    ("Study Design", "STUDY DESIGN:"),
])
def test_meddatax_headings_shown_otherwise_on_a_page_that_shows_the_rest_as_usual_are_the_headings(base, heading,
                                                                                                     shown):
    _same_study(base.replace(f"\n{heading}\n", f"\n{shown}\n", 1), base)


@pytest.mark.parametrize("base", [_LABELLED, _COMPACT])
def test_meddatax_countries_with_their_count_are_no_site(base):
    if "\nCountries\n" in base:
        _same_study(base.replace("\nCountries\n", "\nCountries (1)\n", 1), base)


@pytest.mark.parametrize("shown", ["Eligibility Criteria:", "ELIGIBILITY CRITERIA", "Eligibility Criteria (2)"])
def test_a_meddatax_reader_view_with_a_heading_shown_otherwise_reads_that_section(shown):
    page = _without_explainers(_LABELLED)
    _same_study(page.replace(_ELIGIBILITY, f"\n{shown}\n", 1), _LABELLED)


@pytest.mark.parametrize("base", [_LABELLED, _COMPACT])
def test_a_meddatax_reader_view_with_headings_as_usual_reads_as_the_page(base):
    _same_study(_without_explainers(base), base)


def test_a_meddatax_heading_shown_otherwise_out_of_the_site_s_order_is_a_description_line():
    page = _LABELLED.replace("\nOther Identifiers\n\nReview additional registry numbers or institutional identifiers "
                             "associated with this trial.\n\n5011\n\nIdentifier Type: -\n\nIdentifier Source: "
                             "org_study_id\n", "\n", 1)
    page = page.replace("Systemic sclerosis (SSc) is a systemic", "OTHER IDENTIFIERS:\n\nSystemic sclerosis (SSc) is a "
                                                                  "systemic", 1)
    tables, problems = _read(page, _LABELLED)
    assert tables["brief_summaries"][0]["description"].startswith("OTHER IDENTIFIERS:\n\nSystemic sclerosis")
    assert "id_information" not in tables or tables["id_information"] == []


def test_a_meddatax_description_line_spelling_a_heading_shown_as_usual_stays_text():
    page = _LABELLED.replace("Systemic sclerosis (SSc) is a systemic", "Eligibility criteria:\n\nSystemic sclerosis "
                                                                       "(SSc) is a systemic", 1)
    tables = _but(page, _LABELLED, "brief_summaries")
    assert tables["brief_summaries"][0]["description"].startswith("Eligibility criteria:\n\nSystemic sclerosis")


@pytest.mark.parametrize("base", [_LABELLED, _COMPACT])
def test_a_description_line_of_an_all_capitals_meddatax_page_loads_as_the_page_gives_it(base):
    page = _headings(base, aggregator_text.HEADINGS, str.upper)
    at = page.index("objectives, and procedures in greater depth.\n") + len("objectives, and procedures in greater "
                                                                            "depth.\n")
    page = f"{page[:at]}\nSTUDY DESIGN\n\nAn open label trial.\n{page[at:]}"
    tables = _but(page, base, "detailed_descriptions")
    assert tables["detailed_descriptions"][0]["description"].startswith("STUDY DESIGN\n\nAn open label trial.")


# meddatax: indentation, a country alone, no value ------------------------------------------------------------------

@pytest.mark.parametrize("base", [_LABELLED, _COMPACT])
@pytest.mark.parametrize("margin", ["\t", "  ", "    "])
def test_a_meddatax_page_saved_with_each_line_indented_reads_as_the_page(base, margin):
    _same_study("\n".join(f"{margin}{line}" if line else line for line in base.split("\n")), base)


def test_a_meddatax_site_given_by_its_country_alone_is_a_site_in_that_country():
    tables = _but(_LABELLED.replace("BSMMU\n\nDhaka, , Bangladesh\n", "Bangladesh\n", 1), _LABELLED, "facilities")
    assert tables["facilities"] == [{"name": None, "city": None, "state": None, "zip": None, "country": "Bangladesh",
                                     "status": "RECRUITING"}]


def test_a_meddatax_site_named_as_a_country_with_its_address_keeps_its_name():
    page = _LABELLED.replace("BSMMU\n", "Singapore\n", 1).replace("Dhaka, , Bangladesh", "Singapore, , Singapore", 1)
    tables = _but(page, _LABELLED, "facilities")
    assert [(row["name"], row["country"]) for row in tables["facilities"]] == [("Singapore", "Singapore")]


@pytest.mark.parametrize("page", [
    _LABELLED.replace("Recruitment Status\n\nRECRUITING", "Recruitment Status\tRECRUITING", 1),
    _LABELLED.replace("Minimum Eligible Age\n\n18 Years", "Minimum Eligible Age\t18 Years", 1),
])
def test_meddatax_guards_read_as_before(page):
    _same_study(page, _LABELLED)


def test_a_meddatax_related_study_s_id_in_the_summary_is_the_summary_s_text():
    page = _LABELLED.replace("Systemic sclerosis (SSc) is", "Unlike NCT01234567, systemic sclerosis (SSc) is", 1)
    tables = _but(page, _LABELLED, "brief_summaries")
    assert tables["brief_summaries"][0]["description"].startswith("Unlike NCT01234567, systemic")


# clincosm: headings with a colon or a count ----------------------------------------------------------------------

@pytest.mark.parametrize("heading, shown", [
    ("Outcome Measures", "Outcome Measures (6)"),
    ("Primary Outcome Measures", "Primary Outcome Measures (1)"),
    ("Secondary Outcome Measures", "Secondary Outcome Measures (5)"),
    ("Arms and Interventions", "Arms and Interventions (1)"),
    ("Contacts and Locations", "Contacts and Locations:"),
    ("Locations", "Locations (1)"),
    ("Investigators", "Investigators (1)"),
    ("Eligibility Criteria", "Eligibility Criteria:"),
    ("Study Design", "Study Design:"),
    ("Study Design", "STUDY DESIGN:"),
    ("Sponsors and Collaborators", "Sponsors and Collaborators (1)"),
])
def test_clincosm_headings_with_a_colon_or_a_count_are_the_headings(heading, shown):
    _same_study(_CLASSIC.replace(f"\n{heading}\n", f"\n{shown}\n", 1), _CLASSIC)


def test_a_description_line_of_an_all_capitals_clincosm_page_loads_as_the_page_gives_it():
    page = _headings(_CLASSIC, ctgov_classic_text.HEADINGS, str.upper)
    page = page.replace("Baseline information included", "STUDY DESIGN\n\nBaseline information included", 1)
    tables = _but(page, _CLASSIC, "detailed_descriptions")
    assert tables["detailed_descriptions"][0]["description"].startswith("STUDY DESIGN\n\nBaseline information")


def test_a_clincosm_description_line_with_a_colon_on_a_page_with_usual_headings_stays_text():
    page = _CLASSIC.replace("Baseline information included", "Study Design:\n\nBaseline information included", 1)
    tables = _but(page, _CLASSIC, "detailed_descriptions")
    assert tables["detailed_descriptions"][0]["description"].startswith("Study Design:\n\nBaseline information")


# clincosm: outcomes numbered otherwise, a time frame on the outcome's line ----------------------------------------

def _outcomes_numbered(form: str) -> str:
    """The golden page with its outcomes (not its criteria) numbered in another form ('1)', '(1)')."""
    start, end = _CLASSIC.index("\nOutcome Measures\n"), _CLASSIC.index("\nEligibility Criteria\n")
    outcomes = re.sub(r"(?m)^  (\d)\. ", lambda match: f"  {form.format(match.group(1))} ", _CLASSIC[start:end])
    return f"{_CLASSIC[:start]}{outcomes}{_CLASSIC[end:]}"


@pytest.mark.parametrize("form", ["{})", "({})"])
def test_clincosm_outcomes_numbered_otherwise_are_the_outcomes(form):
    _same_study(_outcomes_numbered(form), _CLASSIC)


def test_a_list_numbered_otherwise_in_an_outcome_s_description_stays_its_description():
    page = _CLASSIC.replace("    the change of ESSDAI score at 12 weeks",
                            "    the change of ESSDAI score:\n\n    1) at 12 weeks\n\n    2) at 24 weeks", 1)
    tables = _but(page, _CLASSIC, "design_outcomes")
    assert tables["design_outcomes"][0]["description"] == (
        "the change of ESSDAI score:\n\n1) at 12 weeks\n\n2) at 24 weeks")
    assert len(tables["design_outcomes"]) == len(_AS_SHOWN[id(_CLASSIC)]["design_outcomes"])


@pytest.mark.parametrize("line", ["ESSDAI - Time Frame: 12 weeks", "ESSDAI (Time Frame: 12 weeks)",
                                  "ESSDAI Time Frame: 12 weeks", "ESSDAI, time frame: 12 weeks"])
def test_an_outcome_s_time_frame_on_its_line_after_its_label_is_its_time_frame(line):
    _same_study(_CLASSIC.replace("  1. ESSDAI [12 weeks]", f"  1. {line}", 1), _CLASSIC)


@pytest.mark.parametrize("line, measure, time_frame", [
    ("Time Frame: 12 weeks", "Time Frame: 12 weeks", None),  # no measure before the label: the line as shown
    ("ESSDAI at 12 weeks [12 weeks]", "ESSDAI at 12 weeks", "12 weeks"),
])
def test_an_outcome_line_without_a_measure_before_its_label_reads_as_before(line, measure, time_frame):
    tables = _but(_CLASSIC.replace("  1. ESSDAI [12 weeks]", f"  1. {line}", 1), _CLASSIC, "design_outcomes")
    assert (tables["design_outcomes"][0]["measure"], tables["design_outcomes"][0]["time_frame"]) == (measure,
                                                                                                       time_frame)


# clincosm: indentation, a tab-parted label, no collaborator ---------------------------------------------------------

@pytest.mark.parametrize("margin", ["  ", "    ", "\t"])
def test_a_clincosm_page_saved_with_each_line_indented_reads_as_the_page(margin):
    _same_study("\n".join(f"{margin}{line}" if line else line for line in _CLASSIC.split("\n")), _CLASSIC)


@pytest.mark.parametrize("label, value", [("Study Type", "Interventional"), ("Allocation", "N/A"),
                                          ("Primary Purpose", "Treatment")])
def test_a_clincosm_label_parted_from_its_value_by_a_tab_alone_is_read(label, value):
    _same_study(_CLASSIC.replace(f"{label}:\n{value}", f"{label}\t{value}", 1), _CLASSIC)


@pytest.mark.parametrize("shown", ["Not Provided", "N/A", "-"])
def test_a_clincosm_header_s_word_for_no_collaborator_is_no_sponsor(shown):
    _same_study(_CLASSIC.replace("Collaborator\n(none)", f"Collaborator\n{shown}", 1), _CLASSIC)


def test_a_clincosm_collaborator_named_in_the_header_is_still_a_sponsor():
    tables = _but(_CLASSIC.replace("Collaborator\n(none)", "Collaborator\nEli Lilly and Company", 1), _CLASSIC,
                  "sponsors")
    assert "Eli Lilly and Company" in [row["name"] for row in tables["sponsors"]]


# Summary: headings with a colon, a count or in capitals; a roman phase; numbered conditions ---------------------

@pytest.mark.parametrize("heading, shown", [
    ("Study Design", "Study Design (5)"),
    ("Study Design", "STUDY DESIGN"),
    ("Clinical Trial Summary", "Clinical Trial Summary:"),
    ("Clinical Trial Description", "CLINICAL TRIAL DESCRIPTION"),
    ("Related Conditions & MeSH terms", "Related Conditions & MeSH terms (2)"),
    ("See also", "See also (1)"),
    ("See also", "See also:"),
])
def test_summary_headings_with_a_colon_a_count_or_in_capitals_are_the_headings(heading, shown):
    _same_study(_SUMMARY_KEYS.replace(f"\n{heading}\n", f"\n{shown}\n", 1), _SUMMARY_KEYS)


def test_a_summary_page_with_every_heading_in_capitals_reads_as_the_page():
    headings = ("Clinical Trial Summary", "Clinical Trial Description", "Study Design",
                "Related Conditions & MeSH terms", "See also")
    _same_study(_headings(_SUMMARY_KEYS, headings, str.upper), _SUMMARY_KEYS)


def test_a_summary_description_line_spelling_study_design_above_the_heading_stays_text():
    page = _SUMMARY_KEYS.replace("Participants are randomized", "Study design:\n\nParticipants are randomized", 1)
    tables = _but(page, _SUMMARY_KEYS, "detailed_descriptions")
    assert tables["detailed_descriptions"][0]["description"].startswith("Study design:\n\nParticipants")


@pytest.mark.parametrize("phase, stated", [("Phase IV", "PHASE4"), ("Phase I/II", "PHASE1/PHASE2"),
                                           ("Phase II/III", "PHASE2/PHASE3"), ("Early Phase I", "EARLY_PHASE1"),
                                           ("Phase III", "PHASE3"), ("Phase I/Phase II", "PHASE1/PHASE2")])
def test_a_roman_phase_in_a_see_also_row_is_its_phase(phase, stated):
    tables = _but(_SUMMARY_KEYS.replace("Dermatomyositis Phase 4", f"Dermatomyositis {phase}", 1), _SUMMARY_KEYS,
                  "related_studies")
    shown = _AS_SHOWN[id(_SUMMARY_KEYS)]["related_studies"][0]
    assert tables["related_studies"] == [{**shown, "stated_phase": stated}]


def test_a_see_also_title_ending_in_a_roman_numeral_keeps_it_before_its_phase():
    page = _SUMMARY_KEYS.replace("Dermatomyositis Phase 4", "Dermatomyositis Part II Phase 4", 1)
    tables = _but(page, _SUMMARY_KEYS, "related_studies")
    assert tables["related_studies"][0]["title"].endswith("Dermatomyositis Part II")
    assert tables["related_studies"][0]["stated_phase"] == "PHASE4"


def test_summary_conditions_numbered_in_brackets_are_the_conditions():
    _same_study(_SUMMARY_KEYS.replace("Systemic Lupus Erythematosus\nFatigue",
                                      "(1) Systemic Lupus Erythematosus\n(2) Fatigue", 1), _SUMMARY_KEYS)


def test_a_lone_summary_condition_numbered_in_brackets_keeps_its_number():
    tables = _but(_SUMMARY_KEYS.replace("Systemic Lupus Erythematosus\nFatigue", "(1) Fatigue", 1), _SUMMARY_KEYS,
                  "conditions")
    assert tables["conditions"] == [{"name": "(1) Fatigue"}]


@pytest.mark.parametrize("page", [
    "\n".join(f"  {line}" if line else line for line in _SUMMARY_KEYS.split("\n")),
    "\n".join(f"\t{line}" if line else line for line in _SUMMARY_KEYS.split("\n")),
    _SUMMARY_KEYS.replace("Clinical Trials Logo\n\n", "", 1),
    _SUMMARY_KEYS.replace("Allocation: Randomized", "Allocation:\tRandomized", 1),
    _SUMMARY_KEYS.replace("Ages 18 Years to 70 Years", "Ages\t18 Years to 70 Years", 1),
    _SUMMARY_KEYS.replace("Status Not yet recruiting", "Status\tNot yet recruiting", 1),
])
def test_summary_guards_read_as_before(page):
    _same_study(page, _SUMMARY_KEYS)
