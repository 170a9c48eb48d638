"""API v2 identification, status, description and conditions modules -> studies and its text tables."""
from __future__ import annotations

import re

from flows.parsers.ctgov_json_v2_fields import boolean, integer, items, objects, section, text, texts
from flows.parsers.dates import date_columns
from flows.parsers.model import Row

# (column prefix, statusModule key) of the dates that carry ACTUAL/ESTIMATED beside them.
_TYPED_DATES = (
    ("start_date", "startDateStruct"),
    ("primary_completion_date", "primaryCompletionDateStruct"),
    ("completion_date", "completionDateStruct"),
)
_POSTED_DATES = (
    ("study_first_posted_date", "studyFirstPostDateStruct"),
    ("last_update_posted_date", "lastUpdatePostDateStruct"),
)


def study_row(protocol: dict) -> Row:
    """The one `studies` row (without nct_id) of a protocolSection."""
    ident = section(protocol, "identificationModule")
    status = section(protocol, "statusModule")
    design = section(protocol, "designModule")
    oversight = section(protocol, "oversightModule")
    enrollment = section(design, "enrollmentInfo")
    row: Row = {
        "brief_title": text(ident.get("briefTitle")),
        "official_title": text(ident.get("officialTitle")),
        "acronym": text(ident.get("acronym")),
        "overall_status": text(status.get("overallStatus")),
        "last_known_status": text(status.get("lastKnownStatus")),
        "phase": phase(design.get("phases")),
        "study_type": text(design.get("studyType")),
        "enrollment": integer(enrollment.get("count")),
        "enrollment_type": text(enrollment.get("type")),
        "number_of_arms": number_of_arms(protocol),
        "why_stopped": text(status.get("whyStopped")),
        "is_fda_regulated_drug": boolean(oversight.get("isFdaRegulatedDrug")),
        "is_fda_regulated_device": boolean(oversight.get("isFdaRegulatedDevice")),
        "source": text(section(protocol, "sponsorCollaboratorsModule", "leadSponsor").get("name")),
    }
    row.update(_dates(status))
    return row


def _dates(status: dict) -> Row:
    columns: Row = {}
    for prefix, key in _TYPED_DATES:
        struct = section(status, key)
        columns.update(date_columns(prefix, text(struct.get("date")), text(struct.get("type"))))
    for prefix, key in _POSTED_DATES:
        columns.update(date_columns(prefix, text(section(status, key).get("date"))))
    # statusVerifiedDate is given to the month (YYYY-MM): month precision.
    columns.update(date_columns("verification_date", text(status.get("statusVerifiedDate"))))
    return columns


def phase(phases: object) -> str | None:
    """designModule.phases joined with '/', as AACT does: ['PHASE1', 'PHASE2'] -> 'PHASE1/PHASE2'."""
    return "/".join(texts(phases)) or None


def number_of_arms(protocol: dict) -> int | None:
    """AACT's rule: the count of armGroups for an interventional study, else None (groups, not arms)."""
    study_type = text(section(protocol, "designModule").get("studyType")) or ""
    arms = section(protocol, "armsInterventionsModule").get("armGroups")
    if not re.search("interventional", study_type, re.IGNORECASE) or not isinstance(arms, list):
        return None
    return len(arms)


def text_tables(protocol: dict) -> dict[str, list[Row]]:
    """brief_summaries, detailed_descriptions, conditions and keywords."""
    description = section(protocol, "descriptionModule")
    conditions = section(protocol, "conditionsModule")
    return {
        "brief_summaries": _description(description.get("briefSummary")),
        "detailed_descriptions": _description(description.get("detailedDescription")),
        "conditions": [{"name": name} for name in texts(conditions.get("conditions"))],
        "keywords": [{"name": name} for name in texts(conditions.get("keywords"))],
    }


def _description(value: object) -> list[Row]:
    description = text(value)
    return [{"description": description}] if description else []


def id_rows(protocol: dict) -> list[Row]:
    """id_information: the org study id, the secondary ids and the NCT aliases."""
    ident = section(protocol, "identificationModule")
    org = section(ident, "orgStudyIdInfo")
    rows = [_id("org_study_id", org.get("type"), org.get("id"))]
    rows += [
        _id("secondary_id", info.get("type"), info.get("id")) for info in objects(ident.get("secondaryIdInfos"))
    ]
    rows += [_id("nct_alias", None, alias) for alias in items(ident.get("nctIdAliases"))]
    return [row for row in rows if row["id_value"]]


def _id(source: str, id_type: object, value: object) -> Row:
    return {"id_source": source, "id_type": text(id_type), "id_value": text(value)}
