"""meta.load_problems: its DDL and its pandera model agree."""
from __future__ import annotations

from schemas.load_problems import LoadProblems
from warehouse.connect import connect


def test_ddl_and_model_agree(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    ddl = con.execute("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                      "WHERE table_schema = 'meta' AND table_name = 'load_problems' ORDER BY ordinal_position").fetchall()
    schema = LoadProblems.to_schema()
    assert [c for c, _, _ in ddl] == list(schema.columns)
    assert all(t == "VARCHAR" and str(schema.columns[c].dtype).startswith("str") for c, t, _ in ddl)
    assert {c for c, _, n in ddl if n == "NO"} == {c for c, col in schema.columns.items() if not col.nullable}
    assert all(col.description for col in schema.columns.values())
