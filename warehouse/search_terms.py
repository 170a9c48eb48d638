"""Keeping the BM25 index current study by study, instead of rebuilding it after every run.

DuckDB's fts extension builds its index as plain tables in its own schema (docs, terms, dict,
stats, fields, stopwords) and `match_bm25` reads them at query time. A rebuild reads every
document again (tens of seconds at 20,000 studies, far more for the registry), so a run that
changed a few studies updates those tables for just them: their old documents go, their new ones
are tokenized, stemmed and stopped exactly as the extension does, each term's document frequency
moves by what left and what came, and the collection statistics are recomputed from `docs`.
Scores are then those of a full rebuild (tests/test_search.py compares them). A first build is
the same update from an empty index. Each step reads the changed studies' documents (the temp
table _doc_new) and stems each distinct word once, not every occurrence.

The terms of a document that left stay in `terms`: `match_bm25` joins terms to `docs`, so they
count for nothing, and new documents take docids above any in `terms`. Deleted, they would be
scattered all through the table (167 million rows at 600,000 studies), and DuckDB keeps a record
of every 2,048 rows holding a deleted one in memory (warehouse/deleted_rows.py): after 10% of the
studies changed there, about 800 MiB, and the refresh ran out of memory. Once they are a quarter
of the table, it is written again without them (`drop_stale_terms`).
"""
from __future__ import annotations

import re
from typing import Sequence

import duckdb

from warehouse.literals import literal

INDEX_SCHEMA = "fts_meta_study_documents"
DOCUMENTS = "meta.study_documents"
STEMMER = "porter"
# What separates the index's words once a text is lower-cased and its accents stripped (the extension's `ignore`):
# anything but a letter a-z or a digit. A hyphen, dot or space splits ("COVID-19" and "COVID 19" are covid 19,
# "IL-6" il 6, "2.5" 2 5), and a query is split the same way.
SEPARATORS = "[^a-z0-9]+"
# The extension splits at characters, never inside a run of letters and digits, so a name written joined and
# hyphenated ("HER2", "HER-2") would be two spellings that never find each other. Documents and queries are
# therefore written with letters and digits apart before the extension reads them: "HER2" is her 2 as "HER-2"
# and "HER 2" are, "COVID19" covid 19, "1b" 1 b, "10mg" 10 mg. The number's neighbouring word still tells HER2
# from HER3 (flows/search_phrases.number_phrases). A name whose parts are letters on both sides of a hyphen ("PD-L1",
# "CAR-T", "SARS-CoV-2", "non-small") is split into those parts, which no spelling written joined ("PDL1", "CART")
# holds: each such name's joined spelling is written after its text too (`joined_sql`), and Greek letters as their
# names ("TNF-α" is TNF-alpha, as "TNFα" is TNFalpha). Each whole build records the form it wrote
# (meta.search_index_builds.words): an index of another form is built again whole.
WORDS = "letters and digits apart, names in parts also joined"
# The form before names in parts were also written joined: its documents have letters and digits apart too, so a
# query of an index that form built is written apart (and no more) until the next run builds it again.
APART_ONLY = "letters and digits apart"
# A letter the index keeps once its accents are stripped: a Latin one (Greek ones are written as their names first).
# A letter of another script beside a digit is no word of the index either way. A class of the Latin letters
# compiles forty times faster than all of Unicode's (\pL): each statement writing documents compiles its patterns
# for each of the texts a document is read from, which took a third of a small refresh's time.
_LATIN = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_LETTER_DIGIT = f"([{_LATIN}])([0-9])"
_DIGIT_LETTER = f"([0-9])([{_LATIN}])"

# Greek letters as registry texts write them in names (TNF-α, IFN-γ, IL-1β, NF-κB, β-thalassemia, ω-3), written
# as their names in documents and queries: the index keeps only the letters a-z. Not μ (µg, μL: units) nor a
# capital (ΔFEV1 is a change in FEV1).
GREEK_LETTERS = (("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"), ("κ", "kappa"),
                 ("ω", "omega"))
