"""pending_results holds what AACT's holds, API v2's unposted events; a record's submission tracking, which AACT does
not read, is in result_submissions, and the results rules read it where a record gives no unposted events."""
from __future__ import annotations

import json
from datetime import date

import pytest

import checks
from checks.engine import run_rules
from flows.parsers import ctgov_json_v2
from tests.checks import harness
from tests.checks.test_results_returned_to_the_sponsor import CASES, OVERDUE, _study

STUDY = {"protocolSection": {"identificationModule": {"nctId": "NCT09000060", "briefTitle": "A study"},
                             "statusModule": {"overallStatus": "COMPLETED", "statusVerifiedDate": "2025-01",
                                              "studyFirstPostDateStruct": {"date": "2020-01-02"},
                                              "lastUpdatePostDateStruct": {"date": "2025-01-02"}}}}
UNPOSTED = {"annotationModule": {"unpostedAnnotation": {
    "unpostedEvents": [{"type": "RELEASE", "date": "2024-05-29"}, {"type": "RESET", "date": "2024-06-24"}]}}}
TRACKING = {"miscInfoModule": {"submissionTracking": {
    "estimatedResultsFirstSubmitDate": "2024-05-06",
    "submissionInfos": [{"releaseDate": "2024-05-06", "resetDate": "2024-06-05", "mcpReleaseN": 8},
                        {"releaseDate": "2024-06-20", "unreleaseDate": "2024-06-30"}]}}}
TRACKED = [("RELEASE", "2024-05-06", date(2024, 5, 6)), ("RESET", "2024-06-05", date(2024, 6, 5)),
           ("RELEASE", "2024-06-20", date(2024, 6, 20)), ("UNRELEASE", "2024-06-30", date(2024, 6, 30))]
UNPOSTED_EVENTS = [("RELEASE", "2024-05-29", date(2024, 5, 29)), ("RESET", "2024-06-24", date(2024, 6, 24))]


def _tables(**sections) -> dict[str, list[tuple]]:
    tables = ctgov_json_v2.parse(json.dumps({**STUDY, **sections}).encode()).records[0].tables
    return {name: [(row["event"], row["event_date_description"], row["event_date"]) for row in tables.get(name, [])]
            for name in ("pending_results", "result_submissions")}


# (case, sections of the record, pending_results events, result_submissions events)
SPLIT_CASES = [
    ("unposted events only", {"annotationSection": UNPOSTED}, UNPOSTED_EVENTS, []),
    ("submission tracking only: none in pending_results", {"derivedSection": TRACKING}, [], TRACKED),
    ("both: each in its own table", {"annotationSection": UNPOSTED, "derivedSection": TRACKING}, UNPOSTED_EVENTS,
     TRACKED),
    ("tracking without submissions", {"derivedSection": {"miscInfoModule": {"submissionTracking": {
        "firstMcpInfo": {"postDateStruct": {"date": "2022-04-29"}}}}}}, [], []),
    ("neither", {}, [], []),
]


@pytest.mark.parametrize("name, sections, pending, submissions", SPLIT_CASES, ids=[case[0] for case in SPLIT_CASES])
def test_unposted_events_go_to_pending_results_and_submission_tracking_to_result_submissions(
        name, sections, pending, submissions):
    assert _tables(**sections) == {"pending_results": pending, "result_submissions": submissions}


def _as_submissions(study: dict) -> dict:
    """The same study with its events given by submission tracking (result_submissions), not as unposted events."""
    return {**study, "result_submissions": study.pop("pending_results")}


def _with_other_tracking(study: dict) -> dict:
    """The same study with an older submission tracked besides: the unposted events are the ones read."""
    return {**study, "result_submissions": [{"event": "RELEASE", "event_date_description": "2019-01-02",
                                             "event_date": date(2019, 1, 2)}]}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(severity, message, evidence) of each case of timeliness.results_overdue's returned-results cases, its events
    given three ways: as unposted events, as submission tracking, and as unposted events beside other tracking."""
    forms = {"pending_results": lambda study: study, "result_submissions": _as_submissions,
             "both": _with_other_tracking}
    studies, owners = {}, {}
    for form_index, (form, made) in enumerate(forms.items()):
        for index, case in enumerate(CASES):
            nct_id = f"NCT0{5000001 + 100 * form_index + index}"
            studies[nct_id], owners[nct_id] = made(_study(case[1])), (form, case[0])
    con = harness.warehouse_with(tmp_path_factory.mktemp("submissions"), studies)
    rule = next(rule for rule in checks.all_rules() if rule.id == OVERDUE)
    run_rules(con, [rule], run_id="t", as_of=harness.AS_OF)
    by_case: dict[tuple[str, str], list] = {owner: [] for owner in owners.values()}
    for nct_id, severity, message, evidence in con.execute(
            "SELECT nct_id, severity, message, evidence FROM quality_issues WHERE rule_id = ?", [OVERDUE]).fetchall():
        by_case[owners[nct_id]].append((severity, message, evidence))
    return by_case


@pytest.mark.parametrize("form", ["result_submissions", "both"])
@pytest.mark.parametrize("name", [case[0] for case in CASES])
def test_the_results_rule_finds_the_same_from_submission_tracking_as_from_unposted_events(found, form, name):
    assert found[(form, name)] == found[("pending_results", name)]
