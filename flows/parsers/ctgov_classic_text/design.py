"""clincosm study page, design sections: conditions table, Study Design, arms, outcome measures."""
from __future__ import annotations

import re
from collections.abc import Sequence

from flows.parsers import labels
from flows.parsers.dates import date_columns
from flows.parsers.masking import masked_flags, masking_and_roles
from flows.parsers.page_text import (distinct_rows, int_value, labelled_values, nonblank, split_sections,
                                     text_block, unbullet)

ARM_LABELS = frozenset({"Experimental", "Active Comparator", "Placebo Comparator", "Sham Comparator",
                        "No Intervention", "Other"})
INTERVENTION_LABELS = frozenset({"Drug", "Device", "Biological", "Procedure", "Procedure/Surgery",
                                 "Radiation", "Behavioral", "Genetic", "Dietary Supplement",
                                 "Combination Product", "Diagnostic Test", "Other"})
_TYPED = re.compile(r"^([A-Z][A-Za-z /]*?):\s+(\S.*)$")
# The table's Phase column: one phase or several on a line ('Phase 1 Phase 2', 'Phase 2, Phase 3', 'Phase II'), read
# as labels.written_phase reads a phase once the gaps between them are slashes; or no phase.
_NO_PHASE = frozenset({"n/a", "not applicable"})
_PHASE_GAP = re.compile(r"(?<!Early)\s+(?=(?:Early\s+)?Phase)", re.I)
# A date label without Actual/Anticipated leaves the date type unknown (NULL).
_DATED = re.compile(r"^(?:(Actual|Anticipated|Estimated) )?(Study Start|Primary Completion|Study Completion) Date$",
                    re.I)
_ENROLLMENT = re.compile(r"^(?:(Actual|Anticipated|Estimated) )?Enrollment$", re.I)
# Study Design labels read elsewhere or shown for information only (not warehouse columns).
_DESIGN_LABELS = frozenset({
    "Study Type", "Official Title", "Allocation", "Intervention Model", "Intervention Model Description",
    "Masking", "Masking Description", "Primary Purpose", "Observational Model", "Time Perspective",
    "Target Follow-Up Duration", "Biospecimen Retention", "Biospecimen Description", "Patient Registry",
    "Expanded Access Type", "Number of Groups/Cohorts"})
_TABLE_HEADERS = frozenset({"Arm Intervention/Treatment", "Group/Cohort Intervention/Treatment"})
_DATE_PREFIX = {"study start": "start_date", "primary completion": "primary_completion_date",
                "study completion": "completion_date"}
# A Study Design label in another case ('Study type', 'Actual enrollment') is the label it spells.
_DESIGN_CASE = {label.casefold(): label for label in _DESIGN_LABELS}
_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(\S.*)$")
_LAST_BRACKET = re.compile(r"^(.*?)\s*\[([^\[\]]*)\]\s*$")
_OUTCOME_HEADINGS = {"Primary Outcome Measures": "primary", "Secondary Outcome Measures": "secondary",
                     "Other Outcome Measures": "other"}
_OUTCOME_SECTIONS = frozenset(_OUTCOME_HEADINGS)


def typed_line(line: str, allowed: frozenset[str]) -> tuple[str, str] | None:
    """'Drug: Baricitinib' -> ('Drug', 'Baricitinib') when the label is one of `allowed`."""
    text = unbullet(line)
    if ":" not in text:  # _TYPED needs a colon: a line without one is no typed line (most arm table lines)
        return None
    match = _TYPED.match(text)
    return (match.group(1), match.group(2).strip()) if match and match.group(1) in allowed else None


def _phase_line(line: str) -> str | None:
    """The line as one phase label ('Phase 1/Phase 2') when it holds only phases (or no phase), else None."""
    joined = _PHASE_GAP.sub("/", line.strip())
    return joined if line.strip().casefold() in _NO_PHASE or labels.written_phase(joined) else None


def condition_table(lines: list[str]) -> tuple[list[str], list[tuple[str, str]], str | None]:
    """The 'Condition or Disease Intervention/Treatment Phase' table: conditions, interventions, phase."""
    conditions, interventions, phases = [], [], []
    for line in nonblank(lines):
        typed = typed_line(line, INTERVENTION_LABELS)
        if typed:
            interventions.append(typed)
        elif (phase := _phase_line(line)) is not None:
            phases.append(phase)
        else:
            conditions.append(unbullet(line))
    return conditions, interventions, labels.phase("/".join(phases)) if phases else None


def study_design(lines: list[str]) -> tuple[dict[str, object], dict[str, object], list[str]]:
    """The 'Study Design' key/value block: (studies columns, designs row, labels it does not know)."""
    values = {key if key in _DESIGN_LABELS else _DESIGN_CASE.get(key.casefold(), key): " ".join(value)
              for key, value in labelled_values(lines).items()}
    study: dict[str, object] = {"official_title": values.get("Official Title") or None,
                                "study_type": labels.lookup("study_type", values.get("Study Type"))}
    unknown = []
    for key, value in values.items():
        # a key is stripped: one not ending in 'Enrollment' or 'Date' matches neither pattern (and no
        # design label ends so: those keys are told by one set lookup)
        if key in _DESIGN_LABELS:
            continue
        if key[-10:].casefold() == "enrollment" and (match := _ENROLLMENT.match(key)):
            study["enrollment"] = int_value(value)
            study["enrollment_type"] = labels.lookup("enrollment_type", match.group(1)) if value else None
        elif key[-4:].casefold() == "date" and (match := _DATED.match(key)):
            date_type = labels.lookup("date_type", match.group(1)) if value else None
            study.update(date_columns(_DATE_PREFIX[match.group(2).casefold()], value or None, date_type))
        else:
            unknown.append(key)
    return study, _design_row(values), unknown


