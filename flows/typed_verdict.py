"""Whether a table built in its model's dtypes passes the model: pandera's verdict without its bookkeeping.

pandera validates a table column by column and check by check, with a fixed cost for each that a batch of
two dozen tables pays hundreds of times; a pattern check alone re-reads its pattern on every call. For a
typed table (flows.table_frames) that passes, only the verdict matters, so each column is asked here what
pandera asks it: no NULL where the model forbids one, the dtype, and every check, each check over the
column's distinct non-NULL values (a built-in check judges each value by itself, as pandera's `ignore_na`
checks skip NULLs). `passes` answers True only when pandera would pass the table unchanged; anything else
(a failing or raising check, a check or schema option not mirrored here) answers False, and the table goes
to flows.validate's refusal rounds, where pandera decides and reports exactly as it always did.
"""
from __future__ import annotations

import operator
import re
from functools import lru_cache
from typing import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pandera
from pandera.engines.pandas_engine import Engine

_BOUNDS = {"greater_than_or_equal_to": ("min_value", operator.ge), "less_than_or_equal_to": ("max_value", operator.le),
           "greater_than": ("min_value", operator.gt), "less_than": ("max_value", operator.lt)}


def mirrored(schema: pandera.DataFrameSchema) -> bool:
    """Whether `passes` mirrors this schema: columns with a dtype and plain checks, no coercion, nothing else."""
    plain = (not schema.checks and not schema.parsers and schema.index is None and not schema.unique
             and schema.dtype is None and not schema.coerce and not schema.add_missing_columns
             and not schema.drop_invalid_rows and schema.strict is True)
    return plain and all(
        column.dtype is not None and not column.coerce and not column.unique and not column.regex
        and column.default is None and not column.parsers and column.required and not column.drop_invalid_rows
        and all(check.ignore_na and not check.raise_warning and check.groupby is None and not check.element_wise
                for check in column.checks)
        for column in schema.columns.values())


def passes(schema: pandera.DataFrameSchema, frame: pd.DataFrame) -> bool:
    """True only when validating `frame` with the (mirrored) schema passes and returns it unchanged."""
    if list(frame.columns) != list(schema.columns):
        return False
    try:
        return all(_column_passes(column, frame[name]) for name, column in schema.columns.items())
    except Exception:  # a check that raises fails in pandera too: pandera says how
        return False


def _column_passes(column, series: pd.Series) -> bool:
    if not column.nullable and series.hasnans:
        return False
    verdict = column.dtype.check(_engine_dtype(series.dtype), series)
    if not (verdict if isinstance(verdict, bool) else bool(verdict.all())):
        return False
    if not column.checks:
        return True
    distinct = series.array.unique()
    distinct = distinct[~pd.isna(distinct)]
    return all(_check_passes(check, distinct, series.dtype) for check in column.checks)


def _check_passes(check, distinct, dtype) -> bool:
    """One check over distinct non-NULL values: the built-ins by what they compute, others by pandera's own call."""
    stats = check.statistics
    if check.name == "isin" and isinstance(dtype, pd.StringDtype):
        return set(distinct.tolist()) <= _allowed(check)
    if check.name == "str_matches" and isinstance(stats["pattern"], str) and isinstance(dtype, pd.StringDtype):
        return _all_match(stats["pattern"], distinct.tolist())
    if check.name in _BOUNDS and isinstance(dtype, (pd.Int64Dtype, pd.Float64Dtype)):
        key, compare = _BOUNDS[check.name]
        return bool(np.all(compare(distinct.to_numpy(dtype=dtype.numpy_dtype), stats[key])))
    if check.name == "str_length" and isinstance(dtype, pd.StringDtype):
        return _lengths_pass(stats, [len(value) for value in distinct.tolist()])
    return bool(check(pd.Series(distinct, dtype=dtype)).check_passed)


# Values seen to match a pattern: a batch's NCT ids are checked once per table. Bounded, per process.
_MATCHED: dict[str, set[str]] = {}
_MATCHED_AT_MOST = 200_000


def _all_match(pattern: str, values: list) -> bool:
    """pandas' str.match: Python's re.match on each value."""
    matched = _MATCHED.setdefault(pattern, set())
    if matched.issuperset(values):
        return True
    match = _compiled(pattern).match
    if not all(type(value) is str and match(value) is not None for value in values):
        return False
    if len(matched) > _MATCHED_AT_MOST:
        matched.clear()
    matched.update(values)
    return True


def _lengths_pass(stats: dict, lengths: list[int]) -> bool:
    exact, low, high = stats.get("exact_value"), stats.get("min_value"), stats.get("max_value")
    if exact is not None:
        return all(n == exact for n in lengths)
    return all((low is None or n >= low) and (high is None or n <= high) for n in lengths)


def _allowed(check) -> set:
    """An isin check's allowed values as a set (kept on the check: schemas are built once per process)."""
    allowed = getattr(check, "_allowed_set", None)
    if allowed is None:
        allowed = check._allowed_set = set(check.statistics["allowed_values"])
    return allowed


@lru_cache(maxsize=None)
def _engine_dtype(dtype) -> object:
    """pandera's data type of a pandas dtype (pandera builds a new one, at some cost, on every call)."""
    return Engine.dtype(dtype)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> Callable:
    return re.compile(pattern)
