"""A part of an API v2 record read as an object or an array of objects, given as another type, is reported as a
problem of its study (and flagged), never dropped silently; the report names the part and its type, not its value."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from flows.parsers import ctgov_json_v2
from flows.parsers.model import UNREAD_PART

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = json.loads((ROOT / "tests/golden/ctgov_json_v2/interventional_month_dates.json").read_text())

# Every part the parser reads as an object ({the parts inside it read so}) or as an array of objects ([{}]).
SHAPE: dict = {
    "protocolSection": {
        "identificationModule": {"orgStudyIdInfo": {}, "secondaryIdInfos": [{}], "organization": {}},
        "statusModule": {
            "expandedAccessInfo": {}, "startDateStruct": {}, "primaryCompletionDateStruct": {},
            "completionDateStruct": {}, "studyFirstPostDateStruct": {}, "lastUpdatePostDateStruct": {},
            "resultsFirstPostDateStruct": {}, "dispFirstPostDateStruct": {},
        },
        "sponsorCollaboratorsModule": {"responsibleParty": {}, "leadSponsor": {}, "collaborators": [{}]},
        "oversightModule": {},
        "descriptionModule": {},
        "conditionsModule": {},
        "designModule": {"designInfo": {"maskingInfo": {}}, "enrollmentInfo": {}, "bioSpec": {},
                         "expandedAccessTypes": {}},
        "armsInterventionsModule": {"armGroups": [{}], "interventions": [{}]},
        "outcomesModule": {"primaryOutcomes": [{}], "secondaryOutcomes": [{}], "otherOutcomes": [{}]},
        "eligibilityModule": {},
        "contactsLocationsModule": {"centralContacts": [{}], "overallOfficials": [{}], "locations": [{"geoPoint": {}}]},
        "ipdSharingStatementModule": {},
    },
    "derivedSection": {
        "miscInfoModule": {},
        "conditionBrowseModule": {"meshes": [{}], "ancestors": [{}]},
        "interventionBrowseModule": {"meshes": [{}], "ancestors": [{}]},
    },
}


def _parts(shape: dict, path: tuple = ()) -> list[tuple[tuple, bool]]:
    """(path, read as an array) of every part of `shape` below the study's protocolSection (which must be an
    object for the record to be a study at all); an array's items are reached through index 0."""
    found = []
    for key, inner in shape.items():
        here = path + (key,)
        if here != ("protocolSection",):
            found.append((here, isinstance(inner, list)))
        array = isinstance(inner, list)
        found += _parts(inner[0] if array else inner, here + ((0,) if array else ()))
    return found


# Without an identificationModule and a statusModule the record is no loadable study: it is rejected (below).
PARTS = [(path, array) for path, array in _parts(SHAPE)
         if path not in {("protocolSection", "identificationModule"), ("protocolSection", "statusModule")}]


def _with(path: tuple, value: object) -> dict:
    """The template study with the part at `path` set to `value` (its parents made when the template lacks them)."""
    study = copy.deepcopy(TEMPLATE)
    node = study
    for step, following in zip(path, path[1:]):
        if isinstance(step, int):
            while len(node) <= step:
                node.append({})
        elif not isinstance(node.get(step), (dict, list)):
            node[step] = [] if isinstance(following, int) else {}
        node = node[step]
    node[path[-1]] = value
    return study


def _parsed(study: dict) -> tuple[list, list[str]]:
    parsed = ctgov_json_v2.parse(json.dumps(study).encode())
    return parsed.records, [p.detail for p in parsed.problems if p.reason == UNREAD_PART]


@pytest.mark.parametrize("path, array", PARTS, ids=[".".join(map(str, p)) for p, _ in PARTS])
def test_a_part_given_as_a_string_is_reported_and_the_study_still_loads(path, array):
    records, unread = _parsed(_with(path, "Jane Roe, +1 555 0100"))
    expected = "an array" if array else "an object"
    assert len(records) == 1
    assert unread == [f"document: {path[-1]} is a string, not {expected}"]
    assert all("Jane" not in detail and "555" not in detail for detail in unread)


@pytest.mark.parametrize("path", [p for p, array in PARTS if array], ids=lambda p: ".".join(map(str, p)))
def test_an_item_of_an_array_of_objects_given_as_a_string_is_reported(path):
    records, unread = _parsed(_with(path, [{}, "Jane Roe", 3]))
    assert len(records) == 1
    assert unread == [f"document: {path[-1]}[1] is a string, not an object",
                      f"document: {path[-1]}[2] is a number, not an object"]


def test_the_usual_record_has_no_unread_part_and_null_is_absence():
    assert _parsed(TEMPLATE)[1] == []
    assert _parsed(_with(("protocolSection", "designModule"), None))[1] == []


def test_a_part_met_twice_is_reported_once_and_notes_do_not_pass_to_the_next_study():
    page = {"studies": [_with(("protocolSection", "designModule"), "Interventional"), copy.deepcopy(TEMPLATE)]}
    page["studies"][1]["protocolSection"]["identificationModule"]["nctId"] = "NCT09999999"
    parsed = ctgov_json_v2.parse(json.dumps(page).encode())
    assert len(parsed.records) == 2
    assert [(p.nct_id, p.detail) for p in parsed.problems if p.reason == UNREAD_PART] == [
        (parsed.records[0].nct_id, "document, study 1 of 2: designModule is a string, not an object")]


@pytest.mark.parametrize("module, reason", [
    ("identificationModule", "no nctId in protocolSection.identificationModule"),
    ("statusModule", ctgov_json_v2.UNREADABLE_STATUS),
])
def test_an_identification_or_status_module_of_another_type_rejects_the_record_with_its_reason(module, reason):
    parsed = ctgov_json_v2.parse(json.dumps(_with(("protocolSection", module), ["Jane Roe"])).encode())
    assert parsed.records == []
    assert [p.reason for p in parsed.problems] == [reason]
    assert "Jane" not in parsed.problems[0].detail
