"""flows.archives: zip members read in memory, hostile members refused, nothing written to disk."""
from __future__ import annotations

import gzip
import os
import struct
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

from flows.archives import ArchiveProblem, GzipRefused, Member, gunzip, iter_members, member_path

RECORD = b'{"protocolSection": {"identificationModule": {"nctId": "NCT00000410"}}}'
# Every file opened for writing while `_writes` is a list (an audit hook cannot be removed).
_writes: list[str] | None = None
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _audit(event: str, args: tuple) -> None:
    if _writes is None or event != "open":
        return
    path, mode, flags = args
    writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool((flags or 0) & _WRITE_FLAGS)
    if writing and path is not None:
        _writes.append(os.fsdecode(path) if not isinstance(path, int) else f"fd {path}")


sys.addaudithook(_audit)


def _zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _outcomes(path: Path, **limits) -> list[tuple[str, str | None]]:
    """('member', name) or ('problem', name) for each item iter_members yields."""
    return [
        ("member", item.name) if isinstance(item, Member) else ("problem", item.member)
        for item in iter_members(path, **limits)
    ]


def test_normal_members_are_read_in_order_with_their_bytes(tmp_path):
    path = _zip(tmp_path / "records.zip", {"a/NCT00000410.json": RECORD, "b.xml": b"<clinical_study/>"})
    items = list(iter_members(path))
    assert items == [Member("a/NCT00000410.json", RECORD), Member("b.xml", b"<clinical_study/>")]
    assert member_path(path, items[0].name) == f"{path}!a/NCT00000410.json"


def test_directory_entries_are_not_members(tmp_path):
    path = tmp_path / "dirs.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.mkdir("folder")
        archive.writestr("folder/x.json", RECORD)
    assert _outcomes(path) == [("member", "folder/x.json")]


@pytest.mark.parametrize(
    ("name", "reason"),
    [("../evil.json", "'..'"), ("a/../../evil.json", "'..'"), ("/etc/evil.json", "absolute"),
     ("C:/evil.json", "absolute"), ("..\\evil.json", "'..'")],
)
def test_members_that_leave_the_archive_are_refused_and_the_rest_still_read(tmp_path, name, reason):
    path = _zip(tmp_path / "evil.zip", {"good.json": RECORD, name: b"pwned"})
    items = list(iter_members(path))
    assert items[0] == Member("good.json", RECORD)
    assert isinstance(items[1], ArchiveProblem) and items[1].member == name and reason in items[1].reason
    assert not (tmp_path.parent / "evil.json").exists()


def test_a_member_with_a_huge_compression_ratio_is_refused(tmp_path):
    path = _zip(tmp_path / "bomb.zip", {"zeros.json": bytes(50 * 1024 * 1024), "ok.json": RECORD})
    items = list(iter_members(path))
    assert isinstance(items[0], ArchiveProblem) and "compression ratio" in items[0].reason
    assert items[1] == Member("ok.json", RECORD)


def test_a_member_over_the_size_limit_is_refused(tmp_path):
    path = _zip(tmp_path / "big.zip", {"big.json": os.urandom(4096), "ok.json": RECORD}, zipfile.ZIP_STORED)
    assert _outcomes(path, max_member_bytes=1024) == [("problem", "big.json"), ("member", "ok.json")]
    assert _outcomes(path) == [("member", "big.json"), ("member", "ok.json")]


def test_a_header_that_understates_the_size_never_yields_more_bytes(tmp_path):
    path = _zip(tmp_path / "liar.zip", {"liar.json": bytes(10_000)})
    raw = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):  # uncompressed size fields
        at = raw.index(signature) + offset
        raw[at:at + 4] = struct.pack("<I", 100)
    path.write_bytes(bytes(raw))
    (item,) = iter_members(path)
    assert isinstance(item, ArchiveProblem) and item.reason.startswith("corrupt member")


