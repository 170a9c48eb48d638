"""Legacy <clinical_study> design, arms, interventions, outcomes and eligibility -> their AACT tables."""
from __future__ import annotations

from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.masking import masked_flags, masking_and_roles
from flows.parsers.ctgov_xml_design_line import design_line
from flows.parsers.ctgov_xml_fields import api_value, block, own_text, text, texts
from flows.parsers.model import Row
from schemas import enums

# Masked roles as legacy XML names them (pre-2017 records say Subject and Caregiver).
_OUTCOMES = (("primary", "primary_outcome"), ("secondary", "secondary_outcome"), ("other", "other_outcome"))


def design_tables(root: Element) -> dict[str, list[Row]]:
    """designs, arms, interventions (and their other names), arm links, outcomes, eligibilities."""
    interventions = root.findall("intervention")
    return {
        "designs": _designs(_design_values(root)),
        "design_groups": [_group(arm) for arm in root.iterfind("arm_group")],
        "interventions": [_intervention(item) for item in interventions],
        # intervention_id: the intervention's position (0 for the first), which flows.row_ids makes its id.
        "intervention_other_names": [
            {"intervention_name": text(item, "intervention_name"), "name": name, "intervention_id": at}
            for at, item in enumerate(interventions)
            for name in texts(item, "other_name")
        ],
        "design_group_interventions": [
            {"design_group": label, "intervention": text(item, "intervention_name"), "intervention_id": at}
            for at, item in enumerate(interventions)
            for label in texts(item, "arm_group_label")
        ],
        "design_outcomes": [
            {"outcome_type": outcome_type, "measure": text(item, "measure"),
             "time_frame": text(item, "time_frame"), "description": text(item, "description")}
            for outcome_type, tag in _OUTCOMES
            for item in root.iterfind(tag)
        ],
        "eligibilities": _eligibilities(root.find("eligibility")),
    }


def _group(arm: Element) -> Row:
    label = text(arm, "arm_group_type")
    return {"group_type": api_value(labels.group_type(label), label, enums.ARM_GROUP_TYPE, "arm_group_type"),
            "title": text(arm, "arm_group_label"), "description": text(arm, "description")}


def _intervention(item: Element) -> Row:
    label = text(item, "intervention_type")
    return {"intervention_type": api_value(labels.intervention_type(label), label, enums.INTERVENTION_TYPE,
                                               "intervention_type"),
            "name": text(item, "intervention_name"), "description": text(item, "description")}


def _design_values(root: Element) -> dict[str, str] | None:
    """The design as {tag: display label} from <study_design_info> or the older <study_design> line."""
    info = root.find("study_design_info")
    if info is not None:
        values: dict[str, str | None] = {}
        for child in info:  # the first of an element given twice is read, as elsewhere (the second is noted)
            if child.tag not in values:
                values[child.tag] = own_text(child, f"study_design_info/{child.tag}")
        return {tag: value for tag, value in values.items() if value}
    line = text(root, "study_design")
    return None if line is None else design_line(line)


def _designs(values: dict[str, str] | None) -> list[Row]:
    if values is None:
        return []
    label = values.get("masking")
    masking, roles = masking_and_roles(label)
    get = values.get
    row: Row = {
        "allocation": api_value(labels.lookup("allocation", get("allocation")), get("allocation"), enums.ALLOCATION,
                                "allocation"),
        "intervention_model": api_value(labels.lookup("intervention_model", get("intervention_model")),
                                        get("intervention_model"), enums.INTERVENTION_MODEL, "intervention_model"),
        "intervention_model_description": get("intervention_model_description"),
        **{column: api_value(_design_enum(get(column)), get(column), allowed, column)
           for column, allowed in _DESIGN_ENUMS},
        "masking": api_value(masking, label, enums.MASKING, "masking"),
        "masking_description": get("masking_description"),
    }
    row.update(masked_flags(roles))
    return [row]


# The design columns read by `_design_enum`, and their API v2 values.
_DESIGN_ENUMS = (("observational_model", enums.OBSERVATIONAL_MODEL), ("time_perspective", enums.TIME_PERSPECTIVE),
                 ("primary_purpose", enums.PRIMARY_PURPOSE))


def _design_enum(label: str | None) -> str | None:
    """Primary purpose, observational model, time perspective: 'Supportive Care' -> SUPPORTIVE_CARE."""
    # labels.py has no kind for these; their one irregular label is the ECT abbreviation.
    if label and label.strip().lower() == "educational/counseling/training":
        return "ECT"
    return labels.group_type(label)


def _eligibilities(element: Element | None) -> list[Row]:
    if element is None:
        return []
    gender, sampling = text(element, "gender"), text(element, "sampling_method")
    return [{
        "gender": api_value(labels.lookup("sex", gender), gender, enums.SEX, "gender"),
        # Legacy XML states no limit as 'N/A', kept as given; an absent element is no value.
        "minimum_age": text(element, "minimum_age"),
        "maximum_age": text(element, "maximum_age"),
        "healthy_volunteers": _healthy_volunteers(text(element, "healthy_volunteers")),
        "criteria": block(element, "criteria"),
        "sampling_method": api_value(labels.enum_spelling(sampling), sampling, enums.SAMPLING_METHOD,
                                     "sampling_method"),
        "population": block(element, "study_pop"),
        "gender_based": labels.yes_no(text(element, "gender_based")),
        "gender_description": text(element, "gender_description"),
    }]


def _healthy_volunteers(label: str | None) -> bool | None:
    # Legacy XML says 'Accepts Healthy Volunteers' for yes.
    if label and label.lower().startswith("accepts healthy"):
        return True
    return labels.yes_no(label)
