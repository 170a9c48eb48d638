"""The `trialqc` command: run, pull, serve, issues, report."""
from __future__ import annotations

import os
import re
from contextlib import contextmanager

from datetime import date, datetime
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from checks.rule import CATEGORIES, SEVERITIES

from flows import cli_params
from flows.settings import Settings, apply_offline_defaults

apply_offline_defaults()
cli_params.install()  # option values read without pydantic

# Made only when named (or listed, as --help does): their modules load the search and version code that
# `trialqc run` and the other commands do not need.
LATER = ("search", "diff", "watch")
INTERRUPTED = ("interrupted: batches committed before the stop are kept and the run is recorded as 'interrupted'; "
               "run again to load the rest and check what it loaded.")


def _later_commands() -> dict:
    """The search, diff and watch commands, made as if registered on `app` (the same defaults)."""
    from flows import cli_diff, cli_search

    later = typer.Typer(add_completion=False)
    later.command("search")(cli_search.search)
    later.command("diff")(cli_diff.diff)
    later.add_typer(cli_search.watch_app, name="watch")
    return dict(typer.main.get_group(later).commands)


class _Commands(TyperGroup):
    """The command's group: the LATER commands are made the first time a command not yet made is asked for
    (one of them, or a misspelt name: the suggestions include them)."""

    def list_commands(self, ctx) -> list[str]:
        return [*super().list_commands(ctx), *(name for name in LATER if name not in self.commands)]

    def get_command(self, ctx, cmd_name: str):
        if cmd_name not in self.commands and LATER[0] not in self.commands:
            for name, command in _later_commands().items():
                self.commands.setdefault(name, command)
        return super().get_command(ctx, cmd_name)


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_Commands,
                  help="Load clinical-trial registry records into DuckDB and flag the ones you cannot trust.")
console = Console()
err = Console(stderr=True, soft_wrap=True)


