"""Great Expectations Data Docs that render styled offline: vendored assets, named runs, a static index.

GX's pages load Bootstrap, jQuery and more from public CDNs, and build their index table with
bootstrap-table from a CDN; offline that index is empty and every page unstyled. Here the CDN
links point at copies in static/vendor (Bootstrap 4.6, jQuery 3.6: MIT), links to libraries we
do not ship are dropped, and index.html is a plain table that needs no script.

TRIALQC_DATA_DOCS=off (flows/settings.py; default on) leaves them out of a report: no child loads Great
Expectations, and their index says they were left out and how to have them. Data Docs kept from an earlier run
stay while they hold for the warehouse (they cost nothing to keep); any others are removed, so the next run with
them on validates again.
"""
from __future__ import annotations

import json
import re
import shutil
import signal
from html import escape
from pathlib import Path

import duckdb

from checks.gx_validation import DOCS_SITE, gx_context
from checks.report_fingerprints import flush_to_disk

ASSETS = Path(__file__).parent / "gx_assets"
STOPS = {signal.SIGINT, signal.SIGTERM}  # Ctrl-C, and SIGTERM as systemd sends it
VENDORED = {
    r"https://[^\"']*bootstrap(?:/[\d.]+)?/css/bootstrap\.min\.css": "static/vendor/bootstrap.min.css",
    r"https://[^\"']*bootstrap(?:/[\d.]+)?/js/bootstrap\.min\.js": "static/vendor/bootstrap.bundle.min.js",
    r"https://code\.jquery\.com/jquery-[\d.]+\.min\.js": "static/vendor/jquery.min.js",
}
DROPPED = re.compile(r"<(?:script|link)[^>]*(?:unpkg\.com|cdnjs\.cloudflare\.com|cdn\.jsdelivr\.net)[^>]*>(?:</script>)?")
REMOTE_LOGO = re.compile(r"https://great-expectations-web-assets\.[^\"']*?\.png(\?[^\"']*)?")
# GX marks each expectation's status with a Font Awesome icon, whose font comes from a CDN we drop: without it
# the Status column is blank. These marks stand in for the icons GX uses (passed, failed, raised an error).
STATUS_MARKS = ("<style>.fas { font-style: normal; font-weight: bold; }"
                " .fa-check-circle::before { content: '\\2713'; } .fa-times::before { content: '\\2717 failed'; }"
                " .fa-exclamation-triangle::before { content: '\\26A0 error'; }</style>")


def _localise(out_dir: Path) -> None:
    """Point every page at the vendored assets; drop CDN links we do not ship; mark each status; name the data
    asset."""
    for page in out_dir.rglob("*.html"):
        up = "../" * (len(page.relative_to(out_dir).parts) - 1)
        html = page.read_text(encoding="utf-8")
        for pattern, local in VENDORED.items():
            html = re.sub(pattern, up + local, html)
        html = DROPPED.sub("", html)
        html = REMOTE_LOGO.sub(f"{up}static/images/logo-long.png", html)
        html = html.replace("</head>", STATUS_MARKS + "</head>", 1)
        parts = page.relative_to(out_dir).parts
        if parts[0] == "validations":  # validations/<table>/<run name>/<time>/<batch>.html
            html = html.replace("Data asset: None", f"Data asset: {escape(parts[1])}")
        page.write_text(html, encoding="utf-8")


RUNS = "runs.json"  # what the index lists, kept so the index can be written again without GX


def _runs(out_dir: Path, results: list[tuple[str, str, object]]) -> list[dict]:
    """The index's rows (table, run name, page, time, result) of GX's validation results."""
    rows = []
    for table, run_name, result in results:
        pages = sorted((out_dir / "validations" / table).glob(f"{run_name}/*/*.html"))
        stats = result.statistics
        rows.append({"table": table, "run_name": run_name, "link": pages[-1].relative_to(out_dir).as_posix() if pages else "",
                     "time": f"{result.meta['run_id'].run_time:%Y-%m-%d %H:%M}", "success": bool(result.success),
                     "met": stats["successful_expectations"], "evaluated": stats["evaluated_expectations"]})
    return rows


