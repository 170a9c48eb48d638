"""Files read and hashed in the worker processes; the run's process decides, before loading, what was known."""
from __future__ import annotations

import gc
import json
import os
import pickle
import tempfile
from pathlib import Path

import numpy as np
import pytest

from flows import batch_parts, batch_stages, batch_workers, inputs, parse_batch, prepared_batch
from warehouse import runs


def _noting(monkeypatch, module, name: str, where) -> None:
    """Replace module.name by a wrapper that notes the calling process. Workers started from the fork server
    (when the process holds much: a test process may) would not see it: `_forked_workers` forks them from here."""
    real = getattr(module, name)

    def noted(*args, **kwargs):
        with open(where, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, noted)


def _forked_workers(monkeypatch) -> None:
    """The run's workers forked from this process, so that they inherit what the test replaced."""
    import multiprocessing

    monkeypatch.setattr(batch_workers, "worker_context", lambda **_: multiprocessing.get_context("fork"))


# The runs of the tests below load only (check=False): they show how files are read, hashed, known and handed over,
# all before the check stage, and read nothing it writes.


def test_plain_files_are_read_in_the_workers_not_in_the_run_process(run, samples, tmp_path, monkeypatch):
    where = tmp_path / "read_in"
    _noting(monkeypatch, inputs, "_read_file", where)
    _forked_workers(monkeypatch)
    result = run(samples, batch_size=2, workers=2, check=False)
    assert result.loaded == 5
    pids = where.read_text().split()
    assert len(pids) == 5 and str(os.getpid()) not in pids
    assert result.stage_seconds["read_files"] > 0


def test_files_touched_since_the_last_run_are_known_in_the_worker_without_parsing(run, samples, tmp_path,
                                                                                   monkeypatch):
    run(samples, workers=2, check=False)
    for path in samples.iterdir():
        os.utime(path, (1_800_000_000, 1_800_000_000))  # a new mtime, the same content: read and hashed again
    where = tmp_path / "parsed_in"
    _noting(monkeypatch, parse_batch, "parse_input", where)
    _forked_workers(monkeypatch)
    result = run(samples, batch_size=2, workers=2, check=False)
    assert (result.loaded, result.skipped) == (0, 5)
    assert not where.exists()  # every file taken as known by its recorded hash, none parsed again


def test_recorded_prefixes_are_the_first_64_bits_of_every_recorded_hash(run, samples):
    run(samples, workers=1, check=False)
    shas = [r[0] for r in run.con.execute("SELECT sha256 FROM meta.source_files").fetchall()]
    assert len(shas) == 5
    assert runs.recorded_prefixes(run.con).tolist() == sorted({int(sha[:16], 16) for sha in shas})


def test_a_wrong_guess_of_a_known_file_is_prepared_again_before_loading(samples):
    entry = inputs.discover(samples)[0]
    sha = inputs.read_items([entry])[0].sha256
    # A recorded hash that shares the file's first 64 bits: the worker takes the file as known.
    guessed = batch_stages.prepare_read("r", [entry], set(), np.array([int(sha[:16], 16)], dtype=np.uint64))
    assert guessed.known == {sha} and guessed.batch.versions.empty
    ahead = batch_workers.BatchesAhead("r", 1, None)
    settled = ahead.settle([entry], guessed, lambda shas: set())  # ... but the warehouse does not know it
    assert settled.known == set() and len(settled.batch.versions) == 1
    assert settled.batch.files["outcome"].tolist() == ["loaded"]
    # A right guess is loaded as the worker prepared it.
    assert ahead.settle([entry], guessed, lambda shas: set(shas)) is guessed


def test_workers_inherit_the_recorded_prefixes_once_instead_of_receiving_them_with_each_batch(run, samples,
                                                                                            monkeypatch):
    run(samples, workers=1, check=False)
    sent = []
    real = batch_workers._BatchPool.apply_async

    def noted(self, func, args=(), *rest, **kwargs):
        sent.append(args)
        return real(self, func, args, *rest, **kwargs)

    monkeypatch.setattr(batch_workers._BatchPool, "apply_async", noted)
    for path in samples.iterdir():
        os.utime(path, (1_800_000_000, 1_800_000_000))
    result = run(samples, batch_size=2, workers=2, check=False)
    assert (result.loaded, result.skipped) == (0, 5)
    assert sent and not any(isinstance(arg, np.ndarray) for args in sent for arg in args)
    assert batch_workers._recorded_here is None  # the run's process keeps no copy once the workers end


