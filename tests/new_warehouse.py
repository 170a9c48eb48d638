"""A new, empty warehouse for a test: a file copy of one with every DDL file applied, made once per process.

Applying all DDL files to a new file costs ~0.1 s; hundreds of tests each start from an empty warehouse,
so they copy one made once (the copy holds the same schema and `meta.schema_migrations` rows). Tests of
creating and migrating a warehouse itself call `warehouse.connect.connect` on a new path instead.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import duckdb

from warehouse.connect import connect

_TEMPLATE: list[Path] = []


def _template() -> Path:
    """The empty warehouse to copy (made by `connect`, closed, so the file holds everything)."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="trialqc-empty-warehouse-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        connect(folder / "empty.duckdb").close()
        _TEMPLATE.append(folder / "empty.duckdb")
    return _TEMPLATE[0]


def new_warehouse(db_path: str | Path) -> Path:
    """Place an empty, fully migrated warehouse at `db_path` (which must not exist yet); returns the path."""
    path = Path(db_path)
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template(), path)
    return path


def connect_new(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """`connect` to a new, empty warehouse at `db_path`, copied from the template."""
    return connect(new_warehouse(db_path))
