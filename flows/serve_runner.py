"""The Prefect side of `trialqc serve`: register, skip the backlog, serve, stop cleanly and pause."""
from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta
from typing import Callable

from prefect import get_client
from prefect.client.schemas.filters import (DeploymentFilter, DeploymentFilterId, FlowRunFilter,
                                            FlowRunFilterState, FlowRunFilterStateType)
from prefect.client.schemas.objects import StateType
from prefect.runner import Runner
from prefect.schedules import Cron
from prefect.states import Cancelled

from flows.pipeline import trialqc_flow
from flows.serve import DEPLOYMENT, STOP_SECONDS, install_stop_handlers, late_cutoff


async def settle_backlog(deployment_id, parameters: dict, interval: timedelta, say: Callable[[str], None]) -> int:
    """Skip scheduled runs more than one interval late; give the others the parameters of this call."""
    cutoff = late_cutoff(interval)
    skipped = 0
    async with get_client() as client:
        runs = await client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(
                type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))))
        for run in runs:
            when = run.expected_start_time or run.next_scheduled_start_time
            if when is not None and when < cutoff:
                await client.set_flow_run_state(run.id, Cancelled(
                    message=f"skipped: scheduled for {when:%Y-%m-%d %H:%M %Z}, more than one interval late"),
                    force=True)
                skipped += 1
            elif run.parameters != parameters:
                await client.update_flow_run(run.id, parameters=parameters)
    if skipped:
        say(f"skipped {skipped} scheduled run(s) more than one interval late")
    return skipped


async def _pause(deployment_id) -> None:
    async with get_client() as client:
        await client.pause_deployment(deployment_id)


async def run_until_stopped(*, cron: str, timezone: str, interval: timedelta, parameters: dict,
                            say: Callable[[str], None]) -> None:
    """Serve the deployment until SIGTERM/SIGINT; then stop polling and pause its schedule, within seconds."""
    stop = asyncio.Event()
    install_stop_handlers(asyncio.get_running_loop(), stop)
    deployment = await trialqc_flow.ato_deployment(
        name=DEPLOYMENT, schedules=[Cron(cron, timezone=timezone)], parameters=parameters,
        concurrency_limit=1, tags=["trialqc", "scheduled"], paused=False,
        description="Load new registry records and re-check every study as of the run date.")
    runner = Runner(name=f"trialqc-serve-{timezone.replace('/', '-')}", limit=1, pause_on_shutdown=False)
    runner.handle_sigterm = lambda *args: stop.set()  # the runner's own handler exits abruptly
    deployment_id = await runner.add_deployment(deployment)
    await settle_backlog(deployment_id, parameters, interval, say)
    say(f"serving deployment 'trialqc/{DEPLOYMENT}' on \"{cron}\" ({timezone}); stop with Ctrl-C or SIGTERM")
    serving = asyncio.create_task(runner.start())
    await asyncio.wait([serving, asyncio.create_task(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
    say("stopping: no new runs start; pausing the schedule")
    serving.cancel()
    with contextlib.suppress(asyncio.CancelledError, asyncio.TimeoutError, Exception):
        await asyncio.wait_for(serving, STOP_SECONDS)
    with contextlib.suppress(Exception):
        await asyncio.wait_for(_pause(deployment_id), STOP_SECONDS)
    say("stopped; the deployment is paused until `trialqc serve` starts again")
