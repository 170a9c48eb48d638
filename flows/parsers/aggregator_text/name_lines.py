"""meddatax compact pages: what a line of Study Groups or Interventions can be by its shape. The registry's names and
titles are short labels; a sentence, a long line, or a line that stops where no name ends (a description wrapped by
a print) is a description."""
from __future__ import annotations

import re

from flows.parsers.aggregator_text.title import CONNECTORS

# The registry's names and titles are short labels: a longer line is a description.
_LONGEST_LABEL = 100
_SENTENCE_ENDS = frozenset(".!?")
_CLOSING = ")]\"'\u201d\u2019"
_BROKEN_ENDS = frozenset(",;:(")
# A list item named by its kind and its number or letter ('Cohort 1: EGFR ...', 'Group B', 'Arm II - ...').
_ENUMERATED = re.compile(r"\w+\s+(?:\d{1,3}|[A-Z]|[IVX]{1,4})(?=$|[\s:.)\-\u2013])")
# The most words of a line read as a list's item (a group's title, as registries name them), and the most words
# two items named by the same last word differ by ('Diabetic retinopathy cohort', 'Mild visual impairment cohort'; a
# description that says a title again at length ends as it does: 'Disc weight', 'Estimation of total disc weight').
_MOST_ITEM_WORDS = 8
_MOST_MORE_WORDS = 1


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


# The articles a description may begin with in lower case ('an evidence-based app'): no sign of a line going on.
_ARTICLES = frozenset({"a", "an", "the"})


def begins_mid_sentence(line: str) -> bool:
    """Whether a line begins at a joining word in lower case other than an article ('between L1 and S1 ...', 'with
    food'): the rest of a sentence the line above began, where a description may begin with 'an ...'."""
    return begins_joined(line) and line.split(None, 1)[0] not in _ARTICLES


def begins_joined(line: str) -> bool:
    """Whether a line of several words begins at a joining word in lower case ('and keep a diary', 'with food'): the
    rest of the line above it, never a name or a title."""
    words = line.split()
    return len(words) > 1 and words[0] in CONNECTORS


# The most words of a name or a title that begins at a lower-case article or joining word ('the placebo group'): a
# longer line that does is a description's text ('the next five patients will receive 50 IU').
_MOST_JOINED_TITLE_WORDS = 4


def begins_as_text(line: str) -> bool:
    """Whether a line begins in lower case as a description's text does, never as a name or a title: at an article
    or a joining word, with more words than a title ('the next five patients will receive 50 IU'), or ending a
    sentence ('stimulation.', the last word of a description a print wrapped onto a line of its own). A title may
    begin in lower case ('newborn cardiac surgical study group', 'nab-paclitaxel')."""
    words = line.split()
    if not words or not (words[0][0].isalpha() and words[0][0].islower()):
        return False
    return ((words[0] in CONNECTORS and len(words) > _MOST_JOINED_TITLE_WORDS)
            or line.rstrip().rstrip(_CLOSING)[-1:] in _SENTENCE_ENDS)


def alike(upper: str, lower: str) -> bool:
    """Whether two lines of a few words, neither a sentence, are named alike as two items of one list are, never a
    title and its description: by one kind and their numbers ('Cohort 1: EGFR exon 20', 'Cohort 2: HER2 exon 20'),
    or by the same last word ('Diabetic retinopathy cohort', 'Mild visual impairment cohort')."""
    words = upper.casefold().split(), lower.casefold().split()
    if not 1 < len(words[0]) <= _MOST_ITEM_WORDS or not 1 < len(words[1]) <= _MOST_ITEM_WORDS:
        return False
    if words[0][0] == words[1][0] and _ENUMERATED.match(upper) and _ENUMERATED.match(lower):
        return not is_sentence(upper) and not is_sentence(lower)
    return (abs(len(words[0]) - len(words[1])) <= _MOST_MORE_WORDS and words[0][-1] == words[1][-1]
            and words[0][-1].isalpha() and len(words[0][-1]) > 2 and not is_sentence(upper) and not is_sentence(lower))


def is_long_name(line: str) -> bool:
    """Whether a line read as a name has more words than a list's item: as likely a description's own line."""
    return len(line.split()) > _MOST_ITEM_WORDS
