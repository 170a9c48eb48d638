"""Discover input files under a source path; zip archives yield their members, streamed."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from flows.parsers.model import Problem

# Files that describe a folder rather than hold records.
IGNORED_NAMES = {"SOURCES.md", "README.md", "PROVENANCE.csv", ".DS_Store"}


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
    """An input that could not be read at all (unreadable file, hostile archive member)."""

    path: str
    problem: Problem
    data: bytes = b""


def discover(source: Path) -> list[Path]:
    """The files under `source` (or `source` itself) as absolute paths, sorted; hidden and descriptive files left out."""
    source = source.resolve()
    if source.is_file():
        return [source]
    files = [
        p for p in source.rglob("*")
        if p.is_file() and p.name not in IGNORED_NAMES
        and not any(part.startswith(".") for part in p.relative_to(source).parts)
    ]
    return sorted(files)


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).replace(tzinfo=None)
    except OSError:
        return None


def read_inputs(paths: list[Path]) -> Iterator[Input | InputProblem]:
    """Read each file (zip archives member by member, without extracting to disk)."""
    for path in paths:
        if path.suffix.lower() == ".zip":
            yield from _zip_inputs(path)
            continue
        try:
            yield Input(str(path), path.read_bytes(), _mtime(path))
        except OSError as exc:
            yield InputProblem(str(path), Problem("unreadable file", f"{type(exc).__name__}: {exc.strerror}", stage="read"))


def _zip_inputs(path: Path) -> Iterator[Input | InputProblem]:
    from flows.archives import ArchiveProblem, iter_members, member_path

    mtime = _mtime(path)
    for item in iter_members(path):
        if isinstance(item, ArchiveProblem):
            where = member_path(path, item.member) if item.member else str(path)
            yield InputProblem(where, Problem(item.reason, "refused inside the archive", stage="read"))
        else:
            yield Input(member_path(path, item.name), item.data, mtime)