def _prepared(samples):
    return batch_stages.prepare_batch("r", inputs.read_items(inputs.discover(samples)), set())


def test_a_batch_shared_through_a_file_comes_back_with_the_same_tables_and_leaves_no_file(samples, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    whole = _prepared(samples)
    shared = prepared_batch.share_tables(_prepared(samples), str(folder))
    assert shared.shared is not None and [p.name for p in folder.iterdir()] == [Path(shared.shared.path).name]
    assert all(t is None for t in shared.batch.frames.values()) and shared.batch.rejects is None
    back = prepared_batch.unshared(pickle.loads(pickle.dumps(shared)))  # as a worker's result arrives
    assert back.shared is None and not any(folder.iterdir())
    gc.collect()  # the tables stay readable from the mapping after the file is gone
    for name, table in whole.batch.frames.items():
        assert back.batch.frames[name].equals(table), name
    assert back.batch.rejects.equals(whole.batch.rejects)
    assert all(back.batch.meta_rows[n].equals(t) for n, t in whole.batch.meta_rows.items())


def test_tables_travel_with_the_batch_when_no_file_can_be_written(samples, tmp_path):
    prepared = prepared_batch.share_tables(_prepared(samples), str(tmp_path / "missing"))
    assert prepared.shared is None and prepared_batch.unshared(prepared) is prepared
    assert all(t is not None for t in prepared.batch.frames.values())


def test_a_run_with_workers_shares_its_batches_and_leaves_no_file(run, samples, monkeypatch, tmp_path):
    folders = []

    def memory_folder():
        folders.append(Path(tempfile.mkdtemp(dir=tmp_path)))
        return str(folders[-1])

    monkeypatch.setattr(batch_workers, "memory_folder", memory_folder)
    arrived, real = [], batch_workers.unshared
    monkeypatch.setattr(batch_workers, "unshared", lambda p: arrived.append(p.shared is not None) or real(p))
    result = run(samples, batch_size=2, workers=2, check=False)
    assert result.loaded == 5 and arrived == [True] * 3  # every batch's tables arrived through a file
    assert len(folders) == 1 and not folders[0].exists()


def test_the_shared_folder_of_a_killed_run_is_removed_by_the_next_run(tmp_path, monkeypatch):
    import subprocess
    import sys

    monkeypatch.setattr(prepared_batch, "MEMORY", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"trialqc-batches-{int(gone.stdout)}-abc"
    stale.mkdir()
    (stale / "batch-1.arrow").write_bytes(b"x")
    running = tmp_path / f"trialqc-batches-{os.getppid()}-def"  # a run still going: kept
    running.mkdir()
    other = tmp_path / "not-ours"
    other.mkdir()
    made = Path(prepared_batch.memory_folder())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([made.name, running.name, other.name])
    assert made.name.startswith(f"trialqc-batches-{os.getpid()}-")


def test_a_batch_is_made_without_cycle_collection_which_is_then_back_as_it_was(samples, monkeypatch):
    seen, real = [], batch_stages.validate_records
    monkeypatch.setattr(batch_stages, "validate_records", lambda parsed: seen.append(gc.isenabled()) or real(parsed))
    items = inputs.read_items(inputs.discover(samples))
    assert gc.isenabled()
    prepared = batch_stages.prepare_batch("r", items, set())
    assert seen == [False] and gc.isenabled() and len(prepared.batch.versions) == 5
    gc.disable()
    try:
        batch_stages.prepare_batch("r", items, set())
        assert not gc.isenabled()
    finally:
        gc.enable()


_ROOT = Path(__file__).resolve().parent.parent
_WITHOUT_PANDERA = """
import sys
from pathlib import Path
from flows import batch_stages, batch_workers, inputs, run
assert "pandera" not in sys.modules, "imported with the run"
nothing = batch_stages.prepare_batch("r", [], set())  # a batch of files recorded unchanged parses nothing
assert "pandera" not in sys.modules and nothing.batch.versions.empty and not nothing.batch.frames
with batch_workers.prepare_ahead("r", 2) as ahead:
    pending = ahead.start(inputs.discover(Path(sys.argv[1])), set())
    assert "flows.validate" in sys.modules, "loaded before the workers fork, once for both"
    assert len(pending.result().batch.versions) == 5
"""


def test_pandera_is_loaded_only_for_a_batch_to_validate_and_then_before_workers_fork(samples):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(_ROOT)}
    done = subprocess.run([sys.executable, "-c", _WITHOUT_PANDERA, str(samples)], env=env, cwd=_ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _items(kinds: str) -> list:
    """Items by letter: f a file to read, u a block of two files recorded unchanged."""
    from flows.unchanged_files import Columns

    block = lambda: inputs.UnchangedFiles(Columns({"path": ["a", "b"], "sha256": ["1", "2"]}))  # noqa: E731
    return [inputs.FileEntry(f"/f{i}", 1, None) if kind == "f" else block() for i, kind in enumerate(kinds)]


def _kinds(parts: list[list]) -> list[str]:
    return ["".join("u" if isinstance(item, inputs.UnchangedFiles) else "f" for item in part) for part in parts]


def test_a_batch_is_cut_in_order_into_parts_of_as_many_files_to_read_each():
    items = _items("uufuuffufuuufuf")
    parts = batch_parts.spread(items, 2, least=1)
    assert _kinds(parts) == ["uufuuffu", "fuuufuf"]  # unchanged blocks go with the files before them
    assert [i for part in parts for i in part] == items
    assert _kinds(batch_parts.spread(items, 3, least=2)) == ["uufuuf", "fufuuu", "fuf"]
    assert _kinds(batch_parts.spread(items, 2, least=4)) == ["uufuuffufuuufuf"]  # six files: too few for two
    assert _kinds(batch_parts.spread(_items("uuuf"), 2, least=1)) == ["uuuf"]


def _warehouse_rows(con, folder) -> dict:
    """Every loaded table's rows, its folder's name left out of the paths (times of files too)."""
    from warehouse.tables import STUDY_TABLES

    skip = {"run_id", "loaded_run", "first_seen_run", "last_seen_run", "checked_run", "mtime"}
    rows = {}
    for table in [*STUDY_TABLES, "quality_issues", "meta.source_records", "meta.source_files", "meta.rejects",
                  "meta.raw_values", "meta.load_problems", "meta.version_fields"]:
        columns = [c for (c, *_) in con.execute(f"DESCRIBE {table}").fetchall() if c not in skip]
        rows[table] = repr(con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
                           ).replace(str(folder), "")
    return rows


# The first run's warehouse of 60 studies and its files, as _first_run left them.
FIRST_RUN = "first-run"


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """A folder holding 60 studies' files and the warehouse of a first run over them with two workers (two full
    batches of 30, neither cut although a part may be as small as 2 files), kept beside it as it was left; with
    the parts each batch was prepared in (none). A test's second run restores both where they were made, so that
    it finds every file at the path, size and time the first run recorded."""
    import shutil
    from datetime import date

    from bench import generate
    from flows import worker_processes
    from flows.run import run_pipeline
    from tests.new_warehouse import connect_new

    folder = tmp_path_factory.mktemp("small-change")
    source = folder / "run" / "json"
    generate.write(source, 60, 3, "json", "folders")
    con = connect_new(folder / "run" / "w.duckdb")
    parts, real = [], batch_workers.merged
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(worker_processes, "FORK_MAX_BYTES", 2**62)  # as tests/conftest.py's workers_forked_here
        patch.setattr(batch_parts, "SPREAD_MIN_FILES", 2)
        patch.setattr(batch_workers, "merged", lambda prepared: parts.append(len(prepared)) or real(prepared))
        run_pipeline(con, run_id="first", source=source, db_path=folder / "run" / "w.duckdb",
                     as_of=date(2026, 11, 22), workers=2)
    con.close()
    shutil.copytree(folder / "run", folder / FIRST_RUN)  # copy2: each file keeps its modification time
    return folder, parts


def _small_change_run(first_run, least: int, monkeypatch, copy_across: bool = False):
    """The first run's warehouse of 60 studies, then a run after 12 of them changed (and, with `copy_across`, a
    copy of a changed file put among the others): its rows, and the parts of each batch prepared in parts."""
    import shutil
    from datetime import date

    from flows.run import run_pipeline
    from warehouse.connect import connect

    folder, _ = first_run
    shutil.rmtree(folder / "run")
    shutil.copytree(folder / FIRST_RUN, folder / "run")  # where the first run left them, as it left them
    source = folder / "run" / "json"
    con = connect(folder / "run" / "w.duckdb")
    kw = dict(db_path=folder / "run" / "w.duckdb", as_of=date(2026, 11, 22), workers=2)
    monkeypatch.setattr(batch_parts, "SPREAD_MIN_FILES", least)
    parts, real = [], batch_workers.merged
    monkeypatch.setattr(batch_workers, "merged", lambda prepared: parts.append(len(prepared)) or real(prepared))
    files = sorted(source.rglob("NCT*.json"))
    for path in files[::5]:
        record = json.loads(path.read_bytes())
        record["protocolSection"]["identificationModule"]["briefTitle"] += " (Amended)"
        path.write_text(json.dumps(record))
    if copy_across:
        shutil.copy(files[0], files[-1].with_name("NCT99999999-copy.json"))
    run_pipeline(con, run_id="second", source=source, **kw)
    rows = _warehouse_rows(con, folder / "run")
    con.close()
    return rows, parts


def test_a_small_change_prepared_in_parts_by_both_workers_loads_as_prepared_whole(first_run, monkeypatch):
    assert first_run[1] == []  # the first run's full batches are not cut
    spread, parts = _small_change_run(first_run, 2, monkeypatch)
    assert parts == [2]  # the changed files, one part per worker
    whole, parts = _small_change_run(first_run, 10**9, monkeypatch)
    assert parts == []
    assert spread == whole
    assert whole["meta.source_records"].count("Amended") == 12


def test_a_copy_across_parts_is_known_as_when_the_batch_is_prepared_whole(first_run, monkeypatch):
    spread, parts = _small_change_run(first_run, 2, monkeypatch, copy_across=True)
    assert parts == []  # the parts repeat a file: the batch was prepared again, whole
    whole, _ = _small_change_run(first_run, 10**9, monkeypatch, copy_across=True)
    assert spread == whole
    assert "NCT99999999-copy" in whole["meta.source_files"]


def test_batches_once_prepared_are_let_go_so_a_run_holds_only_those_in_flight(samples):
    # each started batch is kept until it is prepared (to know whether a worker is idle); a run of full
    # batches must not keep them all, with their tables, to its end
    entries = inputs.discover(samples)
    with batch_workers.prepare_ahead("r", 2, size=len(entries)) as ahead:
        for _ in range(6):
            assert len(ahead.start(entries, set()).result().batch.versions) == len(entries)
        assert len(ahead.busy) <= 1


def test_a_worker_lets_go_of_each_file_s_bytes_once_it_is_parsed(samples, monkeypatch):
    """A worker's batch holds its files' bytes while they are parsed, not on through validation and assembly."""
    import weakref

    made = []

    class Tracked(inputs.Input):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            made.append(weakref.ref(self))

    monkeypatch.setattr(inputs, "Input", Tracked)

    def counting_held(module, name: str) -> list[int]:
        """How many of the files are still held each time module.name is called."""
        counts, real = [], getattr(module, name)

        def counted(*args):
            counts.append(sum(ref() is not None for ref in made))
            return real(*args)
        monkeypatch.setattr(module, name, counted)
        return counts

    validating = counting_held(batch_stages, "validate_records")
    parsing = counting_held(parse_batch, "parse_chunk")
    monkeypatch.setattr(parse_batch, "CHUNK", 1)
    prepared = batch_stages.prepare_read("r", inputs.discover(samples), set(), None)
    assert len(made) == 5 and validating == [0]
    assert parsing == [5, 4, 3, 2, 1]  # the files still held as each is parsed
    assert len(prepared.batch.versions) == 5  # every study parsed and prepared all the same
