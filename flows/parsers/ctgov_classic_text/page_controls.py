"""clincosm study pages copied from a browser keep the site's controls as lines of their own: a text's expander
('Show more', 'Read more', 'Show less'), the Locations table's 'Show all 45 locations', a 'Back to top' link at a
section's foot. None of them is the study's. A text the page shows cut, an ellipsis then its expander, is kept as
shown and said: the rest of it is not on the page; so is a Locations table whose expander names more sites than it
shows (sites.locations)."""
from __future__ import annotations

import re

from flows.parsers.page_controls import INLINE_MORE, LEADING_MARKS, MARKS, cut_above
from flows.parsers.page_controls import is_control as _is_control

# The Locations table's expander naming every site: 'Show all 45 locations', 'View all 45 study sites'.
_ALL_SITES = re.compile(rf"{MARKS}(?:show|view|see)\s+all\s+(\d[\d,]*)\s+(?:study\s+)?(?:locations|sites|facilities|"
                        rf"cent(?:er|re)s){MARKS}", re.I)
# The longest line a control stands on, with its line's indentation.
_LONGEST_LINE = 64
# The characters a control starts with: a mark, or the first letter of a first word.
_CONTROL_STARTS = frozenset(LEADING_MARKS.strip() + "sSrRvVbBgGtT")
# Every control's last word and the words before it, as the page's bytes spell them in lower case; the arrows up a
# link to the top may show; the spaces between a control's words (a no-break space's bytes too).
_VERBS = (b"show", b"read", b"see", b"view")
_CONTROL_WORDS = ((b"more", _VERBS), (b"less", _VERBS), (b"top", (b"to", b"the", b"^")))
_ARROWS = ("\u2191".encode(), "\u2b06".encode())
_SPACES = b" \t\xc2\xa0"


def is_control(line: str) -> bool:
    """Whether a line is one of the site's controls, never the study's text."""
    text = line.lstrip()
    return bool(text) and text[0] in _CONTROL_STARTS and _is_control(text)


def shows_all(line: str, shown: int) -> bool:
    """Whether the line is the Locations table's expander naming as many sites as the table shows ('Show all 45
    locations' below 45 rows): the site's control, every site on the page. One that names more ('Show 12 more
    locations', 'Show all 45 locations' below 10 rows) says sites are folded away: it is no such line."""
    match = _ALL_SITES.fullmatch(line.strip())
    return match is not None and int(match.group(1).replace(",", "")) == shown


def without_controls(lines: list[str], raw: bytes) -> tuple[list[str], list[str]]:
    """The lines (of the page's bytes `raw`) without the site's controls, and the start of each text the page shows
    cut at an ellipsis by its expander (kept as shown, up to its ellipsis)."""
    if not _may_hold_controls(raw):
        return lines, []
    kept: list[str] = []
    cut: list[str] = []
    for line in lines:
        if len(line) > _LONGEST_LINE or not is_control(line):
            if line[-8:].lower().rstrip().endswith("more") and (inline := INLINE_MORE.search(line.rstrip())):
                kept.append(line.rstrip()[:inline.start()])
                cut.append(kept[-1].strip())
            else:
                kept.append(line)
        elif (above := cut_above(kept, line)) is not None:
            cut.append(above)
    return kept, cut


def _may_hold_controls(raw: bytes) -> bool:
    """Whether the page's bytes may hold a control: a verb before 'more' or 'less' ('Show more', 'Read less'), 'to'
    or 'the' before 'top', an arrow up; or they are no ASCII-based text (UTF-16), whose lines are looked at. Most
    pages hold none and are read at the cost of a few byte searches."""
    if b"\x00" in raw:
        return True
    text = raw.lower()
    return any(_word_after(text, word, before) for word, before in _CONTROL_WORDS) or any(
        arrow in text for arrow in _ARROWS)


def _word_after(text: bytes, word: bytes, before: tuple[bytes, ...]) -> bool:
    """Whether `word` stands in the page's bytes right after one of the words `before` (spaces between)."""
    at = text.find(word)
    while at >= 0:
        if text[max(0, at - 12):at].rstrip(_SPACES).endswith(before):
            return True
        at = text.find(word, at + 1)
    return False
