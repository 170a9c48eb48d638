"""The API v2 JSON parser's written-out fast paths read exactly as the plain field readings they stand for:
every value through `text` (or `coordinate`), on values that take the fast path and values that must not."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.parsers.ctgov_json_v2_design import _outcomes
from flows.parsers.ctgov_json_v2_fields import items, objects, text, value_text
from flows.parsers.ctgov_json_v2_people_places import _facilities, coordinate
from flows.parsers.ctgov_json_v2_status import (_DAY_DATES, _POSTED_DATES, _TYPED_DATES, PRECISION_LESS,
                                                status_dates)
from flows.parsers.dates import date_columns, day_value
from flows.parsers.model import Refused, noted, unread
from schemas.enums import LATITUDE_MAX, LONGITUDE_MAX

# Values an API v2 field may hold, the usual and the odd: blank, whitespace-only (ASCII and not),
# numbers as strings, numbers, booleans, nested values, non-ASCII text.
ODD_TEXTS = ("", " ", "\t\n", "\u00a0", "\u3000 ", "42", " 7 ", "Zürich", "東京", "São Paulo ", "NaN", "x")
VALUES = st.one_of(
    st.sampled_from(ODD_TEXTS), st.text(max_size=6), st.none(), st.booleans(), st.integers(),
    st.floats(allow_nan=True), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


def _object(keys: tuple[str, ...], values=VALUES):
    """A JSON object with any of `keys` present (and sometimes an unknown key)."""
    return st.dictionaries(st.sampled_from(keys + ("other",)), values, max_size=len(keys) + 1)


def _in_order(rows: list[dict]) -> list[list[tuple]]:
    """Rows with their column order: validation reads a table's columns in the order its rows give them."""
    return [list(row.items()) for row in rows]


def _plain_facility(item: dict) -> dict:
    geo = item.get("geoPoint")
    row = {"name": text(item.get("facility")), "city": text(item.get("city")), "state": text(item.get("state")),
           "zip": text(item.get("zip")), "country": text(item.get("country")), "status": text(item.get("status"))}
    if isinstance(geo, dict):
        row["latitude"] = coordinate(geo.get("lat"), "geoPoint.lat", LATITUDE_MAX)
        row["longitude"] = coordinate(geo.get("lon"), "geoPoint.lon", LONGITUDE_MAX)
    else:
        row["latitude"] = row["longitude"] = None
    return row


_LOCATION = _object(("facility", "city", "state", "zip", "country", "status", "geoPoint"),
                    st.one_of(VALUES, _object(("lat", "lon"))))
_LOCATIONS = st.one_of(st.lists(st.one_of(_LOCATION, VALUES), max_size=4), VALUES, _LOCATION)


@settings(max_examples=300, deadline=None)
@given(_LOCATIONS)
def test_facility_rows_read_as_every_value_through_text(locations):
    given = [item for item in items(locations) if isinstance(item, dict)] if isinstance(locations, list) else []
    plain = [_plain_facility(item) for item in given]
    assert _in_order(_facilities(objects({"locations": locations}, "locations"))) == _in_order(plain)


def test_facility_rows_on_the_usual_and_the_odd_site():
    usual = {"facility": "Hôpital Nord", "city": "Lyon", "zip": "69001", "country": "France", "status": "RECRUITING",
             "geoPoint": {"lat": 45.75, "lon": 4.85}}
    odd = {"facility": " ", "city": 12, "state": True, "zip": "", "country": "\u00a0",
           "geoPoint": {"lat": "45", "lon": 4}}
    noted()
    rows = _facilities(objects({"locations": [usual, "not a site", odd, None]}, "locations"))
    assert [note for _, note in noted()] == ["locations[1] is a string, not an object",
                                             "locations[3] is null, not an object",
                                             "geoPoint.lat is the string '45', not a number: read as 45.0"]
    assert rows == [_plain_facility(usual), _plain_facility(odd)]
    assert rows[0] == {"name": "Hôpital Nord", "city": "Lyon", "state": None, "zip": "69001", "country": "France",
                       "status": "RECRUITING", "latitude": 45.75, "longitude": 4.85}
    # A state given as a boolean is refused as given (kept raw and flagged), not read as missing.
    assert rows[1] == {"name": None, "city": "12", "state": Refused("true", "text"), "zip": None, "country": None,
                       "status": None, "latitude": 45.0, "longitude": 4.0}


