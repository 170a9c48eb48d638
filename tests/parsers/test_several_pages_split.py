"""A file holding several study pages of one site: each page read as its own study where the pages' boundaries are
certain (the text above a page's start line, its title and header, stays with it), the file's reject where they are
not; whole runs load every study of such a file with the rows it has when given alone."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flows.parsers import aggregator_text, ctgov_classic_text, summary_text
from flows.parsers.several_pages import DIFFERING_PAGES, SEVERAL_PAGES
from flows.run import run_pipeline
from tests.new_warehouse import connect_new
from warehouse.tables import STUDY_TABLES

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
AS_OF = date(2026, 11, 30)
SEEDS = {
    ctgov_classic_text: ("000_NCT04916756.txt", "001_NCT05792462.txt", "observational_cohort_NCT09000201.txt"),
    aggregator_text: ("004_NCT06936215.txt", "002_NCT05300932.txt", "compact_shared_intervention_NCT09000101.txt"),
    summary_text: ("003_NCT04966884.txt", "study_design_filled_NCT09000301.txt", "unknown_label_NCT09000302.txt"),
}
LAYOUTS = list(SEEDS)
IDS = [module.LAYOUT for module in LAYOUTS]


def _pages(module) -> list[str]:
    return [(GOLDEN / module.LAYOUT / name).read_text(encoding="utf-8") for name in SEEDS[module]]


def _one_by_one(module, pages: list[str]) -> tuple[list, list]:
    """The records and problems of each page read alone, in page order."""
    alone = [module.parse(page.encode()) for page in pages]
    return [r for parsed in alone for r in parsed.records], [p for parsed in alone for p in parsed.problems]


def _reasons(parsed) -> list[str]:
    return [problem.reason for problem in parsed.problems]


# Pages read from one file ------------------------------------------------------------------------


@pytest.mark.parametrize("count", [2, 3])
@pytest.mark.parametrize("module", LAYOUTS, ids=IDS)
def test_each_page_of_a_file_reads_as_that_page_alone(module, count):
    pages = _pages(module)[:count]
    parsed = module.parse("\n".join(pages).encode())
    records, problems = _one_by_one(module, pages)
    assert len(records) == count and len({record.nct_id for record in records}) == count
    assert (parsed.records, parsed.problems) == (records, problems)


@pytest.mark.parametrize("module", LAYOUTS, ids=IDS)
def test_pages_pasted_with_no_line_between_read_alike(module):
    pages = [page if page.endswith("\n") else page + "\n" for page in _pages(module)]
    parsed = module.parse("".join(pages).encode())
    assert (parsed.records, parsed.problems) == _one_by_one(module, pages)


# The site's menu above a page's title (the title, and a clincosm header, stand above each seed page's start line).
MENU = {ctgov_classic_text: "clincosm\nHome   Trials   About\n\n", aggregator_text: "Home | Trials | About\n"}


def _with_tops(module) -> list[str]:
    pages = _pages(module)
    if module is summary_text:  # a trial-summary page's title stands above its summary, below the site's logo
        titles = ("Tofacitinib in Anti-MDA5 Dermatomyositis", "Exercise for Lupus Fatigue",
                  "Pregnancies Exposed to Baricitinib")
        return [page.replace("Clinical Trials Logo\n", f"Clinical Trials Logo\n\n{title}\n", 1)
                for page, title in zip(pages, titles)]
    return [MENU[module] + page for page in pages]


@pytest.mark.parametrize("module", LAYOUTS, ids=IDS)
def test_the_menu_and_title_above_each_page_stay_with_it(module):
    pages = _with_tops(module)
    parsed = module.parse("\n".join(pages).encode())
    records, problems = _one_by_one(module, pages)
    assert all(record.study["brief_title"] for record in records)
    assert (parsed.records, parsed.problems) == (records, problems)


def test_a_meddatax_title_wrapped_over_two_lines_stays_whole_with_its_page():
    first, second = _pages(aggregator_text)[:2]
    wrapped = second.replace("Safety of Baricitinib", "Safety of\nBaricitinib", 1)
    parsed = aggregator_text.parse((first + "\n" + wrapped).encode())
    assert parsed.records[1].study["brief_title"] == aggregator_text.parse(wrapped.encode()).records[0].study[
        "brief_title"] == "A Study Evaluating the Efficacy and Safety of Baricitinib in Systemic Sclerosis"
    assert parsed.problems == []


def test_a_clincosm_header_with_values_beside_its_headings_stays_with_its_page():
    pages = [page.replace("CT.gov ID\nNCT", "CT.gov ID\tNCT").replace("Sponsor\n", "Sponsor\t", 1)
             for page in _pages(ctgov_classic_text)]
    parsed = ctgov_classic_text.parse("\n".join(pages).encode())
    assert (parsed.records, parsed.problems) == _one_by_one(ctgov_classic_text, pages)
    assert len(parsed.records) == 3


# Boundaries that cannot be told -----------------------------------------------------------------


def test_a_line_above_a_meddatax_title_that_may_be_its_first_line_keeps_the_reject():
    first, second = _pages(aggregator_text)[:2]
    parsed = aggregator_text.parse((first + "\nA line of the site that reads like a title\n" + second).encode())
    assert parsed.records == [] and _reasons(parsed) == [SEVERAL_PAGES]
    assert "2 pages begin in it" in parsed.problems[0].detail and "cannot be told" in parsed.problems[0].detail


def test_a_line_below_the_see_also_rows_that_either_summary_page_may_hold_keeps_the_reject():
    first, second = _with_tops(summary_text)[:2]
    parsed = summary_text.parse((first + "\nHome | Trials\n\n" + second).encode())
    assert parsed.records == [] and _reasons(parsed) == [SEVERAL_PAGES]
    assert "may belong to either page" in parsed.problems[0].detail


@pytest.mark.parametrize("module, quoted", [
    (ctgov_classic_text, ("Detailed Description\n\n", "Detailed Description\n\nCT.gov ID\nNCT01234567\n\n")),
    (aggregator_text, ("Detailed Description\n", "Detailed Description\nThe sister trial:\nNCT ID: NCT01234567\n")),
], ids=["ctgov_classic_text", "aggregator_text"])
def test_a_description_that_quotes_a_start_line_splits_no_page(module, quoted):
    first, second = _pages(module)[:2]
    quoting = first.replace(*quoted, 1)
    assert quoting != first
    parsed = module.parse((quoting + "\n" + second).encode())
    assert (parsed.records, parsed.problems) == _one_by_one(module, [quoting, second])
    assert len(parsed.records) == 2 and "NCT01234567" in str(parsed.records[0].tables["detailed_descriptions"])


def test_a_summary_page_that_quotes_one_start_line_of_another_page_keeps_the_reject():
    first, second = _pages(summary_text)[:2]
    quoting = first.replace("Clinical Trial Description\n", "Clinical Trial Description\nClinical Trial Summary\n", 1)
    parsed = summary_text.parse((quoting + "\n" + second).encode())
    assert parsed.records == [] and _reasons(parsed) == [SEVERAL_PAGES]
    assert "do not pair up" in parsed.problems[0].detail


# A page cut short is told by one start line; a trial-summary page needs both of its own (its summary heading and its
# key block's 'NCT number'), so a file where only one of them begins twice is one page, as before.
ONE_START_LINE = [ctgov_classic_text, aggregator_text]


@pytest.mark.parametrize("module", ONE_START_LINE, ids=[m.LAYOUT for m in ONE_START_LINE])
def test_a_page_cut_short_before_another_page_keeps_the_reject(module):
    first, second = _pages(module)[:2]
    cut = first[:len(first) // 2]
    parsed = module.parse((cut + "\n" + second).encode())
    assert parsed.records == [] and _reasons(parsed) == [SEVERAL_PAGES]
    assert "a page before the last is no whole study page" in parsed.problems[0].detail


@pytest.mark.parametrize("module", ONE_START_LINE, ids=[m.LAYOUT for m in ONE_START_LINE])
def test_a_last_page_cut_short_is_its_problem_and_the_others_load(module):
    first, second = _pages(module)[:2]
    alone = module.parse(second[:len(second) // 2].encode())
    parsed = module.parse((first + "\n" + second[:len(second) // 2]).encode())
    assert parsed.records == module.parse(first.encode()).records
    assert _reasons(parsed)[-1] == _reasons(alone)[0] and "the page beginning at line" in parsed.problems[-1].detail


# Pages of one study ------------------------------------------------------------------------------


@pytest.mark.parametrize("module", LAYOUTS, ids=IDS)
def test_the_same_page_twice_gives_its_study_twice_and_its_problems_once(module):
    page = _pages(module)[2]
    alone = module.parse(page.encode())
    parsed = module.parse((page + "\n" + page).encode())
    assert parsed.records == alone.records * 2 and parsed.problems == alone.problems


# A value each seed page shows, and another version of the page shows instead.
STATUS_CHANGE = {ctgov_classic_text: ("Completed\nCT.gov ID", "Terminated\nCT.gov ID"),
                 aggregator_text: ("\nRECRUITING\n", "\nCOMPLETED\n"),
                 summary_text: ("Status Recruiting", "Status Completed")}


@pytest.mark.parametrize("module", LAYOUTS, ids=IDS)
def test_pages_of_one_study_that_read_differently_give_no_record_of_it(module):
    first, second = _pages(module)[:2]
    changed = first.replace(*STATUS_CHANGE[module], 1)
    (study,) = module.parse(first.encode()).records
    assert module.parse(changed.encode()).records[0].study["overall_status"] != study.study["overall_status"]
    parsed = module.parse((first + "\n" + second + "\n" + changed).encode())
    assert parsed.records == module.parse(second.encode()).records
    assert [(p.reason, p.nct_id) for p in parsed.problems if p.reason == DIFFERING_PAGES] == [
        (DIFFERING_PAGES, study.nct_id)]


# Whole runs ---------------------------------------------------------------------------------------


def _loaded(tmp_path: Path, name: str, files: dict[str, str]) -> dict[str, object]:
    """What one run of these files loads: every study table's rows, the files' outcomes and study counts, the
    rejects and load problems, the studies' quality issues."""
    source = tmp_path / name
    source.mkdir()
    for file_name, text in files.items():
        (source / file_name).write_text(text, encoding="utf-8")
    con = connect_new(tmp_path / f"{name}.duckdb")
    try:
        result = run_pipeline(con, run_id="run1", source=source, db_path=tmp_path / f"{name}.duckdb", as_of=AS_OF,
                              workers=1)
        tables = {table: sorted(map(repr, con.execute(
            f"SELECT * EXCLUDE (source_sha256) FROM {table}" if table == "studies" else f"SELECT * FROM {table}"
        ).fetchall())) for table in STUDY_TABLES}
        return {"tables": tables, "loaded": result.loaded, "rejected": result.rejected,
                "files": con.execute("SELECT outcome, study_count FROM meta.source_files ORDER BY path").fetchall(),
                "rejects": con.execute("SELECT reason, detail FROM meta.rejects").fetchall(),
                "problems": sorted(con.execute("SELECT nct_id, reason FROM meta.load_problems").fetchall()),
                "issues": sorted(con.execute("SELECT nct_id, rule_id FROM quality_issues").fetchall())}
    finally:
        con.close()


