"""The real corpus in ../shared (CI has it): everything loads, invalid files get a true reason,
and the warehouse agrees with each JSON record read by plain dict look-ups."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import orjson
import pytest

from flows.parsers.model import FIELD_SELECTED, READ_AS_SPELT
from flows.run import run_pipeline
from warehouse.connect import connect

from tests import aact_plain_reading as aact
from tests.shared_corpus import CORPUS, needs_corpus

pytestmark = needs_corpus


@pytest.fixture(scope="module")
def corpus_warehouse(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    con = connect(db)
    results = {name: run_pipeline(con, run_id=name, source=CORPUS / name, db_path=db, as_of=date(2026, 11, 22))
               for name in ("json_v2", "xml_legacy", "invalid")}
    yield con, results
    con.close()


def test_every_real_record_loads(corpus_warehouse):
    con, results = corpus_warehouse
    for name in ("json_v2", "xml_legacy"):
        r = results[name]
        assert (r.files_seen, r.loaded, r.rejected, r.skipped) == (300, 300, 0, 0), r.rejects
    per_folder = dict(con.execute("""SELECT regexp_extract(path, '/corpus/([^/]+)/', 1), count(DISTINCT nct_id)
                                     FROM meta.source_records WHERE is_current GROUP BY 1""").fetchall())
    assert per_folder["json_v2"] == 300 and per_folder["xml_legacy"] == 300


def test_invalid_files_are_rejected_or_flagged_for_a_true_reason(corpus_warehouse):
    con, results = corpus_warehouse
    r = results["invalid"]
    assert r.files_seen == r.loaded + r.rejected == 10
    assert len(r.rejects) == r.rejected, "meta.rejects holds exactly the inputs that did not load"
    rejects = {Path(p).stem: reason for p, _, reason in r.rejects}
    # Only inputs that cannot be a study are rejected: id-only fragments and a record cut short.
    assert sorted(rejects) == ["NCT00465595", "NCT00465816", "NCT01340027", "NCT03453554"]
    for fragment in ("NCT00465595", "NCT01340027", "NCT03453554"):
        assert rejects[fragment].startswith("id-only fragment")
    assert "no statusModule" in rejects["NCT00465816"]
    assert (r.loaded, r.rejected) == (6, 4)
    flagged = {row[0]: row[1] for row in con.execute(
        "SELECT nct_id, list(rule_id) FROM quality_issues GROUP BY 1").fetchall()}
    # PHASE5 and study type EXPANDED_ACCESS_INTERVENTIONAL load, NULL, with an invalid_value issue quoting them.
    refused = {(row[0], row[1]): row[2] for row in con.execute("""
        SELECT nct_id, column_name, raw_value FROM meta.raw_values WHERE nct_id IN ('NCT55555555', 'NCT87654321')
        """).fetchall()}
    # The phases list is quoted as the record gives it, not in AACT's joined form, which the record never gives.
    assert refused == {("NCT55555555", "phase"): '["PHASE1", "PHASE2", "PHASE3", "PHASE4", "PHASE5"]',
                       ("NCT55555555", "study_type"): "EXPANDED_ACCESS_INTERVENTIONAL",
                       ("NCT87654321", "study_type"): "EXPANDED_ACCESS_INTERVENTIONAL"}
    messages = [row[0] for row in con.execute("""SELECT message FROM quality_issues WHERE category = 'invalid_value'
                                                 AND nct_id = 'NCT55555555'""").fetchall()]
    assert any("'[\"PHASE1\", \"PHASE2\", \"PHASE3\", \"PHASE4\", \"PHASE5\"]'" in m for m in messages)
    assert any("'EXPANDED_ACCESS_INTERVENTIONAL'" in m for m in messages)
    assert con.execute("SELECT phase, study_type FROM studies WHERE nct_id = 'NCT55555555'").fetchone() == (None, None)
    for fake in ("NCT12345678", "NCT76543210"):
        assert "identity.nct_number_not_yet_issued" in flagged[fake]
    assert "identity.nct_number_not_yet_issued" not in flagged.get("NCT01234567", [])
    assert "missing_fields.no_primary_outcome" in flagged["NCT01234567"]  # a copy stripped of outcomes
    # A field-selected extract (its statusModule holds only the status): said once, not judged field by field.
    assert flagged["NCT03105011"] == ["missing_fields.field_selected_extract"]


def _expected(record: dict) -> dict:
    """Key values of one API v2 record, read with plain dict look-ups."""
    p = record["protocolSection"]
    status, design = p.get("statusModule", {}), p.get("designModule", {})
    arms = p.get("armsInterventionsModule", {})
    start = status.get("startDateStruct", {}).get("date")
    return {
        "overall_status": status.get("overallStatus"),
        "phase": "/".join(design.get("phases", [])) or None,
        "enrollment": design.get("enrollmentInfo", {}).get("count"),
        "start": (start, {1: "year", 2: "month", 3: "day"}[len(start.split("-"))]) if start else (None, None),
        "conditions": len(p.get("conditionsModule", {}).get("conditions", [])),
        "design_groups": len(arms.get("armGroups", [])),
        "interventions": len(arms.get("interventions", [])),
        "primary": len(p.get("outcomesModule", {}).get("primaryOutcomes", [])),
        "facilities": len(p.get("contactsLocationsModule", {}).get("locations", [])),
        "sponsors": 1 + len(p.get("sponsorCollaboratorsModule", {}).get("collaborators", [])),
    }


def _actual(con, nct_id: str) -> dict:
    status, phase, enrollment, start, precision = con.execute(
        "SELECT overall_status, phase, enrollment, start_date, start_date_precision FROM studies WHERE nct_id = ?",
        [nct_id]).fetchone()
    shown = None
    if start is not None:
        shown = {"year": f"{start:%Y}", "month": f"{start:%Y-%m}", "day": f"{start:%Y-%m-%d}"}[precision]

    def count(table: str, where: str = "") -> int:
        return con.execute(f"SELECT count(*) FROM {table} WHERE nct_id = ? {where}", [nct_id]).fetchone()[0]

    return {
        "overall_status": status, "phase": phase, "enrollment": enrollment, "start": (shown, precision),
        "conditions": count("conditions"), "design_groups": count("design_groups"),
        "interventions": count("interventions"), "primary": count("design_outcomes", "AND outcome_type = 'primary'"),
        "facilities": count("facilities"), "sponsors": count("sponsors"),
    }


def test_warehouse_matches_each_json_record(corpus_warehouse):
    con, _ = corpus_warehouse
    mismatches = []
    for path in sorted((CORPUS / "json_v2").glob("*.json")):
        record = orjson.loads(path.read_bytes())
        nct_id = record["protocolSection"]["identificationModule"]["nctId"]
        expected, actual = _expected(record), _actual(con, nct_id)
        mismatches += [(nct_id, k, expected[k], actual[k]) for k in expected if expected[k] != actual[k]]
    assert not mismatches, mismatches[:20]


def test_no_rule_fails_on_real_records(corpus_warehouse):
    con, _ = corpus_warehouse
    import checks

    result = checks.run_checks(con, run_id="recheck", as_of=date(2026, 11, 22))
    assert not result.failed_rules
    assert result.issues > 0


_STUDIES_COLUMNS = list(aact.studies_columns({"protocolSection": {}}))
_CHILD_QUERIES = {
    "intervention_other_names": "SELECT intervention_name, name FROM intervention_other_names",
    "browse_conditions": "SELECT mesh_term, downcase_mesh_term, mesh_type FROM browse_conditions",
    "browse_interventions": "SELECT mesh_term, downcase_mesh_term, mesh_type FROM browse_interventions",
    "conditions": "SELECT name, downcase_name FROM conditions",
    "facilities": "SELECT latitude, longitude FROM facilities",
    "id_information": "SELECT id_link FROM id_information WHERE id_link IS NOT NULL",
    "responsible_parties": "SELECT responsible_party_type, title, organization, affiliation FROM responsible_parties",
    "provided_documents": "SELECT document_type, has_protocol, has_icf, has_sap, document_date, url "
                          "FROM provided_documents",
}


def _grouped(con, sql: str, nct_ids: list[str]) -> dict[str, list[tuple]]:
    """Rows of a query (its own columns after nct_id) per study, sorted."""
    rows: dict[str, list[tuple]] = {n: [] for n in nct_ids}
    select, _, rest = sql.partition(" FROM ")
    for row in con.execute(f"SELECT nct_id, {select.removeprefix('SELECT ')} FROM {rest}").fetchall():
        if row[0] in rows:
            rows[row[0]].append(row[1:] if len(row) > 2 else row[1])
    return {n: sorted(r, key=repr) for n, r in rows.items()}


def test_warehouse_matches_aact_reading_of_each_json_record_for_every_new_column(corpus_warehouse):
    con, _ = corpus_warehouse
    records = {p.stem: orjson.loads(p.read_bytes()) for p in sorted((CORPUS / "json_v2").glob("*.json"))}
    ids = sorted(records)
    studies = {r[0]: dict(zip(_STUDIES_COLUMNS, r[1:])) for r in con.execute(
        f"SELECT nct_id, {', '.join(_STUDIES_COLUMNS)} FROM studies").fetchall()}
    eligibility = {r[0]: tuple(r[1:]) for r in con.execute(
        "SELECT nct_id, sampling_method, population, gender_based, gender_description, adult, child, older_adult "
        "FROM eligibilities").fetchall()}
    children = {table: _grouped(con, sql, ids) for table, sql in _CHILD_QUERIES.items()}
    calculated = {r[0]: tuple(r[1:]) for r in con.execute(
        "SELECT nct_id, number_of_facilities, has_us_facility, actual_duration FROM calculated_values").fetchall()}
    mismatches = []
    for nct_id, record in records.items():
        expected = aact.studies_columns(record)
        mismatches += [(nct_id, f"studies.{k}", v, studies[nct_id][k]) for k, v in expected.items()
                       if v != studies[nct_id][k]]
        if aact.eligibility_columns(record) != eligibility.get(nct_id):
            mismatches.append((nct_id, "eligibilities", aact.eligibility_columns(record), eligibility.get(nct_id)))
        for table, rows in aact.child_rows(record).items():
            if sorted(rows, key=repr) != children[table][nct_id]:
                mismatches.append((nct_id, table, sorted(rows, key=repr)[:3], children[table][nct_id][:3]))
        if aact.calculated(record) != calculated[nct_id]:
            mismatches.append((nct_id, "calculated_values", aact.calculated(record), calculated[nct_id]))
    assert len(records) == 300 and not mismatches, mismatches[:20]


def test_no_real_record_has_a_refused_value(corpus_warehouse):
    con, _ = corpus_warehouse
    refused = con.execute("""SELECT r.nct_id, table_name, column_name, raw_value FROM meta.raw_values r
                             JOIN meta.source_records v USING (nct_id, sha256)
                             WHERE v.path LIKE '%/corpus/json_v2/%' OR v.path LIKE '%/corpus/xml_legacy/%'""").fetchall()
    assert refused == []


def test_each_link_joins_by_id_the_arm_and_the_intervention_its_record_gives(corpus_warehouse):
    """AACT's joins by id give the pairs the name columns give; an API v2 link joins the intervention whose
    armGroupLabels give it, also where two interventions of a study share a name."""
    con, _ = corpus_warehouse
    by_id = con.execute("SELECT dgi.nct_id, dg.title, i.name FROM design_group_interventions dgi "
                        "JOIN design_groups dg ON dg.id = dgi.design_group_id "
                        "JOIN interventions i ON i.id = dgi.intervention_id").fetchall()
    by_name = con.execute("SELECT nct_id, design_group, intervention FROM design_group_interventions").fetchall()
    assert by_id and sorted(by_id) == sorted(by_name)
    other_names = con.execute("SELECT o.nct_id, i.name, o.name FROM intervention_other_names o "
                              "JOIN interventions i ON i.id = o.intervention_id").fetchall()
    assert sorted(other_names) == sorted(con.execute(
        "SELECT nct_id, intervention_name, name FROM intervention_other_names").fetchall())
    current = {r[0] for r in con.execute("SELECT source_sha256 FROM studies WHERE source_layout = 'ctgov_json_v2'")
               .fetchall()}
    expected, read, shared_names = set(), set(), 0
    for path in sorted((CORPUS / "json_v2").glob("*.json")):
        if hashlib.sha256(path.read_bytes()).hexdigest() not in current:
            continue
        protocol = orjson.loads(path.read_bytes()).get("protocolSection", {})
        nct_id = protocol["identificationModule"]["nctId"]
        read.add(nct_id)
        items = protocol.get("armsInterventionsModule", {}).get("interventions", [])
        names = [item.get("name") for item in items]
        shared_names += len(names) - len(set(names))
        expected |= {(nct_id, label, rank) for rank, item in enumerate(items, 1)
                     for label in item.get("armGroupLabels", [])}
    actual = set(con.execute("SELECT dgi.nct_id, dg.title, dgi.intervention_id % 1000000 "
                             "FROM design_group_interventions dgi JOIN design_groups dg ON dg.id = dgi.design_group_id "
                             "JOIN studies s ON s.nct_id = dgi.nct_id WHERE s.source_layout = 'ctgov_json_v2'")
                 .fetchall())
    assert shared_names and {row for row in actual if row[0] in read} == expected
    # The problems of files that loaded are among the invalid files: a field-selected extract, three that give
    # patientRegistry as a string, and one that gives seven dates the registry gives to the day as a year ("2008").
    assert con.execute("SELECT nct_id, reason FROM meta.load_problems ORDER BY nct_id").fetchall() == [
        ("NCT03105011", FIELD_SELECTED), *[("NCT12345678", READ_AS_SPELT)] * 7, ("NCT55555555", READ_AS_SPELT),
        ("NCT76543210", READ_AS_SPELT), ("NCT87654321", READ_AS_SPELT)]


@needs_corpus
def test_results_submitted_and_not_yet_posted_are_loaded_and_not_called_unsubmitted(corpus_warehouse):
    """Real records hold results under the registry's review (unposted events, submission tracking, or legacy
    <pending_results>); NCT04948307 and NCT05421624 were due and submitted late, and the review's last act returned
    them (2024-08-23, 2025-03-13) more than the 25 days 42 CFR 11.64(b) gives to correct them before the record's day
    (2025-05-07): owed again, a warning."""
    con, _ = corpus_warehouse
    held = {nct_id for (nct_id,) in con.execute(
        "SELECT nct_id FROM pending_results UNION SELECT nct_id FROM result_submissions").fetchall()}
    assert {"NCT04948307", "NCT05421624", "NCT04574193", "NCT00462254"} <= held
    assert con.execute("SELECT count(*) FROM pending_results WHERE event_date IS NULL").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM result_submissions WHERE event_date IS NULL").fetchone() == (0,)
    overdue = dict(con.execute("SELECT nct_id, severity || ': ' || message FROM quality_issues "
                               "WHERE rule_id = 'timeliness.results_overdue'").fetchall())
    assert overdue["NCT04948307"].startswith("warning: ") and "first submitted on 2024-05-06, 24 days late" in overdue[
        "NCT04948307"] and "last on 2024-08-23, and they were not submitted again as of 2025-05-07" in overdue[
        "NCT04948307"]
    assert overdue["NCT05421624"].startswith("warning: ") and "first submitted on 2025-01-07" in overdue["NCT05421624"]
    assert not any("none were submitted" in message for nct_id, message in overdue.items() if nct_id in held)
