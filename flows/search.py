"""`trialqc search`: studies ranked by BM25 over their text, filtered, with their issue counts."""
from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from flows.search_notes import (  # noqa: F401 (a query's words are read as this module's too)
    acronym_note, index_outdated, left_out, operator_note, unsearchable)
from flows.search_patterns import ACCENTED, phrase_pattern, phrase_prefilter
from flows.search_phrases import (  # noqa: F401 (a query's words are read as this module's too)
    acronym_phrases, name_phrases, number_phrases, query_spellings, search_terms)
from flows.search_quoted import quoted_phrases  # noqa: F401 (a query's words are read as this module's too)
from flows.search_words import (  # noqa: F401 (a query's words are read as this module's too)
    NCT_ID, acronyms, nct_ids_in, query_words)
from schemas.enums import OVERALL_STATUS, PHASE
from warehouse.fts import SearchIndexError, load_fts
from warehouse.search_index import INDEX_SCHEMA, index_exists
from warehouse.search_terms import STEMMER

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


# A phase's number as registries and papers also write it (Phase II, phase IV): the Roman numeral -> its digit.
ROMAN_PHASES = {"I": "1", "II": "2", "III": "3", "IV": "4"}
# A phase written as its number, Arabic or Roman, with or without the word: "2", "PHASE2", "II", "PHASEII".
PHASE_NUMBER = re.compile(r"(?:PHASE)?(\d+|I{1,3}|IV)")


def normalize_phases(values) -> tuple[str, ...]:
    """'Phase 2', '2', 'Phase II' or 'PHASE2' -> PHASE2; 'N/A' -> NA; an unknown phase is an error."""
    out = []
    for value in values:
        v = _enum_value(value).replace("_", "").replace("/", "")
        number = None if "/" in value else PHASE_NUMBER.fullmatch(v)  # "I/II" is two phases, not III
        v = "NA" if v in ("NA", "NOTAPPLICABLE") else (
            f"PHASE{ROMAN_PHASES.get(number[1], number[1])}" if number else v)
        v = "EARLY_PHASE1" if v in ("EARLYPHASE1", "PHASE0") else v
        if v not in PHASE and "/" in value:
            raise ValueError(f"--phase takes one phase, not {value!r}: repeat it for several "
                             "(a PHASE1/PHASE2 study matches --phase 1 and --phase 2)")
        if v not in PHASE:
            raise ValueError(f"unknown phase {value!r}: use one of {', '.join(PHASE)}")
        out.append(v)
    return tuple(out)


