"""Pages of the three sites saved in other encodings than UTF-8 (Windows-1252 or Latin-1, Notepad's 'ANSI'; UTF-16
with its byte order mark, Notepad's 'Unicode'; UTF-8 with a mark), and clincosm pages copied with what a copy keeps
(zero-width marks, a Windows-1252 reading of the UTF-8, no-break spaces): each reads as its UTF-8 twin, a guessed
encoding named as a load problem. Beside them, bytes that stay rejected and UTF-8 pages that carry no such problem."""
from __future__ import annotations

import pytest

from flows.inputs import Input
from flows.parse_batch import ParsedBatch, as_utf8, parse_input
from flows.parsers import HEAD_BYTES, aggregator_text, claimants, ctgov_classic_text, summary_text
from flows.parsers.copied_text import (MIS_DECODED, READ_AS_WINDOWS_1252, READ_AS_WINDOWS_1252_DETAIL,
                                       READ_PARTLY_AS_WINDOWS_1252_DETAIL)
from flows.parsers.page_encodings import PARTLY_WINDOWS_1252, saved_text
from flows.parsers.page_text import NOT_TEXT
from tests.parsers.golden import GOLDEN_DIR

PAGES = {  # pages holding characters beyond ASCII: bullets, '≥' and '≤', a Greek letter, '×', a no-break space
    ctgov_classic_text: "000_NCT04916756.txt",
    aggregator_text: "004_NCT06936215.txt",
    summary_text: "003_NCT04966884.txt",
}
# Where each page's brief summary begins.
SUMMARIES = {ctgov_classic_text: "Primary Sjogren's syndrome (pSS) is",
             aggregator_text: "Systemic sclerosis (SSc) is", summary_text: "Anti-melanoma differentiation"}
# Letters and signs Windows-1252 and Latin-1 hold, as a description writes them, put in each page's text.
ACCENTED = "étude multicentrique (Müller, 5 µg ± 0,5 ; 37 °C)"
_WINDOWS_1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def _page(module, words: str = ACCENTED) -> str:
    """The page, its brief summary opening with `words`."""
    text = (GOLDEN_DIR / module.LAYOUT / PAGES[module]).read_text(encoding="utf-8")
    assert "\n" + SUMMARIES[module] in text
    return text.replace("\n" + SUMMARIES[module], f"\n{words}: {SUMMARIES[module]}", 1)


def _tables(parsed) -> list:
    assert parsed.records, parsed.problems
    return [(record.nct_id, record.tables) for record in parsed.records]


def _reasons(parsed) -> list[str]:
    return [problem.reason for problem in parsed.problems]


def _as_saved(text: str, encoding: str) -> str:
    """The text a page saved in `encoding` holds: a character it cannot hold is saved as '?'."""
    return text.encode(encoding, errors="replace").decode(encoding)


def _run(raw: bytes) -> tuple[list[str], list[str], list[str]]:
    """The layouts claiming `raw` as a run reads it, the studies it loads, and the reasons of its rejects and
    problems."""
    batch = ParsedBatch()
    parse_input(Input("page.txt", raw, None), batch)
    claimed = [parser.LAYOUT for parser in claimants(as_utf8(raw)[:HEAD_BYTES])]
    return (claimed, [sourced.record.nct_id for sourced in batch.records],
            [reject.reason for reject in batch.rejects + batch.problems])


# Windows-1252 and Latin-1 --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize("module", PAGES, ids=lambda module: module.LAYOUT)
def test_a_page_saved_as_ansi_reads_as_its_utf8_twin_with_the_problem(module, encoding):
    text = _page(module)
    saved = _as_saved(text, encoding)
    assert saved.count("?") > text.count("?")  # '≥' and others it cannot hold are '?' in the saved page
    raw = saved.encode(encoding)
    twin = module.parse(saved.encode())
    parsed = module.parse(raw)
    assert _tables(parsed) == _tables(twin)
    assert _reasons(parsed) == [*_reasons(twin), READ_AS_WINDOWS_1252]
    assert parsed.problems[-1].nct_id == twin.records[0].nct_id
    assert ACCENTED in str(_tables(parsed))


@pytest.mark.parametrize("module", PAGES, ids=lambda module: module.LAYOUT)
def test_a_page_saved_as_windows_1252_is_claimed_by_its_layout_and_loads_in_a_run(module):
    text = _page(module)
    raw = text.encode("cp1252", errors="replace")
    nct_id = module.parse(text.encode()).records[0].nct_id
    claimed, loaded, reasons = _run(raw)
    assert (claimed, loaded) == ([module.LAYOUT], [nct_id])
    assert READ_AS_WINDOWS_1252 in reasons and READ_AS_WINDOWS_1252 not in _run(text.encode())[2]


