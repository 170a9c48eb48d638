"""clincosm study page, the arms table ('Arm Intervention/Treatment', or 'Group/Cohort Intervention/Treatment' for
an observational study): design_groups, interventions and their links."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from flows.parsers import labels
from flows.parsers.ctgov_classic_text.typed_lines import ARM_LABELS, INTERVENTION_LABELS, typed_line
from flows.parsers.page_text import text_block, unbullet
from flows.parsers.page_values import distinct_rows

_COHORTS = "Group/Cohort Intervention/Treatment"
# The labels an arms table's lines are typed with: an arm's or an intervention's, and those both use ('Other').
_TABLE_LABELS, _SHARED_LABELS = ARM_LABELS | INTERVENTION_LABELS, ARM_LABELS & INTERVENTION_LABELS
TABLE_HEADERS = frozenset({"Arm Intervention/Treatment", _COHORTS})
# An item of a list in a group's description ('1. relatives with ...', '• adults'): never a group's name.
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[\u2022\u25e6\u25aa*-])\s+\S")
# A group shown with no description and no intervention: its label, the blank line under it and the blank line that
# ends its row; the paragraph after them is the next group, not the description of this one.
_EMPTY_CELL_BLANKS = 2
# The tables read as many times as the page shows their rows: an arm row shown twice is two arms (the record lists
# it twice), where an intervention, its links and other names repeat under each arm that gets it.
_AS_SHOWN = frozenset({"design_groups"})
# The registry's limit on an arm's label: a typed line longer than it is text (a description that opens with the
# arm's type), never an arm.
_LONGEST_ARM_LABEL = 100
# A dosing schedule's parts, as a description lists them after its opening words ('...; Dose: 75 mg/m2; Frequency:
# every 3 weeks'): a ';' then a capitalised label and its colon. No arm's label is a schedule.
_SCHEDULE_PART = re.compile(r";\s*[A-Z][A-Za-z]*(?: [a-z]+){0,3}\s*:\s*\S")
# Whether the page's header shows a number of arms (None: the page shows no header numbers that tell).
HeaderArms = Callable[[int], bool] | None


def arms_and_interventions(lines: list[str], listed: list[tuple[str, str]],
                           header_arms: HeaderArms = None) -> dict[str, list[dict]]:
    """The arms table: design_groups, interventions (de-duplicated) and their links (`header_arms`: whether the
    page's header shows a number of arms, which tells an arm's description that opens with a type from an arm)."""
    entries = _entries(lines, listed, header_arms)
    if groups_undecided(lines) or any(entry.get("undecided") for entry in entries):
        # only the types and names of the lines certain to be interventions are certain
        entries = [{**entry, "lines": []} for entry in entries
                   if entry["kind"] == "intervention" and not entry.get("undecided")]
    return _arm_rows(entries, listed)


def typed_descriptions_undecided(lines: list[str], listed: list[tuple[str, str]],
                                 header_arms: HeaderArms = None) -> list[tuple[str, str]]:
    """(arm, line) for each typed line right below an arm's line, before its interventions, that may be the arm's
    description opening with a type ('Experimental: NDLS for Injection, 75 mg/m2') or one more arm shown with neither
    description nor intervention, where neither its shape nor the header's number of arms tells which."""
    return [(entry["above"], entry["shown"]) for entry in _entries(lines, listed, header_arms)
            if entry.get("opens_description") is None and "above" in entry]


def arms_undecided(lines: list[str], listed: list[tuple[str, str]]) -> list[str]:
    """The lines of an Arm table copied without its blank lines that may head an arm or be one more intervention of
    the arm above: 'Other' types an arm and an intervention alike, and without the blank line below an arm's line
    or the tab that parts an arm's cell from its interventions' the next arm cannot be told; and an intervention
    the arm above already has (no arm shows one twice: a line above was an arm). A table with its blank lines has
    none (and is not read again)."""
    if not _without_blank_lines(lines):
        return []
    return [f"{entry['label']}: {entry['name']}" for entry in _shown_entries(lines, listed) if entry.get("undecided")]


def _entries(lines: list[str], listed: list[tuple[str, str]], header_arms: HeaderArms = None) -> list[dict]:
    """The arms table's arms and interventions in page order, each with the lines of its cell; an arm's description
    that opens with a type joined to the arm (_typed_descriptions)."""
    return _typed_descriptions(_shown_entries(lines, listed), header_arms)


