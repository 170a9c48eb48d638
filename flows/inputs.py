"""Stages 'discover' and 'read inputs': the files under a source, read as they come (zips member by member).

A file whose path, size and modification time match what an earlier run recorded is not read
again: it is `Unchanged`, carrying the sha256 recorded then (the rsync/make policy; `--rehash`
reads and hashes every file instead). Anything else is read and hashed, and a known sha256 is
still skipped without parsing.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator

from flows.parsers.model import Problem

# Files that describe a folder rather than hold records.
IGNORED_NAMES = {"SOURCES.md", "README.md", "PROVENANCE.csv", ".DS_Store", "labels.csv"}
# Paths looked up together against what earlier runs recorded.
STAT_CHUNK = 1024

# (path, size, mtime) of candidate inputs -> {path: sha256} of those recorded unchanged.
UnchangedLookup = Callable[[list[tuple[str, int, datetime | None]]], dict[str, str]]


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


@dataclass(frozen=True)
class Unchanged:
    """An input recorded by an earlier run with this path, size and mtime: not read again."""

    path: str
    sha256: str
    size: int
    mtime: datetime | None


@dataclass(frozen=True)
class FileEntry:
    """A file found by discover, with the size and mtime seen then (one stat per file, no more)."""

    path: str
    size: int
    mtime: datetime | None

    @property
    def is_zip(self) -> bool:
        """A zip archive: read member by member."""
        return self.path.lower().endswith(".zip")


Entry = FileEntry | InputProblem
Item = Input | InputProblem | Unchanged


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).replace(tzinfo=None)


def discover(source: Path) -> list[Entry]:
    """The files under `source` (or `source` itself), sorted; links that loop or leave `source` are problems."""
    root = source.resolve()
    if root.is_file():
        st = root.stat()
        return [FileEntry(str(root), st.st_size, _utc(st.st_mtime))]
    found: list[Entry] = []
    _walk(root, root, found)
    return sorted(found, key=lambda e: e.path)


def _walk(root: Path, folder: Path, found: list[Entry]) -> None:
    """Collect the files under `folder` without following any link; hidden and descriptive files left out."""
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        found.append(InputProblem(str(folder), Problem("unreadable folder", type(exc).__name__, stage="read")))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in IGNORED_NAMES:
            continue
        if entry.is_symlink():
            found.append(_link(root, Path(entry.path)))
        elif entry.is_dir(follow_symlinks=False):
            _walk(root, Path(entry.path), found)
        elif entry.is_file(follow_symlinks=False):
            st = entry.stat(follow_symlinks=False)
            found.append(FileEntry(entry.path, st.st_size, _utc(st.st_mtime)))


def _link(root: Path, path: Path) -> Entry:
    """A symbolic link: its target when that is a file inside the source, else why it is not followed."""
    try:
        target = path.resolve(strict=True)
    except (RuntimeError, OSError) as exc:
        reason = "symlink loop" if isinstance(exc, RuntimeError) or "loop" in str(exc).lower() else "broken symlink"
        return InputProblem(str(path), Problem(reason, "the link was not followed", stage="read"))
    if not target.is_relative_to(root):
        return InputProblem(str(path), Problem("symlink leaves the source folder",
                                               "links are followed only inside the source folder", stage="read"))
    if target.is_dir():
        return InputProblem(str(path), Problem("symlink to a folder",
                                               "not followed: the folder's files are read where they are", stage="read"))
    st = target.stat()
    return FileEntry(str(path), st.st_size, _utc(st.st_mtime))


def read_inputs(entries: Iterable[Entry], unchanged: UnchangedLookup | None = None) -> Iterator[Item]:
    """Each entry as an Input (read), Unchanged (not read) or InputProblem, in order; zips member by member."""
    chunk: list[Entry] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= STAT_CHUNK:
            yield from _read_chunk(chunk, unchanged)
            chunk = []
    yield from _read_chunk(chunk, unchanged)


def _read_chunk(chunk: list[Entry], unchanged: UnchangedLookup | None) -> Iterator[Item]:
    files = [e for e in chunk if isinstance(e, FileEntry) and not e.is_zip]
    known = unchanged([(e.path, e.size, e.mtime) for e in files]) if unchanged and files else {}
    for entry in chunk:
        if isinstance(entry, InputProblem):
            yield entry
        elif entry.is_zip:
            yield from _zip_inputs(entry, unchanged)
        elif entry.path in known:
            yield Unchanged(entry.path, known[entry.path], entry.size, entry.mtime)
        else:
            yield _read_file(entry)


def _read_file(entry: FileEntry) -> Input | InputProblem:
    try:
        with open(entry.path, "rb") as handle:
            return Input(entry.path, handle.read(), entry.mtime)
    except OSError as exc:
        return InputProblem(entry.path, Problem("unreadable file", f"{type(exc).__name__}: {exc.strerror}",
                                                stage="read"))


def _zip_inputs(entry: FileEntry, unchanged: UnchangedLookup | None) -> Iterator[Item]:
    from flows.archives import ArchiveProblem, Member, iter_members, member_path

    path, mtime = entry.path, entry.mtime
    for item in iter_members(path, skip=_zip_skip(path, mtime, unchanged)):
        if isinstance(item, ArchiveProblem):
            where = member_path(path, item.member) if item.member else str(path)
            yield InputProblem(where, Problem(item.reason, "refused inside the archive", stage="read"))
        elif isinstance(item, Member):
            yield Input(member_path(path, item.name), item.data, mtime)
        else:
            yield Unchanged(member_path(path, item.name), item.sha256, item.size, mtime)


def _zip_skip(path: str, mtime: datetime | None, unchanged: UnchangedLookup | None):
    """Which members of an archive are recorded unchanged: name, size -> sha256 or None."""
    if unchanged is None:
        return None
    from flows.archives import member_path

    def skip(members: list[tuple[str, int]]) -> dict[str, str]:
        found = unchanged([(member_path(path, name), size, mtime) for name, size in members])
        prefix = len(member_path(path, ""))
        return {p[prefix:]: sha for p, sha in found.items()}
    return skip
