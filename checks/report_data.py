"""What the quality report shows, as aggregates read from the warehouse (bounded size at any scale)."""
from __future__ import annotations

import duckdb

SEVERITIES = ("error", "warning", "info")
DEFECT = "rule_id NOT LIKE 'freshness.%'"  # freshness.*: the age of our copy, not a defect of the record
# Fields whose completeness the report charts: a study table column each.
COMPLETENESS_FIELDS = ("brief_title", "official_title", "overall_status", "phase", "study_type", "enrollment",
                       "start_date", "primary_completion_date", "completion_date", "study_first_posted_date",
                       "last_update_posted_date", "verification_date", "why_stopped", "source")
TOP = 25
INDIVIDUAL_SPONSORS = "individual sponsor-investigators (not named)"  # persons who sponsor their own study
# A study's lead sponsor as its list row and page show it (`ls`: `lead_sponsors`), else the organization that
# registered it (AACT's studies.source, which a page does not show); a person who sponsors their own study (class
# INDIV, or the study's responsible party by name: a sponsor-investigator) is not named, as in the sponsors' chart.
SHOWN_SPONSOR = """CASE WHEN ls.person OR EXISTS (SELECT 1 FROM responsible_parties r WHERE r.nct_id = s.nct_id
                                    AND lower(trim(r.name)) = lower(trim(coalesce(ls.name, s.source))))
                   THEN 'a sponsor-investigator (not named)' ELSE coalesce(ls.name, s.source) END"""


def lead_sponsors(scope: str = "") -> str:
    """The join of each study's lead sponsor (`ls`: its name, and whether it is a person) to `studies s`; `scope`:
    a condition on nct_id that keeps some studies only."""
    return f"""LEFT JOIN (SELECT nct_id, min(name) AS name, bool_or(agency_class = 'INDIV') AS person FROM sponsors
                         WHERE lead_or_collaborator = 'lead' AND name IS NOT NULL{scope} GROUP BY nct_id) ls
               ON ls.nct_id = s.nct_id"""


def verdicts_of(within: str = "") -> str:
    """Each study's list row and verdict, as SQL; `within` (a condition on nct_id) keeps some studies only.

    Issues are counted per study before they meet the study rows. Grouping the joined rows by every shown
    column instead held each study's title and source in a hash table: at 600,000 studies the report's digests
    of its study pages then needed 274 MiB of hash tables instead of 147 MiB, and its overview 504 MiB of DuckDB's
    memory instead of 349 MiB."""
    scope = f" AND {within}" if within else ""
    return f"""
    SELECT s.nct_id, s.brief_title, s.overall_status, s.source_layout, {SHOWN_SPONSOR} AS source,
           coalesce(q.n_error, 0) AS errors, coalesce(q.n_warning, 0) AS warnings, coalesce(q.n_info, 0) AS infos,
           CASE WHEN errors > 0 THEN 'untrusted' WHEN warnings > 0 THEN 'review' ELSE 'trusted' END AS verdict
    FROM studies s LEFT JOIN (
        SELECT nct_id, count(*) FILTER (WHERE severity = 'error') AS n_error,
               count(*) FILTER (WHERE severity = 'warning') AS n_warning,
               count(*) FILTER (WHERE severity = 'info') AS n_info
        FROM quality_issues WHERE {DEFECT}{scope} GROUP BY nct_id) q ON q.nct_id = s.nct_id
    {lead_sponsors(scope)}
    {f"WHERE s.{within}" if within else ""}"""


