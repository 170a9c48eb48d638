"""A text's sentences and list items, as the design rules split them (checks.design_text.sentence_at finds the one
holding an offset)."""
from __future__ import annotations

import re
from typing import Iterator

_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+(?=[A-Z(\[])|(?<=\w\.)(?=[A-Z][a-z]{2,})|\n\s*\n|\n\s*[-*•]\s+|\n(?=\s*\d{1,2}[.)]\s)"
)


# Every sentence end starts just after one of .!?; or at a line break: the end pattern is tried there only.
_BREAK_CHARS = re.compile(r"[.!?;\n]")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences and list items of a text."""
    start = 0
    for m in sentence_ends(text, 0):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def sentence_ends(text: str, since: int) -> Iterator[re.Match]:
    """The sentence ends of the text from offset `since` on, in order."""
    tried = since  # the first position not yet tried for a sentence end
    for c in _BREAK_CHARS.finditer(text, since):
        at = c.start() if c.group() == "\n" else c.end()
        if at < tried:
            continue
        m = _SENTENCE_END.match(text, at)
        tried = max(at + 1, m.end()) if m else at + 1
        if m:
            yield m
