"""AACT's mapping of the columns and tables trialqc adds for AACT users, from API v2 JSON and legacy XML."""
from __future__ import annotations

import json
from datetime import date

import pytest

from flows.parsers import ctgov_json_v2, ctgov_xml


def _json_record(protocol: dict, **top):
    base = {"identificationModule": {"nctId": "NCT01234567"},
            "statusModule": {"overallStatus": "COMPLETED", "statusVerifiedDate": "2023-01"}}
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
    """By name and by position among the interventions (two may share a name): row ids are made from it."""
    record = _json_record({"armsInterventionsModule": {"interventions": [
        {"name": "Fenretinide", "otherNames": ["4-HPR", "  "]}, {"name": "Placebo"},
        {"name": "Fenretinide", "otherNames": ["HPR"]}]}})
    assert record.tables["intervention_other_names"] == [
        {"intervention_name": "Fenretinide", "name": "4-HPR", "intervention_id": 0},
        {"intervention_name": "Fenretinide", "name": "HPR", "intervention_id": 2}]


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
        {"intervention_name": "Fenretinide", "name": "4-HPR", "intervention_id": 0},
        {"intervention_name": "Fenretinide", "name": "HPR", "intervention_id": 0}]
    assert record.tables["browse_conditions"] == [
        {"mesh_term": "Neoplasms", "downcase_mesh_term": "neoplasms", "mesh_type": "mesh-list"}]
    assert record.tables["browse_interventions"][0]["mesh_term"] == "Fenretinide"


def test_json_description_rows_exist_whenever_the_description_module_does_as_in_aact():
    record = _json_record({"descriptionModule": {"briefSummary": "A study."}})
    assert record.tables["brief_summaries"] == [{"description": "A study."}]
    assert record.tables["detailed_descriptions"] == [{"description": None}]
    assert "brief_summaries" not in _json_record({}).tables


def test_json_source_is_the_organization_and_the_timeline_is_read():
    record = _json_record({
        "identificationModule": {"organization": {"fullName": "UCB Pharma", "class": "INDUSTRY"}},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "UCB BIOSCIENCES GmbH", "class": "INDUSTRY"}},
        "statusModule": {"studyFirstSubmitDate": "2019-03-04", "studyFirstSubmitQcDate": "2019-03-05",
                         "lastUpdateSubmitDate": "2021-01-02", "dispFirstSubmitDate": "2020-02-03",
                         "dispFirstPostDateStruct": {"date": "2020-02-10", "type": "ACTUAL"},
                         "whyStopped": "Funding"}},
        derivedSection={"miscInfoModule": {"versionHolder": "2025-10-02"}}, hasResults=False)
    study = record.study
    assert (study["source"], study["source_class"]) == ("UCB Pharma", "INDUSTRY")
    assert record.tables["sponsors"][0]["name"] == "UCB BIOSCIENCES GmbH"
    assert (study["study_first_submitted_date"], study["study_first_submitted_qc_date"]) == (
        date(2019, 3, 4), date(2019, 3, 5))
    assert (study["last_update_submitted_date"], study["last_update_submitted_qc_date"]) == (
        date(2021, 1, 2), date(2021, 1, 2))  # AACT reads lastUpdateSubmitDate for both
    assert (study["disposition_first_submitted_date"], study["disposition_first_posted_date"],
            study["disposition_first_posted_date_type"]) == (date(2020, 2, 3), date(2020, 2, 10), "ACTUAL")
    assert (study["snapshot_date"], study["has_results"], study["why_stopped"]) == (date(2025, 10, 2), False, "Funding")


def test_json_groups_oversight_eligibility_and_site_coordinates():
    record = _json_record({
        "designModule": {"studyType": "OBSERVATIONAL", "targetDuration": "5 Years",
                         "bioSpec": {"retention": "SAMPLES_WITH_DNA", "description": "Blood"}},
        "armsInterventionsModule": {"armGroups": [{"label": "Cases"}, {"label": "Controls"}]},
        "oversightModule": {"oversightHasDmc": True},
        "ipdSharingStatementModule": {"ipdSharing": "UNDECIDED"},
        "eligibilityModule": {"samplingMethod": "PROBABILITY_SAMPLE", "studyPopulation": "Residents",
                              "stdAges": ["ADULT", "OLDER_ADULT"], "genderBased": False},
        "contactsLocationsModule": {"locations": [{"facility": "Site", "geoPoint": {"lat": 55.7, "lon": 12.6}}]},
        "identificationModule": {"secondaryIdInfos": [{"id": "R01", "type": "NIH", "link": "https://r.example/R01"}]},
        "sponsorCollaboratorsModule": {"responsibleParty": {"type": "SPONSOR"}}})
    study = record.study
    assert (study["number_of_groups"], study["number_of_arms"]) == (2, None)
    assert (study["has_dmc"], study["plan_to_share_ipd"], study["target_duration"], study["biospec_retention"]) == (
        True, "UNDECIDED", "5 Years", "SAMPLES_WITH_DNA")
    (eligibility,) = record.tables["eligibilities"]
    assert (eligibility["sampling_method"], eligibility["population"], eligibility["gender_based"]) == (
        "PROBABILITY_SAMPLE", "Residents", False)
    assert (eligibility["adult"], eligibility["child"], eligibility["older_adult"]) == (True, False, True)
    assert (record.tables["facilities"][0]["latitude"], record.tables["facilities"][0]["longitude"]) == (55.7, 12.6)
    assert record.tables["id_information"][-1]["id_link"] == "https://r.example/R01"
    assert record.tables["responsible_parties"][0]["responsible_party_type"] == "SPONSOR"


