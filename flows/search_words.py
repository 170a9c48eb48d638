"""The words of a search query, split and stopped as the search index splits documents (query_words), and read
once for what the rest of the search needs (read): the run of letters and digits each word was written in, the names
it writes in parts and the words it writes in capitals as an acronym.

The modules beside it hold the rest: what a reading holds and how a span of it may be written (search_reading), the
words a study may write joined or in two parts (search_compounds), in its British or American spelling
(search_variants) or in Roman numerals (search_romans), the phrases a study must hold and the spellings of a query
(search_phrases, with search_number_words and search_quoted), the regular expressions that find the phrases
(search_patterns), and what the search says of a query it cannot use whole (search_notes).
"""
from __future__ import annotations

import re

import duckdb

from flows.search_compounds import compounds
from flows.search_reading import Reading
from flows.search_romans import romans
from flows.search_variants import variants
from warehouse.fts import load_fts
from warehouse.search_index import INDEX_SCHEMA
from warehouse.search_terms import (
    APART_ONLY, GREEK_LETTERS, HYPHENS, STEMMER, WORDS, apart, greek_named, index_current, last_build_words,
)

# The names of the Greek letters documents write as names (TNF-α is TNF-alpha): after a word, a part of its name.
GREEK_NAMES = frozenset(name for _, name in GREEK_LETTERS)


# A study's own id in a query names that study, as a filter: a study's text may cite other studies' ids.
NCT_ID = re.compile(r"\bNCT\d{8}\b", re.IGNORECASE)


def nct_ids_in(text: str) -> tuple[str, ...]:
    """The NCT ids a query names, upper case, in order of first mention."""
    return tuple(dict.fromkeys(m.upper() for m in NCT_ID.findall(text)))


def _query_text(con: duckdb.DuckDBPyConnection, text: str) -> tuple[str, bool, bool]:
    """A query's text as the index's documents write it before their letters and digits are written apart (NCT ids
    left out; Greek letters as their names where its documents so write them), whether they are written apart (an
    earlier trialqc's were not), and whether the index holds the joined spelling of the names they write in parts
    (one it splits and stops as now, over documents of this form: an earlier trialqc's is searched as it was)."""
    text, form = NCT_ID.sub(" ", text), last_build_words(con)
    joined = form == WORDS and index_current(con)
    return (greek_named(text) if form == WORDS else text), form in (WORDS, APART_ONLY), joined


def _tokens(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[str], set[str]]:
    """A query's words in order, split by the index's own `tokenize` (NCT ids left out), written as the index's
    documents are (_query_text, letters and digits apart), and its stop words."""
    text, written_apart, _ = _query_text(con, text)
    text = apart(text) if written_apart else text
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


def read(con: duckdb.DuckDBPyConnection, text: str) -> Reading:
    """A query's words, each with the run of letters and digits it was written in (as _tokens splits them), and,
    where the index's documents write names in parts joined too (an index an earlier trialqc built is searched
    as it was): the names it writes in parts (`_names`), the words it writes in capitals as an acronym
    (`_acronyms`) and the words a study may write joined where the query writes them apart or the other way round
    (`compounds`)."""
    text, written_apart, joined = _query_text(con, text)
    found = list(_RUN.finditer(text))
    if not found:
        return Reading([], [], [], set())
    load_fts(con)
    runs = [apart(m.group()) if written_apart else m.group() for m in found]
    split, stop, stems = con.execute(
        f"SELECT split, (SELECT list(sw) FROM {INDEX_SCHEMA}.stopwords), list_transform(flatten(split), "
        f"w -> stem(w, '{STEMMER}')) FROM (SELECT list_transform($runs, r -> list_filter({INDEX_SCHEMA}.tokenize(r), "
        "w -> w <> '')) AS split)", {"runs": runs}).fetchone()
    words = [word for run in split for word in run]
    runs = [at for at, run in enumerate(split) for _ in run]
    between = [text[a.end():b.start()] for a, b in zip(found, found[1:])]
    stop = set(stop or ())
    if not joined:
        return Reading(words, runs, [], stop, list(stems))
    names = _names(words, runs, between, stop)
    reading = Reading(words, runs, names, stop, list(stems),
                      _acronyms(words, runs, [m.group() for m in found], names, stop, text))
    splits, joins = compounds(con, reading, between)
    small = {at for at, word in enumerate(words) if len(word) == 1 and found[runs[at]].group().islower()}
    hyphened = {run for run, gap in enumerate(between) if len(gap) == 1 and gap in HYPHENS}
    return Reading(words, runs, names, stop, list(stems), reading.acronyms, splits, joins, small,
                   variants(con, words, stems, stop), hyphened, romans(con, words, runs))


def _acronyms(words: list[str], runs: list[int], written: list[str], names: list[tuple[int, int]], stop: set[str],
              text: str) -> list[int]:
    """The words a query writes in capitals as an acronym ("CART", "AIDS", "ALL", "MS"): two capitals or more
    written alone (no digit in their run), neither a part of a name written in parts ("CAR-T", whose parts stand
    together already) nor beside a number ("COVID-19", "HIV 1": the number tells the name), in a query that
    writes a word in small letters or this word only."""
    searched = [at for at, word in enumerate(words) if word not in stop]
    # A query written all in capitals ("BREAST CANCER") says nothing of its words.
    if not any(c.islower() for c in text) and len(searched) != 1:
        return []
    in_names = {at for first, last in names for at in range(first, last + 1)}

    def acronym(at: int) -> bool:
        run = written[runs[at]]
        beside = [words[n] for n in (at - 1, at + 1) if 0 <= n < len(words)]
        return (len(run) > 1 and run.isalpha() and run.isupper() and at not in in_names
                and not any(word.isdigit() for word in beside))
    return [at for at in searched if acronym(at)]


def _names(words: list[str], runs: list[int], between: list[str], stop: set[str]) -> list[tuple[int, int]]:
    """The names a query writes in parts, as (first, last) word: letters on both sides of a hyphen ("PD-L1",
    "CAR-T", "SARS-CoV-2", "non-small"), a single letter after a word and a space ("CAR T", "PD L1", "Hb A1c",
    "hepatitis B") or before one ("T cell"; not a or i, the article and the pronoun), and a Greek letter's name
    after a word ("TNF alpha"). A single letter is a part of one name only: "CAR T cell" is CAR T, then cell."""
    bound = [False] * len(words)
    names: list[tuple[int, int]] = []
    for at in range(len(words) - 1):
        if _joins(words, runs, between, stop, at, bound[at]):
            if bound[at]:
                names[-1] = (names[-1][0], at + 1)
            else:
                names.append((at, at + 1))
            bound[at] = bound[at + 1] = True
    return names


def _joins(words: list[str], runs: list[int], between: list[str], stop: set[str], at: int, bound: bool) -> bool:
    """Whether the word at `at` and the next are parts of one name (_names), written in neighbouring runs."""
    first, second = words[at], words[at + 1]
    if runs[at + 1] != runs[at] + 1 or not (first.isalpha() and second.isalpha()):
        return False
    gap = between[runs[at]]
    if len(gap) == 1 and gap in HYPHENS:
        return True
    if gap.strip() or first in stop or second in stop:
        return False
    if len(first) > 1 and (len(second) == 1 or second in GREEK_NAMES):
        return True
    return len(first) == 1 and not bound and first not in ("a", "i") and len(second) > 1 and second not in GREEK_NAMES


def acronyms(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The words a query writes in capitals as an acronym (_acronyms), as written."""
    reading = read(con, text)
    return [reading.words[at].upper() for at in reading.acronyms]
