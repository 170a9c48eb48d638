"""Full-text search: loaded offline from the wheel, BM25 ranking, filters, other names and MeSH terms."""
from __future__ import annotations

import csv
import io
import json
import shutil
from contextlib import nullcontext
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.run import run_pipeline
from flows.search import SearchQuery, normalize_phases, normalize_statuses, search
from tests.checks.harness import clean_study, insert_study
from tests.conftest import forked_here, samples_as_run_left_them
from tests.search_fixtures import AS_OF, BARICITINIB_SEEDS, SAMPLES, run_and_refresh
from tests.shared_corpus import CORPUS, needs_corpus
from tests.structured_rule_families import structured_rule_families
from warehouse.connect import connect
from warehouse.fts import extension_path, load_fts
from warehouse.search_index import update_search_index


def _first_run(folder: Path, source: Path, every_rule: bool) -> Path:
    """The warehouse folder / "w.duckdb" after run r1 over `source` as the flow runs it (loaded, checked with every
    rule or with the structured-field families, indexed), closed: tests that begin there copy it instead of making
    that run again."""
    db = folder / "w.duckdb"
    con = connect(db)
    with forked_here(), nullcontext() if every_rule else structured_rule_families():
        run_and_refresh(con, db, source, "r1")
    con.close()
    assert not db.with_name(db.name + ".wal").exists()  # all of it in the file that is copied
    return db


@pytest.fixture(scope="module")
def samples_indexed(tmp_path_factory) -> Path:
    """The bundled samples (their own folder) after run r1 with every rule (`seeds` shows their issue counts),
    closed."""
    return _first_run(tmp_path_factory.mktemp("samples-indexed"), SAMPLES, every_rule=True)


@pytest.fixture
def samples_once(samples_indexed, tmp_path) -> Path:
    """A copy of the bundled samples' warehouse after run r1, at tmp_path / "w.duckdb"."""
    shutil.copyfile(samples_indexed, tmp_path / "w.duckdb")
    return tmp_path / "w.duckdb"


@pytest.fixture(scope="module")
def records_indexed(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the samples in a folder of the module's and the warehouse of run r1 over it (the structured-field
    families: its tests judge the index, not the issues), closed."""
    folder = tmp_path_factory.mktemp("records-indexed")
    shutil.copytree(SAMPLES, folder / "records")
    return folder / "records", _first_run(folder, folder / "records", every_rule=False)


@pytest.fixture
def records_once(records_indexed, tmp_path) -> Path:
    """The samples after run r1 over them: their folder as that run saw it (the same path, sizes and modification
    times, set back for each test), and a copy of the run's warehouse at tmp_path / "w.duckdb"."""
    return samples_as_run_left_them(*records_indexed, tmp_path)


@pytest.fixture
def structured_rules_only():
    """The test's runs check with the structured-field families only: it judges the search index they refresh."""
    with structured_rule_families():
        yield


@pytest.fixture(scope="module")
def seeds(samples_indexed, tmp_path_factory):
    """The bundled samples loaded, indexed, plus a study naming baricitinib only in an arm title."""
    tmp = tmp_path_factory.mktemp("seeds")
    shutil.copyfile(samples_indexed, tmp / "w.duckdb")
    con = connect(tmp / "w.duckdb")
    study = clean_study()
    study["studies"][0].update(brief_title="JAK inhibition in lupus nephritis",
                               official_title="A Trial of JAK Inhibition in Lupus Nephritis", source_sha256="f" * 64)
    study["design_groups"][0]["title"] = "Baricitinib 4 mg"
    study["interventions"] = [{"intervention_type": "DRUG", "name": "LY3009104"}]
    study["brief_summaries"] = study["detailed_descriptions"] = study["design_outcomes"] = []
    insert_study(con, "NCT09000001", study)
    update_search_index(con, "fixture", ["NCT09000001"])
    yield con
    con.close()


