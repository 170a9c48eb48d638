"""Whether a table built in its model's dtypes passes the model: pandera's verdict without its bookkeeping.

pandera validates a table column by column and check by check, with a fixed cost for each that a batch of
two dozen tables pays hundreds of times; a pattern check alone re-reads its pattern on every call. For a
typed table (flows.table_frames) that passes, only the verdict matters, so each column is asked here what
pandera asks it: no NULL where the model forbids one, the dtype, and every check, each check over the
column's distinct non-NULL values (a built-in check judges each value by itself, as pandera's `ignore_na`
checks skip NULLs; a bound is compared with every value at once, cheaper than finding the distinct ones).
A column already in its data type's own pandas dtype passes the dtype check without asking pandera (those
types compare dtypes only), and Arrow finds the distinct values of Arrow-held text. `passes` answers True
only when pandera would pass the table unchanged; anything else (a failing or raising check, a check or
schema option not mirrored here) answers False, and the table goes to flows.validate's refusal rounds,
where pandera decides and reports exactly as it always did.
"""
from __future__ import annotations

import operator
import re
from functools import lru_cache
from typing import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pandera
import pyarrow.compute as pc
from pandas.arrays import ArrowStringArray
from pandera.engines import pandas_engine
from pandera.engines.pandas_engine import Engine

from schemas.column_types import WarehouseText

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
        return all(_column_passes(column, series)
                   for column, (_, series) in zip(schema.columns.values(), frame.items()))
    except Exception:  # a check that raises fails in pandera too: pandera says how
        return False


def _column_passes(column, series: pd.Series) -> bool:
    if not column.nullable and series.hasnans:
        return False
    if not _dtype_passes(column.dtype, series):
        return False
    if not column.checks:
        return True
    values = _Values(series)
    return all(_check_passes(check, values, series.dtype) for check in column.checks)


# pandera's data types whose check, given a column of exactly their pandas dtype, answers True whatever the values:
# they compare dtypes only (WarehouseText: pandera's STRING, all True for its own dtype).
_BY_DTYPE_ALONE = (WarehouseText, pandas_engine.INT64, pandas_engine.FLOAT64, pandas_engine.BOOL)


def _dtype_passes(dtype, series: pd.Series) -> bool:
    """pandera's dtype verdict: for a column in exactly the dtype's own pandas dtype, known without asking."""
    if type(dtype) in _BY_DTYPE_ALONE and series.dtype == dtype.type:
        return True
    verdict = dtype.check(_engine_dtype(series.dtype), series)
    return verdict if isinstance(verdict, bool) else bool(verdict.all())


class _Values:
    """A column's non-NULL values, in the form each check asks for, each found once."""

    def __init__(self, series: pd.Series):
        self.array = series.array
        self._distinct = None

    def distinct(self) -> object:
        """The distinct values: a list for Arrow-held text (Arrow finds them), else an array of the column's dtype."""
        if self._distinct is None:
            if isinstance(self.array, ArrowStringArray):
                self._distinct = pc.unique(self.array.__arrow_array__()).drop_null().to_pylist()
            else:
                distinct = self.array.unique()
                self._distinct = distinct[~pd.isna(distinct)]
        return self._distinct

    def texts(self) -> list:
        distinct = self.distinct()
        return distinct if isinstance(distinct, list) else distinct.tolist()

    def numbers(self, dtype) -> np.ndarray:
        """Every value (repeats too: a bound judges each value alone) as numbers of a masked dtype."""
        return self.array[~self.array.isna()].to_numpy(dtype=dtype.numpy_dtype)


def _check_passes(check, values: _Values, dtype) -> bool:
    """One check over the column's non-NULL values: the built-ins by what they compute, others by pandera's own
    call over the distinct values."""
    stats = check.statistics
    if check.name == "isin" and isinstance(dtype, pd.StringDtype):
        return set(values.texts()) <= _allowed(check)
    if check.name == "str_matches" and isinstance(stats["pattern"], str) and isinstance(dtype, pd.StringDtype):
        return _all_match(stats["pattern"], values.texts())
    if check.name in _BOUNDS and isinstance(dtype, (pd.Int64Dtype, pd.Float64Dtype)):
        key, compare = _BOUNDS[check.name]
        return bool(np.all(compare(values.numbers(dtype), stats[key])))
    if check.name == "str_length" and isinstance(dtype, pd.StringDtype):
        return _lengths_pass(stats, [len(value) for value in values.texts()])
    return bool(check(pd.Series(values.distinct(), dtype=dtype)).check_passed)


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
