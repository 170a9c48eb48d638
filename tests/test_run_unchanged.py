"""A batch of files all recorded unchanged is settled by the run itself, never by the batch workers:
the warehouse it leaves is the one the full load path (parse, validate, assemble, load) leaves."""
from __future__ import annotations

import multiprocessing
import shutil

import pytest

from flows import run as run_module
from tests.conftest import AS_OF, SAMPLES, forked_here, samples_as_run_left_them
from tests.new_warehouse import connect_new
from warehouse.connect import connect

FILES = "SELECT sha256, path, size, mtime, layout, nct_id, study_count, outcome, first_seen_run, last_seen_run " \
        "FROM meta.source_files ORDER BY path, sha256"
COUNTS = ("SELECT run_id, status, files_seen, loaded, rejected, skipped, studies_loaded FROM meta.load_runs "
          "ORDER BY run_id")


# The runs here load only (check=False): what they show, which files are read and how each is recorded, is all
# settled before the check stage, and nothing the check stage writes is read.


def _runs(db, source, rounds: int, first: int = 1, **kwargs):
    """The warehouse's files and run counts after runs `first` to `rounds` over the same source (a warehouse at
    `db` that had the runs before `first`, or a new one), loading only."""
    con = connect(db) if first > 1 else connect_new(db)
    try:
        for number in range(first, rounds + 1):
            run_module.run_pipeline(con, run_id=f"run{number}", source=source, db_path=db, as_of=AS_OF, check=False,
                                    **kwargs)
        return con.execute(FILES).fetchall(), con.execute(COUNTS).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """One run over a copy of the samples in a folder of the module's, closed: (that folder, the warehouse)."""
    folder = tmp_path_factory.mktemp("first-run")
    shutil.copytree(SAMPLES, folder / "records")
    with forked_here():
        _runs(folder / "w.duckdb", folder / "records", 1)
    assert not (folder / "w.duckdb.wal").exists()  # all of it in the file that is copied
    return folder / "records", folder / "w.duckdb"


@pytest.fixture
def run_once(first_run, tmp_path):
    """The samples after one run over them: their folder as that run saw it (the same path, sizes and modification
    times, set back for each test), and a copy of the run's warehouse at tmp_path / "w.duckdb"."""
    return samples_as_run_left_them(*first_run, tmp_path)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_unchanged_batch_leaves_the_warehouse_the_load_path_leaves(samples, tmp_path, monkeypatch, workers):
    # The first run reads every file (none is recorded unchanged): one run, through the full path, begins both.
    with monkeypatch.context() as patched:
        patched.setattr(run_module, "only_unchanged", lambda items: False)  # every batch through the workers
        _runs(tmp_path / "short.duckdb", samples, 1, workers=workers, batch_size=2)
    shutil.copyfile(tmp_path / "short.duckdb", tmp_path / "full.duckdb")
    shortcut = _runs(tmp_path / "short.duckdb", samples, 3, 2, workers=workers, batch_size=2)
    monkeypatch.setattr(run_module, "only_unchanged", lambda items: False)
    full = _runs(tmp_path / "full.duckdb", samples, 3, 2, workers=workers, batch_size=2)
    assert shortcut == full
    files, counts = shortcut
    assert {row[-1] for row in files} == {"run3"}  # every file seen by the last run
    assert [c[3:6] for c in counts][1:] == [(0, 0, len(files))] * 2  # nothing loaded, every file skipped


def test_a_batch_with_one_file_to_read_still_goes_to_the_workers(run_once, tmp_path, monkeypatch):
    samples = run_once
    changed = sorted(p for p in samples.iterdir() if p.is_file() and p.suffix == ".txt")[0]
    changed.write_bytes(changed.read_bytes() + b"\n")
    started = []
    real = run_module.BatchStarter.start

    def start(self, items, known):
        started.append(run_module.only_unchanged(items))
        return real(self, items, known)
    monkeypatch.setattr(run_module.BatchStarter, "start", start)
    con = connect(tmp_path / "w.duckdb")
    try:
        result = run_module.run_pipeline(con, run_id="run2", source=samples, db_path=tmp_path / "w.duckdb",
                                         as_of=AS_OF, workers=1, batch_size=100, check=False)
    finally:
        con.close()
    assert started == [False] and result.skipped == result.files_seen - 1


