"""Watch lists across runs: studies entering and leaving, records changing, issues new and resolved;
and `trialqc diff` on the versions of one study."""
from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.search import SearchQuery
from flows.watch import add_watch_list, evaluate_watch_lists, remove_watch_list, watch_lists
from flows.watch_report import watch_markdown, write_watch_pages
from tests.search_fixtures import SAMPLES, record_version, run_and_refresh, write_record
from warehouse.connect import connect

STUDY = "NCT04916756"


def events(con, run_id: str, name: str) -> list[tuple[str, str, str]]:
    return con.execute("SELECT nct_id, event, detail FROM meta.watch_events WHERE run_id = ? AND name = ? "
                       "ORDER BY event, nct_id, detail", [run_id, name]).fetchall()


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory):
    """One record loaded twice: first RECRUITING (ESSDAI), then COMPLETED with another primary outcome."""
    tmp = tmp_path_factory.mktemp("versions")
    db, folder = tmp / "w.duckdb", tmp / "download"
    con = connect(db)
    add_watch_list(con, "baricitinib", SearchQuery("baricitinib"))
    add_watch_list(con, "recruiting baricitinib", SearchQuery("baricitinib", statuses=("RECRUITING",)))
    write_record(folder, record_version(status="RECRUITING", updated="2020-06-30"))
    run_and_refresh(con, db, folder, "r1")
    write_record(folder, record_version(primary_outcome="ESSPRI", enrollment=14))
    markdown = run_and_refresh(con, db, folder, "r2")
    con.execute("CHECKPOINT")
    yield con, db, markdown
    con.close()


def test_a_study_entering_a_watch_list_is_reported(tmp_path):
    source = tmp_path / "records"
    shutil.copytree(SAMPLES, source)
    later = source / "004_cc5ae6cfa278e423.txt"
    held_back = later.read_bytes()
    later.unlink()
    con = connect(tmp_path / "w.duckdb")
    add_watch_list(con, "systemic sclerosis", SearchQuery("systemic sclerosis"))
    run_and_refresh(con, tmp_path / "w.duckdb", source, "r1")
    assert events(con, "r1", "systemic sclerosis") == [
        ("NCT05300932", "entered", "on the list at its first evaluation")]
    later.write_bytes(held_back)
    run_and_refresh(con, tmp_path / "w.duckdb", source, "r2")
    assert events(con, "r2", "systemic sclerosis") == [("NCT06936215", "entered", "now matches the search")]
    members = con.execute("SELECT nct_id FROM meta.watch_members WHERE run_id = 'r2' ORDER BY 1").fetchall()
    assert members == [("NCT05300932",), ("NCT06936215",)]
    evaluate_watch_lists(con, "r3")  # nothing changed since r2
    assert events(con, "r3", "systemic sclerosis") == []


def test_a_status_change_between_two_versions_is_reported_with_its_fields(two_versions):
    con, _, _ = two_versions
    changed = [d for n, e, d in events(con, "r2", "baricitinib") if e == "changed"]
    assert len(changed) == 1
    assert "status: RECRUITING -> COMPLETED" in changed[0]
    assert "enrollment: 11 -> 14" in changed[0] and "primary outcomes: ESSDAI -> ESSPRI" in changed[0]
    assert "of 2020-06-30" in changed[0] and "of 2021-06-30" in changed[0]


def test_a_study_that_no_longer_matches_leaves_the_list(two_versions):
    con, _, _ = two_versions
    assert events(con, "r1", "recruiting baricitinib")[0][:2] == (STUDY, "entered")
    assert events(con, "r2", "recruiting baricitinib") == [(STUDY, "left", "no longer matches the search")]


def test_issues_new_and_resolved_between_runs(two_versions):
    con, _, _ = two_versions
    found = events(con, "r2", "baricitinib")
    new = [d for _, e, d in found if e == "issue_new"]
    resolved = [d for _, e, d in found if e == "issue_resolved"]
    assert any("outcome_changes.primary_outcome_changed" in d and d.startswith("warning") for d in new)
    assert any("dates.status_stale_after_completion" in d for d in resolved), resolved
    counts = con.execute("SELECT entered, \"left\", changed, issues_new, issues_resolved FROM meta.watch_runs "
                         "WHERE run_id = 'r2' AND name = 'baricitinib'").fetchone()
    assert counts == (0, 0, 1, len(new), len(resolved))


