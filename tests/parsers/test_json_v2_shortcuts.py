"""The API v2 JSON parser's written-out fast paths read exactly as the plain field readings they stand for:
every value through `text` (or `coordinate`), on values that take the fast path and values that must not."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.parsers.ctgov_json_v2_fields import objects, text
from flows.parsers.ctgov_json_v2_people_places import _facilities, coordinate

# Values an API v2 field may hold, the usual and the odd: blank, whitespace-only (ASCII and not),
# numbers as strings, numbers, booleans, nested values, non-ASCII text.
ODD_TEXTS = ("", " ", "\t\n", "\u00a0", "\u3000 ", "42", " 7 ", "Zürich", "東京", "São Paulo ", "NaN", "x")
VALUES = st.one_of(
    st.sampled_from(ODD_TEXTS), st.text(max_size=6), st.none(), st.booleans(), st.integers(),
    st.floats(allow_nan=True), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


def _object(keys: tuple[str, ...], values=VALUES):
    """A JSON object with any of `keys` present (and sometimes an unknown key)."""
    return st.dictionaries(st.sampled_from(keys + ("other",)), values, max_size=len(keys) + 1)


def _plain_facility(item: dict) -> dict:
    geo = item.get("geoPoint")
    row = {"name": text(item.get("facility")), "city": text(item.get("city")), "state": text(item.get("state")),
           "zip": text(item.get("zip")), "country": text(item.get("country")), "status": text(item.get("status"))}
    if isinstance(geo, dict):
        row["latitude"], row["longitude"] = coordinate(geo.get("lat")), coordinate(geo.get("lon"))
    else:
        row["latitude"] = row["longitude"] = None
    return row


_LOCATION = _object(("facility", "city", "state", "zip", "country", "status", "geoPoint"),
                    st.one_of(VALUES, _object(("lat", "lon"))))
_LOCATIONS = st.one_of(st.lists(st.one_of(_LOCATION, VALUES), max_size=4), VALUES, _LOCATION)


@settings(max_examples=500, deadline=None)
@given(_LOCATIONS)
def test_facility_rows_read_as_every_value_through_text(locations):
    assert _facilities(locations) == [_plain_facility(item) for item in objects(locations)]


def test_facility_rows_on_the_usual_and_the_odd_site():
    usual = {"facility": "Hôpital Nord", "city": "Lyon", "zip": "69001", "country": "France", "status": "RECRUITING",
             "geoPoint": {"lat": 45.75, "lon": 4.85}}
    odd = {"facility": " ", "city": 12, "state": True, "zip": "", "country": "\u00a0", "geoPoint": {"lat": "45", "lon": 4}}
    rows = _facilities([usual, "not a site", odd, None])
    assert rows == [_plain_facility(usual), _plain_facility(odd)]
    assert rows[0] == {"name": "Hôpital Nord", "city": "Lyon", "state": None, "zip": "69001", "country": "France",
                       "status": "RECRUITING", "latitude": 45.75, "longitude": 4.85}
    assert rows[1] == {"name": None, "city": "12", "state": None, "zip": None, "country": None, "status": None,
                       "latitude": "45", "longitude": 4.0}
