"""Names whose parts are letters on both sides of a hyphen or a space (PD-L1, CAR-T, SARS-CoV-2, HbA1c, non-small,
TNF-α): each spelling a registry or a user writes finds the studies that write another, and nothing else (PD-1 is
not PD-L1, CAR-T is not a car or a golf cart, a hyphen at the end of a line joins nothing)."""
from __future__ import annotations

import shutil

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.search import name_phrases, number_phrases, phrase_pattern, query_spellings, quoted_phrases
from tests.search_fixtures import found, indexed_warehouse, read_only, summarised_study
from tests.test_search_tokens import _index_state
from warehouse.connect import connect
from warehouse.search_index import rebuild_index, update_search_index
from warehouse.search_terms import APART_ONLY, apart_sql

# nct_id -> (brief title, condition, brief summary or None)
STUDIES = {
    "NCT09300001": ("Atezolizumab in PD-L1-Positive Non-Small Cell Lung Cancer", "Non-small Cell Lung Cancer", None),
    "NCT09300002": ("Durvalumab in PDL1 Expressing Urothelial Carcinoma", "Urothelial Carcinoma", None),
    "NCT09300003": ("Nivolumab, an Anti-PD-1 Antibody, in Advanced Melanoma", "Melanoma", None),
    "NCT09300004": ("An Anti-PD-L1 Antibody With Chemotherapy in Triple-Negative Breast Cancer",
                    "Triple Negative Breast Neoplasms", None),
    "NCT09300005": ("CD19-Directed CAR-T Cells in Relapsed B-Cell Lymphoma", "B-cell Lymphoma", None),
    "NCT09300006": ("CART19 in Relapsed Acute Lymphoblastic Leukemia", "Acute Lymphoblastic Leukemia", None),
    "NCT09300007": ("Anti-CD22 CAR T Cells in Children With Leukemia", "Leukemia", None),
    "NCT09300008": ("Golf Cart Transport and Falls in Older Adults", "Accidental Falls", None),
    "NCT09300009": ("Driving a Car After Stroke", "Adult T-Cell Leukemia-Lymphoma", None),
    "NCT09300010": ("Remdesivir for SARS-CoV-2 Infection", "COVID-19", None),
    "NCT09300011": ("Antibody Response to a SARS-CoV2 Vaccine", "COVID-19 Vaccines", None),
    "NCT09300012": ("Empagliflozin and HbA1c in Type 2 Diabetes", "Type 2 Diabetes", None),
    "NCT09300013": ("HB-A1c After Bariatric Surgery", "Obesity", None),
    "NCT09300014": ("Infliximab and TNF-α Levels in Crohn's Disease", "Crohn Disease", None),
    "NCT09300015": ("TNFalpha Blockade in Psoriatic Arthritis", "Psoriatic Arthritis", None),
    "NCT09300016": ("Etanercept, a TNF Receptor Fusion Protein, in Juvenile Arthritis", "Juvenile Arthritis", None),
    "NCT09300017": ("Postoperative Pain After Knee Arthroplasty", "Pain, Postoperative", None),
    "NCT09300018": ("Post-operative Delirium in Older Adults", "Delirium", None),
    "NCT09300019": ("Double-Blinded Trial of Melatonin for Sleep", "Sleep Disorder", None),
    "NCT09300020": ("Troponin and Lymphocytes in Sepsis", "Sepsis",
                    "Measured at baseline and day 3: car-\n    diac troponin, and T-\n    cell counts."),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The studies loaded and indexed; the warehouse file."""
    return indexed_warehouse(tmp_path_factory.mktemp("hyphen") / "w.duckdb", {n: summarised_study(n, *STUDIES[n]) for n in STUDIES})


@pytest.fixture
def con(db):
    yield from read_only(db)


def _ids(*numbers: int) -> set[str]:
    return {f"NCT093000{n:02d}" for n in numbers}


@pytest.mark.parametrize("spellings, expected", [
    (("PD-L1", "PDL1", "PD L1", "pd-l1", "PDL-1", "PD‑L1"), _ids(1, 2, 4)),    # the last: a non-breaking hyphen
    (("CAR-T", "CAR T", "car-t", "Car-T", "car t"), _ids(5, 6, 7)),
    (("anti-PD-1", "antiPD1", "anti-PD1"), _ids(3)),
    (("anti-PD-L1", "antiPDL1", "anti-PDL1"), _ids(4)),
    (("SARS-CoV-2", "SARSCoV2", "SARS-CoV2", "SARS CoV 2", "SARS‐CoV‐2"), _ids(10, 11)),  # the last: hyphens
    (("HbA1c", "Hb A1c", "HbA 1c", "HB-A1c", "hba1c"), _ids(12, 13)),
    (("non-small cell", "nonsmall cell", "non-small-cell"), _ids(1)),
    (("TNF-alpha", "TNFalpha", "TNF alpha", "TNF-α", "TNFα"), _ids(14, 15)),
    (("postoperative", "post-operative"), _ids(17, 18)),
    (("double-blind", "doubleblind", "double blind"), _ids(19)),
])
def test_a_name_written_in_parts_or_joined_finds_every_spelling(con, spellings, expected):
    assert [found(con, text) for text in spellings] == [expected] * len(spellings)


@pytest.mark.parametrize("text, expected", [
    ("PD-1", _ids(3)),             # not the PD-L1 studies: pd 1 is not pd l 1
    ("PD1", _ids(3)),
    ("PD-L2", set()),
    ("car", _ids(5, 7, 9, 20)),    # a part of a name stays a word
    ("T-cell", _ids(5, 7, 9, 20)),  # B-Cell is no T-cell; "T-\n cell" at a line's end is T cell, no Tcell
    ("TNF receptor", _ids(16)),
    ("small cell lung cancer", _ids(1)),  # the parts of non-small stay words
    ("HER2", set()),
])
def test_a_neighbouring_name_or_a_part_alone_finds_only_its_own_studies(con, text, expected):
    assert found(con, text) == expected


def test_car_t_finds_neither_a_golf_cart_nor_a_car_and_a_t_cell_apart(con):
    assert found(con, "CAR-T") == found(con, "CAR T") == _ids(5, 6, 7)
    # Written joined in capitals, the query is the acronym; in small letters, the word: the golf cart too.
    assert found(con, "CART") == _ids(5, 6, 7)
    assert found(con, "cart") == _ids(5, 6, 7, 8)


def test_a_hyphen_at_the_end_of_a_line_joins_nothing_in_the_index_and_a_word_written_joined_finds_its_parts(con):
    text = con.execute("SELECT body FROM meta.study_documents WHERE nct_id = 'NCT09300020'").fetchone()[0]
    assert ";" not in text.replace(" ; ", "")  # no joined spelling written after it
    # A query written joined finds its parts side by side, a line's end between them (tests/test_search_compounds)
    assert found(con, "cardiac") == found(con, "Tcell") & _ids(20) == _ids(20)


@pytest.mark.parametrize("text, written", [
    ("Atezolizumab in PD-L1-Positive NSCLC", "Atezolizumab in PD-L 1-Positive NSCLC;PDL"),
    ("an anti-PD-L1 antibody", "an anti-PD-L 1 antibody;antiPD;PDL;antiPDL"),
    ("CAR T cells and CAR-T-cell therapy", "CAR T cells and CAR-T-cell therapy;CART;CART;Tcell;CARTcell"),
    ("TNF-α and IFN γ", "TNF-alpha and IFN gamma;TNFalpha;IFNgamma"),
    ("HLA B27 and TNF alpha", "HLA B 27 and TNF alpha;HLAB;TNFalpha"),
    ("Guillain-Barré syndrome", "Guillain-Barré syndrome;GuillainBarré"),
    ("10 μg of α-synuclein", "10 μg of alpha-synuclein;alphasynuclein"),
    # Not names in parts: a hyphen at a line's end or beside a space, an article or pronoun in capitals,
    # a capital word before a longer one, a number before a hyphen.
    ("treat-\nment and well- being", "treat-\nment and well- being"),
    ("A TRIAL OF DRUG AS A TREATMENT", "A TRIAL OF DRUG AS A TREATMENT"),
    ("PHASE I STUDY", "PHASE I STUDY"),
    ("HER2-positive", "HER 2-positive"),
])
def test_a_document_writes_the_joined_spelling_of_each_name_in_parts_after_its_text(text, written):
    assert duckdb.connect().execute(f"SELECT {apart_sql('$t')}", {"t": text}).fetchone()[0] == written


@pytest.mark.parametrize("text, spellings, numbers, names", [
    ("PD-L1", [["pd", "l", "1"], ["pdl", "1"]], [("pd l 1", "pdl 1")], []),
    ("PD-1", [["pd", "1"]], [("pd 1",)], []),
    ("CAR-T", [["car", "t"], ["cart"]], [], [("car t", "carT")]),
    ("CAR T cell lymphoma", [["car", "t", "cell", "lymphoma"], ["cart", "cell", "lymphoma"]], [],
     [("car t", "carT")]),
    ("T cell lymphoma", [["t", "cell", "lymphoma"], ["tcell", "lymphoma"]], [], [("t cell*", "Tcell*")]),
    ("SARS-CoV-2 vaccine", [["sars", "cov", "2", "vaccine"], ["sarscov", "2", "vaccine"]],
     [("sars cov 2", "sarscov 2", "2 vaccine")], [("sars cov*", "sarscov*")]),
    ("Hb A1c", [["hb", "a", "1", "c"], ["hba", "1", "c"]], [("hb a 1 c", "hba 1 c")], []),
    ("TNF-α", [["tnf", "alpha"], ["tnfalpha"]], [], [("tnf alpha*", "tnfalpha*")]),
    ("vitamin D deficiency", [["vitamin", "d", "deficiency"], ["vitamind", "deficiency"]], [],
     [("vitamin d", "vitaminD")]),
    # No single letter joins; non small is also written joined (tests/test_search_compounds.py)
    ("a study of non small cell", [["a", "study", "non", "small", "cell"], ["a", "study", "nonsmall", "cell"]], [],
     []),
])
def test_a_querys_names_in_parts_and_their_spellings(con, text, spellings, numbers, names):
    assert (query_spellings(con, text), number_phrases(con, text), name_phrases(con, text)) == (
        spellings, numbers, names)


def test_a_quoted_phrase_holds_a_name_in_each_spelling(con):
    assert quoted_phrases(con, '"PD-L1 expression"') == [("pd l 1 expression", "pdl 1 expression")]
    assert found(con, '"PD-L1 positive"') == _ids(1)
    assert found(con, '"PDL1 expressing"') == _ids(2)


@pytest.mark.parametrize("phrases, text, matches", [
    (("car t", "carT"), "Anti-CD22 CAR T Cells", True),
    (("car t", "carT"), "CAR-T", True),
    (("car t", "carT"), "CART 19", True),
    (("car t", "carT"), "a golf cart", False),
    (("car t", "carT"), "a car; T cells", False),
    (("pdl 1",), "PD-L 1", True),        # a word written joined in the query, in parts in the text
    (("pdl 1",), "PD L 1", True),
    (("pd 1",), "PD-L 1", False),
    (("double blind*",), "Double-Blinded", True),
    (("car t",), "car trips", False),
])
def test_a_phrase_is_found_in_any_case_but_a_capital_and_through_a_hyphen_inside_a_word(phrases, text, matches):
    assert bool(duckdb.connect().execute("SELECT regexp_matches(strip_accents($t), $p)",
                                         {"t": text, "p": phrase_pattern(phrases)}).fetchone()[0]) is matches


def test_an_update_with_names_in_parts_leaves_what_a_rebuild_builds(db, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(db, copy)
    con = connect(copy)
    try:
        con.execute("UPDATE studies SET brief_title = 'Anti-PD-L1 and CAR T-cell therapy; TNF-α, HB-A1c, "
                    "Sjögren-Larsson' WHERE nct_id = 'NCT09300008'")
        assert update_search_index(con, "r2", ["NCT09300008"]) == 1
        queries = ("PDL1", "CART", "TNFalpha", "HbA1c", "SjogrenLarsson", "golf")
        updated = _index_state(con), [found(con, q) for q in queries]
        assert updated[1] == [_ids(1, 2, 4, 8), _ids(5, 6, 7, 8), _ids(8, 14, 15), _ids(8, 12, 13), _ids(8), set()]
        rebuild_index(con)  # the extension's own build over the same documents
        assert (_index_state(con), [found(con, q) for q in queries]) == updated
    finally:
        con.close()


def _apart_only_warehouse(db, tmp_path, monkeypatch):
    """A copy of the warehouse as the trialqc before names in parts were also written joined left it: documents
    with letters and digits apart only, its whole build recorded in that form."""
    import warehouse.search_index as search_index

    copy = tmp_path / "w.duckdb"
    shutil.copyfile(db, copy)
    con = connect(copy)
    with monkeypatch.context() as patched:
        patched.setattr(search_index, "WORDS", APART_ONLY)
        patched.setattr(search_index, "apart_sql", lambda expression: (
            f"regexp_replace(regexp_replace({expression}, '(\\pL)([0-9])', '\\1 \\2', 'g'), "
            "'([0-9])(\\pL)', '\\1 \\2', 'g')"))
        update_search_index(con, "r0", None)
    con.execute("CHECKPOINT")
    return copy, con


def test_an_index_without_joined_names_is_searched_as_built_said_so_and_built_again_by_the_next_run(
        db, tmp_path, monkeypatch):
    copy, con = _apart_only_warehouse(db, tmp_path, monkeypatch)
    try:
        assert found(con, "PDL1") == _ids(2) and found(con, "HER2") == set()  # as that index was built
        assert found(con, "PD-L1") == _ids(1, 4)
        con.close()
        result = CliRunner().invoke(app, ["search", "PDL1", "--db", str(copy), "--format", "csv"])
        assert result.exit_code == 0, result.output
        assert "told a name written joined from the same name hyphenated (PDL1, PD-L1)" in result.output
        con = connect(copy)
        assert update_search_index(con, "r2", []) == len(STUDIES)
        assert found(con, "PDL1") == found(con, "PD-L1") == _ids(1, 2, 4)
        assert update_search_index(con, "r3", []) == 0
    finally:
        con.close()
    current = CliRunner().invoke(app, ["search", "PDL1", "--db", str(copy), "--format", "csv"])
    assert current.exit_code == 0 and "note:" not in current.output
