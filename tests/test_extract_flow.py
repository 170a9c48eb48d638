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

for pull in json.loads(sys.argv[1]):
    print("RESULT " + json.dumps(head(pull, sys.argv[2])))
"""


@pytest.mark.slow
@pytest.mark.long  # Prefect's task retries over a cut pull; tests/test_extract.py covers resuming fast
def test_a_cut_pull_is_retried_by_prefect_and_resumes_and_one_that_never_answers_ends_incomplete(tmp_path):
    records = corpus_records()
    wanted = [nct_id(r) for r in records if "nsclc" in " ".join(
        r["protocolSection"]["conditionsModule"]["conditions"]).lower()]
    env = dict(os.environ, PYTHONPATH=str(ROOT), PREFECT_HOME=str(tmp_path / "prefect"), DO_NOT_TRACK="1",
               TRIALQC_API_MIN_INTERVAL="0", TRIALQC_API_BACKOFF="0")
    env.pop("PREFECT_API_URL", None)
    # the 3rd page fails on every one of the client's 5 attempts: only a task retry gets past it
    replay = ReplayRegistry(records, faults={n: "drop" for n in range(3, 8)}, down_for={"always-down"})
    with ReplayServer(replay) as registry:
        common = {"api_url": registry.url, "landing": str(tmp_path / "landing"), "page_size": 1}
        pulls = [{"condition": "nsclc", **common}, {"sponsor": "always-down", **common}]
        proc = subprocess.run([sys.executable, "-c", FLOW, json.dumps(pulls), str(tmp_path / "w.duckdb")],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
        asked = registry.studies_requests()
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    cut, down = (json.loads(part.splitlines()[0]) for part in output.split("RESULT ")[1:3])
    assert cut["complete"], cut
    assert "Retry 1/2" in output, "Prefect retried the task"
    assert asked[7]["pageToken"] == asked[2]["pageToken"], "the retry resumed with the page that was cut"
    assert landed_ids(tmp_path / "landing") == wanted
    assert not down["complete"] and "INCOMPLETE" in down["lines"][0]
    assert sum(q.get("query.spons") == "always-down" for q in asked) == 3 * 5, "3 task runs of 5 attempts"
    with closing(connect(tmp_path / "w.duckdb")) as con:
        assert con.execute("SELECT search_key, status, studies_received FROM meta.registry_pulls "
                           "ORDER BY started_at").fetchall() == [
            ("condition=nsclc", "complete", len(wanted)), ("sponsor=always-down", "incomplete", 0)]
