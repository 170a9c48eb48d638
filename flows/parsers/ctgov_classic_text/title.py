"""clincosm study page, the title: the line right above the page's header.

A page copied from the screen shows the title on one line, and lines above it are the site's menu. A printed page (or
one saved as text) wraps a long title over lines at a fixed width, so the lines right above the header may be one
title: they are read as one where the page makes it plain (joined, they are the Official Title the page shows; each
line break falls after a word that joins it to the next, or before a word in lower case), and otherwise the title is
refused as the lines show it and the page gets a problem: the site's text above a title is not told from its first
line by a guess, and a page that shows a title is not said to have none.
"""
from __future__ import annotations

from flows.parsers.model import Problem, Refused

UNDECIDED = "unreadable title: its first line undecided"
ONE_TITLE = "a title whose lines the page tells from the site's text above it"
# Words after which a title goes on: a line ending with one was wrapped.
_JOINING = frozenset("a an and as at by for from in into of on or the to versus vs vs. with without within , : ;"
                     .split())
# A breadcrumb of the site's menu ('Home › Trials › Asthma') is never a title's line.
_CRUMB_MARKS = (" › ", " » ", " > ")


def page_title(preamble: list[str], official: str | None, wrapped: bool,
               nct_id: str | None = None) -> tuple[str | Refused | None, list[Problem]]:
    """The title from the lines above the header, and a problem where the lines there of a copy that wraps its lines
    (`wrapped`) cannot be told apart into the title and the text above it."""
    block = _last_block(preamble)
    if not block:
        return None, []
    if not wrapped or len(block) == 1:
        return block[-1], []
    wanted = " ".join((official or "").split())
    for start in range(len(block) - 1):  # the longest run of lines that is the Official Title
        if wanted and wanted in _readings(block[start:]):
            return wanted, []
    start = len(block) - 1
    while start and not block[start - 1].endswith("-") and _wraps(block[start - 1], block[start]):
        start -= 1
    if start == 0:
        return " ".join(block), []
    return Refused(" / ".join(block), ONE_TITLE), [Problem(
        UNDECIDED, f"the {len(block)} lines above the page's header may be one title wrapped by the copy, or the "
                   "site's text above a shorter title: the title is refused as the lines show it", nct_id)]


def _last_block(preamble: list[str]) -> list[str]:
    """The lines right above the header with no blank line between them and no menu breadcrumb among them."""
    block: list[str] = []
    for line in reversed(preamble):
        stripped = " ".join(line.split())
        if block and not stripped:
            break
        if stripped and any(mark in f" {stripped} " for mark in _CRUMB_MARKS):
            break
        if stripped:
            block.insert(0, stripped)
    return block


def _readings(lines: list[str]) -> set[str]:
    """Every way the lines join into one: a space at each break, and at a break after a hyphen, the hyphen kept or
    not (a printed page may hyphenate a word it wraps)."""
    readings = {lines[0]}
    for line in lines[1:]:
        readings = {joined for text in readings for joined in (
            (text + line, text[:-1] + line) if text.endswith("-") else (f"{text} {line}",))}
    return readings


def _wraps(line: str, below: str) -> bool:
    """Whether the line plainly goes on in the line below: it ends with a joining word (or a comma or colon), or the
    line below starts with a word in lower case. (A hyphen at the break is no plain sign: it may be the word's own.)"""
    last = line.split()[-1].casefold()
    return last in _JOINING or last[-1:] in (",", ":", ";") or below[:1].islower()
