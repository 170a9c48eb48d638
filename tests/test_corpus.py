"""The real corpus in ../shared (CI has it): everything loads, invalid files get a true reason,
and the warehouse agrees with each JSON record read by plain dict look-ups."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest

from flows.run import run_pipeline
from warehouse.connect import connect

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
    for fragment in ("NCT00465595", "NCT01340027", "NCT03453554"):
        assert rejects[fragment].startswith("id-only fragment")
    assert "no statusModule" in rejects["NCT00465816"]
    assert rejects["NCT55555555"] == "invalid studies.phase: not an API v2 value"  # PHASE5
    assert rejects["NCT87654321"] == "invalid studies.study_type: not an API v2 value"
    flagged = {row[0]: row[1] for row in con.execute(
        "SELECT nct_id, list(rule_id) FROM quality_issues GROUP BY 1").fetchall()}
    for fake in ("NCT12345678", "NCT76543210"):
        assert "identity.nct_number_not_yet_issued" in flagged[fake]
    assert "identity.nct_number_not_yet_issued" not in flagged.get("NCT01234567", [])
    assert "missing_fields.no_primary_outcome" in flagged["NCT01234567"]  # a copy stripped of outcomes
    assert "missing_fields.no_enrollment" in flagged["NCT03105011"]  # a sparse record


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
