"""An outcome without a time frame whose own words say when it is assessed (protocol.outcome_without_time_frame): a
bound before the time ("at >= 9 weeks", "at ≥ 9 weeks"), an end joined to another time point ("at baseline and end of
treatment") or each of the study's repeated steps ("after each treatment course"). The message then says the
outcome's words tell when, not that when cannot be told. A length or "change from baseline" alone tells no time."""
from __future__ import annotations

import duckdb
import pytest

import checks
from checks.check_scope import set_scope
from checks.protocol_outcomes import described_time
from checks.rule_findings import findings_of
from tests.checks import harness

RULE = next(rule for rule in checks.all_rules() if rule.id == "protocol.outcome_without_time_frame")

TELLS_WHEN = (
    "Response rate as measured by RECIST at ≥ 9 weeks",
    "Response rate at >= 9 weeks",
    "Disease control at > 6 months",
    "Tumour size at ~12 weeks",
    "Morning peak expiratory flow (PEF) at baseline and end of treatment",
    "Quality of life at baseline and the end of therapy",
    "Change from baseline to end of study in HbA1c",
    "Toxicity after each treatment course",
    "Resource use after each treatment course",
    "Pain scores before every infusion",
    "Adverse events at each visit",
    "Trough level at the end of each cycle",
)
TELLS_NO_TIME = (
    "over 1 hour x 5 days",
    "change from baseline",
    "Number of treatment courses given",
    "Each course of treatment is 21 days",
    "Drug X 5 mg/kg every 3 weeks",
    "Mean score > 5 points",
    "Weeks of treatment ≥ 9",
    "Dose at each level",
)


@pytest.mark.parametrize(("text", "tells"), [(t, True) for t in TELLS_WHEN] + [(t, False) for t in TELLS_NO_TIME])
def test_outcome_words_that_tell_when(text, tells):
    con = duckdb.connect()
    assert con.execute(f"SELECT {described_time('$t')}", {"t": text}).fetchone()[0] is tells


def _messages(tmp_path, outcomes: list[tuple[str, str | None]]) -> list[str]:
    study = harness.clean_study()
    study["design_outcomes"] = [{"outcome_type": "primary", "measure": measure, "time_frame": None,
                                 "description": description} for measure, description in outcomes]
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    return [f.message for f in findings_of(con, RULE, set_scope(con, None, harness.AS_OF))]


def test_a_measure_that_tells_when_is_said_to(tmp_path):
    assert _messages(tmp_path, [("Response rate as measured by RECIST at ≥ 9 weeks", None)]) == [
        "The outcome 'Response rate as measured by RECIST at ≥ 9 weeks' (primary) gives no time frame; only its "
        "measure says when it is assessed."]


def test_descriptions_that_tell_when_each_course_are_counted(tmp_path):
    [message] = _messages(tmp_path, [("Toxicity", "Graded after each treatment course"),
                                     ("Resource use", "Recorded after each treatment course"),
                                     ("Survival", None)])
    assert message.startswith("3 outcomes give no time frame (2 say when they are assessed only in their "
                              "descriptions): ")


def test_an_outcome_whose_words_tell_no_time_cannot_be_told(tmp_path):
    assert _messages(tmp_path, [("Infusion over 1 hour x 5 days", "change from baseline")]) == [
        "The outcome 'Infusion over 1 hour x 5 days' (primary) gives no time frame, so when it is assessed cannot be "
        "told."]
