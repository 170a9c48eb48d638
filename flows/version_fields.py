"""What a diff needs of each loaded version beyond meta.source_records: primary outcomes and arms."""
from __future__ import annotations

import pandas as pd

COLUMNS = ["nct_id", "sha256", "primary_outcome_measures", "primary_outcome_time_frames",
           "arm_titles", "intervention_names", "loaded_run"]


def _lists(frame: pd.DataFrame | None, column: str) -> dict[int, list[str]]:
    """Values of one column per record position, in source order, NULLs left out."""
    if frame is None or frame.empty or column not in frame:
        return {}
    out: dict[int, list[str]] = {}
    for position, value in zip(frame.index, frame[column]):
        if not pd.isna(value):
            out.setdefault(position, []).append(str(value))
    return out


def _primary_outcomes(frame: pd.DataFrame | None) -> tuple[dict, dict]:
    if frame is None or frame.empty:
        return {}, {}
    primary = frame["outcome_type"] == "primary"
    rows = frame[primary]
    measures, frames = {}, {}
    for position, measure, time_frame in zip(rows.index, rows["measure"], rows["time_frame"]):
        measures.setdefault(position, []).append("" if pd.isna(measure) else str(measure))
        frames.setdefault(position, []).append("" if pd.isna(time_frame) else str(time_frame))
    return measures, frames


def version_field_rows(run_id: str, versions: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per accepted version: its primary outcomes (measure, time frame), arm titles, interventions."""
    measures, time_frames = _primary_outcomes(frames.get("design_outcomes"))
    arms = _lists(frames.get("design_groups"), "title")
    interventions = _lists(frames.get("interventions"), "name")
    rows = [{"nct_id": nct_id, "sha256": sha256, "primary_outcome_measures": measures.get(pos, []),
             "primary_outcome_time_frames": time_frames.get(pos, []), "arm_titles": arms.get(pos, []),
             "intervention_names": interventions.get(pos, []), "loaded_run": run_id}
            for pos, nct_id, sha256 in zip(versions["position"], versions["nct_id"], versions["sha256"])]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in COLUMNS[2:6]:
        frame[column] = frame[column].astype(object)
    return frame
