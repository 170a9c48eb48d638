"""The text-page readers' shortcuts read exactly as the plain readings they stand for: explainer lines
told by their last character, NUL found in the bytes, a sniffed head's text reused for the page."""
from __future__ import annotations

import re
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.parsers import aggregator_text, dates, labels
from flows.parsers.ctgov_classic_text import header
from flows.parsers.aggregator_text import (_CHROME_ENDS, _CHROME_LENGTHS, _CHROME_LINES, CHROME,
                                           CHROME_END_CHARACTERS, WHITESPACE, without_chrome)
from flows.parsers.page_encodings import decode_text, head_text, sniffed_text
from flows.parsers.page_sections import split_sections
from flows.parsers.page_text import page_lines, read_page
from tests.parsers.test_parse_shortcuts import _plain_split


def _plain_without_chrome(lines: list[str]) -> list[str]:
    """Explainer lines dropped as the page reader first did it: every line normalised and compared."""
    return [line for line in lines
            if len(line) not in _CHROME_LENGTHS or line.rstrip()[-1:].lower()[-1:] not in _CHROME_ENDS
            or " ".join(line.lower().split()) not in _CHROME_LINES]


def test_the_end_characters_are_every_character_that_lower_cases_to_an_explainers_end():
    every = (chr(code) for code in range(0x110000))
    assert CHROME_END_CHARACTERS == {c for c in every if c.lower()[-1:] in _CHROME_ENDS}


def test_whitespace_is_what_strip_strips():
    assert WHITESPACE == {chr(code) for code in range(0x110000) if chr(code).isspace()}


SENTENCES = list(CHROME.values()) + ["Results pending"]
CHROME_CASES = [
    *SENTENCES, *(s.upper() for s in SENTENCES), *(s.lower() for s in SENTENCES),
    *("  " + s + " \t" for s in SENTENCES), *(s.replace(" ", "\u00a0 ") for s in SENTENCES),
    *(s.replace(" ", "\u3000") for s in SENTENCES), *(s + "\u2028" for s in SENTENCES),
    "RESULTS PENDING", "results   pending", "Results pending.", "Results pendin", "Results pending!",
    SENTENCES[0][:-1], SENTENCES[0] + ".", SENTENCES[0].replace("k", "\u212a"),  # Kelvin sign lower-cases to k
    SENTENCES[1].replace("s", "\u017f"),  # long s: stays itself lower-cased, so no explainer
    SENTENCES[2].replace("i", "\u0130"),  # dotted capital I lower-cases to two characters
    SENTENCES[3].replace(".", "\uff0e"), "", " ", ".", "g", "G", "Phase 2.", "Randomized", "Beijing",
    "Results\npending", "x" * 40 + ".", SENTENCES[4] + " " * 45,
]


def test_explainer_lines_are_dropped_as_line_by_line():
    assert without_chrome(CHROME_CASES) == _plain_without_chrome(CHROME_CASES)
    assert len(without_chrome(CHROME_CASES)) < len(CHROME_CASES) - len(SENTENCES) * 5


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CHROME_CASES),
                          st.sampled_from(SENTENCES).map(lambda s: s.swapcase()),
                          st.text(alphabet=st.sampled_from("aG.g \t\u00a0\u212aK\u0130sſ"), max_size=20)),
                max_size=25))
def test_any_mix_of_lines_is_read_as_line_by_line(lines):
    assert without_chrome(lines) == _plain_without_chrome(lines)


def test_a_page_reads_its_sections_as_before():
    lines = ["Title", "NCT ID: NCT00000001", "Basic Information", CHROME["Basic Information"].upper(),
             "Recruitment Status", "Recruiting", "More Related Trials", "  " + CHROME["More Related Trials"]]
    sections = aggregator_text.page_sections(lines)
    assert sections.lines("Basic Information") == ["Recruitment Status", "Recruiting"]
    assert sections.lines("More Related Trials") == []


def _plain_decode(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason != "unexpected end of data" or error.start < len(raw) - 3:
            return None
        text = raw[: error.start].decode("utf-8")
    if "\x00" in text:
        return None
    lines = text.removeprefix("\ufeff").splitlines(keepends=True)  # splits at \r, \n and \r\n (and others)
    ended = [line.rstrip("\r\n") + "\n" if line.endswith(("\r", "\n")) else line for line in lines]
    return re.sub("[\u00a0\u202f\u2007]", " ", "".join(ended))


DECODE_CASES = [b"a\r\nb\rc\n\r", "a\u00a0b\u202fc\u2007d".encode(),
                b"", b"a", b"\x00", b"a\x00b", b"\xef\xbb\xbfa", b"\xef\xbb\xbf\x00", "é".encode() + b"\x00",
                "aé".encode()[:-1], "a€".encode()[:-1], "a€".encode()[:-2], b"a\x00" + "€".encode()[:-1],
                b"\xff", b"a\xffb", "日本".encode(), b"a\x00\xe2\x82", "\u0000".encode(), "x\u0100\x00".encode()]


def test_nul_is_found_in_the_bytes_as_in_the_text():
    for raw in DECODE_CASES:
        assert decode_text(raw) == _plain_decode(raw), raw


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=12) | st.text(max_size=8).map(str.encode))
def test_any_bytes_decode_as_before(raw):
    assert decode_text(raw) == _plain_decode(raw)


