"""The life of every quality issue across runs (meta.quality_issue_history) and each run's outcome."""
from __future__ import annotations

from datetime import datetime

import duckdb

from warehouse.connect import transaction
from warehouse.literals import literal

# An issue's identity: study, rule, fields, and its rank among issues identical in those three
# (ranked within one study, so the keys of some studies are those of the whole table).
ISSUES_KEYED = """
    SELECT md5(nct_id || '|' || rule_id || '|' || array_to_string(fields, ',') || '|' ||
               row_number() OVER (PARTITION BY nct_id, rule_id, array_to_string(fields, ',')
                                  ORDER BY message, evidence)) AS issue_key, *
    FROM {source}"""
CURRENT_ISSUES = ISSUES_KEYED.format(source="quality_issues")
# The issues of the studies in _changed_studies, keyed: a key depends on its study's issues only, so the
# studies are picked before the keys are computed (DuckDB would key every issue, then pick).
CHANGED_ISSUES = ISSUES_KEYED.format(source="(SELECT * FROM quality_issues SEMI JOIN _changed_studies USING (nct_id))")
# Per study, a digest of what its issues say (count and summed 64-bit hashes): where the open history
# and quality_issues agree, the study's keys and values are as last recorded (keys are a function of
# these values), so its episodes only go on. Both sides are read whole, so a history that lags behind
# several runs (one that failed after its check) is caught up all the same.
STUDY_DIGEST = """
    SELECT nct_id, count(*) AS n, sum(hash(rule_id, fields, severity, message, evidence)::HUGEINT) AS h
    FROM {source} GROUP BY nct_id"""
CHANGED_STUDIES = f"""
    SELECT nct_id FROM ({STUDY_DIGEST.format(source="quality_issues")}) q
    FULL JOIN ({STUDY_DIGEST.format(source="(SELECT * FROM meta.quality_issue_history WHERE resolved_run IS NULL)")}) h
    USING (nct_id)
    WHERE q.n IS DISTINCT FROM h.n OR q.h IS DISTINCT FROM h.h"""


