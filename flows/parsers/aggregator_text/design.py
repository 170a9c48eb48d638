"""meddatax study page, design sections: Study Design, Study Groups, Interventions, Eligibility Criteria."""
from __future__ import annotations

import re
from itertools import compress, count, repeat

from flows.parsers import labels
from flows.parsers.aggregator_text import compact_arms
from flows.parsers.masking import masked_flags, role_list
from flows.parsers.model import Problem, StudyRecord
from flows.parsers.page_text import Sections, add_rows, distinct_rows, nonblank, tagged_lines, text_block
from schemas.enums import (ALLOCATION, INTERVENTION_MODEL, MASKING, OBSERVATIONAL_MODEL, PRIMARY_PURPOSE,
                           SEX, TIME_PERSPECTIVE)

_DESIGN_LABELS = {"Allocation Method": "allocation", "Intervention Model": "intervention_model",
                  "Primary Study Purpose": "primary_purpose", "Blinding Strategy": "masking",
                  "Observational Model": "observational_model", "Time Perspective": "time_perspective"}
# Compact pages give bare values: each column is known by its value set (first match wins).
_DESIGN_VALUES = (("allocation", ALLOCATION), ("intervention_model", INTERVENTION_MODEL),
                  ("primary_purpose", PRIMARY_PURPOSE), ("masking", MASKING),
                  ("observational_model", OBSERVATIONAL_MODEL), ("time_perspective", TIME_PERSPECTIVE))
# Each bare design value's column: the first set in _DESIGN_VALUES order that holds it (OTHER: primary_purpose).
_DESIGN_COLUMN: dict[str, str] = {}
for _column, _allowed in _DESIGN_VALUES:
    for _value in _allowed:
        _DESIGN_COLUMN.setdefault(_value, _column)
# An observational study's design gives its model, then its time perspective (OTHER is in both, and in the
# primary purposes): a compact page's bare values are read in that order when the study is observational.
_OBSERVATIONAL_ORDER = (("observational_model", frozenset(OBSERVATIONAL_MODEL)),
                        ("time_perspective", frozenset(TIME_PERSPECTIVE)))
_OBSERVATIONAL_ONLY = frozenset(OBSERVATIONAL_MODEL + TIME_PERSPECTIVE) - {
    value for _, allowed in _DESIGN_VALUES[:4] for value in allowed}
_SEXES = frozenset(SEX)
# The page lists other names without tying each to its intervention in a way this reader knows: not loaded.
UNREAD_OTHER_NAMES = "unread section: other intervention names"
# A type as an API v2 enum ('Group Type ACTIVE_COMPARATOR') or as the registry displays it ('Active Comparator').
_GROUP_TYPE = re.compile(r"^Group Type\s+(\S+|(?:Active|Placebo|Sham) Comparator|No Intervention)$")
_INTERVENTION_TYPE = re.compile(r"^Intervention Type\s+(\S+|Dietary Supplement|Diagnostic Test|Combination Product"
                                r"|Procedure/Surgery)$")
_ELIGIBILITY_LABELS = {"Minimum Eligible Age": "minimum_age", "Maximum Eligible Age": "maximum_age",
                       "Eligible Sex": "gender", "Accepts Healthy Volunteers": "healthy_volunteers"}
_ELIGIBILITY_FOLDED = frozenset(label.casefold() for label in _ELIGIBILITY_LABELS)
_AGE = re.compile(r"^\d+\s+(?:Years?|Months?|Weeks?|Days?|Hours?|Minutes?)$", re.I)
# A limit the record does not set, as a page may show it.
_NO_AGE = frozenset({"N/A", "n/a", "NA"})


def read_design(record: StudyRecord, sections: Sections) -> list[Problem]:
    """Fill designs, design_groups, interventions, design_group_interventions and eligibilities; the problems met."""
    row = study_design(sections.lines("Study Design"), record.study.get("study_type"))
    if any(value is not None for value in row.values()):
        record.add("designs", row)
    groups, interventions = nonblank(sections.lines("Study Groups")), nonblank(sections.lines("Interventions"))
    problems = []
    if anchor_lines(groups, _GROUP_TYPE, "Group Type") or anchor_lines(interventions, _INTERVENTION_TYPE,
                                                                       "Intervention Type"):
        _read_typed_arms(record, groups, interventions)
    else:
        problems = compact_arms.read_into(record, groups, interventions)
    if other_names := nonblank(sections.lines("Other Intervention Names")):
        problems = problems + [Problem(UNREAD_OTHER_NAMES, f"'Other Intervention Names': {len(other_names)} lines "
                                       "not read", record.nct_id)]
    eligibility = eligibility_criteria(sections.lines("Eligibility Criteria"))
    if any(value is not None for value in eligibility.values()):
        record.add("eligibilities", eligibility)
    return problems