def _index(out_dir: Path, runs: list[dict], current: str | None = None) -> Path:
    """A static index of the validation runs (table, result, time, run name) and the suites."""
    # the result first after the suite: on a phone the run's long name is what scrolls out of sight
    rows = [f"<tr><td><a href='expectations/{escape(r['table'])}.html'>{escape(r['table'])}</a></td>"
            + ("<td class='text-success'>passed</td>" if r["success"] else "<td class='text-danger'>failed</td>")
            + f"<td>{r['met']} of {r['evaluated']}</td><td>{escape(r['time'])}</td>"
            + f"<td><a href='{escape(r['link'])}'>{escape(r['run_name'])}</a></td></tr>" for r in runs]
    still = "" if current is None or all(r["run_name"] == current for r in runs) else (
        f"<p>Current for run <code>{escape(current)}</code>: every expectation observes the same value in the "
        "warehouse now as in the validation run listed (computed in DuckDB), so it was not validated again.</p>")
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>trialqc — Great Expectations Data Docs</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<link rel='stylesheet' href='static/vendor/bootstrap.min.css'></head><body class='container my-4'>"
        "<h1>Great Expectations Data Docs</h1><p class='text-muted'>Expectations over the whole trialqc warehouse "
        "(row counts against the records loaded, the share of studies missing a field, value distributions). "
        "Row-level checks are pandera's, applied on the way in.</p>" + still +
        "<div class='table-responsive'><table class='table table-sm table-striped'><thead><tr><th>frame (suite)</th>"
        "<th>result</th><th>expectations met</th><th>run time</th><th>validation run</th></tr></thead><tbody>"
        + "".join(rows) +
        "</tbody></table></div></body></html>", encoding="utf-8")
    return index


