"""Study pages printed to PDF and turned back into text (pdftotext, or copied from a PDF viewer): what a print adds
to the page and is none of the study's. Browsers print a running header and footer on every sheet (the date and time
of the print, the page's title, the page's address, the sheet's number: 'Page 2 of 5', '2/5', '- 2 -') and
pdftotext parts the sheets by form feeds.

Lines of some shapes only a print has, wherever they stand ('Page 2 of 5', a date and time stamp alone, an address
with the sheet's number); others are a print's only at a sheet's edge ('2/5' alone, an address alone). Whatever
else a print repeats stands at the same place at the top or the foot of its sheets, numbers aside."""
from __future__ import annotations

import re
from itertools import compress, count
from operator import itemgetter

FORM_FEED = "\f"
_DATE_TIME = r"\d{1,2}([./])\d{1,2}\1\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
# Lines only a printed sheet shows, wherever they stand (case aside).
PRINT_ONLY = tuple(re.compile(pattern, re.I) for pattern in (
    r"page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?",  # 'Page 2 of 5', 'page 3', 'PAGE 2/5'
    r"(?:https?://|www\.)\S+\s+\d{1,4}\s*/\s*\d{1,4}",  # 'https://.../NCT04966884 2/5'
    _DATE_TIME,  # '12/5/26, 9:14 AM', '05/12/2026 09:14', '5.12.2026 09:14'
    r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?",  # '2026-12-05 09:14'
))
# What those lines start with (every other line is passed over without trying them).
_PRINT_ONLY_STARTS = frozenset("0123456789PpHhWw")
# A sheet's number alone on its line, as printers write it.
PAGE_NUMBERS = tuple(re.compile(pattern, re.I) for pattern in (
    r"(?:page\s+)?(?P<page>\d{1,4})\s*(?:/|of)\s*(?P<pages>\d{1,4})",  # '2/5', '2 of 5', 'Page 2 of 5'
    r"[-\u2013\u2014]\s*(?P<page>\d{1,4})\s*[-\u2013\u2014]",  # '- 2 -'
))
_PAGE_NUMBER_STARTS = frozenset("0123456789Pp-\u2013\u2014")
_ANY_START = _PRINT_ONLY_STARTS | _PAGE_NUMBER_STARTS
# Lines that are a print's only at a sheet's edge: a sheet's number, an address alone, a date and time stamp before
# the page's title.
AT_EDGE = (*PAGE_NUMBERS, re.compile(r"(?:https?://|www\.)\S+", re.I), re.compile(_DATE_TIME + r"\s+\S.*", re.I))
_DIGITS = re.compile(r"\d+")
_FIRST_CHARACTER = itemgetter(0)


def is_print_only(line: str) -> bool:
    """Whether the line has a shape only a printed sheet shows ('Page 2 of 5', a date and time stamp alone)."""
    text = line.strip()
    return text[:1] in _PRINT_ONLY_STARTS and any(pattern.fullmatch(text) for pattern in PRINT_ONLY)


def is_print_edge(line: str) -> bool:
    """Whether the line has a shape a printed sheet shows at its top or foot ('2/5', '- 2 -', an address)."""
    text = line.strip()
    return bool(text) and any(pattern.fullmatch(text) for pattern in AT_EDGE)


def is_page_number(line: str) -> bool:
    """Whether the line is only a sheet's number ('Page 2 of 5', '2/5', '2 of 5', '- 2 -')."""
    text = line.strip()
    return text[:1] in _PAGE_NUMBER_STARTS and any(pattern.fullmatch(text) for pattern in PAGE_NUMBERS)


def has_form_feed(lines: list[str]) -> bool:
    """Whether the lines are parted into sheets by form feeds."""
    return FORM_FEED in "".join(lines)  # one search of the page's text, not one a line


# Every line is_page_number or is_print_only may take, and more: one test a line, before theirs (a page of 300
# lines would otherwise try each of their patterns on every line starting with a digit or a 'P').
_MAY_BE_PRINTED = re.compile(r"(?:page\s+\d|[-\u2013\u2014]\s*\d|\d{1,4}\s*(?:/|of)\s*\d|(?:https?://|www\.)\S+\s+\d"
                             r"|\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d|\d{4}-\d{2}-\d{2}[ T]\d)", re.I)


def is_printed(lines: list[str]) -> bool:
    """Whether the lines are a printed copy's: sheets parted by form feeds, or a line only a print has."""
    if has_form_feed(lines):
        return True
    screen = _MAY_BE_PRINTED.match
    filled = list(filter(None, map(str.strip, lines)))
    # each stripped line's first character tested without a call: most lines start with a letter no print's does
    for text in compress(filled, map(_ANY_START.__contains__, map(_FIRST_CHARACTER, filled))):
        if screen(text) and (is_page_number(text) or is_print_only(text)):
            return True
    return False


def line_form(line: str) -> str:
    """A line as every printed sheet repeats it: its numbers (the sheet's, a date) and its spacing may differ."""
    return _DIGITS.sub("#", " ".join(line.split()))


