"""The text of a captured study page: its lines, text blocks, and the page read or refused.

What its bytes are read as is in page_encodings.py, its sections by known headings in page_sections.py, and the
values its lines give in page_values.py.
"""
from __future__ import annotations

import re

from flows.parsers.model import NCT_ID, Parsed, Problem  # NCT_ID is re-exported for the page parsers
from flows.parsers.page_encodings import (PARTLY_WINDOWS_1252, UTF_8, WINDOWS_1252, decode_text, head_entry,
                                          sniffed_text)
from flows.parsers.page_sections import Sections

BULLET = re.compile(r"^\s*[•*\-]\s+")


def page_lines(text: str) -> list[str]:
    """The page's lines with line endings normalised and trailing blanks removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return list(map(str.rstrip, text.split("\n")))


# The characters a page saved with each line indented puts before every line.
_INDENT_MARKS = frozenset(" \t")


def without_shared_margin(lines: list[str]) -> list[str]:
    """The lines without the indentation every non-blank one of them starts with, all in spaces or all in tabs (a
    page saved or pasted with each line indented); a line indented deeper keeps the rest of its indentation. The
    lines themselves when a line starts at the edge (a page's first line mostly, told at sight)."""
    mark = next((line[:1] for line in lines if line.strip()), "")
    if mark not in _INDENT_MARKS:
        return lines
    margin = None
    for line in lines:
        if line.strip():
            if line[:1] != mark:
                return lines
            indent = len(line) - len(line.lstrip(mark))
            margin = indent if margin is None else min(margin, indent)
    return [line[margin:] if line.strip() else line for line in lines] if margin else lines


def nonblank(lines: list[str]) -> list[str]:
    """The stripped non-blank lines."""
    return list(filter(None, map(str.strip, lines)))


def text_block(lines: list[str]) -> str | None:
    """Lines as shown, outer blank lines dropped and blank runs collapsed; None if empty."""
    # the usual shapes, a line alone or between two blank lines, read without the loop
    if len(lines) == 1:
        return lines[0].rstrip() or None
    if len(lines) == 3 and not lines[0].rstrip() and not lines[2].rstrip():
        return lines[1].rstrip() or None
    kept: list[str] = []
    for line in map(str.rstrip, lines):  # a line is blank exactly when nothing is left of it
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) or None


def unbullet(line: str) -> str:
    """The line without its list bullet ('• X' -> 'X')."""
    stripped = line.strip()
    if stripped[:1] not in _BULLETS:  # BULLET cannot match: what it would leave is the line, stripped
        return stripped
    return BULLET.sub("", line).strip()


# What BULLET needs as the first character after leading whitespace.
_BULLETS = frozenset("•*-")


def failure(layout: str, reason: str, detail: str = "", nct_id: str | None = None) -> Parsed:
    """A Parsed with no record and one problem."""
    return Parsed(layout=layout, problems=[Problem(reason=reason, detail=detail, nct_id=nct_id)])


def read_page(layout: str, raw: bytes) -> list[str] | Parsed:
    """The page's lines, or a Parsed with a problem when the bytes are empty or not UTF-8 text."""
    text = sniffed_text(raw)
    if text is None:
        text = decode_text(raw)
    if text is None:
        return failure(layout, NOT_TEXT, f"{len(raw)} bytes that do not decode as UTF-8 text")
    if not text.strip():
        return failure(layout, "empty page: no text")
    return page_lines(text)


NOT_TEXT = "not a UTF-8 text page"
_GUESSED = frozenset({WINDOWS_1252, PARTLY_WINDOWS_1252})


def read_saved_page(layout: str, raw: bytes, is_page) -> tuple[list[str], str] | Parsed:
    """The lines of a page saved in any encoding, and the encoding they are read in (UTF_8, 'utf-16', 'utf-32',
    WINDOWS_1252, PARTLY_WINDOWS_1252); a Parsed with a problem when the bytes are empty or no page text. Bytes that
    are not UTF-8 and bear no byte order mark are read in Windows-1252 only when that makes a page of the layout
    (`is_page(raw)`, its sniff)."""
    text = sniffed_text(raw)
    if text is None:
        text = decode_text(raw)
    codec = UTF_8
    if text is None:
        saved = head_entry(raw)[2]  # decoded once: is_page(raw) reads the same entry
        if saved is not None and (saved[1] not in _GUESSED or is_page(raw)):
            text, codec = saved
    if text is None:
        return failure(layout, NOT_TEXT, f"{len(raw)} bytes that decode neither as UTF-8 text nor as a page of this "
                                         "site saved as UTF-16 or Windows-1252 ('ANSI')")
    if not text.strip():
        return failure(layout, "empty page: no text")
    return page_lines(text), codec


def truncated(layout: str, missing: str, sections: Sections, nct_id: str | None) -> Parsed:
    """The answer for a page cut short: `missing` names what a whole page has ("'X' section")."""
    reason = f"truncated page: no {missing} (ends after '{sections.last()}')"
    return failure(layout, reason, "the page text stops before its closing sections", nct_id)


