"""API v2 identification, status, design facts, description and conditions -> studies and its text tables."""
from __future__ import annotations

import re

from flows.parsers.ctgov_json_v2_fields import (
    WHERE_API_V2_WRITES, as_json, flag, integer, items, objects, part, plain_text, quoted, section, text, texts,
    value_text,
)
from flows.parsers.ctgov_json_v2_status import date_text, status_dates
from flows.parsers.dates import day_value, event_day
from flows.parsers.model import Refused, Row, note_read_as
from schemas.enums import PHASE, PHASE_COMBINED


def study_row(study: dict) -> Row:
    """The one `studies` row (without nct_id) of an API v2 study object."""
    protocol = study["protocolSection"]
    ident = section(protocol, "identificationModule")
    status = section(protocol, "statusModule")
    design = section(protocol, "designModule")
    enrollment = section(design, "enrollmentInfo")
    # AACT's source is the organization that submitted the record; the lead sponsor is in sponsors.
    organization = section(ident, "organization")
    # A value of the wrong type (a title given as an object) is refused as given, not read as missing.
    row: Row = {
        "brief_title": text(ident.get("briefTitle")),
        "official_title": text(ident.get("officialTitle")),
        "acronym": text(ident.get("acronym")),
        "overall_status": text(status.get("overallStatus")),
        "last_known_status": text(status.get("lastKnownStatus")),
        "phase": phase(design.get("phases")),
        "study_type": text(design.get("studyType")),
        "enrollment": integer(enrollment.get("count"), "enrollmentInfo.count"),
        "enrollment_type": text(enrollment.get("type")),
        "number_of_arms": number_of_arms(protocol),
        "why_stopped": text(status.get("whyStopped")),
        "source": text(organization.get("fullName")),
        "source_class": text(organization.get("class")),
        "has_results": flag(study, "hasResults"),
    }
    row.update(status_dates(status))
    version_holder = section(study, "derivedSection", "miscInfoModule").get("versionHolder")
    row["snapshot_date"] = day_value(date_text(version_holder, "versionHolder", day=True))
    row.update(_design_facts(protocol, design, status))
    row.update(_results_facts(section(study, "resultsSection")))
    return row


def _results_facts(results: dict) -> Row:
    """AACT's studies columns from the record's results (of the rest of resultsSection only the adverse events'
    sums are kept: ctgov_json_v2_results)."""
    baseline = section(results, "baselineCharacteristicsModule")
    return {"baseline_population": text(baseline.get("populationDescription")),
            "limitations_and_caveats": text(section(results, "moreInfoModule", "limitationsAndCaveats").get(
                "description")),
            "baseline_type_units_analyzed": text(baseline.get("typeUnitsAnalyzed"))}


def _design_facts(protocol: dict, design: dict, status: dict) -> Row:
    """Oversight, expanded access, IPD sharing, biospecimens, groups and the registry flag (AACT's column names)."""
    oversight = section(protocol, "oversightModule")
    ipd = section(protocol, "ipdSharingStatementModule")
    biospec = section(design, "bioSpec")
    access, access_types = section(status, "expandedAccessInfo"), section(design, "expandedAccessTypes")
    return {
        "is_fda_regulated_drug": flag(oversight, "isFdaRegulatedDrug"),
        "is_fda_regulated_device": flag(oversight, "isFdaRegulatedDevice"),
        "has_dmc": flag(oversight, "oversightHasDmc"),
        "has_expanded_access": flag(access, "hasExpandedAccess"),
        "number_of_groups": number_of_groups(protocol),
        "target_duration": text(design.get("targetDuration")),
        "biospec_retention": text(biospec.get("retention")),
        "biospec_description": text(biospec.get("description")),
        "plan_to_share_ipd": text(ipd.get("ipdSharing")),
        "plan_to_share_ipd_description": text(ipd.get("description")),
        "ipd_time_frame": text(ipd.get("timeFrame")),
        "ipd_access_criteria": text(ipd.get("accessCriteria")),
        "ipd_url": text(ipd.get("url")),
        "delayed_posting": flag(status, "delayedPosting"),
        "patient_registry": flag(design, "patientRegistry"),
        "expanded_access_nctid": text(access.get("nctId")),
        "expanded_access_status_for_nctid": text(access.get("statusForNctId")),
        "expanded_access_type_individual": flag(access_types, "individual"),
        "expanded_access_type_intermediate": flag(access_types, "intermediate"),
        "expanded_access_type_treatment": flag(access_types, "treatment"),
        "is_unapproved_device": flag(oversight, "isUnapprovedDevice"),
        "is_ppsd": flag(oversight, "isPpsd"),
        "is_us_export": flag(oversight, "isUsExport"),
        "fdaaa801_violation": flag(oversight, "fdaaa801Violation"),
    }


