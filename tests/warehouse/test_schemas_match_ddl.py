"""The DDL and the pandera models describe the same tables, columns and types."""
from __future__ import annotations

import pytest

from schemas import MODELS
from warehouse.connect import connect
from warehouse.tables import DERIVED_VIEWS, STUDY_TABLES

DUCK_TO_PANDERA = {"VARCHAR": "str", "INTEGER": "Int64", "BIGINT": "Int64", "DOUBLE": "Float64",
                   "BOOLEAN": "boolean", "DATE": "date"}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    return connect(tmp_path_factory.mktemp("wh") / "w.duckdb")


def test_every_study_table_has_a_model_and_ddl(con):
    ddl_tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_type = 'BASE TABLE'").fetchall()}
    views = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'VIEW'"
    ).fetchall()}
    assert ddl_tables - {"quality_issues"} == set(STUDY_TABLES)
    assert views == set(DERIVED_VIEWS)
    assert set(MODELS) == set(STUDY_TABLES) | set(DERIVED_VIEWS)


@pytest.mark.parametrize("table", STUDY_TABLES + DERIVED_VIEWS)
def test_columns_and_types_agree(con, table):
    ddl = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema='main' "
        "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    schema = MODELS[table].to_schema()
    assert [c for c, _ in ddl] == list(schema.columns), "same columns in the same order"
    for column, duck_type in ddl:
        assert str(schema.columns[column].dtype).lower().startswith(DUCK_TO_PANDERA[duck_type].lower()), (
            f"{table}.{column}: DDL {duck_type} vs pandera {schema.columns[column].dtype}")


@pytest.mark.parametrize("table", STUDY_TABLES + DERIVED_VIEWS)
def test_every_column_is_described(table):
    schema = MODELS[table].to_schema()
    undocumented = [name for name, col in schema.columns.items() if not col.description]
    assert not undocumented


def test_migrations_apply_once(tmp_path):
    first = connect(tmp_path / "m.duckdb")
    applied = first.execute("SELECT count(*) FROM meta.schema_migrations").fetchone()[0]
    first.close()
    again = connect(tmp_path / "m.duckdb")
    assert again.execute("SELECT count(*) FROM meta.schema_migrations").fetchone()[0] == applied > 0
