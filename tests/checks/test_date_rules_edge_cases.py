"""Severities and wording of the date, status, timeliness and protocol rules on edge cases of the registry's rules:
what fires is in tests/checks/cases_*.py; here, how loud it is and what it says."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}

EXPANDED_ACCESS_ENDED = dict(
    study_type="EXPANDED_ACCESS", phase=None, overall_status="NO_LONGER_AVAILABLE", enrollment=None,
    enrollment_type=None, start_date=None, start_date_type=None, primary_completion_date=None,
    primary_completion_date_type=None, completion_date=date(2018, 6, 30), completion_date_precision="month",
    completion_date_type="ACTUAL", study_first_submitted_date=date(2019, 11, 20))
PLANNED_END = dict(primary_completion_date=date(2027, 1, 1), primary_completion_date_type="ESTIMATED",
                   completion_date=date(2027, 6, 1), completion_date_type="ESTIMATED",
                   last_update_posted_date=date(2026, 6, 1), verification_date=date(2026, 6, 1))
LEGACY_2001 = dict(start_date=date(2000, 6, 30), start_date_precision="month", start_date_type=None,
                   primary_completion_date=None, primary_completion_date_type=None,
                   completion_date=date(2003, 6, 30), completion_date_precision="month", completion_date_type=None,
                   study_first_submitted_date=date(2001, 3, 2), study_first_posted_date=date(2001, 3, 5),
                   last_update_posted_date=date(2005, 6, 24), verification_date=None)
DRUG_DUE = dict(study_first_submitted_date=date(2019, 11, 20), is_fda_regulated_drug=True)


def _findings(tmp_path, rule_id: str, as_of: date = harness.AS_OF, ages: dict | None = None, **values):
    """(severity, message, evidence) of each finding of `rule_id` on the clean study changed by `values`."""
    study = harness.clean_study()
    study["studies"][0].update(values)
    if ages:
        study["eligibilities"][0].update(ages)
    folder = tmp_path / as_of.isoformat()  # one warehouse per day judged
    folder.mkdir()
    con = harness.warehouse_with(folder, {"NCT01000001": study})
    rule = RULES[rule_id]
    found = findings_of(con, rule, set_scope(con, None, as_of))
    return [(f.severity or rule.severity, f.message, f.evidence) for f in found]


@pytest.mark.parametrize("rule_id, values, severities", [
    pytest.param("dates.registered_after_completion", EXPANDED_ACCESS_ENDED, ["info"], id="expanded access"),
    pytest.param("dates.registered_after_completion",
                 dict(start_date=date(2011, 1, 1), primary_completion_date=date(2012, 1, 1),
                      completion_date=date(2012, 6, 1), study_first_submitted_date=date(2013, 2, 1),
                      study_first_posted_date=date(2013, 2, 4)), ["warning"], id="phase 2 trial of 2011"),
    pytest.param("dates.ended_status_completion_ahead", PLANNED_END, ["error", "error"], id="completed, end ahead"),
    pytest.param("timeliness.late_registration", LEGACY_2001, ["info"], id="legacy record of 2001"),
    pytest.param("timeliness.late_registration",
                 dict(phase="PHASE1", study_first_submitted_date=date(2020, 6, 1),
                      study_first_posted_date=date(2020, 6, 4)), ["warning"], id="phase 1 begun 2020"),
    pytest.param("status.open_status_actual_primary_completion",
                 dict(overall_status="NOT_YET_RECRUITING", start_date_type="ESTIMATED"), ["error"],
                 id="not yet recruiting, primary completion ACTUAL"),
    pytest.param("status.withdrawn_with_enrollment",
                 dict(overall_status="WITHDRAWN", why_stopped="No funding", enrollment_type=None), ["info"],
                 id="withdrawn, untyped legacy count"),
    pytest.param("status.stopped_without_reason",
                 dict(overall_status="TERMINATED", start_date=date(2002, 1, 1), primary_completion_date=None,
                      completion_date=date(2004, 1, 1), study_first_submitted_date=date(2001, 12, 1),
                      study_first_posted_date=date(2001, 12, 5), last_update_posted_date=date(2005, 6, 24)),
                 ["info"], id="terminated 2004, posted before FDAAA"),
])
def test_severity_on_edge_cases(tmp_path, rule_id, values, severities):
    assert sorted(s for s, _m, _e in _findings(tmp_path, rule_id, **values)) == severities


def test_expanded_access_registered_after_it_ended_is_worth_knowing_only(tmp_path):
    """An expanded-access record is no trial: no rule asks it to register before it starts, and it has no
    outcomes that could have been chosen after the fact."""
    (severity, message, _evidence), = _findings(tmp_path, "dates.registered_after_completion", **EXPANDED_ACCESS_ENDED)
    assert severity == "info"
    assert "2018-06 (ACTUAL)" in message


def test_a_certificate_of_delay_submitted_after_the_deadline_says_it_extends_nothing(tmp_path):
    (severity, message, evidence), = _findings(
        tmp_path, "timeliness.results_overdue", as_of=date(2024, 5, 1),
        disposition_first_submitted_date=date(2023, 5, 1), **DRUG_DUE)
    assert severity == "warning"
    assert "due by 2022-06-01" in message
    assert "certificate of delay submitted=2023-05-01 (after the results were due: extends nothing)" in evidence


def test_a_certificate_of_delay_submitted_in_time_extends_the_deadline(tmp_path):
    found = _findings(tmp_path, "timeliness.results_overdue", as_of=date(2024, 5, 1),
                      disposition_first_submitted_date=date(2022, 5, 1), **DRUG_DUE)
    assert found == []
    (_severity, message, evidence), = _findings(tmp_path, "timeliness.results_overdue", as_of=date(2024, 6, 2),
                                                disposition_first_submitted_date=date(2022, 5, 1), **DRUG_DUE)
    assert "due by 2024-06-01" in message
    assert "certificate of delay submitted=2022-05-01;" in evidence


def test_an_ended_status_with_its_end_ahead_names_the_status_and_both_dates(tmp_path):
    messages = sorted(m for _s, m, _e in _findings(tmp_path, "dates.ended_status_completion_ahead",
                                                   overall_status="TERMINATED", why_stopped="Funding", **PLANNED_END))
    assert messages == [
        "Status is TERMINATED but the completion date 2027-06-01 (ESTIMATED) is after the record's last update "
        "posted on 2026-06-01: the record says the study ended before the day it gives as its end.",
        "Status is TERMINATED but the primary completion date 2027-01-01 (ESTIMATED) is after the record's last "
        "update posted on 2026-06-01: the record says the study ended before the day it gives as its end."]


def test_a_legacy_record_is_judged_by_its_update_submitted_and_says_so(tmp_path):
    legacy = dict(PLANNED_END, last_update_posted_date=None, last_update_posted_date_precision=None,
                  last_update_submitted_date=date(2026, 6, 1))
    found = sorted(_findings(tmp_path, "dates.ended_status_completion_ahead", **legacy))
    assert [(severity, evidence) for severity, _m, evidence in found] == [
        ("error", "overall_status=COMPLETED; completion_date=2027-06-01 (ESTIMATED); "
                  "last_update_submitted_date=2026-06-01"),
        ("error", "overall_status=COMPLETED; primary_completion_date=2027-01-01 (ESTIMATED); "
                  "last_update_submitted_date=2026-06-01")]
    assert found[0][1] == ("Status is COMPLETED but the completion date 2027-06-01 (ESTIMATED) is after the record's "
                           "last update submitted on 2026-06-01: the record says the study ended before the day it "
                           "gives as its end.")
    (tmp_path / "actual").mkdir()
    actual = _findings(tmp_path / "actual", "dates.actual_after_last_update", last_update_posted_date=None,
                       last_update_posted_date_precision=None, last_update_submitted_date=date(2021, 8, 1))
    assert [m for _s, m, _e in actual] == [
        "The completion date 2021-09-01 (ACTUAL) is after the record's last update submitted on 2021-08-01."]


@pytest.mark.parametrize("minimum, maximum, fires", [
    ("18 Years", "6 Months", True), ("13 Months", "1 Year", True), ("27 Weeks", "6 Months", True),
    ("1 Year", "365 Days", False), ("1 Month", "4 Weeks", False), ("12 Months", "1 Year", False),
    ("1 Year", "12 Months", False), ("4 Years", "1461 Days", False),
])
def test_ages_in_different_units_compare_as_calendar_lengths(tmp_path, minimum, maximum, fires):
    found = _findings(tmp_path, "protocol.minimum_age_above_maximum",
                      ages={"minimum_age": minimum, "maximum_age": maximum})
    assert [s for s, _m, _e in found] == (["error"] if fires else [])
