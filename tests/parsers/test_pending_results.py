"""pending_results: results submitted and not yet posted, event by event, from API v2 JSON and legacy XML."""
from __future__ import annotations

import json
from datetime import date

from flows.parsers import ctgov_json_v2, ctgov_xml
from flows.parsers.model import READ_AS_SPELT, UNREAD_PART

STUDY = {"protocolSection": {"identificationModule": {"nctId": "NCT09000040", "briefTitle": "A study"},
                             "statusModule": {"overallStatus": "COMPLETED", "statusVerifiedDate": "2025-01",
                                              "studyFirstPostDateStruct": {"date": "2020-01-02"},
                                              "lastUpdatePostDateStruct": {"date": "2025-01-02"}}}}
UNPOSTED = {"annotationModule": {"unpostedAnnotation": {
    "unpostedResponsibleParty": "Jane Q. Private, Principal Investigator, Somewhere University",
    "unpostedEvents": [{"type": "RELEASE", "date": "2024-05-29"}, {"type": "RESET", "date": "2024-06-24"},
                       {"type": "RELEASE", "date": "2024-08-29"}]}}}
TRACKING = {"miscInfoModule": {"submissionTracking": {
    "estimatedResultsFirstSubmitDate": "2024-05-06",
    "submissionInfos": [{"releaseDate": "2024-05-06", "resetDate": "2024-06-05", "mcpReleaseN": 8},
                        {"releaseDate": "2024-06-20", "unreleaseDate": "2024-06-30"}]}}}


def _json(**sections) -> tuple[list[dict], list[tuple[str, str]]]:
    parsed = ctgov_json_v2.parse(json.dumps({**STUDY, **sections}).encode())
    return (parsed.records[0].tables.get("pending_results", []),
            [(problem.reason, problem.detail) for problem in parsed.problems])


def _events(rows: list[dict]) -> list[tuple]:
    return [(row["event"], row["event_date_description"], row["event_date"]) for row in rows]


def test_the_unposted_events_are_read_as_aact_reads_them_and_the_responsible_party_is_not():
    rows, problems = _json(annotationSection=UNPOSTED)
    assert _events(rows) == [("RELEASE", "2024-05-29", date(2024, 5, 29)), ("RESET", "2024-06-24", date(2024, 6, 24)),
                             ("RELEASE", "2024-08-29", date(2024, 8, 29))]
    assert problems == []
    assert "Private" not in repr(rows)


def test_the_submission_tracking_is_not_pending_results_as_aact_reads_them():
    """AACT's pending_results holds the unposted events only; the tracking goes to result_submissions."""
    assert _json(derivedSection=TRACKING) == ([], [])


def test_the_unposted_events_are_read_once_where_the_record_gives_both():
    rows, _ = _json(annotationSection=UNPOSTED, derivedSection=TRACKING)
    assert [row["event_date_description"] for row in rows] == ["2024-05-29", "2024-06-24", "2024-08-29"]


def test_no_submission_gives_no_row_and_odd_values_are_kept_for_validation_to_refuse():
    assert _json() == ([], [])
    assert _json(derivedSection={"miscInfoModule": {"submissionTracking": {
        "firstMcpInfo": {"postDateStruct": {"date": "2022-04-29"}}}}}) == ([], [])
    rows, problems = _json(annotationSection={"annotationModule": {"unpostedAnnotation": {
        "unpostedEvents": [{"type": "CANCEL", "date": "2024-13-40"}, "RELEASE"]}}})
    assert _events(rows) == [("CANCEL", "2024-13-40", "2024-13-40")]
    assert problems == [(UNREAD_PART, "document: unpostedEvents[1] is a string, not an object")]
    assert READ_AS_SPELT not in {reason for reason, _ in problems}


def test_legacy_xml_pending_results_take_api_v2_event_names():
    xml = ("<clinical_study><id_info><nct_id>NCT09000041</nct_id></id_info><brief_title>A study</brief_title>"
           "<overall_status>Completed</overall_status><pending_results><submitted>December 26, 2012</submitted>"
           "<returned>February 5, 2013</returned><submitted>May 30, 2013</submitted>"
           "<submission_canceled>June 3, 2013</submission_canceled><recalled>July 1, 2013</recalled>"
           "</pending_results></clinical_study>")
    parsed = ctgov_xml.parse(xml.encode())
    assert _events(parsed.records[0].tables["pending_results"]) == [
        ("RELEASE", "December 26, 2012", date(2012, 12, 26)), ("RESET", "February 5, 2013", date(2013, 2, 5)),
        ("RELEASE", "May 30, 2013", date(2013, 5, 30)), ("UNRELEASE", "June 3, 2013", date(2013, 6, 3)),
        ("recalled", "July 1, 2013", date(2013, 7, 1))]  # an element of another name, for validation to refuse
