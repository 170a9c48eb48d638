"""The parsers' shortcuts (shared date reads, byte-level JSON/XML detection, one-pass section cuts)
read exactly as the plain readings they stand for."""
from __future__ import annotations

import gc
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.parse_batch import parse_chunk, rows_without_cycle_collection
from flows.parsers.dates import date_columns, day_date, parse_date
from flows.parsers.page_encodings import _JSON_ARRAY, decode_text, head_text
from flows.parsers.page_sections import has_line, split_sections
from flows.parsers.page_text import nonblank, page_lines, text_block

HEADINGS = ("Sponsor", "Overall Status", "Locations")


def _plain_split(lines: list[str], headings) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Section cutting line by line, as the page parsers first did it."""
    preamble: list[str] = []
    found: list[tuple[str, list[str]]] = []
    current, seen = preamble, set()
    longest = max(map(len, headings), default=0) + 16
    for line in lines:
        key = line.strip() if len(line) <= longest else None
        if key in headings and key not in seen:
            seen.add(key)
            current = []
            found.append((key, current))
        else:
            current.append(line)
    return preamble, found


_LINES = st.lists(st.sampled_from(HEADINGS + ("  Sponsor ", "text", "", " " * 20 + "Locations", "Sponsor x")),
                  max_size=30)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_sections_are_cut_as_line_by_line(lines):
    sections = split_sections(lines, HEADINGS)
    preamble, found = _plain_split(lines, HEADINGS)
    assert sections.preamble == preamble
    assert [(heading, sections.lines(heading)) for heading in sections.order] == found


def test_a_repeated_heading_stays_a_line_of_its_section():
    sections = split_sections(["intro", "Sponsor", "a", "Sponsor", "b"], frozenset({"Sponsor"}))
    assert (sections.preamble, sections.lines("Sponsor")) == (["intro"], ["a", "Sponsor", "b"])


def _plain_head_text(head: bytes) -> str | None:
    """The head's text as the sniffers first got it: always decoded."""
    text = decode_text(head)
    if text is None:
        return None
    start = text.lstrip()
    return None if start[:1] in ("{", "<") or _JSON_ARRAY.match(start) else text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"\xef\xbb\xbf", b" ", b"\t", b"\n", b"\x0c", b"\xc2\xa0", b"\x1c", b"{", b"<",
                                 b"a", b"\xff"]), max_size=6))
def test_json_and_xml_heads_are_told_as_decoding_would(parts):
    head = b"".join(parts) + b" NCT ID: NCT00000001"
    assert head_text(head) == _plain_head_text(head)


def test_a_shared_date_reading_gives_each_row_its_own_columns():
    first = date_columns("start_date", "2006-11", "ACTUAL")
    first["start_date_type"] = "changed"
    assert date_columns("start_date", "2006-11", "ACTUAL") == {
        "start_date": parse_date("2006-11").value, "start_date_precision": "month",
        "start_date_type": "ACTUAL", "start_month_year": "2006-11"}


def test_text_that_is_no_date_is_kept_stripped_on_every_reading():
    for _ in range(2):
        assert date_columns("completion_date", " 2021-02-30 ") == {
            "completion_date": "2021-02-30", "completion_date_precision": None, "completion_date_type": None,
            "completion_month_year": None}
        assert day_date("snapshot_date", "  ") == {"snapshot_date": None}


def test_parsing_leaves_the_cycle_collector_as_it_found_it():
    assert gc.isenabled()
    parse_chunk([])
    with rows_without_cycle_collection():
        assert not gc.isenabled()
        parse_chunk([])
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_head_asked_about_again_is_read_as_it_is_now():
    heads = [b"Sponsor\nOverall Status\nCT.gov ID\n", b'{"a": 1}', b"NCT ID: NCT00000001\nBasic Information\n"]
    for head in heads + heads[::-1] + [heads[0]] * 2:
        assert head_text(head) == _plain_head_text(head)
    changing = bytearray(b"NCT ID: NCT00000001\n")
    assert head_text(changing) == _plain_head_text(bytes(changing))
    changing[0:1] = b"{"  # a mutable head changed in place is read again, not remembered
    assert head_text(changing) is None


def _plain_page_lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _plain_text_block(lines: list[str]) -> str | None:
    kept: list[str] = []
    for line in lines:
        if line.strip() or (kept and kept[-1]):
            kept.append(line.rstrip() if line.strip() else "")
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) or None


_PIECES = st.lists(st.sampled_from(["a", "Sponsor", " ", "\t", "\u00a0", "\x0b", "\x0c", "\x1c", "\u2028", "\r",
                                    "\r\n", "\n", "\x85", "\u3000"]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_lines_blocks_and_nonblank_lines_read_as_line_by_line(text):
    lines = page_lines(text)
    assert lines == _plain_page_lines(text)
    raw = text.split("\n")  # lines as callers may pass them: trailing blanks kept
    for given_lines in (lines, raw):
        assert text_block(given_lines) == _plain_text_block(given_lines)
        assert nonblank(given_lines) == [line.strip() for line in given_lines if line.strip()]


def _line_matches(text: str, wanted: str) -> bool:
    """The pattern has_line stands for: a whole line of `wanted` between spaces and tabs."""
    return re.search(rf"(?m)^[ \t]*{re.escape(wanted)}[ \t]*\r?$", text) is not None


HAS_LINE_CASES = [
    ("Sponsor", True), ("  Sponsor\t ", True), ("x\nSponsor\r\ny", True), ("x\nSponsor", True), ("Sponsor\n", True),
    ("Sponsors", False), ("The Sponsor", False), ("Sponsor:", False), ("Sponsor\r\r\n", False),
    ("Sponsor \r x", False), ("\u00a0Sponsor", False), ("Sponsor\x0b", False), ("Spon\nsor", False),
    ("Sponsor of it\n  Sponsor  \n", True), ("Lead Sponsor\nSponsor x\n\tSponsor\r", True), ("", False),
    ("\rSponsor", False), ("Sponsor\rSponsor", False),
]


def test_has_line_finds_a_heading_line_exactly_where_the_line_pattern_does():
    for text, expected in HAS_LINE_CASES:
        assert has_line(text, "Sponsor") is expected == _line_matches(text, "Sponsor"), repr(text)
    assert has_line("a\n CT.gov ID \nb", "CT.gov ID") and not has_line("a\nCTxgov ID\nb", "CT.gov ID")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Sponsor", " ", "\t", "\n", "\r", "x", "Spon", "sor", "\u00a0"]), max_size=12))
def test_has_line_agrees_with_the_line_pattern_on_any_mix_of_lines(parts):
    text = "".join(parts)
    assert has_line(text, "Sponsor") == _line_matches(text, "Sponsor"), repr(text)