def test_a_page_sniffed_whole_is_read_from_its_sniffed_text():
    page = "Sponsor\nOverall Status\nCT.gov ID\nNCT00000001\n".encode()
    other = "NCT ID: NCT00000002\nBasic Information\n".encode()
    assert head_text(page) is not None and sniffed_text(page) is head_text(page)
    assert sniffed_text(other) is None and sniffed_text(page[:1] + page[1:]) is None  # an equal copy is not the head
    assert read_page("x", page) == page_lines(decode_text(page))
    head_text(other)
    assert sniffed_text(page) is None and read_page("x", page) == page_lines(decode_text(page))
    head_text(b'{"a": 1}')
    assert sniffed_text(b'{"a": 1}') is None  # JSON: the sniffers got no text, the page is decoded


LABEL_CASES = [("study_type", "Interventional"), ("study_type", " interventional "), ("study_type", "INTERVENTIONAL"),
               ("yes_no", "Yes"), ("yes_no", " no"), ("yes_no", "maybe"), ("sex", "All"), ("masking", "None (Open Label)"),
               ("agency_class", "Peking Union Medical College Hospital"), ("agency_class", "U.S. Fed"), ("sex", "  "),
               ("date_type", "Anticipated"), ("allocation", "N/A"), ("official_role", "Study  Chair"),
               ("intervention_type", "Dietary\u00a0Supplement"), ("study_type", "Observational [Patient Registry]"),
               ("study_type", "\u0130nterventional"), ("sex", "\u212aale")]


def test_a_label_read_again_maps_as_on_its_first_reading():
    for kind, label in LABEL_CASES * 2:
        assert labels.lookup(kind, label) == labels._lookup(kind, label), (kind, label)
    for label in ("Phase 1/Phase 2", "N/A", "PHASE4", "Phase 2, Phase 3", "phase  3", "Phase 9", "", None, " "):
        for _ in range(2):
            assert labels.phase(label) == labels.phase.__wrapped__(label), label
    assert labels.lookup("yes_no", True) is True and labels.lookup("yes_no", 0) is None  # not text: as before


_SUB_LINES = st.lists(st.sampled_from(["Criteria", "  Criteria ", "\u00a0Criteria\u3000", " " * 17 + "Criteria",
                                       " " * 16 + "Criteria", "Criteria:", "criteria", "Inclusion Criteria", "", "x",
                                       "Criteria\u2028", "Locations"]), max_size=20)


@settings(max_examples=300, deadline=None)
@given(_SUB_LINES)
def test_a_sub_section_of_one_heading_is_cut_as_line_by_line(lines):
    for headings in (frozenset({"Criteria"}), ("Criteria",), frozenset({"Locations"})):
        sections = split_sections(lines, headings)
        preamble, found = _plain_split(lines, frozenset(headings))
        assert sections.preamble == preamble
        assert [(heading, sections.lines(heading)) for heading in sections.order] == found


def test_a_month_read_again_gives_the_same_columns():
    for text in ("Jun 1, 2021", "2021-06-01", "0999-02-01", "Feb 1, 2024", "Feb 1, 2023", "2021-06-15", "June 2021"):
        for _ in range(2):
            columns = dates.to_month(dates.date_columns("verification_date", text), "verification_date")
            parsed = dates.parse_date(text)
            if parsed.precision == "day":
                month = dates.PartialDate(dates.period_end(parsed.value.year, parsed.value.month), "month")
                assert (columns["verification_date"], columns["verification_month_year"]) == (month.value, month.text)
            assert columns["verification_date_precision"] == "month"


def test_headings_given_in_any_collection_cut_alike():
    lines = ["intro", "Sponsor", "a", "  Locations", "b"]
    cuts = [split_sections(lines, headings) for headings in
            (("Sponsor", "Locations"), frozenset({"Sponsor", "Locations"}), ["Sponsor", "Locations"], {"Sponsor", "Locations"})]
    assert all((c.preamble, c.order, c.lines("Sponsor")) == (["intro"], ["Sponsor", "Locations"], ["a"]) for c in cuts)


def _plain_assignments(values: list) -> list[dict]:
    rows = []
    for fields in combinations(header.FIELDS, len(values)):
        row = dict.fromkeys(header.FIELDS)
        row.update(zip(fields, values))
        if all(row[f] is None or float(row[f]).is_integer() for f in header._WHOLE) and header._computable(row):
            rows.append(row)
    return rows


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([0.0, 1.0, 2.0, 3.0, 12.0, 60.0, 0.5, 2.5, 30.0, 1.3, None]), max_size=6))
def test_header_numbers_are_read_against_the_same_field_sets_as_every_subsequence(values):
    assert header._assignments(values) == _plain_assignments(values)
