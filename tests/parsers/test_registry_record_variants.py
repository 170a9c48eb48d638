"""Registry records shaped as records of other eras and kinds are: legacy XML of 2009 (a design line of bare terms,
no <location_countries>), expanded-access and observational studies, combined phases, month- and year-only dates,
and the API v2 shapes each of them has. Each case checks every value it changes against what AACT loads."""
from __future__ import annotations

import json
from datetime import date

import pytest

from flows.parsers import ctgov_json_v2, ctgov_xml
from flows.parsers.model import UNREAD_PART

MASKED = ("subject_masked", "caregiver_masked", "investigator_masked", "outcomes_assessor_masked")
BARE_DESIGN = "Treatment, Randomized, Open Label, Uncontrolled, Parallel Assignment, Safety/Efficacy Study"

# A record as the registry gave it in September 2009 (trimmed; no contact is kept): a <study_design> line of bare
# terms, <firstreceived_date> and <lastchanged_date>, and no <location_countries>.
RECORD_2009 = f"""<?xml version="1.0" encoding="UTF-8"?>
<clinical_study rank="1">
<required_header>
<download_date>Information obtained from ClinicalTrials.gov on September 10, 2009</download_date>
<url>http://clinicaltrials.gov/show/NCT00928707</url>
</required_header>
<id_info><org_study_id>DSC/08/2357/38</org_study_id><nct_id>NCT00928707</nct_id></id_info>
<brief_title>Phase II Study of GIVINOSTAT (ITF2357) in Combination With Hydroxyurea in Polycythemia Vera</brief_title>
<sponsors><lead_sponsor><agency>Italfarmaco</agency></lead_sponsor></sponsors>
<source>Italfarmaco</source>
<oversight_info><authority>Italy: Ministry of Health</authority><has_dmc>No</has_dmc></oversight_info>
<overall_status>Recruiting</overall_status>
<start_date>June 2009</start_date>
<end_date>December 2010</end_date>
<completion_date type="Anticipated">December 2010</completion_date>
<primary_completion_date type="Anticipated">June 2010</primary_completion_date>
<phase>Phase 2</phase>
<study_type>Interventional</study_type>
<study_design>{BARE_DESIGN}</study_design>
<number_of_arms>2</number_of_arms>
<enrollment type="Anticipated">44</enrollment>
<condition>Polycythemia Vera</condition>
<eligibility><gender>Both</gender><minimum_age>18 Years</minimum_age><maximum_age>80 Years</maximum_age>
<healthy_volunteers>No</healthy_volunteers></eligibility>
<location><facility><name>Azienda Ospedaliera Ospedali Riuniti di Bergamo</name>
<address><city>Bergamo</city><zip>24100</zip><country>Italy</country></address></facility>
<status>Recruiting</status></location>
<location><facility><name>Ospedale San Matteo</name>
<address><city>Pavia</city><country>Italy</country></address></facility></location>
<verification_date>June 2009</verification_date>
<lastchanged_date>June 26, 2009</lastchanged_date>
<firstreceived_date>June 25, 2009</firstreceived_date>
</clinical_study>
"""


def _xml_record(xml: str, problems: tuple[str, ...] = ()):
    parsed = ctgov_xml.parse(xml.encode())
    assert [problem.detail for problem in parsed.problems] == [f"document: {part}" for part in problems]
    (record,) = parsed.records
    return record


def _pick(row: dict, *columns: str) -> tuple:
    return tuple(row[column] for column in columns)


def _with_design(line: str) -> str:
    return RECORD_2009.replace(BARE_DESIGN, line)


# ---- legacy XML of 2009: what the record says is read, as the 2010-2016 labelled line is

def test_a_2009_record_reads_its_design_line_of_bare_terms():
    (design,) = _xml_record(RECORD_2009).tables["designs"]
    assert _pick(design, "allocation", "intervention_model", "masking", "primary_purpose", "observational_model") == (
        "RANDOMIZED", "PARALLEL", "NONE", "TREATMENT", None)
    assert _pick(design, *MASKED) == (None, None, None, None)


