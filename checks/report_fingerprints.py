"""Which report pages must be written again: a page whose content and template are unchanged is kept.

Each page's fingerprint is a hash of exactly what its template is given, beside a hash of the
templates and the code that renders them; they are kept in `.fingerprints.json` in the report folder.
A re-run that changed a few studies then renders a few study pages, not every page of the warehouse.
The keys of every page's rows (one per study, twice) are kept apart in `.fingerprint-rows.json`: read only
when a page is written again, and written only when a page's rows changed, so a report that keeps its pages
neither reads nor writes them. The two files name the same token: rows of another report are never taken.
A page's keys are held and stored as one string, joined by commas (a key is a hex digest or an NCT id with
counts): at 600,000 studies, 1.2 million keys took 125 MB as lists of strings, about 50 MB joined.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

STORE = ".fingerprints.json"
ROWS_STORE = ".fingerprint-rows.json"
# Present while a report is written (since the first of several not finished): a report cut short (kill -9) left
# pages written from a new state beside the fingerprints and row keys of the report before, which such a page no
# longer matches (its rows are in another order). The next report trusts only the pages older than the mark.
UNFINISHED = ".unfinished"
PARTIAL = ".partial"  # a page being written, beside its name (write_page)
_HERE = Path(__file__).parent
# What a page's HTML depends on besides its content: the templates and the code that fills them
# (the Data Docs are kept on the same condition, so the GX suite's code is here too).
_SOURCES = (_HERE / "templates", _HERE / "report_pages.py", _HERE / "shown_text.py", _HERE / "gx_suite.py",
            _HERE / "gx_expectations.py", _HERE / "gx_docs.py", _HERE / "gx_validation.py", _HERE / "gx_assets",
            _HERE / "report_digests.py", _HERE / "gx_reuse.py",
            _HERE / "report_data.py", _HERE / "report_reuse.py", _HERE / "report.py", _HERE / "report_charts.py")


def _sources_digest() -> str:
    digest = hashlib.sha256()
    for source in _SOURCES:
        for path in sorted(source.rglob("*")) if source.is_dir() else [source]:
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _older(page: Path, since: int) -> bool:
    try:
        return page.stat().st_mtime_ns < since
    except OSError:
        return False


def write_page(path: Path, text: str) -> None:
    """Write a page beside its name and rename it over the last one: a reader, or the next report taking rows
    from it, finds the whole last page or the whole new one, never part of one (a run killed while it wrote)."""
    partial = path.with_name(f".{path.name}{PARTIAL}")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def flush_to_disk(folder: Path) -> None:
    """Every file written under `folder` onto the disk: one `syncfs` of its file system (Linux), else a `sync` of
    all. A report writes thousands of pages: one flush for all of them, not an fsync of each."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        if _syncfs is None or _syncfs(descriptor) != 0:
            os.sync()
    finally:
        os.close(descriptor)


