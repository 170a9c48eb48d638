"""aggregator_text site addresses: 'City, State, Zip, Country', where a country's registry name may hold a comma."""
from __future__ import annotations

import pytest

from flows.parsers.aggregator_text.people_places import address


@pytest.mark.parametrize("line, expected", [
    ("Seoul, , Korea, Republic of", ("Seoul", None, None, "Korea, Republic of")),
    ("Tehran, Iran, Islamic Republic of", ("Tehran", None, None, "Iran, Islamic Republic of")),
    ("Kinshasa, , Congo, The Democratic Republic of the", ("Kinshasa", None, None,
                                                          "Congo, The Democratic Republic of the")),
    ("Chisinau, , , Moldova, Republic of", ("Chisinau", None, None, "Moldova, Republic of")),
    # no comma in the country: as before
    ("Wuhan, Hubei, China", ("Wuhan", "Hubei", None, "China")),
    ("Dhaka, , Bangladesh", ("Dhaka", None, None, "Bangladesh")),
    ("Boston, Massachusetts, 02115, United States", ("Boston", "Massachusetts", "02115", "United States")),
    # two last parts that are no country's name stay apart
    ("Springfield, Illinois, 62701, Republic of", ("Springfield", "Illinois", "62701", "Republic of")),
])
def test_a_country_whose_name_holds_a_comma_is_one_part(line, expected):
    found = address(line)
    assert (found["city"], found["state"], found["zip"], found["country"]) == expected
