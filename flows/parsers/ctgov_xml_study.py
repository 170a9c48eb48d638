"""Legacy <clinical_study> status, dates and descriptions -> studies and its text tables."""
from __future__ import annotations

import re
from collections import Counter
from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.ctgov_xml_fields import (
    api_value, block, date_of, date_type, integer, line, other_attributes, own_text, text, texts, type_attribute,
    written,
)
from flows.parsers.ctgov_xml_timeline import timeline_columns
from flows.parsers.dates import day_date, event_day
from flows.parsers.model import Row, note_unread_part
from schemas import enums

# (column prefix, element) of the dates that carry type="Actual"/"Anticipated".
_TYPED_DATES = (
    ("start_date", "start_date"),
    ("primary_completion_date", "primary_completion_date"),
    ("completion_date", "completion_date"),
)
# Records from before 2017 have no *_posted dates (only firstreceived_date/lastchanged_date,
# which are submission dates): their posted dates stay NULL rather than borrowing those.
_UNTYPED_DATES = (
    ("study_first_posted_date", "study_first_posted"),
    ("last_update_posted_date", "last_update_posted"),
    ("verification_date", "verification_date"),
)
# Elements public.xsd allows once in <clinical_study> that a studies row reads as one value or one block: a second
# one (a hand edit, two records merged) would be passed over.
SINGLE_ELEMENTS = frozenset({
    "brief_title", "official_title", "acronym", "source", "oversight_info", "brief_summary", "detailed_description",
    "overall_status", "last_known_status", "why_stopped", "start_date", "completion_date", "primary_completion_date",
    "phase", "study_type", "has_expanded_access", "expanded_access_info", "study_design_info", "target_duration",
    "number_of_arms", "number_of_groups", "enrollment", "biospec_retention", "biospec_descr", "eligibility",
    "verification_date", "study_first_submitted", "study_first_submitted_qc", "study_first_posted",
    "results_first_submitted", "results_first_submitted_qc", "results_first_posted", "last_update_submitted",
    "last_update_submitted_qc", "last_update_posted", "patient_data",
})
# 'ClinicalTrials.gov processed this data on June 01, 2014'; exports from before 2014 say 'Information obtained
# from ClinicalTrials.gov on January 31, 2013'.
_DOWNLOAD_DATE = re.compile(r"(?:processed this data|obtained from ClinicalTrials\.gov) on\s+(.+?)\s*$",
                            re.IGNORECASE)


def study_row(root: Element) -> Row:
    """The one `studies` row (without nct_id) of a <clinical_study>."""
    _note_repeated(root)
    enrollment = root.find("enrollment")
    if enrollment is not None and enrollment.attrib:
        other_attributes("enrollment", enrollment)
    row: Row = {
        "brief_title": text(root, "brief_title"),
        "official_title": text(root, "official_title"),
        "acronym": text(root, "acronym"),
        "overall_status": _status(text(root, "overall_status"), "overall_status"),
        "last_known_status": _status(text(root, "last_known_status"), "last_known_status"),
        "phase": _phase(text(root, "phase")),
        "study_type": _study_type(text(root, "study_type")),
        "enrollment": integer(root, "enrollment"),
        "enrollment_type": None if enrollment is None else date_type(type_attribute(enrollment, "enrollment"),
                                                                     "enrollment type"),
        # Legacy records state the arm count; observational studies give number_of_groups instead.
        "number_of_arms": integer(root, "number_of_arms"),
        "number_of_groups": integer(root, "number_of_groups"),
        "why_stopped": line(root, "why_stopped"),
        # AACT's legacy source: <source>, the organization responsible for the record. XML gives no class.
        "source": text(root, "source"),
        "source_class": None,
        "has_results": root.find("clinical_results") is not None or root.find("results_first_posted") is not None,
        "snapshot_date": _download_date(text(root, "required_header/download_date")),
    }
    for prefix, tag in _TYPED_DATES:
        row.update(date_of(root, tag, prefix, typed=True))
    for prefix, tag in _UNTYPED_DATES:
        row.update(date_of(root, tag, prefix))
    row.update(timeline_columns(root))
    row.update(_design_facts(root))
    row.update(_results_facts(root))
    return row