def page_counters(lines: list[str]) -> set[int]:
    """The indexes of the lines that number a print's sheets and nothing else ('1/5', '2/5' ... '5/5', or '- 1 -',
    '- 2 -'): only when they count every sheet, in order from 1 (each to the total where they give one)."""
    found = [(at, match) for at, line in enumerate(lines) if (match := _page_number(line))]
    counted = all(int(match["page"]) == page and int(match.groupdict().get("pages") or len(found)) == len(found)
                  for page, (_, match) in enumerate(found, 1))
    return {at for at, _ in found} if counted else set()


def _page_number(line: str) -> re.Match | None:
    """A bare sheet number ('2/5', '2 of 5', '- 2 -'), without the word 'Page' (a print's in any case)."""
    text = line.strip()
    if text[:1] in _PAGE_NUMBER_STARTS and text[:1] not in "Pp":
        return next(filter(None, (pattern.fullmatch(text) for pattern in PAGE_NUMBERS)), None)
    return None


def sheets(lines: list[str], feed_leaves_blank: bool = False) -> list[list[str]]:
    """The lines parted into printed sheets: at each form feed, or, in a copy without them, after each sheet number.
    A form feed inside a line parts it; the empty part it leaves is a blank line only if `feed_leaves_blank`."""
    by_feed = has_form_feed(lines)
    parted: list[list[str]] = [[]]
    for line in lines:
        parts = line.split(FORM_FEED) if by_feed else [line]
        for at, part in enumerate(parts):
            if at:
                parted.append([])
            if part or len(parts) == 1 or feed_leaves_blank:
                parted[-1].append(part)
        if not by_feed and is_page_number(line):
            parted.append([])
    return parted


def running_lines(parted: list[list[str]], reach: int = 3, own=None) -> list[set[int]]:
    """For each sheet, the indexes of its running header and footer: those of its first and last `reach` non-blank
    lines that stand at the same place (as far from the top, or from the foot) on every printed sheet but one,
    numbers and case aside, whatever they say. A line `own(stripped line)` tells is the study's never counts."""
    edges = [_edges(sheet, reach, own) for sheet in parted]
    printed = sum(1 for sheet in parted if any(map(str.strip, sheet)))
    seen: dict[tuple[int, str], int] = {}
    for sheet_edges in edges:
        for place in set(sheet_edges.values()):
            seen[place] = seen.get(place, 0) + 1
    running = {place for place, on in seen.items() if on >= max(2, printed - 1)}
    return [{at for at, place in sheet_edges.items() if place in running} for sheet_edges in edges]


def _edges(sheet: list[str], reach: int, own) -> dict[int, tuple[int, str]]:
    """The first and the last `reach` non-blank lines of a sheet by their index, each as its place: how far from the
    top (0, 1, 2) or the foot (-1, -2, -3) it stands, and its form, case aside."""
    filled = [at for at in compress(count(), map(str.strip, sheet)) if not (own and own(sheet[at].strip()))]
    places = {at: rank for rank, at in enumerate(filled[:reach])}
    places.update({at: -1 - rank for rank, at in enumerate(reversed(filled[-reach:])) if at not in places})
    return {at: (rank, line_form(sheet[at]).casefold()) for at, rank in places.items()}


def without_running_lines(lines: list[str], feed_leaves_blank: bool = False, own=None) -> list[str]:
    """The lines of a printed copy without its form feeds and without the header and footer its sheets repeat."""
    parted = sheets(lines, feed_leaves_blank)
    return [line for sheet, running in zip(parted, running_lines(parted, own=own)) for at, line in enumerate(sheet)
            if at not in running]


# The first piece of a line a copy wrapping at a width could have put on the line above: a word, or a word's part up
# to a hyphen inside it, where browsers also break ('Non-' of 'Non-inferiority').
_FIRST_PIECE = re.compile(r"[^\W\d_]+-(?=[^\W\d_])|\S+")


def broken_before(line: str, below: str, width: int | None) -> bool:
    """Whether a copy wrapping its lines at `width` (a browser's text, a print's sheet) broke `line` before `below`:
    the first piece of `below` would not have fitted on it. Every page layout reads wrapped copies by this test."""
    if width is None or not line.strip():
        return False
    piece = _FIRST_PIECE.match(below.strip())
    return piece is not None and len(line.rstrip()) + 1 + len(piece.group()) > width


# A line a wrap broke after a hyphen or a dash inside a word ('cluster-', 'reality--'): it goes on without a space.
_HYPHEN_END = re.compile(r"[^\W\d_]-{1,2}$")


def rejoined(line: str, below: str) -> str:
    """A line and the line a wrap broke off it (broken_before), one line again: a word broken after its hyphen is one
    word again ('cluster-' / 'randomized'), other lines are parted by a space."""
    line, below = line.rstrip(), below.strip()
    return line + below if _HYPHEN_END.search(line) else f"{line} {below}"