@pytest.mark.parametrize("line, expected, masked", [
    ("Prevention, Randomized, Double Blind (Subject, Caregiver, Investigator, Outcomes Assessor), Placebo Control, "
     "Crossover Assignment, Efficacy Study",
     {"allocation": "RANDOMIZED", "intervention_model": "CROSSOVER", "masking": "DOUBLE",
      "primary_purpose": "PREVENTION"}, (True, True, True, True)),
    ("Supportive Care, Non-Randomized, Single Blind (Outcomes Assessor), Active Control, Factorial Assignment, "
     "Pharmacokinetics/Dynamics Study",
     {"allocation": "NON_RANDOMIZED", "intervention_model": "FACTORIAL", "masking": "SINGLE",
      "primary_purpose": "SUPPORTIVE_CARE"}, (False, False, False, True)),
    ("Diagnostic, Non-Randomized, Open Label, Uncontrolled, Single Group Assignment, Bio-equivalence Study",
     {"allocation": "NON_RANDOMIZED", "intervention_model": "SINGLE_GROUP", "masking": "NONE",
      "primary_purpose": "DIAGNOSTIC"}, (None, None, None, None)),
    ("Cohort, Prospective", {"observational_model": "COHORT", "time_perspective": "PROSPECTIVE",
                             "allocation": None, "masking": None}, (None, None, None, None)),
    ("Case Control, Retrospective Study", {"observational_model": "CASE_CONTROL", "time_perspective": "RETROSPECTIVE"},
     (None, None, None, None)),
], ids=["double_blind_with_roles", "single_blind_assessor", "open_label_single_group", "cohort", "case_control"])
def test_bare_design_terms_of_every_kind_give_their_columns(line, expected, masked):
    (design,) = _xml_record(_with_design(line)).tables["designs"]
    assert {column: design[column] for column in expected} == expected
    assert _pick(design, *MASKED) == masked


def test_several_bare_terms_of_one_kind_are_kept_together_for_validation_to_refuse_as_the_labelled_line_is():
    (design,) = _xml_record(_with_design(
        "Natural History, Longitudinal, Defined Population, Prospective Study")).tables["designs"]
    assert _pick(design, "observational_model", "time_perspective") == (
        "Natural History, Defined Population", "Longitudinal, Prospective")


def test_a_bare_design_term_the_vocabulary_lacks_is_a_problem_that_quotes_it_and_the_others_are_read():
    record = _xml_record(_with_design(f"{BARE_DESIGN}, Adaptive Design"), problems=(
        "<study_design> term 'Adaptive Design' is none of the registry's design terms",))
    (design,) = record.tables["designs"]
    assert _pick(design, "allocation", "masking", "primary_purpose") == ("RANDOMIZED", "NONE", "TREATMENT")


@pytest.mark.parametrize("line", ["N/A", " n/a ", "NA"])
def test_a_design_line_of_n_a_gives_no_design_and_no_problem(line):
    """Records of about 2013 wrote N/A where no design was given: nothing of it is unread."""
    parsed = ctgov_xml.parse(_with_design(line).encode())
    assert parsed.problems == []
    (record,) = parsed.records
    columns = ("allocation", "intervention_model", "masking", "primary_purpose")
    assert [tuple(design.get(column) for column in columns) for design in record.tables.get("designs", [])] in (
        [], [(None,) * 4])


def test_n_a_among_design_terms_is_still_unread():
    parsed = ctgov_xml.parse(_with_design("Treatment, N/A").encode())
    assert [problem.reason for problem in parsed.problems] == [UNREAD_PART]


