"""Readers and the writer side by side: runs write a private working copy, readers open the published file.

`--db` is the file people query. A run takes the writer lock, writes `<db dir>/.<db name>.writer/work.duckdb`,
and at its end (also when it fails: every batch is its own transaction, so the working copy is
consistent) renames a file holding its bytes over the published file in one atomic step (which file: below).
A reader that holds the old file open keeps reading the old state; the next `connect` sees the new one.
The replaced file is kept (`previous.duckdb`): once no process has it open, the next run writes into it
only the blocks that changed and renames it over the published file, instead of copying the whole file.
When there is no such file yet (the run after a first load) and nobody has the published file open, the
working copy itself is renamed over it, and the file it replaced becomes the next working copy, rewritten
where it differs: no whole copy, and the warehouse takes twice its size on disk instead of three times.
"""
from __future__ import annotations

import logging
import os
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from flows.publish_copy import copy_whole, nobody_has_open, rewrite_changed
from flows.timing import mark
from flows.writer_lock import writer_lock

log = logging.getLogger("trialqc")


@dataclass(frozen=True)
class WriterFiles:
    """Where the writer keeps its lock and working copy for one published warehouse."""

    published: Path

    @property
    def folder(self) -> Path:
        """The writer's private folder, beside the published file."""
        return self.published.parent / f".{self.published.name}.writer"

    @property
    def work(self) -> Path:
        """The working copy every run writes to."""
        return self.folder / "work.duckdb"

    @property
    def lock(self) -> Path:
        """The lock file: one writer at a time."""
        return self.folder / "lock"

    @property
    def previous(self) -> Path:
        """The file published before the current one (a link to it), rewritten in place once nobody reads it."""
        return self.folder / "previous.duckdb"

    @property
    def stamp(self) -> Path:
        """The identity of the last file this writer published, to notice a file replaced or written by someone else."""
        return self.folder / "published-inode"


def identity(path: Path) -> str:
    """What tells a published file from another or from a changed one: inode, size, modification time."""
    stat = path.stat()
    return f"{stat.st_ino} {stat.st_size} {stat.st_mtime_ns}"


def prepare_working_copy(files: WriterFiles) -> Path:
    """Bring the working copy in line with the published file; return its path."""
    files.folder.mkdir(parents=True, exist_ok=True)
    published = files.published
    if not published.exists():
        # No warehouse yet: a first run stopped before it published (killed, or interrupted while publishing) left
        # whole batches in the working copy, which the next run goes on with, as after any stopped run. Once a run
        # has published (the stamp says what), a missing warehouse was deleted by its user to start over.
        if files.stamp.exists() or not files.work.exists():
            for stale in (files.work, _wal(files.work), files.stamp, files.previous):
                stale.unlink(missing_ok=True)
        return files.work
    recorded = files.stamp.read_text().strip() if files.stamp.exists() else ""
    if not files.work.exists() or recorded != identity(published):
        # first run on an existing warehouse, or the published file was replaced (a restored backup)
        # or written in place (a read-write connection): what it holds now is the base
        _wal(files.work).unlink(missing_ok=True)
        copy_whole(published, files.work)
    return files.work


def publish(files: WriterFiles) -> float:
    """Checkpoint the working copy and rename a file holding its bytes over the published file; return seconds
    taken.

    That file is the kept previous file with its changed blocks rewritten when nobody has it open; else, when
    nobody has the published file open, the working copy itself, and the file it replaces is made the next
    working copy (`_work_from_replaced`); else a whole new copy."""
    started = time.perf_counter()
    with _stage(PUBLISHING):
        wal = _wal(files.work)
        if wal.exists() and wal.stat().st_size:  # a writer closed with changes still in its log: into the file
            con = duckdb.connect(str(files.work))
            con.execute("CHECKPOINT")
            con.close()
        ready = _copy_to_publish(files)
        replaced = files.folder / "replaced.duckdb"
        replaced.unlink(missing_ok=True)
        kept = _link(files.published, replaced)  # the state readers may still hold: next run's file to rewrite
        os.replace(ready or files.work, files.published)  # atomic: readers see the old file or the new one
    with _stage(NEXT_COPY):  # published: what fails from here on leaves the next run a whole copy to make
        _fsync_folder(files.published.parent)
        if kept:
            os.replace(replaced, files.previous)
            _fsync_folder(files.folder)
        files.stamp.write_text(identity(files.published))
        if ready is None:
            _work_from_replaced(files)
    return time.perf_counter() - started


# The stages of publishing a failure is marked with (flows.timing), which tell whether the published file was
# replaced: before, it keeps the last state and the working copy the run's; after, only the next working copy is
# missing, and the next run copies the published file whole (prepare_working_copy: there is no working copy, or
# the stamp does not name the published file).
PUBLISHING = "publishing"
NEXT_COPY = "preparing the next working copy"
STARTING = "preparing the working copy"  # before the run: nothing of it was done


@contextmanager
def _stage(stage: str) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        mark(exc, stage)
        raise


