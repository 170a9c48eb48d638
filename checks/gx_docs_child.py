"""The child process that validates the warehouse and writes the Data Docs: forked while the run's process is small,
else a new interpreter; its outcome (the index page, or why it failed) sent back on a pipe."""
from __future__ import annotations

import signal
from pathlib import Path

STOPS = {signal.SIGINT, signal.SIGTERM}  # Ctrl-C, and SIGTERM as systemd sends it


class DataDocsError(Exception):
    """The Data Docs could not be written (the message says why)."""


class DataDocsJob:
    """Data Docs validated and written by a child process: importing Great Expectations alone takes seconds of
    CPU, which the child spends while this process goes on (the report pages, publishing). The child only reads
    the suite's inputs it is given and writes files under the Data Docs folder (`work`: write_data_docs).

    The child is forked while this process is small, as the run's workers are (flows/worker_processes.py), and is
    otherwise a new interpreter (`_Interpreter`). Forked after a run's checks at 600,000 studies, it started with
    all the run's process held (DuckDB's pages, 800 MiB) and kept every page of it that the report and the search
    index changed beside it: it peaked at 847 MiB (proportional share) beside the run's 743. A new one holds only
    what Great Expectations and the suite's frames take, but imports pandas again: after a run over the bundled
    samples, the report took 4.9-5.1 s with it against 3.3-3.6 s forked."""

    def __init__(self, inputs, out_dir: Path, run_name: str, work=None) -> None:
        if work is None:
            from checks.gx_docs import write_data_docs as work

        args = (work, inputs, Path(out_dir), run_name)
        if _start_method() != "fork":
            self.process = _Interpreter(args)
            self.receive = self.process.receive
            return
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=_write_in_child, args=(*args, send), name="trialqc-data-docs",
                                       daemon=True)
        # A forked child starts with the stops blocked (it unblocks them) and is forked whole (flows.stops.
        # stops_held: the stop comes after).
        from flows.stops import stops_held

        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
        try:
            with stops_held():
                self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        send.close()  # the child holds the only sending end: its death ends the pipe

    def result(self) -> Path:
        """Wait for the child; the index page, or DataDocsError with the child's reason."""
        try:
            status, value = self.receive.recv()
        except EOFError:
            status, value = "error", "the Data Docs process ended without a result"
        finally:
            self.receive.close()
            self.process.join()
        if status != "ok":
            raise DataDocsError(value)
        return Path(value)

    def cancel(self) -> None:
        """Stop the child if it is still at work (the run failed or was interrupted)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


# The new interpreter's program. Ctrl-C is ignored before anything else runs: its site packages and imports take
# most of a second, and a Ctrl-C to the run's process group there (after publishing) printed a KeyboardInterrupt
# traceback of the child's under the run's one line (2 of 27 stop trials). A signal ignored when a program starts
# stays ignored in Python, but the stops a run's process blocks are not blocked in a new interpreter, and one
# that the run's process ignored for the start would be lost to it. The child ends on SIGTERM (`cancel`). `-S`
# leaves the site packages out until the handler is set; `site.main()` then adds them as Python would have.
_CHILD = ("import signal; signal.signal(signal.SIGINT, signal.SIG_IGN); import site; site.main(); "
          "from checks.gx_docs_child import _child_main; _child_main()")


class _Interpreter:
    """The Data Docs child as a new interpreter (`_CHILD`), with a process's join, is_alive, terminate and exitcode:
    its job (`_write_in_child`'s arguments) pickled to its standard input, its outcome received on a pipe."""

    def __init__(self, args: tuple) -> None:
        import os
        import pickle
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        read, write = os.pipe()
        try:
            self.popen = subprocess.Popen([sys.executable, "-S", "-c", _CHILD, str(write)], stdin=subprocess.PIPE,
                                          pass_fds=(write,))
        except BaseException:
            os.close(read)
            raise
        finally:
            os.close(write)  # the child holds the only sending end: its death ends the pipe
        self.receive = Connection(read, writable=False)
        try:
            pickle.dump(args, self.popen.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.popen.stdin.close()
        except BrokenPipeError:  # the child ended before it read its job: `result` says so
            pass
        except BaseException:
            self.terminate()
            self.receive.close()
            raise

    @property
    def pid(self) -> int:
        return self.popen.pid

    @property
    def exitcode(self) -> int | None:
        return self.popen.poll()

    def is_alive(self) -> bool:
        return self.popen.poll() is None

    def terminate(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()

    def join(self, timeout: float | None = None) -> None:
        import subprocess

        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            pass


def _child_main() -> None:
    """The new interpreter's part (`_CHILD`): its job read from standard input, done, and its outcome sent on the
    pipe whose descriptor is its argument. Nothing is printed: the run's process reports what comes of it."""
    import pickle
    import sys
    from multiprocessing.connection import Connection

    send = Connection(int(sys.argv[1]), readable=False)
    try:
        work, inputs, out_dir, run_name = pickle.load(sys.stdin.buffer)
    except BaseException:  # the run's process stopped before it had written the job
        return
    _write_in_child(work, inputs, out_dir, run_name, send)


def _start_method() -> str:
    """fork while this process holds little, as the run's workers do, else spawn (a new interpreter)."""
    import os

    from flows.worker_processes import small_to_fork

    return "fork" if hasattr(os, "fork") and small_to_fork() else "spawn"


def _write_in_child(work, inputs, out_dir: Path, run_name: str, send) -> None:
    """The child: the Data Docs written, and what came of it sent to the parent. A parent stopped (Ctrl-C,
    SIGTERM) no longer listens: nothing is sent then, and nothing printed (the stop's one line is the parent's)."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)  # blocked as it started
    try:
        send.send(("ok", str(work(inputs, out_dir, run_name))))
    except BaseException as exc:  # the parent reports it; a child never raises past its pipe
        try:
            send.send(("error", f"{type(exc).__name__}: {exc}".splitlines()[0]))
        except OSError:  # the parent stopped waiting (a broken pipe)
            pass
