"""The meta tables of search, watch lists and version history: DDL and pandera models agree."""
from __future__ import annotations

import pytest

from schemas.search_watch import META_MODELS
from warehouse.connect import connect

DUCK_TO_PANDERA = {"VARCHAR": "str", "INTEGER": "int64", "VARCHAR[]": "object", "TIMESTAMP": "datetime64"}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    return connect(tmp_path_factory.mktemp("wh") / "w.duckdb")


@pytest.mark.parametrize("table", sorted(META_MODELS))
def test_columns_types_and_descriptions_agree(con, table):
    schema_name, name = table.split(".")
    ddl = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? "
                      "AND table_name = ? ORDER BY ordinal_position", [schema_name, name]).fetchall()
    schema = META_MODELS[table].to_schema()
    assert [c for c, _ in ddl] == list(schema.columns)
    for column, duck_type in ddl:
        assert str(schema.columns[column].dtype).lower().startswith(DUCK_TO_PANDERA[duck_type]), (column, duck_type)
        assert schema.columns[column].description


def test_every_meta_table_of_ddl_170_has_a_model(con):
    ddl_tables = {f"meta.{r[0]}" for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'meta' "
        "AND (table_name LIKE 'watch_%' OR table_name IN ('study_documents', 'version_fields'))").fetchall()}
    assert ddl_tables == set(META_MODELS)