def phase(phases: object) -> object:
    """designModule.phases joined with '/', as AACT does: ['PHASE1', 'PHASE2'] -> 'PHASE1/PHASE2'.

    API v2 gives a list; anything else is refused as given (kept raw, reported as invalid_value). A list of several
    items that names no phase or pair of phases API v2 knows is refused quoted as the list it is, never as its joined
    form ('PHASE1/PHASE2/PHASE5'), which the record never gives; so is a list that names a phase twice. One item
    alone is kept as given, for validation to refuse and quote. A pair given in AACT's joined form (["PHASE1/PHASE2"])
    or in another order (["PHASE2", "PHASE1"]) is read as the pair it names, and noted.
    """
    if phases is None or phases == []:
        return None
    if not isinstance(phases, list) or not all(type(item) is str for item in phases):
        return Refused(phases if isinstance(phases, str) else as_json(phases), _PHASES)
    named = texts(phases)
    if len(named) == 1 and "/" not in named[0]:  # the usual list of one phase: validation judges it
        return named[0]
    if not named:
        return None
    given = [part for item in named for part in item.split("/")]
    if len(set(given)) < len(given):  # ["PHASE2", "PHASE2"]: no value of AACT's names a phase twice
        return Refused(as_json(phases), _PHASES_ONCE)
    pair = "/".join(sorted(given, key=_PHASE_ORDER.get)) if set(given) <= _PHASE_ORDER.keys() else None
    if pair not in PHASE_COMBINED:
        return Refused(as_json(phases), _PHASES_KNOWN) if len(named) > 1 else named[0]
    if given != named or "/".join(given) != pair:  # ["PHASE1/PHASE2"], ["PHASE2", "PHASE1"]
        note_read_as("phases", f"phases is {quoted(as_json(phases))}, {_PAIR_SPELT}: read as {pair}")
    return pair


_PHASES = "a JSON list of API v2 phases, e.g. [\"PHASE1\", \"PHASE2\"]"
_PHASE_ORDER = {name: at for at, name in enumerate(PHASE)}
# What a phases list should have been: API v2 lists each phase once, a pair only of these two.
_PHASE_WORDS = "one of " + ", ".join(PHASE) + ", or PHASE1 with PHASE2, or PHASE2 with PHASE3"
# What a phases list that names a phase twice should have been. It is quoted as the record gives it: its joined form
# 'PHASE2/PHASE2' would read as one value that the record never gives.
_PHASES_ONCE = f"a JSON list that names each phase once ({_PHASE_WORDS})"
_PHASES_KNOWN = f"a JSON list of API v2 phases ({_PHASE_WORDS})"
# How API v2 writes a pair of phases, which a list read as that pair did not.
_PAIR_SPELT = f"{WHERE_API_V2_WRITES} each phase as an item, in order"


_INTERVENTIONAL = re.compile("interventional", re.IGNORECASE)


def _is_interventional(protocol: dict) -> bool:
    study_type = plain_text(section(protocol, "designModule").get("studyType")) or ""
    return _INTERVENTIONAL.search(study_type) is not None


