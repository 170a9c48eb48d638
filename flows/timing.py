"""Stage times: the one way a run, its workers and its after-run steps add up the seconds they report. A failure
is marked with the innermost stage it happened in (`stage_of`), for the one line that reports it."""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    """Add the block's wall time to seconds[stage]; an exception leaving the block is marked with the stage, unless
    a stage within it marked it first."""
    started = time.perf_counter()
    try:
        yield
    except BaseException as exc:
        mark(exc, stage)
        raise
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started


def mark(exc: BaseException, stage: str) -> None:
    """Mark the exception with the stage it happened in, unless a stage within that one marked it first."""
    if stage_of(exc) is None:
        exc.trialqc_stage = stage.split(" (")[0]  # "report (again)": the report


def stage_of(exc: BaseException) -> str | None:
    """The stage an exception left (`timed`), if any."""
    return getattr(exc, "trialqc_stage", None)


def described(exc: BaseException) -> str:
    """An error in one line: its type, the first line of its message (DuckDB's can run to several), and the stage
    it happened in."""
    lines = str(exc).strip().splitlines()
    stage = stage_of(exc)
    return f"{type(exc).__name__}: {lines[0] if lines else ''}" + (f" (during {stage})" if stage else "")