def record_issue_history(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[int, int]:
    """Open, extend and resolve issue episodes from the current quality_issues; return (new, resolved).

    Only the studies whose issues differ from their open episodes are compared issue by issue; the
    open episodes of every other study are extended as they are. When nothing changed since the run
    before (`unchanged_since`), every open episode is extended and that run's counts by rule are this run's."""
    return _record(con, run_id, unchanged_since(con, run_id))


def _record(con: duckdb.DuckDBPyConnection, run_id: str, before: str | None) -> tuple[int, int]:
    params = {"run": run_id, "now": datetime.now()}
    with transaction(con):
        if before is not None:  # (literals: a run that read no file binds no parameter, see warehouse/literals.py)
            new = resolved = 0
            run, now = literal(run_id), literal(params["now"])
            con.execute(f"UPDATE meta.quality_issue_history SET last_seen_run = {run}, last_seen_at = {now} "
                        "WHERE resolved_run IS NULL")
            con.execute(f"""
                INSERT OR REPLACE INTO meta.load_run_issue_counts
                SELECT {run}, rule_id, category, severity, issues, studies
                FROM meta.load_run_issue_counts WHERE run_id = {literal(before)}""")
        else:
            con.execute(f"CREATE OR REPLACE TEMP TABLE _changed_studies AS {CHANGED_STUDIES}")
            con.execute(f"CREATE OR REPLACE TEMP TABLE _issues_now AS {CHANGED_ISSUES}")
            con.execute("""
                UPDATE meta.quality_issue_history SET last_seen_run = $run, last_seen_at = $now
                WHERE resolved_run IS NULL AND nct_id NOT IN (SELECT nct_id FROM _changed_studies)""", params)
            new, resolved = _compare_changed(con, params)
            con.execute("DROP TABLE _issues_now")
            con.execute("DROP TABLE _changed_studies")
            con.execute("""
                INSERT OR REPLACE INTO meta.load_run_issue_counts
                SELECT $run, rule_id, any_value(category), severity, count(*), count(DISTINCT nct_id)
                FROM quality_issues GROUP BY rule_id, severity""", {"run": run_id})
    return int(new), int(resolved)


# The run just before a run that loaded nothing (it skipped every file it saw), when that run completed and
# recorded its issue history and outcome: the studies and the issues were then as its record says.
RUN_BEFORE = """
    SELECT p.run_id, p.issues_error + p.issues_warning + p.issues_info AS issues
    FROM meta.load_runs r
    JOIN meta.load_runs p ON p.run_id = (SELECT run_id FROM meta.load_runs WHERE started_at < r.started_at
                                         ORDER BY started_at DESC LIMIT 1)
    WHERE r.run_id = {run} AND r.files_seen = r.skipped
      AND p.status = 'completed' AND p.error IS NULL AND p.issues_new IS NOT NULL AND p.issues_resolved IS NOT NULL
      AND p.studies_trusted IS NOT NULL AND p.studies_review IS NOT NULL AND p.studies_untrusted IS NOT NULL"""


def unchanged_since(con: duckdb.DuckDBPyConnection, run_id: str) -> str | None:
    """The run before this one when the studies and their issues are still as that run recorded them, else None.

    That run completed and recorded its issue history (so the open episodes were quality_issues then), this
    run loaded nothing (so the studies are as they were), and this run's check changed no issue: it wrote
    none (every issue a check writes carries its run) and removed none (the count is that run's). Only runs
    write studies and issues, one at a time, so nothing else changed them in between."""
    row = con.execute(RUN_BEFORE.format(run=literal(run_id))).fetchone()
    if row is None or row[1] is None:
        return None
    before, issues = row
    now, written = con.execute(f"SELECT count(*), count(*) FILTER (WHERE run_id = {literal(run_id)}) "
                               "FROM quality_issues").fetchone()
    return before if now == issues and not written else None


def _compare_changed(con: duckdb.DuckDBPyConnection, params: dict) -> tuple[int, int]:
    """Resolve, extend and open the episodes of the studies in _changed_studies from _issues_now."""
    resolved = con.execute("""
        UPDATE meta.quality_issue_history SET resolved_run = $run, resolved_at = $now
        WHERE resolved_run IS NULL AND nct_id IN (SELECT nct_id FROM _changed_studies)
          AND issue_key NOT IN (SELECT issue_key FROM _issues_now)""", params).fetchone()[0]
    con.execute("""
        UPDATE meta.quality_issue_history h SET last_seen_run = $run, last_seen_at = $now,
            severity = c.severity, message = c.message, evidence = c.evidence
        FROM _issues_now c WHERE h.issue_key = c.issue_key AND h.resolved_run IS NULL""", params)
    new = con.execute("""
        INSERT INTO meta.quality_issue_history
        SELECT c.issue_key, c.nct_id, c.rule_id, c.category, c.severity, c.fields, c.message, c.evidence,
               $run, $now, $run, $now, NULL, NULL
        FROM _issues_now c
        WHERE c.issue_key NOT IN (SELECT issue_key FROM meta.quality_issue_history WHERE resolved_run IS NULL)""",
                      params).fetchone()[0]
    return new, resolved


VERDICTS = """
    SELECT count(*) FILTER (WHERE e = 0 AND w = 0), count(*) FILTER (WHERE e = 0 AND w > 0),
           count(*) FILTER (WHERE e > 0)
    FROM (SELECT s.nct_id, count(q.nct_id) FILTER (WHERE q.severity = 'error') AS e,
                 count(q.nct_id) FILTER (WHERE q.severity = 'warning') AS w
          FROM studies s LEFT JOIN quality_issues q
            ON q.nct_id = s.nct_id AND q.rule_id NOT LIKE 'freshness.%'
          GROUP BY s.nct_id)"""


def record_run_outcome(con: duckdb.DuckDBPyConnection, run_id: str, *, error: str | None = None,
                       new: int | None = None, resolved: int | None = None, same_as: str | None = None,
                       interrupted: bool = False) -> None:
    """Store the run's issue counts by severity and verdict (and its error, if it failed) in meta.load_runs.

    With `same_as`, a run whose studies and issues are as they were at its end (`unchanged_since`): its counts.
    An `interrupted` run (Ctrl-C, SIGTERM) is recorded so, with its error, whatever stage it had reached."""
    if same_as is not None:
        counts = con.execute("SELECT issues_error, issues_warning, issues_info, studies_trusted, studies_review, "
                             f"studies_untrusted FROM meta.load_runs WHERE run_id = {literal(same_as)}").fetchone()
        values = [error, *counts[:3], new, resolved, *counts[3:]]
    else:
        counts = dict(con.execute("SELECT severity, count(*) FROM quality_issues GROUP BY ALL").fetchall())
        values = [error, counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0), new, resolved,
                  *con.execute(VERDICTS).fetchone()]
    run = literal(run_id)
    exists = con.execute(f"SELECT count(*) FROM meta.load_runs WHERE run_id = {run}").fetchone()[0]
    if not exists:  # the run failed before it was recorded (e.g. while the schema was migrated)
        con.execute("INSERT INTO meta.load_runs (run_id, started_at, as_of, status) "
                    f"VALUES ({run}, {literal(datetime.now())}, {literal(datetime.now().date())}, 'failed')")
    values = [literal(value if value is None or isinstance(value, str) else int(value)) for value in values]
    con.execute("""UPDATE meta.load_runs SET error = {}, issues_error = {}, issues_warning = {}, issues_info = {},
                   issues_new = {}, issues_resolved = {},
                   studies_trusted = {}, studies_review = {}, studies_untrusted = {},
                   status = CASE WHEN {} THEN 'interrupted' WHEN {} IS NULL OR status = 'interrupted' THEN status
                                 ELSE 'failed' END,
                   finished_at = coalesce(finished_at, now()) WHERE run_id = {}""".format(
        *values, literal(interrupted), literal(error), run))


