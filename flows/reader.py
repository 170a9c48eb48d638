"""Readers of the published warehouse: read-only, and never blocked by a shell that holds it read-write."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Callable

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
