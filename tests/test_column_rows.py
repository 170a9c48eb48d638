"""A table a parser gives as columns (ColumnRows) reads as its list of row dicts, and a batch gathers and validates
it exactly as it does those dicts: the same columns, typed frames, refused cells, faults, raw values and rejects."""
from __future__ import annotations

import datetime
import json
import pickle

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.batch_tables import COLUMNS, FROM_RECORD, gather
from flows.parse_batch import FileOutcome, ParsedBatch, SourcedRecord
from flows.parsers import ctgov_json_v2
from flows.parsers.model import ColumnRows, Refused, StudyRecord
from flows.validate import validate_batch

FACILITY = [c for c in COLUMNS["facilities"] if c not in FROM_RECORD["facilities"]]
SITES = {"name": ["A", "B"], "city": ["Lyon", None], "latitude": [1.5, None]}


def test_column_rows_read_as_the_list_of_their_row_dicts():
    rows = ColumnRows({key: list(values) for key, values in SITES.items()})
    plain = [{"name": "A", "city": "Lyon", "latitude": 1.5}, {"name": "B", "city": None, "latitude": None}]
    assert len(rows) == 2 and rows and rows.columns is not None  # counted without making the rows
    assert rows == plain and plain == rows and rows == ColumnRows(dict(SITES))
    assert rows != plain[:1] and rows != "AB" and list(rows) == plain and rows[1] == plain[1]
    assert rows[-1:] == plain[-1:] and repr(rows) == repr(plain) and [list(row) for row in rows] == [list(SITES)] * 2
    assert rows.columns is None  # made once: the rows are dicts from now on


def test_a_change_to_a_row_stays():
    rows = ColumnRows({key: list(values) for key, values in SITES.items()})
    rows[0]["name"] = "Z"
    rows.append({"name": "C"})
    del rows[1]
    assert rows == [{"name": "Z", "city": "Lyon", "latitude": 1.5}, {"name": "C"}]


def test_empty_column_rows_have_no_rows():
    for columns in ({}, {"name": []}, {"name": [], "city": []}):
        rows = ColumnRows(columns)
        assert len(rows) == 0 and not rows and rows == [] and list(rows) == []


def test_column_rows_travel_pickled_as_they_are():
    fresh = ColumnRows({key: list(values) for key, values in SITES.items()})
    made = ColumnRows({key: list(values) for key, values in SITES.items()})
    made[0]["name"] = "Z"
    for rows in (fresh, made):
        back = pickle.loads(pickle.dumps(rows))
        assert back == rows and (back.columns is None) == (rows.columns is None)


def _json_study(locations: list, outcomes: dict, browse: dict) -> bytes:
    return json.dumps({"protocolSection": {
        "identificationModule": {"nctId": "NCT01234567"}, "statusModule": {"overallStatus": "COMPLETED"},
        "contactsLocationsModule": {"locations": locations}, "outcomesModule": outcomes},
        "derivedSection": {"conditionBrowseModule": browse}}).encode()


def test_the_json_parser_gives_its_big_tables_as_columns_with_the_rows_it_always_gave():
    locations = [{"facility": "Site", "city": " ", "zip": 75013, "country": "France", "geoPoint": {"lat": 1, "lon": "x"}},
                 "not a location", {"status": "RECRUITING", "geoPoint": {"lat": 2.5}}]
    outcomes = {"primaryOutcomes": [{"measure": "M", "timeFrame": 3}], "otherOutcomes": [{"description": "\t"}]}
    browse = {"meshes": [{"term": "Äther"}, {"term": " "}], "ancestors": [{"term": 7}]}
    tables = ctgov_json_v2.parse(_json_study(locations, outcomes, browse)).records[0].tables
    assert all(type(tables[t]) is ColumnRows for t in ("facilities", "design_outcomes", "browse_conditions"))
    assert tables["facilities"] == [
        {"name": "Site", "city": None, "state": None, "zip": "75013", "country": "France", "status": None,
         "latitude": 1.0, "longitude": "x"},
        {"name": None, "city": None, "state": None, "zip": None, "country": None, "status": "RECRUITING",
         "latitude": 2.5, "longitude": None}]
    assert tables["design_outcomes"] == [
        {"outcome_type": "primary", "measure": "M", "time_frame": "3", "description": None},
        {"outcome_type": "other", "measure": None, "time_frame": None, "description": None}]
    assert tables["browse_conditions"] == [
        {"mesh_term": "Äther", "downcase_mesh_term": "äther", "mesh_type": "mesh-list"},
        {"mesh_term": "7", "downcase_mesh_term": "7", "mesh_type": "mesh-ancestor"}]
    assert tables["countries"] == [{"name": "France", "removed": False}]


def test_a_batch_of_json_studies_gathers_their_columns_without_row_dicts():
    raw = _json_study([{"facility": "Site"}], {}, {"meshes": [{"term": "Fever"}]})
    parsed = [ctgov_json_v2.parse(raw).records[0] for _ in range(3)]
    gathered = gather(_batch([record.tables for record in parsed]))
    assert all(record.tables["facilities"].columns is not None for record in parsed)  # no row dict was made
    assert gathered.typed["facilities"]["name"].tolist() == ["Site"] * 3


