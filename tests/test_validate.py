"""Validation refuses cells, not studies: a refused value loads as NULL and is kept raw."""
from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
import pytest

from flows.assemble import assemble
from flows.parse_batch import FileOutcome, ParsedBatch, SourcedRecord
from flows.parsers import ctgov_json_v2, ctgov_xml
from flows.validate import validate_batch

SHA = "a" * 64


def _batch(layout: str, parsed) -> ParsedBatch:
    outcome = FileOutcome(SHA, f"/in/x.{layout}", 1, datetime(2026, 1, 1), layout=layout)
    return ParsedBatch(files=[outcome], records=[SourcedRecord(outcome, r) for r in parsed.records])


def _json(**design) -> ParsedBatch:
    protocol = {"identificationModule": {"nctId": "NCT01234567", "organization": {"fullName": "Org"}},
                "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2020-03"}},
                "designModule": {"studyType": "INTERVENTIONAL", **design},
                "contactsLocationsModule": {"locations": [{"facility": "Site", "status": "RECRUITING"}]}}
    return _batch("ctgov_json_v2", ctgov_json_v2.parse(json.dumps({"protocolSection": protocol}).encode()))


def _xml(body: str) -> ParsedBatch:
    xml = f"<clinical_study><id_info><nct_id>NCT01234567</nct_id></id_info>{body}</clinical_study>"
    return _batch("ctgov_xml", ctgov_xml.parse(xml.encode()))


def _refused(batch: ParsedBatch) -> tuple[dict, list[tuple]]:
    validated = validate_batch(batch)
    assert validated.rejects == [] and validated.accepted == [0]
    study = validated.frames["studies"].iloc[0].to_dict()
    return study, sorted((v.table, v.column, v.raw) for v in validated.raw_values)


@pytest.mark.parametrize("design, column, raw", [
    ({"phases": ["PHASE5"]}, "phase", "PHASE5"),
    ({"phases": "PHASE2"}, "phase", "PHASE2"),  # a string where API v2 gives a list
    ({"studyType": "EXPANDED_ACCESS_INTERVENTIONAL"}, "study_type", "EXPANDED_ACCESS_INTERVENTIONAL"),
    ({"enrollmentInfo": {"count": "abc"}}, "enrollment", "abc"),
])
def test_json_value_outside_api_v2_loads_as_null_and_is_kept(design, column, raw):
    study, refused = _refused(_json(**design))
    assert refused == [("studies", column, raw)]
    assert study[column] is None or study[column] != study[column]  # NULL (None or NA)
    assert study["source"] == "Org"


@pytest.mark.parametrize("design, column, raw", [
    ({"patientRegistry": "maybe"}, "patient_registry", "maybe"),
    ({"patientRegistry": 1}, "patient_registry", "1"),
    ({"patientRegistry": {"value": True}}, "patient_registry", '{"value": true}'),
    ({"expandedAccessTypes": {"individual": [True]}}, "expanded_access_type_individual", "[true]"),
])
def test_a_json_boolean_of_another_type_is_refused_not_read_as_missing(design, column, raw):
    study, refused = _refused(_json(**design))
    assert refused == [("studies", column, raw)]
    assert study[column] is None or study[column] != study[column]  # NULL (None or NA)


@pytest.mark.parametrize("ident, column, raw", [
    ({"briefTitle": {"text": "A title"}}, "brief_title", '{"text": "A title"}'),
    ({"officialTitle": ["A", "title"]}, "official_title", '["A", "title"]'),
    ({"acronym": True}, "acronym", "true"),
])
def test_a_json_text_column_of_another_type_is_refused_not_read_as_missing(ident, column, raw):
    parsed = ctgov_json_v2.parse(json.dumps({"protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", **ident},
        "statusModule": {"overallStatus": "COMPLETED"}}}).encode())
    batch = _batch("ctgov_json_v2", parsed)
    study, refused = _refused(batch)
    assert refused == [("studies", column, raw)]


