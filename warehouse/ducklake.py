"""Publish the warehouse as DuckLake: Parquet data files plus a catalog, readable by any DuckDB, shell included.

The loader needs DuckDB's primary keys (its upserts use ON CONFLICT), which DuckLake tables do not
have, so a run loads the DuckDB file and then publishes every table to the lake in one transaction.
The extension comes from the duckdb-extension-ducklake wheel: nothing is downloaded.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.connect import transaction

def extension_path() -> Path:
    """The ducklake extension file shipped in the duckdb-extension-ducklake wheel."""
    import duckdb_extension_ducklake

    return Path(duckdb_extension_ducklake.__file__).parent / "extensions" / f"v{duckdb.__version__}" / \
        "ducklake.duckdb_extension"


def install_extension(con: duckdb.DuckDBPyConnection) -> None:
    """Install (for the duckdb shell too, in ~/.duckdb) and load the ducklake extension from the wheel."""
    con.execute(f"INSTALL '{extension_path()}'")
    con.execute("LOAD ducklake")


def publish(con: duckdb.DuckDBPyConnection, lake_dir: Path) -> Path:
    """Copy every table of the warehouse into the DuckLake catalog in `lake_dir`; returns the catalog file."""
    lake_dir.mkdir(parents=True, exist_ok=True)
    catalog = lake_dir / "trialqc.ducklake"
    install_extension(con)
    con.execute(f"ATTACH 'ducklake:{catalog}' AS lake (DATA_PATH '{lake_dir / 'data'}')")
    try:
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_catalog = current_database() "
            "AND table_type = 'BASE TABLE' AND table_schema IN ('main', 'meta') ORDER BY ALL").fetchall()
        with transaction(con):
            con.execute("CREATE SCHEMA IF NOT EXISTS lake.meta")
            for schema, table in tables:
                con.execute(f'CREATE OR REPLACE TABLE lake.{schema}."{table}" AS SELECT * FROM {schema}."{table}"')
    finally:
        con.execute("DETACH lake")
    return catalog
