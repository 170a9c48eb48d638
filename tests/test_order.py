"""The same input in any file order, folder arrangement, batch size or worker count gives the same warehouse."""
from __future__ import annotations

import os
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from bench import generate
from flows import parse_batch
from flows.run import run_pipeline
from tests.faults import AS_OF, table_hashes
from warehouse.connect import connect

ROOT = Path(__file__).resolve().parent.parent


def _inputs() -> list[tuple[str, bytes]]:
    """The samples and 16 generated studies in mixed layouts, one of them a second version of another."""
    items = [(p.name, p.read_bytes()) for p in sorted((ROOT / "data" / "samples").glob("*.txt"))]
    items += [(name, data) for name, data, _ in generate.records(16, seed=5, layout="mixed")]
    first_json = next(data for name, data in items if name.endswith(".json"))
    items.append(("copy_of_first.json", first_json.replace(b'"briefTitle": "', b'"briefTitle": "Amended ')
                  .replace(b'"briefTitle":"', b'"briefTitle":"Amended ')))
    return items


# Every file gets this modification time, as every member of a zip has its archive's: the newest file
# decides between two versions that tie on their dates, so files written a few ms apart would not be
# the same input.
MTIME = 1_700_000_000


def _arrange(folder: Path, how: str) -> Path:
    items = _inputs()
    if how == "zip":
        with zipfile.ZipFile(folder / "all.zip", "w") as archive:
            for name, data in items:
                archive.writestr(name, data)
        os.utime(folder / "all.zip", (MTIME, MTIME))
        return folder / "all.zip"
    random.Random(how).shuffle(items)
    for i, (name, data) in enumerate(items):
        # Shuffled names change the order files are found in; nested folders change the arrangement.
        target = folder / "src" / (f"d{i % 3}/e{i % 2}" if how == "nested" else "") / f"{i:02d}_{name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        os.utime(target, (MTIME, MTIME))
    return folder / "src"


def _warehouse(folder: Path, how: str, batch_size: int, workers: int) -> dict[str, str]:
    source = _arrange(folder, how)
    con = connect(folder / "w.duckdb")
    run_pipeline(con, run_id=how, source=source, db_path=folder / "w.duckdb", as_of=AS_OF,
                 batch_size=batch_size, workers=workers)
    issues = con.execute("SELECT nct_id, rule_id, message, evidence FROM quality_issues ORDER BY ALL").fetchall()
    hashes = table_hashes(con)  # every column, the row ids among them
    # AACT's join by row ids, which the hashes cover: spelled out, so that a run giving no ids is seen
    links = con.execute("""SELECT dgi.id, dg.id, dg.title, i.id, i.name FROM design_group_interventions dgi
                           JOIN design_groups dg ON dg.id = dgi.design_group_id
                           JOIN interventions i ON i.id = dgi.intervention_id ORDER BY ALL""").fetchall()
    con.close()
    return {**hashes, "issue text": issues, "links by id": links}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    return _warehouse(tmp_path_factory.mktemp("base"), "flat-a", batch_size=1000, workers=1)


@pytest.mark.parametrize("how,batch_size,workers", [pytest.param("flat-b", 1, 1, marks=pytest.mark.long), ("nested", 3, 2), ("zip", 7, 2)])
def test_any_order_arrangement_batch_size_and_workers_give_the_same_warehouse(
        baseline, tmp_path, monkeypatch, how, batch_size, workers):
    monkeypatch.setattr(parse_batch, "CHUNK", 2)  # several chunks per batch, so the workers share it
    result = _warehouse(tmp_path, how, batch_size, workers)
    assert result["issue text"], "the corpus raises issues"
    assert result["links by id"], "the corpus links arms and interventions"
    assert result == baseline
