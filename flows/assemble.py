"""Turn a validated batch into what the loader writes: file outcomes, versions, rows, rejects."""
from __future__ import annotations

import pandas as pd

from flows.parse_batch import ParsedBatch, Reject
from flows.validate import ValidatedBatch
from flows.version_fields import version_field_rows
from warehouse.load import VERSION_COLUMNS, LoadBatch

REJECT_COLUMNS = ["run_id", "sha256", "path", "nct_id", "stage", "reason", "detail"]
FILE_COLUMNS = ["sha256", "path", "size", "mtime", "layout", "nct_id", "study_count", "outcome"]


def _versions(validated: ValidatedBatch, rejects: list[Reject]) -> pd.DataFrame:
    """One row per accepted record; a study repeated within one file keeps its first copy."""
    studies = validated.frames["studies"]
    rows, seen = [], set()
    for pos in validated.accepted:
        sourced = validated.records[pos]
        key = (sourced.record.nct_id, sourced.file.sha256)
        if key in seen:
            rejects.append(Reject(key[1], sourced.file.path, "load", "duplicate study in file",
                                  "the file holds this study more than once; the first copy is kept", key[0]))
            continue
        seen.add(key)
        study = studies.loc[pos]
        rows.append({"position": pos, "nct_id": key[0], "sha256": key[1], "path": sourced.file.path,
                     "layout": sourced.file.layout, **{c: study[c] for c in VERSION_COLUMNS}})
    return pd.DataFrame(rows, columns=["position", "nct_id", "sha256", "path", "layout", *VERSION_COLUMNS])


def _files(parsed: ParsedBatch, versions: pd.DataFrame) -> pd.DataFrame:
    loaded_paths = set(versions["path"])
    rows = []
    for f in parsed.files:
        outcome = f.outcome if f.outcome == "skipped" else ("loaded" if f.path in loaded_paths else "rejected")
        f.outcome = outcome
        rows.append({"sha256": f.sha256, "path": f.path, "size": f.size, "mtime": f.mtime,
                     "layout": f.layout, "nct_id": f.nct_ids[0] if len(f.nct_ids) == 1 else None,
                     "study_count": len(f.nct_ids), "outcome": outcome})
    return pd.DataFrame(rows, columns=FILE_COLUMNS)


def assemble(run_id: str, parsed: ParsedBatch, validated: ValidatedBatch) -> LoadBatch:
    """The load batch of one parsed and validated batch."""
    rejects = parsed.rejects + validated.rejects
    versions = _versions(validated, rejects)
    files = _files(parsed, versions)
    reject_rows = pd.DataFrame(
        [{"run_id": run_id, "sha256": r.sha256, "path": r.path, "nct_id": r.nct_id, "stage": r.stage,
          "reason": r.reason, "detail": r.detail} for r in rejects],
        columns=REJECT_COLUMNS,
    )
    return LoadBatch(run_id, files, versions, validated.frames, reject_rows,
                     meta_rows={"meta.raw_values": raw_value_rows(run_id, validated, versions),
                                "meta.version_fields": version_field_rows(run_id, versions, validated.frames)})


RAW_VALUE_COLUMNS = ["run_id", "nct_id", "sha256", "table_name", "column_name", "raw_value", "expected"]


def raw_value_rows(run_id: str, validated: ValidatedBatch, versions: pd.DataFrame) -> pd.DataFrame:
    """meta.raw_values rows: the refused cells of the versions this batch loads."""
    loaded = dict(zip(versions["position"], zip(versions["nct_id"], versions["sha256"])))
    rows = [{"run_id": run_id, "nct_id": loaded[v.position][0], "sha256": loaded[v.position][1],
             "table_name": v.table, "column_name": v.column, "raw_value": v.raw, "expected": v.expected}
            for v in validated.raw_values if v.position in loaded]
    return pd.DataFrame(rows, columns=RAW_VALUE_COLUMNS)
