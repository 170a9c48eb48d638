"""A study whose texts are hostile is stored verbatim and shown safely in every output the product writes:
the HTML report and watch-list pages, the Prefect markdown artifact, the terminal, search CSV and JSON.

One policy everywhere a person reads text: a control character (NUL, ESC, ...) or a direction override
is shown as U+FFFD; JSON keeps the value verbatim (escaped by JSON itself)."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.console import Console
from typer.testing import CliRunner

from checks.report import write_report
from checks.report_charts import hbars
from checks.shown_text import csv_cell, markdown_cell, shown
from flows import artifacts
from flows.after_run import refresh_search_and_watch_lists
from flows.cli import app
from flows.render import print_issues, print_summary
from flows.render_changes import print_changes
from flows.run import run_pipeline
from flows.search import SearchQuery, search
from flows.watch import add_watch_list
from tests.test_bad_input import study_json
from warehouse import issue_history
from warehouse.connect import connect

NCT = "NCT09000900"
AS_OF = date(2026, 11, 22)
SCRIPT, ATTRIBUTE = "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'
TABLE_BREAKER, NUL, SQL = "a | b \nc", "before\x00after", "Robert'); DROP TABLE studies;--"
FORMULA, RLO, CLEAR_SCREEN = '=HYPERLINK("http://x")', "\u202eevil", "\x1b[2J"
NUL_SHOWN = "before\ufffdafter"
# A file name may hold anything but "/" and NUL: this one is rejected, and its path shown.
REJECTED_NAME = f"bad | {ATTRIBUTE}\n{CLEAR_SCREEN}{RLO} name.json"
# Characters that must never reach a page, a table or a terminal: C0/C1 controls but tab and
# newline, and the direction embeddings, overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile(field: str) -> str:
    """The hostile value of one field (a formula first, so that CSV shows a leading '=')."""
    return f"{FORMULA} {field} {SCRIPT} {ATTRIBUTE} {TABLE_BREAKER} {NUL} {SQL} {RLO} {CLEAR_SCREEN}"


def plain(field: str) -> str:
    return f"plain {field}"


def record(text_of, updated: str) -> dict:
    """The golden API v2 record with every shown text from `text_of` and its arm listed twice."""
    record = study_json(NCT, updated=updated)
    protocol = record["protocolSection"]
    protocol["identificationModule"].update(briefTitle=text_of("brief"), officialTitle=text_of("official"))
    protocol["conditionsModule"]["conditions"] = [text_of("condition")]
    arms = protocol["armsInterventionsModule"]
    intervention, arm = arms["interventions"][0], arms["armGroups"][0]
    intervention["name"], arm["label"] = text_of("intervention"), text_of("arm")
    arm["interventionNames"] = [f"Procedure: {intervention['name']}"]
    for other in arms["interventions"]:
        other["armGroupLabels"] = [arm["label"] if label == "Surgery" else label for label in other["armGroupLabels"]]
    arms["armGroups"].append(dict(arm))  # a duplicate arm: its issue quotes the hostile title
    return record


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """One run over a plain and a later hostile version of one study (and a rejected file with a hostile
    name); the watch list's events, the issue history, the report and a copy of the warehouse for the CLI."""
    tmp = tmp_path_factory.mktemp("hostile")
    source, db = tmp / "in", tmp / "w.duckdb"
    source.mkdir()
    plain_bytes = json.dumps(record(plain, "2024-01-05")).encode()
    (source / "plain.json").write_bytes(plain_bytes)
    (source / "hostile.json").write_text(json.dumps(record(hostile, "2025-03-01")))
    (source / REJECTED_NAME).write_text("not a study record")
    con = connect(db)
    add_watch_list(con, "herniation", SearchQuery("herniation"))
    result = run_pipeline(con, run_id="r1", source=source, db_path=db, as_of=AS_OF, workers=1)
    issue_history.after_run(con, "r1")
    refresh_search_and_watch_lists(con, "r1")
    # The list as an evaluation saw it while the plain version was current: the next one sees the change.
    con.execute("UPDATE meta.watch_members SET sha256 = ? WHERE run_id = 'r1'",
                [hashlib.sha256(plain_bytes).hexdigest()])
    markdown = refresh_search_and_watch_lists(con, "r2")
    report = tmp / "report"
    write_report(con, report, gx=False)
    con.execute("CHECKPOINT")
    shutil.copyfile(db, tmp / "copy.duckdb")
    yield SimpleNamespace(con=con, result=result, watch_markdown=markdown, report=report, copy=str(tmp / "copy.duckdb"))
    con.close()


