"""The repeat screen of `criteria_repeat_screen.may_repeat`, asked of a criteria text read backwards from its cuts.

What `criteria_repeat_screen.may_repeat_by_words` says from every word of the text, read here from the words at the
cuts only: most of a long text's words are never read (tests/checks/test_criteria_reading_shortcuts.py checks the
two against each other on phrases and generated texts).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Callable, Iterator, Sequence

# The text's words read backwards (`_repeat_back`): a cut (a line break) and the last word before it. A cut with
# only line breaks and spaces between it and the previous cut is that cut again (no word between).
_LAST_WORD_BACK = re.compile(rb"\n *([a-z0-9]+)")
# One word read backwards and the white space before it (a line break in it: a cut stands just before the word).
_WORD_BACK = re.compile(rb"([a-z0-9]+)([ \n]*)")


@lru_cache(maxsize=None)
def _patterns(tail: int) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(from the text's start, `tail` words and the white space after each; the same for 2 * `tail` + 1 words;
    read backwards from after a cut's last word, the `tail` - 1 words before it and the first letter, read
    backwards, of the word before those)."""
    return (re.compile(rb"[ \n]*(?:[a-z0-9]+[ \n]+){%d}(?=[a-z0-9])" % tail),
            re.compile(rb"[ \n]*(?:[a-z0-9]+[ \n]+){%d}(?=[a-z0-9])" % (2 * tail + 1)),
            re.compile(rb"[ \n]+([a-z0-9]+)" * (tail - 1) + rb"[ \n]+([a-z0-9])"))


def _repeat_back(words: bytes, marker_starts: list[int], tail: int,
                 parts: Callable[[], Sequence] | None = None) -> bool | None:
    """What `may_repeat_by_words(words, marker_starts, tail + 1)` says, read without splitting the text into words
    (None: a list number stands inside a word, which list numbers never do; left to `may_repeat_by_words`).

    The cuts are made line breaks (the separator before a list number becomes one: the words before it stay the
    same) and the bytes are read backwards, so that each cut is found by a fast search for a line break. A cut is
    read once: from the line break that follows its last word after spaces alone (any other line break of the run
    stands for the same cut). First each cut's last word (`_ends_meet`'s first test); only the cuts whose last word
    another cut ends in too are read further back, to their last `tail` words and the last letter of the word
    before (its second test); from two cuts that end alike, the words are compared backwards as `_same_key`
    compares them, a start being a word with a cut before it or before the word after it. With `parts` (see
    `may_repeat`), two cuts are compared only when their last words stand in sections of one name: an item's last
    word is its key's last word, inside the item's section.
    """
    head, enough, before = _patterns(tail)
    if enough.match(words) is None:
        return False  # fewer than 2 * (tail + 1) words
    first = head.match(words)  # up to the first word with `tail` words before it
    if marker_starts:
        back = bytearray(words)
        for at in marker_starts:
            if at:
                before_number = back[at - 1]
                if before_number == 32:
                    back[at - 1] = 10
                elif before_number != 10:
                    return None
        back.append(10)  # the end of the text is a cut
        back.reverse()
        back = bytes(back)
    else:
        back = b"\n" + words[::-1]  # the same, read backwards from the end of the text, a cut
    # Backwards, the words that have `tail` words before them stand before this offset: cuts after them only.
    stop = len(words) - first.end() + 1
    last = _LAST_WORD_BACK.findall(back, 0, stop)
    if len(set(last)) == len(last):
        return False
    groups = _ending_alike(back, stop, last, before, len(words))
    if parts is not None and groups:
        groups = _by_part(groups, parts())
    return any(_same_start_back(back, at_a, at_b) for group in groups for (at_a, _), (at_b, _) in _pairs(group))


def _pairs(group: list[tuple[int, int]]) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Every two cuts of a group, neighbours first: in a text of many lines alike, two neighbouring copies of an item
    are told at once, where a line and a copy far from it may be compared word by word back to the text's start."""
    yield from zip(group, group[1:])
    for i, cut in enumerate(group):
        for other in group[i + 2:]:
            yield cut, other


def _ending_alike(back: bytes, stop: int, last: list[bytes], before: re.Pattern,
                  size: int) -> list[list[tuple[int, int]]]:
    """The cuts (read backwards before `stop`) grouped by their last `tail` words and the last letter of the word
    before those (`before`), among the cuts whose last word (`last`, in order) another cut ends in too; each cut
    given by where the word before its last `tail` words starts, read backwards, and where its last word ends in
    the text (of `size` bytes) read forwards. Only groups of two cuts or more."""
    seen: set[bytes] = set()
    twice = {word for word in last if word in seen or seen.add(word)}
    ends: dict[tuple, list[tuple[int, int]]] = {}
    for cut in _LAST_WORD_BACK.finditer(back, 0, stop):
        if cut[1] in twice:
            tail_words = before.match(back, cut.end())
            ends.setdefault((cut[1], tail_words.groups()), []).append((tail_words.end() - 1, size - cut.start(1)))
    return [group for group in ends.values() if len(group) > 1]


def _by_part(groups: list[list[tuple[int, int]]], parts: Sequence) -> list[list[tuple[int, int]]]:
    """The groups of cuts (each given with the offset of its last word's last letter) split by the name of the
    section where that letter stands; a cut whose last word stands in no section is dropped."""
    starts = [part.start for part in parts]
    split: list[list[tuple[int, int]]] = []
    for group in groups:
        by_name: dict[str, list[tuple[int, int]]] = {}
        for cut in group:
            i = bisect_right(starts, cut[1]) - 1
            if i >= 0 and cut[1] < parts[i].end:
                by_name.setdefault(parts[i].name, []).append(cut)
        split.extend(found for found in by_name.values() if len(found) > 1)
    return split


def _same_start_back(back: bytes, at_a: int, at_b: int) -> bool:
    """`_same_key` for two cuts read backwards: from the words before their last `tail` words (at `at_a`, `at_b`
    in `back`), whether equal words run back to two starts whose words before end in the same letter."""
    size = len(back)
    word_a, word_b = _WORD_BACK.match(back, at_a), _WORD_BACK.match(back, at_b)
    while word_a is not None and word_b is not None:
        next_a, next_b = _WORD_BACK.match(back, word_a.end()), _WORD_BACK.match(back, word_b.end())
        # Read backwards, a word starts with its last letter.
        if word_a[1][0] == word_b[1][0] and _starts_after(word_a, next_a, size) and \
                _starts_after(word_b, next_b, size):
            return True
        if word_a[1] != word_b[1]:
            return False
        word_a, word_b = next_a, next_b
    return False


def _starts_after(word: re.Match, next_word: re.Match | None, size: int) -> bool:
    """Whether a key may start at the word after `word` (read backwards: the one before): a cut stands before
    `word` or before the word after it (`next_word`, read backwards: the one before); the text's start is a cut."""
    if word.end() == size or b"\n" in word[2]:
        return True
    return next_word is not None and (next_word.end() == size or b"\n" in next_word[2])
