"""What the study list and the study pages show a reader: no sponsor who is a person named (not in the sponsors'
chart, not in the studies' list, not on the study's own page, whichever way the record tells it: class INDIV, or
the responsible party by name), and the day an issue has been open since, not a run's id."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from bench.synthetic_warehouse import build
from checks.report import write_report

INDIVIDUAL = "Okafor, Chidi N."  # a lead sponsor of class INDIV
INVESTIGATOR = "Marta Kowalska-Nowak"  # a lead sponsor who is the study's responsible party
ORGANISATION = "Hospital Universitario La Paz"  # an organisation: named as the record names it
SHOWN = "a sponsor-investigator (not named)"


def _lead(con: duckdb.DuckDBPyConnection, nct_id: str, name: str, agency_class: str) -> None:
    """The study's lead sponsor; the organization that registered it (studies.source) is another."""
    con.execute("UPDATE sponsors SET name = ?, agency_class = ? WHERE nct_id = ? AND lead_or_collaborator = 'lead'",
                [name, agency_class, nct_id])
    con.execute("UPDATE studies SET source = 'Registering Organization' WHERE nct_id = ?", [nct_id])


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sponsor_pages")
    db = folder / "w.duckdb"
    build(db, 12, runs=2)  # run1 on 2026-11-02, run2 on 2026-11-03
    with duckdb.connect(str(db)) as con:
        _lead(con, "NCT00000001", INDIVIDUAL, "INDIV")
        _lead(con, "NCT00000002", INVESTIGATOR, "OTHER")
        con.execute("INSERT INTO responsible_parties (nct_id, responsible_party_type, name) "
                    "VALUES ('NCT00000002', 'SPONSOR_INVESTIGATOR', ?)", [f"  {INVESTIGATOR.lower()} "])
        _lead(con, "NCT00000003", ORGANISATION, "OTHER")
        # issues first seen by the second run, and by a run the warehouse keeps no record of
        con.execute("UPDATE meta.quality_issue_history SET first_seen_run = 'run2' WHERE nct_id = 'NCT00000004'")
        con.execute("UPDATE meta.quality_issue_history SET first_seen_run = 'r-gone' WHERE nct_id = 'NCT00000005'")
    out = folder / "report"
    with duckdb.connect(str(db), read_only=True) as con:
        write_report(con, out, gx=False)
    return out


def _pages(out: Path) -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in sorted(out.rglob("*.html")))


def test_no_page_names_a_sponsor_who_is_a_person(report):
    pages = _pages(report)
    for name in (INDIVIDUAL, "Okafor", INVESTIGATOR, "Kowalska"):
        assert name not in pages and name.lower() not in pages


def test_their_studies_list_row_and_page_say_a_sponsor_investigator_sponsors_them(report):
    listed = "\n".join(page.read_text(encoding="utf-8") for page in (report / "studies").glob("page-*.html"))
    assert listed.count(SHOWN) == 2
    study_pages = "\n".join(page.read_text(encoding="utf-8") for page in (report / "study").glob("*.html"))
    assert study_pages.count(SHOWN) == 2


def test_an_organisation_is_named_as_its_record_names_it(report):
    assert ORGANISATION in _pages(report)


def test_an_issue_shows_the_day_it_was_first_seen_with_its_run_on_hover(report):
    study_pages = "\n".join(page.read_text(encoding="utf-8") for page in (report / "study").glob("*.html"))
    assert "<th>open since</th>" in study_pages and "open since run" not in study_pages
    cells = set(re.findall(r'<td class="since" title="run ([\w-]+)">([^<]*)</td></tr>', study_pages))
    assert cells == {("run1", "2026-11-02"), ("run2", "2026-11-03"), ("r-gone", "r-gone")}


def test_a_study_whose_record_names_no_lead_sponsor_shows_the_organization_that_registered_it(tmp_path):
    db = tmp_path / "w.duckdb"
    build(db, 3, runs=1)
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM sponsors WHERE nct_id = 'NCT00000001'")
        con.execute("UPDATE studies SET source = 'Fundacion Investigacion Clinica' WHERE nct_id = 'NCT00000001'")
        con.execute("UPDATE studies SET source = NULL WHERE nct_id = 'NCT00000002'")
        (lead,) = con.execute("SELECT name FROM sponsors WHERE nct_id = 'NCT00000002' AND "
                              "lead_or_collaborator = 'lead'").fetchone()
    out = tmp_path / "report"
    with duckdb.connect(str(db), read_only=True) as con:
        write_report(con, out, gx=False)
    page = (out / "study" / "NCT000000.html").read_text(encoding="utf-8")
    first, second = page.split('<section class="study" id="NCT00000002">')
    assert "Fundacion Investigacion Clinica" in first and f" · {lead} · " in second and "no sponsor" not in page
