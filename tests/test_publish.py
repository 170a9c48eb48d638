"""Publishing writes only what changed into a file nobody reads, and never touches a file a reader holds."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb
import pytest

from flows import publish
from flows.publish_copy import nobody_has_open, rewrite_changed


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_run(files: publish.WriterFiles, rows: int) -> None:
    """A run: its working copy gains `rows` rows, then it publishes."""
    work = publish.prepare_working_copy(files)
    con = duckdb.connect(str(work))
    con.execute("CREATE TABLE IF NOT EXISTS t (x BIGINT)")
    con.execute("INSERT INTO t SELECT range FROM range(?)", [rows])
    con.close()
    publish.publish(files)


def _rows(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM t").fetchone()[0]
    finally:
        con.close()


def _no_whole_copy(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("copied the whole file")
    monkeypatch.setattr(publish, "copy_whole", refuse)


def test_with_nobody_reading_a_run_publishes_its_working_copy_and_goes_on_in_the_file_it_replaced(
        tmp_path, monkeypatch):
    """The run after a first load has no kept file to rewrite: it copies nothing whole, and the warehouse
    takes two files on disk, not three."""
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    _write_run(files, 200_000)  # the first: a whole copy (nothing was published to take the place of)
    first, work = files.published.stat().st_ino, files.work.stat().st_ino
    _no_whole_copy(monkeypatch)
    _write_run(files, 10)
    assert files.published.stat().st_ino == work, "the working copy itself was published"
    assert files.work.stat().st_ino == first, "the replaced file, rewritten, is the next working copy"
    assert _sha(files.published) == _sha(files.work) and _rows(files.published) == 200_010
    assert not files.previous.exists()
    assert sorted(p.name for p in files.folder.glob("*.duckdb")) == ["work.duckdb"]
    _write_run(files, 10)
    assert (files.published.stat().st_ino, files.work.stat().st_ino) == (first, work)
    assert _sha(files.published) == _sha(files.work) and _rows(files.published) == 200_020


def test_a_run_rewrites_the_file_published_two_runs_ago_when_nobody_reads_it_any_more(tmp_path, monkeypatch):
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    _write_run(files, 200_000)
    first = files.published.stat().st_ino
    with open(files.published, "rb"):  # read while the next run publishes: that one makes a whole copy
        _write_run(files, 10)
    assert files.previous.stat().st_ino == first, "the replaced file is kept"
    _no_whole_copy(monkeypatch)
    _write_run(files, 10)
    assert files.published.stat().st_ino == first, "its changed blocks were rewritten and it was published"
    assert _sha(files.published) == _sha(files.work)
    assert _rows(files.published) == 200_020
    assert files.previous.stat().st_ino != first


def test_a_reader_that_opens_the_published_file_while_it_is_replaced_keeps_it_unwritten(tmp_path, monkeypatch):
    """Between the look at the published file and the rename, a reader may open it: the file it replaced is
    then not rewritten into the next working copy, which is copied whole."""
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    _write_run(files, 200_000)
    reader = open(files.published, "rb")
    held = reader.read()
    real = publish.nobody_has_open
    monkeypatch.setattr(publish, "nobody_has_open", lambda path: path == files.published or real(path))
    _write_run(files, 10)
    reader.seek(0)
    assert reader.read() == held
    reader.close()
    assert _sha(files.published) == _sha(files.work) and _rows(files.published) == 200_010
    assert files.previous.exists()  # the reader's file, kept to rewrite once nobody reads it


def test_a_run_stopped_before_its_next_working_copy_was_made_leaves_the_next_run_a_whole_one(
        tmp_path, monkeypatch):
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    _write_run(files, 1000)

    def stopped(files):
        raise KeyboardInterrupt
    monkeypatch.setattr(publish, "_work_from_replaced", stopped)
    with pytest.raises(KeyboardInterrupt):
        _write_run(files, 10)
    monkeypatch.undo()
    assert _rows(files.published) == 1010 and not files.work.exists()
    _write_run(files, 5)
    assert _rows(files.published) == 1015
    assert _sha(files.published) == _sha(files.work)


def _disk_fills_after(monkeypatch, room: int) -> None:
    """copy_file_range writes `room` bytes more, then fails as a full disk does."""
    import errno

    real, left = os.copy_file_range, [room]

    def copying(src, dst, count, *rest):
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        done = real(src, dst, min(count, left[0]), *rest)
        left[0] -= done
        return done
    monkeypatch.setattr(os, "copy_file_range", copying)


def test_a_next_working_copy_cut_short_by_a_full_disk_is_not_taken_for_one(tmp_path, monkeypatch):
    """Published, the replaced file could not be rewritten (a reader opened it) and the whole copy that makes the
    next working copy instead ran out of room: no working copy is left, so the next run copies the published file
    whole, rather than going on from half a file the stamp vouches for; and the half takes no room."""
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    _write_run(files, 200_000)
    real = publish.nobody_has_open
    monkeypatch.setattr(publish, "nobody_has_open", lambda path: path == files.published or real(path))
    monkeypatch.setattr(publish, "_spare_free", lambda files: False)
    _disk_fills_after(monkeypatch, 1 << 18)
    with pytest.raises(OSError, match="No space left") as failed:
        _write_run(files, 10)
    monkeypatch.undo()
    assert _rows(files.published) == 200_010
    assert not files.work.exists() and not list(files.folder.glob("*.copying"))
    _write_run(files, 5)
    assert _rows(files.published) == 200_015 and _sha(files.published) == _sha(files.work)
    assert getattr(failed.value, "trialqc_stage", None) == publish.NEXT_COPY  # published: the message says so


def test_a_whole_copy_to_publish_cut_short_is_removed_and_nothing_is_published(tmp_path, monkeypatch):
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    _disk_fills_after(monkeypatch, 1 << 18)
    with pytest.raises(OSError, match="No space left") as failed:
        _write_run(files, 200_000)
    monkeypatch.undo()
    assert not files.published.exists() and [p.name for p in tmp_path.iterdir()] == [files.folder.name]
    _write_run(files, 5)  # the first run's batches are in the working copy: published with the next run's
    assert _rows(files.published) == 200_005
    assert getattr(failed.value, "trialqc_stage", None) == publish.PUBLISHING  # not published: the message says so


def test_rewriting_maps_no_part_of_the_target_past_its_old_end(tmp_path, monkeypatch):
    """On tmpfs a mapped hole takes a page when read: with the disk full the kernel kills the process (SIGBUS)
    where a write would have failed with ENOSPC. The part a file is lengthened by is written, not compared."""
    import mmap

    old, new = tmp_path / "old", tmp_path / "new"
    block = bytes(range(256)) * 4096
    old.write_bytes(block * 2)
    new.write_bytes(block * 2 + b"x" * len(block) * 3)
    real, mapped = mmap.mmap, []

    def mapping(fileno, length, *args, **kwargs):
        mapped.append((os.readlink(f"/proc/self/fd/{fileno}"), kwargs.get("offset", 0) + length))
        return real(fileno, length, *args, **kwargs)
    monkeypatch.setattr(mmap, "mmap", mapping)
    assert rewrite_changed(new, old, parts=2) == 3 * len(block)
    assert old.read_bytes() == new.read_bytes()
    assert max(end for name, end in mapped if name == str(old)) <= 2 * len(block)


def test_a_file_a_reader_still_holds_is_never_written(tmp_path):
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    _write_run(files, 200_000)
    plain_reader = open(files.published, "rb")  # a copy or backup program: no DuckDB lock
    duck_reader = duckdb.connect(str(files.published), read_only=True)
    held = plain_reader.read()
    _write_run(files, 10)
    _write_run(files, 10)
    plain_reader.seek(0)
    assert plain_reader.read() == held, "the state the reader opened is unchanged"
    assert duck_reader.execute("SELECT count(*) FROM t").fetchone()[0] == 200_000
    plain_reader.close()
    duck_reader.close()
    assert _rows(files.published) == 200_020
    assert _sha(files.published) == _sha(files.work)


def test_nobody_has_open_sees_every_open_file(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert nobody_has_open(path)
    with open(path, "rb"):
        assert not nobody_has_open(path)
    assert nobody_has_open(path)
    assert not nobody_has_open(tmp_path / "missing")


def test_rewrite_changed_writes_only_the_blocks_that_differ_and_fits_the_size(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    block = bytes(range(256)) * 4096  # 1 MiB
    old.write_bytes(block * 5)
    new.write_bytes(block * 2 + b"\0" * len(block) + block)
    assert rewrite_changed(new, old) == len(block)
    assert old.read_bytes() == new.read_bytes()
    new.write_bytes(block * 2 + b"tail")
    rewrite_changed(new, old)
    assert old.read_bytes() == new.read_bytes()


@pytest.mark.parametrize("parts, how", [(1, "mapped"), (2, "mapped"), (3, "mapped"), (1, "preadv"), (2, "preadv"),
                                        (2, "pread")])
def test_rewrite_changed_in_parts_side_by_side_gives_the_same_file(tmp_path, monkeypatch, parts, how):
    import random

    from flows.publish_copy import BLOCK

    from flows import publish_copy

    assert publish_copy._memcmp() is not None  # (the mapped comparison is what runs here)
    if how != "mapped":
        monkeypatch.setattr(publish_copy, "_memcmp", lambda: None)
    if how == "pread":
        monkeypatch.delattr(os, "preadv")
    rng = random.Random(parts)
    old, new = tmp_path / "old", tmp_path / "new"
    for blocks, tail in ((7, 0), (7, 5), (1, 0), (0, 3), (2, 0), (0, 0)):
        before = rng.randbytes(BLOCK * rng.choice([blocks, blocks + 2, max(blocks - 1, 0)]) + rng.randrange(9))
        after = bytearray(before[:BLOCK * blocks + tail].ljust(BLOCK * blocks + tail, b"\0"))
        changed = {0, blocks // 2, blocks - 1} & set(range(blocks))
        for index in changed:  # one byte changed: at a block's start, middle or end
            at = index * BLOCK + rng.choice([0, BLOCK // 2, BLOCK - 1])
            after[at] ^= 0xFF
        old.write_bytes(before)
        new.write_bytes(bytes(after))
        written = rewrite_changed(new, old, parts)
        assert old.read_bytes() == bytes(after)
        assert rewrite_changed(new, old, parts) == 0  # nothing left to write
        assert written >= len(changed) * BLOCK and written <= len(after)


def test_starting_over_drops_the_kept_file(tmp_path):
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    _write_run(files, 10)
    with open(files.published, "rb"):  # read while the next run publishes: the replaced file is kept
        _write_run(files, 10)
    assert files.previous.exists()
    os.remove(files.published)
    publish.prepare_working_copy(files)
    assert not files.previous.exists()
    _write_run(files, 5)
    assert _rows(files.published) == 5


def test_changes_left_in_the_log_are_published_and_a_clean_copy_is_not_opened_again(tmp_path, monkeypatch):
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    work = publish.prepare_working_copy(files)
    con = duckdb.connect(str(work))
    con.execute("PRAGMA disable_checkpoint_on_shutdown")  # as a writer stopped before its checkpoint
    con.execute("CREATE TABLE t AS SELECT range AS x FROM range(1000)")
    con.close()
    assert work.with_name("work.duckdb.wal").stat().st_size > 0
    publish.publish(files)
    assert _rows(files.published) == 1000
    assert not work.with_name("work.duckdb.wal").exists() or not work.with_name("work.duckdb.wal").stat().st_size

    def refuse(*args, **kwargs):
        raise AssertionError("opened a working copy whose log is empty")
    _write_run_unpublished(files, 5)
    monkeypatch.setattr(publish.duckdb, "connect", refuse)
    publish.publish(files)
    monkeypatch.undo()
    assert _rows(files.published) == 1005


def _write_run_unpublished(files: publish.WriterFiles, rows: int) -> None:
    """A run's writes, closed cleanly (checkpointed), not yet published."""
    con = duckdb.connect(str(publish.prepare_working_copy(files)))
    con.execute("INSERT INTO t SELECT range FROM range(?)", [rows])
    con.close()


