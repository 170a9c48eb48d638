"""A re-run does not read files recorded unchanged: they travel as blocks of columns, and are still counted."""
from __future__ import annotations

import logging
import os
import pickle
import shutil
import zipfile

import pyarrow as pa

from flows import inputs, unchanged_files
from flows.inputs import Input, UnchangedFiles
from flows.unchanged_files import Columns, candidates
from tests import unchanged_reference as reference


def _recorded(*names: str):
    """A lookup that says the files with these names are recorded unchanged, with a made-up sha256."""
    def lookup(files):
        paths = files.column("path").to_pylist()
        rows = [i for i, path in enumerate(paths) if os.path.basename(path) in names]
        return Columns({"row": rows, "path": [paths[i] for i in rows],
                        "sha256": [f"sha-{os.path.basename(paths[i])}" for i in rows]})
    return lookup


def test_runs_of_unchanged_files_come_as_blocks_in_order_and_are_never_opened(tmp_path):
    for name in "abcde":
        (tmp_path / f"{name}.json").write_bytes(name.encode() * 10)
    entries = inputs.discover(tmp_path)
    for name in "abd":  # gone since discovery: opening one would give an unreadable-file problem
        (tmp_path / f"{name}.json").unlink()
    items = list(inputs.read_inputs(entries, _recorded("a.json", "b.json", "d.json")))
    kinds = [(type(i).__name__, i.files.column("path").to_pylist() if isinstance(i, UnchangedFiles) else i.path)
             for i in items]
    assert kinds == [("UnchangedFiles", [str(tmp_path / "a.json"), str(tmp_path / "b.json")]),
                     ("Input", str(tmp_path / "c.json")),
                     ("UnchangedFiles", [str(tmp_path / "d.json")]),
                     ("Input", str(tmp_path / "e.json"))]
    assert items[0].files.column("sha256").to_pylist() == ["sha-a.json", "sha-b.json"]


def test_a_long_run_of_unchanged_files_is_cut_into_bounded_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(unchanged_files, "UNCHANGED_BLOCK", 4)
    for number in range(10):
        (tmp_path / f"{number}.json").write_bytes(b"{}")
    items = list(inputs.read_inputs(inputs.discover(tmp_path), _recorded(*(f"{n}.json" for n in range(10)))))
    assert [len(i) for i in items] == [4, 4, 2] and all(isinstance(i, UnchangedFiles) for i in items)


def test_all_files_are_looked_up_in_one_query(tmp_path, monkeypatch):
    for number in range(2500):
        (tmp_path / f"{number:04}.json").write_bytes(b"{}")
    calls = []

    def lookup(files):
        calls.append(files.num_rows)
        return _recorded()(files)
    assert sum(isinstance(i, Input) for i in inputs.read_inputs(inputs.discover(tmp_path), lookup)) == 2500
    assert calls == [2500]


