"""The full-text index over each study's text: one document per study in meta.study_documents.

Fields: `title` (titles, acronym), `names` (conditions, keywords, interventions, their other
names, MeSH terms) and `body` (summaries, description, arms, primary and secondary outcome
measures). Tables that a warehouse does not have yet (other names, MeSH) are left out.
"""
from __future__ import annotations

from typing import Callable, Sequence

import duckdb

from warehouse.connect import one_thread, transaction
from warehouse.fts import load_fts
from warehouse.literals import literal
from warehouse.search_terms import DOCUMENTS, INDEX_SCHEMA, SEPARATORS, STEMMER, STOP_WORDS, STOP_WORDS_TABLE, WORDS, \
    apart_sql, drop_stale_terms, index_current, update_terms


# (table, text column, document field); a missing table is skipped.
SOURCES = (
    ("studies", "brief_title", "title"), ("studies", "official_title", "title"), ("studies", "acronym", "title"),
    ("conditions", "name", "names"), ("keywords", "name", "names"), ("interventions", "name", "names"),
    ("intervention_other_names", "name", "names"),
    ("browse_conditions", "mesh_term", "names"), ("browse_interventions", "mesh_term", "names"),
    ("brief_summaries", "description", "body"), ("detailed_descriptions", "description", "body"),
    ("design_groups", "title", "body"), ("design_outcomes", "measure", "body"),
)
FIELDS = ("title", "names", "body")
# Characters of one text that are indexed: twice the registry's longest text (a detailed description, at most
# 32,000 characters). A longer one is a malformed record; indexed whole, its words took DuckDB past its memory
# limit (a 50 MB description at 244 MiB), and every later run's refresh with them.
INDEXED_CHARS = 65_536


