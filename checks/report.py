"""The HTML quality report: charts of aggregates, paged study lists, a page per study (no personal data)."""
from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape

from checks import report_charts as charts
from checks import report_data as data
from checks.gx_reuse import observed_key
from checks.report_fingerprints import Fingerprints, of, write_page
from checks.report_pages import write_study_lists, write_study_pages
from checks.shown_text import shown_in_template
from warehouse.database_file import database_path

TEMPLATES = Path(__file__).parent / "templates"


def _run_points(runs: list[dict], keys: dict[str, str]) -> list[tuple[str, dict[str, float]]]:
    return [(f"{r['started_at']:%m-%d %H:%M}", {name: r.get(col) or 0 for name, col in keys.items()})
            for r in runs if r.get("status") == "completed"]


def warehouse_figures(con: duckdb.DuckDBPyConnection) -> dict:
    """What the overview shows of the warehouse's studies, issues and rejects (not of its runs): aggregates,
    and their charts as inline SVG. Plain values only, so a report can keep them for the next one."""
    sev = data.SEVERITIES
    return {
        "total": con.execute("SELECT count(*) FROM studies").fetchone()[0],
        "verdicts": data.verdicts(con),
        # the record's issues, as the charts count them; the age of our copies apart, as the page shows it
        "issues": con.execute(f"SELECT count(*) FROM quality_issues WHERE {data.DEFECT}").fetchone()[0],
        "copy_age_issues": con.execute(f"SELECT count(*) FROM quality_issues WHERE NOT {data.DEFECT}").fetchone()[0],
        "rejects": con.execute("SELECT count(*) FROM meta.rejects").fetchone()[0],
        "freshness": data.freshness(con),
        "charts": {
            "by_rule": charts.hbars(data.by_rule(con), sev),
            "by_category": charts.hbars(data.by_category(con), sev),
            "by_layout": charts.hbars(data.by_layout(con), ("untrusted", "review", "trusted")),
            "completeness": charts.hbars(data.completeness(con), ("filled",), unit=" %", scale_max=100),
            "sponsors": charts.hbars([(f"{name} ({n})", share) for name, share, n in data.sponsors(con)],
                                     ("share",), unit=" %", scale_max=100),
        },
    }


def run_charts(runs: list[dict]) -> dict[str, str]:
    """The overview's charts over runs, as inline SVG."""
    sev = data.SEVERITIES
    return {
        "trend": charts.columns(_run_points(runs, {s: f"issues_{s}" for s in sev}), sev),
        "new_resolved": charts.columns(_run_points(runs, {"new": "issues_new", "resolved": "issues_resolved"}),
                                       ("new", "resolved"), stacked=False),
        "verdicts": charts.columns(_run_points(runs, {v: f"studies_{v}" for v in ("untrusted", "review", "trusted")}),
                                   ("untrusted", "review", "trusted")),
    }


def report_context(con: duckdb.DuckDBPyConnection, figures: dict | None = None) -> dict:
    """Everything the overview page shows, read from the warehouse as aggregates (`figures`: warehouse_figures
    known to be current)."""
    runs = data.runs(con)
    last = con.execute("SELECT run_id, as_of FROM meta.load_runs ORDER BY started_at DESC LIMIT 1").fetchone()
    figures = figures or warehouse_figures(con)
    return {
        **figures,
        "last_run": {"run_id": last[0], "as_of": last[1]} if last else None,
        "runs": runs,
        "charts": {**figures["charts"], **run_charts(runs)},
        "generated": datetime.now().strftime("%Y-%m-%d %H:%M"),
    }


def _run_name(con: duckdb.DuckDBPyConnection) -> str:
    """The validation run's name: the last load run of the warehouse (or when the report was made)."""
    last = con.execute("SELECT run_id FROM meta.load_runs ORDER BY started_at DESC LIMIT 1").fetchone()
    return f"trialqc-{last[0]}" if last else f"trialqc-report-{datetime.now():%Y%m%dT%H%M%S}"


def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                       finalize=shown_in_template, bytecode_cache=_compiled_templates())


def _compiled_templates():
    """Jinja's cache of compiled templates (its per-user folder in the temp directory, which it makes private and
    checks is the user's; a template is compiled again whenever its source changes): a report that renders only
    its overview need not compile that template on every run. None where that folder cannot be had."""
    from jinja2 import FileSystemBytecodeCache

    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def render_report(con: duckdb.DuckDBPyConnection, db_label: str, gx_docs: str | None = None, pages: int = 1,
                  watch_pages: tuple[tuple[str, str], ...] = (), figures: dict | None = None,
                  env: Environment | None = None) -> str:
    """The overview page as an HTML string; `watch_pages` are (list name, relative link) pairs."""
    return (env or _env()).get_template("report.html.j2").render(db=db_label, gx_docs=gx_docs, pages=pages,
                                                                 watch_pages=watch_pages,
                                                                 **report_context(con, figures))


