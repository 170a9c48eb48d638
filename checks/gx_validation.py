"""Validate warehouse tables with Great Expectations: DuckDB -> pandas -> an ephemeral, offline GX context.

GX's SQLAlchemy path to DuckDB fails (`list index out of range`, GX issues 10738 and 11579),
so each table's expectation columns are read into one pandas frame and validated once.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from checks.gx_expectations import ColumnExpectation

DOCS_SITE = "trialqc"


class GxSuiteError(Exception):
    """An expectation could not be evaluated (not: the data broke it)."""


@dataclass(frozen=True)
class Failure:
    """One row that broke one expectation."""

    expectation: ColumnExpectation
    nct_id: str
    value: Any


def gx_context(docs_dir: Path | None = None):
    """An ephemeral GX context: analytics and progress bars off, Data Docs in `docs_dir` if given."""
    # GX must never send usage statistics: off by environment and in the context's own config.
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig, InMemoryStoreBackendDefaults, ProgressBarsConfig,
    )

    sites = {} if docs_dir is None else {DOCS_SITE: {
        "class_name": "SiteBuilder", "show_how_to_buttons": False,
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }}
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False, progress_bars=ProgressBarsConfig(globally=False), data_docs_sites=sites,
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def columns_of(expectations: tuple[ColumnExpectation, ...]) -> tuple[str, ...]:
    """nct_id and the columns the expectations read, once each."""
    return tuple(dict.fromkeys(("nct_id",) + tuple(e.column for e in expectations)))


def table_frame(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...],
                scoped: bool = True) -> pd.DataFrame:
    """The columns of a table as pandas, for the studies in check_scope (or all of them)."""
    where = " WHERE nct_id IN (SELECT nct_id FROM check_scope)" if scoped else ""
    return con.execute(f"SELECT {', '.join(columns)} FROM {table}{where}").df()


def _gx_expectation(expectation: ColumnExpectation):
    import great_expectations as gx

    class_name = "".join(part.title() for part in expectation.kind.split("_"))
    return getattr(gx.expectations, class_name)(column=expectation.column, **dict(expectation.kwargs))


def validate(context, table: str, expectations: tuple[ColumnExpectation, ...], frame: pd.DataFrame,
             result_format: str, run_name: str | None = None):
    """Validate one frame against the table's expectations (one GX validation, named run_name); the result is stored."""
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    suite = context.suites.add(gx.ExpectationSuite(
        name=table, expectations=[_gx_expectation(e) for e in expectations]))
    batch = context.data_sources.add_pandas(table).add_dataframe_asset(table)
    definition = context.validation_definitions.add(gx.ValidationDefinition(
        name=table, data=batch.add_batch_definition_whole_dataframe(table), suite=suite))
    return definition.run(batch_parameters={"dataframe": frame}, result_format={
        "result_format": result_format, "unexpected_index_column_names": ["nct_id"]},
        run_id=RunIdentifier(run_name=run_name) if run_name else None)


def _raised(info: Any) -> str | None:
    """The exception message GX recorded for a result, if it raised (flat or per metric)."""
    if not isinstance(info, dict):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    return next((m for m in map(_raised, info.values()) if m), None)


def failures(expectations: tuple[ColumnExpectation, ...], result) -> list[Failure]:
    """The rows each expectation rejected, from a COMPLETE validation result."""
    by_key = {(e.kind, e.column): e for e in expectations}
    found = []
    for item in result.results:
        config = item.expectation_config
        expectation = by_key[(config.type, config.kwargs["column"])]
        error = _raised(item.exception_info)
        if error:
            raise GxSuiteError(f"{expectation.kind} on {expectation.field} could not run: {error}")
        for row in item.result.get("unexpected_index_list") or []:
            value = row.get(expectation.column)
            found.append(Failure(expectation, str(row["nct_id"]), None if pd.isna(value) else value))
    return found