# A hyphen as texts write one between a name's parts: hyphen-minus, hyphen, non-breaking hyphen.
HYPHENS = "-\u2010\u2011"
# A letter of a name's part: the Latin letters, accented or not ("Guillain-Barré"), and the Greek ones of
# GREEK_LETTERS; a part ends at any other character.
_LETTER = f"[{_LATIN}" + "".join(letter for letter, _ in GREEK_LETTERS) + "]"
# A name written in parts: letter runs joined by hyphens, with no space about them ("PD-L1", "CAR-T", "SARS-CoV-2",
# "non-small", "T-cell", "TNF-α"; not "treat-" at the end of a line, nor "A - B"), or a word written with two
# capitals or more before a space and a single capital letter, alone or before digits ("CAR T", "PD L1", "HLA
# B27"; not A or I, the article and the pronoun of a text in capitals: "AS A" is no ASA), or a Greek letter or
# its name ("TNF alpha", "IFN γ").
_GREEK_NAMES = "|".join(name for _, name in GREEK_LETTERS)
NAME_IN_PARTS = (rf"{_LETTER}+(?:[{HYPHENS}]{_LETTER}+)+|[A-Z][A-Za-z]*[A-Z][A-Za-z]* "
                 rf"(?:[B-HJ-Z](?:\b|[0-9])|(?i:{_GREEK_NAMES})\b|[{''.join(letter for letter, _ in GREEK_LETTERS)}])")

# Function words that tell no trial from another, left out of documents and queries. Not stop words, as
# they mean something in a trial's text: her (HER2), non (non-small cell), no, not, without, first and second
# (first-line), one, two, new, before and after, a (hepatitis A), single letters (T cell, B cell), and the
# abbreviations as (ankylosing spondylitis), it (intrathecal), us (ultrasound), may (the month).
STOP_WORDS = ("an", "and", "are", "at", "be", "been", "but", "by", "for", "from", "in", "into", "is", "its", "of",
              "on", "or", "s", "that", "the", "their", "these", "this", "those", "to", "was", "were", "with")
# The warehouse table create_fts_index reads them from (its `stopwords`), written from STOP_WORDS.
STOP_WORDS_TABLE = "meta.search_stop_words"


# Text whose words tell one way of splitting from another: digits, a hyphen, a dot, an accent, capitals.
PROBE = "HER2-Positive 1b, 2.5 mg; Sjögren's"


def apart_sql(expression: str) -> str:
    """SQL of a text as the index's documents write it: Greek letters as their names, a space between each letter
    and digit that touch ('HER2' -> 'HER 2', '1b' -> '1 b'), and after the text the joined spelling of each name
    it writes in parts ('PD-L1' -> 'PD-L 1;PDL'). A match ends at the second character, so two passes find every
    letter and digit that touch ('H1N1' -> 'H 1 N 1')."""
    spaced = (f"regexp_replace(regexp_replace({_greek_sql(expression)}, '{_LETTER_DIGIT}', '\\1 \\2', 'g'), "
              f"'{_DIGIT_LETTER}', '\\1 \\2', 'g')")
    # The names are read from the text as written, their Greek letters named after: the text with its Greek letters
    # named is SQL with a CASE in it, which DuckDB would work out once for each use of it.
    return f"concat_ws(';', {spaced}, nullif({joined_sql(expression)}, ''))"


def _greek_sql(expression: str) -> str:
    """SQL of a text with its Greek letters (GREEK_LETTERS) as their names; a text without any (most) is not
    written again. One pattern, not a test for each letter: each is SQL to plan for each text of a document."""
    named = expression
    for letter, name in GREEK_LETTERS:
        named = f"replace({named}, '{letter}', '{name}')"
    letters = "".join(letter for letter, _ in GREEK_LETTERS)
    return f"CASE WHEN regexp_matches({expression}, '[{letters}]') THEN {named} ELSE {expression} END"


def joined_sql(expression: str) -> str:
    """SQL of the joined spellings of the names a text writes in parts (NAME_IN_PARTS), in the case written, Greek
    letters as their names, ';' between them: each two neighbouring parts, and a name of three parts or more whole
    ('anti-PD-L1' -> antiPD;PDL;antiPDL, 'CAR T cells' -> CART, 'TNF-α' -> TNFalpha). The ';' they are written
    after stops a phrase (flows/search_patterns.phrase_pattern) running from the text into them."""
    names = f"regexp_extract_all({expression}, '{NAME_IN_PARTS}')"
    # A name's parts: its hyphens and space are where it parts, the digits after a single letter ("L1") no part.
    parts = f"list_transform({names}, n -> string_split(translate(n, '{HYPHENS[1:]} 0123456789', '---'), '-'))"
    # [whole][1:len(p) - 2] is [whole] for three parts or more, and no spelling for two (their one pair).
    spellings = ("flatten(list_transform(" + parts + ", p -> list_concat(list_transform(range(1, len(p)), "
                 "i -> p[i] || p[i + 1]), [array_to_string(p, '')][1:len(p) - 2])))")
    named = f"array_to_string({spellings}, ';')"
    for letter, name in GREEK_LETTERS:  # a short text: written again whether or not it holds any
        named = f"replace({named}, '{letter}', '{name}')"
    return named


