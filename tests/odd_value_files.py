"""Files of one study each with one odd value, for the odd-value tests: an API v2 record changed in place, or the
legacy XML template with one piece replaced."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Iterable

from flows.inputs import Input
from flows.parse_batch import ParsedBatch, parse_input
from flows.validate import validate_batch
from tests.test_bad_input import XML_TEMPLATE, study_json, write

XML_ID = "NCT00004154"  # the legacy XML template's id


def json_variant(folder: Path, nct_id: str, change) -> None:
    """An API v2 record of `nct_id`, its protocolSection given to `change` before it is written."""
    record = study_json(nct_id)
    change(record["protocolSection"])
    write(folder, f"{nct_id}.json", json.dumps(record).encode())


def xml_variant(folder: Path, nct_id: str, old: str, new: str) -> None:
    """The legacy XML template as `nct_id`, its first `old` replaced by `new`."""
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    assert old in xml and XML_ID in xml
    write(folder, f"{nct_id}.xml", xml.replace(old, new, 1).replace(XML_ID, nct_id).encode())


def status_change(**given):
    """A change that sets these keys of the statusModule."""
    return lambda protocol: protocol["statusModule"].update(given)


def design_change(**given):
    """A change that sets these keys of the designModule."""
    return lambda protocol: protocol["designModule"].update(given)


def read_batch(inputs: Iterable[Input]) -> SimpleNamespace:
    """Every input parsed into one batch and validated once: the batch, the validated batch, each study's refused
    cells (table.column, raw) and notes (reason, detail), the loaded tables by NCT id, and the rejects by path."""
    batch = ParsedBatch()
    for item in inputs:
        parse_input(item, batch)
    validated = validate_batch(batch)
    nct_of = [sourced.record.nct_id for sourced in batch.records]
    refused: dict[str, list[tuple[str, str]]] = {}
    for value in validated.raw_values:
        refused.setdefault(nct_of[value.position], []).append((f"{value.table}.{value.column}", value.raw))
    notes: dict[str, list[tuple[str, str]]] = {}
    for problem in batch.problems:
        notes.setdefault(problem.nct_id, []).append((problem.reason, problem.detail.removeprefix("document: ")))
    frames = {table: frame.set_axis([nct_of[at] for at in frame.index]) for table, frame in validated.frames.items()}
    return SimpleNamespace(batch=batch, validated=validated, refused=refused, notes=notes, frames=frames,
                           studies=frames["studies"],
                           rejects={reject.path: reject for reject in batch.rejects + validated.rejects})
