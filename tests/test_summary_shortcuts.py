"""What the run summary leaves out when it can: which fields a layout never shows is asked of the parsers only
for layouts that may leave some out (that list agrees with the parsers), and the studies by rule, which only
the Markdown summary shows, are not counted for the terminal."""
from __future__ import annotations

import io
from datetime import date

from rich.console import Console

from checks.missing_fields import not_carried
from flows.parsers import PARSERS
from flows.render import print_summary
from flows.summary import SHOWS_EVERY_FIELD, RunSummary, never_shown


def test_the_layouts_said_to_show_every_field_are_the_parsers_that_carry_every_field():
    assert SHOWS_EVERY_FIELD == {entry.layout for entry in PARSERS if entry.carries is None}
    assert all(not not_carried(layout) for layout in SHOWS_EVERY_FIELD)


def test_never_shown_gives_what_asking_every_layout_gives():
    layouts = [entry.layout for entry in PARSERS]
    for chosen in ([], [None], layouts, [None, *layouts], ["ctgov_json_v2"], ["summary_text", "unknown_layout"]):
        expected = {layout: fields for layout in chosen if (fields := not_carried(layout))}
        assert never_shown(chosen) == expected
    assert set(never_shown(layouts)) == {"aggregator_text", "ctgov_classic_text", "summary_text"}


def test_the_terminal_summary_does_not_show_the_studies_by_rule():
    def printed(summary: RunSummary) -> str:
        out = io.StringIO()
        print_summary(Console(file=out, width=100), summary)
        return out.getvalue()
    full = RunSummary("r1", date(2026, 11, 22), "/tmp/w.duckdb", files_seen=3, skipped=3,
                      issues_by_category={"date_anomaly": {"error": 2}},
                      issues_by_rule=[("dates.start_after_completion", "error", 2)])
    without = RunSummary(**{**full.__dict__, "issues_by_rule": []})
    assert printed(full) == printed(without) and "date_anomaly" in printed(full)