def test_the_labelled_design_line_reads_as_before():
    (design,) = _xml_record(_with_design(
        "Allocation: Randomized, Endpoint Classification: Safety/Efficacy Study, Intervention Model: Parallel "
        "Assignment, Masking: Double Blind (Subject, Investigator), Primary Purpose: Treatment")).tables["designs"]
    assert _pick(design, "allocation", "intervention_model", "masking", "primary_purpose") == (
        "RANDOMIZED", "PARALLEL", "DOUBLE", "TREATMENT")
    assert _pick(design, *MASKED) == (True, False, True, False)


def test_a_2009_record_without_location_countries_has_its_sites_countries_as_api_v2_derives_them():
    assert _xml_record(RECORD_2009).tables["countries"] == [{"name": "Italy", "removed": False}]


def test_location_countries_when_given_are_the_records_own_and_removed_countries_stay_apart():
    record = _xml_record(RECORD_2009.replace(
        "<verification_date>", "<location_countries><country>Italy</country><country>Spain</country>"
        "</location_countries><removed_countries><country>France</country></removed_countries><verification_date>"))
    assert record.tables["countries"] == [{"name": "Italy", "removed": False}, {"name": "Spain", "removed": False},
                                          {"name": "France", "removed": True}]


def test_a_record_without_sites_has_no_countries():
    record = _xml_record(RECORD_2009.split("<location>")[0] + "</clinical_study>")
    assert "countries" not in record.tables


def test_a_2009_record_keeps_its_other_values_as_aact_loads_them():
    record = _xml_record(RECORD_2009)
    study = record.study
    assert _pick(study, "overall_status", "phase", "study_type", "enrollment", "enrollment_type", "has_dmc") == (
        "RECRUITING", "PHASE2", "INTERVENTIONAL", 44, "ESTIMATED", False)
    assert _pick(study, "start_date", "start_date_precision", "start_date_type", "start_month_year") == (
        date(2009, 6, 30), "month", None, "2009-06")
    assert _pick(study, "completion_date", "completion_date_type", "primary_completion_month_year") == (
        date(2010, 12, 31), "ESTIMATED", "2010-06")
    assert _pick(study, "study_first_submitted_date", "last_update_submitted_date", "study_first_posted_date",
                 "snapshot_date") == (date(2009, 6, 25), date(2009, 6, 26), None, date(2009, 9, 10))
    assert record.tables["eligibilities"][0]["gender"] == "ALL"
    assert [row["status"] for row in record.tables["facilities"]] == ["RECRUITING", None]


# ---- legacy XML of other kinds: values that stay as they are

@pytest.mark.parametrize("old, new, column, expected", [
    ("<phase>Phase 2</phase>", "<phase>Phase 1/Phase 2</phase>", "phase", "PHASE1/PHASE2"),
    ("<phase>Phase 2</phase>", "<phase>N/A</phase>", "phase", "NA"),
    ("<phase>Phase 2</phase>", "<phase>Early Phase 1</phase>", "phase", "EARLY_PHASE1"),
    ('<enrollment type="Anticipated">', "<enrollment>", "enrollment_type", None),
    ("<overall_status>Recruiting</overall_status>",
     "<overall_status>Unknown status</overall_status><last_known_status>Active, not recruiting</last_known_status>",
     "last_known_status", "ACTIVE_NOT_RECRUITING"),
    ("<overall_status>Recruiting</overall_status>",
     "<overall_status>Terminated</overall_status><why_stopped>Slow &amp; poor accrual</why_stopped>",
     "why_stopped", "Slow & poor accrual"),
    ("<study_type>Interventional</study_type>", "<study_type>Expanded Access</study_type>", "study_type",
     "EXPANDED_ACCESS"),
    ("<overall_status>Recruiting</overall_status>", "<overall_status>Approved for marketing</overall_status>",
     "overall_status", "APPROVED_FOR_MARKETING"),
    ("<overall_status>Recruiting</overall_status>", "<overall_status>No longer available</overall_status>",
     "overall_status", "NO_LONGER_AVAILABLE"),
    ("<has_dmc>No</has_dmc>", "<has_dmc>No</has_dmc><is_fda_regulated_drug>Yes</is_fda_regulated_drug>",
     "is_fda_regulated_drug", True),
    ("<brief_title>Phase II Study", "<brief_title><![CDATA[A <b> & ß]]> Phase II Study", "brief_title",
     "A <b> & ß Phase II Study of GIVINOSTAT (ITF2357) in Combination With Hydroxyurea in Polycythemia Vera"),
])
def test_legacy_values_of_other_kinds_read_as_aact_loads_them(old, new, column, expected):
    assert _xml_record(RECORD_2009.replace(old, new)).study[column] == expected


