"""The controls a site shows beside a study, which a page copied from a browser keeps as lines of their own: a
text's expander ('Show more', 'Read more', 'Show less') and a link back to the page's top ('Back to top'). None of
them is the study's. A text the page shows cut, an ellipsis then its expander, is kept as shown and said
(CUT_TEXT): the rest of it is not on the page. The clincosm and meddatax readers share these; each adds its
lists' own expanders ('Show all 45 locations')."""
from __future__ import annotations

import re

# The marks a control may show beside its words ('+ Show more', 'Show more \u25bc', 'Read more...').
MARKS = r"[\s+\-\u2212\u2013\u2026\u25b2\u25b4\u25b8\u25be\u25bc\u203a\u00bb\u2303\u2304>.]*"
# A text's expander, as a button or a link ('Show more', 'Read less', 'See more details').
_EXPANDER = re.compile(rf"{MARKS}(?:show|read|see|view)\s+(?:more|less)(?:\s+(?:text|details))?{MARKS}", re.I)
MORE = re.compile(rf"{MARKS}(?:show|read|see|view)\s+more\b.*", re.I)
# A link back to the page's top ('Back to top', 'Return to top of page', '\u2191 Top').
_TO_TOP = re.compile(r"[\s\u2191\u2b06^]*(?:back|return|scroll|go)\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?"
                     r"[\s\u2191\u2b06^]*|[\u2191\u2b06^]\s*top|top\s*[\u2191\u2b06^]", re.I)
# The longest line a control is; the marks a control may begin with, and the first word of every control after them
# (cheap tests first).
LONGEST_CONTROL = 48
LEADING_MARKS = "+-\u2212\u2013\u2026\u25b2\u25b4\u25b8\u25be\u25bc\u203a\u00bb>.\u2191\u2b06^ \t"
FIRST_WORDS = frozenset({"show", "read", "see", "view", "back", "return", "scroll", "go", "top"})
# A text the page cuts at an ellipsis, its expander after it on the same line ('... Show more') or on the next.
ELLIPSIS = ("\u2026", "...")
INLINE_MORE = re.compile(r"(?:(?<=\u2026)|(?<=\.\.\.))\s*(?:\[|\()?(?:show|read|see|view)\s+more(?:\]|\))?"
                         r"[\s\u203a\u00bb\u25bc\u25be>]*$", re.I)
# The load problem of a text the page shows cut at an ellipsis by its expander.
CUT_TEXT = "unreadable value: a text the page shows cut"


def is_control(line: str, *lists: re.Pattern) -> bool:
    """Whether a line is one of the site's controls, never the study's text: a text's expander, a link to the top,
    or one of the site's `lists` expanders."""
    text = line.strip()
    if not text or len(text) > LONGEST_CONTROL:
        return False
    words = text.lstrip(LEADING_MARKS).split(None, 1)
    if not words or words[0].casefold() not in FIRST_WORDS:
        return False
    return bool(_EXPANDER.fullmatch(text) or _TO_TOP.fullmatch(text) or any(ex.fullmatch(text) for ex in lists))


def cut_above(kept: list[str], line: str) -> str | None:
    """The text a 'Show more' line cuts, when the last non-blank line kept above it ends in an ellipsis."""
    if not MORE.fullmatch(line.strip()):
        return None
    above = next((upper for upper in reversed(kept) if upper.strip()), "")
    return above.strip() if above.rstrip().endswith(ELLIPSIS) else None
