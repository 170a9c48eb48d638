"""AACT's mapping of the columns trialqc adds, read from one API v2 record with plain dict look-ups.

Written from AACT's model files (study.rb, eligibility.rb, calculated_value.rb...), independently of
flows/parsers, so that the corpus test compares two readings of the same record.
"""
from __future__ import annotations

import calendar
from datetime import date

US = {"United States", "Guam", "Puerto Rico", "U.S. Virgin Islands", "Virgin Islands (U.S.)",
      "Northern Mariana Islands", "American Samoa"}


def aact_date(text: str | None) -> date | None:
    """AACT's date of '2006-11-15', '2006-11' (month end) or '2006' (12-31)."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def studies_columns(record: dict) -> dict:
    """The studies columns AACT fills from this record."""
    p, results = record["protocolSection"], record.get("resultsSection", {})
    status, design = p.get("statusModule", {}), p.get("designModule", {})
    org = p.get("identificationModule", {}).get("organization", {})
    groups = p.get("armsInterventionsModule", {}).get("armGroups")
    interventional = "INTERVENTIONAL" in (design.get("studyType") or "").upper()
    return {
        "source": org.get("fullName"), "source_class": org.get("class"),
        "start_date": aact_date(status.get("startDateStruct", {}).get("date")),
        "start_month_year": status.get("startDateStruct", {}).get("date"),
        "primary_completion_month_year": status.get("primaryCompletionDateStruct", {}).get("date"),
        "completion_date": aact_date(status.get("completionDateStruct", {}).get("date")),
        "completion_month_year": status.get("completionDateStruct", {}).get("date"),
        "verification_date": aact_date(status.get("statusVerifiedDate")),
        "verification_month_year": status.get("statusVerifiedDate"),
        "study_first_submitted_date": aact_date(status.get("studyFirstSubmitDate")),
        "study_first_submitted_qc_date": aact_date(status.get("studyFirstSubmitQcDate")),
        "study_first_posted_date_type": status.get("studyFirstPostDateStruct", {}).get("type"),
        "results_first_submitted_date": aact_date(status.get("resultsFirstSubmitDate")),
        "results_first_posted_date": aact_date(status.get("resultsFirstPostDateStruct", {}).get("date")),
        "last_update_submitted_date": aact_date(status.get("lastUpdateSubmitDate")),
        "last_update_submitted_qc_date": aact_date(status.get("lastUpdateSubmitDate")),
        "last_update_posted_date_type": status.get("lastUpdatePostDateStruct", {}).get("type"),
        "why_stopped": status.get("whyStopped"),
        "number_of_groups": None if interventional or groups is None else len(groups),
        "has_dmc": p.get("oversightModule", {}).get("oversightHasDmc"),
        "has_expanded_access": status.get("expandedAccessInfo", {}).get("hasExpandedAccess"),
        "plan_to_share_ipd": p.get("ipdSharingStatementModule", {}).get("ipdSharing"),
        "ipd_time_frame": p.get("ipdSharingStatementModule", {}).get("timeFrame"),
        "ipd_access_criteria": p.get("ipdSharingStatementModule", {}).get("accessCriteria"),
        "ipd_url": p.get("ipdSharingStatementModule", {}).get("url"),
        "baseline_population": results.get("baselineCharacteristicsModule", {}).get("populationDescription"),
        "limitations_and_caveats": results.get("moreInfoModule", {}).get("limitationsAndCaveats", {}).get(
            "description"),
        "baseline_type_units_analyzed": results.get("baselineCharacteristicsModule", {}).get("typeUnitsAnalyzed"),
        "delayed_posting": status.get("delayedPosting"),
        "patient_registry": design.get("patientRegistry"),
        "expanded_access_nctid": status.get("expandedAccessInfo", {}).get("nctId"),
        "expanded_access_status_for_nctid": status.get("expandedAccessInfo", {}).get("statusForNctId"),
        "expanded_access_type_individual": design.get("expandedAccessTypes", {}).get("individual"),
        "expanded_access_type_intermediate": design.get("expandedAccessTypes", {}).get("intermediate"),
        "expanded_access_type_treatment": design.get("expandedAccessTypes", {}).get("treatment"),
        "is_unapproved_device": p.get("oversightModule", {}).get("isUnapprovedDevice"),
        "is_ppsd": p.get("oversightModule", {}).get("isPpsd"),
        "is_us_export": p.get("oversightModule", {}).get("isUsExport"),
        "fdaaa801_violation": p.get("oversightModule", {}).get("fdaaa801Violation"),
        "target_duration": design.get("targetDuration"),
        "biospec_retention": design.get("bioSpec", {}).get("retention"),
        "has_results": record.get("hasResults"),
        "snapshot_date": aact_date(record.get("derivedSection", {}).get("miscInfoModule", {}).get("versionHolder")),
    }


def eligibility_columns(record: dict) -> tuple | None:
    """sampling_method, population, gender_based, gender_description, adult, child, older_adult."""
    e = record["protocolSection"].get("eligibilityModule")
    if e is None:
        return None
    ages = e.get("stdAges")
    return (e.get("samplingMethod"), e.get("studyPopulation"), e.get("genderBased"), e.get("genderDescription"),
            None if ages is None else "ADULT" in ages, None if ages is None else "CHILD" in ages,
            None if ages is None else "OLDER_ADULT" in ages)


def child_rows(record: dict) -> dict[str, list[tuple]]:
    """Rows of the child tables and columns AACT fills from this record (single columns as bare values)."""
    p, derived = record["protocolSection"], record.get("derivedSection", {})
    interventions = p.get("armsInterventionsModule", {}).get("interventions", [])
    locations = p.get("contactsLocationsModule", {}).get("locations", [])
    ident = p.get("identificationModule", {})
    party = p.get("sponsorCollaboratorsModule", {}).get("responsibleParty")

    def mesh(module: str) -> list[tuple]:
        browse = derived.get(module, {})
        return ([(m["term"], m["term"].lower(), "mesh-list") for m in browse.get("meshes", [])]
                + [(m["term"], m["term"].lower(), "mesh-ancestor") for m in browse.get("ancestors", [])])

    ids = [ident.get("orgStudyIdInfo", {})] + ident.get("secondaryIdInfos", [])
    return {
        "intervention_other_names": [(i["name"], n) for i in interventions for n in i.get("otherNames", [])],
        "browse_conditions": mesh("conditionBrowseModule"),
        "browse_interventions": mesh("interventionBrowseModule"),
        "conditions": [(c, c.lower()) for c in p.get("conditionsModule", {}).get("conditions", [])],
        "facilities": [(loc.get("geoPoint", {}).get("lat"), loc.get("geoPoint", {}).get("lon")) for loc in locations],
        "id_information": [i["link"] for i in ids if i.get("link")],
        "provided_documents": [
            (d.get("label"), d.get("hasProtocol"), d.get("hasIcf"), d.get("hasSap"), aact_date(d.get("date")),
             f"https://ClinicalTrials.gov/ProvidedDocs/{ident['nctId'][-2:]}/{ident['nctId']}/{d['filename']}")
            for d in record.get("documentSection", {}).get("largeDocumentModule", {}).get("largeDocs", [])],
        "responsible_parties": [] if not party else [(party.get("type"), party.get("investigatorTitle"),
                                                      party.get("oldOrganization"),
                                                      party.get("investigatorAffiliation"))],
    }


def calculated(record: dict) -> tuple:
    """number_of_facilities, has_us_facility, actual_duration as AACT's calculated_value.rb computes them."""
    p = record["protocolSection"]
    status = p.get("statusModule", {})
    countries = [loc.get("country") for loc in p.get("contactsLocationsModule", {}).get("locations", [])]
    start, pc = status.get("startDateStruct", {}), status.get("primaryCompletionDateStruct", {})
    duration = None
    if start.get("date") and pc.get("date") and "ESTIMATED" not in (start.get("type"), pc.get("type")):
        days = (aact_date(pc["date"]) - aact_date(start["date"])).days
        duration = int(days / 30)
    return len(countries), (any(c in US for c in countries) if countries else None), duration
