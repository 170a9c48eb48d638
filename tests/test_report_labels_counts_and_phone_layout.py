"""The report as a data team reads it: counts that agree from card to chart, labels shown whole or cut visibly,
no sponsor-investigator named, pages that fit a phone, GX statuses that show offline, terminal lines to scan."""
from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from bench.synthetic_warehouse import build
from checks import gx_docs_pages
from checks.report import write_report
from checks.report_charts import hbars
from flows.render import print_issues, print_summary
from flows.summary import RunSummary, fill_from_warehouse, to_markdown

LONGEST_RULE = "contradictions.criteria_healthy_volunteers_differs"  # 50 characters
NICHD = "Eunice Kennedy Shriver National Institute of Child Health and Human Development (NICHD)"
INDIVIDUAL = "Doe, Jane Q."  # a lead sponsor of class INDIV
INVESTIGATOR = "Rahul Mehta"  # a lead sponsor who is the study's responsible party (a sponsor-investigator)
LONG_MESSAGE = ("The start date 2006-11 (ESTIMATED) was still an estimate when the record, which calls the study "
                "COMPLETED, was last updated on 2017-06-05, at least 3840 days later.")
LONG_EVIDENCE = "start_date=2006-11 (ESTIMATED); last_update_posted_date=2017-06-05; overall_status=COMPLETED"
WORST = "NCT00000001"


def _sponsor(con: duckdb.DuckDBPyConnection, ids: range, name: str, agency_class: str) -> None:
    for i in ids:
        con.execute("UPDATE sponsors SET name = ?, agency_class = ? WHERE nct_id = ? AND lead_or_collaborator = 'lead'",
                    [name, agency_class, f"NCT{i:08d}"])


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> tuple[Path, Path]:
    """A small synthetic warehouse (issues, freshness, runs) with sponsors as real records name them, a rule id of
    the longest length and a long warning; its report (without Data Docs)."""
    folder = tmp_path_factory.mktemp("report19")
    db = folder / "w.duckdb"
    build(db, 60, runs=2)
    con = duckdb.connect(str(db))
    _sponsor(con, range(1, 4), INDIVIDUAL, "INDIV")
    _sponsor(con, range(4, 7), INVESTIGATOR, "OTHER")
    for i in range(4, 7):
        con.execute("INSERT INTO responsible_parties (nct_id, responsible_party_type, name) "
                    "VALUES (?, 'SPONSOR_INVESTIGATOR', ?)", [f"NCT{i:08d}", INVESTIGATOR.upper()])
    _sponsor(con, range(7, 12), NICHD, "NIH")
    con.execute("INSERT INTO quality_issues (run_id, nct_id, rule_id, category, severity, fields, message, evidence, "
                "as_of) SELECT run_id, ?, ?, 'contradiction', 'warning', ['studies.start_date', "
                "'studies.start_date_type', 'studies.last_update_posted_date', 'studies.overall_status'], ?, ?, "
                "as_of FROM quality_issues LIMIT 1", [WORST, LONGEST_RULE, LONG_MESSAGE, LONG_EVIDENCE])
    con.close()
    out = folder / "report"
    with duckdb.connect(str(db), read_only=True) as con:
        write_report(con, out, gx=False)
    return db, out


# Chart labels: a rule id whole; a longer label cut visibly, whole on hover, its count kept

def test_a_rule_id_of_fifty_characters_is_labelled_whole_inside_the_chart():
    svg = hbars([(LONGEST_RULE, {"warning": 3.0}), ("dates.verification_stale", {"info": 1.0})],
                ("error", "warning", "info"))
    label = re.search(rf'<text x="([\d.]+)"[^>]*text-anchor="end">{LONGEST_RULE}</text>', svg)
    assert label, "shown whole"
    assert float(label[1]) >= 50 * 6.5, "its column is wide enough for it (right-aligned at x)"


def test_a_long_sponsor_name_ends_in_an_ellipsis_keeps_its_count_and_shows_whole_on_hover():
    svg = hbars([(f"{NICHD} (5)", {"share": 40.0})], ("share",), unit=" %", scale_max=100)
    text = re.search(r'<text [^>]*text-anchor="end">(.*?)</text>', svg)[1]
    assert text.startswith(f"<title>{NICHD} (5)</title>")
    shown = text.split("</title>")[1]
    assert shown.endswith("… (5)") and NICHD.startswith(shown[:-5].rstrip("…"))


