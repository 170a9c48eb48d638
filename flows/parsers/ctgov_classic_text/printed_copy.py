"""clincosm page text as other ways of copying it leave it: a page printed to PDF and turned back into text
(pdftotext) or saved as text with its lines wrapped, and lists copied with other bullet characters.

A printed page repeats the browser's furniture on every sheet: a date stamp with the page's title at the top, the
page's address with the sheet number ('https://www.clincosm.com/trial/... 2/5') or 'Page 2 of 5' at the bottom,
the sheets parted by form feeds. None of it is the study's: it is left out before the page is read, so that it never
ends inside a value or a text (what a print adds is told in flows.parsers.printed_pages).
"""
from __future__ import annotations

from flows.parsers.ctgov_classic_text.wrapped_lines import copy_width, unwrapped
from flows.parsers.list_marks import with_bullets
from flows.parsers.page_text import without_shared_margin
from flows.parsers.printed_pages import is_page_number, is_print_only, is_printed, without_running_lines

# The widths at which copies wrap their lines (a sheet of text, a saved text file).
_SHORTEST_WRAP, _LONGEST_WRAP = 60, 140
# The fewest runs of blank lines a page shows (below its headings, labels and paragraphs): fewer tell no doubling.
_FEWEST_BLANK_RUNS = 8
# The page's own list bullet, as lists copied with other bullets are shown.
_BULLET = "\u2022"

__all__ = ["as_screen_text", "is_printed", "is_wrapped", "without_furniture"]


def is_wrapped(lines: list[str], printed: bool) -> bool:
    """Whether the copy wraps long lines at a fixed width: a printed one (`printed`: is_printed), or a browser's 'save
    as text' (Firefox wraps at 80 columns): no line is much longer than a sheet's width and many lines end near the
    longest one."""
    if printed:
        return True
    longest = copy_width(lines)  # a web address longer than the width stands alone on its line
    return _SHORTEST_WRAP <= longest <= _LONGEST_WRAP and sum(len(line) > longest - 15 for line in lines) >= 5


def as_screen_text(lines: list[str], printed: bool, wrapped: bool = False) -> list[str]:
    """The page's lines without a printed copy's sheet furniture (`printed`: is_printed) or a margin every line
    shares (a page saved with each line indented), each list bullet shown as the page shows it, and each line a copy
    wrapped (`wrapped`: is_wrapped) whole again."""
    if printed:
        lines = without_furniture(lines)
    lines = with_bullets(without_shared_margin(with_blank_lines_halved(lines)), _BULLET)
    return unwrapped(lines) if wrapped else lines


def with_blank_lines_halved(lines: list[str]) -> list[str]:
    """The lines of a copy that doubled every blank line (no blank line of the page stands alone: the page shows a
    single one below each label and paragraph) with each run of blank lines halved again, as the page shows it: a
    group's empty cell (two blank lines) is told from a paragraph's end again. Other copies' lines as they are."""
    runs, run = 0, 0
    for line in lines:
        if line.strip():
            if run == 1:  # a blank line alone: the copy doubled none (most pages show one in their first lines)
                return lines
            runs, run = runs + bool(run), 0
        else:
            run += 1
    if runs < _FEWEST_BLANK_RUNS:
        return lines
    halved: list[str] = []
    run = 0
    for line in lines:
        if line.strip():
            halved += [""] * ((run + 1) // 2) + [line]
            run = 0
        else:
            run += 1
    return halved + [""] * ((run + 1) // 2)


def without_furniture(lines: list[str]) -> list[str]:
    """The lines without form feeds, sheet numbers ('Page 2 of 5'), lines only a print has (a date and time stamp)
    and what stands at the same place at the top or the bottom of the sheets alike but for its numbers (the address
    with '2/5', the date stamp with the title)."""
    return [line for line in without_running_lines(lines) if not (is_page_number(line) or is_print_only(line))]
