"""The same flow on prefect-dask's DaskTaskRunner (a local cluster of two worker processes) gives the same warehouse."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from flows import parse_batch
from flows.run import run_pipeline
from tests.faults import AS_OF, table_hashes
from tests.gx_stand_in import stand_in_for_data_docs
from tests.test_order import _arrange
from warehouse.connect import connect


@pytest.mark.slow
def test_the_flow_on_a_two_worker_dask_cluster_equals_the_single_process_run(tmp_path, monkeypatch):
    from prefect.settings import PREFECT_LOGGING_TO_API_ENABLED, temporary_settings
    from prefect_dask import DaskTaskRunner

    from flows.pipeline import parse_workers, trialqc_flow

    source = _arrange(tmp_path, "flat-a")
    plain_db = tmp_path / "plain.duckdb"
    con = connect(plain_db)
    run_pipeline(con, run_id="plain", source=source, db_path=plain_db, as_of=AS_OF, workers=1)
    expected = table_hashes(con)
    con.close()

    monkeypatch.setattr(parse_batch, "CHUNK", 2)  # several chunks, so both Dask workers parse
    monkeypatch.setenv("TRIALQC_REPORTS", str(tmp_path / "reports"))  # not the project's own reports folder
    stand_in_for_data_docs(monkeypatch)  # what is compared is the warehouse: a one-run stand-in for the Data Docs
    # The Dask workers are processes of their own that outlive the flow's temporary API: logs they would ship to
    # it after it stopped only print "Error logging to API". The run's own logs still go to the terminal.
    monkeypatch.setenv("PREFECT_LOGGING_TO_API_ENABLED", "false")  # (the workers read it when they start)
    used = []

    @contextmanager
    def recording(workers):
        with parse_workers(workers) as pool:
            used.append(type(pool).__name__)
            yield pool
    monkeypatch.setattr("flows.pipeline.parse_workers", recording)
    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True,
                                            "dashboard_address": None})
    dask_db = tmp_path / "dask.duckdb"
    with temporary_settings({PREFECT_LOGGING_TO_API_ENABLED: False}):  # (this process read its settings before)
        trialqc_flow.with_options(task_runner=runner)(source=str(source), db=str(dask_db), as_of=AS_OF)
    assert used == ["ClientExecutor"]
    con = connect(dask_db)
    assert table_hashes(con) == expected
    con.close()

