"""How Ctrl-C and SIGTERM reach a run's process: as a KeyboardInterrupt raised where nothing swallows it.

Python runs a signal's handler in the main thread at the next bytecode, wherever that is, and some code discards
what a handler raises there: DuckDB imports pandas, numpy and pyarrow itself (the first statement that binds a
value, such as a new warehouse's migration; the first Arrow table it scans, `con.register`, about 2.3 s into a
run) and drops whatever that import raises; a function os.fork calls (logging's `_releaseLock`, after every fork
of a worker) or a finaliser has what it raises printed as "Exception ignored" and dropped. A group SIGTERM or
Ctrl-C that landed there let the run go on and complete (exit 0); one that cut numpy's import short made the run
fail with a traceback when it imported numpy itself (bench/stop_trials.py). So, while `stops_as_interrupt` runs:

- a stop that comes while a module is being imported is raised once the import has finished: a thread sends the
  signal again once the main thread has left the import's outermost frame (`_send_when_left`); in the run's
  process only, not in a child forked from it (`_forked`).
  The import is not cut short either: a module left half imported (numpy's C part loads once per process) would
  fail the code that imports it next, the stop's own cleanup too;
- a stop dropped as "Exception ignored" is sent again once the unraisable hook has returned, and raised where
  it is not dropped;
- a stop that comes in a `stops_held` block (starting a process) is raised when the block ends.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Iterator

STOPS = (signal.SIGINT, signal.SIGTERM)
IMPORTING = "<frozen importlib._bootstrap"  # the import machinery's frames (and _bootstrap_external's)
_waiting: dict[int, object] = {}  # signal number -> the frame its stop waits for the main thread to leave
_held = [0]  # depth of stops_held blocks in the main thread
_pending: set[int] = set()  # stops that came in a held block
_raised = [0]  # how many stops were raised as KeyboardInterrupt
_in_child = [False]  # whether this process is a child forked from the one that took the stops (`_forked`)
STOPPED_CHILD = 130  # the exit code of a forked child ended by its second stop, as the run's own is


def _interrupt(signum: int, frame) -> None:
    """The handler of both stops: a KeyboardInterrupt that says which signal it was, unless it waits."""
    if _held[0]:
        _pending.add(signum)
        return
    waits_for = None if _in_child[0] else _outermost_waited(frame)
    if waits_for is not None:
        _send_when_left(signum, waits_for)
        return
    if _in_child[0] and _raised[0]:
        os._exit(STOPPED_CHILD)  # its second stop (`_forked`)
    stop = KeyboardInterrupt(f"signal {signum}") if signum != signal.SIGINT else KeyboardInterrupt()
    stop.trialqc_signal = signum
    _raised[0] += 1
    raise stop


def stops_raised() -> int:
    """How many stops `_interrupt` has raised in this process: a block that returns with more raised than when it
    began had one swallowed by code it called (Prefect's engine, as it finishes a flow run, drops an interrupt)."""
    return _raised[0]


@contextmanager
def stops_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM stops the run as Ctrl-C does, and neither is swallowed (above). Outside the
    main thread, which alone takes signals, the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {stop: signal.signal(stop, _interrupt) for stop in STOPS}
    unraisable = sys.unraisablehook
    sys.unraisablehook = _unraisable_hook(unraisable)
    try:
        yield
    finally:
        sys.unraisablehook = unraisable
        for stop, handler in previous.items():
            signal.signal(stop, handler)


def _unraisable_hook(previous):
    """sys.unraisablehook that asks again for a stop dropped as "Exception ignored", once the hook has returned
    (the handler, run in the hook, would be dropped there too), and hands anything else to `previous`."""
    def hook(unraisable) -> None:
        signum = getattr(unraisable.exc_value, "trialqc_signal", None)
        if isinstance(unraisable.exc_value, KeyboardInterrupt) and signum is not None:
            _send_when_left(signum, sys._getframe())
            return
        previous(unraisable)
    return hook


_HOOK = _unraisable_hook(None).__code__


@contextmanager
def stops_held() -> Iterator[None]:
    """Run the block (in the main thread) without a stop cutting it short; one that came is raised after it. A
    signal blocked in the main thread alone is no such guard: another thread takes it, and Python still runs the
    handler in the main thread (a process start cut short left its child half the process object to read). A
    child forked in the block holds none (`_forked`), also when it leaves the block."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pid = os.getpid()
    _held[0] += 1
    try:
        yield
    finally:
        if os.getpid() == pid:
            _held[0] -= 1
            if not _held[0] and _pending:
                import _thread

                for signum in sorted(_pending):
                    _thread.interrupt_main(signum)
                _pending.clear()


def _forked() -> None:
    """A forked child (a worker, the Data Docs child) starts with no stop held, pending or waited for: it was
    forked in a held block, and would otherwise never raise a stop (its parent's terminate() waited for it). Nor
    does it put a stop off until an import has finished (`_interrupt`): the Data Docs child, stopped by the run's
    terminate() as it imported Great Expectations, ran on for seconds, and the run's stop waited for it (7-10 s
    after publishing, in bench/stop_trials.py). A child that stops leaves what it imported to no one. Its second
    stop ends it at once, with nothing printed: when the run's process group is stopped (Ctrl-C, systemd's SIGTERM),
    the run's terminate() follows the group's stop, and raised while the Data Docs child reported the first, it
    printed a traceback under the run's one line."""
    _held[0] = 0
    _pending.clear()
    _waiting.clear()
    _raised[0] = 0
    _in_child[0] = True


os.register_at_fork(after_in_child=_forked)


def _outermost_waited(frame) -> object | None:
    """The outermost frame on `frame`'s stack where a stop would be dropped (the import machinery's, the
    unraisable hook's), or None."""
    outermost = None
    while frame is not None:
        if frame.f_code.co_filename.startswith(IMPORTING) or frame.f_code is _HOOK:
            outermost = frame
        frame = frame.f_back
    return outermost


def _send_when_left(signum: int, waited) -> None:
    """The stop `signum` sent again once the main thread has left the frame `waited` (polled every 10 ms)."""
    if signum in _waiting:  # a stop already waits
        return
    _waiting[signum] = waited
    main = threading.main_thread().ident

    def send_when_left() -> None:
        try:
            while _on_stack(sys._current_frames().get(main), waited):
                time.sleep(0.01)
        finally:
            _waiting.pop(signum, None)
        os.kill(os.getpid(), signum)

    threading.Thread(target=send_when_left, name=f"stop when left ({signum})", daemon=True).start()


def _on_stack(frame, wanted) -> bool:
    """Whether `wanted` (a frame) is on the stack that `frame` tops."""
    while frame is not None:
        if frame is wanted:
            return True
        frame = frame.f_back
    return False
