"""What every table model shares: the study key, coercion and strictness."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

NCT_ID_PATTERN = r"^NCT\d{8}$"
# Column dtypes of the warehouse, as pandas nullable dtypes.
Text = Series[str]
Int = Series[pd.Int64Dtype]
Float = Series[pd.Float64Dtype]
Bool = Series[pd.BooleanDtype]
Date = Series[pandas_engine.Date]


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
