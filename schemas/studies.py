"""The `studies` table: one row per study, its current version."""
from __future__ import annotations

import pandera.pandas as pa

from schemas import enums
from schemas.base import Bool, Date, Int, StudyChild, Text, column, enum

PRECISION = "precision the source gave the date: year, month or day"


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
    enrollment: Int = pa.Field(nullable=True, ge=0, le=100_000_000, description="participants, actual or anticipated")
    enrollment_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED enrollment")
    start_date: Date = column("study start (first day of the period for month/year precision)")
    start_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    start_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    primary_completion_date: Date = column("last participant's primary-outcome data collected")
    primary_completion_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    primary_completion_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    completion_date: Date = column("last participant's last visit")
    completion_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    completion_date_type: Text = enum(enums.DATE_TYPE, "ACTUAL or ESTIMATED")
    study_first_posted_date: Date = column("first posted on ClinicalTrials.gov")
    study_first_posted_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    last_update_posted_date: Date = column("last update posted on ClinicalTrials.gov")
    last_update_posted_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    verification_date: Date = column("when the sponsor last verified the record")
    verification_date_precision: Text = enum(enums.DATE_PRECISION, PRECISION)
    number_of_arms: Int = pa.Field(nullable=True, ge=0, le=1000, description="arms or groups stated by the record")
    why_stopped: Text = column("reason given for a terminated, suspended or withdrawn study")
    is_fda_regulated_drug: Bool = column("studies a U.S. FDA-regulated drug product")
    is_fda_regulated_device: Bool = column("studies a U.S. FDA-regulated device product")
    source: Text = column("lead sponsor name")
    source_layout: Text = pa.Field(isin=list(enums.LAYOUTS), description="input layout the current version came from")
    source_sha256: Text = pa.Field(str_length={"min_value": 64, "max_value": 64}, description="sha256 of that input")
    snapshot_date: Date = column("when the record was taken from the registry (API v2 versionHolder, "
                                 "XML download_date, a page's Last Updated); NULL where the source does not say")
    study_first_submitted_date: Date = column("when the sponsor first submitted the record to the registry")
    results_first_submitted_date: Date = column("when results were first submitted")
    results_first_posted_date: Date = column("when results were first posted")
    disposition_first_submitted_date: Date = column("when a certificate of delay (of results) was first submitted")
    disposition_first_posted_date: Date = column("when that certificate of delay was first posted")
