"""The phrases a query quotes, in straight or curly double quotes, each as the words a study's text must hold in
that order; and a quote left without its pair."""
from __future__ import annotations

import re

import duckdb

from flows.search_words import read

# A phrase a query quotes, in straight or curly double quotes: "small cell lung cancer", “breast cancer”.
QUOTED = re.compile('"([^"]*)"|\u201c([^\u201c\u201d]*)\u201d')
_QUOTES = ('"', "\u201c", "\u201d")


def quoted_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a query quotes, each as the words a study's text must hold in that order, anything but letters
    and digits between them ('"cancer of the lung"' -> (cancer of the lung,), stop words included), a name written
    in parts in each of its spellings ('"PD-L1 expression"' -> (pd l 1 expression, pdl 1 expression)), and a word
    written joined or two written apart in each spelling the words of the query find ('"follow up visit"' ->
    (follow up visit, followup visit): Reading.spellings); a quoted single word is that word, searched as any
    other."""
    phrases = []
    for match in QUOTED.finditer(text):
        reading = read(con, match.group(1) if match.group(1) is not None else match.group(2))
        if len(reading.words) > 1:
            phrases.append(tuple(reading.spellings(0, len(reading.words) - 1, compounds=True)))
    return list(dict.fromkeys(phrases))


def unpaired_quote(text: str) -> bool:
    return any(quote in QUOTED.sub(" ", text) for quote in _QUOTES)
