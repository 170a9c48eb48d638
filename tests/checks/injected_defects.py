"""Defects of the check catalogue's classes put into real API v2 records, as data teams and the registry's own
errors put them: the records they go into (chosen by a fixed rule), the changes, and what every rule finds.

A record is taken whole from the shared corpus, changed in its protocolSection, parsed by the layout's parser and
loaded beside its unchanged copy, so each finding on the changed copy that the unchanged one lacks is the change's.
"""
from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Callable, NamedTuple

import duckdb
import pyarrow as pa

import checks
from checks.engine import run_rules
from flows.parsers import ctgov_json_v2
from tests.checks import harness
from tests.new_warehouse import connect_new
from tests.shared_corpus import CORPUS
from warehouse.connect import transaction

# Statuses of a study still open to its participants or about to be.
OPEN = {"RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION"}
# FDAAA 801 took effect on 2007-09-27: the first full year of records it governs.
FDAAA_YEAR = "2008"
DROP = object()  # a value that removes the field

Change = Callable[[dict], None]


class Injected(NamedTuple):
    """One defect put into one record: the rules any of which finds it, at which severity, and the rules that may
    also fire because the changed record is truly so (a status left open past the planned end is also an estimate
    kept long past)."""

    name: str
    record: str
    change: Change
    rules: tuple[str, ...]
    severity: str
    follows: tuple[str, ...] = ()


def kind(record: dict) -> tuple[str, bool, bool, bool]:
    """A record's kind: study type, whether open, whether it has results, whether first posted under FDAAA."""
    protocol = record["protocolSection"]
    status = protocol["statusModule"]
    posted = status.get("studyFirstPostDateStruct", {}).get("date", "")
    return (protocol.get("designModule", {}).get("studyType", ""), status.get("overallStatus") in OPEN,
            bool(record.get("hasResults")), posted >= FDAAA_YEAR)


def chosen_records() -> dict[str, dict]:
    """The first record in file order of each kind the corpus holds (interventional and observational, open and
    closed, with and without results, first posted before and under FDAAA), by NCT id."""
    chosen: dict[tuple, tuple[str, dict]] = {}
    for path in sorted((CORPUS / "json_v2").glob("*.json")):
        record = json.loads(path.read_bytes())
        if "statusModule" in record.get("protocolSection", {}):
            chosen.setdefault(kind(record), (path.stem, record))
    return dict(sorted(chosen.values()))


def study_tables(record: dict, nct_id: str) -> dict[str, list[dict]]:
    """The warehouse rows of an API v2 record under `nct_id`, as a load gives them (links given row ids)."""
    record = copy.deepcopy(record)
    record["protocolSection"]["identificationModule"]["nctId"] = nct_id
    (parsed,) = ctgov_json_v2.parse(json.dumps(record).encode()).records
    return harness.loaded_tables(parsed, ctgov_json_v2.LAYOUT)


def _walk(protocol: dict, path: str) -> tuple[object, str | int]:
    """The container holding the field at a dotted `path` of the protocolSection, and its key (made on the way)."""
    keys: list[str | int] = [int(part) if part.isdigit() else part for part in path.split(".")]
    node = protocol
    for key in keys[:-1]:
        node = node[key] if isinstance(key, int) else node.setdefault(key, {})
    return node, keys[-1]


def setting(*pairs: tuple[str, object]) -> Change:
    """A change: each (dotted path in the protocolSection, value) set, or removed where the value is DROP (a list's
    index one past its end adds an item)."""
    def change(record: dict) -> None:
        for path, value in pairs:
            node, key = _walk(record["protocolSection"], path)
            if value is DROP:
                node.pop(key, None)
            elif isinstance(node, list) and key == len(node):
                node.append(copy.deepcopy(value))
            else:
                node[key] = copy.deepcopy(value)
    return change


def appending(path: str, text: str, before: bool = False) -> Change:
    """A change: `text` put after (or before) the text at a dotted path of the protocolSection."""
    def change(record: dict) -> None:
        node, key = _walk(record["protocolSection"], path)
        node[key] = text + node.get(key, "") if before else node.get(key, "") + text
    return change


