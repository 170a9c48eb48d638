"""A warehouse loaded before DDL 110 migrates: month dates move to month end, source is re-read."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.warehouse.older_ddl import warehouse_before, warehouse_with_ddl
from warehouse.connect import migrate


def _old_warehouse(path) -> duckdb.DuckDBPyConnection:
    """A warehouse with only the DDL files before 110 applied, holding one study loaded then."""
    con = warehouse_before(path, "110")
    con.execute("""INSERT INTO studies (nct_id, start_date, start_date_precision, completion_date,
                   completion_date_precision, verification_date, verification_date_precision, source,
                   source_layout, source_sha256)
                   VALUES ('NCT01234567', DATE '2006-11-01', 'month', DATE '2008-01-01', 'year',
                           DATE '2010-05-17', 'day', 'Lead Sponsor Inc', 'ctgov_json_v2', 'abc')""")
    con.execute("INSERT INTO meta.source_files (sha256, path, layout) VALUES ('abc', '/in/a.json', 'ctgov_json_v2'),"
                " ('def', '/in/b.txt', 'summary_text')")
    con.execute("INSERT INTO conditions VALUES ('NCT01234567', 'Type 2 Diabetes')")
    return con


def test_month_and_year_dates_move_to_period_end_with_their_month_year_text(tmp_path):
    con = _old_warehouse(tmp_path / "old.duckdb")
    migrate(con)
    row = con.execute("""SELECT start_date, start_month_year, completion_date, completion_month_year,
                                verification_date, verification_month_year FROM studies""").fetchone()
    assert row == (date(2006, 11, 30), "2006-11", date(2008, 12, 31), "2008", date(2010, 5, 17), "2010-05-17")


def test_source_from_the_lead_sponsor_is_cleared_and_its_files_are_read_again(tmp_path):
    con = _old_warehouse(tmp_path / "old.duckdb")
    migrate(con)
    assert con.execute("SELECT source FROM studies").fetchone() == (None,)
    assert ("/in/a.json",) not in con.execute("SELECT path FROM meta.source_files").fetchall()
    assert con.execute("SELECT downcase_name FROM conditions").fetchone() == ("type 2 diabetes",)


@pytest.mark.parametrize("ddl_name, table, added", [
    ("111a_aact_oversight_access_ipd_columns.sql", "studies",
     {"patient_registry", "is_us_export", "ipd_url", "expanded_access_type_treatment"}),
    ("118_aact_contact_party_id_columns.sql", "central_contacts", {"phone_extension", "role"}),
    ("118_aact_contact_party_id_columns.sql", "id_information", {"id_type_description"}),
    ("203_aact_reference_tables.sql", "links", {"url", "description", "id"}),
    ("203_aact_reference_tables.sql", "study_references", {"pmid", "reference_type", "citation", "id"}),
    ("203_aact_reference_tables.sql", "ipd_information_types", {"name", "id"}),
    ("203_aact_reference_tables.sql", "documents", {"document_id", "document_type", "url", "comment", "id"}),
    ("208_provided_documents.sql", "studies",
     {"baseline_population", "limitations_and_caveats", "baseline_type_units_analyzed"}),
    ("208_provided_documents.sql", "provided_documents",
     {"document_type", "has_protocol", "has_icf", "has_sap", "document_date", "url", "id"}),
])
def test_registry_files_are_read_again_to_fill_columns_added_later(tmp_path, ddl_name, table, added):
    """A warehouse upgraded past the other migrations gets the columns of one added later, and forgets the
    registry files that give them (so the next run reads them again)."""
    con = warehouse_with_ddl(tmp_path / "current.duckdb", lambda name: name != ddl_name)
    con.execute("INSERT INTO meta.source_files (sha256, path, layout) VALUES ('abc', '/in/a.json', 'ctgov_json_v2'),"
                " ('xyz', '/in/a.xml', 'ctgov_xml'), ('def', '/in/b.txt', 'summary_text')")
    assert migrate(con) == [ddl_name]
    assert con.execute("SELECT layout FROM meta.source_files").fetchall() == [("summary_text",)]
    assert added <= {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}


def test_files_of_the_layouts_whose_reading_changed_are_read_again(tmp_path):
    """Legacy XML and the three sites' pages are read anew after their readers changed; API v2 JSON is not."""
    ddl_name = "202_reread_after_reader_changes.sql"
    con = warehouse_with_ddl(tmp_path / "current.duckdb", lambda name: name != ddl_name)
    con.execute("INSERT INTO meta.source_files (sha256, path, layout) VALUES ('abc', '/in/a.json', 'ctgov_json_v2'),"
                " ('xyz', '/in/a.xml', 'ctgov_xml'), ('def', '/in/b.txt', 'summary_text'),"
                " ('ghi', '/in/c.txt', 'ctgov_classic_text'), ('jkl', '/in/d.txt', 'aggregator_text')")
    assert migrate(con) == [ddl_name]
    assert con.execute("SELECT layout FROM meta.source_files").fetchall() == [("ctgov_json_v2",)]


