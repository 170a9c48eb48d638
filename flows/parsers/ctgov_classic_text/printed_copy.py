"""clincosm page text as other ways of copying it leave it: a page printed to PDF and turned back into text
(pdftotext) or saved as text with its lines wrapped, and lists copied with other bullet characters.

A printed page repeats the browser's furniture on every sheet: a date stamp with the page's title at the top, the
page's address with the sheet number ('https://www.clincosm.com/trial/... 2/5') or 'Page 2 of 5' at the bottom,
the sheets parted by form feeds. None of it is the study's: it is left out before the page is read, so that it never
ends inside a value or a text.
"""
from __future__ import annotations

import re

# A sheet's number as printers write it, alone on its line.
_SHEET_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}$", re.I)
# How many lines at the top and at the bottom of a sheet may be its furniture.
_EDGE = 2
_DIGITS = re.compile(r"\d+")
# The widths at which copies wrap their lines (a sheet of text, a saved text file).
_SHORTEST_WRAP, _LONGEST_WRAP = 60, 110
# Bullets that lists copied from other renderings show, read as the page's own bullet.
_OTHER_BULLETS = ("\u25aa", "\u25ab", "\u25e6", "\u00b7", "\u2219", "\u25cf", "\u25cb", "\u25a0", "\u25a1", "\u2023",
                  "\u2043", "\u2013")
_LEADING_BULLET = re.compile("^(\\s*)[" + "".join(_OTHER_BULLETS) + "](?=\\s)")


def is_printed(lines: list[str]) -> bool:
    """Whether the lines are a printed copy's: sheets parted by form feeds, or numbered ('Page 2 of 5')."""
    return any("\f" in line for line in lines) or any(_SHEET_NUMBER.match(line.strip()) for line in lines)


def is_wrapped(lines: list[str]) -> bool:
    """Whether the copy wraps long lines at a fixed width: a printed one, or a browser's 'save as text' (Firefox wraps
    at 80 columns): no line is much longer than a sheet's width and many lines end near the longest one."""
    if is_printed(lines):
        return True
    longest = max(map(len, lines), default=0)
    return _SHORTEST_WRAP <= longest <= _LONGEST_WRAP and sum(len(line) > longest - 15 for line in lines) >= 5


def as_screen_text(lines: list[str]) -> list[str]:
    """The page's lines without a printed copy's sheet furniture, each list bullet shown as the page shows it."""
    if is_printed(lines):
        lines = without_furniture(lines)
    return [_LEADING_BULLET.sub(r"\1•", line) if line[:8].lstrip()[:1] in _OTHER_BULLETS else line
            for line in lines]


def without_furniture(lines: list[str]) -> list[str]:
    """The lines without form feeds, sheet numbers ('Page 2 of 5') and what stands at the top or the bottom of two
    sheets or more alike but for its numbers (the address with '2/5', the date stamp with the title)."""
    sheets = _sheets(lines)
    seen: dict[str, set[int]] = {}
    for number, sheet in enumerate(sheets):
        for key in _edge_keys(sheet):
            seen.setdefault(key, set()).add(number)
    # furniture stands on most sheets; a line of the study at the edge of two sheets of many is no furniture
    printed = sum(any(line.strip() for line in sheet) for sheet in sheets)
    repeated = {key for key, numbers in seen.items() if len(numbers) >= max(2, (printed + 1) // 2)}
    kept: list[str] = []
    for sheet in sheets:
        edges = set(_edge_indexes(sheet))
        kept += [line for index, line in enumerate(sheet)
                 if not _SHEET_NUMBER.match(line.strip()) and not (index in edges and _key(line) in repeated)]
    return kept


def _sheets(lines: list[str]) -> list[list[str]]:
    """The lines parted into printed sheets: at each form feed, or, in a copy without them, after each sheet number."""
    by_feed = any("\f" in line for line in lines)
    sheets: list[list[str]] = [[]]
    for line in lines:
        parts = line.split("\f") if by_feed else [line]
        for at, part in enumerate(parts):
            if at:
                sheets.append([])
            if part or len(parts) == 1:  # a form feed is no blank line of the page
                sheets[-1].append(part)
        if not by_feed and _SHEET_NUMBER.match(line.strip()):
            sheets.append([])
    return sheets


def _edge_indexes(sheet: list[str]) -> list[int]:
    """The indexes of a sheet's first and last non-blank lines (its possible furniture)."""
    filled = [index for index, line in enumerate(sheet) if line.strip()]
    return filled[:_EDGE] + filled[-_EDGE:]


def _edge_keys(sheet: list[str]) -> set[str]:
    return {_key(sheet[index]) for index in _edge_indexes(sheet)}


def _key(line: str) -> str:
    """A line as compared between sheets: its numbers (a sheet number, a date) left out."""
    return _DIGITS.sub("#", " ".join(line.split()))
