"""Stages 'discover' and 'read inputs': the files under a source, read as they come (zips member by member).

A file whose path, size and modification time match what an earlier run recorded is not read
again (the rsync/make policy; `--rehash` reads and hashes every file instead). Such files are looked up
many at a time, in one join with what earlier runs recorded, and travel as `UnchangedFiles`: a block of
consecutive unchanged files as columns (path, sha256 recorded then), never one object per file.
Anything else is read and hashed, and a known sha256 is still skipped without parsing.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from itertools import islice
from pathlib import Path
from stat import S_ISLNK, S_ISREG
from typing import TYPE_CHECKING, Iterable, Iterator

from flows.unchanged_files import (UNCHANGED_BLOCK, Columns, UnchangedFiles, UnchangedLookup, block_of, blocks,
                                   candidates, not_recorded, utc_micros)

if TYPE_CHECKING:
    from flows.parsers.model import Problem

# Files that describe a folder rather than hold records.
IGNORED_NAMES = {"SOURCES.md", "README.md", "PROVENANCE.csv", ".DS_Store", "labels.csv"}
# Paths looked up together against what earlier runs recorded: each lookup reads the recorded files
# once, so few large lookups cost far less than many small ones once the warehouse holds the registry.
LOOKUP_CHUNK = 32768


@dataclass(frozen=True)
class Input:
    """One input's bytes with where they came from; zip members have path 'a.zip!member'."""

    path: str
    data: bytes
    mtime: datetime | None

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data)

    @cached_property
    def sha256(self) -> str:
        """Content hash: the identity of an input across runs."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read at all (unreadable file, hostile archive member, bad link)."""

    path: str
    problem: Problem


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file found by discover, with the size and mtime seen then (one stat per file, no more)."""

    path: str
    size: int
    timestamp: float  # st_mtime

    @property
    def mtime(self) -> datetime:
        """The modification time in UTC, to the microsecond, as recorded in meta.source_files."""
        return _utc(self.timestamp)

    @property
    def is_zip(self) -> bool:
        """A zip archive: read member by member."""
        path = self.path
        return path[-1:] in ("p", "P") and path[-4:].lower() == ".zip"  # (most paths fail the first test: cheap)


Entry = FileEntry | InputProblem
# A FileEntry among the items is a file still to be read: read where the batch is parsed (`read_items`).
Item = Input | InputProblem | UnchangedFiles | FileEntry


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).replace(tzinfo=None)


def _problem(reason: str, detail: str, **fields) -> Problem:
    """A Problem (flows.parsers.model), imported only when an input has one: importing the parsers' package
    loads every parser, which a run that reads no file never uses."""
    from flows.parsers.model import Problem

    return Problem(reason, detail, **fields)


def discover(source: Path) -> list[Entry]:
    """The files under `source` (or `source` itself), sorted by path; links that loop or leave `source` are
    problems. (`walk` gives the same one at a time.)"""
    return list(walk(source))


def walk(source: Path) -> Iterator[Entry]:
    """`discover`'s entries one at a time, in the same order, folder by folder: at most the names of the
    folders being walked are held, never a list of every file (160 MiB at 600,000 files)."""
    root = source.resolve()
    if root.is_file():
        st = root.stat()
        yield FileEntry(str(root), st.st_size, st.st_mtime)
        return
    yield from _walk(root, str(root))


def _walk(root: Path, folder: str) -> Iterator[Entry]:
    """The entries under `folder` in the order of their paths, without following any link; hidden and
    descriptive files left out.

    A folder's names are sorted with each subfolder's name ended by the separator, so its files come where
    its path sorts among every other path: "a-b.json" < "a/1.json" < "a.json". The folder listing tells
    folders apart; each other name gets one lstat, which tells a plain file (its size and mtime) from a
    link, and both from what is neither (a pipe, a socket: left out)."""
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name + os.sep if entry.is_dir(follow_symlinks=False) else entry.name
                           for entry in listing if entry.name[0] != "." and entry.name not in IGNORED_NAMES)
    except OSError as exc:
        yield InputProblem(folder, _problem("unreadable folder", type(exc).__name__, stage="read"))
        return
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    lstat = os.lstat
    for name in names:
        path = prefix + name
        if name[-1] == os.sep:
            yield from _walk(root, path[:-1])
            continue
        try:
            st = lstat(path)
        except OSError as exc:  # gone since the folder was listed
            yield InputProblem(path, _problem("unreadable file", f"{type(exc).__name__}: {exc.strerror}",
                                              stage="read"))
            continue
        if S_ISREG(st.st_mode):  # most names: a plain file
            yield FileEntry(path, st.st_size, st.st_mtime)
        elif S_ISLNK(st.st_mode):
            yield _link(root, Path(path))


def _link(root: Path, path: Path) -> Entry:
    """A symbolic link: its target when that is a file inside the source, else why it is not followed."""
    try:
        target = path.resolve(strict=True)
    except (RuntimeError, OSError) as exc:
        reason = "symlink loop" if isinstance(exc, RuntimeError) or "loop" in str(exc).lower() else "broken symlink"
        return InputProblem(str(path), _problem(reason, "the link was not followed", stage="read"))
    if not target.is_relative_to(root):
        return InputProblem(str(path), _problem("symlink leaves the source folder",
                                               "links are followed only inside the source folder", stage="read"))
    if target.is_dir():
        return InputProblem(str(path), _problem("symlink to a folder",
                                               "not followed: the folder's files are read where they are", stage="read"))
    st = target.stat()
    return FileEntry(str(path), st.st_size, st.st_mtime)


def read_inputs(entries: Iterable[Entry], unchanged: UnchangedLookup | None = None,
                defer: bool = False) -> Iterator[Item]:
    """Each entry as an Input (read) or InputProblem, in order, runs of unchanged ones as UnchangedFiles
    (not read); zips member by member. With `defer`, a plain file comes as its FileEntry, to be read
    (`read_items`) in the process that parses it."""
    entries = iter(entries)
    while chunk := list(islice(entries, LOOKUP_CHUNK)):
        yield from _read_chunk(chunk, unchanged, defer)


def read_items(items: list[Item]) -> list[Item]:
    """The items with every deferred file read: an Input, or an InputProblem when it cannot be read."""
    return [_read_file(item) if type(item) is FileEntry else item for item in items]


def _read_chunk(chunk: list[Entry], unchanged: UnchangedLookup | None, defer: bool) -> Iterator[Item]:
    at = [i for i, e in enumerate(chunk) if type(e) is FileEntry and not e.is_zip]
    found = _lookup([chunk[i] for i in at], unchanged)
    skipped = {at[row] for row in found.column("row").to_pylist()}
    # Unchanged files come out as slices of the lookup's answer, one per run of consecutive ones.
    start = end = 0
    for i, entry in enumerate(chunk):
        if i in skipped:
            end += 1
            continue
        yield from blocks(found, start, end)
        start = end
        if isinstance(entry, InputProblem):
            yield entry
        elif entry.is_zip:
            yield from _zip_inputs(entry, unchanged)
        else:
            yield entry if defer else _read_file(entry)
    yield from blocks(found, start, end)


def _lookup(files: list[FileEntry], unchanged: UnchangedLookup | None) -> Columns:
    """(row, path, sha256) of the files recorded unchanged, in the files' order."""
    if unchanged is None or not files:
        return not_recorded()
    # (mtimes already in microseconds: `candidates` would only check each of them)
    return unchanged(Columns({"path": [e.path for e in files], "size": [e.size for e in files],
                              "mtime": utc_micros([e.timestamp for e in files])}))


