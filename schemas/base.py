"""What every table model shares: the study key, coercion and strictness."""
from __future__ import annotations

import importlib.util
import sys

import pandas as pd
import pandera.api.pandas.model as pandera_pandas_model
import pandera.pandas as pa
import pandera.typing as pandera_typing
from pandera.engines import pandas_engine
from pandera.typing import Series

from schemas.column_types import WarehouseDate, WarehouseText

# The first time a model's schema is built, pandera looks each annotation up among the Series and
# Index types of every dataframe library installed, importing them all: dask.dataframe alone takes
# 1.5-3 s of every run's start (dask is installed for prefect-dask, not for these models). An
# annotation of another library's type exists only once its pandera.typing module is imported, so
# until then the pandas types give the same answer; after that, pandera's own lookup answers.
_OTHER_LIBRARY_TYPES = ("pandera.typing.dask", "pandera.typing.modin", "pandera.typing.pyspark",
                        "pandera.typing.geopandas")


def _index_types() -> set[type]:
    """pandera's Index types, without importing a library no annotation can be of yet."""
    if any(name in sys.modules for name in _OTHER_LIBRARY_TYPES):
        return pandera_typing.get_index_types()
    return {pandera_typing.Index}


def _series_types() -> set[type]:
    """pandera's Series types, without importing a library no annotation can be of yet."""
    if any(name in sys.modules for name in _OTHER_LIBRARY_TYPES):
        return pandera_typing.get_series_types()
    return {pandera_typing.Series}


pandera_pandas_model.get_index_types = _index_types
pandera_pandas_model.get_series_types = _series_types

# pandera asks of each column's dtype whether it is geopandas' by importing geopandas, for every column of every
# model it builds; where geopandas is not installed, each of those imports searches the path again and fails
# (~20 ms of the ~100 ms the models take to build, before the batch workers fork). Not installed, the answer is
# pandera's own: no.
_pandera_is_geopandas_dtype = pandas_engine.is_geopandas_dtype


def _is_geopandas_dtype(data_type) -> bool:
    """pandera's answer, asked only where geopandas is installed."""
    return _GEOPANDAS_INSTALLED and _pandera_is_geopandas_dtype(data_type)


_GEOPANDAS_INSTALLED = importlib.util.find_spec("geopandas") is not None
pandas_engine.is_geopandas_dtype = _is_geopandas_dtype

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


# The warehouse's own columns, which no source gives: flows.row_ids sets them once a batch is validated.
ASSIGNED_COLUMNS = ("id",)


def row_id() -> object:
    """AACT's `id` of a study table's row, the key its link tables join by."""
    return pa.Field(nullable=True, ge=0, description=(
        "the row's id, as AACT's `id` (the key the link tables join by): the study's NCT number * 1,000,000 + "
        "the row's rank among the study's rows of the table (1 for the first, in the record's order). The "
        "same record gives the same ids, in any run; AACT's own ids are serials that differ between snapshots"))


def enum(values: tuple[str, ...], description: str) -> object:
    """A nullable column restricted to an API v2 value set."""
    return pa.Field(nullable=True, isin=list(values), description=description)


class StudyChild(pa.DataFrameModel):
    """A table keyed by the study it belongs to."""

    nct_id: Text = pa.Field(str_matches=NCT_ID_PATTERN, description="ClinicalTrials.gov identifier, NCT + 8 digits")

    class Config:
        coerce = True
        strict = True
