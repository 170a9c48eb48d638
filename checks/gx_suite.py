"""Rule family gx: the Great Expectations column suite as rules (one per expectation kind),
and its Data Docs.

Each rule yields one finding per study and offending value, with rule_id `gx.<expectation>`,
so GX results land in quality_issues like every other rule.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Iterator

import duckdb

from checks.gx_expectations import BETWEEN, IN_SET, MATCH_REGEX, NOT_NULL, SUITE, tables
from checks.gx_validation import (
    DOCS_SITE, Failure, columns_of, failures, gx_context, table_frame, validate,
)
from checks.rule import Finding, Rule

# One validation per table per run: the rules of a run share results, keyed by the content
# they were computed from (row count and hash), so changed data is always validated afresh.
_RESULTS: dict[tuple[str, int, int], tuple[Failure, ...]] = {}
_RESULTS_KEPT = 64


def _content_key(con: duckdb.DuckDBPyConnection, table: str,
                 columns: tuple[str, ...]) -> tuple[str, int, int]:
    count, digest = con.execute(
        f"SELECT count(*), coalesce(sum(hash({', '.join(columns)})), 0) FROM {table} "
        "WHERE nct_id IN (SELECT nct_id FROM check_scope)").fetchone()
    return table, int(count), int(digest)


def suite_failures(con: duckdb.DuckDBPyConnection) -> list[Failure]:
    """Every failure of the suite on the studies in check_scope, one GX validation per table."""
    found, context = [], None
    for table, expectations in tables().items():
        columns = columns_of(expectations)
        key = _content_key(con, table, columns)
        if key[1] == 0:
            continue
        if key not in _RESULTS:
            context = context or gx_context()
            result = validate(context, table, expectations, table_frame(con, table, columns), "COMPLETE")
            while len(_RESULTS) >= _RESULTS_KEPT:
                _RESULTS.pop(next(iter(_RESULTS)))
            _RESULTS[key] = tuple(failures(expectations, result))
        found.extend(_RESULTS[key])
    return found


def _shown(value) -> str:
    value = value.item() if hasattr(value, "item") else value
    return "NULL" if value is None else repr(value) if isinstance(value, str) else str(value)


def _wording(failure: Failure) -> tuple[str, str]:
    """The message and evidence for one failure."""
    e, value, kw = failure.expectation, _shown(failure.value), dict(failure.expectation.kwargs)
    if e.kind == NOT_NULL:
        return f"Study has no value in {e.field}, which every record must have.", f"{e.field}=NULL"
    if e.kind == IN_SET:
        return (f"Study has {e.field} {value}, which is not a ClinicalTrials.gov value.",
                f"{e.field}={value}; allowed: {', '.join(kw['value_set'])}")
    if e.kind == BETWEEN:
        return (f"Study has {e.field} {value}, outside the plausible range "
                f"{kw['min_value']} to {kw['max_value']}.", f"{e.field}={value}")
    return (f"Study has {e.field} {value}, which does not have the expected form.",
            f"{e.field}={value}; pattern: {kw.get('regex')}")


def _kind_rule(kind: str, severity: str, rationale: str) -> Rule:
    """The rule `gx.<kind>`: the suite's expectations of that kind, as findings per study."""
    def find(con: duckdb.DuckDBPyConnection, _scope) -> Iterator[Finding]:
        seen = set()
        for failure in suite_failures(con):
            key = (failure.nct_id, failure.expectation.field, _shown(failure.value))
            if failure.expectation.kind == kind and key not in seen:
                seen.add(key)
                message, evidence = _wording(failure)
                yield Finding(failure.nct_id, message, evidence, (failure.expectation.field,))

    fields = tuple(dict.fromkeys(e.field for e in SUITE if e.kind == kind))
    # quality_issues has no "invalid value" category: a value the registry cannot hold is
    # recorded as a missing (usable) value.
    return Rule(id=f"gx.{kind}", category="missing_field", severity=severity,
                rationale=rationale, fields=fields, func=find)


RULES = (
    _kind_rule(NOT_NULL, "error",
               "Status and study type drive every filter; a record without them cannot be placed."),
    _kind_rule(IN_SET, "error",
               "A value outside the API v2 enums (e.g. PHASE5) drops the study from every filter on it."),
    _kind_rule(BETWEEN, "warning",
               "Counts and durations far outside what any trial has are typos or parsing slips."),
    _kind_rule(MATCH_REGEX, "error",
               "An id that is not NCT plus eight digits is no ClinicalTrials.gov record (fake or broken id)."),
)

_GX_PAGES = ("expectations", "validations")
# Data Docs fetch GX's logo from its servers with a timestamp; point them at the local copy.
_REMOTE_LOGO = re.compile(r"https://great-expectations-web-assets\.[^\"']*?\.png(\?[^\"']*)?")


def _use_local_logo(out_dir: Path) -> None:
    for page in out_dir.rglob("*.html"):
        up = "../" * (len(page.relative_to(out_dir).parts) - 1)
        html = page.read_text(encoding="utf-8")
        page.write_text(_REMOTE_LOGO.sub(f"{up}static/images/logo-long.png", html), encoding="utf-8")


def build_data_docs(con: duckdb.DuckDBPyConnection, out_dir: Path) -> Path:
    """Validate the suite on every study and write GX Data Docs HTML to out_dir; returns index.html."""
    out_dir = Path(out_dir)
    for stale in _GX_PAGES:  # pages of earlier validations, which the new index no longer lists
        shutil.rmtree(out_dir / stale, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    context = gx_context(out_dir)
    for table, expectations in tables().items():
        frame = table_frame(con, table, columns_of(expectations), scoped=False)
        validate(context, table, expectations, frame, "SUMMARY")
    context.build_data_docs(site_names=[DOCS_SITE])
    _use_local_logo(out_dir)
    return out_dir / "index.html"