def test_the_extension_loads_from_the_wheel_and_nothing_is_installed(tmp_path):
    extensions = tmp_path / "extensions"
    con = duckdb.connect(config={"extension_directory": str(extensions)})
    path = load_fts(con)
    assert path == extension_path() and "duckdb_extension_fts" in path.parts
    assert con.execute("SELECT loaded FROM duckdb_extensions() WHERE extension_name = 'fts'").fetchone() == (True,)
    assert con.execute("SELECT current_setting('autoinstall_known_extensions')").fetchone() == (False,)
    assert not extensions.exists(), "nothing was installed into the extension directory"
    assert con.execute("SELECT stem('trials', 'porter')").fetchone() == ("trial",)


def test_baricitinib_finds_the_seed_studies_and_ranks_titled_ones_first(seeds):
    hits = search(seeds, SearchQuery("baricitinib"))
    ids = [h["nct_id"] for h in hits]
    assert set(ids) == BARICITINIB_SEEDS | {"NCT09000001"}
    assert ids[-1] == "NCT09000001", "the study naming it only in an arm comes after the titled ones"
    assert all("title" in h["matched_in"] for h in hits[:4]) and hits[-1]["matched_in"] == "text"
    assert [h["rank"] for h in hits] == [1, 2, 3, 4, 5]


def test_studies_shown_with_equal_scores_are_listed_by_nct_id(seeds, monkeypatch):
    # BM25 adds a study's term scores in index order: equal scores can differ in the last bit, and an
    # updated index and a rebuilt one may differ there. The order follows the score as shown.
    first, second = sorted(BARICITINIB_SEEDS)[:2]
    import flows.search

    def ranked(spellings):
        return f"""SELECT * FROM (VALUES ('{second}', 2.0000000000000004::DOUBLE, 1.0::DOUBLE, NULL, NULL),
                                         ('{first}', 2.0::DOUBLE, 1.0::DOUBLE, NULL, NULL),
                                         ('NCT09000001', 2.00006::DOUBLE, NULL, NULL, 2.00006::DOUBLE))
                   t(nct_id, score0, title0, names0, body0) WHERE $text IS NOT NULL"""
    monkeypatch.setattr(flows.search, "_ranked", ranked)
    hits = search(seeds, SearchQuery("baricitinib"))
    assert [(h["nct_id"], h["score"]) for h in hits] == [(first, 2.0), (second, 2.0), ("NCT09000001", 2.0001)]


def test_results_carry_status_phase_dates_and_issue_counts(seeds):
    hit = next(h for h in search(seeds, SearchQuery("baricitinib")) if h["nct_id"] == "NCT05792462")
    counted = dict(seeds.execute("SELECT severity, count(*) FROM quality_issues WHERE nct_id = 'NCT05792462' "
                                 "GROUP BY ALL").fetchall())
    assert (hit["overall_status"], hit["phase"]) == ("NOT_YET_RECRUITING", "PHASE1/PHASE2")
    assert str(hit["start_date"]) == "2023-03-20" and hit["completion_date"] is not None
    assert (hit["errors"], hit["warnings"], hit["infos"]) == tuple(
        counted.get(s, 0) for s in ("error", "warning", "info"))
    assert hit["errors"] + hit["warnings"] > 0


def test_words_are_stemmed_and_all_must_match(seeds):
    assert {h["nct_id"] for h in search(seeds, SearchQuery("sclerosis baricitinib"))} == {"NCT05300932", "NCT06936215"}
    assert [h["nct_id"] for h in search(seeds, SearchQuery("disorder"))] == ["NCT05792462"]  # title: "Disorders"
    assert {h["nct_id"] for h in search(seeds, SearchQuery("neuromyelitis"))} == {"NCT05792462"}
    assert search(seeds, SearchQuery("neuromyelitis sclerosis")) == []


