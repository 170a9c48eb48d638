"""The `trialqc` command: run, pull, serve, issues, report.

It keeps the command's app and each command's options and handling; the parts they use are beside it: the consoles
and the one-line failure (cli_console.py), the group that makes search, diff and watch when named (cli_group.py),
the checks of what a command is given (cli_arguments.py), the run's stages (cli_run.py) and how its faults are told
apart (cli_run_faults.py).
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from checks.rule import CATEGORIES, SEVERITIES

from flows import cli_params
from flows.cli_arguments import check_choice, check_report_folder, check_study, reader
from flows.cli_console import console, err, fail
from flows.cli_group import Commands
from flows.cli_run import run_once, stops_noted
from flows.cli_run_faults import (API_GONE, exit_without_prefect_drain, is_infrastructure, out_of_memory,
                                  prefect_api_gone)
from flows.settings import Settings, apply_offline_defaults

apply_offline_defaults()
cli_params.install()  # option values read without pydantic

INTERRUPTED = ("interrupted: batches committed before the stop are kept and the run is recorded as 'interrupted'; "
               "run again to load the rest and check what it loaded.")


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=Commands,
                  help="Load clinical-trial registry records into DuckDB and flag the ones you cannot trust.")


def _as_of(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-11-22", param_hint="--as-of")


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
            check_report_folder(settings.reports_for(db_path), "TRIALQC_REPORTS, or --no-report")
    except UsageError as exc:
        fail(2, str(exc))
    options = {"as_of": reference, "batch_size": batch_size, "recheck_all": recheck_all, "workers": workers,
               "rehash": rehash, "report": report, "ducklake": str(ducklake) if ducklake else None}
    with stops_noted() as noted:  # until the run takes its stops, and once it has ended: see stops_noted
        try:
            check_writable(db_path)  # fail fast; readers of the published file never block a run (flows/publish.py)
            with sigterm_as_interrupt():
                if noted:
                    raise InterruptedBeforeRun(BEFORE_THE_RUN)
                raised = stops_raised()
                result = run_once(source_path, db_path, settings, prefect, options)
                # a stop while it prints: not SIGTERM's default, which killed the process
                _print_summary(result, swallowed=stops_raised() > raised)
        except UsageError as exc:
            fail(2, str(exc))
        except WarehouseError as exc:
            fail(1, str(exc))
        except PrefectServerError as exc:
            fail(1, f"{exc}. Nothing was done.")
        except (InterruptedAfterRun, InterruptedBeforeRun) as exc:
            fail(130, str(exc))
        except FailedAfterRun as exc:
            fail(1, str(exc))
        except (KeyboardInterrupt, duckdb.InterruptException):
            fail(130, INTERRUPTED)
        except Exception as exc:  # an I/O or database fault: one line with the real cause
            if stopped_by_signal(exc):  # a query Ctrl-C or SIGTERM cut, wherever it was
                fail(130, INTERRUPTED)
            if prefect_api_gone(exc):
                err.print(f"[bold red]error:[/] {escape(API_GONE.format(described(exc)))}")
                exit_without_prefect_drain(1)
            lost = worker_lost(exc)
            if lost is not None:
                fail(1, f"{lost}. Batches committed before it are kept, and the next run checks the studies "
                         "they loaded; give the run more memory, or fewer --workers or a smaller --batch-size, and run "
                         "again (loaded files are skipped).")
            if out_of_memory(exc):
                fail(1, f"{described(exc)}. Batches committed before it are kept; give DuckDB more memory "
                         "(TRIALQC_DUCKDB_MEMORY, e.g. 2GB) and run again (loaded files are skipped).")
            if not is_infrastructure(exc):
                raise
            if stage_of(exc) == STARTING:
                fail(1, f"{described(exc)}: the run did not start, and the published warehouse is as the last run "
                         "left it; free disk space or fix permissions, then run again.")
            fail(1, f"{described(exc)}. Batches committed before the fault are kept and the failed one was "
                     "rolled back; free disk space or fix permissions, then run again (loaded files are skipped).")
        except BaseException as exc:  # Prefect's TerminationSignal: a SIGTERM while Prefect starts or ends the flow run
            if stopped_by_signal(exc):
                fail(130, INTERRUPTED)
            raise


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
        fail(2, f"--since {since!r} is not a date like 2026-11-01")
    try:
        request = pull_request(settings, since=day, full=full, bulk=bulk, departed=departed, landing=landing, db=db,
                               api_url=api_url, bulk_url=bulk_url, page_size=page_size, timeout=timeout, term=term,
                               condition=condition, intervention=intervention, sponsor=sponsor)
        complete = pull_in_terminal(request, settings, console)
    except UsageError as exc:
        fail(2, str(exc))
    except (WarehouseError, OSError) as exc:
        fail(1, f"{exc}")
    except KeyboardInterrupt:
        fail(130, "interrupted: the pages landed so far are kept and the pull is recorded incomplete; the cursor "
                   "did not move. Run the same pull again to resume.")
    if not complete:
        fail(1, "the pull is incomplete (see above); nothing was marked complete and the cursor did not move. "
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

    category = check_choice(category, CATEGORIES, "category")
    severity = check_choice(severity, SEVERITIES, "severity")
    con = reader(db)
    if nct:
        check_study(con, nct)
    if since_last:
        if not _has_history(con):
            fail(2, "this warehouse has no issue history yet: run `trialqc run` once to start it")
        print_changes(console, con, severity=severity, nct=nct, limit=limit)
    else:
        print_issues(console, con, nct=nct, category=category, severity=severity, limit=limit)


def _has_history(con) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' "
                            "AND table_name = 'quality_issue_history'").fetchone()[0])


@app.command()
def report(
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
    out: Optional[Path] = typer.Option(None, help="Output folder (default: `reports` beside the warehouse)."),
) -> None:
    """Write the HTML quality report (charts, paged study lists, a page per study) and the GX Data Docs."""
    from checks.report import write_report

    settings = Settings.from_env()
    con = reader(db)
    folder = out or settings.reports_for(db)
    check_report_folder(folder, "--out or TRIALQC_REPORTS")
    try:
        paths = write_report(con, folder, db_label=str((db or settings.db_path).resolve()))
    except OSError as exc:  # a folder that cannot be written, a full disk: the warehouse is untouched
        where = f" ({exc.filename})" if exc.filename else ""
        fail(1, f"cannot write the report to {folder}: {exc.strerror or exc}{where}. No page is left half "
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
        fail(2, f"source {source} does not exist")
    searches = {k: v for k, v in (("term", term), ("condition", condition), ("intervention", intervention),
                                  ("sponsor", sponsor)) if v}
    if len(searches) > 1 or (searches and bulk):
        fail(2, "give at most one of --term, --condition, --intervention, --sponsor, --bulk")
    pull = {**searches, **({"bulk": True} if bulk else {}), **({"departed": True} if departed else {})}
    check_report_folder(Settings.from_env().reports_for(db), "TRIALQC_REPORTS; each scheduled run writes one")
    try:
        serve_schedule(cron=cron, timezone=timezone, source=source, db=db, pull=pull or None,
                       say=lambda line: console.print(escape(line), soft_wrap=True))
    except ServeError as exc:
        fail(exc.exit_code, str(exc))


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
        fail(2, str(exc))


if __name__ == "__main__":
    app()