def _note_repeated(root: Element) -> None:
    """Note each element the record gives more than once where the registry gives it once (two <phase>, two
    <start_date>, two <gender> in <eligibility>): the first is read, the others are not loaded. The note names the
    element, never its text."""
    _note_twice(root, "", SINGLE_ELEMENTS)
    for parent, singles in SINGLE_WITHIN.items():
        element = root.find(parent)
        if element is not None:
            _note_twice(element, f"{parent}/", singles)


def _note_twice(parent: Element, path: str, singles: frozenset[str]) -> None:
    given = Counter(child.tag for child in parent)
    for tag, count in given.items():
        if count > 1 and tag in singles:
            note_unread_part(f"<{path}{tag}> is given {count} times, where the registry gives it once: the first is "
                             "read")


# Elements public.xsd allows once within an element that holds several, each read as one value.
SINGLE_WITHIN = {
    "eligibility": frozenset({"study_pop", "sampling_method", "criteria", "gender", "gender_based",
                              "gender_description", "minimum_age", "maximum_age", "healthy_volunteers"}),
    "study_design_info": frozenset({"allocation", "intervention_model", "intervention_model_description",
                                    "primary_purpose", "observational_model", "time_perspective", "masking",
                                    "masking_description"}),
    "oversight_info": frozenset({"has_dmc", "is_fda_regulated_drug", "is_fda_regulated_device",
                                 "is_unapproved_device", "is_ppsd", "is_us_export"}),
    "patient_data": frozenset({"sharing_ipd", "ipd_description", "ipd_time_frame", "ipd_access_criteria",
                               "ipd_url"}),
    "expanded_access_info": frozenset({"expanded_access_type_individual", "expanded_access_type_intermediate",
                                       "expanded_access_type_treatment"}),
}


def _results_facts(root: Element) -> Row:
    """AACT's studies columns from <clinical_results> (of the rest, only the adverse events' sums are kept:
    ctgov_xml_results). Legacy XML gives the units analysed on each baseline measure, not one type for the study as
    API v2 does."""
    return {"baseline_population": block(root, "clinical_results/baseline/population"),
            "limitations_and_caveats": block(root, "clinical_results/limitations_and_caveats"),
            "baseline_type_units_analyzed": None}


def _design_facts(root: Element) -> Row:
    """Oversight, expanded access, IPD sharing, biospecimens and the registry flag (AACT's column names, API v2
    values)."""
    oversight = root.find("oversight_info")
    retention = text(root, "biospec_retention")
    sharing = text(root, "patient_data/sharing_ipd")
    return {
        "is_fda_regulated_drug": labels.yes_no(text(oversight, "is_fda_regulated_drug")),
        "is_fda_regulated_device": labels.yes_no(text(oversight, "is_fda_regulated_device")),
        "has_dmc": labels.yes_no(text(oversight, "has_dmc")),
        "has_expanded_access": labels.yes_no(text(root, "has_expanded_access")),
        "target_duration": text(root, "target_duration"),
        "biospec_retention": api_value(labels.enum_spelling(retention), retention, enums.BIOSPEC_RETENTION,
                                       "biospec_retention"),
        "biospec_description": block(root, "biospec_descr"),
        "plan_to_share_ipd": api_value(labels.enum_spelling(sharing), sharing, enums.PLAN_TO_SHARE_IPD,
                                       "sharing_ipd"),
        "plan_to_share_ipd_description": text(root, "patient_data/ipd_description"),
        "ipd_time_frame": text(root, "patient_data/ipd_time_frame"),
        "ipd_access_criteria": text(root, "patient_data/ipd_access_criteria"),
        "ipd_url": text(root, "patient_data/ipd_url"),
        "patient_registry": _patient_registry(text(root, "study_type")),
        **{name: labels.yes_no(text(root, f"expanded_access_info/{name}")) for name in _ACCESS_TYPES},
        **{name: labels.yes_no(text(oversight, name)) for name in _OVERSIGHT_FLAGS},
        # Not in legacy XML: API v2 added them.
        "delayed_posting": None, "expanded_access_nctid": None, "expanded_access_status_for_nctid": None,
        "fdaaa801_violation": None,
    }