@pytest.mark.parametrize("value, expected", [(True, True), ("No", False), ("yes", True), (None, None), ("  ", None)])
def test_a_json_boolean_or_yes_no_text_is_read(value, expected):
    study, refused = _refused(_json(patientRegistry=value))
    read = study["patient_registry"]
    assert refused == []
    assert (read != read or read is None) if expected is None else read == expected


@pytest.mark.parametrize("body, table, column, raw", [
    ("<oversight_info><has_dmc>Maybe</has_dmc></oversight_info>", "studies", "has_dmc", "Maybe"),
    ("<eligibility><healthy_volunteers>Sometimes</healthy_volunteers></eligibility>", "eligibilities",
     "healthy_volunteers", "Sometimes"),
])
def test_an_xml_yes_no_of_another_word_is_refused_not_read_as_missing(body, table, column, raw):
    study, refused = _refused(_xml(body))
    assert refused == [(table, column, raw)]


def test_a_malformed_date_is_refused_not_silently_dropped():
    batch = _json()
    batch.records[0].record.study.update(start_date="2023-13-45")
    study, refused = _refused(batch)
    assert refused == [("studies", "start_date", "2023-13-45")]


@pytest.mark.parametrize("body, table, column, raw", [
    ("<study_type>N/A</study_type>", "studies", "study_type", "N/A"),
    ("<phase>Phase 5</phase>", "studies", "phase", "Phase 5"),
    ("<enrollment>abc</enrollment>", "studies", "enrollment", "abc"),
    ("<start_date>2023-13-45</start_date>", "studies", "start_date", "2023-13-45"),
    ("<overall_status>Withheld</overall_status><location><facility><name>S</name></facility>"
     "<status>Active, not yet enrolling</status></location>", "facilities", "status", "Active, not yet enrolling"),
    ("<study_design_info><allocation>Randomised</allocation></study_design_info>", "designs", "allocation",
     "Randomised"),
])
def test_legacy_values_api_v2_lacks_load_with_their_raw_value(body, table, column, raw):
    study, refused = _refused(_xml(body))
    assert refused == [(table, column, raw)]


def test_withheld_is_an_api_v2_status_and_is_not_refused():
    study, refused = _refused(_xml("<overall_status>Withheld</overall_status>"))
    assert (study["overall_status"], refused) == ("WITHHELD", [])


def test_raw_values_reach_the_load_batch_with_the_version_they_belong_to():
    batch = _json(phases=["PHASE5"])
    load = assemble("run-1", batch, validate_batch(batch))
    rows = load.meta_rows["meta.raw_values"].to_dict("records")
    assert rows == [{"run_id": "run-1", "nct_id": "NCT01234567", "sha256": SHA, "table_name": "studies",
                     "column_name": "phase", "raw_value": "PHASE5", "expected": rows[0]["expected"]}]
    assert "PHASE1" in rows[0]["expected"]


def test_a_required_column_still_rejects_its_study():
    batch = _json()
    batch.records[0].file.layout = "not_a_layout"  # source_layout may not be NULL
    validated = validate_batch(batch)
    assert validated.accepted == [] and validated.rejects[0].reason.startswith("invalid studies.source_layout")


def _xml_batch(enrollments: list[str]) -> ParsedBatch:
    batch = ParsedBatch()
    for number, enrollment in enumerate(enrollments):
        nct_id = f"NCT0123{number:04d}"
        xml = (f"<clinical_study><id_info><nct_id>{nct_id}</nct_id></id_info><brief_title>T</brief_title>"
               f"<enrollment>{enrollment}</enrollment></clinical_study>")
        outcome = FileOutcome(f"{number:064d}", f"/in/{nct_id}.xml", 1, datetime(2026, 1, 1), layout="ctgov_xml")
        batch.files.append(outcome)
        batch.records += [SourcedRecord(outcome, r) for r in ctgov_xml.parse(xml.encode()).records]
    return batch


