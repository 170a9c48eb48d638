"""The words of a search query, split and stopped as the search index splits documents: which words it searches,
which it leaves out (and says so), the phrases its numbers must stand in, and whether the index is one an earlier
trialqc built."""
from __future__ import annotations

import re

import duckdb

from warehouse.fts import load_fts
from warehouse.search_index import INDEX_SCHEMA, index_exists
from warehouse.search_terms import WORDS, apart, index_current, last_build_words


# A study's own id in a query names that study, as a filter: a study's text may cite other studies' ids.
NCT_ID = re.compile(r"\bNCT\d{8}\b", re.IGNORECASE)


def nct_ids_in(text: str) -> tuple[str, ...]:
    """The NCT ids a query names, upper case, in order of first mention."""
    return tuple(dict.fromkeys(m.upper() for m in NCT_ID.findall(text)))


def _tokens(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[str], set[str]]:
    """A query's words in order, split by the index's own `tokenize` (NCT ids left out), with letters and digits
    apart where the index's documents are so written (an earlier trialqc's are not), and its stop words."""
    text = NCT_ID.sub(" ", text)
    if last_build_words(con) == WORDS:
        text = apart(text)
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


# A run of letters and digits as a query writes it ("H1N1", "HER2", "COVID", "19").
_RUN = re.compile(r"[^\W_]+")


def _runs(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[list[str]], set[str]]:
    """A query's runs of letters and digits in order (NCT ids left out), each as the words the index splits it
    into (as _tokens splits them), and the index's stop words."""
    runs = _RUN.findall(NCT_ID.sub(" ", text))
    if not runs:
        return [], set()
    if last_build_words(con) == WORDS:
        runs = [apart(run) for run in runs]
    load_fts(con)
    split, stop = con.execute(f"SELECT list_transform($runs, r -> list_filter({INDEX_SCHEMA}.tokenize(r), "
                              f"w -> w <> '')), (SELECT list(sw) FROM {INDEX_SCHEMA}.stopwords)",
                              {"runs": runs}).fetchone()
    return [run for run in split if run], set(stop or ())


def number_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a study's text must hold one of, for each number of a query. A number written alone, with
    the words written next to it (stop words aside): "type 1 diabetes" -> (type 1, 1 diabetes), "IL-6" ->
    (il 6,), "2.5 mg" -> (2 5,) and (2 5, 5 mg). A number written in one run with letters, that whole run:
    "HER2" -> (her 2,), "H1N1" -> (h 1 n 1,), which "HER-2", "HER 2" and "H1N1" hold but "HER3" and "H3N2 ... 1"
    do not. A number alone is in most studies' text ("1 year", "6 months"): without its word, type 1 diabetes
    would find type 2 diabetes studies, and IL-6 the IL-2 ones."""
    runs, stop = _runs(con, text)
    tokens = [word for run in runs for word in run]
    phrases, at = [], 0
    for run in runs:
        if len(run) > 1 and any(word.isdigit() for word in run):
            phrases.append((" ".join(run),))
        elif run[0].isdigit():
            i = at
            words = [tokens[i - 1] + " " + run[0]] if i and tokens[i - 1] not in stop else []
            words += [run[0] + " " + tokens[i + 1]] if i + 1 < len(tokens) and tokens[i + 1] not in stop else []
            if words:
                phrases.append(tuple(words))
        at += len(run)
    return list(dict.fromkeys(phrases))


# A phrase a query quotes, in straight or curly double quotes: "small cell lung cancer", “breast cancer”.
_QUOTED = re.compile('"([^"]*)"|\u201c([^\u201c\u201d]*)\u201d')
_QUOTES = ('"', "\u201c", "\u201d")


def quoted_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a query quotes, each as the words a study's text must hold in that order, anything but letters
    and digits between them ('"cancer of the lung"' -> (cancer of the lung,), stop words included); a quoted single
    word is that word, searched as any other."""
    phrases = []
    for match in _QUOTED.finditer(text):
        runs, _ = _runs(con, match.group(1) if match.group(1) is not None else match.group(2))
        if sum(map(len, runs)) > 1:
            phrases.append((" ".join(word for run in runs for word in run),))
    return list(dict.fromkeys(phrases))


def _unpaired_quote(text: str) -> bool:
    return any(quote in _QUOTED.sub(" ", text) for quote in _QUOTES)


def phrase_pattern(phrases: tuple[str, ...]) -> str:
    """A regular expression finding any of the phrases in a text lower-cased and stripped of accents, their words
    apart as the index splits them (words of letters and digits: nothing in them to escape). A ';' between two
    words parts them: it also joins a study's texts in its document, and no phrase runs from one into the next."""
    return "(^|[^a-z0-9])(" + "|".join(p.replace(" ", "[^a-z0-9;]+") for p in phrases) + ")([^a-z0-9]|$)"


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
    ("of the" of "cancer of the lung", unless quoted in a phrase), numbers when the index holds none (one an earlier
    trialqc built), and a quote without its pair (no phrase)."""
    if not text.strip() or not index_exists(con):
        return None
    ignored = query_words(con, _QUOTED.sub(" ", text))[1]  # a quoted phrase holds its stop words
    numbers = [] if _keeps_digits(con) else list(dict.fromkeys(re.findall(r"\d+", NCT_ID.sub(" ", text))))
    parts = ([f"{', '.join(ignored)} ({'a stop word' if len(ignored) == 1 else 'stop words'})"] if ignored else []) + (
        [f"{', '.join(numbers)} (numbers are not indexed)"] if numbers else []) + (
        ["a quote without its pair (the words after it are matched anywhere in a study, not as a phrase)"]
        if _unpaired_quote(text) else [])
    return "left out of the search: " + "; ".join(parts) if parts else None


def index_outdated(con: duckdb.DuckDBPyConnection) -> str | None:
    """Why the warehouse's index finds less than the words of a query say (None when it is current): an earlier
    trialqc built it, without digits and with a long English stop list, or with a name's letters and digits
    together (HER2 and HER-2 apart); the next run builds it again."""
    if not index_exists(con) or index_current(con):
        return None
    if _keeps_digits(con):
        return ("this warehouse's search index was built by an earlier trialqc, which told a name written joined from "
                "the same name hyphenated (HER2, HER-2): the next `trialqc run` builds it again")
    return ("this warehouse's search index was built by an earlier trialqc, which left out numbers and words such "
            "as her, non, first and no: the next `trialqc run` builds it again")