def test_the_warehouse_keeps_every_hostile_value_verbatim(outputs):
    con = outputs.con
    assert outputs.result.loaded == 2 and outputs.result.rejected == 1
    assert con.execute("SELECT brief_title, official_title FROM studies").fetchall() == [
        (hostile("brief"), hostile("official"))]
    assert con.execute("SELECT name FROM conditions").fetchall() == [(hostile("condition"),)]
    assert (hostile("intervention"),) in con.execute("SELECT name FROM interventions").fetchall()
    assert con.execute("SELECT count(*) FROM design_groups WHERE title = ?", [hostile("arm")]).fetchone()[0] == 2
    arms, interventions = con.execute("SELECT arm_titles, intervention_names FROM meta.version_fields "
                                      "ORDER BY loaded_run, list_contains(arm_titles, ?)", [hostile("arm")]).fetchall()[-1]
    assert hostile("arm") in arms and hostile("intervention") in interventions


def test_words_after_a_nul_byte_are_still_found_by_search(outputs):
    for word in ("SPORT", "herniation", "official"):  # the acronym, a keyword, the official title
        assert [r["nct_id"] for r in search(outputs.con, SearchQuery(word))] == [NCT], word


class _Page(HTMLParser):
    """The tags, attributes and text of a page, as a browser would read them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text = set(), set(), []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)

    def handle_data(self, data):
        self.text.append(data)


def assert_safe_page(path: Path, *fields: str) -> None:
    """No tag or attribute from the data, no control character; each field's text is shown as text."""
    html = path.read_text(encoding="utf-8")
    page = _Page(html)
    assert not {"script", "img"} & page.tags, path
    assert not [a for a in page.attributes if a.startswith("on")], path
    assert not UNSAFE.findall(html), (path, set(UNSAFE.findall(html)))
    text = "".join(page.text)
    for field in fields:
        assert f"{field} {SCRIPT} {ATTRIBUTE}" in text, (path, field)
    if fields:
        assert NUL_SHOWN in text and SQL in text


def test_report_pages_show_hostile_text_as_text(outputs):
    assert_safe_page(outputs.report / "quality_report.html")
    assert_safe_page(outputs.report / "studies" / "page-1.html", "brief")
    assert_safe_page(outputs.report / "study" / f"{NCT[:9]}.html", "brief", "arm")


def test_a_chart_label_shows_hostile_text_as_text():
    svg = hbars([(hostile("sponsor"), {"share": 50.0})], ("share",), unit=" %", scale_max=100)
    page = _Page(svg)
    assert page.tags == {"svg", "rect", "title", "text"}
    assert not UNSAFE.findall(svg) and f"{FORMULA} sponsor {SCRIPT}" in "".join(page.text)


def test_watch_list_page_shows_hostile_text_as_text(outputs):
    assert_safe_page(outputs.report / "watch-herniation.html", "brief", "arm", "intervention")


def _cells(line: str) -> list[str]:
    """The cells of a markdown table row: split at pipes not escaped by a backslash."""
    cells, cell, chars = [], "", iter(line.strip())
    for char in chars:
        if char == "\\":
            cell += char + next(chars, "")
        elif char == "|":
            cells.append(cell)
            cell = ""
        else:
            cell += char
    return cells + [cell]


def assert_tables_keep_their_rows(markdown: str) -> None:
    """Every table is header, rule and rows, each row with the header's cells; nothing spills out."""
    for block in markdown.split("\n\n"):
        lines = block.strip("\n").split("\n")
        if not any(line.startswith("|") for line in lines):
            continue
        if lines[0].startswith("#"):
            lines = lines[1:]
        assert all(line.startswith("|") and line.endswith("|") for line in lines), block
        assert len({len(_cells(line)) for line in lines}) == 1, block


