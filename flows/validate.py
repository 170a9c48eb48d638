"""Stage 'validate': one lazy pandera call per table per batch; a failing study becomes a reject."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd
import pandera.errors

from flows.parse_batch import ParsedBatch, Reject, SourcedRecord
from schemas import MODELS
from warehouse.tables import PERSONAL_COLUMNS, STUDY_TABLES

COLUMNS = {table: list(MODELS[table].to_schema().columns) for table in STUDY_TABLES}


@dataclass
class ValidatedBatch:
    """Valid rows per table (index = position of their record in `records`), and the rest rejected."""

    records: list[SourcedRecord]
    frames: dict[str, pd.DataFrame]
    accepted: list[int] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def _rows(batch: ParsedBatch) -> tuple[dict[str, list[dict]], dict[str, list[int]], dict[int, list[str]]]:
    """Rows per table with the record position of each; structural faults per position."""
    rows: dict[str, list[dict]] = defaultdict(list)
    positions: dict[str, list[int]] = defaultdict(list)
    faults: dict[int, list[str]] = defaultdict(list)
    for pos, sourced in enumerate(batch.records):
        rec = sourced.record
        if len(rec.tables.get("studies", [])) != 1:
            faults[pos].append("record must have exactly one studies row")
        for table, table_rows in rec.tables.items():
            if table not in COLUMNS:
                faults[pos].append(f"unknown table {table!r}")
                continue
            for row in table_rows:
                extra = set(row) - set(COLUMNS[table])
                if extra:
                    faults[pos].append(f"unknown columns {sorted(extra)} in {table}")
                full = {"nct_id": rec.nct_id, **row}
                if table == "studies":
                    full.update(source_layout=sourced.file.layout, source_sha256=sourced.file.sha256)
                rows[table].append(full)
                positions[table].append(pos)
    return rows, positions, faults


def _check_words(check: str) -> str:
    """pandera's check name in a user's words."""
    if check.startswith("isin"):
        return "not an API v2 value"
    if check.startswith("str_matches"):
        return "malformed (expected NCT + 8 digits)" if "NCT" in check else f"malformed ({check})"
    if check.startswith("coerce_dtype"):
        expected = check.removeprefix("coerce_dtype").strip("()'")
        return f"wrong type ({expected} expected)"
    if check.startswith(("greater_than", "less_than", "in_range")):
        return f"out of range ({check})"
    return check


def _failures(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame | None, list[tuple[int | None, str, str]]]:
    """Validate one table lazily: the coerced frame, and (position, reason, detail) per failure."""
    try:
        return MODELS[table].validate(frame, lazy=True), []
    except pandera.errors.SchemaErrors as exc:
        out = []
        for case in exc.failure_cases.itertuples(index=False):
            column = case.column if isinstance(case.column, str) else table
            value = "<personal data>" if column in PERSONAL_COLUMNS.get(table, ()) else repr(case.failure_case)[:200]
            pos = None if pd.isna(case.index) else int(case.index)
            out.append((pos, f"invalid {table}.{column}: {_check_words(str(case.check))}", f"value={value}"))
        return None, out


def validate_table(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, list[tuple[str, str]]]]:
    """The valid, coerced rows of one table and the failures per record position."""
    bad: dict[int, list[tuple[str, str]]] = defaultdict(list)
    checked, failures = _failures(table, frame)
    if checked is not None:
        return checked, bad
    for pos, reason, detail in failures:
        if pos is not None:
            bad[pos].append((reason, detail))
    rest = frame[~frame.index.isin(list(bad))]
    checked, failures = _failures(table, rest)
    if checked is None:  # failures not tied to a row: fall back to one record at a time
        keep = []
        for pos in sorted(set(rest.index)):
            one, errs = _failures(table, rest.loc[[pos]])
            if one is None:
                bad[pos].extend((r, d) for _, r, d in errs)
            else:
                keep.append(one)
        checked = pd.concat(keep) if keep else MODELS[table].validate(rest.iloc[0:0], lazy=True)
    return checked, bad


def validate_batch(batch: ParsedBatch) -> ValidatedBatch:
    """Validate every table of the batch once; reject whole studies that fail any table."""
    rows, positions, faults = _rows(batch)
    bad: dict[int, list[tuple[str, str]]] = {pos: [("structure", f) for f in fs] for pos, fs in faults.items()}
    frames: dict[str, pd.DataFrame] = {}
    for table in STUDY_TABLES:
        frame = pd.DataFrame.from_records(rows.get(table, []), columns=["nct_id"] + [
            c for c in COLUMNS[table] if c != "nct_id"], index=positions.get(table, []))
        frames[table], table_bad = validate_table(table, frame)
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
    return result
