"""Benchmark a whole run (parse -> validate -> load -> check) on N studies; prints records/s and peak memory.

The studies are the bundled samples and, when ../shared is present, the 300 real API v2
records, copied with new NCT ids until N is reached, written into one zip (as the registry's
bulk download is). Usage: python bench/bench_run.py [N] [--batch-size B]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.run import PLAIN, Stages, run_pipeline  # noqa: E402
from warehouse.connect import connect  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "json_v2"


def build_zip(n: int, target: Path) -> Path:
    """A zip of n single-study JSON files derived from the real corpus."""
    records = [orjson.loads(p.read_bytes()) for p in sorted(CORPUS.glob("*.json"))]
    if not records:
        sys.exit("needs ../shared/corpus/json_v2 (the real API v2 records)")
    archive = target / "studies.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(n):
            record = records[i % len(records)]
            record["protocolSection"]["identificationModule"]["nctId"] = f"NCT{1_000_000 + i:08d}"
            z.writestr(f"NCT{1_000_000 + i:08d}.json", orjson.dumps(record))
    return archive


def timed(totals: dict, name: str, fn):
    """Wrap a stage so its wall time adds up in totals[name]."""
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - start
    return wrapper


def main() -> None:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        archive = build_zip(args.n, tmp)
        totals: dict[str, float] = {}
        stages = Stages(*(timed(totals, name, getattr(PLAIN, name))
                          for name in ("discover", "parse", "validate", "load", "check")))
        db = tmp / "bench.duckdb"
        con = connect(db)
        start = time.perf_counter()
        result = run_pipeline(con, run_id="bench", source=archive, db_path=db, as_of=date(2026, 11, 22),
                              batch_size=args.batch_size, stages=stages)
        wall = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"studies: {result.studies_loaded} loaded of {args.n} ({result.rejected} rejected), batch {args.batch_size}")
        print(f"whole run: {wall:.1f} s, {result.studies_loaded / wall:,.0f} studies/s, peak RSS {peak_mb:,.0f} MiB")
        for name, seconds in totals.items():
            print(f"  {name:9s} {seconds:7.2f} s  {args.n / seconds if seconds else 0:>10,.0f} studies/s")


if __name__ == "__main__":
    main()
