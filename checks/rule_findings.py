"""A rule's findings on a scope: a SQL rule's query kept to the scope, its rows settled as issue columns (whole, or
streamed in batches), and the findings of field-selected extracts left out for the rules that judge absence."""
from __future__ import annotations

from typing import Iterator

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from checks.issue_rows import EVIDENCE_LIMIT, FOUND_SCHEMA, clip
from checks.rule import SEVERITIES, CheckScope, Finding, Rule, current_extracts_sql


def _scoped_sql(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope,
                narrowed: bool = False) -> duckdb.DuckDBPyConnection:
    """Run a SQL rule on the scoped studies: the executed cursor.

    `narrowed`: the tables read hold only the scope's studies (scoped copies) or the scope is every study, so
    the rule's SQL runs as written and its rows are kept to the scope by the caller (`_in_scope`): the join to
    `check_scope` would only add to the statement's planning and execution, which at a small scope are most
    of its cost, and would narrow no scan."""
    params = {"as_of": scope.as_of} if "$as_of" in rule.sql else {}
    if rule.params is not None:
        params.update(rule.params())
    if narrowed:
        return con.execute(rule.sql, params)
    return con.execute(
        f"SELECT * FROM ({rule.sql}) AS r WHERE r.nct_id IN (SELECT nct_id FROM check_scope)",
        params,
    )


def _in_scope(found: pa.Table, scope: CheckScope) -> pa.Table:
    """The rows of `found` whose nct_id is in the scope: what `r.nct_id IN (SELECT nct_id FROM check_scope)`
    keeps (a NULL or an id outside it is dropped)."""
    if not found.num_rows:
        return found
    ids = scope.shared(("id array", scope.nct_ids), lambda: pa.array(list(scope.nct_ids), pa.string()))
    keep = pc.is_in(found.column("nct_id").cast(pa.string()), value_set=ids)
    return found if pc.all(keep).as_py() else found.filter(keep)


def findings_of(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope) -> list[Finding]:
    """Evaluate one rule over the scoped studies; the engine keeps only findings inside the scope."""
    if rule.func is not None:
        found = [f for f in rule.func(con, scope) if f.nct_id in scope.nct_ids]
        return _not_of(found, _extracts(con, scope)) if rule.absence_judged else found
    # A SQL rule's findings are read the one way the run reads them (found_table), settled.
    return [Finding(row["nct_id"], row["message"], row["evidence"], tuple(row["fields"]), row["severity"])
            for row in found_table(con, rule, scope).to_pylist()]


def found_table(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope, narrowed: bool = False) -> pa.Table:
    """A SQL rule's findings on the scoped studies, column by column, with a finding's fields, severity and
    evidence settled as `issue_columns` settles a function rule's. `narrowed`: see `_scoped_sql`."""
    return _settled(con, rule, scope, _scoped_sql(con, rule, scope, narrowed).to_arrow_table(), narrowed)


# The rows of a SQL rule's findings settled and parked at a time in a check's pass over all its studies.
FOUND_BATCH_ROWS = 20_000


def found_batches(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope) -> Iterator[pa.Table]:
    """`found_table`, FOUND_BATCH_ROWS rows at a time as the rule's query streams them, so that a rule that
    flags every study of a large check is never held whole. The query keeps to the scope itself: a batch
    kept to it here would look up every id of a large scope again. No other statement may run on `con`
    meanwhile: it would end the query (what an absence-judged rule reads besides is read first)."""
    if rule.absence_judged:
        _extracts(con, scope)
    for batch in _scoped_sql(con, rule, scope).fetch_record_batch(FOUND_BATCH_ROWS):
        found = _settled(con, rule, scope, pa.Table.from_batches([batch]), narrowed=False)
        if found.num_rows:
            yield found


def _settled(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope, found: pa.Table,
             narrowed: bool) -> pa.Table:
    """Rows a SQL rule's query gave, settled as `found_table` says."""
    if narrowed:
        found = _in_scope(found, scope)
    if rule.absence_judged and found.num_rows:
        found = _not_of(found, _extracts(con, scope))
    rows, names = found.num_rows, found.column_names
    if not rows:
        return FOUND_SCHEMA.empty_table()
    if "evidence" not in names:
        evidence = pa.array([""] * rows, pa.string())
    elif pa.types.is_string(found.schema.field("evidence").type):
        evidence = found.column("evidence").fill_null("")
        if pc.max(pc.utf8_length(evidence)).as_py() > EVIDENCE_LIMIT:
            evidence = pa.array([clip(text) for text in evidence.to_pylist()], pa.string())
    else:  # evidence that is not text: as a Finding turns it into text
        evidence = pa.array([clip(str(value or "")) for value in found.column("evidence").to_pylist()], pa.string())
    default_fields = pa.scalar(list(rule.fields), FOUND_SCHEMA.field("fields").type)
    if "fields" in names:
        fields = found.column("fields").cast(FOUND_SCHEMA.field("fields").type)
        given = pc.fill_null(pc.greater(pc.list_value_length(fields), 0), False)
        fields = pc.if_else(given, fields, default_fields)
    else:
        fields = pa.repeat(default_fields, rows)
    if "severity" in names:
        severity = found.column("severity").cast(pa.string())
        valid = pc.fill_null(pc.is_in(severity, value_set=pa.array(SEVERITIES, pa.string())), False)
        severity = pc.if_else(valid, severity, pa.scalar(rule.severity, pa.string()))
    else:
        severity = pa.repeat(pa.scalar(rule.severity, pa.string()), rows)
    return pa.Table.from_arrays([found.column("nct_id").cast(pa.string()), severity, fields,
                                 found.column("message").cast(pa.string()), evidence], schema=FOUND_SCHEMA)


def field_selected(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> frozenset[str]:
    """The scoped studies whose current version is a field-selected extract (flows.parsers.model.FIELD_SELECTED):
    what it leaves out may be in the record, so rules that flag what a record does not give skip them."""
    found = con.execute(f"SELECT nct_id FROM ({current_extracts_sql('main.studies')})").fetchall()
    return frozenset(row[0] for row in found)


def _extracts(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> frozenset[str]:
    """`field_selected`, read once per scope (a rule that flags what a record does not give skips them)."""
    return scope.shared(("field-selected extracts",), lambda: field_selected(con, scope))


def _not_of(found: pa.Table | list[Finding], studies: frozenset[str]) -> pa.Table | list[Finding]:
    """The findings of other studies than these."""
    if not studies:
        return found
    if isinstance(found, pa.Table):
        keep = pc.invert(pc.is_in(found.column("nct_id"), value_set=pa.array(sorted(studies), pa.string())))
        return found.filter(keep)
    return [finding for finding in found if finding.nct_id not in studies]
