"""Missing-field rules on these record shapes: a newer page that gives what an older registry record lacked,
placeholders a registry form's text box holds where the value belongs ('Not Provided', 'Unknown'), quoted without the
line break after them. All shapes share one warehouse."""
from __future__ import annotations

from datetime import date

import pytest

from checks import missing_fields
from tests.checks import harness

TITLE = "missing_fields.no_title"
CONDITIONS = "missing_fields.no_conditions"
PRIMARY = "missing_fields.no_primary_outcome"
ENROLLMENT = "missing_fields.no_enrollment"
START = "missing_fields.no_start_date"
COMPLETION = "missing_fields.no_completion_date"
PHASE = "missing_fields.no_phase"
SUMMARY = "missing_fields.no_brief_summary"


def _registry_record(**values) -> dict[str, list[dict]]:
    """The registry's own record of the study, loaded beside a newer page that is current: a 2015 version."""
    row = {"sha256": "1" * 64, "layout": "ctgov_json_v2", "last_update_posted_date": date(2015, 1, 1),
           "enrollment": 40, "enrollment_type": "ACTUAL", "overall_status": "COMPLETED",
           "study_type": "INTERVENTIONAL", "brief_title": "Baricitinib in Primary Sjogren's Syndrome",
           "phase": "PHASE2", "start_date": date(2020, 1, 16), "primary_completion_date": date(2021, 6, 1),
           "completion_date": date(2021, 9, 1), **values}
    return {"meta.source_records": [row]}


def _outcome(measure: str) -> dict[str, list[dict]]:
    return {"design_outcomes": [{"outcome_type": "primary", "measure": measure, "time_frame": "12 weeks"}]}


def _condition(name: str) -> dict[str, list[dict]]:
    return {"conditions": [{"name": name}]}


def _summary(text: str) -> dict[str, list[dict]]:
    return {"brief_summaries": [{"description": text}]}


