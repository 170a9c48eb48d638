"""A typed table's verdict without pandera's bookkeeping is pandera's verdict, value for value."""
from __future__ import annotations

import datetime
import json

import numpy as np
import pandas as pd
import pandera.errors
import pandera.pandas as pa
import pytest

from flows.batch_tables import gather
from flows.parse_batch import FileOutcome, ParsedBatch, SourcedRecord
from flows.parsers import ctgov_json_v2
from flows.typed_verdict import mirrored, passes
from flows.validate import _TYPED, validate_batch

SHA = "a" * 64


def _typed() -> dict[str, pd.DataFrame]:
    """The typed tables of two valid studies, one with two sites."""
    records = []
    for nct_id, sites in (("NCT01234567", 2), ("NCT07654321", 1)):
        protocol = {"identificationModule": {"nctId": nct_id},
                    "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2020-03"}},
                    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"],
                                     "enrollmentInfo": {"count": 40}},
                    "contactsLocationsModule": {"locations": [
                        {"facility": f"Site {i}", "status": "RECRUITING", "geoPoint": {"lat": 10.5, "lon": -3.0}}
                        for i in range(sites)]}}
        records += ctgov_json_v2.parse(json.dumps({"protocolSection": protocol}).encode()).records
    outcome = FileOutcome(SHA, "/in/x.json", 1, datetime.datetime(2026, 1, 1), layout="ctgov_json_v2")
    typed = gather(ParsedBatch(files=[outcome], records=[SourcedRecord(outcome, r) for r in records])).typed
    assert all(frame is not None for frame in typed.values())
    return typed


def _pandera_passes(schema, frame: pd.DataFrame) -> bool:
    try:
        out = schema.validate(frame.copy(), lazy=True, inplace=True)
    except pandera.errors.SchemaErrors:
        return False
    pd.testing.assert_frame_equal(out, frame, check_exact=True)
    return True


def test_every_valid_typed_table_passes_as_pandera_passes_it():
    for table, frame in _typed().items():
        assert mirrored(_TYPED[table])
        assert passes(_TYPED[table], frame) is True and _pandera_passes(_TYPED[table], frame)


TEXT = pd.StringDtype("pyarrow", na_value=np.nan)


@pytest.mark.parametrize("table, column, values", [
    ("studies", "nct_id", ["nct01234567", "NCT07654321"]),
    ("studies", "nct_id", ["NCT01234567\n", "NCT07654321"]),  # Python's $ matches before a final newline
    ("studies", "nct_id", ["NCT0123456\u0667", "NCT07654321"]),  # an Arabic-Indic digit is a digit to Python's \d
    ("studies", "nct_id", ["NCT0123456", "NCT07654321"]),
    ("studies", "nct_id", [None, "NCT07654321"]),  # may not be NULL
    ("studies", "phase", ["PHASE5", None]),
    ("studies", "phase", ["PHASE1/PHASE2", None]),
    ("studies", "phase", ["phase2", "PHASE2"]),
    ("studies", "source_sha256", ["a" * 63, SHA]),
    ("studies", "source_sha256", ["a" * 65, SHA]),
    ("studies", "enrollment", pd.array([-1, None], dtype="Int64")),
    ("studies", "enrollment", pd.array([0, 100_000_000], dtype="Int64")),
    ("studies", "enrollment", pd.array([100_000_001, None], dtype="Int64")),
    ("studies", "enrollment", pd.array([None, None], dtype="Int64")),
    ("studies", "enrollment", pd.array([1.0, 2.0], dtype="Float64")),  # the wrong dtype
    ("studies", "start_date", pd.Series(["2020-03", pd.NaT], dtype=object)),
    ("studies", "brief_title", pd.Series(["a title", None], dtype=object)),
    ("facilities", "latitude", pd.array([90.0, -90.0, 0.0], dtype="Float64")),
    ("facilities", "latitude", pd.array([90.5, None, 0.0], dtype="Float64")),
    ("facilities", "longitude", pd.array([-180.01, 1.0, 2.0], dtype="Float64")),
    ("facilities", "status", ["RECRUITING", "recruiting", None]),
    ("facilities", "status", [None, None, None]),
])
def test_a_changed_column_gets_pandera_s_verdict(table, column, values):
    frame = _typed()[table]
    frame[column] = values if not isinstance(values, list) else pd.array(values, dtype=TEXT)
    assert passes(_TYPED[table], frame) == _pandera_passes(_TYPED[table], frame)


