"""Pulled pages load exactly as the same records do from the corpus folder."""
from __future__ import annotations

import shutil
from contextlib import closing
from datetime import date

from flows.run import run_pipeline
from tests.registry_replay import ReplayRegistry, ReplayServer, corpus_files, corpus_records
from tests.test_extract import pull
from warehouse.connect import connect, table_columns
from warehouse.tables import STUDY_TABLES

AS_OF = date(2026, 11, 22)
# Columns that name the file a row came from: a page file is not the study's own file.
FILE_COLUMNS = {"source_sha256", "sha256", "path", "loaded_run", "run_id"}


def warehouse_rows(db) -> dict[str, list]:
    """Every study table, the study versions and the quality issues, without file identities."""
    tables = {name: name for name in STUDY_TABLES}
    tables.update({"source_records": "meta.source_records", "quality_issues": "quality_issues"})
    with closing(connect(db)) as con:
        rows = {}
        for name, table in tables.items():
            schema = "meta" if table.startswith("meta.") else "main"
            kept = [c for c in table_columns(con, name, schema) if c not in FILE_COLUMNS]
            rows[name] = sorted(map(repr, con.execute(f"SELECT {', '.join(kept)} FROM {table}").fetchall()))
        return rows


def load(source, db):
    with closing(connect(db)) as con:
        return run_pipeline(con, run_id="load", source=source, db_path=db, as_of=AS_OF)


def test_pulled_pages_load_exactly_as_the_corpus_files(tmp_path):
    files = corpus_files(40)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in files:
        shutil.copy(path, folder / path.name)
    with ReplayServer(ReplayRegistry(corpus_records(40))) as registry:
        outcome = pull(registry, tmp_path, pages=5)
    assert outcome.complete and outcome.pages == 5
    pulled = load(tmp_path / "landing", tmp_path / "pulled.duckdb")
    direct = load(folder, tmp_path / "direct.duckdb")
    assert (pulled.files_seen, pulled.loaded, pulled.rejected) == (5, 5, 0)
    assert (direct.files_seen, direct.loaded, direct.rejected) == (len(files), len(files), 0)
    pulled_rows, direct_rows = warehouse_rows(tmp_path / "pulled.duckdb"), warehouse_rows(tmp_path / "direct.duckdb")
    assert len(pulled_rows["studies"]) == len(files)
    for table in direct_rows:
        assert pulled_rows[table] == direct_rows[table], table