@pytest.mark.parametrize("module", PAGES, ids=lambda module: module.LAYOUT)
def test_a_utf8_page_with_words_typed_in_windows_1252_reads_each_part_in_its_encoding(module):
    text = _page(module, "Hôpital de la Pitié")  # typed into the saved page by an editor set to 'ANSI'
    raw = text.encode().replace("Hôpital de la Pitié".encode(), "Hôpital de la Pitié".encode("cp1252"), 1)
    twin = module.parse(text.encode())
    parsed = module.parse(raw)
    assert _tables(parsed) == _tables(twin)
    assert _reasons(parsed) == [*_reasons(twin), READ_AS_WINDOWS_1252]
    assert parsed.problems[-1].detail == READ_PARTLY_AS_WINDOWS_1252_DETAIL


@pytest.mark.parametrize("module", PAGES, ids=lambda module: module.LAYOUT)
def test_a_windows_1252_page_showing_a_registry_s_mis_decoded_name_keeps_it(module):
    # 'Ã©' saved in Windows-1252 is the two bytes of UTF-8's 'é': among the page's other accented letters it stays
    text = _as_saved(_page(module, f"{ACCENTED}, Service d'HÃ©matologie"), "cp1252")
    parsed = module.parse(text.encode("cp1252"))
    assert _tables(parsed) == _tables(module.parse(text.encode()))
    assert "HÃ©matologie" in str(_tables(parsed)) and parsed.problems[-1].detail == READ_AS_WINDOWS_1252_DETAIL


def test_two_clincosm_pages_saved_as_windows_1252_in_one_file_name_the_problem_once():
    second = (GOLDEN_DIR / "ctgov_classic_text" / "001_NCT05792462.txt").read_text(encoding="utf-8")
    text = _as_saved(_page(ctgov_classic_text) + "\n\n" + second, "cp1252")
    parsed = ctgov_classic_text.parse(text.encode("cp1252"))
    assert _tables(parsed) == _tables(ctgov_classic_text.parse(text.encode()))
    assert _reasons(parsed).count(READ_AS_WINDOWS_1252) == 1


# Byte order marks: the encoding is proven, and no problem is named ---------------------------------------------------

@pytest.mark.parametrize("saved", [
    lambda text: text.encode("utf-16"), lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    lambda text: text.encode("utf-32"), lambda text: b"\xef\xbb\xbf" + text.encode(),
], ids=["utf-16", "utf-16-big-endian", "utf-32", "utf-8-bom"])
@pytest.mark.parametrize("module", PAGES, ids=lambda module: module.LAYOUT)
def test_a_page_saved_with_a_byte_order_mark_reads_as_its_utf8_twin(module, saved):
    text = _page(module)
    raw = saved(text)
    assert module.sniff(raw[:HEAD_BYTES])
    assert module.parse(raw) == module.parse(text.encode())


def test_a_utf16_head_cut_within_a_character_is_read_without_it():
    raw = "Sponsor é\U0001F600".encode("utf-16")
    assert saved_text(raw[:-1]) == ("Sponsor é", "utf-16")
    assert saved_text(raw[:-2]) == ("Sponsor é", "utf-16")


def test_a_partly_windows_1252_head_cut_within_a_utf8_character_is_read_without_it():
    raw = "Sponsor caf".encode() + b"\xe9 " + "\u2265 18 \u2265 20 \u2022 x \u2022 \u2060".encode()
    assert saved_text(raw) == ("Sponsor caf\xe9 \u2265 18 \u2265 20 \u2022 x \u2022 \u2060", PARTLY_WINDOWS_1252)
    assert saved_text(raw[:-1]) == ("Sponsor caf\xe9 \u2265 18 \u2265 20 \u2022 x \u2022 ", PARTLY_WINDOWS_1252)


def test_a_page_saved_as_utf16_and_mis_decoded_before_reads_as_the_utf8_it_was():
    text = _page(ctgov_classic_text)
    mis_decoded = "".join(chr(byte) if byte in _WINDOWS_1252_UNDEFINED else bytes([byte]).decode("cp1252")
                          for byte in text.encode())
    parsed = ctgov_classic_text.parse(mis_decoded.encode("utf-16"))
    assert _tables(parsed) == _tables(ctgov_classic_text.parse(text.encode()))
    assert MIS_DECODED in _reasons(parsed)


# Bytes that stay rejected --------------------------------------------------------------------------------------------