def _data_docs(con: duckdb.DuckDBPyConnection, folder: Path, run_name: str | None, prints: Fingerprints,
               unchanged_since: str | None = None):
    """The GX Data Docs index, kept or under way (`result()`). Those of the last report are kept while every
    expectation would observe what it observed then (checks/gx_reuse.py): a validation now would give the same
    results, and keeping them spares loading Great Expectations. Their index then says for which run they hold.
    Otherwise they are validated in a child process (checks/gx_docs_child.py) while the report's pages are written
    (begun with them: gx_docs.DataDocsLater)."""
    from checks import gx_docs

    current = run_name or _run_name(con)
    vouched = prints.state_before is not None and prints.state_before == unchanged_since
    if vouched and (folder / "index.html").is_file() and prints.values_before.get("gx") not in (None, of(None)):
        # what the suite reads is as when the last Data Docs were kept or made: so is every observed value
        prints.values["gx"] = prints.values_before["gx"]
        kept = gx_docs.restate_index(folder, current)
        if kept is not None:
            return gx_docs.Finished(kept)
    observed = observed_key(con)
    if prints.same("gx", observed) and observed is not None and (folder / "index.html").is_file():
        kept = gx_docs.restate_index(folder, current)
        if kept is not None:
            return gx_docs.Finished(kept)
    return gx_docs.DataDocsLater(folder, current)


@dataclass
class ReportStart:
    """A report under way: the last report's fingerprints, and its Data Docs kept or being validated."""

    out_dir: Path
    prints: Fingerprints
    gx: object | None = None  # gx_docs.DataDocsLater or gx_docs.Finished

    def close(self) -> None:
        """Stop what is still running for a report that will not be finished."""
        if self.gx is not None:
            self.gx.cancel()


def start_report(con: duckdb.DuckDBPyConnection, out_dir: Path, run_name: str | None = None,
                 gx: bool = True, unchanged_since: str | None = None) -> ReportStart:
    """What a report settles before its pages: the last report's fingerprints, and whether its Data Docs are
    kept or must be validated (beside the pages, begun with them: gx_docs.DataDocsLater).

    The suite reads only the study tables and meta.source_records, so a run may start its report as soon
    as it has loaded: the issue history, search index and watch lists it writes next change none of them.
    `unchanged_since` (a run name) vouches that those tables are as published by that run: when the last
    report showed that run's warehouse, its Data Docs are kept without computing what they observe."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    prints = Fingerprints(out_dir)
    if prints.unfinished:
        logging.getLogger("trialqc").warning(
            "the last report in %s was not finished (stopped or failed while it was written): it is written "
            "again, with every page it may have written", out_dir)
    prints.state = run_name or _run_name(con)
    docs = _data_docs(con, out_dir / "gx", prints.state, prints, unchanged_since) if gx else None
    return ReportStart(out_dir, prints, docs)


def write_report(con: duckdb.DuckDBPyConnection, out_dir: Path, db_label: str | None = None,
                 gx: bool = True, run_name: str | None = None, started: ReportStart | None = None,
                 unchanged_since: str | None = None, watch_lists_ready: Callable[[], None] | None = None,
                 gx_later: bool = False) -> list[Path]:
    """Write quality_report.html, its study pages and the GX Data Docs under out_dir; return the main paths.

    `started` is what start_report began for this folder (else it is begun here). `unchanged_since` (a run
    name) vouches that nothing a study list or study page shows changed since that run published: when the
    last report in this folder showed that run's warehouse, those pages are kept without reading their rows.
    `watch_lists_ready` waits for the watch lists' evaluation, when it runs beside the report: only the
    watch pages and the overview that links them need it. `gx_later`: Data Docs to validate are not begun here;
    their inputs are read and the report links to their index, for the caller to begin them
    (gx_docs.DataDocsLater.begin_deferred) and wait for them."""
    out_dir = Path(out_dir)
    started = started or start_report(con, out_dir, run_name, gx, unchanged_since)
    started.prints.kept = unchanged_since is not None and started.prints.state_before == unchanged_since
    try:
        return _write_pages(con, out_dir, db_label, started, watch_lists_ready, gx_later)
    finally:
        started.close()


def _write_pages(con: duckdb.DuckDBPyConnection, out_dir: Path, db_label: str | None,
                 started: ReportStart, watch_lists_ready: Callable[[], None] | None = None,
                 gx_later: bool = False) -> list[Path]:
    from checks.gx_docs import DataDocsLater

    later = gx_later and isinstance(started.gx, DataDocsLater) and started.gx.job is None
    if later:
        started.gx.defer(con)  # read now; validated once the caller has closed the warehouse
    elif started.gx is not None:
        started.gx.begin(con)  # validated beside the pages
    env, prints = _env(), started.prints
    prints.begin()
    shutil.copyfile(TEMPLATES / "report.css", out_dir / "report.css")
    db_label = db_label or database_path(con)
    total = con.execute("SELECT count(*) FROM studies").fetchone()[0]
    pages = write_study_lists(con, env, out_dir, total, prints)
    write_study_pages(con, env, out_dir, prints)
    # kept with the pages: unchanged while they are (Fingerprints.kept)
    prints.figures = (prints.kept and prints.figures_before) or warehouse_figures(con)
    written, gx_docs = [], None
    if later:
        gx_docs = str(started.gx.index.relative_to(out_dir))  # written, or said why not, by the caller
    elif started.gx is not None:
        gx_index = started.gx.result()
        written.append(gx_index)
        gx_docs = str(Path(gx_index).relative_to(out_dir))
    prints.save()
    from flows.watch_report import watch_pages_written

    if watch_lists_ready is not None:
        watch_lists_ready()
    watched = tuple((name, path.name) for name, path in watch_pages_written(con, out_dir))
    report = out_dir / "quality_report.html"
    write_page(report, render_report(con, str(db_label), gx_docs=gx_docs, pages=pages, watch_pages=watched,
                                     figures=prints.figures, env=env))
    prints.finish()
    written.insert(0, report)
    return written