def both(*changes: Change) -> Change:
    """A change made of several, in order."""
    def change(record: dict) -> None:
        for each in changes:
            each(record)
    return change


def arm_repeated(index: int, label: str | None = None) -> Change:
    """A change: the arm at `index` listed a second time after it (under `label` where given)."""
    def change(record: dict) -> None:
        arms = record["protocolSection"]["armsInterventionsModule"]["armGroups"]
        again = copy.deepcopy(arms[index])
        if label is not None:
            again["label"] = label
        arms.insert(index + 1, again)
    return change


def criteria_line_added(line: str, after: str) -> Change:
    """A change: the line `line` put into the criteria after their line `after` (as the record gives it)."""
    def change(record: dict) -> None:
        module = record["protocolSection"]["eligibilityModule"]
        text = module["eligibilityCriteria"]
        assert after in text, after
        module["eligibilityCriteria"] = text.replace(after, after + "\n" + line, 1)
    return change


def criteria_line_repeated(line: str, after: str) -> Change:
    """A change: the criteria's line `line` said again after their line `after` (each as the record gives it)."""
    def change(record: dict) -> None:
        assert line in record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"], line
        criteria_line_added(line, after)(record)
    return change


def warehouse_of(tmp_path: Path, studies: dict[str, dict[str, list[dict]]]) -> duckdb.DuckDBPyConnection:
    """A fresh warehouse holding the studies ({nct_id: tables}), rows numbered as harness.insert_studies numbers
    them, each table's rows inserted from one Arrow table (a statement of thousands of parameters costs seconds)."""
    con = connect_new(tmp_path / "injected.duckdb")
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    by_table: dict[str, list[dict]] = {}
    for nct_id, tables in studies.items():
        for table, rows in tables.items():
            numbered = "id" in harness._columns(con, "main", table)  # AACT's row id, as a load gives it
            by_table.setdefault(table, []).extend(
                {"nct_id": nct_id, **({"id": rank} if numbered else {}), **row} for rank, row in enumerate(rows, 1))
    with transaction(con):
        for table, rows in by_table.items():
            names = list(rows[0])
            assert all(list(row) == names for row in rows), table  # a parser gives a table's rows the same columns
            frame = pa.Table.from_pylist(rows)
            con.register("injected_rows", frame)
            con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM injected_rows")
            con.unregister("injected_rows")
    return con


class Judged(NamedTuple):
    """Every rule's findings ((rule id, severity, message)) on each case's changed record and on each record
    unchanged."""

    changed: dict[str, list[tuple[str, str, str]]]
    unchanged: dict[str, list[tuple[str, str, str]]]


def judged(tmp_path: Path, records: dict[str, dict], cases: list[Injected], as_of: date = harness.AS_OF) -> Judged:
    """Every rule run once on one warehouse holding each record unchanged (under its own NCT id) and each case's
    changed copy (under a number of its own just above its record's, so its era reads as the record's)."""
    studies = {name: study_tables(record, name) for name, record in records.items()}
    owner: dict[str, str] = {}
    taken = set(studies)
    for case in cases:
        number = int(case.record[3:]) + 1
        while f"NCT{number:08d}" in taken:
            number += 1
        nct_id = f"NCT{number:08d}"
        taken.add(nct_id)
        changed = copy.deepcopy(records[case.record])
        case.change(changed)
        studies[nct_id], owner[nct_id] = study_tables(changed, nct_id), case.name
    con = warehouse_of(tmp_path, studies)
    try:
        run_rules(con, checks.all_rules(), run_id="injected", as_of=as_of, workers=0)
        rows = con.execute("SELECT nct_id, rule_id, severity, message FROM quality_issues").fetchall()
    finally:
        con.close()
    found = Judged({case.name: [] for case in cases}, {name: [] for name in records})
    for nct_id, rule_id, severity, message in rows:
        if nct_id in owner:
            found.changed[owner[nct_id]].append((rule_id, severity, message))
        else:
            found.unchanged[nct_id].append((rule_id, severity, message))
    return found