def test_page_files_and_registry_files_with_an_unknown_date_refused_are_read_again(tmp_path):
    """The three sites' pages are read anew after their readers changed, and files of no layout (now named when
    they are one of the registry's other downloads); of the registry's records only those whose 'Unknown' date was
    refused, which is now read as no date."""
    ddl_name = "205_reread_after_reader_changes.sql"
    con = warehouse_with_ddl(tmp_path / "current.duckdb", lambda name: name != ddl_name)
    con.execute("INSERT INTO meta.source_files (sha256, path, layout) VALUES ('abc', '/in/a.json', 'ctgov_json_v2'),"
                " ('xyz', '/in/a.xml', 'ctgov_xml'), ('unk', '/in/b.xml', 'ctgov_xml'),"
                " ('def', '/in/b.txt', 'summary_text'), ('ghi', '/in/c.txt', 'ctgov_classic_text'),"
                " ('jkl', '/in/d.txt', 'aggregator_text')")
    con.execute("INSERT INTO meta.source_files (sha256, path, layout, outcome) VALUES ('csv', '/in/e.csv', NULL,"
                " 'rejected')")
    con.execute("INSERT INTO meta.raw_values VALUES ('r', 'NCT1', 'unk', 'studies', 'start_date', ' Unknown', 'date'),"
                " ('r', 'NCT2', 'xyz', 'studies', 'start_date', '2023-13-45', 'date')")
    assert migrate(con) == [ddl_name]
    assert sorted(con.execute("SELECT path FROM meta.source_files").fetchall()) == [("/in/a.json",), ("/in/a.xml",)]


def test_json_files_rejected_as_invalid_json_are_read_again(tmp_path):
    """Studies written one after another over several lines each now load: the JSON files rejected as invalid JSON
    are read again; JSON rejected for another reason, and other layouts' files, are not."""
    ddl_name = "207_reread_json_written_one_after_another.sql"
    con = warehouse_with_ddl(tmp_path / "current.duckdb", lambda name: name != ddl_name)
    con.execute("INSERT INTO meta.source_files (sha256, path, layout, outcome) VALUES "
                "('seq', '/in/studies.json', 'ctgov_json_v2', 'rejected'), "
                "('frag', '/in/fragment.json', 'ctgov_json_v2', 'rejected'), "
                "('ok', '/in/study.json', 'ctgov_json_v2', 'loaded'), "
                "('xml', '/in/bad.xml', 'ctgov_xml', 'rejected')")
    con.execute("INSERT INTO meta.rejects (run_id, sha256, path, stage, reason, detail) VALUES "
                "('r', 'seq', '/in/studies.json', 'parse', 'invalid JSON', 'unexpected content after document'), "
                "('r', 'frag', '/in/fragment.json', 'parse', 'partial record: protocolSection has no statusModule', ''),"
                " ('r', 'xml', '/in/bad.xml', 'parse', 'invalid JSON', '')")
    assert migrate(con) == [ddl_name]
    assert sorted(con.execute("SELECT path FROM meta.source_files").fetchall()) == [
        ("/in/bad.xml",), ("/in/fragment.json",), ("/in/study.json",)]
