"""Pages that read otherwise than their record without a load problem: a compact meddatax page listing two
interventions of one name, a compact intervention whose description is set out one labelled field a line, and a
clincosm site row whose city is the registry's placeholder for many places. Each shape is read as the record has it,
or said; the nearby shapes keep their reading. Pages are written as a page shows them, or made from small API v2
records with the renderers of tests/parsers."""
from __future__ import annotations

import copy
import textwrap

import pytest

from flows.parsers import aggregator_text, ctgov_classic_text
from flows.parsers.aggregator_text import compact_arms
from flows.parsers.ctgov_classic_text.site_columns import site_row
from flows.parsers.ctgov_classic_text.sites import locations
from tests.parsers import clincosm_render, meddatax_render
from tests.parsers.page_variants import compact_read

_RECORD = {"protocolSection": {
    "identificationModule": {"nctId": "NCT07654321", "briefTitle": "ABC-123 in Adults With Fatty Liver Disease",
                             "orgStudyIdInfo": {"id": "ABC-123-201"}},
    "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2015-05-04", "type": "ACTUAL"},
                     "primaryCompletionDateStruct": {"date": "2017-06-19", "type": "ACTUAL"},
                     "completionDateStruct": {"date": "2017-06-19", "type": "ACTUAL"},
                     "lastUpdatePostDateStruct": {"date": "2018-01-19"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme Therapeutics", "class": "INDUSTRY"}},
    "descriptionModule": {"briefSummary": "The study asks whether ABC-123 improves liver fat in adults."},
    "conditionsModule": {"conditions": ["Non-alcoholic Steatohepatitis"]},
    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"], "enrollmentInfo": {"count": 120},
                     "designInfo": {"allocation": "RANDOMIZED", "interventionModel": "PARALLEL",
                                    "primaryPurpose": "TREATMENT", "maskingInfo": {"masking": "DOUBLE"}}},
    "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Adults aged 21 to 75", "sex": "ALL",
                          "minimumAge": "21 Years", "maximumAge": "75 Years"},
    "contactsLocationsModule": {"locations": [{"facility": "Acme Research Site", "city": "Toronto",
                                               "state": "Ontario", "country": "Canada"}]}}}


def _record(arms: list[dict], interventions: list[dict], locations_: list[dict] | None = None) -> dict:
    record = copy.deepcopy(_RECORD)
    record["protocolSection"]["armsInterventionsModule"] = {"armGroups": arms, "interventions": interventions}
    if locations_ is not None:
        record["protocolSection"]["contactsLocationsModule"]["locations"] = locations_
    return record


def _wrapped(page: str, width: int | None) -> str:
    if not width:
        return page
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                     if len(line) > width else line for line in page.split("\n"))


def _compact(record: dict, width: int | None = None):
    page = _wrapped(meddatax_render.render(record, labelled=False), width)
    parsed = aggregator_text.parse(page.encode("utf-8"))
    tables = parsed.records[0].tables
    entries = sorted((row["name"], row["description"]) for row in tables.get("interventions", []))
    links = sorted((row["design_group"], row["intervention"]) for row in tables.get("design_group_interventions", []))
    return entries, links, [problem.reason for problem in parsed.problems]


# compact meddatax: two interventions of one name ---------------------------------------------------------------------

_SAME_NAME_GROUPS = ["Arm A: ABC-123 low dose", "Given as set out in the protocol", "ABC-123",
                     "Arm B: ABC-123 high dose", "Given as set out in the protocol", "ABC-123",
                     "Arm C: matching placebo", "Given as set out in the protocol", "Placebo"]


def test_a_name_shown_twice_under_interventions_is_two_interventions_of_that_name():
    arms, entries, links, problems = compact_read(_SAME_NAME_GROUPS, ["ABC-123", "ABC-123", "Placebo"])
    assert problems == []
    assert arms == [(title, "Given as set out in the protocol") for title in _SAME_NAME_GROUPS[::3]]
    assert entries == [("ABC-123", None), ("ABC-123", None), ("Placebo", None)]
    assert links == [("Arm A: ABC-123 low dose", "ABC-123"), ("Arm B: ABC-123 high dose", "ABC-123"),
                     ("Arm C: matching placebo", "Placebo")]


def test_a_name_shown_twice_for_arms_without_descriptions_is_two_interventions():
    groups = ["Cohort 1 (30 mg/kg)", "rhGAA", "Cohort 2 (60 mg/kg)", "rhGAA"]
    arms, entries, links, problems = compact_read(groups, ["rhGAA", "rhGAA"])
    assert problems == [] and arms == [("Cohort 1 (30 mg/kg)", None), ("Cohort 2 (60 mg/kg)", None)]
    assert entries == [("rhGAA", None), ("rhGAA", None)]
    assert links == [("Cohort 1 (30 mg/kg)", "rhGAA"), ("Cohort 2 (60 mg/kg)", "rhGAA")]


