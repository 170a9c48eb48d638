"""An outcome without a time frame whose own words say when it is assessed (protocol.outcome_without_time_frame): a
bound before the time ("at >= 9 weeks", "at ≥ 9 weeks"), an end joined to another time point ("at baseline and end of
treatment"), each of the study's repeated steps ("after each treatment course"), a list of time points that opens at
baseline ("at baseline, 2 months, and 5 months"), a span from baseline to a visit for an event ("between baseline visit
(V1) and the visit(s) in exacerbation") or to the endpoint, the study's last visit ("from baseline to endpoint", "at
endpoint"), a follow-up of a length ("and 3-months follow-up") or a visit's short name ("at V1"). The message then
says the outcome's words tell when, not that when cannot be told. A length, "change from baseline" or baseline beside
other words alone tells no time."""
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
    # lists of time points from baseline, spans from baseline to a visit, a visit's short name
    "Caregiver strain in partners as assessed by the Caregiver Strain Index (CSI) at baseline, 2 months, and 5 months",
    "Quality of life at baseline and 12 weeks",
    "Pain at screening, week 4 and week 12",
    "Symptoms at baseline, at 6 months and at 12 months",
    "Increase in induced sputum eosinophils count assessed by cytology between baseline visit (V1) and the visit(s) in "
    "exacerbation.",
    "Increase in exhaled NO (FeNO50) between baseline visit (V1) and the visit (s) in exacerbation.",
    "Doubling of TARC rate compared between baseline (V1) and exacerbations is the primary endpoint",
    "Specific IgE measured at V1",
    "Change between randomization and discharge",
    # the endpoint, the study's last visit; a follow-up of a length
    "Changes in scores of EDITS question 1, from baseline to endpoint and 3-months follow-up in the three groups.",
    "Evaluated in three study periods: baseline, end-point and 3-months follow-up in the three groups.",
    "Mean change (baseline to endpoint) on HAMD17",
    "Remission rate (HAMD17 score <= 7 at endpoint)",
    "Long-term safety from baseline until study end point",
    "Erectile hardness as measured from baseline to the end of double-blind treatment (week 6)",
    "Recurrence over 12 months of follow-up",
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
    # baseline beside other words, a visit's name as a word of the measure
    "Values at baseline, sex and age",
    "Difference between baseline characteristics and outcomes",
    "Link of fungal exposure at home with exacerbation frequency",
    "V1 antibody titre",
    "Measured between baseline. And a visit",
    # the endpoint as the measure's name, follow-up as a rate
    "Time to endpoint",
    "The primary endpoint is the change from baseline",
    "The endpoint is defined as death from any cause",
    "Looking at endpoints across subgroups",
    "Loss to follow-up rate",
    "Baseline characteristics compared to the end",
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


def test_measures_listing_times_from_baseline_are_said_to_tell_when(tmp_path):
    [message] = _messages(tmp_path, [
        ("Caregiver strain in partners as assessed by the Caregiver Strain Index (CSI) at baseline, 2 months, and 5 "
         "months", None),
        ("Coping skills in survivors and partners at baseline, 2 months, and 5 months", None)])
    assert message.startswith("2 outcomes give no time frame; only their measures or descriptions say when they are "
                              "assessed: ")


def test_descriptions_from_baseline_to_endpoint_and_a_follow_up_are_said_to_tell_when(tmp_path):
    [message] = _messages(tmp_path, [
        ("Satisfaction with the treatment", "Changes in scores of EDITS question 1, from baseline to endpoint and "
                                            "3-months follow-up in the three groups."),
        ("Confidence", "Changes in EDITS question 7, evaluated in three study periods: baseline, end-point and "
                       "3-months follow-up in the three groups.")])
    assert message.startswith("2 outcomes give no time frame; only their descriptions say when they are assessed: ")


def test_a_description_spanning_baseline_to_a_visit_is_said_to_tell_when(tmp_path):
    description = ("Increase in induced sputum eosinophils count assessed by cytology between baseline visit (V1) and "
                   "the visit(s) in exacerbation.")
    assert _messages(tmp_path, [("Induced sputum eosinophils count", description)]) == [
        "The outcome 'Induced sputum eosinophils count' (primary) gives no time frame; only its description says when "
        "it is assessed."]
