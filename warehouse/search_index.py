"""The full-text index over each study's text: one document per study in meta.study_documents.

Fields: `title` (titles, acronym), `names` (conditions, keywords, interventions, their other
names, MeSH terms) and `body` (summaries, description, arms, primary and secondary outcome
measures). Tables that a warehouse does not have yet (other names, MeSH) are left out.
"""
from __future__ import annotations

from typing import Sequence

import duckdb
import pyarrow as pa

from warehouse.fts import load_fts

DOCUMENTS = "meta.study_documents"
INDEX_SCHEMA = "fts_meta_study_documents"

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
    """SELECT nct_id, title, names, body for the studies in the temp table _doc_scope."""
    present = _existing(con)
    # The index reads text up to a NUL byte: a NUL in a record would hide every word after it.
    parts = [f"SELECT nct_id, '{field}' AS field, replace({column}::VARCHAR, chr(0), ' ') AS text FROM {table}"
             f" WHERE nct_id IN (SELECT nct_id FROM _doc_scope) AND {column} IS NOT NULL"
             for table, column, field in SOURCES if (table, column) in present]
    pieces = " UNION ALL ".join(parts)
    aggregates = ", ".join(f"string_agg(DISTINCT text, ' ; ' ORDER BY text) FILTER (WHERE field = '{f}') AS {f}"
                           for f in FIELDS)
    return f"SELECT nct_id, {aggregates} FROM ({pieces}) GROUP BY nct_id"


def refresh_documents(con: duckdb.DuckDBPyConnection, run_id: str, nct_ids: Sequence[str] | None) -> int:
    """Rewrite the documents of the given studies (None = all) in one transaction; the count written."""
    if nct_ids is None:
        con.execute("CREATE OR REPLACE TEMP TABLE _doc_scope AS SELECT nct_id FROM studies")
    else:
        con.register("_doc_ids", pa.table({"nct_id": pa.array(list(nct_ids), pa.string())}))
        con.execute("CREATE OR REPLACE TEMP TABLE _doc_scope AS SELECT DISTINCT nct_id FROM _doc_ids")
        con.unregister("_doc_ids")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {DOCUMENTS} WHERE nct_id IN (SELECT nct_id FROM _doc_scope)"
                    + (f" OR nct_id NOT IN (SELECT nct_id FROM studies)" if nct_ids is None else ""))
        con.execute(f"INSERT INTO {DOCUMENTS} SELECT *, ? FROM ({documents_sql(con)})", [run_id])
        written = con.execute(f"SELECT count(*) FROM {DOCUMENTS} WHERE built_run = ?", [run_id]).fetchone()[0]
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    con.execute("DROP TABLE IF EXISTS _doc_scope")
    return written


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
    """Refresh the documents of the studies a run changed and rebuild the index; documents written."""
    if nct_ids is not None and not nct_ids and index_exists(con):
        return 0
    written = refresh_documents(con, run_id, None if not index_exists(con) else nct_ids)
    rebuild_index(con)
    return written
