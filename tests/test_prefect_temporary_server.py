"""`trialqc run --prefect` without PREFECT_API_URL: its temporary Prefect server outlives a stop sent to the run's
process group (a terminal's Ctrl-C, a systemd stop) until the run has recorded it, and ends with the run, also when
the run is killed outright; a stop as the run ends, a batch cancelled while parsing ahead, and a server that does
not answer each end the command with one line."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import CancelledError
from pathlib import Path

import duckdb
import pytest

from bench import generate
from tests.conftest import prefect_home_from
from tests.structured_rule_families import STRUCTURED_FAMILIES_CODE

ROOT = Path(__file__).resolve().parent.parent
TRIALQC = Path(sys.executable).parent / "trialqc"
CREATE_APP = b"prefect.server.api.server:create_app"
# A fresh Prefect database takes a while on a small, busy machine.
START_SECONDS = 240

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory, migrated_prefect_db) -> Path:
    """One PREFECT_HOME for the module's runs, its database migrated before (tests/conftest.py): the servers under
    test start as on a machine that has run trialqc before."""
    return prefect_home_from(migrated_prefect_db, tmp_path_factory.mktemp("prefect-home"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Enough studies for a run of several batches."""
    return generate.write(tmp_path_factory.mktemp("corpus"), 240, 3, "json", "folders")


def _servers(home: Path) -> list[int]:
    """The processes of Prefect API servers run with this PREFECT_HOME."""
    wanted = f"PREFECT_HOME={home}".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if CREATE_APP not in (entry / "cmdline").read_bytes():
                continue
            if wanted in (entry / "environ").read_bytes().split(b"\0"):
                pids.append(int(entry.name))
        except OSError:  # ended while read, or not ours
            continue
    return pids