def test_a_run_over_a_copy_of_the_source_reads_its_files(run_once, tmp_path):
    """Unchanged means the same path, size and mtime: a copy elsewhere is read (and skipped by its hash)."""
    copy = tmp_path / "copy"
    shutil.copytree(run_once, copy)
    con = connect(tmp_path / "w.duckdb")
    try:
        result = run_module.run_pipeline(con, run_id="run2", source=copy, db_path=tmp_path / "w.duckdb",
                                         as_of=AS_OF, workers=1, check=False)
    finally:
        con.close()
    assert result.loaded == 0 and result.skipped == result.files_seen > 0


def test_a_small_change_among_many_unchanged_files_is_read_in_one_batch():
    """Each batch of changed studies scans every study table to delete their old rows: 1,000 changed files among
    99,000 unchanged ones (1% of 100,000) fill one batch of 2,000, not one per 40,000 files seen."""
    from flows.inputs import FileEntry
    from flows.unchanged_files import UNCHANGED_BLOCK, Columns, UnchangedFiles

    def stream():
        for block in range(1000):  # a changed file, then 99 unchanged ones, a thousand times
            yield FileEntry(f"/x/{block}.json", 10, 0.0)
            yield UnchangedFiles(Columns({"path": [f"/u/{block}/{i}" for i in range(99)], "sha256": ["0" * 64] * 99}))

    items = stream()
    batch = run_module.next_batch(items, 2000)
    assert batch.last and run_module.files_in(batch) == 100_000
    assert sum(isinstance(item, FileEntry) for item in batch) == 1000
    # the cap still holds: past 100 unchanged files a slot, the batch is cut
    many = iter([UnchangedFiles(Columns({"path": [f"/u/{b}/{i}" for i in range(UNCHANGED_BLOCK)],
                                         "sha256": ["0" * 64] * UNCHANGED_BLOCK})) for b in range(500)])
    cut = run_module.next_batch(many, 2000)
    assert not cut.last and run_module.files_in(cut) == -(-100 * 2000 // UNCHANGED_BLOCK) * UNCHANGED_BLOCK


def test_files_recorded_unchanged_stay_in_the_run_s_process_and_are_still_seen(run_once, tmp_path, monkeypatch):
    """A batch after a small change holds mostly files recorded unchanged: the workers get only the files to read,
    and the run still records every unchanged file as seen and skipped."""
    from flows import batch_workers

    samples = run_once
    changed = sorted(p for p in samples.iterdir() if p.is_file() and p.suffix == ".txt")[0]
    changed.write_bytes(changed.read_bytes() + b"\n")
    where = tmp_path / "received"
    real = batch_workers.prepare_read

    def noted(run_id, items, known, recorded):
        with open(where, "a") as out:
            out.write(" ".join(type(item).__name__ for item in items) + "\n")
        return real(run_id, items, known, recorded)
    # (the workers forked from here, to inherit the note: workers=2 gives them even a one-file batch)
    monkeypatch.setattr(batch_workers, "prepare_read", noted)
    monkeypatch.setattr(batch_workers, "worker_context", lambda **_: multiprocessing.get_context("fork"))
    con = connect(tmp_path / "w.duckdb")
    try:
        result = run_module.run_pipeline(con, run_id="run2", source=samples, db_path=tmp_path / "w.duckdb",
                                         as_of=AS_OF, workers=2, batch_size=100, check=False)
        seen = con.execute("SELECT count(*) FILTER (last_seen_run = 'run2'), count(DISTINCT path) "
                           "FROM meta.source_files").fetchone()
    finally:
        con.close()
    assert where.read_text().split() == ["FileEntry"]
    assert (result.loaded, result.skipped, result.files_seen) == (1, result.files_seen - 1, result.files_seen)
    assert seen == (result.files_seen, result.files_seen)  # every file seen by the run, the changed one anew
