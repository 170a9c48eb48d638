"""Trial-summary page copied from a browser: the site's controls a copy keeps as text, on a line of their own or
after a text's last sentence. A 'Back to top' link and a 'Show less' / 'Read less' button (below a text shown whole)
are no part of the study. A 'Show more' / 'Read more' button folds what is below it away: the text or list above it
may be cut short there, which the page cannot tell (a site that folds by its style shows the whole text, one that
folds by its script cuts it): it is read as shown, and said."""
from __future__ import annotations

import re

from flows.parsers.summary_text.sections import NCT_KEY_ANY_CASE, heading_spelt

# The arrows and marks a control may show beside its words ('\u2191 Back to top', 'Show more \u25bc', '+ Show more').
_MARKS = r"[\^\u2191\u21d1\u25b2\u25b4\u25bc\u25be\u2193\u00bb\u00ab>v+\-\u2212\u2013]"
# A link back to the page's top: 'Back to top', 'Return to top', 'Go to top of page', 'Top \u2191' (a 'Top' alone,
# without its arrow, may be text).
_UP = r"[\^\u2191\u21d1\u25b2]"
_BACK_TO_TOP = (rf"(?:{_MARKS}\s*)?(?:back|return|go|scroll)\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?"
                rf"(?:\s*{_MARKS})?|top(?:\s+of\s+(?:the\s+)?page)?\s*{_UP}|{_UP}\s*top")
# A button that folds a text or list, its verb then its word for more or less: 'Show more', 'Read more...', 'See less',
# or '+ 12 more' (a list showing its first names). The verb as any case spells it, or as a button is spelt.
_ANY_VERB, _BUTTON_VERB = r"(?i:show|read|see|view)", r"(?:Show|Read|See|View|SHOW|READ|SEE|VIEW)"


def _folder(verb: str) -> str:
    """The pattern of a folding button whose verb `verb` matches (its word in group 'fold', a count's in 'count')."""
    return (rf"(?:{_MARKS}\s*)?(?:{verb}\s+(?P<fold>(?i:more|less))|\+\s*\d+\s+(?P<count>(?i:more)))"
            rf"(?:\s*(?:\.\.\.|\u2026))?(?:\s*{_MARKS})?")


# A line that is a control and nothing else.
_CONTROL_LINE = re.compile(rf"(?i:{_BACK_TO_TOP})|{_folder(_ANY_VERB)}")
# A folding button after a text's last sentence, at its end ('... in the emergency department. Read more'), or after
# the ellipsis of a text cut short ('... in the emergency\u2026 Read more').
_CONTROL_AFTER = re.compile(rf"(?:(?<=[.!?)\]\"\u201d\u2019])|(?<=\.\.\.)|(?<=\u2026))\s+{_folder(_ANY_VERB)}$")
# A folding button after a text's last word, spelt as a button is ('... highly emetogenic chemotherapy Read less'):
# read so only at the end of a summary or description, as a title may end in such words ('Helping Children Read More').
_BUTTON_AFTER = re.compile(rf"(?<=\S)\s+{_folder(_BUTTON_VERB)}$")
_TEXT_SECTIONS = frozenset({"Clinical Trial Summary", "Clinical Trial Description"})
# Where any control may be on the page: the words of one, looked for in the page's bytes in lower case before each
# line is looked at (a page without them, most pages, is read at the cost of a few byte searches).
_CONTROL_WORDS = (b"show more", b"read more", b"see more", b"view more", b"show less", b"read less", b"see less",
                  b"view less", b"to top", b"to the top")
_UP_MARKS = tuple(mark.encode() for mark in "^\u2191\u21d1\u25b2")
_COUNT_MORE = re.compile(rb"\+\s*\d+\s+more\b")
FOLDED = ("'{section}' shows the site's '{control}' button: what it folds away may be missing (read as the page "
          "shows it)")


def without_controls(lines: list[str], raw: bytes) -> tuple[list[str], list[str]]:
    """The page's lines (of the page's bytes `raw`) without the site's controls a copy keeps, and a problem's detail
    for each 'more' button (see FOLDED), naming the section it folds."""
    if not _may_hold_controls(raw):
        return lines, []
    kept: list[str] = []
    folded: list[str] = []
    section = "the title"
    for at, line in enumerate(lines):
        text = line.strip()
        section = _section_of(text, section)
        match = _CONTROL_LINE.fullmatch(text) if text else None
        if match is None and text:
            ends = at + 1 == len(lines) or not lines[at + 1].strip()  # a button ends its text
            match = (_CONTROL_AFTER.search(text) or (_BUTTON_AFTER.search(text) if section in _TEXT_SECTIONS
                                                     else None)) if ends else None
            kept.append(line.rstrip()[:-len(match.group(0))].rstrip() if match else line)
        elif match is None:
            kept.append(line)
        if match is not None and (match.group("count") or (match.group("fold") or "").lower() == "more"):
            folded.append(FOLDED.format(section=section, control=" ".join(match.group(0).split())))
    return kept, folded


def _may_hold_controls(raw: bytes) -> bool:
    """Whether a page's bytes may hold a control: its words (see _CONTROL_WORDS) in any case, a count of more, 'top'
    with an arrow; or they are no ASCII-based text (UTF-16), whose lines are looked at."""
    text = raw.lower()
    if any(words in text for words in _CONTROL_WORDS) or b"\x00" in raw:
        return True
    return (b"+" in text and _COUNT_MORE.search(text) is not None) or (
        b"top" in text and any(mark in text for mark in _UP_MARKS))


def _section_of(line: str, section: str) -> str:
    """The section a stripped line is in, `section` being that of the line above: a heading's (which a text may
    spell as a line of its own, read as a heading only by the layout's reader), or the key block from its first key."""
    if len(line) < 60 and (heading := heading_spelt(line)):
        return heading
    return "the key block" if NCT_KEY_ANY_CASE.match(line) else section