def test_a_missing_or_extra_column_fails():
    studies = _typed()["studies"]
    assert not passes(_TYPED["studies"], studies.drop(columns=["phase"]))
    assert not passes(_TYPED["studies"], studies.assign(extra=1))


def test_a_check_not_mirrored_is_asked_of_pandera_s_own_call():
    schema = pa.DataFrameSchema({"name": pa.Column(TEXT, pa.Check(lambda s: s.str.len() < 5), nullable=True)},
                                strict=True)
    assert mirrored(schema)
    assert passes(schema, pd.DataFrame({"name": pd.array(["abc", None], dtype=TEXT)}))
    assert not passes(schema, pd.DataFrame({"name": pd.array(["abcdef", None], dtype=TEXT)}))


def test_a_schema_that_coerces_is_left_to_pandera():
    assert not mirrored(pa.DataFrameSchema({"n": pa.Column(int)}, coerce=True))
    assert not mirrored(pa.DataFrameSchema({"n": pa.Column(int, pa.Check.isin([1]), coerce=True)}))


def test_a_refused_value_still_takes_pandera_s_words():
    protocol = {"identificationModule": {"nctId": "NCT01234567"}, "statusModule": {"overallStatus": "DONE"}}
    records = ctgov_json_v2.parse(json.dumps({"protocolSection": protocol}).encode()).records
    outcome = FileOutcome(SHA, "/in/x.json", 1, datetime.datetime(2026, 1, 1), layout="ctgov_json_v2")
    validated = validate_batch(ParsedBatch(files=[outcome], records=[SourcedRecord(outcome, r) for r in records]))
    [raw] = validated.raw_values
    assert (raw.table, raw.column, raw.raw) == ("studies", "overall_status", "DONE")
    assert raw.expected.startswith("an API v2 value: one of ")


