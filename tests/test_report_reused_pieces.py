"""A report page written again reuses the pieces of the last report that did not change (list rows, study
sections), byte for byte."""
from __future__ import annotations

import duckdb
import pytest

from bench.synthetic_warehouse import build
from checks.report import write_report


@pytest.fixture
def warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    build(db, 1500, runs=3)
    return duckdb.connect(str(db))


def _lists(folder):
    return {p.name: p.read_bytes() for p in (folder / "studies").glob("*.html")}


def test_a_list_page_written_again_renders_only_its_changed_rows_and_equals_a_full_rebuild(warehouse, tmp_path):
    out, fresh = tmp_path / "report", tmp_path / "fresh"
    write_report(warehouse, out, gx=False)
    page = out / "studies" / "page-1.html"
    # A row that stays as it was is taken from the page on disk: mark one to see where it came from.
    kept = warehouse.execute("SELECT brief_title FROM studies WHERE nct_id = 'NCT00000003'").fetchone()[0] + "<"
    assert page.read_text().count(kept) == 1
    page.write_text(page.read_text().replace(kept, "Taken from the last report<"))
    warehouse.execute("UPDATE studies SET brief_title = 'Line one\r\nline <two>\x1b' WHERE nct_id = 'NCT00000004'")
    warehouse.execute("DELETE FROM quality_issues WHERE nct_id IN ('NCT00000020', 'NCT00001400')")  # rows move
    warehouse.execute("UPDATE studies SET overall_status = 'WITHDRAWN' WHERE nct_id = 'NCT00000777'")
    write_report(warehouse, out, gx=False)
    write_report(warehouse, fresh, gx=False)
    html = page.read_text()
    assert "Taken from the last report<" in html and "line &lt;two&gt;\ufffd" in html
    rewritten = {**_lists(out), "page-1.html": html.replace("Taken from the last report<", kept).encode()}
    assert rewritten == _lists(fresh)


def test_a_study_page_written_again_renders_only_its_changed_studies_and_equals_a_full_rebuild(warehouse, tmp_path):
    out, fresh = tmp_path / "report", tmp_path / "fresh"
    write_report(warehouse, out, gx=False)
    page = out / "study" / "NCT000000.html"  # NCT00000000 to NCT00000099
    kept = warehouse.execute("SELECT brief_title FROM studies WHERE nct_id = 'NCT00000003'").fetchone()[0] + " ·"
    assert page.read_text().count(kept) == 1
    page.write_text(page.read_text().replace(kept, "Taken from the last report ·"))
    warehouse.execute("UPDATE studies SET brief_title = 'Retitled <study>' WHERE nct_id = 'NCT00000004'")
    warehouse.execute("DELETE FROM quality_issues WHERE nct_id = 'NCT00000005'")
    write_report(warehouse, out, gx=False)
    write_report(warehouse, fresh, gx=False)
    html = page.read_text()
    assert "Taken from the last report ·" in html and "Retitled &lt;study&gt;" in html
    assert html.replace("Taken from the last report ·", kept) == (fresh / "study" / "NCT000000.html").read_text()
    others = lambda folder: {p.name: p.read_bytes() for p in (folder / "study").glob("*.html") if p != page}  # noqa: E731
    assert others(out) == {name: body for name, body in others(fresh).items() if name != page.name}