def _like(value: str) -> str:
    """A filter value matched as text anywhere in a name: LIKE's wildcards in it stand for themselves, and a
    typographic apostrophe (Crohn’s, pasted from a document) is the straight one records write."""
    value = value.replace("\u2019", "'")
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filters(con: duckdb.DuckDBPyConnection, query: SearchQuery) -> tuple[list[str], dict]:
    present = set(con.execute("SELECT table_name, column_name FROM information_schema.columns "
                              "WHERE table_schema = 'main'").fetchall())
    clauses, params = [], {}
    for name, pairs in FILTER_COLUMNS.items():
        value = getattr(query, name)
        if value:
            params[name] = _like(value)
            # Accents folded on both sides, as the words of a query and a document are: "Sjögren" finds the
            # registry's "Sjogren's Syndrome", "sjogren" a record's "Sjögren".
            exists = [f"s.nct_id IN (SELECT nct_id FROM {t} WHERE strip_accents({c}) ILIKE strip_accents(${name}) "
                      "ESCAPE '\\')"
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


# BM25's parameters, as the index's match_bm25 takes them by default.
BM25_K = 1.2
BM25_B = 0.75
FIELDS = ("title", "names", "body")


def _ranked(spellings: int) -> str:
    """Documents matching every word of one of the query's spellings ($text, and $text1... with its names in parts
    joined or its words split or joined: query_spellings), each spelling's BM25 score over all fields and per field
    (to rank title hits first), as the index's match_bm25 scores them (conjunctive: a document holds each of the
    spelling's distinct stems). Every spelling and field is scored from one read of the index's terms: match_bm25
    reads them all once for each spelling and field, four times a spelling."""
    if not spellings:
        return "SELECT nct_id, NULL::DOUBLE AS score0, NULL AS title0, NULL AS names0, NULL AS body0 FROM studies"
    ix = INDEX_SCHEMA
    texts = ", ".join(f"({n}, {'$text' if n == 0 else f'$text{n}'})" for n in range(spellings))
    pivot = ", ".join(f"max(score) FILTER (WHERE n = {n} AND scope = '{scope}') AS {column}{n}"
                      for n in range(spellings) for scope, column in (("all", "score"),) + tuple(zip(FIELDS, FIELDS)))
    idf = "log(((st.num_docs - q.df) + 0.5) / (q.df + 0.5) + 1)"
    tf = f"(s.tf * ({BM25_K} + 1)) / (s.tf + {BM25_K} * ((1 - {BM25_B}) + {BM25_B} * (d.len / st.avgdl)))"
    return f"""
        WITH q_tokens AS (SELECT DISTINCT n, stem(w, '{STEMMER}') AS t FROM (
                 SELECT n, unnest({ix}.tokenize(text)) AS w FROM (VALUES {texts}) v(n, text))),
             q_terms AS (SELECT q.n, d.termid, d.df FROM q_tokens q JOIN {ix}.dict d ON d.term = q.t),
             postings AS (SELECT docid, fieldid, termid, count(*) AS tf FROM {ix}.terms
                          WHERE termid IN (SELECT termid FROM q_terms) GROUP BY docid, fieldid, termid),
             scoped AS (SELECT docid, termid, 'all' AS scope, sum(tf) AS tf FROM postings GROUP BY docid, termid
                        UNION ALL SELECT p.docid, p.termid, f.field AS scope, p.tf
                        FROM postings p JOIN {ix}.fields f USING (fieldid)),
             sub AS (SELECT q.n, s.scope, s.docid, count(*) AS held, sum({idf} * {tf}) AS score
                     FROM scoped s JOIN q_terms q USING (termid) JOIN {ix}.docs d USING (docid), {ix}.stats st
                     GROUP BY q.n, s.scope, s.docid)
        SELECT d.name AS nct_id, {pivot}
        FROM sub JOIN (SELECT n, count(*) AS k FROM q_tokens GROUP BY n) c USING (n) JOIN {ix}.docs d USING (docid)
        WHERE sub.held = c.k GROUP BY d.name"""


def _hits(spellings: int, phrases: int, own: list[list[int]]) -> str:
    """Of the ranked documents (`ranked`), those whose text holds a phrase of each number, each name written in
    parts, each quoted phrase and each acronym ($near0, $near1...: number_phrases, name_phrases, quoted_phrases,
    acronym_phrases) and, for the spelling they match, the phrases it needs (`own[n]`: the parts of a word it
    splits, side by side), the text split as the index splits it, in the case written (phrase_pattern); each
    document's score and field scores are those of the higher spelling it matches, or of the query as written where
    it matches that (a spelling that needs phrases of its own is looked for in the others only). Only the ranked
    documents' texts are read, and only where a phrase is to be found in them: joined to all documents, the
    phrases were looked for in every text (twice the time of a search)."""
    columns = ("score", "title", "names", "body")
    common = [n for n in range(phrases) if not any(n in needs for needs in own)]
    if not phrases:
        if spellings < 2:
            return "SELECT nct_id, score0 AS score, title0 AS title, names0 AS names, body0 AS body FROM ranked"
        best = ", ".join(f"greatest({', '.join(f'{c}{n}' for n in range(spellings))}) AS {c}" for c in columns)
        return f"SELECT nct_id, {best} FROM ranked"
    # Each text read once, its common phrases looked for once; a spelling's own phrases only where it matched.
    held = " AND ".join(f"regexp_matches(text, $near{n})" for n in common) or "true"
    needed = " OR ".join(f"score{n} IS NOT NULL" + (" AND score0 IS NULL" if own[n] and not common else "")
                         for n in range(spellings) if own[n] or common)
    # A text that cannot hold its common phrases (phrase_prefilter: most of those holding a common word such as
    # "all" for "ALL") is left at the first look; accents are stripped only from a text with a character they
    # change (ACCENTED; most have none): stripping every text took three times the phrases' own time.
    maybe = " AND ".join(f"regexp_matches(raw, $maybe{n})" for n in common) or "true"
    texts = (f"SELECT nct_id, text, {held} AS held FROM (SELECT nct_id, CASE WHEN regexp_matches(raw, $accented) "
             "THEN strip_accents(raw) ELSE raw END AS text FROM (SELECT nct_id, concat_ws(' ; ', title, names, body) "
             f"AS raw FROM meta.study_documents WHERE nct_id IN (SELECT nct_id FROM ranked WHERE {needed})) "
             f"WHERE {maybe})")
    branches = []
    for n in range(spellings):
        picked = ", ".join(f"r.{c}{n} AS {c}" for c in columns)
        if not own[n] and not common:
            branches.append(f"SELECT r.nct_id, {picked} FROM ranked r WHERE r.score{n} IS NOT NULL")
            continue
        # A study that holds the query as written is scored as written: its text is not read for the others.
        near = (" AND r.score0 IS NULL" if own[n] else "") + "".join(f" AND regexp_matches(t.text, $near{k})"
                                                                      for k in own[n])
        branches.append(f"SELECT r.nct_id, {picked} FROM ranked r JOIN texts t USING (nct_id) "
                        f"WHERE r.score{n} IS NOT NULL AND t.held{near}")
    best = ", ".join(f"max({c}) AS {c}" for c in columns)
    return (f"WITH texts AS MATERIALIZED ({texts}) SELECT nct_id, {best} FROM ("
            + " UNION ALL ".join(branches) + ") GROUP BY nct_id")


def search_sql(con: duckdb.DuckDBPyConnection, query: SearchQuery) -> tuple[str, dict]:
    """The SQL and parameters of a search (BM25 ranking, filters, issue counts by severity)."""
    clauses, params = _filters(con, query)
    spellings, phrases = search_terms(con, query.text) if query.text.strip() else ([], [])
    params.update({("text" if n == 0 else f"text{n}"): " ".join(words) for n, (words, _) in enumerate(spellings)})
    if not spellings and query.text.strip() and not nct_ids_in(query.text):
        clauses.append("false")  # only stop words or punctuation: no document holds any of them
    # The phrases of all spellings, then those of each one ($near0, $near1...), each once.
    phrases = list(dict.fromkeys(phrases + [phrase for _, own in spellings for phrase in own]))
    own = [[phrases.index(phrase) for phrase in needs] for _, needs in spellings] or [[]]
    params.update({f"near{n}": phrase_pattern(either) for n, either in enumerate(phrases)})
    params.update({f"maybe{n}": phrase_prefilter(either) for n, either in enumerate(phrases)
                   if not any(n in needs for needs in own)})
    if phrases:
        params["accented"] = ACCENTED
    where = " AND ".join(clauses) or "true"
    limit = f"LIMIT {int(query.limit)}" if query.limit else ""
    sql = f"""
        WITH ranked AS {"MATERIALIZED " if phrases or len(spellings) > 1 else ""}({_ranked(len(spellings))}),
        hits AS ({_hits(max(len(spellings), 1), len(phrases), own)}),
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
