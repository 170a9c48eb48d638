"""meddatax study pages copied from a browser, or saved from its reader view, keep the site's controls as lines of
their own: a text's expander ('Show more', 'Read more', 'Show less'), the Locations list's 'Show all 45 locations',
a 'Back to top' link at a section's foot; and a reader view's head above the page (the title again, the site's name,
a reading time). None of them is the study's. A text the page shows cut, an ellipsis then its expander, is kept as
shown and said: the rest of it is not on the page."""
from __future__ import annotations

import re
from itertools import compress, count
from operator import itemgetter

from flows.parsers import page_controls
from flows.parsers.page_controls import FIRST_WORDS, MARKS

# A list's expander: 'Show all 45 locations', 'View all sites', 'See 12 more locations', 'Show fewer locations'.
_LIST_EXPANDER = re.compile(rf"{MARKS}(?:show|view|see)\s+(?:all(?:\s+\d[\d,]*)?|\d[\d,]*\s+more|fewer|less|more)\s+"
                            r"(?:study\s+)?(?:locations|sites|facilities|cent(?:er|re)s|countries|conditions|"
                            rf"investigators|interventions|identifiers)(?:\s*\(\d[\d,]*\))?{MARKS}", re.I)
# An expander after a text's ellipsis (page_controls.INLINE_MORE), anywhere in a page's text (one search of the page
# that holds an ellipsis, before a look at its lines).
# Each pattern starts with its ellipsis, which the search looks for as a string (no pattern tried elsewhere).
_INLINE_MORE_IN_TEXT = tuple(re.compile(rf"{ellipsis}[ \t]*[\[(]?(?i:show|read|see|view)[ \t]+(?i:more)")
                             for ellipsis in ("\u2026", r"\.\.\."))
# The first two characters of a line that may be a control: its first word's ('Sh', 'RE', 'ba'), or a mark and any
# character (a cheap test of each line before is_control).
_MARK_STARTS = "+-\u2212\u2013\u2026\u25b2\u25b4\u25b8\u25be\u25bc\u203a\u00bb>.\u2191\u2b06^"
_CONTROL_STARTS = frozenset(
    {case(word[:2]) for word in FIRST_WORDS for case in (str.lower, str.upper, str.capitalize)}
    | {mark + other for mark in _MARK_STARTS for other in " \tsSrRvVbBgGtT"} | set(_MARK_STARTS))
_FIRST_TWO = itemgetter(slice(None, 2))
# A reader view's head: the site's name or address, and a reading time ('8 min read', '7\u20139 minutes').
_SITE_NAME = re.compile(r"(?:https?://)?(?:www\.)?meddatax(?:\.com)?/?", re.I)
_READING_TIME = re.compile(r"(?:about\s+)?\d{1,3}(?:\s*[\u2013\u2014-]\s*\d{1,3})?\s*min(?:ute)?s?\.?(?:\s+read)?",
                           re.I)
# The most lines of a reader view's head, blank ones aside (the title, the site's name, a reading time).
_READER_HEAD = 3
_STUDY_LINE = re.compile(r"\s*NCT ID:")


def is_control(line: str) -> bool:
    """Whether a line is one of the site's controls, never the study's text (its lists' expanders too)."""
    return page_controls.is_control(line, _LIST_EXPANDER)


def may_show_ellipsis(raw: bytes) -> bool:
    """Whether a page's bytes may hold an ellipsis ('...', or '\u2026' in UTF-8, UTF-16 or Windows-1252): byte
    searches, where a search of its decoded text reads twice as many bytes or more. Each other mark is searched for
    only in bytes that hold its rarest byte (found at memchr's speed: most pages hold none of them)."""
    return b"..." in raw or any(rare in raw and mark in raw for rare, mark in _OTHER_ELLIPSES)


# An ellipsis in the other encodings a page is saved in, each after the one of its bytes page text holds least often:
# '...' in UTF-16, and '\u2026' in UTF-8, UTF-16 (either byte order) and Windows-1252.
_OTHER_ELLIPSES = ((b"\x00", b".\x00.\x00."), (b"\xa6", b"\xe2\x80\xa6"), (b"\x26", b"\x26\x20"),
                   (b"\x26", b"\x20\x26"), (b"\x85", b"\x85"))


def without_controls(lines: list[str], ellipsis: bool = True) -> tuple[list[str], list[str]]:
    """The lines without the site's controls, and the start of each text the page shows cut at an ellipsis by its
    expander (kept as shown, up to its ellipsis); `ellipsis`: whether the page may hold one (may_show_ellipsis)."""
    text = "\n".join(lines) if ellipsis else ""
    cut_at = ("\u2026" in text or "..." in text) and any(pattern.search(text) for pattern in _INLINE_MORE_IN_TEXT)
    starts = map(_CONTROL_STARTS.__contains__, map(_FIRST_TWO, lines))  # a control stands at its line's start
    controls = {lines[at] for at in compress(count(), starts) if is_control(lines[at])}
    if not controls and not cut_at:
        return lines, []
    kept: list[str] = []
    cut: list[str] = []
    for line in lines:
        if cut_at and "more" in line[-8:].casefold() and (inline := page_controls.INLINE_MORE.search(line)):
            kept.append(line[:inline.start()])
            cut.append(kept[-1].strip())
        elif line not in controls:
            kept.append(line)
        elif (above := page_controls.cut_above(kept, line)) is not None:
            cut.append(above)
    return kept, cut


def without_reader_head(lines: list[str]) -> list[str]:
    """The lines without a reader view's head: above the page, the study's title (which the page shows again above
    its 'NCT ID:' line, or only there), the site's name and a reading time, each a line of its own."""
    shown = [at for at, line in enumerate(lines[:4 * _READER_HEAD]) if line.strip()][:_READER_HEAD]
    head = [at for at in shown[1:] if _SITE_NAME.fullmatch(lines[at].strip())
            or _READING_TIME.fullmatch(lines[at].strip())]
    if not head or head != shown[len(shown) - len(head):] or not any(
            _READING_TIME.fullmatch(lines[at].strip()) for at in head):
        return lines
    title = lines[shown[0]].strip()
    start = next((at for at, line in enumerate(lines) if _STUDY_LINE.match(line)), len(lines))
    drop = set(head) | ({shown[0]} if shown[0] not in head and any(
        line.strip() == title for line in lines[head[-1] + 1:start]) else set())
    return [line for at, line in enumerate(lines) if at not in drop]
