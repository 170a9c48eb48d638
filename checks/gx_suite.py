"""Great Expectations over the whole warehouse: table-level and distribution expectations
(checks.gx_expectations), validated on frames read from DuckDB, with their Data Docs.

They judge the warehouse, not a study, so they write no quality_issues: `validate_warehouse`
returns their results and `trialqc report` builds their Data Docs. Row-level checks are
pandera's (schemas/), applied on the way in.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from checks.gx_expectations import FRAMES, OBSERVED, WarehouseExpectation, tables
from checks.gx_validation import DOCS_SITE, GxSuiteError, gx_context

# No per-study rules: see the module docstring.
RULES = ()


@dataclass(frozen=True)
class WarehouseResult:
    """Whether one expectation held on the warehouse, and what GX observed."""

    expectation: WarehouseExpectation
    success: bool
    observed: Any


def _gx_expectation(con: duckdb.DuckDBPyConnection, expectation: WarehouseExpectation):
    """The GX object for one expectation, with values read from the warehouse filled in."""
    import great_expectations as gx

    kwargs = dict(expectation.kwargs)
    for name, key in expectation.from_warehouse:
        kwargs[name] = con.execute(OBSERVED[key]).fetchone()[0]
    if expectation.column:
        kwargs["column"] = expectation.column
    class_name = "".join(part.title() for part in expectation.kind.split("_"))
    return getattr(gx.expectations, class_name)(**kwargs, meta={"why": expectation.why})


def _validate_frame(context, con, name: str, expectations: tuple[WarehouseExpectation, ...]):
    """One GX validation of one frame against its expectations; the result is kept in the context."""
    import great_expectations as gx

    frame = con.execute(FRAMES[name]).df()
    suite = context.suites.add(gx.ExpectationSuite(
        name=name, expectations=[_gx_expectation(con, e) for e in expectations]))
    batch = context.data_sources.add_pandas(name).add_dataframe_asset(name)
    definition = context.validation_definitions.add(gx.ValidationDefinition(
        name=name, data=batch.add_batch_definition_whole_dataframe(name), suite=suite))
    return definition.run(batch_parameters={"dataframe": frame}, result_format={"result_format": "SUMMARY"})


def _results(expectations: tuple[WarehouseExpectation, ...], result) -> list[WarehouseResult]:
    """Match GX's results back to the suite's expectations, in suite order."""
    found = []
    for expectation, item in zip(expectations, result.results):
        info = item.exception_info or {}
        if info.get("raised_exception"):
            raise GxSuiteError(f"{expectation.kind} on {expectation.field} could not run: "
                               f"{info.get('exception_message')}")
        found.append(WarehouseResult(expectation, bool(item.success), item.result.get("observed_value")))
    return found


def validate_warehouse(con: duckdb.DuckDBPyConnection, docs_dir: Path | None = None) -> list[WarehouseResult]:
    """Validate the suite on the whole warehouse, one GX validation per frame."""
    context = gx_context(docs_dir)
    found: list[WarehouseResult] = []
    for name, expectations in tables().items():
        found += _results(expectations, _validate_frame(context, con, name, expectations))
    if docs_dir is not None:
        context.build_data_docs(site_names=[DOCS_SITE])
    return found


_GX_PAGES = ("expectations", "validations")
# Data Docs fetch GX's logo from its servers with a timestamp; point them at the local copy.
_REMOTE_LOGO = re.compile(r"https://great-expectations-web-assets\.[^\"']*?\.png(\?[^\"']*)?")


def _use_local_logo(out_dir: Path) -> None:
    for page in out_dir.rglob("*.html"):
        up = "../" * (len(page.relative_to(out_dir).parts) - 1)
        html = page.read_text(encoding="utf-8")
        page.write_text(_REMOTE_LOGO.sub(f"{up}static/images/logo-long.png", html), encoding="utf-8")


def build_data_docs(con: duckdb.DuckDBPyConnection, out_dir: Path) -> Path:
    """Validate the suite on the whole warehouse and write GX Data Docs HTML to out_dir; returns index.html."""
    out_dir = Path(out_dir)
    for stale in _GX_PAGES:  # pages of earlier validations, which the new index no longer lists
        shutil.rmtree(out_dir / stale, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    validate_warehouse(con, out_dir)
    _use_local_logo(out_dir)
    return out_dir / "index.html"