def _read_file(entry: FileEntry) -> Input | InputProblem:
    try:
        with open(entry.path, "rb") as handle:
            return Input(entry.path, handle.read(), entry.mtime)
    except OSError as exc:
        return InputProblem(entry.path, _problem("unreadable file", f"{type(exc).__name__}: {exc.strerror}",
                                                stage="read"))


def _zip_inputs(entry: FileEntry, unchanged: UnchangedLookup | None) -> Iterator[Item]:
    from flows.archives import ArchiveProblem, Member, iter_members, member_path

    path, mtime = entry.path, entry.mtime
    known: list[tuple[str, str]] = []  # (path, sha256) of the unchanged members in a row
    for item in iter_members(path, skip=_zip_skip(path, mtime, unchanged)):
        if not isinstance(item, ArchiveProblem) and passed_over(item.name):
            continue
        if not isinstance(item, (ArchiveProblem, Member)):
            known.append((member_path(path, item.name), item.sha256))
            if len(known) < UNCHANGED_BLOCK:
                continue
        yield from block_of(known)
        if isinstance(item, ArchiveProblem):
            if item.member:
                yield InputProblem(member_path(path, item.member),
                                   _problem(item.reason, "refused inside the archive", stage="read"))
            else:
                yield InputProblem(str(path), _problem(item.reason, "the archive was not read", stage="read"))
        elif isinstance(item, Member):
            yield Input(member_path(path, item.name), item.data, mtime)
    yield from block_of(known)


def passed_over(member: str) -> bool:
    """Whether a zip member is one a folder's walk would pass over: a hidden file, a file in a hidden folder or
    in the __MACOSX folder macOS adds to the zips it makes (a "._" copy of every file's attributes), or a
    descriptive file (IGNORED_NAMES). A refused member ('..' in its path) is never passed over."""
    parts = [part for part in member.replace("\\", "/").replace("!", "/").split("/") if part]  # 'a.zip!b.json': nested
    return bool(parts) and (parts[-1] in IGNORED_NAMES
                            or any(part[0] == "." or part == "__MACOSX" for part in parts))


def _zip_skip(path: str, mtime: datetime | None, unchanged: UnchangedLookup | None):
    """Which members of an archive are recorded unchanged: name, size -> sha256 or None."""
    if unchanged is None:
        return None
    from flows.archives import member_path

    def skip(members: list[tuple[str, int]]) -> dict[str, str]:
        paths = [member_path(path, name) for name, _ in members]
        found = unchanged(candidates(paths, [size for _, size in members], [mtime] * len(members)))
        prefix = len(member_path(path, ""))
        return {p[prefix:]: sha for p, sha in zip(found.column("path").to_pylist(),
                                                   found.column("sha256").to_pylist())}
    return skip