def test_the_outcome_switch_names_both_versions(two_versions):
    con, _, _ = two_versions
    shas = [r[0][:12] for r in con.execute(f"SELECT sha256 FROM meta.source_records WHERE nct_id = '{STUDY}' "
                                           "ORDER BY last_update_posted_date").fetchall()]
    message, evidence = con.execute("SELECT message, evidence FROM quality_issues "
                                    "WHERE rule_id = 'outcome_changes.primary_outcome_changed'").fetchone()
    assert "2020-06-30" in message and "2021-06-30" in message and "'ESSDAI' became 'ESSPRI'" in message
    assert all(sha in evidence for sha in shas) and len(set(shas)) == 2


def test_markdown_and_pages_show_each_list(two_versions, tmp_path):
    con, _, markdown = two_versions
    assert "## Watch lists" in markdown and "| baricitinib | 1 | 0 | 0 | 1 |" in markdown
    assert "Record changed" in markdown and "RECRUITING -> COMPLETED" in markdown
    add_watch_list(con, "<script>", SearchQuery("baricitinib"))
    try:
        pages = write_watch_pages(con, tmp_path)
    finally:
        remove_watch_list(con, "<script>")
    assert sorted(p.name for p in pages) == ["watch-baricitinib.html", "watch-recruiting-baricitinib.html",
                                             "watch-script.html"]
    html = (tmp_path / "watch-baricitinib.html").read_text()
    assert STUDY in html and "RECRUITING -&gt; COMPLETED" in html and "Run r2" in html
    # an event's detail wraps inside its cell; ids, statuses and dates are never broken mid-word, and a phone
    # shows the page at its own width
    assert '<td class="detail">RECRUITING -&gt; COMPLETED' in html or 'class="detail"' in html
    assert "td { overflow-wrap" not in html and 'name="viewport"' in html
    assert "<script>" not in (tmp_path / "watch-script.html").read_text()


def test_diff_shows_what_changed_between_versions(two_versions, tmp_path):
    con, db, _ = two_versions
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(db, copy)
    runner = CliRunner()
    result = runner.invoke(app, ["diff", STUDY, "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert "status: RECRUITING -> COMPLETED" in result.output and "2 versions" in result.output
    old, new = [r[0] for r in con.execute(f"SELECT sha256 FROM meta.source_records WHERE nct_id = '{STUDY}' "
                                          "ORDER BY last_update_posted_date").fetchall()]
    picked = runner.invoke(app, ["diff", STUDY, "--from", new[:10], "--to", old[:10], "--db", str(copy)])
    assert "status: COMPLETED -> RECRUITING" in picked.output
    assert runner.invoke(app, ["diff", STUDY, "--from", "ffff0000", "--db", str(copy)]).exit_code == 2
    assert runner.invoke(app, ["diff", "NCT00000000", "--db", str(copy)]).exit_code == 2
    lower = runner.invoke(app, ["diff", STUDY.lower(), "--db", str(copy)])  # as typed, then shown as the registry's
    assert lower.exit_code == 0 and f"{STUDY}: 2 versions" in lower.output and STUDY.lower() not in lower.output
    not_an_id = runner.invoke(app, ["diff", "notanid", "--db", str(copy)])
    assert not_an_id.exit_code == 2 and "is not a ClinicalTrials.gov id" in not_an_id.output


def test_watch_commands_add_list_and_remove(tmp_path):
    db = str(tmp_path / "w.duckdb")
    connect(db).close()
    runner = CliRunner()
    added = runner.invoke(app, ["watch", "add", "jak in ssc", "systemic", "sclerosis", "--intervention",
                                "baricitinib", "--phase", "Phase 3", "--db", db])
    assert added.exit_code == 0, added.output
    assert runner.invoke(app, ["watch", "add", "jak in ssc", "other", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["watch", "add", "bad", "x", "--status", "FINISHED", "--db", db]).exit_code == 2
    listed = runner.invoke(app, ["watch", "list", "--db", db])
    assert "jak in ssc" in listed.output and "systemic sclerosis --intervention baricitinib --phase PHASE3" in listed.output
    assert "not evaluated yet" in listed.output
    con = connect(db)
    assert [w.query for w in watch_lists(con)] == [SearchQuery("systemic sclerosis", intervention="baricitinib",
                                                               phases=("PHASE3",), limit=None)]
    con.close()
    assert runner.invoke(app, ["watch", "remove", "jak in ssc", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["watch", "remove", "jak in ssc", "--db", db]).exit_code == 2


def test_with_no_watch_list_no_watch_page_template_is_loaded(tmp_path, monkeypatch):
    import jinja2

    from warehouse.connect import connect

    def refuse(*args, **kwargs):
        raise AssertionError("loaded a template for no watch list")

    monkeypatch.setattr(jinja2.Environment, "get_template", refuse)
    con = connect(tmp_path / "w.duckdb")
    assert write_watch_pages(con, tmp_path / "reports") == []
    con.close()