@pytest.mark.parametrize("query, expected", [
    (SearchQuery("baricitinib", statuses=("RECRUITING",)), {"NCT06936215"}),
    (SearchQuery("baricitinib", phases=("PHASE4",)), {"NCT05300932"}),
    (SearchQuery("baricitinib", phases=("PHASE2",)), {"NCT04916756", "NCT05792462", "NCT09000001"}),
    (SearchQuery("baricitinib", sponsor="Tianjin"), {"NCT05792462"}),
    (SearchQuery("baricitinib", condition="systemic sclerosis"), {"NCT06936215"}),
    (SearchQuery("baricitinib", intervention="cyclophosphamide"), {"NCT05300932"}),
    (SearchQuery("", statuses=("ACTIVE_NOT_RECRUITING",)), {"NCT05300932"}),
])
def test_filters_narrow_the_search(seeds, query, expected):
    assert {h["nct_id"] for h in search(seeds, query)} == expected


def test_display_labels_are_accepted_and_unknown_values_refused():
    assert normalize_statuses(["Not yet recruiting", "recruiting"]) == ("NOT_YET_RECRUITING", "RECRUITING")
    assert normalize_phases(["Phase 2", "3", "PHASE1", "N/A"]) == ("PHASE2", "PHASE3", "PHASE1", "NA")
    with pytest.raises(ValueError, match="unknown status"):
        normalize_statuses(["FINISHED"])
    with pytest.raises(ValueError, match="unknown phase"):
        normalize_phases(["PHASE5"])