def after_run(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[int, int]:
    """What a completed run leaves behind: its issue history and counts."""
    before = unchanged_since(con, run_id)
    new, resolved = _record(con, run_id, before)
    record_run_outcome(con, run_id, new=new, resolved=resolved, same_as=before)
    return new, resolved


def after_failure(con: duckdb.DuckDBPyConnection, run_id: str, error: BaseException,
                  stage: str | None = None) -> None:
    """Record a failed run with its error (one line, no traceback) and the stage it happened in."""
    try:
        con.execute("ROLLBACK")  # a batch may have been cut mid-transaction
    except duckdb.Error:
        pass
    message = f"{type(error).__name__}: {error}".splitlines()[0][:500] + (f" (during {stage})" if stage else "")
    # Stopped after its checks (the issue history, search index or report): still a stop, not a failure.
    try:
        record_run_outcome(con, run_id, error=message, interrupted=isinstance(error, KeyboardInterrupt))
    except duckdb.Error:
        pass  # what stopped the run (a full disk, memory) may stop this too: the caller raises the real cause


def rule_changes(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict]:
    """Issues by rule and severity in this run, with the change since the previous completed run."""
    run = literal(run_id)
    rel = con.execute(f"""
        WITH runs AS (SELECT run_id, started_at FROM meta.load_runs WHERE status = 'completed' OR run_id = {run}),
        previous AS (SELECT run_id FROM runs WHERE started_at < (SELECT started_at FROM runs WHERE run_id = {run})
                     ORDER BY started_at DESC LIMIT 1),
        now_ AS (SELECT * FROM meta.load_run_issue_counts WHERE run_id = {run}),
        before AS (SELECT * FROM meta.load_run_issue_counts WHERE run_id = (SELECT run_id FROM previous))
        SELECT coalesce(n.rule_id, b.rule_id) AS rule, coalesce(n.severity, b.severity) AS severity,
               coalesce(n.category, b.category) AS category,
               coalesce(n.issues, 0) AS issues, coalesce(n.studies, 0) AS studies,
               coalesce(n.issues, 0) - coalesce(b.issues, 0) AS change
        FROM now_ n FULL JOIN before b USING (rule_id, severity)
        ORDER BY list_position(['error', 'warning', 'info'], severity), issues DESC, rule""")
    names = [d[0] for d in rel.description]
    return [dict(zip(names, row)) for row in rel.fetchall()]
