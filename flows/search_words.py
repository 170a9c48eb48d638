"""The words of a search query, split and stopped as the search index splits documents: which words it searches,
which it leaves out (and says so), the phrases its numbers must stand in, and whether the index is one an earlier
trialqc built."""
from __future__ import annotations

import re

import duckdb

from warehouse.fts import load_fts
from warehouse.search_index import INDEX_SCHEMA, index_exists
from warehouse.search_terms import index_current


# A study's own id in a query names that study, as a filter: a study's text may cite other studies' ids.
NCT_ID = re.compile(r"\bNCT\d{8}\b", re.IGNORECASE)


def nct_ids_in(text: str) -> tuple[str, ...]:
    """The NCT ids a query names, upper case, in order of first mention."""
    return tuple(dict.fromkeys(m.upper() for m in NCT_ID.findall(text)))


def _tokens(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[str], set[str]]:
    """A query's words in order, split by the index's own `tokenize` (NCT ids left out), and its stop words."""
    text = NCT_ID.sub(" ", text)
    if not text.strip():
        return [], set()
    load_fts(con)
    tokens, stop = con.execute(f"SELECT tokens, (SELECT list(sw) FROM {INDEX_SCHEMA}.stopwords WHERE list_contains("
                               f"tokens, sw)) FROM (SELECT list_filter({INDEX_SCHEMA}.tokenize($t), w -> w <> '') "
                               "AS tokens)", {"t": text}).fetchone()
    return list(tokens or ()), set(stop or ())


def query_words(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[str], list[str]]:
    """(searchable, ignored) words of a query, split as the index splits documents (its own `tokenize`: lower
    case, accents and punctuation dropped); ignored are its stop words, which no document's terms hold.

    The index's `match_bm25` counts every token of a query, stop words and the empty token a leading
    or trailing hyphen or quote leaves, among the words a conjunctive match needs: given them, it
    matches nothing ("cancer of the lung", "(breast) cancer.", a quoted phrase).
    """
    words, stop = _tokens(con, text)
    return [w for w in words if w not in stop], list(dict.fromkeys(w for w in words if w in stop))


def number_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """Each number of a query with the words written next to it (stop words aside), as the two-word phrases a
    study's text must hold one of: "type 1 diabetes" -> (type 1, 1 diabetes), "IL-6" -> (il 6,), "2.5 mg" ->
    (2 5,) and (2 5, 5 mg). A number alone is in most studies' text ("1 year", "6 months"): without its word,
    type 1 diabetes would find type 2 diabetes studies, and IL-6 the IL-2 ones."""
    tokens, stop = _tokens(con, text)
    phrases = []
    for i, token in enumerate(tokens):
        words = [tokens[i - 1] + " " + token] if i and tokens[i - 1] not in stop else []
        words += [token + " " + tokens[i + 1]] if i + 1 < len(tokens) and tokens[i + 1] not in stop else []
        if token.isdigit() and words:
            phrases.append(tuple(words))
    return list(dict.fromkeys(phrases))


def phrase_pattern(phrases: tuple[str, ...]) -> str:
    """A regular expression finding any of the phrases in a text lower-cased and stripped of accents, their words
    apart as the index splits them (words of letters and digits: nothing in them to escape)."""
    return "(^|[^a-z0-9])(" + "|".join(p.replace(" ", "[^a-z0-9]+") for p in phrases) + ")([^a-z0-9]|$)"


def unsearchable(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """Why a query's words can find nothing whatever the documents hold (None when they can): only stop
    words, or only what the index does not keep (punctuation). `search` matches no study for them."""
    if not text.strip() or nct_ids_in(text) or not index_exists(con):
        return None
    words, ignored = query_words(con, text)
    if words:
        return None
    if ignored:
        return (f"nothing to search for in {text!r}: {', '.join(ignored)} "
                f"{'is a stop word' if len(ignored) == 1 else 'are stop words'}, which the index leaves out")
    kept = "letters and digits, not punctuation" if _keeps_digits(con) else "letters only (no digits or punctuation)"
    return f"nothing to search for in {text!r}: the index keeps words of {kept}"


def _keeps_digits(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(f"SELECT {INDEX_SCHEMA}.tokenize('0')[1] = '0'").fetchone()[0]


def left_out(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """What of a query the search cannot use, said plainly (None when it uses every word): its stop words
    ("of the" of "cancer of the lung"), numbers when the index holds none (one an earlier trialqc built), and
    quotes (no phrase search)."""
    if not text.strip() or not index_exists(con):
        return None
    ignored = query_words(con, text)[1]
    numbers = [] if _keeps_digits(con) else list(dict.fromkeys(re.findall(r"\d+", NCT_ID.sub(" ", text))))
    parts = ([f"{', '.join(ignored)} ({'a stop word' if len(ignored) == 1 else 'stop words'})"] if ignored else []) + (
        [f"{', '.join(numbers)} (numbers are not indexed)"] if numbers else []) + (
        ["quotes (each word is matched anywhere in a study, not as a phrase)"] if '"' in text else [])
    return "left out of the search: " + "; ".join(parts) if parts else None


def index_outdated(con: duckdb.DuckDBPyConnection) -> str | None:
    """Why the warehouse's index finds less than the words of a query say (None when it is current): an earlier
    trialqc built it, without digits and with a long English stop list; the next run builds it again."""
    if not index_exists(con) or index_current(con):
        return None
    return ("this warehouse's search index was built by an earlier trialqc, which left out numbers and words such "
            "as her, non, first and no: the next `trialqc run` builds it again")
