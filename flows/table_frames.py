"""A table's columns as a DataFrame already in the dtypes its pandera model coerces to.

Built only from values the model's coercion turns into exactly this frame without error (str,
int, float, bool, datetime.date, None); a column holding anything else leaves the table to the
model's own coercion, and so do the rare values such a column could not hold exactly.
"""
from __future__ import annotations

import copy
import datetime
from typing import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pandera
import pyarrow as pa
import pyarrow.compute as pc
from pandas.arrays import ArrowStringArray
from pandera.engines import pandas_engine

from schemas import MODELS
from schemas.base import ASSIGNED_COLUMNS
from schemas.column_types import WarehouseDate, WarehouseText

_NONE = type(None)


def _without_assigned(schema: pandera.DataFrameSchema) -> pandera.DataFrameSchema:
    """The model's schema without the columns the warehouse assigns, its columns shared: pandera's own
    `remove_columns` copies each column, check and dtype (~10 ms of the models' build, before the workers fork)."""
    kept = copy.copy(schema)
    kept.columns = {name: column for name, column in schema.columns.items() if name not in ASSIGNED_COLUMNS}
    return kept


# What validation checks of each table: its model without the columns the warehouse assigns once the batch is
# validated (flows.row_ids), which no source gives.
SCHEMAS = {table: _without_assigned(model.to_schema()) for table, model in MODELS.items()}
COLUMNS = {table: list(schema.columns) for table, schema in SCHEMAS.items()}
# Arrow's string type holds at most 2 GiB of text in one array (its offsets are 32-bit).
_STRING_BYTES = 2**31 - 1
# Beyond 2**53 a whole number held as float64 (a column with gaps) is not kept exactly.
_EXACT_WHOLE = 2**53


def _text(values: list, dtype) -> object:
    runs = text_run(values, [])
    return None if runs is None else _text_array(runs, dtype)


def text_run(values: list, runs: list[pa.Array]) -> list[pa.Array] | None:
    """`runs` with `values` appended as one Arrow array, when they are str and None only; else None."""
    try:
        given = pa.array(values)  # str and None only give the types below
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None
    if given.type not in (pa.string(), pa.null()):
        return None
    runs.append(given)
    return runs


def _text_array(runs: list[pa.Array], dtype) -> ArrowStringArray:
    """The runs, one after the other, as one array of pandas' text dtype."""
    if len(runs) == 1:
        return ArrowStringArray(runs[0].cast(pa.large_string()), dtype=dtype)
    if sum(run.nbytes for run in runs) >= _STRING_BYTES:
        return ArrowStringArray(pa.concat_arrays([run.cast(pa.large_string()) for run in runs]), dtype=dtype)
    # One cast of the joined runs: a cast of each costs more than the join (a run with no text is of Arrow's null type).
    joined = pa.concat_arrays([run if run.type == pa.string() else run.cast(pa.string()) for run in runs])
    return ArrowStringArray(joined.cast(pa.large_string()), dtype=dtype)


def text_column(table: str, column: str, runs: list[pa.Array]) -> object:
    """A text column (one of TEXT_COLUMNS) from its `text_run`s: the array typed_column gives of their values."""
    return _text_array(runs, _DTYPES[table][column].type)


def _exact_whole(given: pa.Array) -> bool:
    """Within float64's exact range (a column with gaps may be held as float64 on the way)."""
    if given.null_count == len(given):
        return True
    low, high = (bound.as_py() for bound in pc.min_max(given).values())
    return -_EXACT_WHOLE < low and high < _EXACT_WHOLE


def _float(values: list, dtype) -> object:
    try:
        given = pa.array(values)  # float, int and None only give the types below
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None
    if given.type not in (pa.float64(), pa.int64(), pa.null()) or not _exact_whole(given):
        return None
    return pd.array(given.to_numpy(zero_copy_only=False).astype(float), dtype=dtype)


def _of_types(values: list, *types: type) -> bool:
    return set(map(type, values)) <= {*types, _NONE}


def _int(values: list, dtype) -> object:
    if not _of_types(values, int):
        return None
    try:
        exact = _exact_whole(pa.array(values, type=pa.int64()))
    except OverflowError:
        return None
    return pd.array(values, dtype=dtype) if exact else None


def _bool(values: list, dtype) -> object:
    """Arrow reads bool and None five times faster than pandas' own conversion of a list, to the same array."""
    return dtype.__from_arrow__(pa.array(values, type=pa.bool_())) if _of_types(values, bool) else None


def _date(values: list, dtype) -> object:
    if not _of_types(values, datetime.date):
        return None
    column = np.array(values, dtype=object)
    column[np.equal(column, None)] = pd.NaT
    # A Series keeps object dtype where a frame built from the bare array would read all-NaT as datetime64.
    return pd.Series(column, dtype=object, copy=False)


_BUILDERS: dict[type, Callable[[list, object], object]] = {
    WarehouseText: _text, pandas_engine.INT64: _int, pandas_engine.FLOAT64: _float,
    pandas_engine.BOOL: _bool, WarehouseDate: _date,
}
# Each table's column dtypes, looked up once (pandera builds a model's schema again in each new thread).
_DTYPES = {table: {name: column.dtype for name, column in schema.columns.items()} for table, schema in SCHEMAS.items()}
# The text columns of each table: typed_column's array of them is text_column's of their text_runs.
TEXT_COLUMNS = {table: frozenset(name for name, dtype in dtypes.items() if type(dtype) is WarehouseText)
                for table, dtypes in _DTYPES.items()}


def typed_column(table: str, column: str, values: list) -> object:
    """The column as an array of its model's dtype, or None when it needs the model's coercion."""
    dtype = _DTYPES[table][column]
    build = _BUILDERS.get(type(dtype))
    return build(values, dtype.type) if build else None


def typed_frame(table: str, arrays: dict[str, object]) -> pd.DataFrame | None:
    """The table's typed columns as one frame (index = row number), or None when one is missing."""
    if any(arrays.get(name) is None for name in COLUMNS[table]):
        return None
    return pd.DataFrame({name: arrays[name] for name in COLUMNS[table]}, copy=False)
