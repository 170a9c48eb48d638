"""Kill -9 a run at 20+ points during loading and checking; after each, meta agrees with the tables and
a re-run gives the tables and quality_issues of an uninterrupted run (hash compare).

Usage: python bench/kill_points.py [--points 24] [--seed 1]   (the fast variant is tests/test_faults.py)
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checks.engine  # noqa: E402
from bench import generate  # noqa: E402
from flows.run import run_pipeline  # noqa: E402
from tests.faults import AS_OF, BATCH_SIZE, CHECK_CHUNK, meta_agrees, table_hashes  # noqa: E402
from warehouse.connect import connect  # noqa: E402


def run_into(db: Path, source: Path, run_id: str) -> dict[str, str]:
    """Run (completing) into db and return its table hashes."""
    opened = [connect(db)]  # the check may begin on a new connection (check_studies.ready_to_check)
    run_pipeline(opened[0], run_id=run_id, source=source, db_path=db, as_of=AS_OF, batch_size=BATCH_SIZE,
                 reconnected=opened.append)
    hashes = table_hashes(opened[-1])
    opened[-1].close()
    return hashes


def main() -> None:
    """Pick the points, kill, check, re-run, compare; exit 1 on any difference."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    checks.engine.CHUNK_SIZE = CHECK_CHUNK
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="trialqc-kill-"))
    try:
        source = tmp / "records"
        shutil.copytree(ROOT / "data" / "samples", source)
        for name, data, _ in generate.records(40, seed=args.seed, layout="mixed"):
            (source / name).write_bytes(data)
        reference = run_into(tmp / "ref.duckdb", source, "ref")
        batches, chunks = -(-45 // BATCH_SIZE), -(-45 // CHECK_CHUNK)
        points = [(rng.choice(["load-mid", "load-after", "check-mid"]), 0) for _ in range(args.points)]
        points = [(p, rng.randint(1, batches if p.startswith("load") else chunks)) for p, _ in points]
        failures = sum(not kill_and_recover(tmp, source, reference, i, p, n) for i, (p, n) in enumerate(points))
        print(f"{len(points) - failures} of {len(points)} kill points recovered exactly")
        sys.exit(1 if failures else 0)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def kill_and_recover(tmp: Path, source: Path, reference: dict, i: int, point: str, nth: int) -> bool:
    """One kill point: True when the warehouse agreed after the kill and equalled the reference after a re-run."""
    db = tmp / f"k{i}.duckdb"
    proc = subprocess.run([sys.executable, "-m", "tests.faults", str(db), str(source), point, str(nth)],
                          cwd=ROOT, capture_output=True, text=True)
    con = connect(db)
    problems = meta_agrees(con)
    con.close()
    same = run_into(db, source, "rerun") == reference
    killed = "killed" if proc.returncode == -9 else f"not killed (exit {proc.returncode})"
    print(f"{point:10s} #{nth:<3d} {killed:22s} meta {'agrees' if not problems else problems}  "
          f"re-run {'equal' if same else 'DIFFERENT'}")
    return same and not problems
if __name__ == "__main__":
    main()
