"""The run summary says which fields each source layout never shows without loading the parsers when every
layout in the warehouse is one that shows them all: that list agrees with the parsers."""
from __future__ import annotations

from checks.missing_fields import not_carried
from flows.parsers import PARSERS
from flows.summary import SHOWS_EVERY_FIELD, never_shown


def test_the_layouts_said_to_show_every_field_are_the_parsers_that_carry_every_field():
    assert SHOWS_EVERY_FIELD == {entry.layout for entry in PARSERS if entry.carries is None}
    assert all(not not_carried(layout) for layout in SHOWS_EVERY_FIELD)


def test_never_shown_gives_what_asking_every_layout_gives():
    layouts = [entry.layout for entry in PARSERS]
    for chosen in ([], [None], layouts, [None, *layouts], ["ctgov_json_v2"], ["summary_text", "unknown_layout"]):
        expected = {layout: fields for layout in chosen if (fields := not_carried(layout))}
        assert never_shown(chosen) == expected
    assert set(never_shown(layouts)) == {"aggregator_text", "summary_text"}