def test_a_short_label_has_no_tooltip_of_its_own():
    svg = hbars([("missing_field", {"info": 4.0})], ("error", "warning", "info"))
    assert '<text x="144.0" y="37.0" font-size="12" text-anchor="end">missing_field</text>' in svg


# The overview: the issues card counts what the charts count; individual sponsors are not named

def _overview(warehouse) -> str:
    return (warehouse[1] / "quality_report.html").read_text(encoding="utf-8")


def test_the_issues_card_counts_the_records_issues_as_the_category_chart_and_the_copy_age_apart(warehouse):
    db, _ = warehouse
    with duckdb.connect(str(db), read_only=True) as con:
        defects, age = con.execute("SELECT count(*) FILTER (WHERE rule_id NOT LIKE 'freshness.%'), "
                                   "count(*) FILTER (WHERE rule_id LIKE 'freshness.%') FROM quality_issues").fetchone()
    assert age > 0
    html = _overview(warehouse)
    card = re.search(r'<div class="card"><b>([\d,]+)</b>issues in the records(.*?)</div>', html)
    assert card and int(card[1].replace(",", "")) == defects
    assert f"+ {age:,} on the age of our copy" in card[2]
    chart = html.split("<h2>Issues by category</h2>")[1].split("</svg>")[0]
    totals = re.findall(r'text-anchor="start">([\d,]+)</text>', chart)
    assert sum(int(t.replace(",", "")) for t in totals) == defects


def test_the_rule_chart_is_named_for_what_it_counts(warehouse):
    html = _overview(warehouse)
    assert "<h2>Studies with an issue, by rule</h2>" in html and "Studies flagged, by rule" not in html
    assert "flagged = an error or a warning" in html, "the sponsors' chart keeps its own definition"


def test_sponsor_investigators_are_counted_together_not_named(warehouse):
    html = _overview(warehouse)
    sponsors = html.split("Lead sponsors by share of studies flagged")[1].split("</svg>")[0]
    assert INDIVIDUAL not in html and "Jane" not in html
    assert INVESTIGATOR not in html and INVESTIGATOR.upper() not in html
    assert "individual sponsor-investigators (not named) (6)" in sponsors
    assert "Eunice Kennedy Shriver National Institute of Child" in sponsors and "… (5)" in sponsors


# Pages on a phone: a viewport, panels no wider than the screen, tables that stack or scroll

def test_every_report_page_declares_a_phone_viewport(warehouse):
    out = warehouse[1]
    viewport = '<meta name="viewport" content="width=device-width, initial-scale=1">'
    for page in (out / "quality_report.html", out / "studies" / "page-1.html", out / "study" / "NCT000000.html"):
        assert viewport in page.read_text(encoding="utf-8"), page.name


def test_the_overview_grid_and_its_wide_tables_fit_a_narrow_screen(warehouse):
    css = (warehouse[1] / "report.css").read_text()
    assert "minmax(min(520px, 100%), 1fr)" in css, "a panel never wider than the screen"
    assert re.search(r"\.scroll \{ overflow-x: auto; \}", css)
    # a rule id or a status breaks only where a phone's stacked cells need it, never mid-word on a desktop
    assert not re.search(r"(?m)^code \{[^}]*overflow-wrap: anywhere", css)
    assert "table.stack code { overflow-wrap: anywhere; }" in css.split("@media (max-width: 640px)")[1]
    html = _overview(warehouse)
    assert '<div class="scroll"><table><tr><th>started</th>' in html


def test_study_rows_and_issues_stack_on_a_phone(warehouse):
    out = warehouse[1]
    css = (out / "report.css").read_text()
    narrow = css.split("@media (max-width: 640px) {")[1]
    for rule in ("table.stack tr:first-child { display: none; }", "table.stack td { display: block;",
                 'table.studies td:nth-child(9)::before { content: "verdict: "; }',
                 'table.issues td:nth-child(4)::before { content: "fields: "; }', ".chart { min-width: 560px; }"):
        assert rule in narrow, rule
    listing = (out / "studies" / "page-1.html").read_text(encoding="utf-8")
    assert '<table class="stack studies"><tr><th>study</th>' in listing
    header = re.search(r'<table class="stack studies">(<tr>.*?</tr>)', listing)[1]
    assert re.findall(r"<th>(.*?)</th>", header)[4:] == ["source layout", "errors", "warnings", "info", "verdict"]
    study = (out / "study" / "NCT000000.html").read_text(encoding="utf-8")
    assert '<table class="stack issues"><tr><th>severity</th><th>rule</th><th>message and evidence</th>' \
           '<th>fields</th><th>open since</th>' in study
    assert '<div class="scroll"><table><tr><th>layout</th>' in study


