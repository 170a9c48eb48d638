"""The report at any size: aggregates and paged lists, a page per study, charts inline, no CDN, no personal data."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
import yaml

from bench.synthetic_warehouse import build
from checks.report import write_report
from tests.test_cli import PERSONAL

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A synthetic warehouse of 2,500 studies, 3 runs of history, and its report."""
    folder = tmp_path_factory.mktemp("synthetic")
    db = folder / "w.duckdb"
    build(db, 2500, runs=3)
    out = folder / "report"
    write_report(duckdb.connect(str(db), read_only=True), out, gx=False)
    return out


def test_overview_is_aggregates_of_bounded_size_with_inline_charts(synthetic):
    html = (synthetic / "quality_report.html").read_text()
    assert len(html) < 200_000
    assert html.count("<svg") == 8
    assert not re.search(r"<(script|link)[^>]+https?://", html), "nothing loaded from the network"
    assert "3 pages" in html
    assert "NCT00000001" not in html, "no study rows on the overview"


def test_freshness_is_shown_apart_and_not_counted_in_the_verdicts(synthetic):
    html = (synthetic / "quality_report.html").read_text()
    apart = html.split("Age of our copy (freshness)")[1]
    assert "freshness.copy_older_than_90_days" in apart
    charts = html.split("Age of our copy (freshness)")[0]
    assert "freshness.copy_older_than_90_days" not in charts


def test_study_lists_are_paged_worst_first_and_link_to_study_pages(synthetic):
    pages = sorted((synthetic / "studies").glob("page-*.html"))
    assert len(pages) == 3
    first = pages[0].read_text()
    verdicts = re.findall(r'<tr class="verdict-(\w+)">', first)
    assert len(verdicts) == 1000 and verdicts[0] == "untrusted"
    assert verdicts == sorted(verdicts, key=["untrusted", "review", "trusted"].index)
    link = re.search(r'href="\.\./study/(NCT\d{6})\.html#(NCT\d{8})"', first)
    study = (synthetic / "study" / f"{link[1]}.html").read_text()
    assert f'id="{link[2]}"' in study and "Source versions" in study and "/data/landing/" in study
    # a long file path wraps inside its cell, not past the page's width
    assert '<td class="path"><code>/data/landing/' in study
    assert re.search(r"td\.path[^{]*\{[^}]*overflow-wrap: anywhere", (synthetic / "report.css").read_text())


def test_every_study_has_a_section_on_its_study_page(synthetic):
    sections = sum(p.read_text().count('<section class="study"') for p in (synthetic / "study").glob("*.html"))
    assert sections == 2500


def test_no_personal_data_in_the_report_of_the_samples(run, samples, tmp_path):
    run(samples)
    out = tmp_path / "report"
    write_report(run.con, out, gx=False)
    text = "".join(p.read_text() for p in out.rglob("*.html"))
    assert "NCT04966884" in text
    assert not [p for p in PERSONAL if p in text]


def _pages(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*.html")
            if p.name != "quality_report.html"}


def test_a_report_writes_again_only_the_pages_whose_studies_changed(synthetic, tmp_path):
    db = tmp_path / "w.duckdb"
    build(db, 2500, runs=3)
    con = duckdb.connect(str(db))
    out = tmp_path / "report"
    write_report(con, out, gx=False)
    stamps = {p: p.stat().st_mtime_ns for p in (out / "study").glob("*.html")}
    row = con.execute("SELECT nct_id, rule_id FROM quality_issues WHERE rule_id LIKE 'dates.%' "
                      "ORDER BY nct_id LIMIT 1").fetchone()
    con.execute("DELETE FROM quality_issues WHERE nct_id = ? AND rule_id = ?", row)
    write_report(con, out, gx=False)
    rewritten = {p.name for p, stamp in stamps.items() if p.stat().st_mtime_ns != stamp}
    assert rewritten == {f"{row[0][:9]}.html"}
    fresh = tmp_path / "fresh"
    write_report(con, fresh, gx=False)
    assert _pages(out) == _pages(fresh)  # the kept pages are the pages a new report writes


def test_prefect_yaml_deploys_to_a_process_pool_with_a_time_zone_and_one_run_at_a_time():
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    deployment = config["deployments"][0]
    assert deployment["entrypoint"] == "flows/pipeline.py:trialqc_flow"
    assert deployment["work_pool"]["name"] == "trialqc-process"
    assert deployment["schedules"][0]["timezone"] == "UTC" and deployment["concurrency_limit"] == 1


def test_retries_only_on_io_tasks():
    from flows import pipeline

    assert pipeline.discover_files.retries == pipeline.load_batch.retries == 2
    assert pipeline.parse.retries == pipeline.validate_batch.retries == pipeline.assemble_batch.retries == 0
    assert pipeline.check.retries == 0
