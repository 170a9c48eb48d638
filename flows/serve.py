"""`trialqc serve`: a scheduled deployment fit for a server (time zone, no backlog storm, clean stop)."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import datetime, timedelta, timezone as tz
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flows.errors import TrialQCError

DEPLOYMENT = "trialqc-scheduled"
# How long a stop may take before serve exits anyway (a run in flight keeps its own process).
STOP_SECONDS = 5.0


class ServeError(TrialQCError):
    """serve cannot start; exit_code says whether the call (2) or the machine (1) is at fault."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def check_schedule(cron: str, timezone: str) -> timedelta:
    """Validate the cron expression and time zone; return the interval between two runs."""
    from prefect._vendor.croniter import croniter  # the cron parser Prefect's own schedules use

    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ServeError(f"unknown time zone {timezone!r}: use an IANA name such as UTC or Europe/Berlin") from None
    if not croniter.is_valid(cron):
        raise ServeError(f"{cron!r} is not a cron expression (e.g. \"0 6 * * *\": every day at 06:00)")
    times = croniter(cron, datetime.now(zone))
    first = times.get_next(datetime)
    return times.get_next(datetime) - first


def check_api(say: Callable[[str], None]) -> str:
    """The Prefect API URL, after checking that it answers; ServeError (exit 2) when there is none."""
    url = os.environ.get("PREFECT_API_URL", "")
    if not url:
        from prefect.settings import PREFECT_API_URL

        url = PREFECT_API_URL.value() or ""
    if not url:
        raise ServeError("no Prefect API is set: start one with `prefect server start` and "
                         "`export PREFECT_API_URL=http://127.0.0.1:4200/api`, then run `trialqc serve` again")
    from flows.errors import UsageError
    from flows.prefect_server import check_api_answers

    try:
        check_api_answers(url, ", then run `trialqc serve` again")
    except UsageError as exc:
        raise ServeError(str(exc)) from None
    say(f"Prefect API at {url}")
    return url


def serve_schedule(*, cron: str, timezone: str, source: Path | None, db: Path | None,
                   say: Callable[[str], None], pull: dict | None = None) -> None:
    """Register the deployment and serve it until SIGTERM or SIGINT; with `pull`, each run pulls first."""
    interval = check_schedule(cron, timezone)
    check_api(say)
    from flows.serve_runner import run_until_stopped

    parameters = {"source": str(source.resolve()) if source else None,
                  "db": str(db.resolve()) if db else None, "recheck_all": True, "pull": pull or None}
    asyncio.run(run_until_stopped(cron=cron, timezone=timezone, interval=interval,
                                  parameters=parameters, say=say))
    # Stopped and paused: Prefect's background services would take ~10 s more to wind down at
    # interpreter exit, too slow for systemd/docker stop; a run in flight lives in its own process.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def install_stop_handlers(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    """SIGTERM (systemd, docker stop) and SIGINT (Ctrl-C) both ask for a clean stop."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)


def late_cutoff(interval: timedelta) -> datetime:
    """Scheduled runs older than this are skipped: more than one interval late."""
    return datetime.now(tz.utc) - interval
