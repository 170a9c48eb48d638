"""Print what publishing a warehouse and writing its report cost (time, size) for a given warehouse file.

    PYTHONPATH=. .venv/bin/python bench/bench_publish_report.py /tmp/w100k.duckdb
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from checks.report import write_report
from flows import publish


def _size(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def main(db: Path) -> None:
    """Publish a copy of `db` three times and write its report once; print the numbers."""
    with tempfile.TemporaryDirectory(dir=db.parent) as tmp:
        files = publish.WriterFiles(Path(tmp) / "trials.duckdb")
        files.folder.mkdir()
        shutil.copyfile(db, files.work)
        times = [publish.publish(files) for _ in range(3)]
        print(f"publish {db.name} ({db.stat().st_size / 1e6:.0f} MB): "
              f"{', '.join(f'{t:.2f}' for t in times)} s (3 runs)")
    out = Path(tempfile.mkdtemp(prefix="report-", dir=db.parent))
    con = duckdb.connect(str(db), read_only=True)
    started = time.perf_counter()
    write_report(con, out, gx="--gx" in sys.argv)
    seconds = time.perf_counter() - started
    mb, count = _size(out)
    overview = (out / "quality_report.html").stat().st_size / 1e3
    page = (out / "studies" / "page-1.html").stat().st_size / 1e3
    print(f"report: {seconds:.1f} s, {mb:.1f} MB in {count} files; overview page {overview:.0f} kB, "
          f"a list page {page:.0f} kB; in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