def _shown_entries(lines: list[str], listed: list[tuple[str, str]]) -> list[dict]:
    """The arms table's arms and interventions in page order, each with the lines of its cell; an arm's line right
    below the line of an arm with no description or intervention yet, one blank line between them or none, is marked
    with the arm above ('above'): it may open that arm's description."""
    entries: list[dict] = []
    arm: dict | None = None
    cohorts, blanks_before = False, 1
    blankless = _without_blank_lines(lines)
    shapeless = blankless and not any("\t" in line for line in lines)
    lines, row_arms = _cells(lines), _arms_of_tab_rows(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped in TABLE_HEADERS:
            cohorts = stripped.startswith("Group/Cohort")
            continue
        kind, label, name = _arm_table_line(line, arm, listed, cohorts, (lines, index + 1))
        if index in row_arms:
            kind, (label, name) = "arm", typed_line(line, ARM_LABELS)
        elif kind == "intervention" and (_spells_unlisted(arm, entries, (label, name), listed) or _in_a_list(line)
                                         or (not blankless and _described_as_listed(arm, entries, lines, index))):
            kind = "text"
        undecided = not cohorts and bool(arm and arm["links"]) and (
            (shapeless and label in _SHARED_LABELS) or (blankless and name in arm["links"]))
        if _after_other_names(entries, stripped):  # the intervention's cell ends with its other names
            blanks_before = max(blanks_before, 1)
        if (kind == "text" and cohorts and stripped and blanks_before
                and (_group_is_done(arm, entries) or blanks_before >= _EMPTY_CELL_BLANKS)
                and not _LIST_ITEM.match(stripped)):
            kind, label, name = "arm", None, stripped
        blanks_above, blanks_before = blanks_before, 0 if stripped else blanks_before + 1
        if kind == "arm":
            empty = arm is not None and entries[-1] is arm and not any(arm["lines"]) and not arm["links"]
            above = arm if empty else None
            arm = {"kind": kind, "label": label, "name": name, "lines": [], "links": [], "shown": stripped}
            if above is not None and label and not cohorts and blanks_above <= 1:
                arm["above"] = above["name"]
            entries.append(arm)
        elif kind == "intervention":
            entries.append({"kind": kind, "label": label, "name": name, "lines": [], "other_names": [],
                            "undecided": undecided})
            if arm is not None:
                arm["links"].append(name)
        elif entries and not _other_name(entries[-1], stripped):
            entries[-1]["lines"].append(stripped)
    return entries


def _typed_descriptions(entries: list[dict], header_arms: HeaderArms) -> list[dict]:
    """The entries with each arm marked 'above' (an arm's line right below an arm with nothing yet) read as what the
    page tells: the arm's description when the line runs as a sentence (longer than any arm's label, or a dosing
    schedule: '...; Dose: 75 mg/m2; Frequency: ...'), or when the header shows as many arms as the table has without
    the lines left undecided and not as many with them; one more arm when the header shows that count. A line
    neither tells is marked undecided (its arms, descriptions and links are not loaded)."""
    doubtful = [entry for entry in entries if "above" in entry]
    if not doubtful:
        return entries
    for entry in doubtful:
        entry["opens_description"] = True if _runs_as_sentence(entry["name"], entry["shown"]) else None
    left = [entry for entry in doubtful if entry["opens_description"] is None]
    arms = sum(entry["kind"] == "arm" for entry in entries)
    described = arms - sum(bool(entry["opens_description"]) for entry in doubtful)
    if left and header_arms is not None:
        as_arms, as_descriptions = header_arms(described), header_arms(described - len(left))
        if as_arms != as_descriptions:
            for entry in left:
                entry["opens_description"] = as_descriptions
    joined: list[dict] = []
    for entry in entries:
        if entry.get("opens_description"):
            above = joined[-1]
            above["lines"] = [entry["shown"], *entry["lines"]]
            above["links"] = entry["links"]
            continue
        if entry.get("opens_description", False) is None:
            entry["undecided"] = True
        joined.append(entry)
    return joined


def _runs_as_sentence(name: str, shown: str) -> bool:
    """Whether a typed line (`name`: its text after the type) runs as a description's sentence: longer than the
    registry lets an arm's label be, or with a dosing schedule's parts."""
    return len(name) > _LONGEST_ARM_LABEL or bool(_SCHEDULE_PART.search(shown))


def _spells_unlisted(arm: dict | None, entries: list[dict], typed: tuple[str, str],
                     listed: list[tuple[str, str]]) -> bool:
    """Whether a line typed as an intervention begins a description, the arm's (below the arm's line, above its first
    intervention) or an intervention's (right below the intervention's line), and names none of the interventions the
    conditions table lists, where it lists them: the description's own text ('Biological: 5 cc ViviGen. Patients of
    this group receive ...', 'Procedure: Instrumented lumbar fusion' right below 'Device: Bone graft'), not an
    intervention."""
    if not listed or arm is None or typed in listed:
        return False
    return entries[-1] is arm or not any(entries[-1]["lines"]) and not entries[-1]["other_names"]


def _in_a_list(line: str) -> bool:
    """Whether a typed line is an item of a list ('* Device: Bone graft', '• Drug: A'): the table shows its arms and
    interventions without bullets, so the item is a description's text (an intervention's other names are read
    apart)."""
    return unbullet(line) != line.strip()


def _described_as_listed(arm: dict | None, entries: list[dict], lines: Sequence[str], index: int) -> bool:
    """Whether the first line under an arm's line, a listed intervention's, is the arm's description that names it:
    the same line follows after the blank line that ends the description ('Behavioral: Patient education' twice). An
    arm's cell shows an intervention once, and an intervention's description follows it with no blank line."""
    if arm is None or entries[-1] is not arm or any(arm["lines"]):
        return False
    if index + 1 >= len(lines) or lines[index + 1].strip():  # an intervention's description follows on its next line
        return False
    below = next((line for line in lines[index + 2:] if line.strip()), None)
    return below is not None and below.strip() == lines[index].strip()


def _without_blank_lines(lines: list[str]) -> bool:
    """Whether the table was copied without a blank line between its first and last lines (the page shows one below
    every arm's line): then only the lines' types and tab-parted cells tell arms from interventions."""
    filled = [at for at, line in enumerate(lines) if line.strip() and line.strip() not in TABLE_HEADERS]
    return bool(filled) and all(line.strip() for line in lines[filled[0]:filled[-1] + 1])


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


def _arms_of_tab_rows(lines: list[str]) -> set[int]:
    """Where, in the lines as _cells gives them, the arm of a row copied with its cells parted by a tab stands: the
    cell before the tab ends the row's first column (the arm's line, or its description's last line), so the arm is
    the nearest line at or above that cell, below the row above's tab, typed with an arm's label ('Other: Control
    group' above 'Usual care.<TAB>Other: Control group' is the arm, not an intervention). Groups of a Group/Cohort
    table have no type: none is told this way."""
    if not any("\t" in line for line in lines):
        return set()
    shown, arms = _cells(lines), set()
    at, row_above, cohorts = 0, -1, False
    for line in lines:
        cells = len([cell for cell in line.split("\t") if cell.strip()]) or 1
        if line.strip() in TABLE_HEADERS:
            row_above, cohorts = at, line.strip() == _COHORTS
        elif cells > 1 and not cohorts:
            arm = next((up for up in range(at, row_above, -1) if typed_line(shown[up], ARM_LABELS)), None)
            if arm is not None:
                arms.add(arm)
            row_above = at + 1
        at += cells
    return arms


def _after_other_names(entries: list[dict], line: str) -> bool:
    """Whether the line of text comes right below an intervention's list of other names: the list ends the
    intervention's cell, so the line begins the table's next row (a printed copy drops the blank line between them
    where a sheet ends)."""
    if not line or not entries or not entries[-1].get("naming") or unbullet(line) != line:
        return False
    return line.casefold() != "other names:" and not typed_line(line, _TABLE_LABELS)


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
    typed = typed_line(line, _TABLE_LABELS)
    if not typed:
        return "text", None, None
    label, name = typed
    if label not in ARM_LABELS or (cohorts and label in INTERVENTION_LABELS):
        return "intervention", label, name
    if label not in INTERVENTION_LABELS:
        return "arm", label, name
    # 'Other' is both an arm type and an intervention type. After an arm with interventions, a line with a paragraph
    # below its blank line heads the next arm, even one named as a listed intervention ('Other: Control group').
    if arm is not None and arm["links"] and (_described_below(*after) or _row_above_ended(*after)):
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
    return text is not None and not typed_line(text, _TABLE_LABELS) and not _LIST_ITEM.match(
        text.strip())


def _row_above_ended(lines: Sequence[str], start: int) -> bool:
    """Whether the typed line whose next line is lines[start] comes after the blank line that ends the row above:
    an arm's interventions follow one another with no blank line between them, so the line starts the next row (an
    arm whose own blank line below a printed copy dropped at a sheet's end)."""
    return start >= 2 and not lines[start - 2].strip() and any(line.strip() for line in lines[:start - 2])


def _heads_group(lines: Sequence[str], start: int) -> bool:
    """Whether a typed line whose next line is lines[start] is shaped as an arm: a blank line below it (an
    intervention's description follows on the next line), then the arm's description (text after the blank: an
    intervention's never follows one) or an intervention as the next typed line."""
    if start >= len(lines) or lines[start].strip():
        return False
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        if typed := typed_line(line, _TABLE_LABELS):
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
    tables["interventions"] = _with_blank_lines_kept(tables["interventions"])
    return {table: rows if table in _AS_SHOWN else distinct_rows(rows) for table, rows in tables.items()}


def _with_blank_lines_kept(rows: list[dict]) -> list[dict]:
    """Interventions shown under several arms, each with the description it has wherever the page shows it: where
    the same intervention's description differs only in its blank lines (a printed copy drops the blank line that
    falls at a sheet's end), the one with the most blank lines is the page's."""
    fullest: dict[tuple, str] = {}
    for row in rows:
        if row["description"] is not None:
            shown = fullest.setdefault(_lines_shown(row), row["description"])
            if row["description"].count("\n") > shown.count("\n"):
                fullest[_lines_shown(row)] = row["description"]
    return [row if row["description"] is None else {**row, "description": fullest[_lines_shown(row)]}
            for row in rows]


def _lines_shown(row: dict) -> tuple:
    """An intervention as its type, name and the lines of its description that are not blank."""
    return row["intervention_type"], row["name"], tuple(line for line in row["description"].split("\n")
                                                        if line.strip())

