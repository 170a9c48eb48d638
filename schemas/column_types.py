"""The text and date column types of the warehouse: pandera's own, giving one verdict for a column that passes.

pandera checks these two types value by value and, even when every value passes, reshapes an
empty table of failure cases for each column of each batch. These subclasses answer `True` for a
column that is entirely of the type, and pandera's value-by-value answer otherwise, so what fails
and how it is reported do not change.
"""
from __future__ import annotations

import datetime

import pandas as pd
from pandera.engines import pandas_engine

_DATE_OR_MISSING = {datetime.date, type(pd.NaT)}


class WarehouseText(pandas_engine.STRING):
    """pandas' `str` dtype (pyarrow storage, NaN as missing)."""

    def check(self, pandera_dtype, data_container=None):
        """True when the column has this dtype; otherwise pandera's value-by-value answer."""
        verdict = super().check(pandera_dtype, data_container)
        if data_container is not None and not isinstance(verdict, bool) and bool(verdict.all()):
            return True
        return verdict


class WarehouseDate(pandas_engine.Date):
    """Dates as `datetime.date` objects, NaT where missing."""

    def check(self, pandera_dtype, data_container=None):
        """True when every value is a date or NaT; otherwise pandera's value-by-value answer."""
        if (data_container is not None and data_container.dtype == object
                and set(map(type, data_container.to_numpy(copy=False))) <= _DATE_OR_MISSING):
            return True
        return super().check(pandera_dtype, data_container)