# name: (studies values, tables, {rule id: message} the record must get from the missing-field rules, nothing else)
SHAPES: dict[str, tuple[dict, dict, dict[str, str]]] = {
    # A newer page that is current gives what the older registry record lacked: the study lacks it no more.
    "meddatax page gives enrollment 40, the 2015 registry record gave none":
        ({"source_layout": "aggregator_text"}, _registry_record(enrollment=None, enrollment_type=None), {}),
    "trial-summary page gives the start date, the registry record none":
        ({"source_layout": "summary_text"}, _registry_record(start_date=None), {}),
    "clincosm page gives completion dates, the registry record none":
        ({"source_layout": "ctgov_classic_text"},
         _registry_record(primary_completion_date=None, completion_date=None), {}),
    "clincosm page shows Phase: N/A (NA), the registry record no phase":
        ({"source_layout": "ctgov_classic_text", "phase": "NA"}, _registry_record(phase=None), {}),
    "page now says withdrawn with 0, the older record was recruiting without an enrollment":
        ({"source_layout": "aggregator_text", "overall_status": "WITHDRAWN", "enrollment": 0},
         _registry_record(overall_status="RECRUITING", enrollment=None), {}),
    "page now says observational, the older record interventional without a phase":
        ({"source_layout": "ctgov_classic_text", "study_type": "OBSERVATIONAL", "phase": None},
         _registry_record(phase=None), {}),
    # Neither the page nor the registry record gives it: still found, on the registry record.
    "neither the page nor the registry record gives an enrollment":
        ({"source_layout": "aggregator_text", "enrollment": None}, _registry_record(enrollment=None),
         {ENROLLMENT: "Study gives no enrollment."}),
    "neither gives a phase":
        ({"source_layout": "ctgov_classic_text", "phase": None}, _registry_record(phase=None),
         {PHASE: "Interventional study gives no phase."}),
    # Placeholders a form's text box holds where the value belongs.
    "title 'Not Provided'": ({"brief_title": "Not Provided", "official_title": None}, {},
                             {TITLE: "Study has no title, only 'Not Provided'."}),
    "title 'Unknown'": ({"brief_title": "Unknown", "official_title": None}, {},
                        {TITLE: "Study has no title, only 'Unknown'."}),
    "title '-' and a line break, quoted without it": ({"brief_title": "-\n", "official_title": None}, {},
                                                       {TITLE: "Study has no title, only '-'."}),
    "title 'NULL' of an export": ({"brief_title": "NULL", "official_title": None}, {},
                                  {TITLE: "Study has no title, only 'NULL'."}),
    "condition 'Not Provided'": ({}, _condition("Not Provided"),
                                 {CONDITIONS: "Study lists no condition or disease, only 'Not Provided'."}),
    "condition 'Unknown'": ({}, _condition("Unknown"),
                            {CONDITIONS: "Study lists no condition or disease, only 'Unknown'."}),
    "condition 'Not specified'": ({}, _condition("Not specified"),
                                  {CONDITIONS: "Study lists no condition or disease, only 'Not specified'."}),
    "condition '-' and a tab, quoted without it": ({}, _condition("-\t"),
                                                   {CONDITIONS: "Study lists no condition or disease, only '-'."}),
    "primary outcome 'Not Provided'":
        ({}, _outcome("Not Provided"),
         {PRIMARY: "Interventional study lists no primary outcome, only 'Not Provided'."}),
    "primary outcome 'Unknown'": ({}, _outcome("Unknown"),
                                  {PRIMARY: "Interventional study lists no primary outcome, only 'Unknown'."}),
    "brief summary 'N/A'": ({}, _summary("N/A"), {SUMMARY: "Study has no brief summary, only 'N/A'."}),
    "brief summary 'Not Provided'": ({}, _summary("Not Provided"),
                                     {SUMMARY: "Study has no brief summary, only 'Not Provided'."}),
    "brief summary '-'": ({}, _summary("-"), {SUMMARY: "Study has no brief summary, only '-'."}),
    "brief summary empty, said as before": ({}, _summary(""), {SUMMARY: "Study has no brief summary."}),
    # Values that are names, not placeholders: quiet.
    "brief summary 'See detailed description.'": ({}, _summary("See detailed description."), {}),
    "brief summary 'Pilot study of TENS.'": ({}, _summary("Pilot study of TENS."), {}),
    "brief summary that begins 'None of the approved...'":
        ({}, _summary("None of the approved therapies for recurrent glioblastoma prolongs survival beyond months. "
                      "This trial tests whether adding bevacizumab to lomustine does."), {}),
    "title 'REDUCE-IT'": ({"brief_title": "REDUCE-IT", "official_title": None}, {}, {}),
    "title 'NIL-2'": ({"brief_title": "NIL-2", "official_title": None}, {}, {}),
    "title 'Unknown' beside a real official title": ({"brief_title": "Unknown"}, {}, {}),
    "condition 'Unknown Primary'": ({}, _condition("Unknown Primary"), {}),
    "condition 'Carcinoma of Unknown Primary Site'": ({}, _condition("Carcinoma of Unknown Primary Site"), {}),
    "condition 'NASH'": ({}, _condition("NASH"), {}),
    "condition 'Na+'": ({}, _condition("Na+"), {}),
    "condition 'Not Applicable (healthy volunteers)'": ({}, _condition("Not Applicable (healthy volunteers)"), {}),
    "primary outcome 'Unknown adverse events'": ({}, _outcome("Unknown adverse events"), {}),
    "primary outcome 'None (see description)'": ({}, _outcome("None (see description)"), {}),
    "primary outcome 'OS'": ({}, _outcome("OS"), {}),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    shapes = {name: (f"NCT0{n:07d}", values, tables) for n, (name, (values, tables, _)) in enumerate(SHAPES.items(), 1)}
    return harness.shape_findings(tmp_path_factory.mktemp("missing_fields_placeholders"), shapes, missing_fields.RULES)


@pytest.mark.parametrize("name", list(SHAPES))
def test_what_each_record_is_told(found, name):
    expected = SHAPES[name][2]
    assert {rule_id: message for rule_id, _severity, message, _evidence in found[name]} == expected


def test_a_study_judged_on_the_registry_record_says_so(found):
    [(_rule, severity, _message, evidence)] = found["neither the page nor the registry record gives an enrollment"]
    assert severity == "warning"
    assert evidence.endswith("judged on the ctgov_json_v2 record, the richest source loaded")
