"""clincosm study page, the arms table ('Arm Intervention/Treatment', or 'Group/Cohort Intervention/Treatment' for
an observational study): design_groups, interventions and their links."""
from __future__ import annotations

import re
from collections.abc import Sequence

from flows.parsers import labels
from flows.parsers.ctgov_classic_text.typed_lines import ARM_LABELS, INTERVENTION_LABELS, typed_line
from flows.parsers.page_text import distinct_rows, text_block, unbullet

_COHORTS = "Group/Cohort Intervention/Treatment"
TABLE_HEADERS = frozenset({"Arm Intervention/Treatment", _COHORTS})
# An item of a list in a group's description ('1. relatives with ...', '• adults'): never a group's name.
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[\u2022\u25e6\u25aa*-])\s+\S")
# A group shown with no description and no intervention: its label, the blank line under it and the blank line that
# ends its row; the paragraph after them is the next group, not the description of this one.
_EMPTY_CELL_BLANKS = 2


def arms_and_interventions(lines: list[str], listed: list[tuple[str, str]]) -> dict[str, list[dict]]:
    """The arms table: design_groups, interventions (de-duplicated) and their links."""
    entries: list[dict] = []
    arm: dict | None = None
    cohorts, blanks_before = False, 1
    lines = _cells(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped in TABLE_HEADERS:
            cohorts = stripped.startswith("Group/Cohort")
            continue
        kind, label, name = _arm_table_line(line, arm, listed, cohorts, (lines, index + 1))
        if (kind == "text" and cohorts and stripped and blanks_before
                and (_group_is_done(arm, entries) or blanks_before >= _EMPTY_CELL_BLANKS)
                and not _LIST_ITEM.match(stripped)):
            kind, label, name = "arm", None, stripped
        blanks_before = 0 if stripped else blanks_before + 1
        if kind == "arm":
            arm = {"kind": kind, "label": label, "name": name, "lines": [], "links": []}
            entries.append(arm)
        elif kind == "intervention":
            entries.append({"kind": kind, "label": label, "name": name, "lines": [], "other_names": []})
            if arm is not None:
                arm["links"].append(name)
        elif entries and not _other_name(entries[-1], stripped):
            entries[-1]["lines"].append(stripped)
    if groups_undecided(lines):  # only the interventions' types and names are certain
        entries = [{**entry, "lines": []} for entry in entries if entry["kind"] == "intervention"]
    return _arm_rows(entries, listed)


def groups_undecided(lines: list[str]) -> bool:
    """Whether a Group/Cohort table (its groups have no type label) was copied without its blank lines and shows
    more than one line without a type: where one group ends and its description or the next group begins cannot be
    told ('Patients' then 'Controls': one group and its description, or two groups)."""
    shown = [line.strip() for line in _cells(lines)]
    if _COHORTS not in shown:
        return False
    table = shown[shown.index(_COHORTS) + 1:]
    filled = [at for at, line in enumerate(table) if line]
    if not filled or "" in table[filled[0]:filled[-1]]:
        return False
    return sum(not typed_line(line, INTERVENTION_LABELS) for line in table if line) > 1


def _cells(lines: list[str]) -> list[str]:
    """The table's lines with each row copied with its cells parted by tabs ('Experimental: A<TAB>Drug: B', an arm's
    description then its intervention) as a line per cell, as the page shows them."""
    if not any("\t" in line for line in lines):
        return lines
    return [cell for line in lines for cell in ([c for c in line.split("\t") if c.strip()] or [line])]


def _other_name(entry: dict, line: str) -> bool:
    """Whether the line is an intervention's 'Other Names:' label or one of the bulleted names below it (kept)."""
    if entry["kind"] != "intervention":
        return False
    if line.casefold() == "other names:":
        entry["naming"] = True
        return True
    if entry.get("naming") and line and unbullet(line) != line:
        entry["other_names"].append(unbullet(line))
        return True
    entry["naming"] = False
    return False


def _group_is_done(arm: dict | None, entries: list[dict]) -> bool:
    """In a Group/Cohort table (no type labels), whether a new untyped paragraph starts the next group:
    yes unless the current group still waits for its description."""
    return arm is None or entries[-1] is not arm or any(arm["lines"])


def _arm_table_line(line: str, arm: dict | None, listed: list[tuple[str, str]], cohorts: bool = False,
                    after: tuple[Sequence[str], int] = ((), 0)):
    """('arm'|'intervention'|'text', label, name) for one line of the arms table (`after`: the lines below it)."""
    typed = typed_line(line, ARM_LABELS | INTERVENTION_LABELS)
    if not typed:
        return "text", None, None
    label, name = typed
    if label not in ARM_LABELS or (cohorts and label in INTERVENTION_LABELS):
        return "intervention", label, name
    if label not in INTERVENTION_LABELS:
        return "arm", label, name
    # 'Other' is both an arm type and an intervention type. After an arm with interventions, a line with a paragraph
    # below its blank line heads the next arm, even one named as a listed intervention ('Other: Control group').
    if arm is not None and arm["links"] and _described_below(*after):
        return "arm", label, name
    # Otherwise the conditions table lists the interventions.
    if typed in listed or (arm is not None and not arm["links"] and arm["label"] != "No Intervention"):
        return "intervention", label, name
    # Not listed there, under an arm with interventions: only a line shaped as an arm heads a new one.
    if arm is not None and arm["links"] and not _heads_group(*after):
        return "intervention", label, name
    return "arm", label, name


def _described_below(lines: Sequence[str], start: int) -> bool:
    """Whether the typed line whose next line is lines[start] has a blank line below it and then a line of text with
    no type: an arm's description (an intervention's follows on its next line; an arm or an intervention that
    follows an intervention is typed)."""
    if start >= len(lines) or lines[start].strip():
        return False
    text = next((line for line in lines[start + 1:] if line.strip()), None)
    return text is not None and not typed_line(text, ARM_LABELS | INTERVENTION_LABELS) and not _LIST_ITEM.match(
        text.strip())


def _heads_group(lines: Sequence[str], start: int) -> bool:
    """Whether a typed line whose next line is lines[start] is shaped as an arm: a blank line below it (an
    intervention's description follows on the next line), then the arm's description (text after the blank: an
    intervention's never follows one) or an intervention as the next typed line."""
    if start >= len(lines) or lines[start].strip():
        return False
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        if typed := typed_line(line, ARM_LABELS | INTERVENTION_LABELS):
            return typed[0] in INTERVENTION_LABELS
        return True
    return False


def _arm_rows(entries: list[dict], listed: list[tuple[str, str]]) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {"design_groups": [], "interventions": [], "design_group_interventions": [],
                                     "intervention_other_names": []}
    for entry in entries:
        description = text_block(entry["lines"])
        if entry["kind"] == "arm":
            tables["design_groups"].append({"group_type": labels.group_type(entry["label"]),
                                            "title": entry["name"], "description": description})
            tables["design_group_interventions"] += [{"design_group": entry["name"], "intervention": name}
                                                     for name in entry["links"]]
        else:
            tables["interventions"].append({"intervention_type": labels.intervention_type(entry["label"]),
                                            "name": entry["name"], "description": description})
            tables["intervention_other_names"] += [{"intervention_name": entry["name"], "name": other}
                                                   for other in entry["other_names"]]
    shown = {(row["intervention_type"], row["name"]) for row in tables["interventions"]}
    tables["interventions"] += [{"intervention_type": labels.intervention_type(label), "name": name,
                                 "description": None} for label, name in listed
                                if (labels.intervention_type(label), name) not in shown]
    return {table: distinct_rows(rows) for table, rows in tables.items()}