@pytest.mark.parametrize("header, snapshot", [
    ("ClinicalTrials.gov processed this data on June 01, 2014", date(2014, 6, 1)),
    # exports from before 2014 (NCT01101477)
    ("Information obtained from ClinicalTrials.gov on January 31, 2013", date(2013, 1, 31)),
])
def test_xml_download_date_in_either_wording_is_the_snapshot_date(header, snapshot):
    record = _xml_record(f"<required_header><download_date>{header}</download_date></required_header>"
                         "<brief_title>T</brief_title>")
    assert record.study["snapshot_date"] == snapshot


def test_xml_source_snapshot_timeline_and_study_facts():
    record = _xml_record(
        "<required_header><download_date>ClinicalTrials.gov processed this data on February 03, 2023"
        "</download_date></required_header><source>UCB Pharma</source>"
        "<sponsors><lead_sponsor><agency>UCB BIOSCIENCES GmbH</agency></lead_sponsor></sponsors>"
        "<study_type>Observational</study_type><number_of_groups>3</number_of_groups>"
        "<firstreceived_date>May 1, 2004</firstreceived_date><last_update_submitted>June 2, 2010"
        "</last_update_submitted><last_update_posted type='Actual'>June 4, 2010</last_update_posted>"
        "<results_first_posted type='Estimate'>March 19, 2015</results_first_posted>"
        "<disposition_first_submitted>May 5, 2012</disposition_first_submitted>"
        "<oversight_info><has_dmc>Yes</has_dmc></oversight_info><has_expanded_access>No</has_expanded_access>"
        "<biospec_retention>Samples With DNA</biospec_retention><biospec_descr><textblock>Serum</textblock>"
        "</biospec_descr><patient_data><sharing_ipd>Undecided</sharing_ipd></patient_data>"
        "<eligibility><study_pop><textblock>Adults</textblock></study_pop><sampling_method>Non-Probability Sample"
        "</sampling_method><gender>All</gender><gender_based>Yes</gender_based></eligibility>"
        "<responsible_party><responsible_party_type>Sponsor-Investigator</responsible_party_type>"
        "<investigator_affiliation>Uni</investigator_affiliation><investigator_full_name>A. Person"
        "</investigator_full_name><investigator_title>Professor</investigator_title></responsible_party>")
    study = record.study
    assert (study["source"], study["source_class"], study["snapshot_date"]) == ("UCB Pharma", None, date(2023, 2, 3))
    assert (study["study_first_submitted_date"], study["last_update_submitted_date"]) == (
        date(2004, 5, 1), date(2010, 6, 2))
    assert (study["last_update_posted_date_type"], study["results_first_posted_date"],
            study["results_first_posted_date_type"]) == ("ACTUAL", date(2015, 3, 19), "ESTIMATED")
    assert (study["disposition_first_submitted_date"], study["has_results"]) == (date(2012, 5, 5), True)
    assert (study["number_of_groups"], study["has_dmc"], study["has_expanded_access"]) == (3, True, False)
    assert (study["biospec_retention"], study["biospec_description"], study["plan_to_share_ipd"]) == (
        "SAMPLES_WITH_DNA", "Serum", "UNDECIDED")
    (eligibility,) = record.tables["eligibilities"]
    assert (eligibility["sampling_method"], eligibility["population"], eligibility["gender_based"]) == (
        "NON_PROBABILITY_SAMPLE", "Adults", True)
    assert record.tables["responsible_parties"] == [{
        "responsible_party_type": "SPONSOR_INVESTIGATOR", "name": "A. Person", "title": "Professor",
        "organization": None, "affiliation": "Uni", "old_name_title": None}]


