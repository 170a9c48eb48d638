"""Whether a number written as a list number is one: a number inside a line that skips one or two numbers of a
list run in on that line ("2. ECOG 0-1 4. Adequate organ function"), or a quantity, not a list number ("grade 2.
Prior therapy", "7. 5 mg/kg", "an ECOG status of\n2. or less", "women aged between 18 and\n65.")."""
from __future__ import annotations

import re

from checks.criteria_list_numbers import Marker

# How many numbers a list may skip at once where it is read from how its numbers are written, not from lines: inside
# a run-in line ("2. ECOG 0-1 4. Adequate"), or at a list's end before another starts at 1. A larger jump there is a
# quantity ("score 24.", "aged 18 and\n65."), not a list number.
MAX_SKIP_WRITTEN = 2
# What a run-in list's number opens: an item that starts with a capital ("4. Adequate", "(4) HIV"), not a decimal
# split by a space ("7. 5 mg/kg", "version 5. 0").
_RUN_IN_ITEM = re.compile(r"\d{1,2}(?:\\?\.|\))[ \t]+[A-Z]")
# What ends a quantity before a number inside a criterion: a sign, or a word a value follows, a scale's name among
# them ("grade 2. Prior therapy", "NYHA class 3. Hospitalized", "0, 1 or 2. Life", "CTCAE v 5. Active", "Hoehn and
# Yahr 4. Levodopa").
_VALUE_BEFORE = re.compile(
    r"(?:[\u2265\u2264<>=\u00b1\u00d7+~/-]|(?<![^\W\d_])(?i:grades?|stages?|class(?:es)?|types?|versions?|v|ver|levels?"
    r"|scores?|phases?|cycle|day|week|month|year|visit|steps?|parts?|cohorts?|arms?|groups?|lines?"
    r"|criteri(?:on|a)|items?|no|numbers?|category|tier|gleason|nyha|ecog|zubrod|ps|kps|karnofsky|ctcae|yahr|edss|mrs"
    r"|nihss|gcs|asa|figo|who|pugh|bclc|tanner|of|to|than|and|or|nor"
    r"|least|most|about|approximately|over|under|above|below|between|from|by|at|in|on|with|vs|versus|an?|the|page"
    r"|section|appendix|table|figure|see|per))[ \t(]*\Z")


def skips_in_run_in(text: str, found: list[Marker], i: int, above: Marker) -> bool:
    """Whether the number `found[i]` inside a line skips one or two numbers of a list run in on that line (`above`,
    the list's last number, stands inside the same line: "1. Age 18 or over 2. ECOG 0-1 4. Adequate organ
    function", as a page or an old record writes a list): it is written as `above` is, opens an item with a capital,
    follows no sign or word a value follows (`_VALUE_BEFORE`), the number it skips is not written before it in
    another way, and the next number on the line goes on from it (or none does and it skips one): a list that goes on
    at the number skipped ("4. Bedridden ... 3. Onset") had a quantity there."""
    mk = found[i]
    missing = mk.number - above.number - 1
    if not 1 <= missing <= MAX_SKIP_WRITTEN or above.opens_item or text.find("\n", above.start, mk.start) >= 0:
        return False
    mark, above_mark = MARK_AT.match(text, mk.start), MARK_AT.match(text, above.start)
    if above_mark is None or mark is None or mark[0][-1] != above_mark[0][-1] or \
            _RUN_IN_ITEM.match(text, mk.start) is None or \
            _VALUE_BEFORE.search(text, max(0, mk.start - 30), mk.start) is not None:
        return False
    between = text[above.start + 1:mk.start]
    if any(re.search(rf"(?<![\d.,])\b{n}[ \t]*\\?[.)]", between) for n in range(above.number + 1, mk.number)):
        return False  # the number skipped stands in between, written otherwise ("6. ... 7 .Previous ... 8. ...")
    line_end = text.find("\n", mk.start)
    on_line = [m.number for m in found[i + 1:] if line_end < 0 or m.start < line_end]
    return on_line[0] == mk.number + 1 if on_line else missing == 1


def ends_list(text: str, mk: Marker, expected: int) -> bool:
    """Whether the number `mk`, at a line's start and followed by a list started again at 1 (another cohort's or
    part's list), ends its own list after skipping one or two numbers: it opens an item with a capital ("4. Adequate
    organ function" then "Cohort B:" and "1. Age"), as a last criterion does, not a quantity the line above wraps
    ("aged 18 and\n65.")."""
    return mk.opens_item and mk.number - expected <= MAX_SKIP_WRITTEN and \
        _RUN_IN_ITEM.match(text, mk.start) is not None


MARK_AT = re.compile(r"\d{1,2}[ \t]?\\?[.)]")
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:)\]]*\Z")


def bare_at_end(text: str, mk: Marker, end: int) -> bool:
    """Whether nothing but white space and punctuation follows the list number `mk` to the section's `end`: a number
    that closes the text opens no criterion, it ends the sentence above ("women aged between 18 and\n65.")."""
    m = MARK_AT.match(text, mk.start)
    return m is not None and _ONLY_PUNCTUATION.match(text, m.end(), end) is not None


# A list number at the start of a line that goes on the sentence of the line before: that line ends in a word or a
# sign no criterion ends with ("within\n6. months", "greater than\n3. 0 x ULN"), or the number is followed by a
# unit or a comparison no criterion opens with ("\n2. or less", "\n6. months before screening"). Words in lower case
# only ("Hepatitis A" ends a criterion), after a space ("follow-up" ends one); not "over", "above", "under" or
# "below", which end "aged 18 and over", "grade 3 and above"; no "+", which ends "HER2 3+".
SENTENCE_GOES_ON_BEFORE = tuple(re.compile(pattern + r"[ \t]*$") for pattern in (
    r"(?<!\S)(?:of|to|than|within|least|most|the|an?|by|at|from|for|with|between|in|per)",
    r"(?<!\S)(?:exceeding|exceeds?|be|is|are|was|were)",
    r"[\u2265\u2264<>=\u00b1\u00d7]",
))
_SENTENCE_GOES_ON_AFTER = tuple(re.compile(r"\d{1,2}[ \t]?\\?[.)][ \t]*" + pattern) for pattern in (
    r"(?:months?|weeks?|days?|hours?|years?|times)\b",
    r"(?:mg|mcg|\u00b5g|g/dL|mL|mmol|IU)\b",
    r"(?:x|\u00d7)[ \t]*(?:the[ \t]+)?(?:ULN|upper)\b",
    r"or[ \t]+(?:less|more|greater|higher|lower|above|below|fewer)\b",
))


def goes_on_sentence(text: str, at: int) -> bool:
    """Whether the list number at `at`, at the start of its line, goes on the sentence of the line before."""
    line_start = text.rfind("\n", 0, at) + 1
    if line_start == 0 or text[line_start:at].strip(" \t-*\u2022("):
        return False  # the text's first line, or a number inside a line
    previous = text[max(0, line_start - 41):line_start - 1].rstrip()
    return any(p.search(previous) for p in SENTENCE_GOES_ON_BEFORE) or \
        any(p.match(text, at) for p in _SENTENCE_GOES_ON_AFTER)
