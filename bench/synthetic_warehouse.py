"""Make a synthetic warehouse of N studies in SQL, in seconds, to measure publishing and the report at scale.

    PYTHONPATH=. .venv/bin/python bench/synthetic_warehouse.py /tmp/w100k.duckdb 100000
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from warehouse.connect import connect

LAYOUTS = "['ctgov_json_v2', 'ctgov_xml', 'ctgov_classic_text', 'aggregator_text', 'summary_text']"
STATUSES = "['RECRUITING', 'COMPLETED', 'ACTIVE_NOT_RECRUITING', 'TERMINATED', 'NOT_YET_RECRUITING', 'UNKNOWN']"
RULES = [  # rule_id, category, severity, share of studies
    ("missing_fields.no_conditions", "missing_field", "warning", 0.2),
    ("missing_fields.no_primary_outcome", "missing_field", "warning", 0.15),
    ("missing_fields.no_enrollment", "missing_field", "info", 0.1),
    ("dates.status_stale_after_completion", "date_anomaly", "warning", 0.25),
    ("dates.start_after_completion", "date_anomaly", "error", 0.02),
    ("dates.retrospective_registration", "date_anomaly", "info", 0.3),
    ("contradictions.masking_vs_text", "contradiction", "warning", 0.05),
    ("contradictions.arm_dose_differs", "contradiction", "warning", 0.03),
    ("contradictions.duplicate_criterion", "contradiction", "info", 0.08),
    ("identity.bad_nct_id", "invalid_value", "error", 0.005),
    ("freshness.copy_older_than_90_days", "date_anomaly", "info", 0.4),
]


def build(path: Path, n: int, runs: int = 12) -> None:
    """Fill a fresh warehouse with n studies, their child rows, issues, versions and a run history."""
    path.unlink(missing_ok=True)
    con = connect(path)
    study = f"'NCT' || lpad(CAST(i AS VARCHAR), 8, '0')"
    con.execute(f"""INSERT INTO studies (nct_id, brief_title, official_title, overall_status, phase, study_type,
        enrollment, start_date, completion_date, study_first_posted_date, last_update_posted_date, source,
        source_layout, source_sha256)
        SELECT {study}, 'Synthetic study ' || i || ' of drug ' || (i % 997), repeat('Official title words ', 6),
               {STATUSES}[1 + i % 6], 'PHASE' || (1 + i % 3), 'INTERVENTIONAL', CASE WHEN i % 10 THEN i % 500 END,
               DATE '2015-01-01' + (i % 3000), DATE '2018-01-01' + (i % 3000), DATE '2015-02-01' + (i % 3000),
               DATE '2024-01-01' + (i % 700), 'Sponsor ' || (i % {max(n // 25, 1)}), {LAYOUTS}[1 + i % 5], md5(i::VARCHAR)
        FROM (SELECT CAST(range AS INTEGER) AS i FROM range({n}))""")
    con.execute(f"INSERT INTO sponsors (nct_id, agency_class, lead_or_collaborator, name) SELECT {study}, 'INDUSTRY', 'lead', 'Sponsor ' || (i % {max(n // 25, 1)}) FROM (SELECT CAST(range AS INTEGER) AS i FROM range({n}))")
    con.execute(f"INSERT INTO conditions (nct_id, name) SELECT {study}, 'Condition ' || (i % 300) FROM (SELECT CAST(range AS INTEGER) AS i FROM range({n}))")
    con.execute(f"INSERT INTO brief_summaries (nct_id, description) SELECT {study}, repeat('A summary sentence of the study. ', 15) || i "
                f"FROM (SELECT CAST(range AS INTEGER) AS i FROM range({n}))")
    con.execute(f"INSERT INTO eligibilities (nct_id, gender, criteria) SELECT {study}, 'ALL', "
                f"repeat('Inclusion criterion ' || (i % 50) || '. ', 40) FROM (SELECT CAST(range AS INTEGER) AS i FROM range({n}))")
    con.execute(f"""INSERT INTO meta.source_records (nct_id, sha256, path, layout, last_update_posted_date, loaded_run,
        is_current, overall_status) SELECT {study}, md5(i::VARCHAR || v), '/data/landing/' || {study} || '.' || v,
        {LAYOUTS}[1 + (i + v) % 5], DATE '2024-01-01' + (i % 700) - v * 30, 'run' || v, v = 0, {STATUSES}[1 + i % 6]
        FROM (SELECT CAST(range AS INTEGER) AS i FROM range({n})), (SELECT CAST(range AS INTEGER) AS v FROM range(2)) WHERE v = 0 OR i % 3 = 0""")
    for rule, category, severity, share in RULES:
        con.execute(f"""INSERT INTO quality_issues SELECT 'run{runs}', {study}, ?, ?, ?, ['studies.start_date'],
            'Synthetic issue of rule ' || ? || ' on study ' || i, 'evidence: value ' || i, DATE '2026-11-22'
            FROM (SELECT CAST(range AS INTEGER) AS i FROM range({n})) WHERE hash(i, ?) % 1000 < {int(share * 1000)}""", [rule, category, severity, rule, rule])
    _run_history(con, runs)
    con.close()


def _run_history(con, runs: int) -> None:
    from warehouse.issue_history import after_run

    for r in range(1, runs + 1):
        con.execute("INSERT INTO meta.load_runs (run_id, started_at, as_of, status, loaded, rejected) "
                    "VALUES (?, TIMESTAMP '2026-11-01' + INTERVAL (?) DAY, DATE '2026-11-01' + ?, 'completed', 100, 1)",
                    [f"run{r}", r, r])
        if r < runs:  # earlier runs saw a slightly different set of issues
            con.execute("CREATE OR REPLACE TEMP TABLE _kept AS SELECT * FROM quality_issues")
            con.execute(f"DELETE FROM quality_issues WHERE hash(nct_id, {r}) % 100 < {runs - r}")
        after_run(con, f"run{r}")
        if r < runs:
            con.execute("DELETE FROM quality_issues; INSERT INTO quality_issues SELECT * FROM _kept")


if __name__ == "__main__":
    target, count = Path(sys.argv[1]), int(sys.argv[2])
    started = time.perf_counter()
    build(target, count)
    print(f"{count} studies -> {target} ({target.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")