def _as_of(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-11-22", param_hint="--as-of")


def _fail(code: int, message: str) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


@app.command()
def run(
    source: Optional[Path] = typer.Option(None, help="Folder or file of records (default: the bundled samples)."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file (default: warehouse/trials.duckdb)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Reference date of the checks, YYYY-MM-DD (default: today)."),
    batch_size: Optional[int] = typer.Option(None, min=1, help="Input files per batch (default 2000)."),
    recheck_all: bool = typer.Option(False, help="Check every study in the warehouse, not only those loaded now."),
    report: bool = typer.Option(True, "--report/--no-report", help="Write the quality report at the end (default: yes)."),
    prefect: bool = typer.Option(False, "--prefect", help="Run as a Prefect flow even without PREFECT_API_URL "
                                 "(starts a temporary Prefect server). With PREFECT_API_URL set it always does."),
    workers: Optional[int] = typer.Option(
        None, min=1, help="Processes that parse and run the text rules (default: one per core)."),
    rehash: bool = typer.Option(False, help="Read and hash every file, even those unchanged in path, size and mtime."),
    ducklake: Optional[Path] = typer.Option(None, help="Also publish the warehouse as DuckLake (Parquet + catalog) "
                                            "in this folder after the run."),
) -> None:
    """Run the flow once: load the records, check them, print what was found."""
    import duckdb

    from flows.errors import (FailedAfterRun, InterruptedAfterRun, InterruptedBeforeRun, PrefectServerError,
                              UsageError, stopped_by_signal, worker_lost)
    from flows.publish import BEFORE_THE_RUN, STARTING, check_writable
    from flows.run import sigterm_as_interrupt
    from flows.stops import stops_raised
    from flows.timing import described, stage_of
    from warehouse.connect import WarehouseError

    reference = _as_of(as_of)
    settings = Settings.from_env()
    try:
        source_path, db_path = settings.resolve(source, db)
        if report:  # before anything is loaded: a run whose report cannot be written would end half done
            _check_report_folder(settings.reports_for(db_path), "TRIALQC_REPORTS, or --no-report")
    except UsageError as exc:
        _fail(2, str(exc))
    options = {"as_of": reference, "batch_size": batch_size, "recheck_all": recheck_all, "workers": workers,
               "rehash": rehash, "report": report, "ducklake": str(ducklake) if ducklake else None}
    with _stops_noted() as noted:  # until the run takes its stops, and once it has ended: see _stops_noted
        try:
            check_writable(db_path)  # fail fast; readers of the published file never block a run (flows/publish.py)
            with sigterm_as_interrupt():
                if noted:
                    raise InterruptedBeforeRun(BEFORE_THE_RUN)
                raised = stops_raised()
                result = _run_once(source_path, db_path, settings, prefect, options)
                # a stop while it prints: not SIGTERM's default, which killed the process
                _print_summary(result, swallowed=stops_raised() > raised)
        except UsageError as exc:
            _fail(2, str(exc))
        except WarehouseError as exc:
            _fail(1, str(exc))
        except PrefectServerError as exc:
            _fail(1, f"{exc}. Nothing was done.")
        except (InterruptedAfterRun, InterruptedBeforeRun) as exc:
            _fail(130, str(exc))
        except FailedAfterRun as exc:
            _fail(1, str(exc))
        except (KeyboardInterrupt, duckdb.InterruptException):
            _fail(130, INTERRUPTED)
        except Exception as exc:  # an I/O or database fault: one line with the real cause
            if stopped_by_signal(exc):  # a query Ctrl-C or SIGTERM cut, wherever it was
                _fail(130, INTERRUPTED)
            if _prefect_api_gone(exc):
                err.print(f"[bold red]error:[/] {escape(_API_GONE.format(described(exc)))}")
                _exit_without_prefect_drain(1)
            lost = worker_lost(exc)
            if lost is not None:
                _fail(1, f"{lost}. Batches committed before it are kept, and the next run checks the studies "
                         "they loaded; give the run more memory, or fewer --workers or a smaller --batch-size, and run "
                         "again (loaded files are skipped).")
            if _out_of_memory(exc):
                _fail(1, f"{described(exc)}. Batches committed before it are kept; give DuckDB more memory "
                         "(TRIALQC_DUCKDB_MEMORY, e.g. 2GB) and run again (loaded files are skipped).")
            if not _is_infrastructure(exc):
                raise
            if stage_of(exc) == STARTING:
                _fail(1, f"{described(exc)}: the run did not start, and the published warehouse is as the last run "
                         "left it; free disk space or fix permissions, then run again.")
            _fail(1, f"{described(exc)}. Batches committed before the fault are kept and the failed one was "
                     "rolled back; free disk space or fix permissions, then run again (loaded files are skipped).")
        except BaseException as exc:  # Prefect's TerminationSignal: a SIGTERM while Prefect starts or ends the flow run
            if stopped_by_signal(exc):
                _fail(130, INTERRUPTED)
            raise


@contextmanager
def _stops_noted() -> Iterator[list[int]]:
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


def _print_summary(result, swallowed: bool = False) -> None:
    """The run's summary, then the end of a temporary Prefect server (`--prefect`); a stop while they are done comes
    after the run was published, and says so. So does a stop the run took but a library `swallowed` (Prefect's
    engine as it finishes the flow run): the run completed and published, and the command ends as stopped."""
    from flows.errors import InterruptedAfterRun
    from flows.prefect_server import stop_after_sending
    from flows.render import print_summary
    from flows.warehouse_session import kept_after_interrupt

    try:
        print_summary(console, result)
        stop_after_sending()
        if swallowed:
            raise KeyboardInterrupt("a stop the run took and a library dropped")
    except KeyboardInterrupt as exc:
        raise InterruptedAfterRun(kept_after_interrupt(published=True, data_docs=False)) from exc


def _run_once(source_path: Path, db_path: Path, settings: Settings, prefect: bool, options: dict):
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


def _is_infrastructure(exc: BaseException) -> bool:
    """Disk full, permissions, a database I/O fault: the run cannot go on, and it is not a bug."""
    import duckdb

    from flows.errors import InfrastructureError

    if isinstance(exc, duckdb.TransactionException):  # a COMMIT that could not write its log: the disk, not a bug
        return "Could not write" in str(exc) or "No space left" in str(exc)
    return isinstance(exc, (OSError, InfrastructureError, duckdb.IOException, duckdb.FatalException))


def _prefect_api_gone(exc: BaseException) -> bool:
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
_API_GONE = ("the Prefect API stopped answering during the run ({}), so Prefect could not record it; what the run "
             "committed is kept, and published where the log above says so. Start the Prefect server again (or run "
             "without PREFECT_API_URL) and run again (loaded files are skipped).")


def _exit_without_prefect_drain(code: int) -> None:
    """Exit now: at exit Prefect would send the run's queued events to the API that stopped answering, each after a
    connection timeout, and the process stayed for more than seven minutes after the run had published. A temporary
    Prefect server this process started (`--prefect`) is stopped first."""
    import sys

    from flows.prefect_server import stop_all

    stop_all()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _out_of_memory(exc: BaseException) -> bool:
    """DuckDB out of memory, also when it made a checkpoint fail (a fatal error that names the allocation)."""
    import duckdb

    return isinstance(exc, duckdb.OutOfMemoryException) or (
        isinstance(exc, duckdb.FatalException) and "could not allocate" in str(exc))


def _reader(db: Optional[Path]):
    """A read-only connection to the published warehouse, or exit with what to do."""
    from flows.reader import not_a_warehouse, not_duckdb, open_reader
    from warehouse.connect import WarehouseError

    db_path = db or Settings.from_env().db_path
    if not db_path.exists():
        _fail(2, f"no warehouse at {db_path}: run `trialqc run` first")
    problem = not_duckdb(db_path)
    if problem:
        _fail(2, problem)
    try:
        con = open_reader(db_path, say=lambda line: err.print(escape(line)))
    except WarehouseError as exc:
        _fail(1, str(exc))
    problem = not_a_warehouse(con, db_path)
    if problem:
        _fail(2, problem)
    return con


def _check_choice(value: Optional[str], choices: tuple[str, ...], option: str) -> Optional[str]:
    """The choice as the warehouse writes it, in any case ('ERROR' is error); exit 2 naming the choices."""
    if value and value.strip().lower() not in choices:
        _fail(2, f"unknown {option} {value!r}: use {', '.join(choices)}")
    return value.strip().lower() if value else value


@app.command()
def pull(
    term: Optional[str] = typer.Option(None, help="Search the registry for this text anywhere in a record."),
    condition: Optional[str] = typer.Option(None, help="Search by condition, e.g. \"systemic sclerosis\"."),
    intervention: Optional[str] = typer.Option(None, help="Search by intervention, e.g. rituximab."),
    sponsor: Optional[str] = typer.Option(None, help="Search by sponsor or collaborator."),
    since: Optional[str] = typer.Option(None, help="Only studies updated on or after YYYY-MM-DD (default: since "
                                                   "the last complete pull of the same search)."),
    full: bool = typer.Option(False, help="Pull the whole search, ignoring the incremental cursor."),
    bulk: bool = typer.Option(False, help="Download the registry's bulk zip (every study) instead of a search."),
    departed: bool = typer.Option(False, help="Also fetch the registry's full id list and mark studies that left it."),
    landing: Optional[Path] = typer.Option(None, help="Landing folder (default: data/landing, TRIALQC_LANDING)."),
    api_url: Optional[str] = typer.Option(None, "--api-url", help="Registry API base URL (default: TRIALQC_API_URL "
                                                                  "or https://clinicaltrials.gov/api/v2)."),
    bulk_url: Optional[str] = typer.Option(None, "--bulk-url", help="Bulk zip URL (default: TRIALQC_BULK_URL)."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse holding the cursors and the pull records."),
    page_size: int = typer.Option(1000, "--page-size", help="Studies per API page (at most 1000)."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Seconds to wait for the registry to send "
                                                                    "anything before retrying (default: "
                                                                    "TRIALQC_API_TIMEOUT or 60)."),
) -> None:
    """Pull studies from the ClinicalTrials.gov API v2 (or its bulk zip) into the landing folder."""
    from flows.errors import UsageError
    from flows.extract.command import pull_in_terminal, pull_request
    from warehouse.connect import WarehouseError

    settings = Settings.from_env()
    try:
        day = datetime.strptime(since, "%Y-%m-%d").date() if since else None
    except ValueError:
        _fail(2, f"--since {since!r} is not a date like 2026-11-01")
    try:
        request = pull_request(settings, since=day, full=full, bulk=bulk, departed=departed, landing=landing, db=db,
                               api_url=api_url, bulk_url=bulk_url, page_size=page_size, timeout=timeout, term=term,
                               condition=condition, intervention=intervention, sponsor=sponsor)
        complete = pull_in_terminal(request, settings, console)
    except UsageError as exc:
        _fail(2, str(exc))
    except (WarehouseError, OSError) as exc:
        _fail(1, f"{exc}")
    except KeyboardInterrupt:
        _fail(130, "interrupted: the pages landed so far are kept and the pull is recorded incomplete; the cursor "
                   "did not move. Run the same pull again to resume.")
    if not complete:
        _fail(1, "the pull is incomplete (see above); nothing was marked complete and the cursor did not move. "
                 "Run the same pull again to resume or retry.")


@app.command()
def issues(
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
    nct: Optional[str] = typer.Option(None, help="Only this study, e.g. NCT04916756."),
    category: Optional[str] = typer.Option(None, help=f"One of {', '.join(CATEGORIES)}."),
    severity: Optional[str] = typer.Option(None, help="error, warning or info."),
    since_last: bool = typer.Option(False, "--since-last", help="New, resolved and persisting issues of the last run."),
    limit: int = typer.Option(200, help="Show at most this many issues."),
) -> None:
    """Print quality issues readably (errors first; the age of our copy apart from the record's defects)."""
    from flows.render import print_issues
    from flows.render_changes import print_changes

    category = _check_choice(category, CATEGORIES, "category")
    severity = _check_choice(severity, SEVERITIES, "severity")
    con = _reader(db)
    if nct:
        _check_study(con, nct)
    if since_last:
        if not _has_history(con):
            _fail(2, "this warehouse has no issue history yet: run `trialqc run` once to start it")
        print_changes(console, con, severity=severity, nct=nct, limit=limit)
    else:
        print_issues(console, con, nct=nct, category=category, severity=severity, limit=limit)


def _has_history(con) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' "
                            "AND table_name = 'quality_issue_history'").fetchone()[0])


def _check_study(con, nct: str) -> None:
    """Exit 2 with what is known when the study is not in the warehouse."""
    nct_id = nct.strip().upper()
    if not re.fullmatch(r"NCT\d{8}", nct_id):
        _fail(2, f"{nct!r} is not a ClinicalTrials.gov id (NCT followed by 8 digits, e.g. NCT04916756)")
    if con.execute("SELECT count(*) FROM studies WHERE nct_id = ?", [nct_id]).fetchone()[0]:
        return
    rejected = con.execute("SELECT reason, path FROM meta.rejects WHERE nct_id = ? ORDER BY run_id DESC LIMIT 1",
                           [nct_id]).fetchone()
    if rejected:
        _fail(2, f"{nct_id} is not in the warehouse: its file {rejected[1]} was rejected ({rejected[0]}); "
                 "see `select * from meta.rejects`")
    _fail(2, f"{nct_id} is not in this warehouse: no record of it was loaded (check the id, or load it with "
             "`trialqc run --source ...`)")


@app.command()
def report(
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
    out: Optional[Path] = typer.Option(None, help="Output folder (default: `reports` beside the warehouse)."),
) -> None:
    """Write the HTML quality report (charts, paged study lists, a page per study) and the GX Data Docs."""
    from checks.report import write_report

    settings = Settings.from_env()
    con = _reader(db)
    folder = out or settings.reports_for(db)
    _check_report_folder(folder, "--out or TRIALQC_REPORTS")
    try:
        paths = write_report(con, folder, db_label=str((db or settings.db_path).resolve()))
    except OSError as exc:  # a folder that cannot be written, a full disk: the warehouse is untouched
        where = f" ({exc.filename})" if exc.filename else ""
        _fail(1, f"cannot write the report to {folder}: {exc.strerror or exc}{where}. No page is left half "
                 "written; free space or fix the folder's permissions and run `trialqc report` again")
    for path in paths:
        console.print(f"wrote {escape(str(path))}", soft_wrap=True)


@app.command()
def serve(
    cron: str = typer.Option("0 6 * * *", help="When to run, as a cron expression."),
    timezone: str = typer.Option("UTC", help="Time zone of the cron schedule, e.g. Europe/Berlin (shown in the UI)."),
    source: Optional[Path] = typer.Option(None, help="Folder of records to load on each run."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
    term: Optional[str] = typer.Option(None, help="Each run first pulls this search from the registry."),
    condition: Optional[str] = typer.Option(None, help="Each run first pulls the studies of this condition."),
    intervention: Optional[str] = typer.Option(None, help="Each run first pulls the studies of this intervention."),
    sponsor: Optional[str] = typer.Option(None, help="Each run first pulls the studies of this sponsor."),
    bulk: bool = typer.Option(False, "--bulk", help="Each run first pulls the registry's bulk zip."),
    departed: bool = typer.Option(False, "--departed", help="Each pull also marks studies that left the registry."),
) -> None:
    """Register a Prefect deployment on a cron schedule and serve it (needs `prefect server start`).

    With a search (or --bulk) each run pulls from the registry first, then loads, checks and reports;
    without one it loads --source.
    """
    from flows.serve import ServeError, serve_schedule

    if source is not None and not source.exists():
        _fail(2, f"source {source} does not exist")
    searches = {k: v for k, v in (("term", term), ("condition", condition), ("intervention", intervention),
                                  ("sponsor", sponsor)) if v}
    if len(searches) > 1 or (searches and bulk):
        _fail(2, "give at most one of --term, --condition, --intervention, --sponsor, --bulk")
    pull = {**searches, **({"bulk": True} if bulk else {}), **({"departed": True} if departed else {})}
    _check_report_folder(Settings.from_env().reports_for(db), "TRIALQC_REPORTS; each scheduled run writes one")
    try:
        serve_schedule(cron=cron, timezone=timezone, source=source, db=db, pull=pull or None,
                       say=lambda line: console.print(escape(line), soft_wrap=True))
    except ServeError as exc:
        _fail(exc.exit_code, str(exc))


def _check_report_folder(folder: Path, setting: str) -> None:
    """Exit 2 with one line when the report folder, or a part of its path, is a file (`setting`: what chose it)."""
    from flows.errors import UsageError
    from flows.publish import check_folder

    try:
        check_folder(folder, f"cannot write the report to {folder} ({setting})")
    except UsageError as exc:
        _fail(2, str(exc))


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            console.print(f"trialqc {version('trialqc')}")
        except PackageNotFoundError:
            console.print("trialqc (not installed as a package)")
        raise typer.Exit(0)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Load clinical-trial registry records into DuckDB and flag the ones you cannot trust."""
    from flows.entry import command_began
    from flows.errors import UsageError
    from flows.settings import check_environment

    command_began()
    try:
        check_environment()
    except UsageError as exc:
        _fail(2, str(exc))


if __name__ == "__main__":
    app()
