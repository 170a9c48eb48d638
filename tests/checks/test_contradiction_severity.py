"""Contradiction severities follow the policy: `error` only where the record cannot be right."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.contradictions import RULES
from tests.checks import harness

# Flags that contradict each other by the registry's own definitions; every other contradiction
# reads free text or counts rows, where a person must judge, so it is at most a warning.
CANNOT_BE_RIGHT = {"contradictions.not_yet_recruiting_with_actuals"}


def test_only_impossible_records_are_errors():
    assert {r.id for r in RULES if r.severity == "error"} == CANNOT_BE_RIGHT


def test_a_dose_contradiction_is_at_most_a_warning():
    (rule,) = [r for r in RULES if r.id == "contradictions.arm_dose_differs"]
    assert rule.severity == "warning"


def _severities(tmp_path, rule_id: str, **studies_row) -> list[str]:
    study = harness.clean_study()
    study["studies"][0].update(studies_row)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    checks.run_checks(con, run_id="t", as_of=harness.AS_OF)
    return [r[0] for r in con.execute("SELECT severity FROM quality_issues WHERE rule_id = ?", [rule_id]).fetchall()]


@pytest.mark.parametrize("posted, dates, severity", [
    # first posted before FDAAA, and ended before it too (one that ran past it closed under FDAAA: a warning,
    # tests/checks/test_status_round16.py)
    (date(2003, 5, 1), harness.ENDED_BEFORE_FDAAA, "info"),
    (date(2012, 5, 1), {}, "warning"),
])
def test_an_estimated_enrollment_on_a_closed_study_follows_the_registration_era(tmp_path, posted, dates, severity):
    found = _severities(tmp_path, "contradictions.closed_status_estimated_enrollment",
                        enrollment_type="ESTIMATED", study_first_posted_date=posted, **dates)
    assert found == [severity]


@pytest.mark.parametrize("start_type, enrollment, severity", [
    ("ACTUAL", 40, "error"),
    ("ESTIMATED", 40, "error"),
    ("ESTIMATED", 0, "warning"),
    ("ACTUAL", 0, "error"),
])
def test_actuals_before_recruiting(tmp_path, start_type, enrollment, severity):
    found = _severities(tmp_path, "contradictions.not_yet_recruiting_with_actuals", overall_status="NOT_YET_RECRUITING",
                        start_date_type=start_type, enrollment=enrollment, enrollment_type="ACTUAL")
    assert found == [severity]


@pytest.mark.parametrize("model, severity", [("PARALLEL", "warning"), ("FACTORIAL", "warning"), ("CROSSOVER", "info")])
def test_one_arm_is_a_warning_for_a_comparison_of_groups_and_info_for_a_crossover(tmp_path, model, severity):
    # A crossover's participants may all take each intervention in turn within one arm group.
    study = harness.clean_study()
    study["designs"][0]["intervention_model"] = model
    study["design_groups"] = study["design_groups"][:1]
    linked = study["design_groups"][0]["title"]
    links = study["design_group_interventions"]
    study["design_group_interventions"] = [r for r in links if r["design_group"] == linked]
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    checks.run_checks(con, run_id="t", as_of=harness.AS_OF)
    found = con.execute("SELECT severity FROM quality_issues WHERE rule_id = 'contradictions.multi_arm_model_one_arm'")
    assert [r[0] for r in found.fetchall()] == [severity]
