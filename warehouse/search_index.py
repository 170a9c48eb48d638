"""The full-text index over each study's text: one document per study in meta.study_documents.

Fields: `title` (titles, acronym), `names` (conditions, keywords, interventions, their other
names, MeSH terms) and `body` (summaries, description, arms, primary and secondary outcome
measures). Tables that a warehouse does not have yet (other names, MeSH) are left out.
"""
from __future__ import annotations

from typing import Callable, Sequence

import duckdb

from warehouse.fts import load_fts
from warehouse.search_terms import DOCUMENTS, INDEX_SCHEMA, update_terms


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


def _existing(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return set(con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'").fetchall())


def documents_sql(con: duckdb.DuckDBPyConnection) -> str:
    """SELECT nct_id, title, names, body for the studies in the temp table _doc_part."""
    present = _existing(con)
    # The index reads text up to a NUL byte: a NUL in a record would hide every word after it.
    parts = [f"SELECT nct_id, '{field}' AS field, replace({column}::VARCHAR, chr(0), ' ') AS text FROM {table}"
             f" WHERE nct_id IN (SELECT nct_id FROM _doc_part) AND {column} IS NOT NULL"
             for table, column, field in SOURCES if (table, column) in present]
    pieces = " UNION ALL ".join(parts)
    aggregates = ", ".join(f"string_agg(DISTINCT text, ' ; ' ORDER BY text) FILTER (WHERE field = '{f}') AS {f}"
                           for f in FIELDS)
    return f"SELECT nct_id, {aggregates} FROM ({pieces}) GROUP BY nct_id"


# Documents built per statement: an ordered aggregate holds its group's texts in memory, so a
# whole registry at once would pass the connection's memory limit.
DOCUMENT_CHUNK = 5_000


def refresh_documents(con: duckdb.DuckDBPyConnection, run_id: str, nct_ids: Sequence[str] | None,
                      then: Callable[[duckdb.DuckDBPyConnection, list[str]], None] | None = None) -> int:
    """Rewrite the documents of the given studies (None = all) in one transaction; the count written.

    `then(con, nct_ids)` runs in the same transaction, after the documents are written.
    """
    if nct_ids is None:
        scope = [r[0] for r in con.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()]
    else:
        scope = sorted(set(nct_ids))
    con.execute("BEGIN TRANSACTION")
    try:
        _replace_documents(con, run_id, scope, whole=nct_ids is None)
        if then is not None:
            then(con, scope)
        written = con.execute(f"SELECT count(*) FROM {DOCUMENTS} WHERE built_run = ?", [run_id]).fetchone()[0]
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("DROP TABLE IF EXISTS _doc_part")
    return written


def _replace_documents(con: duckdb.DuckDBPyConnection, run_id: str, scope: list[str], whole: bool) -> None:
    """Delete the scope's documents (all stale ones when whole) and build them again, a chunk at a time."""
    import pyarrow as pa  # here: `import flows.cli` (the search command) need not load it

    if whole:
        con.execute(f"DELETE FROM {DOCUMENTS}")
    sql = documents_sql(con)
    for start in range(0, len(scope), DOCUMENT_CHUNK):
        con.register("_doc_ids", pa.table({"nct_id": pa.array(scope[start:start + DOCUMENT_CHUNK], pa.string())}))
        try:
            con.execute("CREATE OR REPLACE TEMP TABLE _doc_part AS SELECT nct_id FROM _doc_ids")
        finally:
            con.unregister("_doc_ids")
        if not whole:
            con.execute(f"DELETE FROM {DOCUMENTS} WHERE nct_id IN (SELECT nct_id FROM _doc_part)")
        con.execute(f"INSERT INTO {DOCUMENTS} SELECT *, ? FROM ({sql})", [run_id])


def rebuild_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the BM25 index over the documents: porter stemming, English stopwords."""
    load_fts(con)
    con.execute(f"PRAGMA create_fts_index('{DOCUMENTS}', 'nct_id', {', '.join(repr(f) for f in FIELDS)}, "
                "stemmer = 'porter', stopwords = 'english', overwrite = 1)")


def index_exists(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the BM25 index has been built in this warehouse."""
    return bool(con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?",
                            [INDEX_SCHEMA]).fetchone()[0])


def update_search_index(con: duckdb.DuckDBPyConnection, run_id: str, nct_ids: Sequence[str] | None) -> int:
    """Refresh the documents of the studies a run changed, and the index with them; documents written.

    The first time (or with None) every document is written and the index built whole; after that
    only the changed studies' documents and index entries are replaced, in one transaction.
    """
    if nct_ids is not None and not nct_ids and index_exists(con):
        return 0
    if nct_ids is None or not index_exists(con):
        written = refresh_documents(con, run_id, None)
        rebuild_index(con)
        return written
    load_fts(con)  # stem() and the index's tokenize macro
    return refresh_documents(con, run_id, nct_ids, then=update_terms)
