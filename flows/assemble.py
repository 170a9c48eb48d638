"""Stage 'assemble': a validated batch as the loader writes it; every file's outcome is decided here."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa

from flows import row_ids
from flows.parse_batch import FileOutcome, ParsedBatch, Reject
from flows.validated import ValidatedBatch
from flows.version_fields import version_field_rows
from warehouse.load import VERSION_COLUMNS, LoadBatch
from warehouse.personal_text import masked

REJECT_COLUMNS = ["run_id", "sha256", "path", "nct_id", "stage", "reason", "detail"]
FILE_COLUMNS = ["sha256", "path", "size", "mtime", "layout", "nct_id", "study_count", "outcome"]


def _versions(validated: ValidatedBatch, rejects: list[Reject]) -> pd.DataFrame:
    """One row per accepted record; a study repeated within one file keeps its first copy."""
    studies = validated.frames.get("studies")
    rows, seen = [], set()
    for pos in validated.accepted:
        sourced = validated.records[pos]
        key = (sourced.record.nct_id, sourced.file.sha256)
        if key in seen:
            rejects.append(Reject(key[1], sourced.file.path, "load", "duplicate study in file",
                                  "the file holds this study more than once; the first copy is kept", key[0]))
            continue
        seen.add(key)
        rows.append({"position": pos, "nct_id": key[0], "sha256": key[1], "path": sourced.file.path,
                     "layout": sourced.file.layout})
    frame = pd.DataFrame(rows, columns=["position", "nct_id", "sha256", "path", "layout"])
    if studies is None:  # a batch with nothing to validate has no tables
        return frame.reindex(columns=[*frame.columns, *VERSION_COLUMNS])
    # The version columns come from the validated studies rows, looked up by position all at once.
    picked = studies.reindex(frame["position"])[list(VERSION_COLUMNS)].reset_index(drop=True)
    return pd.concat([frame, picked], axis=1)


def decide_outcome(file: FileOutcome, loaded_paths: set[str]) -> str:
    """A file's outcome: skipped when known, loaded when a study of it was accepted, else rejected.

    Files recorded unchanged were not read and are skipped all together (`_skipped`)."""
    if file.known:
        return "skipped"
    return "loaded" if file.path in loaded_paths else "rejected"


def _skipped(parsed: ParsedBatch) -> pa.Table | None:
    """The files recorded unchanged (path, sha256), all of them skipped, as one table."""
    if not parsed.unchanged:
        return None
    return pa.concat_tables([block.files for block in parsed.unchanged])


def _files(parsed: ParsedBatch, versions: pd.DataFrame) -> pd.DataFrame:
    loaded_paths = set(versions["path"].tolist())
    rows = []
    for f in parsed.files:
        f.outcome = decide_outcome(f, loaded_paths)
        rows.append({"sha256": f.sha256, "path": f.path, "size": f.size, "mtime": f.mtime,
                     "layout": f.layout, "nct_id": f.nct_ids[0] if len(f.nct_ids) == 1 else None,
                     "study_count": len(f.nct_ids), "outcome": f.outcome})
    return pd.DataFrame(rows, columns=FILE_COLUMNS)


def _one_per_rejected_file(parsed: ParsedBatch, found: list[Reject]) -> tuple[list[Reject], list[Reject]]:
    """(meta.rejects rows, meta.load_problems rows): one reject per file that did not load, with its
    first cause and the others in its detail; what was found in a file that did load is a problem."""
    by_file: dict[str, list[Reject]] = {}
    for problem in found:
        by_file.setdefault(problem.path, []).append(problem)
    rejects, problems = [], []
    for f in parsed.files:
        met = by_file.pop(f.path, [])
        if f.outcome == "loaded":
            problems += met
        elif f.outcome == "rejected":
            rejects.append(_reject_of(f, met))
    problems += [p for met in by_file.values() for p in met]  # belongs to no file of the batch: keep it
    return rejects, problems


def _reject_of(file: FileOutcome, met: list[Reject]) -> Reject:
    if not met:
        return Reject(file.sha256 or None, file.path, "parse", "no study in file",
                      "the parser found neither a study nor a problem")
    first, others = met[0], met[1:]
    detail = first.detail + "".join(f"; also: {o.reason} ({o.nct_id or 'no NCT id'})" for o in others[:20])
    return Reject(first.sha256, first.path, first.stage, first.reason, detail, first.nct_id)


def _frame(run_id: str, rows: list[Reject]) -> pd.DataFrame:
    # A detail or an id may quote a record's text: a contact's email or phone written into it is masked.
    return pd.DataFrame(
        [{"run_id": run_id, "sha256": r.sha256, "path": r.path, "nct_id": masked(r.nct_id), "stage": r.stage,
          "reason": r.reason, "detail": masked(r.detail)} for r in rows],
        columns=REJECT_COLUMNS,
    )


def assemble(run_id: str, parsed: ParsedBatch, validated: ValidatedBatch) -> LoadBatch:
    """The load batch of one parsed and validated batch."""
    found = parsed.rejects + validated.rejects + row_ids.number(validated)
    versions = _versions(validated, found)
    found += row_ids.unlinked(validated, versions["position"].tolist())
    files = _files(parsed, versions)
    rejects, problems = _one_per_rejected_file(parsed, found + parsed.problems)
    return LoadBatch(run_id, files, versions, validated.frames, _frame(run_id, rejects), skipped=_skipped(parsed),
                     meta_rows={"meta.load_problems": _frame(run_id, problems),
                                "meta.raw_values": raw_value_rows(run_id, validated, versions),
                                "meta.version_fields": version_field_rows(run_id, versions, validated.frames)})


RAW_VALUE_COLUMNS = ["run_id", "nct_id", "sha256", "table_name", "column_name", "raw_value", "expected"]


def raw_value_rows(run_id: str, validated: ValidatedBatch, versions: pd.DataFrame) -> pd.DataFrame:
    """meta.raw_values rows: the refused cells of the versions this batch loads."""
    ids = zip(versions["nct_id"].tolist(), versions["sha256"].tolist())
    loaded = dict(zip(versions["position"].tolist(), ids))
    rows = [{"run_id": run_id, "nct_id": loaded[v.position][0], "sha256": loaded[v.position][1],
             "table_name": v.table, "column_name": v.column, "raw_value": v.raw, "expected": v.expected}
            for v in validated.raw_values if v.position in loaded]
    return pd.DataFrame(rows, columns=RAW_VALUE_COLUMNS)
