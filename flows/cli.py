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
    prefect: bool = typer.Option(False, "--prefect", help="Run as a Prefect flow even without PREFECT_API_URL "
                                 "(starts a temporary Prefect server). With PREFECT_API_URL set it always does."),
    workers: Optional[int] = typer.Option(None, min=1, help="Parsing processes (default: one per core)."),
    rehash: bool = typer.Option(False, help="Read and hash every file, even those unchanged in path, size and mtime."),
    ducklake: Optional[Path] = typer.Option(None, help="Also publish the warehouse as DuckLake (Parquet + catalog) "
                                            "in this folder after the run."),
) -> None:
    """Run the flow once: load the records, check them, print what was found."""
    import duckdb

    from flows.errors import UsageError
    from flows.run import sigterm_as_interrupt
    from warehouse.connect import WarehouseError, open_warehouse

    reference = _as_of(as_of)
    settings = Settings.from_env()
    try:
        source_path, db_path = settings.resolve(source, db)
    except UsageError as exc:
        _fail(2, str(exc))
    options = {"as_of": reference, "batch_size": batch_size, "recheck_all": recheck_all,
               "workers": workers, "rehash": rehash}
    try:
        # The warehouse stays open (locked) from here to the end, so a second run fails at once, cleanly.
        with sigterm_as_interrupt(), open_warehouse(db_path) as con:
            result = _run_once(con, source_path, db_path, settings, prefect, options)
            if ducklake:
                from warehouse.ducklake import publish

                console.print(f"published DuckLake catalog {publish(con, ducklake)}")
    except WarehouseError as exc:
        _fail(1, str(exc))
    except (KeyboardInterrupt, duckdb.InterruptException):
        _fail(130, "interrupted: batches committed before the stop are kept and the run is recorded as "
                   "'interrupted'; run again to load the rest and check what it loaded.")
    except Exception as exc:  # an I/O or database fault: one line with the real cause
        if not _is_infrastructure(exc):
            raise
        _fail(1, f"{_first_line(exc)}. Batches committed before the fault are kept and the failed one was "
                 "rolled back; free disk space or fix permissions, then run again (loaded files are skipped).")
    from flows.render import print_summary

    print_summary(console, result)


def _run_once(con, source_path: Path, db_path: Path, settings: Settings, prefect: bool, options: dict):
    """The run itself: as a Prefect flow when a server is configured or asked for, else the same stages directly."""
    if prefect or settings.prefect_api_url:
        from flows.pipeline import trialqc_flow

        return trialqc_flow(source=str(source_path), db=str(db_path), **options)
    import logging
    import uuid

    from flows.run import run_pipeline

    log = logging.getLogger("trialqc")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    options["batch_size"] = options["batch_size"] or settings.batch_size
    options["as_of"] = options["as_of"] or date.today()
    return run_pipeline(con, run_id=str(uuid.uuid4()), source=source_path, db_path=db_path, log=log, **options)


def _is_infrastructure(exc: BaseException) -> bool:
    """Disk full, permissions, a database I/O fault: the run cannot go on, and it is not a bug."""
    import duckdb

    from flows.errors import InfrastructureError

    return isinstance(exc, (OSError, InfrastructureError, duckdb.IOException, duckdb.FatalException))


def _first_line(exc: BaseException) -> str:
    """The cause in one line: DuckDB's messages can run to several."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"


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
