"""The values a page's lines give: a page's words for no value, counts, 'Label:' lines and the lines under them,
lines tagged with the known label before them, and the rows a record gets from them."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.parsers.model import StudyRecord
from flows.parsers.page_text import nonblank

# A count as a page writes it: digits, or digits in groups of three parted by commas ('9,500'), alone or before a
# word or a bracket ('60 participants', '11 (Estimated)'). '1.250', '1 250', '1,25' and '40-50' are no such count.
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+)(?=\s*$|\s+[^\W\d_]|\s*\()")


# What a page shows for a value (a count, a date, a name, a text) it does not give: missing, not a value to refuse;
# a summary or a list that says it has none ('None provided.', 'Not specified').
NONE_SAID = frozenset({"none provided", "none specified", "not specified", "none listed"})
NO_VALUE = frozenset({"n/a", "na", "none", "not provided", "not available", "unknown", "-", "\u2013",
                      "\u2014"}) | NONE_SAID


def no_value(text: str | None) -> bool:
    """Whether a page's value is its word for no value ('Not Provided', 'N/A', '-', 'None provided.'), in any case and
    spacing, with or without a full stop: a sentence of more words ('None specified in the protocol.') is a text."""
    words = (text or "").split(None, _NO_VALUE_WORDS)  # a text of more words (a description) is told at sight
    return len(words) <= _NO_VALUE_WORDS and " ".join(words).casefold().removesuffix(".") in NO_VALUE


# The most words a page's word for no value has.
_NO_VALUE_WORDS = max(len(word.split()) for word in NO_VALUE)


def int_value(text: str | None) -> int | str | None:
    """'9,500' or '60 participants' -> the leading whole number; None when the page gives none ('N/A', blank).
    Anything else ('TBD', '-5 participants', 'about 40', '1.250', '1 250', '40-50': which number is meant cannot
    be told) is kept as given, for validation to refuse and quote: it is not read as a count that is missing."""
    match = _LEADING_NUMBER.match(text or "")
    if match:
        return int(match.group(1).replace(",", ""))
    value = (text or "").strip()
    return None if not value or no_value(value) else value


def labelled_values(lines: list[str], key_start: str | None = None) -> dict[str, list[str]]:
    """'Key:' lines (and lines starting with `key_start`, when given) and the non-blank lines under each,
    keyed by the label without its colon."""
    values: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in nonblank(lines):
        if line[-1:] == ":" or (key_start is not None and line.startswith(key_start)):
            current = values.setdefault(line.rstrip(":").strip(), [])
        elif current is not None:
            current.append(line)
    return values


def first(values: list[str] | None) -> str | None:
    """The first value, or None."""
    return values[0] if values else None


def first_line(lines: list[str]) -> str | None:
    """The first non-blank line, stripped."""
    return next(filter(None, map(str.strip, lines)), None)  # the lines after it are not stripped


def add_rows(record: StudyRecord, table: str, rows: list[dict]) -> None:
    """record.add of every row, in order, as one extend (a table appears only when it gets a row)."""
    if rows:
        record.tables.setdefault(table, []).extend(rows)


def distinct_rows(rows: list[dict]) -> list[dict]:
    """Rows without exact repeats, first occurrence kept."""
    return list({tuple(row.items()): row for row in rows}.values())


def tagged_lines(lines: list[str], known_labels) -> list[tuple[str | None, str]]:
    """Non-blank lines as (label, value): a known label line, in any case ('Primary completion date') and with or
    without a colon after it, tags the line after it with the label as known; a known label with its value on its
    line after a colon ('Recruitment Status: RECRUITING', as a copy may join them) is that pair; others get None."""
    folded = _folded(known_labels) if isinstance(known_labels, frozenset) else _folded_labels(known_labels)
    tagged: list[tuple[str | None, str]] = []
    pending: str | None = None
    for line in nonblank(lines):
        if line in known_labels:
            pending = line
        elif (label := folded.get(line.casefold())) is not None:
            pending = label
        elif ":" in line and (label := folded.get(line.partition(":")[0].rstrip().casefold())) is not None:
            value = line.partition(":")[2].strip()
            if value:
                tagged.append((label, value))
            pending = None if value else label
        else:
            tagged.append((pending, line))
            pending = None
    return tagged


def _folded_labels(known_labels) -> dict[str, str]:
    """Each label by its case-folded spelling."""
    return {label.casefold(): label for label in known_labels}


# A layout's label sets are module constants: each is folded once, not on every page.
_folded = lru_cache(maxsize=64)(_folded_labels)
