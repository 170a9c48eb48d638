"""Page text as a copy or a save keeps characters a browser does not show, or mis-decodes them: the zero-width
marks a copy puts where one element of the page ends and the next begins, a page saved as UTF-8 after it was
read as Windows-1252 ('HÃ©matologie' for 'Hématologie'), and a page saved in another encoding than UTF-8 (UTF-16,
Windows-1252). Every text layout reads its lines through these (copied_page)."""
from __future__ import annotations

import re
from typing import Callable

from flows.parsers.model import Parsed, Problem
from flows.parsers.page_encodings import PARTLY_WINDOWS_1252, UTF_8, WINDOWS_1252, as_plain_text
from flows.parsers.page_text import page_lines, read_saved_page

# Characters a browser shows as nothing that a copy keeps where one element of the page ends and the next begins:
# zero-width space, word joiner, and a byte order mark within the text.
ZERO_WIDTH = "\u200b\u2060\ufeff"
_ZERO_WIDTH_EDGES = re.compile(r"^[ \t\u200b\u2060\ufeff]+|[ \t\r\u200b\u2060\ufeff]+$"
                               r"|[ \u200b\u2060\ufeff]*\t[ \t\u200b\u2060\ufeff]*")
_NO_ZERO_WIDTH = str.maketrans("", "", ZERO_WIDTH)
# A soft hyphen marks where a word may break: a browser shows it only where it breaks a line, and a copy keeps it
# within the word ('Pro\u00adspective'), where the page shows the word whole.
SOFT_HYPHEN = "\u00ad"
# What UTF-8's two- to four-byte characters turn into read as Windows-1252: a lead byte's letter (U+00C2-U+00F4)
# then a continuation byte's character (U+0080-U+00BF, or the characters Windows-1252 puts at 0x80-0x9F).
_MIS_DECODED = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                          "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# The bytes Windows-1252 leaves undefined, which a reader keeps as the control characters of the same number.
_UNDEFINED = frozenset(chr(byte) for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D))
_UNDEFINED_SPLIT = re.compile("([\u0081\u008d\u008f\u0090\u009d])")
# A UTF-8 character one byte short, then a space or the line's end: its last byte was 0xA0, which Windows-1252
# reads as a no-break space, which the page's reading turns into a space (and drops at a line's end).
_NO_BREAK_BYTE = re.compile(rb"(?:[\xc2-\xdf]|[\xe0-\xef][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{2})(?: |(?=\n)|\Z)")
MIS_DECODED = "page text mis-decoded"
MIS_DECODED_DETAIL = ("the page's text is UTF-8 that was read as Windows-1252 and saved again ('Ã©' for 'é'); "
                      "it is read as the UTF-8 it was")
MIS_DECODED_LOST = ("the page's text is UTF-8 that was read as Windows-1252 ('Ã©' for 'é'), and characters its "
                    "reader could not read are lost ('\ufffd'): its text is loaded as the page shows it")
# What a reader puts for bytes it cannot read.
_REPLACEMENT = "\ufffd"
# A page whose bytes are not UTF-8 and bear no byte order mark, read as Windows-1252: what it was saved in is a guess.
READ_AS_WINDOWS_1252 = "page text read as Windows-1252"
READ_AS_WINDOWS_1252_DETAIL = (
    "the page's bytes are not UTF-8 and bear no byte order mark: it is read as Windows-1252 ('ANSI', which reads "
    "Latin-1 alike); a character that encoding cannot hold ('\u2265', Greek letters) was saved as '?' or as a "
    "stand-in ('>='), and is loaded so, and a page saved in another encoding (Central European, Cyrillic) shows "
    "other letters than its site did")
READ_PARTLY_AS_WINDOWS_1252_DETAIL = (
    "the page is UTF-8 but some of its bytes are not (text typed or pasted into it in Windows-1252, 'ANSI'): those "
    "are read as Windows-1252 and the rest as UTF-8; a character saved in another encoding shows other letters")
_GUESSES = {WINDOWS_1252: READ_AS_WINDOWS_1252_DETAIL, PARTLY_WINDOWS_1252: READ_PARTLY_AS_WINDOWS_1252_DETAIL}
# What _MIS_DECODED matches, as the UTF-8 bytes of a page: a lead byte's letter (U+00C2-U+00F4, bytes C3 82-C3 B4)
# then the first byte of a continuation byte's character (U+0080-U+00BF: C2; the letters Windows-1252 puts at
# 0x80-0x9F: C5, C6, CB; its punctuation, the euro and the trade mark: E2). A UTF-8 page whose bytes hold none holds
# no mis-decoded text (one search of the bytes, where a page with an accented letter would be joined and searched).
_MIS_DECODED_BYTES = re.compile(rb"\xc3[\x82-\xb4][\xc2\xc5\xc6\xcb\xe2]")