def _start(corpus: Path, db: Path, home: Path, log: Path) -> subprocess.Popen:
    env = dict(os.environ, PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               TRIALQC_REPORTS=str(db.parent / "reports"))
    env.pop("PREFECT_API_URL", None)
    with open(log, "w") as out:  # a group of its own, as a terminal starts a command
        return subprocess.Popen([str(TRIALQC), "run", "--prefect", "--source", str(corpus), "--db", str(db),
                                 "--as-of", "2026-11-22", "--batch-size", "20", "--workers", "1"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _wait_for(run: subprocess.Popen, log: Path, words: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while words not in log.read_text(errors="replace"):  # bounded by the run's end and the deadline
        assert run.poll() is None, log.read_text(errors="replace")
        assert time.monotonic() < deadline, f"no {words!r} in time:\n{log.read_text(errors='replace')}"
        time.sleep(0.05)


def _servers_once(run: subprocess.Popen, log: Path, home: Path, words: str) -> list[int]:
    """The run's temporary server processes, once the run has logged `words`."""
    _wait_for(run, log, words)
    servers = _servers(home)
    assert servers, "no temporary Prefect server found"
    return servers


def _gone(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(Path(f"/proc/{pid}").exists() for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


# A terminal's Ctrl-C and a systemd stop reach every process of the run's group. Prefect's own temporary server
# stopped with them, and the run waited about 70 s for its client before it exited 1; a SIGTERM inside the flow
# was Prefect's TerminationSignal, and the run was recorded `failed`.
# Each signal once in the suite: a group Ctrl-C here, a SIGTERM while the server stops below (`make test-long` runs
# the other two).
@pytest.mark.parametrize("stop", [signal.SIGINT, pytest.param(signal.SIGTERM, marks=pytest.mark.long)],
                         ids=["group-ctrl-c", "group-sigterm"])
def test_a_stop_to_the_run_group_is_recorded_through_the_temporary_server_at_once(corpus, prefect_home, tmp_path,
                                                                                 stop):
    db, log = tmp_path / "t.duckdb", tmp_path / "run.log"
    run = _start(corpus, db, prefect_home, log)
    try:
        servers = _servers_once(run, log, prefect_home, "batch 1:")
        os.killpg(run.pid, stop)
        sent = time.monotonic()
        code = run.wait(timeout=120)
        seconds = time.monotonic() - sent
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    output = log.read_text(errors="replace")
    # the whole output as the message: a message that is no string is shortened to its ends by pytest
    assert code == 130 and seconds < 30, f"exit {code} {seconds:.1f} s after the stop; the run printed:\n{output}"
    assert "Traceback" not in output, f"the run printed:\n{output}"
    assert [line for line in output.splitlines() if line.startswith("error:")] == [
        "error: interrupted: batches committed before the stop are kept and the run is recorded as 'interrupted'; "
        "run again to load the rest and check what it loaded."]
    assert _gone(servers, 10), "the temporary Prefect server outlived its run"
    work = db.parent / f".{db.name}.writer" / "work.duckdb"
    with duckdb.connect(str(work if work.exists() else db), read_only=True) as con:
        assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("interrupted",)]
        assert con.execute("SELECT count(*) FROM studies").fetchone()[0] >= 20


def test_the_temporary_server_ends_when_its_run_is_killed_outright(corpus, prefect_home, tmp_path):
    db, log = tmp_path / "t.duckdb", tmp_path / "run.log"
    run = _start(corpus, db, prefect_home, log)
    try:
        servers = _servers_once(run, log, prefect_home, "Beginning flow run")
        run.kill()  # the run's process only, as the out-of-memory killer does
        run.wait(timeout=30)
        assert _gone(servers, 15), "the temporary Prefect server outlived its killed run"
    finally:
        try:
            os.killpg(run.pid, signal.SIGKILL)  # what of its group is left (its workers)
        except ProcessLookupError:
            pass
        for pid in _servers(prefect_home):
            os.kill(pid, signal.SIGKILL)


class _StoppedPool:
    """A worker pool the run's stop shut down: the batch's chunks were cancelled."""

    def map(self, fn, chunks):
        raise CancelledError()


def test_a_batch_parsing_ahead_when_the_run_stops_ends_cancelled_not_failed():
    from flows.inputs import Input
    from flows.parse_batch import CHUNK
    from flows.pipeline import _parse_until_stopped

    items = [Input(f"NCT{i:08d}.json", b'{"n": %d}' % i, None) for i in range(2 * CHUNK + 1)]  # chunks for the pool
    state = _parse_until_stopped(items, set(), _StoppedPool())
    assert state.is_cancelled() and "stopped" in state.message


# Sends the stop to the run's process as its temporary server is about to be stopped, at the run's end. The report
# is written without its GX Data Docs (TRIALQC_DATA_DOCS=off: a child that loads Great Expectations, several seconds
# of the run): they are waited for before the server is stopped, so the stop comes after them either way. The run
# checks with the structured-field families only (tests/structured_rule_families.py): the stop comes after the checks.
STOP_AS_THE_SERVER_STOPS = """
import os, signal, sys
{families}
from flows import prefect_server
stop, sent = prefect_server.TemporaryPrefectServer.stop, []
def stopping(self):
    if self.process is not None and not sent:
        sent.append(True)
        os.kill(os.getpid(), signal.{signal})
    stop(self)
prefect_server.TemporaryPrefectServer.stop = stopping
from flows.cli import app
sys.argv = ["trialqc", "run", "--prefect", "--source", {source!r}, "--db", {db!r}, "--as-of", "2026-11-22"]
app()
"""


@pytest.mark.parametrize("stop", [pytest.param("SIGINT", marks=pytest.mark.long), "SIGTERM"])
def test_a_stop_while_the_temporary_server_is_stopped_ends_the_command_after_publishing(prefect_home, tmp_path,
                                                                                       stop):
    """Stopped at exit, a stop while the server stopped was printed as an exception ignored at exit, exit 0 (a
    Ctrl-C), or killed the command (a SIGTERM)."""
    db = tmp_path / "t.duckdb"
    env = dict(os.environ, PREFECT_HOME=str(prefect_home), DO_NOT_TRACK="1", TRIALQC_REPORTS=str(tmp_path / "r"),
               TRIALQC_DATA_DOCS="off")
    env.pop("PREFECT_API_URL", None)
    code = STOP_AS_THE_SERVER_STOPS.format(signal=stop, source=str(ROOT / "data" / "samples"), db=str(db),
                                           families=STRUCTURED_FAMILIES_CODE)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    assert [line for line in proc.stderr.splitlines() if line.startswith("error:")] == [
        "error: interrupted after publishing: the run completed and its warehouse and report are published"]
    assert _gone(_servers(prefect_home), 10)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("completed",)]


def test_a_temporary_server_that_does_not_answer_in_time_ends_the_command_with_one_line(tmp_path):
    home, db = tmp_path / "prefect-home", tmp_path / "t.duckdb"
    env = dict(os.environ, PREFECT_HOME=str(home), DO_NOT_TRACK="1", TRIALQC_REPORTS=str(tmp_path / "r"),
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="0.2")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.run([str(TRIALQC), "run", "--prefect", "--db", str(db), "--as-of", "2026-11-22"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert [line for line in proc.stderr.splitlines() if line.startswith("error:")] == [
        "error: the temporary Prefect server did not answer within 0.2 s "
        "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS); run `prefect server start` and set PREFECT_API_URL, "
        "or run without --prefect. Nothing was done."]
    assert not db.exists()
    assert _gone(_servers(home), 10)
