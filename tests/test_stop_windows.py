"""A stop at the edges of a run says what it did: before the run began (waiting for another run's lock, or as its
paths were checked) nothing was loaded or recorded; once its summary is printed there is nothing left to stop; and
one that cut the command's start (an import of DuckDB) is the one line of a stop while starting, not an ImportError."""
from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows import cli_run, entry, publish
from flows.cli import app
from flows.publish import WriterFiles

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
TRIALQC = Path(sys.executable).parent / "trialqc"
runner = CliRunner()


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "TRIALQC_DUCKDB_MEMORY")}
    return {**env, "TRIALQC_REPORTS": str(tmp_path / "reports"), "DO_NOT_TRACK": "1"}


def test_a_stop_while_waiting_for_another_runs_lock_says_nothing_was_done(tmp_path):
    db = tmp_path / "trials.duckdb"
    first = subprocess.run([str(TRIALQC), "run", "--source", str(SAMPLES), "--db", str(db), "--no-report"],
                           env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    lock = WriterFiles(db.resolve()).lock
    with open(lock, "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another run writes this warehouse
        waiting = subprocess.Popen([str(TRIALQC), "run", "--source", str(SAMPLES), "--db", str(db), "--no-report"],
                                   env=_env(tmp_path), stderr=subprocess.PIPE, text=True)
        said = ""
        while "waiting for it to finish" not in said:
            line = waiting.stderr.readline()
            assert line, said
            said += line
        waiting.send_signal(signal.SIGINT)
        rest = waiting.stderr.read()
        assert waiting.wait(timeout=30) == 130
    assert publish.BEFORE_THE_RUN in " ".join(rest.split()) and "Traceback" not in rest
    assert "recorded as 'interrupted'" not in rest
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM meta.load_runs").fetchone() == (1,)  # the first run's only


def test_a_stop_before_the_run_took_its_stops_stops_it_as_it_begins(tmp_path, monkeypatch):
    """A stop as the paths were checked is noted, not lost: the run does not start and says so."""
    def checked(db_path):
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(publish, "check_writable", checked)
    before = signal.getsignal(signal.SIGINT)  # Python's default, or what a test runner's worker set
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = runner.invoke(app, ["run", "--source", str(SAMPLES), "--db", str(tmp_path / "t.duckdb"),
                                     "--no-report"])
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # a caller's handlers are given back
    finally:
        signal.signal(signal.SIGINT, before)
    assert result.exit_code == 130 and publish.BEFORE_THE_RUN in " ".join(result.output.split()), result.output
    assert not (tmp_path / "t.duckdb").exists()


def test_the_command_keeps_stops_noted_once_the_run_has_ended(monkeypatch):
    """In the `trialqc` command a stop after the summary finds nothing to stop: it is noted until the process exits,
    where the default handlers killed it (exit -15) or raised at the interpreter's exit (-2)."""
    monkeypatch.setattr(entry, "_running", [True])
    before = {stop: signal.getsignal(stop) for stop in (signal.SIGINT, signal.SIGTERM)}
    try:
        with cli_run.stops_noted() as noted:
            pass
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)
        assert noted == [signal.SIGTERM]
    finally:
        for stop, handler in before.items():
            signal.signal(stop, handler)


def _cut_import() -> ImportError:
    try:
        try:
            raise KeyboardInterrupt("signal 15")
        except KeyboardInterrupt as stop:
            raise ImportError("initialization failed") from stop
    except ImportError as exc:
        return exc


def test_an_import_a_stop_cut_ends_the_command_as_a_stop_while_starting(capsys):
    with pytest.raises(SystemExit) as ended:
        entry._exit_if_stopped(_cut_import())
    assert ended.value.code == 130 and capsys.readouterr().err == f"error: {entry.STARTING}\n"


def test_an_exit_the_command_chose_is_left_as_it_is(capsys):
    """The command's own exit after a stop it handled (its one line said) carries the stop in its context."""
    try:
        try:
            raise KeyboardInterrupt()
        except KeyboardInterrupt:
            raise SystemExit(130)
    except SystemExit as chosen:
        entry._exit_if_stopped(chosen)
    entry._exit_if_stopped(ImportError("no module named x"))
    assert capsys.readouterr().err == ""


def test_ctrl_c_during_a_pull_ends_it_with_one_line_and_exit_130(tmp_path, monkeypatch):
    """The pull records itself incomplete (tests/test_extract_misbehaving_registry.py); the command says so, where
    Click's "Aborted!" and exit 1 made it look like an incomplete pull."""
    from flows.extract import command

    def stopped(request, settings, console):
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "pull_in_terminal", stopped)
    result = runner.invoke(app, ["pull", "--term", "asthma", "--db", str(tmp_path / "t.duckdb"),
                                 "--landing", str(tmp_path / "in"), "--api-url", "http://127.0.0.1:9"])
    assert result.exit_code == 130, result.output
    assert "the pull is recorded incomplete" in " ".join(result.output.split()) and "Aborted" not in result.output