def test_a_drug_is_found_under_its_other_name_and_mesh_term(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    # The tables issue 12 adds; created here as its contract names them, if this branch lacks them.
    con.execute("CREATE TABLE IF NOT EXISTS intervention_other_names "
                "(nct_id VARCHAR, intervention_name VARCHAR, name VARCHAR)")
    con.execute("CREATE TABLE IF NOT EXISTS browse_interventions "
                "(nct_id VARCHAR, mesh_term VARCHAR, downcase_mesh_term VARCHAR, mesh_type VARCHAR)")
    for nct_id, drug in (("NCT09000001", "LY3009104"), ("NCT09000002", "INCB028050")):
        study = clean_study()
        study["studies"][0].update(brief_title=f"{drug} in lupus", official_title=None)
        study["interventions"] = [{"intervention_type": "DRUG", "name": drug}]
        study["brief_summaries"] = study["detailed_descriptions"] = study["design_groups"] = []
        study["design_group_interventions"] = study["design_outcomes"] = []
        insert_study(con, nct_id, study)
    con.execute("INSERT INTO intervention_other_names (nct_id, intervention_name, name) "
                "VALUES ('NCT09000001', 'LY3009104', 'Olumiant')")
    con.execute("INSERT INTO browse_interventions (nct_id, mesh_term, downcase_mesh_term, mesh_type) "
                "VALUES ('NCT09000002', 'Baricitinib', 'baricitinib', 'mesh-list')")
    update_search_index(con, "r1", None)
    assert [h["nct_id"] for h in search(con, SearchQuery("olumiant"))] == ["NCT09000001"]
    assert [h["nct_id"] for h in search(con, SearchQuery("baricitinib"))] == ["NCT09000002"]
    assert [h["nct_id"] for h in search(con, SearchQuery("", intervention="olumiant"))] == ["NCT09000001"]


def test_a_changed_study_is_reindexed_by_the_run_that_loads_it(records_once, tmp_path, structured_rules_only):
    source = records_once
    con = connect(tmp_path / "w.duckdb")
    assert search(con, SearchQuery("zorblimab")) == []
    page = source / "001_3143f20ed8084c17.txt"
    page.write_text(page.read_text().replace("Neuromyelitis Optica Spectrum Disorders",
                                             "Neuromyelitis Optica Spectrum Disorders versus zorblimab", 1))
    run_and_refresh(con, tmp_path / "w.duckdb", source, "r2")
    assert [h["nct_id"] for h in search(con, SearchQuery("zorblimab"))] == ["NCT05792462"]
    assert con.execute("SELECT count(*) FROM meta.study_documents WHERE built_run = 'r2'").fetchone() == (1,)


def test_cli_formats_and_markup_is_shown_as_text(seeds, tmp_path):
    seeds.execute("UPDATE studies SET brief_title = '[bold red]Baricitinib[/] trial' WHERE nct_id = 'NCT09000001'")
    seeds.execute("CHECKPOINT")
    db = str(tmp_path / "copy.duckdb")  # the CLI opens the file itself: a copy, while the fixture holds it
    shutil.copyfile(seeds.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
                                  ).fetchone()[0], db)
    runner = CliRunner()
    table = runner.invoke(app, ["search", "baricitinib", "--db", db, "--limit", "5"])
    assert table.exit_code == 0, table.output
    assert "[bold red]Baricitinib[/] trial" in table.output and "NCT05792462" in table.output
    as_csv = runner.invoke(app, ["search", "baricitinib", "--db", db, "--format", "csv", "--status", "recruiting"])
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert [(r["nct_id"], r["overall_status"]) for r in rows] == [("NCT06936215", "RECRUITING")]
    as_json = runner.invoke(app, ["search", "baricitinib", "--db", db, "--format", "json", "--limit", "2"])
    assert [r["rank"] for r in json.loads(as_json.output)] == [1, 2]
    assert runner.invoke(app, ["search", "baricitinib", "--db", db, "--phase", "PHASE9"]).exit_code == 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The samples and the 300 real API v2 records, loaded, checked with the structured-field families (its tests
    judge what is found and its order) and indexed."""
    tmp = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLES, tmp / "records" / "samples")
    shutil.copytree(CORPUS / "json_v2", tmp / "records" / "json_v2")
    con = connect(tmp / "w.duckdb")
    with structured_rule_families():
        run_and_refresh(con, tmp / "w.duckdb", tmp / "records", "r1")
    yield con
    con.close()


@needs_corpus
def test_on_the_corpus_baricitinib_finds_only_the_seeds_and_titles_rank_first(corpus):
    assert corpus.execute("SELECT count(*) FROM meta.study_documents").fetchone()[0] >= 300
    assert {h["nct_id"] for h in search(corpus, SearchQuery("baricitinib", limit=None))} == BARICITINIB_SEEDS
    hits = search(corpus, SearchQuery("cancer", limit=None))
    titled = ["title" in h["matched_in"] for h in hits]
    assert any(titled) and not all(titled)
    assert titled == sorted(titled, reverse=True), "every title hit ranks above every other hit"


# Names each corpus record gives only once, as an intervention's other name or an intervention MeSH term.
@needs_corpus
@pytest.mark.parametrize("word, nct_id", [("Paraplatin", "NCT05605535"), ("Erbitux", "NCT06662786"),
                                          ("Tecvayli", "NCT06208150"), ("Geritol", "NCT04570475")])
def test_on_the_corpus_a_drug_is_found_by_its_other_name_or_mesh_term(corpus, word, nct_id):
    hits = search(corpus, SearchQuery(word))
    assert [(h["nct_id"], h["matched_in"]) for h in hits] == [(nct_id, "names")]


def _index_state(con) -> tuple:
    """The index's contents by study name and term (docids and termids are internal)."""
    ix = "fts_meta_study_documents"
    return (con.execute(f"SELECT name, len FROM {ix}.docs ORDER BY ALL").fetchall(),
            con.execute(f"SELECT term, df FROM {ix}.dict WHERE df > 0 ORDER BY ALL").fetchall(),
            con.execute(f"SELECT num_docs, round(avgdl, 9) FROM {ix}.stats").fetchall(),
            con.execute(f"SELECT d.name, t.fieldid, x.term, count(*) FROM {ix}.terms t JOIN {ix}.docs d USING (docid) "
                        f"JOIN {ix}.dict x USING (termid) GROUP BY ALL ORDER BY ALL").fetchall())


