"""Loaded at an as_of far past the snapshots, rules about "now" judge each record as of its own
snapshot, and only the freshness family says the copy is old."""
from __future__ import annotations

from datetime import date

import checks
from tests.checks import harness

FAR_AS_OF = date(2031, 6, 30)
STALENESS = ("dates.status_stale_after_completion", "dates.verification_stale",
             "timeliness.not_yet_recruiting_past_start", "timeliness.results_overdue")


def _study(snapshot: date, **values) -> dict:
    study = harness.clean_study()
    study["studies"][0].update(snapshot_date=snapshot, **values)
    return study


def test_staleness_is_judged_at_each_snapshot(tmp_path):
    recruiting = dict(overall_status="RECRUITING", primary_completion_date_type="ESTIMATED",
                      completion_date=date(2024, 9, 30), completion_date_type="ESTIMATED",
                      verification_date=date(2024, 1, 1))
    studies = {
        # taken before its completion date: fresh then, whatever as_of says
        "NCT01000001": _study(date(2024, 6, 3), **recruiting),
        # taken long after it: the sponsor let the status go stale
        "NCT01000002": _study(date(2026, 7, 1), **recruiting),
        # no snapshot known: judged as of as_of
        "NCT01000003": _study(None, **recruiting),
    }
    con = harness.warehouse_with(tmp_path, studies)
    checks.run_checks(con, run_id="t", as_of=FAR_AS_OF)
    found = set(con.execute("SELECT nct_id, rule_id FROM quality_issues").fetchall())
    stale = {(n, r) for n, r in found if r in STALENESS}
    assert stale == {("NCT01000002", "dates.status_stale_after_completion"),
                     ("NCT01000002", "dates.verification_stale"),
                     ("NCT01000003", "dates.status_stale_after_completion"),
                     ("NCT01000003", "dates.verification_stale")}
    fresh = {n for n, r in found if r == "freshness.copy_is_old"}
    assert fresh == {"NCT01000001", "NCT01000002"}, "the copy's age is its own signal"


def test_issue_says_which_day_it_judged(tmp_path):
    study = _study(date(2026, 7, 1), overall_status="RECRUITING", completion_date=date(2024, 9, 30),
                   completion_date_type="ESTIMATED")
    con = harness.warehouse_with(tmp_path, {"NCT01000002": study})
    checks.run_checks(con, run_id="t", as_of=FAR_AS_OF)
    message, = con.execute("SELECT message FROM quality_issues "
                           "WHERE rule_id = 'dates.status_stale_after_completion'").fetchone()
    assert "as of 2026-07-01" in message


def test_freshness_threshold_is_a_setting(tmp_path, monkeypatch):
    con = harness.warehouse_with(tmp_path, {"NCT01000001": _study(date(2026, 11, 2))})
    rule = "freshness.copy_is_old"
    counts = []
    for days in ("30", "10"):
        monkeypatch.setenv("TRIALQC_FRESHNESS_BUSINESS_DAYS", days)
        checks.run_checks(con, run_id="t", as_of=harness.AS_OF)
        counts.append(con.execute("SELECT count(*) FROM quality_issues WHERE rule_id = ?", [rule]).fetchone()[0])
    assert counts == [0, 1]