_ACCESS_TYPES = ("expanded_access_type_individual", "expanded_access_type_intermediate",
                 "expanded_access_type_treatment")
_OVERSIGHT_FLAGS = ("is_unapproved_device", "is_ppsd", "is_us_export")


def _patient_registry(study_type: str | None) -> bool | None:
    """Legacy XML names a patient registry in its study type: 'Observational [Patient Registry]' (True);
    a plain 'Observational' study is none (False); other types say nothing of it."""
    label = (study_type or "").strip().lower()
    if label.startswith("observational"):
        return "patient registry" in label
    return None


def _status(label: str | None, tag: str) -> str | None:
    return api_value(labels.overall_status(label), label, enums.OVERALL_STATUS, tag)


def _study_type(label: str | None) -> str | None:
    return api_value(labels.lookup("study_type", label), label, enums.STUDY_TYPE, "study_type")


def _download_date(value: str | None):
    """'ClinicalTrials.gov processed this data on February 03, 2023' -> 2023-02-03 (the snapshot date); the older
    'Information obtained from ClinicalTrials.gov on January 31, 2013' too."""
    match = _DOWNLOAD_DATE.search(value or "")
    return day_date("snapshot_date", match.group(1) if match else value)["snapshot_date"]


def _phase(label: str | None) -> str | None:
    """'Phase 1/Phase 2' -> PHASE1/PHASE2; 'N/A' -> NA (labels.phase would split it at the slash)."""
    if label and label.strip().upper() == "N/A":
        return "NA"
    return api_value(labels.phase(label), label, enums.PHASE_COMBINED, "phase")


def text_tables(root: Element) -> dict[str, list[Row]]:
    """brief_summaries, detailed_descriptions, conditions and keywords (with AACT's downcase_name)."""
    summary, detail = block(root, "brief_summary"), block(root, "detailed_description")
    # API v2 gives both texts in one descriptionModule, and AACT writes a row to each table for every study that has
    # one, NULL text included: a record with a summary and no detailed description has a NULL detailed_descriptions row.
    described = summary is not None or detail is not None
    return {
        "brief_summaries": [{"description": summary}] if described else [],
        "detailed_descriptions": [{"description": detail}] if described else [],
        "conditions": [{"name": name, "downcase_name": name.lower()} for name in texts(root, "condition")],
        "keywords": [{"name": name, "downcase_name": name.lower()} for name in texts(root, "keyword")],
    }


def id_rows(root: Element) -> list[Row]:
    """id_information: org_study_id, secondary_id and nct_alias (legacy XML gives no id types or links)."""
    return [
        {"id_source": source, "id_type": None, "id_value": value, "id_link": None, "id_type_description": None}
        for source in ("org_study_id", "secondary_id", "nct_alias")
        for value in texts(root, f"id_info/{source}")
    ]


# <pending_results> children and the API v2 unposted event each is.
_PENDING_EVENTS = {"submitted": "RELEASE", "returned": "RESET", "submission_canceled": "UNRELEASE"}


def pending_rows(root: Element) -> list[Row]:
    """pending_results: results submitted and not yet posted, event by event (<submitted>, <returned>,
    <submission_canceled>), with API v2's event names; an element of another name is kept as named, for
    validation to refuse."""
    found = root.find("pending_results")
    if found is None:
        return []
    rows = []
    for event in found:
        given = own_text(event, f"pending_results/{event.tag}")
        rows.append({"event": _PENDING_EVENTS.get(event.tag, event.tag), "event_date_description": given,
                     "event_date": event_day(written(f"pending_results/{event.tag}", given, day=True))})
    return rows
