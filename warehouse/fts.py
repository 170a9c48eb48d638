"""DuckDB's full-text search extension, loaded from the pinned `duckdb-extension-fts` wheel.

Nothing is downloaded: the extension file ships inside the wheel and is LOADed by path,
with DuckDB's automatic install of known extensions switched off first.
"""
from __future__ import annotations

from pathlib import Path

import duckdb


class SearchIndexError(Exception):
    """The full-text search extension or index is not usable."""


def extension_path() -> Path:
    """The fts extension file inside the installed duckdb-extension-fts wheel."""
    try:
        import duckdb_extension_fts
    except ImportError as exc:
        raise SearchIndexError(
            "the package duckdb-extension-fts is not installed; install the exact set of requirements.lock"
        ) from exc
    path = (Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
            / "fts.duckdb_extension")
    if not path.is_file():
        raise SearchIndexError(f"no fts extension for DuckDB {duckdb.__version__} at {path}: "
                               "duckdb and duckdb-extension-fts must have the same version")
    return path


def load_fts(con: duckdb.DuckDBPyConnection) -> Path:
    """Load the fts extension into this connection from the wheel, never from the network."""
    con.execute("SET autoinstall_known_extensions = false")
    path = extension_path()
    loaded = con.execute(
        "SELECT loaded FROM duckdb_extensions() WHERE extension_name = 'fts'").fetchone()
    if not (loaded and loaded[0]):
        con.execute(f"LOAD '{path.as_posix()}'")
    return path
