"""An outcome without a time frame: which outcomes, how each time frame was given, and its severity by era."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

import checks
from checks.check_scope import set_scope
from checks.protocol_outcomes import no_time_frame
from checks.rule_findings import findings_of
from tests.checks import harness

RULE = next(rule for rule in checks.all_rules() if rule.id == "protocol.outcome_without_time_frame")


def _found(tmp_path, outcomes: list[dict], **studies_row) -> list[tuple[str, str, str | None]]:
    study = harness.clean_study()
    study["design_outcomes"] = outcomes
    study["studies"][0].update(studies_row)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    return [(f.message, f.evidence, f.severity) for f in findings_of(con, RULE, set_scope(con, None, harness.AS_OF))]


def _outcome(kind: str, measure: str, time_frame: str | None) -> dict:
    return {"outcome_type": kind, "measure": measure, "time_frame": time_frame, "description": None}


def test_one_outcome_is_named_with_its_type(tmp_path):
    assert _found(tmp_path, [_outcome("primary", "ESSDAI", "12 weeks"), _outcome("secondary", "ESSPRI", None)]) == [(
        "The outcome 'ESSPRI' (secondary) gives no time frame, so when it is assessed cannot be told.",
        "secondary 'ESSPRI': time_frame=NULL", "warning")]


def test_several_outcomes_primary_first_the_rest_counted(tmp_path):
    outcomes = [_outcome("secondary", f"S{i}", "N/A") for i in range(1, 6)] + [_outcome("primary", "P", None)]
    [(message, evidence, _)] = _found(tmp_path, outcomes)
    assert message == ("6 outcomes give no time frame, so when they are assessed cannot be told: 'P' (primary), "
                       "'S1' (secondary), 'S2' (secondary), 'S3' (secondary), 'S4' (secondary) and 1 more.")
    assert evidence == ("primary 'P': time_frame=NULL; secondary 'S1': time_frame='N/A'; secondary 'S2': "
                        "time_frame='N/A'; secondary 'S3': time_frame='N/A'; secondary 'S4': time_frame='N/A'; "
                        "1 more alike")


def test_a_long_measure_is_quoted_by_its_start(tmp_path):
    measure = "Change from baseline in the total score of the questionnaire " * 3
    [(message, _, _)] = _found(tmp_path, [_outcome("primary", measure, None)])
    assert "'Change from baseline in the total score of the questionnaire Change from baseli…' (primary)" in message


def test_a_record_made_public_before_fdaaa_is_told_at_info(tmp_path):
    [(_, evidence, severity)] = _found(tmp_path, [_outcome("primary", "VAS", None)],
                                       study_first_posted_date=date(2005, 9, 22))
    assert severity == "info"
    assert evidence == "primary 'VAS': time_frame=NULL; first posted 2005-09-22, before FDAAA required it"


def test_a_legacy_record_after_fdaaa_is_a_warning(tmp_path):
    [(_, _, severity)] = _found(tmp_path, [_outcome("primary", "VAS", "Not Provided")], source_layout="ctgov_xml",
                                study_first_posted_date=date(2008, 3, 1))
    assert severity == "warning"


@pytest.mark.parametrize("time_frame, absent", [
    (None, True), ("", True), (" \n ", True), ("N/A", True), ("n/a.", True), ("Not Provided", True),
    ("not  specified", True), ("TBD", True), ("-", True), ("--", True), ("Unknown", True),
    ("Baseline", False), ("12 weeks", False), ("At enrolment", False), ("Throughout study", False),
    ("until death", False), ("Not provided before week 4", False), ("Day 1", False),
])
def test_time_frame_phrases(time_frame, absent):
    con = duckdb.connect()
    assert con.execute(f"SELECT {no_time_frame('$t')}", {"t": time_frame}).fetchone()[0] is absent
