"""bench/check_phases.py: a check of every study of a copy of a warehouse, timed phase by phase."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.checks import harness

ROOT = Path(__file__).resolve().parent.parent


def test_the_phases_of_a_check_in_chunks_are_each_timed_and_the_warehouse_is_left_as_it_was(tmp_path):
    con = harness.warehouse_with(tmp_path, {f"NCT0400000{i}": harness.clean_study() for i in range(10)})
    db = Path(con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()")
              .fetchone()[0])
    con.close()  # the studies stay in the log: the bench copies it with the file
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    # Chunks of 2 of 10 studies: each is checked on scoped copies of its rows.
    done = subprocess.run([sys.executable, "bench/check_phases.py", str(db), "--workers", "1", "--chunk-size", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("check of 10 studies: ") and " issues; CPU " in lines[0]
    calls = {line.split(" CPU ")[0].strip(): int(line.split()[-2]) for line in lines[1:] if " calls" in line}
    assert calls["spans"] == 5 and calls["copies"] > 0
    assert calls["writing the issues"] == 5 and calls["SQL rules"] > 0 and calls["rules here that are not SQL"] > 0
    assert lines[-1].startswith("  copies that cost most (CPU): ")
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()} == before
