"""Property tests: random and mutated input never escapes a parser as anything but its own parse problem."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.inputs import Input
from flows.parse_batch import parse_chunk
from flows.parsers import PARSERS as ENTRIES
from flows.parsers.model import Parsed

PARSERS = tuple(entry.module for entry in ENTRIES)

GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = {p.LAYOUT: sorted(f.read_bytes() for f in (GOLDEN / p.LAYOUT).glob("*")
                            if not f.name.endswith(".expected.json")) for p in PARSERS}
# Bounded time: one input of a few KB parses well within this (ms), however mangled.
DEADLINE_MS = 3000
PROPERTY = settings(max_examples=60, deadline=DEADLINE_MS, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw, layout: str) -> bytes:
    """A golden input of `layout` with bytes cut, inserted, overwritten or the tail dropped."""
    data = bytearray(draw(st.sampled_from(SAMPLES[layout])))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        kind = draw(st.sampled_from(["cut", "insert", "overwrite", "truncate"]))
        chunk = draw(st.binary(min_size=1, max_size=40))
        if kind == "cut":
            del data[at:at + len(chunk)]
        elif kind == "insert":
            data[at:at] = chunk
        elif kind == "overwrite":
            data[at:at + len(chunk)] = chunk
        else:
            del data[at:]
    return bytes(data)


def _assert_parsed(parsed: Parsed) -> None:
    assert isinstance(parsed, Parsed)
    for record in parsed.records:
        assert record.nct_id and isinstance(record.tables, dict)


@pytest.mark.parametrize("parser", PARSERS, ids=[p.LAYOUT for p in PARSERS])
def test_a_parser_answers_mutated_input_with_records_or_problems_never_an_exception(parser):
    @PROPERTY
    @given(data=mutated(parser.LAYOUT))
    def check(data):
        _assert_parsed(parser.parse(data))
    check()


@pytest.mark.parametrize("parser", PARSERS, ids=[p.LAYOUT for p in PARSERS])
def test_a_parser_answers_random_bytes_with_problems_never_an_exception(parser):
    @PROPERTY
    @given(data=st.binary(max_size=4000) | st.text(max_size=2000).map(str.encode))
    def check(data):
        _assert_parsed(parser.parse(data))
    check()


@PROPERTY
@given(data=st.one_of(st.binary(max_size=4000), *[mutated(layout) for layout in SAMPLES]))
def test_every_input_gets_exactly_one_outcome_and_a_reason_when_nothing_loads(data):
    batch = parse_chunk([Input("x", data, None)])
    assert len(batch.files) == 1
    assert batch.records or batch.rejects
    assert all(r.reason != "parser error" for r in batch.rejects), [r.detail for r in batch.rejects]
