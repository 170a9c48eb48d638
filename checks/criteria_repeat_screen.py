"""Which criteria texts may state an item twice: a screen, exact for `criteria_items.items`, run before it.

Why it is exact (it never passes over a text whose items repeat one another). Let T be the text's
words as `criteria_items.words_of` splits them (`tokens` below) and a *cut* one of: a line break, the
start or end of the text, or a candidate item number of the text's reading (`marker_starts`).

- An item is the piece of a section between two consecutive bounds (section start and end,
  accepted item numbers, bullet and blank-line ends, sub-heading starts); its key is the words of
  the piece after its item mark (`_ITEM_MARK`), and it has at least `min_words` (6) of them.
- Every bound is a cut, or has only non-word characters between it and the cut that starts its line (a line number's
  digit after "  - (", a bullet's end after "- "); a section starts at a line break, at 0 or after a heading inside a
  line, and ends at a line start, at such a heading or at the end (a bound inside a line is passed as a cut,
  `criteria_repeats._inside_lines`, as a list number inside a line is). So the words before a bound are T[:j] for the j
  of a cut (`_cut_word_counts`), and no word runs across a bound.
- Lower-casing keeps every offset (texts where it does not are passed to the full reading), so the
  words of a piece are T's words inside it. The item mark holds at most two digits and otherwise
  non-word characters, so it removes part of at most the piece's first word T[k]: the key is
  (a suffix of T[q-1], *T[q:j]) with q = k+1, or q = k+2 when the mark took all of T[k].
- Two items with one key are different pieces, so they have different q; their keys have the same
  length; T[qA:jA] == T[qB:jB]; T[qA-1] and T[qB-1] end in the same letter; jA - qA >= min_words - 1.

The screen looks exactly for such q, j among the cuts, so it passes every text with a repeated item:
first whether two cuts have the same `min_words - 1` words before them at all, the word before those
ending in the same letter (`_ends_meet`, most texts told at their cuts' last words alone), then, from each two such
cuts jA, jB, back along equal words to starts qA, qB (`_same_key`). `_repeat_back` (criteria_repeat_back.py) asks
the same of the text read backwards from its cuts, without splitting it into words.
tests/checks/test_criteria_repeat_screen.py checks this against the full item walk on generated and real texts;
test_criteria_reading_shortcuts.py checks each step against the plain reading of every word.

A shorter criterion is compared only as a list line of its own (`criteria_repeats._short_criterion`), and
`short_lines_may_repeat` screens for those: such an item's line holds its key's n words, its first word maybe whole
where the mark cut it ("- 12abc"), or those and the list number before them ("5. DSM-5 ..."): n or n + 1 words, the
last n - 1 of them the key's, the one before those ending in the key's first word's last letter. Two such items with
one key end their lines in the same n - 1 words, the word before those in the same letter.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, chain
from typing import Callable, Sequence

from checks.criteria_repeat_back import _repeat_back

# As criteria_items._WORD_BYTES (a-z and 0-9 are word bytes, all else separates) but keeping line breaks.
_WORDS_AND_LINES = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 or c == 10 else 32 for c in range(256))
# The same for ASCII text not lower-cased: A-Z become a-z (all str.lower does to ASCII text).
_ASCII_WORDS_AND_LINES = bytes(c + 32 if 65 <= c <= 90 else _WORDS_AND_LINES[c] for c in range(256))
# The only characters beyond ASCII whose lower case holds an ASCII letter: the dotted capital I (lower-cased to
# "i" and a combining dot, two characters) and the Kelvin sign ("k"). tests/checks/test_criteria_repeat_screen.py
# checks this over all of Unicode.
_LOWERS_TO_ASCII = ("\u0130", "\u212a")


def word_bytes(text: str, lowered: str | None = None) -> bytes | None:
    """The text's words as `may_repeat` reads them: lower case, a-z and 0-9 kept, line breaks kept, every other
    character a space, one byte per character (so at the text's offsets); None when lower-casing changes the
    length (a letter lower-cased to two characters). `lowered`: text.lower(), if at hand."""
    if lowered is None:
        if text.isascii():  # lower-cased by the same table: A-Z are a-z there
            return text.encode("ascii").translate(_ASCII_WORDS_AND_LINES)
        if _LOWERS_TO_ASCII[0] not in text and _LOWERS_TO_ASCII[1] not in text:
            # Every other non-ASCII character lower-cases to one non-ASCII character: a space either way, so
            # the text need not be lower-cased ('?' for each such character keeps the offsets).
            return text.encode("ascii", "replace").translate(_ASCII_WORDS_AND_LINES)
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):
        return None
    return lowered.encode("ascii", "replace").translate(_WORDS_AND_LINES)


def may_repeat(text: str, marker_starts: list[int], min_words: int, lowered: str | None = None,
               words: bytes | None = None, parts: Callable[[], Sequence] | None = None) -> bool:
    """Whether two items of `min_words` words or more could have the same key (False: none can).

    `marker_starts`: where the text's candidate item numbers stand (`Reading.candidates`), or only those inside lines
    (`Reading.numbers_inside_lines`): only white space and marks stand between a line's own number and its line
    break, so the words before either cut are the same;
    `lowered`: text.lower(), and `words`: word_bytes(text), if at hand; `parts`: when given, what gives the text's
    sections (each with its start, end and name, in order, as `criteria_sections.sections`): then only two items of
    sections of one name are asked about, as only those can repeat one another (False: none of those can).
    """
    if words is None:
        words = word_bytes(text, lowered)
        if words is None:  # a letter lower-cased to two characters shifts offsets
            return True
    found = _repeat_back(words, marker_starts, min_words - 1, parts) if min_words > 1 else None
    return may_repeat_by_words(words, marker_starts, min_words) if found is None else found


@lru_cache(maxsize=None)
def _short_line(min_words: int, max_words: int) -> re.Pattern:
    """A line of the text's words (`word_bytes`, after a line break) of `min_words` to `max_words` + 1 words that
    opens with a space or a digit, the marks of a list line: a line that opens with a letter has no list mark."""
    # possessive: a line of more words fails at its next word, with nothing to try again
    return re.compile(rb"\n(?=[ 0-9]) *+((?:[a-z0-9]++ *+){%d,%d}+)(?=\n)" % (min_words, max_words + 1))


def short_lines_may_repeat(words: bytes, min_words: int, max_words: int) -> bool:
    """Whether two list lines of the text could hold criteria of `min_words` to `max_words` words with one key, each
    a line of its own (False: none can); `words`: the text's `word_bytes`. A line of n words is read as an item of n
    words and as one of n - 1 words after its number, each by its last words but the first and the last letter of
    that first word, which a mark that cuts it leaves (see the module's docstring)."""
    seen: set[tuple] = set()
    for line in _short_line(min_words, max_words).findall(b"\n" + words + b"\n"):
        tokens = line.split()
        for size in {len(tokens), len(tokens) - 1}:
            if min_words <= size <= max_words:
                tail = (tokens[-size][-1], *tokens[1 - size:])
                if tail in seen:
                    return True
                seen.add(tail)
    return False


def may_repeat_by_words(words: bytes, marker_starts: list[int], min_words: int) -> bool:
    """`may_repeat` of the text's `word_bytes`, read from every word of the text (`_repeat_back` reads fewer)."""
    tail = min_words - 1  # the words of a key after its first, possibly cut, word
    lines = words.split(b"\n")
    words_of_lines = list(map(bytes.split, lines))
    tokens = list(chain.from_iterable(words_of_lines))
    if len(tokens) < 2 * min_words:
        return False
    cuts = _cut_word_counts(words, marker_starts, lines, words_of_lines)
    if not _ends_meet(tokens, cuts, tail):
        return False  # no two cuts end in the same words
    # Cuts grouped by their last `tail` words, among the cuts whose last word some other cut ends in too
    # (two cuts ending in the same words end in the same word: the others are in no group of two).
    by_last: dict[bytes, list[int]] = {}
    for j in cuts:
        if j > tail:
            by_last.setdefault(tokens[j - 1], []).append(j)
    ends: dict[tuple, list[int]] = {}
    for alike in by_last.values():
        if len(alike) > 1:
            for j in alike:
                ends.setdefault(tuple(tokens[j - tail:j]), []).append(j)
    starts = {q for k in cuts for q in (k + 1, k + 2)}
    return any(_same_key(tokens, group, starts, tail) for group in ends.values() if len(group) > 1)


def _ends_meet(tokens: list[bytes], cuts: set[int], tail: int) -> bool:
    """Whether two cuts with more than `tail` words before them end in the same `tail` words, the word
    before those ending in the same letter.

    Two items with one key end at cuts jA, jB with T[jA-tail:jA] == T[jB-tail:jB], and T[jA-tail-1],
    T[jB-tail-1] end in the same letter: they are the keys' words (equal) when the keys are longer than
    `tail` + 1 words, else the words whose ends start the keys (see the module's docstring). Lines that
    only end in the same phrase ('... of study treatment') mostly differ there.

    Most texts are told at their cuts' last words alone: when no two are the same, no two cuts end alike.
    `cuts`: how many words stand before each cut (`_cut_word_counts`), `tokens` the text's words.
    """
    span = tail + 1  # the words read before a cut: the first one by its last letter only
    ends = [j for j in cuts if j >= span]
    if len(ends) < 2:
        return False
    if tail and len(set(map(tokens.__getitem__, [j - 1 for j in ends]))) == len(ends):
        return False
    return len({(tokens[j - span][-1], *tokens[j - tail:j]) for j in ends}) != len(ends)


def _cut_word_counts(words: bytes, marker_starts: list[int], lines: list[bytes] | None = None,
                     words_of_lines: list[list[bytes]] | None = None) -> set[int]:
    """How many words stand before each cut: line breaks, the text's ends and in-line item numbers.

    `lines`: words.split(b"\\n") and `words_of_lines`: each line's words, if at hand.
    """
    lines = words.split(b"\n") if lines is None else lines
    words_of_lines = list(map(bytes.split, lines)) if words_of_lines is None else words_of_lines
    # Before line i stand the words of the lines before it; the last count is every word of the text.
    before_line = list(accumulate(map(len, words_of_lines), initial=0))
    counts = set(before_line)
    if marker_starts:
        line_starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        for at in marker_starts:
            i = bisect_right(line_starts, at) - 1
            if at > line_starts[i]:
                counts.add(before_line[i] + len(lines[i][:at - line_starts[i]].split()))
    return counts


def _same_key(tokens: list[bytes], ends: list[int], starts: set[int], tail: int) -> bool:
    """Whether two of `ends` (cuts with the same `tail` words before them) close runs of equal words,
    `tail` words or more, that open at starts q whose words before end in the same letter.

    What pairing equal starts and walking forward to cuts finds, found from the other end: a run
    T[q:j] of the one item equals the other's, so it ends in the same `tail` words at two cuts.
    """
    for i, ja in enumerate(ends):
        for jb in ends[i + 1:]:
            qa, qb = ja - tail, jb - tail
            while qa >= 1 and qb >= 1:
                if qa in starts and qb in starts and tokens[qa - 1][-1] == tokens[qb - 1][-1]:
                    return True
                if tokens[qa - 1] != tokens[qb - 1]:
                    break
                qa, qb = qa - 1, qb - 1
    return False
