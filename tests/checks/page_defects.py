"""Defects of the check catalogue put into real API v2 records (tests/checks/injected_defects.py) and shown as each
site shows a study: the record rendered as a clincosm page, a meddatax page (labelled and compact) and a trial-summary
page, each page read by its layout's reader and loaded as a load loads it (its problems in meta.load_problems, a value
its reader refused NULL and kept in meta.raw_values, links given the ids of the rows they name), and every rule run
once over one warehouse holding each record and each page, changed and unchanged.
"""
from __future__ import annotations

import copy
import hashlib
from datetime import date
from pathlib import Path
from typing import Callable, NamedTuple

import duckdb
import pandas as pd
import pyarrow as pa

import checks
from checks.engine import run_rules
from flows.batch_tables import COLUMNS
from flows.parsers import aggregator_text, ctgov_classic_text, summary_text
from flows.parsers.model import Refused
from flows.refusals import expected_words
from flows.validate import refuse_cells
from tests.checks import harness
from tests.checks.injected_defects import Injected, study_tables
from tests.new_warehouse import connect_new
from tests.parsers import clincosm_render, meddatax_render, summary_render
from warehouse.connect import transaction
from warehouse.tables import STUDY_TABLES

REGISTRY = "record"


class Layout(NamedTuple):
    """A site's page of a study: its reader module and how a record is shown as such a page."""

    reader: object
    render: Callable[[dict], str]


# Each page shape, by the name a case table gives it.
LAYOUTS = {
    "clincosm": Layout(ctgov_classic_text, clincosm_render.render),
    "meddatax": Layout(aggregator_text, meddatax_render.render),
    "meddatax compact": Layout(aggregator_text, lambda record: meddatax_render.render(record, labelled=False)),
    "trial-summary": Layout(summary_text, summary_render.render),
}


def page_of(record: dict, nct_id: str, layout: str) -> str:
    """The page a site shows of `record` under `nct_id`."""
    protocol = record["protocolSection"]
    named = {**protocol, "identificationModule": {**protocol["identificationModule"], "nctId": nct_id}}
    return LAYOUTS[layout].render({**record, "protocolSection": named})


def _linked(tables: dict[str, list[dict]]) -> None:
    """Links given the row ids of the arm and intervention they name (flows.row_ids: the first of that exact name,
    else the first matching without regard to case and surrounding spaces)."""
    titles = [arm.get("title") for arm in tables.get("design_groups", [])]
    names = [item.get("name") for item in tables.get("interventions", [])]
    for link in tables.get("design_group_interventions", []):
        link["design_group_id"] = harness.row_id(titles, link.get("design_group"))
        link["intervention_id"] = harness.row_id(names, link.get("intervention"))
    for row in tables.get("intervention_other_names", []):
        if "intervention_name" in row:
            row["intervention_id"] = harness.row_id(names, row.get("intervention_name"))


def page_tables(page: str, layout: str) -> dict[str, list[dict]]:
    """The warehouse rows a load gives a page of one study, with its problems and refused values (meta tables)."""
    raw = page.encode("utf-8")
    sha256 = hashlib.sha256(raw).hexdigest()
    parsed = LAYOUTS[layout].reader.parse(raw)
    (record,) = parsed.records
    tables = {table: [dict(row) for row in rows] for table, rows in record.tables.items()}
    tables["studies"][0].update(source_layout=parsed.layout, source_sha256=sha256)
    refused = []
    for table, rows in tables.items():
        for row in rows:
            for column, value in row.items():
                if isinstance(value, Refused):
                    row[column] = None
                    refused.append({"run_id": "pages", "sha256": sha256, "table_name": table,
                                    "column_name": column, "raw_value": value.raw, "expected": value.expected})
    _linked(tables)
    if refused:
        tables["meta.raw_values"] = refused
    if parsed.problems:
        tables["meta.load_problems"] = [{"run_id": "pages", "sha256": sha256, "path": f"/in/{record.nct_id}.txt",
                                         "stage": problem.stage, "reason": problem.reason, "detail": problem.detail}
                                        for problem in parsed.problems]
    return tables


def validated(studies: dict[str, dict[str, list[dict]]]) -> None:
    """Each table's rows of all the studies validated at once, as a load validates a batch: a value the schema refuses
    (a status shown with a note the reader keeps, 'Completed (Terminated early)') loaded as NULL and kept in
    meta.raw_values."""
    for table in STUDY_TABLES:
        owned = [(nct_id, row) for nct_id, tables in studies.items() for row in tables.get(table, [])]
        if not owned:
            continue
        frame = pd.DataFrame([{"nct_id": nct_id, **row} for nct_id, row in owned], columns=COLUMNS[table],
                             dtype=object)
        _frame, _checked, refused, _left = refuse_cells(table, frame)
        for at, column, raw, check in refused:
            nct_id, row = owned[at]
            row[column] = None
            sha256 = studies[nct_id]["studies"][0]["source_sha256"]
            studies[nct_id].setdefault("meta.raw_values", []).append(
                {"run_id": "pages", "sha256": sha256, "table_name": table, "column_name": column,
                 "raw_value": None if raw is None else str(raw), "expected": expected_words(check)})


