"""Readers of the published warehouse: read-only, and never blocked by a shell that holds it read-write."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Optional

import duckdb

from warehouse.connect import WarehouseError, connect


def open_reader(db_path: Path, say: Callable[[str], None]) -> duckdb.DuckDBPyConnection:
    """Open the published file read-only; if another process holds it read-write, read a snapshot copy."""
    try:
        return connect(db_path, read_only=True)
    except WarehouseError as exc:
        if "lock" not in str(exc).lower():
            raise
    folder = tempfile.mkdtemp(prefix="trialqc-read-")
    atexit.register(shutil.rmtree, folder, True)
    snapshot = Path(folder) / Path(db_path).name
    shutil.copyfile(db_path, snapshot)
    say(f"{db_path} is held open read-write by another process; reading a copy of its last published state")
    return connect(snapshot, read_only=True)


# A DuckDB database file's magic bytes, after the 8 bytes of its header's checksum.
DUCKDB_MAGIC = (8, b"DUCK")
# Tables every warehouse trialqc made holds (schema, table): its studies and every version of them it loaded.
WAREHOUSE_TABLES = (("main", "studies"), ("meta", "source_records"))


def not_duckdb(db_path: Path) -> Optional[str]:
    """Why a warehouse path names no DuckDB file (a folder, an empty file, a file of another kind), or None."""
    if db_path.is_dir():
        return f"{db_path} is a folder, not a warehouse: give the DuckDB file in it (by default trials.duckdb)"
    offset, magic = DUCKDB_MAGIC
    try:
        with open(db_path, "rb") as file:
            head = file.read(offset + len(magic))
    except OSError:
        return None  # unreadable: opening it says why
    if not head:
        return f"{db_path} is an empty file, not a DuckDB file: remove it, or give another --db"
    if head[offset:] != magic:
        return f"{db_path} is not a DuckDB file: give the warehouse a `trialqc run --db` wrote"
    return None


def not_a_warehouse(con: duckdb.DuckDBPyConnection, db_path: Path) -> Optional[str]:
    """Why an open DuckDB file is no trialqc warehouse (it lacks the tables every warehouse has), or None."""
    present = set(con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall())
    missing = [f"{schema}.{table}".removeprefix("main.") for schema, table in WAREHOUSE_TABLES
               if (schema, table) not in present]
    if not missing:
        return None
    return (f"{db_path} is a DuckDB file but no trialqc warehouse (it has no {' or '.join(missing)} table): give "
            "the warehouse a `trialqc run --db` wrote")


def foreign_database(db_path: Path, empty_allowed: bool = False) -> Optional[str]:
    """Why a file at a warehouse path must not be written as a warehouse: a folder, no DuckDB file, or a DuckDB
    database that is no trialqc warehouse (writing would add every warehouse table to another application's
    database; a run would publish over the file). None for a warehouse, for a path with nothing there, for a DuckDB
    file with no tables when `empty_allowed` (a run makes it a warehouse), and for one that cannot be read now (a
    run holds it: the writer waits for the run, and the run has made it a warehouse)."""
    if not db_path.exists():
        return None
    problem = not_duckdb(db_path)
    if problem:
        return problem
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        if empty_allowed and not con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0]:
            return None
        return not_a_warehouse(con, db_path)
    finally:
        con.close()