def _wal(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def _copy_to_publish(files: WriterFiles) -> Path | None:
    """A file holding the working copy's bytes, no other process has open, that is no reader's state; None
    when that is the working copy itself (no kept file to rewrite, and nobody has the published file open)."""
    if _spare_free(files):
        rewrite_changed(files.work, files.previous)
        return files.previous
    if files.published.exists() and nobody_has_open(files.published):
        return None
    staging = files.published.parent / f".{files.published.name}.publishing"
    copy_whole(files.work, staging)
    return staging


def _work_from_replaced(files: WriterFiles) -> None:
    """After the working copy itself was published: the next working copy is the file it replaced (kept as
    `previous`), rewritten where it differs, when nobody has that open (a reader may have opened it before
    the rename); else a whole copy. Until this is done there is no working copy, and a run that starts
    then copies the published file whole (`prepare_working_copy`)."""
    _wal(files.work).unlink(missing_ok=True)  # (empty: the log was checkpointed before publishing)
    if _spare_free(files):
        rewrite_changed(files.published, files.previous)
        os.replace(files.previous, files.work)
    else:
        copy_whole(files.published, files.work)
    _fsync_folder(files.folder)


def _spare_free(files: WriterFiles) -> bool:
    """The kept file may be written: reachable by no public name since the last run published, and open
    nowhere, so no reader can see it."""
    return _unpublished(files.previous, files.published) and nobody_has_open(files.previous)


def _unpublished(previous: Path, published: Path) -> bool:
    """The kept earlier file exists and is not (another name of) the published one."""
    if not previous.exists():
        return False
    return not published.exists() or not os.path.samefile(previous, published)


def _link(path: Path, link: Path) -> bool:
    """A second name for `path`; False where there is no file or the file system has no hard links."""
    try:
        os.link(path, link)
    except OSError:
        return False
    return True


def _fsync_folder(folder: Path) -> None:
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@contextmanager
def writing(db_path: Path, say: Callable[[str], None] | None = None,
            lock_timeout: float | None = None, waiting: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Take the writer lock, yield the working copy to write, and publish it when the block ends. `waiting` says
    that another run holds the lock (by default `say`, which says the rest)."""
    from flows.errors import InterruptedBeforeRun, UsageError
    from flows.reader import foreign_database

    problem = foreign_database(Path(db_path), empty_allowed=True)
    if problem:  # the working copy would be another application's file, and publishing would replace it
        raise UsageError(problem)
    files = WriterFiles(Path(db_path).resolve())
    say = say or log.info
    with ExitStack() as held:
        with _before_the_run(InterruptedBeforeRun):  # the lock waited for and the working copy made, not the run
            held.enter_context(writer_lock(files.lock, waiting or say, lock_timeout))
            with _stage(STARTING):
                work = prepare_working_copy(files)
        try:
            yield work
        except BaseException:
            _publish_after_failure(files, say)
            raise
        seconds = publish(files)
        say(f"published {files.published} ({files.published.stat().st_size / 1e6:.1f} MB) in {seconds:.2f} s")


@contextmanager
def _before_the_run(interrupted: type[KeyboardInterrupt]) -> Iterator[None]:
    """A stop in the block (waiting for the writer lock, making the working copy) comes before anything was loaded
    or recorded: raised as `interrupted`, whose message says so."""
    try:
        yield
    except KeyboardInterrupt as exc:
        if isinstance(exc, interrupted):
            raise
        raise interrupted(BEFORE_THE_RUN) from exc


BEFORE_THE_RUN = "interrupted before the run began: nothing was loaded, and the published warehouse is as it was."


def _publish_after_failure(files: WriterFiles, say: Callable[[str], None]) -> None:
    """Publish what the failed run committed (whole batches); never hide the run's own error."""
    if not files.work.exists():
        return
    try:
        publish(files)
        say(f"published the batches committed before the run stopped to {files.published}")
    except Exception as exc:  # the run's error is the one to report; the last published file stays intact
        say(f"could not publish after the failure ({exc}); {files.published} keeps the previous run's state")


def check_writable(db_path: Path) -> None:
    """Raise OSError early when the warehouse's folder cannot be written; UsageError when a part of its path is a
    file, not a folder."""
    folder = Path(db_path).resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        check_folder(folder, f"cannot put the warehouse {db_path} there")
        raise
    if not os.access(folder, os.W_OK):
        raise PermissionError(f"cannot write to {folder}")


def check_folder(folder: Path, refused: str) -> None:
    """UsageError when `folder`, or a part of its path, is a file, not a folder: `refused` (what cannot be done,
    naming the option or setting that gave the folder), then which part. Nothing is made."""
    from flows.errors import UsageError

    resolved = Path(folder).resolve()
    blocking = next((part for part in (resolved, *resolved.parents) if part.exists() and not part.is_dir()), None)
    if blocking is not None:
        raise UsageError(f"{refused}: {blocking} is a file, not a folder")


@contextmanager
def writer_connection(db_path: Path, say: Callable[[str], None] | None = None,
                      waiting: Callable[[str], None] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the working copy under the writer lock, published when the block ends.

    For the short writes outside a run (a pull's cursor and counts, a watch list), so they too reach readers
    only whole, and never race a run. `waiting`: see `writing`.
    """
    from warehouse.connect import connect

    with writing(Path(db_path), say or log.debug, waiting=waiting) as work:
        con = connect(work)
        try:
            yield con
        finally:
            con.close()