def _plain_outcomes(outcomes: dict) -> list[dict]:
    return [{"outcome_type": outcome_type, "measure": text(item.get("measure")),
             "time_frame": text(item.get("timeFrame")), "description": text(item.get("description"))}
            for outcome_type, key in (("primary", "primaryOutcomes"), ("secondary", "secondaryOutcomes"),
                                      ("other", "otherOutcomes"))
            for item in (outcomes[key] if isinstance(outcomes.get(key), list) else []) if isinstance(item, dict)]


_OUTCOME = _object(("measure", "timeFrame", "description"))
_OUTCOMES = st.dictionaries(st.sampled_from(("primaryOutcomes", "secondaryOutcomes", "otherOutcomes", "x")),
                            st.one_of(st.lists(st.one_of(_OUTCOME, VALUES), max_size=3), VALUES, _OUTCOME), max_size=4)


@settings(max_examples=300, deadline=None)
@given(_OUTCOMES)
def test_outcome_rows_read_as_every_value_through_text(outcomes):
    assert _in_order(_outcomes(outcomes)) == _in_order(_plain_outcomes(outcomes))


def test_outcome_rows_on_usual_and_odd_values():
    outcomes = {"primaryOutcomes": [{"measure": "Overall survival", "timeFrame": "5 years"}, 3],
                "otherOutcomes": [{"measure": " ", "timeFrame": 12, "description": False}]}
    assert _outcomes(outcomes) == [
        {"outcome_type": "primary", "measure": "Overall survival", "time_frame": "5 years", "description": None},
        {"outcome_type": "other", "measure": None, "time_frame": "12", "description": Refused("false", "text")},
    ]


def _plain_status_dates(status: dict) -> dict:
    """status_dates as first written: every date read through `value_text`, every type through `text`, a struct that
    is no object as {}."""
    columns: dict = {}

    def struct(key: str) -> dict:
        found = status.get(key)
        return found if isinstance(found, dict) else {}

    for prefix, key in _TYPED_DATES:
        columns.update(date_columns(prefix, value_text(struct(key).get("date")), text(struct(key).get("type"))))
    for prefix, key in _POSTED_DATES:
        if prefix in PRECISION_LESS:
            columns[prefix] = day_value(value_text(struct(key).get("date")))
        else:
            columns.update(date_columns(prefix, value_text(struct(key).get("date"))))
        columns[f"{prefix}_type"] = text(struct(key).get("type"))
    for column, key in _DAY_DATES:
        columns[column] = day_value(value_text(status.get(key)))
    columns.update(date_columns("verification_date", value_text(status.get("statusVerifiedDate"))))
    return columns


_DATE_TEXTS = st.sampled_from(
    ("2021-06-15", "2021-06", "2021", " 2021-02-30 ", "June 2021", "", " ", "soon", "2021-13"))
_DATE_OR_TYPE = st.one_of(_DATE_TEXTS, st.sampled_from(("ACTUAL", "ESTIMATED")), VALUES)
_STRUCT = st.one_of(_object(("date", "type"), _DATE_OR_TYPE), VALUES)
_STATUS = st.dictionaries(
    st.sampled_from([key for _, key in _TYPED_DATES + _POSTED_DATES]), _STRUCT, max_size=7).flatmap(
    lambda structs: st.dictionaries(st.sampled_from([key for _, key in _DAY_DATES] + ["statusVerifiedDate"]),
                                    st.one_of(_DATE_TEXTS, VALUES), max_size=5).map(lambda days: {**structs, **days}))


@settings(max_examples=300, deadline=None)
@given(_STATUS)
def test_status_dates_read_as_every_struct_through_text(status):
    fast = status_dates(status)
    plain = _plain_status_dates(status)
    assert fast == plain and list(fast) == list(plain)


@settings(max_examples=300, deadline=None)
@given(st.one_of(VALUES, _LOCATION, st.lists(st.one_of(VALUES, _LOCATION), max_size=3)))
def test_objects_are_the_objects_of_an_array_and_the_rest_is_noted_unread(value):
    unread()
    found = objects({"armGroups": value}, "armGroups")
    notes = unread()
    if isinstance(value, list):
        assert found == [item for item in value if isinstance(item, dict)]
        assert notes == [f"armGroups[{i}] is {_kind(item)}, not an object"
                         for i, item in enumerate(value) if not isinstance(item, dict)]
    else:
        assert found == [] and notes == ([] if value is None else [f"armGroups is {_kind(value)}, not an array"])


def _kind(value: object) -> str:
    return {type(None): "null", str: "a string", int: "a number", float: "a number", bool: "a boolean",
            list: "an array", dict: "an object"}[type(value)]
