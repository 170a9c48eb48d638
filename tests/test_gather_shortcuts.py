"""Gathering's shortcuts read as the plain path: rows that share their keys give the same columns and the same
faults as rows read one by one, and a table's index built from an int64 array is the one pandas builds."""
from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.batch_tables import COLUMNS, FROM_RECORD, TableRows, _values, gather, shared_columns
from flows.parse_batch import FileOutcome, ParsedBatch, SourcedRecord
from flows.parsers.model import Refused, StudyRecord
from flows.table_frames import typed_column
from flows.validate import _index

FACILITY = [c for c in COLUMNS["facilities"] if c not in FROM_RECORD["facilities"]]
VALUES = st.one_of(st.none(), st.text(max_size=4), st.sampled_from(("", " ", "Zürich", "12")), st.integers(),
                   st.floats(), st.booleans(), st.just(Refused("x", "a number")))


def _rows(keys: list[str]):
    return st.lists(st.fixed_dictionaries({key: VALUES for key in keys}), max_size=5)


@settings(max_examples=100, deadline=None)
@given(_rows(FACILITY))
def test_rows_with_the_same_keys_give_the_columns_read_row_by_row(rows):
    gathered = TableRows(rows, [0] * len(rows))
    assert _values("facilities", gathered, shared_columns(rows)) == _values("facilities", gathered, None)


def _reordered(rows: list[dict], orders: list[int]) -> list[dict]:
    """Each row with its keys rotated by its own amount (the keys stay, their order changes)."""
    out = []
    for row, turn in zip(rows, orders):
        items = list(row.items())
        turn = turn % len(items) if items else 0
        out.append(dict(items[turn:] + items[:turn]))
    return out


@settings(max_examples=100, deadline=None)
@given(_rows(FACILITY), st.lists(st.integers(0, 7), min_size=5, max_size=5))
def test_rows_with_the_same_keys_in_any_order_give_the_columns_read_row_by_row(rows, orders):
    rows = _reordered(rows, orders)
    gathered = TableRows(rows, [0] * len(rows))
    shared = shared_columns(rows)
    assert shared is not None
    assert _values("facilities", gathered, shared) == _values("facilities", gathered, None)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(FACILITY + ["floor"]), VALUES), max_size=5))
def test_rows_with_any_keys_give_the_columns_read_row_by_row(rows):
    gathered = TableRows(rows, [0] * len(rows))
    shared = shared_columns(rows)
    assert (shared is not None) == (len({frozenset(row) for row in rows}) <= 1)
    assert _values("facilities", gathered, shared) == _values("facilities", gathered, None)
    if shared is not None:
        assert list(shared) == list(rows[0] if rows else []) and all(
            shared[key] == [row[key] for row in rows] for key in shared)


def test_shared_columns_are_those_of_rows_with_the_same_keys():
    assert shared_columns([]) == {} and shared_columns([{}, {}]) == {}
    assert shared_columns([{"a": 1, "b": 2}, {"a": 3, "b": 4}]) == {"a": [1, 3], "b": [2, 4]}
    assert shared_columns([{"a": 1, "b": 2}, {"b": 3, "a": 4}]) == {"a": [1, 4], "b": [2, 3]}
    assert shared_columns([{"a": 1}, {"a": None}]) == {"a": [1, None]}
    assert shared_columns([{"a": 1}, {"a": 1, "b": 2}]) is None and shared_columns([{"a": 1, "b": 2}, {"a": 1}]) is None
    assert shared_columns([{"a": 1, "b": 2}, {"a": 1, "c": 2}]) is None
    assert shared_columns([{"a": 1, "b": 2}, {"c": 1, "d": 2}]) is None and shared_columns([{}, {"a": 1}]) is None


def _batch(*tables: dict[str, list[dict]]) -> ParsedBatch:
    outcome = FileOutcome("a" * 64, "/in/x.json", 1, datetime.datetime(2026, 1, 1), layout="ctgov_json_v2")
    records = [StudyRecord(f"NCT0000000{i}", {"studies": [{"brief_title": "t"}], **table})
               for i, table in enumerate(tables)]
    return ParsedBatch(files=[outcome], records=[SourcedRecord(outcome, record) for record in records])


