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


# The cases of the parametrized tests below: each case's study under an NCT number of its own, all of them judged
# by one run of the checks (`judged`), as a load of many studies is.
ERA_CASES = [
    # first posted before FDAAA, and ended before it too (one that ran past it closed under FDAAA: a warning,
    # tests/checks/test_status_stop_reason_pointers_and_closed_enrolment.py)
    (date(2003, 5, 1), harness.ENDED_BEFORE_FDAAA, "info"),
    (date(2012, 5, 1), {}, "warning"),
]
ACTUALS_CASES = [
    ("ACTUAL", 40, "error"),
    ("ESTIMATED", 40, "error"),
    ("ESTIMATED", 0, "warning"),
    ("ACTUAL", 0, "error"),
]
ONE_ARM_CASES = [("PARALLEL", "warning"), ("FACTORIAL", "warning"), ("CROSSOVER", "info")]


def _with_studies_row(**studies_row) -> dict:
    study = harness.clean_study()
    study["studies"][0].update(studies_row)
    return study


def _one_arm_study(model: str) -> dict:
    # A crossover's participants may all take each intervention in turn within one arm group.
    study = harness.clean_study()
    study["designs"][0]["intervention_model"] = model
    study["design_groups"] = study["design_groups"][:1]
    linked = study["design_groups"][0]["title"]
    links = study["design_group_interventions"]
    study["design_group_interventions"] = [r for r in links if r["design_group"] == linked]
    return study


def _nct_id(family: int, case: int) -> str:
    """The NCT number of a family's case (1: era, 2: actuals, 3: one arm)."""
    return f"NCT0{family}{case + 1:06d}"


@pytest.fixture(scope="module")
def judged(tmp_path_factory) -> dict[tuple[str, str], list[str]]:
    """The severities each rule gave each case's study: {(nct_id, rule_id): [severity, ...]}."""
    studies = {}
    for case, (posted, dates, _severity) in enumerate(ERA_CASES):
        studies[_nct_id(1, case)] = _with_studies_row(enrollment_type="ESTIMATED", study_first_posted_date=posted,
                                                      **dates)
    for case, (start_type, enrollment, _severity) in enumerate(ACTUALS_CASES):
        studies[_nct_id(2, case)] = _with_studies_row(overall_status="NOT_YET_RECRUITING", start_date_type=start_type,
                                                      enrollment=enrollment, enrollment_type="ACTUAL")
    for case, (model, _severity) in enumerate(ONE_ARM_CASES):
        studies[_nct_id(3, case)] = _one_arm_study(model)
    con = harness.warehouse_with(tmp_path_factory.mktemp("cases"), studies)
    try:
        checks.run_checks(con, run_id="t", as_of=harness.AS_OF)
        found: dict[tuple[str, str], list[str]] = {}
        for nct_id, rule_id, severity in con.execute("SELECT nct_id, rule_id, severity FROM quality_issues").fetchall():
            found.setdefault((nct_id, rule_id), []).append(severity)
        return found
    finally:
        con.close()


@pytest.mark.parametrize("posted, dates, severity", ERA_CASES)
def test_an_estimated_enrollment_on_a_closed_study_follows_the_registration_era(judged, posted, dates, severity):
    nct_id = _nct_id(1, ERA_CASES.index((posted, dates, severity)))
    assert judged.get((nct_id, "contradictions.closed_status_estimated_enrollment"), []) == [severity]


@pytest.mark.parametrize("start_type, enrollment, severity", ACTUALS_CASES)
def test_actuals_before_recruiting(judged, start_type, enrollment, severity):
    nct_id = _nct_id(2, ACTUALS_CASES.index((start_type, enrollment, severity)))
    assert judged.get((nct_id, "contradictions.not_yet_recruiting_with_actuals"), []) == [severity]


@pytest.mark.parametrize("model, severity", ONE_ARM_CASES)
def test_one_arm_is_a_warning_for_a_comparison_of_groups_and_info_for_a_crossover(judged, model, severity):
    nct_id = _nct_id(3, ONE_ARM_CASES.index((model, severity)))
    assert judged.get((nct_id, "contradictions.multi_arm_model_one_arm"), []) == [severity]
