"""meddatax study page, Study Groups and Interventions where either labels its types ('Group Type EXPERIMENTAL',
'Intervention Type DRUG'): each arm with its interventions, and the interventions."""
from __future__ import annotations

import re
from itertools import compress, count, repeat

from flows.parsers import labels
from flows.parsers.aggregator_text import compact_arms
from flows.parsers.aggregator_text.untyped_groups import anchored_groups
from flows.parsers.model import Problem, StudyRecord
from flows.parsers.page_text import nonblank, text_block
from flows.parsers.page_values import add_rows, distinct_rows

# A type as an API v2 enum ('Group Type ACTIVE_COMPARATOR') or as the registry displays it ('Active Comparator').
_GROUP_TYPE = re.compile(r"^Group Type\s+(\S+|(?:Active|Placebo|Sham) Comparator|No Intervention)$")
_INTERVENTION_TYPE = re.compile(r"^Intervention Type\s+(\S+|Dietary Supplement|Diagnostic Test|Combination Product"
                                r"|Procedure/Surgery)$")


def read_typed_arms(record: StudyRecord, group_lines: list[str], intervention_lines: list[str]) -> list[Problem]:
    """Study Groups and Interventions where either section labels its types ('Group Type EXPERIMENTAL'); the
    problem of groups that cannot be read."""
    interventions = intervention_list(intervention_lines)
    groups, linked = study_groups(group_lines, interventions)
    if isinstance(groups, Problem):
        add_rows(record, "interventions", distinct_rows(interventions))
        return [Problem(groups.reason, groups.detail, record.nct_id)]
    add_rows(record, "design_groups", [group for group, _ in groups])
    add_rows(record, "design_group_interventions", [{"design_group": group["title"], "intervention": name}
                                                    for group, names in groups for name in names])
    listed = {row["name"] for row in interventions}
    add_rows(record, "interventions",
             distinct_rows(interventions + [row for row in linked if row["name"] not in listed]))
    return []


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


def study_groups(lines: list[str], known: list[dict]) -> tuple[list[tuple[dict, list[str]]] | Problem, list[dict]]:
    """The arms with the names of their interventions, and the interventions listed under them (or the problem
    of groups that cannot be read)."""
    lines = nonblank(lines)
    anchors = anchor_lines(lines, _GROUP_TYPE, "Group Type")
    descriptions = {row["name"]: row["description"] for row in known}
    if not anchors and (typed := anchor_lines(lines, _INTERVENTION_TYPE, "Intervention Type")):
        return _untyped_groups(anchored_groups(lines, typed, _INTERVENTION_TYPE, descriptions))
    if not anchors:
        return compact_groups(lines, known), []
    groups, linked, start = [], [], 0
    for number, anchor in enumerate(anchors):
        end = anchors[number + 1] if number + 1 < len(anchors) else len(lines)
        interventions, used = _group_interventions(lines[anchor + 1:end], descriptions, end == len(lines))
        groups.append((_group(_GROUP_TYPE.match(lines[anchor]).group(1), lines[start:anchor]),
                       [row["name"] for row in interventions]))
        linked += interventions
        start = anchor + 1 + used
    return groups, linked


def _untyped_groups(groups: list | Problem) -> tuple[list[tuple[dict, list[str]]] | Problem, list[dict]]:
    """Groups without a type read from their heads and interventions."""
    if isinstance(groups, Problem):
        return groups, []
    rows = [(_group(None, head), [_intervention(kind, name, text) for name, kind, text in listed])
            for head, listed in groups]
    return [(group, [row["name"] for row in listed]) for group, listed in rows], [row for _, listed in rows
                                                                                   for row in listed]


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
            shown = _shown_lines(descriptions.get(name))
            # the description as Interventions gives it, on its lines, and the next group's title below it
            if shown and len(rest) > len(shown) and rest[:len(shown)] == shown:
                after = shown
            else:
                keep = bool(rest) and (descriptions.get(name) == rest[0] or len(rest) >= 3)
                after = rest[:1] if keep else []
        rows.append(_intervention(_INTERVENTION_TYPE.match(tail[anchor]).group(1), name, after))
        used = anchor + 1 + len(after)
    return rows, used


def _shown_lines(description: object) -> list[str]:
    """The non-blank lines of a description as the Interventions section gives it (a registry description may hold
    several paragraphs or a list: 'Oral capsule once daily.', 'Each cycle is 21 days.')."""
    return nonblank(str(description).split("\n")) if description else []
