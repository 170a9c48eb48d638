"""Queries as a data team types them: hyphens, stop words, quotes, accents, NCT ids, wildcards, nothing to search."""
from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.search import SearchQuery, left_out, normalize_phases, normalize_statuses, query_words, quoted_phrases, \
    search, unsearchable
from flows.watch import add_watch_list, evaluate_watch_list, watch_lists
from tests.search_fixtures import indexed_warehouse, text_only_study
from warehouse.connect import connect

# nct_id -> (brief title, condition, lead sponsor)
STUDIES = {
    "NCT09100001": ("Osimertinib in Non-Small Cell Lung Cancer", "Non-small Cell Lung Cancer", "Thoracic_Group"),
    "NCT09100002": ("Chemotherapy in Small Cell Lung Cancer", "Small Cell Lung Cancer", "Thoracic Group"),
    "NCT09100003": ("A COVID-19 Vaccine in Adults", "SARS-CoV-2 Infection", "100% Vaccines Inc"),
    "NCT09100004": ("Hydroxychloroquine in Sjögren's Syndrome", "Sjögren's Syndrome", "Rheumatology Unit"),
    "NCT09100005": ("Cancer of the Breast: Radiotherapy After Surgery", "Breast Cancer", "Radiotherapy 10 Network"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """Five studies whose only text is their title, condition and sponsor, indexed; the warehouse file."""
    studies = {}
    for nct_id, (title, condition, sponsor) in STUDIES.items():
        studies[nct_id] = study = text_only_study(title, condition, nct_id)
        study["studies"][0]["source"] = study["sponsors"][0]["name"] = sponsor
    return indexed_warehouse(tmp_path_factory.mktemp("queries") / "w.duckdb", studies)


@pytest.fixture
def con(db):
    con = connect(db, read_only=True)
    yield con
    con.close()


def found(con, text: str, **filters) -> list[str]:
    return [h["nct_id"] for h in search(con, SearchQuery(text, limit=None, **filters))]


@pytest.mark.parametrize("text, expected", [
    ("non-small cell lung cancer", ["NCT09100001"]),   # non small cell lung cancer
    ("covid-19", ["NCT09100003"]),                    # covid 19
    ("SARS-CoV-2", ["NCT09100003"]),
    ("COVID-19 vaccine", ["NCT09100003"]),
    ("Sjögren's syndrome", ["NCT09100004"]),          # "'s" leaves the stop word "s"
    ("sjogren's syndrome", ["NCT09100004"]),
])
def test_a_hyphenated_or_possessive_name_finds_its_study(con, text, expected):
    assert found(con, text)[:1] == expected


@pytest.mark.parametrize("text, expected", [
    ('"cancer of the breast"', ["NCT09100005"]),
    ('“Cancer of the Breast”', ["NCT09100005"]),        # curly quotes, any case
    ('"breast cancer" radiotherapy', ["NCT09100005"]),
    ('"cancer breast"', []),                            # both words, not in that order
    ('"cancer the breast"', []),                        # a word between
    ('"surgery breast"', []),                           # the end of the title and the next text are no phrase
    ('"cell lung cancer"', ["NCT09100001", "NCT09100002"]),
    ('"small cell lung" chemotherapy', ["NCT09100002"]),
    ('"lung cell"', []),
    ('"covid 19 vaccine"', ["NCT09100003"]),            # the title's COVID-19 Vaccine
    ('"sars cov 2"', ["NCT09100003"]),
    ('"vaccine"', ["NCT09100003"]),                     # a quoted word is that word
])
def test_a_quoted_phrase_is_found_only_as_written(con, text, expected):
    assert sorted(found(con, text)) == expected


def test_the_search_command_takes_a_phrase_kept_in_quotes_from_the_shell(db):
    phrase = CliRunner().invoke(app, ["search", '"cell lung" chemotherapy', "--db", str(db), "--format", "csv"])
    words = CliRunner().invoke(app, ["search", "lung", "cell", "--db", str(db), "--format", "csv"])
    assert phrase.exit_code == words.exit_code == 0, phrase.output + words.output
    assert "NCT09100002" in phrase.output and "NCT09100001" not in phrase.output
    reversed_phrase = CliRunner().invoke(app, ["search", '"lung cell"', "--db", str(db), "--format", "csv"])
    assert reversed_phrase.exit_code == 0 and "NCT091" not in reversed_phrase.output
    assert "NCT09100001" in words.output and "NCT09100002" in words.output


def test_the_quoted_phrases_of_a_query(con):
    assert quoted_phrases(con, '"Cancer of the Lung" and “HER2-positive” "x" "breast') == [
        ("cancer of the lung",), ("her 2 positive",)]


def test_non_small_cell_no_longer_matches_small_cell_as_non_is_a_word(con):
    assert found(con, "non-small cell lung cancer") == ["NCT09100001"]
    assert set(found(con, "small cell lung cancer")) == {"NCT09100001", "NCT09100002"}


@pytest.mark.parametrize("text", ["cancer of the breast", "breast cancer", '"breast cancer"', "'breast cancer'",
                                  "Breast cancer?", "BREAST CANCER", "(breast) cancer."])
def test_stop_words_quotes_case_and_punctuation_in_a_query_find_what_its_words_find(con, text):
    assert found(con, text) == ["NCT09100005"]


def test_words_no_study_holds_still_find_nothing(con):
    assert found(con, "breast cancer sjogren") == []
    assert found(con, "metformn") == []  # no spelling correction


def test_the_query_words_are_those_the_index_keeps(con):
    assert query_words(con, "Cancer of the lung, non-small-cell (NSCLC) -- 2nd line") == (
        ["cancer", "lung", "non", "small", "cell", "nsclc", "2", "nd", "line"], ["of", "the"])


@pytest.mark.parametrize("text, note", [
    ("HER2-positive", None),
    ("covid-19 NCT09100003", None),
    ("Cancer with an HER2 mutation", "left out of the search: with, an (stop words)"),
    ("cancer of the breast", "left out of the search: of, the (stop words)"),
    ("breast cancer", None),
    ('"breast cancer"', None),
    ('"cancer of the breast"', None),  # a quoted phrase holds its stop words
    ('"cancer of the breast" with surgery', "left out of the search: with (a stop word)"),
    ('"breast cancer', "left out of the search: a quote without its pair (the words after it are matched anywhere "
                      "in a study, not as a phrase)"),
    ("NCT09100003", None),
])
def test_what_a_query_leaves_out_is_said(con, text, note):
    assert left_out(con, text) == note


def test_the_search_command_says_what_it_left_out_beside_the_results(db):
    result = CliRunner().invoke(app, ["search", "vaccine for covid-19", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0 and "NCT09100003" in result.output
    assert "note: left out of the search: for (a stop word)" in result.output
    assert "numbers" not in result.output


@pytest.mark.parametrize("text, expected", [
    ("NCT09100004", ["NCT09100004"]),
    ("nct09100004", ["NCT09100004"]),
    ("NCT09100004 NCT09100002", ["NCT09100002", "NCT09100004"]),
    ("NCT09100002 lung", ["NCT09100002"]),
    ("NCT09100002 breast", []),
    ("NCT09999999", []),
])
def test_an_nct_id_in_a_query_names_its_study(con, text, expected):
    assert found(con, text) == expected


@pytest.mark.parametrize("filters, expected", [
    ({"sponsor": "Thoracic_Group"}, ["NCT09100001"]),
    ({"sponsor": "_"}, ["NCT09100001"]),
    ({"sponsor": "100%"}, ["NCT09100003"]),
    ({"sponsor": "%"}, ["NCT09100003"]),
    ({"sponsor": "thoracic group"}, ["NCT09100002"]),
])
def test_a_filters_wildcard_characters_stand_for_themselves(con, filters, expected):
    assert found(con, "", **filters) == expected


@pytest.mark.parametrize("text, message", [
    ("the of and", "the, of, and are stop words"),
    ("'; --", "letters and digits, not punctuation"),
    ("(?!) ...", "letters and digits, not punctuation"),
])
def test_a_query_with_nothing_to_search_for_is_refused_clearly(db, con, text, message):
    assert message in unsearchable(con, text)
    assert found(con, text) == []
    result = CliRunner().invoke(app, ["search", text, "--db", str(db)])
    assert result.exit_code == 2 and message in result.output and "nothing to search for" in result.output


def test_sql_in_a_query_is_only_words(con):
    assert found(con, "'; drop table studies; --") == []
    assert len(found(con, "", sponsor="'; drop table studies; --")) == 0
    assert con.execute("SELECT count(*) FROM studies").fetchone() == (5,)


def test_a_watch_list_over_a_hyphenated_name_holds_its_studies_and_one_of_stop_words_is_refused(db, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(db, copy)
    refused = CliRunner().invoke(app, ["watch", "add", "nothing", "of the", "--db", str(copy)])
    assert refused.exit_code == 2 and "stop words" in refused.output
    con = connect(copy)
    try:
        assert [w.name for w in watch_lists(con)] == []
        add_watch_list(con, "covid", SearchQuery("covid-19"))
        evaluate_watch_list(con, "r2", watch_lists(con)[0])
        assert con.execute("SELECT nct_id FROM meta.watch_members WHERE name = 'covid'").fetchall() == [
            ("NCT09100003",)]
    finally:
        con.close()


def test_the_registrys_unknown_status_label_is_a_status():
    assert normalize_statuses(["Unknown status", "unknown", "Active, not recruiting"]) == (
        "UNKNOWN", "UNKNOWN", "ACTIVE_NOT_RECRUITING")


def test_a_combined_phase_label_is_refused_with_how_to_ask_for_it(db):
    with pytest.raises(ValueError, match="takes one phase.*repeat it"):
        normalize_phases(["Phase 1/Phase 2"])
    result = CliRunner().invoke(app, ["search", "cancer", "--phase", "PHASE1/PHASE2", "--db", str(db)])
    assert result.exit_code == 2 and "--phase 1 and --phase 2" in result.output
