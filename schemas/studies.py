"""The `studies` table: one row per study, its current version."""
from __future__ import annotations

import pandera.pandas as pa

from schemas import enums
from schemas.base import Bool, Date, Int, StudyChild, Text, column, enum, row_id

PRECISION = "precision the source gave the date: year, month or day"
MONTH_END = " (a month-only date is stored as AACT does: the last day of the month; a year-only date as 12-31)"
MONTH_YEAR = "the date as the source gave it, at its precision ('2006-11', '2006', '2006-11-15'), as AACT keeps it"


class Studies(StudyChild):
    """One row per study (AACT ctgov_v2 `studies`)."""

    nct_id: Text = pa.Field(str_matches=r"^NCT\d{8}$", description="ClinicalTrials.gov identifier")
    brief_title: Text = column("short title shown to the public")
    official_title: Text = column("full scientific title")
    acronym: Text = column("study acronym")
    overall_status: Text = enum(enums.OVERALL_STATUS, "recruitment status of the whole study")
    last_known_status: Text = enum(enums.OVERALL_STATUS, "status before it became UNKNOWN")
    phase: Text = enum(enums.PHASE_COMBINED, "phase(s), joined with '/' (PHASE1/PHASE2)")
    study_type: Text = enum(enums.STUDY_TYPE, "INTERVENTIONAL, OBSERVATIONAL or EXPANDED_ACCESS")
    enrollment: Int = pa.Field(nullable=True, ge=0, le=enums.ENROLLMENT_MAX,
                               description="participants, actual or anticipated")
    enrollment_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED enrollment")
    start_date: Date = column("study start" + MONTH_END)
    start_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    start_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    primary_completion_date: Date = column("last participant's primary-outcome data collected" + MONTH_END)
    primary_completion_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    primary_completion_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    completion_date: Date = column("last participant's last visit" + MONTH_END)
    completion_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    completion_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    study_first_posted_date: Date = column("first posted on ClinicalTrials.gov")
    study_first_posted_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    last_update_posted_date: Date = column("last update posted on ClinicalTrials.gov")
    last_update_posted_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    verification_date: Date = column("when the sponsor last verified the record (API v2 statusVerifiedDate)" + MONTH_END)
    verification_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    number_of_arms: Int = pa.Field(nullable=True, ge=0, le=1000, description="arms or groups stated by the record")
    why_stopped: Text = column("reason given for a terminated, suspended or withdrawn study")
    is_fda_regulated_drug: Bool = column("studies a U.S. FDA-regulated drug product")
    is_fda_regulated_device: Bool = column("studies a U.S. FDA-regulated device product")
    source: Text = column("organization that submitted the record (AACT source): API v2 "
                          "identificationModule.organization.fullName, XML <source>; the lead sponsor is in sponsors")
    source_layout: Text = pa.Field(isin=list(enums.LAYOUTS), description="input layout the current version came from")
    source_sha256: Text = pa.Field(str_length={"min_value": 64, "max_value": 64}, description="sha256 of that input")
    snapshot_date: Date = column("when the record was taken from the registry (API v2 versionHolder, "
                                 "XML download_date, a page's Last Updated); NULL where the source does not say")
    study_first_submitted_date: Date = column("when the sponsor first submitted the record to the registry")
    results_first_submitted_date: Date = column("when results were first submitted")
    results_first_posted_date: Date = column("when results were first posted")
    disposition_first_submitted_date: Date = column("when a certificate of delay (of results) was first submitted")
    disposition_first_posted_date: Date = column("when that certificate of delay was first posted")
    start_month_year: Text = column("start: " + MONTH_YEAR)
    primary_completion_month_year: Text = column("primary completion: " + MONTH_YEAR)
    completion_month_year: Text = column("completion: " + MONTH_YEAR)
    verification_month_year: Text = column("verification: " + MONTH_YEAR)
    study_first_submitted_qc_date: Date = column("when the first submission passed the registry's quality control")
    study_first_posted_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED (API v2 studyFirstPostDateStruct.type)")
    results_first_submitted_qc_date: Date = column("when the first results passed quality control")
    results_first_posted_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    disposition_first_submitted_qc_date: Date = column("when the certificate of delay passed quality control")
    disposition_first_posted_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    last_update_submitted_date: Date = column("when the sponsor last submitted an update")
    last_update_submitted_qc_date: Date = column("AACT: API v2 lastUpdateSubmitDate again (no QC twin); "
                                                 "XML <last_update_submitted_qc>")
    last_update_posted_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    source_class: Text = enum(enums.AGENCY_CLASS, "class of the source organization (API v2 organization.class); "
                                                  "NULL from legacy XML, which does not give it")
    has_results: Bool = column("results are posted (API v2 hasResults; XML <clinical_results> present)")
    number_of_groups: Int = pa.Field(nullable=True, ge=0, le=1000,
                                     description="groups of a study that is not interventional (AACT: armGroups count)")
    has_dmc: Bool = column("has a data monitoring committee (API v2 oversightHasDmc)")
    has_expanded_access: Bool = column("the drug is also available through expanded access")
    target_duration: Text = column("observational patient-registry follow-up, e.g. '5 Years'")
    biospec_retention: Text = enum(enums.BIOSPEC_RETENTION, "biospecimens retained: NONE_RETAINED, SAMPLES_WITH_DNA...")
    biospec_description: Text = column("which biospecimens are retained")
    plan_to_share_ipd: Text = enum(enums.PLAN_TO_SHARE_IPD, "plans to share individual participant data: YES, NO, UNDECIDED")
    plan_to_share_ipd_description: Text = column("what individual participant data will be shared")
    delayed_posting: Bool = column("posting delayed for a device not yet approved or cleared (API v2 delayedPosting)")
    patient_registry: Bool = column("an observational study that is a patient registry (API v2 patientRegistry; "
                                    "legacy XML study type 'Observational [Patient Registry]')")
    expanded_access_nctid: Text = column("the expanded-access record for this study's drug (API v2 expandedAccessInfo)")
    expanded_access_status_for_nctid: Text = enum(enums.EXPANDED_ACCESS_STATUS,
                                                  "that record's status: AVAILABLE, NO_LONGER_AVAILABLE...")
    expanded_access_type_individual: Bool = column("expanded access for individual patients")
    expanded_access_type_intermediate: Bool = column("expanded access for intermediate-size populations")
    expanded_access_type_treatment: Bool = column("expanded access under a treatment IND or protocol")
    is_unapproved_device: Bool = column("the study tests a device not approved or cleared by the FDA")
    is_ppsd: Bool = column("a pediatric postmarket surveillance of a device (FDA-ordered)")
    is_us_export: Bool = column("the product is manufactured in and exported from the U.S.")
    fdaaa801_violation: Bool = column("the FDA found the record in violation of FDAAA 801 (API v2 fdaaa801Violation)")
    ipd_time_frame: Text = column("when individual participant data will be shared, and for how long")
    ipd_access_criteria: Text = column("who may have the individual participant data, and how")
    ipd_url: Text = column("where the individual participant data are found")
    baseline_population: Text = column("who the results' baseline measures describe (API v2 resultsSection "
                                       "populationDescription; legacy XML <baseline><population>)")
    limitations_and_caveats: Text = column("the results' limitations and caveats, in the record's words (API v2 "
                                           "moreInfoModule; legacy XML <limitations_and_caveats>)")
    baseline_type_units_analyzed: Text = column("the units the baseline analysed where they are not participants "
                                                "('Eyes', 'Knees'; API v2 typeUnitsAnalyzed; legacy XML gives units "
                                                "per measure, not one for the study: NULL)")
    nlm_download_date_description: Text = column("NULL, as AACT's API v2 loader leaves it (its legacy XML loader "
                                                 "kept <download_date> here; see snapshot_date)")


class PendingResults(StudyChild):
    """Results submitted to the registry and not yet posted, event by event (AACT `pending_results`)."""

    event: Text = enum(enums.PENDING_RESULTS_EVENT, "RELEASE (results submitted), RESET (returned by the registry's "
                       "quality-control review) or UNRELEASE (the submission withdrawn)")
    event_date_description: Text = column("the event's date as the source gives it")
    event_date: Date = column("the event's date")
    id: Int = row_id()