def _warehouse(tmp_path: Path, studies: dict[str, dict[str, list[dict]]]) -> duckdb.DuckDBPyConnection:
    """A fresh warehouse of the studies ({nct_id: tables}), numbered as a load numbers rows, each run of a table's
    rows that name the same columns inserted from one Arrow table."""
    con = connect_new(tmp_path / "pages.duckdb")
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    by_columns: dict[tuple[str, tuple[str, ...]], list[dict]] = {}
    for nct_id, tables in studies.items():
        for table, rows in tables.items():
            numbered = "." not in table and "id" in harness._columns(con, "main", table)
            for rank, row in enumerate(rows, 1):
                full = {"nct_id": nct_id, **({"id": rank} if numbered else {}), **row}
                by_columns.setdefault((table, tuple(full)), []).append(full)
    with transaction(con):
        for (table, names), rows in by_columns.items():
            con.register("page_rows", pa.Table.from_pylist(rows))
            con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM page_rows")
            con.unregister("page_rows")
    return con


class Found(NamedTuple):
    """Every rule's findings ((rule id, severity, message)), by (source, case name or record id): the source is
    REGISTRY for the record itself, else the page shape."""

    changed: dict[tuple[str, str], list[tuple[str, str, str]]]
    unchanged: dict[tuple[str, str], list[tuple[str, str, str]]]
    pages: dict[tuple[str, str], str]
    problems: dict[tuple[str, str], list[str]]


def judged(tmp_path: Path, records: dict[str, dict], cases: list[Injected], layouts: tuple[str, ...],
           as_of: date = harness.AS_OF) -> Found:
    """Every rule run once on one warehouse holding each record and each case's changed record, as the registry
    gives it and as each page shape shows it: each under an NCT number of its own just above its record's (so its
    era reads as the record's)."""
    taken = set(records)
    studies: dict[str, dict[str, list[dict]]] = {}
    owner: dict[str, tuple[str, str, bool]] = {}
    pages: dict[tuple[str, str], str] = {}

    def add(record: dict, of: str, source: str, name: str, changed: bool) -> None:
        number = int(of[3:]) + 1
        while f"NCT{number:08d}" in taken:
            number += 1
        nct_id = f"NCT{number:08d}"
        taken.add(nct_id)
        if source == REGISTRY:
            studies[nct_id] = study_tables(record, nct_id)
        else:
            try:
                pages[source, name] = page_of(record, nct_id, source)
            except KeyError:  # the site shows no page of a record without what its header names (a lead sponsor)
                return
            studies[nct_id] = page_tables(pages[source, name], source)
        owner[nct_id] = (source, name, changed)

    changed = {}
    for case in cases:  # a change touches the protocolSection only
        record = records[case.record]
        changed[case.name] = {**record, "protocolSection": copy.deepcopy(record["protocolSection"])}
        case.change(changed[case.name])
    for source in (REGISTRY, *layouts):
        for name, record in records.items():
            add(record, name, source, name, False)
        for case in cases:
            add(changed[case.name], case.record, source, case.name, True)
    validated(studies)
    con = _warehouse(tmp_path, studies)
    try:
        run_rules(con, checks.all_rules(), run_id="pages", as_of=as_of, workers=0)
        rows = con.execute("SELECT nct_id, rule_id, severity, message FROM quality_issues").fetchall()
    finally:
        con.close()
    problems = {(source, name): [row["reason"] for row in studies[nct_id].get("meta.load_problems", [])]
                for nct_id, (source, name, changed) in owner.items() if changed}
    found = Found({}, {}, pages, problems)
    for source, name, changed in owner.values():
        (found.changed if changed else found.unchanged)[source, name] = []
    for nct_id, rule_id, severity, message in rows:
        source, name, changed = owner[nct_id]
        (found.changed if changed else found.unchanged)[source, name].append((rule_id, severity, message))
    return found


def new_findings(found: Found, source: str, case: Injected) -> list[tuple[str, str, str]]:
    """The findings of a case's changed record, as `source` gives it, that its unchanged record so given lacks (by
    rule and message)."""
    before = {(rule, message) for rule, _severity, message in found.unchanged[source, case.record]}
    return [f for f in found.changed[source, case.name] if (f[0], f[2]) not in before]

