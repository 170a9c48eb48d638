"""`trialqc search`: studies ranked by BM25 over their text, filtered, with their issue counts."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

from flows.search_words import (  # noqa: F401 (a query's words are read as this module's too)
    NCT_ID, index_outdated, left_out, name_phrases, nct_ids_in, number_phrases, phrase_pattern, query_spellings,
    query_words, quoted_phrases, search_terms, unsearchable)
from schemas.enums import OVERALL_STATUS, PHASE
from warehouse.fts import SearchIndexError, load_fts
from warehouse.search_index import INDEX_SCHEMA, index_exists

RESULT_COLUMNS = ("rank", "nct_id", "brief_title", "overall_status", "phase", "start_date",
                  "primary_completion_date", "completion_date", "last_update_posted_date",
                  "errors", "warnings", "infos", "score", "matched_in")

# Filter -> (table, column) pairs matched with ILIKE; tables a warehouse lacks are left out.
FILTER_COLUMNS = {
    "condition": (("conditions", "name"), ("browse_conditions", "mesh_term")),
    "intervention": (("interventions", "name"), ("intervention_other_names", "name"),
                     ("browse_interventions", "mesh_term")),
    "sponsor": (("sponsors", "name"), ("studies", "source")),
}


@dataclass(frozen=True)
class SearchQuery:
    """A search: words ranked by BM25 (every word must match), then filters that narrow it."""

    text: str = ""
    condition: str | None = None
    intervention: str | None = None
    sponsor: str | None = None
    statuses: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    limit: int | None = 20


def _enum_value(value: str) -> str:
    return value.strip().upper().replace(" ", "_").replace("-", "_").replace(",", "")


# Display labels that do not spell their API v2 value (as flows/parsers/labels.py reads them from pages and XML).
STATUS_LABELS = {"UNKNOWN_STATUS": "UNKNOWN"}


def normalize_statuses(values) -> tuple[str, ...]:
    """'Not yet recruiting' or 'not_yet_recruiting' -> NOT_YET_RECRUITING, 'Unknown status' -> UNKNOWN;
    an unknown status is an error."""
    out = tuple(STATUS_LABELS.get(_enum_value(v), _enum_value(v)) for v in values)
    unknown = [v for v, o in zip(values, out) if o not in OVERALL_STATUS]
    if unknown:
        raise ValueError(f"unknown status {unknown[0]!r}: use one of {', '.join(OVERALL_STATUS)}")
    return out


def normalize_phases(values) -> tuple[str, ...]:
    """'Phase 2', '2' or 'PHASE2' -> PHASE2; 'N/A' -> NA; an unknown phase is an error."""
    out = []
    for value in values:
        v = _enum_value(value).replace("_", "").replace("/", "")
        v = "NA" if v in ("NA", "NOTAPPLICABLE") else (f"PHASE{v}" if v.isdigit() else v)
        v = "EARLY_PHASE1" if v in ("EARLYPHASE1", "PHASE0") else v
        if v not in PHASE and "/" in value:
            raise ValueError(f"--phase takes one phase, not {value!r}: repeat it for several "
                             "(a PHASE1/PHASE2 study matches --phase 1 and --phase 2)")
        if v not in PHASE:
            raise ValueError(f"unknown phase {value!r}: use one of {', '.join(PHASE)}")
        out.append(v)
    return tuple(out)


def _like(value: str) -> str:
    """A filter value matched as text anywhere in a name: LIKE's wildcards in it stand for themselves."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filters(con: duckdb.DuckDBPyConnection, query: SearchQuery) -> tuple[list[str], dict]:
    present = set(con.execute("SELECT table_name, column_name FROM information_schema.columns "
                              "WHERE table_schema = 'main'").fetchall())
    clauses, params = [], {}
    for name, pairs in FILTER_COLUMNS.items():
        value = getattr(query, name)
        if value:
            params[name] = _like(value)
            exists = [f"s.nct_id IN (SELECT nct_id FROM {t} WHERE {c} ILIKE ${name} ESCAPE '\\')"
                      for t, c in pairs if (t, c) in present]
            clauses.append("(" + " OR ".join(exists) + ")")
    if query.statuses:
        clauses.append("s.overall_status IN (SELECT unnest($statuses))")
        params["statuses"] = list(normalize_statuses(query.statuses))
    if query.phases:
        clauses.append("list_has_any(string_split(s.phase, '/'), $phases)")
        params["phases"] = list(normalize_phases(query.phases))
    if nct_ids_in(query.text):
        clauses.append("s.nct_id IN (SELECT unnest($nct_ids))")
        params["nct_ids"] = list(nct_ids_in(query.text))
    return clauses, params


