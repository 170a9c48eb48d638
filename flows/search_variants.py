"""The words of a query a study may spell the other way, British or American ("tumour": tumor, "randomized":
randomised, "leukemia": leukaemia): the rules that respell a word, and the spelling the index holds."""
from __future__ import annotations

import re
from itertools import product

import duckdb

from warehouse.search_index import INDEX_SCHEMA
from warehouse.search_terms import STEMMER

# The fewest letters of a word searched in its other spelling too: shorter words hold too few letters to tell a
# spelling from another word ("pet" is no "poet").
VARIANT_LETTERS = 5
# A word's British spelling -> its American one, each rule once where it applies: tumour/tumor, haemophilia and
# leukaemia/hemophilia and leukemia, oesophageal/esophageal, diarrhoea/diarrhea, foetal/fetal, coeliac/celiac,
# randomised/randomized, analyse/analyze, centre/center, fibre/fiber, catalogue/catalog, programme/program. An
# ending "ae" is a Latin plural (vertebrae), and "oe" elsewhere than these is a word's own (shoes, poetry).
BRITISH_AMERICAN = (
    (r"(?<=[a-z]{2})our(?=(s|al|ed|ing|able|ite|ites)?$)", "or"),
    (r"ae(?!$)", "e"),
    (r"^oe", "e"), (r"(?<=rrh|[a-z]pn)oea(?=s?$|l$)", "ea"), (r"^foet", "fet"), (r"^coel", "cel"),
    (r"homoeo", "homeo"),
    (r"(?<=[a-z]{3})is(?=(e|ed|es|ing|ation|ations|er|ers)$)", "iz"),
    (r"ys(?=(e|ed|es|ing|er|ers)$)", "yz"),
    (r"(?<=[tb])re(?=s?$)", "er"),
    (r"ogue(?=s?$)", "og"), (r"gramme(?=s?$)", "gram"),
)
# The same rules the other way (an American spelling -> its British one); the "ae" of Greek words is put back at
# each "e" but a last one, alone or together (leukemia -> leukaemia, hemoglobinemia -> haemoglobinaemia): the
# index holds the words that are.
AMERICAN_BRITISH = (
    (r"(?<=[a-z]{2})or(?=(s|al|ed|ing|able)?$)", "our"),
    (r"^e(?=[ds])", "oe"), (r"(?<=rrh|[a-z]pn)ea(?=s?$|l$)", "oea"), (r"^fet", "foet"), (r"^cel", "coel"),
    (r"homeo", "homoeo"),
    (r"(?<=[a-z]{3})iz(?=(e|ed|es|ing|ation|ations|er|ers)$)", "is"),
    (r"yz(?=(e|ed|es|ing|er|ers)$)", "ys"),
    (r"(?<=[tb])er(?=s?$)", "re"),
    (r"(?<=[a-z]{4})og(?=s?$)", "ogue"), (r"gram(?=s?$)", "gramme"),
)
# At most this many of a word's letters "e" are each written "ae" (their combinations double with each).
AE_LETTERS = 4


def _other_spellings(word: str) -> set[str]:
    """The British and American spellings of a word (BRITISH_AMERICAN, AMERICAN_BRITISH, "ae" for "e"), the word
    aside: candidates, of which the index holds few."""
    out = {re.sub(pattern, repl, word) for pattern, repl in BRITISH_AMERICAN + AMERICAN_BRITISH}
    at = [n for n, c in enumerate(word[:-1]) if c == "e" and (n == 0 or word[n - 1] != "a")][:AE_LETTERS]
    for chosen in product((False, True), repeat=len(at)):
        if any(chosen):
            out.add("".join("ae" if n in at and chosen[at.index(n)] else c for n, c in enumerate(word)))
    return out - {word}


def variants(con: duckdb.DuckDBPyConnection, words: list[str], stems: list[str],
             stop: set[str]) -> dict[str, tuple[str, str]]:
    """The words of a query a study may spell the other way, British or American (_other_spellings): each word of
    VARIANT_LETTERS letters or more -> the spelling the most studies hold of those the index holds with another
    stem, and its stem ("tumour" -> tumor, "randomized" -> randomised, "leukemia" -> leukaemia)."""
    asked = {word: _other_spellings(word) for word in words
             if len(word) >= VARIANT_LETTERS and word.isalpha() and word not in stop}
    candidates = sorted({other for others in asked.values() for other in others})
    if not candidates:
        return {}
    rows = con.execute(
        f"SELECT q.w, q.term, d.df FROM (SELECT w, stem(w, '{STEMMER}') AS term FROM (SELECT unnest($asked) AS w)) q "
        f"JOIN {INDEX_SCHEMA}.dict d USING (term) WHERE d.df > 0", {"asked": candidates}).fetchall()
    held = {w: (term, df) for w, term, df in rows}
    own = dict(zip(words, stems))
    out = {}
    for word, others in asked.items():
        known = sorted((-held[o][1], o) for o in others if o in held and held[o][0] != own[word])
        if known:
            out[word] = (known[0][1], held[known[0][1]][0])
    return out
