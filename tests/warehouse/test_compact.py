"""Tables whose deleted rows' records DuckDB holds in memory are written again, whole, keeping their definition."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.run import run_pipeline
from flows.warehouse_session import warehouse_session
from tests.conftest import AS_OF
from warehouse import checkpoints, compact, connect, deleted_rows, memory_limit

ROWS = 500_000
STRETCHES = -(-ROWS // 2048)  # DuckDB keeps deleted rows' records per stretch of 2,048 rows: 245


def _warehouse_with_deletions(db: Path) -> duckdb.DuckDBPyConnection:
    """A keyed table with a row in a hundred deleted all through it, a small one with a few, and a checkpoint that
    read their records and measured them held (meta.memory_held)."""
    con = connect.connect(db)
    con.execute("CREATE TABLE meta.keyed (k VARCHAR PRIMARY KEY, v VARCHAR NOT NULL, n BIGINT DEFAULT 7)")
    con.execute(f"INSERT INTO meta.keyed SELECT printf('K%08d', i), md5(i::VARCHAR), i FROM range({ROWS}) t(i)")
    con.execute('CREATE TABLE "odd name" (i INTEGER)')
    con.execute('INSERT INTO "odd name" SELECT range FROM range(5000)')
    con = checkpoints.checkpoint(con)
    con.execute("DELETE FROM meta.keyed WHERE n % 100 = 7")
    con.execute('DELETE FROM "odd name" WHERE i = 3')
    return checkpoints.checkpoint(con)


@pytest.fixture(scope="module")
def built_with_deletions(tmp_path_factory) -> Path:
    """`_warehouse_with_deletions` made once, held open: its file and the log of its last change (meta.memory_held's
    row replaced, whose deleted row a checkpoint on closing would take away) are copied for each test."""
    db = tmp_path_factory.mktemp("deletions") / "w.duckdb"
    con = _warehouse_with_deletions(db)
    yield db
    con.close()


@pytest.fixture
def with_deletions(built_with_deletions, tmp_path) -> duckdb.DuckDBPyConnection:
    """A copy of that warehouse, open as `checkpoints.checkpoint` leaves one: with room to rewrite a row group."""
    db = tmp_path / "w.duckdb"
    built = built_with_deletions
    for made, copy in ((built, db), (built.with_name(built.name + ".wal"), db.with_name(db.name + ".wal"))):
        shutil.copyfile(made, copy)
    con = connect.connect(db)
    memory_limit.fit_memory(con, rewrite=True)
    return con


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> tuple:
    return con.execute(f"SELECT count(*), sum(hash(t)) FROM {table} t").fetchone()


def test_a_table_with_many_deleted_rows_is_written_again_whole_with_its_keys_and_defaults(with_deletions):
    con = with_deletions
    held = memory_limit.recorded_held(con)
    assert held > STRETCHES * deleted_rows.RECORD_BYTES // 2  # every stretch holds a deleted row: 4.5 MB of records
    found = {(d.schema, d.table): d for d in deleted_rows.deletions(con)}
    assert found[("meta", "keyed")].deleted == ROWS // 100
    assert found[("meta", "keyed")].records == STRETCHES * deleted_rows.RECORD_BYTES  # every stretch holds one
    assert found[("main", "odd name")].records == deleted_rows.RECORD_BYTES  # one deleted row: one record
    before = _rows(con, "meta.keyed")
    said = []
    assert compact.compact(con, budget=10**6, say=said.append) == ["meta.keyed"]  # the rest is under half
    assert "wrote again meta.keyed" in said[0]
    assert _rows(con, "meta.keyed") == before
    assert con.execute("SELECT estimated_size FROM duckdb_tables() WHERE table_name = 'keyed'").fetchone()[0] \
        == before[0]  # no deleted row left
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO meta.keyed (k, v) VALUES ('K00000001', 'again')")  # the key is kept
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO meta.keyed (k, v) VALUES ('new', NULL)")  # and NOT NULL
    con.execute("INSERT INTO meta.keyed (k, v) VALUES ('new', 'x')")
    assert con.execute("SELECT n FROM meta.keyed WHERE k = 'new'").fetchone()[0] == 7  # and the default
    con = checkpoints.checkpoint(con)
    assert memory_limit.recorded_held(con) < held / 4
    con.close()


def test_below_the_budget_no_table_is_written_again(with_deletions):
    con = with_deletions
    oid = con.execute("SELECT table_oid FROM duckdb_tables() WHERE table_name = 'keyed'").fetchone()[0]
    assert compact.compact(con, budget=memory_limit.recorded_held(con)) == []
    assert con.execute("SELECT table_oid FROM duckdb_tables() WHERE table_name = 'keyed'").fetchone()[0] == oid
    con.close()


def test_a_table_name_that_needs_quotes_is_written_again_too(with_deletions):
    con = with_deletions
    before = _rows(con, '"odd name"')
    compact.rewrite(con, "main", "odd name")
    assert _rows(con, '"odd name"') == before
    assert "odd name" not in {d.table for d in deleted_rows.deletions(con)}  # its deleted row is gone
    con.close()


def test_a_rewrite_that_fails_leaves_the_table_as_it_was(with_deletions):
    """Each table is written again in one transaction: a statement that fails (here its new name is taken)
    rolls it back whole, its error goes on, and the table keeps its rows and its deleted ones."""
    con = with_deletions
    before = _rows(con, "meta.keyed")
    con.execute("CREATE TABLE meta.keyed__written_again (x INTEGER)")
    with pytest.raises(duckdb.CatalogException):
        compact.rewrite(con, "meta", "keyed")
    assert _rows(con, "meta.keyed") == before
    assert [d.deleted for d in deleted_rows.deletions(con) if d.table == "keyed"] == [ROWS // 100]
    con.close()


def test_a_table_written_again_keeps_the_indexes_and_comments_a_user_gave_it(with_deletions):
    """A user may add to the published file (the next run writes on it): dropping the table to write it again would
    drop their indexes and comments with it, so they are made again on the new one."""
    con = with_deletions
    con.execute("CREATE UNIQUE INDEX \"my index\" ON meta.keyed (v)")
    con.execute("CREATE INDEX by_n ON meta.keyed ((n % 10))")
    con.execute("COMMENT ON TABLE meta.keyed IS 'the team''s keyed rows'")
    con.execute("COMMENT ON COLUMN meta.keyed.v IS 'a digest'")
    before = _rows(con, "meta.keyed")
    assert compact.compact(con, budget=10**6) == ["meta.keyed"]
    assert _rows(con, "meta.keyed") == before
    assert sorted(con.execute("SELECT index_name, is_unique FROM duckdb_indexes() WHERE table_name = 'keyed'")
                  .fetchall()) == [("by_n", False), ("my index", True)]
    taken = con.execute("SELECT v FROM meta.keyed LIMIT 1").fetchone()[0]
    with pytest.raises(duckdb.ConstraintException):
        con.execute(f"INSERT INTO meta.keyed (k, v) VALUES ('new', '{taken}')")  # the unique index still holds
    assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'keyed'").fetchone()[0] \
        == "the team's keyed rows"
    assert dict(con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'keyed'")
                .fetchall()) == {"k": None, "v": "a digest", "n": None}
    con.close()


def test_a_table_another_tables_foreign_key_refers_to_is_left_as_it_is_and_the_run_says_so(with_deletions):
    """DuckDB does not drop a table a foreign key refers to: that table keeps its deleted rows, the others are
    written again, and what was left is said with its reason."""
    con = with_deletions
    con.execute("CREATE TABLE meta.mine (k VARCHAR REFERENCES meta.keyed (k))")
    con.execute("INSERT INTO meta.mine VALUES ('K00000001')")
    oid = con.execute("SELECT table_oid FROM duckdb_tables() WHERE table_name = 'keyed'").fetchone()[0]
    said = []
    written = compact.compact(con, budget=10**4, say=said.append)
    assert "main.odd name" in written and "meta.keyed" not in written
    assert "wrote again main.odd name" in said[0]
    assert "could not write again meta.keyed (the foreign key of meta.mine refers to it)" in said[0]
    assert con.execute("SELECT table_oid FROM duckdb_tables() WHERE table_name = 'keyed'").fetchone()[0] == oid
    assert [d.deleted for d in deleted_rows.deletions(con) if d.table == "keyed"] == [ROWS // 100]
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO meta.mine VALUES ('no such key')")  # the user's key still holds
    con.close()


def _tables(db: Path) -> dict[str, tuple]:
    """Every study table's and the search index's rows, as counts and hashes."""
    con = duckdb.connect(str(db), read_only=True)
    names = [f'"{s}"."{t}"' for s, t in con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE schema_name = 'main' "
        "OR schema_name LIKE 'fts%' ORDER BY 1, 2").fetchall()]
    rows = {name: _rows(con, name) for name in names}
    con.close()
    return rows


def test_a_run_that_writes_tables_again_leaves_the_same_warehouse_and_search_as_one_that_does_not(
        samples, tmp_path, monkeypatch, caplog):
    """A second run over changed files, once with every table with deleted rows written again before its
    checkpoint and once without: the same study tables, issues and search index."""
    log = logging.getLogger("test")
    changed = tmp_path / "changed"
    shutil.copytree(samples, changed)
    first = sorted(changed.glob("0*.txt"))[0]
    first.write_text("Renamed: " + first.read_text())  # a page's first line is its title

    def two_runs(db: Path) -> None:
        for run_id, source in (("run1", samples), ("run2", changed)):
            with warehouse_session(db, run_id, log) as session:
                run_pipeline(session.con, run_id=run_id, source=source, db_path=db, as_of=AS_OF,
                             reconnected=session.use)

    plain, written = tmp_path / "plain.duckdb", tmp_path / "written.duckdb"
    two_runs(plain)
    monkeypatch.setattr(compact, "BUDGET_BYTES", -1)  # whatever was held is too much
    with caplog.at_level(logging.INFO, logger="test"):
        two_runs(written)
    assert any("wrote again" in r.getMessage() and "main.studies" in r.getMessage() for r in caplog.records)
    assert _tables(written) == _tables(plain)
    con = duckdb.connect(str(written), read_only=True)
    assert not [t for t in deleted_rows.deletions(con) if t.schema == "main"]  # the study tables hold none now
    con.close()


def test_a_checkpoints_room_is_the_deleted_rows_records_counted_table_by_table(with_deletions, monkeypatch):
    """Room for a record of every stretch of every table is a bound DuckDB fills with pages during a checkpoint
    (3.5 GB at 600,000 studies after 10% changed): the room is the records the tables' deleted rows may take."""
    con = with_deletions
    monkeypatch.setattr(memory_limit, "DUCKDB_MEMORY_MB", 64)
    records = deleted_rows.records_bytes(con)
    # the keyed table's stretches, the small table's one, and meta.memory_held's replaced row
    assert records == (STRETCHES + 1 + 1) * deleted_rows.RECORD_BYTES
    con.execute("CREATE TABLE meta.untouched AS SELECT range AS i FROM range(2000000)")
    assert records < deleted_rows.bound_bytes(con) - 900 * deleted_rows.RECORD_BYTES  # a table without any
    keys = con.execute(memory_limit.KEYED_ROWS).fetchone()[0]
    held = memory_limit.recorded_held(con)
    assert memory_limit.fit_memory(con, deletions=True) == \
        f"{64 + (keys * memory_limit.KEY_BYTES + max(held, records)) // 10**6}MB"
    con.close()
