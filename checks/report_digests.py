"""What each report page is made of, as SQL, and a digest of it per page computed in DuckDB.

A page's digest covers every row its template is given (a 64-bit hash of each row, summed as a
multiset per page, with the row count): a re-run compares digests first and reads the rows of the
changed pages only, so a run with nothing changed reads no page data at all. The Data Docs' digest
covers the Great Expectations suite's frames and the warehouse values its expectations compare with.
"""
from __future__ import annotations

import duckdb

from checks.report_data import DEFECT, VERDICT_SQL, has_table

PAGE_SIZE = 1000  # studies per list page
WORST_FIRST = "list_position(['untrusted', 'review', 'trusted'], verdict), errors DESC, warnings DESC, nct_id"
LIST_ROWS = f"""SELECT (pos - 1) // {PAGE_SIZE} + 1 AS page, v.*
                FROM (SELECT row_number() OVER (ORDER BY {WORST_FIRST}) AS pos, * FROM ({VERDICT_SQL})) v"""
ISSUE_ORDER = ("nct_id, freshness, list_position(['error', 'warning', 'info'], severity), rule_id, message, "
               "evidence, fields, first_seen")
# A study page's source versions, newest first: where two share the date, layout and path (a file changed in place
# without a new update date), the current one, then the later load, never the run ids' random order.
VERSION_ORDER = ("nct_id, last_update_posted_date DESC NULLS LAST, layout, path, is_current DESC, "
                 "loaded_started DESC NULLS LAST, loaded_run, snapshot_date, overall_status")


def shard_sql(column: str = "nct_id") -> str:
    """The study page file of a study in SQL: NCT plus its first six digits (see report_pages.shard_of)."""
    return f"left({column}, 9)"


def issues_sql(con: duckdb.DuckDBPyConnection, scope: str | None = None) -> str:
    """Every issue as a study page shows it, with the run since which it is open; with `scope` (a table of
    nct_ids), only the issues of those studies, and only their history read."""
    within = f" AND h.nct_id IN (SELECT nct_id FROM {scope})" if scope else ""
    # The earliest run of an issue's open history rows, and the day it began (a run id alone, a UUID, tells a
    # reader nothing): a run the warehouse has no record of gives its id only.
    first_seen = ("LEFT JOIN (SELECT h.nct_id, h.rule_id, coalesce(arg_min(h.first_seen_run, r.started_at), "
                  "min(h.first_seen_run)) AS first_seen, CAST(min(r.started_at) AS DATE) AS first_seen_on "
                  "FROM meta.quality_issue_history h LEFT JOIN meta.load_runs r ON r.run_id = h.first_seen_run "
                  f"WHERE h.resolved_run IS NULL{within} GROUP BY ALL) h USING (nct_id, rule_id)"
                  if has_table(con, "meta", "quality_issue_history") and has_table(con, "meta", "load_runs")
                  else "")
    seen = "h.first_seen, h.first_seen_on" if first_seen else "NULL AS first_seen, NULL AS first_seen_on"
    where = f" WHERE q.nct_id IN (SELECT nct_id FROM {scope})" if scope else ""
    return f"""SELECT q.nct_id, severity, rule_id, message, evidence, fields, NOT ({DEFECT}) AS freshness,
                      {seen}
               FROM quality_issues q {first_seen}{where}"""


def versions_sql(con: duckdb.DuckDBPyConnection) -> str:
    """Every source version of every study as a study page shows it."""
    snapshot = "r.snapshot_date" if con.execute(
        "SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'meta' AND table_name = 'source_records' "
        "AND column_name = 'snapshot_date'").fetchone()[0] else "NULL AS snapshot_date"
    return f"""SELECT r.nct_id, layout, last_update_posted_date, {snapshot}, overall_status, is_current, path,
                      loaded_run
               FROM meta.source_records r"""


def shard_digests(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The digest of every study page (by shard) of the studies in the warehouse."""
    rows = con.execute(f"""
        SELECT shard, count(*), sum(h) FROM (
            SELECT {shard_sql()} AS shard, 's' AS kind, hash('s', s)::HUGEINT AS h FROM ({VERDICT_SQL}) s
            UNION ALL SELECT {shard_sql()}, 'i', hash('i', i)::HUGEINT FROM ({issues_sql(con)}) i
            UNION ALL SELECT {shard_sql()}, 'v', hash('v', v)::HUGEINT FROM ({versions_sql(con)}) v)
        GROUP BY shard HAVING count(*) FILTER (WHERE kind = 's') > 0""").fetchall()
    return {shard: f"{count}:{total}" for shard, count, total in rows}


def study_digests(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The digest of what the study pages show of each study in the warehouse (its row, issues and versions), as
    `nct_id:count:sum`, joined by commas in nct_id order for each study page (shard), in shard order: at 600,000
    studies 6,000 strings, not 600,000 and a dict of them."""
    return dict(con.execute(f"""
        SELECT {shard_sql()} AS shard,
               string_agg(nct_id || ':' || n::VARCHAR || ':' || total::VARCHAR, ',' ORDER BY nct_id)
        FROM (SELECT nct_id, count(*) AS n, sum(h) AS total FROM (
                SELECT nct_id, 's' AS kind, hash('s', s)::HUGEINT AS h FROM ({VERDICT_SQL}) s
                UNION ALL SELECT nct_id, 'i', hash('i', i)::HUGEINT FROM ({issues_sql(con)}) i
                UNION ALL SELECT nct_id, 'v', hash('v', v)::HUGEINT FROM ({versions_sql(con)}) v)
              GROUP BY nct_id HAVING count(*) FILTER (WHERE kind = 's') > 0)
        GROUP BY shard ORDER BY shard""").fetchall())


# Each study list page's studies and row keys (a digest of exactly what a row shows: md5 of the row as JSON), in
# list order, each joined by commas. The keys tell which rows of a page changed, so only those are read and
# rendered.
LIST_KEYS = f"""SELECT (pos - 1) // {PAGE_SIZE} + 1 AS page, string_agg(nct_id, ',' ORDER BY pos),
                       string_agg(key, ',' ORDER BY pos)
                FROM (SELECT row_number() OVER (ORDER BY {WORST_FIRST}) AS pos, nct_id, md5(to_json(v)) AS key
                      FROM ({VERDICT_SQL}) v)
                GROUP BY page ORDER BY page"""


def list_keys(con: duckdb.DuckDBPyConnection) -> dict[int, tuple[str, str]]:
    """Every study list page's (nct_ids, row keys), in list order, each joined by commas: at 600,000 studies 600
    pairs of strings, not 1.2 million strings (see `split`)."""
    return {page: (ids, keys) for page, ids, keys in con.execute(LIST_KEYS).fetchall()}


def split(joined: str | None) -> list[str]:
    """The keys of a page joined by `list_keys` or `study_digests`, one by one."""
    return joined.split(",") if joined else []
