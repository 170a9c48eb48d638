"""A summary, a description or a list that says it has none ('None provided.', 'Not specified.', 'None specified')
is no text on every layout: the page's word for no value with or without its full stop; a sentence that begins so
('None specified in the protocol; see the sponsor's site.') is the sponsor's text and kept. Pages are made from small
API v2 records with the renderers of tests/parsers."""
from __future__ import annotations

import copy

import pytest

from flows.parsers import aggregator_text, ctgov_classic_text
from flows.parsers.page_values import no_value
from flows.parsers.summary_text.list_items import named
from tests.parsers import clincosm_render, meddatax_render, summary_render
from tests.parsers.page_variants import LAYOUTS, SUMMARY

_SUMMARY_READER = LAYOUTS[id(SUMMARY)]
_RECORD = {"protocolSection": {
    "identificationModule": {"nctId": "NCT01234567", "briefTitle": "Biopsy of the Multifidus Muscle in Disc Hernia",
                             "orgStudyIdInfo": {"id": "LDH-2023-01"}},
    "statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2023-03-20", "type": "ACTUAL"},
                     "completionDateStruct": {"date": "2025-06", "type": "ESTIMATED"},
                     "lastUpdatePostDateStruct": {"date": "2024-01-15"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme University Hospital", "class": "OTHER"}},
    "descriptionModule": {"briefSummary": "Lumbar disc herniation is a common cause of sciatica in adults."},
    "conditionsModule": {"conditions": ["Lumbar Disc Herniation"]},
    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"], "enrollmentInfo": {"count": 40}},
    "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Unilateral disc hernia", "sex": "ALL",
                          "minimumAge": "18 Years", "maximumAge": "70 Years"},
    "contactsLocationsModule": {"locations": [{"facility": "Acme University Hospital", "city": "Ghent",
                                               "country": "Belgium", "status": "RECRUITING"}]}}}


def _record(summary: str, description: str | None = None) -> dict:
    record = copy.deepcopy(_RECORD)
    texts = record["protocolSection"]["descriptionModule"]
    texts["briefSummary"] = summary
    if description is not None:
        texts["detailedDescription"] = description
    return record


def _texts(record: dict) -> dict[str, list[tuple[str, list[str]]]]:
    """Per layout: (the summaries and descriptions read, the problems) of the record's page."""
    pages = {"meddatax labelled": (aggregator_text, meddatax_render.render(record)),
             "meddatax compact": (aggregator_text, meddatax_render.render(record, labelled=False)),
             "clincosm": (ctgov_classic_text, clincosm_render.render(record)),
             "trial-summary": (_SUMMARY_READER, summary_render.render(record))}
    read = {}
    for layout, (reader, page) in pages.items():
        parsed = reader.parse(page.encode("utf-8"))
        tables = parsed.records[0].tables
        read[layout] = ([row["description"] for table in ("brief_summaries", "detailed_descriptions")
                         for row in tables.get(table, [])], [problem.reason for problem in parsed.problems])
    return read


_LAYOUT_NAMES = ("meddatax labelled", "meddatax compact", "clincosm", "trial-summary")

# The words a page says a text or list has none with, as sites and sponsors write them.
_NONE_SAID = ["None provided.", "None provided", "Not specified.", "NOT SPECIFIED", "None specified",
              "none specified.", "None listed.", "Not Provided.", "N/A."]
# Texts that begin so, or hold the words, and say something: the sponsor's text.
_TEXTS = ["None specified in the protocol; see the sponsor's site.", "Not specified by the sponsor at registration.",
          "None provided to participants in the placebo arm.", "None. Provided on request from the PI.",
          "Nonetheless provided.", "Not specified yet", "None; see Detailed Description"]


@pytest.mark.parametrize("said", _NONE_SAID)
def test_a_page_s_word_for_no_value_is_told_with_or_without_its_full_stop(said):
    # new for 'None provided', 'Not specified', 'None specified', 'None listed' and any word with a full stop
    assert no_value(said)


@pytest.mark.parametrize("text", _TEXTS + ["Not", "Provided.", "None of the above.", "Unknown aetiology."])
def test_a_text_that_begins_with_those_words_or_holds_them_is_no_word_for_no_value(text):
    assert not no_value(text)


@pytest.mark.parametrize("said", ["None provided.", "Not specified.", "None specified"])
def test_a_summary_that_only_says_it_has_none_is_no_summary_on_every_layout(said):
    # new on trial-summary and clincosm pages (and on meddatax for 'Not specified.'): the words were loaded as the
    # study's brief summary, which the registry's own reading of such a page would never give
    read = _texts(_record(said))
    assert {layout: read[layout] for layout in _LAYOUT_NAMES} == {layout: ([], []) for layout in _LAYOUT_NAMES}


def test_a_description_that_only_says_it_has_none_is_no_description_below_a_summary_that_is_kept():
    summary = _RECORD["protocolSection"]["descriptionModule"]["briefSummary"]
    read = _texts(_record(summary, "Not specified."))
    assert {layout: read[layout][0] for layout in _LAYOUT_NAMES} == {layout: [summary] for layout in _LAYOUT_NAMES}


@pytest.mark.parametrize("text", _TEXTS)
def test_a_summary_that_begins_with_those_words_is_kept_whole_on_every_layout(text):
    read = _texts(_record(text))
    assert {layout: read[layout][0] for layout in _LAYOUT_NAMES} == {layout: [text] for layout in _LAYOUT_NAMES}


@pytest.mark.parametrize("names, kept", [
    (["None provided."], []), (["Not specified"], []), (["None listed"], []), (["Not applicable"], []),
    (["None given."], []),
    (["Not specified hypertension"], ["Not specified hypertension"]),
    (["Headache", "None provided"], ["Headache", "None provided"]), (["Headache", "N/A"], ["Headache"]),
    (["Not Applicable Conditions Of Pregnancy"], ["Not Applicable Conditions Of Pregnancy"]),
])
def test_a_trial_summary_condition_list_that_says_it_names_none_gives_none(names, kept):
    assert named(names) == kept
