"""A batch gathered a few rows at a time gives exactly what it gives gathered whole: the same typed frames, refused
cells, faults, raw values and rejects, whatever the values (text, numbers, bytes, refused cells, missing keys) and
wherever in the table the odd ones sit; and the schemas built for validation are the models' own."""
from __future__ import annotations

import copy
import datetime

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandera.engines import pandas_engine

from flows import batch_tables, validate
from flows.batch_tables import COLUMNS, FROM_RECORD, gather
from flows.parse_batch import FileOutcome, ParsedBatch, SourcedRecord
from flows.parsers.model import ColumnRows, Refused, StudyRecord
from flows.table_frames import SCHEMAS, TEXT_COLUMNS, text_column, text_run, typed_column
from schemas import MODELS, base
from schemas.base import ASSIGNED_COLUMNS

FACILITY = [c for c in COLUMNS["facilities"] if c not in FROM_RECORD["facilities"]]
# Values as parsers give them, and values none gives (bytes, a refused cell, numbers in a text column).
VALUES = st.one_of(
    st.none(), st.text(max_size=4), st.sampled_from(("", " ", "Zürich", "São Paulo", "12", "\u200b", "a\x00b")),
    st.integers(-2**70, 2**70), st.floats(), st.booleans(), st.binary(max_size=3),
    st.just(Refused("x", "a number")), st.just(1.5))
# Values as a record that loads as it is gives them (its text is read into Arrow run by run), by column.
TEXT = st.one_of(st.text(max_size=6), st.none(), st.sampled_from(("Lyon", "Köln", "RECRUITING")))
PLAIN = {"latitude": st.one_of(st.none(), st.floats(-90, 90)), "longitude": st.one_of(st.none(), st.floats(-180, 180)),
         "brief_title": TEXT, "overall_status": st.sampled_from(("RECRUITING", "COMPLETED", None)),
         "enrollment": st.one_of(st.none(), st.integers(0, 5000)),
         "start_date": st.one_of(st.none(), st.dates(datetime.date(1990, 1, 1)))}
# And as other records give them: odd values, and values no parser gives.
ODD = {"brief_title": st.one_of(st.text(max_size=8), st.none(), VALUES),
       "overall_status": st.sampled_from(("RECRUITING", "COMPLETED", "Recruiting", None, 7)),
       "enrollment": st.one_of(st.integers(-3, 2**64), st.none(), st.sampled_from(("12", 1.0, True))),
       "start_date": st.one_of(st.none(), st.dates(datetime.date(1, 1, 1)), st.just("2024-13-01"))}


@st.composite
def _record(draw) -> dict:
    """One record's tables: a studies row, and facilities as rows or as columns, sharing their keys or not."""
    names = draw(st.one_of(st.just(FACILITY), st.lists(st.sampled_from(FACILITY + ["floor"]), unique=True,
                                                        min_size=1, max_size=4)))
    given = {**PLAIN, **ODD} if draw(st.integers(0, 3)) == 0 else PLAIN  # most records load as they are
    odd = given is not PLAIN
    rows = [{name: draw(VALUES if odd else given.get(name, TEXT)) for name in names}
            for _ in range(draw(st.integers(0, 4)))]
    form = draw(st.integers(0, 2))
    facilities: list | ColumnRows = rows
    if rows and form:
        facilities = ColumnRows({name: [row[name] for row in rows] for name in names})
        if form == 2:
            list(facilities)  # read as rows once
    study = {name: draw(given[name]) for name in ODD if draw(st.booleans())}
    return {"studies": [study], "facilities": facilities}


def _batch(tables: list[dict]) -> ParsedBatch:
    outcome = FileOutcome("a" * 64, "/in/x.json", 1, datetime.datetime(2026, 1, 1), layout="ctgov_json_v2")
    records = [StudyRecord(f"NCT{i:08d}", copy.deepcopy(table)) for i, table in enumerate(tables)]
    return ParsedBatch(files=[outcome], records=[SourcedRecord(outcome, record) for record in records])


