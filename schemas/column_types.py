"""The text and date column types of the warehouse: pandera's own, giving one verdict for a column that passes.

pandera checks these two types value by value and, even when every value passes, reshapes an
empty table of failure cases for each column of each batch. These subclasses answer `True` for a
column that is entirely of the type, and pandera's value-by-value answer otherwise, so what fails
and how it is reported do not change.
"""
from __future__ import annotations

import datetime
import re

import numpy as np
import pandas as pd
from pandera.engines import pandas_engine

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_OR_MISSING = {datetime.date, type(pd.NaT)}
_NO_VALUE = {type(None), float}


class WarehouseText(pandas_engine.STRING):
    """pandas' `str` dtype (pyarrow storage, NaN as missing)."""

    def check(self, pandera_dtype, data_container=None):
        """True when the column has this dtype; otherwise pandera's value-by-value answer."""
        verdict = super().check(pandera_dtype, data_container)
        if data_container is not None and not isinstance(verdict, bool) and bool(verdict.all()):
            return True
        return verdict


class WarehouseDate(pandas_engine.Date):
    """Dates as `datetime.date` objects, NaT where missing.

    A date is kept as the date it is, whatever its year: pandera's own coercion goes through datetime64[ns],
    which ends in 2262 and starts in 1677, so a typo such as 2300-01-01 failed the whole column and named no
    value. Such a date loads, and the date rules say what is wrong with it. Values that are not dates (text)
    are read by pandera as before."""

    def coerce(self, data_container):
        """Dates and missing values as they are; a column with anything else, pandera's way value by value."""
        if isinstance(data_container, pd.Series) and data_container.dtype == object:
            values = data_container.to_numpy(copy=False)
            kinds = set(map(type, values))
            if kinds <= _DATE_OR_MISSING | _NO_VALUE:
                if kinds & _NO_VALUE:
                    values = np.array([pd.NaT if value is None or value != value else value for value in values],
                                      dtype=object)
                    return pd.Series(values, index=data_container.index, name=data_container.name, dtype=object)
                return data_container
            return data_container.map(self.coerce_value)
        return super().coerce(data_container)

    def coerce_value(self, value):
        """A date as it is; a text only when it is a whole ISO date (YYYY-MM-DD), else ValueError.

        pandera's own reading is lenient: it read '04/03/2019' as April 3rd and '3/4/19' as March 4th, a guess a
        parser had declined to make, and only when nothing else in the batch failed. A text a parser left
        unread is refused here, whatever else the batch holds."""
        if type(value) is datetime.date or value is pd.NaT:
            return value
        if isinstance(value, str):
            if _ISO_DATE.fullmatch(value):
                return datetime.date.fromisoformat(value)
            raise ValueError(f"not a date: {value!r}")
        return super().coerce_value(value)

    def check(self, pandera_dtype, data_container=None):
        """True when every value is a date or NaT; otherwise pandera's value-by-value answer."""
        if (data_container is not None and data_container.dtype == object
                and set(map(type, data_container.to_numpy(copy=False))) <= _DATE_OR_MISSING):
            return True
        return super().check(pandera_dtype, data_container)
