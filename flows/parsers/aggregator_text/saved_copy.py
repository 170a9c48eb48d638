"""meddatax study pages as users keep them: printed to PDF and turned back into text (form feeds between the printed
pages, each with the browser's running header and footer), or copied from the browser (a label and its value on one
line, parted by a tab). The page's own lines, as the site shows them (an explainer sentence a print wraps over lines
is told under its heading, in page_chrome). What any print adds is told in flows.parsers.printed_pages; the site's
name and address in a header or footer are told here."""
from __future__ import annotations

import operator
import re
from itertools import compress, count
from operator import itemgetter

from flows.parsers.aggregator_text.copied_cells import cell_lines
from flows.parsers.aggregator_text.page_chrome import HEADINGS
from flows.parsers.page_text import without_shared_margin
from flows.parsers.printed_pages import FORM_FEED, is_print_only, page_counters, without_running_lines

# The page's address (a stamp may follow it) or the site's name alone.
_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?meddatax(?:\.com(?:[/?#]\S*)?(?:\s.*)?)?", re.I)
_ADDRESS_MARK = "meddatax"
# The page's title as the browser's header gives it, with the site's name after it ('... | meddatax').
_TITLE_HEADER = re.compile(r".*\S\s+[|\u2013\u2014-]\s+meddatax(?:\.com)?", re.I)
# What a print's line starts with ('Page', a date, an address) or ends with (the site's name): a cheap test before
# the patterns.
_FURNITURE_FIRST = frozenset("0123456789PpHhWwMm")
_FURNITURE_ENDS = frozenset({"atax", ".com"})
# The longest line a counter, date or address is (a title header may be as long as a title).
_LONGEST = 120
_FIRST, _END = itemgetter(slice(None, 1)), itemgetter(slice(-4, None))
# A printed page's first and last lines where its running header and footer stand.
_EDGE_LINES = 3
# A number over a number alone on its line ('2/5', '2 of 5', '2006/22').
_NUMBER_OVER_NUMBER = re.compile(r"\s*(\d{1,4})\s*(?:/|of)\s*(\d{1,4})\s*", re.I)
# The run of spaces between two columns a print keeping its layout sets side by side.
_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
# The line a page starts its study with, never furniture.
_STUDY_LINE = re.compile(r"NCT ID:")


def page_lines(lines: list[str]) -> list[str]:
    """The page's own lines: no running header or footer, no form feed, a tab-parted label and value on lines of
    their own. Each step looks closer only at a page that shows what it undoes: a form feed, or a browser's line among
    the file's first or last lines (where a print's first header and last footer stand); a tab."""
    lines = without_shared_margin(lines) if lines and lines[0][:1] == "\t" else lines  # a page saved tab-indented
    text = "\n".join(lines)
    printed = FORM_FEED in text  # has_form_feed(lines), read from the text
    if printed:
        lines = without_running_lines(lines, feed_leaves_blank=True, own=_STUDY_LINE.match)
    if printed or any(map(is_furniture, edges := _file_edges(lines))):
        starts = map(_FURNITURE_FIRST.__contains__, map(_FIRST, map(str.lstrip, lines)))
        ends = map(_FURNITURE_ENDS.__contains__, map(str.casefold, map(_END, lines)))
        furniture = {at for at in compress(count(), map(operator.or_, starts, ends)) if is_furniture(lines[at])}
        if not printed:
            repeated = _repeated_edges(lines, edges)
            counters = page_counters([line if _may_count_sheets(line) else "" for line in lines])
            furniture |= {at for at, line in enumerate(lines) if line.strip() in repeated} | counters
        lines = [line for at, line in enumerate(lines) if at not in furniture]
    if "\t" in text:
        return [cell for line in lines for cell in (cell_lines(line) if "\t" in line else (line,))]
    return _side_by_side(_without_margin(lines))


def _without_margin(lines: list[str]) -> list[str]:
    """The lines without the margin that indents every one of them (a print turned into text keeping its layout,
    'pdftotext -layout'): the page's own lines start at its edge (its headings, 'NCT ID:'), so a margin all share
    is the print's; a line indented deeper keeps the rest of its indentation."""
    margin = None
    for line in lines:
        if line[:1] not in (" ", ""):
            return lines  # a line at the edge: no margin (a page's first line mostly)
        if line.strip():
            indent = len(line) - len(line.lstrip(" "))
            margin = indent if margin is None else min(margin, indent)
    return [line[margin:] for line in lines] if margin else lines


def _side_by_side(lines: list[str]) -> list[str]:
    """A label and its value, or values the page shows bare, that a print keeping its layout sets side by side in
    columns parted by a run of spaces ('Recruitment Status      RECRUITING'), on lines of their own as the page
    shows them; any other line with such a run (a justified sentence) is kept as it is."""
    if not _column_gap_in("\n".join(lines)):
        return lines
    return [cell for line in lines for cell in _columns(line)]


def _column_gap_in(text: str) -> bool:
    """Whether the text holds a _COLUMN_GAP, found from its runs of three spaces (a search for the pattern tries its
    look-behind at every character of the page)."""
    at = text.find("   ")
    while at >= 0:
        end = at + 3
        while end < len(text) and text[end] == " ":
            end += 1
        if at and not text[at - 1].isspace() and end < len(text) and not text[end].isspace():
            return True
        at = text.find("   ", end)
    return False


def _columns(line: str) -> tuple[str, ...]:
    """The lines one line of columns stands for, as cell_lines reads a copied row's cells; the line itself when its
    columns are not the page's labels and values."""
    if _COLUMN_GAP.search(line) is None:
        return (line,)
    cells = cell_lines(_COLUMN_GAP.sub("\t", line.strip()))
    return (line,) if len(cells) == 1 else cells


def _may_count_sheets(line: str) -> bool:
    """Whether a line may be a print's sheet number: a number over a larger one ('2006/22', an identifier the page
    lists) counts no sheets, and is no reason to keep the sheet numbers the print does show ('1/3' ... '3/3')."""
    match = _NUMBER_OVER_NUMBER.fullmatch(line)
    return match is None or int(match[1]) <= int(match[2])


def _repeated_edges(lines: list[str], edges: list[str]) -> set[str]:
    """On a print copied without its form feeds, the lines at the file's top or foot that stand again elsewhere in it,
    word for word: the header and footer it printed on every page ('Printed 05.12.2026 - NCT...'), whatever they
    say. The study's own lines (its 'NCT ID:' line, a heading) are never such lines."""
    stripped = [line.strip() for line in lines]
    return {edge for edge in map(str.strip, edges) if stripped.count(edge) > 1 and edge not in HEADINGS
            and not _STUDY_LINE.match(edge)}


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
    if len(text) > _LONGEST:
        return False
    return is_print_only(text) or (_ADDRESS_MARK in text[:len(_ADDRESS_MARK) + 24].casefold()
                                   and _ADDRESS.fullmatch(text) is not None)