def copied_page(layout: str, raw: bytes,
                is_page: Callable[[bytes], bool]) -> tuple[list[str], list[Problem]] | Parsed:
    """The lines of a page as the site showed them, whatever its save or copy kept: decoded in the encoding its bytes
    show (read_saved_page), read back from a Windows-1252 reading of its UTF-8 (as_decoded), without a copy's
    zero-width marks at its lines' edges; and a problem (no study named) for each doubt about that reading. A
    Parsed with the problem when the bytes are no page text."""
    page = read_saved_page(layout, raw, is_page)
    if isinstance(page, Parsed):
        return page
    lines, codec = page
    if codec in _GUESSES:  # bytes a UTF-8 reader did not take: nothing was mis-decoded from UTF-8
        return as_shown(lines), [Problem(READ_AS_WINDOWS_1252, _GUESSES[codec])]
    mis_decoded = None
    if codec != UTF_8 or _MIS_DECODED_BYTES.search(raw):  # else the page holds no character of a mis-decoded one
        lines, mis_decoded = as_decoded(lines)
    return as_shown(lines), [Problem(MIS_DECODED, mis_decoded)] if mis_decoded else []


def as_shown(lines: list[str]) -> list[str]:
    """The lines as a browser shows them: without a copy's zero-width marks at their edges (without_zero_width_edges)
    and without the soft hyphens within their words. Read after a mis-decoded page is read back, as the
    Windows-1252 reading of a UTF-8 letter may hold one ('Ã' and a soft hyphen for 'í')."""
    text = "\n".join(lines)
    if any(mark in text for mark in ZERO_WIDTH):
        lines = [_ZERO_WIDTH_EDGES.sub(_visible, line) for line in lines]
    return [line.replace(SOFT_HYPHEN, "") for line in lines] if SOFT_HYPHEN in text else lines


def of_study(problems: list[Problem], nct_id: str | None) -> list[Problem]:
    """copied_page's problems, each naming the study read from the page."""
    return [Problem(problem.reason, problem.detail, nct_id) for problem in problems]


def without_zero_width_edges(lines: list[str]) -> list[str]:
    """The lines without the zero-width characters at their edges and beside a tab (where a copy puts them between
    a page's elements, 'Basic Information\\u200b'); the page shows nothing there. One within a word or between
    words is the text's own, and is kept."""
    text = "\n".join(lines)
    if not any(mark in text for mark in ZERO_WIDTH):
        return lines
    return [_ZERO_WIDTH_EDGES.sub(_visible, line) for line in lines]


def visible_text(text: str | None) -> str | None:
    """A sniffer's head as a browser shows it: a copy's zero-width characters at its lines' edges left out."""
    if text is None or not any(mark in text for mark in ZERO_WIDTH):
        return text
    return "\n".join(without_zero_width_edges(text.split("\n")))


def _visible(edge: re.Match) -> str:
    """A line's edge, or the space around a tab, without its zero-width characters."""
    return edge.group(0).translate(_NO_ZERO_WIDTH)


def as_decoded(lines: list[str]) -> tuple[list[str], str | None]:
    """The page's lines as the UTF-8 they were, and what was found (a problem's detail, or None): a page read as
    Windows-1252 and saved again holds every one of its characters beyond ASCII as two to four such characters. It
    is read back only when the whole page turns back into UTF-8 so (a page with one character Windows-1252 cannot
    hold, or whose bytes are no UTF-8, was not mis-decoded as a whole, and is read as it is); one whose reader put
    the replacement character for bytes it could not read has lost them, and is read as it is, with the problem."""
    text = "\n".join(lines)
    if _MIS_DECODED.search(text) is None:
        return lines, None
    if _REPLACEMENT in text:
        return lines, MIS_DECODED_LOST
    try:
        decoded = _NO_BREAK_BYTE.sub(_with_no_break_byte, _windows_1252_bytes(text)).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return lines, None
    return page_lines(as_plain_text(decoded)), MIS_DECODED_DETAIL  # its no-break spaces are spaces, as on any page


def _with_no_break_byte(short: re.Match) -> bytes:
    """A UTF-8 character whose last byte, 0xA0, was read as a no-break space and kept as a space (or dropped)."""
    return short.group(0).rstrip(b" ") + b"\xa0"


def _windows_1252_bytes(text: str) -> bytes:
    """The bytes a Windows-1252 reader read `text` from (its undefined bytes kept as their control characters);
    UnicodeEncodeError for a character it cannot have read."""
    if _UNDEFINED.isdisjoint(text):
        return text.encode("cp1252")
    return b"".join(part.encode("latin-1") if part in _UNDEFINED else part.encode("cp1252")
                    for part in _UNDEFINED_SPLIT.split(text))
