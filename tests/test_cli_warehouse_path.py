"""A `--db` that names no trialqc warehouse (a folder, an empty file, a file of another kind, another application's
DuckDB database) is refused with what to give, before anything reads or writes it: exit 2, no traceback."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def _folder(tmp_path):
    path = tmp_path / "warehouse"
    path.mkdir()
    return path, "is a folder, not a warehouse"


def _empty(tmp_path):
    path = tmp_path / "empty.duckdb"
    path.write_bytes(b"")
    return path, "is an empty file, not a DuckDB file"


def _text(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("root:x:0:0:root:/root:/bin/bash\n")
    return path, "is not a DuckDB file"


def _foreign(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.close()
    return path, "is a DuckDB file but no trialqc warehouse"


NOT_WAREHOUSES = {"folder": _folder, "empty file": _empty, "text file": _text, "another database": _foreign}
READERS = {"issues": ["issues"], "issues --since-last": ["issues", "--since-last"], "report": ["report"]}


@pytest.mark.parametrize("command", list(READERS))
@pytest.mark.parametrize("kind", list(NOT_WAREHOUSES))
def test_a_reader_refuses_what_is_no_warehouse(tmp_path, kind, command):
    path, said = NOT_WAREHOUSES[kind](tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    args = READERS[command] + ["--db", str(path)]
    if command == "report":
        args += ["--out", str(tmp_path / "reports")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert said in " ".join(result.output.split()) and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside it


def test_another_database_is_left_as_it_was(tmp_path):
    path, _ = _foreign(tmp_path)
    runner.invoke(app, ["issues", "--db", str(path)])
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall() == [("main", "invoices")]


@pytest.mark.parametrize("kind", list(NOT_WAREHOUSES))
def test_a_run_refuses_what_is_no_warehouse_and_leaves_it_as_it_was(tmp_path, kind):
    """A run into another file (`--db /etc/passwd`) published its working copy over it: a new file in its place,
    and the writer's folder beside it."""
    path, said = NOT_WAREHOUSES[kind](tmp_path)
    identity = (path.stat().st_ino, path.stat().st_mtime_ns)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(app, ["run", "--source", str(SAMPLES), "--db", str(path), "--no-report"])
    assert result.exit_code == 2, result.output
    assert said in " ".join(result.output.split()) and "Traceback" not in result.output
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == identity
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_pull_refuses_what_is_no_warehouse(tmp_path):
    path, said = _text(tmp_path)
    result = runner.invoke(app, ["pull", "--term", "asthma", "--db", str(path), "--landing", str(tmp_path / "in"),
                                 "--api-url", "http://127.0.0.1:9"])
    assert result.exit_code == 2 and said in " ".join(result.output.split()), result.output
    assert not (tmp_path / "in").exists() and not (tmp_path / f".{path.name}.writer").exists()
