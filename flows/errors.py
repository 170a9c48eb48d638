"""The one exception base of trialqc."""
import re


class TrialQCError(Exception):
    """Base of every error trialqc raises on purpose."""


class InfrastructureError(TrialQCError):
    """The run cannot go on (disk full, database locked): exit code 1."""


class WorkerLost(InfrastructureError):
    """A worker process of the run ended abruptly (killed: the system's out-of-memory killer kills the largest
    process, often a worker), so the batch or rules it held are lost: the run ends rather than wait for them."""

    def __init__(self, exitcode: int | None) -> None:
        import signal

        if exitcode is None:  # not told (concurrent.futures keeps no exit code)
            how = ""
        elif exitcode < 0:
            try:
                how = f", killed by {signal.Signals(-exitcode).name}"
            except ValueError:
                how = f", killed by signal {-exitcode}"
        else:
            how = f", exit code {exitcode}"
        hint = " (as the system kills a process when memory runs out)" if exitcode in (None, -9) else ""
        super().__init__(f"a worker process of the run ended abruptly{how}{hint}")
        self.exitcode = exitcode


class FailedAfterRun(InfrastructureError):
    """A fault (a full disk, an I/O error) while a run that had completed and was recorded was published: unlike a
    failed run, it loaded and checked everything; the message says whether it is published and what the next run
    does."""


class PrefectServerError(InfrastructureError):
    """The temporary Prefect API of a `--prefect` run did not start, so the run did not either: exit code 1."""


class UsageError(TrialQCError):
    """The command was called wrongly (bad path, bad date): exit code 2."""


class InterruptedAfterRun(KeyboardInterrupt):
    """Ctrl-C or SIGTERM once the run had completed and was recorded (while publishing, or while its Data Docs
    were validated after): unlike an interrupted run, it loaded and checked everything; the message says what is
    kept. A KeyboardInterrupt, so that whatever stops on an interrupt stops on it too."""


class InterruptedBeforeRun(KeyboardInterrupt):
    """Ctrl-C or SIGTERM before the run began (while it waited for another run to finish, or made its working copy,
    or as the command started it): nothing was loaded or recorded, and the published warehouse is as it was."""


def stopped_by_signal(exc: BaseException) -> bool:
    """Whether `exc` is how a stop asked by Ctrl-C or SIGTERM surfaced: a KeyboardInterrupt, Prefect's
    TerminationSignal (`_prefect_sigterm`), a DuckDB query the signal cut short, which DuckDB raises as a
    RuntimeError 'Query interrupted' (its InterruptException in other versions), or the stop raised in Python code
    DuckDB called back while it ran a statement (its import of pyarrow.dataset as it scans an Arrow table, a Python
    function), which DuckDB raises as its own error quoting it (`_stop_quoted_by_duckdb`). Not a failure: whatever
    catches errors to go on (a rule, the report) must let it through."""
    if isinstance(exc, KeyboardInterrupt) or _prefect_sigterm(exc):
        return True
    import duckdb

    if isinstance(exc, duckdb.InterruptException) or (type(exc) is RuntimeError and str(exc) == "Query interrupted"):
        return True
    return isinstance(exc, duckdb.Error) and _stop_quoted_by_duckdb(str(exc))


# How DuckDB quotes a KeyboardInterrupt raised in Python code it called back: the exception's name at the start of
# the message or of one of its parts ("KeyboardInterrupt: signal 15\n\nAt: ...", "... while executing the UDF:
# KeyboardInterrupt: signal 15", a traceback's last line), never as a word inside a name it quotes.
_QUOTED_STOP = re.compile(r"(?:^|: |\n)KeyboardInterrupt(?::|$|\n)", re.M)


def _stop_quoted_by_duckdb(message: str) -> bool:
    """Whether a DuckDB error's message quotes a KeyboardInterrupt, and this process raised a stop (flows/stops.py):
    a record's text that names one is no stop."""
    from flows.stops import stops_raised

    return stops_raised() > 0 and _QUOTED_STOP.search(message) is not None


def unmasked_stop(exc: BaseException) -> BaseException:
    """`exc` as the interrupt it is (`as_interrupt`), also when it is an error a library raised while it handled a
    stop, which it masked: Prefect's task engine, stopped as it began a task run, fails to record the crash of a
    task run it had not yet made ("ValueError: Task run is not set"). For a flow's body, around Prefect's task
    calls; elsewhere an error raised during a stop's cleanup is left as it is."""
    if stopped_by_signal(exc) or not _raised_handling_a_stop(exc):
        return as_interrupt(exc)
    stop = KeyboardInterrupt(f"interrupted, then {type(exc).__name__}: {exc}")
    stop.__cause__ = exc
    return stop


def _raised_handling_a_stop(exc: BaseException) -> bool:
    """Whether `exc` was raised while a stop was being handled (a KeyboardInterrupt in its context chain)."""
    seen, depth = exc.__context__, 0
    while seen is not None and depth < 8:  # the chain of "during handling of the above exception"
        if isinstance(seen, KeyboardInterrupt) or _prefect_sigterm(seen):
            return True
        seen, depth = seen.__context__, depth + 1
    return False


def _prefect_sigterm(exc: BaseException) -> bool:
    """Prefect's TerminationSignal: how a SIGTERM surfaces in a Prefect flow run outside the flow's body, where
    Prefect's own handler is in place (flows/pipeline.py puts the run's back for the body)."""
    kind = type(exc)
    return kind.__name__ == "TerminationSignal" and kind.__module__ == "prefect.exceptions"


def as_interrupt(exc: BaseException) -> BaseException:
    """`exc` as a KeyboardInterrupt when it is a stop asked by a signal (`stopped_by_signal`), else `exc`."""
    if isinstance(exc, KeyboardInterrupt) or not stopped_by_signal(exc):
        return exc
    if _prefect_sigterm(exc):
        stop = KeyboardInterrupt(f"signal {getattr(exc, 'signal', '')}")
    else:
        stop = KeyboardInterrupt(f"interrupted during a query ({type(exc).__name__}: {exc})")
    stop.__cause__ = exc
    if hasattr(exc, "trialqc_stage"):  # the stage it happened in (flows.timing)
        stop.trialqc_stage = exc.trialqc_stage
    return stop


def raise_stop_as_interrupt(exc: BaseException) -> None:
    """Raise `exc` as the KeyboardInterrupt it is when a signal stopped it (`as_interrupt`); else return."""
    stop = as_interrupt(exc)
    if stop is not exc:
        raise stop from exc


def worker_lost(exc: BaseException) -> WorkerLost | None:
    """`exc` as a WorkerLost when it tells that a worker process ended abruptly: the run's own pools raise it, and
    concurrent.futures' (the Prefect flow's parse pool) raises BrokenProcessPool, whose workers' exit codes it does
    not keep. Else None."""
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, WorkerLost):
        return exc
    if isinstance(exc, BrokenProcessPool):
        return WorkerLost(None)
    return None
