"""Record files inside a .zip, read member by member in memory: never extracted; hostile members refused."""
from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Limits a member or an archive must stay within; each can be overridden per call.
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # uncompressed size of one member
MAX_COMPRESSION_RATIO = 100  # uncompressed : compressed, per member
# The registry's bulk download (ctg-studies.json.zip) holds one file per study: ~600,000 in 2026.
MAX_MEMBERS = 1_500_000


@dataclass(frozen=True)
class Member:
    """One file inside an archive, read into memory; the pipeline's path for it is `<zip path>!<name>`."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ArchiveProblem:
    """A member (or, with member None, the whole archive) that was refused, and why."""

    reason: str
    member: str | None = None


def member_path(archive: str | Path, name: str) -> str:
    """The path the pipeline records for a member: '<zip path>!<member name>'."""
    return f"{archive}!{name}"


def iter_members(
    path: str | Path,
    *,
    max_member_bytes: int = MAX_MEMBER_BYTES,
    max_ratio: float = MAX_COMPRESSION_RATIO,
    max_members: int = MAX_MEMBERS,
) -> Iterator[Member | ArchiveProblem]:
    """Each file member of the zip at `path` as a Member, or an ArchiveProblem saying why it was refused."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            if not infos:
                yield ArchiveProblem("archive holds no files")
            if len(infos) > max_members:
                yield ArchiveProblem(f"too many members: {len(infos)} > {max_members}")
                return
            seen: set[str] = set()
            for info in infos:
                refusal = _refusal(info, seen, max_member_bytes, max_ratio)
                seen.add(info.filename)
                if refusal:
                    yield ArchiveProblem(refusal, info.filename)
                else:
                    yield _read(archive, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        yield ArchiveProblem(f"corrupt or unreadable zip: {type(error).__name__}: {error}")


def _refusal(info: zipfile.ZipInfo, seen: set[str], max_bytes: int, max_ratio: float) -> str | None:
    """Why a member is refused from its header alone, or None."""
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute member path"
    if ".." in parts:
        return "member path leaves the archive ('..')"
    if name in seen:
        return "duplicate member name"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link member"
    if info.flag_bits & 0x1:
        return "encrypted member"
    if info.file_size > max_bytes:
        return f"member too large: {info.file_size} bytes > {max_bytes}"
    if info.file_size > max_ratio * max(info.compress_size, 1):
        return f"compression ratio over {max_ratio:g}:1 ({info.file_size} from {info.compress_size} bytes)"
    return None


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Member | ArchiveProblem:
    """Decompress one member in memory; its header sizes were checked against the limits already."""
    # zipfile stops at the header's file_size and then checks the CRC: a header that understates
    # the size fails here as corrupt rather than yielding more bytes than were checked.
    try:
        return Member(info.filename, archive.read(info))
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as error:
        return ArchiveProblem(f"corrupt member: {type(error).__name__}: {error}", info.filename)
