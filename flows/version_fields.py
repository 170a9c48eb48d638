"""What a diff needs of each loaded version beyond meta.source_records: primary outcomes and arms."""
from __future__ import annotations

import pandas as pd

COLUMNS = ["nct_id", "sha256", "primary_outcome_measures", "primary_outcome_time_frames",
           "arm_titles", "intervention_names", "loaded_run"]


def _missing(value: object) -> bool:
    """NULL as pandas holds it: None, NaN, NaT or pd.NA."""
    return value is None or value is pd.NA or value is pd.NaT or value != value


def _text(value: object) -> str:
    return value if type(value) is str else str(value)


def _lists(frame: pd.DataFrame | None, column: str) -> dict[int, list[str]]:
    """Values of one column per record position, in source order, NULLs left out."""
    if frame is None or frame.empty or column not in frame:
        return {}
    out: dict[int, list[str]] = {}
    # Whole columns to Python lists at once: iterating an Arrow-backed column value by value is slow.
    for position, value in zip(frame.index.tolist(), frame[column].tolist()):
        if not _missing(value):
            out.setdefault(position, []).append(_text(value))
    return out


def _primary_outcomes(frame: pd.DataFrame | None) -> tuple[dict, dict]:
    if frame is None or frame.empty:
        return {}, {}
    rows = frame[frame["outcome_type"] == "primary"]
    measures, frames = {}, {}
    for position, measure, time_frame in zip(rows.index.tolist(), rows["measure"].tolist(),
                                             rows["time_frame"].tolist()):
        measures.setdefault(position, []).append("" if _missing(measure) else _text(measure))
        frames.setdefault(position, []).append("" if _missing(time_frame) else _text(time_frame))
    return measures, frames


def version_field_rows(run_id: str, versions: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per accepted version: its primary outcomes (measure, time frame), arm titles, interventions."""
    measures, time_frames = _primary_outcomes(frames.get("design_outcomes"))
    arms = _lists(frames.get("design_groups"), "title")
    interventions = _lists(frames.get("interventions"), "name")
    positions = versions["position"].tolist()
    frame = pd.DataFrame({
        "nct_id": versions["nct_id"].tolist(), "sha256": versions["sha256"].tolist(),
        "primary_outcome_measures": [measures.get(pos, []) for pos in positions],
        "primary_outcome_time_frames": [time_frames.get(pos, []) for pos in positions],
        "arm_titles": [arms.get(pos, []) for pos in positions],
        "intervention_names": [interventions.get(pos, []) for pos in positions],
        "loaded_run": [run_id] * len(positions)}, columns=COLUMNS)
    for column in COLUMNS[2:6]:
        frame[column] = frame[column].astype(object)
    return frame
