"""The `trialqc` command: run, pull, serve, issues, report."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from flows.settings import Settings, apply_offline_defaults

apply_offline_defaults()

app = typer.Typer(add_completion=False, no_args_is_help=True,
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
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


@app.command()
def run(
    source: Optional[Path] = typer.Option(None, help="Folder or file of records (default: the bundled samples)."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file (default: warehouse/trials.duckdb)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Reference date of the checks, YYYY-MM-DD (default: today)."),
    batch_size: Optional[int] = typer.Option(None, min=1, help="Input files per batch (default 2000)."),
    recheck_all: bool = typer.Option(False, help="Check every study in the warehouse, not only those loaded now."),
) -> None:
    """Run the flow once: load the records, check them, print what was found."""
    from flows.errors import InfrastructureError, UsageError
    from warehouse.connect import WarehouseError, connect

    reference = _as_of(as_of)
    if source is not None and not source.exists():
        _fail(2, f"source {source} does not exist")
    try:  # fail fast, before Prefect starts, when the warehouse cannot be opened
        connect(db or Settings.from_env().db_path).close()
    except WarehouseError as exc:
        _fail(1, str(exc))
    try:
        from flows.pipeline import trialqc_flow

        result = trialqc_flow(source=str(source) if source else None, db=str(db) if db else None,
                              as_of=reference, batch_size=batch_size, recheck_all=recheck_all)
    except UsageError as exc:
        _fail(2, str(exc))
    except (WarehouseError, InfrastructureError) as exc:
        _fail(1, f"{exc}")
    except OSError as exc:  # disk full, permissions: the failed batch was rolled back
        _fail(1, f"{exc}. Batches committed before the fault are kept and the failed one was rolled back; "
                 "free disk space or fix permissions, then run again (loaded files are skipped).")
    from flows.render import print_summary

    print_summary(console, result)


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
                               api_url=api_url, bulk_url=bulk_url, page_size=page_size, term=term,
                               condition=condition, intervention=intervention, sponsor=sponsor)
        complete = pull_in_terminal(request, settings, console)
    except UsageError as exc:
        _fail(2, str(exc))
    except (WarehouseError, OSError) as exc:
        _fail(1, f"{exc}")
    if not complete:
        _fail(1, "the pull is incomplete (see above); nothing was marked complete and the cursor did not move. "
                 "Run the same pull again to resume or retry.")


@app.command()
def issues(
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
    nct: Optional[str] = typer.Option(None, help="Only this study, e.g. NCT04916756."),
    category: Optional[str] = typer.Option(None, help="missing_field, date_anomaly or contradiction."),
    limit: int = typer.Option(200, help="Show at most this many issues."),
) -> None:
    """Print quality issues readably."""
    from flows.render import print_issues
    from warehouse.connect import WarehouseError, connect

    if category and category not in ("missing_field", "date_anomaly", "contradiction"):
        _fail(2, f"unknown category {category!r}: use missing_field, date_anomaly or contradiction")
    db_path = db or Settings.from_env().db_path
    if not db_path.exists():
        _fail(2, f"no warehouse at {db_path}: run `trialqc run` first")
    try:
        con = connect(db_path, read_only=True)
    except WarehouseError as exc:
        _fail(1, str(exc))
    print_issues(console, con, nct=nct, category=category, limit=limit)


@app.command()
def report(
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
    out: Optional[Path] = typer.Option(None, help="Output folder (default: warehouse/reports)."),
) -> None:
    """Write the HTML quality report and the Great Expectations Data Docs."""
    from checks.report import write_report
    from warehouse.connect import WarehouseError, connect

    settings = Settings.from_env()
    db_path = db or settings.db_path
    if not db_path.exists():
        _fail(2, f"no warehouse at {db_path}: run `trialqc run` first")
    try:
        con = connect(db_path, read_only=True)
    except WarehouseError as exc:
        _fail(1, str(exc))
    paths = write_report(con, out or settings.reports_dir)
    for path in paths:
        console.print(f"wrote {path}")


@app.command()
def serve(
    cron: str = typer.Option("0 6 * * *", help="When to run, as a cron expression."),
    source: Optional[Path] = typer.Option(None, help="Folder of records to load on each run."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
) -> None:
    """Register a Prefect deployment on a cron schedule and serve it (needs `prefect server start`)."""
    from flows.pipeline import trialqc_flow

    trialqc_flow.serve(
        name="trialqc-scheduled",
        cron=cron,
        parameters={"source": str(source) if source else None, "db": str(db) if db else None,
                    "recheck_all": True},
        description="Load new registry records and re-check every study as of the run date.",
    )


if __name__ == "__main__":
    app()
