"""The temporary Prefect server of `trialqc run --prefect` writes its messages to a file of its own: stopped by the
run as it still records the run's last events (a stop on a busy machine), Prefect's server logged their
cancellation with a traceback after the command's last line. They are shown when the server ends by itself."""
from __future__ import annotations

import asyncio
import traceback

import pytest

from flows import prefect_server
from flows.errors import PrefectServerError
from flows.prefect_server import TemporaryPrefectServer

HERE = "tests.test_stop_windows"
START_SECONDS = 60


def stopped_while_recording():
    """A stand-in for the server's app (uvicorn's factory): answers its health check and, when stopped, logs a
    traceback, as Prefect's does when it is stopped while it records a run's events."""
    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    try:
                        raise asyncio.CancelledError("stopped while it recorded the run's events")
                    except asyncio.CancelledError:
                        traceback.print_exc()
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b"true"})
    return app


def cannot_open_its_database():
    """A stand-in for a server that cannot start."""
    raise RuntimeError("the server's database cannot be opened")


def test_what_the_temporary_server_logs_as_the_run_stops_it_stays_out_of_the_command_s_output(monkeypatch, capfd):
    monkeypatch.setattr(prefect_server, "_APP", f"{HERE}:stopped_while_recording")
    server = TemporaryPrefectServer(START_SECONDS)
    server.start()
    server.stop()
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "recorded the run's events" not in out + err


def test_a_temporary_server_that_ends_before_it_answers_shows_why(monkeypatch, capfd):
    monkeypatch.setattr(prefect_server, "_APP", f"{HERE}:cannot_open_its_database")
    with pytest.raises(PrefectServerError, match="see its messages above"):
        TemporaryPrefectServer(START_SECONDS).start()
    assert "the server's database cannot be opened" in capfd.readouterr().err