def _whole(table: str, rows) -> tuple[dict, None]:
    """Gathering as it was before runs: every table read whole, its columns typed one by one."""
    return {}, None


def _gathered(tables: list[dict], run_rows: int | None):
    with pytest.MonkeyPatch.context() as patch:
        if run_rows is None:
            patch.setattr(batch_tables, "_in_runs", _whole)
        else:
            patch.setattr(batch_tables, "_RUN_ROWS", run_rows)
        return gather(_batch(tables))


def _validated(tables: list[dict], run_rows: int | None):
    with pytest.MonkeyPatch.context() as patch:
        if run_rows is None:
            patch.setattr(batch_tables, "_in_runs", _whole)
        else:
            patch.setattr(batch_tables, "_RUN_ROWS", run_rows)
        try:
            return validate.validate_batch(_batch(tables))
        except Exception as error:  # noqa: BLE001 - compared with the other way's
            return error


def _frames_equal(left: pd.DataFrame | None, right: pd.DataFrame | None) -> None:
    assert (left is None) == (right is None)
    if left is not None:
        pd.testing.assert_frame_equal(left, right, check_exact=True)


@settings(max_examples=12, deadline=None)
@given(st.lists(_record(), min_size=1, max_size=4), st.sampled_from((1, 2, 3)))
def test_a_batch_gathered_in_runs_is_the_batch_gathered_whole(tables, run_rows):
    whole, in_runs = _gathered(tables, None), _gathered(tables, run_rows)
    assert in_runs.faults == whole.faults
    for table in whole.tables:
        _frames_equal(in_runs.typed[table], whole.typed[table])
        assert in_runs.tables[table].plain == whole.tables[table].plain
        assert in_runs.tables[table].positions == whole.tables[table].positions
        assert [(c.row, c.column, c.value) for c in in_runs.refused[table]] == [
            (c.row, c.column, c.value) for c in whole.refused[table]]


SITE = {name: None for name in FACILITY} | {"name": "Site", "city": "Lyon", "country": "France"}


def _sites(odd: object, at: int) -> list[dict]:
    """Ten sites over three records (rows, columns, rows), one city odd: run by run of three, the odd value sits
    in the first or the last run."""
    sites = [dict(SITE, name=f"Site {i}", city=f"City {i}") for i in range(10)]
    sites[at]["city"] = odd
    return [{"studies": [{"brief_title": "t"}], "facilities": part}
            for part in (sites[:4], ColumnRows({k: [s[k] for s in sites[4:7]] for k in SITE}), sites[7:])]


@pytest.mark.parametrize("odd", [None, "Lyon", Refused("12,5", "a number"), 12, b"Lyon"])
@pytest.mark.parametrize("at", [0, 9])
def test_an_odd_city_in_any_run_gathers_as_in_the_whole_table(odd, at):
    whole, in_runs = _gathered(_sites(odd, at), None), _gathered(_sites(odd, at), 3)
    _frames_equal(in_runs.typed["facilities"], whole.typed["facilities"])
    assert [(c.row, c.column, c.value) for c in in_runs.refused["facilities"]] == [
        (c.row, c.column, c.value) for c in whole.refused["facilities"]]
    if isinstance(odd, (str, Refused)) or odd is None:  # a column of text and None (and refused cells): typed
        assert in_runs.typed["facilities"]["name"].tolist() == [f"Site {i}" for i in range(10)]


@pytest.mark.parametrize("odd", [Refused("12,5", "a number"), 12, b"Lyon"])
def test_an_odd_city_in_the_last_run_is_refused_or_coerced_as_in_the_whole_table(odd):
    whole, in_runs = _validated(_sites(odd, 9), None), _validated(_sites(odd, 9), 3)
    assert in_runs.raw_values == whole.raw_values and in_runs.rejects == whole.rejects
    _frames_equal(in_runs.frames["facilities"], whole.frames["facilities"])