@pytest.mark.parametrize("width", [None, 80])
def test_a_compact_page_listing_two_interventions_of_one_name_reads_as_its_record(width):
    drug = {"type": "DRUG", "name": "ABC-123"}
    record = _record([{"label": title, "type": "EXPERIMENTAL", "description": "Given as set out in the protocol",
                       "interventionNames": [f"Drug: {name}"]}
                      for title, name in zip(_SAME_NAME_GROUPS[::3], ("ABC-123", "ABC-123", "Placebo"))],
                     [{**drug, "armGroupLabels": ["Arm A: ABC-123 low dose"]},
                      {**drug, "armGroupLabels": ["Arm B: ABC-123 high dose"]},
                      {"type": "DRUG", "name": "Placebo", "armGroupLabels": ["Arm C: matching placebo"]}])
    entries, links, problems = _compact(record, width)
    assert problems == []
    assert entries == [("ABC-123", None), ("ABC-123", None), ("Placebo", None)]
    assert links == [("Arm A: ABC-123 low dose", "ABC-123"), ("Arm B: ABC-123 high dose", "ABC-123"),
                     ("Arm C: matching placebo", "Placebo")]


def test_a_name_shown_twice_with_one_description_is_two_interventions_so_described():
    groups = ["Placebo/Low Protein", "Placebo injections weekly; 0.8 g/kg/day protein",
              "Testosterone/Low Protein", "Testosterone enanthate 100 mg im weekly; 0.8 g/kg/day protein",
              "Testosterone enanthate", "Testosterone enanthate 100 mg im weekly",
              "Testosterone/High Protein", "Testosterone enanthate 100 mg im weekly; 1.3 g/kg/day protein",
              "Testosterone enanthate", "Testosterone enanthate 100 mg im weekly"]
    arms, entries, links, problems = compact_read(groups, groups[4:6] * 2)
    assert problems == [] and len(arms) == 3
    assert entries == [("Testosterone enanthate", "Testosterone enanthate 100 mg im weekly")] * 2
    assert links == [("Testosterone/Low Protein", "Testosterone enanthate"),
                     ("Testosterone/High Protein", "Testosterone enanthate")]


def test_two_descriptions_a_print_ends_with_the_same_line_keep_their_reading():
    # wrapped at 80, both descriptions end with the same line: that line is no intervention named twice
    text = "60 mg (1.0 mL) given subcutaneously every six months, beginning on Study Day 1, for a total of 24 months"
    record = _record([{"label": name, "type": "EXPERIMENTAL", "interventionNames": [f"Drug: {name}"]}
                      for name in ("AMG 162 / Denosumab", "Placebo")],
                     [{"type": "DRUG", "name": name, "description": text, "armGroupLabels": [name]}
                      for name in ("Placebo", "AMG 162 / Denosumab")])
    for width in (None, 80):
        entries, links, problems = _compact(record, width)
        assert entries == [("AMG 162 / Denosumab", text), ("Placebo", text)] or (
            entries == [] and compact_arms.UNDECIDED in problems)
        assert not any(name.startswith("Day 1") for name, _ in entries)


def test_a_name_once_under_interventions_given_by_two_arms_stays_one_intervention():
    groups = ["Arm A: ABC-123 low dose", "ABC-123", "Arm B: ABC-123 high dose", "ABC-123"]
    arms, entries, links, problems = compact_read(groups, ["ABC-123"])
    assert problems == [] and entries == [("ABC-123", None)] and len(arms) == 2 and len(links) == 2


def test_a_name_described_by_its_own_name_is_never_two_interventions():
    # the arm shows both lines: one intervention whose description says its name again
    groups = ["Control", "Normal saline infusion over 30 minutes", "Saline", "Saline"]
    _, entries, _, problems = compact_read(groups, ["Saline", "Saline"])
    assert entries.count(("Saline", None)) < 2
    assert entries == [("Saline", "Saline")] or compact_arms.UNDECIDED in problems


# compact meddatax: a description set out one labelled field a line ---------------------------------------------------

_FIELDS_OF_PEN = ["Active Substance: Dupilumab 300 mg in 2 mL", "Pharmaceutical form: Solution for injection",
                  "Route of administration: subcutaneous use by pre-filled pen"]


@pytest.mark.parametrize("name, fields", [
    ("pre-filled pen", _FIELDS_OF_PEN),
    ("e-Device", ["Active Substance: Certolizumab Pegol", "Pharmaceutical form: Solution for injection",
                  "Route of administration: subcutaneous injection by e-Device"]),
    ("XR-7", ["Dosage form: film-coated tablet", "Route of Administration: Oral", "Dose: 20 mg once a day"]),
])
def test_a_description_set_out_as_labelled_fields_is_never_read_as_another_intervention(name, fields):
    interventions = [name, *fields]
    groups = ["Every 2 weeks", "Participants inject the dose with the device every two weeks.", *interventions,
              "Every 4 weeks", "Participants inject the dose with the device every four weeks.", *interventions]
    arms, entries, links, problems = compact_read(groups, interventions)
    assert compact_arms.UNDECIDED in problems
    assert all(name not in fields for name, _ in entries) and all(name not in fields for _, name in links)
    assert [title for title, _ in arms] in ([], ["Every 2 weeks", "Every 4 weeks"])


