"""A study page block reads only its studies' issues, history and verdict rows: the same rows the whole
warehouse's queries give for those studies."""
from __future__ import annotations

import pyarrow as pa

from checks.report_data import VERDICT_SQL
from checks.report_digests import ISSUE_ORDER, issues_sql
from checks.report_pages import _block_details, _studies_of
from tests.search_fixtures import SAMPLES, run_and_refresh
from warehouse import issue_history
from warehouse.connect import connect


def test_a_blocks_issues_and_verdicts_are_the_whole_warehouses_rows_of_its_studies(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    run_and_refresh(con, db, SAMPLES, "r1")
    issue_history.after_run(con, "r1")
    studies = [r[0] for r in con.execute("SELECT nct_id FROM studies ORDER BY 1").fetchall()]
    flagged = [r[0] for r in con.execute("SELECT DISTINCT nct_id FROM quality_issues ORDER BY 1").fetchall()]
    assert len(flagged) >= 2 and len(studies) > 2
    block = [flagged[0], flagged[-1], studies[0], "NCT99999999"]  # flagged studies, perhaps a clean one, an unknown
    issues, _ = _block_details(con, block)
    con.register("_ids", pa.table({"nct_id": block}))
    whole = con.execute(f"SELECT i.* FROM ({issues_sql(con)}) i SEMI JOIN _ids USING (nct_id) ORDER BY {ISSUE_ORDER}")
    names = [d[0] for d in whole.description]
    rows = [dict(zip(names, r)) for r in whole.fetchall()]
    assert rows and any(r["first_seen"] == "r1" for r in rows)
    assert [r for study in sorted(issues) for r in issues[study]] == rows
    verdicts = con.execute(f"SELECT v.* FROM ({VERDICT_SQL}) v SEMI JOIN _ids USING (nct_id) ORDER BY nct_id")
    names = [d[0] for d in verdicts.description]
    expected = [dict(zip(names, r)) for r in verdicts.fetchall()]
    assert len(expected) >= 2 and _studies_of(con, block) == expected
    con.close()
