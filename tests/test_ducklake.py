"""The warehouse published as DuckLake (Parquet + catalog) answers the same queries, in the duckdb shell too."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from warehouse.ducklake import extension_path, publish

DUCKDB_SHELL = Path(sys.executable).parent / "duckdb"


def test_the_published_lake_holds_every_table_and_the_shell_reads_it(run, samples, tmp_path):
    run(samples)
    catalog = publish(run.con, tmp_path / "lake")
    assert list((tmp_path / "lake" / "data").rglob("*.parquet"))
    query = ("SELECT (SELECT count(*) FROM lake.studies) || ',' || (SELECT count(*) FROM lake.quality_issues)"
             " || ',' || (SELECT count(*) FROM lake.meta.load_runs)")
    expected = run.con.execute(query.replace("lake.", "")).fetchone()[0]
    proc = subprocess.run([str(DUCKDB_SHELL), "-noheader", "-list", "-c",
                           f"LOAD '{extension_path()}'; ATTACH 'ducklake:{catalog}' AS lake (READ_ONLY); {query};"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == expected and expected.startswith("5,")


def test_publishing_again_replaces_the_tables_not_appends(run, samples, tmp_path):
    run(samples)
    publish(run.con, tmp_path / "lake")
    catalog = publish(run.con, tmp_path / "lake")
    run.con.execute(f"ATTACH 'ducklake:{catalog}' AS again (READ_ONLY)")
    assert run.con.execute("SELECT count(*) FROM again.studies").fetchone()[0] == 5
    run.con.execute("DETACH again")