# Great Expectations Data Docs offline

def test_a_validation_page_shows_each_status_without_the_icon_font(tmp_path):
    page = tmp_path / "validations" / "studies" / "trialqc-r1" / "t" / "studies.html"
    page.parent.mkdir(parents=True)
    page.write_text('<html><head><link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/'
                    '5.15.4/css/all.min.css"></head><body><td><i class="fas fa-check-circle text-success" ></i></td>'
                    '<td><i class="fas fa-times text-danger"></i></td></body></html>', encoding="utf-8")
    gx_docs_pages.localise(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert "cdnjs" not in html
    head = html.split("</head>")[0]
    for icon in ("fa-check-circle", "fa-times", "fa-exclamation-triangle"):
        assert re.search(rf"\.{icon}::before \{{ content: '[^']+'; \}}", head), icon


def test_the_data_docs_index_fits_a_phone(tmp_path):
    runs = [{"table": "studies", "run_name": "trialqc-4dd70f94-9bd2-412e-b9ce-a1367273f9ed", "link": "v.html",
             "time": "2026-12-06 11:39", "success": True, "met": 9, "evaluated": 9}]
    html = gx_docs_pages.write_index(tmp_path, runs).read_text(encoding="utf-8")
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in html
    assert "<div class='table-responsive'><table class='table table-sm table-striped'>" in html
    assert "</tbody></table></div></body>" in html
    header = re.findall(r"<th>(.*?)</th>", html)
    assert header == ["frame (suite)", "result", "expectations met", "run time", "validation run"]
    assert re.search(r"<td><a href='expectations/studies.html'>studies</a></td><td class='text-success'>passed</td>"
                     r"<td>9 of 9</td>", html)


# The terminal at 80 columns

def test_an_issue_wrapped_at_80_columns_keeps_its_lines_under_the_rule(warehouse):
    out = io.StringIO()
    with duckdb.connect(str(warehouse[0]), read_only=True) as con:
        print_issues(Console(file=out, width=80, color_system=None), con, nct=WORST)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if LONGEST_RULE in line)
    assert lines[start].startswith(f"warning {LONGEST_RULE} (contradiction) — ")
    block = []
    for line in lines[start + 1:]:
        if not line.startswith(" "):
            break
        block.append(line)
    assert len(block) >= 5, "the message, fields and evidence wrap over several lines"
    assert all(line.startswith(" " * 8) and line[8] != " " or line.startswith(" " * 9) for line in block)
    assert any(line.startswith(" " * 9 + "evidence: ") for line in block)
    text = " ".join(line.strip() for line in block)
    assert "2017-06-05; overall_status=COMPLETED" in text and "at least 3840 days later." in text


def test_the_run_summary_counts_the_age_of_our_copy_apart_from_the_records_issues(warehouse):
    with duckdb.connect(str(warehouse[0]), read_only=True) as con:
        summary = fill_from_warehouse(con, RunSummary("r1", date(2026, 11, 30), str(warehouse[0])))
        by_category = dict(con.execute("SELECT category, count(*) FROM quality_issues "
                                       "WHERE rule_id NOT LIKE 'freshness.%' GROUP BY 1").fetchall())
        age = con.execute("SELECT count(*) FROM quality_issues WHERE rule_id LIKE 'freshness.%'").fetchone()[0]
    assert {c: sum(v.values()) for c, v in summary.issues_by_category.items()} == by_category
    assert sum(summary.copy_age_issues.values()) == age > 0
    out = io.StringIO()
    print_summary(Console(file=out, width=80, color_system=None), summary)
    row = next(line for line in out.getvalue().splitlines() if "age of our copy" in line)
    assert row.split("│")[-2].strip() == str(age)
    markdown = to_markdown(summary)
    assert f"| *age of our copy* | 0 | 0 | {age} |" in markdown or f"| *age of our copy* | 0 | {age} | 0 |" in markdown
    assert "## Studies with an issue, by rule" in markdown and "Studies flagged" not in markdown
