"""bench/check_phases.py: a check of every study of a copy of a warehouse, timed phase by phase."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import checks
from tests.checks import harness

ROOT = Path(__file__).resolve().parent.parent


def test_the_phases_of_a_check_in_chunks_are_each_timed_and_the_warehouse_is_left_as_it_was(tmp_path):
    con = harness.warehouse_with(tmp_path, {f"NCT0400000{i}": harness.clean_study() for i in range(10)})
    db = Path(con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()")
              .fetchone()[0])
    con.close()  # the studies stay in the log: the bench copies it with the file
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    # Chunks of 2 of 10 studies, every study: its SQL rules once, then each chunk on the tables themselves.
    calls = _phases(db, "--chunk-size", "2")
    assert calls["SQL rules once, over every chunk"] == 1 and calls["spans"] == calls["copies"] == 0
    assert calls["of which each rule's, parked"] == sum(1 for rule in checks.all_rules() if rule.sql is not None)
    assert calls["SQL rules"] == 0
    assert calls["taking the issues of those once"] == calls["writing the issues"] == 5
    assert calls["rules here that are not SQL"] > 0
    # Every fifth study, a small share, one a chunk: each chunk on scoped copies of its rows.
    calls = _phases(db, "--chunk-size", "1", "--every", "5")
    assert calls["SQL rules once, over every chunk"] == 0 and calls["spans"] == 2 and calls["copies"] > 0
    assert calls["SQL rules"] == 2 * sum(1 for rule in checks.all_rules() if rule.sql is not None)
    assert calls["writing the issues"] == 2 and calls["taking the issues of those once"] == 0
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()} == before


def _phases(db: Path, *options: str) -> dict[str, int]:
    """The calls of each phase the bench prints for a check of the warehouse with these options."""
    done = subprocess.run([sys.executable, "bench/check_phases.py", str(db), "--workers", "1", *options],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("check of ") and " issues; CPU " in lines[0]
    return {line.split(" CPU ")[0].strip(): int(line.split()[-2]) for line in lines[1:] if " calls" in line}