def restate_index(out_dir: Path, current: str) -> Path | None:
    """Write the index of the kept Data Docs again, as still holding for run `current`; None if it cannot be."""
    try:
        runs = json.loads((Path(out_dir) / RUNS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _index(Path(out_dir), runs, current)


def build_data_docs(con: duckdb.DuckDBPyConnection, out_dir: Path, run_name: str) -> Path:
    """Validate the warehouse suite as the run `run_name` and write offline Data Docs; returns index.html."""
    from checks.gx_suite import suite_inputs

    return write_data_docs(suite_inputs(con), out_dir, run_name)


def write_data_docs(inputs, out_dir: Path, run_name: str) -> Path:
    """build_data_docs from the suite's inputs read before (checks.gx_suite.SuiteInputs): no connection needed."""
    out_dir = Path(out_dir)
    for index in (RUNS, "index.html"):  # until the new ones are written, no index may describe old pages
        (out_dir / index).unlink(missing_ok=True)
    for stale in ("expectations", "validations"):
        shutil.rmtree(out_dir / stale, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    from checks.gx_suite import validate_frames

    context = gx_context(out_dir)
    results = [(name, run_name, result) for name, _, result in validate_frames(inputs, context, run_name)]
    context.build_data_docs(site_names=[DOCS_SITE])
    shutil.copytree(ASSETS, out_dir / "static" / "vendor", dirs_exist_ok=True)
    _localise(out_dir)
    # The pages on disk before the runs file and the index that vouch for them: after a power cut, a page the
    # kernel had not yet written would read as empty, and a later run keeps Data Docs whose index it finds.
    flush_to_disk(out_dir)
    runs = _runs(out_dir, results)
    (out_dir / RUNS).write_text(json.dumps(runs), encoding="utf-8")
    return _index(out_dir, runs)


class DataDocsError(Exception):
    """The Data Docs could not be written (the message says why)."""


class Finished:
    """Data Docs already written (or kept): `result()` as a DataDocsJob's."""

    def __init__(self, index: Path) -> None:
        self.index = index

    def begin(self, con: duckdb.DuckDBPyConnection) -> None:
        """Nothing to begin."""

    def result(self) -> Path:
        """The index page."""
        return self.index

    def cancel(self) -> None:
        """Nothing is running."""


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
        args = (work or write_data_docs, inputs, Path(out_dir), run_name)
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
          "from checks.gx_docs import _child_main; _child_main()")


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


class DataDocsLater:
    """Data Docs to validate: begun (`begin`) with the report's pages, beside them; or, after a run, their inputs
    read with the pages (`defer`) and the child begun once the run has closed the warehouse (`begin_deferred`),
    beside publishing.

    Not when the run's report is begun, right after its checks: the child would then run beside what follows
    the checks, where the run's process holds most (the tables with many deleted rows written again, with room
    to rewrite a row group, and the checkpoint). After 1% of 600,000 studies changed, the child's 454 MiB
    (proportional share) there took the run to 1,596 MiB. Beside the report's pages it still added its 457 MiB
    to the run's 948 (1,413 MiB after 1,000 changed and 100 new studies); once the warehouse is closed, the run's
    process holds about 350 MiB."""

    def __init__(self, out_dir: Path, run_name: str) -> None:
        self.out_dir, self.run_name = out_dir, run_name
        self.job: DataDocsJob | Finished | None = None
        self.inputs = None  # the suite's inputs, read by `defer` for a child begun later

    @property
    def index(self) -> Path:
        """Where the index page will be."""
        return Path(self.out_dir) / "index.html"

    def begin(self, con: duckdb.DuckDBPyConnection) -> None:
        """Read the suite's inputs and begin the validation (once)."""
        if self.job is None:
            self.job = start_data_docs(con, self.out_dir, self.run_name)

    def defer(self, con: duckdb.DuckDBPyConnection) -> None:
        """Read the suite's inputs now, for `begin_deferred` once the connection is closed (with TRIALQC_DATA_DOCS=off,
        their index says they were left out, and nothing is left to begin)."""
        from checks.gx_suite import suite_inputs

        if self.job is None and self.inputs is None:
            if not wanted():
                self.job = left_out(self.out_dir)
                return
            self.inputs = suite_inputs(con)

    @property
    def deferred(self) -> bool:
        """Whether its inputs are read and its child not yet begun."""
        return self.job is None and self.inputs is not None

    def begin_deferred(self) -> None:
        """Begin the validation on the inputs `defer` read (once); they are let go here."""
        if self.deferred:
            self.job, self.inputs = start_from_inputs(self.inputs, self.out_dir, self.run_name), None

    def result(self) -> Path:
        """The index page, once begun."""
        if self.job is None:
            raise DataDocsError("the Data Docs were never begun")
        return self.job.result()

    def cancel(self) -> None:
        """Stop the validation if it is under way."""
        if self.job is not None:
            self.job.cancel()


def not_written(out_dir: Path, reason: str) -> Path:
    """An index page that says why the Data Docs could not be written (the report links to it); its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>trialqc — Great Expectations Data Docs</title>"
        "</head><body><h1>Great Expectations Data Docs</h1><p>The Data Docs of this run could not be written: "
        f"<code>{escape(reason)}</code>. The run's tables and its quality report are complete; the next run "
        "validates the warehouse again.</p></body></html>", encoding="utf-8")
    return index


def wanted() -> bool:
    """Whether a report validates the warehouse for its Data Docs (TRIALQC_DATA_DOCS, read in flows/settings.py)."""
    from flows.settings import Settings

    return Settings.from_env().data_docs


def left_out(out_dir: Path) -> Finished:
    """Data Docs left out of a run (TRIALQC_DATA_DOCS=off): an index page that says so, which the report links to.
    Those of an earlier run are removed with their runs file, so that no later run keeps them as current."""
    out_dir = Path(out_dir)
    (out_dir / RUNS).unlink(missing_ok=True)
    for stale in ("expectations", "validations"):
        shutil.rmtree(out_dir / stale, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>trialqc — Great Expectations Data Docs</title>"
        "</head><body><h1>Great Expectations Data Docs</h1><p>Left out of this run (<code>TRIALQC_DATA_DOCS=off"
        "</code>): the warehouse was not validated with Great Expectations. The run's tables and its quality "
        "report are complete; a run with <code>TRIALQC_DATA_DOCS</code> unset or <code>on</code> writes them."
        "</p></body></html>", encoding="utf-8")
    return Finished(index)


def start_data_docs(con: duckdb.DuckDBPyConnection, out_dir: Path, run_name: str) -> DataDocsJob | Finished:
    """build_data_docs under way: the suite's inputs are read here, GX runs in a child process (DataDocsJob);
    `result()` gives the index page. With TRIALQC_DATA_DOCS=off, nothing is read or run: their index says so."""
    from checks.gx_suite import suite_inputs

    if not wanted():
        return left_out(out_dir)
    return start_from_inputs(suite_inputs(con), out_dir, run_name)


def start_from_inputs(inputs, out_dir: Path, run_name: str) -> DataDocsJob | Finished:
    """start_data_docs on the suite's inputs read before (checks.gx_suite.SuiteInputs): no connection needed."""
    return DataDocsJob(inputs, out_dir, run_name)