VERDICT_SQL = verdicts_of()


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def _by_severity(rows) -> list[tuple[str, dict[str, float]]]:
    grouped: dict[str, dict[str, float]] = {}
    for label, severity, n in rows:
        grouped.setdefault(label, {})[severity] = n
    return sorted(grouped.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    """Whether the warehouse has this table (an older warehouse may lack the history tables)."""
    return bool(_rows(con, "SELECT 1 FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?",
                      [schema, table]))


def verdicts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Studies by verdict: trusted (no error or warning), review (warnings only), untrusted (an error)."""
    return dict(_rows(con, f"SELECT verdict, count(*) FROM ({VERDICT_SQL}) GROUP BY 1"))


def by_rule(con) -> list[tuple[str, dict[str, float]]]:
    """Studies flagged per rule and severity (record defects), the most frequent first."""
    return _by_severity(_rows(con, f"""SELECT rule_id, severity, count(DISTINCT nct_id) FROM quality_issues
                                       WHERE {DEFECT} GROUP BY ALL"""))[:TOP]


def by_category(con) -> list[tuple[str, dict[str, float]]]:
    """Issues per category and severity (record defects)."""
    return _by_severity(_rows(con, f"SELECT category, severity, count(*) FROM quality_issues WHERE {DEFECT} GROUP BY ALL"))


def by_layout(con) -> list[tuple[str, dict[str, float]]]:
    """Studies per source layout by verdict."""
    rows = _rows(con, f"SELECT source_layout, verdict, count(*) FROM ({VERDICT_SQL}) GROUP BY ALL")
    return _by_severity(rows)


def freshness(con) -> list[tuple]:
    """freshness.* issues by rule: how old our copies are, shown apart from the record's defects."""
    return _rows(con, """SELECT rule_id, severity, count(DISTINCT nct_id), any_value(message) FROM quality_issues
                         WHERE rule_id LIKE 'freshness.%' GROUP BY rule_id, severity
                         ORDER BY list_position(['error', 'warning', 'info'], severity), 3 DESC""")


def completeness(con) -> list[tuple[str, dict[str, float]]]:
    """Share of studies (%) with each charted field filled."""
    total = _rows(con, "SELECT count(*) FROM studies")[0][0] or 1
    columns = {name for (name,) in _rows(con, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'studies'")}
    present = [c for c in COMPLETENESS_FIELDS if c in columns]
    counts = _rows(con, "SELECT " + ", ".join(f"count({c})" for c in present) + " FROM studies")[0]
    return sorted(((c, {"filled": round(100 * n / total, 1)}) for c, n in zip(present, counts)),
                  key=lambda kv: kv[1]["filled"])


def sponsors(con) -> list[tuple[str, dict[str, float], int]]:
    """Lead sponsors with at least 3 studies, ranked by the share (%) of their studies flagged (error/warning).

    A sponsor that is a person (class INDIV, or the study's responsible party by name: a sponsor-investigator) is
    counted under INDIVIDUAL_SPONSORS, not named: a responsible party's name is personal data."""
    rows = _rows(con, f"""
        SELECT coalesce(sp.name, ?) AS name,
               round(100.0 * count(*) FILTER (WHERE v.verdict <> 'trusted') / count(*), 1) AS share, count(*) AS n
        FROM (SELECT nct_id, CASE WHEN agency_class = 'INDIV' OR EXISTS (
                       SELECT 1 FROM responsible_parties r
                       WHERE r.nct_id = s.nct_id AND lower(trim(r.name)) = lower(trim(s.name))) THEN NULL
                     ELSE name END AS name
              FROM sponsors s WHERE lead_or_collaborator = 'lead' AND name IS NOT NULL) sp
        JOIN ({VERDICT_SQL}) v USING (nct_id)
        GROUP BY ALL HAVING count(*) >= 3
        ORDER BY share DESC, n DESC, name LIMIT {TOP}""", [INDIVIDUAL_SPONSORS])
    return [(name, {"share": share}, n) for name, share, n in rows]


def runs(con) -> list[dict]:
    """The last 60 runs, oldest first, with their counts (failed runs included)."""
    if not _rows(con, "SELECT 1 FROM duckdb_columns() WHERE schema_name = 'meta' AND table_name = 'load_runs' "
                      "AND column_name = 'issues_error'"):
        return []
    rel = con.execute("""SELECT * FROM (SELECT run_id, started_at, as_of, status, error, loaded, rejected,
                            issues_error, issues_warning, issues_info, issues_new, issues_resolved,
                            studies_trusted, studies_review, studies_untrusted
                         FROM meta.load_runs ORDER BY started_at DESC LIMIT 60) ORDER BY started_at""")
    names = [d[0] for d in rel.description]
    return [dict(zip(names, r)) for r in rel.fetchall()]
