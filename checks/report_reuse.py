"""Pieces of the last report's pages (list rows, study sections) taken again when what they show is unchanged.

A page written again is assembled from pieces: those whose key (a digest of what the piece shows) is
the one the last report wrote are cut from that page as it is on disk; only the others are rendered.
Record text is escaped on the page, so a piece's closing tag never occurs inside its text.
"""
from __future__ import annotations

from pathlib import Path

from checks.report_fingerprints import Fingerprints


def pieces_of(html: str, start: str, end: str) -> list[str]:
    """The pieces of a page, in order: each from `start` to its `end` tag inclusive."""
    first, last = html.find(start), html.rfind(end)
    if first < 0:
        return []
    return [piece + end for piece in html[first:last].split(end)]


def pieces_written(pages: list[Path], prints: Fingerprints | None, start: str, end: str) -> dict[str, str]:
    """The pieces the last report wrote on these pages (markup, as plain strings: a page joins its pieces and
    marks the whole safe once), by key; none when the pages are not as it wrote them."""
    found: dict[str, str] = {}
    for path in pages if prints is not None else ():
        keys = prints.rows_written(path)
        if keys and path.is_file():
            with open(path, encoding="utf-8", newline="") as old:
                pieces = pieces_of(old.read(), start, end)
            if len(pieces) == len(keys):
                found.update(zip(keys, pieces))
    return found
