"""Parse every text-page golden case (the seeds and the hand-written variants) N times; print pages/s per layout.

    .venv/bin/python bench/bench_text_pages.py [--repeat N]

Pages are read into memory first, so the numbers are detection-free parsing only.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.parsers import PARSERS  # noqa: E402

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden"


def main() -> None:
    """Print pages/s for each layout that declares what it carries (the text layouts)."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=200)
    repeat = options.parse_args().repeat
    for entry in PARSERS:
        if entry.carries is None:
            continue
        pages = [path.read_bytes() for path in sorted((GOLDEN / entry.layout).glob("*.txt"))]
        started, cpu_started = time.perf_counter(), time.process_time()
        records = sum(len(entry.module.parse(raw).records) for _ in range(repeat) for raw in pages)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        # on a shared machine the wall clock includes waiting for a core; CPU time does not
        print(f"{entry.layout:<20} {len(pages)} pages x{repeat}  {records} records  "
              f"{len(pages) * repeat / seconds:>7.0f} pages/s wall  {len(pages) * repeat / cpu_seconds:>7.0f} pages/s CPU  "
              f"{sum(map(len, pages)) / 1e3:.0f} kB per pass")


if __name__ == "__main__":
    main()
