"""Great Expectations over the whole warehouse: table-level and distribution expectations
(checks.gx_expectations), validated on frames read from DuckDB, with their Data Docs.

They judge the warehouse, not a study, so they write no quality_issues: `validate_warehouse`
returns their results and `trialqc report` builds their Data Docs. Row-level checks are
pandera's (schemas/), applied on the way in.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from checks.gx_expectations import FRAMES, OBSERVED, WarehouseExpectation, tables
from checks.gx_validation import GxSuiteError, gx_context

# No per-study rules: see the module docstring.
RULES = ()


@dataclass(frozen=True)
class WarehouseResult:
    """Whether one expectation held on the warehouse, and what GX observed."""

    expectation: WarehouseExpectation
    success: bool
    observed: Any


@dataclass(frozen=True)
class SuiteInputs:
    """All the suite reads from the warehouse: each frame (pandas) and each OBSERVED value. Read in one place,
    so a validation needs no connection (it may run in a forked child, which must not touch DuckDB)."""

    frames: dict[str, Any]
    observed: dict[str, Any]


def suite_inputs(con: duckdb.DuckDBPyConnection) -> SuiteInputs:
    """The suite's frames and observed values as the warehouse holds them now."""
    return SuiteInputs({name: con.execute(FRAMES[name]).df() for name in tables()},
                       {key: con.execute(sql).fetchone()[0] for key, sql in OBSERVED.items()})


def _gx_expectation(inputs: SuiteInputs, expectation: WarehouseExpectation):
    """The GX object for one expectation, with values read from the warehouse filled in."""
    import great_expectations as gx

    kwargs = dict(expectation.kwargs)
    for name, key in expectation.from_warehouse:
        kwargs[name] = inputs.observed[key]
    if expectation.column:
        kwargs["column"] = expectation.column
    class_name = "".join(part.title() for part in expectation.kind.split("_"))
    return getattr(gx.expectations, class_name)(**kwargs, meta={"why": expectation.why})


def _validate_frame(context, inputs: SuiteInputs, name: str, expectations: tuple[WarehouseExpectation, ...],
                    run_name: str | None = None):
    """One GX validation of one frame against its expectations (named run_name); the result is kept in the context."""
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    frame = inputs.frames[name]
    suite = context.suites.add(gx.ExpectationSuite(
        name=name, expectations=[_gx_expectation(inputs, e) for e in expectations]))
    batch = context.data_sources.add_pandas(name).add_dataframe_asset(name)
    definition = context.validation_definitions.add(gx.ValidationDefinition(
        name=name, data=batch.add_batch_definition_whole_dataframe(name), suite=suite))
    return definition.run(batch_parameters={"dataframe": frame}, result_format={"result_format": "SUMMARY"},
                          run_id=RunIdentifier(run_name=run_name) if run_name else None)


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


def validate_frames(inputs: SuiteInputs, context, run_name: str | None = None) -> list[tuple]:
    """(frame name, its expectations, GX's result) for every frame of the suite, validated as run `run_name`."""
    return [(name, expectations, _validate_frame(context, inputs, name, expectations, run_name))
            for name, expectations in tables().items()]


def validate_warehouse(con: duckdb.DuckDBPyConnection) -> list[WarehouseResult]:
    """Validate the suite on the whole warehouse, one GX validation per frame."""
    return [found for _, expectations, result in validate_frames(suite_inputs(con), gx_context())
            for found in _results(expectations, result)]


def build_data_docs(con: duckdb.DuckDBPyConnection, out_dir: Path, run_name: str = "trialqc") -> Path:
    """Validate the suite on the whole warehouse and write offline GX Data Docs to out_dir; returns index.html."""
    from checks.gx_docs import build_data_docs as build

    return build(con, out_dir, run_name)
