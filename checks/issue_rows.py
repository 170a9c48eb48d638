"""Findings as `quality_issues` rows: their columns (a rule's defaults filled in, evidence cut to an excerpt), the
run's columns added, what they quote masked, and their writing in place of the scope's previous issues."""
from __future__ import annotations

from datetime import date

import duckdb
import pyarrow as pa

from checks.rule import SEVERITIES, Finding, Rule
from warehouse.connect import transaction
from warehouse.memory_limit import deleting_from
from warehouse.personal_text import masked_column


ISSUE_SCHEMA = pa.schema([
    ("run_id", pa.string()), ("nct_id", pa.string()), ("rule_id", pa.string()),
    ("category", pa.string()), ("severity", pa.string()), ("fields", pa.list_(pa.string())),
    ("message", pa.string()), ("evidence", pa.string()), ("as_of", pa.date32()),
])
# Evidence is an excerpt, not a document: long texts are cut to this many characters.
EVIDENCE_LIMIT = 600


def clip(text: str) -> str:
    """The text cut to EVIDENCE_LIMIT characters, with an ellipsis where it was cut."""
    return text if len(text) <= EVIDENCE_LIMIT else text[: EVIDENCE_LIMIT - 1] + "…"


# One rule's findings as issue columns, the rule's defaults filled in (the run's columns are added on writing).
FOUND_SCHEMA = pa.schema([(name, ISSUE_SCHEMA.field(name).type)
                          for name in ("nct_id", "severity", "fields", "message", "evidence")])


def issue_columns(rule: Rule, found: list[Finding]) -> pa.Table:
    """A function rule's findings as issue columns: each finding's fields and severity, else the rule's."""
    return pa.Table.from_arrays([
        pa.array([f.nct_id for f in found], pa.string()),
        pa.array([f.severity if f.severity in SEVERITIES else rule.severity for f in found], pa.string()),
        pa.array([list(f.fields or rule.fields) for f in found], FOUND_SCHEMA.field("fields").type),
        pa.array([f.message for f in found], pa.string()),
        pa.array([clip(f.evidence) for f in found], pa.string()),
    ], schema=FOUND_SCHEMA)


def issue_rows(run_id: str, rule: Rule, found: pa.Table, as_of: date) -> pa.Table:
    """A rule's issue rows: its found columns with the run's and the rule's."""
    def same(value, kind: pa.DataType) -> pa.Array:
        return pa.repeat(pa.scalar(value, kind), found.num_rows)
    columns = {"run_id": same(run_id, pa.string()), "rule_id": same(rule.id, pa.string()),
               "category": same(rule.category, pa.string()), "as_of": same(as_of, pa.date32())}
    return pa.Table.from_arrays([columns[name] if name in columns else found.column(name)
                                 for name in ISSUE_SCHEMA.names], schema=ISSUE_SCHEMA)


def masked(issues: pa.Table) -> pa.Table:
    """The chunk's issues with what their rules quote from records masked where it is a contact's email or phone
    written into a record's text (warehouse.personal_text), once over every rule's issues."""
    for name in ("message", "evidence"):
        at = issues.schema.get_field_index(name)
        issues = issues.set_column(at, ISSUE_SCHEMA.field(name), masked_column(issues.column(name)))
    return issues


def write_issues(con: duckdb.DuckDBPyConnection, issues: pa.Table) -> None:
    """Replace the issues of the scoped studies with `issues` and mark them checked, in one transaction."""
    # Issues go in sorted, so the table's row order (and any export of it) is the same on every run.
    issues = issues.sort_by([("nct_id", "ascending"), ("rule_id", "ascending"), ("message", "ascending"),
                             ("evidence", "ascending")])
    deleting_from(con, ("quality_issues", "meta.unchecked_studies"))  # the records of the rows deleted are held
    con.register("_issues_in", issues)
    try:
        with transaction(con):
            con.execute("DELETE FROM quality_issues WHERE nct_id IN (SELECT nct_id FROM check_scope)")
            con.execute("INSERT INTO quality_issues SELECT * FROM _issues_in")
            con.execute("DELETE FROM meta.unchecked_studies WHERE nct_id IN (SELECT nct_id FROM check_scope)")
    finally:
        con.unregister("_issues_in")
