"""A field FDAAA made required is a warning when missing, but only info on a record posted before it."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.engine import run_rules
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}


def _run(con, rule_id: str) -> None:
    """Run the one rule as a run runs every rule (the engine writes its issues, the severity resolved): each
    rule here judges a study alone, and all 83 rules over one study cost ~0.55 s a test."""
    run_rules(con, [RULES[rule_id]], run_id="t", as_of=harness.AS_OF)


@pytest.mark.parametrize("posted, severity", [(date(2003, 5, 1), "info"), (date(2012, 5, 1), "warning")])
def test_missing_primary_outcome_severity_follows_the_registration_era(tmp_path, posted, severity):
    study = harness.clean_study()
    study["studies"][0]["study_first_posted_date"] = posted
    study["design_outcomes"] = [o for o in study["design_outcomes"] if o["outcome_type"] != "primary"]
    con = harness.warehouse_with(tmp_path, {"NCT00100001": study})
    _run(con, "missing_fields.no_primary_outcome")
    rows = con.execute("SELECT severity, evidence FROM quality_issues "
                       "WHERE rule_id = 'missing_fields.no_primary_outcome'").fetchall()
    assert [r[0] for r in rows] == [severity]
    assert ("before FDAAA" in rows[0][1]) == (severity == "info")


def test_a_finding_cannot_invent_a_severity(tmp_path):
    from checks.rule import Finding, Rule

    rule = Rule("test.odd", "missing_field", "warning", "r", ("studies.nct_id",),
                func=lambda con, as_of: [Finding("NCT01000001", "Odd.", severity="fatal")])
    con = harness.warehouse_with(tmp_path, {"NCT01000001": harness.clean_study()})
    run_rules(con, [rule], run_id="t", as_of=harness.AS_OF)
    assert con.execute("SELECT severity FROM quality_issues").fetchall() == [("warning",)]


def _severities(tmp_path, rule_id: str, **values) -> list[str]:
    """The severities `rule_id` gives the clean study changed by `values`."""
    study = harness.clean_study()
    study["studies"][0].update(values)
    con = harness.warehouse_with(tmp_path, {"NCT00100001": study})
    _run(con, rule_id)
    return [r[0] for r in con.execute(
        "SELECT severity FROM quality_issues WHERE rule_id = ?", [rule_id]).fetchall()]


@pytest.mark.parametrize("completed, submitted, severity", [
    (date(2003, 6, 1), date(2005, 9, 1), "info"),      # bulk-registered when ICMJE came
    (date(2012, 6, 1), date(2013, 2, 1), "warning"),
])
def test_registered_after_completion_is_info_before_icmje(tmp_path, completed, submitted, severity):
    found = _severities(tmp_path, "dates.registered_after_completion", start_date=date(2001, 1, 1),
                        primary_completion_date=None, completion_date=completed,
                        study_first_submitted_date=submitted, study_first_posted_date=submitted)
    assert found == [severity]


@pytest.mark.parametrize("study_type, severity", [("OBSERVATIONAL", "info"), ("INTERVENTIONAL", "warning")])
def test_registered_after_completion_is_info_for_an_observational_study(tmp_path, study_type, severity):
    """No law or journal asks an observational study (a chart review, a registry) to register before it
    starts: registering it once its data are in is worth knowing, not likely wrong."""
    found = _severities(tmp_path, "dates.registered_after_completion", study_type=study_type, phase=None,
                        start_date=date(2015, 1, 1), primary_completion_date=None, completion_date=date(2016, 6, 1),
                        study_first_submitted_date=date(2018, 2, 8), study_first_posted_date=date(2018, 2, 8))
    assert found == [severity]


@pytest.mark.parametrize("started, submitted, severity", [
    (date(2003, 1, 10), date(2003, 6, 1), "info"), (date(2020, 1, 16), date(2020, 6, 1), "warning")])
def test_late_registration_is_info_before_icmje(tmp_path, started, submitted, severity):
    found = _severities(tmp_path, "timeliness.late_registration", start_date=started,
                        study_first_submitted_date=submitted, study_first_posted_date=submitted)
    assert found == [severity]


@pytest.mark.parametrize("phase, started, severity", [
    ("PHASE1", date(2005, 10, 1), "info"), ("EARLY_PHASE1", date(2008, 6, 1), "info"),
    ("PHASE1", date(2008, 7, 1), "warning"), ("PHASE1/PHASE2", date(2005, 10, 1), "warning"),
    ("PHASE2", date(2005, 10, 1), "warning")])
def test_late_registration_is_info_for_a_phase_1_trial_started_before_icmje_covered_it(
        tmp_path, phase, started, severity):
    """ICMJE's 2005 rule left out phase 1 trials until those enrolling from 2008-07-01 (NCT00493155, a phase 1
    dose escalation begun 2005-10, submitted 2007-06); FDAAA never covered them."""
    submitted = date(started.year + 1, 6, 27)
    found = _severities(tmp_path, "timeliness.late_registration", phase=phase, start_date=started,
                        study_first_submitted_date=submitted, study_first_posted_date=submitted)
    assert found == [severity]


@pytest.mark.parametrize("phase, started, severity", [
    ("PHASE1", date(2006, 1, 1), "info"), ("PHASE1", date(2009, 1, 1), "warning"), ("PHASE2", date(2006, 1, 1),
                                                                                   "warning")])
def test_registered_after_completion_is_info_for_a_phase_1_trial_begun_before_icmje_covered_it(
        tmp_path, phase, started, severity):
    found = _severities(tmp_path, "dates.registered_after_completion", phase=phase, start_date=started,
                        primary_completion_date=None, completion_date=date(started.year + 1, 6, 1),
                        study_first_submitted_date=date(started.year + 2, 2, 1),
                        study_first_posted_date=date(started.year + 2, 2, 1))
    assert found == [severity]


def test_a_record_posted_before_the_submission_date_it_gives_was_registered_by_its_posting(tmp_path):
    """NCT00001440 (legacy XML): first submitted 2006-07-13, first posted 1999-11-04, completed 2002-01: it was
    public two years before it ended; its submission date was stamped again later."""
    assert _severities(tmp_path, "dates.registered_after_completion", start_date=date(1995, 9, 1),
                       primary_completion_date=None, completion_date=date(2002, 1, 1),
                       study_first_submitted_date=date(2006, 7, 13), study_first_posted_date=date(1999, 11, 4)) == []
    assert _severities(tmp_path / "after", "dates.registered_after_completion", start_date=date(2010, 9, 1),
                       primary_completion_date=None, completion_date=date(2012, 1, 1),
                       study_first_submitted_date=date(2016, 7, 13), study_first_posted_date=date(2013, 11, 4)) == [
        "warning"]


@pytest.mark.parametrize("events, found", [
    ([("RELEASE", date(2022, 8, 9)), ("RESET", date(2022, 9, 1)), ("RELEASE", date(2022, 10, 3)),
      ("RESET", date(2022, 11, 2)), ("RELEASE", date(2022, 11, 20))],
     [("info", "Primary completion was 2021-06-30 (ACTUAL) and results were due by 2022-06-30; they were first "
               "submitted on 2022-08-09, 40 days late, and are not posted as of 2026-11-22: the registry's review "
               "returned them 2 times, last on 2022-11-02.")]),
    ([("RELEASE", date(2022, 8, 9))],
     [("info", "Primary completion was 2021-06-30 (ACTUAL) and results were due by 2022-06-30; they were first "
               "submitted on 2022-08-09, 40 days late, and are not posted as of 2026-11-22: the registry's review "
               "has not returned them.")]),
    ([("RELEASE", date(2022, 6, 30))], []),
    ([], [("warning", "Primary completion was 2021-06-30 (ACTUAL) and results were due by 2022-06-30, but none "
                      "were submitted as of 2026-11-22.")]),
], ids=["late-returned-twice", "late", "on-the-day", "none"])
def test_results_submitted_and_not_yet_posted_are_not_overdue_and_late_ones_are_info(tmp_path, events, found):
    """NCT04948307: results due 2024-04-12, submitted 2024-05-06 and returned three times by the registry's
    quality-control review; 'none were submitted' was false."""
    study = harness.clean_study()
    study["studies"][0].update(study_first_submitted_date=date(2019, 11, 20), is_fda_regulated_drug=True,
                               primary_completion_date=date(2021, 6, 30))
    study["pending_results"] = [{"event": e, "event_date_description": str(d), "event_date": d} for e, d in events]
    con = harness.warehouse_with(tmp_path, {"NCT00100001": study})
    _run(con, "timeliness.results_overdue")
    assert con.execute("SELECT severity, message FROM quality_issues "
                       "WHERE rule_id = 'timeliness.results_overdue'").fetchall() == found


@pytest.mark.parametrize("enrollment_type, severity", [("ACTUAL", "error"), ("ESTIMATED", "info"), (None, "info")])
def test_withdrawn_enrollment_is_an_error_only_when_actual(tmp_path, enrollment_type, severity):
    found = _severities(tmp_path, "status.withdrawn_with_enrollment", overall_status="WITHDRAWN",
                        why_stopped="No funding", enrollment=40, enrollment_type=enrollment_type)
    assert found == [severity]


@pytest.mark.parametrize("status, severity", [("NOT_YET_RECRUITING", "error"), ("RECRUITING", "warning")])
def test_open_status_with_actual_completion(tmp_path, status, severity):
    found = _severities(tmp_path, "status.open_status_actual_primary_completion", overall_status=status)
    assert found == [severity]


@pytest.mark.parametrize("posted, dates, severity", [
    (date(2005, 3, 1), harness.ENDED_BEFORE_FDAAA, "info"),
    (date(2005, 3, 1), {}, "warning"),  # first posted before FDAAA, but it ran to 2021: it stopped after
    (date(2012, 3, 1), {}, "warning"),
])
def test_stopped_without_reason_follows_fdaaa(tmp_path, posted, dates, severity):
    found = _severities(tmp_path, "status.stopped_without_reason", overall_status="TERMINATED",
                        study_first_posted_date=posted, **dates)
    assert found == [severity]


def _no_design_groups(study: dict) -> None:
    study["design_groups"] = []
    study["design_group_interventions"] = []


# (rule, changes to the clean study that make it fire): the rules whose severity follows FDAAA.
_FDAAA_RULES = [
    ("missing_fields.no_primary_outcome", {},
     lambda s: s.update(design_outcomes=[o for o in s["design_outcomes"] if o["outcome_type"] != "primary"])),
    ("protocol.interventional_design_missing", {}, _no_design_groups),
    ("status.stopped_without_reason", {"overall_status": "TERMINATED", "why_stopped": None}, lambda s: None),
    ("contradictions.closed_status_estimated_enrollment", {"enrollment_type": "ESTIMATED"}, lambda s: None),
]


@pytest.mark.parametrize("rule_id, values, change", _FDAAA_RULES, ids=[r[0] for r in _FDAAA_RULES])
@pytest.mark.parametrize("submitted, severity", [(date(2005, 6, 23), "info"), (date(2013, 6, 13), "warning")])
def test_a_legacy_xml_record_without_a_posted_date_is_judged_by_its_first_submission(
        tmp_path, rule_id, values, change, submitted, severity):
    """Legacy XML of before 2017 gives firstreceived_date (the first submission) and no posted date: a record
    submitted in 2005 was made public before FDAAA, and is not judged as if it were posted today."""
    study = harness.clean_study()
    # submitted before FDAAA, of a study that ended before it too (one that ran past it stopped after it)
    ended = harness.ENDED_BEFORE_FDAAA if severity == "info" else {}
    study["studies"][0].update(values, **ended, study_first_posted_date=None, study_first_submitted_date=submitted,
                               study_first_submitted_qc_date=None, source_layout="ctgov_xml")
    change(study)
    con = harness.warehouse_with(tmp_path, {"NCT00100001": study})
    _run(con, rule_id)
    rows = con.execute("SELECT severity, evidence FROM quality_issues WHERE rule_id = ?", [rule_id]).fetchall()
    assert [r[0] for r in rows] == [severity]
    said = f"first submitted {submitted}, before FDAAA required it"
    assert (said in rows[0][1]) == (severity == "info" and rule_id.startswith(("missing_fields", "contradictions")))


@pytest.mark.parametrize("why_stopped, severity", [
    ("Terminated early due to sufficient data acquired to meet our study objectives", "warning"),
    ("Recruitment closed early after the interim analysis", "warning"),
    ("Enrollment paused during the COVID-19 pandemic, then resumed", "info"),
    ("Recruitment temporarily halted due to COVID-19; resumed in 2021", "info"),
    ("Closed to accrual", "info"),
    ("Terminated early", "warning"),
])
def test_a_completed_studys_reason_for_stopping_is_a_warning_only_where_it_says_it_ended_early(
        tmp_path, why_stopped, severity):
    found = _severities(tmp_path, "status.completed_with_reason_stopped", why_stopped=why_stopped)
    assert found == [severity]


@pytest.mark.parametrize("submitted, posted, severity, said", [
    (date(2019, 3, 4), date(2019, 3, 6), "warning", ""),
    (date(2012, 5, 1), date(2012, 5, 3), "info", "; first submitted 2012-05-01, before the Final Rule required it"),
    (None, date(2016, 12, 30), "info", "; first submitted 2016-12-30, before the Final Rule required it"),
    (date(2017, 1, 18), date(2017, 1, 20), "warning", ""),
])
def test_a_missing_study_completion_date_is_info_before_the_final_rule_required_it(tmp_path, submitted, posted,
                                                                                   severity, said):
    study = harness.clean_study()
    study["studies"][0].update(study_first_submitted_date=submitted, study_first_posted_date=posted,
                               completion_date=None)
    con = harness.warehouse_with(tmp_path, {"NCT03100001": study})
    _run(con, "missing_fields.no_study_completion_date")
    ((found, evidence, message),) = con.execute(
        "SELECT severity, evidence, message FROM quality_issues").fetchall()
    assert found == severity and evidence.endswith(f"completion_date=NULL; study_type=INTERVENTIONAL; "
                                                   f"overall_status=COMPLETED{said}")
    assert message == "Study gives a primary completion date but no study completion date."
