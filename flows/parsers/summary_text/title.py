"""Trial-summary page, its title: the part right above 'Clinical Trial Summary' (a saved page may keep the site's
menu or name above it, set apart by a blank line). A title over several lines is read only when each line plainly
goes on in the next; otherwise which lines are the title cannot be told, and it is a load problem."""
from __future__ import annotations

import re

UNDECIDED_TITLE = "unreadable title: its lines undecided"
# A line of the site's navigation: items parted by bars, arrows or bullets ('Home | Trials', 'Home › NCT0...'; not
# '>', which a title may hold: 'Aged > 65'), or by runs of spaces or tabs between short items ('Home  Search').
_SEPARATED = re.compile(r"\s(?:\||\u203a|\u00bb|\u2022|\u00b7)\s")
_CELLS = re.compile(r"\t|\s{2,}")
_MOST_MENU_WORDS = 3
# A title line that goes on below: it ends in a word or mark a title does not end with.
_GOES_ON_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
                            "versus", "vs", "vs.", "after", "before", "during", "between", "as", "via", "plus"})
_GOES_ON_MARKS = tuple(",:;-\u2013\u2014/(&+")


def page_title(preamble: list[str]) -> tuple[str | None, str | None]:
    """(title, None), or (None, detail of the problem) when the lines right above the summary are several that do
    not plainly make one title; (None, None) when there are none."""
    part: list[str] = []
    for line in reversed([line.strip() for line in preamble]):
        if not line or navigation(line):
            if part:
                break
            continue
        part.insert(0, line)
    if len(part) > 1 and not all(_goes_on(line) for line in part[:-1]):
        return None, f"{len(part)} lines right above the summary: whether they are one title or the site's text " \
                     "and a title cannot be told"
    return (" ".join(part) or None), None


def navigation(line: str) -> bool:
    """Whether the stripped line is the site's navigation: items parted by separators, or short items parted by
    runs of spaces."""
    cells = _CELLS.split(line)
    return bool(_SEPARATED.search(line)) or (len(cells) > 1 and all(len(cell.split()) <= _MOST_MENU_WORDS
                                                                      for cell in cells))


def _goes_on(line: str) -> bool:
    """Whether a title line goes on in the next: it ends in a connecting word or an open mark."""
    return line.endswith(_GOES_ON_MARKS) or line.split()[-1].lower() in _GOES_ON_WORDS
