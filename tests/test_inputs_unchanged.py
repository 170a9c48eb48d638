"""A re-run does not read files recorded unchanged: they travel as blocks of columns, and are still counted."""
from __future__ import annotations

import logging
import os
import shutil
import zipfile

import pyarrow as pa

from flows import inputs
from flows.inputs import Input, UnchangedFiles


def _recorded(*names: str):
    """A lookup that says the files with these names are recorded unchanged, with a made-up sha256."""
    def lookup(paths, sizes, mtimes):
        rows = [i for i, path in enumerate(paths) if os.path.basename(path) in names]
        return pa.table({"row": pa.array(rows, pa.int64()), "path": [paths[i] for i in rows],
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
    monkeypatch.setattr(inputs, "UNCHANGED_BLOCK", 4)
    for number in range(10):
        (tmp_path / f"{number}.json").write_bytes(b"{}")
    items = list(inputs.read_inputs(inputs.discover(tmp_path), _recorded(*(f"{n}.json" for n in range(10)))))
    assert [len(i) for i in items] == [4, 4, 2] and all(isinstance(i, UnchangedFiles) for i in items)


def test_all_files_are_looked_up_in_one_query(tmp_path, monkeypatch):
    for number in range(2500):
        (tmp_path / f"{number:04}.json").write_bytes(b"{}")
    calls = []

    def lookup(paths, sizes, mtimes):
        calls.append(len(paths))
        return _recorded()(paths, sizes, mtimes)
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
    read = []
    original = inputs._read_file
    monkeypatch.setattr(inputs, "_read_file", lambda entry: read.append(entry.path) or original(entry))
    with caplog.at_level(logging.INFO, logger="trialqc"):
        again = run(samples)
    assert sorted(read) == sorted(str(p) for p in (grown, touched, samples / "moved.txt"))
    assert (again.files_seen, again.loaded, again.skipped, again.rejected) == (7, 1, 6, 0)
    assert "batch 1: 7 inputs" in caplog.text
    seen = run.con.execute("""SELECT path, outcome FROM meta.source_files WHERE last_seen_run = ?
                              ORDER BY path""", [again.run_id]).fetchall()
    assert len(seen) == 7 and {path.rsplit("/", 1)[-1] for path, _ in seen} >= {"more.zip!copy.txt", "moved.txt"}
    assert dict(seen)[str(grown)] == "loaded" and dict(seen)[str(samples / "moved.txt")] == "skipped"
    assert dict(seen)[str(pages[0])] == "loaded"  # skipped again: the first run's outcome stays
