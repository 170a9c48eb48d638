"""Severities and wording of the date-order rules on records whose dates the registry itself estimated: a posting
date it did not record (records first posted before 2017 carry '(Estimate)'). What fires or stays quiet is in
tests/checks/cases_dates.py; here, how loud it is and what it says."""
from __future__ import annotations

from datetime import date

import pytest

from checks.check_scope import set_scope
from checks.dates import RULES
from checks.rule_findings import findings_of
from tests.checks import harness

UPDATED_BEFORE_POSTED = {rule.id: rule for rule in RULES}["dates.last_update_before_first_posted"]
# Completed 2005, first submitted 2005-09-01: its posting dates as the registry gives them, the last update first.
LEGACY = dict(start_date=date(2004, 1, 1), primary_completion_date=None, primary_completion_date_type=None,
              completion_date=date(2005, 1, 1), study_first_submitted_date=date(2005, 9, 1),
              study_first_posted_date=date(2005, 9, 13), last_update_posted_date=date(2005, 9, 6),
              verification_date=date(2005, 9, 1))


def _findings(tmp_path, **values) -> list[tuple[str, str, str]]:
    """(severity, message, evidence) of each last_update_before_first_posted finding on the clean study changed by
    `values`."""
    study = harness.clean_study()
    study["studies"][0].update(values)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    try:
        found = findings_of(con, UPDATED_BEFORE_POSTED, set_scope(con, None, harness.AS_OF))
    finally:
        con.close()
    return [(f.severity or UPDATED_BEFORE_POSTED.severity, f.message, f.evidence) for f in found]


@pytest.mark.parametrize("first_type, update_type, shown", [
    pytest.param("ESTIMATED", "ESTIMATED", ("2005-09-13 (ESTIMATED)", "2005-09-06 (ESTIMATED)"), id="both estimated"),
    pytest.param("ESTIMATED", "ACTUAL", ("2005-09-13 (ESTIMATED)", "2005-09-06"), id="first posting estimated"),
    pytest.param("ACTUAL", "ESTIMATED", ("2005-09-13", "2005-09-06 (ESTIMATED)"), id="last update estimated"),
])
def test_an_order_that_rests_on_the_registrys_estimate_is_a_warning_that_names_it(tmp_path, first_type, update_type,
                                                                                    shown):
    found = _findings(tmp_path, study_first_posted_date_type=first_type, last_update_posted_date_type=update_type,
                      **LEGACY)
    assert found == [("warning", f"The record was first posted on {shown[0]}, after its last update posted on "
                                 f"{shown[1]}.",
                      f"study_first_posted_date={shown[0]}; last_update_posted_date={shown[1]}")]


@pytest.mark.parametrize("posting_type", [pytest.param("ACTUAL", id="both recorded"), pytest.param(None, id="untyped")])
def test_an_order_of_two_recorded_postings_stays_an_error(tmp_path, posting_type):
    found = _findings(tmp_path, study_first_posted_date_type=posting_type, last_update_posted_date_type=posting_type,
                      **LEGACY)
    assert found == [("error", "The record was first posted on 2005-09-13, after its last update posted on "
                               "2005-09-06.", "study_first_posted_date=2005-09-13; last_update_posted_date=2005-09-06")]
