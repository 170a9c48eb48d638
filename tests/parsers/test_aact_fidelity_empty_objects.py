"""API v2 objects that AACT writes as rows even when they lack their main value: an identifier object without its
id, an empty responsible party. Each is the record's own, so it is a row here too, never dropped silently."""
from __future__ import annotations

import copy
import json

from flows.parsers import ctgov_json_v2

STUDY = {"protocolSection": {
    "identificationModule": {"nctId": "NCT05809934", "briefTitle": "A study",
                             "orgStudyIdInfo": {"id": "D7960C00015"},
                             "secondaryIdInfos": [{"id": "2022-501234-11", "type": "CTIS"}],
                             "nctIdAliases": ["NCT05800000"]},
    "statusModule": {"overallStatus": "RECRUITING", "statusVerifiedDate": "2024-05",
                     "studyFirstPostDateStruct": {"date": "2023-04-13", "type": "ACTUAL"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": "AstraZeneca", "class": "INDUSTRY"},
                                   "responsibleParty": {"type": "SPONSOR"}},
}}


def _tables(**changes: object) -> dict:
    """The tables of STUDY with `changes` (module key -> value, None to leave the key out) made to its
    identificationModule or sponsorCollaboratorsModule."""
    study = copy.deepcopy(STUDY)
    for key, value in changes.items():
        module = "identificationModule" if "Id" in key else "sponsorCollaboratorsModule"
        study["protocolSection"][module].pop(key)
        if value is not None:
            study["protocolSection"][module][key] = value
    parsed = ctgov_json_v2.parse(json.dumps(study).encode())
    assert parsed.problems == []
    return parsed.records[0].tables


def _ids(tables: dict) -> list[tuple]:
    return [(row["id_source"], row["id_value"], row["id_type"], row["id_link"], row["id_type_description"])
            for row in tables.get("id_information", [])]


def test_the_usual_identifiers_read_as_before():
    assert _ids(_tables()) == [("org_study_id", "D7960C00015", None, None, None),
                               ("secondary_id", "2022-501234-11", "CTIS", None, None),
                               ("nct_alias", "NCT05800000", None, None, None)]


def test_a_secondary_id_object_without_its_id_is_a_row_with_the_type_issuer_and_link_it_gives():
    tables = _tables(secondaryIdInfos=[{"type": "OTHER_GRANT", "domain": "Swedish Research Council",
                                        "link": "https://example.org/grant"}, {"id": "R01"}])
    assert _ids(tables)[1:3] == [
        ("secondary_id", None, "OTHER_GRANT", "https://example.org/grant", "Swedish Research Council"),
        ("secondary_id", "R01", None, None, None)]


def test_an_org_study_id_object_without_its_id_is_a_row_and_an_absent_one_none():
    assert _ids(_tables(orgStudyIdInfo={"type": "NIH"}))[0] == ("org_study_id", None, "NIH", None, None)
    assert [row[0] for row in _ids(_tables(orgStudyIdInfo=None))] == ["secondary_id", "nct_alias"]


def test_a_blank_alias_names_no_identifier():
    assert [row[0] for row in _ids(_tables(nctIdAliases=[" "]))] == ["org_study_id", "secondary_id"]


def test_an_empty_responsible_party_object_is_a_row_as_aact_writes_it_and_an_absent_one_none():
    assert _tables(responsibleParty={})["responsible_parties"] == [
        {"responsible_party_type": None, "name": None, "title": None, "organization": None, "affiliation": None,
         "old_name_title": None}]
    assert "responsible_parties" not in _tables(responsibleParty=None)
    assert _tables()["responsible_parties"][0]["responsible_party_type"] == "SPONSOR"