# Two pages are the three's first two: the suite runs three (`make test-long` both).
@pytest.mark.parametrize("count", [pytest.param(2, marks=pytest.mark.long), 3])
@pytest.mark.parametrize("module", LAYOUTS, ids=IDS)
def test_a_run_loads_every_study_of_a_file_of_pages_with_the_rows_of_each_page_alone(module, count, tmp_path):
    pages = _with_tops(module)[:count]
    alone = _loaded(tmp_path, "alone", {f"page{at}.txt": page for at, page in enumerate(pages)})
    together = _loaded(tmp_path, "together", {"pages.txt": "\n".join(pages)})
    assert alone["loaded"] == count and together["loaded"] == 1 and together["rejected"] == 0
    assert together["files"] == [("loaded", count)] and together["rejects"] == []
    assert len(together["tables"]["studies"]) == count
    for key in ("tables", "problems", "issues"):
        assert together[key] == alone[key], key


def test_a_run_of_the_same_page_twice_loads_the_study_once_and_says_so(tmp_path):
    page = _pages(ctgov_classic_text)[0]
    alone = _loaded(tmp_path, "alone", {"page.txt": page})
    twice = _loaded(tmp_path, "twice", {"pages.txt": page + "\n" + page})
    assert twice["tables"] == alone["tables"] and twice["files"] == [("loaded", 2)]
    assert ("NCT04916756", "duplicate study in file") in twice["problems"]


def test_a_run_rejects_a_file_whose_page_boundaries_cannot_be_told(tmp_path):
    first, second = _with_tops(summary_text)[:2]
    run = _loaded(tmp_path, "undecided", {"pages.txt": first + "\nHome | Trials\n\n" + second})
    assert run["rejected"] == 1 and run["tables"]["studies"] == []
    ((reason, detail),) = run["rejects"]
    assert reason == SEVERAL_PAGES and "the lines above line 41 may belong to either page" in detail
