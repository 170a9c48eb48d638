"""Stage 'validate': one lazy pandera call per table per batch.

pandera's failure cases decide which cells are refused: a refused cell (an enum outside API v2,
a malformed date, a count that is not a number) is loaded as NULL and its raw value is kept for
meta.raw_values, where the invalid_value rules find it. A study is rejected only when it cannot
be loaded at all (a structural fault, or a refused value in a column that may not be NULL).
"""
from __future__ import annotations

import copy
from collections import defaultdict

import numpy as np
import pandas as pd
import pandera.errors

from flows.batch_tables import COLUMNS, BatchTables, dict_rows, gather, in_record_order
from flows.parse_batch import ParsedBatch, Reject
from flows.refusals import expected_words, failure_words
from flows.table_frames import SCHEMAS
from flows.typed_verdict import mirrored, passes
from flows.validated import RawValue, ValidatedBatch
from schemas import MODELS
from warehouse.tables import PERSONAL_COLUMNS, STUDY_TABLES

REQUIRED = {table: {name for name, col in MODELS[table].to_schema().columns.items() if not col.nullable}
            for table in STUDY_TABLES}
# A refused cell can expose further failures once NULL (a range check that could not compare text):
# a few rounds always settle; what is left after them rejects its study.
_ROUNDS = 3


def _lazy(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """(coerced frame, None) when valid, else (None, pandera's failure cases)."""
    try:
        return SCHEMAS[table].validate(frame, lazy=True), None
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
            if frame[column].dtype.kind == "b":  # a bool column cannot hold None (pandas raises): keep the values
                frame[column] = frame[column].astype(object)
            frame.at[row, column] = None
    checked, cases = _lazy(table, frame)
    return frame, checked, refused, cases


def _study_by_study(table: str, frame: pd.DataFrame, cases: pd.DataFrame, positions: list[int]) -> tuple[
        pd.DataFrame, list[tuple], dict[int, list[tuple[str, str]]]]:
    """When a batch still fails after the refusal rounds, each study its failures name (every study, when the
    others fail too) is validated alone and refuses its own cells, as a batch would: pandas cannot coerce a column
    that mixes numbers and text at once, which hides the one cell at fault. What is left then rejects its study."""
    named = {positions[int(i)] for i in cases["index"] if not pd.isna(i)}
    rest = frame[[positions[i] not in named for i in frame.index]]
    checked, _ = _lazy(table, rest)
    parts = [checked] if checked is not None else []
    alone = named if checked is not None else set(positions[i] for i in frame.index)
    refused: list[tuple] = []
    bad: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pos in dict.fromkeys(positions[i] for i in frame.index if positions[i] in alone):
        _, ok, cells, errs = refuse_cells(table, frame[[positions[i] == pos for i in frame.index]])
        if ok is None:
            bad[pos].extend(failure_words(table, case) for case in errs.itertuples(index=False))
        else:
            parts.append(ok)
            refused += cells
    if not parts:
        return SCHEMAS[table].validate(frame.iloc[0:0], lazy=True), refused, bad
    return pd.concat(parts).sort_index(kind="stable"), refused, bad


def validate_table(table: str, frame: pd.DataFrame, positions: list[int]) -> tuple[
        pd.DataFrame, list[RawValue], dict[int, list[tuple[str, str]]]]:
    """The coerced rows of one table (index = record position), refused cells, and rejected studies."""
    frame, checked, refused, cases = refuse_cells(table, frame)
    bad: dict[int, list[tuple[str, str]]] = {}
    if checked is None:
        checked, more, bad = _study_by_study(table, frame, cases, positions)
        refused += more
    raw = [RawValue(positions[row], table, column, _raw_text(table, column, value), expected_words(check))
           for row, column, value, check in refused]
    checked = checked.set_axis([positions[i] for i in checked.index])
    return checked, raw, bad


def _without_coercion(table: str) -> pandera.DataFrameSchema:
    """The table's schema and its columns copied with coercion off (their checks and dtypes shared)."""
    schema = copy.copy(SCHEMAS[table])
    schema.coerce = False
    schema.columns = {name: copy.copy(column) for name, column in schema.columns.items()}
    for column in schema.columns.values():
        column.coerce = False
    return schema


# The models' checks and dtypes, for a frame built in the dtypes they coerce to: pandera still checks every dtype.
_TYPED = {table: _without_coercion(table) for table in STUDY_TABLES}
# The schemas whose verdict flows.typed_verdict gives without pandera's bookkeeping (every one today).
_MIRRORED = {table: mirrored(schema) for table, schema in _TYPED.items()}


def _index(positions: list[int]) -> object:
    """Record positions for a frame's index: as an int64 array, pandas builds the same index without looking
    at each value (~13 ms for a batch's 68,000 facility rows); an empty list keeps pandas' empty index."""
    return np.array(positions, dtype=np.int64) if positions else positions


def _validate_gathered(batch: ParsedBatch, table: str, gathered: BatchTables) -> tuple[
        pd.DataFrame, list[RawValue], dict[int, list[tuple[str, str]]]]:
    """validate_table for one gathered table; a table built in its dtypes that passes needs no refusal rounds."""
    rows = gathered.tables[table]
    typed = gathered.typed[table]
    if typed is not None and _MIRRORED[table]:
        if passes(_TYPED[table], typed):
            return typed.set_axis(_index(rows.positions)), [], {}
        # pandera would refuse it too: the refusal rounds below start again from the values as given
    elif typed is not None:
        try:
            return _TYPED[table].validate(typed, lazy=True, inplace=True).set_axis(_index(rows.positions)), [], {}
        except pandera.errors.SchemaErrors:
            pass
    # Every column as Python objects, as a batch that mixes numbers and text gets them: pandas' own text type
    # (which a column of text only would get) coerces otherwise ('0x10' to 16) and fails a column whole ('+12',
    # '1,000'), without saying which cell, so that a study alone in its batch was rejected for one odd value.
    frame = pd.DataFrame(dict_rows(batch, table, rows), columns=COLUMNS[table], dtype=object)
    return validate_table(table, frame, rows.positions)


def _raw_text(table: str, column: str, value: object) -> str | None:
    """The refused value as text; a personal-data value is never kept."""
    if column in PERSONAL_COLUMNS.get(table, ()) or value is None:
        return None
    return str(value)


def validate_batch(batch: ParsedBatch) -> ValidatedBatch:
    """Validate every table of the batch once; refused cells load as NULL, unloadable studies are rejected."""
    gathered = gather(batch)
    bad: dict[int, list[tuple[str, str]]] = {pos: [("structure", f) for f in fs]
                                             for pos, fs in gathered.faults.items()}
    frames: dict[str, pd.DataFrame] = {}
    raw_values = [RawValue(pos, table, cell.column, _raw_text(table, cell.column, cell.value.raw), cell.value.expected)
                  for pos, table, cell in in_record_order(batch, gathered)]
    for table in STUDY_TABLES:
        frames[table], table_raw, table_bad = _validate_gathered(batch, table, gathered)
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
    result.frames = {t: f[f.index.isin(keep)] for t, f in frames.items()} if result.rejects else frames
    result.raw_values = [value for value in raw_values if value.position in keep]
    return result