def _read_typed_arms(record: StudyRecord, group_lines: list[str], intervention_lines: list[str]) -> None:
    """Study Groups and Interventions where either section labels its types ('Group Type EXPERIMENTAL')."""
    interventions = intervention_list(intervention_lines)
    groups, linked = study_groups(group_lines, interventions)
    add_rows(record, "design_groups", [group for group, _ in groups])
    add_rows(record, "design_group_interventions", [{"design_group": group["title"], "intervention": name}
                                                    for group, names in groups for name in names])
    listed = {row["name"] for row in interventions}
    add_rows(record, "interventions",
             distinct_rows(interventions + [row for row in linked if row["name"] not in listed]))


def study_design(lines: list[str], study_type: object = None) -> dict[str, object]:
    """The design row: labelled or bare enum values; a free line after the model or masking describes it, and
    the masked roles follow the masking (on one line, or one a line)."""
    row: dict[str, object] = {column: None for column, _ in _DESIGN_VALUES}
    row.update(intervention_model_description=None, masking_description=None)
    tagged = tagged_lines(lines, _DESIGN_LABELS)
    observational = study_type == "OBSERVATIONAL" or any(
        value in _OBSERVATIONAL_ONLY for label, value in tagged if not label)
    previous, masked = None, []
    for label, value in tagged:
        column = (_DESIGN_LABELS[label] if label else _observational_column(value, row) if observational
                  else _design_column(value))
        if column and row[column] is None:
            row[column], previous = _enum_value(column, value), column
        elif previous == "intervention_model":
            row["intervention_model_description"] = _joined(row["intervention_model_description"], value)
        elif previous == "masking" and (roles := role_list(value)):
            masked += roles
        elif previous == "masking":
            row["masking_description"] = _joined(row["masking_description"], value)
    if masked:
        row.update(masked_flags(masked))
    return row


def _design_column(value: str) -> str | None:
    return _DESIGN_COLUMN.get(value)


def _observational_column(value: str, row: dict[str, object]) -> str | None:
    """The column of an observational study's bare design value: its model, then its time perspective."""
    return next((column for column, allowed in _OBSERVATIONAL_ORDER if value in allowed and row[column] is None), None)


def _enum_value(column: str, value: str) -> str | None:
    """The API v2 form of a design value ('RANDOMIZED' stays, 'Randomized' -> RANDOMIZED)."""
    if column in ("allocation", "intervention_model", "masking"):
        return labels.lookup(column, value)
    return labels.group_type(value)


def _joined(before: object, value: str) -> str:
    return f"{before}\n{value}" if before else value


def intervention_list(lines: list[str]) -> list[dict[str, object]]:
    """'Interventions': name, description[, 'Intervention Type DRUG'] entries."""
    lines = nonblank(lines)
    anchors = anchor_lines(lines, _INTERVENTION_TYPE, "Intervention Type")
    if not anchors:
        return [_intervention(None, lines[i], lines[i + 1:i + 2]) for i in range(0, len(lines), 2)]
    rows, start = [], 0
    for index in anchors:
        if index > start:
            rows.append(_intervention(_INTERVENTION_TYPE.match(lines[index]).group(1), lines[start],
                                      lines[start + 1:index]))
        start = index + 1
    return rows


def anchor_lines(lines: list[str], pattern: re.Pattern, prefix: str) -> list[int]:
    """Where `pattern` matches, in order; it matches only lines that start with `prefix`, so the others
    are passed over by one C-level startswith test each instead of a pattern match."""
    return [index for index in compress(count(), map(str.startswith, lines, repeat(prefix)))
            if pattern.match(lines[index])]


def _intervention(kind: str | None, name: str, description: list[str]) -> dict[str, object]:
    return {"intervention_type": labels.intervention_type(kind), "name": name,
            "description": text_block(description)}


