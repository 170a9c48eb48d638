"""meddatax study pages as users keep them: printed to PDF and turned back into text (form feeds between the printed
pages, each with the browser's running header and footer), or copied from the browser (a label and its value on one
line, parted by a tab). The page's own lines, as the site shows them (an explainer sentence a print wraps over lines
is told under its heading, in page_chrome)."""
from __future__ import annotations

import operator
import re
from itertools import compress, count
from operator import itemgetter

from flows.parsers.aggregator_text.copied_cells import cell_lines
from flows.parsers.aggregator_text.page_chrome import HEADINGS

# Lines a browser prints on every page and the site never shows in a study, by their first character (case aside):
# the page counter ('Page 2 of 5'), the print's date and time, the page's address (a stamp may follow it) or the
# site's name alone; each tried only on a line that holds its mark (a cheap test before the pattern).
_COUNTER = ("page", re.compile(r"page\s+\d+(?:\s*(?:of|/)\s*\d+)?", re.I))
_STAMP = (":", re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
                          r"|\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?", re.I))
_ADDRESS = ("meddatax", re.compile(r"(?:https?://)?(?:www\.)?meddatax(?:\.com(?:[/?#]\S*)?(?:\s.*)?)?", re.I))
_BY_FIRST = {"p": (_COUNTER,), "h": (_ADDRESS,), "w": (_ADDRESS,), "m": (_ADDRESS,),
             **{digit: (_STAMP,) for digit in "0123456789"}}
# The page's title as the browser's header gives it, with the site's name after it ('... | meddatax').
_TITLE_HEADER = re.compile(r".*\S\s+[|\u2013\u2014-]\s+meddatax(?:\.com)?", re.I)
_FURNITURE_FIRST = frozenset(_BY_FIRST) | {first.upper() for first in _BY_FIRST}
_FURNITURE_ENDS = frozenset({"atax", ".com"})
# The longest line a counter, date or address is (a title header may be as long as a title).
_LONGEST = 120
_FIRST, _END = itemgetter(slice(None, 1)), itemgetter(slice(-4, None))
# A printed page's first and last lines where its running header and footer stand.
_EDGE_LINES = 3
# The line a page starts its study with, never furniture.
_STUDY_LINE = re.compile(r"NCT ID:")
_DIGITS = re.compile(r"\d+")
_COUNTER_LINE = re.compile(r"(\d{1,3})\s*/\s*(\d{1,3})")


def page_lines(lines: list[str]) -> list[str]:
    """The page's own lines: no running header or footer, no form feed, a tab-parted label and value on lines of
    their own. Each step looks closer only at a page that shows what it undoes: a form feed, or a browser's line among
    the file's first or last lines (where a print's first header and last footer stand); a tab."""
    text = "\n".join(lines)
    printed = "\f" in text
    if printed:
        lines = _without_running_edges(lines)
    if printed or any(map(is_furniture, edges := _file_edges(lines))):
        starts = map(_FURNITURE_FIRST.__contains__, map(_FIRST, map(str.lstrip, lines)))
        ends = map(_FURNITURE_ENDS.__contains__, map(str.casefold, map(_END, lines)))
        furniture = {at for at in compress(count(), map(operator.or_, starts, ends)) if is_furniture(lines[at])}
        if not printed:
            repeated = _repeated_edges(lines, edges)
            furniture |= {at for at, line in enumerate(lines) if line.strip() in repeated} | _page_counters(lines)
        lines = [line for at, line in enumerate(lines) if at not in furniture]
    if "\t" in text:
        return [cell for line in lines for cell in (cell_lines(line) if "\t" in line else (line,))]
    return lines


def _repeated_edges(lines: list[str], edges: list[str]) -> set[str]:
    """On a print copied without its form feeds, the lines at the file's top or foot that stand again elsewhere in it,
    word for word: the header and footer it printed on every page ('Printed 05.12.2026 - NCT...'), whatever they
    say. The study's own lines (its 'NCT ID:' line, a heading) are never such lines."""
    stripped = [line.strip() for line in lines]
    return {edge for edge in map(str.strip, edges) if stripped.count(edge) > 1 and edge not in HEADINGS
            and not _STUDY_LINE.match(edge)}


def _page_counters(lines: list[str]) -> set[int]:
    """On a print copied without its form feeds, the numbers of its bare page counter lines ('1/5', '2/5' ... '5/5'):
    lines that count every page of it, in order, and nothing else."""
    found = [(at, match) for at, line in enumerate(lines) if (match := _COUNTER_LINE.fullmatch(line.strip()))]
    pages = [(int(match.group(1)), int(match.group(2))) for _, match in found]
    return {at for at, _ in found} if pages == [(page, len(pages)) for page in range(1, len(pages) + 1)] else set()


def _file_edges(lines: list[str]) -> list[str]:
    """The first and the last few non-blank lines of the file."""
    first = [line for line in lines[:2 * _EDGE_LINES] if line.strip()][:_EDGE_LINES]
    return first + [line for line in lines[-2 * _EDGE_LINES:] if line.strip()][-_EDGE_LINES:]


def is_furniture(line: str) -> bool:
    """Whether a line is one a browser prints on each page (its counter, date, the page's address or title)."""
    text = line.strip()
    if not text or len(text) > 3 * _LONGEST:
        return False
    if text[-4:].casefold() in _FURNITURE_ENDS and _TITLE_HEADER.fullmatch(text):
        return True
    shapes = _BY_FIRST.get(text[:1].casefold(), ())
    return len(text) <= _LONGEST and any(mark in text[:len(mark) + 24].casefold() and pattern.fullmatch(text)
                                         for mark, pattern in shapes)


def _without_running_edges(lines: list[str]) -> list[str]:
    """Lines split at form feeds, without the lines that stand at the same place at the top (or the foot) of every
    printed page but one, numbers aside ('1/8', '2/8'): the header and footer the print repeats, whatever they say."""
    pages: list[list[str]] = [[]]
    for line in lines:
        parts = line.split("\f")
        pages[-1].append(parts[0])
        pages += [[part] for part in parts[1:]]
    edges = [_edges(page) for page in pages]
    printed = sum(1 for page in pages if any(map(str.strip, page)))
    counts: dict[tuple, int] = {}
    for page_edges in edges:
        for place in set(page_edges.values()):
            counts[place] = counts.get(place, 0) + 1
    running = {place for place, seen in counts.items() if seen >= max(2, printed - 1)}
    return [line for page, page_edges in zip(pages, edges) for at, line in enumerate(page)
            if page_edges.get(at) not in running]


def _edges(page: list[str]) -> dict[int, tuple[int, str]]:
    """The first and the last few non-blank lines of a printed page by their number, each as its place: how far
    from the top (0, 1, 2) or the foot (-1, -2, -3) it stands, and its text, numbers aside."""
    filled = [at for at in compress(count(), map(str.strip, page)) if not _STUDY_LINE.match(page[at].strip())]
    places = {at: rank for rank, at in enumerate(filled[:_EDGE_LINES])}
    places.update({at: -1 - rank for rank, at in enumerate(reversed(filled[-_EDGE_LINES:])) if at not in places})
    return {at: (rank, " ".join(_DIGITS.sub("#", page[at]).casefold().split())) for at, rank in places.items()}