def test_xml_oversight_flags_expanded_access_types_ipd_details_and_the_registry_flag():
    record = _xml_record(
        "<study_type>Observational [Patient Registry]</study_type>"
        "<oversight_info><is_unapproved_device>Yes</is_unapproved_device><is_ppsd>No</is_ppsd>"
        "<is_us_export>No</is_us_export></oversight_info>"
        "<expanded_access_info><expanded_access_type_individual>Yes</expanded_access_type_individual>"
        "<expanded_access_type_treatment>Yes</expanded_access_type_treatment></expanded_access_info>"
        "<patient_data><sharing_ipd>Yes</sharing_ipd><ipd_time_frame>After publication</ipd_time_frame>"
        "<ipd_access_criteria>On request</ipd_access_criteria><ipd_url>https://example.org/ipd</ipd_url>"
        "</patient_data>")
    study = record.study
    assert (study["patient_registry"], study["is_unapproved_device"], study["is_ppsd"], study["is_us_export"]) == (
        True, True, False, False)
    assert (study["expanded_access_type_individual"], study["expanded_access_type_intermediate"],
            study["expanded_access_type_treatment"]) == (True, None, True)
    assert (study["ipd_time_frame"], study["ipd_access_criteria"], study["ipd_url"]) == (
        "After publication", "On request", "https://example.org/ipd")
    # Columns legacy XML never gives stay empty.
    assert [study[c] for c in ("delayed_posting", "expanded_access_nctid", "fdaaa801_violation")] == [None] * 3


@pytest.mark.parametrize("label, registry", [
    ("Observational [Patient Registry]", True), ("Observational", False), ("Interventional", None), (None, None)])
def test_xml_patient_registry_is_read_from_the_study_type(label, registry):
    body = (f"<study_type>{label}</study_type>" if label else "") + "<overall_status>Completed</overall_status>"
    assert _xml_record(body).study["patient_registry"] is registry


def test_json_expanded_access_and_oversight_details():
    record = _json_record({
        "statusModule": {"delayedPosting": True, "expandedAccessInfo": {
            "hasExpandedAccess": True, "nctId": "NCT02000000", "statusForNctId": "AVAILABLE"}},
        "designModule": {"studyType": "OBSERVATIONAL", "patientRegistry": True,
                         "expandedAccessTypes": {"individual": True, "treatment": False}},
        "oversightModule": {"isUnapprovedDevice": True, "isPpsd": False, "isUsExport": True, "fdaaa801Violation": True},
        "ipdSharingStatementModule": {"ipdSharing": "YES", "timeFrame": "2025", "accessCriteria": "Ask",
                                      "url": "https://example.org"}})
    study = record.study
    assert (study["delayed_posting"], study["patient_registry"], study["expanded_access_nctid"],
            study["expanded_access_status_for_nctid"]) == (True, True, "NCT02000000", "AVAILABLE")
    assert (study["expanded_access_type_individual"], study["expanded_access_type_intermediate"],
            study["expanded_access_type_treatment"]) == (True, None, False)
    assert (study["is_unapproved_device"], study["is_ppsd"], study["is_us_export"], study["fdaaa801_violation"]) == (
        True, False, True, True)
    assert (study["ipd_time_frame"], study["ipd_access_criteria"], study["ipd_url"]) == (
        "2025", "Ask", "https://example.org")


def test_contact_extension_and_role_old_name_title_and_id_domain_are_read_as_aact_reads_them():
    """central_contacts.phone_extension (phoneExt) and role, responsible_parties.old_name_title (oldNameTitle),
    id_information.id_type_description (domain): AACT's API v2 mappings; legacy XML's phone_ext and name_title."""
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT06171568", "orgStudyIdInfo": {"id": "APHP-1", "domain": "IDRCB"},
                                 "secondaryIdInfos": [{"id": "CA-1", "type": "OTHER", "domain": "CTRP"}]},
        "statusModule": {"overallStatus": "RECRUITING"},
        "sponsorCollaboratorsModule": {"responsibleParty": {"oldNameTitle": "Amy Whiffen", "oldOrganization": "X"}},
        "contactsLocationsModule": {"centralContacts": [{"name": "A", "role": "CONTACT", "phone": "1",
                                                         "phoneExt": "7511"}]}}}
    (record,) = ctgov_json_v2.parse(json.dumps(study).encode()).records
    assert [(c["phone_extension"], c["role"]) for c in record.tables["central_contacts"]] == [("7511", "CONTACT")]
    assert record.tables["responsible_parties"][0]["old_name_title"] == "Amy Whiffen"
    assert [(i["id_source"], i["id_type_description"]) for i in record.tables["id_information"]] == [
        ("org_study_id", "IDRCB"), ("secondary_id", "CTRP")]
    xml = ("<clinical_study><id_info><nct_id>NCT00003307</nct_id></id_info><overall_status>Completed</overall_status>"
           "<overall_contact><last_name>B</last_name><phone>2</phone><phone_ext>TTY dial 711</phone_ext>"
           "</overall_contact><responsible_party><name_title>James Oleson, M.D.</name_title>"
           "<organization>Duke</organization></responsible_party></clinical_study>")
    (record,) = ctgov_xml.parse(xml.encode()).records
    assert record.tables["central_contacts"][0]["phone_extension"] == "TTY dial 711"
    assert record.tables["responsible_parties"][0]["old_name_title"] == "James Oleson, M.D."