# Values as a parser may give them, good and bad: the validation of each must not depend on the form.
VALUES = st.one_of(
    st.none(), st.text(max_size=4), st.sampled_from(("", " ", "Zürich", "12", "\u200b", "𝔘", "a\x00b")),
    st.integers(-2**70, 2**70), st.floats(), st.booleans(), st.binary(max_size=3),
    st.just(Refused("x", "a number")), st.just(float("nan")), st.just(1.5))
COLUMN_NAMES = st.lists(st.sampled_from(FACILITY + ["floor"]), unique=True, max_size=len(FACILITY) + 1)


@st.composite
def _tables(draw) -> dict[str, list[dict]]:
    """One record's facilities: rows that share their keys (as a parser's do), or none."""
    names = draw(st.one_of(st.just(FACILITY), COLUMN_NAMES))
    count = draw(st.integers(0, 3))
    rows = [{name: draw(VALUES) for name in names} for _ in range(count)]
    return {"facilities": rows} if rows or draw(st.booleans()) else {}


def _batch(tables: list[dict]) -> ParsedBatch:
    outcome = FileOutcome("a" * 64, "/in/x.json", 1, datetime.datetime(2026, 1, 1), layout="ctgov_json_v2")
    records = [StudyRecord(f"NCT0000000{i}", {"studies": [{"brief_title": "t"}], **table})
               for i, table in enumerate(tables)]
    return ParsedBatch(files=[outcome], records=[SourcedRecord(outcome, record) for record in records])


def _as_columns(tables: dict, form: int) -> dict:
    """The record's tables with facilities as the rows (0), as columns (1), or as columns read as rows once (2)."""
    rows = tables.get("facilities")
    if rows is None or form == 0 or (rows and not rows[0]):  # rows without a column cannot be held as columns
        return tables
    held = ColumnRows({name: [row[name] for row in rows] for name in (rows[0] if rows else [])})
    if form == 2:
        list(held)
    return {**tables, "facilities": held}


def _validated(batch: ParsedBatch) -> object:
    try:
        return validate_batch(batch)
    except Exception as error:  # noqa: BLE001 - compared with the other form's
        return error


def _frames_equal(left: pd.DataFrame | None, right: pd.DataFrame | None) -> None:
    assert (left is None) == (right is None)
    if left is not None:
        pd.testing.assert_frame_equal(left, right, check_exact=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(_tables(), min_size=1, max_size=4), st.lists(st.integers(0, 2), min_size=4, max_size=4))
def test_columns_gather_as_their_rows(tables, forms):
    as_rows = gather(_batch(tables))
    as_columns = gather(_batch([_as_columns(t, form) for t, form in zip(tables, forms)]))
    assert as_columns.faults == as_rows.faults
    for table in as_rows.tables:
        _frames_equal(as_columns.typed[table], as_rows.typed[table])
        assert as_columns.tables[table].positions == as_rows.tables[table].positions
        assert as_columns.tables[table].plain == as_rows.tables[table].plain
        assert [(c.row, c.column, c.value) for c in as_columns.refused[table]] == [
            (c.row, c.column, c.value) for c in as_rows.refused[table]]
        assert as_columns.tables[table].rows == as_rows.tables[table].rows


@settings(max_examples=20, deadline=None)
@given(st.lists(_tables(), min_size=1, max_size=3), st.lists(st.integers(0, 2), min_size=3, max_size=3))
def test_columns_validate_as_their_rows(tables, forms):
    as_rows, as_columns = (_validated(_batch(tables)),
                           _validated(_batch([_as_columns(t, form) for t, form in zip(tables, forms)])))
    if isinstance(as_rows, Exception):  # values no parser gives (a text column of bools only) can fail the batch
        assert type(as_columns) is type(as_rows) and str(as_columns) == str(as_rows)
        return
    assert as_columns.accepted == as_rows.accepted and as_columns.rejects == as_rows.rejects
    assert as_columns.raw_values == as_rows.raw_values
    assert as_columns.frames.keys() == as_rows.frames.keys()
    for table, frame in as_rows.frames.items():
        _frames_equal(as_columns.frames[table], frame)


def test_a_batch_of_rows_and_columns_alike_gathers_them_without_row_dicts():
    site = {name: None for name in FACILITY} | {"name": "Site"}
    parts = [[dict(site)], ColumnRows({name: [value] * 2 for name, value in site.items()}), [dict(site)] * 2,
             ColumnRows({name: [value] for name, value in site.items()})]
    gathered = gather(_batch([{"facilities": part} for part in parts]))
    assert gathered.typed["facilities"]["name"].tolist() == ["Site"] * 6
    assert gathered.tables["facilities"].positions == [0, 1, 1, 2, 2, 3]
    assert parts[1].columns is not None and parts[3].columns is not None