def _design_row(values: dict[str, str]) -> dict[str, object]:
    masking, roles = masking_and_roles(values.get("Masking"))
    return {
        "allocation": labels.lookup("allocation", values.get("Allocation")),
        "intervention_model": labels.lookup("intervention_model", values.get("Intervention Model")),
        "intervention_model_description": values.get("Intervention Model Description") or None,
        "observational_model": labels.lookup("observational_model", values.get("Observational Model")),
        "time_perspective": labels.lookup("time_perspective", values.get("Time Perspective")),
        "primary_purpose": labels.lookup("primary_purpose", values.get("Primary Purpose")),
        "masking": masking,
        "masking_description": values.get("Masking Description") or None,
        **masked_flags(roles),
    }


def arms_and_interventions(lines: list[str], listed: list[tuple[str, str]]) -> dict[str, list[dict]]:
    """The arms table: design_groups, interventions (de-duplicated) and their links."""
    entries: list[dict] = []
    arm: dict | None = None
    cohorts, blank_before = False, True
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped in _TABLE_HEADERS:
            cohorts = stripped.startswith("Group/Cohort")
            continue
        kind, label, name = _arm_table_line(line, arm, listed, cohorts, (lines, index + 1))
        if kind == "text" and cohorts and stripped and blank_before and _group_is_done(arm, entries):
            kind, label, name = "arm", None, stripped
        blank_before = not stripped
        if kind == "arm":
            arm = {"kind": kind, "label": label, "name": name, "lines": [], "links": []}
            entries.append(arm)
        elif kind == "intervention":
            entries.append({"kind": kind, "label": label, "name": name, "lines": [], "other_names": []})
            if arm is not None:
                arm["links"].append(name)
        elif entries and not _other_name(entries[-1], stripped):
            entries[-1]["lines"].append(stripped)
    return _arm_rows(entries, listed)


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
    # 'Other' is both an arm type and an intervention type: the conditions table lists the interventions.
    if typed in listed or (arm is not None and not arm["links"] and arm["label"] != "No Intervention"):
        return "intervention", label, name
    # Not listed there, under an arm with interventions: only a line shaped as an arm heads a new one.
    if arm is not None and arm["links"] and not _heads_group(*after):
        return "intervention", label, name
    return "arm", label, name


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


def outcome_measures(lines: list[str]) -> list[dict[str, object]]:
    """'1. ESSDAI [12 weeks]' lines with their indented descriptions, per outcome heading."""
    parts = split_sections(lines, _OUTCOME_SECTIONS)
    rows: list[dict[str, object]] = []
    for heading, outcome_type in _OUTCOME_HEADINGS.items():
        items: list[tuple[str, list[str]]] = []
        indent = 0
        for line in parts.lines(heading):
            match = _NUMBERED.match(line) if line else None  # a blank line is never a numbered one
            # a numbered line indented deeper than the first outcome is a list in the description above it
            if match and int(match.group(1)) == len(items) + 1 and (not items or _indent(line) <= indent):
                indent = indent if items else _indent(line)
                items.append((match.group(2).strip(), []))
            elif items:
                items[-1][1].append(line.strip())
        rows += [{"outcome_type": outcome_type, **_labelled_time_frame(_measure(text)),
                  "description": text_block(more)} for text, more in items]
    return rows


def _labelled_time_frame(measure: dict[str, str | None]) -> dict[str, str | None]:
    """The time frame without the label the registry's own page puts in its bracket ('[ Time Frame: 12 weeks ]')."""
    label, colon, rest = (measure["time_frame"] or "").partition(":")
    if colon and label.strip().casefold() == "time frame":
        return {**measure, "time_frame": rest.strip() or None}
    return measure


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _measure(text: str) -> dict[str, str | None]:
    """The measure and the time frame: the last [bracketed] part of the outcome line.

    What _LAST_BRACKET matches, found by string search on a line (the pattern tries every length of
    the measure): the text ends with ']' (then whitespace), the last '[' before it opens a bracket
    with no ']' inside, and the measure is what precedes that '[' without its trailing whitespace."""
    if "\n" not in text:  # '.' and '$' read a line break specially: such text goes to the pattern
        body = text.rstrip()
        if body[-1:] == "]":
            at = body.rfind("[", 0, len(body) - 1)
            if at >= 0 and body.find("]", at, len(body) - 1) < 0:
                return {"measure": body[:at].rstrip() or None, "time_frame": body[at + 1:-1].strip() or None}
        return {"measure": text, "time_frame": None}
    return _measure_by_pattern(text)


def _measure_by_pattern(text: str) -> dict[str, str | None]:
    """_measure read with the pattern (the plain reading)."""
    match = _LAST_BRACKET.match(text)
    if not match:
        return {"measure": text, "time_frame": None}
    return {"measure": match.group(1) or None, "time_frame": match.group(2).strip() or None}