@pytest.mark.parametrize("enrollments, refused", [
    (["40", "abc", "-5", "12"], {"abc", "-5"}),  # once 'abc' is NULL, pandas cannot coerce 40 beside '-5' at once
    (["-5", "40"], {"-5"}),
    (["abc", "40"], {"abc"}),
    (["40", "12"], set()),
])
def test_a_refused_count_beside_another_refused_count_does_not_reject_its_study(enrollments, refused):
    validated = validate_batch(_xml_batch(enrollments))
    assert validated.rejects == [] and validated.accepted == list(range(len(enrollments)))
    assert {v.raw for v in validated.raw_values if v.column == "enrollment"} == refused
    loaded = validated.frames["studies"]["enrollment"]
    assert [None if pd.isna(n) else int(n) for n in loaded] == [
        None if e in refused else int(e) for e in enrollments]


def test_a_refused_personal_value_is_never_kept():
    from flows.parsers.model import Refused

    batch = _json()
    batch.records[0].record.tables["central_contacts"] = [{"contact_type": "primary",
                                                           "name": Refused("Jane Roe", "text")}]
    study, refused = _refused(batch)
    assert refused == [("central_contacts", "name", None)]


def test_a_text_column_given_only_bools_is_refused_cell_by_cell():
    import pandas as pd

    from flows.validate import refuse_cells

    frame = pd.DataFrame({"nct_id": ["NCT01000001", "NCT01000001"], "name": ["A", "B"], "status": [False, True]})
    kept, _, refused, _ = refuse_cells("facilities", frame)
    assert [(row, column, raw) for row, column, raw, _ in refused] == [(0, "status", False), (1, "status", True)]
    assert kept["status"].tolist() == [None, None]
    assert kept["name"].tolist() == ["A", "B"]


def _json_study(protocol: dict, derived: dict | None = None) -> ParsedBatch:
    """A loadable API v2 study with `protocol`'s modules over the minimal ones (and a derivedSection)."""
    base = {"identificationModule": {"nctId": "NCT01234567"}, "statusModule": {"overallStatus": "COMPLETED"}}
    study = {"protocolSection": {**base, **protocol}, **({"derivedSection": derived} if derived else {})}
    return _batch("ctgov_json_v2", ctgov_json_v2.parse(json.dumps(study).encode()))


# (modules, the refused cell as (table, column, raw)): one value of the wrong type in each kind of place.
_WRONG_TYPES = [
    ({"designModule": {"designInfo": {"maskingInfo": {"masking": {"level": "DOUBLE"}}}}},
     ("designs", "masking", '{"level": "DOUBLE"}')),
    ({"designModule": {"designInfo": {"allocation": True}}}, ("designs", "allocation", "true")),
    ({"armsInterventionsModule": {"armGroups": [{"label": ["A", "B"], "type": "EXPERIMENTAL"}]}},
     ("design_groups", "title", '["A", "B"]')),
    ({"armsInterventionsModule": {"interventions": [{"name": "Drug", "description": {"dose": 5}}]}},
     ("interventions", "description", '{"dose": 5}')),
    ({"armsInterventionsModule": {"interventions": [{"name": "Drug", "armGroupLabels": ["A", {"x": 1}]}]}},
     ("design_group_interventions", "design_group", '{"x": 1}')),
    ({"outcomesModule": {"primaryOutcomes": [{"measure": {"en": "Survival"}}]}},
     ("design_outcomes", "measure", '{"en": "Survival"}')),
    ({"eligibilityModule": {"eligibilityCriteria": ["Adults", "No prior therapy"]}},
     ("eligibilities", "criteria", '["Adults", "No prior therapy"]')),
    ({"conditionsModule": {"conditions": ["Asthma", {"name": "COPD"}]}}, ("conditions", "name", '{"name": "COPD"}')),
    ({"conditionsModule": {"keywords": {"first": "lung"}}}, ("keywords", "name", '{"first": "lung"}')),
    ({"descriptionModule": {"briefSummary": False}}, ("brief_summaries", "description", "false")),
    ({"sponsorCollaboratorsModule": {"leadSponsor": {"name": "Org", "class": ["OTHER"]}}},
     ("sponsors", "agency_class", '["OTHER"]')),
    ({"contactsLocationsModule": {"locations": [{"facility": "Site", "city": ["Lyon"]}]}},
     ("facilities", "city", '["Lyon"]')),
    ({"contactsLocationsModule": {"locations": [{"facility": "Site", "geoPoint": {"lat": {"deg": 45}, "lon": 4}}]}},
     ("facilities", "latitude", '{"deg": 45}')),
    ({"identificationModule": {"nctId": "NCT01234567", "secondaryIdInfos": [{"id": {"value": "X-1"}}]}},
     ("id_information", "id_value", '{"value": "X-1"}')),
    ({"statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": {"year": 2020}}}},
     ("studies", "start_date", '{"year": 2020}')),
    ({"statusModule": {"overallStatus": "COMPLETED", "studyFirstSubmitDate": ["2020-01-02"]}},
     ("studies", "study_first_submitted_date", '["2020-01-02"]')),
    ({"designModule": {"phases": ["PHASE2", {"phase": 3}]}}, ("studies", "phase", '["PHASE2", {"phase": 3}]')),
    ({"designModule": {"enrollmentInfo": {"count": {"n": 40}}}}, ("studies", "enrollment", '{"n": 40}')),
    ({"designModule": {"targetDuration": ["2 years"]}}, ("studies", "target_duration", '["2 years"]')),
    ({"ipdSharingStatementModule": {"ipdSharing": True}}, ("studies", "plan_to_share_ipd", "true")),
]


