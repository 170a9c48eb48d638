"""meddatax labelled pages: the labelled values of observational and expanded-access records ('Time Perspective',
'Sampling Method', 'Study Population', 'Biospecimen Retention', 'Expanded Access Type'), which a page may show under
Basic Information, Study Design or Eligibility Criteria, each loaded into its AACT column."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.model import Problem, StudyRecord
from schemas.enums import BIOSPEC_RETENTION, SAMPLING_METHOD

# label -> (table, column); the expanded access types fill three flags of studies.
FIELDS = {
    "Observational Model": ("designs", "observational_model"),
    "Time Perspective": ("designs", "time_perspective"),
    "Sampling Method": ("eligibilities", "sampling_method"),
    "Study Population": ("eligibilities", "population"),
    "Biospecimen Retention": ("studies", "biospec_retention"),
    "Biospecimen Description": ("studies", "biospec_description"),
    "Expanded Access Type": ("studies", "expanded_access_type"),
    "Why Stopped": ("studies", "why_stopped"),
}
# The registry's expanded access types as a page may write them ('Individual Patients', 'INTERMEDIATE').
_ACCESS_TYPES = (("individual", re.compile(r"^individual(?: patients?)?$", re.I)),
                 ("intermediate", re.compile(r"^intermediate(?:[- ]size(?: population)?)?$", re.I)),
                 ("treatment", re.compile(r"^treatment(?: ind(?:/protocol)?)?$", re.I)))
_ACCESS_SPLIT = re.compile(r"\s*[,;|]\s*")
CONFLICT = "conflicting values"


def field_values(label: str, value: str) -> tuple[str, dict[str, object]] | Problem:
    """The table and the columns that one labelled value fills, or the problem of a value that is none of its kind."""
    table, column = FIELDS[label]
    if column == "expanded_access_type":
        return _access_types(value)
    if column in ("observational_model", "time_perspective"):
        return table, {column: labels.lookup(column, value)}
    if column in ("sampling_method", "biospec_retention"):
        spelt = labels.enum_spelling(value)
        return table, {column: spelt if spelt in (SAMPLING_METHOD + BIOSPEC_RETENTION) else value}
    return table, {column: value}


def is_access_type(value: str) -> bool:
    """Whether a value lists only the registry's expanded access types ('INDIVIDUAL', 'Intermediate, Treatment')."""
    parts = list(filter(None, _ACCESS_SPLIT.split(value.strip())))
    return bool(parts) and all(any(pattern.match(part) for _, pattern in _ACCESS_TYPES) for part in parts)


def _access_types(value: str) -> tuple[str, dict[str, object]] | Problem:
    """'Individual Patients, Treatment IND/Protocol' -> the flags of the types listed (True); an unknown type is a
    problem, and then no flag is set."""
    flags: dict[str, object] = {}
    for part in filter(None, _ACCESS_SPLIT.split(value.strip())):
        kind = next((kind for kind, pattern in _ACCESS_TYPES if pattern.match(part)), None)
        if kind is None:
            return Problem("unknown value", f"'Expanded Access Type': '{part}' is none of the registry's "
                                            "expanded access types (individual, intermediate, treatment); the types "
                                            "are not read")
        flags[f"expanded_access_type_{kind}"] = True
    return "studies", flags


def apply_fields(record: StudyRecord, found: list[tuple[str, str, str]]) -> list[Problem]:
    """Load each (section, label, value) into its table's row (made when the record has none); a value that
    differs from one already read for the same column is a problem and is not loaded."""
    problems = []
    for section, label, value in found:
        read = field_values(label, value)
        if isinstance(read, Problem):
            problems.append(Problem(read.reason, f"{read.detail} (under '{section}')", record.nct_id))
            continue
        table, columns = read
        row = record.tables["studies"][0] if table == "studies" else _row(record, table)
        for column, new in columns.items():
            if row.get(column) is not None and row[column] != new:
                problems.append(Problem(CONFLICT, f"'{label}' under '{section}': '{value}', where the page also gives "
                                                  f"'{row[column]}'; the first is kept", record.nct_id))
            else:
                row[column] = new
    return problems


def _row(record: StudyRecord, table: str) -> dict[str, object]:
    if not record.tables.get(table):
        record.add(table, {})
    return record.tables[table][0]
