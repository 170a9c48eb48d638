"""The file of a connection's database, and the size of its write-ahead log."""
from __future__ import annotations

from pathlib import Path

import duckdb


def database_path(con: duckdb.DuckDBPyConnection) -> str | None:
    """The file of the connection's database (None for one in memory)."""
    return con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]


def log_bytes(con: duckdb.DuckDBPyConnection) -> int:
    """The size of the warehouse's write-ahead log: its changes not yet checkpointed (0 for one in memory)."""
    path = database_path(con)
    wal = Path(f"{path}.wal") if path else None
    return wal.stat().st_size if wal is not None and wal.exists() else 0
