"""The `trialqc` command: run, serve, issues, report."""
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


from flows import cli_diff, cli_search  # noqa: E402  (search, watch lists, version diffs)

app.command("search")(cli_search.search)
app.add_typer(cli_search.watch_app, name="watch")
app.command("diff")(cli_diff.diff)


if __name__ == "__main__":
    app()
