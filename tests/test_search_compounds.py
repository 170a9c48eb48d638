"""Words a registry writes joined, hyphenated or apart (followup, follow-up, follow up; healthcare, health care;
e-cigarette, ecigarette) find each other both ways, and a word alone finds no longer word it is a part of (care is
not healthcare, term not longterm); a word a query writes in capitals is an acronym (CART is CAR-T, not a golf
cart; AIDS is not hearing aids; ALL is not all)."""
from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.search import acronyms, phrase_pattern, query_spellings, search_terms
from tests.search_fixtures import found, indexed_warehouse, read_only, summarised_study

# nct_id -> (brief title, condition, brief summary)
STUDIES = {
    "NCT09400001": ("Long-Term Follow-up of Kidney Transplant Recipients", "Kidney Transplantation",
                    "Recipients are seen yearly for ten years."),
    "NCT09400002": ("Followup of Healthcare Workers After Influenza Vaccination", "Influenza",
                    "Healthcare workers are asked about symptoms at each followup visit."),
    "NCT09400003": ("Follow up Visits in Primary Health Care for Hypertension", "Hypertension",
                    "Nurses lead follow up\n    visits in health care centres."),
    "NCT09400004": ("Postoperative Pain After Knee Arthroplasty", "Pain, Postoperative", "Pain is scored daily."),
    "NCT09400005": ("Nausea After Laparoscopic Surgery", "Nausea",
                    "Post operative nausea and vomiting is recorded for 24 hours."),
    "NCT09400006": ("Care Giver Burden in Dementia", "Dementia", "Care givers complete a questionnaire."),
    "NCT09400007": ("Caregiver Support by Telephone", "Stroke", "Caregivers receive weekly calls."),
    "NCT09400008": ("Bloodstream Infections in the Intensive Care Unit", "Bacteremia", "Catheters are cultured."),
    "NCT09400009": ("Chlorhexidine Bathing", "Sepsis", "Infections of the blood stream are counted."),
    "NCT09400010": ("E-cigarettes for Smoking Cessation", "Smoking Cessation", "Smokers switch to e-cigarettes."),
    "NCT09400011": ("Vaping in Adolescents", "Nicotine Dependence", "Use of ecigarettes is surveyed."),
    "NCT09400012": ("Longterm Outcomes of Preterm Infants", "Premature Birth", "Children are assessed at school."),
    "NCT09400013": ("HIV and Hepatitis C Coinfection", "HIV Infections", "Adults co-infected with HCV are treated."),
    "NCT09400018": ("Tuberculosis in Adults Coinfected With HIV", "Tuberculosis", "Treatment lasts six months."),
    "NCT09400014": ("Terms of Informed Consent in Surgery", "Informed Consent", "Patients read the consent form."),
    "NCT09400015": ("Standard Care Versus Early Mobilisation", "Hip Fracture", "Patients walk on day one."),
    "NCT09400016": ("Amiodarone in Atrial Fibrillation", "Atrial Fibrillation", "Sinus rhythm at 6 months."),
    "NCT09400017": ("A Trial of Lidocaine in Ventricular Fibrillation", "Ventricular Fibrillation",
                    "A trial in cardiac arrest."),
    # Acronyms that are also words
    "NCT09400021": ("CD19 CAR-T Cells in Relapsed ALL", "Acute Lymphoblastic Leukemia",
                    "Children with ALL receive CART19 cells."),
    "NCT09400022": ("Golf Cart Transport and Falls", "Accidental Falls",
                    "Older adults who drive a golf cart wear a sensor."),
    "NCT09400023": ("A Shopping Cart Intervention", "Obesity", "Shoppers are shown the fibre in their cart."),
    "NCT09400024": ("Pre-exposure Prophylaxis for HIV/AIDS", "HIV Infections", "AIDS-defining events are recorded."),
    "NCT09400025": ("Hearing Aids in Older Adults", "Hearing Loss", "Participants are fitted with hearing aids."),
    "NCT09400026": ("All-cause Mortality in Heart Failure", "Heart Failure", "All patients are followed."),
    "NCT09400027": ("Ocrelizumab in Relapsing MS", "Multiple Sclerosis", "Adults with MS receive infusions."),
    "NCT09400028": ("Docetaxel 75 mg/m2 in Prostate Cancer", "Prostate Cancer", "The QTc is read to the ms."),
    "NCT09400029": ("Docetaxel 60 mg/m2 in Breast Cancer", "Breast Cancer", "Infusions last one hour."),
    "NCT09400030": ("Supervised Exercise in PAD", "Peripheral Arterial Disease", "Walking distance is measured."),
    "NCT09400031": ("A Heating Pad for Dysmenorrhea", "Dysmenorrhea", "The pad is applied for an hour."),
    "NCT09400032": ("Inhaler Technique and CAT Score in COPD", "COPD", "The CAT is completed at each visit."),
    "NCT09400033": ("Cat Allergen Immunotherapy", "Allergy to Cats", "Adults allergic to cats are treated."),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The studies loaded and indexed; the warehouse file."""
    return indexed_warehouse(tmp_path_factory.mktemp("compounds") / "w.duckdb", {n: summarised_study(n, *STUDIES[n]) for n in STUDIES})


@pytest.fixture
def con(db):
    yield from read_only(db)


def _ids(*numbers: int) -> set[str]:
    return {f"NCT094000{n:02d}" for n in numbers}


@pytest.mark.parametrize("spellings, expected", [
    (("followup", "follow-up", "follow up", "Follow-Up", "followups"), _ids(1, 2, 3)),
    (("healthcare", "health care", "health-care"), _ids(2, 3)),
    (("postoperative", "post-operative", "post operative"), _ids(4, 5)),
    (("caregiver", "care giver", "care-giver", "caregivers"), _ids(6, 7)),
    (("bloodstream", "blood stream", "blood-stream"), _ids(8, 9)),
    (("ecigarette", "e-cigarette", "e cigarette", "ecigarettes"), _ids(10, 11)),
    (("longterm", "long-term", "long term"), _ids(1, 12)),
    (("coinfection", "co-infection", "coinfected"), _ids(13, 18)),  # "co-infection" finds "Coinfected" too
])
def test_a_word_written_joined_hyphenated_or_apart_finds_every_spelling(con, spellings, expected):
    assert [found(con, text) for text in spellings] == [expected] * len(spellings)


@pytest.mark.parametrize("text, expected", [
    ("care", _ids(3, 6, 8, 15)),     # "health care", "care givers", "Intensive Care", "Standard Care": not healthcare
    ("term", _ids(1, 14)),           # "Long-Term" holds the word; "Longterm" does not
    ("health", _ids(3)),
    ("giver", _ids(6)),
    ("cigarette", _ids(10)),
    ("infection", _ids(8, 9, 13, 24)),  # "HIV Infections", "Bloodstream Infections": not "Coinfection" alone
    ("atrial fibrillation", _ids(16)),  # "A Trial of ... Ventricular Fibrillation" is no atrial one
    ("trial fibrillation", _ids(17)),
])
def test_a_word_alone_finds_no_longer_word_it_is_a_part_of(con, text, expected):
    assert found(con, text) == expected


def test_a_query_is_searched_as_written_and_with_its_compounds_split_or_joined(con):
    assert query_spellings(con, "followup") == [["followup"], ["follow", "up"]]
    assert query_spellings(con, "long term care") == [["long", "term", "care"], ["longterm", "care"]]
    assert query_spellings(con, "healthcare workers") == [["healthcare", "workers"], ["health", "care", "workers"]]
    assert query_spellings(con, "atrial fibrillation") == [["atrial", "fibrillation"]]  # no "a trial"
    assert query_spellings(con, "care") == [["care"]]
    # The split's parts must stand side by side, its last part ending as its stem lets it.
    spellings, phrases = search_terms(con, "coinfection")
    assert spellings == [(["coinfection"], []), (["co", "infection"], [("co_infect*",)])] and phrases == []


def test_a_word_followed_up_and_healthcare_apart_in_one_study_and_joined_in_another(con):
    assert found(con, "followup healthcare") == _ids(2, 3)
    assert found(con, "follow-up kidney") == found(con, "followup kidney") == _ids(1)


@pytest.mark.parametrize("text, matches", [
    ("follow up", True), ("Follow-Up", True), ("follow-\n    up visits", True), ("follow- up", True),
    ("follow ups", True),
    ("followup", False),                 # written joined, the study holds the word: no phrase needed
    ("follow the path up", False), ("follow; up", False), ("follow. Up", False),
])
def test_a_split_word_is_found_with_its_parts_side_by_side(text, matches):
    pattern = phrase_pattern(("follow_up*",))
    assert bool(duckdb.connect().execute("SELECT regexp_matches($t, $p)", {"t": text, "p": pattern})
                .fetchone()[0]) is matches


@pytest.mark.parametrize("text, expected", [
    ("CART", _ids(21)), ("cart", _ids(21, 22, 23)), ("Cart", _ids(21, 22, 23)),
    ("AIDS", _ids(24)), ("aids", _ids(24, 25)),
    ("ALL", _ids(21)), ("ALL children", _ids(21)), ("all", _ids(21, 26)),
    ("MS", _ids(27)), ("ms", _ids(27, 28)),          # not the m of mg/m2, which both docetaxel studies write
    ("PAD", _ids(30)), ("pad", _ids(30, 31)),
    ("CAT", _ids(32)), ("cat", _ids(32, 33)),
    ("HEARING AIDS", _ids(25)),                      # a query all in capitals says nothing of its words
    ("CAR-T", _ids(21)), ("COPD CAT", _ids(32)),
])
def test_a_word_written_in_capitals_is_an_acronym_and_in_small_letters_a_word(con, text, expected):
    assert found(con, text) == expected


def test_the_acronyms_of_a_query(con):
    assert acronyms(con, "CART") == ["CART"] and acronyms(con, "ALL children") == ["ALL"]
    assert acronyms(con, "CAR-T") == acronyms(con, "COVID-19 vaccine") == acronyms(con, "HIV 1") == []
    assert acronyms(con, "BREAST CANCER") == acronyms(con, "cart") == acronyms(con, "A study") == []
    assert acronyms(con, "COPD CAT") == []  # all in capitals


def test_the_search_command_says_a_word_in_capitals_is_searched_as_an_acronym(db):
    result = CliRunner().invoke(app, ["search", "CART", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "NCT09400021" in result.output and "NCT09400022" not in result.output
    assert "CART, written in capitals, is searched as an acronym" in result.output
    assert "write cart to find every use" in result.output
    quiet = CliRunner().invoke(app, ["search", "cart", "--db", str(db), "--format", "csv"])
    assert quiet.exit_code == 0 and "note:" not in quiet.output and "NCT09400022" in quiet.output


def test_an_index_of_the_earlier_form_is_searched_as_built_and_the_next_run_builds_it_again(db, tmp_path, monkeypatch):
    from tests.test_search_hyphen_terms import _apart_only_warehouse
    from warehouse.search_index import update_search_index

    copy, con = _apart_only_warehouse(db, tmp_path, monkeypatch)
    try:
        # As that index was built: a word is the word written, capitals or not.
        assert found(con, "followup") == _ids(2) and found(con, "CART") == found(con, "cart") == _ids(21, 22, 23)
        assert acronyms(con, "CART") == [] and query_spellings(con, "followup") == [["followup"]]
        assert update_search_index(con, "r2", []) == len(STUDIES)
        assert found(con, "followup") == _ids(1, 2, 3) and found(con, "CART") == _ids(21)
    finally:
        con.close()



@pytest.mark.parametrize("text", ["followup visit", "fibrillation", "health care", "hiv", "golf cart"])
def test_scores_are_the_index_extensions_own(con, text):
    """The scores a search computes from the index's terms are those of the extension's match_bm25 (conjunctive, over
    all fields and per field): a DuckDB whose index tables or scoring changed would fail here."""
    from flows.search import FIELDS, _ranked
    from warehouse.fts import load_fts
    from warehouse.search_index import INDEX_SCHEMA

    load_fts(con)
    ours = {row[0]: row[1:] for row in con.execute(_ranked(1), {"text": text}).fetchall()}
    bm25 = f"{INDEX_SCHEMA}.match_bm25"
    scores = ", ".join([f"{bm25}(nct_id, $text, conjunctive := 1) AS score"]
                       + [f"{bm25}(nct_id, $text, fields := '{f}', conjunctive := 1)" for f in FIELDS])
    theirs = {row[0]: row[1:] for row in con.execute(
        f"SELECT * FROM (SELECT nct_id, {scores} FROM meta.study_documents) WHERE score IS NOT NULL",
        {"text": text}).fetchall()}
    assert ours and ours.keys() == theirs.keys()
    for nct_id, own in ours.items():
        assert [None if v is None else pytest.approx(v, rel=1e-9) for v in theirs[nct_id]] == list(own), nct_id