def test_a_study_a_stopped_run_loaded_but_did_not_index_is_indexed_by_the_next_run(records_once, tmp_path,
                                                                                   structured_rules_only):
    """A run killed, or failed in its report, after loading left the changed study's document as it was: the next
    run, which loads nothing, indexes it all the same, and only it."""
    source = records_once
    db = tmp_path / "w.duckdb"
    con = connect(db)
    page = source / "001_3143f20ed8084c17.txt"
    page.write_text(page.read_text().replace("Neuromyelitis Optica Spectrum Disorders",
                                             "Neuromyelitis Optica Spectrum Disorders versus zorblimab", 1))
    run_pipeline(con, run_id="r2", source=source, db_path=db, as_of=AS_OF)  # stopped before its index refresh
    assert search(con, SearchQuery("zorblimab")) == []
    run_and_refresh(con, db, source, "r3")  # nothing new to load
    assert [h["nct_id"] for h in search(con, SearchQuery("zorblimab"))] == ["NCT05792462"]
    rebuilt = con.execute("SELECT nct_id FROM meta.study_documents WHERE built_run = 'r3'").fetchall()
    assert rebuilt == [("NCT05792462",)]
    run_and_refresh(con, db, source, "r4")
    assert con.execute("SELECT count(*) FROM meta.study_documents WHERE built_run = 'r4'").fetchone() == (0,)


def test_a_study_is_left_to_index_only_when_a_later_run_loaded_it_than_built_its_document(tmp_path):
    """Which studies a run indexes besides its own: those whose document is older than their current version, and
    those without one loaded after the last run that built any; not a study without any text, which has none."""
    from flows.after_run import studies_to_index

    con = connect(tmp_path / "w.duckdb")
    con.execute("INSERT INTO meta.load_runs (run_id, started_at, as_of, status) VALUES "
                "('r1', TIMESTAMP '2026-01-01 06:00', DATE '2026-01-01', 'completed'), "
                "('r2', TIMESTAMP '2026-01-02 06:00', DATE '2026-01-02', 'failed'), "
                "('r3', TIMESTAMP '2026-01-03 06:00', DATE '2026-01-03', 'running')")
    versions = {"NCT00000001": "r1", "NCT00000002": "r2", "NCT00000003": "r1", "NCT00000004": "r2",
                "NCT00000005": "r3"}
    con.executemany("INSERT INTO meta.source_records (nct_id, sha256, layout, loaded_run, is_current) "
                    "VALUES (?, ?, 'ctgov_json_v2', ?, true)", [[n, n, run] for n, run in versions.items()])
    con.executemany("INSERT INTO meta.study_documents (nct_id, title, built_run) VALUES (?, 't', 'r1')",
                    [["NCT00000001"], ["NCT00000002"]])
    # 1: indexed by r1, which loaded it; 2: loaded again by r2, which stopped before indexing; 3: loaded by r1,
    # which built documents and made none for it (no text); 4: loaded by r2, never indexed; 5: this run's own.
    assert studies_to_index(con, "r3") == ["NCT00000002", "NCT00000004", "NCT00000005"]
    con.close()


def test_a_run_updates_the_index_for_its_studies_as_a_rebuild_would(records_once, tmp_path, monkeypatch,
                                                                    structured_rules_only):
    from warehouse import search_index

    source = records_once
    con = connect(tmp_path / "w.duckdb")
    page = source / "001_3143f20ed8084c17.txt"
    page.write_text(page.read_text().replace("Neuromyelitis Optica Spectrum Disorders",
                                             "Neuromyelitis Optica Spectrum Disorders: the naïve zorblimab "
                                             "2nd-line", 1))
    rebuilt = []
    monkeypatch.setattr(search_index, "rebuild_index", lambda con: rebuilt.append(con))
    run_and_refresh(con, tmp_path / "w.duckdb", source, "r2")
    assert not rebuilt  # only the changed study's entries were replaced
    updated = _index_state(con)
    hits = [(h["nct_id"], h["score"]) for h in search(con, SearchQuery("naive zorblimab"))]
    monkeypatch.undo()
    search_index.rebuild_index(con)
    assert _index_state(con) == updated
    assert [(h["nct_id"], h["score"]) for h in search(con, SearchQuery("naive zorblimab"))] == hits
    assert [nct_id for nct_id, _ in hits] == ["NCT05792462"]


