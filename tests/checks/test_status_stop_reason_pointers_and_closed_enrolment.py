"""The status rules on what a record says when and why it stopped: a COMPLETED study's reason that only says enrolment
closed at a count or the treatment ended per protocol ("Enrollment stopped at 120 participants", "Treatment
discontinued per protocol"), a reason for stopping that points to a part of the record the record does not give ("See
detailed description" without one), an estimated enrollment on a closed study first posted before FDAAA that ran past
it, and a site open under expanded access. What fires or stays quiet, and what each finding says."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
COMPLETED_REASON = "status.completed_with_reason_stopped"
STOPPED = "status.stopped_without_reason"
CLOSED = "contradictions.closed_status_estimated_enrollment"
SITES = "status.site_status_differs"
OPEN_ACTUAL = "status.open_status_actual_primary_completion"
WITHDRAWN = "status.withdrawn_with_enrollment"

# A COMPLETED study's reason that says only that enrolment closed at a count, or that the treatment ended as the
# protocol has it: the course the protocol set was run.
RAN_AS_PLANNED = (
    "Enrollment stopped at 120 participants",
    "Enrolment stopped at 150 participants.",
    "Enrollment was stopped at n=200",
    "Accrual stopped after 24 patients",
    "Inclusion stopped at 80 patients",
    "Enrollment terminated at 100 subjects",
    "Recruitment closed at 60 subjects",
    "Enrollment stopped at 120 patients as planned",
    "Treatment discontinued per protocol",
    "Treatment discontinued as per protocol",
    "Dosing discontinued per protocol",
    "Treatment stopped according to the protocol",
)
# A word more says the study ended early, or may: still a warning.
ENDED_EARLY = (
    "Enrollment stopped early at 40 participants",
    "Enrollment stopped at only 40 participants",
    "Recruitment stopped at 30 patients due to slow accrual",
    "Enrollment stopped at 120 participants before the target of 200",
    "Recruitment halted at 45 patients (planned 90)",
    "Study terminated; enrollment stopped at 40",
    "Study stopped per protocol",
    "Study discontinued per protocol after interim analysis",
    "Study drug discontinued per protocol stopping rules",
    "Stopped per protocol-defined futility boundary",
)

NO_DETAIL = {"detailed_descriptions": []}
DETAIL_SAYS_WHY = {"detailed_descriptions": [{"description": "The sponsor terminated the study for slow enrollment."}]}
# A reason that only points to a part of the record the record does not give: (reason, tables, the part named).
POINTS_TO_NOTHING = {
    "See detailed description": (NO_DETAIL, "detailed description"),
    "Other reasons (see detailed description)": (NO_DETAIL, "detailed description"),
    "Other - see detailed description": (NO_DETAIL, "detailed description"),
    "Please see the detailed description.": ({"detailed_descriptions": [{"description": None}]},
                                             "detailed description"),
    "Refer to detailed description": ({"detailed_descriptions": [{"description": "  "}]}, "detailed description"),
    "Reason: see detailed description": (NO_DETAIL, "detailed description"),
    "As described in the detailed description": (NO_DETAIL, "detailed description"),
    "See Detailed Description section": (NO_DETAIL, "detailed description"),
    "See brief summary": ({"brief_summaries": []}, "brief summary"),
    "See description": ({"brief_summaries": [], **NO_DETAIL}, "brief summary or detailed description"),
}
# A pointer to a part the record gives, or to one the warehouse does not hold, or beside a reason: a reason.
POINTS_TO_A_REASON = {
    "See detailed description": DETAIL_SAYS_WHY,
    "Other reasons (see detailed description)": DETAIL_SAYS_WHY,
    "See brief summary": NO_DETAIL,
    "See description": NO_DETAIL,
    "See study description": NO_DETAIL,
    "Reason described in the results": NO_DETAIL,
    "See protocol": NO_DETAIL,
    "Slow accrual (see detailed description)": NO_DETAIL,
    "See detailed description: funding": NO_DETAIL,
}

# Posted before FDAAA, with an estimated enrollment of 120, its dates as `harness.ENDED_BEFORE_FDAAA` moves them.
POSTED_2005 = dict(study_first_posted_date=date(2005, 3, 1), enrollment=120, enrollment_type="ESTIMATED",
                   **harness.ENDED_BEFORE_FDAAA)
# (changes to POSTED_2005, severity, how the evidence ends)
CLOSED_ERA = {
    "ended 2004": ({}, "info", "; first posted 2005-03-01, before FDAAA required it"),
    "completed 2012": ({"completion_date": date(2012, 6, 1), "last_update_posted_date": date(2013, 1, 1)}, "warning",
                       "; first posted 2005-03-01, before FDAAA required it, but the study was still running on its "
                       "completion date 2012-06-01 (ACTUAL)"),
    "terminated 2008": ({"overall_status": "TERMINATED", "why_stopped": "Funding", "primary_completion_date":
                         date(2008, 2, 1), "completion_date": date(2008, 2, 1), "last_update_posted_date":
                         date(2009, 1, 1)}, "warning",
                        "but the study was still running on its completion date 2008-02-01 (ACTUAL)"),
    "legacy, submitted 2005, completed 2009-03": ({"study_first_posted_date": None,
                                                   "study_first_submitted_date": date(2005, 6, 23),
                                                   "completion_date": date(2009, 3, 1), "completion_date_type": None,
                                                   "completion_date_precision": "month",
                                                   "last_update_posted_date": date(2010, 1, 1),
                                                   "source_layout": "ctgov_xml"}, "warning",
                                                  "; first submitted 2005-06-23, before FDAAA required it, but the "
                                                  "study was still running on its completion date 2009-03"),
    "completion 2012 still an estimate": ({"completion_date": date(2012, 6, 1), "completion_date_type": "ESTIMATED",
                                           "last_update_posted_date": date(2013, 1, 1)}, "info",
                                          "; first posted 2005-03-01, before FDAAA required it"),
    "completion 2012 untyped, after the last update": ({"completion_date": date(2012, 6, 1),
                                                        "completion_date_type": None}, "info",
                                                       "; first posted 2005-03-01, before FDAAA required it"),
}


def _sites(overall: str, *statuses: str) -> tuple[dict, dict]:
    """The overall status and one site per status given (dates and enrollment left as plans)."""
    site = harness.clean_study()["facilities"][0]
    return ({"overall_status": overall, "primary_completion_date_type": "ESTIMATED",
             "completion_date_type": "ESTIMATED", "enrollment_type": "ESTIMATED"},
            {"facilities": [{**site, "name": f"Site {i}", "status": status} for i, status in enumerate(statuses)]})


# (rule, shape, severity or None): the reviewed rules' shapes, site statuses and the two status rules' guards.
REVIEWED = {
    "recruiting, one site available under expanded access": (SITES, _sites("RECRUITING", "AVAILABLE"), None),
    "recruiting, a site available, one not yet": (SITES, _sites("RECRUITING", "NOT_YET_RECRUITING", "AVAILABLE"),
                                                  None),
    "not yet recruiting, a site available": (SITES, _sites("NOT_YET_RECRUITING", "AVAILABLE"), None),
    "recruiting, its one site terminated": (SITES, _sites("RECRUITING", "TERMINATED"), "warning"),
    "not yet recruiting, a site active": (SITES, _sites("NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING"), "warning"),
    "recruiting, an actual primary completion still to come": (
        OPEN_ACTUAL, ({"overall_status": "RECRUITING", "primary_completion_date": date(2027, 6, 1),
                       "completion_date": date(2028, 1, 1), "completion_date_type": "ESTIMATED"}, {}), "warning"),
    "not yet recruiting, an actual primary completion": (
        OPEN_ACTUAL, ({"overall_status": "NOT_YET_RECRUITING", "start_date_type": "ESTIMATED",
                       "enrollment_type": "ESTIMATED"}, {}), "error"),
    "suspended, an actual primary completion": (
        OPEN_ACTUAL, ({"overall_status": "SUSPENDED", "why_stopped": "Drug supply"}, {}), None),
    "withdrawn, an anticipated 1": (WITHDRAWN, ({"overall_status": "WITHDRAWN", "why_stopped": "No funding",
                                                 "enrollment": 1, "enrollment_type": "ESTIMATED"}, {}), "info"),
    "withdrawn, an actual 0": (WITHDRAWN, ({"overall_status": "WITHDRAWN", "why_stopped": "No funding",
                                            "enrollment": 0}, {}), None),
}

SHAPES = {
    **{f"completed: {why}": (f"NCT065{n:05d}", {"why_stopped": why}, {})
       for n, why in enumerate(RAN_AS_PLANNED + ENDED_EARLY)},
    **{f"terminated, points to nothing: {why}": (f"NCT066{n:05d}", {"overall_status": "TERMINATED",
                                                                     "why_stopped": why}, tables)
       for n, (why, (tables, _part)) in enumerate(POINTS_TO_NOTHING.items())},
    **{f"terminated, points to a reason: {why}": (f"NCT067{n:05d}", {"overall_status": "TERMINATED",
                                                                      "why_stopped": why}, tables)
       for n, (why, tables) in enumerate(POINTS_TO_A_REASON.items())},
    "withdrawn, points to nothing": ("NCT06800001", {"overall_status": "WITHDRAWN", "enrollment": 0,
                                                     "why_stopped": "See detailed description"}, NO_DETAIL),
    "terminated before FDAAA, points to nothing": ("NCT06800002", {"overall_status": "TERMINATED",
                                                                   "study_first_posted_date": date(2005, 3, 1),
                                                                   "why_stopped": "See detailed description",
                                                                   **harness.ENDED_BEFORE_FDAAA}, NO_DETAIL),
    **{f"closed, posted 2005: {name}": (f"NCT069{n:05d}", {**POSTED_2005, **values}, {})
       for n, (name, (values, _severity, _evidence)) in enumerate(CLOSED_ERA.items())},
    **{f"reviewed: {name}": (f"NCT070{n:05d}", values, tables)
       for n, (name, (_rule, (values, tables), _severity)) in enumerate(REVIEWED.items())},
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str, tuple[str, ...]]]]:
    """Each shape's findings of the rules, all shapes in one warehouse: (rule id, severity, message, evidence,
    fields)."""
    studies = {}
    for nct_id, values, tables in SHAPES.values():
        study = harness.clean_study()
        study["studies"][0].update(values)
        study.update(tables)
        studies[nct_id] = study
    by_id = {nct_id: name for name, (nct_id, _values, _tables) in SHAPES.items()}
    found = {name: [] for name in SHAPES}
    con = harness.warehouse_with(tmp_path_factory.mktemp("status"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        for rule_id in (COMPLETED_REASON, STOPPED, CLOSED, SITES, OPEN_ACTUAL, WITHDRAWN):
            rule = RULES[rule_id]
            for f in findings_of(con, rule, scope):
                found[by_id[f.nct_id]].append((rule_id, f.severity or rule.severity, f.message, f.evidence, f.fields))
    finally:
        con.close()
    return found


def _of(found, shape: str, rule_id: str) -> list[tuple[str, str, str]]:
    return [(severity, message, evidence) for rule, severity, message, evidence, _ in found[shape] if rule == rule_id]


def _fields(found, shape: str, rule_id: str) -> list[tuple[str, ...]]:
    return [fields for rule, _severity, _message, _evidence, fields in found[shape] if rule == rule_id]


@pytest.mark.parametrize("why", RAN_AS_PLANNED)
def test_a_completed_studys_reason_that_says_enrolment_closed_at_a_count_or_treatment_ended_per_protocol_is_none(
        found, why):
    assert _of(found, f"completed: {why}", COMPLETED_REASON) == []


@pytest.mark.parametrize("why", ENDED_EARLY)
def test_a_completed_studys_reason_that_says_more_still_says_it_ended_early(found, why):
    (severity, message, _evidence), = _of(found, f"completed: {why}", COMPLETED_REASON)
    assert (severity, message) == ("warning", f"Status is COMPLETED but the record says why the study stopped: "
                                              f"'{why}', which says it ended early (TERMINATED).")


@pytest.mark.parametrize("why", POINTS_TO_NOTHING)
def test_a_reason_that_points_to_a_part_the_record_does_not_give_is_none(found, why):
    part = POINTS_TO_NOTHING[why][1]
    assert _of(found, f"terminated, points to nothing: {why}", STOPPED) == [(
        "warning", f"Status is TERMINATED but why the study stopped is given only as '{why}', and the record gives "
                   f"no {part}.", f"overall_status=TERMINATED; why_stopped={why}; {part}: none")]


@pytest.mark.parametrize("shape, part", [
    ("terminated, points to nothing: See detailed description", ("detailed_descriptions.description",)),
    ("terminated, points to nothing: See brief summary", ("brief_summaries.description",)),
    ("terminated, points to nothing: See description", ("brief_summaries.description",
                                                        "detailed_descriptions.description")),
    ("reviewed: withdrawn, an anticipated 1", None),
])
def test_a_pointer_to_nothing_names_the_part_among_its_fields(found, shape, part):
    rule = WITHDRAWN if part is None else STOPPED
    expected = RULES[rule].fields if part is None else ("studies.overall_status", "studies.why_stopped", *part)
    assert _fields(found, shape, rule) == [expected]


@pytest.mark.parametrize("why", POINTS_TO_A_REASON)
def test_a_pointer_to_a_part_the_record_gives_or_beside_a_reason_is_a_reason(found, why):
    assert _of(found, f"terminated, points to a reason: {why}", STOPPED) == []


def test_a_withdrawn_study_pointing_to_nothing_and_one_stopped_before_fdaaa(found):
    (severity, message, _evidence), = _of(found, "withdrawn, points to nothing", STOPPED)
    assert (severity, message) == ("warning", "Status is WITHDRAWN but why the study stopped is given only as 'See "
                                              "detailed description', and the record gives no detailed description.")
    assert [s for s, _m, _e in _of(found, "terminated before FDAAA, points to nothing", STOPPED)] == ["info"]


@pytest.mark.parametrize("name", CLOSED_ERA)
def test_an_estimated_enrollment_of_a_study_posted_before_fdaaa_is_a_warning_where_it_ran_past_it(found, name):
    _values, severity, evidence = CLOSED_ERA[name]
    (said, message, given), = _of(found, f"closed, posted 2005: {name}", CLOSED)
    assert said == severity
    assert message.endswith("but its enrollment of 120 is still an estimate.")
    assert given.endswith(evidence)


@pytest.mark.parametrize("name", REVIEWED)
def test_the_reviewed_status_rules(found, name):
    rule, _shape, severity = REVIEWED[name]
    assert [s for s, _m, _e in _of(found, f"reviewed: {name}", rule)] == ([severity] if severity else [])