def number_of_arms(protocol: dict) -> int | None:
    """AACT's rule: the count of armGroups for an interventional study, else None (groups, not arms)."""
    arms = section(protocol, "armsInterventionsModule").get("armGroups")
    if not _is_interventional(protocol) or not isinstance(arms, list):
        return None
    return len(arms)


def number_of_groups(protocol: dict) -> int | None:
    """AACT's rule: the count of armGroups for a study that is not interventional, else None."""
    groups = section(protocol, "armsInterventionsModule").get("armGroups")
    if _is_interventional(protocol) or not isinstance(groups, list):
        return None
    return len(groups)


def text_tables(protocol: dict) -> dict[str, list[Row]]:
    """brief_summaries, detailed_descriptions, conditions and keywords (with AACT's downcase_name)."""
    module = part(protocol, "descriptionModule")
    # AACT writes one row to each for every study that has a descriptionModule, NULL text included.
    described = module is not None
    description = module if described else {}
    conditions = section(protocol, "conditionsModule")
    return {
        "brief_summaries": [{"description": text(description.get("briefSummary"))}] if described else [],
        "detailed_descriptions": [{"description": text(description.get("detailedDescription"))}] if described else [],
        "conditions": [_named(name) for name in texts(conditions.get("conditions"), "conditions")],
        "keywords": [_named(name) for name in texts(conditions.get("keywords"), "keywords")],
    }


def _named(name: str | Refused) -> Row:
    """A condition or keyword row with AACT's downcase_name (NULL beside a refused name)."""
    return {"name": name, "downcase_name": name.lower() if type(name) is str else None}


def id_rows(protocol: dict) -> list[Row]:
    """id_information: the org study id, the secondary ids (with their links) and the NCT aliases. As AACT writes
    them, each identifier object the record gives is a row, also one without its id (its type, issuer and link are
    the record's); an alias is a row where it names one."""
    ident = section(protocol, "identificationModule")
    org = part(ident, "orgStudyIdInfo")
    rows = [] if org is None else [_id("org_study_id", org)]
    rows += [_id("secondary_id", info) for info in objects(ident, "secondaryIdInfos")]
    aliases = (text(alias) for alias in items(ident.get("nctIdAliases")))
    rows += [{"id_source": "nct_alias", "id_type": None, "id_value": alias, "id_link": None,
              "id_type_description": None}
             for alias in aliases if alias is not None]
    return rows


def _id(source: str, info: dict) -> Row:
    return {"id_source": source, "id_type": text(info.get("type")), "id_value": text(info.get("id")),
            "id_link": text(info.get("link")), "id_type_description": text(info.get("domain"))}


# submissionTracking's dates of one submission and the unposted event each stands for.
_SUBMISSION_EVENTS = (("releaseDate", "RELEASE"), ("unreleaseDate", "UNRELEASE"), ("resetDate", "RESET"))


def pending_rows(study: dict) -> list[Row]:
    """pending_results: results submitted and not yet posted, event by event, as AACT reads them (the unposted
    events of annotationSection). The unposted annotation's responsible party, a person's name, is not read."""
    annotation = section(study, "annotationSection", "annotationModule", "unpostedAnnotation")
    return [_event_row(text(event.get("type")), event.get("date"), "unpostedEvents.date")
            for event in objects(annotation, "unpostedEvents")]


def submission_rows(study: dict) -> list[Row]:
    """result_submissions: the record's submission tracking (derivedSection), event by event: each submission's
    release, and its withdrawal or return, named as pending_results names them. AACT does not read it."""
    tracking = section(study, "derivedSection", "miscInfoModule", "submissionTracking")
    return [_event_row(kind, info[key], f"submissionInfos.{key}") for info in objects(tracking, "submissionInfos")
            for key, kind in _SUBMISSION_EVENTS if info.get(key) is not None]


def _event_row(kind: str | Refused | None, given: object, name: str) -> Row:
    return {"event": kind, "event_date_description": text(given),
            "event_date": event_day(date_text(given, name, day=True))}
