"""Gathering's shortcuts read as the plain path: rows that share their keys give the same columns and the same
faults as rows read one by one, and a table's index built from an int64 array is the one pandas builds."""
from __future__ import annotations

import datetime

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.batch_tables import COLUMNS, FROM_RECORD, TableRows, _values, gather, shared_keys
from flows.parse_batch import FileOutcome, ParsedBatch, SourcedRecord
from flows.parsers.model import Refused, StudyRecord
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
    assert _values("facilities", gathered, shared_keys(rows)) == _values("facilities", gathered, None)


def test_shared_keys_are_those_of_rows_with_the_same_keys_in_the_same_order():
    assert shared_keys([]) == [] and shared_keys([{"a": 1, "b": 2}, {"a": 3, "b": 4}]) == ["a", "b"]
    assert shared_keys([{"a": 1, "b": 2}, {"b": 3, "a": 4}]) is None
    assert shared_keys([{"a": 1}, {"a": 1, "b": 2}]) is None and shared_keys([{"a": 1, "b": 2}, {"a": 1}]) is None


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