def test_text_in_windows_1252_that_is_no_page_stays_undecodable():
    for raw in ("Sponsor caf\xe9 \xff\xfe".encode("latin-1"), "Notes on the trial: café, 5 µg\n".encode("cp1252")):
        assert _run(raw) == ([], [], ["undecodable text"])
        for module in PAGES:
            assert _reasons(module.parse(raw)) == [NOT_TEXT]


def test_a_windows_1252_page_of_one_site_is_no_page_of_another():
    raw = _page(aggregator_text).encode("cp1252", errors="replace")
    assert _reasons(ctgov_classic_text.parse(raw)) == [NOT_TEXT]
    assert _reasons(summary_text.parse(raw)) == [NOT_TEXT]


@pytest.mark.parametrize("stray", [b"\x01", b"\x1b", b"\x81", b"\x00"], ids=["soh", "escape", "undefined", "nul"])
@pytest.mark.parametrize("module", PAGES, ids=lambda module: module.LAYOUT)
def test_a_page_holding_a_control_or_undefined_byte_is_no_windows_1252_text(module, stray):
    words = ACCENTED.encode("cp1252")
    raw = _page(module).encode("cp1252", errors="replace").replace(words, words + stray, 1)
    assert not module.sniff(raw[:HEAD_BYTES])
    assert _reasons(module.parse(raw)) == [NOT_TEXT]


def test_json_in_latin_1_is_no_page():
    raw = '{"protocolSection": {"identificationModule": {"briefTitle": "Étude"}}}'.encode("latin-1")
    assert not any(module.sniff(raw) for module in PAGES)


# UTF-8 pages ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("module", PAGES, ids=lambda module: module.LAYOUT)
def test_a_utf8_page_names_no_encoding_problem(module):
    reasons = _reasons(module.parse(_page(module).encode()))
    assert READ_AS_WINDOWS_1252 not in reasons and MIS_DECODED not in reasons


# clincosm pages copied as the other sites' pages are --------------------------------------------------------------

def _with_zero_width_edges(text: str) -> str:
    return "\n".join(f"\u200b{line}\u2060" if line.strip() else line for line in text.split("\n"))


def _read_as_windows_1252(text: str, lossy: bool = False) -> bytes:
    """The page's UTF-8 read as Windows-1252 and saved again as UTF-8 (undefined bytes kept, or lost as U+FFFD)."""
    if lossy:
        return text.encode().decode("cp1252", errors="replace").encode()
    return "".join(chr(byte) if byte in _WINDOWS_1252_UNDEFINED else bytes([byte]).decode("cp1252")
                   for byte in text.encode()).encode()


@pytest.mark.parametrize("copy", [lambda text: _with_zero_width_edges(text).encode(),
                                  lambda text: text.replace(" ", "\u00a0").encode()],
                         ids=["zero-width-edges", "no-break-spaces"])
def test_a_clincosm_page_copied_with_marks_a_browser_hides_reads_as_the_page(copy):
    text = _page(ctgov_classic_text)
    raw = copy(text)
    assert ctgov_classic_text.sniff(raw)
    assert ctgov_classic_text.parse(raw) == ctgov_classic_text.parse(text.encode())


def test_a_clincosm_page_read_as_windows_1252_and_saved_again_reads_as_its_utf8():
    text = _page(ctgov_classic_text)
    parsed = ctgov_classic_text.parse(_read_as_windows_1252(text))
    assert _tables(parsed) == _tables(ctgov_classic_text.parse(text.encode()))
    assert _reasons(parsed) == [*_reasons(ctgov_classic_text.parse(text.encode())), MIS_DECODED]


def test_a_clincosm_page_whose_reader_lost_bytes_is_read_as_shown_with_the_problem():
    # 'ō' is C5 8D in UTF-8: Windows-1252 has no character for 8D, and its reader put U+FFFD for it
    page = _page(ctgov_classic_text, f"{ACCENTED}, Tōkyō")
    parsed = ctgov_classic_text.parse(_read_as_windows_1252(page, lossy=True))
    assert MIS_DECODED in _reasons(parsed)
    assert "Ã©tude" in str(_tables(parsed)) and "T\u00c5\ufffdky" in str(_tables(parsed))


def test_a_clincosm_page_holding_one_mis_decoded_name_reads_as_before():
    # the registry's own 'HÃ©matologie' on a page that also shows '≥', which Windows-1252 cannot hold
    text = _page(ctgov_classic_text).replace(ACCENTED, "Service d'HÃ©matologie", 1)
    parsed = ctgov_classic_text.parse(text.encode())
    assert "HÃ©matologie" in str(_tables(parsed))
    assert MIS_DECODED not in _reasons(parsed)
