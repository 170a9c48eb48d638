"""A table's columns as a DataFrame already in the dtypes its pandera model coerces to.

Built only from values the model's coercion turns into exactly this frame without error (str,
int, float, bool, datetime.date, None); a column holding anything else leaves the table to the
model's own coercion, and so do the rare values such a column could not hold exactly.
"""
from __future__ import annotations

import datetime
from typing import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.arrays import ArrowStringArray
from pandera.engines import pandas_engine

from schemas import MODELS
from schemas.base import ASSIGNED_COLUMNS
from schemas.column_types import WarehouseDate, WarehouseText

_NONE = type(None)
# What validation checks of each table: its model without the columns the warehouse assigns once the batch is
# validated (flows.row_ids), which no source gives.
SCHEMAS = {table: model.to_schema().remove_columns([c for c in ASSIGNED_COLUMNS if c in model.to_schema().columns])
           for table, model in MODELS.items()}
COLUMNS = {table: list(schema.columns) for table, schema in SCHEMAS.items()}
# Beyond 2**53 a whole number held as float64 (a column with gaps) is not kept exactly.
_EXACT_WHOLE = 2**53


def _text(values: list, dtype) -> object:
    try:
        given = pa.array(values)  # str and None only give the types below
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None
    if given.type not in (pa.string(), pa.null()):
        return None
    return ArrowStringArray(given.cast(pa.large_string()), dtype=dtype)


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


def typed_column(table: str, column: str, values: list) -> object:
    """The column as an array of its model's dtype, or None when it needs the model's coercion."""
    dtype = MODELS[table].to_schema().columns[column].dtype
    build = _BUILDERS.get(type(dtype))
    return build(values, dtype.type) if build else None


def typed_frame(table: str, arrays: dict[str, object]) -> pd.DataFrame | None:
    """The table's typed columns as one frame (index = row number), or None when one is missing."""
    if any(arrays.get(name) is None for name in COLUMNS[table]):
        return None
    return pd.DataFrame({name: arrays[name] for name in COLUMNS[table]}, copy=False)
