"""The index's words: digits kept (HER2 is not HER3, type 1 is not type 2), a name's letters and digits apart
(HER2, HER-2 and HER 2 are one name), a short stop list of function words (non, first, her are words), an update
equal to a rebuild with them, and an earlier trialqc's index built again."""
from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.search import SearchQuery, left_out, number_phrases, query_words, search, unsearchable
from flows.watch import add_watch_list, evaluate_watch_list, watch_lists
from tests.checks.harness import insert_study
from tests.search_fixtures import found, indexed_warehouse, text_only_study
from warehouse.connect import connect
from warehouse.fts import load_fts
from warehouse.search_index import rebuild_index, update_search_index
from warehouse.search_terms import INDEX_SCHEMA, STOP_WORDS, STOP_WORDS_TABLE, apart

# nct_id -> (brief title, condition)
STUDIES = {
    "NCT09200001": ("Trastuzumab in HER2-Positive Breast Cancer", "HER2-positive Breast Cancer"),
    "NCT09200002": ("Patritumab in HER3-Expressing Breast Cancer", "HER3-expressing Breast Cancer"),
    "NCT09200003": ("Teplizumab in Type 1 Diabetes", "Type 1 Diabetes"),
    "NCT09200004": ("Metformin in Type 2 Diabetes: 1 Year of Treatment", "Type 2 Diabetes"),
    "NCT09200005": ("Osimertinib in Non-Small Cell Lung Cancer", "Non-small Cell Lung Cancer"),
    "NCT09200006": ("Topotecan in Small Cell Lung Cancer", "Small Cell Lung Cancer"),
    "NCT09200007": ("First-Line Pembrolizumab in Melanoma", "Melanoma"),
    "NCT09200008": ("Second-Line Nivolumab in Melanoma", "Melanoma"),
    "NCT09200009": ("A COVID-19 Vaccine in Adults", "COVID-19"),
    "NCT09200010": ("An Influenza Vaccine in Adults", "Influenza"),
    "NCT09200011": ("Tocilizumab, an IL-6 Receptor Antibody, in Giant Cell Arteritis", "Giant Cell Arteritis"),
    "NCT09200012": ("Low-Dose IL-2 for 6 Months in Systemic Lupus Erythematosus", "Systemic Lupus Erythematosus"),
    "NCT09200013": ("An Anti-PD1 Antibody in Hodgkin Lymphoma", "Hodgkin Lymphoma"),
    "NCT09200014": ("Baricitinib 4mg Daily in Alopecia Areata", "Alopecia Areata"),
    "NCT09200015": ("Surveillance of BRCA 2 Carriers", "Hereditary Ovarian Neoplasms"),
    "NCT09200016": ("H1N1 Influenza Vaccine in Children", "Influenza, Human"),
    "NCT09200017": ("H3N1 Influenza Vaccine, One Dose Given 1 November", "Influenza, Human"),
}
# The index as trialqc built it before digits were kept: the extension's English stop list and default split.
EARLIER_INDEX = ("PRAGMA create_fts_index('meta.study_documents', 'nct_id', 'title', 'names', 'body', "
                 "stemmer = 'porter', stopwords = 'english', overwrite = 1)")


