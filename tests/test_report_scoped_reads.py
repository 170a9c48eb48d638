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


def test_a_study_pages_versions_of_one_date_layout_and_path_list_the_current_then_the_later_load_first(tmp_path):
    """Two versions of a study with the same update date, layout and path (a file changed in place) were listed in
    the order of their runs' random ids: the current one came first or second from one run to the next."""
    db = tmp_path / "w.duckdb"
    con = connect(db)
    run_and_refresh(con, db, SAMPLES, "r1")
    nct_id, run = con.execute("SELECT nct_id, loaded_run FROM meta.source_records WHERE is_current "
                              "ORDER BY nct_id LIMIT 1").fetchone()
    started = con.execute("SELECT started_at FROM meta.load_runs WHERE run_id = ?", [run]).fetchone()[0]
    for old_run, days_before in (("00000000-early", 2), ("ffffffff-later", 1)):  # ids sorting before and after r1
        con.execute("INSERT INTO meta.load_runs SELECT * REPLACE (? AS run_id, ?::TIMESTAMP - to_days(?) AS "
                    "started_at) FROM meta.load_runs WHERE run_id = ?", [old_run, started, days_before, run])
        con.execute("INSERT INTO meta.source_records SELECT * REPLACE (false AS is_current, ? AS loaded_run) "
                    "FROM meta.source_records WHERE nct_id = ? AND is_current", [old_run, nct_id])
    _, versions = _block_details(con, [nct_id])
    assert [(v["is_current"], v["loaded_run"]) for v in versions[nct_id]] == [
        (True, run), (False, "ffffffff-later"), (False, "00000000-early")]
    con.close()