def _existing(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return set(con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'").fetchall())


def _indexed_text(column: str) -> str:
    return apart_sql(f"replace(left({column}::VARCHAR, {INDEXED_CHARS}), chr(0), ' ')")


def documents_sql(con: duckdb.DuckDBPyConnection, spans: dict[str, tuple[int, int]] | None = None,
                  present: set[tuple[str, str]] | None = None) -> str:
    """SELECT nct_id, title, names, body for the studies in the temp table _doc_part. With `spans` (row_spans),
    each table is read between the row ids that hold those studies' rows only; `present`: _existing(con)."""
    present = _existing(con) if present is None else present
    # The index reads text up to a NUL byte: a NUL in a record would hide every word after it. Letters and digits
    # that touch are written apart (search_terms.WORDS).
    parts = [f"SELECT nct_id, '{field}' AS field, {_indexed_text(column)} AS text FROM {table}"
             f" WHERE nct_id IN (SELECT nct_id FROM _doc_part) AND {column} IS NOT NULL{_within(table, spans)}"
             for table, column, field in SOURCES if (table, column) in present]
    pieces = " UNION ALL ".join(parts)
    # Each field's distinct texts, sorted, joined by ' ; ' (NULL when it has none). A list sorted once
    # per group costs a fraction of an ordered DISTINCT aggregate, which keeps a sort state per group.
    aggregates = ", ".join(f"array_to_string(list_sort(list_distinct(list(text) FILTER (WHERE field = '{f}'))), ' ; ')"
                           f" AS {f}" for f in FIELDS)
    return f"SELECT nct_id, {aggregates} FROM ({pieces}) GROUP BY nct_id"


# Documents built per statement: an ordered aggregate holds its group's texts in memory, so a
# whole registry at once would pass the connection's memory limit.
DOCUMENT_CHUNK = 5_000


def _within(table: str, spans: dict[str, tuple[int, int]] | None) -> str:
    """The filter on `table`'s row ids to its span in `spans` (none without spans)."""
    if spans is None:
        return ""
    low, high = spans.get(table, (-1, -1))
    return f" AND rowid BETWEEN {int(low)} AND {int(high)}"


def row_spans(con: duckdb.DuckDBPyConnection, present: set[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Each source table's span of row ids holding the rows of the studies in _doc_part ((-1, -1) when it holds
    none), found from the nct_id columns alone, every table's in one statement.

    A run appends the rows of the studies it loaded together, at each table's end: the documents of those studies
    then read the texts of that span only, where a filter on nct_id alone read every text of the warehouse (after
    1,000 of 100,000 studies changed, on a connection that had not read them yet, as after the run's checkpoint:
    0.44 s of CPU for the documents against 0.60 s; alike once every page is cached). The span is exact wherever
    the rows lie: the nct_id filter keeps only the studies' rows."""
    tables = sorted({table for table, column, _ in SOURCES if (table, column) in present})
    rows = con.execute(" UNION ALL ".join(
        f"SELECT {number} AS k, min(rowid), max(rowid) FROM main.{table} WHERE nct_id IN (SELECT nct_id FROM _doc_part)"
        for number, table in enumerate(tables))).fetchall()
    return {tables[number]: (-1, -1) if low is None else (low, high) for number, low, high in rows}


def refresh_documents(con: duckdb.DuckDBPyConnection, run_id: str, nct_ids: Sequence[str] | None,
                      then: Callable[[duckdb.DuckDBPyConnection, list[str]], None] | None = None,
                      start: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
                      chunked: bool = False) -> int:
    """Rewrite the documents of the given studies (None = all); the count written.

    Documents are written a chunk of studies at a time; after each, `then(con, chunk)` runs with the chunk's
    new documents also in the temp table _doc_new, so that it need not look for them among all, in the same
    transaction. Given studies are rewritten in one transaction; with `chunked`, a transaction per chunk.

    All of them (None) are written a transaction per chunk: what DuckDB holds of a transaction's new rows, and
    spills to disk past its memory limit, is then a chunk's, not the registry's (a build of 100,000 studies in one
    transaction spilled 1.3 GB, and took a fifth more CPU). A first transaction deletes the old documents, runs
    `start(con)` and records the build begun (meta.search_index_builds); it is recorded finished once every
    chunk is written. A build stopped between them leaves whole chunks, each with its index entries: the next
    update_search_index writes the others (`unfinished_build`).
    """
    if nct_ids is None:
        scope = [r[0] for r in con.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()]
    else:
        scope = sorted(set(nct_ids))
    chunks = [scope[first:first + DOCUMENT_CHUNK] for first in range(0, len(scope), DOCUMENT_CHUNK)]
    present = _existing(con)
    try:
        if nct_ids is None:
            with transaction(con):
                con.execute(f"DELETE FROM {DOCUMENTS}")
                if start is not None:
                    start(con)
                con.execute("INSERT INTO meta.search_index_builds (run_id, started_at, finished_at, words) "
                            "VALUES (?, now(), NULL, ?)", [run_id, WORDS])
        if nct_ids is None or chunked:
            for chunk in chunks:
                with transaction(con):
                    _write_documents(con, run_id, chunk, present, nct_ids is None, then)
            if nct_ids is None:
                finish_builds(con)
        else:
            with transaction(con):
                for chunk in chunks:
                    _write_documents(con, run_id, chunk, present, False, then)
        written = con.execute(f"SELECT count(*) FROM {DOCUMENTS} WHERE built_run = ?", [run_id]).fetchone()[0]
    finally:
        con.execute("DROP TABLE IF EXISTS _doc_part")
        con.execute("DROP TABLE IF EXISTS _doc_new")
    return written


def _write_documents(con: duckdb.DuckDBPyConnection, run_id: str, chunk: list[str], present: set[tuple[str, str]],
                     new: bool, then: Callable[[duckdb.DuckDBPyConnection, list[str]], None] | None) -> None:
    """Build the chunk's documents and write them in place of their old ones (none when `new`); then `then`.
    The documents of changed studies read their rows' spans (row_spans); a whole build reads the tables."""
    import pyarrow as pa  # here: `import flows.cli` (the search command) need not load it

    con.register("_doc_ids", pa.table({"nct_id": pa.array(chunk, pa.string())}))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _doc_part AS SELECT nct_id FROM _doc_ids")
    finally:
        con.unregister("_doc_ids")
    sql = documents_sql(con, None if new else row_spans(con, present), present)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _doc_new AS SELECT *, ?::VARCHAR AS built_run FROM ({sql})",
                [run_id])
    if not new:
        con.execute(f"DELETE FROM {DOCUMENTS} WHERE nct_id IN (SELECT nct_id FROM _doc_part)")
    con.execute(f"INSERT INTO {DOCUMENTS} SELECT * FROM _doc_new")
    if then is not None:
        then(con, chunk)


def unfinished_build(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a whole build of the index was begun and not finished (a run stopped while it wrote)."""
    return bool(con.execute("SELECT count(*) FROM meta.search_index_builds WHERE finished_at IS NULL").fetchone()[0])


def built_whole(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    """Whether run `run_id` began a whole build of the index (its documents and index entries all new rows)."""
    return bool(con.execute(f"SELECT count(*) FROM meta.search_index_builds WHERE run_id = {literal(run_id)}")
                .fetchone()[0])


def finish_builds(con: duckdb.DuckDBPyConnection) -> None:
    """Record every whole build begun as finished."""
    con.execute("UPDATE meta.search_index_builds SET finished_at = now() WHERE finished_at IS NULL")


def rebuild_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the BM25 index over the documents: words of letters and digits (SEPARATORS), Porter stemming,
    STOP_WORDS left out (written to their table first, which the extension reads)."""
    load_fts(con)
    con.execute(f"DELETE FROM {STOP_WORDS_TABLE}")
    con.execute(f"INSERT INTO {STOP_WORDS_TABLE} VALUES " + ", ".join(f"({literal(w)})" for w in STOP_WORDS))
    con.execute(f"PRAGMA create_fts_index('{DOCUMENTS}', 'nct_id', {', '.join(repr(f) for f in FIELDS)}, "
                f"stemmer = '{STEMMER}', stopwords = '{STOP_WORDS_TABLE}', ignore = '{SEPARATORS}', "
                "strip_accents = 1, lower = 1, overwrite = 1)")


def index_exists(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the BM25 index has been built in this warehouse."""
    return bool(con.execute(  # a literal: a bound value makes DuckDB import pandas
        f"SELECT count(*) FROM duckdb_schemas() WHERE schema_name = '{INDEX_SCHEMA}'").fetchone()[0])


def update_search_index(con: duckdb.DuckDBPyConnection, run_id: str, nct_ids: Sequence[str] | None) -> int:
    """Refresh the documents of the studies a run changed, and the index with them; documents written.

    The first time (or with None) every document is written and the index built whole, a transaction per chunk of
    studies (refresh_documents); after that only the changed studies' documents and index entries are replaced,
    in one transaction, with those of a whole build that was stopped part way (a transaction per chunk again).
    An index that splits or stops words otherwise (an earlier trialqc's: digits dropped, English stop words, letters
    and digits that touch kept together) is built whole again, by the first run whatever it loaded: words split one
    way never join an index of another.
    """
    resume = unfinished_build(con)  # a whole build stopped part way: the documents it did not write, written now
    current = index_exists(con) and index_current(con)
    if nct_ids is not None and not nct_ids and not resume and current:
        return 0
    load_fts(con)  # stem() and the index's tokenize macro
    # One DuckDB thread: a chunk of documents is one row group, so its tokenizing and joins run on one
    # thread anyway, and a second only contends with it (a first build over 20,000 studies took about
    # 1.6 times the CPU and more wall time on two threads than on one).
    with one_thread(con):
        if nct_ids is None or not current:
            # The extension's own build makes the index's tables and macros over no documents; every
            # document then enters as in an update, a chunk at a time. Its build over all of them
            # rewrites the terms table several times (ALTER, UPDATE by correlated subquery) and grows
            # faster than the registry: about 1.7 times the CPU at 100,000 studies.
            return refresh_documents(con, run_id, None, then=update_terms, start=rebuild_index)
        if resume:
            missing = con.execute(f"SELECT nct_id FROM studies ANTI JOIN {DOCUMENTS} USING (nct_id)").fetchall()
            nct_ids = sorted(set(nct_ids) | {nct_id for (nct_id,) in missing})
        written = refresh_documents(con, run_id, nct_ids, then=update_terms, chunked=resume)
        drop_stale_terms(con)
        if resume:
            finish_builds(con)
        return written
