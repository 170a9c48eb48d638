"""The `trialqc` command's entry point: the command-line interface (flows/cli.py) imported, then run.

Its imports (Typer, Rich, DuckDB and the checks) take a few tenths of a second before any handler of the
command's is set. A Ctrl-C there raised KeyboardInterrupt out of an import and printed its traceback, and a SIGTERM
killed the command (exit -15); either now ends it with one line and exit 130, as a stop does later on (nothing was
done yet). So does a stop while Typer builds the command from its functions, before the command's own handling
begins, and one that cut an import of a C extension (DuckDB's), which turns it into an ImportError.

Output read by a reader that stops early (`trialqc issues | head`) ends the command quietly with success, as Unix
tools end: Typer ended it with exit 1 and no word.
"""
from __future__ import annotations

import os
import signal
import sys

STARTING = "interrupted while starting: nothing was done."
_running = [False]  # whether the `trialqc` command runs in this process (exits_after_command)


def main() -> None:
    """Import the command-line interface and run it."""
    _running[0] = True
    previous = signal.signal(signal.SIGTERM, _stop_while_starting)
    try:
        from flows.cli import app
    except BaseException as exc:
        _exit_if_stopped(exc)
        raise
    _quiet_when_output_closed()
    try:
        app()  # the command's callback gives SIGTERM back (`command_began`)
    except BaseException as exc:
        _exit_if_stopped(exc)
        _exit_if_output_closed(exc)
        raise
    finally:
        if signal.getsignal(signal.SIGTERM) is _stop_while_starting:
            signal.signal(signal.SIGTERM, previous)


def command_began() -> None:
    """The command's own handling begins (the interface's callback, before every command): SIGTERM is the process's
    again, as the command sets it (`trialqc run` takes it as a stop; a read, such as `trialqc issues`, ends)."""
    if signal.getsignal(signal.SIGTERM) is _stop_while_starting:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def exits_after_command() -> bool:
    """Whether this process is the `trialqc` command, which exits when the command has run (not a caller that runs
    the interface in its own process, such as a test)."""
    return _running[0]


def _stop_while_starting(signum, frame) -> None:
    """SIGTERM while the interface is imported or built: the stop Ctrl-C is there."""
    raise KeyboardInterrupt(f"signal {signum}")


def _exit_if_stopped(exc: BaseException) -> None:
    """Exit 130 with one line where `exc` is a stop that came while starting (the command's own handling, which
    ends by SystemExit, says what a later one did), or the ImportError a stop caused (an import of a C extension
    cut by it raises ImportError 'initialization failed', the stop as its cause)."""
    if isinstance(exc, ImportError):
        seen = exc.__cause__ or exc.__context__
        while seen is not None and not isinstance(seen, KeyboardInterrupt):
            seen = seen.__cause__ or seen.__context__
        exc = seen
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write(f"error: {STARTING}\n")
        sys.exit(130)


def _quiet_when_output_closed() -> None:
    """Rich's consoles (the command's own, and Typer's for --help) end the process with exit 1 and no word when the
    reader of standard output closed it (Console.on_broken_pipe, which Rich asks applications to override): end it
    quietly with exit 0 instead, what is left to print going to /dev/null."""
    from rich.console import Console

    def closed(console: Console) -> None:
        console.quiet = True
        _output_to_devnull()
        raise SystemExit(0)

    Console.on_broken_pipe = closed


def _exit_if_output_closed(exc: BaseException) -> None:
    """Exit 0 without a word where the command's standard output was closed by its reader and Typer or Python, not
    Rich, met it: Typer exits 1 when the command's own write to stdout raised BrokenPipeError (the exit raised while
    it handled that error). Output still buffered that meets the closed pipe at the flush below goes to /dev/null,
    and the command ends with its own exit code (Python would print the error and exit 120)."""
    if isinstance(exc, BrokenPipeError) or isinstance(exc.__context__, BrokenPipeError):
        _output_to_devnull()
        sys.exit(0)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _output_to_devnull()
    except (OSError, ValueError):  # no stdout left to flush: not a closed reader
        pass


def _output_to_devnull() -> None:
    """Standard output from now on /dev/null: what is still buffered is flushed there at exit, not into the pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
