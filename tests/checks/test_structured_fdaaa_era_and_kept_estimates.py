"""Severities and wording of the status, date and timeliness rules on records whose status says more than their first
posting: a stopped study that ran past FDAAA, an estimate kept by a record that says the date has happened. What
fires or stays quiet is in tests/checks/cases_*.py; here, how loud it is and what it says."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
STOPPED = "status.stopped_without_reason"
KEPT = "dates.estimate_kept_long_past"


def _findings(tmp_path, rule_id: str, **values) -> list[tuple[str, str, str]]:
    """(severity, message, evidence) of each finding of `rule_id` on the clean study changed by `values`."""
    study = harness.clean_study()
    study["studies"][0].update(values)
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    rule = RULES[rule_id]
    try:
        found = findings_of(con, rule, set_scope(con, None, harness.AS_OF))
    finally:
        con.close()
    return [(f.severity or rule.severity, f.message, f.evidence) for f in found]


# Terminated with no reason, first posted in 2005; each shape gives the dates that say when it stopped.
POSTED_2005 = dict(overall_status="TERMINATED", why_stopped=None, study_first_submitted_date=date(2005, 2, 25),
                   study_first_posted_date=date(2005, 3, 1))
ENDED_2004 = dict(start_date=date(2002, 1, 1), primary_completion_date=None, primary_completion_date_type=None,
                  completion_date=date(2004, 1, 1), last_update_posted_date=date(2005, 6, 24), verification_date=None)


@pytest.mark.parametrize("values, severity", [
    pytest.param({}, "warning", id="posted 2005, completed 2021-09-01 (ACTUAL), updated 2022"),
    pytest.param(ENDED_2004, "info", id="posted 2005, ended 2004, last updated 2005"),
    pytest.param(dict(completion_date=date(2007, 9, 30), completion_date_precision="month",
                      primary_completion_date=date(2007, 9, 30), primary_completion_date_precision="month",
                      start_date=date(2005, 6, 1)),
                 "info", id="ended 2007-09, which may be before 2007-09-27"),
    pytest.param(dict(start_date=date(2009, 5, 31), start_date_precision="month",
                      study_first_posted_date=date(2007, 4, 11), study_first_submitted_date=date(2007, 4, 10),
                      primary_completion_date=date(2011, 5, 31),
                      completion_date=date(2011, 5, 31), completion_date_precision="month",
                      last_update_posted_date=date(2014, 2, 25)),
                 "warning", id="posted 2007-04, started 2009 (NCT00458770)"),
    pytest.param(dict(start_date=date(1981, 1, 19), start_date_type=None, primary_completion_date=None,
                      primary_completion_date_type=None, completion_date=date(2012, 12, 17), completion_date_type=None,
                      study_first_submitted_date=date(1999, 11, 3), study_first_posted_date=date(1999, 11, 4),
                      last_update_posted_date=date(2019, 12, 12), source_layout="ctgov_xml"),
                 "warning", id="legacy record posted 1999, its untyped completion 2012 (NCT00001178)"),
    pytest.param({**ENDED_2004, "completion_date": date(2010, 6, 30), "completion_date_type": None},
                 "info", id="untyped completion 2010 after the last update of 2005: only a plan then"),
    pytest.param({**ENDED_2004, "completion_date": date(2012, 1, 1), "completion_date_type": "ESTIMATED",
                  "last_update_posted_date": date(2013, 4, 11)},
                 "info", id="an estimated completion 2012 says nothing of when it stopped"),
    pytest.param(dict(overall_status="WITHDRAWN", enrollment=0, completion_date=date(2010, 5, 31),
                      last_update_posted_date=date(2012, 4, 24)),
                 "info", id="withdrawn: its dates are the plan it never ran"),
    pytest.param(dict(overall_status="SUSPENDED", start_date=date(2008, 3, 1), primary_completion_date=date(2028, 1, 1),
                      primary_completion_date_type="ESTIMATED", completion_date=date(2028, 6, 1),
                      completion_date_type="ESTIMATED", last_update_posted_date=date(2009, 2, 1),
                      verification_date=date(2009, 2, 1)),
                 "warning", id="suspended, started 2008: suspended after FDAAA"),
    pytest.param(dict(study_first_posted_date=None, study_first_submitted_date=None, **ENDED_2004),
                 "info", id="no first posting given, last updated 2005"),
])
def test_a_reason_for_stopping_is_judged_by_when_the_study_stopped(tmp_path, values, severity):
    found = _findings(tmp_path, STOPPED, **{**POSTED_2005, **values})
    assert [s for s, _m, _e in found] == [severity]


def test_an_old_record_that_ran_past_fdaaa_says_which_date_shows_it(tmp_path):
    (severity, message, evidence), = _findings(tmp_path, STOPPED, **POSTED_2005)
    assert (severity, message) == ("warning", "Status is TERMINATED but the record gives no reason why the study "
                                              "stopped.")
    assert evidence == ("overall_status=TERMINATED; why_stopped=NULL; first made public 2005-03-01, before FDAAA "
                        "required a reason, but the study was still running on its completion date 2021-09-01 "
                        "(ACTUAL)")


def test_a_legacy_record_without_a_posted_date_that_ran_past_fdaaa_is_a_warning(tmp_path):
    (severity, _message, evidence), = _findings(
        tmp_path, STOPPED, overall_status="TERMINATED", why_stopped="N/A", study_first_posted_date=None,
        study_first_submitted_date=date(2005, 6, 23), source_layout="ctgov_xml")
    assert severity == "warning"
    assert evidence.endswith("first made public 2005-06-23, before FDAAA required a reason, but the study was still "
                             "running on its completion date 2021-09-01 (ACTUAL)")


def test_a_recent_record_keeps_its_evidence(tmp_path):
    assert _findings(tmp_path, STOPPED, overall_status="TERMINATED", why_stopped="Other") == [(
        "warning", "Status is TERMINATED but why the study stopped is given only as 'Other', which names no reason.",
        "overall_status=TERMINATED; why_stopped=Other")]


def test_an_estimated_start_of_a_study_no_longer_recruiting_is_told_with_its_status(tmp_path):
    found = _findings(tmp_path, KEPT, overall_status="ACTIVE_NOT_RECRUITING", start_date_type="ESTIMATED",
                      primary_completion_date=date(2027, 1, 1), primary_completion_date_type="ESTIMATED",
                      completion_date=date(2027, 6, 1), completion_date_type="ESTIMATED",
                      last_update_posted_date=date(2020, 3, 20), verification_date=date(2020, 3, 1))
    assert found == [(
        "warning", "The start date 2020-01-16 (ESTIMATED) was still an estimate when the record, which calls the study "
                   "ACTIVE_NOT_RECRUITING, was last updated on 2020-03-20, 64 days later.",
        "start_date=2020-01-16 (ESTIMATED); last_update_posted_date=2020-03-20; overall_status=ACTIVE_NOT_RECRUITING")]


def test_a_completed_study_kept_an_estimate_past_the_30_days_is_told_in_days_from_the_posting(tmp_path):
    (severity, message, _evidence), = _findings(
        tmp_path, KEPT, completion_date=date(2021, 12, 1), completion_date_type="ESTIMATED",
        last_update_submitted_date=date(2022, 1, 12), last_update_posted_date=date(2022, 1, 15))
    assert (severity, message) == (
        "warning", "The completion date 2021-12-01 (ESTIMATED) was still an estimate when the record, which calls the "
                   "study COMPLETED, was last updated on 2022-01-15, 45 days later.")


@pytest.mark.parametrize("submitted, fires", [(date(2021, 12, 31), False), (date(2022, 1, 1), True)])
def test_the_30_days_run_to_the_updates_submission(tmp_path, submitted, fires):
    found = _findings(tmp_path, KEPT, completion_date=date(2021, 12, 1), completion_date_type="ESTIMATED",
                      last_update_submitted_date=submitted, last_update_posted_date=date(2022, 2, 1))
    assert bool(found) == fires
