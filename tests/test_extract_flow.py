"""The extract task at the head of a Prefect flow: a pull cut past the client's retries is retried by
Prefect, and the retry resumes from the last landed page."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.registry_replay import ReplayRegistry, ReplayServer, corpus_records, nct_id
from tests.test_extract import landed_ids
from warehouse.connect import connect

ROOT = Path(__file__).resolve().parent.parent
FLOW = """
import json, sys
from prefect import flow
from flows.extract.task import extract_stage

@flow(name="extract-head")
def head(pull: dict, db: str):
    result = extract_stage(pull, db)
    return {"complete": result.complete, "lines": list(result.lines), "landing": str(result.landing)}

print("RESULT " + json.dumps(head(json.loads(sys.argv[1]), sys.argv[2])))
"""


@pytest.mark.slow
def test_a_cut_pull_is_retried_by_prefect_and_resumes(tmp_path):
    records = corpus_records()
    wanted = [nct_id(r) for r in records if "nsclc" in " ".join(
        r["protocolSection"]["conditionsModule"]["conditions"]).lower()]
    env = dict(os.environ, PYTHONPATH=str(ROOT), PREFECT_HOME=str(tmp_path / "prefect"), DO_NOT_TRACK="1",
               TRIALQC_API_MIN_INTERVAL="0", TRIALQC_API_BACKOFF="0")
    env.pop("PREFECT_API_URL", None)
    # the 3rd page fails on every one of the client's 5 attempts: only a task retry gets past it
    with ReplayServer(ReplayRegistry(records, faults={n: "drop" for n in range(3, 8)})) as registry:
        pull = {"condition": "nsclc", "api_url": registry.url, "landing": str(tmp_path / "landing"), "page_size": 1}
        proc = subprocess.run([sys.executable, "-c", FLOW, json.dumps(pull), str(tmp_path / "w.duckdb")],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
        asked = registry.studies_requests()
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    result = json.loads(output.split("RESULT ", 1)[1].splitlines()[0])
    assert result["complete"], result
    assert "Retry 1/2" in output, "Prefect retried the task"
    assert asked[7]["pageToken"] == asked[2]["pageToken"], "the retry resumed with the page that was cut"
    assert landed_ids(tmp_path / "landing") == wanted
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert con.execute("SELECT status, studies_received FROM meta.registry_pulls").fetchall() == [
            ("complete", len(wanted))]