def test_a_legacy_expanded_access_record_reads_its_access_types():
    study = _xml_record(RECORD_2009.replace(
        "<study_type>Interventional</study_type>", "<study_type>Expanded Access</study_type><expanded_access_info>"
        "<expanded_access_type_individual>Yes</expanded_access_type_individual>"
        "<expanded_access_type_treatment>No</expanded_access_type_treatment></expanded_access_info>")).study
    assert _pick(study, "expanded_access_type_individual", "expanded_access_type_intermediate",
                 "expanded_access_type_treatment") == (True, None, False)


def test_a_legacy_age_limit_of_na_and_gender_based_eligibility_are_kept_as_given():
    (eligibility,) = _xml_record(RECORD_2009.replace(
        "<gender>Both</gender><minimum_age>18 Years</minimum_age>",
        "<gender>Female</gender><gender_based>Yes</gender_based><minimum_age>N/A</minimum_age>")
    ).tables["eligibilities"]
    assert _pick(eligibility, "gender", "gender_based", "minimum_age", "maximum_age") == (
        "FEMALE", True, "N/A", "80 Years")


# ---- API v2 records of other kinds: values that stay as they are

def _study(**modules) -> dict:
    protocol = {
        "identificationModule": {"nctId": "NCT00000410", "briefTitle": "A study",
                                 "organization": {"fullName": "Org", "class": "OTHER"}},
        "statusModule": {"statusVerifiedDate": "2015-08", "overallStatus": "COMPLETED",
                         "startDateStruct": {"date": "2000-03"},
                         "studyFirstPostDateStruct": {"date": "1999-11-04", "type": "ESTIMATED"},
                         "lastUpdatePostDateStruct": {"date": "2015-08-04", "type": "ACTUAL"}},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE4"],
                         "enrollmentInfo": {"count": 501, "type": "ACTUAL"}},
    }
    for name, module in modules.items():
        protocol[name] = {**protocol.get(name, {}), **module}
    return {"protocolSection": protocol, "hasResults": False}


def _json_record(study: dict):
    parsed = ctgov_json_v2.parse(json.dumps(study).encode())
    assert parsed.problems == []
    (record,) = parsed.records
    return record


@pytest.mark.parametrize("phases, expected", [
    (["NA"], "NA"), (["EARLY_PHASE1"], "EARLY_PHASE1"), (["PHASE1", "PHASE2"], "PHASE1/PHASE2"),
    (["PHASE2", "PHASE3"], "PHASE2/PHASE3"),
])
def test_api_v2_phases_join_as_aact_joins_them(phases, expected):
    assert _json_record(_study(designModule={"phases": phases})).study["phase"] == expected


def test_an_api_v2_expanded_access_record_without_dates_phases_or_arms():
    study = _study(designModule={"studyType": "EXPANDED_ACCESS", "expandedAccessTypes": {
        "individual": True, "treatment": True}})
    study["protocolSection"]["designModule"].pop("phases")
    study["protocolSection"]["designModule"].pop("enrollmentInfo")
    status = study["protocolSection"]["statusModule"]
    status.pop("startDateStruct")
    status["overallStatus"] = "NO_LONGER_AVAILABLE"
    row = _json_record(study).study
    assert _pick(row, "study_type", "overall_status", "phase", "enrollment", "number_of_arms", "number_of_groups",
                 "start_date", "expanded_access_type_individual", "expanded_access_type_intermediate",
                 "expanded_access_type_treatment") == (
        "EXPANDED_ACCESS", "NO_LONGER_AVAILABLE", None, None, None, None, None, True, None, True)


