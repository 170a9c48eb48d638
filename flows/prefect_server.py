"""The temporary Prefect API of `trialqc run --prefect` when no PREFECT_API_URL is set.

Prefect starts such a server by itself, but as a child in the run's process group: a terminal's Ctrl-C or a
systemd stop signals the whole group, the server stopped with the run, and Prefect's client then retried for about
70 s before the run could record its stop, and exited 1. This server runs in a session of its own, so a signal to
the run's group does not reach it: the run takes the stop, records it through the server, and stops the server last.
Should the run be killed outright (kill -9), the kernel signals the server too (Linux's parent-death signal).

The server's messages go to a file of its own, not to the command's output: stopped while it still recorded the
run's last events (a busy machine), it logged their cancellation with a traceback after the command's last line.
They are shown when the server ended by itself (it could not start, or it failed during the run).

Also the check every command that reports to the Prefect API PREFECT_API_URL names makes before it starts
(`check_api_answers`): with no server there, Prefect's client retried, then raised a long traceback.
"""
from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flows.errors import PrefectServerError

# Run by the server's interpreter before it becomes uvicorn: ask for SIGTERM when the run's thread that started it
# ends, and give up if the run already ended (the signal would never come).
_GUARD = """\
import ctypes, os, signal, sys
parent = int(sys.argv[1])
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
except (OSError, AttributeError):  # not Linux: stopped by the run only
    pass
if os.getppid() != parent:
    sys.exit(0)
os.execv(sys.executable, [sys.executable, "-m", "uvicorn", *sys.argv[2:]])
"""
# The settings Prefect gives its own temporary server: no UI, and the server knows it is temporary.
_SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
_APP = "prefect.server.api.server:create_app"  # uvicorn's factory of the server's app
_PORT_IN_USE = 3  # uvicorn's exit code when it cannot bind
_STOP_SECONDS = 5.0
_started: list["TemporaryPrefectServer"] = []
# How long the Prefect API that PREFECT_API_URL names is given to answer its health check.
HEALTH_TIMEOUT = 5.0
# Answers of an API that is there but wants credentials the health check does not send (Prefect Cloud takes them
# from PREFECT_API_KEY): Prefect's own client sends them.
ASKS_FOR_CREDENTIALS = (401, 403)


def check_api_answers(url: str, instead: str) -> None:
    """Raise UsageError (exit 2) when no Prefect API answers its health check at `url` (the value of
    PREFECT_API_URL): nothing answers there, the URL is none, or what answers says the page is not there or fails.
    The message names the setting and its value, the fault, how to start a server, then `instead` (what else the
    user may do, e.g. unset it)."""
    import httpx

    from flows.errors import UsageError

    try:
        answer = httpx.get(url.rstrip("/") + "/health", timeout=HEALTH_TIMEOUT)
    except (httpx.TransportError, httpx.InvalidURL) as exc:
        fault = type(exc).__name__
    else:
        if answer.is_success or answer.status_code in ASKS_FOR_CREDENTIALS:
            return
        fault = f"HTTP {answer.status_code}"
    raise UsageError(f"PREFECT_API_URL is set to {url} but no Prefect API answers there ({fault}): start one with "
                     f"`prefect server start` (or `make ui`){instead}")


class TemporaryPrefectServer:
    """A Prefect API on a free loopback port, for one run; `start()` returns its URL, `stop()` ends it."""

    def __init__(self, start_timeout: float):
        self.start_timeout = start_timeout
        self.process: subprocess.Popen | None = None
        self.output = None  # the file the server writes its messages to
        self.port = 0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> str:
        """Start the server and wait until it answers; a stop while it starts stops it too."""
        import httpx

        atexit.register(self.stop)
        _started.append(self)
        deadline = time.monotonic() + self.start_timeout
        try:
            self._spawn()
            with httpx.Client(timeout=2.0) as client:
                while time.monotonic() < deadline:
                    code = self.process.poll()
                    if code == _PORT_IN_USE:  # taken between choosing and binding it
                        self._spawn()
                        continue
                    if code is not None:
                        raise PrefectServerError(f"the temporary Prefect server exited with code {code} before it "
                                                 "answered; see its messages above")
                    try:
                        if client.get(f"{self.api_url}/health").status_code == 200:
                            return self.api_url
                    except httpx.TransportError:
                        pass
                    time.sleep(0.1)
        except BaseException:
            self.stop()
            raise
        self.stop()
        raise PrefectServerError(f"the temporary Prefect server did not answer within {self.start_timeout:g} s "
                                 "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS); run `prefect server start` "
                                 "and set PREFECT_API_URL, or run without --prefect")

    def _spawn(self) -> None:
        self.port = _free_port()
        self._close_output()  # a server that could not bind: its message is not wanted
        self.output = tempfile.TemporaryFile()
        command = [sys.executable, "-c", _GUARD, str(os.getpid()),
                   "--app-dir", str(_app_root()), "--factory", _APP,
                   "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on"]
        self.process = subprocess.Popen(command, env={**os.environ, **_SERVER_ENV}, start_new_session=True,
                                        stdin=subprocess.DEVNULL, stdout=self.output, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        """Stop the server and wait for it (its database is closed when this returns); safe to call again."""
        process, self.process = self.process, None
        if process is None:
            self._close_output()
            return
        try:
            if process.poll() is not None:  # it ended by itself: what it said tells why
                self._show_output()
                return
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        finally:
            self._close_output()

    def _show_output(self) -> None:
        """Write what the server wrote to the command's error output."""
        if self.output is None:
            return
        sys.stderr.flush()
        self.output.seek(0)
        sys.stderr.write(self.output.read().decode(errors="replace"))
        sys.stderr.flush()

    def _close_output(self) -> None:
        output, self.output = self.output, None
        if output is not None:
            output.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _app_root() -> Path:
    """The folder that holds the package of the server's app (`prefect`), found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec(_APP.split(".")[0])
    return Path(spec.origin).parent.parent


def stop_after_sending() -> None:
    """Send what Prefect queued for the temporary server (the run's logs and events), then stop it: the end of a
    `--prefect` run, while a stop still ends the command as an interrupt. Left to the exit, a stop in the second
    this takes was printed as an exception ignored at exit, and a SIGTERM killed the command."""
    if not any(server.process is not None for server in _started):
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=_STOP_SECONDS)
    stop_all()


def stop_all() -> None:
    """Stop every temporary server this process started (before an exit that skips the exit handlers)."""
    for server in _started:
        server.stop()