def test_labelled_fields_above_another_intervention_are_still_said():
    fields = ["Dose: 10 mg", "Frequency: once daily", "Duration: 12 weeks"]
    interventions = ["XR-7", *fields, "Placebo", "Matching tablet"]
    groups = ["XR-7 10 mg", "Participants take XR-7 10 mg by mouth once daily.", "XR-7", *fields,
              "Placebo comparator", "Participants take a matching tablet once daily.", "Placebo", "Matching tablet"]
    _, entries, _, problems = compact_read(groups, interventions)
    assert compact_arms.UNDECIDED in problems and not any(name in fields for name, _ in entries)


@pytest.mark.parametrize("width", [None, 80])
def test_a_compact_page_whose_intervention_is_described_in_fields_says_so(width):
    pen = {"type": "COMBINATION_PRODUCT", "name": "e-Device", "description": "\n".join(_FIELDS_OF_PEN),
           "armGroupLabels": ["Q2W injection by e-Device", "Q4W injection by e-Device"]}
    record = _record([{"label": label, "type": "EXPERIMENTAL", "description": f"Participants self-inject {text}.",
                       "interventionNames": ["Combination Product: e-Device"]}
                      for label, text in (("Q2W injection by e-Device", "every 2 weeks"),
                                          ("Q4W injection by e-Device", "every 4 weeks"))], [pen])
    entries, links, problems = _compact(record, width)
    assert compact_arms.UNDECIDED in problems
    assert _FIELDS_OF_PEN[1] not in [name for name, _ in entries] + [name for _, name in links]


def test_a_labelled_description_above_a_plain_name_keeps_its_reading():
    interventions = ["XR-7", "Dose: 10 mg once daily", "Placebo", "Matching tablets"]
    groups = ["XR-7 arm", "XR-7", "Dose: 10 mg once daily", "Placebo arm", "Placebo", "Matching tablets"]
    _, entries, links, problems = compact_read(groups, interventions)
    assert problems == [] and entries == [("XR-7", "Dose: 10 mg once daily"), ("Placebo", "Matching tablets")]
    assert links == [("XR-7 arm", "XR-7"), ("Placebo arm", "Placebo")]


def test_a_name_with_a_colon_below_a_name_without_description_keeps_its_reading():
    interventions = ["Part A: XR-7", "Part B: XR-7 with food"]
    groups = ["Part A", "Fasted", "Part A: XR-7", "Part B", "Fed", "Part B: XR-7 with food"]
    _, entries, _, problems = compact_read(groups, interventions)
    assert problems == [] and entries == [("Part A: XR-7", None), ("Part B: XR-7 with food", None)]


# clincosm: the registry's placeholder for many places as a site's city -------------------------------------------

@pytest.mark.parametrize("row, read", [
    ("1 Multiple Locations Canada", (None, "Multiple Locations")),
    ("3 Pfizer Investigational Site Multiple Locations Germany", ("Pfizer Investigational Site", "Multiple Locations")),
    ("2 Research Site Various Sites France 75001", ("Research Site", "Various Sites")),
    ("1 multiple locations Spain", (None, "multiple locations")),
])
def test_a_row_ending_with_the_placeholder_for_many_places_has_it_as_its_city(row, read):
    site, doubt = site_row(row)
    assert (site["name"], site["city"], site["state"]) == (*read, None) and doubt is None


@pytest.mark.parametrize("rows, read", [
    (["1 Multiple Sclerosis Centre Paris France"], [("Multiple Sclerosis Centre", "Paris", None)]),
    (["1 Edinburgh United Kingdom"], [(None, "Edinburgh", None)]),
    (["1 Various Locations Clinic Toronto Ontario Canada"], [("Various Locations Clinic", "Toronto", "Ontario")]),
])
def test_rows_naming_many_places_elsewhere_keep_their_reading(rows, read):
    sites, doubts = locations(rows)
    assert [(site["name"], site["city"], site["state"]) for site in sites] == read and doubts == []


@pytest.mark.parametrize("width", [None, 80])
def test_a_clincosm_page_listing_a_site_by_the_placeholder_reads_as_its_record(width):
    record = _record([], [{"type": "DRUG", "name": "ABC-123"}], [{"city": "Multiple Locations", "country": "Canada"}])
    page = _wrapped(clincosm_render.render(record), width)
    parsed = ctgov_classic_text.parse(page.encode("utf-8"))
    sites = [(row["name"], row["city"], row["country"]) for row in parsed.records[0].tables.get("facilities", [])]
    assert sites == [(None, "Multiple Locations", "Canada")] and parsed.problems == []
