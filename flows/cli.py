"""The `trialqc` command: run, serve, issues, report."""
from __future__ import annotations

import re

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from checks.rule import CATEGORIES, SEVERITIES

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
) -> None:
    """Run the flow once: load the records, check them, print what was found."""
    from flows.errors import InfrastructureError, UsageError
    from warehouse.connect import WarehouseError

    reference = _as_of(as_of)
    if source is not None and not source.exists():
        _fail(2, f"source {source} does not exist")
    try:  # fail fast, before Prefect starts; readers of the published file never block a run (flows/publish.py)
        from flows.publish import check_writable

        check_writable(db or Settings.from_env().db_path)
    except OSError as exc:
        _fail(1, str(exc))
    try:
        from flows.pipeline import trialqc_flow

        result = trialqc_flow(source=str(source) if source else None, db=str(db) if db else None,
                              as_of=reference, batch_size=batch_size, recheck_all=recheck_all,
                              report=report)
    except UsageError as exc:
        _fail(2, str(exc))
    except (WarehouseError, InfrastructureError) as exc:
        _fail(1, f"{exc}")
    except OSError as exc:  # disk full, permissions: the failed batch was rolled back
        _fail(1, f"{exc}. Batches committed before the fault are kept and the failed one was rolled back; "
                 "free disk space or fix permissions, then run again (loaded files are skipped).")
    from flows.render import print_summary

    print_summary(console, result)


def _reader(db: Optional[Path]):
    """A read-only connection to the published warehouse, or exit with what to do."""
    from flows.reader import open_reader
    from warehouse.connect import WarehouseError

    db_path = db or Settings.from_env().db_path
    if not db_path.exists():
        _fail(2, f"no warehouse at {db_path}: run `trialqc run` first")
    try:
        return open_reader(db_path, say=lambda line: err.print(escape(line)))
    except WarehouseError as exc:
        _fail(1, str(exc))


def _check_choice(value: Optional[str], choices: tuple[str, ...], option: str) -> None:
    if value and value not in choices:
        _fail(2, f"unknown {option} {value!r}: use {', '.join(choices)}")


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

    _check_choice(category, CATEGORIES, "category")
    _check_choice(severity, SEVERITIES, "severity")
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
    out: Optional[Path] = typer.Option(None, help="Output folder (default: warehouse/reports)."),
) -> None:
    """Write the HTML quality report (charts, paged study lists, a page per study) and the GX Data Docs."""
    from checks.report import write_report

    settings = Settings.from_env()
    con = _reader(db)
    paths = write_report(con, out or settings.reports_dir, db_label=str((db or settings.db_path).resolve()))
    for path in paths:
        console.print(f"wrote {escape(str(path))}", soft_wrap=True)


@app.command()
def serve(
    cron: str = typer.Option("0 6 * * *", help="When to run, as a cron expression."),
    timezone: str = typer.Option("UTC", help="Time zone of the cron schedule, e.g. Europe/Berlin (shown in the UI)."),
    source: Optional[Path] = typer.Option(None, help="Folder of records to load on each run."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
) -> None:
    """Register a Prefect deployment on a cron schedule and serve it (needs `prefect server start`)."""
    from flows.serve import ServeError, serve_schedule

    if source is not None and not source.exists():
        _fail(2, f"source {source} does not exist")
    try:
        serve_schedule(cron=cron, timezone=timezone, source=source, db=db, say=lambda line: console.print(escape(line), soft_wrap=True))
    except ServeError as exc:
        _fail(exc.exit_code, str(exc))


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


if __name__ == "__main__":
    app()
