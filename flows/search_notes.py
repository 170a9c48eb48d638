"""What the search says of a query it cannot use whole: words that can find nothing (unsearchable), what it
leaves out (left_out), operators it does not read (operator_note), acronyms it finds only in capitals
(acronym_note), and an index an earlier trialqc built (index_outdated)."""
from __future__ import annotations

import re

import duckdb

from flows.search_quoted import QUOTED, unpaired_quote
from flows.search_words import NCT_ID, acronyms, nct_ids_in, query_words
from warehouse.search_index import INDEX_SCHEMA, index_exists
from warehouse.search_terms import APART_ONLY, index_current, last_build_words

# An operator other search engines read, written as one: AND, OR or NOT in capitals standing alone, or a - or + put
# before a word (lung OR pleural, cancer NOT metastatic, -placebo, +adults). Here every word must match.
_OPERATOR = re.compile(r"(?<!\S)(?:AND|OR|NOT)(?!\S)|(?<!\S)[-+][^\W\d_]+")


def operator_note(text: str) -> str | None:
    """What a query's operators do, said plainly (None when it writes none): nothing, as every word must match."""
    found = list(dict.fromkeys(m.group().strip() for m in _OPERATOR.finditer(QUOTED.sub(" ", text))))
    if not found:
        return None
    return (f"{', '.join(found)}: the search has no operators; every word must match, and these are read as words "
            "(or left out as stop words)")


def acronym_note(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """What a query's acronyms find, said plainly (None when it writes none): only studies that write them in
    capitals; in small letters, a word finds every use."""
    found = acronyms(con, text) if text.strip() and index_exists(con) else []
    if not found:
        return None
    words = ", ".join(found)
    return (f"{words}, written in capitals, {'is' if len(found) == 1 else 'are'} searched as an acronym: only studies "
            f"that write {'it' if len(found) == 1 else 'them'} in capitals, letters joined or with a hyphen or a space "
            f"between, or in any case with a number after a hyphen (Covid-19); write "
            f"{', '.join(w.lower() for w in found)} to find every use")


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


# A possessive "'s" after a word, with a straight or typographic apostrophe (Crohn's, Sjögren’s, Hodgkin's): the
# index leaves out its "s" as it leaves out every "s", and no one who writes it means a word to search for.
_POSSESSIVE = re.compile("(?<=[^\\W\\d_])['\u2019]s\\b", re.IGNORECASE)


def left_out(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """What of a query the search cannot use, said plainly (None when it uses every word): its stop words
    ("of the" of "cancer of the lung", unless quoted in a phrase), numbers when the index holds none (one an earlier
    trialqc built), and a quote without its pair (no phrase)."""
    if not text.strip() or not index_exists(con):
        return None
    ignored = query_words(con, _POSSESSIVE.sub("", QUOTED.sub(" ", text)))[1]  # a quoted phrase holds its stop words
    numbers = [] if _keeps_digits(con) else list(dict.fromkeys(re.findall(r"\d+", NCT_ID.sub(" ", text))))
    parts = ([f"{', '.join(ignored)} ({'a stop word' if len(ignored) == 1 else 'stop words'})"] if ignored else []) + (
        [f"{', '.join(numbers)} (numbers are not indexed)"] if numbers else []) + (
        ["a quote without its pair (the words after it are matched anywhere in a study, not as a phrase)"]
        if unpaired_quote(text) else [])
    return "left out of the search: " + "; ".join(parts) if parts else None


def index_outdated(con: duckdb.DuckDBPyConnection) -> str | None:
    """Why the warehouse's index finds less than the words of a query say (None when it is current): an earlier
    trialqc built it, without digits and with a long English stop list, with a name's letters and digits together
    (HER2 and HER-2 apart), or without the joined spelling of a name written in parts (PD-L1 and PDL1 apart); the
    next run builds it again."""
    if not index_exists(con) or index_current(con):
        return None
    if _keeps_digits(con):
        names = "PDL1, PD-L1" if last_build_words(con) == APART_ONLY else "HER2, HER-2"
        return ("this warehouse's search index was built by an earlier trialqc, which told a name written joined from "
                f"the same name hyphenated ({names}): the next `trialqc run` builds it again")
    return ("this warehouse's search index was built by an earlier trialqc, which left out numbers and words such "
            "as her, non, first and no: the next `trialqc run` builds it again")
