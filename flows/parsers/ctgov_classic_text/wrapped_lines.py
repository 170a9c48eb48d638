"""clincosm page text saved or printed with its long lines wrapped at a fixed width (a browser's 'save as text' at 80
columns, a sheet's width in a print turned back into text): a line broken off a paragraph, a list item, a title, an
id or a site row goes on at the start of the next line. The page's own lines are read again whole.

A line was broken where the next line's first word would not have fitted on it: the line and that word together are
wider than the copy's widest line. A word broken after its hyphen ('cluster-' / 'randomized') is one word again.
What starts a line of its own on the page never goes on from the line above: a list bullet, the next number of a
numbered list or of the sites table, a heading, a label (words ending with ':'), an indented line, a blank line; nor
does a line go on from a header's sponsor, shown whole on its line with its agency class.
"""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text.headings import HEADINGS, SUB_HEADINGS
from flows.parsers.ctgov_classic_text.people_places import party
from flows.parsers.list_marks import without_bullet
from flows.parsers.printed_pages import broken_before, rejoined

# The widest a copy that wraps its lines makes them (wider lines are lines of a copy that does not wrap).
WIDEST_WRAP = 110
# A numbered line: a list item ('1. ', '2) ') or a site row ('12 Mayo Clinic Rochester ...').
_NUMBERED = re.compile(r"(\d{1,4})([.)]?)\s")
_OWN_LINES = HEADINGS | SUB_HEADINGS
_DIGIT = re.compile(r"\d")
# The most words of a label ('Product Manufactured in and Exported from the U.S.:'), but for the label that names
# the sponsor ('Keywords provided by Acme Pharma:').
_LABEL_WORDS = 8
_SPONSORS_LABEL = "Keywords provided by "


def unwrapped(lines: list[str]) -> list[str]:
    """The lines of a copy that wraps them, each page line whole again; the lines as they are when none is as wide as
    a wrap makes them (the copy wraps nothing) or wider (a line the copy did not wrap)."""
    width = max(map(len, lines), default=0)
    if width > WIDEST_WRAP:
        return lines
    whole: list[str] = []
    above = ""  # the copy's line above, as wide as the wrap left it
    counted: dict[str, int] = {}  # the number of the last item of each numbered list ('1.', '1 ') read so far
    for line in lines:
        item = next_item(line, counted)
        if whole and not item and goes_on(above, line, width):
            whole[-1] = joined(whole[-1], line)
        else:
            whole.append(line)
        above = line
    return whole


def next_item(line: str, counted: dict[str, int]) -> bool:
    """Whether the line starts the next item of a numbered list or table ('1. ', then '2. '; site row '1 ', then
    '2 '), counted in `counted`: a number that follows no item before it ('2012 Oct' / '8. PubMed') goes on from
    the line above."""
    match = _NUMBERED.match(line.strip())
    if not match or int(match.group(1)) not in (1, counted.get(match.group(2), 0) + 1):
        return False
    counted[match.group(2)] = int(match.group(1))
    return True


def goes_on(above: str, line: str, width: int) -> bool:
    """Whether `line` goes on from the line above, broken off it by a copy wrapping its lines at `width` columns: its
    first word would not have fitted on the line above, and it is no line the page starts itself."""
    if not line.strip() or line[0].isspace() or _starts_own_line(line) or _ends_party(above):
        return False
    return broken_before(above, line, width)


def joined(above: str, line: str) -> str:
    """The line above and the line going on from it, as one line (printed_pages.rejoined)."""
    return rejoined(above, line)


def _starts_own_line(line: str) -> bool:
    """Whether the page starts this line itself: a list item, a heading, a label."""
    text = line.strip()
    return without_bullet(text) != text or text in _OWN_LINES or _is_label(text)


def _ends_party(line: str) -> bool:
    """Whether the line ends as the header shows a sponsor, one a line: its agency class in brackets ('Amgen
    (Industry)')."""
    return line.rstrip().endswith(")") and party(line)["agency_class"] is not None


def _is_label(text: str) -> bool:
    """Whether the line is a label of the page ('Other Names:', 'Keywords provided by Acme Pharma:'): a few words
    without numbers ending with ':' (a wrapped citation's line ending 'doi:' has its journal's numbers, a sentence
    ending with ':' has more words)."""
    return text.endswith(":") and not _DIGIT.search(text) and (
        len(text.split()) <= _LABEL_WORDS or text.startswith(_SPONSORS_LABEL))