def _plain_faults(batch: ParsedBatch) -> dict[int, list[str]]:
    """Every row checked by itself for columns its table does not have."""
    faults: dict[int, list[str]] = {}
    for pos, sourced in enumerate(batch.records):
        for table, rows in sourced.record.tables.items():
            for row in rows:
                extra = set(row) - set(COLUMNS[table])
                if extra:
                    faults.setdefault(pos, []).append(f"unknown columns {sorted(extra)} in {table}")
    return faults


SITE = {"name": "Site", "city": "Lyon", "state": None, "zip": None, "country": "France", "status": None,
        "latitude": 1.0, "longitude": 2.0}


def test_an_unknown_column_in_a_later_row_is_found():
    batch = _batch({"facilities": [SITE, SITE]}, {"facilities": [SITE, {**SITE, "floor": "2"}]})
    gathered = gather(batch)
    assert gathered.faults == _plain_faults(batch) == {1: ["unknown columns ['floor'] in facilities"]}
    assert gathered.tables["facilities"].plain


def test_an_unknown_column_shared_by_every_row_is_found_in_each():
    batch = _batch({"facilities": [{**SITE, "floor": "1"}]}, {"facilities": [{**SITE, "floor": "2"}] * 2})
    assert gather(batch).faults == _plain_faults(batch) == {
        0: ["unknown columns ['floor'] in facilities"], 1: ["unknown columns ['floor'] in facilities"] * 2}


def test_rows_with_the_same_keys_in_another_order_give_the_same_columns():
    reordered = dict(reversed(SITE.items())) | {"name": "Other"}
    batch = _batch({"facilities": [SITE]}, {"facilities": [reordered]})
    gathered = gather(batch)
    assert not gathered.faults and gathered.typed["facilities"]["name"].tolist() == ["Site", "Other"]
    assert gathered.typed["facilities"]["country"].tolist() == ["France", "France"]


def test_a_column_the_record_fills_set_by_a_row_leaves_the_table_untyped():
    batch = _batch({"facilities": [SITE]}, {"facilities": [{**SITE, "nct_id": "NCT99999999"}]})
    gathered = gather(batch)
    assert gathered.typed["facilities"] is None and not gathered.tables["facilities"].plain


def test_an_index_from_an_int64_array_is_the_index_of_the_positions_list():
    frame = pd.DataFrame({"a": range(4)})
    for positions in ([0, 0, 3, 7], [5] * 4):
        built, plain = frame.set_axis(_index(positions)).index, frame.set_axis(positions).index
        assert built.equals(plain) and built.dtype == plain.dtype and type(built) is type(plain)
    empty = frame.iloc[0:0]
    assert empty.set_axis(_index([])).index.dtype == empty.set_axis([]).index.dtype


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.booleans()), max_size=8))
def test_a_bool_column_is_the_array_pandas_builds_from_the_list(values):
    built = typed_column("studies", "has_results", values)
    pd.testing.assert_extension_array_equal(built, pd.array(values, dtype="boolean"))
    assert built.dtype == pd.BooleanDtype()


@pytest.mark.parametrize("odd", [1, 0, 1.0, float("nan"), "True", "", np.bool_(True), pd.NA])
def test_a_bool_column_with_anything_but_bool_and_none_is_left_to_the_model(odd):
    assert typed_column("studies", "has_results", [True, None, odd]) is None


DATES = st.one_of(st.none(), st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)))


@settings(max_examples=200, deadline=None)
@given(st.lists(DATES, max_size=8))
def test_a_date_column_holds_each_date_of_any_year_and_nat_for_none(values):
    built = typed_column("studies", "start_date", values)
    one_by_one = pd.Series(np.array([pd.NaT if v is None else v for v in values], dtype=object), dtype=object)
    pd.testing.assert_series_equal(built, one_by_one, check_exact=True)
    for held, value in zip(built.tolist(), values):
        assert held is pd.NaT if value is None else (type(held) is datetime.date and held == value)


@pytest.mark.parametrize("odd", [datetime.datetime(2020, 1, 1), "2020-01-01", float("nan"), pd.NaT, 0])
def test_a_date_column_with_anything_but_dates_and_none_is_left_to_the_model(odd):
    assert typed_column("studies", "start_date", [datetime.date(2020, 1, 1), None, odd]) is None
