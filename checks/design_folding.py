"""A text lower-cased at its own offsets, as case-insensitive patterns read it, and the word look-ups done on it."""
from __future__ import annotations

import re
from typing import Iterator

from checks.study_context import CASE_FOLDS, folded_text
from checks.study_text import StudyText


def occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


# The characters a case-insensitive pattern reads as an ASCII letter that str.lower does not turn into
# it (checks.study_context.CASE_FOLDS); str.lower turns no other character into more or fewer than one
# (tests/checks/test_design_text_phrases.py checks both over all of Unicode).
_UNLOWERED = re.compile("[" + "".join(map(chr, CASE_FOLDS)) + "]")


_UNLOWERED_CHARS = tuple(map(chr, CASE_FOLDS))


def _unlowered_in(text: str) -> bool:
    """Whether `_UNLOWERED` finds a character in the text (three one-character searches, faster than the class)."""
    for char in _UNLOWERED_CHARS:
        if char in text:
            return True
    return False


def folded(source: StudyText) -> str | None:
    """The text lower-cased so that each character stays at its offset and becomes the ASCII letter a
    case-insensitive pattern matches it to, if any: ASCII text's `lowered`; None if that cannot be."""
    text = source.text
    if text.isascii():
        return source.lowered
    known = source.memo.get("folded")
    if known is None:
        known = folded_text(text) if _unlowered_in(text) else source.lowered
        known = source.memo["folded"] = known if len(known) == len(text) else ""
    return known or None


def mentions_any(lowered: str, words: tuple[str, ...]) -> bool:
    for word in words:
        if word in lowered:
            return True
    return False


def may_mention(source: StudyText, needles: tuple[str, ...] | None) -> bool:
    """False when the text holds none of a pattern's needle words (so no match), else True: exact on any
    text, as the needles are looked for in its folded form."""
    if not needles:
        return True
    lowered = source.lowered if source.text.isascii() else folded(source)
    if lowered is None:
        return True
    for word in needles:
        if word in lowered:
            return True
    return False
