"""Parse the JSON v2 and legacy XML corpus N times; print records/s and peak memory per layout.

    .venv/bin/python bench/bench_parse.py [--repeat N] [--corpus ../shared/corpus]

Files are read into memory first, so the numbers are parsing and mapping only.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.parsers import ctgov_json_v2, ctgov_xml  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def parse_all(parser: ModuleType, inputs: list[bytes], repeat: int) -> tuple[int, int]:
    """Parse every input `repeat` times; (records, problems) seen."""
    records = problems = 0
    for _ in range(repeat):
        for raw in inputs:
            parsed = parser.parse(raw)
            records += len(parsed.records)
            problems += len(parsed.problems)
    return records, problems


def peak_traced_bytes(parser: ModuleType, inputs: list[bytes]) -> int:
    """Peak Python-heap bytes allocated while parsing each input once (tracemalloc)."""
    tracemalloc.start()
    try:
        parse_all(parser, inputs, 1)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def bench(parser: ModuleType, directory: Path, pattern: str, repeat: int) -> None:
    """Print one line of numbers for one layout."""
    inputs = [path.read_bytes() for path in sorted(directory.glob(pattern))]
    megabytes = sum(map(len, inputs)) / 1e6
    started = time.perf_counter()
    records, problems = parse_all(parser, inputs, repeat)
    seconds = time.perf_counter() - started
    peak = peak_traced_bytes(parser, inputs)
    print(
        f"{parser.LAYOUT:<14} {len(inputs):>4} files x{repeat}  {records:>6} records  {problems} problems  "
        f"{records / seconds:>8.0f} records/s  {megabytes * repeat / seconds:>6.1f} MB/s  "
        f"peak traced {peak / 1e6:.1f} MB"
    )


def main() -> None:
    """Run the benchmark from the command line."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--repeat", type=int, default=5)
    arguments.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options = arguments.parse_args()
    bench(ctgov_json_v2, options.corpus / "json_v2", "*.json", options.repeat)
    bench(ctgov_xml, options.corpus / "xml_legacy", "*.xml", options.repeat)
    # ru_maxrss is in KiB on Linux.
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
