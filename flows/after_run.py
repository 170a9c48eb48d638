"""What every run does after its checks: refresh the search index, evaluate the watch lists."""
from __future__ import annotations

import duckdb

from flows.watch_report import watch_markdown
from warehouse.literals import literal
from warehouse.search_index import update_search_index


def studies_loaded_in(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """The studies of which the run loaded a version."""
    return [r[0] for r in con.execute(  # not bound: see warehouse/literals.py
        f"SELECT DISTINCT nct_id FROM meta.source_records WHERE loaded_run = {literal(run_id)} ORDER BY 1").fetchall()]


def refresh_search_and_watch_lists(con: duckdb.DuckDBPyConnection, run_id: str) -> str:
    """Update the search index for the studies the run changed, evaluate every watch list; their Markdown."""
    update_search_index(con, run_id, studies_loaded_in(con, run_id))
    if con.execute("SELECT count(*) FROM meta.watch_lists").fetchone()[0]:  # (flows.watch imports pyarrow)
        from flows.watch import evaluate_watch_lists

        evaluate_watch_lists(con, run_id)
    return watch_markdown(con, run_id)