def test_a_rerun_reads_only_files_whose_size_or_mtime_changed(run, samples, monkeypatch, caplog):
    pages = sorted(samples.glob("*.txt"))
    with zipfile.ZipFile(samples / "more.zip", "w") as archive:
        archive.writestr("copy.txt", pages[0].read_bytes())
    run(samples)
    grown, touched = pages[1], pages[2]
    stat = grown.stat()
    grown.write_bytes(grown.read_bytes() + b"\n")
    os.utime(grown, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime, new size
    os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # same size, new mtime
    shutil.copy2(pages[3], samples / "moved.txt")  # known content under a new path
    log = samples.parent / "read.log"  # files are read where they are parsed: in a worker too
    original = inputs._read_file

    def noted(entry):
        with open(log, "a") as out:
            out.write(entry.path + "\n")
        return original(entry)
    monkeypatch.setattr(inputs, "_read_file", noted)
    with caplog.at_level(logging.INFO, logger="trialqc"):
        again = run(samples)
    read = log.read_text().split("\n")[:-1]
    assert sorted(read) == sorted(str(p) for p in (grown, touched, samples / "moved.txt"))
    assert (again.files_seen, again.loaded, again.skipped, again.rejected) == (7, 1, 6, 0)
    assert "batch 1: 7 inputs" in caplog.text
    seen = run.con.execute("""SELECT path, outcome FROM meta.source_files WHERE last_seen_run = ?
                              ORDER BY path""", [again.run_id]).fetchall()
    assert len(seen) == 7 and {path.rsplit("/", 1)[-1] for path, _ in seen} >= {"more.zip!copy.txt", "moved.txt"}
    assert dict(seen)[str(grown)] == "loaded" and dict(seen)[str(samples / "moved.txt")] == "skipped"
    assert dict(seen)[str(pages[0])] == "loaded"  # skipped again: the first run's outcome stays


def test_modification_times_convert_in_bulk_exactly_as_one_by_one():
    import random
    from datetime import datetime, timezone

    rng = random.Random(9)
    values = [rng.randrange(0, 4 * 10**18) / 10**9 for _ in range(50_000)]
    values += [1_700_000_000.9999996, 1_700_000_000.9999994, 0.0000005, 1.5, -1.2500005, -86_400.9999999, 1e-7]
    values += [whole + half / 2**21 for whole in (0, 1_700_000_000) for half in range(0, 2**21, 4099)]
    one_by_one = [datetime.fromtimestamp(v, tz=timezone.utc).replace(tzinfo=None) for v in values]
    assert reference.utc_timestamps(values).to_pylist() == one_by_one
    epoch = datetime(1970, 1, 1)
    assert unchanged_files.utc_micros(values) == [(t - epoch) // unchanged_files._MICROSECOND for t in one_by_one]


def test_a_path_recorded_with_two_contents_at_one_size_and_mtime_gives_the_greater_hash(tmp_path):
    from datetime import datetime

    from warehouse.connect import connect
    from warehouse.runs import unchanged_files

    con = connect(tmp_path / "w.duckdb")
    at = datetime(2026, 1, 2, 3, 4, 5, 678901)
    con.executemany("INSERT INTO meta.source_files (sha256, path, size, mtime) VALUES (?, ?, ?, ?)",
                    [["b" * 64, "/x/one.json", 10, at], ["a" * 64, "/x/one.json", 10, at],
                     ["c" * 64, "/x/two.json", 10, at], ["d" * 64, "/x/three.json", 11, at]])
    paths, sizes = ["/x/zero.json", "/x/one.json", "/x/two.json", "/x/three.json"], [10, 10, 10, 12]
    files = pa.table({"path": paths, "size": pa.array(sizes, pa.int64()),
                      "mtime": pa.array([at] * 4, pa.timestamp("us"))})
    found = unchanged_files(con, candidates(paths, sizes, [at] * 4)).to_pydict()
    assert found == {"row": [1, 2], "path": ["/x/one.json", "/x/two.json"], "sha256": ["b" * 64, "c" * 64]}
    assert reference.unchanged_files(con, files).to_pydict() == found
    con.close()


def test_a_block_carries_only_its_own_rows_to_a_worker():
    """A block is pickled to the worker that prepares its batch: it must not drag the whole lookup along."""
    n = 50 * unchanged_files.UNCHANGED_BLOCK
    found = Columns({"row": list(range(n)), "path": [f"/data/records/NCT{i:08d}.json" for i in range(n)],
                     "sha256": [f"{i:064x}" for i in range(n)]})
    blocks = list(unchanged_files.blocks(found, 100, n))
    assert sum(len(b) for b in blocks) == n - 100
    assert blocks[0].files.column("path")[0].as_py() == "/data/records/NCT00000100.json"
    assert pa.concat_tables([b.files for b in blocks]).equals(found.table().slice(100).select(["path", "sha256"]))
    whole = len(pickle.dumps(Columns({"path": found.column("path"), "sha256": found.column("sha256")})))
    assert len(pickle.dumps(blocks[0])) < 3 * whole / 50
