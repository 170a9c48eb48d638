"""clincosm study pages copied from a browser keep the site's controls as lines of their own: a text's expander
('Show more', 'Read more', 'Show less'), the Locations table's 'Show all 45 locations', a 'Back to top' link at a
section's foot. None of them is the study's. A text the page shows cut, an ellipsis then its expander, is kept as
shown and said: the rest of it is not on the page; so is a Locations table whose expander names more sites than it
shows (sites.locations)."""
from __future__ import annotations

import re

# The marks a control may show beside its words ('+ Show more', 'Show more \u25bc', 'Read more...').
_MARKS = r"[\s+\-\u2212\u2013\u2026\u25b2\u25b4\u25b8\u25be\u25bc\u203a\u00bb>.]*"
# A text's expander, as a button or a link ('Show more', 'Read less', 'See more details').
_EXPANDER = re.compile(rf"{_MARKS}(?:show|read|see|view)\s+(?:more|less)(?:\s+(?:text|details))?{_MARKS}", re.I)
_MORE = re.compile(rf"{_MARKS}(?:show|read|see|view)\s+more\b.*", re.I)
# The Locations table's expander naming every site: 'Show all 45 locations', 'View all 45 study sites'.
_ALL_SITES = re.compile(rf"{_MARKS}(?:show|view|see)\s+all\s+(\d[\d,]*)\s+(?:study\s+)?(?:locations|sites|facilities|"
                        rf"cent(?:er|re)s){_MARKS}", re.I)
# A link back to the page's top ('Back to top', 'Return to top of page', '\u2191 Top').
_TO_TOP = re.compile(r"[\s\u2191\u2b06^]*(?:back|return|scroll|go)\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?"
                     r"[\s\u2191\u2b06^]*|[\u2191\u2b06^]\s*top|top\s*[\u2191\u2b06^]", re.I)
# The longest line a control is (and with its line's indentation), and the first word of every control after its
# marks (cheap tests first).
_LONGEST_CONTROL, _LONGEST_LINE = 48, 64
_LEADING_MARKS = "+-\u2212\u2013\u2026\u25b2\u25b4\u25b8\u25be\u25bc\u203a\u00bb>.\u2191\u2b06^ \t"
_FIRST_WORDS = frozenset({"show", "read", "see", "view", "back", "return", "scroll", "go", "top"})
# The characters a control starts with: a mark, or the first letter of a first word.
_CONTROL_STARTS = frozenset(_LEADING_MARKS.strip() + "sSrRvVbBgGtT")
# A text the page cuts at an ellipsis, its expander after it on the same line ('... Show more') or on the next.
_ELLIPSIS = ("\u2026", "...")
_INLINE_MORE = re.compile(r"(?:(?<=\u2026)|(?<=\.\.\.))\s*(?:\[|\()?(?:show|read|see|view)\s+more(?:\]|\))?"
                          r"[\s\u203a\u00bb\u25bc\u25be>]*$", re.I)
# Every control's last word and the words before it, as the page's bytes spell them in lower case; the arrows up a
# link to the top may show; the spaces between a control's words (a no-break space's bytes too).
_VERBS = (b"show", b"read", b"see", b"view")
_CONTROL_WORDS = ((b"more", _VERBS), (b"less", _VERBS), (b"top", (b"to", b"the", b"^")))
_ARROWS = ("\u2191".encode(), "\u2b06".encode())
_SPACES = b" \t\xc2\xa0"
# A text the page shows cut at an ellipsis, its expander ('Show more') below or after it: the rest is not on the page.
CUT_TEXT = "unreadable value: a text the page shows cut"


def is_control(line: str) -> bool:
    """Whether a line is one of the site's controls, never the study's text."""
    text = line.strip()
    if not text or len(text) > _LONGEST_CONTROL or text[0] not in _CONTROL_STARTS:
        return False
    words = text.lstrip(_LEADING_MARKS).split(None, 1)
    if not words or words[0].casefold() not in _FIRST_WORDS:
        return False
    return bool(_EXPANDER.fullmatch(text) or _TO_TOP.fullmatch(text))


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
            if line[-8:].lower().rstrip().endswith("more") and (inline := _INLINE_MORE.search(line.rstrip())):
                kept.append(line.rstrip()[:inline.start()])
                cut.append(kept[-1].strip())
            else:
                kept.append(line)
        elif _MORE.fullmatch(line.strip()) and (above := next((upper for upper in reversed(kept) if upper.strip()),
                                                               "")).rstrip().endswith(_ELLIPSIS):
            cut.append(above.strip())
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
