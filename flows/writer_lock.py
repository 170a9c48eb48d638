"""One writer at a time: an fcntl lock file beside the warehouse; a second run waits its turn."""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from flows.errors import InfrastructureError


def _holder(lock_file: Path) -> str:
    """Who holds the lock, as the holder wrote it (pid and start time)."""
    try:
        return lock_file.read_text().strip() or "another trialqc run"
    except OSError:
        return "another trialqc run"


@contextmanager
def writer_lock(lock_file: Path, say: Callable[[str], None], timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive writer lock; if another run holds it, say so once and wait (up to `timeout` s)."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_file, "a+")
    try:
        _acquire(handle, lock_file, say, timeout)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S %Z')}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing the descriptor releases the lock, also when the process dies


def _acquire(handle, lock_file: Path, say: Callable[[str], None], timeout: float | None) -> None:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    say(f"another run is writing this warehouse ({_holder(lock_file)}); waiting for it to finish")
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if deadline is not None and time.monotonic() >= deadline:
                raise InfrastructureError(
                    f"the warehouse is still being written by {_holder(lock_file)} after {timeout:.0f} s; "
                    "try again when that run has finished") from None
            time.sleep(0.2)
