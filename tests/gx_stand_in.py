"""A stand-in for a Great Expectations build (a real one takes seconds) for report tests."""
from __future__ import annotations

import json
from pathlib import Path

from checks import gx_docs, gx_docs_pages


def stand_in_for_data_docs(monkeypatch) -> list[str]:
    """Replace the Data Docs build with one that writes a one-run index; returns the run names built."""
    builds: list[str] = []

    def start_from_inputs(_inputs, folder, run_name):
        builds.append(run_name)
        Path(folder).mkdir(parents=True, exist_ok=True)
        runs = [{"table": "studies", "run_name": run_name, "link": "", "time": "2026-11-22 06:00", "success": True,
                 "met": 9, "evaluated": 9}]
        (Path(folder) / gx_docs.RUNS).write_text(json.dumps(runs))
        return gx_docs.Finished(gx_docs_pages.write_index(Path(folder), runs))

    def start_data_docs(_con, folder, run_name):
        return start_from_inputs(None, folder, run_name)

    monkeypatch.setattr(gx_docs, "start_data_docs", start_data_docs)
    monkeypatch.setattr(gx_docs, "start_from_inputs", start_from_inputs)
    return builds
