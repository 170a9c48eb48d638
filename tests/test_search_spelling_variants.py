"""Searches a data team types for its own set of trials: an acronym a study writes with its number in any case
(COVID finds "Covid-19", not "Hearing Aids" or "All 20 patients"), a quoted phrase in each spelling its words find
("follow up" finds "followup"), British and American spellings (tumour, tumor; haemophilia, hemophilia), Roman
numerals after phase, type or stage (phase 2 finds "Phase II"), a number's hyphenated word beside it (HER2-positive
is not "HER2-negative, ER-positive"), and the quicker first look at a text that finds the same studies."""
from __future__ import annotations

import duckdb
import pytest

from flows.search import ACCENTED, SearchQuery, acronym_note, acronym_phrases, phrase_pattern, phrase_prefilter, \
    quoted_phrases, search, search_terms
from tests.search_fixtures import found, indexed_warehouse, read_only, summarised_study
from warehouse.fts import load_fts
from warehouse.search_index import INDEX_SCHEMA

# nct_id -> (brief title, condition, brief summary)
STUDIES = {
    "NCT09120001": ("Antibody Response After Covid-19 in Health Workers", "Covid-19",
                    "Workers who had covid-19 are followed for a year."),
    "NCT09120002": ("Viral Shedding in Children", "Sars-CoV-2 Infection", "Children with Sars-CoV2 are swabbed."),
    "NCT09120003": ("Hearing Aids in Older Adults", "Hearing Loss", "All 20 participants are fitted with Aids."),
    "NCT09120004": ("All-Cause 30-day Mortality After Surgery", "Mortality", "All-cause death at 30 days."),
    "NCT09120005": ("Blinatumomab in Children With ALL", "Acute Lymphoblastic Leukemia", "Children with ALL."),
    "NCT09120006": ("Followup of Kidney Donors", "Kidney Donation", "One year followup of donors."),
    "NCT09120007": ("Follow-up Visits After Stroke", "Stroke", "Nurses follow up patients."),
    "NCT09120008": ("Walking Trails", "Obesity", "Participants follow the path up the hill."),
    "NCT09120009": ("Radiotherapy for Brain Tumours", "Brain Tumour", "A randomised trial in paediatric centres."),
    "NCT09120010": ("Surgery for Brain Tumors", "Brain Tumor", "A randomized trial in pediatric centers."),
    "NCT09120011": ("Emicizumab in Haemophilia A", "Haemophilia A", "Bleeding rates in adults with haemophilia A."),
    "NCT09120012": ("Factor IX in Hemophilia B", "Hemophilia B", "Bleeding rates."),
    "NCT09120013": ("Leukaemia in Children", "Acute Leukaemia", "Children with leukaemia receive chemotherapy."),
    "NCT09120015": ("A Phase II Study of Drug X in Asthma", "Asthma", "Adults with asthma."),
    "NCT09120016": ("A Phase 2 Study of Drug Y in Asthma", "Asthma", "Adults with asthma."),
    "NCT09120017": ("A Phase III Study of Drug Z in Asthma", "Asthma", "Adults in 2 groups."),
    "NCT09120018": ("Metformin in Type II Diabetes", "Diabetes", "Adults with type II diabetes, 1 tablet."),
    "NCT09120019": ("Trastuzumab in HER2-Positive Breast Cancer", "Breast Cancer", "Women with HER2-positive disease."),
    "NCT09120020": ("Endocrine Therapy in ER-Positive, HER2-Negative Breast Cancer", "Breast Cancer",
                    "Women with hormone receptor-positive, HER2-negative disease."),
    "NCT09120021": ("Hydroxychloroquine in Sjögren Syndrome", "Sjögren's Syndrome", "Dry eyes are scored."),
    "NCT09120022": ("Metformin in Type 2 Diabetes", "Type 2 Diabetes", "The type I error is 5%."),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The studies loaded and indexed; the warehouse file."""
    return indexed_warehouse(tmp_path_factory.mktemp("spellings") / "w.duckdb",
                             {n: summarised_study(n, *STUDIES[n]) for n in STUDIES})


@pytest.fixture
def con(db):
    yield from read_only(db)


def _ids(*numbers: int) -> set[str]:
    return {f"NCT091200{n:02d}" for n in numbers}


_PLAIN = duckdb.connect()


def _matches(pattern: str, text: str, stripped: bool = True) -> bool:
    """Whether a text (its accents stripped, as a search reads it) holds a pattern."""
    return _PLAIN.execute(f"SELECT regexp_matches({'strip_accents($t)' if stripped else '$t'}, $p)",
                          {"t": text, "p": pattern}).fetchone()[0]


# An acronym written with its number, in any case

@pytest.mark.parametrize("text, expected", [
    ("COVID", _ids(1)), ("SARS", _ids(2)),          # "Covid-19", "covid-19"; "Sars-CoV-2", "Sars-CoV2"
])
def test_an_acronym_a_study_writes_with_its_number_in_any_case_is_found(con, text, expected):
    assert found(con, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("AIDS", set()),                                 # "Hearing Aids", "with Aids."
    ("ALL", _ids(5)),                                # "All 20 participants", "All-Cause 30-day": no ALL
])
def test_a_common_word_before_a_number_or_a_hyphen_stays_a_word(con, text, expected):
    assert found(con, text) == expected


@pytest.mark.parametrize("word, text, matches", [
    ("COVID", "Covid-19", True), ("COVID", "covid-19 patients", True), ("COVID", "COVID-19", True),
    ("COVID", "Covid‐19", True),                     # a Unicode hyphen
    ("SARS", "Sars-CoV-2", True), ("SARS", "Sars-CoV 2", True),
    ("COVID", "Covid 19", False),                    # the index writes "Covid19" so too, and "All 20" is all
    ("COVID", "Long Covid", False),
    ("ALL", "All 20 patients", False), ("ALL", "All-Cause 30-day mortality", False), ("ALL", "All-20", True),
    ("AIDS", "Hearing Aids", False), ("CART", "Golf Cart", False),
])
def test_an_acronyms_phrase_finds_it_with_its_number_after_a_hyphen(con, word, text, matches):
    assert acronym_phrases(con, word) == [(f"{word}+", f"{word}#")]
    assert _matches(phrase_pattern(acronym_phrases(con, word)[0]), text) is matches


def test_the_search_command_says_an_acronym_is_also_found_with_its_number(con):
    assert "in any case with a number after a hyphen (Covid-19); write covid to find every use" in acronym_note(
        con, "COVID")


# A quoted phrase in each spelling

@pytest.mark.parametrize("text, expected", [
    ('"follow up"', _ids(6, 7)),                     # "followup", "Follow-up", "follow up"; not "follow the path up"
    ('"up follow"', set()),
    ('"sjogren syndrome"', _ids(21)),                # accents stripped
])
def test_a_quoted_phrase_follows_the_spellings_of_its_words_and_stays_a_phrase(con, text, expected):
    assert found(con, text) == expected


def test_the_quoted_phrases_of_a_query_in_each_spelling(con):
    assert quoted_phrases(con, '"follow up"') == [("follow up", "followup")]
    assert quoted_phrases(con, '"year followup"') == [("year followup", "year follow_up")]


# British and American spellings

@pytest.mark.parametrize("spellings, expected", [
    (("tumour", "Tumors"), _ids(9, 10)),
    (("randomised",), _ids(9, 10)), (("centre",), _ids(9, 10)),
    (("haemophilia A",), _ids(11)), (("hemophilia B",), _ids(12)),
    (("leukemia",), _ids(5, 13)),
    (('"brain tumour"',), _ids(9, 10)),
])
def test_a_word_spelled_the_british_or_the_american_way_finds_both(con, spellings, expected):
    assert [found(con, text) for text in spellings] == [expected] * len(spellings)


def test_a_study_found_by_its_other_spelling_is_scored_as_the_index_scores_that_spelling(con):
    load_fts(con)
    scores = {h["nct_id"]: h["score"] for h in search(con, SearchQuery("tumour", limit=None))}
    bm25 = con.execute(f"SELECT nct_id, round({INDEX_SCHEMA}.match_bm25(nct_id, $q, conjunctive := 1), 4) "
                       "FROM meta.study_documents WHERE nct_id IN ('NCT09120009', 'NCT09120010')",
                       {"q": "tumor"}).fetchall()
    assert scores["NCT09120010"] == dict(bm25)["NCT09120010"]


# Roman numerals and a number's hyphenated word

@pytest.mark.parametrize("text, expected", [
    ("phase 2", _ids(15, 16)), ("phase 3", _ids(17)),    # not the phase III study of "2 groups"
    ("phase 2 asthma", _ids(15, 16)),
    ("type 2 diabetes", _ids(18, 22)),
    ("type 1 diabetes", set()),                      # neither "1 tablet" nor "type I error" is type 1
])
def test_a_number_after_phase_or_type_finds_its_roman_numeral(con, text, expected):
    assert found(con, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("HER2-positive", _ids(19)), ("HER2-negative", _ids(20)),
    ("HER2", _ids(19, 20)),
])
def test_a_numbers_hyphenated_word_stands_beside_it(con, text, expected):
    assert found(con, text) == expected


def test_the_phrases_of_a_numbers_hyphenated_word(con):
    assert search_terms(con, "HER2-positive")[1] == [("her 2",), ("her 2 positive",)]
    assert search_terms(con, "PD-L1-positive")[1] == [("pd l 1", "pdl 1"), ("pd l 1 positive", "pdl 1 positive")]
    assert search_terms(con, "COVID-19-positive")[1] == [("covid 19", "19 positive")]


# The quicker first look at a text

@pytest.mark.parametrize("phrases, text", [
    (("ALL+", "ALL#"), "Children with ALL"), (("ALL+", "ALL#"), "ÀLL in children"),
    (("ALL+", "ALL#"), "A\u0301LL"), (("follow up", "followup"), "fóllow-up"),
    (("her 2 positive",), "HER 2-posítive"), (("car t", "carT"), "CAR‑T cells"),
])
def test_the_first_look_at_a_text_keeps_every_text_that_holds_a_phrase(phrases, text):
    assert _matches(phrase_pattern(phrases), text) and _matches(phrase_prefilter(phrases), text, stripped=False)


def test_every_character_stripping_makes_a_letter_digit_or_nothing_is_one_the_first_look_keeps():
    """A text without a character of ACCENTED is left at the first look without its accents stripped: stripping
    changes none of it into what a phrase holds (a letter, a digit, a ';', a hyphen) or takes nothing away."""
    missed = _PLAIN.execute(
        "SELECT count(*) FROM (SELECT chr(i::INT) AS c, strip_accents(chr(i::INT)) AS s FROM (SELECT * FROM "
        "range(128, 55296) UNION ALL SELECT * FROM range(57344, 196608)) t(i)) WHERE s <> c AND (s = '' OR "
        "regexp_matches(s, '[\\x00-\\x7f\\x{2010}\\x{2011}]')) AND NOT regexp_matches(c, $accented)",
        {"accented": ACCENTED}).fetchone()[0]
    assert missed == 0