def insert_studies(con) -> None:
    """The studies, each with only its title and condition as text."""
    for nct_id, (title, condition) in STUDIES.items():
        insert_study(con, nct_id, text_only_study(title, condition, nct_id))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The studies loaded and indexed; the warehouse file."""
    return indexed_warehouse(tmp_path_factory.mktemp("tokens") / "w.duckdb",
                             {nct_id: text_only_study(title, condition, nct_id)
                              for nct_id, (title, condition) in STUDIES.items()})


@pytest.fixture
def con(db):
    con = connect(db, read_only=True)
    yield con
    con.close()


def test_her2_and_her3_are_different_words(con):
    assert found(con, "HER2") == found(con, "her2-positive breast cancer") == {"NCT09200001"}
    assert found(con, "HER3") == {"NCT09200002"}
    assert found(con, "HER2 HER3") == set()
    assert found(con, "breast cancer") == {"NCT09200001", "NCT09200002"}


def test_type_1_and_type_2_diabetes_are_told_apart(con):
    assert found(con, "type 1 diabetes") == {"NCT09200003"}
    assert found(con, "Type 2 Diabetes") == {"NCT09200004"}
    assert found(con, "diabetes") == {"NCT09200003", "NCT09200004"}


def test_non_small_cell_lung_cancer_is_not_small_cell_lung_cancer(con):
    assert found(con, "non-small cell lung cancer") == found(con, "non small cell") == {"NCT09200005"}
    assert found(con, "small cell lung cancer") == {"NCT09200005", "NCT09200006"}


def test_first_line_and_second_line_are_told_apart(con):
    assert found(con, "first-line") == found(con, "first line melanoma") == {"NCT09200007"}
    assert found(con, "second-line") == {"NCT09200008"}
    assert found(con, "line melanoma") == {"NCT09200007", "NCT09200008"}


def test_covid_19_is_searched_with_its_number(con):
    assert query_words(con, "COVID-19 vaccine") == (["covid", "19", "vaccine"], [])
    assert found(con, "covid-19") == found(con, "COVID 19 vaccine") == {"NCT09200009"}
    assert left_out(con, "covid-19") is None
    assert found(con, "vaccine in adults") == {"NCT09200009", "NCT09200010"}


def test_il_6_and_il_2_are_told_apart(con):
    assert found(con, "IL-6") == found(con, "IL 6 arteritis") == {"NCT09200011"}
    assert found(con, "il-2") == {"NCT09200012"}
    assert found(con, "IL-6 lupus") == set()


def test_a_number_is_matched_beside_a_word_written_next_to_it(con):
    assert number_phrases(con, "Type 1 diabetes") == [("type 1", "1 diabetes")]
    assert number_phrases(con, "HER2 2.5 mg") == [("her 2",), ("2 2", "2 5"), ("2 5", "5 mg")]
    assert number_phrases(con, "children aged 5 to 12 years") == [("aged 5",), ("12 years",)]
    assert number_phrases(con, "HER2-positive 1b") == [("her 2",), ("1 b",)]
    assert number_phrases(con, "H1N1 vaccine") == [("h 1 n 1",)]
    assert number_phrases(con, "2024") == []
    assert found(con, "1 year") == {"NCT09200004"} and found(con, "year 1") == set()  # in the order written
    assert found(con, "type 1") == {"NCT09200003"} and found(con, "type 2") == {"NCT09200004"}


@pytest.mark.parametrize("spellings, expected", [
    (("HER2", "HER-2", "her 2", "HER2+", "Her2-positive", "HER 2 positive"), {"NCT09200001"}),
    (("HER3", "HER-3"), {"NCT09200002"}),
    (("COVID-19", "COVID19", "covid 19"), {"NCT09200009"}),
    (("IL-6", "IL6"), {"NCT09200011"}),
    (("anti-PD1", "PD-1", "pd1", "PD 1 lymphoma"), {"NCT09200013"}),
    (("4 mg", "4mg", "4-mg alopecia"), {"NCT09200014"}),
    (("BRCA2", "BRCA-2", "brca 2 carriers"), {"NCT09200015"}),
    (("H1N1", "h1n1 influenza", "H1-N1"), {"NCT09200016"}),
    (("H3N1",), {"NCT09200017"}),
])
def test_a_name_written_joined_hyphenated_or_spaced_finds_the_same_studies(con, spellings, expected):
    assert [found(con, text) for text in spellings] == [expected] * len(spellings)


@pytest.mark.parametrize("text", ["PD-L1", "PD2", "4 mg/kg", "40 mg", "2 mg", "BRCA1", "HER2 HER3", "IL 62", "1 PD"])
def test_a_neighbouring_name_or_number_stays_apart(con, text):
    assert found(con, text) == set()


def test_letters_and_digits_are_written_apart_in_queries_as_in_documents(con):
    assert apart("HER2-positive H1N1 10mg 1b Sjögren2 COVID-19 p53") == (
        "HER 2-positive H 1 N 1 10 mg 1 b Sjögren 2 COVID-19 p 53")
    assert query_words(con, "H1N1 influenza") == (["h", "1", "n", "1", "influenza"], [])
    title = con.execute("SELECT title FROM meta.study_documents WHERE nct_id = 'NCT09200014'").fetchone()[0]
    assert title == "Baricitinib 4 mg Daily in Alopecia Areata"


def test_a_query_of_stop_words_only_is_still_refused_and_clinical_words_are_no_stop_words(db, con):
    assert "the, of, with are stop words" in unsearchable(con, "the of with")
    result = CliRunner().invoke(app, ["search", "of the", "--db", str(db)])
    assert result.exit_code == 2 and "stop words" in result.output
    assert unsearchable(con, "her non first no one two new") is None
    assert query_words(con, "her non first no one two new") == (
        ["her", "non", "first", "no", "one", "two", "new"], [])


def test_the_stop_words_are_the_one_list_in_the_warehouse_and_the_index(con):
    stored = con.execute(f"SELECT list(word ORDER BY word) FROM {STOP_WORDS_TABLE}").fetchone()[0]
    indexed = con.execute(f"SELECT list(sw ORDER BY sw) FROM {INDEX_SCHEMA}.stopwords").fetchone()[0]
    assert stored == indexed == sorted(STOP_WORDS)
    meaningful = {"her", "non", "no", "not", "without", "first", "second", "one", "two", "new", "a", "b", "t",
                  "i", "as", "it", "us", "may", "before", "after"}
    assert not meaningful & set(STOP_WORDS)


def _index_state(con) -> tuple:
    """The index's contents by study name and term (docids and termids are internal)."""
    ix = INDEX_SCHEMA
    return (con.execute(f"SELECT name, len FROM {ix}.docs ORDER BY ALL").fetchall(),
            con.execute(f"SELECT term, df FROM {ix}.dict WHERE df > 0 ORDER BY ALL").fetchall(),
            con.execute(f"SELECT num_docs, round(avgdl, 9) FROM {ix}.stats").fetchall(),
            con.execute(f"SELECT d.name, t.fieldid, x.term, count(*) FROM {ix}.terms t JOIN {ix}.docs d USING (docid) "
                        f"JOIN {ix}.dict x USING (termid) GROUP BY ALL ORDER BY ALL").fetchall())