def _load_syncfs():
    """libc's syncfs, where there is one."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


_syncfs = _load_syncfs()


def of(content: object) -> str:
    """The fingerprint of what one page is given (dicts, lists, dates, strings)."""
    return hashlib.sha256(repr(content).encode("utf-8", "surrogatepass")).hexdigest()


class Fingerprints:
    """The pages' fingerprints of the last report in a folder, and those of the one being written."""

    def __init__(self, out_dir: Path) -> None:
        self.path = Path(out_dir) / STORE
        self._root = str(self.path.parent) + os.sep
        self.sources = _sources_digest()
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        same_sources = stored.get("sources") == self.sources
        self.before: dict[str, str] = stored.get("pages", {}) if same_sources else {}
        self.now: dict[str, str] = {}
        self.values_before: dict[str, str] = stored.get("values", {}) if same_sources else {}
        self.values: dict[str, str] = {}
        # page -> the keys of the rows it lists, in order, joined (a row unchanged is reused); those of the last
        # report are read on first use (rows_before)
        self._rows_before: dict[str, str] | None = stored.get("rows") if same_sources else {}
        self._rows_token: str | None = stored.get("rows_token") if same_sources else None
        self._rows_folders: list[str] = stored.get("rows_folders", []) if same_sources else []
        self._carried: set[str] = set()  # folders whose pages and rows are kept as the last report wrote them
        self.rows: dict[str, str] = {}
        # The run whose published warehouse the last report showed, and the one this report shows.
        self.state_before: str | None = stored.get("state") if same_sources else None
        self.state: str | None = None
        # Set when the caller vouches that nothing the pages show changed since state_before.
        self.kept = False
        # What the overview shows of the warehouse besides its runs (checks.report.warehouse_figures).
        self.figures_before: dict | None = stored.get("figures") if same_sources else None
        self.figures: dict | None = None
        self.unfinished = self._forget_unfinished()

    def _forget_unfinished(self) -> bool:
        """After a report that was not finished: forget the pages written since it began (the rows and
        fingerprints stored are of the report before), and what the last report kept whole (the Data Docs, the
        overview's figures, the state it showed); True then."""
        try:
            since = (self.path.parent / UNFINISHED).stat().st_mtime_ns
        except OSError:
            return False
        root = self.path.parent
        self.before = {key: value for key, value in self.before.items() if _older(root / key, since)}
        self.values_before, self.state_before, self.figures_before = {}, None, None
        return True

    def begin(self) -> None:
        """Before the first page is written: mark the report unfinished until `finish` (the mark of a report
        that was not finished is kept: the pages written since it began are not trusted either), and remove
        what a report cut short left half written beside its pages."""
        marker = self.path.parent / UNFINISHED
        if self.unfinished:
            for partial in self.path.parent.rglob(f"*{PARTIAL}"):
                partial.unlink(missing_ok=True)
        os.close(os.open(marker, os.O_WRONLY | os.O_CREAT, 0o644))  # (an existing mark keeps its time)

    def finish(self) -> None:
        """Every page of the report is written: its fingerprints and pages agree. They are on disk before the mark
        goes: after a power cut, a page the kernel had not yet written would read as empty, and the fingerprints
        of a finished report would keep it so until its content changed."""
        flush_to_disk(self.path.parent)
        (self.path.parent / UNFINISHED).unlink(missing_ok=True)

    @property
    def rows_before(self) -> dict[str, str]:
        """page -> the keys of the rows the last report wrote on it, in order, joined by commas."""
        if self._rows_before is None:
            self._rows_before = self._read_rows()
        return self._rows_before

    def _read_rows(self) -> dict[str, str]:
        if self._rows_token is None:
            return {}
        try:
            stored = json.loads((self.path.parent / ROWS_STORE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return stored.get("rows", {}) if stored.get("token") == self._rows_token else {}

    def _key(self, page: Path) -> str:
        """The page's path within the report folder, as the fingerprints name it (its relative POSIX path; for
        a path spelt under the folder, cut from its text: thousands of pages, each named several times)."""
        text = str(page)
        if text.startswith(self._root) and os.sep == "/":
            return text[len(self._root):]
        return page.relative_to(self.path.parent).as_posix()

    def unchanged(self, page: Path, content: object) -> bool:
        """Record `page`'s fingerprint; True when the page on disk was written from the same content."""
        key = self._key(page)
        self.now[key] = of(content)
        return self.before.get(key) == self.now[key] and page.is_file()

    def rows_written(self, page: Path) -> list[str]:
        """The keys of the rows the last report wrote on `page`, in order; [] when not known."""
        key = self._key(page)
        written = self.rows_before.get(key) if key in self.before else None
        if isinstance(written, list):  # as reports before keys were joined stored them
            return written
        return written.split(",") if written else []

    def record_rows(self, page: Path, keys: str) -> None:
        """Keep the keys of the rows on `page` (as written now, or kept from the last report), joined by commas."""
        self.rows[self._key(page)] = keys

    def same(self, key: str, content: object) -> bool:
        """Record the fingerprint of what `key` (not a page: the Data Docs) was made from; True when unchanged."""
        self.values[key] = of(content)
        return self.values_before.get(key) == self.values[key]

    def carry(self, folder: str) -> bool:
        """Keep every page of `folder` as the last report wrote it (with its rows' keys); False, keeping none,
        when a page of it is missing."""
        pages = [key for key in self.before if key.startswith(folder + "/")]
        root = str(self.path.parent)
        if not all(os.path.isfile(os.path.join(root, key)) for key in pages):
            return False
        for key in pages:
            self.now[key] = self.before[key]
        self._carried.add(folder)  # their rows too (taken from the last report's when saved)
        return True

    @property
    def changed(self) -> int:
        """Pages whose content differs from the last report's (written again)."""
        return sum(1 for key, value in self.now.items() if self.before.get(key) != value)

    def save(self) -> None:
        """Keep the fingerprints of the pages just written, for the next report (their rows' keys first)."""
        token = self._rows_token
        if self.rows or token is None or not self._carried.issuperset(self._rows_folders):
            rows = {key: keys for key, keys in self.rows_before.items()
                    if key.split("/", 1)[0] in self._carried and key in self.now}
            rows.update(self.rows)
            token = os.urandom(16).hex()
            with open(self.path.parent / ROWS_STORE, "w", encoding="utf-8") as out:  # streamed: no second copy
                json.dump({"token": token, "rows": rows}, out)
            self._rows_folders = sorted({key.split("/", 1)[0] for key in rows})
        self.path.write_text(json.dumps({"sources": self.sources, "pages": self.now, "values": self.values,
                                        "rows_token": token, "rows_folders": self._rows_folders,
                                        "state": self.state, "figures": self.figures}, sort_keys=True),
                             encoding="utf-8")
