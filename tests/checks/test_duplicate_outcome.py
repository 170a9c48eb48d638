"""An outcome listed twice says which outcome, how often and as what; only the same measure, time frame and
description count as one outcome (case aside, and the description's spacing)."""
from __future__ import annotations

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULE = next(rule for rule in checks.all_rules() if rule.id == "contradictions.duplicate_outcome")
AE = {"measure": "Adverse Events", "time_frame": "90 days",
      "description": "Occurrence, relatedness and severity of adverse device effects"}


def _found(tmp_path, outcomes: list[dict]) -> list[tuple[str, str]]:
    study = harness.clean_study()
    study["design_outcomes"] = outcomes
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    return [(f.message, f.evidence) for f in findings_of(con, RULE, set_scope(con, None, harness.AS_OF))]


def test_one_outcome_as_primary_and_as_secondary(tmp_path):
    found = _found(tmp_path, [{"outcome_type": kind, **AE} for kind in ("secondary", "primary")])
    assert found == [(
        "The outcome 'Adverse Events' is listed as primary and as secondary with the same time frame and description.",
        "design_outcomes.measure = 'Adverse Events' in 2 rows (primary, secondary); time_frame = '90 days'; "
        "description = 'Occurrence, relatedness and severity of adverse device effects'")]


def test_one_secondary_outcome_three_times_is_one_issue(tmp_path):
    found = _found(tmp_path, [{"outcome_type": "secondary", **AE, "time_frame": frame, "description": text}
                              for frame, text in (("90 days", AE["description"]), ("90 Days", AE["description"]),
                                                  ("90 days", AE["description"].replace(" ", "\n", 2)))])
    assert [message for message, _ in found] == [
        "The secondary outcome 'Adverse Events' is listed 3 times with the same time frame and description."]


def test_other_time_frames_or_descriptions_are_other_outcomes(tmp_path):
    assert _found(tmp_path, [{"outcome_type": "primary", **AE},
                             {"outcome_type": "secondary", **AE, "time_frame": "180 days"},
                             {"outcome_type": "secondary", **AE, "description": "Serious adverse events only"}]) == []
