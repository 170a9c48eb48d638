"""A value written as a SQL literal reads back as itself, with the type DuckDB gives the same value bound as
a parameter; texts that could end or escape a quote stay inside it."""
from __future__ import annotations

import os
from datetime import date, datetime

import duckdb
import pytest

from warehouse.literals import COLUMN_SEPARATOR, SEPARATOR, int_list, literal, text_list, values_table

TEXTS = ["", "plain", "it's", "''", "'; DROP TABLE studies; --", "back\\slash\\", "\\'", "$1 ? $run $$x$$",
         "new\nline\r\ttab", "ünïcödé ☃ 𝄞 İı ſ", "\x01\x1f\x7f", SEPARATOR, "a" + SEPARATOR + "b", "E'x'", '"q"',
         "/tmp/a b/NCT0001.json", "a.zip!member.txt", "x" * 10_000]
VALUES = [None, True, False, 0, -1, 2**31, -(2**63), 2**63 - 1, 1.5, -0.0, 1e300, 1e-300, 1e16, float("inf"),
          float("-inf"), date(2026, 11, 22), date(1, 1, 1), datetime(2026, 12, 1, 15, 42, 23, 123456),
          datetime(2026, 12, 1), datetime(999, 1, 2, 3, 4, 5, 6), *TEXTS]


@pytest.fixture(scope="module")
def con():
    return duckdb.connect()


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_literal_reads_back_as_the_value_with_the_bound_type(con, value):
    got, kind = con.execute(f"SELECT v, typeof(v) FROM (SELECT {literal(value)} AS v)").fetchone()
    bound, bound_kind = con.execute("SELECT v, typeof(v) FROM (SELECT ? AS v)", [value]).fetchone()
    assert got == value == bound and type(got) is type(bound)
    assert kind == bound_kind or value is None


def test_nan_reads_back_as_nan(con):
    assert con.execute(f"SELECT isnan({literal(float('nan'))})").fetchone()[0]


def test_a_text_literal_compares_and_inserts_as_the_bound_text(con):
    con.execute("CREATE OR REPLACE TEMP TABLE t (s VARCHAR)")
    for text in TEXTS:
        con.execute(f"INSERT INTO t VALUES ({literal(text)})")
    assert [r[0] for r in con.execute("SELECT s FROM t").fetchall()] == TEXTS
    for text in TEXTS:
        assert con.execute(f"SELECT count(*) FROM t WHERE s = {literal(text)}").fetchone()[0] == TEXTS.count(text)


@pytest.mark.parametrize("bad", ["nul\0inside", datetime(2026, 1, 1).astimezone(), b"bytes", [1]], ids=repr)
def test_what_has_no_safe_literal_is_refused(bad):
    with pytest.raises((ValueError, TypeError)):
        literal(bad)


@pytest.mark.parametrize("values", [[], [""], ["", ""], TEXTS, TEXTS[:5], ["a,b", "c"], [SEPARATOR, ""],
                                    [f"/data/NCT{i:08d}.json" for i in range(5000)]], ids=len)
def test_a_text_list_holds_its_values_in_order(con, values):
    assert con.execute(f"SELECT {text_list(values)}").fetchone()[0] == values
    assert con.execute(f"SELECT typeof({text_list(values)})").fetchone()[0] == "VARCHAR[]"


@pytest.mark.parametrize("values", [[], [None], [0, None, -5, 2**63 - 1, -(2**63)], list(range(5000))], ids=len)
def test_an_int_list_holds_its_values_in_order(con, values):
    assert con.execute(f"SELECT {int_list(values)}").fetchone()[0] == values
    assert con.execute(f"SELECT typeof({int_list(values)})").fetchone()[0] == "BIGINT[]"


def test_lists_of_one_length_unnest_side_by_side(con):
    paths, sizes = ["/a", "/b'", "/c" + SEPARATOR], [1, None, 3]
    rows = con.execute(f"SELECT unnest({text_list(paths)}), unnest({int_list(sizes)})").fetchall()
    assert rows == list(zip(paths, sizes))


def _rows(con, texts, ints):
    with values_table(texts, ints) as table:
        return con.execute(f"SELECT {', '.join([*texts, *ints])} FROM {table}").fetchall(), table


@pytest.mark.parametrize("texts, ints", [
    ({"t": TEXTS}, {"i": [None, *range(len(TEXTS) - 1)]}),
    ({"t": [f"/data/NCT{i:08d}.json" for i in range(5000)], "u": ["x"] * 5000}, {"i": list(range(5000))}),
    ({"t": [""]}, {"i": [None]}), ({"t": ["", ""]}, {}), ({}, {"i": [0, None, -5, 2**63 - 1, -(2**63)]}),
    ({"t": ["a" + COLUMN_SEPARATOR + "b", "c"]}, {"i": [1, 2]}), ({"t": ["nul\0inside", "x"]}, {"i": [1, 2]}),
], ids=["texts", "many", "one empty", "two empty", "ints", "column separator", "nul"])
def test_a_values_table_holds_the_rows_the_lists_in_the_statement_hold(con, texts, ints):
    rows, table = _rows(con, texts, ints)
    assert rows == list(zip(*texts.values(), *ints.values()))
    if not any("\0" in value for values in texts.values() for value in values):  # (no literal holds a NUL)
        columns = [f"unnest({text_list(v)}) AS {n}" for n, v in texts.items()]
        columns += [f"unnest({int_list(v)}) AS {n}" for n, v in ints.items()]
        assert rows == con.execute(f"SELECT {', '.join([*texts, *ints])} FROM (SELECT {', '.join(columns)})").fetchall()
    with values_table(texts, ints) as table:
        kinds = con.execute(f"SELECT {', '.join(f'typeof({n})' for n in [*texts, *ints])} FROM {table} LIMIT 1"
                            ).fetchone()
    assert list(kinds) == ["VARCHAR"] * len(texts) + ["BIGINT"] * len(ints)


def test_a_values_table_reads_a_file_it_removes_and_falls_back_to_the_statement(con):
    texts = {"t": ["/a", "/b'"]}
    rows, table = _rows(con, texts, {"i": [1, 2]})
    assert rows == [("/a", 1), ("/b'", 2)] and "read_text(" in table and "/b''" not in table
    assert not os.path.exists(table.split("read_text('")[1].split("'")[0])  # removed when the block ended
    # Not UTF-8 (a file name read with surrogate escapes): the values go in the statement, as before.
    odd = "/x/\udcff.json"
    with values_table({"t": [odd]}, {}) as table:
        assert "read_text(" not in table
    # No rows: nothing to write.
    assert _rows(con, {"t": []}, {"i": []})[0] == []
    with pytest.raises(ValueError):
        with values_table({"t": ["a"]}, {"i": [1, 2]}):
            pass


def test_a_values_file_written_again_under_the_same_name_is_read_afresh(con, tmp_path, monkeypatch):
    # (DuckDB caches some files it reads: a name used again must never give the earlier values)
    import tempfile

    path = tmp_path / "same.values"

    def same_name(**kwargs):
        return os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), str(path)
    monkeypatch.setattr(tempfile, "mkstemp", same_name)
    for round_ in range(20):
        values = [f"/x/{round_:03d}-{i}.json" for i in range(3)]
        assert _rows(con, {"t": values}, {"i": [round_] * 3})[0] == [(v, round_) for v in values]
    assert not path.exists()