def _ranked(spellings: list[list[str]]) -> str:
    """Documents matching every word of one of the query's spellings ($text, and $text1 with its names in parts
    joined: query_spellings): score over all fields, and per field to rank title hits first; of two spellings,
    the higher score."""
    if not spellings:
        return "SELECT nct_id, NULL::DOUBLE AS score, NULL AS title, NULL AS names, NULL AS body FROM studies"
    bm25 = f"{INDEX_SCHEMA}.match_bm25"
    texts = ["$text"] + [f"$text{n}" for n in range(1, len(spellings))]
    scores = ", ".join(f"{bm25}(nct_id, {text}, conjunctive := 1) AS score{n}, " + ", ".join(
        f"{bm25}(nct_id, {text}, fields := '{f}', conjunctive := 1) AS {f}{n}" for f in ("title", "names", "body"))
        for n, text in enumerate(texts))
    best = ", ".join(f"greatest({', '.join(f'{column}{n}' for n in range(len(texts)))}) AS {column}"
                     for column in ("score", "title", "names", "body"))
    return f"""SELECT * FROM (SELECT nct_id, {best} FROM (SELECT nct_id, {scores} FROM meta.study_documents))
               WHERE score IS NOT NULL"""


def _next_to(phrases: int) -> str:
    """Of the ranked documents (`ranked`, materialized), those whose text holds a phrase of each number, each name
    written in parts and each quoted phrase ($near0, $near1...: number_phrases, name_phrases, quoted_phrases), the
    text split as the index splits it, in the case written (phrase_pattern). Only the ranked documents' texts are
    read: joined to all documents, the phrases were looked for in every text (twice the time of a search)."""
    if not phrases:
        return "SELECT * FROM ranked"
    near = " AND ".join(f"regexp_matches(d.text, $near{n})" for n in range(phrases))
    return ("SELECT r.* FROM ranked r JOIN (SELECT nct_id, strip_accents(concat_ws(' ; ', title, names, body)) AS text "
            f"FROM meta.study_documents WHERE nct_id IN (SELECT nct_id FROM ranked)) d USING (nct_id) WHERE {near}")


def search_sql(con: duckdb.DuckDBPyConnection, query: SearchQuery) -> tuple[str, dict]:
    """The SQL and parameters of a search (BM25 ranking, filters, issue counts by severity)."""
    clauses, params = _filters(con, query)
    spellings, phrases = search_terms(con, query.text) if query.text.strip() else ([], [])
    params.update({("text" if n == 0 else f"text{n}"): " ".join(words) for n, words in enumerate(spellings)})
    if not spellings and query.text.strip() and not nct_ids_in(query.text):
        clauses.append("false")  # only stop words or punctuation: no document holds any of them
    params.update({f"near{n}": phrase_pattern(either) for n, either in enumerate(phrases)})
    where = " AND ".join(clauses) or "true"
    limit = f"LIMIT {int(query.limit)}" if query.limit else ""
    sql = f"""
        WITH ranked AS {"MATERIALIZED " if phrases else ""}({_ranked(spellings)}),
        hits AS ({_next_to(len(phrases))}),
        issues AS (SELECT nct_id, count(*) FILTER (WHERE severity = 'error') AS errors,
                          count(*) FILTER (WHERE severity = 'warning') AS warnings,
                          count(*) FILTER (WHERE severity = 'info') AS infos
                   FROM quality_issues GROUP BY nct_id)
        SELECT row_number() OVER (ORDER BY h.title IS NOT NULL DESC, round(h.score, 4) DESC NULLS LAST, s.nct_id)
                   AS rank,
               s.nct_id, s.brief_title, s.overall_status, s.phase, s.start_date, s.primary_completion_date,
               s.completion_date, s.last_update_posted_date, coalesce(i.errors, 0) AS errors,
               coalesce(i.warnings, 0) AS warnings, coalesce(i.infos, 0) AS infos, round(h.score, 4) AS score,
               concat_ws(', ', CASE WHEN h.title IS NOT NULL THEN 'title' END,
                         CASE WHEN h.names IS NOT NULL THEN 'names' END,
                         CASE WHEN h.body IS NOT NULL THEN 'text' END) AS matched_in
        FROM hits h JOIN studies s USING (nct_id) LEFT JOIN issues i USING (nct_id)
        WHERE {where} ORDER BY rank {limit}"""
    return sql, params


def search(con: duckdb.DuckDBPyConnection, query: SearchQuery) -> list[dict]:
    """Ranked studies matching the query, best first, as dicts of RESULT_COLUMNS."""
    if not (query.text.strip() or query.condition or query.intervention or query.sponsor
            or query.statuses or query.phases):
        raise ValueError("give words to search for, or at least one filter")
    if query.text.strip():
        if not index_exists(con):
            raise SearchIndexError("this warehouse has no search index yet: run `trialqc run` to build it")
        load_fts(con)
    sql, params = search_sql(con, query)
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
