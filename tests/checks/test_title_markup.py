"""invalid_values.title_markup reads whole tags of HTML's text elements in a title ("<mark class="hl-synonym">",
"</em>", "<br/>"), never an angle bracket of a bound ("<18 years", "p<0.05") nor one around a word that is no HTML
element ("<Tositumomab>"). The pattern is RE2's, as DuckDB reads it: each title is tried in one warehouse query."""
from __future__ import annotations

import duckdb
import pytest

from checks.sql_text import literal
from checks.title_markup import MARKUP, RULES
from tests.checks import harness

FIRES = [
    ("Focused Orticumab Research for Treating Inflammation in <mark class=\"hl-synonym\">Coronary</mark> Arteries",
     "<mark class=\"hl-synonym\">"),
    ("A Study of <em>Drug X</em> in Adults With Asthma", "<em>"),
    ("A Study of <b>Drug X</b> in Adults With Asthma", "<b>"),
    ("Drug X in Adults With <span class='highlight'>Asthma</span>", "<span class='highlight'>"),
    ("Drug X in Adults With <SPAN CLASS=hl>Asthma</SPAN>", "<SPAN CLASS=hl>"),
    ("A Study of Drug X</i> in Adults With Asthma", "</i>"),
    ("Effect of Vitamin D on Bone<br/>A Randomized Trial", "<br/>"),
    ("Serum Ca<sup>2+</sup> After Parathyroidectomy", "<sup>"),
    ("A <strong>Phase 3</strong> Study of Drug X", "<strong>"),
    ("Drug X in <font color=\"red\">Asthma</font>", "<font color=\"red\">"),
    ("Drug X in Adults <p>With Asthma", "<p>"),
]
QUIET = [
    "Safety and Immunogenicity of SCB-2019 in Children <18 Years of Age",
    "Drug X in Adults Age <65 With Hypertension",
    "Effect of Drug X on IL-6 <5 pg/mL and CRP",
    "Association With Outcome (p<0.05) in a Cohort",
    "Efficacy of Formoterol in Children (5-<12 Years) With Acute Bronchial Obstruction",
    "Study of Bexxar <Tositumomab> Combined With External Beam Radiation Therapy",
    "Children >/= to 8 Months and <3 Years With Medulloblastoma",
    "CD4 Counts = or < 200: A Double-Blind, Placebo-Controlled Trial",
    "Patients With AML< 60 Years",
    "Drug X in Grade <2 Toxicity and >3 Cycles",
    "A <b and c> Study",
    "Sitagliptin&#39;s Effects on Glucose-stimulated Insulin Secretion",
    "Doses of 10 mg <i.e. low> and 20 mg",
]


@pytest.fixture(scope="module")
def found() -> dict[str, str | None]:
    """The first tag the rule's pattern finds in each title (None where it finds none)."""
    con = duckdb.connect()
    try:
        titles = [t for t, _tag in FIRES] + QUIET
        con.execute("CREATE TABLE titles (title VARCHAR)")
        con.executemany("INSERT INTO titles VALUES (?)", [(t,) for t in titles])
        rows = con.execute(f"SELECT title, CASE WHEN regexp_matches(title, {literal(MARKUP)}) THEN "
                           f"regexp_extract(title, {literal(MARKUP)}) END FROM titles").fetchall()
        return dict(rows)
    finally:
        con.close()


@pytest.mark.parametrize("title, tag", FIRES, ids=[t[:50] for t, _ in FIRES])
def test_markup_in_a_title_is_found_and_quoted(found, title, tag):
    assert found[title] == tag


@pytest.mark.parametrize("title", QUIET, ids=[t[:50] for t in QUIET])
def test_an_angle_bracket_that_is_no_tag_is_quiet(found, title):
    assert found[title] is None


def test_the_message_names_the_title_and_quotes_its_tag(tmp_path):
    study = harness.clean_study()
    study["studies"][0]["official_title"] = "A Phase 2 Study of <em>Drug X</em> in Asthma"
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    try:
        rows = con.execute(RULES[0].sql).fetchall()
    finally:
        con.close()
    assert len(rows) == 1
    nct_id, message, evidence, fields = rows[0]
    assert nct_id == "NCT01000001" and fields == ["studies.official_title"]
    assert message.startswith("The official title holds HTML markup, '<em>', which the registry shows as literal text")
    assert evidence == "studies.official_title = 'A Phase 2 Study of <em>Drug X</em> in Asthma'"
