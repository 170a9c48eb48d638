"""A field FDAAA made required is a warning when missing, but only info on a record posted before it."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from tests.checks import harness


@pytest.mark.parametrize("posted, severity", [(date(2003, 5, 1), "info"), (date(2012, 5, 1), "warning")])
def test_missing_primary_outcome_severity_follows_the_registration_era(tmp_path, posted, severity):
    study = harness.clean_study()
    study["studies"][0]["study_first_posted_date"] = posted
    study["design_outcomes"] = [o for o in study["design_outcomes"] if o["outcome_type"] != "primary"]
    con = harness.warehouse_with(tmp_path, {"NCT00100001": study})
    checks.run_checks(con, run_id="t", as_of=harness.AS_OF)
    rows = con.execute("SELECT severity, evidence FROM quality_issues "
                       "WHERE rule_id = 'missing_fields.no_primary_outcome'").fetchall()
    assert [r[0] for r in rows] == [severity]
    assert ("before FDAAA" in rows[0][1]) == (severity == "info")


def test_a_finding_cannot_invent_a_severity(tmp_path):
    from checks.engine import run_rules
    from checks.rule import Finding, Rule

    rule = Rule("test.odd", "missing_field", "warning", "r", ("studies.nct_id",),
                func=lambda con, as_of: [Finding("NCT01000001", "Odd.", severity="fatal")])
    con = harness.warehouse_with(tmp_path, {"NCT01000001": harness.clean_study()})
    run_rules(con, [rule], run_id="t", as_of=harness.AS_OF)
    assert con.execute("SELECT severity FROM quality_issues").fetchall() == [("warning",)]