# The shortcuts of `passes` (a dtype that is the column's own, distinct text found by Arrow, bounds over every
# value): each against pandera on values that pass and values that fail, in every form a column can come in.
@pytest.mark.parametrize("table, column, values", [
    ("studies", "nct_id", pd.array(["NCT01234567", "NCT07654321"], dtype=pd.StringDtype("python"))),
    ("studies", "nct_id", pd.array(["NCT01234567", "NCT07654321"], dtype=pd.StringDtype("pyarrow", na_value=pd.NA))),
    ("studies", "nct_id", pd.Series(["NCT01234567", "NCT07654321"], dtype=object)),
    ("studies", "nct_id", pd.Series(["NCT01234567", 7654321], dtype=object)),  # mixed types
    ("studies", "nct_id", ["NCT01234567", ""]),  # an empty string
    ("studies", "nct_id", ["NCT01234567", "NCT01234567"]),  # repeats
    ("studies", "phase", ["", None]),
    ("studies", "phase", [None, "PHASE2"]),
    ("studies", "phase", pd.array(["PHASE2", None], dtype=pd.StringDtype("python"))),
    ("studies", "phase", pd.array(["PHASE9", None], dtype=pd.StringDtype("python"))),
    ("studies", "phase", pd.Series(["PHASE2", np.nan], dtype=object)),
    ("studies", "phase", pd.Series(["PHASE2", 2], dtype=object)),
    ("studies", "phase", pd.Series([float("nan"), float("nan")], dtype=object)),
    ("studies", "brief_title", ["", None]),
    ("studies", "brief_title", pd.array(["", None], dtype=pd.StringDtype("python"))),
    ("studies", "brief_title", pd.Series([b"bytes", None], dtype=object)),
    ("studies", "brief_title", pd.Series([1.5, None], dtype=object)),
    ("studies", "brief_title", pd.array([1, None], dtype="Int64")),
    ("studies", "source_sha256", ["", SHA]),
    ("studies", "source_sha256", [SHA, SHA]),
    ("studies", "enrollment", pd.array([None, 5], dtype="Int64")),
    ("studies", "enrollment", pd.array([7, 7], dtype="Int64")),
    ("studies", "enrollment", pd.array([-5, -5], dtype="Int64")),
    ("studies", "enrollment", pd.Series([5, 7], dtype="int64")),  # numpy's dtype, not the model's
    ("studies", "enrollment", pd.Series([5, None], dtype=object)),
    ("studies", "enrollment", pd.Series(["5", None], dtype=object)),
    ("studies", "has_results", pd.array([True, None], dtype="boolean")),
    ("studies", "has_results", pd.Series([True, False], dtype=bool)),
    ("studies", "has_results", pd.Series([True, "yes"], dtype=object)),
    ("studies", "start_date", pd.Series([datetime.date(2020, 3, 31), pd.NaT], dtype=object)),
    ("studies", "start_date", pd.Series([pd.NaT, pd.NaT], dtype=object)),
    ("studies", "start_date", pd.Series([datetime.date(2020, 3, 31), None], dtype=object)),
    ("studies", "start_date", pd.Series([datetime.datetime(2020, 3, 31, 12), pd.NaT], dtype=object)),
    ("studies", "start_date", pd.Series([datetime.date(2020, 3, 31), ""], dtype=object)),
    ("studies", "start_date", pd.Series([datetime.date(2020, 3, 31), float("nan")], dtype=object)),
    ("studies", "start_date", pd.Series(pd.to_datetime(["2020-03-31", None]))),
    ("facilities", "latitude", pd.array([1.0, 2.0, 3.0], dtype="Float64") / pd.array([0.0, 1.0, 1.0], dtype="Float64")),
    ("facilities", "latitude", pd.array([0.0, 2.0, 3.0], dtype="Float64") / pd.array([0.0, 1.0, 1.0], dtype="Float64")),
    ("facilities", "latitude", pd.array([None, None, None], dtype="Float64")),
    ("facilities", "latitude", pd.array([-90, 90, None], dtype="Int64")),
    ("facilities", "latitude", pd.Series([1.0, np.nan, 3.0], dtype="float64")),
    ("facilities", "latitude", pd.Series([1.0, "north", 3.0], dtype=object)),
    ("facilities", "status", ["RECRUITING", "RECRUITING", "COMPLETED"]),
    ("facilities", "status", ["RECRUITING", "", None]),
])
def test_each_shortcut_gives_pandera_s_verdict(table, column, values):
    frame = _typed()[table]
    frame[column] = values if not isinstance(values, list) else pd.array(values, dtype=TEXT)
    assert passes(_TYPED[table], frame) == _pandera_passes(_TYPED[table], frame)


def test_a_check_not_mirrored_sees_the_distinct_values_arrow_found():
    seen = []

    def check(series: pd.Series) -> bool:
        seen.append(sorted(series.tolist()))
        return bool(series.str.len().lt(5).all())

    schema = pa.DataFrameSchema({"name": pa.Column(TEXT, pa.Check(check), nullable=True)}, strict=True)
    assert passes(schema, pd.DataFrame({"name": pd.array(["abc", None, "abc", "de"], dtype=TEXT)}))
    assert seen == [["abc", "de"]]
    assert not passes(schema, pd.DataFrame({"name": pd.array(["abcdef", None], dtype=TEXT)}))


def test_a_date_column_is_of_dates_exactly_when_every_value_is_a_date_or_nat():
    dtype = _TYPED["studies"].columns["start_date"].dtype
    for odd in (pd.NaT, datetime.date(2021, 2, 3), None, "2020-01-01", datetime.datetime(2020, 1, 1), float("nan")):
        column = pd.Series([datetime.date(2020, 1, 1), odd], dtype=object)
        of_dates = {type(value) for value in column} <= {datetime.date, type(pd.NaT)}
        assert (dtype.check(dtype, column) is True) == of_dates
