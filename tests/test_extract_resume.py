"""A pull killed mid-way (the process, not an exception) resumes: the landing folder completes, once."""
from __future__ import annotations

import math
import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from tests.registry_replay import ReplayRegistry, ReplayServer, corpus_records, nct_id
from tests.test_extract import landed_ids
from warehouse.connect import connect

ROOT = Path(__file__).resolve().parent.parent


def test_a_killed_pull_resumes_and_lands_every_study_once(tmp_path):
    records = corpus_records()
    size = math.ceil(len(records) / 5)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRIALQC_API_MIN_INTERVAL="0", TRIALQC_API_BACKOFF="0")
    with ReplayServer(ReplayRegistry(records, faults={3: "block"})) as registry:
        command = [sys.executable, "-m", "flows.cli", "pull", "--api-url", registry.url, "--page-size", str(size),
                   "--landing", str(tmp_path / "landing"), "--db", str(tmp_path / "w.duckdb")]
        first = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            assert registry.blocked.wait(120), first.stderr.read().decode() if first.poll() is not None else "no request"
        finally:
            first.kill()
            first.wait(30)
        assert len(landed_ids(tmp_path / "landing")) == 2 * size, "two pages landed before the kill"
        registry.faults.clear()
        seen = len(registry.studies_requests())
        second = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "(resumed): complete" in " ".join(second.stdout.split())
        assert registry.studies_requests()[seen]["pageToken"] == registry.studies_requests()[2]["pageToken"]
    assert landed_ids(tmp_path / "landing") == [nct_id(r) for r in records], "every study once, in order"
    assert len(list((tmp_path / "landing").glob("*/page-*.json"))) == 5
    assert not list((tmp_path / "landing").rglob(".*.tmp"))
    with closing(connect(tmp_path / "w.duckdb")) as con:
        rows = con.execute("SELECT status, total_count, studies_received FROM meta.registry_pulls").fetchall()
    assert rows == [("complete", len(records), len(records))]