_APART = re.compile(r"(?<=[^\W\d_])(?=[0-9])|(?<=[0-9])(?=[^\W\d_])")


def apart(text: str) -> str:
    """A query's text as apart_sql writes documents: a space between each letter and digit that touch."""
    return _APART.sub(" ", text)


def greek_named(text: str) -> str:
    """A query's text as apart_sql writes documents: Greek letters (GREEK_LETTERS) as their names."""
    for letter, name in GREEK_LETTERS:
        text = text.replace(letter, name)
    return text


def tokens_sql(expression: str) -> str:
    """SQL of a text's words as the index's `tokenize` splits them, empty words aside (no index keeps them): lower
    case, accents stripped, split at each run of what SEPARATORS matches. The extension writes a space for each run
    and splits again at white space, at a tenth more cost."""
    return f"string_split_regex(lower(strip_accents({expression})), '{SEPARATORS}')"


def index_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the index splits and stops words as SEPARATORS and STOP_WORDS say, over documents written in the
    form WORDS says (an index an earlier trialqc built dropped digits and used the extension's English stop list
    of about 570 words, or kept letters and digits that touch together)."""
    return _split_as_now(con) and last_build_words(con) == WORDS


def last_build_words(con: duckdb.DuckDBPyConnection) -> str | None:
    """The form of documents the last whole build of the index wrote (None before builds recorded it, and in a
    warehouse opened read-only that no run has opened since, which has no column for it yet)."""
    try:
        row = con.execute("SELECT words FROM meta.search_index_builds ORDER BY started_at DESC LIMIT 1").fetchone()
    except (duckdb.BinderException, duckdb.CatalogException):  # no such column, or no such table
        return None
    return row[0] if row else None


def _split_as_now(con: duckdb.DuckDBPyConnection) -> bool:
    ix, probe = INDEX_SCHEMA, literal(PROBE)
    # Its own tokenize macro, given PROBE, against the split SEPARATORS makes (not duckdb_functions(): 0.1 s).
    split, stopped = con.execute(
        f"SELECT {ix}.tokenize({probe}) = string_split_regex(regexp_replace(lower(strip_accents({probe})), "
        f"'{SEPARATORS}', ' ', 'g'), '\\s+'), (SELECT list(sw ORDER BY sw) FROM {ix}.stopwords)").fetchone()
    return bool(split) and stopped == sorted(STOP_WORDS)


def update_terms(con: duckdb.DuckDBPyConnection, nct_ids: Sequence[str]) -> None:
    """Replace the index entries of these studies' documents, inside the caller's transaction.

    Their current documents are in the temp table _doc_new (refresh_documents writes it); a study
    without one there leaves the index.
    """
    import pyarrow as pa  # here: `import flows.cli` (the search command) need not load it

    ix = INDEX_SCHEMA
    con.register("_changed_in", pa.table({"nct_id": pa.array(sorted(set(nct_ids)), pa.string())}))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _changed AS SELECT nct_id FROM _changed_in")
    finally:
        con.unregister("_changed_in")
    _remove_old(con, ix)
    _add_new(con, ix)
    con.execute(f"UPDATE {ix}.dict SET df = dict.df + c.change FROM "
                "(SELECT termid, sum(change) AS change FROM _df_change GROUP BY termid) c "
                "WHERE dict.termid = c.termid")
    con.execute(f"DELETE FROM {ix}.stats")
    con.execute(f"INSERT INTO {ix}.stats SELECT count(docid), sum(len) / count(len) FROM {ix}.docs")
    # Temp tables made in a transaction that rolls back vanish with it; these go once all went well.
    for table in ("_changed", "_old_docs", "_df_change", "_new_docs", "_new_words", "_new_stems", "_new_word_terms",
                  "_new_terms"):
        con.execute(f"DROP TABLE {table}")


def _remove_old(con: duckdb.DuckDBPyConnection, ix: str) -> None:
    """The studies' documents leave the index (their terms stay, stale); each term's document count drops by them."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _old_docs AS SELECT docid FROM {ix}.docs "
                "WHERE name IN (SELECT nct_id FROM _changed)")
    con.execute(f"CREATE OR REPLACE TEMP TABLE _df_change AS SELECT termid, -count(DISTINCT docid) AS change "
                f"FROM {ix}.terms WHERE docid IN (SELECT docid FROM _old_docs) GROUP BY termid")
    con.execute(f"DELETE FROM {ix}.docs WHERE docid IN (SELECT docid FROM _old_docs)")


