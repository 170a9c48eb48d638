"""A batch handed over as Arrow tables (converted where it was prepared) loads exactly as its DataFrames do."""
from __future__ import annotations

import copy
import json
from datetime import date

import pandas as pd
import pyarrow as pa

from flows import assemble, batch_stages, parse_batch
from flows.inputs import discover, read_items
from tests.new_warehouse import connect_new
from warehouse import load, runs
from warehouse.tables import STUDY_TABLES

from tests.warehouse.test_load_cost import STUDY

META = ("meta.source_files", "meta.source_records", "meta.rejects", "meta.raw_values", "meta.version_fields",
        "meta.load_problems")


def _folder(tmp_path):
    """One study in two versions (only the later one's rows load), a refused value, and a file that is no study."""
    folder = tmp_path / "in"
    folder.mkdir()
    record = json.loads(STUDY.read_text())
    (folder / "new.json").write_text(json.dumps(record))
    older = copy.deepcopy(record)
    older["protocolSection"]["identificationModule"]["briefTitle"] = "An earlier title"
    older["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2001-01-01"
    older["protocolSection"]["designModule"]["phases"] = ["PHASE9"]
    (folder / "old.json").write_text(json.dumps(older))
    (folder / "broken.json").write_text('{"protocolSection": ')
    return folder


def _loaded(tmp_path, name: str, batch: load.LoadBatch) -> dict[str, list[tuple]]:
    con = connect_new(tmp_path / f"{name}.duckdb")
    runs.start_run(con, "r", date(2026, 11, 22), "in")
    load.load_batch(con, batch)
    tables = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in (*STUDY_TABLES, *META)}
    con.close()
    return tables


def test_an_arrow_batch_loads_the_rows_its_frames_load(tmp_path):
    parsed = parse_batch.parse_inputs(read_items(discover(_folder(tmp_path))), set())
    validated = batch_stages.validate_records(parsed)
    as_frames = assemble.assemble("r", parsed, validated)
    as_arrow = load.in_arrow(assemble.assemble("r", parsed, validated))
    assert all(isinstance(f, pd.DataFrame) for f in validated.frames.values())  # converted copies only
    assert all(isinstance(t, pa.Table) for t in (*as_arrow.frames.values(), *as_arrow.meta_rows.values()))
    arrow, frames = _loaded(tmp_path, "arrow", as_arrow), _loaded(tmp_path, "frames", as_frames)
    assert arrow == frames
    assert [title for (_, title, *_) in arrow["studies"]] == [json.loads(STUDY.read_text())[
        "protocolSection"]["identificationModule"]["briefTitle"]]  # only the later version's rows
    assert len(arrow["meta.source_records"]) == 2 and arrow["meta.rejects"] and arrow["meta.raw_values"]
