"""meddatax pages printed to PDF and turned back into text: a print wraps every line longer than its sheet at the
sheet's width, between words. Where the page parts its entries by blank lines (the labelled page), an entry's lines
with no blank between them are one line wrapped; where it does not (the compact page), a line that fills the sheet
may go on in the next line or end where the next entry starts, and the page does not tell which."""
from __future__ import annotations

from flows.parsers.printed_pages import broken_before, rejoined

# The widths a printed sheet wraps at, in characters (narrower or wider lines are no sheet's).
_SHORTEST_SHEET, _WIDEST_SHEET = 60, 130
# A sheet's wrapped lines end within this many characters of its width, and a wrapped page has at least this many.
_NEAR_WIDTH, _FEWEST_FULL = 15, 5


def sheet_width(lines: list[str], printed: bool) -> int | None:
    """The width a printed copy (`printed`) wraps its lines at: its longest line's, when many lines end near it and
    it is as wide as a sheet; None for a copy whose lines are not wrapped (a paragraph stays on one line). A line of
    one word (no gap a print wraps at) may be wider than the sheet and is not measured."""
    if not printed:
        return None
    lengths = [len(text) for text in map(str.strip, lines) if " " in text]
    longest = max(lengths, default=0)
    if _SHORTEST_SHEET <= longest <= _WIDEST_SHEET and sum(n > longest - _NEAR_WIDTH for n in lengths) >= _FEWEST_FULL:
        return longest
    return None


def fills_sheet(line: str, following: str, width: int | None) -> bool:
    """Whether a line ends where a print of `width` wraps (printed_pages.broken_before): the next line may go on
    with it."""
    return broken_before(line, following, width)


def wrap_may_go_on(lines: list[str], width: int | None) -> bool:
    """Whether any line of a section (non-blank lines) fills a sheet of `width` and has a line below it."""
    return width is not None and any(fills_sheet(line, following, width) for line, following in zip(lines, lines[1:]))


def unwrapped_entries(lines: list[str], width: int | None) -> list[str]:
    """A section whose entries are parted by blank lines, each entry's lines that a print wrapped one line again
    (a line that fills the sheet, joined with the line right below it)."""
    joined: list[str] = []
    for above, line in zip(["", *lines], lines):
        if joined and fills_sheet(above, line, width):
            joined[-1] = rejoined(joined[-1], line)
        else:
            joined.append(line)
    return joined


def parts_entries_by_blank_lines(lines: list[str]) -> bool:
    """Whether a section parts its entries by blank lines (a labelled page's): a blank line between two of its lines."""
    filled = [at for at, line in enumerate(lines) if line.strip()]
    return len(filled) > 1 and filled[-1] - filled[0] + 1 > len(filled)
