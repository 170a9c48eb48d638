"""API v2 design, arms/interventions, outcomes and eligibility modules -> their AACT tables."""
from __future__ import annotations

from flows.parsers.ctgov_json_v2_fields import flag, named_flags, objects, part, section, text, texts
from flows.parsers.masking import MASKED_COLUMNS
from flows.parsers.model import ColumnRows, Row

# designs column <- designInfo key, values kept as the API gives them.
_DESIGN_COLUMNS = {
    "allocation": "allocation",
    "intervention_model": "interventionModel",
    "intervention_model_description": "interventionModelDescription",
    "observational_model": "observationalModel",
    "time_perspective": "timePerspective",
    "primary_purpose": "primaryPurpose",
}
# eligibilities flag column <- the stdAges group it stands for.
_AGE_GROUPS = {"adult": "ADULT", "child": "CHILD", "older_adult": "OLDER_ADULT"}
_OUTCOME_LISTS = (
    ("primary", "primaryOutcomes"), ("secondary", "secondaryOutcomes"), ("other", "otherOutcomes"),
)


def design_tables(protocol: dict) -> dict[str, list[Row]]:
    """designs, arms, interventions (and their other names), arm links, outcomes, eligibilities."""
    arms = section(protocol, "armsInterventionsModule")
    interventions = objects(arms, "interventions")
    return {
        "designs": _designs(section(protocol, "designModule")),
        "design_groups": [_group(arm) for arm in objects(arms, "armGroups")],
        "interventions": [_intervention(item) for item in interventions],
        "intervention_other_names": _other_names(interventions),
        "design_group_interventions": _group_links(interventions),
        "design_outcomes": _outcomes(section(protocol, "outcomesModule")),
        "eligibilities": _eligibilities(part(protocol, "eligibilityModule")),
    }


def _designs(design: dict) -> list[Row]:
    info = part(design, "designInfo")
    if info is None:
        return []
    row: Row = {column: text(info.get(key)) for column, key in _DESIGN_COLUMNS.items()}
    masking = section(info, "maskingInfo")
    row["masking"] = text(masking.get("masking"))
    row["masking_description"] = text(masking.get("maskingDescription"))
    row.update(named_flags("whoMasked", masking.get("whoMasked"), MASKED_COLUMNS))
    return [row]


def _group(arm: dict) -> Row:
    return {"group_type": text(arm.get("type")), "title": text(arm.get("label")),
            "description": text(arm.get("description"))}


def _intervention(item: dict) -> Row:
    return {"intervention_type": text(item.get("type")), "name": text(item.get("name")),
            "description": text(item.get("description"))}


def _other_names(interventions: list[dict]) -> list[Row]:
    """Each intervention's otherNames, keyed by the intervention's name and its position among the
    interventions (intervention_id: 0 for the first; flows.row_ids makes it the intervention's id)."""
    return [
        {"intervention_name": text(item.get("name")), "name": name, "intervention_id": at}
        for at, item in enumerate(interventions)
        for name in texts(item.get("otherNames"), "otherNames")
    ]


def _group_links(interventions: list[dict]) -> list[Row]:
    """Which arm gets which intervention, as each intervention's armGroupLabels say (the intervention's
    position as in `_other_names`: two interventions may share a name)."""
    return [
        {"design_group": label, "intervention": text(item.get("name")), "intervention_id": at}
        for at, item in enumerate(interventions)
        for label in texts(item.get("armGroupLabels"), "armGroupLabels")
    ]


def _outcomes(outcomes: dict) -> ColumnRows:
    """Primary, then secondary, then other outcomes, one row each (held as columns)."""
    types, measures, time_frames, descriptions = [], [], [], []
    for outcome_type, key in _OUTCOME_LISTS:
        for item in objects(outcomes, key):
            get = item.get
            measure, time_frame, description = get("measure"), get("timeFrame"), get("description")
            # Each value read in place: the usual non-blank string as is, an absent one None, without a call.
            types.append(outcome_type)
            measures.append(measure if type(measure) is str and measure and not measure.isspace()
                            else None if measure is None else text(measure))
            time_frames.append(time_frame if type(time_frame) is str and time_frame and not time_frame.isspace()
                               else None if time_frame is None else text(time_frame))
            descriptions.append(description if type(description) is str and description and not description.isspace()
                                else None if description is None else text(description))
    return ColumnRows({"outcome_type": types, "measure": measures, "time_frame": time_frames,
                       "description": descriptions})


def _eligibilities(module: dict | None) -> list[Row]:
    if module is None:
        return []
    return [{
        "gender": text(module.get("sex")),
        # An absent age limit is NULL, as AACT's API v2 importer stores it (its model's 'N/A' default is unused).
        "minimum_age": text(module.get("minimumAge")),
        "maximum_age": text(module.get("maximumAge")),
        "healthy_volunteers": flag(module, "healthyVolunteers"),
        "criteria": text(module.get("eligibilityCriteria")),
        "sampling_method": text(module.get("samplingMethod")),
        "population": text(module.get("studyPopulation")),
        "gender_based": flag(module, "genderBased"),
        "gender_description": text(module.get("genderDescription")),
        # AACT: whether stdAges names the group; NULL when the record gives no stdAges.
        **named_flags("stdAges", module.get("stdAges"), _AGE_GROUPS),
    }]