def test_rows_that_stop_sharing_their_keys_in_a_later_run_are_gathered_whole():
    tables = [{"studies": [{"brief_title": "t"}], "facilities": [dict(SITE)] * 3},
              {"studies": [{"brief_title": "u"}], "facilities": [{"name": "Other", "floor": "2"}]}]
    whole, in_runs = _gathered(tables, None), _gathered(tables, 2)
    assert in_runs.faults == whole.faults == {1: ["unknown columns ['floor'] in facilities"]}
    _frames_equal(in_runs.typed["facilities"], whole.typed["facilities"])
    assert in_runs.typed["facilities"]["name"].tolist() == ["Site"] * 3 + ["Other"]


TEXTS = st.lists(st.one_of(st.none(), st.text(max_size=5)), max_size=12)


@settings(max_examples=30, deadline=None)
@given(TEXTS, st.lists(st.integers(0, 12), max_size=4))
def test_a_text_column_from_its_runs_is_the_column_of_its_values(values, cuts):
    bounds = [0, *sorted(min(cut, len(values)) for cut in cuts), len(values)]
    runs: list | None = []
    for start, end in zip(bounds, bounds[1:]):
        runs = text_run(values[start:end], runs)
    built = text_column("facilities", "city", runs)
    pd.testing.assert_extension_array_equal(built, typed_column("facilities", "city", values))
    assert built.dtype == typed_column("facilities", "city", ["x"]).dtype
    assert built.__arrow_array__().num_chunks == 1 and built.__arrow_array__().type == pa.large_string()


@pytest.mark.parametrize("odd", [1, 1.5, float("nan"), True, b"x", Refused("x", "text"), ["x"]])
def test_a_run_with_anything_but_text_and_none_is_no_text_run(odd):
    assert text_run(["a", None, odd], []) is None and typed_column("facilities", "city", ["a", None, odd]) is None


def test_the_text_columns_are_those_typed_column_reads_as_text():
    for table, schema in SCHEMAS.items():
        for name in schema.columns:
            built = typed_column(table, name, ["x", None])
            assert (name in TEXT_COLUMNS[table]) == (built is not None and built.dtype == "str"), (table, name)


def test_the_validated_schemas_are_the_models_without_the_assigned_columns():
    for table, model in MODELS.items():
        own = model.to_schema().remove_columns([c for c in ASSIGNED_COLUMNS if c in model.to_schema().columns])
        built = SCHEMAS[table]
        assert list(built.columns) == list(own.columns) and built.columns.keys().isdisjoint(ASSIGNED_COLUMNS)
        assert (built.coerce, built.strict, built.ordered, built.unique) == (own.coerce, own.strict, own.ordered,
                                                                             own.unique)
        for name, column in built.columns.items():
            theirs = own.columns[name]
            assert (column.dtype, column.nullable, column.coerce, column.name) == (
                theirs.dtype, theirs.nullable, theirs.coerce, theirs.name)
            assert [(c.name, c.statistics) for c in column.checks] == [(c.name, c.statistics) for c in theirs.checks]
        assert set(model.to_schema().columns) - set(ASSIGNED_COLUMNS) == set(built.columns)
    assert "id" in MODELS["facilities"].to_schema().columns and "id" not in SCHEMAS["facilities"].columns


def test_the_schemas_without_coercion_leave_the_validated_schemas_coercing():
    for table in SCHEMAS:
        coercing = [column.coerce for column in SCHEMAS[table].columns.values()]
        typed = validate._without_coercion(table)
        assert not typed.coerce and not any(column.coerce for column in typed.columns.values())
        assert SCHEMAS[table].coerce and [column.coerce for column in SCHEMAS[table].columns.values()] == coercing
        assert list(typed.columns) == list(SCHEMAS[table].columns)
        assert all(typed.columns[name].dtype == column.dtype and typed.columns[name].checks == column.checks
                   for name, column in SCHEMAS[table].columns.items())


@pytest.mark.parametrize("dtype", ["geometry", "str", "Int64", pd.Int64Dtype(), object, "float64"])
def test_the_geopandas_question_gets_panderas_answer(dtype):
    assert pandas_engine.is_geopandas_dtype(dtype) == base._pandera_is_geopandas_dtype(dtype)
