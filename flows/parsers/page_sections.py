"""A page's sections: its lines split at the known headings a layout lists, and whether a line is a heading."""
from __future__ import annotations

from functools import lru_cache
from itertools import compress, count

# Lines longer than the longest heading by more than this indentation are never headings.
_INDENT_SLACK = 16


class Sections:
    """A page split at its known headings: the lines under each heading, in page order."""

    def __init__(self, preamble: list[str], found: list[tuple[str, list[str]]]):
        self.preamble = preamble
        self.order = [heading for heading, _ in found]
        self._lines = dict(found)

    def __contains__(self, heading: str) -> bool:
        return heading in self._lines

    def lines(self, heading: str) -> list[str]:
        """The lines under `heading` up to the next known heading; [] when absent or empty."""
        return self._lines.get(heading, [])

    def last(self) -> str:
        """The last heading the page reaches (where a cut-off page ends)."""
        return self.order[-1] if self.order else "the start of the page"


def has_line(text: str, wanted: str) -> bool:
    """True when some line of `text` is `wanted` between spaces and tabs (and the line's \\r): what
    `(?m)^[ \\t]*<wanted>[ \\t]*\\r?$` matches, found by string search, ~2.5x faster than the pattern
    that tries every line start of the head (every sniffer asks for a few headings of every input)."""
    at, after_at = text.find(wanted), len(wanted)
    while at != -1:
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at + after_at)
        rest = text[at + after_at:] if end == -1 else text[at + after_at:end]
        if rest[-1:] == "\r":
            rest = rest[:-1]
        if not text[start:at].strip(" \t") and not rest.strip(" \t"):
            return True
        at = text.find(wanted, at + 1)
    return False


def split_sections(lines: list[str], headings: tuple[str, ...] | frozenset[str]) -> Sections:
    """Split lines at the first occurrence of each known heading (a whole stripped line)."""
    headings, longest = _heading_set(headings if isinstance(headings, (tuple, frozenset)) else frozenset(headings))
    starts: list[tuple[int, str]] = []
    if len(headings) == 1:  # one heading (a sub-section, usually its first line): short lines tried in turn
        (heading,) = headings
        for index in compress(count(), map(longest.__ge__, map(len, lines))):  # no long line is stripped
            if lines[index].strip() == heading:
                starts.append((index, heading))
                break
    else:
        seen: set[str] = set()
        for index in [i for i, line in enumerate(lines) if len(line) <= longest and line.strip() in headings]:
            key = lines[index].strip()
            if key not in seen:  # a heading's later occurrences are lines of the section they are in
                seen.add(key)
                starts.append((index, key))
    return sections_at(lines, starts)


def sections_at(lines: list[str], starts: list[tuple[int, str]]) -> Sections:
    """The lines split at known heading lines: `starts` holds the number and heading of each section's first line
    (a heading's first occurrence), in page order."""
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    found = [(key, lines[index + 1:end]) for (index, key), end in zip(starts, ends)]
    return Sections(lines[:starts[0][0]] if starts else lines[:], found)


def heading_line_limit(headings: frozenset[str]) -> int:
    """The longest a line may be and still be one of these headings (the longest plus indentation)."""
    return _heading_set(headings)[1]


@lru_cache(maxsize=64)
def _heading_set(headings: tuple[str, ...] | frozenset[str]) -> tuple[frozenset[str], int]:
    """The headings as a set, and the longest a heading line may be (the longest heading plus indentation)."""
    return frozenset(headings), max(map(len, headings), default=0) + _INDENT_SLACK


def first_missing(sections: Sections, required: tuple[str, ...]) -> str | None:
    """The first required heading the page does not reach, if any."""
    return next((heading for heading in required if heading not in sections), None)
