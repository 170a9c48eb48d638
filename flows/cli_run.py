"""`trialqc run`'s stages: the stops noted while it starts and after it ends, and the run itself, as a Prefect flow
(on a configured server or a temporary one) or as the same stages directly."""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

from flows.cli_console import err
from flows.settings import Settings


@contextmanager
def stops_noted() -> Iterator[list[int]]:
    """Take Ctrl-C and SIGTERM as noted, not acted on, in the block, and yield where they are noted: the run's own
    handling (flows/stops.py) takes them while it runs and gives these back when it ends. One noted before it began
    (as its paths were checked) stops it as it begins; one that comes once it has ended, its summary printed, finds
    nothing left to stop, and the command ends as the run did (a default handler there killed it, exit -15, or
    raised at the interpreter's exit, -2). The `trialqc` command keeps them so until it exits; a caller in its own
    process (a test) gets its handlers back."""
    import signal

    from flows.entry import exits_after_command
    from flows.stops import STOPS

    previous = {stop: signal.getsignal(stop) for stop in STOPS}
    noted: list[int] = []
    for stop in STOPS:
        signal.signal(stop, lambda signum, frame: noted.append(signum))
    try:
        yield noted
    finally:
        if not exits_after_command():
            for stop, handler in previous.items():
                signal.signal(stop, handler)


def run_once(source_path: Path, db_path: Path, settings: Settings, prefect: bool, options: dict):
    """The run itself: as a Prefect flow when a server is configured (checked to answer first: a UsageError when it
    does not) or asked for, else the same stages directly."""
    if settings.prefect_api_url:
        from flows.prefect_server import check_api_answers

        check_api_answers(settings.prefect_api_url, ", or `unset PREFECT_API_URL` to run without a server. Nothing "
                                                    "was done.")
        from flows.pipeline import trialqc_flow

        return trialqc_flow(source=str(source_path), db=str(db_path), **options)
    if prefect:
        return _run_on_temporary_server(source_path, db_path, settings, options)
    import logging
    import uuid

    from flows.run import run_pipeline
    from flows.warehouse_session import warehouse_session

    log = logging.getLogger("trialqc")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    run_id, report, ducklake = str(uuid.uuid4()), options.pop("report"), options.pop("ducklake")
    options["batch_size"] = options["batch_size"] or settings.batch_size
    options["as_of"] = options["as_of"] or date.today()
    with warehouse_session(db_path, run_id, log, settings.reports_for(db_path) if report else None,
                           ducklake=ducklake) as session:
        return run_pipeline(session.con, run_id=run_id, source=source_path, db_path=db_path, log=log, by_rule=False,
                            reconnected=session.use, **options)


def _run_on_temporary_server(source_path: Path, db_path: Path, settings: Settings, options: dict):
    """The Prefect flow on a temporary API of its own, which a stop sent to the run's process group leaves running
    until the run has recorded the stop (flows/prefect_server.py)."""
    from flows.prefect_server import TemporaryPrefectServer

    server = TemporaryPrefectServer(settings.prefect_start_timeout)
    err.print("[dim]starting a temporary Prefect server for this run (set PREFECT_API_URL to use a running one)[/]")
    os.environ["PREFECT_API_URL"] = server.start()  # before prefect is imported: it reads its settings once
    os.environ.setdefault("PREFECT_UI_URL", "")  # the server has no UI: no "View at" link that leads nowhere
    from flows.pipeline import trialqc_flow

    # The server is stopped once the summary is printed (`_print_summary`), else at exit.
    return trialqc_flow(source=str(source_path), db=str(db_path), **options)
