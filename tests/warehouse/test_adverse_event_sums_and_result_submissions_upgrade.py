"""DDL 213: a warehouse made before it gets adverse_event_subject_sums, result_submissions and
studies.nlm_download_date_description, and reads the registry's files again, which moves the submission tracking its
pending_results held into result_submissions and fills the adverse-event sums calculated_values gives."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.warehouse.older_ddl import files_from, warehouse_with_ddl
from warehouse.connect import DDL_DIR, migrate

DDL = "213_adverse_event_sums_and_result_submissions.sql"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "adverse_events"
TRACKED = {"protocolSection": {"identificationModule": {"nctId": "NCT09000070", "briefTitle": "A study"},
                               "statusModule": {"overallStatus": "COMPLETED", "statusVerifiedDate": "2025-01",
                                                "studyFirstPostDateStruct": {"date": "2020-01-02"},
                                                "lastUpdatePostDateStruct": {"date": "2025-01-02"}}},
           "derivedSection": {"miscInfoModule": {"submissionTracking": {"submissionInfos": [
               {"releaseDate": "2024-05-06", "resetDate": "2024-06-05"}]}}}}


def _columns(con, table: str) -> list[str]:
    return [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]


def test_an_older_warehouse_gets_the_tables_and_column_and_forgets_the_registry_files(tmp_path):
    con = warehouse_with_ddl(tmp_path / "older.duckdb", lambda name: name < "213")
    con.execute("INSERT INTO meta.source_files (sha256, path, layout) VALUES ('abc', '/in/a.json', 'ctgov_json_v2'),"
                " ('xyz', '/in/a.xml', 'ctgov_xml'), ('def', '/in/b.txt', 'summary_text')")
    con.execute("INSERT INTO studies (nct_id, source_layout, source_sha256) "
                "VALUES ('NCT09000071', 'ctgov_json_v2', 'abc')")
    assert "nlm_download_date_description" not in _columns(con, "studies")
    assert con.execute("SELECT number_of_sae_subjects FROM calculated_values").fetchall() == [(None,)]
    assert migrate(con) == files_from(DDL)
    assert con.execute("SELECT layout FROM meta.source_files").fetchall() == [("summary_text",)]
    assert _columns(con, "studies")[-1] == "nlm_download_date_description"
    assert _columns(con, "adverse_event_subject_sums") == ["nct_id", "serious_subjects_affected",
                                                           "other_subjects_affected"]
    assert _columns(con, "result_submissions") == ["nct_id", "event", "event_date_description", "event_date", "id"]
    con.execute("INSERT INTO adverse_event_subject_sums VALUES ('NCT09000071', 3, 40)")
    assert con.execute("SELECT number_of_sae_subjects, number_of_nsae_subjects FROM calculated_values").fetchall() == [
        (3, 40)]


def test_reading_the_files_again_moves_submission_tracking_out_of_pending_results_and_fills_the_sums(run, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copyfile(FIXTURES / "NCT01781637.json", source / "NCT01781637.json")
    (source / "tracked.json").write_text(json.dumps(TRACKED))
    assert run(source, check=False, workers=1).studies_loaded == 2
    # What a warehouse loaded before DDL 213 holds: the tracking in pending_results, no sums.
    run.con.execute("INSERT INTO pending_results SELECT * FROM result_submissions")
    run.con.execute("DELETE FROM result_submissions")
    run.con.execute("DELETE FROM adverse_event_subject_sums")
    run.con.execute((DDL_DIR / DDL).read_text())
    assert run(source, check=False, workers=1).studies_loaded == 2
    assert run.con.execute("SELECT count(*) FROM pending_results").fetchone() == (0,)
    assert run.con.execute("SELECT nct_id, event, event_date_description FROM result_submissions ORDER BY id"
                           ).fetchall() == [("NCT09000070", "RELEASE", "2024-05-06"),
                                            ("NCT09000070", "RESET", "2024-06-05")]
    assert run.con.execute("SELECT nct_id, number_of_sae_subjects, number_of_nsae_subjects, "
                           "nlm_download_date_description FROM calculated_values JOIN studies USING (nct_id) "
                           "ORDER BY nct_id").fetchall() == [
        ("NCT01781637", 7, 67, None), ("NCT09000070", None, None, None)]