def test_the_prefect_markdown_artifact_keeps_its_tables(outputs, monkeypatch):
    made = {}
    monkeypatch.setattr(artifacts, "create_markdown_artifact", lambda text, **kw: made.setdefault("markdown", text))
    monkeypatch.setattr(artifacts, "create_table_artifact", lambda *a, **kw: None)  # rule ids and counts only
    monkeypatch.setattr(artifacts, "create_link_artifact", lambda *a, **kw: None)
    session = SimpleNamespace(rule_changes=issue_history.rule_changes(outputs.con, "r1"),
                              report_paths=[outputs.report / "quality_report.html"],
                              watch_markdown=outputs.watch_markdown)
    artifacts.run_artifacts(outputs.result, session)
    markdown = made["markdown"]
    assert "## Rejected in this run" in markdown and "Record changed" in markdown
    assert_tables_keep_their_rows(markdown)
    assert not UNSAFE.findall(markdown), set(UNSAFE.findall(markdown))
    assert "<script" not in markdown and "<img" not in markdown
    changed = next(line for line in markdown.splitlines() if "Record changed" in line)
    assert "brief title:" in changed and NUL_SHOWN in changed and "arms:" in changed


def assert_safe_terminal(text: str, *shown_parts: str) -> None:
    assert not UNSAFE.findall(text), set(UNSAFE.findall(text))
    for part in shown_parts:
        assert part in text, part


def _console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=1000, color_system=None), buffer


def test_the_terminal_run_summary_shows_a_hostile_file_name_safely(outputs):
    console, buffer = _console()
    print_summary(console, outputs.result)
    assert_safe_terminal(buffer.getvalue(), "name.json", "unknown layout")


def test_trialqc_issues_shows_a_hostile_arm_title_safely(outputs):
    console, buffer = _console()
    assert print_issues(console, outputs.con, nct=NCT) > 0
    assert_safe_terminal(buffer.getvalue(), "contradictions.duplicate_arm", f"arm {SCRIPT}", NUL_SHOWN)
    console, buffer = _console()
    assert print_changes(console, outputs.con)["new"] > 0
    assert_safe_terminal(buffer.getvalue(), "contradictions.duplicate_arm", f"arm {SCRIPT}", NUL_SHOWN)


def _cli(outputs, *args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--db", outputs.copy])
    assert result.exit_code == 0, result.output
    return result.output


def test_trialqc_search_table_and_diff_show_hostile_text_safely(outputs):
    assert_safe_terminal(_cli(outputs, "search", "herniation"), NCT, NUL_SHOWN, "Robert'); DROP")
    assert_safe_terminal(_cli(outputs, "diff", NCT), "brief title:", "arms:", NUL_SHOWN, "2 versions")


def test_trialqc_search_csv_neutralises_formulas_and_nul(outputs):
    output = _cli(outputs, "search", "herniation", "--format", "csv")
    assert "\x00" not in output
    (row,) = list(csv.DictReader(io.StringIO(output)))
    assert row["nct_id"] == NCT
    assert row["brief_title"] == "'" + shown(hostile("brief"))
    assert not [v for v in row.values() if v[:1] in ("=", "+", "-", "@")]
    assert not [v for v in row.values() if UNSAFE.search(v)]


def test_trialqc_search_json_keeps_the_value_verbatim(outputs):
    output = _cli(outputs, "search", "herniation", "--format", "json")
    assert not UNSAFE.findall(output)
    (row,) = json.loads(output)
    assert row["brief_title"] == hostile("brief")


@pytest.mark.parametrize("text", ["Étude à double insu", "Tab\tand\nnew line", "דלקת מפרקים", "-", "a|b", "x@y"])
def test_ordinary_text_is_shown_as_it_is(text):
    assert shown(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("a\x00b", "a\ufffdb"), ("\x1b[2Jx", "\ufffd[2Jx"), ("\u202eevil", "\ufffdevil"), ("\u2066x\u2069", "\ufffdx\ufffd"),
    ("a\x85b", "a\ufffdb"), ("one\r\ntwo\rthree", "one\ntwo\nthree")])
def test_controls_and_direction_overrides_are_shown_as_replacement_characters(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a | b", "a \\| b"), ("x\ny", "x y"), ("<b>", "&lt;b>"), ("back\\slash", "back\\\\slash"), ("n\x00l", "n\ufffdl"),
    ("plain words", "plain words")])
def test_a_markdown_cell_escapes_what_would_break_its_row(text, expected):
    assert markdown_cell(text) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("a=b", "a=b"), ("Phase 2", "Phase 2"), (3, 3), (None, None), ("n\x00l", "n\ufffdl")])
def test_a_csv_cell_never_starts_a_formula(value, expected):
    assert csv_cell(value) == expected
