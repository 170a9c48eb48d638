"""Search, watch lists, diffs and the report as a user meets them: filters with accents and typographic apostrophes,
phases in Roman numerals, counts in the singular, NCT ids not loaded, operators other engines read, a --db that is
no warehouse, watch-list names in other cases or scripts, and diffs of ids as a file of ids gives them."""
from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.search import SearchQuery, normalize_phases, search
from tests.search_fixtures import indexed_warehouse, read_only, summarised_study

STUDIES = {
    "NCT09190001": ("Hydroxychloroquine in Primary Sjögren's Syndrome", "Sjögren's Syndrome", None),
    "NCT09190002": ("Pilocarpine for Dry Mouth in Sjogren Syndrome", "Sjogren Syndrome", None),
    "NCT09190003": ("Ustekinumab in Crohn's Disease", "Crohn's Disease", "Induction and maintenance."),
    "NCT09190004": ("Pembrolizumab in Non-small Cell Lung Cancer", "Lung Cancer, Non-Small Cell", None),
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """A warehouse of four studies, indexed, closed: its path."""
    studies = {nct_id: summarised_study(nct_id, title, condition, summary)
               for nct_id, (title, condition, summary) in STUDIES.items()}
    studies["NCT09190004"]["studies"][0]["phase"] = "PHASE2/PHASE3"
    return indexed_warehouse(tmp_path_factory.mktemp("walk") / "w.duckdb", studies)


@pytest.fixture(scope="module")
def con(warehouse):
    yield from read_only(warehouse)


def _found(con, **filters) -> set[str]:
    return {h["nct_id"] for h in search(con, SearchQuery(limit=None, **filters))}


@pytest.mark.parametrize("condition, expected", [
    ("Sjögren", {"NCT09190001", "NCT09190002"}),   # the registry writes "Sjogren", a record "Sjögren"
    ("sjogren", {"NCT09190001", "NCT09190002"}),
    ("SJÖGREN'S", {"NCT09190001"}),
    ("Crohn\u2019s", {"NCT09190003"}),               # a typographic apostrophe, pasted from a document
    ("crohn's disease", {"NCT09190003"}),
    ("non-small cell", {"NCT09190004"}),
    ("Sjögrens", set()),                           # still the text as written, not words
    ("100%", set()),                               # % stands for itself
])
def test_a_condition_filter_folds_accents_and_apostrophes(con, condition, expected):
    assert _found(con, condition=condition) == expected


@pytest.mark.parametrize("given, phase", [
    ("II", "PHASE2"), ("Phase II", "PHASE2"), ("phase iv", "PHASE4"), ("I", "PHASE1"), ("Phase III", "PHASE3"),
    ("2", "PHASE2"), ("PHASE3", "PHASE3"), ("0", "EARLY_PHASE1"), ("Early Phase 1", "EARLY_PHASE1"), ("N/A", "NA"),
])
def test_a_phase_is_taken_in_roman_numerals_as_registries_write_it(given, phase):
    assert normalize_phases([given]) == (phase,)


@pytest.mark.parametrize("given", ["Phase I/II", "I/II", "V", "IIII", "Phase 5"])
def test_a_phase_that_is_two_or_none_is_still_refused(given):
    with pytest.raises(ValueError):
        normalize_phases([given])


def test_a_roman_phase_filters_as_its_number(con):
    assert _found(con, phases=("III",)) == {"NCT09190004"}


def _invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_one_study_found_is_said_in_the_singular(warehouse):
    one = _invoke("search", "ustekinumab", "--db", warehouse)
    two = _invoke("search", "--condition", "sjogren", "--db", warehouse)
    assert one.exit_code == 0 and "1 study\n" in one.output and "1 studies" not in one.output
    assert two.exit_code == 0 and "2 studies\n" in two.output


def test_an_nct_id_not_in_the_warehouse_is_said(warehouse):
    result = _invoke("search", "NCT09190003", "nct09999999", "--db", warehouse)
    assert result.exit_code == 0 and "NCT09190003" in result.output
    assert "NCT09999999 is not in this warehouse" in result.output
    quiet = _invoke("search", "NCT09190003", "--db", warehouse)
    assert "not in this warehouse" not in quiet.output


def test_a_possessive_s_is_not_said_to_be_left_out(con):
    from flows.search_notes import left_out

    for query in ("Crohn's disease", "Sjögren\u2019s syndrome", "HODGKIN'S lymphoma"):
        assert left_out(con, query) is None, query
    assert "of, the" in left_out(con, "cancer of the lung")
    assert "s (a stop word)" in left_out(con, "vitamin s")


@pytest.mark.parametrize("query, said", [
    ("lung OR pleural", "OR"),
    ("cancer NOT metastatic", "NOT"),
    ("Phase 2 AND pembrolizumab", "AND"),
    ("lung -placebo", "-placebo"),
    ("+adults asthma", "+adults"),
])
def test_an_operator_of_other_engines_is_said_to_be_none(query, said):
    from flows.search_notes import operator_note

    note = operator_note(query)
    assert note and note.startswith(said + ":") and "no operators" in note


@pytest.mark.parametrize("query", [
    "HER2-positive breast cancer", "non-small cell lung cancer", "ORR", "NOTCH1 mutation", "T-cell lymphoma",
    "Phase 1/2", "covid-19 vaccine", '"lung or pleural" effusion', "cancer and pain", "ANDROGEN deprivation",
    "+5 mg", "-20 C",
])
def test_a_query_without_operators_has_no_operator_note(query):
    from flows.search_notes import operator_note

    assert operator_note(query) is None


def _other_database(path):
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (amount INTEGER)")
    con.close()
    return path


@pytest.mark.parametrize("command", [
    ("search", "lung"), ("watch", "list"), ("diff", "NCT09190001"), ("watch", "add", "lungs", "lung"),
    ("watch", "pages"),
])
def test_a_db_that_is_no_warehouse_is_bad_usage_said_plainly(tmp_path, command):
    other = _other_database(tmp_path / "sales.duckdb")
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n")
    for db, said in ((other, "no trialqc warehouse"), (text, "is not a DuckDB file"), (tmp_path, "is a folder")):
        result = _invoke(*command, "--db", db)
        assert result.exit_code == 2 and said in result.output and "Traceback" not in result.output, result.output
    tables = duckdb.connect(str(other), read_only=True).execute("SELECT table_name FROM duckdb_tables()").fetchall()
    assert tables == [("sales",)], "nothing was written into the other database"


def test_a_watch_list_name_in_another_case_or_spacing_is_the_same_list(warehouse, tmp_path):
    import shutil

    from flows.watch import add_watch_list, remove_watch_list
    from warehouse.connect import connect

    db = shutil.copyfile(warehouse, tmp_path / "w.duckdb")
    con = connect(db)
    try:
        add_watch_list(con, "nsclc ", SearchQuery("lung"))
        with pytest.raises(ValueError, match="exists already as 'nsclc'"):
            add_watch_list(con, "NSCLC", SearchQuery("cancer"))
        add_watch_list(con, "NSCLC", SearchQuery("cancer"), replace=True)
        assert con.execute("SELECT name, query FROM meta.watch_lists").fetchall() == [("NSCLC", "cancer")]
        add_watch_list(con, "crohn", SearchQuery("crohn"))
        assert remove_watch_list(con, "crohn ") and not remove_watch_list(con, "crohn")
    finally:
        con.close()
    listed = _invoke("watch", "list", "--db", db)
    assert "1 watch list\n" in listed.output and "NSCLC  cancer" in listed.output


def test_each_watch_list_has_its_own_page_named_as_it_is(warehouse, tmp_path):
    import shutil

    from checks.report import write_report
    from flows.watch import add_watch_list, evaluate_watch_lists
    from flows.watch_report import page_name
    from warehouse.connect import connect

    assert page_name("Étude") == "watch-etude.html"
    assert len({page_name("肺癌"), page_name("рак лёгкого"), page_name("乳癌")}) == 3
    db = shutil.copyfile(warehouse, tmp_path / "w.duckdb")
    con = connect(db)
    names = ("recruiting crohn", "recruiting-crohn", "Крон", "Кроны")
    for name in names:
        add_watch_list(con, name, SearchQuery("crohn"))
    evaluate_watch_lists(con, "r2")
    write_report(con, tmp_path / "reports", gx=False)
    con.close()
    pages = sorted((tmp_path / "reports").glob("watch-*.html"))
    assert len(pages) == 4 and (tmp_path / "reports" / "watch-recruiting-crohn.html").exists()
    overview = (tmp_path / "reports" / "quality_report.html").read_text()
    assert all(f">{name}</a>" in overview for name in names), "the overview names each list as it is named"
    for page in pages:
        assert "1 study ·" in page.read_text() and "1 studies" not in page.read_text()


VERSIONS = [{"sha256": "a" * 64, "layout": "ctgov_json_v2", "last_update_posted_date": "2020-06-30",
             "overall_status": "RECRUITING", "loaded_run": "r1", "path": "v1/NCT09190001.json"},
            {"sha256": "b" * 64, "layout": "ctgov_json_v2", "last_update_posted_date": "2021-06-30",
             "overall_status": "COMPLETED", "loaded_run": "r2", "path": "v2/NCT09190001.json"}]


@pytest.fixture
def versions(monkeypatch):
    """Each study named has the two versions above, or one where the id ends in 2, or none where it ends in 9."""
    from flows import cli_diff

    def study_versions(con, nct_id):
        return [] if nct_id.endswith("9") else VERSIONS[:1] if nct_id.endswith("2") else VERSIONS

    monkeypatch.setattr(cli_diff, "study_versions", study_versions)


def test_a_diff_of_ids_from_a_file_takes_them_as_ids_once(warehouse, versions):
    result = _invoke("diff", "\ufeffNCT09190001\r", "nct09190001", "--db", warehouse)
    assert result.exit_code == 0, result.output
    assert result.output.count("NCT09190001: 2 versions") == 1 and "1 field changed" in result.output


def test_a_diff_with_one_bad_or_missing_id_shows_nothing_of_the_others(warehouse, versions):
    for bad, said in (("NCT0919000", "is not a ClinicalTrials.gov id"), ("NCT09190009", "no version of NCT09190009")):
        result = _invoke("diff", "NCT09190001", bad, "--db", warehouse)
        assert result.exit_code == 2 and said in result.output
        assert "versions, oldest first" not in result.output, "an error comes before any table"


def test_a_study_of_one_version_says_there_is_nothing_to_compare(warehouse, versions):
    result = _invoke("diff", "NCT09190002", "--db", warehouse)
    assert result.exit_code == 0 and "one version only" in result.output


def test_a_watch_list_given_only_a_name_says_where_its_words_go(warehouse, tmp_path):
    result = _invoke("watch", "add", "baricitinib", "--db", warehouse)
    assert result.exit_code == 2 and "after its name 'baricitinib'" in result.output


def test_watch_pages_with_no_list_say_so(warehouse, tmp_path):
    result = _invoke("watch", "pages", "--db", warehouse, "--out", tmp_path)
    assert result.exit_code == 0 and "no watch list" in result.output


def test_a_format_in_capitals_is_taken(warehouse):
    result = _invoke("search", "ustekinumab", "--format", "CSV", "--db", warehouse)
    assert result.exit_code == 0 and result.output.startswith("rank,nct_id,")