def study_groups(lines: list[str], known: list[dict]) -> tuple[list[tuple[dict, list[str]]], list[dict]]:
    """The arms with the names of their interventions, and the interventions listed under them."""
    lines = nonblank(lines)
    anchors = anchor_lines(lines, _GROUP_TYPE, "Group Type")
    if not anchors:
        return compact_groups(lines, known), []
    groups, linked, start = [], [], 0
    descriptions = {row["name"]: row["description"] for row in known}
    for number, anchor in enumerate(anchors):
        end = anchors[number + 1] if number + 1 < len(anchors) else len(lines)
        interventions, used = _group_interventions(lines[anchor + 1:end], descriptions, end == len(lines))
        groups.append((_group(_GROUP_TYPE.match(lines[anchor]).group(1), lines[start:anchor]),
                       [row["name"] for row in interventions]))
        linked += interventions
        start = anchor + 1 + used
    return groups, linked


def compact_groups(lines: list[str], known: list[dict]) -> list[tuple[dict, list[str]]]:
    """Compact Study Groups: each arm's title[, description] followed by its interventions as `known` shows them
    (the likeliest reading: fewest arms without a description, then without an intervention)."""
    entries = tuple((row["name"], row["description"]) for row in known)
    arms = compact_arms.arm_readings(lines, entries)[0][1]
    return [(_group(None, [title, text] if text else [title]), list(names)) for title, text, names in arms]


def _group(kind: str | None, head: list[str]) -> dict[str, object]:
    return {"group_type": labels.group_type(kind), "title": head[0] if head else None,
            "description": text_block(head[1:])}


def _group_interventions(tail: list[str], descriptions: dict, last: bool) -> tuple[list[dict], int]:
    """Interventions after a 'Group Type' line ('name', 'Intervention Type X', 'description')."""
    anchors = anchor_lines(tail, _INTERVENTION_TYPE, "Intervention Type")
    rows, used = [], 0
    for number, anchor in enumerate(anchors):
        name = tail[anchor - 1] if anchor > used else None
        if number + 1 < len(anchors):
            after = tail[anchor + 1:anchors[number + 1] - 1]
        elif last:
            after = tail[anchor + 1:]
        else:
            # what follows the last intervention is its description, then the next group's title
            rest = tail[anchor + 1:]
            keep = bool(rest) and (descriptions.get(name) == rest[0] or len(rest) >= 3)
            after = rest[:1] if keep else []
        rows.append(_intervention(_INTERVENTION_TYPE.match(tail[anchor]).group(1), name, after))
        used = anchor + 1 + len(after)
    return rows, used


def eligibility_criteria(lines: list[str]) -> dict[str, object]:
    """Criteria text as shown, then ages, sex and healthy volunteers (labelled or positional)."""
    end = next(compress(count(), map(_ELIGIBILITY_LABELS.__contains__, map(str.strip, lines))), None)
    if end is None:  # a label in another case ('Eligible sex')
        end = next((i for i, line in enumerate(lines) if line.strip().casefold() in _ELIGIBILITY_FOLDED), None)
    if end is not None:
        values = {_ELIGIBILITY_LABELS[label]: value for label, value in tagged_lines(lines[end:], _ELIGIBILITY_LABELS)
                  if label}
    else:
        end, values = _trailing_values(lines)
    return {"gender": labels.lookup("sex", values.get("gender")), "minimum_age": values.get("minimum_age"),
            "maximum_age": values.get("maximum_age"),
            "healthy_volunteers": labels.lookup("yes_no", values.get("healthy_volunteers")),
            "criteria": text_block(lines[:end])}


def _trailing_values(lines: list[str]) -> tuple[int, dict[str, str]]:
    """Compact pages end the criteria with bare values: minimum age, [maximum age,] sex, Yes/No."""
    end, found, ages = len(lines), {}, []
    for index in range(len(lines) - 1, -1, -1):
        value = lines[index].strip()
        if not value:
            continue
        if value in ("Yes", "No") and not found and not ages:
            found["healthy_volunteers"] = value
        elif value in _SEXES and "gender" not in found and not ages:
            found["gender"] = value
        elif (_AGE.match(value) or value in _NO_AGE) and len(ages) < 2:
            ages.insert(0, value)
        else:
            break
        end = index
    found.update(zip(("minimum_age", "maximum_age"), ages))
    return end, found
