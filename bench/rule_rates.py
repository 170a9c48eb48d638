"""Calibrate the quality rules: load record folders, run every rule, print each rule's firing rate and time.

Usage: python bench/rule_rates.py [--as-of 2026-11-22] DIR [DIR ...]
(e.g. ../shared/corpus/json_v2 ../shared/corpus/xml_legacy data/samples). A rule that fires on
most real records is either right for a stated reason or too loose.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checks  # noqa: E402
from checks.engine import findings_of, set_scope  # noqa: E402
from flows.run import run_pipeline  # noqa: E402
from warehouse.connect import connect  # noqa: E402


def main() -> None:
    """Load, check, print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 22))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "rates.duckdb"
        con = connect(db)
        for i, source in enumerate(args.sources):
            r = run_pipeline(con, run_id=f"load{i}", source=source, db_path=db, as_of=args.as_of, check=False)
            print(f"{source}: {r.files_seen} files, {r.loaded} loaded, {r.rejected} rejected, {r.skipped} skipped")
        scope = set_scope(con, None, args.as_of)
        by_layout = dict(con.execute("SELECT nct_id, source_layout FROM studies").fetchall())
        total = len(by_layout)
        layouts = sorted(set(by_layout.values()))
        sizes = {layout: sum(v == layout for v in by_layout.values()) for layout in layouts}
        print(f"\n{total} studies, as of {args.as_of}: " + ", ".join(f"{k} {v}" for k, v in sizes.items()) + "\n")
        print(f"{'rule':50s} {'category':14s} {'sev':8s} {'studies':>7s} {'rate':>6s} {'secs':>5s}  "
              + "  ".join(f"{k[:12]:>12s}" for k in layouts))
        for rule in checks.all_rules():
            start = time.perf_counter()
            try:
                found = {f.nct_id for f in findings_of(con, rule, scope)}
            except Exception as exc:  # report, keep calibrating the others
                print(f"{rule.id:55s} FAILED: {exc}")
                continue
            secs = time.perf_counter() - start
            rate = 100 * len(found) / total if total else 0
            per_layout = "  ".join(
                f"{100 * sum(by_layout.get(n) == k for n in found) / sizes[k]:11.1f}%" for k in layouts)
            print(f"{rule.id:50s} {rule.category:14s} {rule.severity:8s} {len(found):7d} {rate:5.1f}% {secs:5.2f}  "
                  + per_layout)


if __name__ == "__main__":
    main()