@pytest.mark.parametrize("modules, cell", _WRONG_TYPES, ids=[cell[0] + "." + cell[1] for _, cell in _WRONG_TYPES])
def test_a_json_value_of_the_wrong_type_anywhere_is_refused_not_read_as_missing(modules, cell):
    study, refused = _refused(_json_study(modules))
    assert refused == [cell]


def test_a_mesh_term_of_the_wrong_type_is_refused_and_its_lower_case_left_null():
    batch = _json_study({}, {"conditionBrowseModule": {"meshes": [{"term": "Asthma"}, {"term": ["Lung"]}]}})
    study, refused = _refused(batch)
    assert refused == [("browse_conditions", "mesh_term", '["Lung"]')]
    rows = validate_batch(batch).frames["browse_conditions"][["mesh_term", "downcase_mesh_term"]]
    assert rows.astype(object).where(rows.notna(), None).values.tolist() == [["Asthma", "asthma"], [None, None]]


def test_a_refused_facility_country_is_the_facilitys_finding_not_a_second_countrys():
    study, refused = _refused(_json_study({"contactsLocationsModule": {"locations": [
        {"facility": "A", "country": "France"}, {"facility": "B", "country": {"code": "DE"}}]}}))
    assert refused == [("facilities", "country", '{"code": "DE"}')]


def test_a_wrong_typed_personal_value_is_refused_without_keeping_it():
    study, refused = _refused(_json_study({"contactsLocationsModule": {"centralContacts": [
        {"name": "Jane Roe", "email": {"work": "jane@example.org"}}]}}))
    assert refused == [("central_contacts", "email", None)]


@pytest.mark.parametrize("value, read", [("Survival", "Survival"), (12, "12"), (2.5, "2.5"), (None, None), (" ", None)])
def test_text_and_numbers_are_read_as_text_and_blanks_as_missing(value, read):
    batch = _json_study({"outcomesModule": {"primaryOutcomes": [{"measure": value}]}})
    study, refused = _refused(batch)
    measure = validate_batch(batch).frames["design_outcomes"]["measure"].iloc[0]
    assert refused == [] and (measure == read if read else measure is None or measure != measure)


@pytest.mark.parametrize("raw", ["04/03/2019", "3/4/19", "March 5 2020", "2019/04/03"])
def test_a_date_text_a_parser_left_unread_is_refused_not_read_by_a_guess_of_its_order(raw):
    """A date text the parser declined to read reaches validation as it was given; a lenient reading there would
    guess the order of day and month, and only when nothing else in the batch failed."""
    batch = _json()
    batch.records[0].record.study.update(start_date=raw)
    study, refused = _refused(batch)
    assert refused == [("studies", "start_date", raw)]
