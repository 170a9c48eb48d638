"""The `trialqc` command's entry point: the command-line interface (flows/cli.py) imported, then run.

Its imports (Typer, Rich, DuckDB and the checks) take a few tenths of a second before any handler of the
command's is set. A Ctrl-C there raised KeyboardInterrupt out of an import and printed its traceback, and a SIGTERM
killed the command (exit -15); either now ends it with one line and exit 130, as a stop does later on (nothing was
done yet).
"""
from __future__ import annotations

import signal
import sys

STARTING = "interrupted while starting: nothing was done."


def main() -> None:
    """Import the command-line interface and run it."""
    previous = signal.signal(signal.SIGTERM, _stop_while_starting)
    try:
        from flows.cli import app
    except KeyboardInterrupt:
        sys.stderr.write(f"error: {STARTING}\n")
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
    app()


def _stop_while_starting(signum, frame) -> None:
    """SIGTERM while the interface is imported: the stop Ctrl-C is there."""
    raise KeyboardInterrupt(f"signal {signum}")
