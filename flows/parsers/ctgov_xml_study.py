"""Legacy <clinical_study> status, dates and descriptions -> studies and its text tables."""
from __future__ import annotations

from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.ctgov_xml_fields import block, date_of, integer, text, texts
from flows.parsers.model import Row

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


def study_row(root: Element) -> Row:
    """The one `studies` row (without nct_id) of a <clinical_study>."""
    enrollment = root.find("enrollment")
    enrollment_type = None if enrollment is None else enrollment.get("type")
    oversight = root.find("oversight_info")
    row: Row = {
        "brief_title": text(root, "brief_title"),
        "official_title": text(root, "official_title"),
        "acronym": text(root, "acronym"),
        "overall_status": labels.overall_status(text(root, "overall_status")),
        "last_known_status": labels.overall_status(text(root, "last_known_status")),
        "phase": _phase(text(root, "phase")),
        "study_type": labels.lookup("study_type", text(root, "study_type")),
        "enrollment": integer(root, "enrollment"),
        "enrollment_type": labels.lookup("enrollment_type", enrollment_type),
        # Legacy records state the arm count; observational studies give number_of_groups instead.
        "number_of_arms": integer(root, "number_of_arms"),
        "why_stopped": text(root, "why_stopped"),
        "is_fda_regulated_drug": labels.lookup("yes_no", text(oversight, "is_fda_regulated_drug")),
        "is_fda_regulated_device": labels.lookup("yes_no", text(oversight, "is_fda_regulated_device")),
        "source": text(root, "sponsors/lead_sponsor/agency"),
    }
    for prefix, tag in _TYPED_DATES:
        row.update(date_of(root, tag, prefix, typed=True))
    for prefix, tag in _UNTYPED_DATES:
        row.update(date_of(root, tag, prefix))
    return row


def _phase(label: str | None) -> str | None:
    """'Phase 1/Phase 2' -> PHASE1/PHASE2; 'N/A' -> NA (labels.phase would split it at the slash)."""
    if label and label.strip().upper() == "N/A":
        return "NA"
    return labels.phase(label)


def text_tables(root: Element) -> dict[str, list[Row]]:
    """brief_summaries, detailed_descriptions, conditions and keywords."""
    return {
        "brief_summaries": _description(block(root, "brief_summary")),
        "detailed_descriptions": _description(block(root, "detailed_description")),
        "conditions": [{"name": name} for name in texts(root, "condition")],
        "keywords": [{"name": name} for name in texts(root, "keyword")],
    }


def _description(description: str | None) -> list[Row]:
    return [{"description": description}] if description else []


def id_rows(root: Element) -> list[Row]:
    """id_information: org_study_id, secondary_id and nct_alias (legacy XML gives no id types)."""
    return [
        {"id_source": source, "id_type": None, "id_value": value}
        for source in ("org_study_id", "secondary_id", "nct_alias")
        for value in texts(root, f"id_info/{source}")
    ]