QUERIES = ("HER2", "her2 2.5 mg", "covid-19", "IL-6", "type 1 diabetes", "non-small cell", "first-line", "42")


def test_an_update_with_numbers_leaves_what_a_rebuild_builds(db, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(db, copy)
    con = connect(copy)
    try:
        con.execute("UPDATE studies SET brief_title = 'HER2 1b: trastuzumab 2.5 mg, the IL-6 arm of 42' "
                    "WHERE nct_id = 'NCT09200010'")
        assert update_search_index(con, "r2", ["NCT09200010"]) == 1
        updated = _index_state(con), [search(con, SearchQuery(q, limit=None)) for q in QUERIES]
        terms = {term for term, _ in updated[0][1]}
        assert {"her", "1", "b", "2", "5", "6", "42"} <= terms and not {"her2", "1b"} & terms
        assert [h["nct_id"] for h in updated[1][1]] == ["NCT09200010"]
        assert {h["nct_id"] for h in updated[1][0]} == {"NCT09200001", "NCT09200010"}
        rebuild_index(con)  # the extension's own build over the same documents
        assert (_index_state(con), [search(con, SearchQuery(q, limit=None)) for q in QUERIES]) == updated
    finally:
        con.close()


def _earlier_warehouse(db, tmp_path):
    """A copy of the warehouse whose index an earlier trialqc built (no digits, the English stop list)."""
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(db, copy)
    con = connect(copy)
    load_fts(con)
    con.execute(EARLIER_INDEX)
    con.execute("CHECKPOINT")
    return copy, con


def test_an_earlier_index_is_built_again_whole_by_the_first_run_even_one_that_loads_nothing(db, tmp_path):
    _, con = _earlier_warehouse(db, tmp_path)
    try:
        assert found(con, "HER2") == set()  # searched as the earlier index splits words: "her" is a stop word
        assert update_search_index(con, "r2", []) == len(STUDIES)
        assert con.execute("SELECT count(*) FROM meta.study_documents WHERE built_run <> 'r2'").fetchone() == (0,)
        assert found(con, "HER2") == {"NCT09200001"}
        assert update_search_index(con, "r3", []) == 0  # built: the next run has nothing to do
    finally:
        con.close()


def test_a_run_that_loads_a_study_never_adds_it_to_an_earlier_index(db, tmp_path):
    _, con = _earlier_warehouse(db, tmp_path)
    try:
        assert update_search_index(con, "r2", ["NCT09200003"]) == len(STUDIES)  # all of them, not one
        state = _index_state(con)
        rebuild_index(con)
        assert _index_state(con) == state
        assert found(con, "type 1 diabetes") == {"NCT09200003"}
    finally:
        con.close()


def test_searching_an_earlier_index_says_so_and_what_it_left_out(db, tmp_path):
    copy, con = _earlier_warehouse(db, tmp_path)
    con.close()
    result = CliRunner().invoke(app, ["search", "HER2-positive", "--db", str(copy), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "built by an earlier trialqc" in result.output and "the next `trialqc run` builds it again" in result.output
    assert "left out of the search: her (a stop word); 2 (numbers are not indexed)" in result.output
    current = CliRunner().invoke(app, ["search", "HER2-positive", "--db", str(db), "--format", "csv"])
    assert current.exit_code == 0 and "note:" not in current.output and "NCT09200001" in current.output


def test_a_study_leaving_a_watch_list_as_the_index_is_built_again_is_said_to_leave_for_that(db, tmp_path):
    _, con = _earlier_warehouse(db, tmp_path)
    try:
        add_watch_list(con, "nsclc", SearchQuery("non-small cell lung cancer"))
        evaluate_watch_list(con, "r1", watch_lists(con)[0])  # "non" a stop word: small cell lung cancer too
        update_search_index(con, "r2", [])
        evaluate_watch_list(con, "r2", watch_lists(con)[0])
        assert con.execute("SELECT nct_id, event, detail FROM meta.watch_events WHERE run_id = 'r2'").fetchall() == [
            ("NCT09200006", "left", "no longer matches the search (the search index was built again at this run, "
                                    "words split as it now splits them)")]
        evaluate_watch_list(con, "r3", watch_lists(con)[0])
        assert con.execute("SELECT count(*) FROM meta.watch_events WHERE run_id = 'r3'").fetchone() == (0,)
    finally:
        con.close()


def _joined_warehouse(db, tmp_path):
    """A copy of the warehouse as the trialqc before letters and digits were written apart left it: documents with
    'HER2' joined, indexed by the extension's own build, its whole builds recorded without their form."""
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(db, copy)
    con = connect(copy)
    con.execute("UPDATE meta.study_documents SET title = replace(replace(title, 'HER 2', 'HER2'), 'HER 3', 'HER3'), "
                "names = replace(replace(names, 'HER 2', 'HER2'), 'HER 3', 'HER3')")
    con.execute("ALTER TABLE meta.search_index_builds DROP COLUMN words")
    con.execute("DELETE FROM meta.schema_migrations WHERE filename = '206_search_index_words.sql'")
    rebuild_index(con)
    con.execute("CHECKPOINT")
    return copy, con


def test_an_index_of_joined_names_is_searched_as_it_was_built_and_built_again_whole_by_the_next_run(db, tmp_path):
    copy, con = _joined_warehouse(db, tmp_path)
    try:
        assert found(con, "HER2") == {"NCT09200001"} and found(con, "HER-2") == set()  # as that index was built
        con.close()
        # searched read-only before any run opened it: no column for the form yet
        result = CliRunner().invoke(app, ["search", "HER2", "--db", str(copy), "--format", "csv"])
        assert result.exit_code == 0, result.output
        assert "told a name written joined from the same name hyphenated" in result.output
        assert "NCT09200001" in result.output
        con = connect(copy)  # a writer adds the column, empty for the builds before it
        assert con.execute("SELECT count(*) FROM meta.search_index_builds WHERE words IS NULL").fetchone()[0] > 0
        assert update_search_index(con, "r2", []) == len(STUDIES)
        assert found(con, "HER-2") == found(con, "HER2") == {"NCT09200001"}
        assert update_search_index(con, "r3", []) == 0
    finally:
        con.close()
