"""A report page written again reuses the pieces of the last report that did not change (list rows, study
sections), byte for byte."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from bench.synthetic_warehouse import build
from checks.report import write_report


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A synthetic warehouse of 1,500 studies and three runs, closed: each test changes a copy of it."""
    db = tmp_path_factory.mktemp("built") / "w.duckdb"
    build(db, 1500, runs=3)
    return db


@pytest.fixture
def warehouse(built, tmp_path):
    db = tmp_path / "w.duckdb"
    for made, copy in ((built, db), (built.with_name(built.name + ".wal"), db.with_name(db.name + ".wal"))):
        if made.exists():  # the file and any log its connection left
            shutil.copyfile(made, copy)
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


def test_a_list_page_with_a_few_changed_rows_reads_only_those_rows_and_equals_a_full_rebuild(warehouse, tmp_path,
                                                                                             monkeypatch):
    from checks import report_pages

    out, fresh = tmp_path / "report", tmp_path / "fresh"
    write_report(warehouse, out, gx=False)
    read = []
    rows_of = report_pages._list_rows_of
    monkeypatch.setattr(report_pages, "_list_rows_of", lambda con, ids: read.extend(ids) or rows_of(con, ids))
    warehouse.execute("UPDATE studies SET brief_title = brief_title || ' (amended)' "
                      "WHERE nct_id IN ('NCT00000004', 'NCT00001201')")
    write_report(warehouse, out, gx=False)
    assert sorted(read) == ["NCT00000004", "NCT00001201"]  # not the 1,500 rows of the two pages they are on
    write_report(warehouse, fresh, gx=False)
    assert _lists(out) == _lists(fresh)
    assert sum(html.count(b" (amended)</td>") for html in _lists(out).values()) == 2


def test_a_list_row_key_changes_with_what_the_row_shows_and_only_then(warehouse):
    from checks.report_digests import list_keys

    def keys():
        return {nct_id: key for ids, keys in list_keys(warehouse).values()
                for nct_id, key in zip(ids.split(","), keys.split(","))}

    before = keys()
    assert len(before) == 1500 and len(set(before.values())) == 1500
    warehouse.execute("UPDATE quality_issues SET message = 'Reworded' WHERE nct_id = 'NCT00000010'")
    assert keys() == before, "the lists show no issue messages"
    warehouse.execute("UPDATE studies SET brief_title = NULL WHERE nct_id = 'NCT00000011'")
    warehouse.execute("UPDATE sponsors SET name = 'Renamed Sponsor' WHERE nct_id = 'NCT00000012' "
                      "AND lead_or_collaborator = 'lead'")
    warehouse.execute("UPDATE studies SET overall_status = 'WITHDRAWN' WHERE nct_id = 'NCT00000013'")
    # the organization that registered a study is shown only where it names no lead sponsor
    warehouse.execute("UPDATE studies SET source = '' WHERE nct_id = 'NCT00000014'")
    now = keys()
    assert {n for n in now if now[n] != before[n]} == {"NCT00000011", "NCT00000012", "NCT00000013"}


def test_rows_joined_as_one_piece_make_the_page_the_loop_over_them_makes():
    from markupsafe import Markup

    from checks.report import _env

    env = _env()
    row = env.get_template("studies_row.html.j2").module.row
    rows = [row({"nct_id": f"NCT0000000{i}", "brief_title": title, "overall_status": None, "source": "s & <t>",
                 "source_layout": "api_v2", "errors": i, "warnings": 0, "infos": 1, "verdict": "review",
                 "shard": "NCT000000"}) for i, title in enumerate(["<b>bold</b> & more", None, "Line\r\nbreak\x1b"])]
    page = env.get_template("studies_page.html.j2")
    assert page.render(rows=[Markup("".join(rows))], page=1, pages=1, nav=[1]) == \
        page.render(rows=rows, page=1, pages=1, nav=[1])
    shard = env.get_template("study_shard.html.j2")
    sections = [Markup('<section class="study">a &amp; b</section>'), Markup('<section class="study">c</section>')]
    assert shard.render(shard="NCT000000", sections=[Markup("".join(sections))]) == \
        shard.render(shard="NCT000000", sections=sections)


