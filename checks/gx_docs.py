"""Great Expectations Data Docs that render styled offline: vendored assets, named runs, a static index.

The warehouse is validated and its pages written in a child process (checks/gx_docs_child.py), beside the report's
pages or after the run; the pages are made to render offline and indexed in checks/gx_docs_pages.py.

TRIALQC_DATA_DOCS=off (flows/settings.py; default on) leaves them out of a report: no child loads Great
Expectations, and their index says they were left out and how to have them. Data Docs kept from an earlier run
stay while they hold for the warehouse (they cost nothing to keep); any others are removed, so the next run with
them on validates again.
"""
from __future__ import annotations

import json
import shutil
from html import escape
from pathlib import Path

import duckdb

from checks.gx_docs_child import DataDocsError, DataDocsJob
from checks.gx_docs_pages import ASSETS, RUNS, localise, run_rows, write_index
from checks.gx_validation import DOCS_SITE, gx_context
from checks.report_fingerprints import flush_to_disk


def restate_index(out_dir: Path, current: str) -> Path | None:
    """Write the index of the kept Data Docs again, as still holding for run `current`; None if it cannot be."""
    try:
        runs = json.loads((Path(out_dir) / RUNS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return write_index(Path(out_dir), runs, current)


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
    localise(out_dir)
    # The pages on disk before the runs file and the index that vouch for them: after a power cut, a page the
    # kernel had not yet written would read as empty, and a later run keeps Data Docs whose index it finds.
    flush_to_disk(out_dir)
    runs = run_rows(out_dir, results)
    (out_dir / RUNS).write_text(json.dumps(runs), encoding="utf-8")
    return write_index(out_dir, runs)


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
