"""What a batch costs must not grow with the warehouse: new studies delete nothing, commits rarely checkpoint."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from flows.run import run_pipeline
from warehouse import checkpoints, database_file, memory_limit
from warehouse import load as load_module
from warehouse.connect import connect

STUDY = Path(__file__).parent.parent / "fixtures" / "multi_source" / "NCT04916756.json"


class RecordingConnection:
    """A warehouse connection that remembers every statement run through it."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con, self.statements = con, []

    def execute(self, sql: str, *args):
        self.statements.append(" ".join(sql.split()))
        return self.con.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.con, name)


def _load(con, db: Path, run_id: str, folder: Path) -> list[str]:
    recording = RecordingConnection(con)
    result = run_pipeline(recording, run_id=run_id, source=folder, db_path=db, as_of=date(2026, 11, 22),
                          check=False, workers=1)
    assert result.loaded == 1, result.rejects
    return [s for s in recording.statements if s.startswith("DELETE")]


def _place(folder: Path, title: str | None = None, updated: str | None = None) -> Path:
    folder.mkdir(parents=True)
    record = json.loads(STUDY.read_text())
    if title:
        record["protocolSection"]["identificationModule"]["briefTitle"] = title
        record["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = updated
    (folder / STUDY.name).write_text(json.dumps(record))
    return folder


def test_a_new_study_deletes_nothing_and_a_new_version_replaces_its_rows(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    assert _load(con, db, "r1", _place(tmp_path / "first")) == []
    tables = ("studies", "conditions", "facilities")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    deletes = _load(con, db, "r2", _place(tmp_path / "second", "A later title", "2030-01-01"))
    assert deletes and all("_replaced" in d for d in deletes)
    assert con.execute("SELECT brief_title FROM studies").fetchall() == [("A later title",)]
    assert {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
    con.close()


def test_a_study_held_without_a_recorded_version_is_still_replaced(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    _load(con, db, "r1", _place(tmp_path / "first"))
    con.execute("DELETE FROM meta.source_records")  # rows written by another tool: no version on record
    assert _load(con, db, "r2", _place(tmp_path / "second", "A later title", "2030-01-01"))
    assert con.execute("SELECT brief_title FROM studies").fetchall() == [("A later title",)]
    con.close()


def test_a_write_connection_checkpoints_after_a_few_batches_not_each_and_duckdb_never_at_a_commit(
        tmp_path, monkeypatch, samples):
    """A checkpoint DuckDB makes at a COMMIT runs within the limit as it stands, and when it runs out of memory the
    database is invalidated after a durable COMMIT: a run checkpoints between its batches itself, with room, once
    the log passes 256 MB (about ten batches of 2,000 studies)."""

    db = tmp_path / "w.duckdb"
    con = connect(db)
    assert con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0] == "1.0 PiB"
    assert checkpoints.CHECKPOINT_BYTES == 256 * 10**6
    logs = []
    checkpoint_due = checkpoints.checkpoint_due

    def watched(con):
        logs.append((database_file.log_bytes(con), checkpoint_due(con), database_file.log_bytes(con)))
        return logs[-1][1]

    monkeypatch.setattr(load_module, "checkpoint_due", watched)
    monkeypatch.setattr(checkpoints, "CHECKPOINT_BYTES", 5_000)  # a batch of one study writes 11-60 KB
    result = run_pipeline(con, run_id="r", source=samples, db_path=db, as_of=date(2026, 11, 22), batch_size=1,
                          workers=1, check=False)
    assert result.loaded == len(logs) == 5
    assert all(before > 5_000 and done and after < 1_000 for before, done, after in logs)  # only the record
    assert con.execute("SELECT count(*) FROM meta.memory_held").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 5
    monkeypatch.setattr(checkpoints, "CHECKPOINT_BYTES", 256 * 10**6)
    con.execute("CREATE TABLE meta.later AS SELECT range AS i FROM range(10)")
    assert not checkpoint_due(con) and database_file.log_bytes(con) > 0  # below it, the log waits
    con.close()


def test_a_writing_connection_bounds_duckdb_memory_and_the_setting_overrides_it(tmp_path, monkeypatch):
    from warehouse.connect import connect

    con = connect(tmp_path / "a.duckdb")
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "244.1 MiB"  # 256 MB
    con.close()
    monkeypatch.setenv("TRIALQC_DUCKDB_MEMORY", "1GB")
    con = connect(tmp_path / "b.duckdb")
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "953.6 MiB"
    con.close()


def _limit(con) -> float:
    """The connection's memory limit in MiB, as DuckDB shows it ('244.1 MiB')."""
    shown = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    return float(shown.removesuffix(" MiB"))


def test_the_memory_limit_leaves_room_for_the_keys_of_a_grown_warehouse(tmp_path, monkeypatch):
    """A keyed table's index is held in memory whole: the limit grows by 128 bytes a key, so a grown warehouse
    still leaves the cache its 256 MB. The bookkeeping tables with the longest keys have none (DDL 190): their
    rows do not count."""
    from warehouse import connect as connect_module

    db = tmp_path / "w.duckdb"
    con = connect_module.connect(db)
    con.execute("INSERT INTO meta.source_files (sha256, path) SELECT md5(i::VARCHAR), 'f' || i FROM range(400000) t(i)")
    con.execute("INSERT INTO meta.quality_issue_history SELECT md5(i::VARCHAR), 'NCT' || i, 'r', 'c', 'error', [], "
                "'m', NULL, 'run', now(), 'run', now(), NULL, NULL FROM range(400000) t(i)")
    con.close()
    con = connect_module.connect(db)
    assert _limit(con) == pytest.approx(256 * 10**6 / 2**20, abs=0.1)
    con.execute("INSERT INTO meta.study_documents (nct_id) SELECT 'NCT' || i FROM range(400000) t(i)")
    con.close()
    con = connect_module.connect(db)  # 400,000 keys: 256 MB + 51 MB
    assert _limit(con) == pytest.approx((256 + 400_000 * 128 // 10**6) * 10**6 / 2**20, abs=0.1)
    con.close()
    monkeypatch.setenv("TRIALQC_DUCKDB_MEMORY", "300MB")  # the setting is the whole limit
    con = connect_module.connect(db)
    assert _limit(con) == pytest.approx(300 * 10**6 / 2**20, abs=0.1)
    con.close()


def test_what_follows_a_run_has_room_to_rewrite_a_row_group_of_long_texts(tmp_path):
    """2 KB a study (an eligibility criteria text), up to a whole row group of them (122,880 rows, 250 MB)."""
    from warehouse import connect as connect_module

    con = connect_module.connect(tmp_path / "w.duckdb")
    con.execute("INSERT INTO studies (nct_id, source_layout, source_sha256) "
                "SELECT printf('NCT%08d', i), 'ctgov_json_v2', '0' FROM range(50000) t(i)")
    keys = con.execute(memory_limit.KEYED_ROWS).fetchone()[0]
    assert memory_limit.fit_memory(con) == f"{256 + keys * 128 // 10**6}MB"
    assert memory_limit.fit_memory(con, rewrite=True) == f"{256 + (keys * 128 + 50_000 * 2_048) // 10**6}MB"
    con.execute("INSERT INTO studies (nct_id, source_layout, source_sha256) "
                "SELECT printf('NCT1%07d', i), 'ctgov_json_v2', '0' FROM range(100000) t(i)")
    keys = con.execute(memory_limit.KEYED_ROWS).fetchone()[0]
    assert memory_limit.fit_memory(con, rewrite=True) == f"{256 + (keys * 128 + 122_880 * 2_048) // 10**6}MB"
    con.close()


def test_closing_a_writer_with_changes_in_its_log_gives_the_checkpoint_closing_makes_room_to_rewrite(
        tmp_path, monkeypatch):
    """The report and the search index have no room to rewrite a row group; the checkpoint that closing makes of
    what the log still holds has it, as every checkpoint after a run has (one that runs out of memory is fatal)."""
    from warehouse import connect as connect_module

    db = tmp_path / "w.duckdb"
    con = connect_module.connect(db)
    con.execute("INSERT INTO studies (nct_id, source_layout, source_sha256) "
                "SELECT printf('NCT%08d', i), 'ctgov_json_v2', '0' FROM range(5000) t(i)")
    keys = con.execute(memory_limit.KEYED_ROWS).fetchone()[0]
    limits = []
    fit_memory = memory_limit.fit_memory

    def fitting(con, rewrite=False, deletions=False):
        limits.append(fit_memory(con, rewrite, deletions))
        return limits[-1]

    monkeypatch.setattr(connect_module, "fit_memory", fitting)
    connect_module.close(con)
    assert limits == [f"{256 + (keys * 128 + 5000 * 2_048) // 10**6}MB"] and not Path(f"{db}.wal").exists()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 5000
    con.close()
    con = connect_module.connect(db)
    limits.clear()
    connect_module.close(con)  # nothing in the log: nothing to make room for
    assert limits == []


def test_a_run_fits_the_memory_limit_to_the_keys_it_added_before_its_check(tmp_path, monkeypatch):
    monkeypatch.setattr(memory_limit, "KEY_BYTES", 10**6)  # a key a megabyte: each new key shows
    folder = _place(tmp_path / "in")
    db = tmp_path / "w.duckdb"
    con = connect(db)
    before = _limit(con)
    run_pipeline(con, run_id="r", source=folder, db_path=db, as_of=date(2026, 11, 22), workers=1)
    keys = con.execute(memory_limit.KEYED_ROWS).fetchone()[0]
    assert _limit(con) == pytest.approx((256 + keys) * 10**6 / 2**20, abs=0.1)
    assert _limit(con) > before
    con.close()


def test_a_batch_loads_on_one_thread_and_the_connection_gets_its_threads_back(tmp_path):
    con = connect(tmp_path / "t.duckdb")
    con.execute("SET threads = 3")
    recording = RecordingConnection(con)
    run_pipeline(recording, run_id="r", source=_place(tmp_path / "in"), db_path=tmp_path / "t.duckdb",
                 as_of=date(2026, 11, 22), check=False, workers=1)
    sets = [s for s in recording.statements if s.startswith("SET threads")]
    assert sets == ["SET threads = 1", "SET threads = 3"]
    assert recording.statements.index("SET threads = 1") < recording.statements.index("BEGIN TRANSACTION")
    assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 3
    con.close()


def test_a_failing_batch_keeps_its_own_error_and_restores_the_threads(tmp_path):
    from warehouse.connect import one_thread, transaction

    con = connect(tmp_path / "f.duckdb")
    con.execute("SET threads = 2")
    try:
        with one_thread(con), transaction(con):
            assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
            con.execute("SELECT * FROM no_such_table")
    except duckdb.CatalogException as exc:
        assert "no_such_table" in str(exc)
    else:
        raise AssertionError("the statement should have failed")
    assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 2
    con.close()


def test_a_run_sets_one_thread_once_for_all_its_batches(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for name in ("NCT04916756.json", "NCT04916756.xml", "NCT04916756.clincosm.txt"):
        (source / name).write_bytes((STUDY.parent / name).read_bytes())
    con = connect(tmp_path / "t.duckdb")
    con.execute("SET threads = 3")
    recording = RecordingConnection(con)
    result = run_pipeline(recording, run_id="r", source=source, db_path=tmp_path / "t.duckdb",
                          as_of=date(2026, 11, 22), check=False, workers=1, batch_size=1)
    assert result.files_seen == 3 and recording.statements.count("BEGIN TRANSACTION") >= 3
    # Each batch restoring the threads started DuckDB's thread pool again: ~10 ms per batch for nothing.
    assert [s for s in recording.statements if s.startswith("SET threads")] == ["SET threads = 1", "SET threads = 3"]
    con.close()


def test_checkpoints_store_long_strings_without_fsst(tmp_path):
    con = connect(tmp_path / "s.duckdb")
    assert con.execute("SELECT current_setting('disabled_compression_methods')").fetchone()[0].lower() == "fsst"
    # Varied long texts, which DuckDB would otherwise compress with FSST (its costliest checkpoint step).
    con.execute("CREATE TABLE texts AS SELECT 'Inclusion criteria ' || i || ' age over ' || (i % 90) || "
                "' years, written consent ' || md5(i::VARCHAR) AS t FROM range(200000) r(i)")
    con.execute("CHECKPOINT")
    methods = {r[0] for r in con.execute("SELECT DISTINCT compression FROM pragma_storage_info('texts') "
                                         "WHERE segment_type = 'VARCHAR'").fetchall()}
    assert methods and not any("FSST" in m.upper() for m in methods), methods
    con.close()


def test_a_batch_keeps_only_the_rows_of_its_current_versions():
    import pandas as pd

    from warehouse.load import _rows_of

    frame = pd.DataFrame({"nct_id": ["NCT1", "NCT1", "NCT2", "NCT3"]}, index=[0, 0, 1, 2])
    assert _rows_of(frame, np.array([0, 1, 2])) is frame  # every row kept: no copy
    assert _rows_of(frame, np.array([0, 2]))["nct_id"].tolist() == ["NCT1", "NCT1", "NCT3"]
    assert _rows_of(frame.iloc[:0], np.array([0])).empty
    table, at = pa.Table.from_pandas(frame, preserve_index=False), frame.index.to_numpy()
    assert _rows_of(table, np.array([0, 1, 2]), at) is table
    assert _rows_of(table, np.array([0, 2]), at)["nct_id"].to_pylist() == ["NCT1", "NCT1", "NCT3"]
    assert _rows_of(table.slice(0, 0), np.array([0]), at[:0]).num_rows == 0


def _wal_bytes(db: Path) -> int:
    wal = db.with_name(db.name + ".wal")
    return wal.stat().st_size if wal.exists() else 0


def test_changes_held_in_the_log_above_an_eighth_of_the_limit_are_checkpointed_and_below_it_wait(
        tmp_path, monkeypatch):
    from warehouse import connect as connect_module

    monkeypatch.setenv("TRIALQC_DUCKDB_MEMORY", "64MB")  # an eighth: 8 MB of log
    db = tmp_path / "w.duckdb"
    con = connect_module.connect(db)
    assert memory_limit.memory_limit_bytes(con) == pytest.approx(64 * 10**6, rel=0.001)
    con.execute("CREATE TABLE filler AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(20000)")
    small = _wal_bytes(db)
    assert 0 < small < 8 * 10**6 and database_file.log_bytes(con) == small
    assert checkpoints.checkpoint_held_changes(con) is con and _wal_bytes(db) == small
    con.execute("INSERT INTO filler SELECT range, repeat(md5(range::VARCHAR), 4) FROM range(100000)")
    assert _wal_bytes(db) > 8 * 10**6
    again = checkpoints.checkpoint_held_changes(con)
    assert again is not con and _wal_bytes(db) < 10**5  # checkpointed; only what it measured is in the log
    with pytest.raises(duckdb.ConnectionException):
        con.execute("SELECT 1")  # a new connection holds nothing of what the checkpoint read
    assert memory_limit.memory_limit_bytes(again) == pytest.approx(64 * 10**6, rel=0.001)  # the setting's
    assert again.execute("SELECT count(*) FROM filler").fetchone()[0] == 120000
    again.close()


@pytest.mark.parametrize("setting, shown", [("2GB", 2 * 10**9), ("100KB", 10**5), ("-1", None)])
def test_the_memory_limit_is_read_in_bytes_whatever_unit_duckdb_shows_it_in(setting, shown):
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{setting}'")
    if shown is None:  # no limit: shown in PiB, far above any log
        assert memory_limit.memory_limit_bytes(con) > 2**50
    else:
        assert memory_limit.memory_limit_bytes(con) == pytest.approx(shown, rel=0.05)  # shown as '1.8 GiB'
    con.close()


def test_a_check_begins_after_a_checkpoint_when_the_loading_left_much_in_the_log(tmp_path, monkeypatch):
    """At 200,000 studies, after 24,000 files changed, the check ran out of memory beside the changes held."""
    import checks

    seen = []
    run_checks = checks.run_checks

    def checking(con, *args, **kwargs):
        seen.append(database_file.log_bytes(con))
        return run_checks(con, *args, **kwargs)

    monkeypatch.setattr(checks, "run_checks", checking)
    monkeypatch.setattr(checkpoints, "HELD_SHARE", 10**9)  # any change left in the log is much
    db = tmp_path / "w.duckdb"
    con = connect(db)
    reconnected = []
    run_pipeline(con, run_id="r", source=_place(tmp_path / "in"), db_path=db, as_of=date(2026, 11, 22), workers=1,
                 reconnected=reconnected.append)
    assert len(seen) == 1 and seen[0] < 1_000  # checkpointed: only the record of what the checkpoint held is left
    assert len(reconnected) == 1 and reconnected[0] is not con  # the check ran on a new connection, given back
    with pytest.raises(duckdb.ConnectionException):
        con.execute("SELECT 1")
    con = reconnected[0]
    assert con.execute("SELECT count(*) FROM meta.unchecked_studies").fetchone()[0] == 0
    assert con.execute("SELECT status FROM meta.load_runs WHERE run_id = 'r'").fetchone()[0] == "completed"
    con.close()


class _Shows:
    """A connection whose every setting and path reads as one text."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def execute(self, sql: str, *args) -> "_Shows":
        return self

    def fetchone(self) -> tuple[str]:
        return (self.shown,)


@pytest.mark.parametrize("shown", ["unlimited", "12 parsecs", "many MiB"])
def test_a_limit_shown_in_no_known_unit_skips_the_checkpoint_instead_of_failing_the_check(shown):
    assert memory_limit.memory_limit_bytes(_Shows(shown)) is None
    shows = _Shows(shown)
    assert checkpoints.checkpoint_held_changes(shows) is shows


def test_a_connection_opened_again_lets_go_what_a_checkpoint_after_deletes_left_held(tmp_path):
    """DuckDB 1.5.5 cannot evict the blocks a checkpoint after scattered deletes leaves, in proportion to the table
    (845 MiB at 600,000 studies after the search index's refresh). The same file opened again holds none of them,
    with the same threads, all the data and room to rewrite a row group."""
    from warehouse import connect as connect_module

    db = tmp_path / "w.duckdb"
    con = connect_module.connect(db)
    con.execute("CREATE TABLE rows_of AS SELECT printf('NCT%08d', i // 3) AS nct_id, repeat(md5(i::VARCHAR), 4) AS s "
                "FROM range(600000) t(i)")
    con.execute("CHECKPOINT")
    con.close()
    con = connect_module.connect(db)
    con.execute("SET threads = 1")
    con.execute("DELETE FROM rows_of WHERE hash(nct_id) % 100 = 0")
    con.execute("INSERT INTO rows_of SELECT printf('NCT%08d', i), 'new' FROM range(1000) t(i)")
    con.execute("CHECKPOINT")
    with pytest.raises(duckdb.OutOfMemoryException):  # held: a few megabytes cannot be had back
        con.execute("SET memory_limit = '4MB'")
    rows = con.execute("SELECT count(*), sum(hash(s)) FROM rows_of").fetchone()
    again = checkpoints.reopen(con)
    with pytest.raises(duckdb.ConnectionException):
        con.execute("SELECT 1")  # the connection it replaces is closed
    assert again.execute("SELECT current_setting('threads')").fetchone()[0] == 1
    assert memory_limit.memory_limit_bytes(again) == pytest.approx(
        int(memory_limit.fit_memory(again, rewrite=True).removesuffix("MB")) * 10**6, rel=0.001)
    again.execute("SET memory_limit = '4MB'")  # nothing held
    again.execute("SET memory_limit = '256MB'")
    assert again.execute("SELECT count(*), sum(hash(s)) FROM rows_of").fetchone() == rows
    again.close()


def _scattered_deletions(db: Path, rows: int) -> None:
    """A table of `rows` rows, one in a hundred deleted all through it, checkpointed: DuckDB then records a
    deletion in every stretch of 2,048 rows, and reads those records at every checkpoint that follows."""
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE scattered AS SELECT range AS i FROM range({rows})")
    con.execute("DELETE FROM scattered WHERE i % 100 = 7")
    con.close()


@pytest.fixture(scope="module")
def scattered_warehouse(tmp_path_factory) -> Path:
    """The warehouse's tables (made within the usual limit) and `_scattered_deletions` of 12,000,000 rows: 5,860
    stretches of 2,048 rows with a deletion, about 104 MB of records; closed, the tests checkpoint copies of it."""
    db = tmp_path_factory.mktemp("scattered") / "w.duckdb"
    connect(db).close()
    _scattered_deletions(db, 12_000_000)
    return db


def _copy(made: Path, tmp_path: Path) -> Path:
    db = tmp_path / "w.duckdb"
    shutil.copyfile(made, db)
    return db


def test_a_checkpoint_has_room_for_the_deleted_rows_records_it_reads_and_records_what_it_held(scattered_warehouse,
                                                                                               tmp_path, monkeypatch):
    """At 600,000 studies, after runs that changed 1% of them, a checkpoint read about 900 MiB of the deleted rows'
    records and held them: the check's checkpoint ran out of memory, fatally for DuckDB's database. A checkpoint
    now has room for them, records what it held, and the limits set after it leave that room."""
    from warehouse import connect as connect_module

    db = _copy(scattered_warehouse, tmp_path)
    monkeypatch.setattr(memory_limit, "DUCKDB_MEMORY_MB", 32)  # a cache far smaller than the records
    monkeypatch.setattr(memory_limit, "REWRITE_BYTES", 0)
    con = connect_module.connect(db)
    con.execute("CREATE TABLE meta.one AS SELECT 1 AS a")  # any change: the checkpoint reads every table's records
    assert memory_limit.fit_memory(con) == "32MB"
    ready = checkpoints.checkpoint(con)
    held = memory_limit.recorded_held(ready)
    assert 80 * 10**6 < held < 160 * 10**6
    assert memory_limit.fit_memory(ready) == f"{32 + held // 10**6}MB"  # room for them from now on
    ready.execute("INSERT INTO meta.one VALUES (2)")
    ready = checkpoints.checkpoint(ready)  # read again, within the room
    assert ready.execute("SELECT count(*) FROM scattered").fetchone()[0] == 11_880_000
    ready.close()


def test_without_room_for_the_deleted_rows_records_the_same_checkpoint_fails(scattered_warehouse, tmp_path):
    """What the room is for: the same checkpoint at the limit without it is a fatal error."""
    db = _copy(scattered_warehouse, tmp_path)
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE one AS SELECT 1 AS a")
    con.execute("SET memory_limit = '32MB'")
    with pytest.raises(duckdb.Error, match="could not allocate|failed to pin|Out of Memory"):
        con.execute("CHECKPOINT")
    con.close()


def test_a_checkpoint_between_batches_has_room_for_the_deleted_rows_records_and_keeps_its_connection(
        scattered_warehouse, tmp_path, monkeypatch):
    """A run that changed many studies of a large warehouse checkpoints while it loads: with room for the deleted
    rows' records (a fatal error without it), on the same connection, and the limit after it leaves room for
    what it holds."""
    from warehouse import connect as connect_module

    db = _copy(scattered_warehouse, tmp_path)
    monkeypatch.setattr(memory_limit, "DUCKDB_MEMORY_MB", 32)
    monkeypatch.setattr(checkpoints, "CHECKPOINT_BYTES", 0)
    con = connect_module.connect(db)
    con.execute("CREATE TABLE meta.one AS SELECT 1 AS a")
    assert memory_limit.fit_memory(con) == "32MB"
    assert checkpoints.checkpoint_due(con)
    held = memory_limit.recorded_held(con)
    assert 80 * 10**6 < held < 160 * 10**6
    assert memory_limit.memory_limit_bytes(con) == pytest.approx((32 + held // 10**6) * 10**6, rel=0.001)
    assert con.execute("SELECT count(*) FROM scattered").fetchone()[0] == 11_880_000
    con.close()


@pytest.fixture(scope="module")
def conditions_of_6000_studies(tmp_path_factory) -> Path:
    """A warehouse of 12,000,000 conditions of 6,000 studies, each study's all through the table, closed: the tests
    delete from copies of it."""
    db = tmp_path_factory.mktemp("conditions") / "w.duckdb"
    connect(db).close()
    seed = duckdb.connect(str(db))
    seed.execute("INSERT INTO conditions (nct_id, name) SELECT printf('NCT%08d', range % 6000), 'c' "
                 "FROM range(12000000)")
    seed.close()
    return db


def test_deleting_a_changed_studys_rows_has_room_for_their_records_until_a_checkpoint_measures_them(
        conditions_of_6000_studies, tmp_path, monkeypatch):
    """At 600,000 studies, on a warehouse whose last checkpoint held little, the run after 1% changed ran out of
    memory in its second batch's deletes (limit 394 MiB): the records of the rows deleted are held from the DELETE
    on. The loading now has room for a record of every stretch of the study tables until a checkpoint measures
    what is held (then recorded, meta.memory_held)."""
    from warehouse import connect as connect_module
    from warehouse.tables import STUDY_TABLES

    db = tmp_path / "w.duckdb"
    shutil.copyfile(conditions_of_6000_studies, db)
    monkeypatch.setattr(memory_limit, "DUCKDB_MEMORY_MB", 32)
    con = connect_module.connect(db)
    base = memory_limit.fit_memory(con)
    stale = pa.table({"nct_id": [f"NCT{n:08d}" for n in range(0, 6000, 60)]})  # 100 studies: every stretch
    con.register("_replaced", stale)
    memory_limit.deleting_from(con, STUDY_TABLES)
    room = memory_limit.memory_limit_bytes(con) - int(base.removesuffix("MB")) * 10**6
    assert 100 * 10**6 < room < 120 * 10**6  # 5,860 stretches of the conditions table, 18 KB each
    with connect_module.transaction(con):
        con.execute("DELETE FROM conditions WHERE nct_id IN (SELECT nct_id FROM _replaced)")
    assert memory_limit.fit_memory(con) != base  # kept while the records are held and not measured
    con = checkpoints.checkpoint(con)
    held = memory_limit.recorded_held(con)
    assert held > 80 * 10**6
    assert memory_limit.fit_memory(con) == f"{32 + held // 10**6}MB"  # measured: the room is what was held
    assert con.execute("SELECT count(*) FROM conditions").fetchone()[0] == 11_800_000
    con.close()


def test_without_that_room_the_same_deletes_run_out_of_memory(conditions_of_6000_studies, tmp_path):
    """What the room is for: the same deletes from the same table within the cache alone fail."""
    db = tmp_path / "w.duckdb"
    shutil.copyfile(conditions_of_6000_studies, db)
    con = duckdb.connect(str(db))
    con.execute("SET memory_limit = '32MB'")
    with pytest.raises(duckdb.Error, match="could not allocate|failed to pin|Out of Memory"):
        con.execute("DELETE FROM conditions WHERE nct_id IN (SELECT printf('NCT%08d', range * 60) FROM range(100))")
    con.close()


def test_a_batch_asks_for_that_room_before_it_deletes_and_a_check_before_it_replaces_issues(tmp_path, monkeypatch):
    from checks import issue_rows
    from warehouse.tables import STUDY_TABLES

    asked = []
    for module in (load_module, issue_rows):
        real = module.deleting_from
        monkeypatch.setattr(module, "deleting_from", lambda con, tables, real=real: asked.append(tables) or
                            real(con, tables))
    db = tmp_path / "w.duckdb"
    con = connect(db)
    _load(con, db, "r1", _place(tmp_path / "first"))
    assert asked == []  # a new study deletes nothing
    _load(con, db, "r2", _place(tmp_path / "second", "A later title", "2030-01-01"))
    assert asked == [STUDY_TABLES]
    assert memory_limit.deleted_from[database_file.database_path(con)] == frozenset(STUDY_TABLES)
    run_pipeline(con, run_id="r3", source=tmp_path / "second", db_path=db, as_of=date(2026, 11, 22), workers=1,
                 recheck_all=True)
    assert ("quality_issues", "meta.unchecked_studies") in asked
    con.close()


def test_the_files_found_are_let_go_before_the_check(tmp_path, monkeypatch):
    """At 600,000 files they took 160 MiB, held through the check's checkpoint, where a run after 1% changed
    peaked (1,533 MiB)."""
    import gc

    from flows import check_studies, inputs

    found_during_check = []
    real = check_studies.ready_to_check

    def counting(con, reconnected=None):
        gc.collect()
        found_during_check.append(sum(isinstance(o, inputs.FileEntry) for o in gc.get_objects()))
        return real(con, reconnected)
    monkeypatch.setattr(check_studies, "ready_to_check", counting)
    folder = tmp_path / "in"
    folder.mkdir()
    record = json.loads(STUDY.read_text())
    for n in range(3):
        record["protocolSection"]["identificationModule"]["nctId"] = f"NCT0491675{n}"
        (folder / f"NCT0491675{n}.json").write_text(json.dumps(record))
    db = tmp_path / "w.duckdb"
    con = connect(db)
    opened = [con]
    result = run_pipeline(con, run_id="r1", source=folder, db_path=db, as_of=date(2026, 11, 22), workers=1,
                          reconnected=opened.append)
    assert result.loaded == 3 and found_during_check == [0]
    opened[-1].close()


def test_the_room_for_the_records_of_deleted_rows_covers_what_the_last_checkpoint_held_not_on_top_of_it(
        tmp_path, monkeypatch):
    """What the last checkpoint held are records of the same tables' earlier deletions (within the bound of a
    record a stretch) and of tables a load scans little: counted on top, DuckDB filled the room with pages (a 1%
    run at 600,000 studies peaked at 1,774 MiB in its load)."""
    from warehouse import connect as connect_module
    from warehouse.deleted_rows import bound_bytes
    from warehouse.tables import STUDY_TABLES

    db = tmp_path / "w.duckdb"
    connect_module.connect(db).close()
    seed = duckdb.connect(str(db))
    seed.execute("INSERT INTO conditions (nct_id, name) SELECT printf('NCT%08d', range % 6000), 'c' "
                 "FROM range(2400000)")
    seed.close()
    monkeypatch.setattr(memory_limit, "DUCKDB_MEMORY_MB", 32)
    con = connect_module.connect(db)
    bound = bound_bytes(con, STUDY_TABLES)
    assert 20 * 10**6 < bound < 25 * 10**6  # 1,172 stretches of the conditions table, and the other tables'
    memory_limit.deleting_from(con, STUDY_TABLES)
    for held, room in ((5 * 10**6, bound), (60 * 10**6, 60 * 10**6)):
        checkpoints._record_held(con, held)
        assert memory_limit.fit_memory(con) == f"{32 + room // 10**6}MB"
    con.close()