def test_a_reused_piece_with_escaped_record_text_is_written_as_it_was_not_escaped_again(warehouse, tmp_path):
    """Pieces taken from the last report are markup: a title's escaped '<', '&' stays escaped once, on the study
    page and the list page written again, as a full rebuild writes them."""
    out, fresh = tmp_path / "report", tmp_path / "fresh"
    warehouse.execute("UPDATE studies SET brief_title = 'Kept <b>&amp; \"quoted\"' WHERE nct_id = 'NCT00000003'")
    write_report(warehouse, out, gx=False)
    warehouse.execute("UPDATE studies SET brief_title = 'Retitled <study>' WHERE nct_id = 'NCT00000004'")
    write_report(warehouse, out, gx=False)
    write_report(warehouse, fresh, gx=False)
    page = (out / "study" / "NCT000000.html").read_text()
    assert "Kept &lt;b&gt;&amp;amp; &#34;quoted&#34;" in page and "&amp;lt;" not in page
    assert page == (fresh / "study" / "NCT000000.html").read_text()
    assert _lists(out) == _lists(fresh)


def test_the_fingerprints_name_a_page_by_its_path_within_the_report_folder(tmp_path, monkeypatch):
    """A page's name in the fingerprints, cut from its path's text, is its relative POSIX path, as relative_to
    gives it, for a folder named absolutely or relatively."""
    from pathlib import Path

    from checks.report_fingerprints import Fingerprints

    for folder in (tmp_path / "report", Path("report")):
        prints = Fingerprints(folder)
        for page in (folder / "study" / "NCT000000.html", folder / "studies" / "page-1.html", folder / "x.html"):
            assert prints._key(page) == page.relative_to(folder).as_posix()
    monkeypatch.chdir(tmp_path)
    prints = Fingerprints(Path("report"))
    assert prints._key(Path("report/../report/study/a.html")) == "../report/study/a.html"


def test_changed_list_pages_are_written_a_block_at_a_time_and_equal_a_full_rebuild(warehouse, tmp_path,
                                                                                  monkeypatch):
    """The markup of the last report's list pages is held a block of pages at a time (at 600,000 studies a 1%
    change rewrote every page: 200 MB of rows held at once); a row that moved to a page of another block is
    rendered again."""
    from checks import report_pages
    from checks.report_digests import list_keys

    out, fresh = tmp_path / "report", tmp_path / "fresh"
    write_report(warehouse, out, gx=False)
    pages = {page: ids.split(",") for page, (ids, _) in list_keys(warehouse).items()}
    last_of_first = pages[1][-1]
    risen = next(nct_id for nct_id in pages[2]
                 if warehouse.execute("SELECT count(*) FROM quality_issues WHERE nct_id = ?", [nct_id]).fetchone()[0])
    warehouse.execute("UPDATE quality_issues SET severity = 'error' WHERE nct_id = ?", [risen])  # onto page 1
    monkeypatch.setattr(report_pages, "LIST_PAGES_AT_ONCE", 1, raising=False)
    held, read = [], []
    pieces, rows_of = report_pages.pieces_written, report_pages._list_rows_of
    monkeypatch.setattr(report_pages, "pieces_written", lambda paths, *rest: held.append(
        [path.name for path in paths if path.parent.name == "studies"]) or pieces(paths, *rest))
    monkeypatch.setattr(report_pages, "_list_rows_of", lambda con, ids: read.extend(ids) or rows_of(con, ids))
    write_report(warehouse, out, gx=False)
    assert [names for names in held if names] == [["page-1.html"], ["page-2.html"]]
    assert {risen, last_of_first} <= set(read)  # each moved to a page of another block
    assert len(read) < 10
    write_report(warehouse, fresh, gx=False)
    assert _lists(out) == _lists(fresh)


def test_the_keys_of_a_page_come_from_duckdb_joined_one_string_a_page(warehouse):
    """At 600,000 studies the keys of every row (two per study) were 1.2 million strings and tuples in Python; they
    come as one string a page, in the page's order, and are split a page at a time."""
    from checks.report_digests import PAGE_SIZE, list_keys, split, study_digests
    from checks.report_pages import shard_of

    studies = [row[0] for row in warehouse.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()]
    shards = study_digests(warehouse)
    assert all(isinstance(joined, str) for joined in shards.values()) and list(shards) == sorted(shards)
    digests = [key for joined in shards.values() for key in split(joined)]
    assert [key.split(":", 1)[0] for key in digests] == studies
    assert all(shard_of(key) == shard for shard, joined in shards.items() for key in split(joined))
    pages = list_keys(warehouse)
    assert list(pages) == list(range(1, -(-len(studies) // PAGE_SIZE) + 1))
    listed = [nct_id for ids, _ in pages.values() for nct_id in split(ids)]
    assert sorted(listed) == studies and all(len(split(ids)) == len(split(keys)) for ids, keys in pages.values())
    assert split("") == [] and split(None) == []
