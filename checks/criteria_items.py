"""A criteria text cut into its criteria (`Item`): at list numbers, bullets, blank lines and sub-headings, each with
its words as the key two criteria are compared by."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from checks.criteria_list_walk import walk
from checks.criteria_sections import COLONS
from checks.criteria_text import reading

_BULLET = re.compile(r"^[ \t]*[-*•][ \t]+|\n[ \t]*\n", re.M)


MIN_ITEM_WORDS = 6
# A shorter criterion ("* Able to provide informed consent", "5. DSM-5 insomnia disorder patient") is compared only
# when it is a list line of its own (`_short_criterion`), and of this many words at least: "* Female", "* Adults"
# name whose criteria follow more often than they state one.
SHORT_ITEM_WORDS = 3


# Every character that is not a-z or 0-9 (after lower-casing and ASCII encoding) separates words.
_WORD_BYTES = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


class Item(NamedTuple):
    """One criterion: its section, its number if it has one, its span and a comparison key.

    A named tuple, as `Marker`: a text's items are made by the dozen and only read."""

    section: str
    number: int | None
    start: int
    end: int
    key: str


_ITEM_MARK = re.compile(r"^[\s\\*•-]*\(?\d{0,2}[ \t]?(?:\\?[.)])?")
# The same tried at a piece's start inside the text (`match(text, start, end)` reads text[start:end] as the
# piece: the pattern looks neither behind nor past its match).
ITEM_MARK_AT = re.compile(_ITEM_MARK.pattern[1:])


def words_of(text: str) -> list[bytes]:
    """The runs of a-z and 0-9 in the lower-cased text (anything else, any non-ASCII letter too, separates)."""
    return text.lower().encode("ascii", "replace").translate(_WORD_BYTES).split()


# The ends of `_BULLET`'s matches and the starts of `_SUBHEADING`'s, each found from a character a search skips to
# fast (a line break, a colon) where those patterns, which open at a line's start, are tried at every character: a
# bullet after a line break (the text's first line is matched alone), a blank line, and a colon that ends its line
# (the last of the line: any colon before it is followed by other text), at most `SUBHEADING_REACH` characters into
# the line.
_NEXT_BULLET = re.compile(r"\n[ \t]*[-*•][ \t]+")
_FIRST_BULLET = re.compile(r"[ \t]*[-*•][ \t]+")
_BLANK_LINE_END = re.compile(r"\n[ \t]*\n")
_COLON_ENDING_LINE = re.compile(r"[:\uff1a][ \t]*(?=\n|\Z)")
SUBHEADING_REACH = 100


def _cuts(chunk: str) -> set[int]:
    """Where a bullet, a blank line or a sub-heading cuts a section's text into items: the ends of `_BULLET`'s matches
    and the starts of `_SUBHEADING`'s in `chunk` (bullets and blank lines never overlap: a bullet's match holds no
    line break, and a blank line's no bullet)."""
    cuts = {m.end() for m in _NEXT_BULLET.finditer(chunk)}
    first = _FIRST_BULLET.match(chunk)
    if first is not None:
        cuts.add(first.end())
    cuts.update(m.end() for m in _BLANK_LINE_END.finditer(chunk))
    for colon in _COLON_ENDING_LINE.finditer(chunk):
        at = colon.start()
        line_start = chunk.rfind("\n", 0, at) + 1
        if at - line_start <= SUBHEADING_REACH:
            cuts.add(line_start)
    return cuts


def items(text: str | None, memo: dict | None = None, min_words: int = MIN_ITEM_WORDS) -> Iterator[Item]:
    """The criteria as separate items, split at item numbers, bullets and blank lines, of `min_words` words or
    more."""
    read = reading(text or "", memo)
    # The text's words at its offsets: a piece's words are those of its slice (exact: lower-casing that keeps
    # the length maps each character alone, but for the Greek capital sigma, which is no ASCII letter either way).
    all_words = read.words
    for section in read.sections:
        numbered = {mk.start: mk.number for mk in walk(text, section, (), read)[0]}
        cuts = _cuts(text[section.start:section.end])
        bounds = [section.start] + sorted(set(numbered) | {section.start + c for c in cuts}) + [section.end]
        for start, end in zip(bounds, bounds[1:]):
            mark_end = ITEM_MARK_AT.match(text, start, end).end()
            words = words_of(text[mark_end:end]) if all_words is None else all_words[mark_end:end].split()
            # a piece that ends in a colon before the next item's bullet or bracket leads in the items below it
            if len(words) >= min_words and not text[start:end].rstrip(" \t\n(-*\u2022").endswith(COLONS):
                yield Item(section.name, numbered.get(start), start, end, b" ".join(words).decode("ascii"))


def short_item(item: Item) -> bool:
    """Whether the item has fewer than `MIN_ITEM_WORDS` words."""
    return item.key.count(" ") + 1 < MIN_ITEM_WORDS