def test_api_v2_year_and_month_dates_and_an_enrollment_without_type():
    study = _study(statusModule={"startDateStruct": {"date": "2019"}, "statusVerifiedDate": "2019-03",
                                 "completionDateStruct": {"date": "2019-03", "type": "ESTIMATED"}},
                   designModule={"enrollmentInfo": {"count": 12}})
    row = _json_record(study).study
    assert _pick(row, "start_date", "start_date_precision", "start_month_year", "start_date_type") == (
        date(2019, 12, 31), "year", "2019", None)
    assert _pick(row, "completion_date", "completion_date_precision", "completion_month_year",
                 "completion_date_type") == (date(2019, 3, 31), "month", "2019-03", "ESTIMATED")
    assert _pick(row, "verification_date", "verification_month_year", "enrollment", "enrollment_type") == (
        date(2019, 3, 31), "2019-03", 12, None)


def test_api_v2_masked_roles_all_four_and_an_unknown_status_with_its_last_known_one():
    study = _study(designModule={"designInfo": {"maskingInfo": {"masking": "QUADRUPLE", "whoMasked": [
        "PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR", "OUTCOMES_ASSESSOR"]}}},
        statusModule={"overallStatus": "UNKNOWN", "lastKnownStatus": "ACTIVE_NOT_RECRUITING"})
    record = _json_record(study)
    assert _pick(record.tables["designs"][0], "masking", *MASKED) == ("QUADRUPLE", True, True, True, True)
    assert _pick(record.study, "overall_status", "last_known_status") == ("UNKNOWN", "ACTIVE_NOT_RECRUITING")


def test_api_v2_arms_link_interventions_by_name_whatever_the_type_prefix_of_intervention_names():
    study = _study(armsInterventionsModule={
        "armGroups": [{"label": "A", "type": "EXPERIMENTAL", "interventionNames": ["Drug: Aspirin"]}],
        "interventions": [{"type": "DRUG", "name": "Aspirin", "otherNames": ["ASA"], "armGroupLabels": ["A"]}]})
    record = _json_record(study)
    assert record.tables["design_group_interventions"] == [
        {"design_group": "A", "intervention": "Aspirin", "intervention_id": 0}]
    assert record.tables["intervention_other_names"] == [
        {"intervention_name": "Aspirin", "name": "ASA", "intervention_id": 0}]


def test_api_v2_site_contacts_are_never_read_and_sites_give_the_countries():
    study = _study(contactsLocationsModule={"locations": [
        {"facility": "Clinic", "city": "Lyon", "country": "France", "status": "RECRUITING",
         "contacts": [{"name": "Site Contact", "phone": "555-0100", "email": "site@example.org"}]}]})
    record = _json_record(study)
    assert "central_contacts" not in record.tables
    assert record.tables["countries"] == [{"name": "France", "removed": False}]
    assert "555-0100" not in repr(record.tables)


def test_api_v2_titles_in_right_to_left_scripts_with_emoji_and_combining_marks_are_kept_as_given():
    title = "دراسة \u200f 🧪 e\u0301tude"
    study = _study(identificationModule={"briefTitle": title})
    assert _json_record(study).study["brief_title"] == title


def test_part_problems_of_a_bare_design_line_use_the_unread_part_reason():
    parsed = ctgov_xml.parse(_with_design("Treatment, Sometimes").encode())
    assert [problem.reason for problem in parsed.problems] == [UNREAD_PART]
