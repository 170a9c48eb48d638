"""A run's lookup of unchanged files passes plain Python columns (no pyarrow, so no pandas): it finds exactly
what the lookup over pyarrow tables finds, and marks exactly the same files seen."""
from __future__ import annotations

import random
from datetime import datetime, timezone

import pyarrow as pa
import pytest

from flows import inputs, unchanged_files
from flows.unchanged_files import Columns, UnchangedFiles, candidates, utc_micros
from tests import unchanged_reference as reference
from warehouse import runs
from warehouse.connect import connect
from warehouse.literals import SEPARATOR

AT = datetime(2026, 1, 2, 3, 4, 5, 678901)
ODD = ["/x/it's.json", "/x/a,b.json", "/x/new\nline.json", "/x/ünï ☃.json", f"/x/sep{SEPARATOR}.json",
       "/x/back\\slash.json", "/x/a.zip!member.txt"]


def test_modification_times_convert_to_microseconds_exactly_as_one_by_one():
    rng = random.Random(9)
    values = [rng.randrange(0, 4 * 10**18) / 10**9 for _ in range(50_000)]
    values += [1_700_000_000.9999996, 1_700_000_000.9999994, 0.0000005, 1.5, -1.2500005, -86_400.9999999, 1e-7]
    values += [whole + half / 2**21 for whole in (0, 1_700_000_000) for half in range(0, 2**21, 4099)]
    epoch = datetime(1970, 1, 1)
    one_by_one = [(datetime.fromtimestamp(v, tz=timezone.utc).replace(tzinfo=None) - epoch) // unchanged_files._MICROSECOND
                  for v in values]
    assert utc_micros(values) == one_by_one
    assert utc_micros(values) == [(t - epoch) // unchanged_files._MICROSECOND
                                  for t in reference.utc_timestamps(values).to_pylist()]


