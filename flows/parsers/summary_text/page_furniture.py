"""Trial-summary page printed to PDF and turned back into text (pdftotext, or copied from a PDF viewer): the running
header and footer of every printed page (the browser's date and time stamp, the document's title, the page's
address, 'Page 2 of 5', the site's name) and the form feeds between pages are no part of the page.

A printed page is told by a form feed or by a line that only a printed page has ('Page 2 of 5', an address with
its page count, a date and time stamp alone). Its header and footer are the lines at each page's edge that are
such lines, or that recur at the edges of other pages; the text on either side of them is joined again. What any
print adds is told in flows.parsers.printed_pages; how far a header or footer reaches is told here."""
from __future__ import annotations

from itertools import chain

from flows.parsers.printed_pages import FORM_FEED, has_form_feed, is_print_edge, is_print_only, line_form

# How far from a page's edge its header or footer reaches (non-blank lines).
_BAND = 4


def without_furniture(lines: list[str]) -> list[str]:
    """The page's lines without a printed page's headers, footers and form feeds; other pages unchanged."""
    breaks = {at for at, line in enumerate(lines) if FORM_FEED in line} if has_form_feed(lines) else set()
    lines = [line.replace(FORM_FEED, "") for line in lines] if breaks else lines
    printed = {at for at, line in enumerate(lines) if is_print_only(line)}
    if not breaks and not printed:
        return lines
    # each edge: where it starts and the way it reaches into the page (1 down, -1 up)
    edges = [(0, 1), (len(lines) - 1, -1), *chain.from_iterable(((at, 1), (at - 1, -1)) for at in breaks),
             *chain.from_iterable(((at, 1), (at, -1)) for at in printed)]
    windows = [_window(lines, start, step) for start, step in edges]
    running = _running_forms(lines, [(step, window) for (_, step), window in zip(edges, windows)])
    dropped: set[int] = set()
    for (start, step), window in zip(edges, windows):
        dropped |= _band(lines, start, step, window, running)
    return [line for at, line in enumerate(lines) if at not in dropped]


def dedented(lines: list[str]) -> list[str]:
    """The lines without the indentation they all share (a page turned into text keeping its layout indents every
    line of a paragraph by the page's margin); a line indented deeper keeps the rest of its indentation."""
    margins = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    margin = min(margins, default=0)
    return [line[margin:] if line.strip() else line for line in lines] if margin else lines


def _running_forms(lines: list[str], windows: list[tuple[int, list[int]]]) -> set[tuple[int, str]]:
    """The lines a printed page repeats, each as the side of an edge it stands on (1 below, -1 above) and its form:
    found on two lines at the same side of pages' edges (a header below an edge, a footer above one) and as far
    from the edge, counting only the lines before it that no print shows but of itself. A line two edges reach is
    one line, not a recurring one; lines alike in shape at other places (a contact's 'Phone' above a break, the
    next contact's below it) are the page's own."""
    seen: dict[tuple[int, int, str], set[int]] = {}
    for step, window in windows:
        rank = 0
        for at in window:
            line = lines[at]
            if is_print_only(line) or is_print_edge(line):
                continue
            seen.setdefault((step, rank, line_form(line)), set()).add(at)
            rank += 1
    return {(step, form) for (step, _, form), found in seen.items() if len(found) > 1}


def _window(lines: list[str], start: int, step: int) -> list[int]:
    """The indexes of the first non-blank lines from `start` going `step`, as many as a header or footer holds."""
    found: list[int] = []
    at = start
    while 0 <= at < len(lines) and len(found) < _BAND:
        if lines[at].strip():
            found.append(at)
        at += step
    return found


def _band(lines: list[str], start: int, step: int, window: list[int], running: set[tuple[int, str]]) -> set[int]:
    """The lines of one edge's header or footer, with the blank lines between it and the page's text: the lines
    from the edge on that are a printed page's (each line recurring at that side of edges once), up to the first
    that is not: a line a print repeats at its sheets' tops may stand above a sheet's foot as the page's own."""
    used: set[str] = set()
    last = None
    for at in window:
        line, form = lines[at], line_form(lines[at])
        if form in used or not (is_print_only(line) or is_print_edge(line) or (step, form) in running):
            break
        used.add(form)
        last = at
    if last is None:
        return set()
    end = last + step
    while 0 <= end < len(lines) and not lines[end].strip():
        end += step
    low, high = sorted((start, end - step))
    return set(range(low, high + 1))