def test_documents_built_a_chunk_at_a_time_are_the_documents_built_at_once(samples_once, monkeypatch):
    from warehouse import search_index

    con = connect(samples_once)
    documents = "SELECT * EXCLUDE (built_run) FROM meta.study_documents ORDER BY nct_id"
    at_once = con.execute(documents).fetchall()
    monkeypatch.setattr(search_index, "DOCUMENT_CHUNK", 2)  # five studies: three statements
    assert search_index.refresh_documents(con, "r2", None) == len(at_once) == 5
    assert con.execute(documents).fetchall() == at_once


# The documents as an ordered DISTINCT string_agg per field writes them (what documents_sql must equal).
_REFERENCE_DOCUMENT = ("SELECT nct_id, " + ", ".join(
    f"string_agg(DISTINCT text, ' ; ' ORDER BY text) FILTER (WHERE field = '{f}') AS {f}"
    for f in ("title", "names", "body")) + " FROM ({pieces}) GROUP BY nct_id ORDER BY nct_id")


def _titled_only(title: str) -> dict:
    """A study with only a brief title: no other title, names or body (those fields are NULL or absent)."""
    study = clean_study()
    study["studies"][0].update(brief_title=title, official_title=None, acronym=None)
    for table in ("conditions", "keywords", "interventions", "brief_summaries", "detailed_descriptions",
                  "design_groups", "design_group_interventions", "design_outcomes"):
        study[table] = []
    return study


def test_an_update_that_adds_changes_and_removes_studies_leaves_what_a_rebuild_builds(samples_once,
                                                                                        monkeypatch):
    from warehouse import search_index

    con = connect(samples_once)
    studies = [r[0] for r in con.execute("SELECT nct_id FROM studies ORDER BY 1").fetchall()]
    changed, removed = studies[0], studies[1]
    con.execute("UPDATE studies SET brief_title = brief_title || "
                "' versus zorblimab, the naïve 2nd-line HER2 2.5 mg' WHERE nct_id = ?", [changed])
    con.execute("UPDATE conditions SET name = 'Zorblimab-responsive disease' WHERE nct_id = ?", [changed])
    for (table,) in con.execute("SELECT table_name FROM information_schema.columns c JOIN information_schema.tables "
                                "USING (table_schema, table_name) WHERE table_schema = 'main' "
                                "AND column_name = 'nct_id' AND table_type = 'BASE TABLE'").fetchall():
        con.execute(f"DELETE FROM {table} WHERE nct_id = ?", [removed])
    # Added: one with no names or body at all (its fields are NULL), one naming a drug in an arm only.
    insert_study(con, "NCT09000001", _titled_only("Zorblimab alone"))
    armed = clean_study()
    armed["design_groups"][0]["title"] = "Zorblimab 4 mg; the study's only arm"
    insert_study(con, "NCT09000002", armed)
    # And one whose every word is a stopword or ignored: a document of no terms (length 0).
    insert_study(con, "NCT09000003", _titled_only("To be (or) to be: of that, and this!"))
    insert_study(con, "NCT09000004", _titled_only("COVID-19 and IL-6: type 1b, 42 of 420; anti-PD-L1 CAR T cells, "
                                                  "TNF-α"))

    temporary = "SELECT table_name FROM duckdb_tables() WHERE temporary ORDER BY 1"
    before = con.execute(temporary).fetchall()
    rebuilt = []
    monkeypatch.setattr(search_index, "rebuild_index", lambda con: rebuilt.append(con))
    monkeypatch.setattr(search_index, "DOCUMENT_CHUNK", 2)  # six studies: three chunks, each indexed on its own
    assert update_search_index(con, "r2", [changed, removed, "NCT09000001", "NCT09000002", "NCT09000003",
                                           "NCT09000004"]) == 5
    assert not rebuilt
    monkeypatch.undo()
    assert con.execute(temporary).fetchall() == before
    assert con.execute("SELECT title, names, body FROM meta.study_documents WHERE nct_id = 'NCT09000001'"
                       ).fetchone() == ("Zorblimab alone", None, None)
    documents = con.execute("SELECT * EXCLUDE (built_run) FROM meta.study_documents ORDER BY nct_id").fetchall()
    assert removed not in {d[0] for d in documents}
    con.execute("CREATE TEMP TABLE _doc_part AS SELECT nct_id FROM studies")
    pieces = search_index.documents_sql(con).split(" FROM (", 1)[1].rsplit(") GROUP BY", 1)[0]
    assert con.execute(_REFERENCE_DOCUMENT.format(pieces=pieces)).fetchall() == documents
    con.execute("DROP TABLE _doc_part")

    queries = ("zorblimab", "naive zorblimab", "baricitinib", "neuromyelitis optica", "study", "2nd-line her2 2.5 mg",
               "covid-19", "IL-6", "1b", "42 of 420", "PDL1", "CART", "TNFalpha", "2")
    updated = _index_state(con), [search(con, SearchQuery(q, limit=None)) for q in queries]
    assert {h["nct_id"] for h in updated[1][0]} == {changed, "NCT09000001", "NCT09000002"}
    assert [h["nct_id"] for h in updated[1][5]] == [changed]
    assert [[h["nct_id"] for h in hits] for hits in updated[1][6:13]] == [["NCT09000004"]] * 7
    assert ("NCT09000003", 0) in updated[0][0]
    search_index.rebuild_index(con)  # the extension's own build over the same documents
    assert (_index_state(con), [search(con, SearchQuery(q, limit=None)) for q in queries]) == updated

    # A first build (the extension's tables over no documents, then every document added) is the same.
    assert update_search_index(con, "r3", None) == len(documents)
    assert (_index_state(con), [search(con, SearchQuery(q, limit=None)) for q in queries]) == updated


