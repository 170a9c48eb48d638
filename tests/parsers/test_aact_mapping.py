"""AACT's mapping of the columns and tables trialqc adds for AACT users, from API v2 JSON and legacy XML."""
from __future__ import annotations

import json

from flows.parsers import ctgov_json_v2, ctgov_xml


def _json_record(protocol: dict, **top):
    base = {"identificationModule": {"nctId": "NCT01234567"}, "statusModule": {"overallStatus": "COMPLETED"}}
    for module, values in protocol.items():
        base.setdefault(module, {}).update(values)
    parsed = ctgov_json_v2.parse(json.dumps({"protocolSection": base, **top}).encode())
    assert parsed.problems == []
    (record,) = parsed.records
    return record


def _xml_record(body: str):
    xml = f"<clinical_study><id_info><nct_id>NCT01234567</nct_id></id_info>{body}</clinical_study>"
    parsed = ctgov_xml.parse(xml.encode())
    assert parsed.problems == []
    (record,) = parsed.records
    return record


def test_json_other_names_are_keyed_by_their_intervention():
    record = _json_record({"armsInterventionsModule": {"interventions": [
        {"name": "Fenretinide", "otherNames": ["4-HPR", "  "]}, {"name": "Placebo"}]}})
    assert record.tables["intervention_other_names"] == [{"intervention_name": "Fenretinide", "name": "4-HPR"}]


def test_json_mesh_terms_list_matched_terms_then_ancestors_with_a_lower_case_copy():
    derived = {"conditionBrowseModule": {"meshes": [{"id": "D003920", "term": "Diabetes Mellitus"}],
                                         "ancestors": [{"id": "D004700", "term": "Endocrine System Diseases"}]},
               "interventionBrowseModule": {"meshes": [{"term": "Metformin"}]}}
    record = _json_record({}, derivedSection=derived)
    assert record.tables["browse_conditions"] == [
        {"mesh_term": "Diabetes Mellitus", "downcase_mesh_term": "diabetes mellitus", "mesh_type": "mesh-list"},
        {"mesh_term": "Endocrine System Diseases", "downcase_mesh_term": "endocrine system diseases",
         "mesh_type": "mesh-ancestor"},
    ]
    assert record.tables["browse_interventions"] == [
        {"mesh_term": "Metformin", "downcase_mesh_term": "metformin", "mesh_type": "mesh-list"}]


def test_json_without_derived_section_has_no_mesh_rows():
    record = _json_record({})
    assert "browse_conditions" not in record.tables and "browse_interventions" not in record.tables


def test_xml_other_names_and_mesh_terms():
    record = _xml_record(
        "<intervention><intervention_type>Drug</intervention_type><intervention_name>Fenretinide"
        "</intervention_name><other_name>4-HPR</other_name><other_name>HPR</other_name></intervention>"
        "<condition_browse><mesh_term>Neoplasms</mesh_term></condition_browse>"
        "<intervention_browse><mesh_term>Fenretinide</mesh_term></intervention_browse>")
    assert record.tables["intervention_other_names"] == [
        {"intervention_name": "Fenretinide", "name": "4-HPR"}, {"intervention_name": "Fenretinide", "name": "HPR"}]
    assert record.tables["browse_conditions"] == [
        {"mesh_term": "Neoplasms", "downcase_mesh_term": "neoplasms", "mesh_type": "mesh-list"}]
    assert record.tables["browse_interventions"][0]["mesh_term"] == "Fenretinide"
