"""A warehouse as an older trialqc left it: the DDL files before a given one applied and recorded."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import duckdb

from warehouse.connect import DDL_DIR


def warehouse_with_ddl(path: Path, applied: Callable[[str], bool]) -> duckdb.DuckDBPyConnection:
    """A new warehouse at `path` with the DDL files whose names `applied` accepts applied in order and recorded
    as migrate() records them; the others are left for the upgrade under test."""
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA IF NOT EXISTS meta")
    con.execute("CREATE TABLE meta.schema_migrations (filename VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    for ddl in sorted(DDL_DIR.glob("*.sql")):
        if applied(ddl.name):
            con.execute(ddl.read_text())
            con.execute("INSERT INTO meta.schema_migrations VALUES (?, ?)", [ddl.name, datetime.now()])
    return con


def warehouse_before(path: Path, first_new: str) -> duckdb.DuckDBPyConnection:
    """A warehouse with every DDL file named before `first_new` ('117') applied."""
    return warehouse_with_ddl(path, lambda name: name < first_new)


def files_from(first: str) -> list[str]:
    """The DDL files an upgrade of a `warehouse_before(path, first)` applies: `first` and every later one."""
    return sorted(ddl.name for ddl in DDL_DIR.glob("*.sql") if ddl.name >= first)
