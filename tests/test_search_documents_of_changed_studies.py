"""The search documents of the studies a run changed read the row spans of those studies, and are the documents
a read of whole tables writes: for studies appended at the tables' end, for studies spread among the others, and
for a study with no row in some source tables."""
from __future__ import annotations

import pyarrow as pa
import pytest

from tests.checks.harness import clean_study, insert_study
from tests.search_fixtures import SAMPLES, run_and_refresh
from warehouse import search_index
from warehouse.connect import connect

DOCUMENTS = "SELECT * EXCLUDE (built_run) FROM meta.study_documents ORDER BY nct_id"


def _studied(con, nct_ids: list[str]) -> None:
    """The temp table _doc_part holding these studies, as refresh_documents makes it."""
    con.register("_ids", pa.table({"nct_id": pa.array(nct_ids, pa.string())}))
    con.execute("CREATE OR REPLACE TEMP TABLE _doc_part AS SELECT nct_id FROM _ids")
    con.unregister("_ids")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """The bundled samples loaded and indexed, then two studies appended, one without keywords or descriptions."""
    tmp = tmp_path_factory.mktemp("changed")
    con = connect(tmp / "w.duckdb")
    run_and_refresh(con, tmp / "w.duckdb", SAMPLES, "r1")
    study = clean_study()
    study["studies"][0].update(brief_title="Baricitinib in Lupus Nephritis (BRAVE-LN)", source_sha256="e" * 64)
    insert_study(con, "NCT09100001", study)
    bare = clean_study()
    bare["studies"][0].update(brief_title="Colchicine after myocardial infarction", source_sha256="d" * 64)
    bare["keywords"] = bare["brief_summaries"] = bare["detailed_descriptions"] = []
    insert_study(con, "NCT09100002", bare)
    yield con
    con.close()


def _ids(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()]


@pytest.mark.parametrize("which", ["appended", "spread", "first and last", "one without some tables"])
def test_documents_read_within_the_spans_are_those_of_whole_tables(warehouse, which):
    ids = _ids(warehouse)
    chosen = {"appended": ["NCT09100001", "NCT09100002"], "spread": ids[::2], "first and last": [ids[0], ids[-1]],
              "one without some tables": ["NCT09100002"]}[which]
    _studied(warehouse, chosen)
    present = search_index._existing(warehouse)
    spans = search_index.row_spans(warehouse, present)
    within = warehouse.execute(f"SELECT * FROM ({search_index.documents_sql(warehouse, spans, present)}) "
                               "ORDER BY nct_id").fetchall()
    whole = warehouse.execute(f"SELECT * FROM ({search_index.documents_sql(warehouse)}) ORDER BY nct_id").fetchall()
    assert within == whole and [row[0] for row in within] == sorted(chosen)


def test_a_table_without_rows_of_the_studies_has_an_empty_span(warehouse):
    _studied(warehouse, ["NCT09100002"])
    spans = search_index.row_spans(warehouse, search_index._existing(warehouse))
    assert spans["keywords"] == (-1, -1) and spans["brief_summaries"] == (-1, -1)
    low, high = spans["studies"]
    assert low == high >= 0, "the study's one row"


def test_an_update_of_the_changed_studies_writes_what_a_whole_build_writes(warehouse):
    search_index.update_search_index(warehouse, "r2", ["NCT09100001", "NCT09100002"])
    updated = warehouse.execute(DOCUMENTS).fetchall()
    search_index.update_search_index(warehouse, "r3", None)
    assert warehouse.execute(DOCUMENTS).fetchall() == updated
    assert {row[0] for row in updated} >= {"NCT09100001", "NCT09100002"}
