"""What the structural rules (a record's own fields against each other) say of edge-case records: the message states
the record as it is, and the severity is what a registry reviewer would accept."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}


def _findings(tmp_path, rule_id: str, study: dict) -> list[tuple[str, str, str]]:
    """(message, evidence, severity) of each finding of `rule_id` on `study`."""
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    found = findings_of(con, RULES[rule_id], set_scope(con, None, harness.AS_OF))
    return [(f.message, f.evidence, f.severity or RULES[rule_id].severity) for f in found]


def _study(**values) -> dict:
    study = harness.clean_study()
    study["studies"][0].update(values)
    return study


NOT_YET = dict(overall_status="NOT_YET_RECRUITING", primary_completion_date_type="ESTIMATED",
               completion_date_type="ESTIMATED")


def test_an_actual_start_without_a_date_is_said_so(tmp_path):
    study = _study(**NOT_YET, enrollment_type="ESTIMATED", start_date=None, start_date_precision=None)
    assert _findings(tmp_path, "contradictions.not_yet_recruiting_with_actuals", study) == [(
        "The study is NOT_YET_RECRUITING but its start date (not given) is marked actual.",
        "studies.overall_status = 'NOT_YET_RECRUITING'; studies.start_date = NULL (ACTUAL)", "error")]


@pytest.mark.parametrize("start_type, enrollment, message, severity", [
    ("ACTUAL", 0, "The study is NOT_YET_RECRUITING but its start date 2020-01-16 is marked actual.", "error"),
    ("ESTIMATED", 0, "The study is NOT_YET_RECRUITING but its enrollment of 0 is marked actual.", "warning"),
    ("ESTIMATED", 25, "The study is NOT_YET_RECRUITING but its enrollment of 25 is marked actual.", "error"),
])
def test_actuals_before_recruiting_are_errors_unless_nobody_is_counted(tmp_path, start_type, enrollment, message,
                                                                       severity):
    study = _study(**NOT_YET, start_date_type=start_type, enrollment=enrollment)
    [(found, _evidence, found_severity)] = _findings(tmp_path, "contradictions.not_yet_recruiting_with_actuals", study)
    assert (found, found_severity) == (message, severity)


def test_an_estimated_enrollment_without_a_count_is_said_so(tmp_path):
    study = _study(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=None,
                   enrollment_type="ESTIMATED")
    [(message, _evidence, severity)] = _findings(tmp_path, "contradictions.closed_status_estimated_enrollment", study)
    assert (message, severity) == ("The study is TERMINATED but its enrollment (no count given) is still an estimate.",
                                   "warning")


@pytest.mark.parametrize("why, posted, severity", [
    ("N/A", date(2019, 12, 2), "warning"),
    ("Other", date(2019, 12, 2), "warning"),
    ("Study discontinued.", date(2007, 4, 18), "info"),
])
def test_a_reason_for_stopping_that_names_none_is_quoted(tmp_path, why, posted, severity):
    # first posted before FDAAA, the study is judged as stopped before it only where its dates end before it too
    ended = harness.ENDED_BEFORE_FDAAA if posted.year < 2008 else {}
    study = _study(overall_status="TERMINATED", why_stopped=why, study_first_posted_date=posted, **ended)
    before_fdaaa = ("; the record was made public or last updated before FDAAA (2007-09-27) asked why a study "
                    "stopped, and no date it gives shows the study ran past that day") if severity == "info" else ""
    assert _findings(tmp_path, "status.stopped_without_reason", study) == [(
        f"Status is TERMINATED but why the study stopped is given only as '{why}', which names no reason.",
        f"overall_status=TERMINATED; why_stopped={why}{before_fdaaa}", severity)]


def test_a_blank_reason_for_stopping_is_said_to_be_missing(tmp_path):
    study = _study(overall_status="TERMINATED", why_stopped=" ")
    assert _findings(tmp_path, "status.stopped_without_reason", study) == [(
        "Status is TERMINATED but the record gives no reason why the study stopped.",
        "overall_status=TERMINATED; why_stopped=NULL", "warning")]


def _arms(study: dict, titles: tuple[str, ...], links: tuple[tuple[str, str], ...]) -> dict:
    study["design_groups"] = [{"group_type": "EXPERIMENTAL", "title": title, "description": None} for title in titles]
    study["design_group_interventions"] = [{"design_group": arm, "intervention": drug} for arm, drug in links]
    return study


@pytest.mark.parametrize("title, linked_as", [
    ("Arm  A", "Arm A"), ("Arm A.", "Arm A"), ("ARM A", "arm a"), ("Arm A", " Arm\tA ."),
])
def test_a_link_matches_its_arm_whatever_its_case_spacing_or_closing_full_stop(tmp_path, title, linked_as):
    study = _arms(harness.clean_study(), (title, "Placebo"), ((linked_as, "Baricitinib"), ("Placebo", "Placebo")))
    for rule_id in ("protocol.arm_without_intervention", "protocol.link_to_unlisted_arm"):
        assert _findings(tmp_path / rule_id.replace(".", "_"), rule_id, study) == []


def test_a_link_to_another_label_is_one_broken_link_not_also_an_arm_without_intervention(tmp_path):
    study = _arms(harness.clean_study(), ("Arm A", "Placebo"), (("Arm B", "Baricitinib"), ("Placebo", "Placebo")))
    assert _findings(tmp_path / "arm", "protocol.arm_without_intervention", study) == []
    assert [m for m, _e, _s in _findings(tmp_path / "link", "protocol.link_to_unlisted_arm", study)] == [
        'A link of the record names the arm "Arm B" (for "Baricitinib"), which is not among its arms.']


@pytest.mark.parametrize("posted, severity", [(date(2019, 12, 2), "warning"), (date(2015, 3, 2), "info")])
def test_dose_escalation_cohorts_in_a_single_group_are_info_only_before_sequential_existed(tmp_path, posted,
                                                                                            severity):
    study = _arms(_study(study_first_posted_date=posted), ("Dose level 1: 10 mg", "Dose level 2: 20 mg"), ())
    study["designs"][0].update(intervention_model="SINGLE_GROUP", allocation="NON_RANDOMIZED", masking="NONE")
    [(message, _evidence, found)] = _findings(tmp_path, "contradictions.single_group_several_arms", study)
    assert (message, found) == ("The intervention model is SINGLE_GROUP but the study lists 2 different arms.",
                                severity)
