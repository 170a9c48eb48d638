"""Record files inside a .zip, read member by member in memory: never extracted; hostile members refused.
A gzip-compressed record (`.json.gz`, `.xml.gz`) is decompressed in memory within the same limits."""
from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Limits a member or an archive must stay within; each can be overridden per call.
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # uncompressed size of one member
MAX_COMPRESSION_RATIO = 100  # uncompressed : compressed, per member
# The registry's bulk download (ctg-studies.json.zip) holds one file per study: ~600,000 in 2026.
MAX_MEMBERS = 1_500_000
# A zip inside a zip is read too, this many levels deep; deeper ones are refused.
MAX_NESTING = 2
ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Member:
    """One file inside an archive, read into memory; the pipeline's path for it is `<zip path>!<name>`."""

    name: str
    data: bytes


@dataclass(frozen=True)
class KnownMember:
    """A member recorded unchanged by an earlier run (same name, size and archive mtime): not decompressed."""

    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class ArchiveProblem:
    """A member (or, with member None, the whole archive) that was refused, and why."""

    reason: str
    member: str | None = None


def member_path(archive: str | Path, name: str) -> str:
    """The path the pipeline records for a member: '<zip path>!<member name>'."""
    return f"{archive}!{name}"


def iter_members(
    path: str | Path | io.BytesIO,
    *,
    max_member_bytes: int = MAX_MEMBER_BYTES,
    max_ratio: float = MAX_COMPRESSION_RATIO,
    max_members: int = MAX_MEMBERS,
    skip: Callable[[list[tuple[str, int]]], dict[str, str]] | None = None,
    depth: int = 0,
) -> Iterator[Member | KnownMember | ArchiveProblem]:
    """Each file member of the zip at `path` as a Member, or an ArchiveProblem saying why it was refused.

    `skip(name, size pairs)` names members known unchanged (-> KnownMember, not decompressed); a member
    that is itself a zip yields its own members as 'inner.zip!name', up to MAX_NESTING levels.
    """
    limits = {"max_member_bytes": max_member_bytes, "max_ratio": max_ratio, "max_members": max_members}
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            if not infos:
                yield ArchiveProblem("archive holds no files")
            if len(infos) > max_members:
                yield ArchiveProblem(f"too many members: {len(infos)} > {max_members}")
                return
            known = skip([(i.filename, i.file_size) for i in infos]) if skip and depth == 0 else {}
            seen: dict[str, int] = {}  # name -> members of that name so far
            for info in infos:
                refusal = _refusal(info, seen, max_member_bytes, max_ratio)
                seen[info.filename] = times = seen.get(info.filename, 0) + 1
                if refusal:
                    # A second member of one name gets a path of its own: refused, not taken for the first.
                    yield ArchiveProblem(refusal, info.filename if times == 1 else f"{info.filename} (#{times})")
                elif info.filename in known:
                    yield KnownMember(info.filename, known[info.filename], info.file_size)
                else:
                    yield from _member_or_nested(archive, info, depth, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        yield ArchiveProblem(f"corrupt or unreadable zip: {type(error).__name__}: {error}")


def _member_or_nested(archive: zipfile.ZipFile, info: zipfile.ZipInfo, depth: int, limits: dict):
    """One member read; a zip member opened in memory and its own members yielded under its name."""
    item = _read(archive, info)
    if not isinstance(item, Member) or not item.data.startswith(ZIP_MAGIC):
        yield item
        return
    if depth + 1 > MAX_NESTING:
        yield ArchiveProblem(f"zip nested deeper than {MAX_NESTING} levels", info.filename)
        return
    for inner in iter_members(io.BytesIO(item.data), depth=depth + 1, **limits):
        if isinstance(inner, ArchiveProblem):
            name = member_path(info.filename, inner.member) if inner.member else info.filename
            yield ArchiveProblem(inner.reason, name)
        else:
            yield Member(member_path(info.filename, inner.name), inner.data)


def _refusal(info: zipfile.ZipInfo, seen: dict[str, int], max_bytes: int, max_ratio: float) -> str | None:
    """Why a member is refused from its header alone, or None."""
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute member path"
    if ".." in parts:
        return "member path leaves the archive ('..')"
    if name in seen:
        return "duplicate member name (tools differ on which of the two they extract)"
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


class GzipRefused(Exception):
    """A gzip-compressed file that was not decompressed, and why (the reject's detail)."""


def gunzip(data: bytes, max_bytes: int = MAX_MEMBER_BYTES, max_ratio: float = MAX_COMPRESSION_RATIO) -> bytes:
    """The bytes of a gzip file (`data` starts with GZIP_MAGIC), decompressed in memory, every member of it.

    Within a zip member's limits: never more than `max_bytes`, nor more than `max_ratio` times the compressed
    size (a gzip bomb stops at the limit, not after). Raises GzipRefused: corrupt, truncated, over a limit."""
    limit = min(max_bytes, int(max_ratio * len(data)))
    parts, size, rest = [], 0, data
    try:
        while rest:
            stream = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer around the deflate data
            part = stream.decompress(rest, limit - size + 1)
            size += len(part)
            if size > limit or stream.unconsumed_tail:
                if limit < max_bytes:
                    raise GzipRefused(f"compression ratio over {max_ratio:g}:1 (more than {limit} bytes from "
                                      f"{len(data)})")
                raise GzipRefused(f"decompresses to more than {max_bytes} bytes")
            if not stream.eof:
                raise GzipRefused(f"truncated: the compressed data ends early ({len(data)} bytes)")
            parts.append(part)
            rest = stream.unused_data
            if rest and not rest.startswith(GZIP_MAGIC):
                if rest.strip(b"\x00"):
                    raise GzipRefused(f"{len(rest)} bytes after the compressed data are not gzip")
                break  # zeros padding the file (tape-style blocks)
    except zlib.error as error:
        raise GzipRefused(f"corrupt: {error}") from error
    return b"".join(parts)