@pytest.fixture
def con(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    rows = [["b" * 64, "/x/one.json", 10, AT], ["a" * 64, "/x/one.json", 10, AT],  # two contents, one size and mtime
            ["c" * 64, "/x/two.json", 10, AT], ["d" * 64, "/x/three.json", 11, AT]]
    rows += [[f"{i:064x}", path, i, AT] for i, path in enumerate(ODD)]
    con.executemany("INSERT INTO meta.source_files (sha256, path, size, mtime) VALUES (?, ?, ?, ?)", rows)
    yield con
    con.close()


def _candidates():
    paths = ["/x/zero.json", "/x/one.json", "/x/two.json", "/x/three.json", *ODD, ODD[0], "/x/none.json"]
    sizes = [10, 10, 10, 12, *range(len(ODD)), 0, 1]
    mtimes = [AT] * (len(paths) - 2) + [AT, None]
    return paths, sizes, mtimes


def test_a_lookup_of_columns_finds_what_the_lookup_of_a_pyarrow_table_finds(con):
    paths, sizes, mtimes = _candidates()
    table = pa.table({"path": paths, "size": pa.array(sizes, pa.int64()), "mtime": pa.array(mtimes, pa.timestamp("us"))})
    by_table = reference.unchanged_files(con, table).to_pydict()
    by_columns = runs.unchanged_files(con, candidates(paths, sizes, mtimes))
    assert isinstance(by_columns, Columns)
    assert by_columns.to_pydict() == by_table
    assert by_table["row"][:3] == [1, 2, 4] and by_table["sha256"][0] == "b" * 64  # the greater hash stands
    assert len(by_table["row"]) == 2 + len(ODD) + 1  # the repeat of the first odd path (size 0) too
    assert runs.unchanged_files(con, candidates([], [], [])).to_pydict() == {"row": [], "path": [], "sha256": []}


def test_marking_columns_seen_marks_what_marking_a_pyarrow_table_marks(con):
    paths, sizes, mtimes = _candidates()
    found = runs.unchanged_files(con, candidates(paths, sizes, mtimes))
    seen = "SELECT path, sha256 FROM meta.source_files WHERE last_seen_run = ? ORDER BY ALL"
    con.execute("BEGIN")
    runs.see_files(con, "by-columns", found)
    runs.see_files(con, "by-table", found.table())
    assert con.execute(seen, ["by-columns"]).fetchall() == []  # all seen again by the later one
    marked = con.execute(seen, ["by-table"]).fetchall()
    con.execute("ROLLBACK")
    con.execute("BEGIN")
    runs.see_files(con, "by-columns", found)
    assert con.execute(seen, ["by-columns"]).fetchall() == marked
    con.execute("ROLLBACK")
    assert marked == sorted(set(zip(found.column("path"), found.column("sha256"))))
    assert ("/x/one.json", "a" * 64) not in marked


def test_blocks_of_columns_hold_the_rows_a_pyarrow_answer_gives(monkeypatch):
    monkeypatch.setattr(unchanged_files, "UNCHANGED_BLOCK", 3)
    n = 10
    found = Columns({"row": list(range(n)), "path": [f"/d/{i}.json" for i in range(n)],
                     "sha256": [f"{i:064x}" for i in range(n)]})
    from_columns = list(unchanged_files.blocks(found, 2, n))
    from_table = reference.blocks(found.table(), 2, n, 3)
    assert [len(b) for b in from_columns] == [len(b) for b in from_table] == [3, 3, 2]
    assert [b.files for b in from_columns] == from_table
    assert all(b.files.schema == from_table[0].schema for b in from_columns)
    joined = unchanged_files.joined(from_columns)
    assert isinstance(joined, Columns) and joined.table().equals(pa.concat_tables(from_table))


def test_a_run_of_unchanged_files_reads_as_blocks_of_columns(tmp_path):
    source = tmp_path / "records"
    source.mkdir()
    for name in "abc":
        (source / f"{name}.json").write_bytes(b"{}")
    con = connect(tmp_path / "w.duckdb")
    entries = inputs.discover(source)
    con.executemany("INSERT INTO meta.source_files (sha256, path, size, mtime) VALUES (?, ?, ?, ?)",
                    [[f"sha-{e.path[-6]}", e.path, e.size, e.mtime] for e in entries if not e.path.endswith("b.json")])
    items = list(inputs.read_inputs(entries, lambda files: runs.unchanged_files(con, files)))
    con.close()
    assert [type(i).__name__ for i in items] == ["UnchangedFiles", "Input", "UnchangedFiles"]
    assert isinstance(items[0].columns, Columns) and items[0].files.column("sha256").to_pylist() == ["sha-a"]
    assert isinstance(items[2], UnchangedFiles) and items[2].columns.column("path") == [str(source / "c.json")]


def test_a_block_gives_back_exactly_the_paths_and_hashes_it_was_made_of():
    import hashlib
    import pickle

    paths = [f"/data/records/{i:04d}/NCT{i:08d}.json" for i in range(3000)] + ODD + ["", "/x/nul\0.json"]
    hashes = [hashlib.sha256(p.encode()).hexdigest() for p in paths]
    odd_hashes = ["A" * 64, "x" * 64, " " * 64, "", "0" * 63, "ab" * 31 + " 0", "0" * 66]
    cases = [(paths, hashes), (paths[:-1], hashes[:-1]), ([], []), ([""], [hashes[0]]), (["", ""], hashes[:2]),
             (paths[:len(odd_hashes)], odd_hashes), (paths[:3], [hashes[0], "ABC", hashes[2]])]
    for given_paths, given_hashes in cases:
        block = UnchangedFiles(Columns({"path": given_paths, "sha256": given_hashes}))
        assert len(block) == len(given_paths)
        assert block.columns.to_pydict() == {"path": given_paths, "sha256": given_hashes}
        assert pickle.loads(pickle.dumps(block)) == block
        assert block.files.to_pydict() == {"path": given_paths, "sha256": given_hashes}


def test_a_block_of_files_recorded_unchanged_holds_under_a_hundred_bytes_a_file():
    """A run after a 1% change at 600,000 studies holds the blocks of every file, read ahead of its batches."""
    import hashlib
    import tracemalloc

    files = 20 * 1024
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        # as a lookup gives them: new strings, let go of once in blocks
        paths = [f"/tmp/registry/json/records/{i % 1000:04d}/NCT{i:08d}.json" for i in range(files)]
        hashes = [hashlib.sha256(p.encode()).hexdigest() for p in paths]
        blocks = [UnchangedFiles(Columns({"path": paths[at:at + 1024], "sha256": hashes[at:at + 1024]}))
                  for at in range(0, files, 1024)]
        del paths, hashes
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert sum(map(len, blocks)) == files
    assert held / files < 100