def test_the_index_is_built_on_one_duckdb_thread_and_the_connection_keeps_its_own(samples_once, monkeypatch):
    from warehouse import search_index

    con = connect(samples_once)
    con.execute("SET threads = 2")
    seen = []
    update_terms = search_index.update_terms

    def recording(con, chunk):
        seen.append(con.execute("SELECT current_setting('threads')").fetchone()[0])
        update_terms(con, chunk)
    monkeypatch.setattr(search_index, "update_terms", recording)
    assert update_search_index(con, "r2", None) == 5
    assert seen == [1]
    assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 2


def test_a_changed_studys_old_terms_stay_stale_count_for_nothing_and_are_dropped_past_a_quarter(
        records_once, tmp_path, structured_rules_only):
    """At 600,000 studies the terms deleted for 10% of the studies changed lay all through a 167-million-row table,
    and DuckDB's records of them (about 800 MiB) made the refresh run out of memory: a replaced document's terms
    now stay, stale. Changed twice, the study ranks as a rebuild ranks it, its new docids lie above every stale
    one, and once stale terms pass a quarter of the table it is written again without them."""
    from warehouse import search_index, search_terms
    from warehouse.deleted_rows import deletions

    ix = search_terms.INDEX_SCHEMA
    source = records_once
    db = tmp_path / "w.duckdb"
    con = connect(db)
    live = con.execute(f"SELECT count(*) FROM {ix}.terms").fetchone()[0]
    page = source / "001_3143f20ed8084c17.txt"
    for run_id, word in (("r2", "zorblimab"), ("r3", "quexilimab")):
        page.write_text(page.read_text().replace("Neuromyelitis Optica Spectrum Disorders",
                                                 f"Neuromyelitis Optica Spectrum Disorders {word}", 1))
        run_and_refresh(con, db, source, run_id)
    stale, rows = search_terms.stale_terms(con)
    assert 0 < stale < rows and rows - stale > live  # the study's two older term sets, kept; its newest, longer
    assert not [d for d in deletions(con) if d.table == "terms"]  # none deleted
    assert con.execute(f"SELECT count(*) FROM {ix}.terms t ANTI JOIN {ix}.docs d USING (docid)").fetchone()[0] \
        == stale
    assert con.execute(f"SELECT min(d.docid) > max(t.docid) FROM {ix}.docs d, {ix}.terms t ANTI JOIN {ix}.docs s "
                       "USING (docid) WHERE d.name = 'NCT05792462'").fetchone()[0]
    queries = ("zorblimab", "quexilimab", "neuromyelitis optica", "study")
    updated = _index_state(con), [search(con, SearchQuery(q, limit=None)) for q in queries]
    assert [h["nct_id"] for h in updated[1][1]] == ["NCT05792462"]
    assert search_terms.drop_stale_terms(con) == 0  # under a quarter: kept
    assert search_terms.drop_stale_terms(con, share=0) == stale
    assert search_terms.stale_terms(con) == (0, rows - stale)
    assert (_index_state(con), [search(con, SearchQuery(q, limit=None)) for q in queries]) == updated
    search_index.rebuild_index(con)  # the extension's own build over the same documents
    assert (_index_state(con), [search(con, SearchQuery(q, limit=None)) for q in queries]) == updated
    con.close()


