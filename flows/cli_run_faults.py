"""The faults a `trialqc run` ends with, told apart: the disk or a database I/O fault, DuckDB out of memory, a Prefect
API that stopped answering (and the exit that does not wait for it)."""
from __future__ import annotations

import os


def is_infrastructure(exc: BaseException) -> bool:
    """Disk full, permissions, a database I/O fault: the run cannot go on, and it is not a bug."""
    import duckdb

    from flows.errors import InfrastructureError

    if isinstance(exc, duckdb.TransactionException):  # a COMMIT that could not write its log: the disk, not a bug
        return "Could not write" in str(exc) or "No space left" in str(exc)
    return isinstance(exc, (OSError, InfrastructureError, duckdb.IOException, duckdb.FatalException))


def prefect_api_gone(exc: BaseException) -> bool:
    """A connection to the Prefect API that failed (its server stopped or restarted mid-run): an httpx transport
    error raised through Prefect's client. The registry pull handles its own."""
    import httpx

    if not isinstance(exc, httpx.TransportError):
        return False
    frame = exc.__traceback__
    while frame is not None:
        if PREFECT_CLIENT in frame.tb_frame.f_code.co_filename:
            return True
        frame = frame.tb_next
    return False


PREFECT_CLIENT = os.path.join("prefect", "client", "")
API_GONE = ("the Prefect API stopped answering during the run ({}), so Prefect could not record it; what the run "
             "committed is kept, and published where the log above says so. Start the Prefect server again (or run "
             "without PREFECT_API_URL) and run again (loaded files are skipped).")


def exit_without_prefect_drain(code: int) -> None:
    """Exit now: at exit Prefect would send the run's queued events to the API that stopped answering, each after a
    connection timeout, and the process stayed for more than seven minutes after the run had published. A temporary
    Prefect server this process started (`--prefect`) is stopped first."""
    import sys

    from flows.prefect_server import stop_all

    stop_all()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def out_of_memory(exc: BaseException) -> bool:
    """DuckDB out of memory, also when it made a checkpoint fail (a fatal error that names the allocation)."""
    import duckdb

    return isinstance(exc, duckdb.OutOfMemoryException) or (
        isinstance(exc, duckdb.FatalException) and "could not allocate" in str(exc))