def test_too_many_members_refuses_the_whole_archive(tmp_path):
    path = _zip(tmp_path / "many.zip", {f"{i}.json": RECORD for i in range(5)})
    assert _outcomes(path, max_members=4) == [("problem", None)]
    assert len(_outcomes(path, max_members=5)) == 5


def test_an_empty_archive_is_a_problem_not_silence(tmp_path):
    assert _outcomes(_zip(tmp_path / "empty.zip", {})) == [("problem", None)]


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04" + bytes(100), b""])
def test_a_corrupt_zip_is_one_problem_not_an_exception(tmp_path, content):
    path = tmp_path / "corrupt.zip"
    path.write_bytes(content)
    (item,) = iter_members(path)
    assert isinstance(item, ArchiveProblem) and item.member is None and "zip" in item.reason


def test_a_truncated_zip_is_a_problem(tmp_path):
    path = _zip(tmp_path / "cut.zip", {"a.json": RECORD * 100, "b.json": RECORD})
    path.write_bytes(path.read_bytes()[:-30])
    items = list(iter_members(path))
    assert items and all(isinstance(item, ArchiveProblem) for item in items)


def test_duplicate_names_and_symlinks_are_refused(tmp_path):
    path = tmp_path / "odd.zip"
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as archive:
        warnings.simplefilter("ignore")
        archive.writestr("a.json", RECORD)
        archive.writestr("a.json", RECORD)
        link = zipfile.ZipInfo("link.json")
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/passwd")
    assert _outcomes(path) == [("member", "a.json"), ("problem", "a.json (#2)"), ("problem", "link.json")]


def test_members_stream_one_at_a_time(tmp_path):
    path = _zip(tmp_path / "lazy.zip", {"a.json": RECORD, "b.json": RECORD})
    members = iter_members(path)
    assert next(members) == Member("a.json", RECORD)
    members.close()


def test_nothing_is_written_to_disk_outside_tmp_path(tmp_path):
    global _writes
    hostile = {"../evil.json": b"x", "/abs.json": b"x", "zeros.json": bytes(5 * 1024 * 1024), "ok.json": RECORD}
    path = _zip(tmp_path / "hostile.zip", hostile)
    _writes = []
    try:
        items = list(iter_members(path))
        corrupt = tmp_path / "corrupt.zip"
        corrupt.write_bytes(b"PK\x03\x04" + bytes(100))
        items += list(iter_members(corrupt))
    finally:
        written, _writes = _writes, None
    assert len(items) == 5
    assert [w for w in written if not Path(w).resolve().is_relative_to(tmp_path.resolve())] == []
    assert written == [str(tmp_path / "corrupt.zip")]


def test_gunzip_reads_every_member_of_a_gzip_file():
    assert gunzip(gzip.compress(RECORD)) == RECORD
    assert gunzip(gzip.compress(RECORD[:20]) + gzip.compress(RECORD[20:])) == RECORD
    assert gunzip(gzip.compress(RECORD) + b"\x00" * 512) == RECORD  # zero padding after the data


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)  # the same bytes in every test process (pytest-xdist compares the ids)


@pytest.mark.parametrize("data, says", [
    (_gz(RECORD)[:-12], "truncated"),
    (_gz(RECORD)[:10] + b"\xff" * 40, "corrupt"),
    (_gz(RECORD) + b"trailing text", "are not gzip"),
    (_gz(b" " * 5_000_000), "compression ratio over 100:1"),
], ids=["truncated", "corrupt", "trailing", "ratio"])
def test_gunzip_refuses_a_damaged_or_over_compressed_file_with_its_reason(data, says):
    with pytest.raises(GzipRefused, match=says):
        gunzip(data)


def test_gunzip_stops_at_the_size_limit_without_decompressing_the_rest():
    bomb = gzip.compress(b"0" * 50_000_000)
    with pytest.raises(GzipRefused, match="more than 1000 bytes"):
        gunzip(bomb, max_bytes=1000, max_ratio=10**9)
