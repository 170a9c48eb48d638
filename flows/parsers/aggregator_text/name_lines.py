"""meddatax compact pages: what a line of Study Groups or Interventions can be by its shape. The registry's names and
titles are short labels; a sentence, a long line, or a line that stops where no name ends (a description wrapped by
a print) is a description."""
from __future__ import annotations

from flows.parsers.aggregator_text.title import CONNECTORS

# The registry's names and titles are short labels: a longer line is a description.
_LONGEST_LABEL = 100
_SENTENCE_ENDS = frozenset(".!?")
_CLOSING = ")]\"'\u201d\u2019"
_BROKEN_ENDS = frozenset(",;:(")


def is_sentence(line: str) -> bool:
    """Whether a line reads as a description, never a name: a sentence of three words or more, a long line, or a
    line that goes on in the next (it ends in 'with', 'the' or a comma: a description wrapped by a print)."""
    return (len(line) > _LONGEST_LABEL or (line.rstrip(_CLOSING)[-1:] in _SENTENCE_ENDS and len(line.split()) >= 3)
            or breaks_off(line))


def breaks_off(line: str) -> bool:
    """Whether a line of several words stops where no name ends: at a joining word in lower case ('combined with',
    'the'; 'Group A' is a name) or a comma, colon or opening bracket."""
    words = line.split()
    return len(words) > 1 and (words[-1] in CONNECTORS or line[-1] in _BROKEN_ENDS)


def is_short(line: str) -> bool:
    """Whether a line is as short as a name (three words or fewer, no sentence): as likely one as a description."""
    return len(line.split()) <= 3 and not is_sentence(line)


def begins_joined(line: str) -> bool:
    """Whether a line of several words begins at a joining word in lower case ('and keep a diary', 'with food'): the
    rest of the line above it, never a name or a title."""
    words = line.split()
    return len(words) > 1 and words[0] in CONNECTORS
