"""Against a real Prefect server on loopback: a run, its tasks and artifacts; `trialqc serve` and its stop."""
from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import prefect_home_from
from warehouse.connect import connect

ROOT = Path(__file__).resolve().parent.parent
TRIALQC = Path(sys.executable).parent / "trialqc"
PREFECT = Path(sys.executable).parent / "prefect"
# A fresh Prefect database takes a while on a small, busy machine; the wait ends as soon as it answers.
SERVER_START_SECONDS = 240

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(home: Path, api: str | None) -> dict:
    env = dict(os.environ, PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PYTHONPATH=str(ROOT))
    env.pop("PREFECT_API_URL", None)
    if api:
        env["PREFECT_API_URL"] = api
    return env


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory, migrated_prefect_db):
    """A `prefect server start` on 127.0.0.1 with its own PREFECT_HOME, its database migrated before
    (tests/conftest.py); yields its API URL."""
    home = prefect_home_from(migrated_prefect_db, tmp_path_factory.mktemp("prefect-server"))
    port = _free_port()
    log = open(home / "server.log", "w")
    server = subprocess.Popen([str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=_env(home, None), stdout=log, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:  # bounded: ends when the server answers, dies, or the deadline passes
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert server.poll() is None, (home / "server.log").read_text()
        assert time.monotonic() < deadline, "prefect server did not answer in time"
        time.sleep(0.2)  # a refused connection is answered at once: a short wait lets the fixture go on sooner
    yield api
    server.terminate()
    server.wait(timeout=30)
    log.close()


def _filter(api: str, kind: str, body: dict | None = None) -> list[dict]:
    return _post(f"{api}/{kind}/filter", body or {})


# `trialqc run` with the report's pages but not its GX Data Docs (a child that loads Great Expectations, several
# seconds of the run): the run's artifacts are of the run and its report, none of the Data Docs.
WITHOUT_DATA_DOCS = {"TRIALQC_DATA_DOCS": "off"}


def test_a_run_its_tasks_and_artifacts_are_in_the_prefect_api_while_a_shell_holds_the_warehouse(
        prefect_api, tmp_path):
    db = tmp_path / "trials.duckdb"
    connect(db).close()  # an (empty) published warehouse, held open read-write by a shell during the run
    shell = subprocess.Popen([sys.executable, "-c", "import duckdb,sys; c=duckdb.connect(sys.argv[1]); "
                              "print('ready', flush=True); sys.stdin.read()", str(db)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert shell.stdout.readline().strip() == "ready"
        env = dict(_env(tmp_path / "client", prefect_api), TRIALQC_REPORTS=str(tmp_path / "reports"),
                   **WITHOUT_DATA_DOCS)
        proc = subprocess.run([str(TRIALQC), "run", "--db", str(db), "--as-of", "2026-11-22"], env=env,
                              capture_output=True, text=True, cwd=ROOT, timeout=600)
    finally:
        shell.stdin.close()
        shell.wait(timeout=30)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    runs = _filter(prefect_api, "flow_runs")
    assert [r["state_type"] for r in runs] == ["COMPLETED"]
    assert {"as_of:2026-11-22", f"source:{ROOT / 'data' / 'samples'}"} <= set(runs[0]["tags"])
    tasks = _filter(prefect_api, "task_runs", {"flow_runs": {"id": {"any_": [runs[0]["id"]]}}})
    assert {"discover", "parse-batch", "validate-batch", "load-batch", "check-studies"} <= {
        t["task_key"].rsplit("-", 1)[0] for t in tasks} | {t["name"].rsplit("-", 1)[0] for t in tasks}
    artifacts = {a["key"]: a for a in _filter(prefect_api, "artifacts")}
    assert {"trialqc-run-summary", "trialqc-issues-by-rule", "trialqc-run-progress",
            "trialqc-quality-report"} <= set(artifacts)
    assert artifacts["trialqc-run-progress"]["data"] == 100
    assert artifacts["trialqc-issues-by-rule"]["type"] == "table"
    assert (tmp_path / "reports" / "quality_report.html").exists()


def _lines(stream) -> queue.Queue:
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in stream], daemon=True).start()
    return lines


def _wait_for(lines: queue.Queue, text: str, seconds: float) -> str:
    seen, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        seen.append(line)
        if text in line:
            return "".join(seen)
    raise AssertionError(f"{text!r} not printed; got: {''.join(seen)}")


def _serve(prefect_api: str, tmp_path: Path) -> tuple[subprocess.Popen, queue.Queue]:
    serve = subprocess.Popen([str(TRIALQC), "serve", "--cron", "0 6 * * *", "--timezone", "Europe/Berlin",
                              "--db", str(tmp_path / "trials.duckdb")], env=_env(tmp_path / "client", prefect_api),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    lines = _lines(serve.stdout)
    _wait_for(lines, "stop with Ctrl-C or SIGTERM", 180)
    return serve, lines


def _stop(serve: subprocess.Popen, lines: queue.Queue) -> str:
    """SIGTERM; the exit must be clean and within seconds; returns what serve printed meanwhile."""
    started = time.monotonic()
    serve.send_signal(signal.SIGTERM)
    try:
        assert serve.wait(timeout=15) == 0
    finally:
        if serve.poll() is None:
            serve.kill()
    assert time.monotonic() - started < 10
    rest = ""
    while True:
        try:
            rest += lines.get(timeout=2)
        except queue.Empty:
            return rest


def _post(url: str, body: dict) -> dict:
    """POST with a few tries: a Prefect server on SQLite answers 5xx while its own services hold the database.
    Any other answer, or a 5xx that does not pass, fails with the server's own words."""
    for attempt in range(5):
        response = httpx.post(url, json=body, timeout=30)
        if response.status_code < 500:
            break
        time.sleep(1 + attempt)
    assert response.is_success, f"{response.status_code}: {response.text}"
    return response.json()


def _deployment(api: str) -> dict:
    return next(d for d in _filter(api, "deployments") if d["name"] == "trialqc-scheduled")


def test_serve_registers_cron_and_time_zone_stops_on_sigterm_and_skips_the_backlog(prefect_api, tmp_path):
    serve, lines = _serve(prefect_api, tmp_path)
    deployment = _deployment(prefect_api)
    schedule = deployment["schedules"][0]["schedule"]
    assert (schedule["cron"], schedule["timezone"]) == ("0 6 * * *", "Europe/Berlin")
    assert deployment["global_concurrency_limit"]["limit"] == 1
    assert deployment["paused"] is False
    rest = _stop(serve, lines)
    assert "Traceback" not in rest and "paused" in rest
    assert _deployment(prefect_api)["paused"] is True
    # While serve was down, a run was due three days ago with other parameters: a restart skips it.
    stale = _post(f"{prefect_api}/deployments/{deployment['id']}/create_flow_run", {
        "parameters": {"db": "/old/path.duckdb"}, "state": {"type": "SCHEDULED", "state_details": {
            "scheduled_time": "2026-01-01T06:00:00Z"}}})
    serve, lines = _serve(prefect_api, tmp_path)
    rest = _stop(serve, lines)
    run = httpx.get(f"{prefect_api}/flow_runs/{stale['id']}", timeout=30).json()
    assert run["state_type"] == "CANCELLED" and "more than one interval late" in run["state"]["message"]


@pytest.mark.parametrize("api", [None, "http://127.0.0.1:9/api"])
def test_serve_without_a_prefect_api_is_a_clear_usage_error(tmp_path, api):
    proc = subprocess.run([str(TRIALQC), "serve"], env=_env(tmp_path, api), capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "prefect server start" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
