"""The Prefect flow hands each batch to its tasks without Prefect walking through it."""
from __future__ import annotations

import pytest

from tests.faults import AS_OF
from tests.test_order import _arrange

pytestmark = pytest.mark.slow


def test_the_flow_s_tasks_get_their_batches_without_prefect_visiting_every_object_in_them(tmp_path, monkeypatch):
    """Prefect looks through a task's arguments for futures and for the runs that made them, object by object:
    over batches of studies' rows that took two thirds of a flow run's time (82 s for 8,000 studies, where the
    same stages without Prefect took 7 s). Handed over opaque, a batch is one object to it, whatever it holds."""
    import prefect.utilities.collections as collections
    import prefect.utilities.engine as engine

    from flows.pipeline import trialqc_flow

    visited = []
    original = collections.visit_collection

    def counting(expr, *args, **kwargs):
        visited.append(type(expr).__name__)
        return original(expr, *args, **kwargs)

    monkeypatch.setattr(collections, "visit_collection", counting)
    monkeypatch.setattr(engine, "visit_collection", counting)
    monkeypatch.setenv("TRIALQC_REPORTS", str(tmp_path / "reports"))
    source = _arrange(tmp_path, "flat-a")
    studies = sum(1 for path in source.rglob("*") if path.is_file())
    result = trialqc_flow(source=str(source), db=str(tmp_path / "w.duckdb"), as_of=AS_OF, workers=1, report=False)
    assert result.loaded == studies > 20
    # every row of every study would be visited: dicts, lists and dataclasses by the thousand per study
    assert visited.count("dict") < 20 * studies, (len(visited), studies)
    assert "StudyRecord" not in visited  # no task walked into a batch
