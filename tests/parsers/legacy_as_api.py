"""A legacy ClinicalTrials.gov XML record (clinical_study) as the API v2 record the registry serves for the same
study: the modules and fields the page renderers of tests/parsers show, read from the XML document itself (the
registry's documented mapping of the legacy elements and their words to API v2 fields and enums), not through the
product's XML reader."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

# Legacy words as API v2 enums, where the enum is not the word in capitals with '_' for spaces and dashes.
_ENUMS = {
    "Unknown status": "UNKNOWN", "N/A": "NA", "Both": "ALL", "U.S. Fed": "FED", "Other_gov": "OTHER_GOV",
    "Educational/Counseling/Training": "ECT", "Anticipated": "ESTIMATED", "Outcomes Assessor": "OUTCOMES_ASSESSOR",
    "Participant": "PARTICIPANT", "Care Provider": "CARE_PROVIDER", "Investigator": "INVESTIGATOR",
    "Early Phase 1": "EARLY_PHASE1", "Phase 1": "PHASE1", "Phase 2": "PHASE2", "Phase 3": "PHASE3",
    "Phase 4": "PHASE4", "Ecologic or Community": "ECOLOGIC_OR_COMMUNITY",
    "Statistical Analysis Plan (SAP)": "SAP", "Informed Consent Form (ICF)": "ICF",
    "Clinical Study Report (CSR)": "CSR", "Analytic Code": "ANALYTIC_CODE",
}
_ASSIGNMENT = re.compile(r"\s+Assignment$")  # 'Parallel Assignment' -> PARALLEL
_MASKING = re.compile(r"^(?P<masking>[^(]+?)\s*(?:\((?P<who>[^)]*)\))?$")  # 'Double (Participant, Investigator)'
# The legacy words for no masking: 'None (Open Label)', 'Open Label', and older records' 'No masking' (API v2: NONE).
_NO_MASKING = re.compile(r"(?i)^(?:none\b|no masking\b|open label\b)")
_US_DATE_FORMATS = ("%B %d, %Y", "%B %Y")
# An older record's design in one line: 'Allocation: Randomized, Intervention Model: Factorial Assignment, Masking:
# Open Label, Primary Purpose: Treatment' (each label starts a part).
_DESIGN_PART = re.compile(r"(?:^|,\s*)([A-Z][A-Za-z ]+):\s*")
_ONE_LINE_DESIGN = {"Allocation": "allocation", "Intervention Model": "intervention_model",
                    "Primary Purpose": "primary_purpose", "Masking": "masking",
                    "Observational Model": "observational_model", "Time Perspective": "time_perspective"}


def enum(word: str | None) -> str | None:
    """'Active, not recruiting' -> 'ACTIVE_NOT_RECRUITING'; 'Parallel Assignment' -> 'PARALLEL'."""
    if not word:
        return None
    word = _ASSIGNMENT.sub("", word.strip())
    return _ENUMS.get(word) or re.sub(r"[^A-Z0-9]+", "_", word.upper()).strip("_")


def iso_date(text: str | None) -> str | None:
    """'June 30, 2019' -> '2019-06-30'; 'February 1994' -> '1994-02'."""
    if not text:
        return None
    for shape in _US_DATE_FORMATS:
        try:
            parsed = datetime.strptime(text.strip(), shape)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m-%d" if "%d" in shape else "%Y-%m")
    return None


def _text(node: ET.Element | None, path: str = ".") -> str | None:
    found = node.find(path) if node is not None else None
    return found.text.strip() if found is not None and found.text and found.text.strip() else None


def textblock(node: ET.Element | None, path: str) -> str | None:
    """A textblock's text as API v2 gives it: each line without the XML's indent, no blank lines at either end."""
    raw = _text(node, f"{path}/textblock") if node is not None else None
    if not raw:
        return None
    return "\n".join(line.strip() for line in raw.replace("\r", "").split("\n")).strip("\n")


def _struct(root: ET.Element, tag: str) -> dict:
    node = root.find(tag)
    if node is None or not iso_date(node.text):
        return {}
    struct = {"date": iso_date(node.text)}
    if node.get("type"):
        struct["type"] = enum(node.get("type"))
    return struct


def _drop_empty(value):
    """The record without the fields the XML leaves out (API v2 omits a field it has no value for)."""
    if isinstance(value, dict):
        kept = {key: _drop_empty(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [item for item in (_drop_empty(item) for item in value) if item not in (None, "", [], {})]
    return value


def _identification(root: ET.Element) -> dict:
    ids = root.find("id_info")
    return {"nctId": _text(ids, "nct_id"), "briefTitle": _text(root, "brief_title"),
            "officialTitle": _text(root, "official_title"), "acronym": _text(root, "acronym"),
            "orgStudyIdInfo": {"id": _text(ids, "org_study_id")},
            "secondaryIdInfos": [{"id": node.text.strip()} for node in ids.findall("secondary_id") if node.text],
            "organization": {"fullName": _text(root, "source")}}


def _status(root: ET.Element) -> dict:
    verified = iso_date(_text(root, "verification_date"))
    return {"overallStatus": enum(_text(root, "overall_status")), "lastKnownStatus": enum(_text(root,
                                                                                                "last_known_status")),
            "whyStopped": _text(root, "why_stopped"), "statusVerifiedDate": verified,
            "startDateStruct": _struct(root, "start_date"),
            "primaryCompletionDateStruct": _struct(root, "primary_completion_date"),
            "completionDateStruct": _struct(root, "completion_date"),
            "studyFirstPostDateStruct": _struct(root, "study_first_posted"),
            "lastUpdatePostDateStruct": _struct(root, "last_update_posted")}


def _party(node: ET.Element) -> dict:
    return {"name": _text(node, "agency"), "class": enum(_text(node, "agency_class"))}


def _sponsors(root: ET.Element) -> dict:
    sponsors = root.find("sponsors")
    return {"leadSponsor": _party(sponsors.find("lead_sponsor")),
            "collaborators": [_party(node) for node in sponsors.findall("collaborator")]}


def _masking(info: ET.Element | None) -> dict:
    shown = _text(info, "masking")
    if not shown:
        return {}
    if _NO_MASKING.match(shown):
        return {"masking": "NONE", "maskingDescription": _text(info, "masking_description")}
    match = _MASKING.match(shown)
    who = [enum(role) for role in (match["who"] or "").split(",") if role.strip()]
    return {"masking": enum(match["masking"].replace(" Blind", "")), "whoMasked": who,
            "maskingDescription": _text(info, "masking_description")}


def _design_info(root: ET.Element) -> ET.Element | None:
    """The design's element, made from an older record's one-line design where it gives no other."""
    info = root.find("study_design_info")
    line = _text(root, "study_design")
    if info is not None or not line:
        return info
    info = ET.Element("study_design_info")
    parts = _DESIGN_PART.split(line)[1:]
    for label, value in zip(parts[::2], parts[1::2]):
        if label in _ONE_LINE_DESIGN:
            ET.SubElement(info, _ONE_LINE_DESIGN[label]).text = value.strip()
    return info


def _design(root: ET.Element) -> dict:
    info = _design_info(root)
    study_type = _text(root, "study_type") or ""
    phase = _text(root, "phase")
    enrollment = root.find("enrollment")
    return {
        "studyType": enum(study_type.replace("[Patient Registry]", "")),
        "patientRegistry": True if "Patient Registry" in study_type else None,
        "phases": [enum(part) for part in re.split(r"/(?=Phase)", phase)] if phase else [],
        "designInfo": {"allocation": enum(_text(info, "allocation")),
                       "interventionModel": enum(_text(info, "intervention_model")),
                       "interventionModelDescription": _text(info, "intervention_model_description"),
                       "primaryPurpose": enum(_text(info, "primary_purpose")),
                       "observationalModel": enum(_text(info, "observational_model")),
                       "timePerspective": enum(_text(info, "time_perspective")),
                       "maskingInfo": _masking(info)},
        "enrollmentInfo": {"count": int(enrollment.text) if enrollment is not None and enrollment.text else None,
                           "type": enum(enrollment.get("type")) if enrollment is not None else None},
        "bioSpec": {"retention": enum(_text(root, "biospec_retention")),
                    "description": textblock(root, "biospec_descr")},
        "targetDuration": _text(root, "target_duration"),
        "expandedAccessTypes": {kind: _yes(root, f"expanded_access_info/expanded_access_type_{kind}")
                                for kind in ("individual", "intermediate", "treatment")},
    }


def _arms(root: ET.Element) -> dict:
    interventions = root.findall("intervention")
    groups = []
    for node in root.findall("arm_group"):
        label = _text(node, "arm_group_label")
        names = [f"{_text(item, 'intervention_type')}: {_text(item, 'intervention_name')}" for item in interventions
                 if label in [_text(linked) for linked in item.findall("arm_group_label")]]
        groups.append({"label": label, "type": enum(_text(node, "arm_group_type")),
                       "description": _text(node, "description"), "interventionNames": names})
    return {"armGroups": groups, "interventions": [
        {"type": enum(_text(item, "intervention_type")), "name": _text(item, "intervention_name"),
         "description": _text(item, "description"),
         "armGroupLabels": [_text(linked) for linked in item.findall("arm_group_label")],
         "otherNames": [_text(other) for other in item.findall("other_name")]} for item in interventions]}


def _outcomes(root: ET.Element) -> dict:
    return {f"{kind}Outcomes": [{"measure": _text(node, "measure"), "timeFrame": _text(node, "time_frame"),
                                 "description": _text(node, "description")}
                                for node in root.findall(f"{kind}_outcome")]
            for kind in ("primary", "secondary", "other")}


def _eligibility(root: ET.Element) -> dict:
    node = root.find("eligibility")
    healthy = _text(node, "healthy_volunteers")
    return {"eligibilityCriteria": textblock(node, "criteria"),
            "healthyVolunteers": None if healthy is None else healthy.startswith("Accepts"),
            "sex": enum(_text(node, "gender")),
            "minimumAge": None if _text(node, "minimum_age") == "N/A" else _text(node, "minimum_age"),
            "maximumAge": None if _text(node, "maximum_age") == "N/A" else _text(node, "maximum_age"),
            "studyPopulation": textblock(node, "study_pop"), "samplingMethod": enum(_text(node, "sampling_method")),
            "genderBased": _yes(node, "gender_based"), "genderDescription": _text(node, "gender_description")}


def _site(node: ET.Element) -> dict:
    address = node.find("facility/address")
    return {"facility": _text(node, "facility/name"), "status": enum(_text(node, "status")),
            "city": _text(address, "city"), "state": _text(address, "state"), "zip": _text(address, "zip"),
            "country": _text(address, "country")}


def _contacts(root: ET.Element) -> dict:
    return {"centralContacts": [{"name": _text(node, "last_name"), "phone": _text(node, "phone"),
                                 "email": _text(node, "email")}
                                for node in root.findall("overall_contact") + root.findall("overall_contact_backup")],
            "overallOfficials": [{"name": _text(node, "last_name"), "affiliation": _text(node, "affiliation"),
                                  "role": enum(_text(node, "role"))} for node in root.findall("overall_official")],
            "locations": [_site(node) for node in root.findall("location")]}


def _references(root: ET.Element) -> dict:
    return {"references": [{"pmid": _text(node, "PMID"), "citation": _text(node, "citation"), "type": kind}
                           for tag, kind in (("reference", "BACKGROUND"), ("results_reference", "RESULT"))
                           for node in root.findall(tag)]}


def _yes(node: ET.Element | None, path: str) -> bool | None:
    shown = _text(node, path)
    return None if shown is None else shown == "Yes"


def _oversight(root: ET.Element) -> dict:
    node = root.find("oversight_info")
    return {"isFdaRegulatedDrug": _yes(node, "is_fda_regulated_drug"),
            "isFdaRegulatedDevice": _yes(node, "is_fda_regulated_device"),
            "isUnapprovedDevice": _yes(node, "is_unapproved_device"), "isPpsd": _yes(node, "is_ppsd"),
            "isUsExport": _yes(node, "is_us_export")}


def _ipd(root: ET.Element) -> dict:
    node = root.find("patient_data")
    return {"ipdSharing": enum(_text(node, "sharing_ipd")), "description": _text(node, "ipd_description"),
            "timeFrame": _text(node, "ipd_time_frame"), "accessCriteria": _text(node, "ipd_access_criteria"),
            "url": _text(node, "ipd_url"), "infoTypes": [enum(kind.text) for kind in node.findall("ipd_info_type")]
            if node is not None else []}


def record_of(raw: bytes) -> dict:
    """The API v2 record of a legacy XML document."""
    root = ET.fromstring(raw)
    protocol = {
        "identificationModule": _identification(root), "statusModule": _status(root),
        "sponsorCollaboratorsModule": _sponsors(root),
        "descriptionModule": {"briefSummary": textblock(root, "brief_summary"),
                              "detailedDescription": textblock(root, "detailed_description")},
        "conditionsModule": {"conditions": [node.text.strip() for node in root.findall("condition") if node.text],
                             "keywords": [node.text.strip() for node in root.findall("keyword") if node.text]},
        "designModule": _design(root), "armsInterventionsModule": _arms(root), "outcomesModule": _outcomes(root),
        "eligibilityModule": _eligibility(root), "contactsLocationsModule": _contacts(root),
        "referencesModule": _references(root), "oversightModule": _oversight(root),
        "ipdSharingStatementModule": _ipd(root),
    }
    return {"protocolSection": _drop_empty(protocol)}
