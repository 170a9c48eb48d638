"""The data path end to end on the bundled samples: outcomes add up, nothing is lost."""
from __future__ import annotations

import multiprocessing
import os
import shutil
from datetime import date

import pytest

from tests.conftest import SAMPLES, forked_here, runner
from tests.new_warehouse import connect_new
from warehouse.connect import connect
from warehouse.tables import STUDY_TABLES

EXPECTED_STUDIES = [
    ("NCT04916756", "COMPLETED", "PHASE1/PHASE2", 11, "ACTUAL", date(2020, 1, 16)),
    ("NCT04966884", "RECRUITING", "PHASE4", None, None, date(2020, 4, 2)),
    ("NCT05300932", "ACTIVE_NOT_RECRUITING", "PHASE4", 60, None, date(2022, 3, 8)),
    ("NCT05792462", "NOT_YET_RECRUITING", "PHASE1/PHASE2", 12, "ESTIMATED", date(2023, 3, 20)),
    ("NCT06936215", "RECRUITING", "PHASE3", 24, None, date(2024, 1, 1)),
]


def snapshot(con, *, with_paths: bool = True) -> dict[str, list]:
    """Every study-table row and every source_records row, sorted."""
    tables = {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in STUDY_TABLES}
    exclude = "loaded_run" if with_paths else "loaded_run, path"
    tables["meta.source_records"] = sorted(map(repr, con.execute(
        f"SELECT * EXCLUDE ({exclude}) FROM meta.source_records").fetchall()))
    return tables


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory):
    """One run (run1) over a copy of the samples in a folder of the module's, closed: (that folder, the warehouse)."""
    folder = tmp_path_factory.mktemp("samples-run")
    shutil.copytree(SAMPLES, folder / "records")
    db = folder / "trials.duckdb"
    con = connect_new(db)
    with forked_here():
        runner(db, con)(folder / "records")
    con.close()
    assert not db.with_name(db.name + ".wal").exists()  # all of it in the file that is copied
    return folder / "records", db


@pytest.fixture
def run_after_samples(samples_run, tmp_path):
    """`run` after its first run over the samples (`.samples`): their folder as that run saw it (the same path,
    sizes and modification times, set back for each test), and a copy of its warehouse; the next run is run2."""
    records, db = samples_run
    shutil.rmtree(records)
    shutil.copytree(SAMPLES, records)  # (copies the modification times too)
    shutil.copyfile(db, tmp_path / "trials.duckdb")
    con = connect(tmp_path / "trials.duckdb")
    run = runner(tmp_path / "trials.duckdb", con, first=2)
    run.samples = records
    yield run
    con.close()


def test_samples_load_with_the_right_values(run, samples):
    result = run(samples)
    assert (result.files_seen, result.loaded, result.rejected, result.skipped) == (5, 5, 0, 0)
    rows = run.con.execute("""SELECT nct_id, overall_status, phase, enrollment, enrollment_type, start_date
                              FROM studies ORDER BY 1""").fetchall()
    assert rows == EXPECTED_STUDIES
    layouts = dict(run.con.execute("SELECT nct_id, source_layout FROM studies").fetchall())
    assert layouts["NCT04916756"] == "ctgov_classic_text" and layouts["NCT04966884"] == "summary_text"
    assert layouts["NCT05300932"] == layouts["NCT06936215"] == "aggregator_text"


def test_second_run_skips_everything_and_changes_no_row(run_after_samples):
    run, samples = run_after_samples, run_after_samples.samples
    before = snapshot(run.con)
    again = run(samples)
    assert (again.files_seen, again.loaded, again.rejected, again.skipped) == (5, 0, 0, 5)
    assert snapshot(run.con) == before
    runs = run.con.execute(
        "SELECT files_seen, loaded, rejected, skipped, status FROM meta.load_runs ORDER BY started_at").fetchall()
    assert runs == [(5, 5, 0, 0, "completed"), (5, 0, 0, 5, "completed")]


