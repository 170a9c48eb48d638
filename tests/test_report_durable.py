"""A finished report is on disk: its pages and fingerprints are flushed before its unfinished mark goes."""
from __future__ import annotations

import os

from checks import report_fingerprints
from checks.report_fingerprints import UNFINISHED, Fingerprints, write_page


def _report(folder):
    folder.mkdir(exist_ok=True)
    prints = Fingerprints(folder)
    prints.begin()
    page = folder / "studies" / "NCT00000001.html"
    page.parent.mkdir(parents=True)
    assert not prints.unchanged(page, {"title": "a"})
    write_page(page, "<html>a</html>")
    prints.save()
    return prints


def test_the_pages_are_flushed_to_disk_while_the_report_is_still_marked_unfinished(tmp_path, monkeypatch):
    seen = []

    def syncfs(descriptor: int) -> int:
        seen.append((os.path.samestat(os.fstat(descriptor), os.stat(tmp_path)), (tmp_path / UNFINISHED).exists()))
        return 0
    monkeypatch.setattr(report_fingerprints, "_syncfs", syncfs)
    monkeypatch.setattr(os, "sync", lambda: seen.append("sync"))
    prints = _report(tmp_path)
    assert seen == []  # pages are written without a flush each
    prints.finish()
    assert seen == [(True, True)]  # the file system of the report's folder, before the mark went
    assert not (tmp_path / UNFINISHED).exists()


def test_without_syncfs_or_when_it_fails_every_file_system_is_synced(tmp_path, monkeypatch):
    synced = []
    marked = lambda: sorted(mark.parent.name for mark in tmp_path.glob(f"*/{UNFINISHED}"))  # noqa: E731
    monkeypatch.setattr(os, "sync", lambda: synced.append(marked()))
    monkeypatch.setattr(report_fingerprints, "_syncfs", None)
    _report(tmp_path / "a").finish()
    monkeypatch.setattr(report_fingerprints, "_syncfs", lambda descriptor: -1)
    _report(tmp_path / "b").finish()
    assert synced == [["a"], ["b"]]  # each report's, while it was still marked unfinished
    assert marked() == []


def test_this_system_has_syncfs():
    """Linux: one file system is flushed, not every one the machine has."""
    assert report_fingerprints._syncfs is not None
