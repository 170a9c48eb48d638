"""An outcome without a time frame whose own words say when it is assessed (protocol.outcome_without_time_frame): a
list of time points that opens at baseline ("at baseline, 2 months, and 5 months"), a span from baseline to a visit
for an event ("between baseline visit (V1) and the visit(s) in exacerbation") and a visit's short name ("at V1"). The
message then says the measure or the description tells when. Baseline alone beside other words tells no time."""
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
)
TELLS_NO_TIME = (
    "Values at baseline, sex and age",
    "Difference between baseline characteristics and outcomes",
    "Link of fungal exposure at home with exacerbation frequency",
    "V1 antibody titre",
    "change from baseline",
    "Measured between baseline. And a visit",
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


def test_measures_listing_times_from_baseline_are_said_to_tell_when(tmp_path):
    [message] = _messages(tmp_path, [
        ("Caregiver strain in partners as assessed by the Caregiver Strain Index (CSI) at baseline, 2 months, and 5 "
         "months", None),
        ("Coping skills in survivors and partners at baseline, 2 months, and 5 months", None)])
    assert message.startswith("2 outcomes give no time frame; only their measures or descriptions say when they are "
                              "assessed: ")


def test_a_description_spanning_baseline_to_a_visit_is_said_to_tell_when(tmp_path):
    description = ("Increase in induced sputum eosinophils count assessed by cytology between baseline visit (V1) and "
                   "the visit(s) in exacerbation.")
    assert _messages(tmp_path, [("Induced sputum eosinophils count", description)]) == [
        "The outcome 'Induced sputum eosinophils count' (primary) gives no time frame; only its description says when "
        "it is assessed."]