@pytest.mark.parametrize("kernel", ["copies", "copies half", "refuses", "absent"])
def test_a_changed_block_is_copied_by_the_kernel_or_else_written_from_the_mapping(tmp_path, monkeypatch, kernel):
    import random

    from flows import publish_copy
    from flows.publish_copy import BLOCK

    real, calls = os.copy_file_range, []

    def half(src, dst, count, offset_src, offset_dst):
        calls.append(count)
        return real(src, dst, count // 2, offset_src, offset_dst) if len(calls) % 2 else 0

    def refuse(*args):
        raise OSError(18, "Invalid cross-device link")

    if kernel == "copies half":
        monkeypatch.setattr(os, "copy_file_range", half)
    elif kernel == "refuses":
        monkeypatch.setattr(os, "copy_file_range", refuse)
    elif kernel == "absent":
        monkeypatch.delattr(os, "copy_file_range")
    else:
        monkeypatch.setattr(os, "copy_file_range", lambda *a: calls.append(a[2]) or real(*a))
    rng = random.Random(3)
    old, new = tmp_path / "old", tmp_path / "new"
    before = rng.randbytes(BLOCK * 4 + 7)
    after = bytearray(before)
    for at in (0, BLOCK + 5, 3 * BLOCK + BLOCK - 1, 4 * BLOCK + 6):  # blocks 0, 1, 3 and the short tail
        after[at] ^= 0xFF
    old.write_bytes(before)
    new.write_bytes(bytes(after))
    assert publish_copy.rewrite_changed(new, old, 2) == 3 * BLOCK + 7
    assert old.read_bytes() == bytes(after)
    if kernel in ("copies", "copies half"):
        assert calls  # the kernel was asked


def test_a_first_run_stopped_before_it_published_leaves_its_working_copy_to_the_next_run(tmp_path):
    files = publish.WriterFiles(tmp_path / "w.duckdb")
    work = publish.prepare_working_copy(files)
    con = duckdb.connect(str(work))
    con.execute("CREATE TABLE t AS SELECT range AS x FROM range(7)")  # the batches committed before the stop
    con.close()
    assert not files.published.exists()
    assert publish.prepare_working_copy(files) == work and _rows(work) == 7
    publish.publish(files)
    assert _rows(files.published) == 7
