"""What every table model shares: the study key, coercion and strictness."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.column_types import WarehouseDate, WarehouseText

NCT_ID_PATTERN = r"^NCT\d{8}$"
# Column dtypes of the warehouse, as pandas nullable dtypes.
Text = Series[WarehouseText]
Int = Series[pd.Int64Dtype]
Float = Series[pd.Float64Dtype]
Bool = Series[pd.BooleanDtype]
Date = Series[WarehouseDate]


def column(description: str, **checks) -> object:
    """A nullable column with its data-dictionary description."""
    return pa.Field(nullable=True, description=description, **checks)


def enum(values: tuple[str, ...], description: str) -> object:
    """A nullable column restricted to an API v2 value set."""
    return pa.Field(nullable=True, isin=list(values), description=description)


class StudyChild(pa.DataFrameModel):
    """A table keyed by the study it belongs to."""

    nct_id: Text = pa.Field(str_matches=NCT_ID_PATTERN, description="ClinicalTrials.gov identifier, NCT + 8 digits")

    class Config:
        coerce = True
        strict = True
