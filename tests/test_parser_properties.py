"""Property tests: random and mutated input never escapes a parser as anything but its own parse problem."""
from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.inputs import Input
from flows.parse_batch import parse_chunk
from flows.parsers import PARSERS as ENTRIES
from flows.parsers.model import Parsed
from flows.validate import validate_batch

PARSERS = tuple(entry.module for entry in ENTRIES)

GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = {p.LAYOUT: sorted(f.read_bytes() for f in (GOLDEN / p.LAYOUT).glob("*")
                            if not f.name.endswith(".expected.json")) for p in PARSERS}
# Bounded time: one input of a few KB parses well within this (ms), however mangled.
DEADLINE_MS = 3000
PROPERTY = settings(max_examples=60, deadline=DEADLINE_MS, suppress_health_check=[HealthCheck.too_slow])
# Parsed and validated whole: validation builds its frames and checks per call (well under a second alone), which a
# 2-core host busy with other work has stretched past 3 s; still bounded, as a blow-up or a hang is not.
WHOLE_DEADLINE_MS = 10_000
WHOLE = settings(max_examples=60, deadline=WHOLE_DEADLINE_MS, suppress_health_check=[HealthCheck.too_slow])


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


# Odd values a registry export has held where a number, date, code, flag or text belongs: digits that int() does
# not read ('²'), other scripts' digits, overflowing numbers, wrong JSON types, NUL and empty text.
ODD_VALUES = ["\u00b2", "1\u00b2", "\u0661\u0662", "\U0001d7d8", "", " ", "abc", "\x00", "2023-13-45", "NaN", "N/A",
              "9" * 400, -1, 0, 1.5, 10 ** 30, True, None, [], {}, ["x"], [1], {"a": 1}]
ONE_STUDY_JSON = [s for s in SAMPLES["ctgov_json_v2"] if "protocolSection" in json.loads(s)]
# Where a study's identity is given: replacing these is a structural fault with its own named reason.
IDENTITY = {("protocolSection",), ("protocolSection", "identificationModule"),
            ("protocolSection", "identificationModule", "nctId"), ("protocolSection", "statusModule")}


def _json_paths(node: object, at: tuple = ()) -> list[tuple]:
    found = [at] if at else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _json_paths(value, at + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _json_paths(value, at + (i,))
    return found


def _loads_whole(data: bytes, name: str) -> None:
    """The one study loads: parsed as a record and accepted by validation, whatever it holds."""
    batch = parse_chunk([Input(name, data, None)])
    assert len(batch.records) == 1, [(r.reason, r.detail) for r in batch.rejects]
    validated = validate_batch(batch)
    assert not validated.rejects, [(r.reason, r.detail) for r in validated.rejects]


@WHOLE
@given(data=st.data())
def test_one_odd_value_anywhere_in_an_api_v2_study_never_loses_the_study(data):
    """A refused value is kept and flagged in its cell; it is never a reason to reject the study it is in."""
    study = json.loads(data.draw(st.sampled_from(ONE_STUDY_JSON)))
    where = data.draw(st.sampled_from([p for p in _json_paths(study) if p[:3] not in IDENTITY]))
    node = study
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = data.draw(st.sampled_from(ODD_VALUES))
    _loads_whole(json.dumps(study).encode(), "a.json")


@WHOLE
@given(data=st.data())
def test_one_odd_text_in_any_legacy_xml_element_or_attribute_never_loses_the_study(data):
    root = ElementTree.fromstring(data.draw(st.sampled_from(SAMPLES["ctgov_xml"])))
    element = data.draw(st.sampled_from([e for e in root.iter() if len(e) == 0 and e.tag != "nct_id"]))
    value = data.draw(st.sampled_from([v for v in ODD_VALUES if isinstance(v, str) and v != "\x00"]))
    if element.attrib and data.draw(st.booleans()):
        element.set(data.draw(st.sampled_from(sorted(element.attrib))), value)
    else:
        element.text = value
    _loads_whole(ElementTree.tostring(root, encoding="utf-8"), "a.xml")