def test_a_text_past_the_registrys_longest_is_indexed_up_to_twice_that_within_a_small_memory_limit(tmp_path):
    """A 50 MB description once took the index's refresh past DuckDB's limit, in that run and every later one."""
    from warehouse.search_index import INDEXED_CHARS

    con = connect(tmp_path / "w.duckdb")
    study = clean_study()
    words = "alpha beta gamma delta epsilon " * 4_000_000  # 124 MB: the registry allows 32,000 characters
    cut = INDEXED_CHARS - 500
    study["detailed_descriptions"] = [{"description": f"{words[:cut]} zorblimab {words[cut:]} quuxaparin"}]
    insert_study(con, "NCT09000003", study)
    con.execute("SET memory_limit = '200MB'")
    update_search_index(con, "r1", None)
    assert [h["nct_id"] for h in search(con, SearchQuery("zorblimab"))] == ["NCT09000003"]
    assert search(con, SearchQuery("quuxaparin")) == []  # past the indexed characters
    assert con.execute("SELECT length(body) FROM meta.study_documents").fetchone()[0] <= INDEXED_CHARS + 1000


def test_a_whole_build_stopped_part_way_keeps_its_chunks_and_the_next_refresh_finishes_it(tmp_path, monkeypatch,
                                                                                         structured_rules_only):
    """A first build is written a transaction per chunk of studies (what DuckDB holds of one transaction then
    stays a chunk's): stopped after its first chunk, it keeps that chunk's documents and index entries, and the
    next refresh writes the rest, leaving the index a build at once would."""
    from warehouse import search_index, search_terms

    con = connect(tmp_path / "w.duckdb")
    run_pipeline(con, run_id="r1", source=SAMPLES, db_path=tmp_path / "w.duckdb", as_of=AS_OF)
    monkeypatch.setattr(search_index, "DOCUMENT_CHUNK", 2)  # five studies: three chunks
    chunks = []

    def stop_at_the_second(con, chunk):
        chunks.append(chunk)
        if len(chunks) == 2:
            raise KeyboardInterrupt
        search_terms.update_terms(con, chunk)
    monkeypatch.setattr(search_index, "update_terms", stop_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        update_search_index(con, "r1", None)
    kept = con.execute("SELECT nct_id FROM meta.study_documents ORDER BY 1").fetchall()
    assert [nct_id for (nct_id,) in kept] == chunks[0]  # the first chunk, whole; the second rolled back
    assert search_index.unfinished_build(con)
    monkeypatch.setattr(search_index, "update_terms", search_terms.update_terms)
    assert update_search_index(con, "r2", []) == 3  # nothing loaded since: the three studies left out
    assert not search_index.unfinished_build(con)
    assert update_search_index(con, "r3", []) == 0
    resumed = _index_state(con)
    hits = [(h["nct_id"], h["score"]) for h in search(con, SearchQuery("baricitinib"))]
    search_index.refresh_documents(con, "r4", None, then=search_terms.update_terms,
                                   start=search_index.rebuild_index)
    assert _index_state(con) == resumed
    assert [(h["nct_id"], h["score"]) for h in search(con, SearchQuery("baricitinib"))] == hits != []
