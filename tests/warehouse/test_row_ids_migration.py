"""DDL 119 upgrades a warehouse loaded before it: its rows get the ids a load gives them, and the studies whose
names do not tell which arm or intervention a link names are read again by the next run, which then leaves
the warehouse as a new one loaded from the same files."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from bench import generate
from flows import assemble, worker_processes
from flows.run import run_pipeline
from tests.faults import AS_OF, table_hashes
from tests.test_row_ids import PLAIN, TANGLED
from warehouse import connect as connect_module
from tests.warehouse.older_ddl import warehouse_before
from warehouse.connect import DDL_DIR, connect, migrate
from warehouse.tables import ID_TABLES, LINK_IDS

ROW_IDS = "119_aact_row_ids.sql"
# The tables DDL 119 gives an id (a table made after it is made with one).
ADDED = {table: ["id"] for table in ID_TABLES
         if f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS id BIGINT" in (DDL_DIR / ROW_IDS).read_text()}
for _table, _links in LINK_IDS.items():
    ADDED[_table] += [column for column, *_ in _links]


def _inputs(folder):
    folder.mkdir()
    for name, data, _ in generate.records(12, seed=7, layout="mixed"):
        (folder / name).write_bytes(data)
    (folder / "tangled.json").write_bytes(TANGLED)
    (folder / "plain.json").write_bytes(PLAIN)
    return folder


_NUMBER = assemble.row_ids.number


def _without_row_ids(validated):
    """The loader before DDL 119: no ids in the tables it gives one, and the parsers' positions not kept."""
    _NUMBER(validated)  # (the tables made after 119 are made with their id, and loaded with it)
    validated.frames = {table: frame.drop(columns=[c for c in ADDED.get(table, ()) if c in frame])
                        for table, frame in validated.frames.items()}
    return []


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory):
    """(a warehouse loaded before DDL 119, then upgraded; one loaded new; the input folder)."""
    root = tmp_path_factory.mktemp("upgrade")
    source = _inputs(root / "in")
    new = connect(root / "new.duckdb")
    run_pipeline(new, run_id="new", source=source, db_path=root / "new.duckdb", as_of=AS_OF)
    before = root / "ddl"
    before.mkdir()
    for ddl in DDL_DIR.glob("*.sql"):
        if ddl.name != ROW_IDS:
            shutil.copy(ddl, before / ddl.name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connect_module, "DDL_DIR", before)
        patch.setattr(assemble.row_ids, "number", _without_row_ids)
        patch.setattr(assemble.row_ids, "unlinked", lambda validated, positions: [])
        # workers forked from here see the replaced numbering (tests/conftest.py: not yet in force here)
        patch.setattr(worker_processes, "FORK_MAX_BYTES", 2**62)
        old = connect(root / "old.duckdb")
        run_pipeline(old, run_id="old", source=source, db_path=root / "old.duckdb", as_of=AS_OF)
    assert "id" not in {r[0] for r in old.execute("DESCRIBE design_groups").fetchall()}
    files_before = {r[0] for r in old.execute("SELECT path FROM meta.source_files").fetchall()}
    assert migrate(old) == [ROW_IDS]
    yield old, new, source, files_before
    old.close()
    new.close()


def test_rows_loaded_before_get_the_ids_a_load_gives(warehouses):
    old, new, _, _ = warehouses
    upgraded, loaded = table_hashes(old), table_hashes(new)
    assert {t: h for t, h in upgraded.items() if t not in LINK_IDS} == {t: h for t, h in loaded.items()
                                                                         if t not in LINK_IDS}
    for table, links in LINK_IDS.items():
        columns = ", ".join(["nct_id", "id", *(column for column, *_ in links)])
        sql = f"SELECT {columns} FROM {table} WHERE nct_id <> 'NCT09100001' ORDER BY ALL"
        assert old.execute(sql).fetchall() == new.execute(sql).fetchall()
        assert old.execute(f"SELECT count(*) FROM {table} WHERE id IS NULL").fetchone()[0] == 0


def test_the_files_of_studies_whose_names_do_not_tell_are_read_again(warehouses):
    old, new, source, files_before = warehouses
    forgotten = files_before - {r[0] for r in old.execute("SELECT path FROM meta.source_files").fetchall()}
    assert forgotten == {str(source / "tangled.json")}
    run_pipeline(old, run_id="after", source=source, db_path=source.parent / "old.duckdb", as_of=AS_OF)
    assert table_hashes(old) == table_hashes(new)


def _at_116(path) -> duckdb.DuckDBPyConnection:
    """A warehouse with the DDL files before 117 applied, holding an API v2 study with an 'N/A' age."""
    con = warehouse_before(path, "117")
    con.execute("INSERT INTO studies (nct_id, source_layout, source_sha256) "
                "VALUES ('NCT01234567', 'ctgov_json_v2', 'a')")
    con.execute("INSERT INTO eligibilities (nct_id, minimum_age) VALUES ('NCT01234567', 'N/A')")
    con.execute("INSERT INTO conditions (nct_id, name) VALUES ('NCT01234567', 'Asthma'), ('NCT01234567', 'COPD')")
    con.execute("CHECKPOINT")
    return con


def test_an_upgrade_duckdb_cannot_commit_at_once_is_applied_a_file_at_a_time(tmp_path, monkeypatch):
    """117 updates eligibilities and 119 alters it: DuckDB refuses to commit both in one transaction."""
    con = _at_116(tmp_path / "w.duckdb")
    applied = []
    apply = connect_module._apply
    monkeypatch.setattr(connect_module, "_apply", lambda c, files: (applied.append(len(files)), apply(c, files)))
    pending = migrate(con)
    assert ROW_IDS in pending and applied == [len(pending)] + [1] * len(pending)
    assert con.execute("SELECT minimum_age, id FROM eligibilities").fetchall() == [(None, 1234567000001)]
    assert con.execute("SELECT name, id FROM conditions ORDER BY id").fetchall() == [
        ("Asthma", 1234567000001), ("COPD", 1234567000002)]
    assert migrate(con) == []