def test_bad_files_are_rejected_with_reasons_while_seeds_load(run, samples):
    (samples / "random.bin").write_bytes(os.urandom(4096))
    (samples / "empty.txt").write_bytes(b"")
    seed = (samples / "000_3bb08d04cc95d761.txt").read_bytes()
    (samples / "half.txt").write_bytes(seed[: len(seed) // 2])
    (samples / "latin1.txt").write_bytes("Sponsor caf\xe9 \xff\xfe".encode("latin-1"))
    result = run(samples)
    assert (result.files_seen, result.loaded, result.rejected) == (9, 5, 4)
    assert result.files_seen == result.loaded + result.rejected + result.skipped
    reasons = dict(run.con.execute(
        "SELECT regexp_extract(path, '[^/]+$'), reason FROM meta.rejects").fetchall())
    assert reasons["random.bin"] == "binary data"
    assert reasons["empty.txt"] == "empty file"
    assert reasons["latin1.txt"] == "undecodable text"
    assert "truncated" in reasons["half.txt"]
    shas = run.con.execute("SELECT count(*) FROM meta.rejects WHERE length(sha256) = 64").fetchone()[0]
    assert shas == 4
    assert run.con.execute("SELECT count(*) FROM studies").fetchone()[0] == 5


def test_a_changed_file_replaces_its_study_and_history_keeps_both(run_after_samples):
    run, samples = run_after_samples, run_after_samples.samples
    page = samples / "001_3143f20ed8084c17.txt"
    page.write_text(page.read_text().replace("12 participants", "14 participants"))
    result = run(samples)
    assert (result.loaded, result.skipped) == (1, 4)
    enrollment = run.con.execute("SELECT enrollment FROM studies WHERE nct_id = 'NCT05792462'").fetchone()[0]
    assert enrollment == 14
    versions = run.con.execute("""SELECT enrollment, is_current, superseded FROM meta.source_records
                                  WHERE nct_id = 'NCT05792462' ORDER BY enrollment""").fetchall()
    assert versions == [(12, False, True), (14, True, False)]
    assert run.con.execute("SELECT count(*) FROM design_groups WHERE nct_id = 'NCT05792462'").fetchone()[0] == 1


def test_a_failing_batch_leaves_the_warehouse_untouched(run_after_samples, monkeypatch):
    from warehouse import load

    run, samples = run_after_samples, run_after_samples.samples
    before = snapshot(run.con)
    page = samples / "000_3bb08d04cc95d761.txt"
    page.write_text(page.read_text().replace("11 participants", "13 participants"))
    real_insert = load._insert

    def failing_insert(con, table, frame, statement=None):
        if table == "design_outcomes":
            raise OSError("disk full")
        return real_insert(con, table, frame, statement)

    monkeypatch.setattr(load, "_insert", failing_insert)
    with pytest.raises(OSError):
        run(samples)
    assert snapshot(run.con) == before
    status = run.con.execute("SELECT status FROM meta.load_runs ORDER BY started_at DESC LIMIT 1").fetchone()[0]
    assert status == "failed"


def test_small_batches_give_the_same_warehouse(run_after_samples, tmp_path):
    from flows.run import run_pipeline

    run, samples = run_after_samples, run_after_samples.samples
    other = connect(tmp_path / "other.duckdb")
    result = run_pipeline(other, run_id="b", source=samples, db_path=tmp_path / "other.duckdb",
                          as_of=date(2026, 11, 22), batch_size=2)
    assert result.loaded == 5
    assert snapshot(other) == snapshot(run.con)


def test_zip_members_load_and_hostile_members_are_rejected(run, samples, tmp_path):
    import zipfile

    archive = samples / "batch.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for page in sorted(samples.glob("00*.txt"))[:2]:
            z.writestr(f"inner/{page.name}.copy", page.read_bytes().replace(b"NCT0", b"NCT0", 1) + b"\n")
        z.writestr("../escape.txt", b"Sponsor\n")
        z.writestr("zeros.txt", b"\0" * 20_000_000)
    result = run(samples)
    assert result.files_seen == result.loaded + result.rejected + result.skipped
    paths = dict(run.con.execute(
        "SELECT regexp_extract(path, '[^!]+$'), reason FROM meta.rejects WHERE path LIKE '%batch.zip!%'").fetchall())
    assert "'..'" in paths["../escape.txt"]
    assert "ratio" in paths["zeros.txt"] or "large" in paths["zeros.txt"]
    loaded = run.con.execute(
        "SELECT count(*) FROM meta.source_files WHERE path LIKE '%batch.zip!inner/%' AND outcome = 'loaded'"
    ).fetchone()[0]
    assert loaded == 2
    assert not any(p.name == "escape.txt" for p in tmp_path.rglob("*"))


def test_worker_processes_prepare_the_batches_and_this_process_loads_them(run, samples, tmp_path, monkeypatch):
    from flows import batch_workers, validate

    where = tmp_path / "validated_in"
    real_validate = validate.validate_batch

    def noting_validate(parsed):
        with open(where, "a") as out:  # a worker forked from here inherits this wrapper: it notes its own pid
            out.write(f"{os.getpid()}\n")
        return real_validate(parsed)

    monkeypatch.setattr(validate, "validate_batch", noting_validate)
    # forked from this process (not from the fork server, which never saw the wrapper)
    monkeypatch.setattr(batch_workers, "worker_context", lambda **_: multiprocessing.get_context("fork"))
    result = run(samples, batch_size=2, workers=2)
    assert result.studies_loaded == len(EXPECTED_STUDIES)
    pids = set(where.read_text().split())
    assert pids and str(os.getpid()) not in pids
    assert {"read", "parse", "validate", "assemble", "load", "check"} <= set(result.stage_seconds)


def test_a_copy_of_a_file_in_any_batch_still_in_flight_is_skipped(run, samples, tmp_path):
    source = tmp_path / "copies"
    source.mkdir()
    pages = sorted(samples.glob("*.txt"))
    for name, original in (("a", pages[0]), ("b", pages[1]), ("c", pages[0])):
        (source / f"{name}.txt").write_bytes(original.read_bytes())
    result = run(source, batch_size=1, workers=2)  # three batches of one file, all three in flight at once
    assert (result.loaded, result.skipped) == (2, 1)
    outcomes = run.con.execute("SELECT path, outcome FROM meta.source_files ORDER BY path").fetchall()
    assert [(p.rsplit("/", 1)[-1][0], o) for p, o in outcomes] == [("a", "loaded"), ("b", "loaded"), ("c", "skipped")]


def test_a_small_run_gives_every_worker_a_batch_and_the_same_warehouse(run, samples, tmp_path):
    from flows.inputs import FileEntry, discover
    from flows.run import run_pipeline, shared_batch_size
    from warehouse.connect import connect

    entries = discover(samples)

    def sized(batch_size: int, workers: int, given: list = entries) -> int:
        size, going_on = shared_batch_size(batch_size, iter(given), workers)
        assert list(going_on) == given  # nothing looked at ahead is lost
        return size
    assert sized(2000, 2) == 3  # five files: two batches, one per worker
    assert sized(2000, 1) == 2000
    assert sized(2, 2) == 2  # more files than the two batches of two looked at ahead
    assert sized(4, 2) == 3
    assert sized(2000, 2, [FileEntry("/data/ctg-studies.json.zip", 1, None)]) == 2000
    run(samples, workers=1)
    other = connect(tmp_path / "other.duckdb")
    run_pipeline(other, run_id="w", source=samples, db_path=tmp_path / "other.duckdb", as_of=date(2026, 11, 22),
                 workers=2)
    assert snapshot(other) == snapshot(run.con)
