"""Stage 'validate': one lazy pandera call per table per batch.

pandera's failure cases decide which cells are refused: a refused cell (an enum outside API v2,
a malformed date, a count that is not a number) is loaded as NULL and its raw value is kept for
meta.raw_values, where the invalid_value rules find it. A study is rejected only when it cannot
be loaded at all (a structural fault, or a refused value in a column that may not be NULL).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd
import pandera.errors

from flows.parse_batch import ParsedBatch, Reject, SourcedRecord
from flows.parsers.model import Refused
from flows.refusals import expected_words, failure_words
from schemas import MODELS
from warehouse.tables import PERSONAL_COLUMNS, STUDY_TABLES

COLUMNS = {table: list(MODELS[table].to_schema().columns) for table in STUDY_TABLES}
REQUIRED = {table: {name for name, col in MODELS[table].to_schema().columns.items() if not col.nullable}
            for table in STUDY_TABLES}
# A refused cell can expose further failures once NULL (a range check that could not compare text):
# a few rounds always settle; what is left after them rejects its study.
_ROUNDS = 3


@dataclass
class RawValue:
    """A refused cell: the record position, where it was, what the source gave and what was expected."""

    position: int
    table: str
    column: str
    raw: str | None
    expected: str


@dataclass
class ValidatedBatch:
    """Valid rows per table (index = position of their record in `records`), and the rest rejected."""

    records: list[SourcedRecord]
    frames: dict[str, pd.DataFrame]
    accepted: list[int] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    raw_values: list[RawValue] = field(default_factory=list)


@dataclass
class _Rows:
    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    positions: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    faults: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    refused: list[RawValue] = field(default_factory=list)


def _rows(batch: ParsedBatch) -> _Rows:
    """Rows per table with the record position of each; structural faults; values parsers refused."""
    out = _Rows()
    for pos, sourced in enumerate(batch.records):
        rec = sourced.record
        if len(rec.tables.get("studies", [])) != 1:
            out.faults[pos].append("record must have exactly one studies row")
        for table, table_rows in rec.tables.items():
            if table not in COLUMNS:
                out.faults[pos].append(f"unknown table {table!r}")
                continue
            for row in table_rows:
                extra = set(row) - set(COLUMNS[table])
                if extra:
                    out.faults[pos].append(f"unknown columns {sorted(extra)} in {table}")
                full = {"nct_id": rec.nct_id, **row}
                if table == "studies":
                    full.update(source_layout=sourced.file.layout, source_sha256=sourced.file.sha256)
                for column, value in row.items():
                    if type(value) is Refused:
                        out.refused.append(RawValue(pos, table, column, value.raw, value.expected))
                        full[column] = None
                out.rows[table].append(full)
                out.positions[table].append(pos)
    return out


def _lazy(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """(coerced frame, None) when valid, else (None, pandera's failure cases)."""
    try:
        return MODELS[table].validate(frame, lazy=True), None
    except pandera.errors.SchemaErrors as exc:
        return None, exc.failure_cases


def _refusable(table: str, cases: pd.DataFrame) -> pd.DataFrame:
    """The failure cases tied to one cell of a column that may be NULL, one per cell."""
    placed = cases[cases["index"].notna() & cases["column"].map(lambda c: isinstance(c, str))]
    placed = placed[~placed["column"].isin(REQUIRED[table])]
    return placed.drop_duplicates(["index", "column"])


def refuse_cells(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame | None, list[tuple],
                                                             pd.DataFrame | None]:
    """Validate one table (unique row index), setting refused cells to NULL.

    Returns the frame with those cells NULL, its coerced form (None while failures remain),
    the refused cells as (row, column, raw value, check), and the failure cases that remain.
    """
    refused: list[tuple] = []
    frame = frame.copy()
    for _ in range(_ROUNDS):
        checked, cases = _lazy(table, frame)
        if checked is not None:
            return frame, checked, refused, None
        cells = _refusable(table, cases)
        if cells.empty:
            return frame, None, refused, cases
        for row, column, check in zip(cells["index"].astype(int), cells["column"], cells["check"]):
            refused.append((row, column, frame.at[row, column], str(check)))
            frame.at[row, column] = None
    checked, cases = _lazy(table, frame)
    return frame, checked, refused, cases


def _reject_rest(table: str, frame: pd.DataFrame, cases: pd.DataFrame, positions: list[int]) -> tuple[
        pd.DataFrame, dict[int, list[tuple[str, str]]]]:
    """Failures that refuse no single cell reject the studies they name (one study at a time if none)."""
    bad: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for case in cases.itertuples(index=False):
        if not pd.isna(case.index):
            bad[positions[int(case.index)]].append(failure_words(table, case))
    rest = frame[[positions[i] not in bad for i in frame.index]]
    checked, _ = _lazy(table, rest)
    if checked is not None:
        return checked, bad
    parts = []
    for pos in dict.fromkeys(positions[i] for i in rest.index):
        ok, errs = _lazy(table, rest[[positions[i] == pos for i in rest.index]])
        if ok is None:
            bad[pos].extend(failure_words(table, case) for case in errs.itertuples(index=False))
        else:
            parts.append(ok)
    return (pd.concat(parts) if parts else MODELS[table].validate(rest.iloc[0:0], lazy=True)), bad


def validate_table(table: str, frame: pd.DataFrame, positions: list[int]) -> tuple[
        pd.DataFrame, list[RawValue], dict[int, list[tuple[str, str]]]]:
    """The coerced rows of one table (index = record position), refused cells, and rejected studies."""
    frame, checked, refused, cases = refuse_cells(table, frame)
    bad: dict[int, list[tuple[str, str]]] = {}
    if checked is None:
        checked, bad = _reject_rest(table, frame, cases, positions)
    raw = [RawValue(positions[row], table, column, _raw_text(table, column, value), expected_words(check))
           for row, column, value, check in refused]
    checked = checked.set_axis([positions[i] for i in checked.index])
    return checked, raw, bad


def _raw_text(table: str, column: str, value: object) -> str | None:
    """The refused value as text; a personal-data value is never kept."""
    if column in PERSONAL_COLUMNS.get(table, ()) or value is None:
        return None
    return str(value)


def validate_batch(batch: ParsedBatch) -> ValidatedBatch:
    """Validate every table of the batch once; refused cells load as NULL, unloadable studies are rejected."""
    rows = _rows(batch)
    bad: dict[int, list[tuple[str, str]]] = {pos: [("structure", f) for f in fs] for pos, fs in rows.faults.items()}
    frames: dict[str, pd.DataFrame] = {}
    raw_values = list(rows.refused)
    for table in STUDY_TABLES:
        frame = pd.DataFrame.from_records(rows.rows.get(table, []), columns=COLUMNS[table])
        frames[table], table_raw, table_bad = validate_table(table, frame, rows.positions.get(table, []))
        raw_values += table_raw
        for pos, errs in table_bad.items():
            bad.setdefault(pos, []).extend(errs)
    result = ValidatedBatch(batch.records, {})
    for pos, sourced in enumerate(batch.records):
        if pos in bad:
            reasons = bad[pos]
            result.rejects.append(Reject(
                sourced.file.sha256, sourced.file.path, "validate", reasons[0][0],
                "; ".join(f"{r}: {d}" for r, d in reasons[:10]), sourced.record.nct_id))
        else:
            result.accepted.append(pos)
    keep = set(result.accepted)
    result.frames = {t: f[f.index.isin(keep)] for t, f in frames.items()}
    result.raw_values = [value for value in raw_values if value.position in keep]
    return result