def _add_new(con: duckdb.DuckDBPyConnection, ix: str) -> None:
    """The studies' current documents enter the index under new docids, tokenized as the extension does."""
    # The texts come from _doc_new (the documents just written), not from all documents.
    # Above every docid of `terms` too: a stale term of a reused docid would count for its new document.
    con.execute(f"CREATE OR REPLACE TEMP TABLE _new_docs AS SELECT *, greatest("
                f"(SELECT coalesce(max(docid), -1) FROM {ix}.docs), (SELECT coalesce(max(docid), -1) FROM {ix}.terms)"
                f") + row_number() OVER (ORDER BY nct_id) AS docid "
                f"FROM _doc_new WHERE nct_id IN (SELECT nct_id FROM _changed)")
    fields = con.execute(f"SELECT fieldid, field FROM {ix}.fields ORDER BY fieldid").fetchall()
    # Split as the index's own `tokenize` splits (the update and a rebuild are compared in tests/test_search.py).
    columns = [(fieldid, f'"{field}"') for fieldid, field in fields]
    tokenized = " UNION ALL ".join(f"SELECT docid, {fieldid} AS fieldid, unnest({tokens_sql(column)}) AS w "
                                   "FROM _new_docs" for fieldid, column in columns)
    # Stopwords are dropped before stemming, and empty tokens never count: as in create_fts_index.
    con.execute(f"CREATE OR REPLACE TEMP TABLE _new_words AS SELECT docid, fieldid, w "
                f"FROM ({tokenized}) WHERE w NOT IN (SELECT sw FROM {ix}.stopwords) AND w <> ''")
    # A word stems the same wherever it occurs: each distinct word is stemmed once, not each occurrence.
    con.execute(f"CREATE OR REPLACE TEMP TABLE _new_stems AS SELECT w, stem(w, '{STEMMER}') AS term "
                "FROM (SELECT DISTINCT w FROM _new_words)")
    con.execute(f"INSERT INTO {ix}.dict (termid, term, df) SELECT "
                f"(SELECT coalesce(max(termid), -1) FROM {ix}.dict) + row_number() OVER (ORDER BY term), term, 0 "
                f"FROM (SELECT DISTINCT term FROM _new_stems WHERE term NOT IN (SELECT term FROM {ix}.dict))")
    # Each distinct word's term id, then one join of every occurrence with that small map.
    con.execute(f"CREATE OR REPLACE TEMP TABLE _new_word_terms AS SELECT s.w, d.termid "
                f"FROM _new_stems s JOIN {ix}.dict d USING (term)")
    con.execute("CREATE OR REPLACE TEMP TABLE _new_terms AS SELECT t.docid, t.fieldid, m.termid "
                "FROM _new_words t JOIN _new_word_terms m USING (w)")
    con.execute(f"INSERT INTO {ix}.terms (docid, fieldid, termid) SELECT docid, fieldid, termid FROM _new_terms")
    # Each term's count of documents: distinct pairs counted, cheaper than a DISTINCT aggregate per term.
    con.execute("INSERT INTO _df_change SELECT termid, count(*) FROM "
                "(SELECT DISTINCT termid, docid FROM _new_terms) GROUP BY termid")
    # A document's length is its count of terms, counted before the join (0 for a document without any).
    con.execute(f"INSERT INTO {ix}.docs (docid, name, len) SELECT n.docid, n.nct_id, coalesce(t.len, 0) "
                "FROM _new_docs n LEFT JOIN (SELECT docid, count(*) AS len FROM _new_terms GROUP BY docid) t "
                "USING (docid)")


# Stale terms may take this share of the terms table before it is written again without them.
STALE_SHARE = 0.25


def stale_terms(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(stale, all) rows of `terms`: a document's length is its count of terms, so the live ones are their sum."""
    ix = INDEX_SCHEMA
    rows = con.execute(f"SELECT count(*) FROM {ix}.terms").fetchone()[0]
    live = con.execute(f"SELECT coalesce(sum(len), 0) FROM {ix}.docs").fetchone()[0]
    return int(rows - live), int(rows)


def drop_stale_terms(con: duckdb.DuckDBPyConnection, share: float | None = None) -> int:
    """Write `terms` again without the stale terms once they are more than `share` (STALE_SHARE) of it, in one
    transaction (compact.rewrite); the rows dropped (0 when it was not written)."""
    from warehouse.compact import rewrite  # here: the search command need not load it

    stale, rows = stale_terms(con)
    if not stale or stale <= (STALE_SHARE if share is None else share) * rows:
        return 0
    rewrite(con, INDEX_SCHEMA, "terms", keep=f"docid IN (SELECT docid FROM {INDEX_SCHEMA}.docs)")
    return stale
